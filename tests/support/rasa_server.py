"""A stock `rasa run --enable-api` server on loopback, with an SQL tracker store."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Optional

import yaml

from bot.engine.embedded import tracker_store_endpoint
from bot.settings import PROJECT_ROOT


class RasaServer:
    def __init__(self, model: Path, port: int, actions_port: int, trackers_url: str, folder: Path) -> None:
        self.model = model
        self.port = port
        self.endpoints = folder / "endpoints.yml"
        self.endpoints.write_text(yaml.safe_dump({
            "action_endpoint": {"url": f"http://127.0.0.1:{actions_port}/webhook"},
            "tracker_store": tracker_store_endpoint(trackers_url),
        }))
        self.log = folder / "rasa.log"
        self.process: Optional[subprocess.Popen[bytes]] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 240) -> None:
        env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "rasa", "run", "--enable-api", "--model", str(self.model),
                 "--port", str(self.port), "--interface", "127.0.0.1", "--endpoints", str(self.endpoints)],
                cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"rasa run exited: see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.url}/status", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise TimeoutError(f"rasa run did not start: see {self.log}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
