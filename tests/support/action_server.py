"""A rasa-sdk action server on loopback: for stock Rasa servers and for engines configured
with an action server URL (GOVBOT_ACTIONS_URL), as in docker-compose."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Optional

import aiohttp

log = logging.getLogger(__name__)


class ActionServer:
    def __init__(self, project_root: Path, port: int) -> None:
        self.project_root = project_root
        self.port = port
        self.process: Optional[asyncio.subprocess.Process] = None

    @property
    def health_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/health"

    async def start(self, timeout: float = 60.0) -> None:
        env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", PYTHONPATH=str(self.project_root))
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "rasa_sdk", "--actions", "actions",
            "--port", str(self.port), "--quiet",
            cwd=str(self.project_root), env=env,
        )
        await self.wait_healthy(timeout)

    async def wait_healthy(self, timeout: float) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        async with aiohttp.ClientSession() as http:
            while True:
                if self.process is not None and self.process.returncode is not None:
                    raise RuntimeError(f"action server exited with code {self.process.returncode}")
                try:
                    async with http.get(self.health_url, timeout=aiohttp.ClientTimeout(total=2)) as r:
                        if r.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                if asyncio.get_running_loop().time() > deadline:
                    raise TimeoutError(f"action server not healthy at {self.health_url}")
                await asyncio.sleep(0.3)

    async def stop(self) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except asyncio.TimeoutError:
            self.process.kill()
            await self.process.wait()
