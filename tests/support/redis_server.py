"""A throw-away Redis server on loopback for the tests (Debian's redis-server package)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Optional

from bot.bench.ports import free_port


class RedisServer:
    def __init__(self, port: int, folder: Path, process: subprocess.Popen) -> None:
        self.port = port
        self.folder = folder
        self.process = process

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @classmethod
    def start(cls, timeout: float = 20) -> "RedisServer":
        binary: Optional[str] = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed: run scripts/system-packages.sh")
        folder = Path(tempfile.mkdtemp(prefix="govbot-redis-"))
        port = free_port()
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(folder), "--protected-mode", "yes"],
            stdout=(folder / "redis.log").open("wb"), stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return cls(port, folder, process)
            except OSError:
                time.sleep(0.1)
        process.kill()
        raise TimeoutError(f"redis-server did not start: see {folder / 'redis.log'}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
