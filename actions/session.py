"""Start every conversation with the bilingual active offer and the privacy notice."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.language import LANGUAGES

CARRIED_OVER = ("language",)


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        events: List[EventType] = [SessionStarted()]
        for slot in CARRIED_OVER:
            value = tracker.get_slot(slot)
            if value is not None:
                events.append(SlotSet(slot, value))
        # A channel may know the citizen's language (e.g. Telegram's language_code); it
        # arrives as message metadata and only seeds a conversation that has none yet.
        metadata = tracker.get_slot("session_started_metadata") or {}
        hint = metadata.get("language_hint") if isinstance(metadata, dict) else None
        if tracker.get_slot("language") is None and hint in LANGUAGES:
            events.append(SlotSet("language", hint))
        dispatcher.utter_message(response="utter_welcome")
        events.append(ActionExecuted("action_listen"))
        return events
