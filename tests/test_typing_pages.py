"""Typing indicators in headless Chromium, both pages against the real gateway (RemoteEngine
on a Rasa emulator that hands "a person please" off): the officer's console says "The
person is typing…" while the citizen types in the web chat, the web chat says "Marie is
typing…" (her first name) while the officer types in the composer, each in a polite live
region, gone when the message arrives or a few seconds after the last signal. The pages'
clocks and the server's throttle clock are moved, never waited out."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from bot.engine.remote import RemoteEngine
from bot.gateway.keys import TYPING
from bot.handoff import accounts
from bot.settings import Settings
from bot.storage.database import Database
from tests.support.browser import browser  # noqa: F401  (pytest fixture)
from tests.support.gateway import start_gateway
from tests.test_console_page import PASSWORD, new_page, sign_in
from tests.test_typing import HANDOFF, Clock
from tests.test_webchat_delivery import rasa  # noqa: F401  (pytest fixture)
from tests.test_webchat_gateway import ask


@pytest.fixture
def settings(settings: Settings, database_urls, tmp_path: Path) -> Settings:
    """Its own transcripts database: the only waiting ticket is this test's."""
    if database_urls[0].startswith("postgresql"):
        pytest.skip("a page behaviour, run once on SQLite")
    return replace(settings, database_url=f"sqlite:///{tmp_path / 'typing.db'}")


async def test_citizen_and_officer_see_each_other_typing(settings, rasa, browser):  # noqa: F811
    rasa.scripted["a person please"] = HANDOFF
    username = f"marie{uuid.uuid4().hex[:6]}"
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    db.run(lambda s: accounts.add_officer(s, username, PASSWORD, display_name="Marie Tremblay",
                                          teams=("general",), languages=("en",)))
    db.dispose()
    engine = RemoteEngine(rasa.url)
    await engine.start()
    runner = await start_gateway(settings, engine)
    server_clock = Clock()
    runner.app[TYPING].clock = server_clock
    base = f"http://127.0.0.1:{settings.port}"
    citizen: Page = await new_page(browser)
    officer: Page = await new_page(browser)
    try:
        for page in (citizen, officer):
            await page.clock.install()
        await sign_in(officer, base, username)
        await citizen.goto(f"{base}/chat")
        await ask(citizen, "a person please")
        await expect(citizen.locator("#chat-log .msg--system").last).to_contain_text("in line")

        waiting = officer.locator("#waiting-list li[data-ticket-id]")
        await expect(waiting).to_have_count(1)
        await waiting.get_by_role("button", name="Take").click()
        await expect(officer.locator("#compose-input")).to_be_focused()
        await expect(citizen.locator("#chat-log")).to_contain_text("Marie, a Government of Canada officer")
        await expect(citizen.locator("#chat-log")).not_to_contain_text("Tremblay")

        person = officer.locator("#citizen-typing")
        assert await person.get_attribute("aria-live") == "polite"
        await expect(person).to_have_text("")

        # citizen -> officer (both clocks moved on: no earlier signal holds this one back)
        await citizen.clock.fast_forward(4000)
        server_clock.now += 5
        await citizen.locator("#chat-input").press_sequentially("my passport")
        await expect(person).to_have_text("The person is typing\u2026")
        await officer.clock.fast_forward(7000)  # no signal for a few seconds: it goes
        await expect(person).to_have_text("")

        # officer -> citizen, with her first name only
        officer_typing = citizen.locator("#chat-typing")
        assert await officer_typing.get_attribute("aria-live") == "polite"
        await officer.locator("#compose-input").press_sequentially("Hello, I can help")
        await expect(officer_typing).to_have_text("Marie is typing\u2026")
        await officer.locator("#compose-input").press("Enter")
        await expect(citizen.locator("#chat-log .msg--officer").last).to_contain_text("Hello, I can help")
        assert await officer_typing.text_content() == "", "the message replaces it at once"

        # the citizen's message arriving clears the officer's indicator
        await citizen.clock.fast_forward(4000)
        server_clock.now += 5
        await citizen.locator("#chat-input").press_sequentially(" was stolen")
        await expect(person).to_have_text("The person is typing\u2026")
        await citizen.locator("#chat-input").press("Enter")
        await expect(officer.locator("#transcript .line--citizen").last).to_contain_text("my passport was stolen")
        assert await person.text_content() == "", "the message replaces it"

        # in French, the citizen reads it in French
        await citizen.locator("#lang-toggle").click()
        await expect(citizen.locator("html")).to_have_attribute("lang", "fr")
        await officer.clock.fast_forward(4000)
        server_clock.now += 5
        await officer.locator("#compose-input").press_sequentially("Bonjour")
        await expect(officer_typing).to_have_text("Marie écrit\u2026")
    finally:
        await citizen.context.close()
        await officer.context.close()
        await runner.cleanup()
        await engine.close()
