"""Rasa's Socket.IO channel at /socket.io (SOCKETIO_ENABLED, on by default), so the Rasa web
widgets made for `rasa run` (rasa-webchat, chatroom) work unchanged against the gateway.

Contract (Rasa's socketio connector with session persistence):
  client -> server  "session_request" {"session_id": str | null}
  server -> client  "session_confirm" session_id
  client -> server  "user_uttered"    {"message": str, "session_id": str, "metadata" | "customData": {...}}
  server -> client  "bot_uttered"     {"text": str}
                                      {"text": str, "quick_replies": [{"content_type": "text", "title", "payload"}]}
                                      {"attachment": {"type": "image", "payload": {"src": url}}}
A session id is a random UUID (32 hex digits) given by the server, or one the widget kept
from an earlier confirm, so a reload resumes the conversation; anything else gets a new one.
Every socket of a session is in its room, so replies and officers' messages reach all of
them. A button click comes back as its payload in "user_uttered".

Limits are the web chat's: frames of at most MAX_FRAME_BYTES, the router's message length
and rate limits (per conversation and per client address), at most
GOVBOT_MAX_SOCKETS_PER_CLIENT sockets per address, and the WebSocket Origin rule
(bot/gateway/clients.py): a page of another site is refused before the connection opens.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any, Counter, Dict, List, Optional, Set

import socketio  # type: ignore[import-untyped]
from aiohttp import web

from bot.engine import BotMessage
from bot.gateway.clients import client_address, origin_allowed
from bot.gateway.keys import BUS, ROUTER
from bot.gateway.router import Incoming
from bot.settings import Settings
from bot.storage.models import Conversation

log = logging.getLogger(__name__)

CHANNEL = "socketio"
PATH = "socket.io"
MAX_FRAME_BYTES = 64 * 1024
_SESSION_ID = re.compile(r"^[0-9a-f]{32}$")


def bot_uttered(message: BotMessage) -> List[Dict[str, Any]]:
    """One bot message as Rasa's socketio output sends it: paragraphs apart, buttons as
    quick replies on the last one."""
    events: List[Dict[str, Any]] = []
    text = message.get("text") or ""
    if text:
        events.extend({"text": part} for part in text.strip().split("\n\n"))
    buttons = message.get("buttons") or []
    if buttons:
        if not events:
            events.append({"text": ""})
        events[-1]["quick_replies"] = [
            {"content_type": "text", "title": button.get("title", ""), "payload": button.get("payload", "")}
            for button in buttons
        ]
    if message.get("image"):
        events.append({"attachment": {"type": "image", "payload": {"src": message["image"]}}})
    return events


@dataclass
class _Socket:
    client: str
    session: Optional[str] = None


class SocketioChannel:
    name = CHANNEL

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.sio = socketio.AsyncServer(
            async_mode="aiohttp",
            cors_allowed_origins=self._origin_allowed,  # also the CORS answer for polling
            max_http_buffer_size=MAX_FRAME_BYTES,
            logger=False, engineio_logger=False,
        )
        self._sockets: Dict[str, _Socket] = {}
        self._rooms: Dict[str, Set[str]] = {}  # session id -> sids on this replica
        self._per_client: Counter[str] = Counter()
        self._app: Optional[web.Application] = None
        self.sio.on("connect", self._connect)
        self.sio.on("disconnect", self._disconnect)
        self.sio.on("session_request", self._session_request)
        self.sio.on("user_uttered", self._user_uttered)

    # --- Channel ---------------------------------------------------------------------

    def add_routes(self, app: web.Application) -> None:
        self.sio.attach(app, socketio_path=PATH)
        # Before the server waits for open requests: a pending long-poll would hold it up.
        app.on_shutdown.append(lambda app: self.stop())

    async def start(self, app: web.Application) -> None:
        self._app = app
        app[BUS].on(CHANNEL, self._from_bus)

    async def stop(self) -> None:
        for sid in list(self._sockets):
            await self.sio.disconnect(sid)

    async def deliver(self, conversation: Conversation, messages: List[BotMessage], sender: str) -> bool:
        """An officer's (or the desk's) lines. Here if a socket of the session is on this
        replica; else through the bus to the replica that has it. With no socket anywhere
        (one replica, nobody connected) they stay pending for the citizen's next reply."""
        session = conversation.external_id
        if self._rooms.get(session):
            await self._emit(session, messages)
            return True
        assert self._app is not None
        bus = self._app[BUS]
        if not bus.redis_url:
            return False
        await bus.publish(CHANNEL, {"session": session, "messages": messages})
        return True

    # --- Socket.IO events ------------------------------------------------------------

    def _origin_allowed(self, origin: str, environ: Dict[str, Any]) -> bool:
        return origin_allowed(environ["aiohttp.request"], self.settings.allowed_origins)

    async def _connect(self, sid: str, environ: Dict[str, Any], auth: Any = None) -> None:
        request: web.Request = environ["aiohttp.request"]
        if not origin_allowed(request, self.settings.allowed_origins):
            raise socketio.exceptions.ConnectionRefusedError("origin")
        client = client_address(request, self.settings.trusted_proxies)
        if self._per_client[client] >= self.settings.max_sockets_per_client:
            log.info("socketio: refused a socket, %d open from one address", self._per_client[client])
            raise socketio.exceptions.ConnectionRefusedError("too_many")
        self._per_client[client] += 1
        self._sockets[sid] = _Socket(client)

    async def _disconnect(self, sid: str, *reason: Any) -> None:
        socket = self._sockets.pop(sid, None)
        if socket is None:
            return
        self._leave(sid, socket)
        self._per_client[socket.client] -= 1
        if self._per_client[socket.client] <= 0:
            del self._per_client[socket.client]

    async def _session_request(self, sid: str, data: Any = None) -> None:
        wanted = data.get("session_id") if isinstance(data, dict) else None
        session = await self._join(sid, wanted)
        await self.sio.emit("session_confirm", session, to=sid)

    async def _user_uttered(self, sid: str, data: Any = None) -> None:
        socket = self._sockets.get(sid)
        if socket is None or not isinstance(data, dict) or not isinstance(data.get("message"), str):
            log.info("socketio: ignored a user_uttered that is not {message, session_id}")
            return
        session = socket.session
        if session is None or data.get("session_id") not in (None, session):
            session = await self._join(sid, data.get("session_id"))
            await self.sio.emit("session_confirm", session, to=sid)
        assert self._app is not None
        handled = await self._app[ROUTER].handle(Incoming(
            channel=CHANNEL, external_id=session, text=data["message"],
            metadata=_language_hint(data), client=socket.client,
        ))
        await self._emit(session, handled.messages)

    # --- rooms -----------------------------------------------------------------------

    async def _join(self, sid: str, wanted: Any) -> str:
        socket = self._sockets[sid]
        session = wanted if isinstance(wanted, str) and _SESSION_ID.match(wanted) else uuid.uuid4().hex
        if socket.session != session:
            if socket.session is not None:
                await self.sio.leave_room(sid, socket.session)
                self._leave(sid, socket)
            socket.session = session
            self._rooms.setdefault(session, set()).add(sid)
            await self.sio.enter_room(sid, session)
        return session

    def _leave(self, sid: str, socket: _Socket) -> None:
        if socket.session is None:
            return
        members = self._rooms.get(socket.session)
        if members is not None:
            members.discard(sid)
            if not members:
                del self._rooms[socket.session]

    async def _emit(self, session: str, messages: List[BotMessage]) -> None:
        for message in messages:
            for event in bot_uttered(message):
                await self.sio.emit("bot_uttered", event, room=session)

    async def _from_bus(self, event: Dict[str, Any]) -> None:  # on every replica: one has the sockets
        session = str(event.get("session"))
        if self._rooms.get(session):
            await self._emit(session, list(event.get("messages") or []))


def _language_hint(data: Dict[str, Any]) -> Dict[str, Any]:
    """Rasa 3 reads `metadata`, rasa-webchat sends `customData`; both may name a language."""
    for key in ("metadata", "customData"):
        extra = data.get(key)
        if isinstance(extra, dict) and extra.get("language") in ("en", "fr"):
            return {"language_hint": extra["language"]}
    return {}
