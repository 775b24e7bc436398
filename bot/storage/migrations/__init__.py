"""Schema migrations (Alembic), configured in code: `upgrade(engine)` brings any database to
the models' schema at start-up, and `govbot db upgrade / current / revision` wraps the same.

The rules, in order:
1. One migration at a time: on PostgreSQL the whole upgrade runs in one transaction that first
   takes an advisory lock, so a second replica starting at the same moment waits, then finds
   the database at head and does nothing. On SQLite the transaction is `BEGIN IMMEDIATE`.
2. A database made by a release before migrations (our tables there, no `alembic_version`) is
   adopted: if its tables and columns are the baseline's, it is stamped at the baseline, then
   upgraded like any other. Anything else stops start-up with the differences; nothing is
   dropped or recreated.
3. SQLite runs with foreign keys off during the upgrade (batch mode copies a table and drops
   the old one: with them on, the drop would cascade to the rows that point at it), and the
   foreign keys are checked before the commit.
"""

from __future__ import annotations

import functools
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional, Set

# Alembic logs each of its plugins at INFO when imported; its "Running upgrade" lines stay.
logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)

from alembic import command  # noqa: E402
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine

from bot.storage.models import Base

HERE = Path(__file__).parent
BASELINE = "0001"  # the schema of the last release built with create_all
# pg_advisory_xact_lock takes a bigint; any constant that only this application uses.
MIGRATION_WAIT_MS = 120_000
LOCK_KEY = 0x676F76626F74  # "govbot"


class SchemaMismatch(RuntimeError):
    """The database holds our tables but not in a shape any revision knows: adopt it by hand."""


def include_name(name: Optional[str], type_: str, parent_names: object) -> bool:
    """Autogenerate compares our tables only: the database may hold others (e.g. Rasa's tracker
    store when both URLs name one database), and it must never propose to drop them."""
    return type_ != "table" or name in Base.metadata.tables


def alembic_config(connection: Optional[Connection] = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    config.attributes["connection"] = connection
    return config


def head() -> str:
    found = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert found is not None, "no revision in bot/storage/migrations/versions"
    return found


def current(engine: Engine) -> Optional[str]:
    """The database's revision; None for an empty database or one made before migrations."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction that no other migration runs beside (rules 1 and 3)."""
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            with connection.begin():
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
                yield connection
            return
        # PRAGMA foreign_keys is ignored inside a transaction: switch it first. Another process
        # migrating holds the write lock for as long as its migration takes: wait for it (the
        # usual 5 s busy timeout is for short transactions, not for a whole migration).
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.exec_driver_sql(f"PRAGMA busy_timeout={MIGRATION_WAIT_MS}")
        connection.commit()  # ends SQLAlchemy's autobegun (empty) transaction
        try:
            with connection.begin():
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise SchemaMismatch(f"the migration broke foreign keys (rolled back): {broken[:5]}")
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.exec_driver_sql("PRAGMA busy_timeout=5000")
            connection.commit()


def upgrade(engine: Engine, revision: str = "head") -> Optional[str]:
    """Upgrade to `revision` (adopting a database from before migrations); return the revision
    the database was at (None: empty or adopted)."""
    with _migrating(engine) as connection:
        config = alembic_config(connection)
        before = MigrationContext.configure(connection).get_current_revision()
        if before is None:
            _adopt_unversioned(connection, config)
        command.upgrade(config, revision)
    return before


def downgrade(engine: Engine, revision: str) -> None:
    with _migrating(engine) as connection:
        command.downgrade(alembic_config(connection), revision)


def revision(engine: Engine, message: str) -> str:
    """A new revision file, autogenerated from the difference between the models and
    `engine`'s database (upgraded to head first). Read and clean it before committing."""
    upgrade(engine)
    scripts = ScriptDirectory.from_config(alembic_config())
    number = f"{len(list(scripts.walk_revisions())) + 1:04d}"
    with _migrating(engine) as connection:
        created = command.revision(alembic_config(connection), message=message, autogenerate=True, rev_id=number)
    assert created is not None and not isinstance(created, list)
    return str(created.path)


def _adopt_unversioned(connection: Connection, config: Config) -> None:
    tables = inspect(connection).get_table_names()
    if not tables:
        return  # an empty database: the baseline creates ours
    ours = set(_baseline_columns()) | set(Base.metadata.tables)
    present = {name: _column_names(connection, name) for name in tables if name in ours}
    if not present:
        return  # only other applications' tables (e.g. Rasa's tracker store)
    expected = _baseline_columns()
    differences = [
        f"{name}: " + (
            "missing" if name not in present else "not in the baseline" if name not in expected
            else f"columns {sorted(present[name] ^ expected[name])} differ"
        )
        for name in sorted(set(present) | set(expected))
        if present.get(name) != expected.get(name)
    ]
    if differences:
        raise SchemaMismatch(
            "the database has govbot tables but no migration history, and they are not the "
            "baseline's, so it cannot be adopted safely (nothing was changed): " + "; ".join(differences)
        )
    command.stamp(config, BASELINE)


@functools.lru_cache(maxsize=1)
def _baseline_columns() -> Dict[str, Set[str]]:
    """Table -> column names of the baseline revision, read by running it on a scratch SQLite."""
    scratch = create_engine("sqlite://", future=True)
    try:
        with scratch.begin() as connection:
            command.upgrade(alembic_config(connection), BASELINE)
            return {name: _column_names(connection, name)
                    for name in inspect(connection).get_table_names() if name != "alembic_version"}
    finally:
        scratch.dispose()


def _column_names(connection: Connection, table: str) -> Set[str]:
    return {column["name"] for column in inspect(connection).get_columns(table)}

