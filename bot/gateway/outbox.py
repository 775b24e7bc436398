"""The outbox: replies to push channels leave through here, in order per conversation.

STAND-IN: this in-memory version is a placeholder with the API of the persistent outbox
being built on another branch (which replaces this module when merged): what is not sent
when the process stops is lost, and nothing is recorded of a send. Channels depend only on
`register`, `start`, `close` and `post`.

`post` queues messages for one conversation and returns; a worker per conversation sends
them one after the other with the channel's `send` (channels/__init__.py). A `SendFailed`
that is retryable (network error, 429, 5xx) is tried again after `retry_delays` (or the
platform's Retry-After, up to `max_wait`); one that is not, or one still failing after the
last delay, is logged and dropped, and the next message is sent.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Deque, Dict, List

from channels import SendFailed

if TYPE_CHECKING:
    from bot.engine import BotMessage
    from channels import PushChannel

log = logging.getLogger(__name__)


@dataclass
class _Item:
    channel: str
    address: str
    message: "BotMessage"
    language: str


class Outbox:
    retry_delays = (0.5, 2.0, 5.0)
    max_wait = 30.0

    def __init__(self) -> None:
        self._channels: Dict[str, "PushChannel"] = {}
        self._queues: Dict[str, Deque[_Item]] = {}
        self._workers: Dict[str, "asyncio.Task[None]"] = {}

    def register(self, channel: "PushChannel") -> None:
        self._channels[channel.name] = channel

    async def start(self) -> None:
        """Nothing to recover: this stand-in keeps nothing across restarts."""

    async def close(self) -> None:
        """Let the queued messages go (up to max_wait seconds), then stop."""
        if self._workers:
            await asyncio.wait(set(self._workers.values()), timeout=self.max_wait)
        for task in list(self._workers.values()):
            task.cancel()

    async def post(self, channel: str, conversation_id: str, address: str,
                   messages: "List[BotMessage]", language: str) -> None:
        if channel not in self._channels:
            raise KeyError(f"no push channel named {channel!r} is registered")
        queue = self._queues.setdefault(conversation_id, deque())
        queue.extend(_Item(channel, address, message, language) for message in messages)
        if conversation_id not in self._workers:
            self._workers[conversation_id] = asyncio.create_task(self._drain(conversation_id))

    async def _drain(self, conversation_id: str) -> None:
        queue = self._queues[conversation_id]
        try:
            while queue:
                await self._send(queue.popleft())
        finally:  # no await between the last check and here: nothing is queued unseen
            del self._workers[conversation_id]
            if not queue:
                del self._queues[conversation_id]

    async def _send(self, item: _Item) -> None:
        channel = self._channels[item.channel]
        for attempt in range(len(self.retry_delays) + 1):
            try:
                await channel.send(item.address, item.message, item.language)
                return
            except SendFailed as failed:
                if not failed.retryable or attempt == len(self.retry_delays):
                    log.warning("%s: a message was not sent (%s)", item.channel, failed.reason)
                    return
                wait = self.retry_delays[attempt]
                if failed.retry_after is not None:
                    wait = min(max(wait, failed.retry_after), self.max_wait)
                log.info("%s: sending failed (%s), attempt %d; trying again in %.1f s",
                         item.channel, failed.reason, attempt + 1, wait)
                await asyncio.sleep(wait)
            except Exception:
                log.exception("%s: sending a message failed", item.channel)
                return
