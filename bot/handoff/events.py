"""Live events for open officer consoles (queue changed, new message on a ticket).

In-process: every console socket of this gateway gets every event and refreshes what it
shows from the database, so an event carries ids only, never citizen text. A socket is
anything that sends JSON and closes (`Socket`): the console's WebSocket (bot/console/live.py)
is one; this module knows no web framework.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, Protocol, Set

log = logging.getLogger(__name__)

GOING_AWAY = 1001  # WebSocket close code: the server goes away


class Socket(Protocol):
    async def send_json(self, data: Any) -> None: ...

    async def close(self, *, code: int = GOING_AWAY, message: bytes = b"") -> bool: ...


class ConsoleHub:
    def __init__(self) -> None:
        self._sockets: Set[Socket] = set()

    def join(self, socket: Socket) -> None:
        self._sockets.add(socket)

    def leave(self, socket: Socket) -> None:
        self._sockets.discard(socket)

    @property
    def connected(self) -> int:
        return len(self._sockets)

    async def broadcast(self, event: Dict[str, Any]) -> None:
        """Send to the consoles connected to this replica (the bus calls it on every replica)."""
        for socket in list(self._sockets):
            try:
                await socket.send_json(event)
            except (ConnectionResetError, RuntimeError):
                self.leave(socket)

    async def close_all(self, code: int = GOING_AWAY, reason: bytes = b"") -> None:
        """Close every console socket; 1012 (SERVICE_RESTART) makes the console reconnect at once."""
        closing = list(self._sockets)
        self._sockets.clear()
        await asyncio.gather(*(socket.close(code=code, message=reason) for socket in closing),
                             return_exceptions=True)
