"""What Messenger and WhatsApp share, both being Meta's: the webhook handshake and signature,
the Graph API client, and the 24-hour messaging window. channels/messenger.py and
channels/whatsapp.py say only what differs: how events and messages are shaped.

GET <path> (registering the webhook): `hub.mode=subscribe` with the configured verify token
(compared in constant time) is answered with `hub.challenge` as text/plain; anything else
is 403.

POST <path>, in this order:
1. read the raw body, at most MAX_BODY_BYTES (413 beyond);
2. verify `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>` on the bytes
   as received, before any parsing: missing, another algorithm (Meta's older sha1 header
   alone) or wrong is 401, compared with hmac.compare_digest, and the answer never says
   what was expected;
3. parse the JSON and pick the citizens' messages; everything else (delivery and read
   receipts, statuses, echoes of our own messages, reactions) is acknowledged and ignored;
4. claim each message id (Messenger's `mid`, WhatsApp's `id`) with
   transcripts.claim_inbound_key: Meta re-delivers what it thinks was not received, and a
   re-delivery is answered but not processed again;
5. answer 200 at once; each turn runs in the background, one at a time per citizen
   (channels/turns.py), and the replies leave through the outbox (bot/gateway/outbox.py),
   which calls `send`.

The messaging window. Meta lets a business answer within 24 hours of the citizen's last
message. After that, WhatsApp takes only approved templates (we send none), and Messenger
takes an officer's reply for 7 days with the HUMAN_AGENT tag. The bot never sends outside
24 hours; an officer's line that cannot go is refused in the console with the reason
(bot/handoff/desk.py NotDeliverable); a desk notice waits for the citizen's next message.
The citizen's last message time is the transcript's; `now` is a class attribute so tests
move the clock instead of waiting.

The platform address (PSID, WhatsApp id) never names a conversation: it is the keyed hash
of senders.py. It is kept in memory only, against that hash, to push officers' lines; after
a restart an officer's line waits for the citizen's next message. Neither webhook carries
the citizen's locale, so the language comes from what they write (bot/language.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import re
from dataclasses import dataclass
from functools import partial
from datetime import datetime, timedelta
from typing import Any, Callable, Dict, List, Optional

import aiohttp
from aiohttp import web

from bot.engine import BotMessage
from bot.gateway.errors import BodyTooLarge, Forbidden, Unauthorized, WrongShape, printable
from bot.gateway.keys import DATABASE, OUTBOX, ROUTER, SENDERS
from bot.gateway.payloads import parse_json
from bot.gateway.router import Incoming
from bot.handoff.desk import NotDeliverable
from bot.settings import Secret, Settings
from bot.storage import transcripts
from bot.storage.models import Conversation, utcnow
from bot.texts import say
from channels import SendFailed
from channels.limits import choice_or_text, last_offer
from channels.turns import Turns

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Hub-Signature-256"
MAX_BODY_BYTES = 64 * 1024  # a webhook of a few text messages is a few kilobytes
WINDOW = timedelta(hours=24)
_CHALLENGE = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")
_ADDRESS = re.compile(r"^[0-9]{1,40}$")  # PSIDs and WhatsApp ids are digits


def signature_of(secret: str, raw: bytes) -> str:
    """The X-Hub-Signature-256 value Meta sends with `raw`."""
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


def check_signature(secret: str, raw: bytes, header: Optional[str]) -> None:
    if not header:
        raise Unauthorized("the request is not signed")
    if not header.startswith("sha256="):
        raise Unauthorized("the signature must be sha256")
    if not hmac.compare_digest(header.encode(), signature_of(secret, raw).encode()):
        raise Unauthorized("the signature does not match this request")


async def read_raw(request: web.Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The body as received, refused beyond `limit` bytes without reading the rest."""
    if request.content_length is not None and request.content_length > limit:
        raise BodyTooLarge(f"a webhook is at most {limit} bytes")
    chunks: List[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(16 * 1024):
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(f"a webhook is at most {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw) if raw else None
    except (ValueError, RecursionError):
        return None


def field(data: Any, *path: str) -> Any:
    """data[path[0]][path[1]]... or None when a step is missing or not an object."""
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def items(data: Any, key: str) -> List[Dict[str, Any]]:
    """The objects of the list at `key` (none if absent); a list of something else is refused."""
    found = data.get(key) if isinstance(data, dict) else None
    if found is None:
        return []
    if not isinstance(found, list) or not all(isinstance(item, dict) for item in found):
        raise WrongShape(f"'{key}' must be a list of objects")
    return found


def address_of(value: Any) -> str:
    if not isinstance(value, str) or not _ADDRESS.match(value):
        raise WrongShape("a sender id is a string of digits")
    return value


@dataclass
class Inbound:
    """One citizen message from a webhook."""

    message_id: str
    address: str  # the platform's id for the citizen: PSID or WhatsApp id
    text: Optional[str]  # None: something we cannot read (a photo, a voice note)
    payload: Optional[str] = None  # a button's payload; `text` is then its title


class MetaChannel:
    """The shared part; a subclass sets the class attributes and the three methods below."""

    name = ""
    path = ""
    human_agent_window: Optional[timedelta] = None  # an officer may answer this long after
    now: Callable[[], datetime] = staticmethod(utcnow)

    def __init__(self, settings: Settings, app_secret: Secret, verify_token: Secret,
                 access_token: Secret, messages_path: str) -> None:
        self.settings = settings
        self._app_secret = str(app_secret)
        self._verify_token = str(verify_token)
        self._access_token = str(access_token)
        self.messages_url = f"{settings.meta_graph_api_url}/{messages_path}"
        self._addresses: Dict[str, str] = {}  # conversation key (a keyed hash) -> address
        self._turns = Turns(self.name)
        self._http: Optional[aiohttp.ClientSession] = None
        self._app: Optional[web.Application] = None

    # --- what a platform says differently ------------------------------------------------

    def inbound(self, body: Dict[str, Any]) -> List[Inbound]:
        """The citizens' messages in a verified webhook body (WrongShape if it is not one)."""
        raise NotImplementedError

    def requests(self, address: str, message: BotMessage, language: str, human_agent: bool) -> List[Dict[str, Any]]:
        """The Graph API bodies that send one bot message."""
        raise NotImplementedError

    def sent_id(self, answer: Any) -> str:
        """The platform's id of a message it accepted."""
        raise NotImplementedError

    # --- Channel ---------------------------------------------------------------------------

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(self.path, self.subscribe)
        app.router.add_post(self.path, self.webhook)

    async def start(self, app: web.Application) -> None:
        self._app = app
        self._http = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=15),
            headers={"Authorization": f"Bearer {self._access_token}"},
        )

    async def stop(self) -> None:
        await self._turns.close()
        if self._http is not None:
            await self._http.close()

    async def deliver(self, conversation: Conversation, messages: List[BotMessage], sender: str) -> bool:
        """An officer's line or a desk notice, through the outbox, if the window allows it
        (NotDeliverable if it does not)."""
        address = self._addresses.get(conversation.external_id)
        if address is None:
            return False
        self.human_agent(await self._db.run_async(transcripts.last_from_citizen, conversation.id), sender)
        labelled: List[BotMessage] = [{**message, "sender": sender} for message in messages]  # type: ignore[typeddict-item]
        await self._app_outbox.post(self.name, conversation.id, address, labelled, conversation.language or "en")
        return True

    async def send(self, address: str, message: BotMessage, language: str) -> str:
        key = transcripts.conversation_id(self.name, self._senders.conversation_key(address))
        last = await self._db.run_async(transcripts.last_from_citizen, key)
        try:
            tagged = self.human_agent(last, message.get("sender", "bot"))
        except NotDeliverable as closed:
            raise SendFailed(str(closed), retryable=False) from None
        sent = ""
        for body in self.requests(address, message, language, tagged):
            sent = await self._post(body)
        return sent

    # --- the window ------------------------------------------------------------------------

    def human_agent(self, last_from_citizen: Optional[datetime], sender: str) -> bool:
        """False: a standard reply (within 24 hours); True: only as a human agent's message
        (Messenger's HUMAN_AGENT tag). NotDeliverable when it may not be sent at all."""
        age = self.now() - last_from_citizen if last_from_citizen is not None else None
        if age is not None and age <= WINDOW:
            return False
        if sender in ("officer", "system") and self.human_agent_window is not None:
            if age is not None and age <= self.human_agent_window:
                return True
            raise NotDeliverable("outside_7_day_window",
                                 f"{self.name}: the citizen last wrote more than 7 days ago")
        raise NotDeliverable("outside_24h_window", f"{self.name}: the citizen last wrote more than 24 hours ago")

    # --- the webhook -----------------------------------------------------------------------

    async def subscribe(self, request: web.Request) -> web.Response:
        token = request.query.get("hub.verify_token", "")
        if request.query.get("hub.mode") != "subscribe" or not hmac.compare_digest(
                token.encode(), self._verify_token.encode()):
            raise Forbidden("the verify token does not match")
        challenge = request.query.get("hub.challenge", "")
        if not _CHALLENGE.match(challenge):
            raise WrongShape("hub.challenge must be a short token")
        return web.Response(text=challenge, content_type="text/plain")

    async def webhook(self, request: web.Request) -> web.Response:
        raw = await read_raw(request)
        check_signature(self._app_secret, raw, request.headers.get(SIGNATURE_HEADER))
        body = parse_json(raw)
        if not isinstance(body, dict):
            raise WrongShape("a webhook body is a JSON object")
        for event in self.inbound(body):
            claim = event.message_id if len(event.message_id) <= 100 else hashlib.sha256(
                event.message_id.encode()).hexdigest()
            if not await self._db.run_async(transcripts.claim_inbound_key, self.name, claim):
                log.info("%s: a re-delivered message was answered, not processed again", self.name)
                continue
            external_id = self._senders.conversation_key(event.address)
            self._addresses[external_id] = event.address
            self._turns.start(external_id, partial(self._turn, event, external_id))
        return web.Response(text="EVENT_RECEIVED")

    async def _turn(self, event: Inbound, external_id: str) -> None:
        assert self._app is not None
        key = transcripts.conversation_id(self.name, external_id)
        if event.text is None:
            known = await self._db.run_async(transcripts.find_conversation_language, key)
            text = say("unsupported_media", known) if known else "\n\n".join(
                say("unsupported_media", language) for language in ("en", "fr"))
            await self._app_outbox.post(self.name, key, event.address, [{"text": text, "sender": "system"}],
                                        known or "en")
            return
        shown_as: Optional[str]
        if event.payload is not None:
            text, shown_as = event.payload, event.text
        else:
            text, shown_as = choice_or_text(event.text, await self._db.run_async(last_offer, key))
        handled = await self._app[ROUTER].handle(
            Incoming(channel=self.name, external_id=external_id, text=text, shown_as=shown_as, pushed=True))
        await self._app_outbox.post(self.name, handled.conversation_id, event.address, handled.messages,
                                    handled.language)

    # --- the Graph API ---------------------------------------------------------------------

    async def _post(self, body: Dict[str, Any]) -> str:
        assert self._http is not None
        try:
            async with self._http.post(self.messages_url, json=body) as response:
                answer = _json_or_none(await response.read())
                if 200 <= response.status < 300:
                    return self.sent_id(answer)
                error = field(answer, "error", "message")
                reason = f"{self.name}: the Graph API answered {response.status}" + (
                    f" ({printable(error)})" if isinstance(error, str) else "")
                if response.status == 429 or response.status >= 500:
                    retry_after = response.headers.get("Retry-After", "")
                    raise SendFailed(reason, True, float(retry_after) if retry_after.isdigit() else None)
                raise SendFailed(reason, retryable=False)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise SendFailed(f"{self.name}: the Graph API could not be reached ({type(error).__name__})") from None

    # --- the application's parts ----------------------------------------------------------

    @property
    def _db(self) -> Any:
        assert self._app is not None
        return self._app[DATABASE]

    @property
    def _senders(self) -> Any:
        assert self._app is not None
        return self._app[SENDERS]

    @property
    def _app_outbox(self) -> Any:
        assert self._app is not None
        return self._app[OUTBOX]
