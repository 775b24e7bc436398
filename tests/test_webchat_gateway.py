"""The web chat page in headless Chromium against the real gateway and trained model."""

from __future__ import annotations

from playwright.async_api import Page, expect

from bot.storage import transcripts
from bot.storage.database import Database
from tests.support.browser import browser, page  # noqa: F401  (pytest fixtures)
from tests.support.gateway import running_gateway

REPLY_TIMEOUT = 30_000  # ms: the first message also starts the conversation


def last_bot(page: Page):
    return page.locator("#chat-log .msg--bot").last


async def ask(page: Page, text: str) -> None:
    box = page.locator("#chat-input")
    await box.fill(text)
    await box.press("Enter")


async def test_citizen_chats_clicks_a_quick_reply_and_resumes_after_reload(servers, settings, engine, page):
    async with running_gateway(servers, settings, engine):
        await page.goto(f"http://127.0.0.1:{settings.port}/chat")
        welcome = page.locator("#chat-log .msg--bot", has_text="Hello! Bonjour!")
        await expect(welcome).to_have_count(1, timeout=REPLY_TIMEOUT)  # on arrival, before a word is typed
        await expect(page.locator("#chat-log .msg--citizen")).to_have_count(0)
        await ask(page, "How much does a passport cost?")
        await expect(last_bot(page)).to_contain_text("163.50", timeout=REPLY_TIMEOUT)
        await expect(welcome).to_have_count(1)

        await page.get_by_role("button", name="Calculate my fee").click()
        await expect(last_bot(page)).to_contain_text("Let's calculate your passport fee", timeout=REPLY_TIMEOUT)
        await page.get_by_role("button", name="Child").click()
        await expect(last_bot(page)).to_contain_text("inside Canada or from outside Canada", timeout=REPLY_TIMEOUT)

        await ask(page, "<script>window.injected = 1</script> my SIN is 046 454 286")
        await expect(page.locator("#chat-log")).to_contain_text("For your privacy", timeout=REPLY_TIMEOUT)
        assert await page.evaluate("window.injected === undefined")

        conversation = await page.evaluate("localStorage.getItem('govbot.conversation_id')")
        await page.reload()
        await expect(page.locator("#chat-log")).to_contain_text("inside Canada or from outside Canada")
        await expect(page.locator("#chat-log .msg--citizen").first).to_contain_text("How much does a passport cost?")
        await expect(page.locator("#chat-log")).to_contain_text("my SIN is [SIN]")
        assert await page.evaluate("localStorage.getItem('govbot.conversation_id')") == conversation

    db = Database(settings.transcripts_url)
    lines = db.run(transcripts.history, f"webchat:{conversation}")
    db.dispose()
    shown = [line["text"] for line in lines if line["sender"] == "citizen"]
    assert shown[:2] == ["How much does a passport cost?", "Calculate my fee"], "button titles are transcribed"
    assert not any("046 454 286" in line["text"] for line in lines)


async def test_french_page_gets_french_answers(servers, settings, engine, page):
    async with running_gateway(servers, settings, engine):
        await page.goto(f"http://127.0.0.1:{settings.port}/chat?lang=fr")
        await expect(page.locator("html")).to_have_attribute("lang", "fr")
        await ask(page, "Bonjour")
        await expect(last_bot(page)).to_contain_text("Comment puis-je vous aider", timeout=REPLY_TIMEOUT)
        await ask(page, "Comment obtenir un numéro d'assurance sociale?")
        await expect(last_bot(page)).to_contain_text("numéro d'assurance sociale (NAS)", timeout=REPLY_TIMEOUT)
