"""The seam between the gateway and the dialogue engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Protocol, TypedDict


class Button(TypedDict):
    title: str
    payload: str


class BotMessage(TypedDict, total=False):
    """One bot message, in the shape of Rasa's REST channel output."""

    recipient_id: str
    text: str
    buttons: List[Button]
    image: str
    custom: Dict[str, Any]
    # Gateway-internal, never sent on the REST contract: who speaks when it is not the
    # assistant ("system" for the gateway's own notices, "officer"), so a chat shows it.
    sender: str
    # Gateway-internal, never sent to anyone: the id of the transcript line this message is,
    # so the outbox (bot/gateway/outbox.py) marks that line sent, or failed.
    line: int


@dataclass
class EngineReply:
    messages: List[BotMessage] = field(default_factory=list)
    intent: Optional[str] = None
    confidence: Optional[float] = None
    language: Optional[str] = None


class EngineUnavailable(RuntimeError):
    """The engine (or the action server it needs) did not answer."""


class Engine(Protocol):
    async def start(self) -> None: ...

    async def handle(self, sender_id: str, text: str, metadata: Dict[str, Any]) -> EngineReply: ...

    async def start_session(self, sender_id: str, metadata: Dict[str, Any]) -> EngineReply:
        """Start the conversation's session before the citizen writes (the web chat page on
        arrival): what the session start says (the welcome). A session already running
        says nothing."""
        ...

    async def append_events(self, sender_id: str, events: List[Dict[str, Any]]) -> None:
        """Record events (Rasa's JSON event format) in the conversation's tracker."""
        ...

    async def problems(self) -> List[str]:
        """What keeps the engine from answering now (empty: nothing), for GET /health.
        Short phrases naming the part ("engine worker 1 not running"), no error text."""
        ...

    async def close(self) -> None: ...
