"""Events between gateway replicas over Redis pub/sub (GOVBOT_REDIS_URL).

Two kinds cross replicas: officer-console events (every replica's open consoles refresh)
and web chat frames (only the replica holding the citizen's socket can send them). With no
Redis URL the bus is local: published events go straight to this replica's handlers.
Messages themselves are always stored in the database first, so an event lost with a
replica is still shown on reconnect (transcript history), never lost.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional

log = logging.getLogger(__name__)

CHANNEL = "govbot:events"
Handler = Callable[[Dict[str, Any]], Awaitable[None]]


class Bus:
    def __init__(self, redis_url: str = "") -> None:
        self.redis_url = redis_url
        self._handlers: Dict[str, List[Handler]] = {}
        self._redis: Any = None
        self._task: Optional[asyncio.Task[None]] = None
        self._ready = asyncio.Event()

    def on(self, kind: str, handler: Handler) -> None:
        self._handlers.setdefault(kind, []).append(handler)

    async def start(self) -> None:
        if not self.redis_url:
            return
        import redis.asyncio as redis  # type: ignore[import-untyped]

        self._redis = redis.from_url(self.redis_url)
        await self._redis.ping()
        self._task = asyncio.create_task(self._listen())
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def _listen(self) -> None:
        pubsub = self._redis.pubsub()
        await pubsub.subscribe(CHANNEL)
        self._ready.set()
        try:
            while True:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                if message is None:
                    continue
                try:
                    event = json.loads(message["data"])
                except (ValueError, TypeError):
                    log.warning("bus: dropped a malformed event")
                    continue
                await self._dispatch(event)
        finally:
            await pubsub.unsubscribe(CHANNEL)
            await pubsub.close()

    async def _dispatch(self, event: Dict[str, Any]) -> None:
        for handler in self._handlers.get(str(event.get("kind")), []):
            try:
                await handler(event)
            except Exception:  # one bad handler must not stop the bus
                log.exception("bus: handler failed for %s", event.get("kind"))

    async def publish(self, kind: str, payload: Dict[str, Any]) -> None:
        event = {**payload, "kind": kind}
        if self._redis is None:
            await self._dispatch(event)
            return
        await self._redis.publish(CHANNEL, json.dumps(event))

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
        if self._redis is not None:
            await self._redis.close()
            self._redis = None
