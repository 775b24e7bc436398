"""Loopback ports for servers the bench and the tests start: one chooser for both.

A port found by binding port 0 comes from the kernel's ephemeral range, the same range
every outgoing connection takes its local port from. Between the probe closing and the
server binding, a client socket (a test's HTTP client, a database connection, the browser)
can take that very port, and the server fails with "address already in use". So ports are
chosen below the ephemeral range, where no outgoing connection is ever placed, and never
handed out twice by one process.
"""

from __future__ import annotations

import random
import socket
from pathlib import Path
from typing import Set, Tuple

_EPHEMERAL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_LINUX_DEFAULT = (32768, 60999)
_LOWEST = 10_000  # above the well-known and most registered ports
_TRIES = 500

_handed_out: Set[int] = set()


def ephemeral_range() -> Tuple[int, int]:
    try:
        low, high = (int(part) for part in _EPHEMERAL_RANGE.read_text().split())
    except (OSError, ValueError):
        return _LINUX_DEFAULT
    return low, high


def _bindable(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A loopback port nothing listens on, outside the ephemeral range when there is room."""
    low, _ = ephemeral_range()
    if low - _LOWEST >= 1000:
        for _ in range(_TRIES):
            port = random.randrange(_LOWEST, low)
            if port not in _handed_out and _bindable(port):
                _handed_out.add(port)
                return port
    with socket.socket() as probe:  # a machine whose ephemeral range leaves no room below it
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    _handed_out.add(port)
    return port
