"""Typed payloads that cross process boundaries (action server -> engine -> gateway).

A handoff request is emitted by `action_handoff` as a bot message whose `custom` payload
is a `HandoffRequest`. Channels never show it to the citizen; the gateway turns it into
an officer-queue ticket. Documented in docs/handoff.md.
"""

from __future__ import annotations

from typing import Final, Literal, Optional, Tuple, TypedDict, get_args

HANDOFF_REQUEST: Final = "handoff_request"

HandoffReason = Literal["citizen_request", "complaint", "repeated_fallback", "urgent_travel"]
Priority = Literal["normal", "high"]
Team = Literal["passport", "programs", "general"]
# The officer teams, in display order: the one list every module (and the console, through
# GET /console/api/teams) reads.
TEAMS: Tuple[str, ...] = get_args(Team)


class HandoffRequest(TypedDict):
    type: Literal["handoff_request"]
    version: int
    reason: HandoffReason
    priority: Priority
    topic: Team
    language: Literal["en", "fr"]
    last_intent: Optional[str]


def is_handoff_request(custom: object) -> bool:
    return isinstance(custom, dict) and custom.get("type") == HANDOFF_REQUEST
