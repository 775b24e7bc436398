"""One thin adapter per messaging channel: verify, parse, hand to the router, answer.

`Channel` is what the gateway knows of an adapter (bot/gateway/app.py loops over them):
its name (the `channel` column of a conversation), its routes, start and stop in the
application's lifecycle, and `deliver`, which pushes officer and system lines to a citizen
outside a reply (the handoff desk calls it; False leaves them pending for the next reply).
The Socket.IO and SMS channels implement it; REST, the web chat and Telegram predate it and
are still wired by hand in create_app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Protocol

from aiohttp import web

if TYPE_CHECKING:
    from bot.engine import BotMessage
    from bot.storage.models import Conversation


class Channel(Protocol):
    name: str

    def add_routes(self, app: web.Application) -> None:
        """Register its routes (before the application starts)."""

    async def start(self, app: web.Application) -> None:
        """Open what it needs (HTTP clients, tasks); the router and desk exist by then."""

    async def stop(self) -> None:
        """Close what `start` opened."""

    async def deliver(self, conversation: "Conversation", messages: "List[BotMessage]", sender: str) -> bool:
        """Push messages to the citizen now; False if it could not (they stay pending)."""
