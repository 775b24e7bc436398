"""REST with ?stream=true: Rasa's newline-delimited JSON, read line by line as `rasa shell`
reads it, in English and French; the plain endpoint keeps its JSON array; the same limits,
redaction and errors as REST."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Dict, List

import aiohttp
from rasa.core.channels.console import _send_message_receive_stream

from bot.texts import say
from tests.support.gateway import new_sender, rest, running_gateway, stored, texts

STREAM = "/webhooks/rest/webhook?stream=true"


async def stream(client: aiohttp.ClientSession, sender: str, message: str) -> List[Dict[str, Any]]:
    """Each line on its own, as it comes: every line is one whole JSON object."""
    lines = []
    async with client.post(STREAM, json={"sender": sender, "message": message}) as response:
        assert response.status == 200, await response.text()
        assert response.content_type == "text/event-stream"
        async for line in response.content:  # aiohttp yields one line at a time
            assert line.endswith(b"\n"), "every message is a whole line"
            lines.append(json.loads(line))
    return lines


async def test_english_question_streams_one_message_per_line(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        sender = new_sender()
        lines = await stream(client, sender, "How much does a passport cost?")
    assert len(lines) >= 2, lines
    assert all(line["recipient_id"] == sender for line in lines)
    assert "Hello! Bonjour!" in lines[0]["text"]
    assert "163.50" in lines[-1]["text"]
    assert lines[-1]["buttons"] == [{"title": "Calculate my fee", "payload": "/passport_fee_calculator"}]


async def test_french_conversation_streams_in_french(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        sender = new_sender()
        greeting = await stream(client, sender, "Bonjour")
        fees = await stream(client, sender, "combien ça coûte un passeport pour un adulte")
    assert "Comment puis-je vous aider" in texts(greeting)
    assert "163,50 $" in texts(fees)


async def test_rasa_shell_client_reads_the_stream(servers, settings, engine):
    async with running_gateway(servers, settings, engine):
        sender = new_sender()
        replies = [reply async for reply in _send_message_receive_stream(
            f"http://127.0.0.1:{settings.port}", "", sender, "How do I get a SIN?")]
    assert "Social Insurance Number" in texts(replies)


async def test_plain_endpoint_is_still_a_json_array_and_other_values_are_plain(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        sender = new_sender()
        plain = await rest(client, sender, "hello")
        async with client.post("/webhooks/rest/webhook?stream=false", json={"sender": sender, "message": "hi"}) as r:
            assert r.content_type == "application/json"
            assert isinstance(await r.json(), list)
    assert isinstance(plain, list) and plain


async def test_stream_has_rest_errors_limits_and_redaction(servers, settings, engine):
    limited = replace(settings, max_message_chars=60, rate_limit_per_minute=2)
    sender = new_sender()
    async with running_gateway(servers, limited, engine) as client:
        bad = await client.post(STREAM, data=b"{nope", headers={"Content-Type": "application/json"})
        no_sender = await client.post(STREAM, json={"message": "hi"})
        huge = await client.post(STREAM, json={"sender": "x", "message": "a" * 400_000})
        too_long = await stream(client, sender, "How do I renew my passport? " * 5)
        redacted = await stream(client, sender, "my SIN is 046 454 286")
        await stream(client, sender, "hello")
        limited_reply = await stream(client, sender, "how do I apply for EI")
    assert (bad.status, (await bad.json())["error"]) == (400, "bad_json")
    assert (no_sender.status, (await no_sender.json())["error"]) == (400, "bad_shape")
    assert huge.status == 413
    assert texts(too_long) == say("too_long", "en", limit=60)
    assert say("redacted", "en") in texts(redacted)
    assert texts(limited_reply) == say("rate_limited", "en")
    kept = " ".join(line["text"] for line in stored(limited, sender))
    assert "046 454 286" not in kept and "[SIN]" in kept
