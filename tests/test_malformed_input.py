"""Malformed input on every citizen endpoint and console API route gets a 4xx, never a 500,
a killed socket or a logged traceback (issue 11, defect 3).

The real gateway runs on loopback with the trained model, Telegram in webhook mode against
the local Bot API emulator, and a signed-in supervisor for the console API. Hypothesis
throws bounded batches of bad bodies at each route; hand-written cases pin the ones that
once gave a 500: lone surrogates, deep nesting, numbers of thousands of digits, bad or bomb
gzip bodies, non-object JSON, wrong field types, ticket ids beyond 64 bits."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import hmac
import json
import logging
import re
import uuid
import zlib
from dataclasses import replace
from typing import Any, Dict, Iterator, List, Optional, Tuple
from urllib.parse import quote

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.handoff import accounts
from bot.settings import Secret, Settings
from bot.storage.database import Database
from tests.support.background import BackgroundLoop
from tests.support.console_client import Officer
from tests.support.gateway import start_gateway
from tests.support.telegram_emulator import SECRET_HEADER, BotApiEmulator
from tests.support.twilio_emulator import signed_form

FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TELEGRAM_SECRET = "fuzz-secret_token"
META_SECRET = "fuzz-meta-app-secret"
TWILIO_TOKEN = "fuzz-twilio-auth-token"
PASSWORD = "fuzzing password 2026"
JSON_TYPE = {"Content-Type": "application/json"}

# --- bodies -------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
fields = st.sampled_from(["sender", "message", "metadata", "text", "team", "officer_id", "outcome",
                          "update_id", "type", "payload", "title", "conversation_id", "language"])


def lone_surrogate(value: str) -> bytes:
    return json.dumps({"sender": "x", "message": value, "text": value, "type": "message"}).replace(
        "SURROGATE", "\\ud800").encode()


HAND_WRITTEN: List[Tuple[str, bytes, Dict[str, str]]] = [
    ("lone surrogate", lone_surrogate("hi SURROGATE"), JSON_TYPE),
    ("lone surrogate key", b'{"\\udfff": 1, "sender": "x", "message": "hi"}', JSON_TYPE),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, JSON_TYPE),
    ("deep object", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, JSON_TYPE),
    ("5000-digit integer", b'{"sender": "x", "message": "hi", "update_id": ' + b"9" * 5000 + b"}", JSON_TYPE),
    ("4000-digit integer", b'{"sender": "x", "message": "hi", "officer_id": ' + b"7" * 4000 + b"}", JSON_TYPE),
    ("NaN", b'{"sender": "x", "message": NaN}', JSON_TYPE),
    ("bad gzip", b"this is not gzip at all", {**JSON_TYPE, "Content-Encoding": "gzip"}),
    ("truncated gzip", gzip.compress(b'{"sender": "x", "message": "hi"}')[:12], {**JSON_TYPE, "Content-Encoding": "gzip"}),
    ("gzip bomb", gzip.compress(b"[" * (64 * 1024 * 1024)), {**JSON_TYPE, "Content-Encoding": "gzip"}),
    ("bad deflate", b"\x00\x01\x02", {**JSON_TYPE, "Content-Encoding": "deflate"}),
    ("array", b'["hello"]', JSON_TYPE),
    ("string", b'"hello"', JSON_TYPE),
    ("number", b"42", JSON_TYPE),
    ("empty", b"", JSON_TYPE),
    ("invalid UTF-8", b'{"sender": "x", "message": "\xff\xfe"}', JSON_TYPE),
    ("unknown charset", b'{"sender": "x", "message": "hi"}', {"Content-Type": "application/json; charset=bogus"}),
    ("sender is a list", b'{"sender": ["x"], "message": "hi"}', JSON_TYPE),
    ("message is an object", b'{"sender": "x", "message": {"text": "hi"}}', JSON_TYPE),
    ("metadata is a string", b'{"sender": "x", "message": "hi", "metadata": "x"}', JSON_TYPE),
    ("NUL characters", b'{"sender": "x", "message": "a\\u0000b", "text": "a\\u0000b", "team": "a\\u0000"}', JSON_TYPE),
    ("team of the wrong name", b'{"team": "' + b"x" * 500 + b'", "officer_id": 1, "text": 5}', JSON_TYPE),
    ("officer id is true", b'{"officer_id": true, "team": ["passport"]}', JSON_TYPE),
    ("officer id beyond 32 bits", b'{"officer_id": 9223372036854775807}', JSON_TYPE),
    ("update id beyond 64 bits", b'{"update_id": 99999999999999999999999}', JSON_TYPE),
]


@st.composite
def bad_bodies(draw: st.DrawFn) -> Tuple[bytes, Dict[str, str]]:
    body = draw(st.one_of(
        st.binary(max_size=300),
        json_values.map(lambda value: json.dumps(value).encode()),
        st.dictionaries(fields, json_values, max_size=5).map(lambda value: json.dumps(value).encode()),
        st.integers(1, 3000).map(lambda depth: b"[" * depth + b"]" * depth),
        st.integers(15, 6000).map(lambda digits: b'{"sender": "x", "message": "hi", "update_id": 1' + b"0" * digits + b"}"),
        st.text(max_size=40).map(lambda text: lone_surrogate(text + "SURROGATE")),
        st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
    ))
    encoding = draw(st.sampled_from([None, None, None, "gzip", "gzip-garbage", "deflate-garbage", "br"]))
    headers = dict(draw(st.sampled_from([JSON_TYPE, {"Content-Type": "text/plain"},
                                         {"Content-Type": "application/json; charset=latin-1"}])))
    if encoding == "gzip":
        body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
    elif encoding == "gzip-garbage":
        body, headers["Content-Encoding"] = body[:40] + b"\x1f\x8b garbage", "gzip"
    elif encoding == "deflate-garbage":
        body, headers["Content-Encoding"] = zlib.compress(body)[:-3] + b"??", "deflate"
    elif encoding == "br":
        headers["Content-Encoding"] = "br"
    return body, headers


ticket_ids = st.one_of(
    st.integers(-(2**80), 2**80).map(str),
    st.text(max_size=24),
    st.sampled_from(["9" * 30, "18446744073709551616", "9223372036854775808", "2147483648", "0", "-1", "1e3", "٣"]),
)
CONSOLE_POSTS = ["messages", "notes", "transfer", "resolve", "assign", "claim"]

# --- the gateway under fire -----------------------------------------------------------------


class Tracebacks(logging.Handler):
    """Every log record that carries a traceback."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: List[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(record)


class Gateway:
    """The gateway, a Telegram emulator, a citizen client and a signed-in supervisor, all on
    the servers' loop; the synchronous methods let Hypothesis drive them."""

    def __init__(self, servers: BackgroundLoop, settings: Settings) -> None:
        self.servers = servers
        self.settings = settings
        self.client: Optional[aiohttp.ClientSession] = None
        self.officer: Optional[Officer] = None
        self.ticket_id = 0

    def run(self, coroutine: Any) -> Any:
        return self.servers.run(coroutine, timeout=120)

    def post(self, path: str, body: bytes, headers: Dict[str, str], officer: bool = False) -> Tuple[int, Any]:
        async def send() -> Tuple[int, Any]:
            http = self.officer.http if officer and self.officer else self.client
            assert http is not None
            sent = {**headers, **({"X-CSRF-Token": self.officer.csrf} if officer and self.officer else {})}
            async with http.post(path, data=body, headers=sent) as response:
                text = await response.text()
                return response.status, (json.loads(text) if response.content_type == "application/json" else text)

        return self.run(send())

    def get(self, path: str) -> int:
        async def send() -> int:
            assert self.officer is not None
            async with self.officer.http.get(path) as response:
                await response.read()
                return response.status

        return self.run(send())


@pytest.fixture
def gateway(servers: BackgroundLoop, settings: Settings, engine) -> Iterator[Gateway]:
    emulator = BotApiEmulator()
    servers.run(emulator.start())
    configured = replace(
        settings,
        telegram_token=Secret(emulator.token),
        telegram_api_base_url=emulator.base_url.removesuffix("/bot"),
        telegram_mode="webhook",
        telegram_webhook_url=f"http://127.0.0.1:{settings.port}/telegram/webhook",
        telegram_secret_token=Secret(TELEGRAM_SECRET),
        rate_limit_per_minute=100_000,
        client_rate_limit_per_minute=100_000,
        # Every push channel on, its platform out of reach (a closed port): only what the
        # webhooks do with what they are sent is under test.
        messenger_app_secret=Secret(META_SECRET), messenger_verify_token=Secret("fuzz-verify"),
        messenger_page_access_token=Secret("fuzz-page-token"),
        whatsapp_app_secret=Secret(META_SECRET), whatsapp_verify_token=Secret("fuzz-verify"),
        whatsapp_access_token=Secret("fuzz-wa-token"), whatsapp_phone_number_id="1234567890",
        meta_graph_api_url="http://127.0.0.1:9", twilio_api_url="http://127.0.0.1:9",
        twilio_account_sid="ACfuzz", twilio_auth_token=Secret(TWILIO_TOKEN), twilio_from_number="+15550000000",
        twilio_public_url=f"http://127.0.0.1:{settings.port}/webhooks/twilio/webhook",
    )
    db = Database(configured.transcripts_url)
    db.upgrade_schema()
    username = f"fuzz{uuid.uuid4().hex[:10]}"  # databases outlive a test: ports repeat, names must not
    db.run(lambda session: accounts.add_officer(session, username, PASSWORD, display_name="Fuzz", role="supervisor",
                                                teams=("passport", "programs", "general"), languages=("en", "fr")))
    db.dispose()
    runner = servers.run(start_gateway(configured, engine))
    tracebacks = Tracebacks()
    logging.getLogger().addHandler(tracebacks)
    fixture = Gateway(servers, configured)

    async def connect() -> None:
        base = f"http://127.0.0.1:{configured.port}"
        fixture.client = aiohttp.ClientSession(base_url=base)
        fixture.officer = Officer(base)
        assert await fixture.officer.sign_in(username, PASSWORD) == 303
        async with fixture.client.post("/webhooks/rest/webhook",
                                       json={"sender": f"fuzz-{configured.port}", "message": "I want to talk to a person"}):
            pass
        fixture.ticket_id = (await fixture.officer.post("/console/api/claim-next"))["ticket_id"]
        for _ in range(400):  # Telegram connects in the background; its webhook answers 503 until then
            async with fixture.client.get("/health") as response:
                if (await response.json())["checks"].get("telegram") == "ok":
                    break
            await asyncio.sleep(0.05)

    servers.run(connect())
    try:
        yield fixture
        assert not tracebacks.records, [f"{r.name}: {r.getMessage()}" for r in tracebacks.records]
    finally:
        logging.getLogger().removeHandler(tracebacks)

        async def close() -> None:
            await fixture.client.close()  # type: ignore[union-attr]
            await fixture.officer.http.close()  # type: ignore[union-attr]
            await runner.cleanup()
            await emulator.stop()

        servers.run(close())


def assert_refused_politely(status: int, body: Any) -> None:
    assert status < 500, (status, body)
    if 400 <= status < 500 and isinstance(body, dict) and status not in (401, 403):
        assert set(body) >= {"error", "message"}, body


# --- citizen endpoints ---------------------------------------------------------------------


@pytest.mark.parametrize("name, body, headers", HAND_WRITTEN, ids=[case[0] for case in HAND_WRITTEN])
def test_known_bad_bodies_get_a_4xx_everywhere(gateway: Gateway, name: str, body: bytes, headers: Dict[str, str]):
    rest = gateway.post("/webhooks/rest/webhook", body, headers)
    telegram = gateway.post("/telegram/webhook", body, {**headers, SECRET_HEADER: TELEGRAM_SECRET})
    console = [gateway.post(f"/console/api/tickets/{gateway.ticket_id}/{route}", body, headers, officer=True)
               for route in ("transfer", "assign", "notes")]
    for status, answer in [rest, telegram] + console:
        if name == "unknown charset":  # JSON is UTF-8 whatever the header says: read, not a 500
            assert status < 500, (name, status, answer)
            continue
        assert 400 <= status < 500, (name, status, answer)
        if name != "bad deflate":  # aiohttp itself refuses it, before any handler, in plain text
            assert set(answer) == {"error", "message"}, answer
    assert gateway.get("/health") == 200


def test_a_rest_message_without_sender_is_refused_not_shared(gateway: Gateway):
    for body in ({"message": "hello"}, {"sender": "", "message": "hello"}, {"sender": "\r\n\t\u200b", "message": "hi"}):
        status, answer = gateway.post("/webhooks/rest/webhook", json.dumps(body).encode(), JSON_TYPE)
        assert status == 400 and answer["error"] == "bad_shape", answer


def test_a_sign_in_form_with_a_nul_character_is_refused(gateway: Gateway):
    async def sign_in() -> int:
        async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{gateway.settings.port}",
                                         cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
            async with browser.get("/console/login") as page:
                csrf = re.search(r'name="csrf" value="([^"]+)"', await page.text()).group(1)  # type: ignore[union-attr]
            async with browser.post("/console/login", data={"csrf": csrf, "username": "fuzz\x00", "password": "x" * 12},
                                    allow_redirects=False) as answer:
                return answer.status

    assert gateway.run(sign_in()) == 400


@FUZZ
@given(bad_bodies())
def test_rest_never_answers_5xx(gateway: Gateway, case):
    assert_refused_politely(*gateway.post("/webhooks/rest/webhook", *case))


@FUZZ
@given(bad_bodies())
def test_telegram_webhook_never_answers_5xx(gateway: Gateway, case):
    body, headers = case
    assert_refused_politely(*gateway.post("/telegram/webhook", body, {**headers, SECRET_HEADER: TELEGRAM_SECRET}))


@FUZZ
@given(st.sampled_from(CONSOLE_POSTS), st.one_of(ticket_ids, st.just("real")), bad_bodies())
def test_console_api_never_answers_5xx(gateway: Gateway, route: str, ticket: str, case):
    ticket = str(gateway.ticket_id) if ticket == "real" else ticket
    path = f"/console/api/tickets/{quote(ticket, safe='')}/{route}"
    assert_refused_politely(*gateway.post(path, *case, officer=True))
    assert gateway.get(f"/console/api/tickets/{quote(ticket, safe='')}") < 500


@FUZZ
@given(bad_bodies())
def test_console_claim_next_and_sign_in_never_answer_5xx(gateway: Gateway, case):
    assert_refused_politely(*gateway.post("/console/api/claim-next", *case, officer=True))
    assert_refused_politely(*gateway.post("/console/login", *case))


# Signed as the platform signs: the fuzz reaches the parsers behind the signature check.
def meta_signed(body: bytes, headers: Dict[str, str]) -> Dict[str, str]:
    digest = hmac.new(META_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return {**headers, "X-Hub-Signature-256": f"sha256={digest}"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
# Events shaped like Meta's, with any value where a field is: what a parser trusts too much.
meta_events = st.fixed_dictionaries({"object": st.sampled_from(["page", "whatsapp_business_account", "x"]),
                                     "entry": st.lists(st.dictionaries(
                                         st.sampled_from(["id", "time", "messaging", "changes"]), json_values,
                                         max_size=4), max_size=3)})


@FUZZ
@given(st.sampled_from(["/webhooks/facebook/webhook", "/webhooks/whatsapp/webhook"]),
       st.one_of(bad_bodies(), meta_events.map(lambda event: (json.dumps(event).encode(), JSON_TYPE))))
def test_meta_webhooks_never_answer_5xx_even_when_signed(gateway: Gateway, path: str, case):
    body, headers = case
    assert_refused_politely(*gateway.post(path, body, meta_signed(body, headers)))


twilio_forms = st.dictionaries(
    st.sampled_from(["MessageSid", "From", "Body", "To", "NumMedia", "SmsSid", "AccountSid"]) | st.text(max_size=10),
    st.text(max_size=200), max_size=6)


@FUZZ
@given(twilio_forms)
def test_twilio_webhook_never_answers_5xx_even_when_signed(gateway: Gateway, fields: Dict[str, str]):
    body, signature = signed_form(TWILIO_TOKEN, gateway.settings.twilio_public_url, fields)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    assert_refused_politely(*gateway.post("/webhooks/twilio/webhook", body, headers))


# --- the web chat socket ----------------------------------------------------------------------

frames = st.one_of(
    st.text(max_size=200),
    json_values.map(json.dumps),
    st.dictionaries(fields, json_values, max_size=4).map(json.dumps),
    st.fixed_dictionaries({"type": st.sampled_from(["message", "button", "hello", "nope"])},
                          optional={"text": json_values, "payload": json_values, "title": json_values,
                                    "conversation_id": json_values, "language": json_values}).map(json.dumps),
    st.integers(1, 20_000).map(lambda depth: "[" * depth + "]" * depth),
    st.integers(15, 6000).map(lambda digits: '{"type": "message", "text": 1' + "0" * digits + "}"),
    st.text(max_size=40).map(lambda text: json.dumps({"type": "message", "text": text + "SURROGATE"}).replace(
        "SURROGATE", "\\ud800")),
)


async def _until(socket: aiohttp.ClientWebSocketResponse, kind: str) -> List[Dict[str, Any]]:
    seen: List[Dict[str, Any]] = []
    while True:
        message = await asyncio.wait_for(socket.receive(), timeout=30)
        assert message.type == aiohttp.WSMsgType.TEXT, f"the socket closed: {message}"
        seen.append(json.loads(message.data))
        if seen[-1]["type"] == kind:
            return seen


def test_web_chat_answers_bad_frames_with_an_error_frame_and_stays_open(gateway: Gateway):
    async def exchange() -> None:
        assert gateway.client is not None
        async with gateway.client.ws_connect("/webchat/ws") as socket:
            await socket.send_str(json.dumps({"type": "hello", "language": "fr"}))
            await _until(socket, "welcome")
            for bad in ("{nope", '["a"]', "[" * 30_000 + "]" * 30_000, '{"type": "message", "text": 1' + "0" * 5000 + "}",
                        '{"type": "message", "text": "hi \\ud800"}', '{"type": "unknown"}'):
                await socket.send_str(bad)
                error = (await _until(socket, "error"))[-1]  # after the welcome message, if any
                assert error["message"].startswith("Désolé"), "the error frame is in the page's language"
            await socket.send_bytes(b"\x00\x01")
            await _until(socket, "error")
            assert not socket.closed

    gateway.run(exchange())


@FUZZ
@given(st.lists(frames, min_size=1, max_size=3))
def test_web_chat_socket_survives_any_frames(gateway: Gateway, batch: List[str]):
    async def exchange() -> None:
        assert gateway.client is not None
        async with gateway.client.ws_connect("/webchat/ws") as socket:
            for frame in batch:
                await socket.send_str(frame)
            await socket.send_str(json.dumps({"type": "hello"}))
            await _until(socket, "welcome")
            assert not socket.closed

    gateway.run(exchange())


def test_the_signed_fuzz_gets_past_the_signature_check(gateway: Gateway):
    """The fuzz above would be weak if every request stopped at the signature."""
    event = json.dumps({"object": "page", "entry": [{"id": "1", "time": 1, "messaging": []}]}).encode()
    for path in ("/webhooks/facebook/webhook", "/webhooks/whatsapp/webhook"):
        assert gateway.post(path, event, meta_signed(event, JSON_TYPE))[0] in (200, 400)  # read, not refused
        assert gateway.post(path, event, JSON_TYPE)[0] == 401
    body, signature = signed_form(TWILIO_TOKEN, gateway.settings.twilio_public_url, {"Body": "hi"})
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert gateway.post("/webhooks/twilio/webhook", body, {**form, "X-Twilio-Signature": signature})[0] == 400
    assert gateway.post("/webhooks/twilio/webhook", body, {**form, "X-Twilio-Signature": "x"})[0] == 401
