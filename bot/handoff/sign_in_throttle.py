"""Failed console sign-ins, throttled per client address, never per account.

An account-wide lockout lets anyone lock any officer out by typing wrong passwords, and
its message tells which usernames exist. Here a failure counts against the address it
came from: for that username (`PER_ACCOUNT`) and for the address whatever the username
(`PER_ADDRESS`: one place trying many names). Counts decay with time, so occasional typos
never add up; while one is over its limit, that address is refused for a while with the
same answer whether or not the username exists. The officer signs in from anywhere else.
Counts live in the database, so every replica sees them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, List, Tuple

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.storage.models import SignInFailures, aware

FORGET_AFTER = timedelta(days=1)  # rows this old have decayed to nothing: deleted


@dataclass(frozen=True)
class Limit:
    allowed: int  # failures before that address is refused
    forgive: timedelta  # one failure forgotten every `forgive`

    def score(self, row: SignInFailures, now: datetime) -> float:
        elapsed = (now - aware(row.updated_at)).total_seconds()
        return max(0.0, float(row.score) - elapsed / self.forgive.total_seconds())

    def wait(self, row: SignInFailures, now: datetime) -> float:
        """Seconds until this address may try again (0: now)."""
        excess = self.score(row, now) - (self.allowed - 1)
        return max(0.0, excess * self.forgive.total_seconds())


PER_ACCOUNT = Limit(allowed=5, forgive=timedelta(minutes=3))
PER_ADDRESS = Limit(allowed=30, forgive=timedelta(seconds=20))


def _keys(address: str, username: str) -> List[Tuple[Limit, str]]:
    where = address or "unknown"
    name = username.strip().lower()[:80]
    return [(PER_ACCOUNT, f"account:{where}|{name}"), (PER_ADDRESS, f"address:{where}")]


def wait_seconds(session: Session, address: str, username: str, now: datetime) -> int:
    """0 if this address may try this username now; else how many seconds to wait."""
    longest = 0.0
    for limit, key in _keys(address, username):
        row = session.get(SignInFailures, key)
        if row is not None:
            longest = max(longest, limit.wait(row, now))
    return math.ceil(longest)


def _insert_if_missing(session: Session, key: str, now: datetime) -> None:
    """One row per key even when two replicas count the same address at once."""
    dialect = session.get_bind().dialect.name
    insert: Any = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect)
    if insert is None:
        if session.get(SignInFailures, key) is None:
            session.add(SignInFailures(key=key, score=0.0, updated_at=now))
            session.flush()
        return
    session.execute(insert(SignInFailures).values(key=key, score=0.0, updated_at=now)
                    .on_conflict_do_nothing(index_elements=["key"]))


def failed(session: Session, address: str, username: str, now: datetime) -> None:
    for limit, key in _keys(address, username):  # always this order: no deadlock between replicas
        _insert_if_missing(session, key, now)
        row = session.get(SignInFailures, key, with_for_update=True, populate_existing=True)
        assert row is not None
        row.score = limit.score(row, now) + 1
        row.updated_at = now
    session.execute(delete(SignInFailures).where(SignInFailures.updated_at < now - FORGET_AFTER))


def succeeded(session: Session, address: str, username: str) -> None:
    """The right password from this address: its failures for this username are forgiven
    (not the address's overall count, which one valid account must not reset)."""
    key = _keys(address, username)[0][1]
    session.execute(delete(SignInFailures).where(SignInFailures.key == key))
