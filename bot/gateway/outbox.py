"""The outbox: every message to a push channel (Telegram, SMS, Messenger, WhatsApp) is stored
before it is sent, and sent in the background until the platform accepts it.

The contract:
1. `post` stores the messages (table `outbox`) and marks their transcript lines "queued" in
   one transaction; when it returns, nothing is lost if the platform, or this process, fails.
2. One sender task sends, per conversation in order (only the oldest pending line of a
   conversation is ever due) and never two at once to one conversation; conversations are
   sent side by side. A replica claims a line with one conditional UPDATE (it moves
   `next_attempt_at` a lease ahead, only if it is still due), so replicas sharing the database
   never send a line twice; a line whose sender died is due again when the lease ends.
3. `PushChannel.send` returned: the line is "sent" (and its transcript line too).
   `SendFailed(retryable=True)` or any other exception: tried again after an exponential
   backoff with jitter (GOVBOT_OUTBOX_RETRY_SECONDS doubling up to
   GOVBOT_OUTBOX_MAX_RETRY_SECONDS; a platform's `retry_after` is honoured up to that cap),
   until GOVBOT_OUTBOX_GIVE_UP_MINUTES after it was posted; then, or at once for
   `SendFailed(retryable=False)`, the line is "failed", and so is its transcript line, where
   the console and analytics show it.
4. The platform address is stored sealed: AES-GCM under a key derived (HKDF-SHA256) from the
   sender key (bot/gateway/senders.py), bound to the line's channel and conversation. Another
   process with the same key sends what this one left; the address is wiped once the line is
   sent or failed.
Delivery is at least once: a process killed between the platform's answer and the UPDATE
sends that line again when its lease ends.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import logging
import os
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Set, Tuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from bot.engine import BotMessage
from bot.gateway.metrics import Metrics
from bot.storage.database import Database
from bot.storage.models import Message, OutboxLine, aware, utcnow
from channels import PushChannel, SendFailed

log = logging.getLogger(__name__)

LEASE_SECONDS = 60.0  # a claimed line is due again this long after, if its sender died
LOOK_AGAIN_SECONDS = 5.0  # at the latest: lines posted by other replicas
BATCH = 100  # conversations looked at per round
CLOSE_WAIT_SECONDS = 5.0  # sends in flight at close get this long to finish
_SEALED_PREFIX = "v1:"


def address_key(sender_key: bytes) -> bytes:
    """The AES-256 key for addresses, derived from (never equal to) the sender key."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"govbot outbox address v1").derive(sender_key)


def _bound_to(channel: str, conversation_id: str) -> bytes:
    return f"{channel}\n{conversation_id}".encode("utf-8")


@dataclass
class _Due:
    id: int
    channel: str
    conversation_id: str
    message_id: Optional[int]
    address: str
    body: Dict[str, Any]
    language: str
    attempts: int
    created_at: datetime


class Outbox:
    def __init__(self, db: Database, key: bytes, *, metrics: Optional[Metrics] = None,
                 first_retry: float = 2.0, max_retry: float = 300.0,
                 give_up: timedelta = timedelta(minutes=60), lease: float = LEASE_SECONDS) -> None:
        self.db = db
        self.metrics = metrics
        self.first_retry, self.max_retry, self.give_up, self.lease = first_retry, max_retry, give_up, lease
        self._aead = AESGCM(address_key(key))
        self._channels: Dict[str, PushChannel] = {}
        self._waiting: Dict[str, int] = {}  # per channel: lines waiting for a retry
        self._sending: Dict[str, "asyncio.Task[None]"] = {}  # conversation id -> its send
        self._in_flight: Dict[str, int] = {}  # conversation id -> the line being sent
        self._wake = asyncio.Event()
        self._task: Optional["asyncio.Task[None]"] = None
        self._stopping = False

    # --- the public face --------------------------------------------------------------

    def register(self, channel: PushChannel) -> None:
        self._channels[channel.name] = channel
        self._waiting.setdefault(channel.name, 0)

    async def start(self) -> None:
        """Start sending, beginning with what a previous process left."""
        if self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._run(), name="outbox")

    async def close(self) -> None:
        if self._task is not None:
            # Not cancelled mid-round: a claim committed by a cancelled round would hold its
            # lines for a whole lease. The round finishes; its sends are settled below.
            self._stopping = True
            self._wake.set()
            done, _ = await asyncio.wait({self._task}, timeout=CLOSE_WAIT_SECONDS)
            if not done:
                self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        sending = set(self._sending.values())
        if sending:
            await asyncio.wait(sending, timeout=CLOSE_WAIT_SECONDS)
        unfinished = [self._in_flight[key] for key, task in self._sending.items() if not task.done()]
        for task in sending:
            task.cancel()
        await asyncio.gather(*sending, return_exceptions=True)
        if unfinished:  # perhaps sent, perhaps not: due again at once for the next process
            await self.db.run_async(_release, unfinished)

    async def post(self, channel: str, conversation_id: str, address: str,
                   messages: List[BotMessage], language: str) -> None:
        """Store the messages for sending (durable when this returns), in this order."""
        if not messages:
            return
        sealed = self.seal(channel, conversation_id, address)

        def work(session: Session) -> None:
            now = utcnow()
            for message in messages:
                line = message.get("line")
                body = {k: v for k, v in message.items() if k != "line"}
                session.add(OutboxLine(channel=channel, conversation_id=conversation_id, message_id=line,
                                       address=sealed, body=body, language=language or "en",
                                       status="pending", attempts=0, next_attempt_at=now, created_at=now))
                if line is not None:
                    session.execute(update(Message).where(Message.id == line).values(status="queued"))

        await self.db.run_async(work)
        self._wake.set()

    def state(self) -> Dict[str, str]:
        """Per registered channel: "ok", or "retrying: N waiting"."""
        return {name: f"retrying: {count} waiting" if count else "ok"
                for name, count in sorted(self._waiting.items())}

    def waiting(self) -> Dict[str, int]:
        """Per registered channel, the lines waiting for a retry (for /metrics)."""
        return dict(self._waiting)

    # --- sealing ----------------------------------------------------------------------

    def seal(self, channel: str, conversation_id: str, address: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, address.encode("utf-8"), _bound_to(channel, conversation_id))
        return _SEALED_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def unseal(self, channel: str, conversation_id: str, sealed: str) -> str:
        """Raises ValueError when it was not sealed by this key for this conversation."""
        if not sealed.startswith(_SEALED_PREFIX):
            raise ValueError("not a sealed address")
        raw = base64.urlsafe_b64decode(sealed[len(_SEALED_PREFIX):])
        try:
            return self._aead.decrypt(raw[:12], raw[12:], _bound_to(channel, conversation_id)).decode("utf-8")
        except InvalidTag:
            raise ValueError("the address was sealed with another key") from None

    # --- sending ----------------------------------------------------------------------

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            try:
                next_in = await self._round()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database may be back next round
                log.exception("outbox: a round failed")
                next_in = LOOK_AGAIN_SECONDS
            try:
                await asyncio.wait_for(self._wake.wait(), max(next_in, 0.0))
            except asyncio.TimeoutError:
                pass

    async def _round(self) -> float:
        """Claim and start what is due; seconds until something may be due again."""
        if not self._channels:
            return LOOK_AGAIN_SECONDS
        busy = set(self._sending)
        due, earliest, waiting = await self.db.run_async(
            _claim_due, sorted(self._channels), busy, self.lease)
        for name in self._channels:
            self._waiting[name] = waiting.get(name, 0)
        for line in due:
            task = asyncio.create_task(self._send(line), name=f"outbox-{line.id}")
            self._sending[line.conversation_id] = task
            self._in_flight[line.conversation_id] = line.id
            task.add_done_callback(functools.partial(self._done, line.conversation_id))
        if earliest is None:
            return LOOK_AGAIN_SECONDS
        return min(LOOK_AGAIN_SECONDS, (earliest - utcnow()).total_seconds())

    def _done(self, conversation_id: str, _task: "asyncio.Task[None]") -> None:
        self._sending.pop(conversation_id, None)
        self._in_flight.pop(conversation_id, None)
        self._wake.set()  # its next line may be due

    async def _send(self, line: _Due) -> None:
        channel = self._channels[line.channel]
        try:
            address = self.unseal(line.channel, line.conversation_id, line.address)
        except ValueError as error:
            await self._finish(line, None, SendFailed(str(error), retryable=False))
            return
        try:
            platform_id = await channel.send(address, line.body, line.language)  # type: ignore[arg-type]
        except SendFailed as failure:
            await self._finish(line, None, failure)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a bug or an unexpected answer: retried, and logged
            log.exception("outbox: %s failed to send line %d", line.channel, line.id)
            await self._finish(line, None, SendFailed(type(error).__name__, retryable=True))
        else:
            await self._finish(line, str(platform_id), None)

    async def _finish(self, line: _Due, platform_id: Optional[str], failure: Optional[SendFailed]) -> None:
        now = utcnow()
        if failure is None:
            result = "sent"
            await self.db.run_async(_settle, line, "sent", platform_id, None)
        elif failure.retryable and now - aware(line.created_at) < self.give_up:
            result = "retried"
            delay = self._delay(line.attempts, failure.retry_after)
            log.info("outbox: %s line %d not accepted (%s); again in %.1f s",
                     line.channel, line.id, failure.reason, delay)
            await self.db.run_async(_postpone, line.id, now + timedelta(seconds=delay), failure.reason)
        else:
            result = "failed"
            reason = failure.reason if not failure.retryable else f"gave up: {failure.reason}"
            log.warning("outbox: %s line %d failed: %s", line.channel, line.id, reason)
            await self.db.run_async(_settle, line, "failed", None, reason)
        if self.metrics is not None:
            self.metrics.delivery(line.channel, result)

    def _delay(self, attempts: int, retry_after: Optional[float]) -> float:
        backoff = min(self.max_retry, self.first_retry * 2 ** min(attempts, 30))
        delay = random.uniform(backoff / 2, backoff)  # jitter: replicas and chats spread out
        if retry_after is not None and retry_after > 0:
            delay = max(delay, min(float(retry_after), self.max_retry))
        return delay


# --- data functions (each takes a session; the caller owns the transaction) ------------


def _claim_due(session: Session, channels: List[str], busy: Set[str],
               lease: float) -> Tuple[List[_Due], Optional[datetime], Dict[str, int]]:
    """The oldest pending line of each conversation, claimed if it is due; the earliest
    time a head not due yet will be; per channel, the lines waiting for a retry."""
    now = utcnow()
    earlier = aliased(OutboxLine)
    heads = session.scalars(
        select(OutboxLine).where(
            OutboxLine.status == "pending", OutboxLine.channel.in_(channels),
            ~select(earlier.id).where(earlier.conversation_id == OutboxLine.conversation_id,
                                      earlier.status == "pending", earlier.id < OutboxLine.id).exists(),
        ).order_by(OutboxLine.id).limit(BATCH)
    ).all()
    due: List[_Due] = []
    earliest: Optional[datetime] = None
    for head in heads:
        if head.conversation_id in busy:
            continue
        when = aware(head.next_attempt_at)
        if when > now:
            earliest = when if earliest is None else min(earliest, when)
            continue
        claimed = session.execute(
            update(OutboxLine).where(OutboxLine.id == head.id, OutboxLine.status == "pending",
                                     OutboxLine.next_attempt_at <= now)
            .values(next_attempt_at=now + timedelta(seconds=lease)),
            execution_options={"synchronize_session": False},
        ).rowcount
        if claimed == 1:
            due.append(_Due(head.id, head.channel, head.conversation_id, head.message_id, head.address,
                            dict(head.body or {}), head.language, head.attempts, head.created_at))
    waiting = dict(session.execute(
        select(OutboxLine.channel, func.count(OutboxLine.id))
        .where(OutboxLine.status == "pending", OutboxLine.attempts > 0).group_by(OutboxLine.channel)
    ).all())
    return due, earliest, {str(k): int(v) for k, v in waiting.items()}


def _settle(session: Session, line: _Due, status: str, platform_id: Optional[str], error: Optional[str]) -> None:
    session.execute(update(OutboxLine).where(OutboxLine.id == line.id).values(
        status=status, address="", attempts=OutboxLine.attempts + 1, last_error=error[:200] if error else None,
        platform_id=platform_id[:100] if platform_id else None, sent_at=utcnow() if status == "sent" else None,
    ), execution_options={"synchronize_session": False})
    if line.message_id is not None:
        session.execute(update(Message).where(Message.id == line.message_id).values(status=status),
                        execution_options={"synchronize_session": False})


def _postpone(session: Session, line_id: int, when: datetime, error: str) -> None:
    session.execute(update(OutboxLine).where(OutboxLine.id == line_id).values(
        attempts=OutboxLine.attempts + 1, next_attempt_at=when, last_error=error[:200],
    ), execution_options={"synchronize_session": False})


def _release(session: Session, line_ids: List[int]) -> None:
    session.execute(update(OutboxLine).where(OutboxLine.id.in_(line_ids), OutboxLine.status == "pending")
                    .values(next_attempt_at=utcnow()), execution_options={"synchronize_session": False})
