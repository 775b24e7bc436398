"""The database handle: one SQLAlchemy engine, short transactions run off the event loop."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.pool import QueuePool
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.storage import migrations

T = TypeVar("T")


class StorageUnavailable(RuntimeError):
    """The database could not be reached or refused the write."""


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL syncs at checkpoints, not at every commit: no loss on a crash of the
    # gateway, at most the last commits on a power cut. PostgreSQL is the production store.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_db_engine(url: str, future: bool = True) -> Engine:
    """`future=False` for Rasa's tracker store, written against SQLAlchemy's 1.x API."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # SQLAlchemy 1.4 gives file databases a NullPool: a new connection, and the pragmas
        # run again, for every transaction (a sixth of the gateway's CPU under load). A
        # connection is used by one thread at a time, so a pool is safe.
        # `timeout`: how long opening a connection waits for a lock. A replica starting while
        # another migrates the schema waits for the migration (its PRAGMAs need the lock);
        # transactions afterwards wait 5 s at most (busy_timeout below).
        engine = create_engine(url, future=future, poolclass=QueuePool, pool_size=5, max_overflow=15,
                               connect_args={"check_same_thread": False, "timeout": 60})
        event.listen(engine, "connect", sqlite_pragmas)
        return engine
    return create_engine(url, future=future, pool_pre_ping=True, pool_size=10, max_overflow=10)


class Database:
    def __init__(self, url: str) -> None:
        self.engine = create_db_engine(url)
        self._sessions = sessionmaker(self.engine, future=True, expire_on_commit=False)
        # SQLite has one writer at a time: transactions from several threads only wait for
        # each other in its busy handler (sleeps of 1 to 100 ms). One thread runs them in
        # order instead. PostgreSQL takes them side by side from the default pool.
        self._executor: Optional[ThreadPoolExecutor] = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
            if self.engine.dialect.name == "sqlite" else None
        )

    def upgrade_schema(self) -> None:
        """Bring the database to the models' schema with the migrations (bot/storage/migrations):
        creates an empty one, adopts one made before migrations, never drops a table."""
        migrations.upgrade(self.engine)

    def run(self, work: Callable[..., T], *args: Any) -> T:
        """Run `work(session, *args)` in one transaction (commit, or roll back on error)."""
        try:
            with self._sessions.begin() as session:
                return work(session, *args)
        except (OperationalError, InterfaceError) as error:
            raise StorageUnavailable(f"database unavailable: {error.orig}") from error

    async def run_async(self, work: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            return await asyncio.to_thread(self.run, work, *args)
        return await asyncio.get_running_loop().run_in_executor(self._executor, self.run, work, *args)

    def session(self) -> Session:
        return self._sessions()

    def dispose(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        self.engine.dispose()
