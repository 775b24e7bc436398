"""Read a message in the light of the conversation, before the dialogue policies see it.

Two things a citizen says that make sense only after what came before:
- the answer to "are you travelling in the next two weeks?" given as a date ("my flight is in
  2 days", "je pars demain matin"): read as yes (within two weeks) or no;
- an elliptical follow-up ("and for a kid?", "what about october", "pis en novembre?", "et si je
  vis en France?"): read together with the citizen's previous message, so it keeps its topic.

The text itself is never changed (the answer action still reads "for a kid" from it); only the
intent, its ranking and the chosen knowledge entry can come from the combined reading.
"""

from __future__ import annotations

import re
from typing import Any, Awaitable, Callable, Dict, Optional

from bot.knowledge import cached_knowledge

FOLLOW_UP = re.compile(
    r"^\W*(?:and|also|what about|how about|what if|and if|and for|ok and|okay and|same for|"
    r"et|pis|puis|et si|et pour|pis pour|pis si|pis en|et en|ok pis|ok et|pareil pour|meme chose pour)\b",
    re.IGNORECASE,
)
MAX_FOLLOW_UP_WORDS = 10
MAX_DOUBTFUL_WORDS = 6
TRAVEL_QUESTION = "utter_ask_travel_soon"
KEEP = {"affirm", "deny", "request_human", "complaint", "stop"}
DOUBTFUL_OFF_TOPIC = 0.75  # an "out of scope" this unsure, in a short message, may lean on the last one

Parse = Callable[[str], Awaitable[Dict[str, Any]]]


def previous_bot_action(events: Any) -> Optional[str]:
    for event in reversed(list(events)):
        name = getattr(event, "action_name", None)
        if name and name != "action_listen":
            return str(name)
        if type(event).__name__ == "UserUttered":
            return None
    return None


def previous_user_text(events: Any) -> Optional[str]:
    for event in reversed(list(events)):
        if type(event).__name__ == "UserUttered":
            text = getattr(event, "text", None)
            return str(text) if text and not str(text).startswith("/") else None
    return None


def _intent(parse_data: Dict[str, Any]) -> str:
    return str((parse_data.get("intent") or {}).get("name") or "")


def _answering(intent: str) -> bool:
    return cached_knowledge().overview(intent) is not None


def _with_intent(parse_data: Dict[str, Any], intent: str) -> Dict[str, Any]:
    ranking = [{"name": intent, "confidence": 1.0}] + [
        {"name": r.get("name"), "confidence": 0.0} for r in parse_data.get("intent_ranking") or [] if r.get("name") != intent
    ]
    return {**parse_data, "intent": {"name": intent, "confidence": 1.0}, "intent_ranking": ranking}


async def in_context(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Dict[str, Any]:
    """`parse_data` of `text`, read again with the conversation `events` where it needs them."""
    from actions.situation import travel_window

    intent = _intent(parse_data)
    confidence = float((parse_data.get("intent") or {}).get("confidence") or 0.0)
    if text.startswith("/") or intent in KEEP or (intent == "choose_language" and confidence >= 1.0):
        return parse_data  # a rule decided a language request (bot/nlu/phrases.py): keep it
    if previous_bot_action(events) == TRAVEL_QUESTION:
        window = travel_window(text)
        if window:
            return _with_intent(parse_data, "affirm" if window == "soon" else "deny")
    words = len(text.split())
    follow_up = bool(FOLLOW_UP.search(text)) and words <= MAX_FOLLOW_UP_WORDS
    doubtful = words <= MAX_DOUBTFUL_WORDS and (
        intent == "nlu_fallback" or (intent == "out_of_scope" and confidence < DOUBTFUL_OFF_TOPIC))
    if not (follow_up or doubtful):
        return parse_data
    before = previous_user_text(events)
    if not before:
        return parse_data
    combined = await parse(f"{before} {text}")
    if not _answering(_intent(combined)):
        return parse_data
    return {**parse_data, **{key: combined[key] for key in ("intent", "intent_ranking", "knowledge") if key in combined}}
