"""The officer console (bot/web/static/console/) in headless Chromium, end to end: a citizen
in the web chat page is handed off by the real model, officers sign in and answer from the
console through the real gateway, and the citizen goes back to the bot."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, List

import aiohttp
import pytest
from playwright.async_api import Page, expect

from bot.handoff import accounts
from bot.settings import Settings
from bot.storage.database import Database
from bot.texts import say
from tests.support.browser import browser  # noqa: F401  (pytest fixture)
from tests.support.gateway import running_gateway
from tests.test_webchat_page import CONTRAST_JS

SCREENSHOT = Path("/tmp/console.png")
REPLY_TIMEOUT = 30_000  # ms: a bot reply, or an event crossing gateway -> socket -> page
PASSWORD = "console password 2026"
XSS = '<img src=x onerror="window.__pwned=1">hello'
OPEN_ALL_WEEK = """\
timezone: America/Toronto
teams:
  passport: {days: [mon, tue, wed, thu, fri, sat, sun], open: "00:00", close: "23:59"}
  programs: {days: [mon, tue, wed, thu, fri, sat, sun], open: "00:00", close: "23:59"}
  general: {days: [mon, tue, wed, thu, fri, sat, sun], open: "00:00", close: "23:59"}
holidays: []
"""


@pytest.fixture
def console_settings(settings: Settings, database_urls, tmp_path: Path) -> Settings:
    """Own transcripts database (so this ticket is number 1 in line) and officers always in."""
    if database_urls[0].startswith("postgresql"):
        pytest.skip("the browser flow runs once, on SQLite; storage is covered by the handoff tests")
    hours = tmp_path / "open_all_week.yml"
    hours.write_text(OPEN_ALL_WEEK, encoding="utf-8")
    return replace(settings, database_url=f"sqlite:///{tmp_path / 'console.db'}", office_hours_file=hours)


def add_officer(settings: Settings, name: str, **options: Any) -> str:
    username = f"{name.split()[0].lower()}{uuid.uuid4().hex[:6]}"
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    db.run(lambda session: accounts.add_officer(session, username, PASSWORD, display_name=name, **options))
    db.dispose()
    return username


async def new_page(browser: Any) -> Page:  # noqa: F811
    context = await browser.new_context(
        locale="en-CA", timezone_id="America/Toronto", viewport={"width": 1280, "height": 1000}
    )
    return await context.new_page()


async def sign_in(page: Page, base: str, username: str) -> None:
    await page.goto(f"{base}/console/login")
    await page.get_by_label(re.compile("^Username")).fill(username)
    await page.get_by_label(re.compile("^Password")).fill(PASSWORD)
    await page.get_by_role("button", name=re.compile("^Sign in")).click()
    await expect(page).to_have_url(f"{base}/console")
    await expect(page.locator("#sign-out")).to_be_visible()


async def citizen_says(page: Page, text: str) -> None:
    box = page.locator("#chat-input")
    await box.fill(text)
    await box.press("Enter")


def waiting_ticket(page: Page):
    return page.locator("#waiting-list li[data-ticket-id]")


def last_line(page: Page, sender: str):
    return page.locator(f"#transcript .line--{sender}").last


async def test_officers_answer_a_handed_off_citizen_from_the_console(
    servers, console_settings, engine, browser  # noqa: F811
):
    settings = console_settings
    base = f"http://127.0.0.1:{settings.port}"
    alex = add_officer(settings, "Alex Martin", teams=("general",), languages=("en",))
    sam = add_officer(settings, "Sam Tremblay", role="supervisor", teams=("passport",), languages=("en", "fr"))
    citizen = await new_page(browser)
    officer = await new_page(browser)
    supervisor = await new_page(browser)
    problems: List[str] = []  # script errors and CSP violations ("Refused to ...") in the console pages
    for console in (officer, supervisor):
        console.on("pageerror", lambda error: problems.append(str(error)))
        console.on("console", lambda message: problems.append(message.text)
                   if message.type == "error" and not message.text.startswith("Failed to load resource") else None)

    async with running_gateway(servers, settings, engine):
        # The console needs a session; a wrong password is refused with a visible error.
        await officer.goto(f"{base}/console")
        await expect(officer).to_have_url(f"{base}/console/login")
        await officer.get_by_label(re.compile("^Username")).fill(alex)
        await officer.get_by_label(re.compile("^Password")).fill("not the password")
        await officer.get_by_role("button", name=re.compile("^Sign in")).click()
        await expect(officer.locator("p.error[role=alert]")).to_contain_text("Wrong username or password")
        await sign_in(officer, base, alex)
        await expect(officer.locator("#officer-name")).to_have_text("Alex Martin")
        await expect(officer.locator("#officer-role")).to_have_text("Officer")
        await expect(officer.locator("#waiting-empty")).to_be_visible()
        await expect(officer.locator("#supervisor-view")).to_be_hidden()
        await officer.evaluate("window.__sameDocument = true")
        await sign_in(supervisor, base, sam)

        # 1. The citizen asks for a person and is told their place in line.
        await citizen.goto(f"{base}/chat")
        await citizen_says(citizen, "I want to talk to a real person")
        chat = citizen.locator("#chat-log")
        await expect(chat).to_contain_text("number 1 in line", timeout=REPLY_TIMEOUT)
        await expect(chat).to_contain_text("transferring you to a Government of Canada officer")
        # the queue notice is the gateway's, not the assistant's: shown as a notice
        await expect(chat.locator(".msg--system")).to_contain_text("number 1 in line")
        await expect(chat.locator(".msg--bot").last).to_contain_text("transferring you")

        # 2. The ticket appears in the console live, without a reload.
        ticket = waiting_ticket(officer)
        await expect(ticket).to_have_count(1, timeout=REPLY_TIMEOUT)
        for fact in ("Citizen asked for a person", "General", "English", "Web chat", "number 1 in line", "waiting"):
            await expect(ticket).to_contain_text(fact)
        assert await officer.evaluate("window.__sameDocument === true"), "the console reloaded"
        await expect(waiting_ticket(supervisor)).to_have_count(1, timeout=REPLY_TIMEOUT)  # supervisors see all
        ticket_id = await ticket.get_attribute("data-ticket-id")

        # Keyboard only: Tab from "Take next" reaches the ticket's Take button, with a visible focus.
        await officer.locator("#take-next").focus()
        await officer.keyboard.press("Tab")
        take = ticket.get_by_role("button", name="Take")
        await expect(take).to_be_focused()
        style = await take.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }")
        assert style[0] != "none" and float(style[1].rstrip("px")) >= 2, style
        await officer.keyboard.press("Enter")
        await expect(officer.locator("#compose-input")).to_be_focused()
        await expect(officer.locator("#waiting-list li")).to_have_count(0)
        await expect(officer.locator(f"#mine-list li[data-ticket-id='{ticket_id}']")).to_be_visible()
        await expect(chat).to_contain_text(say("officer_joined", "en", name="Alex"), timeout=REPLY_TIMEOUT)

        # 3. The whole transcript: the citizen, the bot's reply, and why it handed off.
        transcript = officer.locator("#transcript")
        await expect(transcript.locator(".line--citizen").first).to_contain_text("I want to talk to a real person")
        await expect(transcript.locator(".line--citizen .line__sender").first).to_have_text("Citizen")
        await expect(transcript.locator(".line--bot").last).to_contain_text(
            "transferring you to a Government of Canada officer")
        await expect(transcript.locator(".line--bot .line__sender").last).to_have_text("Assistant")
        await expect(transcript.locator(".line--event")).to_have_text(
            re.compile(r"Handoff requested: Citizen asked for a person / Normal / General"))
        await expect(transcript).to_contain_text("number 1 in line")
        assert await transcript.get_attribute("aria-live") == "polite"

        # A saved reply goes in the ticket's language; Enter sends it to the citizen.
        await officer.locator("#saved-replies-buttons").get_by_role("button", name="Greeting").click()
        greeting = "Hello, I'm a Government of Canada officer. I've read your conversation with the assistant."
        await expect(officer.locator("#compose-input")).to_have_value(re.compile("^" + re.escape(greeting)))
        await officer.locator("#compose-input").press("Enter")
        await expect(officer.locator("#compose-input")).to_have_value("")
        await expect(last_line(officer, "officer")).to_contain_text(greeting)
        await expect(citizen.locator("#chat-log .msg--officer").last).to_contain_text(greeting,
                                                                                      timeout=REPLY_TIMEOUT)

        # Shift+Enter is a new line, not a send.
        await officer.locator("#compose-input").press("Shift+Enter")
        await expect(officer.locator("#compose-input")).to_have_value("\n")
        await officer.locator("#compose-input").fill("")

        # The citizen's answer reaches the officer live, as text, never as markup.
        await citizen_says(citizen, XSS)
        await expect(last_line(officer, "citizen").locator(".line__text")).to_have_text(XSS, timeout=REPLY_TIMEOUT)
        assert await transcript.locator("img").count() == 0
        assert await officer.evaluate("window.__pwned === undefined")
        assert await citizen.evaluate("window.__pwned === undefined")

        # Readable (WCAG AA contrast) with a conversation open; the screenshot is for people.
        contrast = await officer.evaluate(CONTRAST_JS)
        assert contrast["checked"] > 30 and not contrast["failures"], contrast
        await officer.screenshot(path=str(SCREENSHOT), full_page=True)

        # 4. A note, then a transfer to the passport team: back to waiting, out of Alex's hands.
        await officer.get_by_label("New note (never sent to the citizen)").fill("Asked about fees: passport team.")
        await officer.get_by_role("button", name="Add note").click()
        await expect(officer.locator("#notes-list")).to_contain_text("Asked about fees: passport team.")
        await expect(officer.locator("#notes-list")).to_contain_text("Alex Martin")
        await officer.get_by_label("Transfer to").select_option("team:passport")
        await officer.get_by_role("button", name="Transfer", exact=True).click()
        await expect(officer.locator("#console-status")).to_contain_text(f"Ticket {ticket_id} was transferred.")
        await expect(officer.locator("#mine-list li")).to_have_count(0)
        await expect(officer.locator("#ticket-body")).to_be_hidden()
        await expect(chat).to_contain_text(say("handoff_transferred", "en"), timeout=REPLY_TIMEOUT)

        # Sam (passport team, supervisor) sees it waiting again, takes it, works in French.
        moved = supervisor.locator(f"#waiting-list li[data-ticket-id='{ticket_id}']")
        await expect(moved).to_contain_text("Passport", timeout=REPLY_TIMEOUT)
        await expect(supervisor.locator("#supervisor-view")).to_be_visible()
        await expect(supervisor.locator("#officer-role")).to_have_text("Supervisor")
        await moved.get_by_role("button", name="Take").click()
        await expect(chat).to_contain_text(say("officer_joined", "en", name="Sam"), timeout=REPLY_TIMEOUT)
        await expect(supervisor.locator("#active-list li[data-ticket-id]")).to_have_count(1)
        await expect(supervisor.locator("#notes-list")).to_contain_text("Asked about fees: passport team.")
        await expect(supervisor.locator("#transcript .line--citizen").last).to_have_text(re.compile(re.escape(XSS)))
        assert await supervisor.evaluate("window.__pwned === undefined")

        await supervisor.locator("#lang-toggle").click()
        await expect(supervisor.locator("html")).to_have_attribute("lang", "fr")
        await expect(supervisor.locator("#sign-out")).to_have_text("Se déconnecter")
        await expect(supervisor.locator("#transcript .line--citizen .line__sender").first).to_have_text("La personne")
        # The handoff line keeps the request's own topic, though the ticket is now the passport team's;
        # its words are the server's vocabulary (GET /console/api/me), as on the analytics page.
        await expect(supervisor.locator("#transcript .line--event")).to_have_text(
            re.compile(r"Transfert demandé\s: La personne a demandé à parler à quelqu’un / Normale / Général"))
        await supervisor.locator("#saved-replies-buttons").get_by_role("button", name="Conclusion").click()
        closing = "Is there anything else I can help you with today?"
        await expect(supervisor.locator("#compose-input")).to_have_value(re.compile("^" + re.escape(closing)))
        await supervisor.locator("#compose-input").press("Enter")
        await expect(citizen.locator("#chat-log .msg--officer").last).to_contain_text(closing,
                                                                                      timeout=REPLY_TIMEOUT)

        # Resolving without an outcome is refused in the page; with one, the citizen is back with the bot.
        await supervisor.get_by_role("button", name="Résoudre").click()
        await expect(supervisor.locator("#console-error")).to_contain_text("Choisissez d’abord un résultat.")
        await supervisor.get_by_label("Résultat").select_option("answered")
        await supervisor.get_by_role("button", name="Résoudre").click()
        await expect(supervisor.locator("#console-status")).to_contain_text(f"La demande {ticket_id} est résolue")
        await expect(supervisor.locator("#console-error")).to_be_empty()
        await expect(supervisor.locator("#active-list li[data-ticket-id]")).to_have_count(0)

        resolved = say("handoff_resolved", "en")
        assert "from 1 (poor) to 5 (excellent)" in resolved
        await expect(chat).to_contain_text(resolved, timeout=REPLY_TIMEOUT)
        await citizen_says(citizen, "5")
        await expect(chat).to_contain_text(say("rating_thanks", "en"), timeout=REPLY_TIMEOUT)
        await citizen_says(citizen, "how much is a passport?")
        await expect(citizen.locator("#chat-log .msg--bot").last).to_contain_text("163.50", timeout=REPLY_TIMEOUT)

        # Signing out ends the session: the console sends the officer back to sign in.
        await officer.get_by_role("button", name="Sign out").click()
        await expect(officer).to_have_url(f"{base}/console/login")
        await officer.goto(f"{base}/console")
        await expect(officer).to_have_url(f"{base}/console/login")
        assert not problems, problems

    for page in (citizen, officer, supervisor):
        await page.context.close()


async def test_console_needs_a_session_and_a_csrf_token(servers, console_settings, engine):
    settings = console_settings
    username = add_officer(settings, "Robin Roy")
    async with running_gateway(servers, settings, engine):
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{settings.port}", cookie_jar=jar) as http:
            async with http.get("/console", allow_redirects=False) as page:
                assert page.status == 303 and page.headers["Location"] == "/console/login"
            async with http.get("/console/api/queue") as queue:
                assert queue.status == 401 and (await queue.json())["error"] == "signed_out"

            async with http.get("/console/login") as login:
                form_csrf = re.search(r'name="csrf" value="([^"]+)"', await login.text()).group(1)
            async with http.post("/console/login", allow_redirects=False,
                                 data={"csrf": form_csrf, "username": username, "password": PASSWORD}) as signed:
                assert signed.status == 303
            async with http.get("/console") as page:
                assert page.status == 200
                policy = page.headers["Content-Security-Policy"]
                assert "script-src 'self'" in policy and "style-src 'self'" in policy
                assert 'src="/console/static/console.js"' in await page.text()
            async with http.get("/console/api/me") as me:
                csrf = (await me.json())["csrf"]

            async with http.post("/console/api/claim-next", json={}) as refused:
                assert refused.status == 403 and (await refused.json())["error"] == "csrf"
            async with http.post("/console/api/claim-next", json={}, headers={"X-CSRF-Token": "wrong"}) as refused:
                assert refused.status == 403
            async with http.post("/console/api/claim-next", json={}, headers={"X-CSRF-Token": csrf}) as empty:
                assert empty.status == 409 and (await empty.json())["error"] == "queue_empty"
