"""The README's screenshots (docs/screenshots/), taken from a real gateway with sample data.

    .venv/bin/python scripts/screenshots.py [--port 18650] [--out docs/screenshots]

Starts the gateway with the trained model (models/govbot.tar.gz) on loopback, with its data in
a temporary folder: a citizen asks about a passport in the web chat and asks for a person, an
officer takes the ticket and asks an expert, the expert answers, the officer uses the answer in
the reply. Headless system Chromium (never `playwright install`) saves, at 1280x800, the officer
console with the ticket open, the expert's consult view and the web chat, and the web chat at a
phone's 390x844. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiohttp import web  # noqa: E402
from playwright.async_api import Page, async_playwright, expect  # noqa: E402

from bot.gateway.app import create_app  # noqa: E402
from bot.handoff import accounts  # noqa: E402
from bot.settings import PROJECT_ROOT, Settings  # noqa: E402
from bot.storage.database import Database  # noqa: E402

PASSWORD = "screenshots only 2026"
WAIT = 60_000  # ms: a reply of the model on a busy machine
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Every team answers every day, all day: the sample tickets are never "after hours".
OPEN_ALL_WEEK = PROJECT_ROOT / "tests" / "support" / "always_open_hours.yml"


def add_people(settings: Settings) -> None:
    db = Database(settings.transcripts_url)
    db.upgrade_schema()

    def work(session: Any) -> None:
        accounts.add_officer(session, "alex", PASSWORD, display_name="Alex Martin",
                             teams=("passport", "general"), languages=("en", "fr"))
        accounts.add_officer(session, "lea", PASSWORD, display_name="Léa Tremblay", role="expert",
                             teams=("passport",), languages=("en", "fr"))
    try:
        db.run(work)
    finally:
        db.dispose()


async def sign_in(page: Page, base: str, username: str) -> None:
    await page.goto(f"{base}/console/login")
    await page.locator("input[name=username]").fill(username)
    await page.locator("input[name=password]").fill(PASSWORD)
    await page.locator("form button[type=submit]").click()
    await expect(page.locator("#sign-out")).to_be_visible()


async def say(chat: Page, text: str) -> None:
    answers = chat.locator("#chat-log .msg--bot")
    before = await answers.count()
    await chat.locator("#chat-input").fill(text)
    await chat.locator("#chat-input").press("Enter")
    await expect(answers.nth(before)).to_be_visible(timeout=WAIT)


async def snap(page: Page, path: Path) -> None:
    """The page from its top, as someone arriving sees it (filling a box scrolls it there),
    in its own fonts (Lato, Noto Sans: loaded from this host, not the fallback)."""
    await page.evaluate("document.fonts.ready.then(() => window.scrollTo(0, 0))")
    await page.screenshot(path=str(path))


async def shoot(browser: Any, base: str, out: Path) -> None:
    async def new_page(size: dict) -> Page:
        context = await browser.new_context(locale="en-CA", timezone_id="America/Toronto", viewport=size)
        return await context.new_page()

    chat, officer, expert = await new_page(DESKTOP), await new_page(DESKTOP), await new_page(DESKTOP)
    await chat.goto(f"{base}/chat")
    await say(chat, "How do I renew my passport?")
    await say(chat, "I want to talk to a real person")
    await sign_in(officer, base, "alex")
    await sign_in(expert, base, "lea")
    await officer.locator("#waiting-list li[data-ticket-id] button.take").first.click()
    await expect(officer.locator("#compose-input")).to_be_enabled(timeout=WAIT)
    await officer.locator("#compose-input").fill("Hello, I'm Alex, a Government of Canada officer. "
                                                 "I've read your conversation. Let me check one detail.")
    await officer.locator("#compose-send").click()
    await expect(chat.locator("#chat-log .msg--officer")).to_have_count(1, timeout=WAIT)
    await officer.locator("#consult-team").select_option("passport")
    await officer.locator("#consult-input").fill("Can a cousin sign as the guarantor for a renewal?")
    await officer.get_by_role("button", name="Ask", exact=True).click()

    await expect(expert.locator("#consult-count")).to_have_text("(1)", timeout=WAIT)
    await expert.locator("#expert-list li").first.get_by_role("button", name="Open").click()
    await expect(expert.locator("#consult-transcript")).to_contain_text("renew", timeout=WAIT)
    answer = ("A renewal usually needs no guarantor. If one is needed, a cousin can be one "
              "after knowing the applicant for 2 years.")
    await expert.locator("#answer-input").fill(answer)
    await snap(expert, out / "expert-consult.png")
    await expert.get_by_role("button", name="Send answer").click()

    await expect(officer.locator("#consult-list li .consult__answer")).to_have_text(answer, timeout=WAIT)
    await officer.get_by_role("button", name="Use in reply").click()
    await officer.locator("#compose-send").click()
    await expect(chat.locator("#chat-log .msg--officer")).to_have_count(2, timeout=WAIT)
    await officer.locator("#compose-input").fill("Is there anything else I can help you with?")
    await snap(officer, out / "officer-console.png")
    await chat.locator("#chat-input").fill("Thank you!")
    await snap(chat, out / "web-chat.png")
    await chat.set_viewport_size(PHONE)  # on a phone: the end of the conversation and the reply box
    await chat.locator("#chat-input").scroll_into_view_if_needed()
    await chat.evaluate("document.fonts.ready.then(() => true)")
    await chat.screenshot(path=str(out / "web-chat-phone.png"))
    for page in (chat, officer, expert):
        await page.context.close()


async def run(port: int, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="govbot-screenshots-") as folder:
        data = Path(folder)
        settings = replace(Settings(), data_dir=data, port=port, office_hours_file=OPEN_ALL_WEEK, training_root=data)
        add_people(settings)
        runner = web.AppRunner(create_app(settings))
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=os.environ.get("GOVBOT_CHROMIUM", "/usr/bin/chromium"),
                    headless=True, args=CHROMIUM_ARGS)
                try:
                    await shoot(browser, f"http://127.0.0.1:{port}", out)
                finally:
                    await browser.close()
        finally:
            await runner.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=18650)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    # Rasa's sanic import would switch to uvloop mid-run (as in `govbot serve`): choose it first.
    import uvloop

    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    asyncio.run(run(args.port, args.out))
    for png in sorted(args.out.glob("*.png")):
        print(f"{png} {png.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
