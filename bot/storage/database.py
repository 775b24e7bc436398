"""The database handle: one SQLAlchemy engine, short transactions run off the event loop.

What counts as "the database is unavailable" (StorageUnavailable): SQLAlchemy's
OperationalError (a locked SQLite file, PostgreSQL down or refusing, a lock or statement
timeout) and InterfaceError (a connection gone), and the pool's TimeoutError (every
connection busy). Anything else (an IntegrityError, a programming error) is a bug and
propagates as it is.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import QueuePool
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from bot.storage import migrations

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000
UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)


class StorageUnavailable(RuntimeError):
    """The database could not be reached or refused the write."""


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL syncs at checkpoints, not at every commit: no loss on a crash of the
    # gateway, at most the last commits on a power cut. PostgreSQL is the production store.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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
        self._waiting: Optional[ThreadPoolExecutor] = None  # PostgreSQL's pool for run_within

    def upgrade_schema(self) -> None:
        """Bring the database to the models' schema with the migrations (bot/storage/migrations):
        creates an empty one, adopts one made before migrations, never drops a table."""
        migrations.upgrade(self.engine)

    def run(self, work: Callable[..., T], *args: Any) -> T:
        """Run `work(session, *args)` in one transaction (commit, or roll back on error)."""
        try:
            with self._sessions.begin() as session:
                return work(session, *args)
        except UNAVAILABLE as error:
            raise StorageUnavailable(f"database unavailable: {getattr(error, 'orig', None) or error}") from error

    async def run_async(self, work: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            return await asyncio.to_thread(self.run, work, *args)
        return await asyncio.get_running_loop().run_in_executor(self._executor, self.run, work, *args)

    async def run_within(self, seconds: float, work: Callable[..., T], *args: Any) -> T:
        """`run_async` for a citizen who waits: StorageUnavailable unless the database takes
        the transaction in about `seconds` (at most twice that). Locks are waited for
        `seconds` in the transaction (SQLite's busy timeout, PostgreSQL's lock and statement
        timeouts) instead of 5 s. Still queued behind other transactions when the time is up:
        it is withdrawn, never run. Already running: it is waited for (its own waits are
        bounded), so the caller always knows whether it happened."""
        executor = self._executor or self._waiting_pool()
        job: "Future[T]" = executor.submit(self._run_bounded, int(seconds * 1000), work, *args)
        waited = asyncio.wrap_future(job)
        try:
            return await asyncio.wait_for(asyncio.shield(waited), seconds)
        except asyncio.TimeoutError:
            if job.cancel():
                raise StorageUnavailable(f"the database took no transaction in {seconds:g} s") from None
            return await waited

    def _waiting_pool(self) -> ThreadPoolExecutor:
        if self._waiting is None:
            self._waiting = ThreadPoolExecutor(max_workers=8, thread_name_prefix="db-wait")
        return self._waiting

    def _run_bounded(self, milliseconds: int, work: Callable[..., T], *args: Any) -> T:
        def bounded(session: Session) -> T:
            if self.engine.dialect.name == "sqlite":
                # On the DBAPI connection: it must be reset even after a failed flush, when
                # the session refuses any statement. A PRAGMA opens no transaction.
                raw = session.connection().connection.dbapi_connection
                raw.execute(f"PRAGMA busy_timeout={milliseconds}")
                try:
                    return work(session, *args)
                finally:
                    raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if self.engine.dialect.name == "postgresql":  # SET LOCAL ends with the transaction
                session.execute(text(f"SET LOCAL lock_timeout = {milliseconds}"))
                session.execute(text(f"SET LOCAL statement_timeout = {milliseconds}"))
            return work(session, *args)

        return self.run(bounded)

    def session(self) -> Session:
        return self._sessions()

    def dispose(self) -> None:
        for executor in (self._executor, self._waiting):
            if executor is not None:
                executor.shutdown(wait=True)
        self.engine.dispose()
