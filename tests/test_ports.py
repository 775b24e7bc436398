"""The loopback ports servers are started on: outside the range outgoing connections use."""

from __future__ import annotations

import socket
from typing import Iterator, List

import pytest

from bot.bench import ports


def test_ports_are_below_the_ephemeral_range_and_never_handed_out_twice() -> None:
    low, _ = ports.ephemeral_range()
    chosen = [ports.free_port() for _ in range(200)]
    assert len(set(chosen)) == len(chosen)
    assert all(10_000 <= port < low for port in chosen)


def test_a_port_something_listens_on_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        offered: Iterator[int] = iter([taken, 20_001, 20_002, 20_003])
        monkeypatch.setattr(ports, "ephemeral_range", lambda: (taken + 1, 60_999))
        monkeypatch.setattr(ports.random, "randrange", lambda start, stop: next(offered))
        monkeypatch.setattr(ports, "_handed_out", set())
        port = ports.free_port()
    assert port != taken and port in (20_001, 20_002, 20_003)


def test_without_room_below_the_ephemeral_range_the_kernel_chooses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ports, "ephemeral_range", lambda: (1024, 65535))
    drawn: List[int] = []
    monkeypatch.setattr(ports.random, "randrange", lambda start, stop: drawn.append(start) or start)
    port = ports.free_port()
    assert drawn == [] and 1024 <= port <= 65535
    with socket.socket() as server:
        server.bind(("127.0.0.1", port))  # still free
