"""A local stand-in for Meta's Graph API on loopback (the Messenger Send API and the WhatsApp
Cloud API's messages endpoint), and the signing Meta does on the webhooks it sends.

It checks what the Graph API checks: the access token (Authorization: Bearer, or the
access_token query parameter), the path (/<version>/me/messages for the page,
/<version>/<phone number id>/messages for WhatsApp), and the message's shape and limits
(Messenger: recipient.id, a sender action (`typing_on`, `typing_off`, `mark_seen`: with
`recipient` only, answered with the recipient id and no message id), messaging_type, the HUMAN_AGENT tag, text of 2,000 characters at
most, 13 quick replies of 20 characters; WhatsApp: messaging_product, to, text of 4,096,
reply buttons (3, titles of 20, body 1,024) or a list (10 rows of 24)). It answers like the
Graph API (200 with the message id; 400/401 with an `error` object). `fail_next` makes the
next calls fail with those statuses (429 carries Retry-After), to prove the outbox retries.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import uuid
from typing import Any, Dict, List, Optional, Tuple

from aiohttp import web

from tests.support.loopback import LoopbackServer

VERSION = "v21.0"
SENDER_ACTIONS = ("typing_on", "typing_off", "mark_seen")


def _error(status: int, message: str, code: int) -> web.Response:
    return web.json_response({"error": {"message": message, "type": "OAuthException", "code": code,
                                        "fbtrace_id": uuid.uuid4().hex[:11]}}, status=status)


def _messenger_problem(body: Dict[str, Any]) -> Optional[str]:
    if not isinstance(body.get("recipient"), dict) or not body["recipient"].get("id"):
        return "recipient.id is required"
    if "sender_action" in body:
        if body["sender_action"] not in SENDER_ACTIONS:
            return f"sender_action must be one of {', '.join(SENDER_ACTIONS)}"
        if set(body) - {"recipient", "sender_action"}:
            return "a sender action is sent with the recipient only"
        return None
    kind = body.get("messaging_type")
    if kind not in ("RESPONSE", "UPDATE", "MESSAGE_TAG"):
        return "messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG"
    if (kind == "MESSAGE_TAG") != ("tag" in body) or body.get("tag", "HUMAN_AGENT") != "HUMAN_AGENT":
        return "a MESSAGE_TAG message needs a tag (only HUMAN_AGENT here), and only it"
    message = body.get("message") or {}
    text = message.get("text")
    if not isinstance(text, str) or not 0 < len(text) <= 2000:
        return "message.text must have 1 to 2000 characters"
    quick = message.get("quick_replies", [])
    if len(quick) > 13 or any(not 0 < len(q.get("title", "")) <= 20 or q.get("content_type") != "text"
                              or not 0 < len(q.get("payload", "").encode()) <= 1000 for q in quick):
        return "at most 13 text quick replies, titles of at most 20 characters"
    return None


def _whatsapp_problem(body: Dict[str, Any]) -> Optional[str]:
    if body.get("messaging_product") != "whatsapp" or not body.get("to"):
        return "messaging_product must be whatsapp, and to is required"
    kind = body.get("type", "text")
    if kind == "text":
        text = (body.get("text") or {}).get("body")
        return None if isinstance(text, str) and 0 < len(text) <= 4096 else "text.body must have 1 to 4096 characters"
    if kind != "interactive":
        return f"type {kind} is not emulated"
    interactive = body.get("interactive") or {}
    text = (interactive.get("body") or {}).get("text", "")
    if not 0 < len(text) <= 1024:
        return "interactive.body.text must have 1 to 1024 characters"
    action = interactive.get("action") or {}
    if interactive.get("type") == "button":
        buttons = action.get("buttons") or []
        titles = [b["reply"]["title"] for b in buttons]
        if not 0 < len(buttons) <= 3 or any(not 0 < len(t) <= 20 for t in titles) or len(set(titles)) < len(titles):
            return "1 to 3 reply buttons with distinct titles of at most 20 characters"
        return None
    if interactive.get("type") == "list":
        rows = [row for section in action.get("sections") or [] for row in section.get("rows") or []]
        if not 0 < len(rows) <= 10 or any(not 0 < len(r.get("title", "")) <= 24 for r in rows):
            return "1 to 10 rows with titles of at most 24 characters"
        if not 0 < len(action.get("button", "")) <= 20:
            return "the list's button text must have 1 to 20 characters"
        return None
    return "interactive.type must be button or list"


class GraphApi(LoopbackServer):
    def __init__(self, page_token: str, whatsapp_token: str, phone_number_id: str) -> None:
        self.tokens = {"messenger": page_token, "whatsapp": whatsapp_token}
        self.phone_number_id = phone_number_id
        super().__init__()
        self.url = f"http://127.0.0.1:{self.port}/{VERSION}"
        self.fail_next: List[int] = []
        self.attempts = 0
        self.refused: List[int] = []
        self.actions: "asyncio.Queue[Dict[str, Any]]" = asyncio.Queue()  # Messenger sender actions
        self.sent: Dict[str, "asyncio.Queue[Dict[str, Any]]"] = {"messenger": asyncio.Queue(),
                                                                 "whatsapp": asyncio.Queue()}

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post(f"/{VERSION}/me/messages", self._messenger)
        app.router.add_post(f"/{VERSION}/{{phone_number_id}}/messages", self._whatsapp)

    async def _checked(self, request: web.Request, platform: str) -> Tuple[Optional[web.Response], Dict[str, Any]]:
        self.attempts += 1
        given = request.headers.get("Authorization", "").removeprefix("Bearer ") or request.query.get("access_token")
        if given != self.tokens[platform]:
            self.refused.append(401)
            return _error(401, "Invalid OAuth access token - Cannot parse access token", 190), {}
        if self.fail_next:
            status = self.fail_next.pop(0)
            self.refused.append(status)
            response = _error(status, "An unexpected error has occurred. Please retry your request later.", 2)
            if status == 429:
                response.headers["Retry-After"] = "0"
            return response, {}
        try:
            body = await request.json()
        except ValueError:
            self.refused.append(400)
            return _error(400, "the body is not JSON", 100), {}
        problem = _messenger_problem(body) if platform == "messenger" else _whatsapp_problem(body)
        if problem:
            self.refused.append(400)
            return _error(400, f"(#100) {problem}", 100), {}
        return None, body

    async def _messenger(self, request: web.Request) -> web.Response:
        refusal, body = await self._checked(request, "messenger")
        if refusal is not None:
            return refusal
        if "sender_action" in body:
            await self.actions.put(body)
            return web.json_response({"recipient_id": body["recipient"]["id"]})
        await self.sent["messenger"].put(body)
        return web.json_response({"recipient_id": body["recipient"]["id"], "message_id": "m_" + uuid.uuid4().hex})

    async def _whatsapp(self, request: web.Request) -> web.Response:
        if request.match_info["phone_number_id"] != self.phone_number_id:
            self.attempts += 1
            self.refused.append(400)
            return _error(400, "Unsupported post request. Object does not exist", 100)
        refusal, body = await self._checked(request, "whatsapp")
        if refusal is not None:
            return refusal
        await self.sent["whatsapp"].put(body)
        return web.json_response({"messaging_product": "whatsapp",
                                  "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                                  "messages": [{"id": "wamid." + uuid.uuid4().hex}]})

    async def next_message(self, platform: str, timeout: float = 30) -> Dict[str, Any]:
        return await asyncio.wait_for(self.sent[platform].get(), timeout)


def shown_text(platform: str, body: Dict[str, Any]) -> str:
    """The text a citizen sees in a message the gateway sent."""
    if platform == "messenger":
        return body["message"]["text"]
    if body.get("type") == "interactive":
        return body["interactive"]["body"]["text"]
    return body["text"]["body"]


def choices(platform: str, body: Dict[str, Any]) -> List[Tuple[str, str]]:
    """(title, payload) of the buttons the citizen sees."""
    if platform == "messenger":
        return [(q["title"], q["payload"]) for q in body["message"].get("quick_replies", [])]
    interactive = body.get("interactive") or {}
    action = interactive.get("action") or {}
    if interactive.get("type") == "button":
        return [(b["reply"]["title"], b["reply"]["id"]) for b in action["buttons"]]
    return [(r["title"], r["id"]) for s in action.get("sections", []) for r in s["rows"]]


def signed(app_secret: str, event: Dict[str, Any]) -> Tuple[bytes, Dict[str, str]]:
    """The body Meta posts (non-ASCII escaped as \\uXXXX) and its signature headers."""
    raw = json.dumps(event, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    signature = hmac.new(app_secret.encode(), raw, hashlib.sha256).hexdigest()
    return raw, {"Content-Type": "application/json", "X-Hub-Signature-256": f"sha256={signature}"}


def messenger_event(psid: str, *, text: Optional[str] = None, quick_reply: Optional[str] = None,
                    attachments: bool = False, mid: Optional[str] = None, page_id: str = "1000000001") -> Dict[str, Any]:
    """A Messenger webhook with one message from `psid`."""
    message: Dict[str, Any] = {"mid": mid or "m_" + uuid.uuid4().hex + uuid.uuid4().hex}
    if text is not None:
        message["text"] = text
    if quick_reply is not None:
        message["quick_reply"] = {"payload": quick_reply}
    if attachments:
        message["attachments"] = [{"type": "image", "payload": {"url": "https://scontent.example/photo.jpg"}}]
    return {"object": "page", "entry": [{"id": page_id, "time": 1764300000000, "messaging": [
        {"sender": {"id": psid}, "recipient": {"id": page_id}, "timestamp": 1764300000000, "message": message}]}]}


def messenger_receipts(psid: str, page_id: str = "1000000001") -> Dict[str, Any]:
    """Delivery and read receipts, an echo of our own message and a reaction: nothing to answer."""
    return {"object": "page", "entry": [{"id": page_id, "time": 1764300000000, "messaging": [
        {"sender": {"id": psid}, "recipient": {"id": page_id}, "delivery": {"mids": ["m_1"], "watermark": 1}},
        {"sender": {"id": psid}, "recipient": {"id": page_id}, "read": {"watermark": 1}},
        {"sender": {"id": page_id}, "recipient": {"id": psid},
         "message": {"mid": "m_echo" + uuid.uuid4().hex, "is_echo": True, "text": "How can I help?"}},
        {"sender": {"id": psid}, "recipient": {"id": page_id},
         "reaction": {"mid": "m_1", "action": "react", "reaction": "love", "emoji": "\u2764"}}]}]}


def whatsapp_event(phone_number_id: str, wa_id: str, message: Dict[str, Any],
                   message_id: Optional[str] = None) -> Dict[str, Any]:
    """A WhatsApp webhook with one message from `wa_id` (`message` without from/id/timestamp)."""
    full = {"from": wa_id, "id": message_id or "wamid." + uuid.uuid4().hex, "timestamp": "1764300000", **message}
    return {"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "16135550000", "phone_number_id": phone_number_id},
        "contacts": [{"profile": {"name": "Citoyen"}, "wa_id": wa_id}],
        "messages": [full]}}]}]}


def whatsapp_text(text: str) -> Dict[str, Any]:
    return {"type": "text", "text": {"body": text}}


def whatsapp_button_reply(payload: str, title: str) -> Dict[str, Any]:
    return {"type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": payload, "title": title}}}


def whatsapp_statuses(phone_number_id: str, wa_id: str) -> Dict[str, Any]:
    return {"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "16135550000", "phone_number_id": phone_number_id},
        "statuses": [{"id": "wamid.x", "status": status, "timestamp": "1764300000", "recipient_id": wa_id}
                     for status in ("sent", "delivered", "read")]}}]}]}
