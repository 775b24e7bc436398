"""SMS through Twilio: POST /webhooks/twilio/webhook, on when TWILIO_ACCOUNT_SID and
TWILIO_AUTH_TOKEN are set.

The webhook, in this order:
1. verify `X-Twilio-Signature` (HMAC-SHA1 of TWILIO_PUBLIC_URL and the sorted form fields,
   keyed by the auth token; the `twilio` package's RequestValidator) over the form exactly as
   it arrived, before any field is used: missing or wrong is 401, and the answer never says
   what was expected;
2. claim the MessageSid (transcripts.claim_inbound_key): Twilio re-delivers when it did not
   get an answer in time, and a re-delivery is answered but not processed again;
3. answer at once with empty TwiML; the turn runs in the background and the replies are
   posted to the outbox (bot/gateway/outbox.py), which calls `send`: the Messages API (form
   POST, HTTP Basic auth with the SID and token). 5xx, 429 (with its Retry-After) and network
   errors are `SendFailed(retryable=True)`, the outbox tries again with backoff; another 4xx
   is final. A line counts as sent only on a 2xx (the outbox keeps Twilio's SID); an
   officer's line is queued in the outbox like a reply.

SMS has no buttons: a message with buttons ends "Reply 1 for ..., 2 for ..." and a reply of
just that number is the button's payload (the offer is read back from the transcript, so
it survives a restart). Messages longer than one SMS are cut between words, so a link is
never cut. STOP/ARRET (STOPALL, UNSUBSCRIBE, END, QUIT) are recorded and honoured: nothing
is sent, and further messages are not processed, until START/UNSTOP; HELP/AIDE/INFO answer
with what the service is and how to stop. (Twilio's platform confirms STOP itself and refuses
to send to a number that opted out.)

The phone number never names a conversation: it is the keyed hash of senders.py. To answer,
the number is kept in memory against that hash, and sealed in the outbox's lines; after a
restart an officer's line to an SMS citizen waits for the citizen's next message. A message
longer than one SMS is sent as its parts in one `send`: if a later part fails, a retry sends
the earlier ones again.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Dict, List, Optional
from urllib.parse import parse_qsl

import aiohttp
from aiohttp import web
from aiohttp.web_protocol import RequestPayloadError
from multidict import MultiDict
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from bot.engine import BotMessage
from bot.gateway.errors import MalformedBody, Unauthorized, WrongShape, payload_error
from bot.gateway.keys import DATABASE, OUTBOX, ROUTER, SENDERS
from bot.gateway.router import Incoming
from bot.settings import Settings
from bot.storage import transcripts
from bot.storage.models import Conversation, Message
from bot.texts import say
from channels import SendFailed
from channels.limits import choice_or_text, last_offer, text_parts, with_numbered_choices
from channels.turns import Turns

log = logging.getLogger(__name__)

CHANNEL = "sms"
PATH = "/webhooks/twilio/webhook"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
MAX_SMS_CHARS = 1600  # what the Messages API takes in one Body
MAX_BODY_CHARS = 10_000  # a form field from Twilio is far shorter; beyond it is not Twilio

STOP_WORDS = {"stop", "stopall", "unsubscribe", "end", "quit", "arret", "arrêt"}
START_WORDS = {"start", "unstop"}  # Twilio's "yes" is left out: it answers our own questions
HELP_WORDS = {"help", "info", "aide"}
FRENCH_WORDS = {"arret", "arrêt", "aide"}
STOPPED, STARTED = "sms stop", "sms start"


def keyword(text: str) -> Optional[str]:
    """"stop", "start" or "help" when the whole message is one of those words."""
    word = re.sub(r"[\s.!]+", "", text).casefold()
    if word in STOP_WORDS:
        return "stop"
    if word in START_WORDS:
        return "start"
    if word in HELP_WORDS:
        return "help"
    return None


def sms_text(message: BotMessage, language: str) -> str:
    text = with_numbered_choices((message.get("text") or "").strip(), list(message.get("buttons") or []), language)
    if message.get("image"):
        text = f"{text}\n{message['image']}".strip()
    return text


def sms_parts(text: str, limit: int = MAX_SMS_CHARS) -> List[str]:
    """Pieces of at most `limit` characters, cut only at whitespace (links stay whole)."""
    return text_parts(text, limit, hard=False)


def _opted_out(session: Any, key: str) -> bool:
    row = session.scalars(
        select(Message.text).where(Message.conversation_id == key, Message.sender == "event",
                                   Message.text.in_((STOPPED, STARTED)))
        .order_by(Message.id.desc()).limit(1)
    ).first()
    return row == STOPPED


def _record(session: Any, external_id: str, text: str, payload: Optional[Dict[str, Any]] = None,
            citizen: Optional[str] = None) -> Optional[str]:
    """An event (and the citizen's keyword, if any); the conversation's language."""
    conversation = transcripts.get_or_create_conversation(session, CHANNEL, external_id)
    if citizen is not None:
        transcripts.add_message(session, conversation, sender="citizen", text=citizen, status="keyword")
    transcripts.add_message(session, conversation, sender="event", text=text, payload=payload)
    return conversation.language


def _form(raw: bytes) -> Optional["MultiDict[str]"]:
    try:
        text = raw.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text), errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    return MultiDict(pairs)


class TwilioChannel:
    name = CHANNEL

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.validator = RequestValidator(str(settings.twilio_auth_token))
        self.messages_url = (f"{settings.twilio_api_url}/2010-04-01/Accounts/"
                             f"{settings.twilio_account_sid}/Messages.json")
        self._numbers: Dict[str, str] = {}  # conversation key (a keyed hash) -> phone number
        self._turns = Turns(CHANNEL)
        self._http: Optional[aiohttp.ClientSession] = None
        self._app: Optional[web.Application] = None

    # --- Channel ---------------------------------------------------------------------

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post(PATH, self.webhook)

    async def start(self, app: web.Application) -> None:
        self._app = app
        self._http = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=15),
            auth=aiohttp.BasicAuth(self.settings.twilio_account_sid, str(self.settings.twilio_auth_token)),
        )

    async def stop(self) -> None:
        await self._turns.close()
        if self._http is not None:
            await self._http.close()

    async def deliver(self, conversation: Conversation, messages: List[BotMessage], sender: str) -> bool:
        number = self._numbers.get(conversation.external_id)
        if number is None or await self._db.run_async(_opted_out, conversation.id):
            return False
        await self._post(number, conversation.id, messages, conversation.language or "en")
        return True

    # --- the webhook -----------------------------------------------------------------

    async def webhook(self, request: web.Request) -> web.Response:
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature:
            raise Unauthorized("the request is not signed")
        try:
            raw = await request.read()
        except RequestPayloadError as error:
            raise payload_error(error) from None
        form = _form(raw)
        if form is None or not self.validator.validate(self.settings.twilio_public_url, form, signature):
            raise Unauthorized("the signature does not match this request")
        message_sid, number = form.get("MessageSid", ""), form.get("From", "")
        body = form.get("Body", "")
        if not message_sid or not number or len(body) > MAX_BODY_CHARS:
            raise WrongShape("a Twilio message has MessageSid, From and Body")
        if "\x00" in body + number + message_sid:  # PostgreSQL cannot store it
            raise MalformedBody("the form contains a NUL character")
        if await self._db.run_async(transcripts.claim_inbound_key, CHANNEL, message_sid[:100]):
            assert self._app is not None
            external_id = self._app[SENDERS].conversation_key(number)
            self._turns.start(external_id, lambda: self._one_turn(number, body, external_id))
        else:
            log.info("sms: a re-delivered message was answered, not processed again")
        return web.Response(text=EMPTY_TWIML, content_type="text/xml")

    # --- one turn --------------------------------------------------------------------

    @property
    def _db(self) -> Any:
        assert self._app is not None
        return self._app[DATABASE]

    async def _one_turn(self, number: str, body: str, external_id: str) -> None:
        assert self._app is not None
        key = transcripts.conversation_id(CHANNEL, external_id)
        self._numbers[external_id] = number
        word = keyword(body)
        if word is not None:
            await self._keyword(word, number, external_id, key, body.strip()[:20])
            return
        if await self._db.run_async(_opted_out, key):
            log.info("sms: a message from a number that sent STOP was not processed")
            return
        text, shown_as = choice_or_text(body, await self._db.run_async(last_offer, key))
        handled = await self._app[ROUTER].handle(Incoming(channel=CHANNEL, external_id=external_id,
                                                          text=text, shown_as=shown_as, pushed=True))
        await self._post(number, key, handled.messages, handled.language)

    async def _keyword(self, word: str, number: str, external_id: str, key: str, said: str) -> None:
        if word == "stop":
            await self._db.run_async(_record, external_id, STOPPED, None, said)
            log.info("sms: a citizen opted out")
            return
        stopped = await self._db.run_async(_opted_out, key)
        if word == "help" and stopped:
            return  # nothing goes to a number that opted out
        language = await self._db.run_async(_record, external_id, STARTED if word == "start" else "sms help",
                                            None, said)
        if said.casefold().strip(".! ") in FRENCH_WORDS:
            language = "fr"
        text = say("sms_started" if word == "start" else "sms_help", language or "en")
        await self._post(number, key, [{"text": text, "sender": "system"}], language or "en")

    # --- the Messages API ------------------------------------------------------------

    async def _post(self, number: str, key: str, messages: List[BotMessage], language: str) -> None:
        assert self._app is not None
        await self._app[OUTBOX].post(CHANNEL, key, number, messages, language)

    async def send(self, address: str, message: BotMessage, language: str) -> str:
        """Every part of one message to one number; Twilio's SID of the last part."""
        sid = "nothing to send"
        for part in sms_parts(sms_text(message, language)):
            sid = await self._send_part(address, part)
        return sid

    async def _send_part(self, number: str, body: str) -> str:
        if self._http is None:
            raise SendFailed("the SMS channel is not started", retryable=True)
        form = {"From": self.settings.twilio_from_number, "To": number, "Body": body}
        try:
            async with self._http.post(self.messages_url, data=form) as response:
                if 200 <= response.status < 300:
                    answer = await response.json(content_type=None)
                    return str(answer.get("sid") or "accepted") if isinstance(answer, dict) else "accepted"
                retry_after = response.headers.get("Retry-After", "").strip()
                wait = float(retry_after) if retry_after.isdigit() else None
                retryable = response.status == 429 or response.status >= 500
                raise SendFailed(f"the Messages API answered {response.status}", retryable=retryable,
                                 retry_after=wait if retryable else None)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise SendFailed(f"the Messages API could not be reached ({type(error).__name__})") from None
