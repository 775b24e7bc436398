"""`govbot soak`: minutes of concurrent citizens and officers against a real gateway.

Citizens (REST) ask questions and, one conversation in four, ask for a person and keep
writing while handed off; officers (console API) take the next ticket, answer each citizen
message and resolve. Every officer message carries a unique tag, and each citizen counts the
tags it receives, so a lost or duplicated message shows. RSS of the gateway's processes is
sampled all along: the figures show whether memory stays flat.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Dict, List

import aiohttp

from bot.bench.processes import rss_bytes, tree_of
from bot.bench.runner import start_gateway
from bot.bench.traffic import SCRIPTS
from bot.handoff import accounts
from bot.storage.database import Database
from bot.trainer.training import model_path

PASSWORD = "soak test password"
TAG = re.compile(r"\[(soak-[0-9a-f]{8})\]")


class Tally:
    def __init__(self) -> None:
        self.citizen_messages = 0
        self.replies = 0
        self.errors = 0
        self.handoffs = 0
        self.officer_sent: Counter[str] = Counter()
        self.officer_received: Counter[str] = Counter()
        self.resolved = 0


async def citizen(http: aiohttp.ClientSession, url: str, number: int, deadline: float, tally: Tally) -> None:
    turn = 0
    while time.monotonic() < deadline:
        sender = f"soak-{number}-{turn}"
        script = list(SCRIPTS[(number + turn) % len(SCRIPTS)])
        handed = turn % 4 == number % 4
        if handed:
            script = script[:1] + ["I want to talk to a real person"] + [f"message {i} for the officer" for i in range(3)]
        for text in script:
            await _say(http, url, sender, text, tally)
            await asyncio.sleep(0.2)
        if handed:
            tally.handoffs += 1
            for _ in range(20):  # keep the conversation open to receive what officers send
                await asyncio.sleep(0.5)
                await _say(http, url, sender, "still there?", tally)
        turn += 1


async def _say(http: aiohttp.ClientSession, url: str, sender: str, text: str, tally: Tally) -> None:
    tally.citizen_messages += 1
    try:
        async with http.post(url, json={"sender": sender, "message": text}) as response:
            if response.status != 200:
                tally.errors += 1
                return
            for reply in await response.json():
                tally.replies += 1
                for tag in TAG.findall(reply.get("text", "")):
                    tally.officer_received[tag] += 1
    except (aiohttp.ClientError, asyncio.TimeoutError):
        tally.errors += 1


async def officer(base: str, username: str, deadline: float, tally: Tally) -> None:
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(base_url=base, cookie_jar=jar) as http:
        async with http.get("/console/login") as page:
            csrf_form = re.search(r'name="csrf" value="([^"]+)"', await page.text()).group(1)  # type: ignore[union-attr]
        await http.post("/console/login", data={"csrf": csrf_form, "username": username, "password": PASSWORD},
                        allow_redirects=False)
        async with http.get("/console/api/me") as me:
            csrf = (await me.json())["csrf"]
        headers = {"X-CSRF-Token": csrf}
        answered: Dict[int, int] = {}
        while time.monotonic() < deadline + 15:
            async with http.post("/console/api/claim-next", headers=headers):
                pass  # 409 when nothing waits: the officer just looks again
            async with http.get("/console/api/queue") as queue:
                mine = (await queue.json())["mine"]
            for ticket in mine:
                async with http.get(f"/console/api/tickets/{ticket['id']}") as details:
                    lines = (await details.json())["transcript"]
                said = sum(1 for line in lines if line["sender"] == "citizen")
                while answered.get(ticket["id"], 0) < min(said, 3):
                    tag = f"soak-{uuid.uuid4().hex[:8]}"
                    async with http.post(f"/console/api/tickets/{ticket['id']}/messages", headers=headers,
                                         json={"text": f"An officer answers [{tag}]"}) as sent:
                        if sent.status == 200:
                            tally.officer_sent[tag] += 1
                    answered[ticket["id"]] = answered.get(ticket["id"], 0) + 1
                if answered.get(ticket["id"], 0) >= 3:
                    async with http.post(f"/console/api/tickets/{ticket['id']}/resolve", headers=headers,
                                         json={"outcome": "answered"}) as done:
                        if done.status == 200:
                            tally.resolved += 1
            await asyncio.sleep(0.5)


async def soak(base: str, minutes: float, citizens: int, officers: List[str], pid: int) -> Dict[str, object]:
    tally = Tally()
    deadline = time.monotonic() + minutes * 60
    samples: List[tuple[float, int]] = []

    async def sample() -> None:
        started = time.monotonic()
        while time.monotonic() < deadline + 20:
            samples.append((time.monotonic() - started, rss_bytes(tree_of(pid))))
            await asyncio.sleep(5)

    url = f"{base}/webhooks/rest/webhook"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
        await asyncio.gather(
            sample(),
            *(citizen(http, url, n, deadline, tally) for n in range(citizens)),
            *(officer(base, name, deadline, tally) for name in officers),
        )
    lost = sum(1 for tag in tally.officer_sent if tag not in tally.officer_received)
    duplicated = sum(1 for tag, n in tally.officer_received.items() if n > 1)
    third = max(1, len(samples) // 3)
    first = sum(r for _, r in samples[:third]) / third
    last = sum(r for _, r in samples[-third:]) / third
    return {"tally": tally, "lost": lost, "duplicated": duplicated, "samples": samples,
            "first_third_mb": first / 2**20, "last_third_mb": last / 2**20}


def run(minutes: float, citizens: int, officers: int, workers: int) -> int:
    model = model_path()
    with tempfile.TemporaryDirectory(prefix="govbot-soak-") as tmp:
        folder = Path(tmp)
        db = Database(f"sqlite:///{folder / 'gateway' / 'govbot.db'}")
        db.upgrade_schema()
        names = [f"soak.officer{n}" for n in range(officers)]
        for name in names:
            db.run(lambda s, name=name: accounts.add_officer(
                s, name, PASSWORD, teams=("passport", "programs", "general"), languages=("en", "fr"),
                max_concurrent=50))
        db.dispose()
        target = start_gateway(model, folder, workers)
        try:
            base = target.url.removesuffix("/webhooks/rest/webhook")
            result = asyncio.run(soak(base, minutes, citizens, names, target.processes[0].pid))
        finally:
            target.stop()
    tally: Tally = result["tally"]  # type: ignore[assignment]
    print(f"govbot soak: {minutes:g} min, {citizens} citizens (REST), {officers} officers (console API), {workers} engine workers")
    print(f"citizen messages {tally.citizen_messages}, replies {tally.replies}, errors {tally.errors}, "
          f"handoffs {tally.handoffs}, resolved {tally.resolved}")
    print(f"officer messages sent {sum(tally.officer_sent.values())}, received by citizens "
          f"{sum(tally.officer_received.values())}, lost {result['lost']}, duplicated {result['duplicated']}")
    print("gateway RSS (MB) over time: " + ", ".join(f"{t:.0f}s {r / 2**20:.0f}" for t, r in result["samples"]))  # type: ignore[attr-defined]
    print(f"mean RSS first third {result['first_third_mb']:.0f} MB, last third {result['last_third_mb']:.0f} MB")
    ok = tally.errors == 0 and result["lost"] == 0 and result["duplicated"] == 0
    return 0 if ok else 1
