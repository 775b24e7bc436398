"""Every citizen message passes through `Router.handle`: the one place routing is decided.

Order matters and is the contract of this module:
1. refuse politely, before any other work, what comes too fast from one client address
   (whatever sender ids it rotates through): nothing is stored, the refusal is counted;
2. measure the message: what is too long, or too fast for its conversation, is refused
   politely and stored only as its first 200 characters, redacted at a bounded cost;
3. redact personal information (nothing downstream ever sees it);
4. store the citizen's message (so a failure later loses nothing), then call its
   `acknowledge` (the web chat tells the page "stored"); a message whose `client_id` this
   conversation already stored is a resend: acknowledged again, never a second turn
   (outcome "duplicate", no messages: the page has the reply, or gets it when the first
   turn ends). A citizen waits for the database about STORE_WAIT_SECONDS (twice at most),
   not SQLite's 5 s: when it is locked, down or too slow, the redacted message goes to the
   local spool (bot/storage/spool.py) and the citizen is told, in their language, that it
   is kept and will be answered (outcome "spooled"; not acknowledged: the page keeps it
   and, if it resends, the spool and the `client_id` keep it to one turn); a refused
   message's excerpt is spooled the same way and the refusal said. Only a full spool loses
   a message, and the citizen is told to write again. A database failing after the message
   is stored leaves it `received` (step 8);
5. while an officer has the conversation (or it waits for one), the bot stays silent and
   the message goes to the officer desk (bot/handoff/desk.py);
6. ask the engine; if it is down, say so in the citizen's language and keep the message;
7. store the replies; a handoff request opens a ticket; return what the channel delivers,
   after any officer message the channel could not push earlier.
8. later (`resume`, called by bot/gateway/recovery.py): a citizen line stored from the
   spool, or left `received` by a turn a crash cut, is answered as if it had just arrived,
   in order, unless the citizen wrote again since and that was handled: then it is marked
   "interrupted" and a system line asks them to ask again or to ask for an officer (an
   answer to an old question after a newer one would confuse). What this gives the citizen
   goes out as the desk pushes an officer's line: pushed where the channel can (web chat,
   Socket.IO, Telegram, SMS), else pending, and the next REST reply carries it. A turn the
   database cut after the engine answered is asked again: the engine's tracker then holds
   the question twice, the citizen gets one answer.

`Router.greet` is the one other entry: a page arriving on a new conversation starts its
session before the citizen writes, and the engine's welcome is stored like any reply.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Optional, cast

from bot.contracts import is_handoff_request
from bot.engine import BotMessage, Engine, EngineReply, EngineUnavailable
from bot.gateway.metrics import Metrics
from bot.gateway.rate_limit import RateLimiter
from bot.handoff import queue as desk_queue
from bot.handoff.desk import Desk
from bot.language import decide
from bot.redaction import Redaction, redact, redact_excerpt
from bot.storage import transcripts
from bot.storage.database import Database, StorageUnavailable
from bot.storage.models import utcnow
from bot.storage.spool import Spool, SpooledLine, SpoolFull
from bot.texts import say

log = logging.getLogger(__name__)

EXCERPT_CHARS = 200  # what is kept of a refused message
STORE_WAIT_SECONDS = 1.5  # how long a citizen waits for the database to take their message


@dataclass
class Incoming:
    channel: str
    external_id: str
    text: str
    metadata: Dict[str, Any] = field(default_factory=dict)
    shown_as: Optional[str] = None  # what the citizen saw, e.g. a button title for a payload
    client: Optional[str] = None  # the network address it came from; None when a platform relays it
    client_id: Optional[str] = None  # the sender's own id for this message, unique in its conversation
    acknowledge: Optional[Callable[[], Awaitable[None]]] = None  # called once the message is stored
    pushed: bool = False  # the replies go through the outbox: stored "queued", it marks them sent


@dataclass
class Handled:
    conversation_id: str
    language: str
    messages: List[BotMessage]
    handoff: Optional[Dict[str, Any]] = None
    # or the refusal status, "to_officer", "rated", "cancelled", "spooled", "not_kept", "stalled"
    outcome: str = "answered"
    intent: Optional[str] = None


@dataclass
class _Stored:
    conversation_id: str
    message_id: int
    language: Optional[str]
    pending: bool = False  # messages wait to be delivered to this citizen
    with_desk: bool = False  # a ticket is open, or a rating is asked: the desk decides
    duplicate: bool = False  # its client_id was stored already: a resend


class Router:
    def __init__(
        self, db: Database, engine: Engine, limiter: RateLimiter, max_message_chars: int,
        desk: Optional[Desk] = None, client_limiter: Optional[RateLimiter] = None,
        spool: Optional[Spool] = None,
    ) -> None:
        self.desk = desk
        self.spool = spool
        self.metrics = Metrics()
        self.db = db
        self.engine = engine
        self.limiter = limiter
        self.client_limiter = client_limiter
        self.max_message_chars = max_message_chars

    async def handle(self, incoming: Incoming) -> Handled:
        if incoming.client and self.client_limiter and not self.client_limiter.allow(incoming.client):
            handled = self._turn_away(incoming)
            if incoming.acknowledge is not None:  # answered (refused), nothing to resend
                await incoming.acknowledge()
        else:
            handled = await self._handle_stored(incoming)
        self.metrics.message(incoming.channel, handled.language, handled.outcome, handled.intent)
        return handled

    async def greet(self, channel: str, external_id: str, language_hint: Optional[str]) -> List[BotMessage]:
        """Before the citizen writes (the web chat page on arrival): start the conversation's
        session and store what the engine says (its welcome). Nothing if it is down: the
        welcome then comes with the first answer, as on every other channel."""
        key = transcripts.conversation_id(channel, external_id)
        metadata = {"channel": channel, **({"language_hint": language_hint} if language_hint in ("en", "fr") else {})}
        try:
            reply = await self.engine.start_session(key, metadata)
        except EngineUnavailable as error:
            log.warning("engine unavailable to start %s: %s", key, error)
            return []

        def store(session: Any) -> None:
            conversation = transcripts.get_or_create_conversation(session, channel, external_id)
            for message in reply.messages:
                transcripts.add_message(session, conversation, sender="bot", text=message.get("text", ""),
                                        payload={k: message[k] for k in ("buttons", "image") if k in message},  # type: ignore[literal-required]
                                        language=reply.language, status="sent")

        if reply.messages:
            try:
                await self.db.run_within(STORE_WAIT_SECONDS, store)
            except StorageUnavailable as error:  # a welcome is not worth a citizen's wait
                log.warning("the welcome of %s was not stored: %s", key, error)
        return reply.messages

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
            limit: Dict[str, Any] = {"limit": self.max_message_chars} if refusal == "too_long" else {}
            try:
                stored = await self.db.run_within(STORE_WAIT_SECONDS, self._store_incoming, incoming, excerpt)
            except StorageUnavailable as error:
                return self._keep(incoming, key, excerpt, excerpt, error, refusal, **limit)
            if await self._acknowledged_duplicate(incoming, stored):
                return Handled(stored.conversation_id, stored.language or _hint(incoming) or "en", [],
                               outcome="duplicate")
            language = decide(stored.language, excerpt) or _hint(incoming) or "en"
            handled = await self._refuse(stored, language, refusal, refusal, **limit)
        else:
            cleaned = redact(text)  # at most max_message_chars: ~2 ms worst case at 2000, so on the loop
            shown = redact(incoming.shown_as[: self.max_message_chars]).text if incoming.shown_as else cleaned.text
            try:
                stored = await self.db.run_within(STORE_WAIT_SECONDS, self._store_incoming, incoming, shown)
            except StorageUnavailable as error:
                return self._keep(incoming, key, shown, cleaned.text, error)
            if await self._acknowledged_duplicate(incoming, stored):
                return Handled(stored.conversation_id, stored.language or _hint(incoming) or "en", [],
                               outcome="duplicate")
            try:
                handled = await self._handle(incoming, cleaned, stored)
            except StorageUnavailable as error:  # stored `received`: answered later (step 8)
                log.warning("database failed during the turn of %s: %s", stored.conversation_id, error)
                language = decide(stored.language, cleaned.text) or _hint(incoming) or "en"
                return Handled(stored.conversation_id, language,
                               [{"text": say("kept_for_later", language), "sender": "system"}], outcome="stalled")
        if stored.pending or stored.with_desk:  # only then can a message wait for this citizen
            pending = cast(List[BotMessage], await self.db.run_async(transcripts.take_pending, stored.conversation_id))
            handled.messages[:0] = pending
        return handled

    @staticmethod
    async def _acknowledged_duplicate(incoming: Incoming, stored: "_Stored") -> bool:
        if incoming.acknowledge is not None:
            await incoming.acknowledge()
        return stored.duplicate

    def _keep(
        self, incoming: Incoming, key: str, shown: str, engine_text: str, error: StorageUnavailable,
        refusal: Optional[str] = None, **values: Any,
    ) -> Handled:
        """The database did not take the message: spool it and tell the citizen (step 4)."""
        language = decide(None, engine_text) or _hint(incoming) or "en"
        log.warning("database unavailable for a %s message: %s", incoming.channel, error)
        if not engine_text and refusal is None:  # nothing to answer later
            return Handled(key, language, [{"text": say("empty", language), "sender": "system"}], outcome="empty")
        try:
            if self.spool is None:
                raise SpoolFull("no spool")
            self.spool.append(SpooledLine(incoming.channel, incoming.external_id, shown, engine_text,
                                          _hint(incoming), refusal))
        except (SpoolFull, OSError) as failure:
            log.error("a %s message was not kept: %s", incoming.channel, failure)
            return Handled(key, language, [{"text": say("not_kept", language), "sender": "system"}],
                           outcome="not_kept")
        text = say(refusal, language, **values) if refusal else say("kept_for_later", language)
        return Handled(key, language, [{"text": text, "sender": "system"}], outcome="spooled")

    async def resume(self, message_id: int) -> Optional[str]:
        """Answer or flag a citizen line nobody answered (step 8). None if another replica
        took it first, else the outcome."""
        taken = await self.db.run_async(self._take_waiting, message_id)
        if taken is None:
            return None
        incoming, stored, engine_text, answered_since = taken
        language = decide(stored.language, engine_text) or _hint(incoming) or "en"
        try:
            if answered_since:
                await self.db.run_async(self._flag_interrupted, stored, language)
                outcome = "interrupted"
            else:
                outcome = (await self._handle(incoming, redact(engine_text), stored, delivery="pending")).outcome
        except StorageUnavailable:  # give it back to the next sweep (if the database lets us)
            await self.db.run_async(transcripts.release_waiting, message_id)
            raise
        log.info("resumed a waiting %s line: %s", incoming.channel, outcome)
        self.metrics.message(incoming.channel, language, "resumed_" + outcome, None)
        if self.desk is not None:
            await self.desk.deliver_pending(stored.conversation_id)
        return outcome

    def _take_waiting(self, session: Any, message_id: int) -> Optional[tuple[Incoming, _Stored, str, bool]]:
        line = transcripts.claim_waiting(session, message_id)
        if line is None:
            return None
        conversation = transcripts.find_conversation(session, line.conversation_id)
        assert conversation is not None
        extra = line.payload or {}
        hint = extra.get("language_hint")
        incoming = Incoming(conversation.channel, conversation.external_id, line.text,
                            metadata={"language_hint": hint} if hint else {})
        stored = _Stored(conversation.id, line.id, conversation.language,
                         with_desk=self.desk is not None and desk_queue.involves_desk(session, conversation.id))
        return incoming, stored, str(extra.get("engine_text") or line.text), transcripts.answered_after(session, line)

    def _flag_interrupted(self, session: Any, stored: _Stored, language: str) -> None:
        transcripts.mark_message(session, stored.message_id, status="interrupted")
        conversation = transcripts.find_conversation(session, stored.conversation_id)
        assert conversation is not None
        transcripts.add_message(session, conversation, sender="system", text=say("interrupted", language),
                                language=language, status="pending")

    async def _handle(
        self, incoming: Incoming, cleaned: Redaction, stored: "_Stored", delivery: str = "sent"
    ) -> Handled:
        """Steps 5 to 7. `delivery`: "pending" when the citizen is not waiting on this request
        (step 8): the channel pushes the lines, or the next reply carries them."""
        language = decide(stored.language, cleaned.text) or _hint(incoming) or "en"

        if not cleaned.text:
            return await self._refuse(stored, language, "empty", "empty", delivery=delivery)
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
            return await self._refuse(stored, language, "unanswered", "unavailable", delivery=delivery)
        self.metrics.engine_latency(incoming.channel, time.perf_counter() - started)
        # Replies a push channel sends through the outbox are "queued" until it marks them
        # sent; lines answered later (step 8) are "pending" until the channel takes them.
        status = "queued" if incoming.pushed and delivery == "sent" else delivery
        handled = await self.db.run_async(self._store_reply, stored, reply, notices, language, status)
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
        key, language = transcripts.open_conversation(session, incoming.channel, incoming.external_id)
        pressed = {transcripts.BUTTON: True} if incoming.shown_as else None  # a button, not words
        now = utcnow()
        if incoming.client_id is None:
            line = transcripts.add_line(session, key, incoming.channel, sender="citizen", text=shown, at=now,
                                        payload=pressed)
        else:
            added = transcripts.add_citizen_line(session, key, incoming.channel, shown, incoming.client_id, now,
                                                 pressed)
            if added is None:
                return _Stored(key, 0, language, duplicate=True)
            line = added
        transcripts.touch_conversation(session, key, now)
        return _Stored(
            key, line, language,
            pending=transcripts.has_pending(session, key),
            with_desk=self.desk is not None and desk_queue.involves_desk(session, key),
        )

    async def _refuse(
        self, stored: _Stored, language: str, status: str, text_key: str, delivery: Optional[str] = None,
        **values: Any,
    ) -> Handled:
        text = say(text_key, language, **values)

        def record(session: Any) -> int:
            transcripts.mark_message(session, stored.message_id, status=status, language=language)
            conversation = transcripts.find_conversation(session, stored.conversation_id)
            assert conversation is not None
            return transcripts.add_message(session, conversation, sender="system", text=text, language=language,
                                           status=delivery or "received").id

        line = await self.db.run_async(record)
        return Handled(stored.conversation_id, language, [{"text": text, "sender": "system", "line": line}],
                       outcome=status)

    def _store_reply(
        self, session: Any, stored: _Stored, reply: EngineReply, notices: List[BotMessage], fallback_language: str,
        status: str = "sent",
    ) -> Handled:
        language = reply.language or fallback_language
        key, channel = stored.conversation_id, transcripts.channel_of(stored.conversation_id)
        transcripts.mark_line(
            session,
            stored.message_id,
            status="answered" if reply.messages else "unanswered",
            intent=reply.intent,
            confidence=reply.confidence,
            language=language,
        )
        now = utcnow()
        delivered: List[BotMessage] = list(notices)
        handoff: Optional[Dict[str, Any]] = None
        for message in reply.messages:
            custom = message.get("custom")
            if is_handoff_request(custom):
                handoff = dict(custom or {})
                transcripts.add_line(session, key, channel, sender="event", text="handoff requested", at=now,
                                     payload={"custom": handoff}, language=language)
                continue
            delivered.append(message)
        for message in delivered:
            payload = {k: message[k] for k in ("buttons", "image", "custom") if k in message}  # type: ignore[literal-required]
            # a push channel's outbox marks the line queued, then sent or failed
            message["line"] = transcripts.add_line(
                session, key, channel, sender=message.get("sender", "bot"), text=message.get("text", ""), at=now,
                payload=payload, language=language, status=status,
            )
        transcripts.touch_conversation(session, key, now, language)
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
