"""Every citizen message passes through `Router.handle`: the one place routing is decided.

Order matters and is the contract of this module:
1. refuse politely, before any other work, what comes too fast from one client address
   (whatever sender ids it rotates through): nothing is stored, the refusal is counted;
2. measure the message: what is too long, or too fast for its conversation, is refused
   politely and stored only as its first 200 characters, redacted at a bounded cost;
3. redact personal information (nothing downstream ever sees it);
4. store the citizen's message (so a failure later loses nothing);
5. while an officer has the conversation (or it waits for one), the bot stays silent and
   the message goes to the officer desk (bot/handoff/desk.py);
6. ask the engine; if it is down, say so in the citizen's language and keep the message;
7. store the replies; a handoff request opens a ticket; return what the channel delivers,
   after any officer message the channel could not push earlier.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, cast

from bot.contracts import is_handoff_request
from bot.engine import BotMessage, Engine, EngineReply, EngineUnavailable
from bot.gateway.metrics import Metrics
from bot.gateway.rate_limit import RateLimiter
from bot.handoff import queue as desk_queue
from bot.handoff.desk import Desk
from bot.language import decide
from bot.redaction import Redaction, redact, redact_excerpt
from bot.storage import transcripts
from bot.storage.database import Database
from bot.texts import say

log = logging.getLogger(__name__)

EXCERPT_CHARS = 200  # what is kept of a refused message


@dataclass
class Incoming:
    channel: str
    external_id: str
    text: str
    metadata: Dict[str, Any] = field(default_factory=dict)
    shown_as: Optional[str] = None  # what the citizen saw, e.g. a button title for a payload
    client: Optional[str] = None  # the network address it came from; None when a platform relays it


@dataclass
class Handled:
    conversation_id: str
    language: str
    messages: List[BotMessage]
    handoff: Optional[Dict[str, Any]] = None
    outcome: str = "answered"  # or the refusal status, "to_officer", "rated", "cancelled"
    intent: Optional[str] = None


@dataclass
class _Stored:
    conversation_id: str
    message_id: int
    language: Optional[str]
    pending: bool = False  # messages wait to be delivered to this citizen
    with_desk: bool = False  # a ticket is open, or a rating is asked: the desk decides


class Router:
    def __init__(
        self, db: Database, engine: Engine, limiter: RateLimiter, max_message_chars: int,
        desk: Optional[Desk] = None, client_limiter: Optional[RateLimiter] = None,
    ) -> None:
        self.desk = desk
        self.metrics = Metrics()
        self.db = db
        self.engine = engine
        self.limiter = limiter
        self.client_limiter = client_limiter
        self.max_message_chars = max_message_chars

    async def handle(self, incoming: Incoming) -> Handled:
        if incoming.client and self.client_limiter and not self.client_limiter.allow(incoming.client):
            handled = self._turn_away(incoming)
        else:
            handled = await self._handle_stored(incoming)
        self.metrics.message(incoming.channel, handled.language, handled.outcome, handled.intent)
        return handled

    def _turn_away(self, incoming: Incoming) -> Handled:
        """Too fast from this address: answer, store nothing (a flood must not fill the database)."""
        key = transcripts.conversation_id(incoming.channel, incoming.external_id)
        language = _hint(incoming) or decide(None, incoming.text[:EXCERPT_CHARS]) or "en"
        return Handled(key, language, [{"text": say("rate_limited", language), "sender": "system"}],
                       outcome="client_limited")

    async def _handle_stored(self, incoming: Incoming) -> Handled:
        text = incoming.text.strip()
        key = transcripts.conversation_id(incoming.channel, incoming.external_id)
        refusal = ("too_long" if len(text) > self.max_message_chars
                   else "rate_limited" if text and not self.limiter.allow(key) else None)
        if refusal is not None:  # keep an excerpt, never the whole text
            excerpt = redact_excerpt(text, EXCERPT_CHARS)
            stored = await self.db.run_async(self._store_incoming, incoming, excerpt)
            language = decide(stored.language, excerpt) or _hint(incoming) or "en"
            limit = {"limit": self.max_message_chars} if refusal == "too_long" else {}
            handled = await self._refuse(stored, language, refusal, refusal, **limit)
        else:
            cleaned = redact(text)  # at most max_message_chars: ~2 ms worst case at 2000, so on the loop
            shown = redact(incoming.shown_as[: self.max_message_chars]).text if incoming.shown_as else cleaned.text
            stored = await self.db.run_async(self._store_incoming, incoming, shown)
            handled = await self._handle(incoming, cleaned, stored)
        if stored.pending or stored.with_desk:  # only then can a message wait for this citizen
            pending = cast(List[BotMessage], await self.db.run_async(transcripts.take_pending, stored.conversation_id))
            handled.messages[:0] = pending
        return handled

    async def _handle(self, incoming: Incoming, cleaned: Redaction, stored: "_Stored") -> Handled:
        language = decide(stored.language, cleaned.text) or _hint(incoming) or "en"

        if not cleaned.text:
            return await self._refuse(stored, language, "empty", "empty")
        notices: List[BotMessage] = []
        if cleaned.changed:
            log.info("redacted %s from a %s message", ",".join(cleaned.kinds), incoming.channel)
            notices.append({"text": say("redacted", language), "sender": "system"})
        if self.desk is not None and stored.with_desk:
            intercepted = await self.desk.intercept(stored.conversation_id, stored.message_id, cleaned.text)
            if intercepted is not None:
                return Handled(stored.conversation_id, language, notices + intercepted.messages,
                               outcome=intercepted.outcome)
        started = time.perf_counter()
        try:
            reply = await self.engine.handle(
                stored.conversation_id, cleaned.text, _engine_metadata(incoming)
            )
        except EngineUnavailable as error:
            log.warning("engine unavailable for %s: %s", stored.conversation_id, error)
            self.metrics.engine_errors += 1
            return await self._refuse(stored, language, "unanswered", "unavailable")
        self.metrics.engine_latency(incoming.channel, time.perf_counter() - started)
        handled = await self.db.run_async(self._store_reply, stored, reply, notices, language)
        handled.intent = reply.intent
        request = handled.handoff
        if request is not None:
            self.metrics.handoff(str(request.get("reason")), str(request.get("topic")), handled.language)
            if self.desk is not None:
                handled.messages.extend(
                    await self.desk.open(stored.conversation_id, request)  # type: ignore[arg-type]
                )
        return handled

    def _store_incoming(self, session: Any, incoming: Incoming, shown: str) -> _Stored:
        conversation = transcripts.get_or_create_conversation(
            session, incoming.channel, incoming.external_id
        )
        message = transcripts.add_message(session, conversation, sender="citizen", text=shown,
                                          payload={transcripts.BUTTON: True} if incoming.shown_as else None)
        return _Stored(
            conversation.id, message.id, conversation.language,
            pending=transcripts.has_pending(session, conversation.id),
            with_desk=self.desk is not None and desk_queue.involves_desk(session, conversation.id),
        )

    async def _refuse(
        self, stored: _Stored, language: str, status: str, text_key: str, **values: Any
    ) -> Handled:
        text = say(text_key, language, **values)

        def record(session: Any) -> None:
            transcripts.mark_message(session, stored.message_id, status=status, language=language)
            conversation = transcripts.find_conversation(session, stored.conversation_id)
            assert conversation is not None
            transcripts.add_message(session, conversation, sender="system", text=text, language=language)

        await self.db.run_async(record)
        return Handled(stored.conversation_id, language, [{"text": text, "sender": "system"}], outcome=status)

    def _store_reply(
        self, session: Any, stored: _Stored, reply: EngineReply, notices: List[BotMessage], fallback_language: str
    ) -> Handled:
        language = reply.language or fallback_language
        conversation = transcripts.find_conversation(session, stored.conversation_id)
        assert conversation is not None
        transcripts.mark_message(
            session,
            stored.message_id,
            status="answered" if reply.messages else "unanswered",
            intent=reply.intent,
            confidence=reply.confidence,
            language=language,
        )
        delivered: List[BotMessage] = list(notices)
        handoff: Optional[Dict[str, Any]] = None
        for message in reply.messages:
            custom = message.get("custom")
            if is_handoff_request(custom):
                handoff = dict(custom or {})
                transcripts.add_message(
                    session, conversation, sender="event", text="handoff requested",
                    payload={"custom": handoff}, language=language,
                )
                continue
            delivered.append(message)
        for message in delivered:
            payload = {k: message[k] for k in ("buttons", "image", "custom") if k in message}  # type: ignore[literal-required]
            transcripts.add_message(
                session, conversation, sender=message.get("sender", "bot"), text=message.get("text", ""),
                payload=payload, language=language, status="sent",
            )
        conversation.language = language
        return Handled(stored.conversation_id, language, delivered, handoff)


def _hint(incoming: Incoming) -> Optional[str]:
    hint = incoming.metadata.get("language_hint")
    return hint if hint in ("en", "fr") else None


def _engine_metadata(incoming: Incoming) -> Dict[str, Any]:
    metadata: Dict[str, Any] = {"channel": incoming.channel}
    hint = _hint(incoming)
    if hint:
        metadata["language_hint"] = hint
    return metadata
