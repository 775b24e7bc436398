"""`govbot soak`: minutes of concurrent citizens and officers against a real gateway.

Citizens (REST) ask questions and, one conversation in four, ask for a person and keep
writing while handed off; officers (console API) take the next ticket, answer each citizen
message and resolve. Every officer message carries a unique tag, and each citizen counts the
tags it receives, so a lost or duplicated message shows. RSS of the gateway's processes is
sampled all along: the figures show whether memory stays flat.

With `--faults`, the faults of bot/bench/faults.py (the database locked, an engine worker
killed, Telegram's Bot API failing) are injected while the traffic runs; afterwards the
gateway is given time to recover, and the database is counted: every citizen message sent
must be stored, and none left unanswered. With the Bot API fault, Telegram citizens write
too (bot/bench/telegram.py: the gateway in webhook mode against a Bot API on loopback), and
every reply stored for them must have reached the Bot API exactly once. Any loss makes the
command exit 1.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional

import aiohttp

from bot.bench import faults as fault_list
from bot.bench import telegram as bot_api
from bot.bench.processes import rss_bytes, tree_of
from bot.bench.runner import free_port, start_gateway
from bot.bench.traffic import SCRIPTS
from bot.handoff import accounts
from bot.storage.database import Database
from bot.texts import say
from bot.trainer.training import model_path
from bot.vocabulary import TEAMS

PASSWORD = "soak test password"
RECOVERY_SECONDS = 120
TAG = re.compile(r"\[(soak-[0-9a-f]{8})\]")
OUTCOME = re.compile(r'^govbot_messages_total\{[^}]*outcome="([^"]+)"[^}]*\} (\S+)$', re.M)


class Tally:
    def __init__(self) -> None:
        self.citizen_messages = 0
        self.replies = 0
        self.errors = 0
        self.handoffs = 0
        self.officer_sent: Counter[str] = Counter()
        self.officer_received: Counter[str] = Counter()
        self.resolved = 0
        self.officer_errors = 0
        self.kept = 0  # "your message is kept": the database failed, the spool took it
        self.unavailable = 0  # "temporarily unavailable": the engine failed, the message stored


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
                said = reply.get("text")
                tally.kept += said in (say("kept_for_later", "en"), say("kept_for_later", "fr"))
                tally.unavailable += said in (say("unavailable", "en"), say("unavailable", "fr"))
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
            try:
                await _officer_round(http, headers, answered, tally)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError, KeyError):
                tally.officer_errors += 1  # a fault on the gateway's side: look again
            await asyncio.sleep(0.5)


async def _officer_round(http: aiohttp.ClientSession, headers: Dict[str, str], answered: Dict[int, int],
                         tally: Tally) -> None:
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


TELEGRAM_CITIZENS = 3
TELEGRAM_SCRIPT = ["how much is a passport", "thanks", "how long by mail", "combien pour un enfant"]


async def soak(base: str, minutes: float, citizens: int, officers: List[str], pid: int,
               faults: Optional[List[str]] = None, database: Optional[Path] = None,
               telegram: Optional[bot_api.BotApi] = None) -> Dict[str, object]:
    tally = Tally()
    if telegram is not None:
        await telegram.start()
    running = fault_list.Running(pid, database or Path(), bot_api=telegram)
    updates: List[int] = []
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
            fault_list.inject(faults or [], running, minutes * 60),
            *(bot_api.telegram_citizen(http, base, 7000 + n, TELEGRAM_SCRIPT, deadline, updates)
              for n in range(TELEGRAM_CITIZENS if telegram is not None else 0)),
        )
        recovered = await _recovered(http, base, database) if faults and database else None
        delivery = await _delivered(database, telegram) if telegram is not None and database else None
        outcomes = await _outcomes(http, base)
    if telegram is not None:
        await telegram.stop()
    lost = sum(1 for tag in tally.officer_sent if tag not in tally.officer_received)
    duplicated = sum(1 for tag, n in tally.officer_received.items() if n > 1)
    third = max(1, len(samples) // 3)
    first = sum(r for _, r in samples[:third]) / third
    last = sum(r for _, r in samples[-third:]) / third
    return {"tally": tally, "lost": lost, "duplicated": duplicated, "samples": samples,
            "faults": running.done, "recovered": recovered, "outcomes": outcomes,
            "telegram_updates": len(updates), "delivery": delivery,
            "first_third_mb": first / 2**20, "last_third_mb": last / 2**20}


async def _outcomes(http: aiohttp.ClientSession, base: str) -> Counter[str]:
    """Citizen messages by outcome, from the gateway's /metrics (read from this machine)."""
    found: Counter[str] = Counter()
    async with http.get(f"{base}/metrics") as metrics:
        for outcome, value in OUTCOME.findall(await metrics.text()):
            found[outcome] += int(float(value))
    return found


async def _recovered(http: aiohttp.ClientSession, base: str, database: Path) -> Optional[fault_list.Count]:
    """The count once the gateway has replayed its spool and answered waiting lines (None if
    it has not within RECOVERY_SECONDS)."""
    deadline = time.monotonic() + RECOVERY_SECONDS
    while time.monotonic() < deadline:
        async with http.get(f"{base}/health") as health:
            spool = (await health.json())["checks"].get("spool")
        found = await asyncio.to_thread(fault_list.count, database)
        if spool == "ok" and found.waiting == 0:
            return found
        await asyncio.sleep(1)
    return None


async def _delivered(database: Path, api: bot_api.BotApi) -> Optional[bot_api.Delivery]:
    """The Telegram count once the outbox has sent everything (None if it has not within
    RECOVERY_SECONDS)."""
    deadline = time.monotonic() + RECOVERY_SECONDS
    while time.monotonic() < deadline:
        found = await asyncio.to_thread(bot_api.count, database, api)
        if found.waiting == 0:
            return found
        await asyncio.sleep(1)
    return None


def run(minutes: float, citizens: int, officers: int, workers: int, faults: Optional[str] = None,
        port: int = 0) -> int:
    model = model_path()
    with tempfile.TemporaryDirectory(prefix="govbot-soak-") as tmp:
        folder = Path(tmp)
        db = Database(f"sqlite:///{folder / 'gateway' / 'govbot.db'}")
        db.upgrade_schema()
        names = [f"soak.officer{n}" for n in range(officers)]
        for name in names:
            db.run(lambda s, name=name: accounts.add_officer(
                s, name, PASSWORD, teams=TEAMS, languages=("en", "fr"),
                max_concurrent=50))
        db.dispose()
        injected = fault_list.chosen(faults) if faults is not None else []
        # Faults: waiting lines are swept after seconds, not a minute, so the soak can count them.
        env = {"GOVBOT_SPOOL_REPLAY_SECONDS": "1", "GOVBOT_STALE_TURN_SECONDS": "10"} if injected else {}
        telegram = None
        if "bot-api-failing" in injected:
            port = port or free_port()
            telegram = bot_api.BotApi(port=free_port())
            env.update(bot_api.gateway_settings(telegram, port))
        target = start_gateway(model, folder, workers, port, **env)
        try:
            base = target.url.removesuffix("/webhooks/rest/webhook")
            result = asyncio.run(soak(base, minutes, citizens, names, target.processes[0].pid, injected,
                                      folder / "gateway" / "govbot.db", telegram))
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
    outcomes: Counter[str] = result["outcomes"]  # type: ignore[assignment]
    print("outcomes (gateway metrics): " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    if injected:
        for done in result["faults"]:  # type: ignore[attr-defined]
            print(f"fault {done}")
        found: Optional[fault_list.Count] = result["recovered"]  # type: ignore[assignment]
        print(f"replies saying the message is kept (database down) {tally.kept}, saying the assistant is "
              f"unavailable (engine down) {tally.unavailable}, officer requests that failed {tally.officer_errors}")
        if found is None:
            print(f"the gateway did not recover within {RECOVERY_SECONDS} s (spool or waiting lines left)")
            ok = False
        else:
            sent = tally.citizen_messages + int(result["telegram_updates"])  # type: ignore[call-overload]
            lost_messages = sent - found.stored  # negative: some stored twice
            print(f"citizen messages sent {sent}, stored {found.stored}, "
                  f"lost {max(lost_messages, 0)}, stored twice {max(-lost_messages, 0)}; "
                  f"replies lost {tally.errors + found.waiting} (HTTP errors {tally.errors}, "
                  f"citizen lines left unanswered {found.waiting})")
            ok = ok and lost_messages == 0 and found.waiting == 0
        if telegram is not None:
            delivery: Optional[bot_api.Delivery] = result["delivery"]  # type: ignore[assignment]
            if delivery is None:
                print(f"Telegram: replies still waiting in the outbox after {RECOVERY_SECONDS} s")
                ok = False
            else:
                missing, extra = max(delivery.stored - delivery.received, 0), max(delivery.received - delivery.stored, 0)
                print(f"Telegram: {result['telegram_updates']} updates from {TELEGRAM_CITIZENS} citizens, "
                      f"{delivery.stored} replies stored, {delivery.received} received by the Bot API "
                      f"({telegram.refused} calls refused while failing, {delivery.failed} given up): "
                      f"replies lost {missing}, sent twice {extra}")
                ok = ok and missing == 0 and extra == 0 and delivery.failed == 0
    return 0 if ok else 1
