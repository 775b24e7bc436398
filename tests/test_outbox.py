"""The outbox itself (bot/gateway/outbox.py) on a real database: two replicas sharing it send
each line once, per conversation in order and never two at once to one address; a line the
platform keeps refusing as retryable is failed after the give-up time. The channel here is a
recording stand-in for a platform (the outside world); the real ones are tested through
their emulators (tests/test_telegram_outbox.py, tests/test_twilio_sms.py)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Dict, List, Tuple

from aiohttp import web

from bot.engine import BotMessage
from bot.gateway.outbox import Outbox
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Conversation, Message, OutboxLine, utcnow
from channels import PushChannel, SendFailed

KEY = b"outbox-test-sender-key"


class RecordingPlatform:
    """A push channel whose platform refuses the first attempt of every message (retryable),
    then accepts it; it records what it accepted and fails the test if one address is sent
    two messages at the same time."""

    name = "recording"

    def __init__(self, always_refuse: bool = False) -> None:
        self.accepted: List[Tuple[str, str]] = []
        self.attempts: Dict[str, int] = {}
        self.busy: set = set()
        self.overlaps = 0
        self.always_refuse = always_refuse

    def add_routes(self, app: web.Application) -> None: ...

    async def start(self, app: web.Application) -> None: ...

    async def stop(self) -> None: ...

    async def deliver(self, conversation: Conversation, messages: List[BotMessage], sender: str) -> bool:
        return False

    async def send(self, address: str, message: BotMessage, language: str) -> str:
        if address in self.busy:
            self.overlaps += 1
        self.busy.add(address)
        try:
            await asyncio.sleep(0.005)
            text = message.get("text", "")
            self.attempts[text] = self.attempts.get(text, 0) + 1
            if self.always_refuse or self.attempts[text] == 1:
                raise SendFailed("503 from the platform", retryable=True)
            self.accepted.append((address, text))
            return f"id-{text}"
        finally:
            self.busy.discard(address)


def database(tmp_path: Path) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'outbox.db'}")
    db.upgrade_schema()
    return db


async def wait_for(condition, what: str) -> None:
    for _ in range(2000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


async def test_two_replicas_send_each_line_once_in_order_per_conversation(tmp_path):
    db, other = database(tmp_path), database(tmp_path)  # each replica its own engine and connections
    platform = RecordingPlatform()
    assert isinstance(platform, PushChannel)
    replicas = [Outbox(handle, KEY, first_retry=0.01, max_retry=0.05) for handle in (db, other)]
    try:
        for outbox in replicas:
            outbox.register(platform)
            await outbox.start()
        for number in range(5):
            for conversation in range(4):
                await replicas[number % 2].post("recording", f"recording:{conversation}", f"+1613555000{conversation}",
                                                [{"text": f"c{conversation}-m{number}"}], "en")
        await wait_for(lambda: len(platform.accepted) >= 20, "20 lines accepted")
    finally:
        for outbox in replicas:
            await outbox.close()
    assert len(platform.accepted) == 20 and len(set(platform.accepted)) == 20, "each line once"
    for conversation in range(4):
        texts = [text for address, text in platform.accepted if address == f"+1613555000{conversation}"]
        assert texts == [f"c{conversation}-m{number}" for number in range(5)], "in order, despite retries"
    assert platform.overlaps == 0, "never two sends at once to one address"
    statuses = db.run(lambda s: {row.status for row in s.query(OutboxLine)})
    assert statuses == {"sent"}
    db.dispose()
    other.dispose()


async def test_a_line_refused_past_the_give_up_time_is_failed_with_its_transcript_line(tmp_path):
    db = database(tmp_path)

    def conversation_with_line(session) -> int:
        conversation = transcripts.get_or_create_conversation(session, "recording", "abc")
        return transcripts.add_message(session, conversation, sender="officer", text="Are you there?",
                                       status="pending").id

    line = db.run(conversation_with_line)
    platform = RecordingPlatform(always_refuse=True)
    outbox = Outbox(db, KEY, first_retry=0.01, max_retry=0.05, give_up=timedelta(seconds=0.3))
    outbox.register(platform)
    await outbox.start()
    try:
        await outbox.post("recording", "recording:abc", "+16135550199", [{"text": "Are you there?", "line": line}], "en")
        assert db.run(lambda s: s.get(Message, line).status) == "queued"
        await wait_for(lambda: platform.attempts.get("Are you there?", 0) >= 2, "a retry")
        assert outbox.state() == {"recording": "retrying: 1 waiting"}
        await wait_for(lambda: db.run(lambda s: s.get(Message, line).status) == "failed", "the line failed")
    finally:
        await outbox.close()
    row = db.run(lambda s: s.query(OutboxLine).one())
    assert (row.status, row.address) == ("failed", "") and row.last_error.startswith("gave up")
    assert row.attempts == platform.attempts["Are you there?"] >= 2
    db.dispose()


async def test_retention_purges_outbox_lines_with_the_transcripts(tmp_path):
    db = database(tmp_path)
    outbox = Outbox(db, KEY)
    await outbox.post("recording", "recording:old", "+16135550100", [{"text": "old"}], "en")
    await outbox.post("recording", "recording:new", "+16135550101", [{"text": "new"}], "en")
    db.run(lambda s: s.query(OutboxLine).filter(OutboxLine.conversation_id == "recording:old")
           .update({"created_at": utcnow() - timedelta(days=100)}))
    db.run(transcripts.purge_older_than, utcnow() - timedelta(days=90))
    assert db.run(lambda s: [row.conversation_id for row in s.query(OutboxLine)]) == ["recording:new"]
    db.dispose()
