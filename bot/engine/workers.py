"""Several engine processes behind one gateway: Rasa's per-turn work on every core.

Rasa handles a turn in Python on one core; one process cannot use a second one. With
`GOVBOT_ENGINE_WORKERS=N` the gateway starts N worker processes (bot/engine/worker.py),
each with the model loaded, and talks to them over Unix sockets. Each turn goes to the
ready worker with the fewest turns in progress (a fixed assignment by conversation left
one worker with twice the queue of the other at times: the p95 showed it); among workers
as free as each other, to the conversation's own one, which keeps its tracker from the
last turn (bot/engine/rasa_fixes.py), at most
`GOVBOT_ENGINE_WORKER_TURNS` at once per worker; the other turns wait in line here, first
come first served (a worker given every turn at once shares its core among them, so each
waits for the slowest: the p95 showed that too), except that a room a worker frees goes to
the first of the next few in line that is its own conversation (under load, half the turns
went to the other worker and rebuilt their tracker; now about one in six). Turns of one
conversation never overlap: the pool holds a lock per conversation here, and Rasa's lock
store (Redis with several gateways) holds it across replicas; the shared tracker store
is the source of truth, so any worker can take the next turn. A worker that dies is
started again; a turn it was handling gets EngineUnavailable (the citizen is told, the
message is kept), the next turns go to the others.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import logging
import os
import shutil
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Deque, Dict, List, Optional, Set, Tuple

import aiohttp

from bot.engine.base import EngineReply, EngineUnavailable

log = logging.getLogger(__name__)
# Turns one worker handles at once; the others wait in the gateway's line, first come first
# served. A worker given every turn at once shares its core among them, so one slow turn (a
# follow-up parsed three times) slows all the others; two at a time keep the worker busy
# while the gateway stores a reply. `govbot bench`, 2 workers, 20 conversations, three runs
# each: p95 221-232 ms with 2, 257-288 ms with no limit, at the same messages per second.
TURNS_PER_WORKER = 2


@dataclass
class _Worker:
    index: int
    socket: Path
    process: Optional[asyncio.subprocess.Process] = None
    http: Optional[aiohttp.ClientSession] = None
    ready: bool = False
    busy: int = 0  # turns in progress
    served: int = 0  # requests answered
    restarts: int = 0
    watcher: Optional["asyncio.Task[None]"] = field(default=None, repr=False)


@dataclass
class _Conversation:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    turns: int = 0  # holding or waiting for the lock


class WorkerPool:
    def __init__(
        self, count: int, env: Dict[str, str], project_root: Path,
        timeout: float = 60.0, load_timeout: float = 300.0, turns_per_worker: int = TURNS_PER_WORKER,
    ) -> None:
        """`env`: the settings the workers read (model, tracker store, actions, Redis);
        `turns_per_worker`: turns one worker handles at once (0: no limit); the others wait
        in the gateway, first come first served."""
        if count < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.env = env
        self.project_root = project_root
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.load_timeout = load_timeout
        self.folder = Path(tempfile.mkdtemp(prefix="govbot-engine-"))  # short: socket paths are limited
        self.workers = [_Worker(i, self.folder / f"{i}.sock") for i in range(count)]
        self.closing = False
        self._conversations: Dict[str, _Conversation] = {}
        self._turn = 0
        self.turns_per_worker = turns_per_worker
        self._waiting: Deque[Tuple["asyncio.Future[_Worker]", int]] = collections.deque()  # (waiter, its worker)

    def _has_room(self, worker: _Worker) -> bool:
        return not self.turns_per_worker or worker.busy < self.turns_per_worker

    def _own_worker(self, sender_id: str) -> int:
        """The worker a conversation's turns go to when it is as free as any other: the one that
        keeps the conversation's tracker from its last turn (bot/engine/rasa_fixes.py)."""
        return zlib.crc32(sender_id.encode("utf-8")) % len(self.workers)

    async def _take(self, own: int = -1) -> _Worker:
        """The ready worker with the fewest turns in progress (the conversation's `own` worker
        among equals), counted as busy with one more; when every worker has its turns, wait in
        line for the first that finishes one."""
        worker = self._least_busy(own)  # no ready worker at all: EngineUnavailable now
        if self._has_room(worker) and not self._waiting:
            worker.busy += 1
            return worker
        waiter: "asyncio.Future[_Worker]" = asyncio.get_running_loop().create_future()
        self._waiting.append((waiter, own))
        self._hand_on()
        try:
            return await asyncio.wait_for(asyncio.shield(waiter), self.timeout.total)
        except BaseException as error:
            if waiter.done() and not waiter.cancelled():
                self._give(waiter.result())  # handed a worker just as it stopped waiting
            else:
                waiter.cancel()
                if (waiter, own) in self._waiting:
                    self._waiting.remove((waiter, own))
            if isinstance(error, asyncio.TimeoutError):
                raise EngineUnavailable("no engine worker was free in time") from error
            raise

    def _give(self, worker: _Worker) -> None:
        """A turn of `worker` ended: its room goes to whoever waits longest."""
        worker.busy -= 1
        self._hand_on()

    def _hand_on(self) -> None:
        while self._waiting:
            ready = self._ready()
            free = [worker for worker in ready if self._has_room(worker)]
            if not free:
                return
            if self._waiting[0][0].done():  # gave up waiting
                self._waiting.popleft()
                continue
            waiter, own = self._next_waiter(free, {worker.index for worker in ready})
            chosen = min(free, key=lambda worker: (worker.busy, worker.index != own))
            chosen.busy += 1
            waiter.set_result(chosen)

    def _next_waiter(self, free: List[_Worker], ready: Set[int]) -> Tuple["asyncio.Future[_Worker]", int]:
        """The first in line; but among the first few (one per worker), the first whose own
        worker is free goes before them: its turn reads the tracker that worker kept instead
        of rebuilding it from the store. Nobody is passed over for long: only a first in line
        whose own worker is ready is passed, and it goes when that worker frees a room (a
        first in line whose worker is down, or that has none, is never passed)."""
        rooms = {worker.index for worker in free}
        if self._waiting[0][1] not in ready:
            return self._waiting.popleft()
        window = itertools.islice(enumerate(self._waiting), len(self.workers))
        place = next((n for n, (waiter, own) in window if own in rooms and not waiter.done()), 0)
        chosen = self._waiting[place]
        del self._waiting[place]
        return chosen

    def _ready(self) -> List[_Worker]:
        """The workers that can take a turn, starting one further each time (ties go round)."""
        self._turn = (self._turn + 1) % len(self.workers)
        ordered = self.workers[self._turn:] + self.workers[:self._turn]
        return [worker for worker in ordered if worker.ready and worker.http is not None]

    def _least_busy(self, own: int = -1) -> _Worker:
        ready = self._ready()
        if not ready:
            raise EngineUnavailable("no engine worker is ready")
        return min(ready, key=lambda worker: (worker.busy, worker.index != own))

    async def start(self) -> None:
        try:
            await asyncio.gather(*(self._spawn(worker) for worker in self.workers))
        except BaseException:
            await self.close()  # no worker outlives a failed start
            raise

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
        self._hand_on()
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
        conversation = self._conversations.setdefault(sender_id, _Conversation())
        conversation.turns += 1
        try:
            async with conversation.lock:
                worker = await self._take(self._own_worker(sender_id))
                try:
                    return await self._post_to(worker, path, body)
                finally:
                    self._give(worker)
        finally:
            conversation.turns -= 1
            if conversation.turns == 0:
                del self._conversations[sender_id]  # nobody holds or waits: forget it

    async def _post_to(self, worker: _Worker, path: str, body: Dict[str, Any]) -> Any:
        assert worker.http is not None
        try:
            async with worker.http.post(f"http://engine{path}", json=body) as response:
                data = {} if response.status == 204 else await response.json()
                if response.status not in (200, 204):
                    raise EngineUnavailable(str(data.get("error") or f"engine worker answered {response.status}"))
                worker.served += 1
                return data or None
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise EngineUnavailable(f"engine worker {worker.index} unreachable: {error!r}") from error

    async def handle(self, sender_id: str, text: str, metadata: Dict[str, Any]) -> EngineReply:
        data = await self._post(sender_id, "/turn", {"sender_id": sender_id, "text": text, "metadata": metadata})
        return EngineReply(**data)

    async def start_session(self, sender_id: str, metadata: Dict[str, Any]) -> EngineReply:
        data = await self._post(sender_id, "/session", {"sender_id": sender_id, "metadata": metadata})
        return EngineReply(**data)

    async def append_events(self, sender_id: str, events: List[Dict[str, Any]]) -> None:
        await self._post(sender_id, "/events", {"sender_id": sender_id, "events": events})

    async def problems(self) -> List[str]:
        """A worker that died is not ready until it is started again and has loaded the model."""
        return [f"engine worker {worker.index} not running" for worker in self.workers if not worker.ready]

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
