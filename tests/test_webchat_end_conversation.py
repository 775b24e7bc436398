"""The web chat's "End conversation" button, for shared computers: in headless Chromium
against the real gateway and model, it forgets the conversation in this page (stored id,
visible transcript, the other tabs too), by keyboard, in English and French."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from bot.settings import Settings

from tests.support.browser import browser, page  # noqa: F401  (pytest fixtures)
from tests.support.gateway import running_gateway
from tests.test_webchat_gateway import REPLY_TIMEOUT, ask, last_bot

STORED_ID = "localStorage.getItem('govbot.conversation_id')"


@pytest.fixture
def settings(settings: Settings, database_urls) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("a page behaviour, run once on SQLite")
    return settings


async def focus_by_tab(page: Page, target: str, presses: int = 5) -> None:
    for _ in range(presses):
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement.id") == target:
            return
    raise AssertionError(f"Tab never reached #{target}")


async def test_end_conversation_forgets_it_on_this_computer(servers, settings, engine, page):
    base = f"http://127.0.0.1:{settings.port}"
    async with running_gateway(servers, settings, engine):
        await page.goto(f"{base}/chat")
        await ask(page, "How much does a passport cost?")
        await expect(last_bot(page)).to_contain_text("163.50", timeout=REPLY_TIMEOUT)
        first = await page.evaluate(STORED_ID)
        other_tab = await page.context.new_page()
        await other_tab.goto(f"{base}/chat")
        await expect(other_tab.locator("#chat-log")).to_contain_text("How much does a passport cost?")

        end = page.get_by_role("button", name="End conversation")
        await expect(end).to_have_accessible_description(
            "On a shared or public computer, end the conversation when you are done: this page forgets it.")
        await page.locator("#chat-input").focus()
        await focus_by_tab(page, "chat-end")  # keyboard only: input, Send, End conversation
        await page.keyboard.press("Enter")

        for tab in (page, other_tab):  # only the new conversation's welcome is left
            await expect(tab.locator("#chat-log .msg--citizen")).to_have_count(0)
            await expect(tab.locator("#chat-log .msg")).to_have_count(1, timeout=REPLY_TIMEOUT)
            await expect(tab.locator("#chat-log .msg--bot")).to_contain_text("Hello! Bonjour!")
        await expect(page.locator("#chat-status")).to_have_text(
            "The conversation has ended and this page no longer shows it. Type a question to start a new one.")
        await expect(page.locator("#chat-input")).to_be_focused()
        assert await page.evaluate(STORED_ID) != first

        await page.reload()
        await other_tab.reload()
        for tab in (page, other_tab):
            await expect(tab.locator("#chat-status")).to_be_empty()
            assert "How much does a passport cost?" not in await tab.locator("#chat-log").inner_text()

        await ask(page, "How do I apply for a SIN?")
        await expect(last_bot(page)).to_contain_text("SIN", timeout=REPLY_TIMEOUT)
        assert "163.50" not in await page.locator("#chat-log").inner_text()
        assert await page.evaluate(STORED_ID) not in (None, first)


async def test_the_button_speaks_french_on_the_french_page(servers, settings, engine, page):
    async with running_gateway(servers, settings, engine):
        await page.goto(f"http://127.0.0.1:{settings.port}/chat?lang=fr")
        end = page.get_by_role("button", name="Terminer la conversation")
        await expect(end).to_have_accessible_description(
            "Sur un ordinateur partagé ou public, terminez la conversation quand vous avez fini\u00a0: "
            "cette page l\u2019oublie.")
        await ask(page, "Combien coûte un passeport?")
        await expect(last_bot(page)).to_contain_text("163,50", timeout=REPLY_TIMEOUT)
        await end.click()
        await expect(page.locator("#chat-log .msg--citizen")).to_have_count(0)
        await expect(page.locator("#chat-log")).not_to_contain_text("163,50")
        await expect(page.locator("#chat-status")).to_contain_text("La conversation est terminée")
        await page.locator("#lang-toggle").click()
        await expect(end).to_be_hidden()
        await expect(page.get_by_role("button", name="End conversation")).to_be_visible()
        await expect(page.locator("#chat-status")).to_contain_text("The conversation has ended")
