"""Citizen turns run in the background, one at a time per citizen, in the order they came.

A platform's webhook must be answered at once (Twilio and Meta re-deliver what is not
answered within seconds), so a channel claims the message id, answers, and starts the turn
here. Two messages from one citizen never reach the router together: the second waits for
the first's turn (an asyncio.Lock per citizen, kept for the process's life like the
addresses the channels keep; waiters are served in arrival order).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable, Dict, Set

log = logging.getLogger(__name__)


class Turns:
    def __init__(self, channel: str) -> None:
        self.channel = channel
        self._tasks: Set["asyncio.Task[None]"] = set()
        self._locks: Dict[str, asyncio.Lock] = {}

    def start(self, citizen: str, turn: Callable[[], Awaitable[None]]) -> None:
        """Run `turn` after this citizen's earlier turns; its failure is logged, not raised."""
        task = asyncio.create_task(self._run(citizen, turn))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, citizen: str, turn: Callable[[], Awaitable[None]]) -> None:
        async with self._locks.setdefault(citizen, asyncio.Lock()):
            try:
                await turn()
            except Exception:
                log.exception("%s: a turn failed", self.channel)

    async def close(self, timeout: float = 10) -> None:
        """Let the turns under way finish (up to `timeout` seconds), then cancel the rest."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)
        for task in set(self._tasks):
            task.cancel()
