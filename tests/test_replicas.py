"""Two gateway replicas on loopback sharing a real PostgreSQL and a real Redis, as in
docker-compose.yml: replica A runs the engine in-process, replica B in two engine worker
processes. An officer on replica A talks to a citizen whose web chat is connected to
replica B, officers on both replicas race for one ticket, a conversation goes back and
forth between the replicas, and no message is lost or delivered twice."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
from dataclasses import replace
from typing import Any, Dict, List

import aiohttp
import pytest

from bot.engine.embedded import EmbeddedEngine
from bot.engine.workers import WorkerPool
from bot.gateway.app import engine_worker_env
from bot.handoff import accounts
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.database import Database
from tests.support.console_client import Officer
from tests.support.gateway import new_sender, rest, running_gateway
from bot.bench.ports import free_port
from tests.support.redis_server import RedisServer

PASSWORD = "replica password 1"


@pytest.fixture(scope="module")
def redis():
    if not __import__("shutil").which("redis-server"):
        if os.environ.get("GOVBOT_REQUIRE_REDIS") == "1":
            pytest.fail("Redis is required (GOVBOT_REQUIRE_REDIS=1) but redis-server is not installed")
        pytest.skip("redis-server not installed: scripts/system-packages.sh installs it")
    server = RedisServer.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def cluster(servers, postgres, redis, trained_model, tmp_path_factory):
    """Settings and engines of two replicas: same databases, same Redis, own ports."""
    transcripts, trackers = postgres.create_database(), postgres.create_database()
    base = replace(
        Settings(), data_dir=tmp_path_factory.mktemp("replicas"), database_url=transcripts,
        tracker_store_url=trackers, redis_url=redis.url,
        rate_limit_per_minute=1000, client_rate_limit_per_minute=100_000, office_hours_file=PROJECT_ROOT / "tests" / "support" / "always_open_hours.yml",
    )
    in_process = EmbeddedEngine(trained_model, trackers, "", redis.url)
    workers = WorkerPool(2, engine_worker_env(replace(base, model_path=trained_model)), PROJECT_ROOT)
    engines = [in_process, workers]
    for engine in engines:
        servers.run(engine.start())
    db = Database(transcripts)
    db.upgrade_schema()
    for name in ("alex", "sam"):
        db.run(lambda s, name=name: accounts.add_officer(
            s, f"{name}.replica", PASSWORD, display_name=name.title(),
            teams=("passport", "programs", "general"), languages=("en", "fr")))
    db.dispose()
    yield base, engines
    for engine in engines:
        servers.run(engine.close())


async def frames_until(socket: aiohttp.ClientWebSocketResponse, wanted, timeout: float = 30) -> List[Dict[str, Any]]:
    seen: List[Dict[str, Any]] = []
    async def read() -> None:
        while not wanted(seen):
            message = await socket.receive()
            assert message.type == aiohttp.WSMsgType.TEXT, message
            seen.append(json.loads(message.data))
    await asyncio.wait_for(read(), timeout)
    return seen


async def test_officer_on_a_talks_to_a_web_chat_citizen_on_b(servers, cluster):
    base, (engine_a, engine_b) = cluster
    a = replace(base, port=free_port())
    b = replace(base, port=free_port())
    async with running_gateway(servers, a, engine_a), running_gateway(servers, b, engine_b):
        async with Officer(f"http://127.0.0.1:{a.port}") as alex, aiohttp.ClientSession() as browser:
            assert await alex.sign_in("alex.replica", PASSWORD) == 303
            console = await alex.http.ws_connect("/console/ws")
            assert json.loads((await console.receive()).data) == {"type": "hello"}

            citizen = await browser.ws_connect(f"http://127.0.0.1:{b.port}/webchat/ws")
            await citizen.send_json({"type": "hello", "language": "en"})
            welcome = await frames_until(citizen, lambda seen: any(f["type"] == "welcome" for f in seen))
            conversation = next(f for f in welcome if f["type"] == "welcome")["conversation_id"]
            await citizen.send_json({"type": "message", "text": "I want to talk to a real person"})
            await frames_until(citizen, lambda seen: any("in line" in f.get("text", "") for f in seen))

            # The ticket made on replica B shows up live in the console on replica A.
            await frames_until(console, lambda seen: any(f.get("type") == "queue" for f in seen))
            ticket = await alex.ticket_for(f"webchat:{conversation}")
            await alex.post(f"/console/api/tickets/{ticket['id']}/claim")
            await frames_until(citizen, lambda seen: any("Alex, a Government of Canada officer" in f.get("text", "")
                                                          for f in seen))

            # Officer (A) -> citizen (B): each message arrives once, in order.
            sent = [f"officer line {i}" for i in range(5)]
            for text in sent:
                await alex.post(f"/console/api/tickets/{ticket['id']}/messages", {"text": text})
            got = await frames_until(citizen, lambda seen: sum(f.get("sender") == "officer" for f in seen) >= 5)
            await asyncio.sleep(0.5)  # a duplicate would arrive now
            while True:
                try:
                    message = await citizen.receive(timeout=0.3)
                except asyncio.TimeoutError:
                    break
                got.append(json.loads(message.data))
            assert [f["text"] for f in got if f.get("sender") == "officer"] == sent

            # Citizen (B) -> officer (A): every message reaches the transcript once.
            said = [f"citizen line {i}" for i in range(5)]
            for text in said:
                await citizen.send_json({"type": "message", "text": text})
            for _ in range(100):
                lines = [m["text"] for m in await alex.transcript(ticket["id"]) if m["sender"] == "citizen"]
                if len(lines) >= 6:
                    break
                await asyncio.sleep(0.1)
            assert lines[-5:] == said and len(set(lines)) == len(lines)
            await frames_until(console, lambda seen: sum(f.get("type") == "message" for f in seen) >= 5)
            await citizen.close()
            await console.close()


async def test_officer_on_a_reaches_a_socketio_widget_on_b(servers, cluster):
    from tests.test_socketio_channel import Widget

    base, (engine_a, engine_b) = cluster
    a = replace(base, port=free_port())
    b = replace(base, port=free_port())
    async with running_gateway(servers, a, engine_a), running_gateway(servers, b, engine_b):
        widget = Widget(b.port)
        session = await widget.connect()
        await widget.say("I want to talk to a real person")
        await widget.until(lambda event: "in line" in event.get("text", ""))
        async with Officer(f"http://127.0.0.1:{a.port}") as alex:
            assert await alex.sign_in("alex.replica", PASSWORD) == 303
            ticket = await alex.ticket_for(f"socketio:{session}")
            await alex.post(f"/console/api/tickets/{ticket['id']}/claim")
            await widget.until(lambda event: "Alex, a Government of Canada officer" in event.get("text", ""))
            sent = [f"officer line {i}" for i in range(3)]
            for text in sent:
                await alex.post(f"/console/api/tickets/{ticket['id']}/messages", {"text": text})
            got = await widget.until(lambda event: event.get("text") == sent[-1])
            assert [event["text"] for event in got] == sent, "each once, in order, across replicas"
        await widget.close()


async def test_officers_on_two_replicas_never_share_a_ticket(servers, cluster):
    base, (engine_a, engine_b) = cluster
    a = replace(base, port=free_port())
    b = replace(base, port=free_port())
    async with running_gateway(servers, a, engine_a) as client_a, running_gateway(servers, b, engine_b):
        async with Officer(f"http://127.0.0.1:{a.port}") as alex, Officer(f"http://127.0.0.1:{b.port}") as sam:
            await alex.sign_in("alex.replica", PASSWORD)
            await sam.sign_in("sam.replica", PASSWORD)
            for _ in range(5):
                sender = new_sender()
                await rest(client_a, sender, "I want to talk to a person")
                ticket = await alex.ticket_for(f"rest:{sender}")

                async def take(officer: Officer) -> int:
                    async with officer.http.post(f"/console/api/tickets/{ticket['id']}/claim",
                                                 headers={"X-CSRF-Token": officer.csrf}) as reply:
                        return reply.status

                statuses = await asyncio.gather(take(alex), take(sam))
                assert sorted(statuses) == [200, 409], statuses
                winner = alex if statuses[0] == 200 else sam
                await winner.post(f"/console/api/tickets/{ticket['id']}/resolve", {"outcome": "answered"})


async def test_a_conversation_going_back_and_forth_between_replicas_stays_whole(servers, cluster, monkeypatch):
    """A load balancer without stickiness: each message of a fee form lands on the other
    replica (and on either engine worker of B, as under load, when a conversation's own
    worker is busy). Each process keeps the tracker it saved last (bot/engine/rasa_fixes.py):
    the form still runs in order, every message is answered once, and the shared tracker has
    every message once."""
    base, (engine_a, engine_b) = cluster
    turns = itertools.count()
    monkeypatch.setattr(engine_b, "_own_worker", lambda sender: next(turns) % len(engine_b.workers))  # none its own
    a = replace(base, port=free_port())
    b = replace(base, port=free_port())
    form = ["I want to calculate my passport fee", "adult", "10 years", "in Canada", "standard", "no"]
    async with running_gateway(servers, a, engine_a) as client_a, running_gateway(servers, b, engine_b) as client_b:
        sender = new_sender()
        served_before = [worker.served for worker in engine_b.workers]
        answers = [await rest(client_a if turn % 2 == 0 else client_b, sender, text) for turn, text in enumerate(form)]
    assert all(worker.served > before for worker, before in zip(engine_b.workers, served_before)), \
        "replica B's turns were shared by its two workers"
    assert all(answers), "every message answered"
    assert "$" in " ".join(reply.get("text", "") for replies in answers[3:] for reply in replies), answers
    tracker = await servers.call(engine_a.agent.tracker_store.retrieve_full_tracker(f"rest:{sender}"))
    said = [event.text for event in tracker.events if event.type_name == "user"]
    assert said == form


async def test_every_engine_uses_the_redis_lock_store(servers, cluster):
    _, (in_process, workers) = cluster
    assert type(in_process.agent.processor.lock_store).__name__ == "RedisLockStore"

    async def lock_store_of(worker) -> str:
        async with worker.http.get("http://engine/health") as health:
            return (await health.json())["lock_store"]

    for worker in workers.workers:
        assert await servers.call(lock_store_of(worker)) == "RedisLockStore"
