"""A database failure never loses a citizen's message (issue 11, defect 6), against the real
gateway: with the transcripts database locked by another connection, citizens are told in
their language that the message is kept, it waits in the local spool (redacted), and once the
lock is gone it is stored exactly once and answered; a `received` line left by a killed
process is answered or flagged at start-up."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List

import aiohttp
import pytest
from sqlalchemy import create_engine, text

from bot.gateway.recovery import replay
from bot.settings import Settings
from bot.storage import spool as spooled
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Message, utcnow
from bot.storage.spool import Spool, SpooledLine, SpoolFull
from bot.texts import say
from tests.support.gateway import new_sender, rest, running_gateway, start_gateway, stored, texts

SIN = "046 454 286"
EMAIL = "jean.tremblay@example.ca"
WAIT = 60  # seconds: a hang guard while waiting for an event, never a timing assertion


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return replace(settings, spool_replay_seconds=0.2)


@contextmanager
def locked(settings: Settings) -> Iterator[None]:
    """Another connection holds the transcripts database: no one else can write."""
    url = settings.transcripts_url
    if url.startswith("sqlite"):
        connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        connection.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            connection.rollback()
            connection.close()
        return
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as connection:
            connection.execute(text("LOCK TABLE messages IN EXCLUSIVE MODE"))  # reads still go on
            try:
                yield
            finally:
                connection.rollback()
    finally:
        engine.dispose()


async def until(condition: Callable[[], Any], what: str) -> Any:
    """Wait for a condition the gateway makes true in the background."""
    async with asyncio.timeout(WAIT):
        while True:
            found = await asyncio.to_thread(condition)
            if found:
                return found
            await asyncio.sleep(0.1)
    raise AssertionError(what)


def citizen_lines(settings: Settings, key: str) -> List[Dict[str, Any]]:
    db = Database(settings.transcripts_url)
    try:
        return [line for line in db.run(transcripts.history, key, 500, True) if line["sender"] == "citizen"]
    finally:
        db.dispose()


def answered(settings: Settings, key: str, said: str) -> bool:
    lines = [line for line in citizen_lines(settings, key) if line["text"] == said]
    return bool(lines) and lines[-1]["status"] not in ("spooled", "received", "resuming")


async def test_rest_answers_kept_in_the_citizens_language_then_stores_once_and_answers(servers, fast, engine):
    english, french = new_sender(), new_sender()
    asked_en, asked_fr = "How much does a passport cost?", "Combien coûte un passeport pour adulte?"
    async with running_gateway(servers, fast, engine) as client:
        with locked(fast):
            assert texts(await rest(client, english, asked_en)) == say("kept_for_later", "en")
            assert texts(await rest(client, french, asked_fr)) == say("kept_for_later", "fr")
            async with client.get("/health") as health:
                assert (await health.json())["checks"]["spool"] == "2 waiting"
        await until(lambda: answered(fast, f"rest:{english}", asked_en) and answered(fast, f"rest:{french}", asked_fr),
                    "the spooled messages were stored and answered")
        # REST cannot push: the answer comes with the citizen's next reply, before the new one.
        later = await rest(client, english, "thanks")
        async with client.get("/health") as health:
            assert (await health.json())["checks"]["spool"] == "ok"
    assert "163.50" in texts(later)
    for sender, asked in ((english, asked_en), (french, asked_fr)):
        lines = citizen_lines(fast, f"rest:{sender}")
        assert [line["text"] for line in lines if line["text"] == asked] == [asked], "stored exactly once"
        assert lines[0]["status"] == "answered"
    bot_lines = [line for line in stored(fast, french) if line["sender"] == "bot"]
    assert bot_lines and all(line["status"] == "pending" for line in bot_lines), "waits for the next reply"


async def test_web_chat_socket_stays_open_and_gets_the_answer_pushed(servers, fast, engine):
    async with running_gateway(servers, fast, engine) as client:
        async with client.ws_connect("/webchat/ws") as ws:
            await ws.send_json({"type": "hello", "conversation_id": None, "language": "fr"})
            conversation = (await ws.receive_json())["conversation_id"]
            assert (await _next_message(ws))["sender"] == "bot"  # the welcome, on arrival
            with locked(fast):
                await ws.send_json({"type": "message", "text": "Combien coûte un passeport?"})
                kept = await _next_message(ws)
                assert kept["text"] == say("kept_for_later", "fr") and kept["sender"] == "system"
            pushed = await _next_message(ws)  # once the lock is gone, without a new message
            assert pushed["sender"] == "bot" and pushed["text"]
            await ws.send_json({"type": "message", "text": "merci"})
            assert (await _next_message(ws))["sender"] == "bot", "the socket still answers"
    lines = citizen_lines(fast, f"webchat:{conversation}")
    assert [line["text"] for line in lines] == ["Combien coûte un passeport?", "merci"]
    assert lines[0]["status"] == "answered"


async def _next_message(ws: Any) -> Dict[str, Any]:
    async with asyncio.timeout(WAIT):
        while True:
            frame = await ws.receive_json()
            if frame["type"] == "message":
                return frame


async def test_a_spooled_message_survives_a_restart_redacted_and_is_replayed(servers, fast, engine):
    sender = new_sender()
    slow = replace(fast, spool_replay_seconds=3600)  # no replay before the restart
    asked = f"my SIN is {SIN}, write to {EMAIL}: how do I apply for a SIN?"
    runner = await servers.call(start_gateway(slow, engine))
    with locked(slow):  # and still locked when the gateway stops
        async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{slow.port}") as client:
            assert texts(await rest(client, sender, asked)) == say("kept_for_later", "en")
        await servers.call(runner.cleanup())
    kept = "".join(path.read_text(encoding="utf-8") for path in (slow.data_dir / "spool").iterdir())
    assert "[SIN]" in kept and SIN not in kept and EMAIL not in kept and SIN.replace(" ", "") not in kept
    assert citizen_lines(slow, f"rest:{sender}") == []
    async with running_gateway(servers, fast, engine) as client:
        await until(lambda: citizen_lines(fast, f"rest:{sender}") and answered(
            fast, f"rest:{sender}", citizen_lines(fast, f"rest:{sender}")[0]["text"]), "replayed after the restart")
        later = await rest(client, sender, "thanks")
    lines = citizen_lines(fast, f"rest:{sender}")
    assert len(lines) == 2 and "[SIN]" in lines[0]["text"] and SIN not in lines[0]["text"]
    assert len(later) > 1, "the answer to the spooled question came with this reply"
    assert list((fast.data_dir / "spool").glob("*.jsonl")) == []


async def test_received_lines_left_by_a_killed_process_are_answered_or_flagged_at_start(servers, fast, engine):
    last, earlier, ancient = new_sender(), new_sender(), new_sender()
    db = Database(fast.transcripts_url)
    db.upgrade_schema()
    old = utcnow() - timedelta(minutes=2)

    def killed_mid_turn(session: Any) -> None:
        for sender, lines in ((last, [("How much does a passport cost?", "received")]),
                              (earlier, [("How do I get a SIN?", "received"), ("hello", "answered")])):
            conversation = transcripts.get_or_create_conversation(session, "rest", sender)
            for said, status in lines:
                transcripts.add_message(session, conversation, sender="citizen", text=said, status=status)
        session.execute(Message.__table__.update().where(Message.conversation_id.in_(
            [f"rest:{last}", f"rest:{earlier}"])).values(created_at=old))
        conversation = transcripts.get_or_create_conversation(session, "rest", ancient)
        line = transcripts.add_message(session, conversation, sender="citizen", text="How do I get a SIN?")
        line.created_at = utcnow() - timedelta(days=3)

    db.run(killed_mid_turn)
    db.dispose()
    async with running_gateway(servers, fast, engine) as client:
        await until(lambda: answered(fast, f"rest:{last}", "How much does a passport cost?")
                    and answered(fast, f"rest:{earlier}", "How do I get a SIN?"), "handled at start-up")
        resumed = await rest(client, last, "thanks")
        flagged = await rest(client, earlier, "ok")
    assert "163.50" in texts(resumed), "the interrupted turn, the conversation's last, was run again"
    assert citizen_lines(fast, f"rest:{earlier}")[0]["status"] == "interrupted"
    assert say("interrupted", "en") in texts(flagged), "an older line is flagged, the citizen told"
    assert [line["status"] for line in stored(fast, ancient)] == ["interrupted"], "days old: flagged, no message"


async def test_a_replay_cut_short_never_stores_a_line_twice(settings, tmp_path: Path):
    if not settings.transcripts_url.startswith("sqlite"):
        pytest.skip("the spool's bookkeeping, run once on SQLite")
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    spool = Spool(tmp_path / "spool", 2**20)
    first, second = (SpooledLine("rest", "replayed", said, said) for said in ("one", "two"))
    spool.append(first)
    spool.append(second)
    assert db.run(spooled.store, first), "stored before a crash cut the replay"
    try:
        assert await replay(db, spool) == 1
        assert await replay(db, spool) == 0
        assert [line["text"] for line in db.run(transcripts.history, "rest:replayed")] == ["one", "two"]
        assert spool.waiting() == 0
    finally:
        spool.close()
        db.dispose()


def test_a_full_spool_refuses_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    spool = Spool(tmp_path / "spool", 300)
    try:
        spool.append(SpooledLine("rest", "a", "short", "short"))
        with caplog.at_level(logging.ERROR), pytest.raises(SpoolFull):
            spool.append(SpooledLine("rest", "a", "x" * 400, "x" * 400))
        assert "spool full" in caplog.text
        assert spool.waiting() == 1
    finally:
        spool.close()


async def test_socketio_answers_kept_stays_connected_and_gets_the_answer(servers, fast, engine):
    from tests.test_socketio_channel import Widget

    async with running_gateway(servers, fast, engine):
        widget = Widget(fast.port)
        try:
            session = await widget.connect()
            kept = say("kept_for_later", "en")
            with locked(fast):
                await widget.ask("How much does a passport cost?", kept.split("\n\n")[0])
            await widget.until(lambda event: "163.50" in event.get("text", ""))  # pushed, no new message
            await widget.ask("thanks", "")
        finally:
            await widget.close()
    lines = citizen_lines(fast, f"socketio:{session}")
    assert [line["text"] for line in lines] == ["How much does a passport cost?", "thanks"]
    assert lines[0]["status"] == "answered"
