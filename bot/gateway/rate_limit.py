"""Sliding-window rate limit per key (a conversation, a client address), in memory."""

from __future__ import annotations

import time
from collections import deque
from typing import Callable, Deque, Dict


class RateLimiter:
    def __init__(
        self, per_minute: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_minute = per_minute
        self.window = window
        self.clock = clock
        self._seen: Dict[str, Deque[float]] = {}

    def allow(self, key: str) -> bool:
        now = self.clock()
        stamps = self._seen.setdefault(key, deque())
        while stamps and now - stamps[0] >= self.window:
            stamps.popleft()
        if len(stamps) >= self.per_minute:
            return False
        stamps.append(now)
        if len(self._seen) > 10_000:
            self._forget_idle(now)
        return True

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, v in self._seen.items() if not v or now - v[-1] >= self.window]:
            del self._seen[key]
