"""Off-topic: say so honestly, and where to go. When the citizen named another program,
document or store (content/other_services.yml), the answer names it, so they know they were
understood and that it is not ours to answer."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.nlu.phrases import other_service_named


class ActionOutOfScope(Action):
    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        say_out_of_scope(dispatcher, tracker)
        return []


def say_out_of_scope(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """That the latest message is not ours to answer, naming the service it named, and where to go."""
    language = "fr" if tracker.get_slot("language") == "fr" else "en"
    named = other_service_named(str((tracker.latest_message or {}).get("text") or ""))
    if named:
        dispatcher.utter_message(response="utter_out_of_scope_named", service=named[language])
    else:
        dispatcher.utter_message(response="utter_out_of_scope")
