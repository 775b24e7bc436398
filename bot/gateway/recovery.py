"""Nothing a citizen said is forgotten after a failure (issue 11, defect 6).

One background task per gateway, started with it:
- replay: the spool's files (bot/storage/spool.py) are stored in the transcript, line by
  line in order, each with its original time and status "spooled"; a line already stored
  by an earlier, interrupted replay is skipped (its id is recorded with it). The database
  failing again stops the replay; the rest waits for the next round.
- sweep: every spooled line, and every citizen line still `received` after
  GOVBOT_STALE_TURN_SECONDS (a turn cut by a crash, a kill -9, the database failing
  mid-turn), is answered or flagged by `Router.resume` (bot/gateway/router.py, step 8).
  One left `received` for over a day is only flagged "interrupted" (no message to a citizen
  about a question that old); officers see it in the transcript.

A round runs at start-up, then every GOVBOT_SPOOL_REPLAY_SECONDS while the spool holds
lines; the sweep also runs every GOVBOT_STALE_TURN_SECONDS. Replicas may sweep together:
each line is taken by one conditional UPDATE.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta

from bot.gateway.router import Router
from bot.storage import spool as spooled
from bot.storage import transcripts
from bot.storage.database import Database, StorageUnavailable
from bot.storage.models import utcnow
from bot.storage.spool import Spool

log = logging.getLogger(__name__)

REPLAY_WAIT_SECONDS = 1.0  # per line: a locked database must not hold the citizens' queue


async def replay(db: Database, spool: Spool) -> int:
    """Store what the spool holds; StorageUnavailable if the database fails meanwhile."""
    stored = 0
    for path in spool.ready():
        with spool.taking(path) as lines:
            for line in lines or []:
                stored += await db.run_within(REPLAY_WAIT_SECONDS, spooled.store, line)
    if stored:
        log.info("recovery: stored %d spooled messages", stored)
    return stored


async def sweep(router: Router, stale_seconds: float) -> int:
    """Answer or flag the citizen lines nobody answered; how many."""
    before = utcnow() - timedelta(seconds=stale_seconds)
    forgotten = await router.db.run_async(transcripts.flag_forgotten, before)
    if forgotten:
        log.warning("recovery: flagged %d citizen lines left unanswered for over a day", forgotten)
    done = 0
    while True:
        waiting = await router.db.run_async(transcripts.waiting_lines, before)
        if not waiting:
            return done
        for message_id in waiting:
            done += await router.resume(message_id) is not None


class Recovery:
    def __init__(self, router: Router, spool: Spool, replay_every: float, stale_seconds: float) -> None:
        self.router = router
        self.spool = spool
        self.replay_every = replay_every
        self.stale_seconds = stale_seconds
        self.rounds = 0

    async def round(self, sweep_too: bool) -> None:
        replayed = await replay(self.router.db, self.spool) if self.spool.waiting() else 0
        if sweep_too or replayed:
            resumed = await sweep(self.router, self.stale_seconds)
            if resumed:
                log.info("recovery: answered or flagged %d waiting citizen lines", resumed)

    async def run(self) -> None:
        last_sweep = float("-inf")
        while True:
            sweep_due = time.monotonic() - last_sweep >= self.stale_seconds
            try:
                await self.round(sweep_due)
                if sweep_due:
                    last_sweep = time.monotonic()
            except StorageUnavailable as error:
                log.info("recovery: the database is still unavailable (%s)", error)
            except Exception:  # the next round tries again; a bug must not end the task
                log.exception("recovery: a round failed")
            self.rounds += 1
            await asyncio.sleep(self.replay_every)
