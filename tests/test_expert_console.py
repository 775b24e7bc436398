"""Ask an expert in the console, in headless Chromium through the real gateway: an officer asks
an expert by area in English, another officer asks by @name in a note in French; the expert
sees the count live on the console socket, reads each ticket with no way to write to the
citizen, and answers; each officer puts the answer into the reply with "Use in reply"."""

from __future__ import annotations

import re
import uuid
from typing import Any, List

from playwright.async_api import Page, expect

from bot.handoff import queue
from bot.storage import transcripts
from bot.storage.database import Database
from tests.support.browser import browser  # noqa: F401  (pytest fixture)
from tests.support.gateway import running_gateway
from tests.test_console_page import (  # noqa: F401  (console_settings is a fixture)
    REPLY_TIMEOUT, add_officer, console_settings, sign_in,
)
from tests.test_handoff_queue import request_for


def seed_ticket(settings: Any, language: str, text: str) -> int:
    db = Database(settings.transcripts_url)
    db.upgrade_schema()

    def work(session) -> int:
        conversation = transcripts.get_or_create_conversation(session, "rest", uuid.uuid4().hex)
        transcripts.add_message(session, conversation, sender="citizen", text=text, language=language,
                                status="to_officer")
        return queue.create_ticket(session, conversation, request_for("passport", language)).id
    try:
        return db.run(work)
    finally:
        db.dispose()


# Records the notifications the page shows, and answers the permission the context was given.
NOTIFICATIONS = """
window.__notified = [];
const Real = window.Notification;
window.Notification = class { constructor(title) { window.__notified.push(title); }
  static get permission() { return Real.permission; }
  static requestPermission() { return Real.requestPermission(); } };
"""


async def page_in(browser: Any, locale: str, notifications: bool = False) -> Page:  # noqa: F811
    context = await browser.new_context(locale=locale, timezone_id="America/Toronto",
                                        viewport={"width": 1280, "height": 1000},
                                        permissions=["notifications"] if notifications else [])
    await context.add_init_script(NOTIFICATIONS)
    return await context.new_page()


async def take(page: Page, ticket: int) -> None:
    await page.locator(f'#waiting-list li[data-ticket-id="{ticket}"] button.take').click()
    await expect(page.locator("#compose-input")).to_be_enabled(timeout=REPLY_TIMEOUT)


async def test_officers_ask_an_expert_in_english_and_in_french(servers, console_settings, engine, browser):  # noqa: F811
    settings = console_settings
    base = f"http://127.0.0.1:{settings.port}"
    english = seed_ticket(settings, "en", "Can my cousin be my guarantor?")
    french = seed_ticket(settings, "fr", "Ma cousine peut-elle être ma répondante?")
    alex = add_officer(settings, "Alex Martin", teams=("passport",), languages=("en",))
    marie = add_officer(settings, "Marie Roy", teams=("passport",), languages=("fr",), gender="f")
    lea = add_officer(settings, "Léa Expert", role="expert", teams=("passport",), languages=("en", "fr"))
    officer_en, officer_fr, expert = (await page_in(browser, "en-CA"), await page_in(browser, "fr-CA"),
                                      await page_in(browser, "en-CA", notifications=True))
    problems: List[str] = []
    for page in (officer_en, officer_fr, expert):
        page.on("pageerror", lambda error: problems.append(str(error)))

    async with running_gateway(servers, settings, engine):
        for page, name in ((officer_en, alex), (officer_fr, marie), (expert, lea)):
            await sign_in(page, base, name) if page is not officer_fr else await sign_in_fr(page, base, name)
        # The expert has no queue and no conversation panel: nothing to take, nowhere to write.
        await expect(expert.locator("#expert-panel")).to_be_visible()
        await expect(expert.locator("#queue-panel")).to_be_hidden()
        await expect(expert.locator("#compose-input")).to_be_hidden()
        await expect(expert.locator("#expert-empty")).to_be_visible()

        # English: by area, from the ticket.
        await take(officer_en, english)
        await officer_en.locator("#consult-team").select_option("passport")
        await officer_en.locator("#consult-input").fill("Can a cousin be a passport guarantor?")
        await officer_en.get_by_role("button", name="Ask", exact=True).click()
        await expect(officer_en.locator("#consult-list li")).to_contain_text("Waiting for an expert")
        await expect(expert.locator("#consult-count")).to_have_text("(1)", timeout=REPLY_TIMEOUT)

        # French: by @name in an internal note.
        await take(officer_fr, french)
        await officer_fr.locator("#note-input").fill(f"@{lea} une cousine peut-elle être répondante?")
        await officer_fr.get_by_role("button", name="Ajouter la note").click()
        await expect(officer_fr.locator("#consult-list li")).to_contain_text("En attente d’un ou d’une spécialiste",
                                                                              timeout=REPLY_TIMEOUT)
        await expect(expert.locator("#consult-count")).to_have_text("(2)", timeout=REPLY_TIMEOUT)
        # The expert allowed notifications in this browser: one per new question; the officers did not.
        assert await expert.evaluate("window.__notified") == ["New question from an officer"] * 2
        assert await officer_en.evaluate("window.__notified") == []

        for question, transcript, reply in (
            ("Can a cousin", "Can my cousin be my guarantor?", "Yes, if they have known the applicant for 2 years."),
            ("une cousine", "Ma cousine peut-elle être ma répondante?", "Oui, si elle connaît la personne depuis 2 ans."),
        ):
            item = expert.locator("#expert-list li", has_text=question)
            await item.get_by_role("button", name="Open").click()
            await expect(expert.locator("#consult-transcript")).to_contain_text(transcript)
            await expect(expert.locator("#compose-input")).to_be_hidden()
            await expert.locator("#answer-input").fill(reply)
            await expert.get_by_role("button", name="Send answer").click()
            await expect(expert.locator("#console-status")).to_have_text("Answer sent.")
        await expect(expert.locator("#expert-empty")).to_be_visible(timeout=REPLY_TIMEOUT)

        for page, use, reply in ((officer_en, "Use in reply", "Yes, if they have known the applicant for 2 years."),
                                 (officer_fr, "Utiliser dans la réponse", "Oui, si elle connaît la personne depuis 2 ans.")):
            await expect(page.locator("#consult-list li .consult__answer")).to_have_text(reply, timeout=REPLY_TIMEOUT)
            await page.get_by_role("button", name=use).click()
            await expect(page.locator("#compose-input")).to_have_value(reply)
            await page.locator("#compose-input").fill(reply + " :)")  # editable before it is sent
            await page.locator("#compose-send").click()
            await expect(page.locator("#transcript")).to_contain_text(reply + " :)", timeout=REPLY_TIMEOUT)
    assert not problems, problems


async def sign_in_fr(page: Page, base: str, username: str) -> None:
    await page.goto(f"{base}/console/login")
    await page.get_by_label(re.compile("^Username")).fill(username)
    await page.get_by_label(re.compile("^Password")).fill("console password 2026")
    await page.get_by_role("button", name=re.compile("^Sign in")).click()
    await expect(page.locator("#sign-out")).to_be_visible()
