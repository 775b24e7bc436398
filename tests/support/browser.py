"""Headless Chromium for browser tests, driven by Playwright's async API.

Uses the system (Debian) Chromium at /usr/bin/chromium - Playwright's own
browser downloads are never used (do not run ``playwright install``).

Two ways to use it::

    from tests.support.browser import launch_chromium

    async with launch_chromium() as browser:
        page = await browser.new_page()

or as pytest fixtures (import them into the test module)::

    from tests.support.browser import browser, page  # noqa: F401

    async def test_something(page):
        await page.goto(...)

Nothing is skipped: if Chromium or Playwright is missing, the test fails with
a message saying what to install.
"""

from __future__ import annotations

import os
import shutil
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

import pytest
import pytest_asyncio

CHROMIUM_PATH = os.environ.get("GOVBOT_CHROMIUM", "/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Generous: the first start of a cold Chromium can be slow in CI containers.
LAUNCH_TIMEOUT_MS = 60_000


class BrowserUnavailable(RuntimeError):
    """Chromium or Playwright is not usable; the message says how to fix it."""


def _check_chromium(path: str) -> str:
    resolved = path if os.path.isabs(path) else (shutil.which(path) or path)
    if not os.path.isfile(resolved) or not os.access(resolved, os.X_OK):
        raise BrowserUnavailable(
            f"Chromium was not found at {resolved!r}. Browser tests need the system "
            "browser: run `apt-get install -y chromium` (or set GOVBOT_CHROMIUM to the "
            "chromium executable). Do not run `playwright install`."
        )
    return resolved


def _import_playwright() -> Any:
    try:
        from playwright.async_api import async_playwright
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise BrowserUnavailable(
            "The 'playwright' Python package is not installed in this environment. "
            "Install the project requirements: `.venv/bin/pip install -r requirements/lock.txt`."
        ) from exc
    return async_playwright


@asynccontextmanager
async def launch_chromium(
    *, executable_path: str | None = None, extra_args: list[str] | None = None, **launch_kwargs: Any
) -> AsyncIterator[Any]:
    """Start headless Chromium and yield a Playwright ``Browser``; always closes it."""
    path = _check_chromium(executable_path or CHROMIUM_PATH)
    async_playwright = _import_playwright()
    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(
                executable_path=path,
                headless=True,
                args=CHROMIUM_ARGS + list(extra_args or []),
                timeout=LAUNCH_TIMEOUT_MS,
                **launch_kwargs,
            )
        except Exception as exc:
            raise BrowserUnavailable(f"Chromium at {path!r} failed to start: {exc}") from exc
        try:
            yield browser
        finally:
            await browser.close()


def _fail(exc: BrowserUnavailable) -> None:
    pytest.fail(str(exc), pytrace=False)


@pytest_asyncio.fixture
async def browser() -> AsyncIterator[Any]:
    """A headless Chromium ``Browser`` (fails - never skips - if unavailable)."""
    manager = launch_chromium()
    problem: BrowserUnavailable | None = None
    try:
        instance = await manager.__aenter__()
    except BrowserUnavailable as exc:
        problem = exc
    if problem is not None:
        _fail(problem)  # outside the except block: one clear message, no chained traceback
    try:
        yield instance
    finally:
        await manager.__aexit__(None, None, None)


@pytest_asyncio.fixture
async def page(browser: Any) -> AsyncIterator[Any]:
    """A fresh page in its own context (own localStorage), closed afterwards."""
    context = await browser.new_context(
        locale="en-CA", timezone_id="America/Toronto", viewport={"width": 1024, "height": 900}
    )
    try:
        yield await context.new_page()
    finally:
        await context.close()
