"""What the citizen said before, read from the conversation's Rasa events: the bot's last action;
the citizen's last few messages (`MAX_TOPIC_TURNS`, none from before a button) and what they
were read as; the conversation's last question of one of our topics with what was said since;
its last topic.
"""

from __future__ import annotations

from typing import Any, Iterator, List, Optional, Tuple

from bot.engine.context.constants import RENEWAL_TOPICS
from bot.engine.context.readings import _answering

MAX_TOPIC_TURNS = 3  # a follow-up is read with the last question of a topic this many messages back


def previous_bot_action(events: Any) -> Optional[str]:
    for event in reversed(list(events)):
        name = getattr(event, "action_name", None)
        if name and name != "action_listen":
            return str(name)
        if type(event).__name__ == "UserUttered":
            return None
    return None


def _said_lately(events: Any) -> Iterator[Tuple[str, Any]]:
    """(text, event) of the citizen's last `MAX_TOPIC_TURNS` messages, newest first; none from
    a button back."""
    count = 0
    for event in reversed(list(events)):
        if type(event).__name__ != "UserUttered":
            continue
        text = str(getattr(event, "text", None) or "")
        if not text or text.startswith("/"):
            return
        yield text, event
        count += 1
        if count >= MAX_TOPIC_TURNS:
            return


def _event_intent(event: Any) -> str:
    """The intent a citizen's earlier message was finally read as."""
    return str((getattr(event, "intent", None) or {}).get("name") or "")


def conversation_so_far(events: Any) -> Optional[str]:
    """What the citizen said since asking the conversation's last question of one of our topics,
    that question first: a follow-up after a detail ("i applied for the ccb for my son", "he was
    born in october", then "ok and when will i start getting it") is read with the question, not
    with the detail alone. All of the last `MAX_TOPIC_TURNS` messages when none of them asked one
    of our topics ("je suis arrivé avec un permis d'études", "je commence une job au Tim");
    nothing after a button."""
    said: List[str] = []
    for text, event in _said_lately(events):
        said.insert(0, text)
        if _answering(_event_intent(event)):
            earlier = (getattr(event, "parse_data", None) or {}).get("read_with")
            return " ".join([str(earlier), *said] if earlier else said)
    return " ".join(said) if said else None


def told_lately(events: Any) -> bool:
    """One of the citizen's last messages told something of one of our topics ("my passport
    expired last month", "my loan payment is 280 a month") rather than only greeting or thanking."""
    return any(_answering(_event_intent(event)) for _, event in _said_lately(events))


def recent_messages(events: Any) -> Optional[str]:
    """The citizen's last `MAX_TOPIC_TURNS` messages, oldest first, whatever they asked."""
    said = [text for text, _ in _said_lately(events)]
    return " ".join(reversed(said)) if said else None


def last_topic(events: Any) -> Optional[str]:
    """The topic of the citizen's last message read as one of our topics, among the last few."""
    return next((_event_intent(event) for _, event in _said_lately(events) if _answering(_event_intent(event))), None)


def last_read(events: Any) -> Optional[str]:
    """What the citizen's last message was read as (None when there was none, or a button)."""
    return next((_event_intent(event) for _, event in _said_lately(events)), None)


def last_said(events: Any) -> str:
    """The citizen's message before this one ("" when none)."""
    return next((text for text, _ in _said_lately(events)), "")


def renewal_asked_lately(events: Any) -> bool:
    """One of the citizen's last messages was read as renewing or whether one may renew."""
    return any(_event_intent(event) in RENEWAL_TOPICS for _, event in _said_lately(events))


def bot_said_last(events: Any, response: str) -> bool:
    """The bot's reply to the citizen's last message included that response ("utter_renewal_not_eligible")."""
    for event in reversed(list(events)):
        if type(event).__name__ == "UserUttered":
            return False
        if type(event).__name__ == "BotUttered" and (getattr(event, "metadata", None) or {}).get("utter_action") == response:
            return True
    return False
