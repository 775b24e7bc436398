"""Stopping the gateway (SIGTERM, SIGINT) without losing a citizen's message.

aiohttp's order (web_runner.AppRunner.cleanup): stop listening, close idle keep-alive
connections, run `on_shutdown`, wait up to `shutdown_timeout` for the handlers still
running, then the `cleanup_ctx` hooks (engine, database...). Our `on_shutdown` step:
1. the web chat drains: new sockets get 503, a message arriving now gets "retry" (the page
   keeps it and sends it to the next gateway), never a silent drop;
2. wait for the turns in flight, at most `grace` seconds: their replies reach the page
   (and are stored, so a page that reconnects elsewhere gets them in its history);
3. close the web chat and console sockets with 1012 (service restart): pages reconnect at
   once, to another replica or to this gateway once it is back.
A handler still running after that (a REST call) has `shutdown_timeout` to finish.
"""

from __future__ import annotations

import logging
from typing import Awaitable, Callable

from aiohttp import WSCloseCode, web

from bot.gateway.keys import DESK, WEBCHAT

log = logging.getLogger(__name__)

RESTART = b"service restart"


def drain(grace: float) -> Callable[[web.Application], Awaitable[None]]:
    """The `on_shutdown` hook: drain the web chat, then close the live sockets as "restart"."""

    async def on_shutdown(app: web.Application) -> None:
        finished = await app[WEBCHAT].drain(grace)
        log.info("shutdown: web chat drained (%s); closing live sockets",
                 "every turn finished" if finished else "turns left running")
        await app[WEBCHAT].close_all(WSCloseCode.SERVICE_RESTART, RESTART)
        if DESK in app:
            await app[DESK].hub.close_all(WSCloseCode.SERVICE_RESTART, RESTART)

    return on_shutdown
