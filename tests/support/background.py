"""An event loop in a thread, hosting the servers the tests talk to (engine, actions,
gateways). Tests keep their own loop and reach the servers over loopback, as clients do."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Coroutine, TypeVar

import uvloop

T = TypeVar("T")


class BackgroundLoop:
    def __init__(self) -> None:
        self.loop = uvloop.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="servers", daemon=True)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 600) -> T:
        """Run on the servers' loop and wait (for sync fixtures)."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run on the servers' loop without blocking the caller's loop."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coroutine, self.loop))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=30)
