"""Typing indicators both ways (bot/handoff/typing.py), through the real gateway on loopback
with RemoteEngine on a Rasa emulator that answers "a person please" with a handoff request:
the web chat's citizen typing reaches the holding officer's console socket, the officer's
typing reaches the web chat with their first name, Telegram as sendChatAction and Messenger
as the sender action typing_on (each platform's local emulator checks the call). Only an
account that may act on an active ticket sends one; nothing is stored, queued or retried.
The throttle's clock is moved, never waited out."""

from __future__ import annotations

import asyncio
import logging
import uuid
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, AsyncIterator, Dict, List, Tuple

import aiohttp
import pytest

from bot.engine.remote import RemoteEngine
from bot.gateway.keys import DESK, TYPING
from bot.handoff import accounts, queue
from bot.handoff.typing import Throttle, TypingRelay, first_name
from bot.settings import Secret, Settings
from bot.storage.database import Database
from bot.storage.models import Message, OutboxLine
from bot.texts import say
from tests.support.console_client import Officer
from tests.support.gateway import start_gateway
from tests.support.graph_api import GraphApi, messenger_event, shown_text, signed
from tests.support.rasa_emulator import RasaEmulator
from tests.support.telegram_emulator import BotApiEmulator
from tests.test_webchat_delivery import Frame, chat, rasa, read_until  # noqa: F401  (rasa: a fixture)

PASSWORD = "officer password 2026"
HANDOFF = [{"custom": {"type": "handoff_request", "version": 1, "reason": "citizen_request",
                       "priority": "normal", "topic": "general", "language": "en", "last_intent": None}}]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- units ---------------------------------------------------------------------------


def test_the_throttle_lets_one_signal_through_per_key_and_interval():
    clock = Clock()
    throttle = Throttle(2.0, clock)
    assert throttle.allow("a")
    assert not throttle.allow("a"), "a second signal within the interval is dropped"
    assert throttle.allow("b"), "each conversation (or officer and ticket) has its own interval"
    clock.now += 1.9
    assert not throttle.allow("a")
    clock.now += 0.1
    assert throttle.allow("a")


def test_the_citizen_is_told_the_officers_first_name_only():
    assert first_name("Marie Tremblay") == "Marie"
    assert first_name("  Marie-Ève   Gagnon-Roy ") == "Marie-Ève"
    assert first_name("Alex") == "Alex"
    assert first_name("") == ""
    assert say("officer_joined_f", "fr", name=first_name("Marie Tremblay")).startswith("Marie, agente")


# --- through the gateway ---------------------------------------------------------------


def add_officer(db: Database, name: str, **kwargs: Any) -> Tuple[int, str]:
    username = f"agent{uuid.uuid4().hex[:8]}"
    officer_id = db.run(lambda s: accounts.add_officer(s, username, PASSWORD, display_name=name,
                                                       teams=("general",), languages=("en",), **kwargs).id)
    return officer_id, username


def stored(db: Database, conversation: str) -> Tuple[int, int]:
    """(transcript lines, outbox lines) of a conversation."""
    return db.run(lambda s: (s.query(Message).filter(Message.conversation_id == conversation).count(),
                             s.query(OutboxLine).filter(OutboxLine.conversation_id == conversation).count()))


@asynccontextmanager
async def gateway(settings: Settings, rasa: RasaEmulator) -> AsyncIterator[Tuple[Any, Database, Clock]]:  # noqa: F811
    rasa.scripted["a person please"] = HANDOFF
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    engine = RemoteEngine(rasa.url)
    await engine.start()
    runner = await start_gateway(settings, engine)
    clock = Clock()
    runner.app[TYPING].clock = clock
    try:
        yield runner.app, db, clock
    finally:
        await runner.cleanup()
        await engine.close()
        db.dispose()


async def next_event(socket: aiohttp.ClientWebSocketResponse, kind: str) -> Dict[str, Any]:
    while True:
        event = await socket.receive_json(timeout=30)
        if event.get("type") == kind:
            return event


async def test_web_chat_citizen_and_holding_officer_see_each_other_typing(settings, rasa):  # noqa: F811
    async with gateway(settings, rasa) as (app, db, clock):
        relay: TypingRelay = app[TYPING]
        marie, marie_login = add_officer(db, "Marie Tremblay", gender="f")
        sam, _ = add_officer(db, "Sam Roy")  # serves the same queue: may read the ticket, not act on it
        base = f"http://127.0.0.1:{settings.port}"
        async with aiohttp.ClientSession(base_url=base) as client, chat(client) as (citizen, conversation, _):
            key = f"webchat:{conversation}"
            await citizen.send_json({"type": "message", "text": "a person please", "client_id": "handoff-0001"})
            await read_until(citizen, lambda frame: "in line" in str(frame.get("text")))
            ticket = db.run(lambda s: queue.open_ticket(s, key).id)
            assert not await relay.citizen_typing(key), "a waiting ticket: no officer to tell"
            clock.now += 5
            assert not await relay.officer_typing(marie, ticket), "not claimed: Marie may not act on it yet"

            async with Officer(base) as officer:
                assert await officer.sign_in(marie_login, PASSWORD) == 303
                console = await officer.http.ws_connect("/console/ws")
                assert (await console.receive_json(timeout=30))["type"] == "hello"
                await officer.post(f"/console/api/tickets/{ticket}/claim")
                joined = (await read_until(citizen, lambda frame: frame.get("type") == "message"))[-1]
                assert joined["text"] == say("officer_joined_f", "en", name="Marie")
                assert "Tremblay" not in joined["text"], "the citizen sees the first name only"
                before = stored(db, key)

                # citizen -> officer: the console hears it live, with the ticket id only
                clock.now += 5
                await citizen.send_json({"type": "typing"})
                heard = await next_event(console, "citizen_typing")
                assert not await relay.citizen_typing(key), "throttled: one signal per interval"
                assert {name: heard[name] for name in ("type", "ticket_id")} == {"type": "citizen_typing",
                                                                             "ticket_id": ticket}
                assert set(heard) <= {"type", "ticket_id", "kind"}, "ids only, never what is typed"

                # officer -> citizen: the first name, marked as the officer's
                clock.now += 5
                await console.send_json({"type": "typing", "ticket_id": ticket})
                typing = (await read_until(citizen, lambda frame: frame.get("type") == "typing"))[-1]
                assert typing == {"type": "typing", "on": True, "sender": "officer", "name": "Marie"}

                assert not await relay.officer_typing(marie, ticket), "throttled: one signal per interval"
                # deny by default: another officer who may read it, an unknown ticket, a bad frame
                clock.now += 5
                assert not await relay.officer_typing(sam, ticket)
                assert not await relay.officer_typing(marie, ticket + 10_000)
                await relay.console_frame(marie, '{"type": "typing", "ticket_id": "1"}')
                await relay.console_frame(marie, "not json")
                assert await relay.officer_typing(marie, ticket)

                assert stored(db, key) == before, "a typing signal is never stored nor queued"
                lines = await officer.transcript(ticket)
                assert not [line for line in lines if "typing" in (line["text"] or "")]

                await app[DESK].resolve(marie, ticket, "answered")
                clock.now += 5
                assert not await relay.officer_typing(marie, ticket), "a resolved ticket takes no typing"
                await console.close()


async def test_telegram_citizen_sees_the_officer_typing_as_a_chat_action(settings, rasa):  # noqa: F811
    async with BotApiEmulator() as telegram:
        tg_settings = replace(settings, telegram_token=Secret(telegram.token),
                              telegram_api_base_url=telegram.base_url.removesuffix("/bot"))
        async with gateway(tg_settings, rasa) as (app, db, clock):
            marie, _ = add_officer(db, "Marie Tremblay")
            chat_id = 7000 + uuid.uuid4().int % 1000
            telegram.push_text(chat_id, "a person please")
            queued = await telegram.wait_for_messages(chat_id, 1, timeout=30)
            ticket = db.run(lambda s: queue.open_ticket(s, f"telegram:{chat_id}").id)
            assert await app[DESK].claim(marie, ticket) == ticket
            joined = (await telegram.wait_for_messages(chat_id, len(queued) + 1, timeout=30))[-1]
            assert joined["text"] == say("officer_joined", "en", name="Marie")
            telegram.chat_actions.clear()
            before = stored(db, f"telegram:{chat_id}")

            assert await app[TYPING].officer_typing(marie, ticket)
            assert telegram.chat_actions == [{"chat_id": chat_id, "action": "typing"}]
            assert len(telegram.sent_messages(chat_id)) == len(queued) + 1, "no message, only the action"
            assert stored(db, f"telegram:{chat_id}") == before


async def test_messenger_citizen_sees_typing_on_and_a_failure_is_dropped_not_retried(
        settings, rasa, caplog):  # noqa: F811
    async with GraphApi("page-token", "wa-token", "109876543210") as api:
        meta_settings = replace(settings, socketio_enabled=False, outbox_retry_seconds=0.05,
                                messenger_app_secret=Secret("messenger-secret"),
                                messenger_verify_token=Secret("verify"),
                                messenger_page_access_token=Secret("page-token"), meta_graph_api_url=api.url)
        async with gateway(meta_settings, rasa) as (app, db, clock):
            marie, _ = add_officer(db, "Marie Tremblay")
            psid = "7" + str(uuid.uuid4().int)[:15]
            base = f"http://127.0.0.1:{settings.port}"
            async with aiohttp.ClientSession(base_url=base) as client:
                raw, headers = signed("messenger-secret", messenger_event(psid, text="a person please"))
                async with client.post("/webhooks/facebook/webhook", data=raw, headers=headers) as response:
                    assert response.status == 200
            while "in line" not in shown_text("messenger", await api.next_message("messenger")):
                pass
            conversation = db.run(lambda s: s.query(Message.conversation_id).filter(
                Message.channel == "messenger", Message.text == "a person please").order_by(Message.id.desc()).first()[0])
            ticket = db.run(lambda s: queue.open_ticket(s, conversation).id)
            assert await app[DESK].claim(marie, ticket) == ticket
            joined = shown_text("messenger", await api.next_message("messenger"))
            assert joined == say("officer_joined", "en", name="Marie")
            before, attempts = stored(db, conversation), api.attempts

            assert await app[TYPING].officer_typing(marie, ticket)
            assert await asyncio.wait_for(api.actions.get(), 10) == {"recipient": {"id": psid},
                                                                      "sender_action": "typing_on"}

            api.fail_next = [500]
            clock.now += 5
            with caplog.at_level(logging.INFO, logger="bot.handoff.typing"):
                assert not await app[TYPING].officer_typing(marie, ticket)
            assert api.attempts == attempts + 2, "one call each: the failed one is not retried"
            assert api.actions.empty()
            logged = [record.getMessage() for record in caplog.records if record.name == "bot.handoff.typing"]
            assert logged and all(psid not in line and "Marie" not in line for line in logged)
            assert stored(db, conversation) == before
