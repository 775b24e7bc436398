"""The web chat channel: an accessible page (bot/web/static/webchat) and its WebSocket.

Protocol (JSON text frames), client -> server:
  {"type": "hello", "conversation_id": str | null, "language": "en" | "fr"}
  {"type": "message", "text": str, "client_id": str}
  {"type": "button", "payload": str, "title": str, "client_id": str}
  {"type": "typing"}                      the citizen is typing (the page sends at most one
                                          every 3 s; bot/handoff/typing.py tells the officer)
server -> client:
  {"type": "welcome", "conversation_id": str}
  {"type": "history", "messages": [{"sender", "text", "buttons", "image", "language", "links", "ts",
                                     "client_id"}]}
  {"type": "ack", "client_id": str}       the message is stored: it will be answered
  {"type": "retry", "client_id": str}     not taken (the gateway is stopping): send it again
  {"type": "message", "sender": "bot" | "officer" | "system", "text", "buttons", "image",
   "language": "en" | "fr" | null, "links": [{"url", "title"}], "ts"}
  {"type": "typing", "on": bool}       the assistant is working on an answer
  {"type": "typing", "on": true, "sender": "officer", "name": str}
                                          the officer (first name) is typing; never stored
  {"type": "error", "code": str, "message": str}
`links` names the official pages the text links to (bot/link_titles.py), so the page shows
"Passport fees" where the text has the URL; citizen lines have none.
A conversation id is a random UUID kept by the page, so a reload resumes the conversation.
A new conversation (no history) gets the engine's welcome as message frames right after
"welcome", before the citizen writes (Router.greet; an engine that cannot start a session
ahead, or is down, leaves it to the first answer).
Delivery: the page names each message (`client_id`, 8-64 letters, digits, "-" or "_"),
shows it as sent only on its "ack", and resends what has none after reconnecting; the
gateway stores a client id once per conversation, so a resend is acknowledged again and
never makes a second turn (bot/gateway/router.py). A message without a client id (an
older page) is answered as before, without an ack.
Stopping (bot/gateway/shutdown.py calls `WebchatChannel.drain`): the hub refuses new sockets
(503) and new messages ("retry"), waits for the turns in flight, then closes every socket
with 1012 (service restart), which the page takes as "reconnect now".
Officer and system lines reach the page through the bus (bot/gateway/bus.py), since the
citizen's socket may be open on another replica; a closed page reads them from the
transcript when it reconnects.
Several tabs of one conversation all receive its messages. A handshake from another site's
page is refused with 403 (bot/gateway/clients.py, origin_allowed). A bad frame gets an error
frame and the socket stays open; one client address holds at most
GOVBOT_MAX_SOCKETS_PER_CLIENT sockets (HTTP 429 before the upgrade) and its messages count
towards GOVBOT_CLIENT_RATE_LIMIT_PER_MINUTE.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Counter, Dict, List, Optional, Set

from aiohttp import WSCloseCode, WSMsgType, web

from bot.engine import BotMessage
from bot.gateway.clients import client_address, origin_allowed
from bot.gateway.errors import BadRequest, MalformedBody, TooManyRequests, WrongShape, printable
from bot.gateway.keys import BUS, DATABASE, ROUTER, SETTINGS, TYPING
from bot.gateway.payloads import parse_json
from bot.gateway.router import Handled, Incoming
from bot.link_titles import described
from bot.settings import Settings
from bot.storage import transcripts
from bot.storage.database import StorageUnavailable
from bot.texts import say

if TYPE_CHECKING:
    from bot.gateway.bus import Bus
    from bot.storage.models import Conversation

CHANNEL = "webchat"
STATIC_DIR = Path(__file__).resolve().parent.parent / "bot" / "web" / "static"
_CONVERSATION_ID = re.compile(r"^[0-9a-f]{32}$")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
_HISTORY_FIELDS = ("sender", "text", "buttons", "image", "language", "ts")
MAX_FRAME_BYTES = 64 * 1024
RESTART = b"service restart"

log = logging.getLogger(__name__)


class WebchatHub:
    """Open sockets per conversation, so replies reach every tab of that citizen, how many
    each client address holds open (at most `max_per_client`), and the turns in flight, so
    a stopping gateway finishes them before it closes the sockets."""

    def __init__(self, max_per_client: int = 20) -> None:
        self._sockets: Dict[str, Set[web.WebSocketResponse]] = {}
        self.max_per_client = max_per_client
        self._per_client: Counter[str] = Counter()
        self.draining = False  # the gateway is stopping: no new sockets, no new turns
        self._turns = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def turn_started(self) -> None:
        self._turns += 1
        self._idle.clear()

    def turn_ended(self) -> None:
        self._turns -= 1
        if self._turns == 0:
            self._idle.set()

    async def drain(self, timeout: float) -> bool:
        """Take no new turns; wait up to `timeout` seconds for those in flight. True if none is left."""
        self.draining = True
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except asyncio.TimeoutError:
            log.warning("web chat: %d turn(s) still running after %.0f s; closing anyway", self._turns, timeout)
            return False
        return True

    def admit(self, client: str) -> bool:
        if self._per_client[client] >= self.max_per_client:
            return False
        self._per_client[client] += 1
        return True

    def release(self, client: str) -> None:
        self._per_client[client] -= 1
        if self._per_client[client] <= 0:
            del self._per_client[client]

    def join(self, conversation: str, socket: web.WebSocketResponse) -> None:
        self._sockets.setdefault(conversation, set()).add(socket)

    def leave(self, conversation: str, socket: web.WebSocketResponse) -> None:
        sockets = self._sockets.get(conversation)
        if sockets is not None:
            sockets.discard(socket)
            if not sockets:
                del self._sockets[conversation]

    def connected(self, conversation: str) -> bool:
        return bool(self._sockets.get(conversation))

    async def send(self, conversation: str, frame: Dict[str, Any]) -> int:
        delivered = 0
        for socket in list(self._sockets.get(conversation, ())):
            try:
                await socket.send_json(frame)
                delivered += 1
            except (ConnectionResetError, RuntimeError):
                self.leave(conversation, socket)
        return delivered

    async def close_all(self, code: int = WSCloseCode.GOING_AWAY, reason: bytes = b"") -> None:
        """Close every socket; 1012 (SERVICE_RESTART) tells the page to reconnect at once."""
        closing = [socket for sockets in self._sockets.values() for socket in sockets]
        self._sockets.clear()
        await asyncio.gather(*(socket.close(code=code, message=reason) for socket in closing),
                             return_exceptions=True)


HUB = web.AppKey("webchat", WebchatHub)


def citizen_line(line: Dict[str, Any]) -> Dict[str, Any]:
    """A transcript line as the citizen's page sees it: never the intent or the confidence."""
    shown = {name: line.get(name) for name in _HISTORY_FIELDS}
    if line.get("sender") == "citizen" and line.get("client_id"):
        shown["client_id"] = line["client_id"]
    if line.get("sender") != "citizen":
        shown["links"] = described(line.get("text") or "")
    return shown


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def frame(message: BotMessage, sender: str = "", language: Optional[str] = None) -> Dict[str, Any]:
    """`language`: the one the text is written in (the page marks it: WCAG 3.1.2), if known."""
    return {
        "type": "message",
        "sender": sender or message.get("sender") or "bot",
        "text": message.get("text", ""),
        "buttons": message.get("buttons", []),
        "image": message.get("image"),
        "language": language if language in ("en", "fr") else None,
        "links": described(message.get("text", "")),
        "ts": _now(),
    }


async def page(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC_DIR / "webchat" / "index.html")


class _Session:
    """One open socket: which conversation it speaks for, in which UI language."""

    def __init__(self, request: web.Request, socket: web.WebSocketResponse, client: str) -> None:
        self.app = request.app
        self.socket = socket
        self.client = client
        self.conversation: Optional[str] = None
        self.language = "en"

    async def _tell(self, data: Dict[str, Any]) -> None:
        """To this socket only; a page that went away resends what it has no ack for."""
        try:
            await self.socket.send_json(data)
        except (ConnectionResetError, RuntimeError):
            log.info("web chat: the page left before a %s frame", data["type"])

    async def error(self, code: str, message: str) -> None:
        await self.socket.send_json({"type": "error", "code": code, "message": message})

    async def hello(self, data: Dict[str, Any]) -> None:
        wanted = data.get("conversation_id")
        language = data.get("language")
        self.language = language if language in ("en", "fr") else "en"
        if self.conversation:
            self.app[HUB].leave(self.conversation, self.socket)
        conversation = (
            wanted if isinstance(wanted, str) and _CONVERSATION_ID.match(wanted) else uuid.uuid4().hex
        )
        self.conversation = conversation
        self.app[HUB].join(conversation, self.socket)
        await self.socket.send_json({"type": "welcome", "conversation_id": conversation})
        key = transcripts.conversation_id(CHANNEL, conversation)
        past: List[Dict[str, Any]] = await self.app[DATABASE].run_async(transcripts.history, key)
        if past:
            await self.socket.send_json({"type": "history", "messages": [citizen_line(line) for line in past]})
            return
        if self.app[HUB].draining:
            return
        # A new conversation: the welcome shows on arrival, before the citizen writes.
        for message in await self.app[ROUTER].greet(CHANNEL, conversation, self.language):
            await self.app[HUB].send(conversation, frame(message))

    async def say(self, text: str, client_id: Optional[str], shown_as: Optional[str] = None) -> None:
        if self.conversation is None:
            await self.error("no_hello", say("bad_frame", self.language))
            return
        hub = self.app[HUB]
        if hub.draining:  # never dropped: the page sends it again to the next gateway
            if client_id is not None:
                await self._tell({"type": "retry", "client_id": client_id})
            return
        conversation = self.conversation

        async def acknowledge() -> None:
            await self._tell({"type": "ack", "client_id": client_id})

        hub.turn_started()
        try:
            await hub.send(conversation, {"type": "typing", "on": True})
            try:
                handled: Handled = await self.app[ROUTER].handle(
                    Incoming(
                        channel=CHANNEL,
                        external_id=conversation,
                        text=text,
                        metadata={"language_hint": self.language},
                        shown_as=shown_as,
                        client=self.client,
                        client_id=client_id,
                        acknowledge=acknowledge if client_id is not None else None,
                    )
                )
            finally:
                await hub.send(conversation, {"type": "typing", "on": False})
            for message in handled.messages:  # to every tab open on this conversation
                await hub.send(conversation, frame(message, language=handled.language))
        finally:
            hub.turn_ended()

    async def receive(self, raw: str) -> None:
        """A bad frame gets an error frame; the socket stays open. So does a database that
        fails while the history is read (messages themselves are spooled by the router)."""
        try:
            await self._dispatch(raw)
        except StorageUnavailable as error:
            log.warning("web chat: database unavailable: %s", error)
            await self.error("unavailable", say("unavailable", self.language))
        except BadRequest as error:
            log.info("web chat: refused a frame: %s (%s)", error.code, printable(str(error)))
            await self.error("bad_json" if isinstance(error, MalformedBody) else "bad_frame",
                             say("bad_frame", self.language))

    async def _dispatch(self, raw: str) -> None:
        data = parse_json(raw)
        if not isinstance(data, dict):
            raise WrongShape("a frame must be a JSON object")
        kind = data.get("type")
        if kind == "hello":
            await self.hello(data)
        elif kind == "message" and isinstance(data.get("text"), str):
            await self.say(data["text"], _client_id(data))
        elif kind == "typing":
            if self.conversation is not None:
                await self.app[TYPING].citizen_typing(transcripts.conversation_id(CHANNEL, self.conversation))
        elif kind == "button" and isinstance(data.get("payload"), str):
            title = data.get("title") if isinstance(data.get("title"), str) else None
            await self.say(data["payload"], _client_id(data), shown_as=title)
        else:
            raise WrongShape("unknown frame")


def _client_id(data: Dict[str, Any]) -> Optional[str]:
    given = data.get("client_id")
    if given is None:
        return None
    if not isinstance(given, str) or not _CLIENT_ID.match(given):
        raise WrongShape("client_id: 8 to 64 letters, digits, '-' or '_'")
    return given


async def socket(request: web.Request) -> web.WebSocketResponse:
    settings = request.app[SETTINGS]
    if not origin_allowed(request, settings.allowed_origins):
        raise web.HTTPForbidden(text='{"error": "origin"}', content_type="application/json")
    client = client_address(request, settings.trusted_proxies)
    hub = request.app[HUB]
    if hub.draining:
        raise web.HTTPServiceUnavailable(text='{"error": "restarting"}', content_type="application/json",
                                         headers={"Retry-After": "2"})
    if not hub.admit(client):
        raise TooManyRequests(f"at most {hub.max_per_client} open chats from one address")
    try:
        return await _serve(request, client)
    finally:
        hub.release(client)


async def _serve(request: web.Request, client: str) -> web.WebSocketResponse:
    ws = web.WebSocketResponse(heartbeat=30, max_msg_size=MAX_FRAME_BYTES)
    await ws.prepare(request)
    session = _Session(request, ws, client)
    try:
        async for frame in ws:
            if frame.type == WSMsgType.TEXT:
                await session.receive(frame.data)
            elif frame.type == WSMsgType.BINARY:
                await session.error("bad_frame", say("bad_frame", session.language))
            elif frame.type == WSMsgType.ERROR:
                log.info("web chat socket closed with %s", ws.exception())
    finally:
        if session.conversation:
            request.app[HUB].leave(session.conversation, ws)
    return ws


class WebchatChannel:
    """The Channel: the page, its socket and the static files; the hub is app[HUB]."""

    name = CHANNEL

    def __init__(self, settings: Settings) -> None:
        self.hub = WebchatHub(settings.max_sockets_per_client)
        self._bus: Optional["Bus"] = None

    def add_routes(self, app: web.Application) -> None:
        app[HUB] = self.hub  # the socket handlers find it there
        app.router.add_get("/chat", page)
        app.router.add_get("/webchat/ws", socket)
        # All of bot/web/static: the console's pages load common/ (gc.css, gc.js) from here too.
        app.router.add_static("/static", STATIC_DIR, follow_symlinks=False)

    async def start(self, app: web.Application) -> None:
        self._bus = app[BUS]
        self._bus.on("webchat", self._frames)

    async def _frames(self, event: Dict[str, Any]) -> None:  # on every replica: only one has the socket
        for line in event["frames"]:
            await self.hub.send(event["conversation"], line)

    async def stop(self) -> None:
        await self.hub.close_all()

    async def deliver(self, conversation: "Conversation", messages: List[BotMessage], sender: str) -> bool:
        if self._bus is None:
            return False
        frames = [frame(message, sender, conversation.language) for message in messages]
        await self._bus.publish("webchat", {"conversation": conversation.external_id, "frames": frames})
        return True  # a closed page shows them from the transcript when it reconnects

    async def show_typing(self, conversation: "Conversation", name: str) -> None:
        """The officer is typing: a frame through the bus (the socket may be on another
        replica), never stored; a closed page simply misses it."""
        if self._bus is not None:
            await self._bus.publish("webchat", {"conversation": conversation.external_id, "frames": [
                {"type": "typing", "on": True, "sender": "officer", "name": name}]})

    async def drain(self, grace: float) -> None:
        finished = await self.hub.drain(grace)
        log.info("web chat drained (%s); closing its sockets", "every turn finished" if finished else "turns left running")
        await self.hub.close_all(WSCloseCode.SERVICE_RESTART, RESTART)
