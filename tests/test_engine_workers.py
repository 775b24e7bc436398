"""GOVBOT_ENGINE_WORKERS: the model in several processes behind one gateway (bot/engine/workers.py)."""

from __future__ import annotations

import asyncio
import os
import signal
from dataclasses import replace

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


def _senders_of_each_worker(pool: WorkerPool) -> dict:
    found: dict = {}
    while len(found) < len(pool.workers):
        sender = new_sender()
        found.setdefault(pool.worker_for(conversation_id("rest", sender)).index, sender)
    return found


async def test_workers_answer_keep_their_conversations_and_come_back_after_a_crash(servers, settings):
    pool = WorkerPool(2, engine_worker_env(settings), PROJECT_ROOT)
    servers.run(pool.start())
    try:
        senders = _senders_of_each_worker(pool)
        async with running_gateway(servers, settings, pool) as client:
            english = await rest(client, senders[0], "how much is a passport?")
            french = await rest(client, senders[1], "combien coûte un passeport?")
            assert "$" in texts(english) and "passport" in texts(english).lower()
            assert "$" in texts(french) and "passeport" in texts(french)
            # officer events reach the conversation's own worker: the language an officer set sticks
            await servers.call(pool.append_events(
                conversation_id("rest", senders[0]), [{"event": "slot", "name": "language", "value": "fr"}]))
            assert "passeport" in texts(await rest(client, senders[0], "ok"))

            crashed = pool.workers[1]
            os.kill(crashed.process.pid, signal.SIGKILL)
            await asyncio.sleep(0.5)
            unanswered = await rest(client, senders[1], "merci")
            still_served = await rest(client, senders[0], "combien coûte un passeport?")
            for _ in range(600):  # the pool starts the worker again (model load: seconds)
                if crashed.ready:
                    break
                await asyncio.sleep(0.2)
            assert crashed.ready and crashed.restarts == 1
            after = await rest(client, senders[1], "combien de temps faut-il pour obtenir un passeport?")
    finally:
        servers.run(pool.close())
    assert texts(unanswered) == say("unavailable", "fr")
    assert "$" in texts(still_served), "the other worker's conversations are not affected"
    assert "jours ouvrables" in texts(after)
    citizen = [line for line in stored(settings, senders[1]) if line["sender"] == "citizen"]
    assert [line["status"] for line in citizen] == ["answered", "unanswered", "answered"]
    assert citizen[1]["text"] == "merci", "the message that met the crash is kept"
