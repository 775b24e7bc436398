"""A Rasa server as the gateway's RemoteEngine sees it (bot/engine/remote.py), on loopback:
POST /webhooks/rest/webhook, GET /conversations/<id>/tracker, GET /. It answers
"Answer: <message>" (or what a test scripted for that message) and can hold the answers back (`hold`, `release`), so a test catches
a turn in flight. tests/test_remote_engine.py holds RemoteEngine to the real `rasa run`;
this stand-in only makes turns slow on demand, without a model."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

from aiohttp import web


class RasaEmulator:
    def __init__(self) -> None:
        self.received: List[str] = []  # every message the gateway asked about, in order
        self.scripted: Dict[str, List[Dict[str, Any]]] = {}  # message -> the bot messages answered instead
        self.language = "en"  # the conversation language the tracker reports (its `language` slot)
        self._open = asyncio.Event()
        self._open.set()
        self._arrived = asyncio.Condition()
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/", self.root)
        app.router.add_post("/webhooks/rest/webhook", self.webhook)
        app.router.add_get("/conversations/{sender}/tracker", self.tracker)
        self.runner = web.AppRunner(app, shutdown_timeout=1.0)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        self.release()
        if self.runner is not None:
            await self.runner.cleanup()

    def hold(self) -> None:
        """Answers wait until `release`: the turns stay in flight."""
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    async def wait_for(self, text: str, timeout: float = 30) -> None:
        """Until the gateway has asked about `text`."""
        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(lambda: text in self.received), timeout)

    def count(self, text: str) -> int:
        return self.received.count(text)

    async def root(self, request: web.Request) -> web.Response:
        return web.Response(text="Hello from Rasa: emulator")

    async def webhook(self, request: web.Request) -> web.Response:
        body: Dict[str, str] = await request.json()
        async with self._arrived:
            self.received.append(body["message"])
            self._arrived.notify_all()
        await self._open.wait()
        answer = self.scripted.get(body["message"]) or [{"text": f"Answer: {body['message']}"}]
        return web.json_response([{"recipient_id": body["sender"], **message} for message in answer])

    async def tracker(self, request: web.Request) -> web.Response:
        return web.json_response({"latest_message": {"intent": {"name": "ask", "confidence": 0.9}},
                                  "slots": {"language": self.language}})
