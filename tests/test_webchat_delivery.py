"""Web chat delivery at the socket level, against the real gateway on loopback: every
message the page names (`client_id`) is acknowledged once stored, a resend of a stored one
is acknowledged again and never makes a second turn (whether the first turn is over or
still running), and its reply still reaches the page. The engine is RemoteEngine talking to
a Rasa emulator that can hold a turn in flight (tests/support/rasa_emulator.py)."""

from __future__ import annotations

import json
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Callable, Dict, List

import aiohttp
import pytest
from aiohttp import WSMsgType

from bot.engine.remote import RemoteEngine
from bot.gateway.app import citizen_channels, create_app
from bot.settings import Settings
from bot.storage import transcripts
from bot.storage.database import Database
from channels import Draining
from tests.support.gateway import start_gateway
from tests.support.rasa_emulator import RasaEmulator

Frame = Dict[str, Any]


@pytest.fixture
async def rasa() -> AsyncIterator[RasaEmulator]:
    emulator = RasaEmulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def client(settings: Settings, rasa: RasaEmulator) -> AsyncIterator[aiohttp.ClientSession]:
    engine = RemoteEngine(rasa.url)
    await engine.start()
    runner = await start_gateway(settings, engine)
    try:
        async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{settings.port}") as session:
            yield session
    finally:
        await runner.cleanup()
        await engine.close()


async def read_until(ws: aiohttp.ClientWebSocketResponse, wanted: Callable[[Frame], bool]) -> List[Frame]:
    """The frames received up to and including the first one `wanted`."""
    seen: List[Frame] = []
    while True:
        message = await ws.receive(timeout=30)
        assert message.type == WSMsgType.TEXT, f"socket ended ({message.type}, {message.data}) after {seen}"
        seen.append(json.loads(message.data))
        if wanted(seen[-1]):
            return seen


def ack(client_id: str) -> Callable[[Frame], bool]:
    return lambda frame: frame == {"type": "ack", "client_id": client_id}


def answer(text: str) -> Callable[[Frame], bool]:
    return lambda frame: frame.get("type") == "message" and frame.get("text") == f"Answer: {text}"


@asynccontextmanager
async def chat(client: aiohttp.ClientSession, conversation: str | None = None
               ) -> AsyncIterator[tuple[aiohttp.ClientWebSocketResponse, str, List[Frame]]]:
    """An open web chat socket past its hello: (socket, conversation id, history)."""
    async with client.ws_connect("/webchat/ws") as ws:
        await ws.send_json({"type": "hello", "conversation_id": conversation, "language": "en"})
        welcome = await ws.receive_json(timeout=30)
        assert welcome["type"] == "welcome"
        history: List[Frame] = []
        if conversation is not None:
            history = (await ws.receive_json(timeout=30))["messages"]
        yield ws, welcome["conversation_id"], history


def citizen_lines(settings: Settings, conversation: str) -> List[str]:
    db = Database(settings.transcripts_url)
    try:
        lines = db.run(transcripts.history, f"webchat:{conversation}")
    finally:
        db.dispose()
    return [line["text"] for line in lines if line["sender"] == "citizen"]


async def test_a_resend_of_an_answered_message_is_acknowledged_and_not_answered_again(client, rasa, settings):
    async with chat(client) as (ws, conversation, _):
        await ws.send_json({"type": "message", "text": "renew", "client_id": "page-0001"})
        frames = await read_until(ws, answer("renew"))
        assert frames.index({"type": "ack", "client_id": "page-0001"}) < frames.index(frames[-1]), \
            "acknowledged once stored, before the answer"

        await ws.send_json({"type": "message", "text": "renew", "client_id": "page-0001"})
        await ws.send_json({"type": "button", "payload": "/next", "title": "Next", "client_id": "page-0002"})
        frames = await read_until(ws, answer("/next"))
        assert {"type": "ack", "client_id": "page-0001"} in frames
        assert not any(answer("renew")(frame) for frame in frames), "a resend makes no second turn"
    assert rasa.count("renew") == 1
    assert citizen_lines(settings, conversation) == ["renew", "Next"]


async def test_a_resend_while_the_first_turn_runs_gets_its_reply_on_the_new_socket(client, rasa, settings):
    async with chat(client) as (first, conversation, _):
        rasa.hold()
        await first.send_json({"type": "message", "text": "slow one", "client_id": "page-0003"})
        await read_until(first, ack("page-0003"))
        await rasa.wait_for("slow one")

        # The page lost its socket before the answer and resends on a new one.
        async with chat(client, conversation) as (second, _, history):
            stored = [line for line in history if line["sender"] == "citizen"]
            assert stored == [{"sender": "citizen", "text": "slow one", "buttons": [], "image": None, "language": None,
                               "ts": stored[0]["ts"], "client_id": "page-0003"}], "no intent, no confidence"
            await second.send_json({"type": "message", "text": "slow one", "client_id": "page-0003"})
            await read_until(second, ack("page-0003"))
            rasa.release()
            reply = (await read_until(second, answer("slow one")))[-1]
            assert reply["language"] == "en", "the page marks the language of each message"
    assert rasa.count("slow one") == 1
    assert citizen_lines(settings, conversation) == ["slow one"]


async def test_a_bad_client_id_is_refused_and_the_socket_stays_open(client, rasa):
    async with chat(client) as (ws, _, _):
        for bad in ("short", "x" * 65, "with space1", 12345678):
            await ws.send_json({"type": "message", "text": "hello", "client_id": bad})
            assert (await ws.receive_json(timeout=30))["code"] == "bad_frame"
        await ws.send_json({"type": "message", "text": "hello"})  # an older page: answered, no ack
        frames = await read_until(ws, answer("hello"))
        assert not [frame for frame in frames if frame["type"] == "ack"]
    assert rasa.count("hello") == 1


def test_rest_and_the_web_chat_are_channels_the_app_loops_over(settings):
    chosen = {channel.name: channel for channel in citizen_channels(settings)}
    assert {"rest", "webchat"} <= set(chosen)
    assert [name for name, channel in chosen.items() if isinstance(channel, Draining)] == ["webchat"]
    app = create_app(settings, engine=RemoteEngine("http://127.0.0.1:9"))
    paths = {route.resource.canonical for route in app.router.routes() if route.resource is not None}
    assert {"/webhooks/rest/webhook", "/chat", "/webchat/ws"} <= paths
