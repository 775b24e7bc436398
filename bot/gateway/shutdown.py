"""Stopping the gateway (SIGTERM, SIGINT) without losing a citizen's message.

aiohttp's order (web_runner.AppRunner.cleanup): stop listening, close idle keep-alive
connections, run `on_shutdown`, wait up to `shutdown_timeout` for the handlers still
running, then the `cleanup_ctx` hooks (engine, database...). Our `on_shutdown` step:
1. every channel with live connections drains (channels.Draining; the web chat): new
   sockets get 503, a message arriving now gets "retry" (the page keeps it and sends it to
   the next gateway), never a silent drop;
2. they wait for their turns in flight, at most `grace` seconds: the replies reach the
   page (and are stored, so a page that reconnects elsewhere gets them in its history);
3. they close their sockets with 1012 (service restart), and so do the officer consoles:
   pages reconnect at once, to another replica or to this gateway once it is back.
A handler still running after that (a REST call) has `shutdown_timeout` to finish.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable, Sequence

from aiohttp import WSCloseCode, web

from bot.gateway.keys import DESK
from channels import Channel, Draining

log = logging.getLogger(__name__)

RESTART = b"service restart"


def drain(grace: float, channels: Sequence[Channel]) -> Callable[[web.Application], Awaitable[None]]:
    """The `on_shutdown` hook: drain the channels together, then close the consoles as "restart"."""

    async def on_shutdown(app: web.Application) -> None:
        draining = [channel for channel in channels if isinstance(channel, Draining)]
        await asyncio.gather(*(channel.drain(grace) for channel in draining))
        if DESK in app:
            await app[DESK].hub.close_all(WSCloseCode.SERVICE_RESTART, RESTART)
        log.info("shutdown: %s drained, consoles closed", ", ".join(c.name for c in draining) or "nothing")

    return on_shutdown
