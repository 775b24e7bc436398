"""The web chat page in headless Chromium against the real gateway, with RemoteEngine on a
Rasa emulator (it holds a turn in flight, or answers what a test scripted): across a
restart, a message the gateway did not acknowledge shows "Sending…", is sent again to the
next gateway, and ends "Delivered" with exactly one answer, and the answer of the turn that
was in flight is shown too; after a handoff, the rating question has buttons."""

from __future__ import annotations

import asyncio
import re
import uuid

import pytest
from playwright.async_api import Page, expect

from bot.engine.remote import RemoteEngine
from bot.gateway.keys import DESK
from bot.handoff import accounts, queue
from channels.webchat import HUB
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.models import Ticket
from tests.support.browser import browser, page  # noqa: F401  (pytest fixtures)
from tests.support.gateway import start_gateway
from tests.test_webchat_delivery import rasa  # noqa: F401  (pytest fixture)
from tests.test_webchat_gateway import ask


@pytest.fixture
def settings(settings: Settings, database_urls) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("a page behaviour, run once on SQLite")
    return settings


def citizen(page: Page, text: str):
    return page.locator("#chat-log .msg--citizen", has_text=text)


def answers(page: Page, text: str):
    return page.locator("#chat-log .msg--bot", has_text=f"Answer: {text}")


async def test_an_unacknowledged_message_is_resent_after_a_restart_and_answered_once(settings, rasa, page):  # noqa: F811
    engine = RemoteEngine(rasa.url)
    await engine.start()
    runner = await start_gateway(settings, engine)
    restarted = None
    try:
        await page.goto(f"http://127.0.0.1:{settings.port}/chat")
        rasa.hold()
        await ask(page, "first question")
        await expect(citizen(page, "first question")).to_contain_text("Delivered")  # stored, answer to come
        await rasa.wait_for("first question")

        stopping = asyncio.create_task(runner.cleanup())  # what SIGTERM does
        while not runner.app[HUB].draining:
            await asyncio.sleep(0.02)
        await ask(page, "second question")
        await expect(citizen(page, "second question")).to_contain_text("Sending\u2026")
        await expect(citizen(page, "second question")).to_have_class(re.compile(r"\bmsg--pending\b"))

        rasa.release()
        await expect(answers(page, "first question")).to_have_count(1)
        await stopping
        await expect(page.locator("#chat-status")).to_contain_text("Reconnecting")
        await expect(citizen(page, "second question")).not_to_contain_text("Delivered")

        restarted = await start_gateway(settings, engine)
        await expect(answers(page, "second question")).to_have_count(1, timeout=20_000)
        await expect(citizen(page, "second question")).to_contain_text("Delivered")
        await expect(citizen(page, "second question")).not_to_have_class(re.compile(r"\bmsg--pending\b"))
        await expect(citizen(page, "second question")).to_have_count(1)
        await expect(answers(page, "first question")).to_have_count(1)
        await expect(page.locator("#chat-status")).to_contain_text("Connection restored.")
        assert (rasa.count("first question"), rasa.count("second question")) == (1, 1)
    finally:
        if restarted is not None:
            await restarted.cleanup()
        await runner.cleanup()
        await engine.close()


async def test_the_rating_question_after_a_handoff_has_buttons(settings, rasa, page):  # noqa: F811
    rasa.scripted["a person please"] = [{"custom": {
        "type": "handoff_request", "version": 1, "reason": "citizen_request", "priority": "normal",
        "topic": "general", "language": "en", "last_intent": None}}]
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    officer = db.run(lambda s: accounts.add_officer(s, f"agent{uuid.uuid4().hex[:8]}", "officer password 2026",
                                                    display_name="Alex", teams=("general",), languages=("en",)).id)
    engine = RemoteEngine(rasa.url)
    await engine.start()
    runner = await start_gateway(settings, engine)
    try:
        await page.goto(f"http://127.0.0.1:{settings.port}/chat")
        await ask(page, "a person please")
        await expect(page.locator("#chat-log .msg--system").last).to_contain_text("in line")
        conversation = await page.evaluate("localStorage.getItem('govbot.conversation_id')")
        ticket = db.run(lambda s: queue.open_ticket(s, f"webchat:{conversation}").id)
        desk = runner.app[DESK]
        assert await desk.claim(officer, ticket) == ticket
        await desk.resolve(officer, ticket, "answered")

        question = page.locator("#chat-log .msg--system").last
        await expect(question).to_contain_text("How would you rate the help you received")
        group = question.get_by_role("group", name="Suggested replies")
        await expect(group.get_by_role("button")).to_have_text(["1", "2", "3", "4", "5"])
        await group.get_by_role("button", name="4").click()
        await expect(page.locator("#chat-log .msg--system").last).to_contain_text("Thank you for your feedback")
        assert db.run(lambda s: s.get(Ticket, ticket).rating) == 4
    finally:
        await runner.cleanup()
        await engine.close()
        db.dispose()
