"""GET /metrics: Prometheus text with message, handoff, engine and queue figures."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import aiohttp

from bot.gateway.metrics import Metrics
from bot.settings import Secret
from tests.support.gateway import new_sender, rest, running_gateway


def value(body: str, name: str, **labels: str) -> float:
    for line in body.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            found = dict(re.findall(r'(\w+)="([^"]*)"', line.split(" ")[0]))
            if all(found.get(k) == v for k, v in labels.items()):
                return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_metrics_count_messages_handoffs_and_the_queue(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        async with client.get("/metrics") as response:
            before = await response.text()
        sender = new_sender()
        await rest(client, sender, "how much is a passport?")
        await rest(client, sender, "combien coûte un passeport?")
        await rest(client, sender, "I want to talk to a person")
        await rest(client, sender, "hello?")  # goes to the officer queue
        async with client.get("/metrics") as response:
            assert response.status == 200
            assert response.content_type == "text/plain"
            body = await response.text()
    assert "# TYPE govbot_messages_total counter" in body
    assert value(body, "govbot_messages_total", channel="rest", language="en", outcome="answered", nlu="understood") >= 2
    assert value(body, "govbot_messages_total", channel="rest", language="fr", outcome="answered", nlu="understood") >= 1
    assert value(body, "govbot_messages_total", channel="rest", outcome="to_officer") >= 1
    assert value(body, "govbot_handoffs_total", reason="citizen_request", team="passport", language="en") >= 1
    assert value(body, "govbot_engine_seconds_count", channel="rest") == 3
    assert value(body, "govbot_engine_seconds_bucket", channel="rest", le="+Inf") == 3
    waiting = value(body, "govbot_queue_tickets", status="waiting", team="passport", language="en")
    assert waiting == value(before, "govbot_queue_tickets", status="waiting", team="passport", language="en") + 1


def test_histogram_buckets_are_cumulative_and_labels_escaped():
    metrics = Metrics()
    for seconds in (0.01, 0.2, 0.2, 3.0):
        metrics.engine_latency('we"b', seconds)
    body = metrics.render({}, 0)
    assert 'govbot_engine_seconds_bucket{channel="we\\"b",le="0.025"} 1' in body
    assert 'govbot_engine_seconds_bucket{channel="we\\"b",le="0.25"} 3' in body
    assert 'govbot_engine_seconds_bucket{channel="we\\"b",le="+Inf"} 4' in body
    assert 'govbot_engine_seconds_count{channel="we\\"b"} 4' in body


async def fetch(client: aiohttp.ClientSession, path: str, **kwargs: Any):
    async with client.get(path, allow_redirects=False, **kwargs) as response:
        return response.status, response.headers.copy(), await response.text()


async def test_metrics_need_the_token_or_this_machine(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        assert (await fetch(client, "/metrics"))[0] == 200, "this machine, no token set"
        status, _, body = await fetch(client, "/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
        assert status == 403 and "govbot_" not in body, "a proxy on this machine forwards the world"
    protected = replace(settings, metrics_token=Secret("scrape-token-123"))
    async with running_gateway(servers, protected, engine) as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "scrape-token-123"}):
            status, sent, body = await fetch(client, "/metrics", headers=headers)
            assert status == 401 and sent["WWW-Authenticate"].startswith("Bearer") and "govbot_" not in body
        status, _, body = await fetch(client, "/metrics", headers={"Authorization": "Bearer scrape-token-123"})
        assert status == 200 and "# TYPE govbot_messages_total counter" in body
