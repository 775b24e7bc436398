"""Typed keys for what the gateway application holds."""

from __future__ import annotations

from typing import TYPE_CHECKING, List

from aiohttp import web

from bot.gateway.senders import SenderKeys
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.spool import Spool

if TYPE_CHECKING:
    from bot.gateway.bus import Bus
    from bot.gateway.metrics import Metrics
    from bot.gateway.outbox import Outbox
    from bot.gateway.router import Router
    from bot.handoff.desk import Desk
    from bot.handoff.typing import TypingRelay
    from channels import Channel

SETTINGS = web.AppKey("settings", Settings)
DATABASE = web.AppKey("database", Database)
ROUTER: "web.AppKey[Router]" = web.AppKey("router")
OUTBOX: "web.AppKey[Outbox]" = web.AppKey("outbox")
CHANNELS: "web.AppKey[List[Channel]]" = web.AppKey("channels")  # the Channel-protocol channels on
DESK: "web.AppKey[Desk]" = web.AppKey("desk")
METRICS: "web.AppKey[Metrics]" = web.AppKey("metrics")
TYPING: "web.AppKey[TypingRelay]" = web.AppKey("typing")  # bot/handoff/typing.py
BUS: "web.AppKey[Bus]" = web.AppKey("bus")
SENDERS = web.AppKey("senders", SenderKeys)
SPOOL = web.AppKey("spool", Spool)
