"""Floods and oversized messages (issue 11, defects 1 and 4), against the real gateway.

One huge message must not freeze the other channels; refused messages are kept only as a
short redacted excerpt; a client rotating sender ids meets the per-address limit; web chat
sockets per address are capped; X-Forwarded-For counts only from a trusted proxy."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import aiohttp
import pytest

from bot.texts import say
from tests.support.gateway import new_sender, rest, running_gateway, stored, texts
from bot.bench.ports import free_port

SIN = "046 454 286"
EXCERPT_CHARS = 200


async def test_a_huge_message_is_refused_politely_while_health_still_answers(servers, settings, engine):
    sender = new_sender()
    huge = "a" * 120_000 + " " + SIN  # the shape that once held the event loop for ~17 s
    async with running_gateway(servers, settings, engine) as client:
        message = asyncio.ensure_future(client.post("/webhooks/rest/webhook", json={"sender": sender, "message": huge}))
        # A hang guard, not a benchmark: the other routes keep answering while it is handled.
        for _ in range(3):
            async with asyncio.timeout(10):
                async with client.get("/health") as health:
                    assert health.status == 200
        async with asyncio.timeout(30):
            response = await message
        assert response.status == 200
        assert texts(await response.json()) == say("too_long", "en", limit=settings.max_message_chars)
        async with client.post("/webhooks/rest/webhook", json={"sender": sender, "message": "b" * 300_000}) as too_big:
            assert too_big.status == 413 and (await too_big.json())["error"] == "too_large"
        async with client.get("/health") as health:
            assert health.status == 200


async def test_refused_messages_are_stored_as_a_short_redacted_excerpt(servers, settings, engine):
    limited = replace(settings, max_message_chars=300, rate_limit_per_minute=1)
    sender = new_sender()
    long_text = f"my SIN is {SIN} " + "and a very long story " * 500
    async with running_gateway(servers, limited, engine) as client:
        too_long = await rest(client, sender, long_text)
        await rest(client, sender, "hello")
        too_fast = await rest(client, sender, f"again {SIN} " + "x" * 250)
    assert texts(too_long) == say("too_long", "en", limit=300)
    assert texts(too_fast) == say("rate_limited", "en")
    citizen = [line for line in stored(limited, sender) if line["sender"] == "citizen"]
    assert [line["status"] for line in citizen] == ["too_long", "answered", "rate_limited"]
    assert citizen[0]["text"].startswith("my SIN is [SIN] and a very long story")
    assert len(citizen[0]["text"]) <= EXCERPT_CHARS and len(citizen[2]["text"]) <= EXCERPT_CHARS
    assert all(SIN not in line["text"] for line in citizen)


async def test_rotating_sender_ids_meet_the_per_address_limit_and_are_not_stored(servers, settings, engine):
    limited = replace(settings, client_rate_limit_per_minute=4)
    senders = [new_sender() for _ in range(7)]
    async with running_gateway(servers, limited, engine) as client:
        replies = [await rest(client, sender, "hello") for sender in senders]
    refused = [sender for sender, reply in zip(senders, replies) if texts(reply) == say("rate_limited", "en")]
    assert refused == senders[4:], "a new sender id per message does not escape the address's limit"
    assert all(stored(limited, sender) == [] for sender in refused), "nothing of a turned-away flood is stored"
    assert all(stored(limited, sender) for sender in senders[:4])


async def test_x_forwarded_for_counts_only_from_a_trusted_proxy(servers, settings, engine):
    async def burst(configured, forwarded_for) -> int:
        async with running_gateway(servers, configured, engine) as client:
            refused = 0
            for index, address in enumerate(forwarded_for):
                async with client.post("/webhooks/rest/webhook", json={"sender": new_sender(), "message": "hi"},
                                       headers={"X-Forwarded-For": address}) as response:
                    refused += texts(await response.json()) == say("rate_limited", "en")
            return refused

    addresses = [f"203.0.113.{index}" for index in range(6)]
    untrusted = replace(settings, client_rate_limit_per_minute=3)
    assert await burst(untrusted, addresses) == 3, "a header from anyone is ignored: all from 127.0.0.1"
    trusted = replace(untrusted, trusted_proxies=("127.0.0.1/32",), port=free_port())
    assert await burst(trusted, addresses) == 0, "behind a trusted proxy, each forwarded client has its own limit"
    spoofed = [f"198.51.100.{index}, 10.9.9.9" for index in range(6)]  # the proxy appends the real client
    assert await burst(replace(trusted, port=free_port()), spoofed) == 3


async def test_web_chat_sockets_per_address_are_capped(servers, settings, engine):
    capped = replace(settings, max_sockets_per_client=3)
    async with running_gateway(servers, capped, engine) as client:
        sockets = [await client.ws_connect("/webchat/ws") for _ in range(3)]
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/webchat/ws")
        assert refused.value.status == 429
        for socket in sockets:
            await socket.send_str(json.dumps({"type": "hello"}))
            assert (await socket.receive_json(timeout=10))["type"] == "welcome"
            await socket.close()
        for _ in range(100):  # the server releases a slot once it has seen the close: wait for it
            try:
                again = await client.ws_connect("/webchat/ws")
                break
            except aiohttp.WSServerHandshakeError:
                await asyncio.sleep(0.05)
        else:
            pytest.fail("closed sockets never gave their slots back")
        await again.close()
