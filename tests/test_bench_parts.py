"""The pieces of `govbot bench` that decide its figures (the full run is a command, not a test)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.bench import traffic
from bot.bench.processes import rss_bytes, tree_of
from bot.bench.runner import Result
from bot.language import detect


def test_mix_is_bilingual_deterministic_and_has_repeats():
    first = list(traffic.conversations(24))
    assert first == list(traffic.conversations(24))
    languages = {detect(text).language for script in first for text in script if detect(text)}
    assert languages == {"en", "fr"}
    texts = [text for script in first for text in script]
    assert texts.count("how much is a passport?") >= 4, "popular questions repeat, as in real traffic"
    assert any(script[0].startswith("I want to calculate") for script in first), "a form is filled"
    assert traffic.messages_in(len(traffic.SCRIPTS)) == sum(len(s) for s in traffic.SCRIPTS)


def test_memory_counts_the_children_of_a_process():
    child = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(64 * 2**20); time.sleep(30)"])
    try:
        for _ in range(100):
            pids = tree_of(os.getpid())
            if child.pid in pids and rss_bytes({child.pid}) > 60 * 2**20:
                break
            import time

            time.sleep(0.05)
        assert child.pid in pids
        assert rss_bytes(pids) > rss_bytes({os.getpid()}) + 60 * 2**20
    finally:
        child.kill()
        child.wait()


def test_percentiles_and_rate():
    result = Result(conversations=2, latencies=[i / 1000 for i in range(1, 101)], errors=0, seconds=10, peak_rss=0)
    assert result.percentile(0.5) == 51
    assert result.percentile(0.95) == 96
    assert result.percentile(0.99) == 100
    assert result.rate == 10


def test_soak_faults_are_one_list_and_kill_only_engine_workers():
    from bot.bench import faults

    assert faults.chosen("all") == list(faults.FAULTS) == ["database-locked", "worker-killed", "bot-api-failing"]
    assert faults.chosen("worker-killed") == ["worker-killed"]
    with pytest.raises(SystemExit, match="unknown fault"):
        faults.chosen("bot-api-down")
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        said = asyncio.run(faults.worker_killed(faults.Running(os.getpid(), Path("unused.db"))))
        assert said.startswith("no engine worker") and bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


async def test_the_soak_bot_api_records_what_it_accepts_and_fails_on_demand():
    """The Bot API the soak's Telegram citizens reach: it must count only what it accepted,
    or a reply lost during the fault would look delivered."""
    import aiohttp

    from bot.bench import telegram

    api = await telegram.BotApi().start()
    try:
        async with aiohttp.ClientSession() as http:
            url = f"{api.base_url}/bot{telegram.TOKEN}/sendMessage"
            async with http.post(url, json={"chat_id": 7, "text": "first"}) as answer:
                assert answer.status == 200 and (await answer.json())["ok"] is True
            api.failing = True
            async with http.post(url, json={"chat_id": 7, "text": "lost"}) as answer:
                assert answer.status == 500 and (await answer.json())["ok"] is False
            api.failing = False
            async with http.post(f"{api.base_url}/botwrong-token/sendMessage", json={"chat_id": 7, "text": "x"}) as answer:
                assert answer.status == 401
        assert [m["text"] for m in api.received] == ["first"] and api.refused == 1
    finally:
        await api.stop()
