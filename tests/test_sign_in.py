"""Console sign-in and sessions: failed sign-ins are throttled per client address (for one
username, and for the address as a whole), the counts decay, nobody can lock an officer out
from elsewhere, the answer never tells whether a username exists; sessions end when idle
and after a maximum lifetime. On SQLite and PostgreSQL, then through a real gateway behind
a (simulated) trusted proxy."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from unittest import mock

import aiohttp
import pytest
from aiohttp.test_utils import make_mocked_request

from bot.gateway.clients import client_address, is_this_machine
from bot.handoff import accounts, sign_in_throttle
from bot.settings import Settings, load_settings
from bot.storage.database import Database
from bot.storage.models import ConsoleSession, aware, utcnow
from tests.support.gateway import running_gateway
from tests.test_handoff_queue import PASSWORD, db  # noqa: F401  (db is a fixture)

ATTACKER, OFFICE = "203.0.113.9", "198.51.100.7"
ALLOWED = sign_in_throttle.PER_ACCOUNT.allowed


def attempts(db, username, password, count, address=ATTACKER, now=None):  # noqa: F811
    return [db.run(lambda s: accounts.sign_in(s, username, password, now, address=address)).error
            for _ in range(count)]


def test_failures_from_one_address_never_lock_the_officer_out_elsewhere(db):  # noqa: F811
    db.run(lambda s: accounts.add_officer(s, "jean", PASSWORD))
    assert attempts(db, "jean", "wrong password", ALLOWED + 3) == ["bad_credentials"] * ALLOWED + ["throttled"] * 3
    assert attempts(db, "jean", PASSWORD, 1) == ["throttled"], "that address waits, even with the password"
    assert db.run(lambda s: accounts.sign_in(s, "jean", PASSWORD, address=OFFICE)).officer is not None


def test_unknown_and_existing_usernames_get_the_same_answers(db):  # noqa: F811
    db.run(lambda s: accounts.add_officer(s, "marie", PASSWORD))
    known = attempts(db, "marie", "wrong password", ALLOWED + 1)
    unknown = attempts(db, "nobody", "wrong password", ALLOWED + 1)
    assert known == unknown == ["bad_credentials"] * ALLOWED + ["throttled"]
    waits = [db.run(lambda s, name=name: sign_in_throttle.wait_seconds(s, ATTACKER, name, utcnow()))
             for name in ("marie", "nobody")]
    assert waits[0] == pytest.approx(waits[1], abs=2) and 0 < waits[0] <= 180


def test_failures_are_forgotten_with_time(db):  # noqa: F811
    db.run(lambda s: accounts.add_officer(s, "paul", PASSWORD))
    start = utcnow()
    # typos spread over days never add up to a refusal (the old counter never decayed)
    for day in range(10):
        assert attempts(db, "paul", "typo password", 2, now=start + timedelta(days=day)) == ["bad_credentials"] * 2
    later = start + timedelta(days=20)
    assert attempts(db, "paul", "wrong password", ALLOWED + 1, now=later)[-1] == "throttled"
    forgive = sign_in_throttle.PER_ACCOUNT.forgive
    assert attempts(db, "paul", "wrong password", 1, now=later + forgive - timedelta(seconds=5)) == ["throttled"]
    assert attempts(db, "paul", "wrong password", 2, now=later + forgive + timedelta(seconds=1)) == \
        ["bad_credentials", "throttled"], "one more try per period, not a fresh start"
    rested = later + forgive * ALLOWED + timedelta(seconds=1)
    assert db.run(lambda s: accounts.sign_in(s, "paul", PASSWORD, rested, address=ATTACKER)).officer is not None


def test_one_address_trying_many_usernames_is_throttled(db):  # noqa: F811
    db.run(lambda s: accounts.add_officer(s, "lea", PASSWORD))
    limit = sign_in_throttle.PER_ADDRESS.allowed
    names = [f"guess{i}" for i in range(limit)]
    now = utcnow()  # one instant: a slow machine must not let the count decay meanwhile
    assert [attempts(db, name, "wrong password", 1, now=now)[0] for name in names] == ["bad_credentials"] * limit
    assert attempts(db, "lea", PASSWORD, 1, now=now) == ["throttled"]
    assert db.run(lambda s: accounts.sign_in(s, "lea", PASSWORD, address=OFFICE)).officer is not None


def test_a_good_sign_in_forgives_that_username_only(db):  # noqa: F811
    db.run(lambda s: accounts.add_officer(s, "sam", PASSWORD))
    attempts(db, "sam", "wrong password", ALLOWED - 1, address=OFFICE)
    assert db.run(lambda s: accounts.sign_in(s, "sam", PASSWORD, address=OFFICE)).officer is not None
    assert attempts(db, "sam", "wrong password", ALLOWED, address=OFFICE) == ["bad_credentials"] * ALLOWED


def test_an_idle_session_ends_and_use_keeps_it_alive(db):  # noqa: F811
    db.run(lambda s: accounts.add_officer(s, "kim", PASSWORD))
    start = utcnow()
    idle, lifetime = timedelta(minutes=30), timedelta(hours=10)
    token = db.run(lambda s: accounts.sign_in(s, "kim", PASSWORD, start, idle=idle, lifetime=lifetime)).token

    def alive(minutes: float, touch: bool = True) -> bool:
        return db.run(lambda s: accounts.resolve_session(
            s, token, start + timedelta(minutes=minutes), idle=idle, lifetime=lifetime, touch=touch)) is not None

    assert alive(29) and alive(58) and alive(87), "each use pushes the idle deadline"
    assert alive(116, touch=False), "a background refresh reads the session..."
    assert not alive(118), "...without keeping it alive: 31 minutes after the last use it is gone"
    assert not alive(60), "and gone for good"


def test_no_session_outlives_its_maximum(db):  # noqa: F811
    db.run(lambda s: accounts.add_officer(s, "ali", PASSWORD))
    start = utcnow()
    idle, lifetime = timedelta(minutes=30), timedelta(hours=10)
    token = db.run(lambda s: accounts.sign_in(s, "ali", PASSWORD, start, idle=idle, lifetime=lifetime)).token
    for minutes in range(20, 600, 20):
        assert db.run(lambda s: accounts.resolve_session(
            s, token, start + timedelta(minutes=minutes), idle=idle, lifetime=lifetime)) is not None
    assert db.run(lambda s: accounts.resolve_session(
        s, token, start + lifetime + timedelta(seconds=1), idle=idle, lifetime=lifetime)) is None


def _request(peer: str, forwarded: str = ""):
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (peer, 4000) if name == "peername" else default
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return make_mocked_request("POST", "/console/login", headers=headers, transport=transport)


def test_the_client_address_is_believed_only_from_trusted_proxies():
    proxies = ("10.0.0.0/8",)
    assert client_address(_request("203.0.113.9", "1.2.3.4"), proxies) == "203.0.113.9", "a forged header"
    assert client_address(_request("10.0.0.2", "1.2.3.4, 198.51.100.7"), proxies) == "198.51.100.7"
    assert client_address(_request("10.0.0.2", "198.51.100.7, 10.0.0.3"), proxies) == "198.51.100.7"
    assert client_address(_request("10.0.0.2", "not an address"), proxies) == "10.0.0.2"
    assert client_address(_request("::ffff:10.0.0.2", "198.51.100.7"), proxies) == "198.51.100.7"
    assert client_address(_request("10.0.0.2", "198.51.100.7"), ()) == "10.0.0.2"
    assert is_this_machine(_request("127.0.0.1")) and is_this_machine(_request("::1"))
    assert not is_this_machine(_request("127.0.0.1", "203.0.113.9")), "a proxy on this machine forwards others"
    assert not is_this_machine(_request("10.0.0.2"))


def test_settings_for_sessions_proxies_and_the_secure_cookie_warning():
    defaults = load_settings({})
    assert (defaults.session_idle_minutes, defaults.session_max_hours, defaults.trusted_proxies) == (30, 10, ())
    assert defaults.warnings() == [], "the local http run on loopback is fine"
    custom = load_settings({"GOVBOT_SESSION_IDLE_MINUTES": "15", "GOVBOT_SESSION_MAX_HOURS": "8",
                            "GOVBOT_TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.4"})
    assert (custom.session_idle_minutes, custom.session_max_hours) == (15, 8)
    assert custom.trusted_proxies == ("10.0.0.0/8", "192.168.1.4")
    exposed = load_settings({"GOVBOT_HOST": "0.0.0.0"}).warnings()
    assert len(exposed) == 1 and "GOVBOT_COOKIE_SECURE" in exposed[0] and "0.0.0.0" in exposed[0]
    assert load_settings({"GOVBOT_HOST": "0.0.0.0", "GOVBOT_COOKIE_SECURE": "true"}).warnings() == []
    assert load_settings({"GOVBOT_HOST": "::1"}).warnings() == []
    for name, value in (("GOVBOT_TRUSTED_PROXIES", "nginx"), ("GOVBOT_SESSION_IDLE_MINUTES", "0")):
        with pytest.raises(ValueError, match=name):
            load_settings({name: value})


# --- through the gateway -------------------------------------------------------------------


@pytest.fixture
def behind_proxy(settings: Settings, database_urls, tmp_path: Path) -> Settings:
    """Its own database (failure counts stay in this test) behind a proxy on loopback."""
    if database_urls[0].startswith("postgresql"):
        pytest.skip("the HTTP layer runs once, on SQLite; the counting is proven on both above")
    return replace(settings, database_url=f"sqlite:///{tmp_path / 'sign_in.db'}", trusted_proxies=("127.0.0.1",))


def add_account(settings: Settings) -> str:
    username = f"agent{uuid.uuid4().hex[:8]}"
    database = Database(settings.transcripts_url)
    database.upgrade_schema()
    database.run(lambda s: accounts.add_officer(s, username, PASSWORD))
    database.dispose()
    return username


async def sign_in(base: str, username: str, password: str, client: str):
    """(status, Retry-After, the page's error text) for a sign-in forwarded for `client`."""
    async with aiohttp.ClientSession(base_url=base, cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        async with http.get("/console/login") as page:
            csrf = re.search(r'name="csrf" value="([^"]+)"', await page.text()).group(1)  # type: ignore[union-attr]
        async with http.post("/console/login", allow_redirects=False, headers={"X-Forwarded-For": client},
                             data={"csrf": csrf, "username": username, "password": password}) as reply:
            error = re.search(r'<p class="error"[^>]*>(.*?)</p>', await reply.text())
            return reply.status, reply.headers.get("Retry-After"), error.group(1) if error else ""


async def test_the_sign_in_page_throttles_an_address_not_the_account(servers, behind_proxy, engine):
    settings = behind_proxy
    marie = add_account(settings)
    base = f"http://127.0.0.1:{settings.port}"
    async with running_gateway(servers, settings, engine):
        for _ in range(ALLOWED):
            status, _, wrong = await sign_in(base, marie, "guessing wrong", ATTACKER)
            assert status == 401 and "Wrong username or password" in wrong
        status, retry, known = await sign_in(base, marie, PASSWORD, ATTACKER)
        assert status == 429 and 0 < int(retry) <= 180
        assert "Too many failed attempts" in known and "Trop de tentatives" in known
        assert "locked" not in known and "bloqué" not in known

        for _ in range(ALLOWED):
            await sign_in(base, "nobody.here", "guessing wrong", ATTACKER)
        assert (await sign_in(base, "nobody.here", PASSWORD, ATTACKER))[::2] == (429, known), \
            "an unknown username gets the very same answer"

        assert (await sign_in(base, marie, PASSWORD, OFFICE))[0] == 303, "Marie signs in from her office"


async def test_console_sessions_follow_the_idle_timeout(servers, behind_proxy, engine):
    settings = replace(behind_proxy, session_idle_minutes=20, session_max_hours=8)
    username = add_account(settings)
    base = f"http://127.0.0.1:{settings.port}"
    database = Database(settings.transcripts_url)

    def expiry() -> timedelta:
        found = database.run(lambda s: s.query(ConsoleSession).one())
        return aware(found.expires_at) - utcnow()

    def set_expiry(minutes: int) -> None:
        def work(session):
            session.query(ConsoleSession).one().expires_at = utcnow() + timedelta(minutes=minutes)
        database.run(work)

    try:
        async with running_gateway(servers, settings, engine):
            async with aiohttp.ClientSession(base_url=base, cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
                async with http.get("/console/login") as page:
                    csrf = re.search(r'name="csrf" value="([^"]+)"', await page.text()).group(1)  # type: ignore
                async with http.post("/console/login", allow_redirects=False,
                                     data={"csrf": csrf, "username": username, "password": PASSWORD}) as signed:
                    assert signed.status == 303
                    assert signed.cookies["govbot_console"]["max-age"] == str(8 * 3600)
                assert timedelta(minutes=19) < expiry() <= timedelta(minutes=20), "idle deadline, not 10 hours"

                set_expiry(5)
                async with http.get("/console/api/queue", headers={"X-Console-Background": "1"}) as background:
                    assert background.status == 200
                assert expiry() <= timedelta(minutes=5), "the console's own refresh is not use"
                async with http.get("/console/api/queue") as used:
                    assert used.status == 200
                assert expiry() > timedelta(minutes=19), "a request the officer made is"

                set_expiry(-1)
                async with http.get("/console/api/me") as gone:
                    assert gone.status == 401
    finally:
        database.dispose()
