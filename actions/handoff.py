"""Hand a conversation to a human officer, and the fallback that leads there.

`action_handoff` tells the citizen (utter_handoff) and emits a `HandoffRequest`
(bot/contracts.py) as a custom payload that the gateway acts on.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.content import load
from bot.contracts import HANDOFF_REQUEST, HandoffReason, HandoffRequest, Priority, Team

PROGRAM_PREFIXES = ("sin_", "ei_", "ccb_", "student_loan_")
# Messages the assistant could not understand: low NLU confidence, or keyboard mashing
# (the `nonsense` intent, which would otherwise get a confident wrong intent).
FALLBACKS = ("nlu_fallback", "nonsense")


def user_intents(tracker: Tracker) -> List[str]:
    """Intents of the citizen's messages, most recent first."""
    return [
        (event.get("parse_data") or {}).get("intent", {}).get("name") or ""
        for event in reversed(tracker.events)
        if event.get("event") == "user"
    ]


def topic_of(intents: List[str]) -> Team:
    for intent in intents:
        if intent.startswith("passport_"):
            return "passport"
        if intent.startswith(PROGRAM_PREFIXES):
            return "programs"
    return "general"


def reason_of(
    intents: List[str], previous_action: Optional[str], travel_window: Optional[str] = None
) -> HandoffReason:
    latest = intents[0] if intents else ""
    if latest == "complaint":
        return "complaint"
    if latest in FALLBACKS:
        return "repeated_fallback"
    if previous_action == "utter_ask_travel_soon":
        return "urgent_travel"
    if latest == "passport_lost_stolen" and travel_window == "soon":
        return "urgent_travel"  # the same message said when: actions/situation.py
    return "citizen_request"


def previous_bot_action(tracker: Tracker) -> Optional[str]:
    """The last action before the citizen's latest message (e.g. the question it answers)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "action" and event.get("name") != "action_listen":
            return str(event.get("name"))
    return None


def handoff_request(tracker: Tracker) -> HandoffRequest:
    intents = user_intents(tracker)
    reason = reason_of(intents, previous_bot_action(tracker), tracker.get_slot("travel_window"))
    priority: Priority = "high" if reason == "urgent_travel" else "normal"
    return HandoffRequest(
        type=HANDOFF_REQUEST,
        version=1,
        reason=reason,
        priority=priority,
        topic=topic_of(intents),
        language="fr" if tracker.get_slot("language") == "fr" else "en",
        last_intent=intents[0] if intents else None,
    )


class ActionHandoff(Action):
    def name(self) -> Text:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        request = handoff_request(tracker)
        dispatcher.utter_message(response="utter_handoff")
        dispatcher.utter_message(json_message=dict(request))
        return [SlotSet("handoff_reason", request["reason"])]


# A doubtful message offers the likeliest topics as buttons when the model leaned to them at
# least this much; below, it asks to rephrase.
CLARIFY_MIN_CONFIDENCE = 0.1
CLARIFY_CHOICES = 2


def clarify_choices(tracker: Tracker, topics: Dict[str, Any], language: str) -> List[Dict[str, str]]:
    """Buttons for the likeliest answerable topics of the latest message (at most two)."""
    ranking = (tracker.latest_message or {}).get("intent_ranking") or []
    choices = []
    for candidate in ranking:
        name = candidate.get("name")
        if name in topics and name != "request_human" and (candidate.get("confidence") or 0) >= CLARIFY_MIN_CONFIDENCE:
            choices.append({"title": topics[name][language]["short"], "payload": f"/{name}"})
        if len(choices) == CLARIFY_CHOICES:
            break
    return choices


class ActionClarifyOrHandoff(Action):
    """First doubtful message: offer the two likeliest topics, or ask to rephrase.
    Second in a row: hand off."""

    def name(self) -> Text:
        return "action_clarify_or_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intents = user_intents(tracker)
        if len(intents) >= 2 and intents[0] in FALLBACKS and intents[1] in FALLBACKS:
            return await ActionHandoff().run(dispatcher, tracker, domain)
        language = "fr" if tracker.get_slot("language") == "fr" else "en"
        choices = clarify_choices(tracker, load("topics")["topics"], language) if intents[:1] != ["nonsense"] else []
        if choices:
            dispatcher.utter_message(response="utter_clarify", buttons=choices)
        else:
            dispatcher.utter_message(response="utter_please_rephrase")
        return []
