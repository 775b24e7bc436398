"""Security headers (bot/gateway/headers.py): no framing of the console, the chat framed
only by the sites a setting lists (checked by Chromium itself), no MIME sniffing, a
referrer policy, and a Server header that names no software."""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from playwright.async_api import expect

from bot.settings import Settings
from tests.support.browser import browser  # noqa: F401  (pytest fixture)
from tests.support.gateway import running_gateway
from bot.bench.ports import free_port


@pytest.fixture
def one_backend(settings: Settings, database_urls) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("HTTP behaviour, run once on SQLite")
    return settings


def base(settings: Settings) -> str:
    return f"http://127.0.0.1:{settings.port}"


async def fetch(client: aiohttp.ClientSession, path: str, **kwargs: Any):
    async with client.get(path, allow_redirects=False, **kwargs) as response:
        return response.status, response.headers.copy(), await response.text()


async def test_pages_forbid_framing_sniffing_and_name_no_server_software(servers, one_backend, engine):
    async with running_gateway(servers, one_backend, engine) as client:
        for path in ("/chat", "/chat?lang=fr", "/static/webchat/index.html"):
            status, headers, _ = await fetch(client, path)
            assert status == 200, path
            policy = headers["Content-Security-Policy"]
            assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy, path
            assert headers["X-Frame-Options"] == "DENY"
            assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        for path in ("/console/login", "/console", "/console/api/me", "/console/analytics"):
            status, headers, _ = await fetch(client, path)
            assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
            assert headers["X-Frame-Options"] == "DENY" and headers["Referrer-Policy"] == "same-origin", path
        for path in ("/chat", "/console/login", "/health", "/static/webchat/webchat.js", "/nowhere"):
            status, headers, _ = await fetch(client, path)
            assert headers["X-Content-Type-Options"] == "nosniff", path
            assert headers["Server"] == "govbot", path
            assert "aiohttp" not in str(headers).lower() and "python" not in str(headers).lower(), path
        _, _, page = await fetch(client, "/chat")
        assert 'http-equiv="Content-Security-Policy"' not in page, "one policy, sent as a header"


@asynccontextmanager
async def another_site(servers, frame_url: str) -> AsyncIterator[str]:
    """A page of another origin (localhost, not 127.0.0.1) that frames `frame_url`."""
    async def page(request: web.Request) -> web.Response:
        return web.Response(text=f'<!doctype html><title>another site</title><iframe id="f" src="{frame_url}"></iframe>',
                            content_type="text/html")

    app = web.Application()
    app.router.add_get("/", page)
    runner = web.AppRunner(app)
    port = free_port()

    async def start() -> None:
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()

    await servers.call(start())
    try:
        yield f"http://localhost:{port}"
    finally:
        await servers.call(runner.cleanup())


async def framed(browser: Any, site: str) -> bool:  # noqa: F811
    """Does Chromium show our page inside the other site's iframe?"""
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.goto(f"{site}/")
        ours = page.frame_locator("#f").locator("#chat-input, #username")
        try:
            await expect(ours).to_be_attached(timeout=4000)
        except AssertionError:
            return False
        return True
    finally:
        await context.close()


async def test_chromium_refuses_to_frame_the_chat_and_the_console_unless_allowed(servers, one_backend, engine,
                                                                                 browser):  # noqa: F811
    async with running_gateway(servers, one_backend, engine):
        for path in ("/chat", "/console/login"):
            async with another_site(servers, base(one_backend) + path) as site:
                assert not await framed(browser, site), path
    async with another_site(servers, base(one_backend) + "/chat") as site:
        allowed = replace(one_backend, chat_frame_ancestors=(site,))
        async with running_gateway(servers, allowed, engine) as client:
            status, headers, _ = await fetch(client, "/chat")
            assert f"frame-ancestors 'self' {site}" in headers["Content-Security-Policy"]
            assert "X-Frame-Options" not in headers
            assert await framed(browser, site), "an allowed site embeds the chat"
    async with another_site(servers, base(one_backend) + "/console/login") as site:
        allowed = replace(one_backend, chat_frame_ancestors=(site,))
        async with running_gateway(servers, allowed, engine):
            assert not await framed(browser, site), "never the console"
