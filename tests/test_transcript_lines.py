"""The transcript's prebuilt statements (bot/storage/transcripts.py) store what the ORM path
stores: the same rows, the same conversation, the same resend check, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Conversation, Message, aware, utcnow


@pytest.fixture
def db(fresh_database: Database) -> Database:
    return fresh_database


def _rows(db: Database, key: str) -> list:
    def read(session):
        rows = session.query(Message).filter(Message.conversation_id == key).order_by(Message.id).all()
        return [(m.direction, m.sender, m.channel, m.text, m.payload, m.language, m.intent, m.confidence,
                 m.status, m.client_id) for m in rows]
    return db.run(read)


def _conversation(db: Database, key: str) -> tuple:
    return db.run(lambda s: (lambda c: (c.channel, c.language, aware(c.last_message_at)))(s.get(Conversation, key)))


def test_lines_are_the_rows_add_message_stores(db):
    by_orm, by_statement = f"u{uuid.uuid4().hex[:8]}", f"u{uuid.uuid4().hex[:8]}"

    def orm(session):
        conversation = transcripts.get_or_create_conversation(session, "rest", by_orm)
        line = transcripts.add_message(session, conversation, sender="citizen", text="combien?")
        transcripts.mark_message(session, line.id, status="answered", intent="passport_fees", confidence=0.9,
                                 language="fr")
        transcripts.add_message(session, conversation, sender="bot", text="163,50 $",
                                payload={"buttons": [{"title": "Oui", "payload": "/affirm"}]}, language="fr",
                                status="sent")
        return conversation.id

    def statements(session):
        key, language = transcripts.open_conversation(session, "rest", by_statement)
        assert language is None  # new
        now = utcnow()
        line = transcripts.add_line(session, key, "rest", sender="citizen", text="combien?", at=now)
        transcripts.touch_conversation(session, key, now)
        transcripts.mark_line(session, line, status="answered", intent="passport_fees", confidence=0.9,
                              language="fr")
        later = now + timedelta(seconds=1)
        transcripts.add_line(session, key, "rest", sender="bot", text="163,50 $", at=later,
                             payload={"buttons": [{"title": "Oui", "payload": "/affirm"}]}, language="fr",
                             status="sent")
        transcripts.touch_conversation(session, key, later, "fr")
        return key, later

    orm_key = db.run(orm)
    key, last = db.run(statements)
    assert key == transcripts.conversation_id("rest", by_statement) and transcripts.channel_of(key) == "rest"
    assert _rows(db, key) == _rows(db, orm_key)
    assert [r[0] for r in _rows(db, key)] == ["in", "out"]
    assert _conversation(db, key)[:2] == _conversation(db, orm_key)[:2] == ("rest", "fr")
    assert abs((_conversation(db, key)[2] - last).total_seconds()) < 0.001
    # known now: its language is read, nothing is created again
    assert db.run(lambda s: transcripts.open_conversation(s, "rest", by_statement)) == (key, "fr")
    assert db.run(lambda s: s.query(Conversation).filter(Conversation.id == key).count()) == 1


def test_a_resent_client_line_is_stored_once(db):
    external = f"w{uuid.uuid4().hex[:8]}"

    def send(session):
        key, _ = transcripts.open_conversation(session, "webchat", external)
        return transcripts.add_citizen_line(session, key, "webchat", "allo", "c-1", utcnow(),
                                            {transcripts.BUTTON: True})

    first = db.run(send)
    assert isinstance(first, int)
    assert db.run(send) is None  # the page sent it again
    key = transcripts.conversation_id("webchat", external)
    assert _rows(db, key) == [("in", "citizen", "webchat", "allo", {transcripts.BUTTON: True}, None, None, None,
                               "received", "c-1")]


def test_pending_lines_are_found_by_the_prebuilt_query(db):
    external = f"p{uuid.uuid4().hex[:8]}"

    def officer_line(session):
        key, _ = transcripts.open_conversation(session, "rest", external)
        transcripts.add_line(session, key, "rest", sender="officer", text="je suis là", at=utcnow(), status="pending")
        return key

    key = db.run(officer_line)
    assert db.run(lambda s: transcripts.has_pending(s, key))
    assert db.run(lambda s: transcripts.take_pending(s, key))[0]["text"] == "je suis là"
    assert not db.run(lambda s: transcripts.has_pending(s, key))


def test_a_new_conversation_is_the_row_the_orm_adds_and_a_concurrent_creation_is_found(db, monkeypatch):
    from sqlalchemy import event

    external = f"n{uuid.uuid4().hex[:8]}"
    by_orm = f"n{uuid.uuid4().hex[:8]}"
    db.run(lambda s: transcripts.get_or_create_conversation(s, "telegram", by_orm).id)
    statements = []
    engine = db.engine
    listener = lambda conn, cursor, statement, *args: statements.append(statement.split()[0].upper())  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        assert db.run(lambda s: transcripts.open_conversation(s, "telegram", external)) == (
            transcripts.conversation_id("telegram", external), None)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert [word for word in statements if word in ("SELECT", "INSERT")] == ["SELECT", "INSERT"]  # no second read

    def row(key):
        return db.run(lambda s: (lambda c: (c.channel, c.external_id, c.language, c.created_at is not None,
                                            c.last_message_at is not None))(s.get(Conversation, key)))

    assert row(transcripts.conversation_id("telegram", external))[0::2] == row(transcripts.conversation_id("telegram", by_orm))[0::2]
    assert row(transcripts.conversation_id("telegram", external))[3:] == (True, True)

    # another message created it between the read and the insert: its row is found, not a second one
    raced = f"r{uuid.uuid4().hex[:8]}"
    key = db.run(lambda s: transcripts.get_or_create_conversation(s, "rest", raced, language="fr").id)
    stored, reads = transcripts._stored_conversation, []

    def first_read_misses(session, wanted):
        reads.append(wanted)
        return None if len(reads) == 1 else stored(session, wanted)

    monkeypatch.setattr(transcripts, "_stored_conversation", first_read_misses)
    assert db.run(lambda s: transcripts.open_conversation(s, "rest", raced)) == (key, "fr") and len(reads) == 2
    assert db.run(lambda s: s.query(Conversation).filter(Conversation.external_id == raced).count()) == 1
