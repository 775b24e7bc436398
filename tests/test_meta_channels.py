"""Messenger and WhatsApp end to end on loopback: webhooks signed the way Meta signs them
(HMAC-SHA256 of the exact bytes, non-ASCII escaped) reach the real gateway, model and desk,
and the replies reach a local Graph API emulator that checks the token, the path and the
platform's limits, and fails on demand. The 24-hour window is tested by moving the
channels' clock, never by waiting."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import uuid
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import timedelta
from typing import Any, AsyncIterator, Dict, List, Tuple

import aiohttp
import pytest

from bot.gateway.senders import SenderKeys, load_sender_key
from bot.handoff.desk import NotDeliverable
from bot.settings import Secret, Settings, SettingsError, load_settings
from bot.storage.database import Database
from bot.storage.models import Message, utcnow
from bot.texts import say
from channels.meta import MAX_BODY_BYTES, MetaChannel
from channels.messenger import PATH as MESSENGER_PATH
from channels.whatsapp import PATH as WHATSAPP_PATH
from tests.support.console_client import Officer
from tests.support.gateway import running_gateway
from tests.support.graph_api import (GraphApi, choices, messenger_event, messenger_receipts, shown_text, signed,
                                     whatsapp_button_reply, whatsapp_event, whatsapp_statuses, whatsapp_text)
from tests.test_handoff_flow import PASSWORD, base_url, make_officer

APP_SECRET = {"messenger": "messenger-app-secret-for-tests", "whatsapp": "whatsapp-app-secret-for-tests"}
VERIFY = {"messenger": "messenger-verify-token", "whatsapp": "whatsapp-verify-token"}
PAGE_TOKEN, WA_TOKEN, PHONE_ID = "page-access-token-for-tests", "whatsapp-access-token-for-tests", "109876543210"
PATHS = {"messenger": MESSENGER_PATH, "whatsapp": WHATSAPP_PATH}


@pytest.fixture
async def api() -> AsyncIterator[GraphApi]:
    async with GraphApi(PAGE_TOKEN, WA_TOKEN, PHONE_ID) as emulator:
        yield emulator


@pytest.fixture
def meta_settings(settings: Settings, api: GraphApi) -> Settings:
    return replace(settings, socketio_enabled=False, outbox_retry_seconds=0.05, outbox_max_retry_seconds=0.1,
                   messenger_app_secret=Secret(APP_SECRET["messenger"]),
                   messenger_verify_token=Secret(VERIFY["messenger"]),
                   messenger_page_access_token=Secret(PAGE_TOKEN),
                   whatsapp_app_secret=Secret(APP_SECRET["whatsapp"]),
                   whatsapp_verify_token=Secret(VERIFY["whatsapp"]),
                   whatsapp_access_token=Secret(WA_TOKEN), whatsapp_phone_number_id=PHONE_ID,
                   meta_graph_api_url=api.url)


def new_address() -> str:
    return "7" + str(uuid.uuid4().int)[:15]


class Citizen:
    """One citizen on one platform, writing through signed webhooks."""

    def __init__(self, platform: str, client: aiohttp.ClientSession, api: GraphApi) -> None:
        self.platform, self.client, self.api = platform, client, api
        self.address = new_address()

    def event(self, text: str = "", payload: str = "", **extra: Any) -> Dict[str, Any]:
        if self.platform == "messenger":
            return messenger_event(self.address, text=text or None, quick_reply=payload or None, **extra)
        message = whatsapp_button_reply(payload, text) if payload else whatsapp_text(text)
        return whatsapp_event(PHONE_ID, self.address, message, **extra)

    async def post(self, event: Dict[str, Any]) -> aiohttp.ClientResponse:
        raw, headers = signed(APP_SECRET[self.platform], event)
        response = await self.client.post(PATHS[self.platform], data=raw, headers=headers)
        await response.read()
        return response

    async def says(self, text: str, expected: str, payload: str = "") -> List[Dict[str, Any]]:
        """Write (or tap a button); every message received up to the one containing `expected`."""
        response = await self.post(self.event(text, payload))
        assert response.status == 200, await response.text()
        return await self.receive(expected)

    async def receive(self, expected: str) -> List[Dict[str, Any]]:
        received: List[Dict[str, Any]] = []
        while True:
            try:
                body = await self.api.next_message(self.platform)
            except asyncio.TimeoutError:
                seen = [shown_text(self.platform, body) for body in received]
                raise AssertionError(f"{expected!r} never came; received {seen}") from None
            to = body["recipient"]["id"] if self.platform == "messenger" else body["to"]
            assert to == self.address
            received.append(body)
            if expected in shown_text(self.platform, body):
                return received


def citizen_lines(settings: Settings, platform: str) -> List[Dict[str, Any]]:
    db = Database(settings.transcripts_url)
    try:
        return db.run(lambda s: [{"conversation": m.conversation_id, "sender": m.sender, "text": m.text,
                                  "status": m.status}
                                 for m in s.query(Message).filter(Message.channel == platform).order_by(Message.id)])
    finally:
        db.dispose()


def test_each_channel_is_off_until_all_its_secrets_are_set_and_they_are_masked():
    assert not load_settings({}).messenger_enabled and not load_settings({}).whatsapp_enabled
    with pytest.raises(SettingsError, match="MESSENGER_VERIFY_TOKEN, MESSENGER_PAGE_ACCESS_TOKEN are required"):
        load_settings({"MESSENGER_APP_SECRET": "s"})
    with pytest.raises(SettingsError, match="WHATSAPP_PHONE_NUMBER_ID is required"):
        load_settings({"WHATSAPP_APP_SECRET": "s", "WHATSAPP_VERIFY_TOKEN": "v", "WHATSAPP_ACCESS_TOKEN": "t"})
    loaded = load_settings({"MESSENGER_APP_SECRET": "app-secret-1", "MESSENGER_VERIFY_TOKEN": "verify-2",
                            "MESSENGER_PAGE_ACCESS_TOKEN": "page-token-3", "META_GRAPH_API_URL": "http://127.0.0.1:9/v21.0/"})
    assert loaded.messenger_enabled and not loaded.whatsapp_enabled
    assert loaded.meta_graph_api_url == "http://127.0.0.1:9/v21.0"
    assert load_settings({}).meta_graph_api_url.startswith("https://graph.facebook.com/v")
    described = loaded.describe()
    assert all(secret not in described for secret in ("app-secret-1", "verify-2", "page-token-3"))


@pytest.mark.parametrize("platform", ["messenger", "whatsapp"])
async def test_subscription_handshake_needs_the_verify_token(servers, meta_settings, engine, api, platform):
    path = PATHS[platform]
    async with running_gateway(servers, meta_settings, engine) as client:
        ok = await client.get(path, params={"hub.mode": "subscribe", "hub.verify_token": VERIFY[platform],
                                            "hub.challenge": "1158201444"})
        assert (ok.status, ok.content_type, await ok.text()) == (200, "text/plain", "1158201444")
        for params in ({"hub.mode": "subscribe", "hub.verify_token": VERIFY[platform] + "x", "hub.challenge": "1"},
                       {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY[platform], "hub.challenge": "1"},
                       {"hub.mode": "subscribe", "hub.challenge": "1"}):
            refused = await client.get(path, params=params)
            assert refused.status == 403
            assert VERIFY[platform] not in await refused.text()


@pytest.mark.parametrize("platform", ["messenger", "whatsapp"])
async def test_forged_unsigned_or_oversized_webhooks_are_refused_before_parsing(
        servers, meta_settings, engine, api, platform):
    async with running_gateway(servers, meta_settings, engine) as client:
        citizen = Citizen(platform, client, api)
        raw, headers = signed(APP_SECRET[platform], citizen.event("How do I renew my passport?"))
        expected = headers["X-Hub-Signature-256"]
        changed = raw.replace(b"renew", b"renex")
        assert len(changed) == len(raw) and sum(a != b for a, b in zip(raw, changed)) == 1
        _, wrong_secret = signed("another-secret", citizen.event("How do I renew my passport?"))
        sha1 = "sha1=" + hmac.new(APP_SECRET[platform].encode(), raw, hashlib.sha1).hexdigest()
        json_only = {"Content-Type": "application/json"}
        attempts = [
            (raw, json_only),  # no signature
            (raw, {**json_only, "X-Hub-Signature-256": wrong_secret["X-Hub-Signature-256"]}),
            (changed, headers),  # one byte changed after signing
            (raw, {**json_only, "X-Hub-Signature": sha1}),  # Meta's older SHA-1 header alone
            (raw, {**json_only, "X-Hub-Signature-256": sha1}),  # another algorithm
        ]
        for body, sent_headers in attempts:
            response = await client.post(PATHS[platform], data=body, headers=sent_headers)
            assert response.status == 401
            text = await response.text()
            assert (await response.json())["error"] == "unauthorized"
            assert expected not in text and expected[7:20] not in text
        padding = {"object": "page", "pad": "x" * MAX_BODY_BYTES}
        big, big_headers = signed(APP_SECRET[platform], padding)
        too_large = await client.post(PATHS[platform], data=big, headers=big_headers)
        assert too_large.status == 413
        # A refusal is decided before any turn starts, so there is nothing to wait for.
    assert not any("renew" in line["text"] or "renex" in line["text"] for line in citizen_lines(meta_settings, platform))
    assert api.attempts == 0, "a rejected event produces no reply"


async def test_messenger_in_english_question_quick_reply_and_form(servers, meta_settings, engine, api):
    async with running_gateway(servers, meta_settings, engine) as client:
        citizen = Citizen("messenger", client, api)
        helped = await citizen.says("/help", "I can answer questions")
        titles = [title for title, _ in choices("messenger", helped[-1])]
        assert titles == ["Calculate my fee", "Can I renew?", "Talk to an agent"], "short titles, whole words"
        answer = await citizen.says("How much does a passport cost?", "163.50")
        assert answer[-1]["messaging_type"] == "RESPONSE" and "tag" not in answer[-1]
        assert ("Calculate my fee", "/passport_fee_calculator") in choices("messenger", answer[-1])
        form = await citizen.says("Calculate my fee", "Is the passport for an adult",
                                  payload="/passport_fee_calculator")
        assert choices("messenger", form[-1]) == [("Adult", "adult"), ("Child", "child")]
        validity = await citizen.says("Adult", "5 or 10 years", payload="adult")
        assert [payload for _, payload in choices("messenger", validity[-1])] == ["5", "10"]
        # Receipts, echoes and reactions are acknowledged and ignored.
        ignored = await citizen.post(messenger_receipts(citizen.address))
        assert ignored.status == 200
        # The citizen types the number of a choice instead of tapping it.
        await citizen.says("2", "inside Canada or from outside Canada")
    lines = citizen_lines(meta_settings, "messenger")
    assert not any(citizen.address in line["conversation"] or citizen.address in line["text"] for line in lines)
    said = [line["text"] for line in lines if line["sender"] == "citizen"]
    assert "Calculate my fee" in said and "Adult" in said and "10 years" in said, "a choice is kept as shown"


async def test_messenger_in_french_with_accents_signed_as_meta_escapes_them(servers, meta_settings, engine, api):
    async with running_gateway(servers, meta_settings, engine) as client:
        citizen = Citizen("messenger", client, api)
        await citizen.says("Bonjour", "Comment puis-je vous aider")
        helped = await citizen.says("/help", "Je peux répondre")
        titles = [title for title, _ in choices("messenger", helped[-1])]
        assert titles == ["Calculer mes frais", "Puis-je renouveler?", "Parler à un agent"]
        fees = await citizen.says("combien ça coûte un passeport pour un adulte", "163,50 $")
        assert "https://www.canada.ca/fr/" in shown_text("messenger", fees[-1])
        form = await citizen.says("Calculer mes frais", "Calculons", payload="/passport_fee_calculator")
        assert choices("messenger", form[-1]) == [("Adulte", "adult"), ("Enfant", "child")]
        await citizen.says("Adulte", "5 ou 10 ans", payload="adult")
        photo = await citizen.post(citizen.event(attachments=True))
        assert photo.status == 200
        await citizen.receive(say("unsupported_media", "fr"))


async def test_whatsapp_in_english_and_french_with_reply_buttons_and_form(servers, meta_settings, engine, api):
    async with running_gateway(servers, meta_settings, engine) as client:
        english = Citizen("whatsapp", client, api)
        answer = await english.says("How much does a passport cost?", "163.50")
        assert answer[-1]["type"] == "interactive" and answer[-1]["interactive"]["type"] == "button"
        assert ("Calculate my fee", "/passport_fee_calculator") in choices("whatsapp", answer[-1])
        form = await english.says("Calculate my fee", "Is the passport for an adult", payload="/passport_fee_calculator")
        assert choices("whatsapp", form[-1]) == [("Adult", "adult"), ("Child", "child")]
        await english.says("Adult", "5 or 10 years", payload="adult")
        assert (await english.post(whatsapp_statuses(PHONE_ID, english.address))).status == 200

        french = Citizen("whatsapp", client, api)
        await french.says("Bonjour", "Comment puis-je vous aider")
        fees = await french.says("combien ça coûte un passeport pour un adulte", "163,50 $")
        assert "https://www.canada.ca/fr/" in shown_text("whatsapp", fees[-1])
        form = await french.says("Calculer mes frais", "Calculons", payload="/passport_fee_calculator")
        assert choices("whatsapp", form[-1]) == [("Adulte", "adult"), ("Enfant", "child")]
        await french.says("1", "5 ou 10 ans")  # a typed number chooses too
        voice = await french.post(whatsapp_event(PHONE_ID, french.address, {"type": "audio", "audio": {"id": "1"}}))
        assert voice.status == 200
        await french.receive(say("unsupported_media", "fr"))


@pytest.mark.parametrize("platform", ["messenger", "whatsapp"])
async def test_replayed_event_is_processed_once_and_replies_are_retried(servers, meta_settings, engine, api, platform):
    async with running_gateway(servers, meta_settings, engine) as client:
        citizen = Citizen(platform, client, api)
        event = citizen.event("How do I apply for EI?")
        api.fail_next = [500, 429]
        first, again = await citizen.post(event), await citizen.post(event)
        assert (first.status, again.status) == (200, 200)
        await citizen.receive("Employment Insurance")
        assert api.refused[:2] == [500, 429], "the outbox tried again after a 500 and a 429"
        await citizen.says("thanks", "")
    said = [line["text"] for line in citizen_lines(meta_settings, platform) if line["sender"] == "citizen"]
    assert said.count("How do I apply for EI?") == 1


async def officer_sees(officer: Officer, ticket_id: int, text: str) -> Dict[str, Any]:
    """The citizen's line once their turn (in the background) has given it to the officer."""
    for _ in range(600):
        found = [line for line in await officer.transcript(ticket_id)
                 if line["text"] == text and line["status"] == "to_officer"]
        if found:
            return found[-1]
        await asyncio.sleep(0.05)
    raise AssertionError(f"{text!r} never reached the officer")


@asynccontextmanager
async def handed_off(servers, settings: Settings, engine, api: GraphApi, platform: str,
                     language: str) -> AsyncIterator[Tuple[Citizen, Officer, int]]:
    """A citizen on `platform` handed off to Alex, who has claimed the ticket."""
    username = make_officer(settings, name="Alex")
    async with running_gateway(servers, settings, engine) as client:
        citizen = Citizen(platform, client, api)
        async with Officer(base_url(settings)) as officer:
            assert await officer.sign_in(username, PASSWORD) == 303
            ask = "I want to talk to a real person" if language == "en" else "Je veux parler à une vraie personne"
            await citizen.says(ask, "in line" if language == "en" else "rang")
            key = SenderKeys(load_sender_key("", settings.data_dir)).conversation_key(citizen.address)
            ticket = await officer.ticket_for(f"{platform}:{key}")
            await officer.post(f"/console/api/tickets/{ticket['id']}/claim")
            await citizen.receive(say("officer_joined", language, name="Alex"))
            yield citizen, officer, ticket["id"]


def clock_moves(monkeypatch: pytest.MonkeyPatch, ahead: timedelta) -> None:
    monkeypatch.setattr(MetaChannel, "now", staticmethod(lambda: utcnow() + ahead))


async def status_of(officer: Officer, ticket_id: int, text: str) -> str:
    return next(line for line in await officer.transcript(ticket_id) if line["text"] == text)["status"]


@pytest.mark.parametrize("platform,language", [("messenger", "en"), ("whatsapp", "fr")])
async def test_handoff_officer_replies_from_the_console_resolve_and_rating(
        servers, meta_settings, engine, api, platform, language):
    async with handed_off(servers, meta_settings, engine, api, platform, language) as (citizen, officer, ticket):
        hello = "Hello, I'm Alex." if language == "en" else "Bonjour, ici Alex."
        sent = await officer.post(f"/console/api/tickets/{ticket}/messages", {"text": hello})
        assert sent["status"] in ("queued", "sent")  # the outbox marks it sent once the platform took it
        pushed = await citizen.receive(hello)
        if platform == "messenger":
            assert pushed[-1]["messaging_type"] == "RESPONSE"
        response = await citizen.post(citizen.event("my passport was stolen"))
        assert response.status == 200
        await officer_sees(officer, ticket, "my passport was stolen")  # the bot stays silent
        await officer.post(f"/console/api/tickets/{ticket}/resolve", {"outcome": "answered"})
        await citizen.receive(say("handoff_resolved", language))
        await citizen.says("5", say("rating_thanks", language))


async def test_messenger_window_officer_tagged_after_24_hours_refused_after_7_days(
        servers, meta_settings, engine, api, monkeypatch):
    async with handed_off(servers, meta_settings, engine, api, "messenger", "en") as (citizen, officer, ticket):
        clock_moves(monkeypatch, timedelta(hours=25))
        await officer.post(f"/console/api/tickets/{ticket}/messages", {"text": "Still there?"})
        tagged = await citizen.receive("Still there?")
        assert (tagged[-1]["messaging_type"], tagged[-1]["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")
        clock_moves(monkeypatch, timedelta(days=8))
        refused = await officer.post(f"/console/api/tickets/{ticket}/messages", {"text": "Hello again?"}, expect=409)
        assert refused["error"] == "outside_7_day_window"
        assert await status_of(officer, ticket, "Hello again?") == "refused"
        clock_moves(monkeypatch, timedelta(0))
        assert (await citizen.post(citizen.event("are you there?"))).status == 200
        await officer_sees(officer, ticket, "are you there?")  # the window opens again
        await officer.post(f"/console/api/tickets/{ticket}/messages", {"text": "Yes, here."})
        back = await citizen.receive("Yes, here.")
        assert back[-1]["messaging_type"] == "RESPONSE"
    assert "Hello again?" not in [shown_text("messenger", body) for body in tagged + back]


async def test_whatsapp_window_officer_reply_after_24_hours_is_refused_with_the_reason(
        servers, meta_settings, engine, api, monkeypatch):
    async with handed_off(servers, meta_settings, engine, api, "whatsapp", "en") as (citizen, officer, ticket):
        clock_moves(monkeypatch, timedelta(hours=25))
        before = api.attempts
        refused = await officer.post(f"/console/api/tickets/{ticket}/messages", {"text": "Still there?"}, expect=409)
        assert refused["error"] == "outside_24h_window"
        assert api.attempts == before, "nothing was sent to WhatsApp"
        assert await status_of(officer, ticket, "Still there?") == "refused"


def test_the_bot_never_sends_outside_24_hours_and_officers_only_within_their_window():
    messenger, whatsapp = _channels()
    now = utcnow()
    for channel in (messenger, whatsapp):
        channel.now = lambda: now  # type: ignore[method-assign]
        assert channel.human_agent(now - timedelta(hours=23), "bot") is False
        assert channel.human_agent(now - timedelta(hours=23), "officer") is False
        with pytest.raises(NotDeliverable, match="24 hours"):
            channel.human_agent(now - timedelta(hours=25), "bot")
        with pytest.raises(NotDeliverable):
            channel.human_agent(None, "officer")
    assert messenger.human_agent(now - timedelta(days=6), "officer") is True
    with pytest.raises(NotDeliverable) as late:
        messenger.human_agent(now - timedelta(days=8), "officer")
    assert late.value.code == "outside_7_day_window"
    with pytest.raises(NotDeliverable) as closed:
        whatsapp.human_agent(now - timedelta(hours=25), "officer")
    assert closed.value.code == "outside_24h_window"


def _channels():
    from channels.messenger import MessengerChannel
    from channels.whatsapp import WhatsappChannel

    settings = load_settings({"MESSENGER_APP_SECRET": "a", "MESSENGER_VERIFY_TOKEN": "b",
                              "MESSENGER_PAGE_ACCESS_TOKEN": "c", "WHATSAPP_APP_SECRET": "d",
                              "WHATSAPP_VERIFY_TOKEN": "e", "WHATSAPP_ACCESS_TOKEN": "f",
                              "WHATSAPP_PHONE_NUMBER_ID": "1"})
    return MessengerChannel(settings), WhatsappChannel(settings)


def test_buttons_become_native_controls_within_the_limits_and_numbered_choices_beyond():
    from tests.support.graph_api import _messenger_problem, _whatsapp_problem

    messenger, whatsapp = _channels()
    def buttons(count):
        return [{"title": f"Choice {n}", "payload": f"/choice_{n}"} for n in range(1, count + 1)]
    three, = whatsapp.requests("1613", {"text": "Pick one", "buttons": buttons(3)}, "en", False)
    assert three["interactive"]["type"] == "button" and len(choices("whatsapp", three)) == 3
    ten, = whatsapp.requests("1613", {"text": "Pick one", "buttons": buttons(10)}, "fr", False)
    assert ten["interactive"]["type"] == "list" and ten["interactive"]["action"]["button"] == "Choisir"
    eleven, = whatsapp.requests("1613", {"text": "Pick one", "buttons": buttons(11)}, "en", False)
    assert eleven["type"] == "text" and eleven["text"]["body"].endswith("11 for Choice 11.")
    long_body, = whatsapp.requests("1613", {"text": "word " * 250, "buttons": buttons(2)}, "fr", False)
    assert long_body["type"] == "text" and "Répondez 1 pour Choice 1, 2 pour Choice 2." in long_body["text"]["body"]
    huge = whatsapp.requests("1613", {"text": "mot " * 2000}, "fr", False)
    assert len(huge) == 2 and all(len(part["text"]["body"]) <= 4096 for part in huge)
    thirteen, = messenger.requests("42", {"text": "Pick one", "buttons": buttons(13)}, "en", False)
    assert len(choices("messenger", thirteen)) == 13
    fourteen, = messenger.requests("42", {"text": "Pick one", "buttons": buttons(14)}, "en", True)
    assert "quick_replies" not in fourteen["message"] and "14 for Choice 14" in fourteen["message"]["text"]
    assert (fourteen["messaging_type"], fourteen["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")
    long_title = [{"title": "A title that no short title was written for", "payload": "/x"}]
    untitled, = messenger.requests("42", {"text": "Pick", "buttons": long_title}, "en", False)
    assert "quick_replies" not in untitled["message"], "a title is never cut: numbered choices instead"
    for body in (three, ten, eleven, long_body, *huge):
        assert _whatsapp_problem(body) is None
    for body in (thirteen, fourteen, untitled):
        assert _messenger_problem(body) is None


def test_every_channel_that_can_be_turned_on_is_named_for_analytics():
    from bot import analytics
    from bot.gateway.app import citizen_channels
    from channels import NAMES

    messenger, whatsapp = _channels()
    everything = replace(messenger.settings, twilio_account_sid="AC1", twilio_auth_token=Secret("t"))
    names = {channel.name for channel in citizen_channels(everything)}
    assert {"socketio", "sms", "messenger", "whatsapp"} <= names <= set(NAMES)
    today = utcnow().date()
    assert all(analytics.parse_period({"channel": name}, today)[1] == "" for name in NAMES)
