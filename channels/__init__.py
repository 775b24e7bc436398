"""One thin adapter per messaging channel: verify, parse, hand to the router, answer.

`Channel` is what the gateway knows of an adapter (bot/gateway/app.py loops over them):
its name (the `channel` column of a conversation), its routes, start and stop in the
application's lifecycle, and `deliver`, which hands officer and system lines to a citizen
outside a reply (the handoff desk calls it). True: taken in charge (shown now, or stored in
the outbox, which marks the line sent or failed); False leaves them pending for the next
reply. Every channel implements it: REST, the web chat, Socket.IO, SMS, Telegram, Messenger
and WhatsApp.

A channel that holds live connections (the web chat's sockets) also implements
`Draining.drain`: on SIGTERM (bot/gateway/shutdown.py) it takes no new work, lets the
turns in flight finish and closes its connections with "service restart".

A channel that pushes to a platform's API (Telegram, SMS, Messenger, WhatsApp) also
implements `PushChannel.send`: one message to one address, raising `SendFailed` when the
platform did not accept it. The outbox (bot/gateway/outbox.py) is the only caller: it sends
in order per conversation, retries with backoff what `SendFailed.retryable` allows, and
marks a line sent only once `send` returned. Such a channel posts its replies to the
outbox (`app[OUTBOX].post`), never sends them itself. create_app registers every
`PushChannel` with the outbox.

A channel that can show the citizen that an officer is typing (the web chat, Telegram,
Messenger) also implements `TypingChannel.show_typing`; create_app registers it with the
typing relay (bot/handoff/typing.py). Never stored, never through the outbox.

A channel that can be up or not on its own (Telegram connecting to the Bot API) also
implements `Reporting.health`; GET /health shows it under the channel's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Protocol, runtime_checkable

from aiohttp import web

from bot.vocabulary import CHANNELS

if TYPE_CHECKING:
    from bot.engine import BotMessage
    from bot.storage.models import Conversation

# Every channel's name, as conversations record it (bot/vocabulary.py owns the list).
NAMES = CHANNELS


class Channel(Protocol):
    name: str

    def add_routes(self, app: web.Application) -> None:
        """Register its routes (before the application starts)."""

    async def start(self, app: web.Application) -> None:
        """Open what it needs (HTTP clients, tasks); the router and desk exist by then."""

    async def stop(self) -> None:
        """Close what `start` opened."""

    async def deliver(self, conversation: "Conversation", messages: "List[BotMessage]", sender: str) -> bool:
        """Show them now, or post them to the outbox: True; False if it could not (they stay
        pending, delivered with the citizen's next reply)."""


@runtime_checkable
class Draining(Protocol):
    async def drain(self, grace: float) -> None:
        """Take no new messages, wait up to `grace` seconds for the turns in flight, then
        close live connections so that clients reconnect at once (to the next gateway)."""


class SendFailed(Exception):
    """The platform did not accept a message. `retryable`: a network error, 429 or 5xx
    (try again later, after `retry_after` seconds if the platform said so); otherwise the
    platform refused it for good (a blocked bot, a closed messaging window, a bad address)."""

    def __init__(self, reason: str, retryable: bool = True, retry_after: Optional[float] = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


@runtime_checkable
class PushChannel(Channel, Protocol):
    async def send(self, address: str, message: "BotMessage", language: str) -> str:
        """Send one message to one address on the platform; the platform's id for it.
        Raises SendFailed. Never called concurrently for the same address."""


@runtime_checkable
class TypingChannel(Protocol):
    name: str

    async def show_typing(self, conversation: "Conversation", name: str) -> None:
        """Show the citizen that the officer `name` (a first name) is typing, once, now.
        Raises on failure; the caller drops the signal (never retried)."""


@runtime_checkable
class Reporting(Protocol):
    name: str

    def health(self) -> str:
        """"ok", or a short phrase naming the state ("starting", "unreachable"); no error text."""
