"""SIGTERM to a real `govbot serve` while a web chat turn is in flight: the turn finishes and
its answer reaches the page, a message that arrives meanwhile is not taken (no ack), the
socket closes with 1012 ("reconnect now"), and after a new gateway starts on the same
database the page's resends are answered exactly once (issue 11, defect 8)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List

import aiohttp
import pytest
from aiohttp import WSCloseCode, WSMsgType

from bot.settings import PROJECT_ROOT
from bot.storage import transcripts
from bot.storage.database import Database
from bot.bench.ports import free_port
from tests.support.rasa_emulator import RasaEmulator
from tests.test_webchat_delivery import ack, answer, read_until

START_SECONDS = 120


class Gateway:
    """`python -m bot serve` in a subprocess, on one port and one data folder."""

    def __init__(self, folder: Path, port: int, rasa_url: str) -> None:
        self.folder = folder
        self.port = port
        self.env = dict(os.environ, GOVBOT_PORT=str(port), GOVBOT_HOST="127.0.0.1", GOVBOT_DATA_DIR=str(folder),
                        GOVBOT_RASA_URL=rasa_url, GOVBOT_SHUTDOWN_GRACE_SECONDS="10",
                        RASA_TELEMETRY_ENABLED="false")
        self.process: subprocess.Popen[bytes] | None = None

    async def start(self) -> None:
        with (self.folder / "gateway.log").open("ab") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "bot", "serve"], cwd=PROJECT_ROOT, env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = asyncio.get_running_loop().time() + START_SECONDS
        async with aiohttp.ClientSession() as session:
            while asyncio.get_running_loop().time() < deadline:
                assert self.process.poll() is None, self.log()
                try:
                    async with session.get(f"http://127.0.0.1:{self.port}/health") as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.2)
        raise AssertionError(f"the gateway did not start:\n{self.log()}")

    def log(self) -> str:
        return (self.folder / "gateway.log").read_text(errors="replace")

    async def stopped_listening(self) -> None:
        """Until a new connection is refused: SIGTERM has stopped the listener."""
        while True:
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                return
            writer.close()
            await asyncio.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
async def rasa() -> Any:
    emulator = RasaEmulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path


async def test_sigterm_finishes_the_turn_and_the_resend_is_answered_once(folder, rasa):
    port = free_port()
    first = Gateway(folder, port, rasa.url)
    await first.start()
    url = f"http://127.0.0.1:{port}/webchat/ws"
    try:
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(url) as ws:
                await ws.send_json({"type": "hello", "conversation_id": None, "language": "en"})
                conversation = (await ws.receive_json(timeout=30))["conversation_id"]
                rasa.hold()
                await ws.send_json({"type": "message", "text": "in flight", "client_id": "page-0001"})
                await read_until(ws, ack("page-0001"))
                await rasa.wait_for("in flight")
                await ws.send_json({"type": "message", "text": "during shutdown", "client_id": "page-0002"})

                assert first.process is not None
                first.process.send_signal(signal.SIGTERM)
                await first.stopped_listening()
                rasa.release()

                seen: List[Dict[str, Any]] = []
                while True:
                    message = await ws.receive(timeout=30)
                    if message.type != WSMsgType.TEXT:
                        break
                    seen.append(json.loads(message.data))
                assert message.type == WSMsgType.CLOSE and message.data == WSCloseCode.SERVICE_RESTART, message
                assert any(answer("in flight")(frame) for frame in seen), seen
                assert {"type": "ack", "client_id": "page-0002"} not in seen, "not taken, so not acknowledged"
                assert [frame for frame in seen if frame.get("client_id") == "page-0002"] in (
                    [], [{"type": "retry", "client_id": "page-0002"}])
        assert first.process.wait(timeout=30) == 0, first.log()
        assert rasa.count("during shutdown") == 0

        second = Gateway(folder, port, rasa.url)
        await second.start()
        try:
            async with aiohttp.ClientSession() as session:
                async with session.ws_connect(url) as ws:
                    await ws.send_json({"type": "hello", "conversation_id": conversation, "language": "en"})
                    assert (await ws.receive_json(timeout=30))["type"] == "welcome"
                    history = (await ws.receive_json(timeout=30))["messages"]
                    assert [line["text"] for line in history] == ["in flight", "Answer: in flight"]
                    # The page resends what it has no ack for; a stale resend of the first is harmless.
                    await ws.send_json({"type": "message", "text": "in flight", "client_id": "page-0001"})
                    await ws.send_json({"type": "message", "text": "during shutdown", "client_id": "page-0002"})
                    await ws.send_json({"type": "message", "text": "after", "client_id": "page-0003"})
                    frames = await read_until(ws, answer("after"))
            assert {"type": "ack", "client_id": "page-0001"} in frames
            assert sum(answer("during shutdown")(frame) for frame in frames) == 1
            assert not any(answer("in flight")(frame) for frame in frames)
        finally:
            second.process.send_signal(signal.SIGTERM)  # type: ignore[union-attr]
            second.process.wait(timeout=30)  # type: ignore[union-attr]
    finally:
        first.stop()
    assert (rasa.count("in flight"), rasa.count("during shutdown")) == (1, 1)
    db = Database(f"sqlite:///{folder / 'govbot.db'}")
    lines = db.run(transcripts.history, f"webchat:{conversation}")
    db.dispose()
    assert [line["text"] for line in lines if line["sender"] == "citizen"] == ["in flight", "during shutdown", "after"]
