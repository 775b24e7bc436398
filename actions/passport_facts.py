"""Answer fee, processing-time and urgent-service questions with figures from content/."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.content import load
from actions.fees import money

RESPONSE_FOR_INTENT = {
    "passport_fees": "utter_passport_fees",
    "passport_processing_times": "utter_passport_processing_times",
    "passport_urgent": "utter_passport_urgent",
}


def facts(language: str) -> Dict[str, Any]:
    """Template variables for the passport responses in domain.yml."""
    fees = load("passport_fees")
    times = load("passport_processing")
    days = times["business_days"]
    base = fees["passport"]
    prices = {
        "adult_10_canada": base["in_canada"]["adult"][10],
        "adult_5_canada": base["in_canada"]["adult"][5],
        "child_canada": base["in_canada"]["child"][5],
        "adult_10_abroad": base["abroad"]["adult"][10],
        "adult_5_abroad": base["abroad"]["adult"][5],
        "child_abroad": base["abroad"]["child"][5],
        "express_fee": fees["service"]["express"],
        "urgent_fee": fees["service"]["urgent"],
        "lost_fee": fees["lost_or_stolen_surcharge"],
    }
    return {
        **{name: money(value, language) for name, value in prices.items()},
        "in_person_days": days["in_person_canada"],
        "mail_days": days["mail_canada"],
        "abroad_days": days["abroad"],
        "express_min": days["express_min"],
        "express_max": days["express_max"],
        "urgent_when": times["urgent_fr"] if language == "fr" else times["urgent"],
    }


class ActionPassportFacts(Action):
    def name(self) -> Text:
        return "action_passport_facts"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        response = RESPONSE_FOR_INTENT.get(intent or "", "utter_passport_fees")
        dispatcher.utter_message(response=response, **facts(tracker.get_slot("language") or "en"))
        return []
