"""Rasa's Socket.IO contract against the real gateway on loopback, with python-socketio's
AsyncClient (what Rasa web widgets speak): questions and answers in English and French,
buttons as quick replies, a handoff whose officer replies reach the socket, and the web
chat's limits (Origin rule, sockets per address, message length and rate)."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from typing import Any, Callable, Dict, List, Optional

import pytest
import socketio

from bot.storage import transcripts
from bot.storage.database import Database
from bot.texts import say
from tests.support.console_client import Officer
from tests.support.gateway import running_gateway
from tests.test_handoff_flow import PASSWORD, base_url, make_officer

Event = Dict[str, Any]


class Widget:
    """A Rasa web widget: one Socket.IO connection, every bot_uttered kept in order."""

    def __init__(self, port: int, headers: Optional[Dict[str, str]] = None, transport: str = "websocket") -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.headers = headers or {}
        self.transport = transport
        self.client = socketio.AsyncClient(reconnection=False)
        self.uttered: "asyncio.Queue[Event]" = asyncio.Queue()
        self.confirmed: "asyncio.Queue[str]" = asyncio.Queue()
        self.client.on("bot_uttered", self.uttered.put)
        self.client.on("session_confirm", self.confirmed.put)
        self.session = ""

    async def connect(self, session_id: Optional[str] = None) -> str:
        await self.client.connect(self.url, headers=self.headers, socketio_path="socket.io",
                                  transports=[self.transport], wait_timeout=10)
        await self.client.emit("session_request", {"session_id": session_id})
        self.session = await asyncio.wait_for(self.confirmed.get(), 10)
        return self.session

    async def say(self, message: str, **extra: Any) -> None:
        await self.client.emit("user_uttered", {"message": message, "session_id": self.session, **extra})

    async def until(self, done: Callable[[Event], bool], timeout: float = 60) -> List[Event]:
        """Every bot_uttered up to and including the first that `done` accepts."""
        seen: List[Event] = []
        while True:
            event = await asyncio.wait_for(self.uttered.get(), timeout)
            seen.append(event)
            if done(event):
                return seen

    async def ask(self, message: str, expected: str, **extra: Any) -> List[Event]:
        await self.say(message, **extra)
        return await self.until(lambda event: expected in event.get("text", ""))

    async def close(self) -> None:
        if self.transport == "polling":  # the client's polite close waits out its long-poll (30 s)
            await self.client.eio.disconnect(abort=True)
        else:
            await self.client.disconnect()


def stored_texts(settings, session: str) -> List[Dict[str, Any]]:
    db = Database(settings.transcripts_url)
    try:
        return db.run(transcripts.history, f"socketio:{session}", 500, False)
    finally:
        db.dispose()


async def test_english_question_answer_and_buttons_as_quick_replies(servers, settings, engine):
    async with running_gateway(servers, settings, engine):
        widget = Widget(settings.port)
        session = await widget.connect()
        assert re.fullmatch(r"[0-9a-f]{32}", session)
        events = await widget.ask("How much does a passport cost?", "163.50")
        answer = events[-1]
        assert answer["quick_replies"] == [
            {"content_type": "text", "title": "Calculate my fee", "payload": "/passport_fee_calculator"}]
        assert set(answer) == {"text", "quick_replies"}, "Rasa's shape, nothing of the storage"
        assert any("Hello! Bonjour!" in event.get("text", "") for event in events)

        # A click on a quick reply comes back as its payload.
        calculator = await widget.ask("/passport_fee_calculator", "Is the passport for an adult")
        assert [reply["payload"] for reply in calculator[-1]["quick_replies"]] == ["adult", "child"]
        await widget.close()
    lines = stored_texts(settings, session)
    assert [line["text"] for line in lines if line["sender"] == "citizen"] == [
        "How much does a passport cost?", "/passport_fee_calculator"]


async def test_long_polling_transport_works_too(servers, settings, engine):
    """Widgets start on HTTP long-polling where WebSockets are blocked."""
    async with running_gateway(servers, settings, engine):
        widget = Widget(settings.port, transport="polling")
        await widget.connect()
        await widget.ask("How do I get a SIN?", "Social Insurance Number")
        await widget.close()


async def test_french_conversation_and_a_resumed_session(servers, settings, engine):
    async with running_gateway(servers, settings, engine):
        widget = Widget(settings.port)
        session = await widget.connect()
        await widget.ask("Bonjour", "Comment puis-je vous aider", metadata={"language": "fr"})
        await widget.ask("combien ça coûte un passeport pour un adulte", "163,50 $")
        await widget.close()

        again = Widget(settings.port)  # a reload: the widget kept its session id
        assert await again.connect(session) == session
        await again.ask("ok", "Puis-je vous aider pour autre chose")
        await again.close()

        stranger = Widget(settings.port)  # a made-up id is not a session: a new one is given
        assert await stranger.connect("not-a-session") != "not-a-session"
        await stranger.close()


async def test_handoff_and_the_officer_reply_reaches_the_socket(servers, settings, engine):
    username = make_officer(settings, name="Alex")
    async with running_gateway(servers, settings, engine):
        widget = Widget(settings.port)
        session = await widget.connect()
        await widget.say("I want to talk to a real person")
        await widget.until(lambda event: "in line" in event.get("text", ""))
        await widget.say("my passport was stolen yesterday")  # to the officer: the bot is silent
        # the desk says the message will be read (bot/handoff/desk.py `intercept`)
        await widget.until(lambda event: "your message will be read" in event.get("text", ""))

        async with Officer(base_url(settings)) as officer:
            assert await officer.sign_in(username, PASSWORD) == 303
            ticket = await officer.ticket_for(f"socketio:{session}")
            await officer.post(f"/console/api/tickets/{ticket['id']}/claim")
            joined = await widget.until(lambda event: True)
            assert joined[0]["text"] == say("officer_joined", "en", name="Alex")
            await officer.post(f"/console/api/tickets/{ticket['id']}/messages", {"text": "Hello, I'm Alex."})
            pushed = await widget.until(lambda event: True)
            assert pushed == [{"text": "Hello, I'm Alex."}], "pushed at once, not with the next reply"
            transcript = await officer.transcript(ticket["id"])
            assert any(line["text"] == "my passport was stolen yesterday" for line in transcript)
        await widget.close()


async def test_origin_rule_and_sockets_per_address(servers, settings, engine):
    capped = replace(settings, max_sockets_per_client=2)
    async with running_gateway(servers, capped, engine):
        with pytest.raises(socketio.exceptions.ConnectionError):
            await Widget(capped.port, {"Origin": "https://evil.example"}).connect()
        own = Widget(capped.port, {"Origin": f"http://127.0.0.1:{capped.port}"})
        await own.connect()
        second = Widget(capped.port)
        await second.connect()
        with pytest.raises(socketio.exceptions.ConnectionError):
            await Widget(capped.port).connect()
        await second.close()
        third = Widget(capped.port)  # a closed socket frees its place
        await third.connect()
        await third.close()
        await own.close()


async def test_message_length_and_rate_limits(servers, settings, engine):
    limited = replace(settings, max_message_chars=50, client_rate_limit_per_minute=3)
    async with running_gateway(servers, limited, engine):
        widget = Widget(limited.port)
        await widget.connect()
        await widget.ask("How do I renew my passport? " * 3, say("too_long", "en", limit=50))
        await widget.ask("hello", "Hello")
        await widget.ask("how do I get a SIN", "Social Insurance Number")
        await widget.ask("how do I apply for EI", say("rate_limited", "en"))
        await widget.client.emit("user_uttered", {"session_id": widget.session})  # no message: ignored
        await widget.client.emit("user_uttered", "a string")  # not an object: ignored, socket stays
        assert widget.client.connected
        await widget.close()
