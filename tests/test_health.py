"""GET /health (bot/gateway/health.py) answers 503, naming the part, when the database is
unreachable or the engine cannot answer (a dead engine worker: tests/test_engine_workers.py)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from bot.engine.embedded import EmbeddedEngine
from bot.settings import Settings
from tests.support.gateway import running_gateway
from tests.support.postgres import PostgresServer, _bindir


@pytest.fixture
def one_backend(settings: Settings, database_urls) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("HTTP behaviour, run once on SQLite")
    return settings


async def test_health_fails_when_the_engine_has_no_model(servers, one_backend, trained_model):
    not_loaded = EmbeddedEngine(trained_model, one_backend.trackers_url)  # never started
    async with running_gateway(servers, one_backend, not_loaded) as client:
        async with client.get("/health") as response:
            assert response.status == 503
            assert await response.json() == {"status": "unavailable",
                                             "checks": {"database": "ok", "engine": "model not loaded",
                                                        "spool": "ok"}}


async def test_health_fails_when_the_database_is_unreachable(servers, one_backend, engine):
    if _bindir() is None:
        pytest.skip("PostgreSQL not installed")
    own = PostgresServer.start()  # this test stops it: not the session's server
    try:
        settings = replace(one_backend, database_url=own.create_database())
        async with running_gateway(servers, settings, engine) as client:
            async with client.get("/health") as response:
                assert response.status == 200
                assert await response.json() == {"status": "ok", "checks": {"database": "ok", "engine": "ok",
                                                                                "spool": "ok"}}
            await asyncio.to_thread(own.stop)
            async with client.get("/health") as response:
                assert response.status == 503
                assert await response.json() == {"status": "unavailable",
                                                 "checks": {"database": "unreachable", "engine": "ok",
                                                            "spool": "ok"}}
    finally:
        own.stop()
