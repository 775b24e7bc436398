"""Rasa's REST channel contract: POST /webhooks/rest/webhook.

Request:  {"sender": "...", "message": "...", "metadata": {...}}
Response: [{"recipient_id": "...", "text": "...", "buttons": [...]}, {"recipient_id": "...", "image": "..."}, ...]
Existing Rasa front ends and test tools work unchanged against the gateway.
A request without `sender` is refused (400) instead of joining a shared "default"
conversation; bad bodies get the gateway's one error shape (bot/gateway/errors.py).
"""

from __future__ import annotations

from typing import Any, Dict, List

from aiohttp import web

from bot.gateway.clients import client_address
from bot.gateway.errors import WrongShape
from bot.gateway.keys import ROUTER, SENDERS, SETTINGS
from bot.gateway.payloads import object_field, read_object, text_field
from bot.gateway.router import Incoming
from bot.gateway.senders import clean_sender_id

CHANNEL = "rest"
CONTRACT = '{"sender": "...", "message": "..."}'
MAX_SENDER_CHARS = 128


async def webhook(request: web.Request) -> web.Response:
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
        {**{k: v for k, v in m.items() if k != "sender"}, "recipient_id": given}  # Rasa's exact contract
        for m in handled.messages
    ]
    return web.json_response(replies)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/webhooks/rest/", health)
    app.router.add_post("/webhooks/rest/webhook", webhook)
