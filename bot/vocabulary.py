"""The codes the service stores and staff see, each list owned here, once.

Teams and handoff reasons are typed in bot/contracts.py (the handoff payload's Literal
types); every other list is written here. Their words are in the one catalogue
(bot/staff_messages.yml, `<kind>_<code>`), and `for_staff()` is what GET /console/api/me
sends, so console.js shows the same lists with the same words as the server-rendered pages
instead of keeping copies.
"""

from __future__ import annotations

from typing import Dict, Tuple, TypedDict, get_args

from bot.contracts import TEAMS, HandoffReason, Priority
from bot.language import LANGUAGES
from bot.texts import catalogue

HANDOFF_REASONS: Tuple[str, ...] = get_args(HandoffReason)
PRIORITIES: Tuple[str, ...] = get_args(Priority)
# Every channel's name, as conversations record it (channels/__init__.py NAMES is this list).
CHANNELS = ("webchat", "telegram", "rest", "socketio", "sms", "messenger", "whatsapp")
ROLES = ("officer", "supervisor", "admin", "trainer", "expert")  # what each may do: bot/handoff/policy.py
TICKET_STATES = ("waiting", "active", "resolved", "cancelled")
OPEN_STATES = ("waiting", "active")
# How an officer closes a ticket (the console's choices); the system closes one as
# citizen_cancelled when the citizen goes back to the assistant.
OUTCOMES = ("answered", "referred", "no_response", "duplicate", "other")
SYSTEM_OUTCOMES = ("citizen_cancelled",)
# Who wrote a transcript line; an `event` (the handoff request) is internal: staff only.
SENDERS = ("citizen", "bot", "officer", "system", "event")
# What the model says when it did not understand: the fallback rate, the inbox's doubts.
FALLBACK_INTENTS = ("nlu_fallback", "nonsense")

# kind (the catalogue's prefix) -> its codes
KINDS: Dict[str, Tuple[str, ...]] = {
    "team": TEAMS,
    "reason": HANDOFF_REASONS,
    "priority": PRIORITIES,
    "channel": CHANNELS,
    "role": ROLES,
    "status": TICKET_STATES,
    "outcome": OUTCOMES + SYSTEM_OUTCOMES,
    "lang": LANGUAGES,
    "sender": SENDERS,
}

Words = Dict[str, str]  # {"en": ..., "fr": ...}


class StaffVocabulary(TypedDict):
    teams: Tuple[str, ...]
    reasons: Tuple[str, ...]
    priorities: Tuple[str, ...]
    channels: Tuple[str, ...]
    roles: Tuple[str, ...]
    ticket_states: Tuple[str, ...]
    open_states: Tuple[str, ...]
    outcomes: Tuple[str, ...]
    fallback_intents: Tuple[str, ...]
    senders: Tuple[str, ...]
    languages: Tuple[str, ...]
    labels: Dict[str, Dict[str, Words]]


def labels() -> Dict[str, Dict[str, Words]]:
    """{kind: {code: {"en", "fr"}}} for every code of every kind."""
    entries = catalogue()
    return {kind: {code: {lang: entries[f"{kind}_{code}"][lang] for lang in LANGUAGES} for code in codes}
            for kind, codes in KINDS.items()}


def for_staff() -> StaffVocabulary:
    return {"teams": TEAMS, "reasons": HANDOFF_REASONS, "priorities": PRIORITIES, "channels": CHANNELS,
            "roles": ROLES, "ticket_states": TICKET_STATES, "open_states": OPEN_STATES,
            "outcomes": OUTCOMES, "fallback_intents": FALLBACK_INTENTS, "languages": LANGUAGES, "senders": SENDERS,
            "labels": labels()}
