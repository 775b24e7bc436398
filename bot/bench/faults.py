"""The faults `govbot soak --faults` injects while citizens and officers keep talking.

FAULTS is the one list: a fault is a name and an async function that breaks something in
the running gateway for a while and says what it did. They run one after another, spaced
through the soak. To add one (the Bot API failing for Telegram, say), write its function and
add it to FAULTS; `govbot soak --faults NAME,...` picks some, all by default.

After the traffic, the soak waits for the gateway to recover (its spool replayed, waiting
lines answered: bot/gateway/recovery.py), then counts from the database: citizen messages
sent against stored, and citizen lines nobody answered.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Awaitable, Callable, Dict, List, Optional

from sqlalchemy import func, select

from bot.bench.processes import tree_of
from bot.storage.database import Database
from bot.storage.models import Message
from bot.storage.transcripts import WAITING

if TYPE_CHECKING:
    from bot.bench.telegram import BotApi

LOCK_SECONDS = 8.0


@dataclass
class Running:
    """What a fault can reach: the gateway's process, its SQLite file and the Bot API its
    Telegram channel talks to (bot/bench/telegram.py)."""

    gateway_pid: int
    database: Path
    bot_api: Optional["BotApi"] = None
    done: List[str] = field(default_factory=list)  # what each fault did, for the report


Fault = Callable[[Running], Awaitable[str]]


async def database_locked(target: Running) -> str:
    """Another connection holds an exclusive transaction on the transcripts database."""

    def hold() -> float:
        connection = sqlite3.connect(target.database, isolation_level=None)
        try:
            connection.execute("BEGIN EXCLUSIVE")
            started = time.monotonic()
            time.sleep(LOCK_SECONDS)
            connection.rollback()
            return time.monotonic() - started
        finally:
            connection.close()

    held = await asyncio.to_thread(hold)
    return f"database locked for {held:.1f} s"


async def worker_killed(target: Running) -> str:
    """kill -9 of one engine worker (GOVBOT_ENGINE_WORKERS), whatever turn it is in."""
    for pid in sorted(tree_of(target.gateway_pid)):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"bot.engine.worker" in command:
            os.kill(pid, signal.SIGKILL)
            return f"engine worker {pid} killed (SIGKILL)"
    return "no engine worker to kill (run with --workers 1 or more)"


async def bot_api_failing(target: Running) -> str:
    """Telegram's Bot API answers every call 500 for a while (replies wait in the outbox)."""
    from bot.bench.telegram import bot_api_failing as fail

    if target.bot_api is None:
        return "no Bot API to break"
    return await fail(target.bot_api)


FAULTS: Dict[str, Fault] = {
    "database-locked": database_locked,
    "worker-killed": worker_killed,
    "bot-api-failing": bot_api_failing,
}


def chosen(names: str) -> List[str]:
    """`--faults all` or a comma-separated list of FAULTS' names."""
    wanted = list(FAULTS) if names in ("", "all") else [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in FAULTS]
    if unknown:
        raise SystemExit(f"unknown fault {', '.join(unknown)}; known: {', '.join(FAULTS)}")
    return wanted


async def inject(names: List[str], target: Running, seconds: float) -> None:
    """Each fault in turn, spread over the first two thirds of `seconds` of traffic."""
    gap = seconds * 2 / 3 / (len(names) + 1)
    for name in names:
        await asyncio.sleep(gap)
        target.done.append(f"{name}: {await FAULTS[name](target)}")


@dataclass
class Count:
    stored: int  # citizen lines in the transcript
    waiting: int  # citizen lines nobody answered or flagged


def count(database: Path) -> Count:
    db = Database(f"sqlite:///{database}")
    try:
        def work(session: object) -> Count:
            citizen = select(func.count(Message.id)).where(Message.sender == "citizen")
            stored = session.scalar(citizen)  # type: ignore[attr-defined]
            waiting = session.scalar(citizen.where(Message.status.in_(WAITING + ("resuming",))))  # type: ignore[attr-defined]
            return Count(int(stored or 0), int(waiting or 0))

        return db.run(work)
    finally:
        db.dispose()
