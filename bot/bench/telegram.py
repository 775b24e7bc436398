"""Telegram citizens for `govbot soak --faults`, and the Bot API they reach, on this machine.

`BotApi` stands in for api.telegram.org on loopback: the few methods the gateway calls
(getMe, setMyCommands, setWebhook, deleteWebhook, sendMessage, sendPhoto, answerCallbackQuery),
with Telegram's `{"ok": ...}` envelope. It records every message it accepts and, while
`failing`, answers every call 500 (the "bot-api-failing" fault). `telegram_citizen` sends
updates to the gateway's webhook with the secret token, as Telegram does, and sends an update
again when the webhook did not answer 2xx (Telegram re-delivers).

Counting afterwards (`count`): every bot or officer line stored for a Telegram conversation
must have reached the Bot API exactly once, once the outbox has drained.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from itertools import count as counter
from pathlib import Path
from typing import Any, Dict, List, Optional

import aiohttp
from aiohttp import web
from sqlalchemy import func, select

from bot.bench.runner import free_port
from bot.storage.database import Database
from bot.storage.models import Conversation, Message

TOKEN = "123456:soak-token"
SECRET = "soak-secret-token"
BOT = {"id": 123456, "is_bot": True, "first_name": "GovBot", "username": "govbot_soak_bot"}
FAIL_SECONDS = 10.0


@dataclass
class BotApi:
    port: int = 0
    failing: bool = False
    received: List[Dict[str, Any]] = field(default_factory=list)  # accepted sendMessage/sendPhoto
    refused: int = 0  # calls answered 500 while failing
    _runner: Optional[web.AppRunner] = None
    _ids: Any = field(default_factory=lambda: counter(1))

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> "BotApi":
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._call)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        self.port = self.port or free_port()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _call(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        if self.failing:
            self.refused += 1
            return web.json_response({"ok": False, "error_code": 500, "description": "Internal Server Error"},
                                     status=500)
        params = await _params(request)
        method = request.match_info["method"].lower()
        if method == "getme":
            return _ok(BOT)
        if method in ("sendmessage", "sendphoto"):
            self.received.append(params)
            message_id = next(self._ids)
            return _ok({"message_id": message_id, "date": int(time.time()), "from": BOT,
                        "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                        "text": str(params.get("text", ""))})
        return _ok(True)  # setMyCommands, setWebhook, deleteWebhook, answerCallbackQuery, sendChatAction


async def _params(request: web.Request) -> Dict[str, Any]:
    if request.content_type == "application/json":
        loaded = await request.json()
        return loaded if isinstance(loaded, dict) else {}
    form = await request.post()
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def gateway_settings(api: BotApi, port: int) -> Dict[str, str]:
    """The gateway's environment for Telegram in webhook mode against `api`."""
    return {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_MODE": "webhook", "TELEGRAM_SECRET_TOKEN": SECRET,
            "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram/webhook",
            "TELEGRAM_API_BASE_URL": api.base_url}


_updates = counter(1)


async def telegram_citizen(http: aiohttp.ClientSession, base: str, chat_id: int, texts: List[str],
                           deadline: float, sent: List[int]) -> None:
    """Say `texts` over and over until `deadline`; `sent` counts the updates Telegram would
    have delivered (an update the webhook did not take is sent again, like Telegram does)."""
    while time.monotonic() < deadline:
        for text in texts:
            update_id = next(_updates)
            update = {"update_id": update_id, "message": {
                "message_id": update_id, "date": int(time.time()), "text": text,
                "chat": {"id": chat_id, "type": "private", "first_name": "Soak"},
                "from": {"id": chat_id, "is_bot": False, "first_name": "Soak", "language_code": "en"}}}
            for _ in range(30):  # Telegram keeps re-delivering for much longer
                try:
                    async with http.post(f"{base}/telegram/webhook", data=json.dumps(update),
                                         headers={"Content-Type": "application/json",
                                                  "X-Telegram-Bot-Api-Secret-Token": SECRET}) as answer:
                        if 200 <= answer.status < 300:
                            sent.append(update_id)
                            break
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    pass
                await asyncio.sleep(1.0)
            await asyncio.sleep(0.5)


async def bot_api_failing(api: BotApi) -> str:
    api.failing = True
    await asyncio.sleep(FAIL_SECONDS)
    api.failing = False
    return f"the Bot API answered 500 for {FAIL_SECONDS:.0f} s ({api.refused} calls refused)"


@dataclass
class Delivery:
    stored: int  # bot, system and officer lines of Telegram conversations, in the transcripts
    waiting: int  # of those, not yet handed to the outbox (pending) or not yet sent (queued)
    failed: int  # of those, given up by the outbox
    received: int  # messages the Bot API accepted


def count(database: Path, api: BotApi) -> Delivery:
    db = Database(f"sqlite:///{database}")
    try:
        def query(session: Any) -> tuple[int, int, int]:
            lines = (select(func.count()).select_from(Message).join(Conversation)
                     .where(Conversation.channel == "telegram", Message.sender.in_(("bot", "system", "officer"))))
            waiting = lines.where(Message.status.in_(("pending", "queued")))
            failed = lines.where(Message.status == "failed")
            return (int(session.execute(lines).scalar_one()), int(session.execute(waiting).scalar_one()),
                    int(session.execute(failed).scalar_one()))

        stored, waiting, failed = db.run(query)
    finally:
        db.dispose()
    return Delivery(stored, waiting, failed, sum(1 for m in api.received if m.get("text") or m.get("photo")))
