"""Rasa's REST channel contract: POST /webhooks/rest/webhook.

Request:  {"sender": "...", "message": "...", "metadata": {...}}
Response: [{"recipient_id": "...", "text": "...", "buttons": [...]}, {"recipient_id": "...", "image": "..."}, ...]
Existing Rasa front ends and test tools work unchanged against the gateway.

`?stream=true` answers as Rasa does for `rasa shell`: newline-delimited JSON, one bot
message per line, each written and flushed as soon as the gateway has it (a message waiting
from an officer first, then the engine's replies). The engine gives a turn's replies
together, so today the lines of one turn arrive together; the contract allows more.
Any other value of `stream` is the plain JSON array, as in Rasa. The body is checked before
the answer starts, so a bad request is still a 4xx with the gateway's error shape.
A request without `sender` is refused (400) instead of joining a shared "default"
conversation; bad bodies get the gateway's one error shape (bot/gateway/errors.py).
REST cannot push: `RestChannel.deliver` says so, and an officer's lines wait for the
citizen's next message (bot/gateway/router.py, step 7).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Dict, List

from aiohttp import web

from bot.gateway.clients import client_address
from bot.gateway.errors import WrongShape
from bot.gateway.keys import ROUTER, SENDERS, SETTINGS
from bot.gateway.payloads import object_field, read_object, text_field
from bot.gateway.router import Incoming
from bot.gateway.senders import clean_sender_id

if TYPE_CHECKING:
    from bot.engine import BotMessage
    from bot.storage.models import Conversation

CHANNEL = "rest"
CONTRACT = '{"sender": "...", "message": "..."}'
MAX_SENDER_CHARS = 128


async def webhook(request: web.Request) -> web.StreamResponse:
    body = await read_object(request, CONTRACT)
    if body.get("sender") in (None, ""):  # never a shared "default" conversation
        raise WrongShape(f"'sender' is required: {CONTRACT}")
    given = text_field(body, "sender", max_chars=MAX_SENDER_CHARS)
    sender = clean_sender_id(given)
    if not sender:
        raise WrongShape("'sender' must contain visible characters")
    message = text_field(body, "message")
    metadata = object_field(body, "metadata")
    handled = await request.app[ROUTER].handle(
        Incoming(channel=CHANNEL, external_id=request.app[SENDERS].conversation_key(sender), text=message,
                 metadata=metadata, client=client_address(request, request.app[SETTINGS].trusted_proxies))
    )
    replies: List[Dict[str, Any]] = [
        {**{k: v for k, v in m.items() if k not in ("sender", "line")}, "recipient_id": given}  # Rasa's exact contract
        for m in handled.messages
    ]
    if request.query.get("stream", "").lower() == "true":
        return await _stream(request, replies)
    return web.json_response(replies)


async def _stream(request: web.Request, replies: List[Dict[str, Any]]) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream; charset=utf-8",
                                           "Cache-Control": "no-cache"})
    await response.prepare(request)
    for reply in replies:
        await response.write(json.dumps(reply, ensure_ascii=False).encode("utf-8") + b"\n")
    await response.write_eof()
    return response


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


class RestChannel:
    """The Channel of Rasa's REST contract: routes only, nothing to open, no push."""

    name = CHANNEL

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/webhooks/rest/", health)
        app.router.add_post("/webhooks/rest/webhook", webhook)

    async def start(self, app: web.Application) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def deliver(self, conversation: "Conversation", messages: "List[BotMessage]", sender: str) -> bool:
        return False  # they stay pending: the next reply carries them
