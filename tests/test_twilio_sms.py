"""SMS through Twilio end to end on loopback: webhooks signed the way Twilio signs them reach
the real gateway, and its replies reach a local Messages API emulator (Basic auth and form
fields checked, failures on demand). The validator is first checked against Twilio's own
published example."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from dataclasses import replace
from typing import AsyncIterator, Dict, List, Tuple

import aiohttp
import pytest
from twilio.request_validator import RequestValidator

from bot.gateway.senders import SenderKeys, load_sender_key
from bot.settings import Secret, Settings, SettingsError, load_settings
from bot.storage.database import Database
from bot.storage.models import Conversation, Message, OutboxLine
from channels.twilio_sms import EMPTY_TWIML, PATH, TwilioChannel, _form, keyword, sms_parts
from bot.texts import say
from tests.support.console_client import Officer
from tests.support.gateway import running_gateway
from tests.test_handoff_flow import PASSWORD, base_url, make_officer
from tests.support.twilio_emulator import MessagesApi, inbound_sms, signed_form

ACCOUNT = "AC" + "1" * 32
TOKEN = "twilio-auth-token-for-tests"
OUR_NUMBER = "+15005550006"

# Twilio's published example (docs, "Secure webhooks"; twilio-python's tests): auth token
# 12345, this URL and these fields are signed RSOYDt4T1cUTdK1PDd93/VVr8B8=.
KAT_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
KAT_FIELDS = {"CallSid": "CA1234567890ABCDE", "Caller": "+14158675309", "Digits": "1234",
              "From": "+14158675309", "To": "+18005551212"}
KAT_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_validator_agrees_with_twilios_published_example():
    body = "&".join(f"{k}={v.replace('+', '%2B')}" for k, v in KAT_FIELDS.items()).encode()
    form = _form(body)  # what the webhook reads from the raw body
    assert form is not None and dict(form) == KAT_FIELDS
    assert RequestValidator("12345").validate(KAT_URL, form, KAT_SIGNATURE)
    assert not RequestValidator("12345").validate(KAT_URL, {**KAT_FIELDS, "Digits": "1235"}, KAT_SIGNATURE)
    assert not RequestValidator("12346").validate(KAT_URL, form, KAT_SIGNATURE)


def test_keywords_and_long_messages_keep_links_whole():
    assert [keyword(w) for w in ("STOP", "arrêt", " Arret. ", "START", "aide", "HELP", "stop please", "yes")] == [
        "stop", "stop", "stop", "start", "help", "help", None, None]
    link = "https://www.canada.ca/en/immigration-refugees-citizenship/services/canadian-passports.html"
    parts = sms_parts(("word " * 30 + link + " ") * 3, limit=160)
    assert all(len(part) <= 160 for part in parts)
    assert sum(part.count(link) for part in parts) == 3, "no link is cut"


def test_settings_need_the_number_and_url_and_mask_the_token():
    base = {"TWILIO_ACCOUNT_SID": ACCOUNT, "TWILIO_AUTH_TOKEN": TOKEN}
    with pytest.raises(SettingsError, match="TWILIO_FROM_NUMBER"):
        load_settings(base)
    with pytest.raises(SettingsError, match="TWILIO_AUTH_TOKEN"):
        load_settings({"TWILIO_ACCOUNT_SID": ACCOUNT})
    loaded = load_settings({**base, "TWILIO_FROM_NUMBER": OUR_NUMBER,
                            "TWILIO_PUBLIC_URL": "https://chat.example.ca/webhooks/twilio/webhook"})
    assert loaded.twilio_enabled and TOKEN not in loaded.describe()
    assert not load_settings({}).twilio_enabled
    assert load_settings({}).socketio_enabled and not load_settings({"SOCKETIO_ENABLED": "false"}).socketio_enabled


@pytest.fixture
async def api() -> AsyncIterator[MessagesApi]:
    async with MessagesApi(ACCOUNT, TOKEN) as emulator:
        yield emulator


@pytest.fixture
def sms_settings(settings: Settings, api: MessagesApi) -> Settings:
    return replace(settings, twilio_account_sid=ACCOUNT, twilio_auth_token=Secret(TOKEN),
                   twilio_from_number=OUR_NUMBER, twilio_api_url=api.url,
                   twilio_public_url=f"http://127.0.0.1:{settings.port}{PATH}",
                   outbox_retry_seconds=0.02, outbox_max_retry_seconds=0.1)


def new_number() -> str:
    return "+1613555" + str(uuid.uuid4().int)[:4]


async def post_sms(client: aiohttp.ClientSession, settings: Settings, fields: Dict[str, str]) -> aiohttp.ClientResponse:
    body, signature = signed_form(TOKEN, settings.twilio_public_url, fields)
    return await client.post(PATH, data=body, headers={
        "X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"})


async def next_to(api: MessagesApi, number: str) -> Dict[str, str]:
    """The next message to `number` (lines an earlier test's gateway left in the outbox go elsewhere)."""
    while True:
        message = await api.next_message()
        if message["To"] == number:
            return message


async def text_and_wait(client, settings, api: MessagesApi, number: str, text: str, expected: str) -> List[Dict[str, str]]:
    """Send an SMS; every message received back up to the one containing `expected`."""
    response = await post_sms(client, settings, inbound_sms(number, text, OUR_NUMBER))
    assert response.status == 200
    assert response.content_type == "text/xml" and await response.text() == EMPTY_TWIML
    received = []
    while True:
        message = await api.next_message()
        if message["To"] != number:  # a line an earlier test's gateway left in the outbox
            continue
        assert message["From"] == OUR_NUMBER
        received.append(message)
        if expected in message["Body"]:
            return received


def outbox_rows(settings: Settings) -> List[Dict[str, object]]:
    db = Database(settings.transcripts_url)
    try:
        return db.run(lambda s: [{"id": row.id, "status": row.status, "platform_id": row.platform_id, "address": row.address,
                                  "text": row.body.get("text", ""), "error": row.last_error}
                                 for row in s.query(OutboxLine).filter(OutboxLine.channel == "sms").order_by(OutboxLine.id)])
    finally:
        db.dispose()


async def settled(settings: Settings, text: str) -> str:
    """The status of the latest transcript line `text` once the outbox is done with it."""
    for _ in range(600):
        lines, _ = stored(settings)
        status = next((line["status"] for line in reversed(lines) if line["text"] == text), "")
        if status in ("sent", "failed"):
            return status
        await asyncio.sleep(0.02)
    raise AssertionError(f"{text!r} is still {status!r}")


def stored(settings: Settings) -> Tuple[List[Dict[str, str]], List[str]]:
    db = Database(settings.transcripts_url)
    try:
        lines = db.run(lambda s: [{"conversation": m.conversation_id, "sender": m.sender, "text": m.text,
                                   "payload": str(m.payload), "status": m.status}
                                  for m in s.query(Message).filter(Message.channel == "sms").order_by(Message.id)])
        conversations = db.run(lambda s: [c.id for c in s.query(Conversation).filter(Conversation.channel == "sms")])
    finally:
        db.dispose()
    return lines, conversations


async def test_english_answer_numbered_choice_and_the_number_never_stored(servers, sms_settings, engine, api):
    number = new_number()
    async with running_gateway(servers, sms_settings, engine) as client:
        # other tests' lines stay (read once the gateway has made its tables: run alone too)
        before = max((int(row["id"]) for row in outbox_rows(sms_settings)), default=0)
        answer = await text_and_wait(client, sms_settings, api, number, "How much does a passport cost?", "163.50")
        assert "Hello! Bonjour!" in answer[0]["Body"]
        assert answer[-1]["Body"].endswith("Reply 1 for Calculate my fee.")
        assert "https://www.canada.ca/" in answer[-1]["Body"]
        calculator = await text_and_wait(client, sms_settings, api, number, "1", "Is the passport for an adult")
        assert calculator[-1]["Body"].endswith("Reply 1 for Adult, 2 for Child.")
        await text_and_wait(client, sms_settings, api, number, "2", "")  # "2" is the payload "child"
    lines, conversations = stored(sms_settings)
    digits = number.lstrip("+")
    assert all(digits not in line["text"] and digits not in line["payload"] for line in lines)
    assert all(digits not in conversation for conversation in conversations)
    mine = [c for c in conversations if c.startswith("sms:hmac-")]
    assert mine, conversations
    citizen = [line["text"] for line in lines if line["sender"] == "citizen" and line["conversation"] in mine]
    assert "Calculate my fee" in citizen and "Child" in citizen, "a numbered choice is kept as the title shown"
    rows = [row for row in outbox_rows(sms_settings) if int(row["id"]) > before]  # type: ignore[call-overload]
    assert rows and all(row["status"] == "sent" and str(row["platform_id"]).startswith("SM") for row in rows)
    assert all(row["address"] == "" for row in rows), "a sent line keeps no address"


async def test_french_question_and_numbered_choice_in_french(servers, sms_settings, engine, api):
    number = new_number()
    async with running_gateway(servers, sms_settings, engine) as client:
        await text_and_wait(client, sms_settings, api, number, "Bonjour", "Comment puis-je vous aider")
        fees = await text_and_wait(client, sms_settings, api, number,
                                   "combien ça coûte un passeport pour un adulte", "163,50 $")
        assert "https://www.canada.ca/fr/" in fees[-1]["Body"], "links stay whole"
        calculator = await text_and_wait(client, sms_settings, api, number, "/passport_fee_calculator", "Calculons")
        assert calculator[-1]["Body"].endswith("Répondez 1 pour Adulte, 2 pour Enfant."), calculator[-1]["Body"]
        adult = await text_and_wait(client, sms_settings, api, number, "1", "")
        assert "Adulte" not in adult[-1]["Body"] and adult[-1]["Body"] != calculator[-1]["Body"]


async def test_stop_is_honoured_until_start_and_recorded(servers, sms_settings, engine, api):
    number = new_number()
    async with running_gateway(servers, sms_settings, engine) as client:
        await text_and_wait(client, sms_settings, api, number, "hello", "How can I help")
        for text in ("ARRET", "How do I get a SIN?", "help"):
            response = await post_sms(client, sms_settings, inbound_sms(number, text, OUR_NUMBER))
            assert response.status == 200
        started = await text_and_wait(client, sms_settings, api, number, "START", "again")
        assert len(started) == 1, "nothing was sent between STOP and START"
        await text_and_wait(client, sms_settings, api, number, "How do I get a SIN?", "Social Insurance Number")
        help_fr = await text_and_wait(client, sms_settings, api, number, "AIDE", "ARRET")
        assert "Assistant du gouvernement du Canada" in help_fr[-1]["Body"]
    lines, _ = stored(sms_settings)
    events = [line["text"] for line in lines if line["sender"] == "event" and line["text"] in ("sms stop", "sms start")]
    assert events[-2:] == ["sms stop", "sms start"]


async def test_replayed_event_is_processed_once(servers, sms_settings, engine, api):
    number = new_number()
    fields = inbound_sms(number, "How do I apply for EI?", OUR_NUMBER)
    async with running_gateway(servers, sms_settings, engine) as client:
        first, again = await post_sms(client, sms_settings, fields), await post_sms(client, sms_settings, fields)
        assert (first.status, again.status) == (200, 200)
        assert await again.text() == EMPTY_TWIML
        await text_and_wait(client, sms_settings, api, number, "thanks", "")
    lines, _ = stored(sms_settings)
    assert [line["text"] for line in lines if line["sender"] == "citizen"].count("How do I apply for EI?") == 1


async def test_forged_or_unsigned_webhooks_are_refused_before_parsing(servers, sms_settings, engine, api):
    number = new_number()
    fields = inbound_sms(number, "How do I renew my passport?", OUR_NUMBER)
    body, signature = signed_form(TOKEN, sms_settings.twilio_public_url, fields)
    changed = body.replace(b"renew", b"renex")
    assert len(changed) == len(body) and sum(a != b for a, b in zip(body, changed)) == 1
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    async with running_gateway(servers, sms_settings, engine) as client:
        tampered = await client.post(PATH, data=changed, headers={**form, "X-Twilio-Signature": signature})
        unsigned = await client.post(PATH, data=body, headers=form)
        # another first character (the real signature starts with "x" one time in 64)
        forged = ("y" if signature.startswith("x") else "x") + signature[1:]
        wrong = await client.post(PATH, data=body, headers={**form, "X-Twilio-Signature": forged})
        not_a_form = await client.post(PATH, data=b"\xff\xfe", headers={**form, "X-Twilio-Signature": signature})
        for response in (tampered, unsigned, wrong, not_a_form):
            assert response.status == 401
            text = await response.text()
            assert (await response.json())["error"] == "unauthorized"
            assert signature not in text and signature[:10] not in text
        # A refusal is decided before any turn starts, so there is nothing to wait for.
        mine = "sms:" + SenderKeys(load_sender_key("", sms_settings.data_dir)).conversation_key(number)
    lines, conversations = stored(sms_settings)
    # nothing of this citizen's is stored; the session's database also holds other tests' lines
    # (a fallback's example question may say "renew"), but no line anywhere has the tampered word
    assert mine not in conversations and not any(line["conversation"] == mine for line in lines)
    assert not any("renex" in line["text"] for line in lines)
    assert api.attempts == 0


async def test_replies_are_retried_on_500_and_429_and_refusals_recorded(servers, sms_settings, engine, api):
    number = new_number()
    async with running_gateway(servers, sms_settings, engine) as client:
        api.fail_next = [500, 429]
        answer = await text_and_wait(client, sms_settings, api, number, "How do I get a SIN?", "Social Insurance Number")
        assert api.refused[:2] == [500, 429] and answer
        assert "Hello! Bonjour!" in answer[0]["Body"], "retried, not skipped: the welcome still came first"
        api.fail_next = [400] * 20  # refused for good: failed at once, not retried
        before = api.attempts
        response = await post_sms(client, sms_settings, inbound_sms(number, "hello", OUR_NUMBER))
        assert response.status == 200
        mine = "sms:" + SenderKeys(load_sender_key("", sms_settings.data_dir)).conversation_key(number)
        for _ in range(600):  # the turn runs in the background: wait for its reply to settle
            lines = [line for line in stored(sms_settings)[0] if line["conversation"] == mine]
            said = [i for i, line in enumerate(lines) if line["text"] == "hello"]
            replies = [line for line in lines[said[-1]:] if line["sender"] == "bot"] if said else []
            if replies and all(line["status"] in ("sent", "failed") for line in replies):
                break
            await asyncio.sleep(0.02)
        assert replies and {line["status"] for line in replies} == {"failed"}
        assert api.attempts - before == len(replies), "a 400 is not retried"
        api.fail_next = []
        await text_and_wait(client, sms_settings, api, number, "thanks", "")
    rows = outbox_rows(sms_settings)
    assert any(row["status"] == "failed" and "400" in str(row["error"]) for row in rows)


async def test_handoff_officer_replies_are_sent_by_sms(servers, sms_settings, engine, api):
    username = make_officer(sms_settings, name="Alex")
    number = new_number()
    async with running_gateway(servers, sms_settings, engine) as client:
        await text_and_wait(client, sms_settings, api, number, "I want to talk to a real person", "in line")
        key = SenderKeys(load_sender_key("", sms_settings.data_dir)).conversation_key(number)
        assert key.startswith("hmac-")
        async with Officer(base_url(sms_settings)) as officer:
            assert await officer.sign_in(username, PASSWORD) == 303
            ticket = await officer.ticket_for(f"sms:{key}")
            await officer.post(f"/console/api/tickets/{ticket['id']}/claim")
            joined = await next_to(api, number)
            assert joined["Body"] == say("officer_joined", "en", name="Alex") and joined["To"] == number
            await officer.post(f"/console/api/tickets/{ticket['id']}/messages", {"text": "Hello, I'm Alex."})
            pushed = await next_to(api, number)
            assert (pushed["Body"], pushed["To"]) == ("Hello, I'm Alex.", number)
            assert await settled(sms_settings, "Hello, I'm Alex.") == "sent", "marked sent once Twilio accepted it"
            api.fail_next = [503] * 10_000  # Twilio down: the line is kept in the outbox and retried
            refused = len(api.refused)
            await officer.post(f"/console/api/tickets/{ticket['id']}/messages", {"text": "Are you there?"})
            transcript = await officer.transcript(ticket["id"])
            assert next(line for line in transcript if line["text"] == "Are you there?")["status"] == "queued"
            while len(api.refused) < refused + 3:  # tried three times, still queued
                await asyncio.sleep(0.02)
            lines, _ = stored(sms_settings)
            assert next(line for line in lines if line["text"] == "Are you there?")["status"] == "queued"
            waiting = [row for row in outbox_rows(sms_settings) if row["text"] == "Are you there?"]
            assert [(row["status"], row["address"][:3]) for row in waiting] == [("pending", "v1:")]
            if sms_settings.transcripts_url.startswith("sqlite:///"):  # the bytes on disk, WAL included
                path = Path(sms_settings.transcripts_url.removeprefix("sqlite:///"))
                on_disk = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
                assert b"Are you there?" in on_disk, "the search reads the stored rows"
                assert number.encode() not in on_disk and number.lstrip("+").encode() not in on_disk
            api.fail_next = []  # Twilio is back
            pushed = await next_to(api, number)
            assert (pushed["Body"], pushed["To"]) == ("Are you there?", number)
            assert await settled(sms_settings, "Are you there?") == "sent"


async def test_emulator_accepts_what_twilios_own_client_sends_and_refuses_bad_auth(api):
    """The emulator is kept honest against the `twilio` package's own REST client."""
    from twilio.base.exceptions import TwilioRestException
    from twilio.rest import Client

    def send(token: str) -> str:
        client = Client(ACCOUNT, token)
        client.api.base_url = api.url
        return client.messages.create(to="+16135550123", from_=OUR_NUMBER, body="Bonjour").sid

    sid = await asyncio.to_thread(send, TOKEN)
    assert sid.startswith("SM")
    assert await api.next_message() == {"From": OUR_NUMBER, "To": "+16135550123", "Body": "Bonjour"}
    with pytest.raises(TwilioRestException) as refused:
        await asyncio.to_thread(send, "wrong-token")
    assert refused.value.status == 401
