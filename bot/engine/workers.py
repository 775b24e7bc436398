"""Several engine processes behind one gateway: Rasa's per-turn work on every core.

Rasa handles a turn in Python on one core; one process cannot use a second one. With
`GOVBOT_ENGINE_WORKERS=N` the gateway starts N worker processes (bot/engine/worker.py),
each with the model loaded, and talks to them over Unix sockets. A conversation always
goes to the same worker (a hash of its id), so its turns stay in order under that worker's
conversation lock, exactly as in one process; the tracker store stays the shared source of
truth. A worker that dies is started again; meanwhile its conversations get
EngineUnavailable (the citizen is told, the message is kept).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import aiohttp

from bot.engine.base import EngineReply, EngineUnavailable

log = logging.getLogger(__name__)


@dataclass
class _Worker:
    index: int
    socket: Path
    process: Optional[asyncio.subprocess.Process] = None
    http: Optional[aiohttp.ClientSession] = None
    ready: bool = False
    restarts: int = 0
    watcher: Optional["asyncio.Task[None]"] = field(default=None, repr=False)


class WorkerPool:
    def __init__(
        self, count: int, env: Dict[str, str], project_root: Path,
        timeout: float = 60.0, load_timeout: float = 300.0,
    ) -> None:
        """`env`: the settings the workers read (model, tracker store, actions, Redis)."""
        if count < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.env = env
        self.project_root = project_root
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.load_timeout = load_timeout
        self.folder = Path(tempfile.mkdtemp(prefix="govbot-engine-"))  # short: socket paths are limited
        self.workers = [_Worker(i, self.folder / f"{i}.sock") for i in range(count)]
        self.closing = False

    def worker_for(self, sender_id: str) -> _Worker:
        return self.workers[zlib.crc32(sender_id.encode("utf-8")) % len(self.workers)]

    async def start(self) -> None:
        await asyncio.gather(*(self._spawn(worker) for worker in self.workers))

    async def _spawn(self, worker: _Worker) -> None:
        worker.ready = False
        worker.socket.unlink(missing_ok=True)
        env = dict(os.environ, **self.env, RASA_TELEMETRY_ENABLED="false")
        worker.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.engine.worker", "--socket", str(worker.socket),
            cwd=str(self.project_root), env=env,
        )
        if worker.http is None:
            worker.http = aiohttp.ClientSession(
                connector=aiohttp.UnixConnector(path=str(worker.socket)), timeout=self.timeout
            )
        await self._wait_ready(worker)
        worker.ready = True
        worker.watcher = asyncio.create_task(self._watch(worker))
        log.info("engine worker %d ready (pid %d)", worker.index, worker.process.pid)

    async def _wait_ready(self, worker: _Worker) -> None:
        assert worker.process is not None and worker.http is not None
        deadline = asyncio.get_running_loop().time() + self.load_timeout
        while True:
            if worker.process.returncode is not None:
                raise EngineUnavailable(f"engine worker {worker.index} exited with {worker.process.returncode}")
            try:
                async with worker.http.get("http://engine/health", timeout=aiohttp.ClientTimeout(total=2)) as r:
                    if r.status == 200:
                        return
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            if asyncio.get_running_loop().time() > deadline:
                raise EngineUnavailable(f"engine worker {worker.index} not ready after {self.load_timeout:.0f} s")
            await asyncio.sleep(0.3)

    async def _watch(self, worker: _Worker) -> None:
        assert worker.process is not None
        code = await worker.process.wait()
        worker.ready = False
        if self.closing:
            return
        worker.restarts += 1
        log.error("engine worker %d exited with %s; starting it again", worker.index, code)
        try:
            await self._spawn(worker)
        except Exception:  # noqa: BLE001 - stays not ready; its conversations get EngineUnavailable
            log.exception("engine worker %d could not be started again", worker.index)

    async def _post(self, sender_id: str, path: str, body: Dict[str, Any]) -> Any:
        worker = self.worker_for(sender_id)
        if not worker.ready or worker.http is None:
            raise EngineUnavailable(f"engine worker {worker.index} is starting")
        try:
            async with worker.http.post(f"http://engine{path}", json=body) as response:
                if response.status == 204:
                    return None
                data = await response.json()
                if response.status != 200:
                    raise EngineUnavailable(str(data.get("error") or f"engine worker answered {response.status}"))
                return data
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise EngineUnavailable(f"engine worker {worker.index} unreachable: {error!r}") from error

    async def handle(self, sender_id: str, text: str, metadata: Dict[str, Any]) -> EngineReply:
        data = await self._post(sender_id, "/turn", {"sender_id": sender_id, "text": text, "metadata": metadata})
        return EngineReply(**data)

    async def append_events(self, sender_id: str, events: List[Dict[str, Any]]) -> None:
        await self._post(sender_id, "/events", {"sender_id": sender_id, "events": events})

    async def close(self) -> None:
        self.closing = True
        for worker in self.workers:
            if worker.process is not None and worker.process.returncode is None:
                worker.process.terminate()
        for worker in self.workers:
            if worker.process is not None:
                try:
                    await asyncio.wait_for(worker.process.wait(), 15)
                except asyncio.TimeoutError:
                    worker.process.kill()
                    await worker.process.wait()
            if worker.watcher is not None:
                worker.watcher.cancel()
            if worker.http is not None:
                await worker.http.close()
        shutil.rmtree(self.folder, ignore_errors=True)
