"""WebSocket handshakes (/webchat/ws, /console/ws) from another site's page are refused
with 403; the page's own origin, listed origins and non-browser clients (no Origin) are not
(bot/gateway/clients.py, origin_allowed)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Dict, Optional

import aiohttp
import pytest

from bot.handoff import accounts
from bot.settings import Settings
from bot.storage.database import Database
from tests.support.console_client import Officer
from tests.support.gateway import running_gateway

PASSWORD = "security password 2026"


@pytest.fixture
def one_backend(settings: Settings, database_urls) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("HTTP behaviour, run once on SQLite")
    return settings


def base(settings: Settings) -> str:
    return f"http://127.0.0.1:{settings.port}"


async def handshake(url: str, origin: Optional[str], cookies: Optional[Dict[str, str]] = None) -> int:
    headers = {"Origin": origin} if origin is not None else {}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    async with aiohttp.ClientSession() as http:
        try:
            async with http.ws_connect(url, headers=headers) as socket:
                await socket.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def test_websockets_refuse_other_sites_pages(servers, one_backend, engine):
    settings = replace(one_backend, allowed_origins=("https://chat.canada.ca",))
    username = f"agent{uuid.uuid4().hex[:8]}"
    database = Database(settings.transcripts_url)
    database.upgrade_schema()
    database.run(lambda s: accounts.add_officer(s, username, PASSWORD))
    database.dispose()
    own = base(settings)
    async with running_gateway(servers, settings, engine):
        async with Officer(own) as officer:
            assert await officer.sign_in(username, PASSWORD) == 303
            session = {c.key: c.value for c in officer.http.cookie_jar}
            for path, cookies in (("/webchat/ws", None), ("/console/ws", session)):
                url = f"{own}{path}"
                assert await handshake(url, "https://evil.example", cookies) == 403, path
                assert await handshake(url, "null", cookies) == 403, path
                assert await handshake(url, f"http://127.0.0.1:{settings.port + 1}", cookies) == 403, path
                assert await handshake(url, f"http://localhost:{settings.port}", cookies) == 403, path
                assert await handshake(url, own, cookies) == 101, path
                assert await handshake(url, "https://chat.canada.ca", cookies) == 101, path
                assert await handshake(url, None, cookies) == 101, f"{path}: not a browser"
            assert await handshake(f"{own}/console/ws", own) == 401, "the console still needs a session"


def test_the_origin_rule_compares_host_and_port():
    from unittest import mock

    from aiohttp.test_utils import make_mocked_request

    from bot.gateway.clients import origin_allowed

    def allowed(origin: str, host: str) -> bool:
        request = make_mocked_request("GET", "/webchat/ws", headers={"Origin": origin, "Host": host},
                                      transport=mock.Mock())
        return origin_allowed(request, ())

    assert allowed("https://chat.example.ca", "chat.example.ca")
    assert allowed("https://chat.example.ca", "chat.example.ca:443")
    assert allowed("http://localhost:8080", "localhost:8080")
    assert not allowed("http://localhost:8080", "localhost"), "the proxy must pass the port ($http_host)"
    assert not allowed("https://chat.example.ca.evil.example", "chat.example.ca")
    assert not allowed("https://chat.example.ca/path", "chat.example.ca")
    assert not allowed("file://", "chat.example.ca")
