"""Rasa's REST channel contract: POST /webhooks/rest/webhook.

Request:  {"sender": "...", "message": "...", "metadata": {...}}
Response: [{"recipient_id": "...", "text": "...", "buttons": [...]}, {"recipient_id": "...", "image": "..."}, ...]
Existing Rasa front ends and test tools work unchanged against the gateway.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List

from aiohttp import web

from bot.gateway.keys import ROUTER
from bot.gateway.router import Incoming

CHANNEL = "rest"


def _bad_request(reason: str) -> web.Response:
    return web.json_response({"status": "failure", "error": reason}, status=400)


async def webhook(request: web.Request) -> web.Response:
    try:
        body = await request.json(loads=json.loads)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _bad_request("the body must be JSON: {\"sender\": \"...\", \"message\": \"...\"}")
    if not isinstance(body, dict):
        return _bad_request("the body must be a JSON object")
    sender = body.get("sender") or "default"
    message = body.get("message")
    metadata = body.get("metadata")
    metadata = {} if metadata is None else metadata
    if not isinstance(sender, str) or len(sender) > 128:
        return _bad_request("'sender' must be a string of at most 128 characters")
    if not isinstance(message, str):
        return _bad_request("'message' must be a string")
    if not isinstance(metadata, dict):
        return _bad_request("'metadata' must be an object")
    handled = await request.app[ROUTER].handle(
        Incoming(channel=CHANNEL, external_id=sender, text=message, metadata=metadata)
    )
    replies: List[Dict[str, Any]] = [
        {**{k: v for k, v in m.items() if k != "sender"}, "recipient_id": sender}  # Rasa's exact contract
        for m in handled.messages
    ]
    return web.json_response(replies)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/webhooks/rest/", health)
    app.router.add_post("/webhooks/rest/webhook", webhook)
