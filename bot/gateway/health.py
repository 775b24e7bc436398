"""GET /health: 200 when this gateway can serve citizens, else 503 naming the failing part.

Checks: the database answers a trivial query within a few seconds, and the dialogue engine
reports nothing wrong (its model loaded; with engine workers, every worker running). It
also says how many citizens' messages wait in the local spool (bot/storage/spool.py) for the
database: "ok" when none, else "N waiting"; that alone does not make it 503, since this
gateway still keeps and answers messages (the database check says whether it can store). The
answer names parts only, never an error's text: the endpoint is public (load balancers and
container health checks call it).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Dict

from aiohttp import web
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.gateway.keys import DATABASE, ROUTER, SPOOL
from bot.storage.database import StorageUnavailable

DATABASE_TIMEOUT = 3.0  # seconds

log = logging.getLogger(__name__)


def _ping(session: Session) -> None:
    session.execute(text("SELECT 1"))


async def _database(request: web.Request) -> str:
    try:
        await asyncio.wait_for(request.app[DATABASE].run_async(_ping), DATABASE_TIMEOUT)
    except (StorageUnavailable, SQLAlchemyError, asyncio.TimeoutError) as error:
        log.warning("health: database unreachable: %r", error)
        return "unreachable"
    return "ok"


async def endpoint(request: web.Request) -> web.Response:
    problems = await request.app[ROUTER].engine.problems()
    checks: Dict[str, str] = {"database": await _database(request), "engine": "; ".join(problems) or "ok"}
    healthy = all(state == "ok" for state in checks.values())
    waiting = await asyncio.to_thread(request.app[SPOOL].waiting)
    checks["spool"] = f"{waiting} waiting" if waiting else "ok"
    return web.json_response({"status": "ok" if healthy else "unavailable", "checks": checks},
                             status=200 if healthy else 503, headers={"Cache-Control": "no-store"})
