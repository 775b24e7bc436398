"""Stop whichever form is active and forget its answers, so it starts fresh next time."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher


class ActionStopForm(Action):
    def name(self) -> Text:
        return "action_stop_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        form = tracker.active_loop.get("name")
        slots = domain.get("forms", {}).get(form, {}).get("required_slots", []) if form else []
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + [
            SlotSet(slot, None) for slot in slots
        ]
