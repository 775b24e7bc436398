"""Run the real gateway on a loopback port (on the servers' loop) and talk to it as a client."""

from __future__ import annotations

import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Dict, List, Optional

import aiohttp
from aiohttp import web

from bot.engine import Engine
from bot.gateway.app import create_app
from bot.settings import Settings
from bot.storage import transcripts
from bot.storage.database import Database
from tests.support.background import BackgroundLoop


async def start_gateway(settings: Settings, engine: Optional[Engine]) -> web.AppRunner:
    runner = web.AppRunner(create_app(settings, engine=engine))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", settings.port).start()
    return runner


@asynccontextmanager
async def running_gateway(
    servers: BackgroundLoop, settings: Settings, engine: Optional[Engine]
) -> AsyncIterator[aiohttp.ClientSession]:
    runner = await servers.call(start_gateway(settings, engine))
    try:
        async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{settings.port}") as client:
            yield client
    finally:
        await servers.call(runner.cleanup())


def new_sender() -> str:
    return f"citizen-{uuid.uuid4().hex[:12]}"


async def rest(client: aiohttp.ClientSession, sender: str, message: str, **extra: Any) -> List[Dict[str, Any]]:
    async with client.post("/webhooks/rest/webhook", json={"sender": sender, "message": message, **extra}) as response:
        assert response.status == 200, await response.text()
        return await response.json()


def texts(replies: List[Dict[str, Any]]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def stored(settings: Settings, sender: str, include_events: bool = True) -> List[Dict[str, Any]]:
    """The transcript of a REST conversation, oldest first."""
    db = Database(settings.transcripts_url)
    try:
        return db.run(transcripts.history, f"rest:{sender}", 500, include_events)
    finally:
        db.dispose()
