"""GOVBOT_ENGINE_WORKERS: the model in several processes behind one gateway (bot/engine/workers.py)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from dataclasses import replace

import pytest

from sqlalchemy import create_engine, text

from bot.engine.workers import WorkerPool
from bot.gateway.app import default_engine, engine_worker_env
from bot.settings import PROJECT_ROOT
from bot.storage.transcripts import conversation_id
from bot.texts import say
from tests.support.gateway import new_sender, rest, running_gateway, stored, texts


def test_the_setting_chooses_the_pool(settings):
    pool = default_engine(replace(settings, engine_workers=3))
    try:
        assert isinstance(pool, WorkerPool) and len(pool.workers) == 3
    finally:
        asyncio.run(pool.close())


def test_the_setting_limits_the_turns_each_worker_takes_at_once(settings):
    pool = default_engine(replace(settings, engine_workers=2, engine_worker_turns=3))
    try:
        assert isinstance(pool, WorkerPool) and pool.turns_per_worker == 3
    finally:
        asyncio.run(pool.close())


class _Turns:
    """A pool whose workers are stand-ins: each turn waits until the test releases it."""

    def __init__(self, workers: int, turns_per_worker: int, timeout: float = 60.0) -> None:
        self.pool = WorkerPool(workers, {}, PROJECT_ROOT, timeout=timeout, turns_per_worker=turns_per_worker)
        for worker in self.pool.workers:
            worker.ready, worker.http = True, object()  # type: ignore[assignment]
        self.started: list = []  # (text, worker index) in the order turns reached a worker
        self.release: dict = {}
        self.pool._post_to = self._post_to  # type: ignore[method-assign]

    async def _post_to(self, worker, path, body):
        self.started.append((body["text"], worker.index))
        self.release[body["text"]] = asyncio.Event()
        await self.release[body["text"]].wait()
        return {"messages": [], "intent": None, "confidence": None}

    def turn(self, text: str) -> "asyncio.Task":
        return asyncio.ensure_future(self.pool.handle(f"sender-{text}", text, {}))


def _texts_on(turns: "_Turns", worker: int, count: int, taken: str = "") -> list:
    """`count` texts (each its own conversation, "sender-<text>") whose own worker is `worker`."""
    found = [t for t in (f"t{n}" for n in range(100))
             if t not in taken and turns.pool._own_worker(f"sender-{t}") == worker]
    return found[:count]


async def test_turns_beyond_each_workers_share_wait_in_line_first_come_first_served():
    turns = _Turns(workers=2, turns_per_worker=1)
    first, second = _texts_on(turns, 0, 2)  # both belong to worker 0: it takes the first, 1 the second
    waiting = _texts_on(turns, 0, 2, taken=first + second)
    tasks = [turns.turn(text) for text in (first, second, *waiting)]
    await asyncio.sleep(0.05)
    assert turns.started == [(first, 0), (second, 1)]  # the others wait: each worker has its turn
    turns.release[second].set()  # worker 1 is free, and nobody in line belongs to it: the first in line
    await asyncio.sleep(0.05)
    assert turns.started[2] == (waiting[0], 1)
    for text in (first, *waiting):
        turns.release[text].set()
        await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)
    assert [text for text, _ in turns.started] == [first, second, *waiting]
    assert [worker.busy for worker in turns.pool.workers] == [0, 0]


async def test_a_turn_near_the_front_whose_own_worker_frees_goes_first_and_the_first_is_not_passed_for_long():
    turns = _Turns(workers=2, turns_per_worker=1)
    on_0, on_1 = _texts_on(turns, 0, 2), _texts_on(turns, 1, 3)
    tasks = [turns.turn(text) for text in (on_0[0], on_1[0])]
    await asyncio.sleep(0.05)
    assert turns.started == [(on_0[0], 0), (on_1[0], 1)]
    # in line: a turn of worker 0's, then two of worker 1's
    tasks += [turns.turn(text) for text in (on_0[1], on_1[1], on_1[2])]
    await asyncio.sleep(0.05)
    turns.release[on_1[0]].set()  # worker 1 frees: its own turn, second in line, goes before the first
    await asyncio.sleep(0.05)
    assert turns.started[2] == (on_1[1], 1)
    turns.release[on_1[1]].set()  # again: the next of its own, still within the first two in line
    await asyncio.sleep(0.05)
    assert turns.started[3] == (on_1[2], 1)
    turns.release[on_0[0]].set()  # worker 0 frees: the first in line, which was passed twice, goes
    await asyncio.sleep(0.05)
    assert turns.started[4] == (on_0[1], 0)
    for text in (on_1[2], on_0[1]):
        turns.release[text].set()
    await asyncio.gather(*tasks)
    assert [worker.busy for worker in turns.pool.workers] == [0, 0] and not turns.pool._waiting


async def test_a_first_in_line_whose_own_worker_is_down_is_never_passed():
    turns = _Turns(workers=2, turns_per_worker=1)
    turns.pool.workers[1].ready = False  # down (restarting): its conversations' turns go to worker 0
    on_0, on_1 = _texts_on(turns, 0, 3), _texts_on(turns, 1, 1)
    tasks = [turns.turn(on_0[0])]
    await asyncio.sleep(0.05)
    tasks += [turns.turn(text) for text in (on_1[0], on_0[1], on_0[2])]  # first in line: worker 1's
    await asyncio.sleep(0.05)
    turns.release[on_0[0]].set()
    await asyncio.sleep(0.05)
    assert turns.started[1] == (on_1[0], 0)  # not passed by worker 0's own, behind it
    for text in (on_1[0], on_0[1], on_0[2]):
        turns.release[text].set()
        await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)
    assert [text for text, _ in turns.started] == [on_0[0], on_1[0], on_0[1], on_0[2]]


async def test_a_conversation_goes_back_to_its_own_worker_unless_another_is_freer():
    turns = _Turns(workers=2, turns_per_worker=2)
    senders = [f"citizen-{n}" for n in range(20)]
    own = {sender: turns.pool._own_worker(sender) for sender in senders}
    assert set(own.values()) == {0, 1}  # conversations are spread over both
    first = senders[0]
    neighbour = next(sender for sender in senders[1:] if own[sender] == own[first])
    for text in ("x1", "x2", "x3"):  # alone, every turn of a conversation on its own worker
        task = asyncio.ensure_future(turns.pool.handle(first, text, {}))
        await asyncio.sleep(0.02)
        turns.release[text].set()
        await task
    assert [worker for _, worker in turns.started] == [own[first]] * 3
    busy = asyncio.ensure_future(turns.pool.handle(neighbour, "n1", {}))
    await asyncio.sleep(0.02)
    task = asyncio.ensure_future(turns.pool.handle(first, "x4", {}))  # its worker has a turn: the free one
    await asyncio.sleep(0.02)
    assert turns.started[-1] == ("x4", 1 - own[first])
    for text in ("n1", "x4"):
        turns.release[text].set()
    await asyncio.gather(busy, task)


async def test_no_limit_gives_every_turn_a_worker_at_once():
    turns = _Turns(workers=2, turns_per_worker=0)
    tasks = [turns.turn(text) for text in ("a", "b", "c", "d", "e")]
    await asyncio.sleep(0.05)
    assert len(turns.started) == 5
    for event in turns.release.values():
        event.set()
    await asyncio.gather(*tasks)


async def test_a_turn_that_waits_too_long_is_unavailable_and_keeps_no_room():
    from bot.engine.base import EngineUnavailable

    turns = _Turns(workers=1, turns_per_worker=1, timeout=0.2)
    first = turns.turn("a")
    await asyncio.sleep(0.05)
    with pytest.raises(EngineUnavailable, match="free in time"):
        await turns.pool.handle("sender-b", "b", {})
    turns.release["a"].set()
    await first
    assert turns.pool.workers[0].busy == 0 and not turns.pool._waiting
    third = turns.turn("c")  # the room the timed-out turn did not take is there for the next
    await asyncio.sleep(0.05)
    turns.release["c"].set()
    await third
    assert [text for text, _ in turns.started] == ["a", "c"]


async def test_a_cancelled_turn_leaves_the_line():
    turns = _Turns(workers=1, turns_per_worker=1)
    first, waiting = turns.turn("a"), turns.turn("b")
    await asyncio.sleep(0.05)
    waiting.cancel()
    await asyncio.sleep(0.01)
    assert not turns.pool._waiting
    turns.release["a"].set()
    await first
    assert turns.pool.workers[0].busy == 0 and [text for text, _ in turns.started] == ["a"]


def user_texts_in_tracker(settings, sender: str) -> list:
    engine = create_engine(settings.trackers_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"),
                {"s": conversation_id("rest", sender)},
            ).all()
    finally:
        engine.dispose()
    return [json.loads(row.data)["text"] for row in rows]


async def wait_down(*workers) -> None:
    """Until the pool has seen each killed worker exit (it then starts it again: seconds)."""
    for _ in range(500):
        if not any(worker.ready for worker in workers):
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the pool did not notice a killed worker")


async def wait_ready(worker) -> None:
    for _ in range(600):  # the pool starts a dead worker again (model load: seconds)
        if worker.ready:
            return
        await asyncio.sleep(0.2)


@pytest.mark.slow  # engine workers load the trained model
async def test_workers_share_the_turns_keep_each_conversation_in_order_and_survive_crashes(servers, settings):
    pool = WorkerPool(2, engine_worker_env(settings), PROJECT_ROOT)
    servers.run(pool.start())
    try:
        async with running_gateway(servers, settings, pool) as client:
            english, french = new_sender(), new_sender()
            assert "$" in texts(await rest(client, english, "how much is a passport?"))
            assert "passeport" in texts(await rest(client, french, "combien coûte un passeport?"))
            # a web chat page arriving: the session starts (the welcome) before a word is written, once
            arriving = conversation_id("webchat", new_sender())
            welcome = await servers.call(pool.start_session(arriving, {"channel": "webchat"}))
            assert "Hello! Bonjour!" in welcome.messages[0]["text"]
            assert (await servers.call(pool.start_session(arriving, {"channel": "webchat"}))).messages == []
            # officer events reach the conversation's tracker: the language an officer set sticks
            await servers.call(pool.append_events(
                conversation_id("rest", english), [{"event": "slot", "name": "language", "value": "fr"}]))
            assert "passeport" in texts(await rest(client, english, "ok"))

            # two messages of one conversation at once: both workers are free, yet the turns
            # must not overlap (overlapping turns would lose one of them from the tracker)
            busy = new_sender()
            together = ["how do I get a social insurance number?", "how much is a passport?"]
            both = await asyncio.gather(*(rest(client, busy, message) for message in together))
            assert all(texts(replies) for replies in both)
            assert sorted(user_texts_in_tracker(settings, busy)) == sorted(together)

            first, second = pool.workers
            os.kill(second.process.pid, signal.SIGKILL)
            await wait_down(second)
            async with client.get("/health") as health:  # a dead worker fails the health check
                assert health.status == 503
                assert (await health.json())["checks"] == {"database": "ok", "engine": "engine worker 1 not running",
                                                                  "spool": "ok"}
            served_by_first = await rest(client, french, "combien de temps faut-il pour obtenir un passeport?")
            await wait_ready(second)
            assert second.ready and second.restarts == 1
            async with client.get("/health") as health:
                assert health.status == 200

            for worker in pool.workers:
                os.kill(worker.process.pid, signal.SIGKILL)
            await wait_down(*pool.workers)
            unanswered = await rest(client, french, "merci")
            for worker in pool.workers:
                await wait_ready(worker)
            after = await rest(client, french, "combien coûte un passeport?")
    finally:
        servers.run(pool.close())
    assert "jours ouvrables" in texts(served_by_first), "one worker down: the other answers"
    assert texts(unanswered) == say("unavailable", "fr")
    assert "$" in texts(after)
    citizen = [line for line in stored(settings, french) if line["sender"] == "citizen"]
    assert [line["status"] for line in citizen] == ["answered", "answered", "unanswered", "answered"]
    assert citizen[2]["text"] == "merci", "the message no worker could take is kept"


GATEWAY_STAND_IN = """
import asyncio, json, sys
from pathlib import Path
from bot.engine.workers import WorkerPool

async def main():
    pool = WorkerPool(1, json.loads(sys.argv[1]), Path(sys.argv[2]))
    await pool.start()
    print(pool.workers[0].process.pid, flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


def exited(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie until reaped
    except FileNotFoundError:
        return True


@pytest.mark.slow
def test_workers_leave_when_their_gateway_is_killed(settings):
    import subprocess
    import sys
    import time

    gateway = subprocess.Popen(
        [sys.executable, "-c", GATEWAY_STAND_IN, json.dumps(engine_worker_env(settings)), str(PROJECT_ROOT)],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True,
    )
    try:
        worker_pid = int(gateway.stdout.readline())
        gateway.kill()  # SIGKILL: the pool gets no chance to stop its workers
        gateway.wait()
        deadline = time.monotonic() + 30
        while not exited(worker_pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        outlived = not exited(worker_pid)
        if outlived:
            os.kill(worker_pid, signal.SIGKILL)
        assert not outlived, "the engine worker outlived its gateway"
    finally:
        if gateway.poll() is None:
            gateway.kill()
