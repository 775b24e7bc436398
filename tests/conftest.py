"""Shared fixtures. Tests are offline and real inside the machine: a real trained model,
the real action server, real SQLite and PostgreSQL, real aiohttp servers on loopback.

The gateway tests run once per database backend (`database_urls` is parametrized); the
model is loaded once per backend and shared by every gateway built in that session.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

os.environ["RASA_TELEMETRY_ENABLED"] = "false"

import uvloop  # noqa: E402

# Rasa imports sanic, which switches the process to uvloop's loop policy on import; a
# switch in the middle of the test session would orphan the session's event loop.
asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())

from tests.support.action_server import ActionServer  # noqa: E402
from bot.engine.embedded import EmbeddedEngine  # noqa: E402
from bot.settings import PROJECT_ROOT, Settings  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from tests.support.background import BackgroundLoop  # noqa: E402
from bot.bench.ports import free_port  # noqa: E402
from tests.support.postgres import PostgresServer, _bindir  # noqa: E402

MODEL = PROJECT_ROOT / "models" / "govbot.tar.gz"


def _required(variable: str) -> bool:
    return os.environ.get(variable) == "1"


@pytest.fixture(scope="session")
def trained_model() -> Path:
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `govbot train` (scripts/test.sh does)")
    return MODEL


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    if _bindir() is None:
        if _required("GOVBOT_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required (GOVBOT_REQUIRE_POSTGRES=1) but not installed")
        pytest.skip("PostgreSQL not installed: scripts/system-packages.sh installs it")
    server = PostgresServer.start()
    yield server
    server.stop()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_urls(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Tuple[str, str]:
    """(transcripts URL, Rasa tracker store URL) for one backend."""
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("sqlite")
        return f"sqlite:///{folder / 'govbot.db'}", f"sqlite:///{folder / 'trackers.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(), server.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A new database of each backend, migrated, for every test."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database()
    database = Database(url)
    database.upgrade_schema()
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def servers() -> Iterator[BackgroundLoop]:
    """The event loop (in its own thread) that hosts the engine, actions and gateways."""
    loop = BackgroundLoop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def action_server(servers: BackgroundLoop) -> Iterator[ActionServer]:
    server = ActionServer(PROJECT_ROOT, free_port())
    servers.run(server.start())
    yield server
    servers.run(server.stop())


@pytest.fixture(scope="session")
def engine(
    servers: BackgroundLoop, trained_model: Path, database_urls: Tuple[str, str]
) -> Iterator[EmbeddedEngine]:
    """The default engine: the model and the custom actions in this process."""
    loaded = EmbeddedEngine(trained_model, database_urls[1])
    servers.run(loaded.start())
    yield loaded
    servers.run(loaded.close())


@pytest.fixture(scope="session")
def engine_with_action_server(
    servers: BackgroundLoop, trained_model: Path, database_urls: Tuple[str, str], action_server: ActionServer,
) -> Iterator[EmbeddedEngine]:
    """An engine whose actions run in a separate action server (GOVBOT_ACTIONS_URL)."""
    loaded = EmbeddedEngine(
        trained_model, database_urls[1], f"http://127.0.0.1:{action_server.port}/webhook"
    )
    servers.run(loaded.start())
    yield loaded
    servers.run(loaded.close())


@pytest.fixture
def settings(database_urls: Tuple[str, str], tmp_path: Path) -> Settings:
    return replace(
        Settings(),
        data_dir=tmp_path,
        database_url=database_urls[0],
        tracker_store_url=database_urls[1],
        rate_limit_per_minute=1000,
        client_rate_limit_per_minute=100_000,  # every test client is 127.0.0.1
        port=free_port(),
        office_hours_file=PROJECT_ROOT / "tests" / "support" / "always_open_hours.yml",
    )


# The fast tier (`pytest -m "not slow"`, README): everything that needs a trained model, a
# browser, PostgreSQL, Redis, a Rasa server or an action server is slow, found by the
# fixtures it uses, so a new test is put in the right tier without anyone remembering to.
SLOW_FIXTURES = {"trained_model", "postgres", "engine", "engine_with_action_server", "action_server",
                 "redis", "rasa_server", "cluster", "browser", "page"}


def pytest_collection_modifyitems(config: pytest.Config, items: List[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and "postgresql" in callspec.params.values()
        if fixtures & SLOW_FIXTURES or on_postgres:
            item.add_marker(pytest.mark.slow)
