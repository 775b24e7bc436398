"""The officer's day in the console (issue 13 §2), in headless Chromium at 1280x800 through the
real gateway, in English and in French: previews and unread badges on the cards and in the tab
title, the last-active conversation first, readable intent names, links in the transcript made
safely clickable, internal notes inside the transcript, keyboard shortcuts with their help
dialog, saved replies found by typing "/", transfer and resolve reachable without scrolling,
transfer targets limited to who can answer, a transfer with its reason, a waiting citizen's
messages acknowledged and raising the priority, and opt-in sound and notifications."""

from __future__ import annotations

import asyncio
import re
import uuid
from typing import Any, List

from playwright.async_api import Page, Route, expect

from bot.handoff import queue
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import TicketNote
from bot.texts import say
from tests.support.browser import browser  # noqa: F401  (pytest fixture)
from tests.support.console_client import Officer as ConsoleUser
from tests.support.gateway import new_sender, rest, running_gateway, texts
from tests.test_console_page import (  # noqa: F401  (console_settings is a fixture)
    PASSWORD, REPLY_TIMEOUT, add_officer, console_settings, sign_in,
)
from tests.test_handoff_queue import request_for

# Records notifications and tones instead of showing and playing them (the outside world).
ALERTS = """
window.__notified = [];
window.__tones = 0;
const Real = window.Notification;
window.Notification = class { constructor(title) { window.__notified.push(title);
    document.documentElement.setAttribute('data-notified', window.__notified.join('|')); }
  static get permission() { return Real.permission; }
  static requestPermission() { return Real.requestPermission(); } };
window.AudioContext = class {
  constructor() { this.currentTime = 0; this.destination = {}; }
  createGain() { return { gain: {}, connect() {} }; }
  createOscillator() { return { frequency: {}, connect() {}, start() { window.__tones += 1; }, stop() {} }; }
};
"""


def seed(settings: Any, sender: str, text: str, language: str = "en", topic: str = "passport") -> int:
    """A REST citizen (sender) waiting in the queue, their first line already said."""
    db = Database(settings.transcripts_url)
    db.upgrade_schema()

    def work(session) -> int:
        conversation = transcripts.get_or_create_conversation(session, "rest", sender)
        transcripts.add_message(session, conversation, sender="citizen", text=text, language=language,
                                status="to_officer")
        return queue.create_ticket(session, conversation, request_for(topic, language)).id
    try:
        return db.run(work)
    finally:
        db.dispose()


def notes_of(settings: Any, ticket_id: int) -> List[str]:
    db = Database(settings.transcripts_url)
    try:
        return db.run(lambda s: [n.text for n in s.query(TicketNote).filter(TicketNote.ticket_id == ticket_id)])
    finally:
        db.dispose()


async def console_page(browser: Any, locale: str, alerts: bool = False) -> Page:  # noqa: F811
    context = await browser.new_context(locale=locale, timezone_id="America/Toronto",
                                        viewport={"width": 1280, "height": 800},
                                        permissions=["notifications"] if alerts else [])
    await context.add_init_script(ALERTS)
    page = await context.new_page()
    if locale.startswith("fr"):
        await page.add_init_script("localStorage.setItem('govbot.console.lang', 'fr')")
    return page


def card(page: Page, listing: str, ticket: int):
    return page.locator(f"#{listing}-list li[data-ticket-id='{ticket}']")


async def reachable_without_scrolling(page: Page, selector: str) -> None:
    await page.evaluate("window.scrollTo(0, 0)")
    box = await page.locator(selector).bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800, (selector, box)


async def test_an_officer_works_all_day_in_english(servers, console_settings, engine, browser):  # noqa: F811
    settings = console_settings
    base = f"http://127.0.0.1:{settings.port}"
    first, second = new_sender(), new_sender()
    older = seed(settings, first, "I need help with my passport renewal", topic="passport")
    newer = seed(settings, second, "hello, anyone there?", topic="general")
    alex = add_officer(settings, "Alex Martin", teams=("passport", "general"), languages=("en",))
    add_officer(settings, "Bea Colleague", teams=("passport", "general"), languages=("en", "fr"))
    add_officer(settings, "Pat Programs", teams=("programs",), languages=("en",))
    add_officer(settings, "Tom Trainer", role="trainer", teams=("passport", "general"), languages=("en",))
    page = await console_page(browser, "en-CA")
    problems: List[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))

    async with running_gateway(servers, settings, engine) as client:
        await sign_in(page, base, alex)
        # The waiting cards show what each citizen said last, in their language.
        await expect(card(page, "waiting", older).locator(".ticket-item__preview q")).to_have_text(
            "I need help with my passport renewal")
        assert await card(page, "waiting", older).locator(".ticket-item__preview q").get_attribute("lang") == "en"

        # A waiting citizen adds that the passport is lost and they fly tomorrow: they are told
        # their message will be read, and the card rises to the top with a high priority.
        replies = await rest(client, second, "I lost my passport and my flight is tomorrow")
        assert say("handoff_waiting_urgent", "en", position="1") in texts(replies)
        top = page.locator("#waiting-list li[data-ticket-id]").first
        await expect(top).to_have_attribute("data-ticket-id", str(newer), timeout=REPLY_TIMEOUT)
        await expect(top).to_contain_text("High priority")
        await expect(top).to_contain_text("Passport")
        await expect(top.locator(".ticket-item__preview")).to_contain_text("I lost my passport")

        # Alt+T takes the next ticket (the urgent one), then the other.
        await page.keyboard.press("Alt+t")
        await expect(card(page, "mine", newer)).to_be_visible(timeout=REPLY_TIMEOUT)
        await expect(page.locator("#compose-input")).to_be_focused()
        # Resolve, its outcome and transfer are on screen at 1280x800 without scrolling.
        for selector in ("#resolve-outcome", "#resolve-button", "#transfer-target", "#transfer-button"):
            await reachable_without_scrolling(page, selector)
        # The last intent reads as words, not as a code.
        await expect(page.locator("#ticket-meta")).to_contain_text("Citizen asked for a person")
        await expect(page.locator("#ticket-meta")).not_to_contain_text("request_human")
        # Only people who can answer this ticket (passport, English) are offered.
        offered = await page.locator("#transfer-target option").all_text_contents()
        assert any(o.startswith("Bea Colleague") for o in offered), offered
        assert not any(o.startswith(("Pat Programs", "Tom Trainer", "Alex Martin")) for o in offered), offered

        await page.keyboard.press("Alt+t")
        await expect(card(page, "mine", older)).to_be_visible(timeout=REPLY_TIMEOUT)
        await expect(page.locator("#ticket-heading")).to_contain_text(f"Ticket {older}")

        # The other citizen writes (with a link and some markup): their card is unread and first,
        # and the tab title counts it.
        await rest(client, second, 'see https://www.canada.ca/en.html <b onclick="window.__pwned=1">bold</b>')
        mine = page.locator("#mine-list li[data-ticket-id]")
        await expect(mine.first).to_have_attribute("data-ticket-id", str(newer), timeout=REPLY_TIMEOUT)
        await expect(mine.first.locator(".badge--unread")).to_have_text("New message")
        await expect(page).to_have_title(re.compile(r"^\(1 unread\) "))
        await expect(card(page, "mine", older).locator(".badge--unread")).to_have_count(0)

        # Alt+J and Alt+K move through my conversations; opening one marks it read.
        await page.keyboard.press("Alt+j")
        await expect(page.locator("#ticket-heading")).to_contain_text(f"Ticket {newer}")
        await expect(page.locator(".badge--unread")).to_have_count(0)
        await expect(page).not_to_have_title(re.compile("unread"))
        link = page.locator("#transcript .line--citizen a.line__link").last
        await expect(link).to_have_attribute("href", "https://www.canada.ca/en.html")
        await expect(link).to_have_text("https://www.canada.ca/en.html")
        await expect(page.locator("#transcript .line--citizen").last).to_contain_text('<b onclick=')
        assert await page.locator("#transcript b").count() == 0
        await page.keyboard.press("Alt+k")
        await expect(page.locator("#ticket-heading")).to_contain_text(f"Ticket {older}")

        # "/" in the reply box searches the saved replies; Enter inserts one, it is not sent.
        await page.keyboard.press("Alt+r")
        await expect(page.locator("#compose-input")).to_be_focused()
        await page.keyboard.type("/lost")
        options = page.locator("#reply-suggest [role=option]")
        await expect(options).to_have_count(1)
        await expect(options.first).to_contain_text("Lost passport: report it")
        await expect(page.locator("#compose-input")).to_have_attribute("aria-activedescendant", "reply-option-0")
        await expect(page.locator("#reply-option-0")).to_have_attribute("aria-selected", "true")
        await page.keyboard.press("Enter")
        await expect(page.locator("#compose-input")).to_have_value(re.compile("^Please report a lost or stolen passport"))
        await expect(page.locator("#reply-suggest-box")).to_be_hidden()
        assert await page.locator("#compose-input").get_attribute("aria-activedescendant") is None
        assert await page.locator("#transcript .line--officer").count() == 0
        await page.locator("#compose-input").fill("/zzz")
        await expect(page.locator("#reply-suggest-label")).to_have_text("No saved reply matches.")
        await page.keyboard.press("Escape")
        await page.locator("#compose-input").fill("")

        # Alt+N writes a note; it shows in the transcript as internal and never reaches the citizen.
        await page.keyboard.press("Alt+n")
        await expect(page.locator("#note-input")).to_be_focused()
        await page.keyboard.type("Renewal form question, checked the guide")
        await page.get_by_role("button", name="Add note").click()
        note = page.locator("#transcript .line--note")
        await expect(note).to_contain_text("Renewal form question, checked the guide")
        await expect(note.locator(".line__sender")).to_have_text("Internal note by Alex Martin (never sent)")
        assert "Renewal form question" not in texts(await rest(client, first, "still there?"))

        # "?" (outside a text box) shows the shortcuts; Escape closes the dialog.
        await page.locator("#ticket-heading").focus()
        await page.keyboard.press("?")
        dialog = page.locator("#shortcuts-dialog")
        await expect(dialog).to_be_visible()
        await expect(dialog).to_contain_text("Take the next ticket")
        await page.keyboard.press("Escape")
        await expect(dialog).to_be_hidden()

        # Transfer with a reason: the reason stays as an internal note for whoever takes it.
        # The queue's answers are held meanwhile: the transferred ticket leaves "My conversations"
        # at once, so Alt+J cannot reopen it from a list fetched before the transfer.
        release = asyncio.Event()

        async def hold(route: Route) -> None:
            await release.wait()
            await route.continue_()

        await page.route("**/console/api/queue", hold)
        await page.get_by_label("Transfer to").select_option("team:general")
        await page.get_by_label("Reason (internal note for whoever takes it)").fill("Asks about a general form")
        await page.get_by_role("button", name="Transfer", exact=True).click()
        await expect(page.locator("#console-status")).to_contain_text(f"Ticket {older} was transferred.")
        assert notes_of(settings, older)[-1] == say("transfer_note", "en", reason="Asks about a general form")
        await expect(card(page, "mine", older)).to_have_count(0)
        await page.keyboard.press("Alt+j")
        await expect(page.locator("#ticket-heading")).to_contain_text(f"Ticket {newer}")
        release.set()
        await page.unroute("**/console/api/queue", hold)
        await expect(card(page, "mine", newer)).to_be_visible()
        await expect(card(page, "mine", older)).to_have_count(0)

        # Alt+E goes to the outcome of the open conversation.
        await page.keyboard.press("Alt+e")
        await expect(page.locator("#resolve-outcome")).to_be_focused()
    assert not problems, problems
    assert await page.evaluate("window.__pwned === undefined")
    await page.context.close()


async def test_an_officer_works_in_french(servers, console_settings, engine, browser):  # noqa: F811
    settings = console_settings
    base = f"http://127.0.0.1:{settings.port}"
    first, second = new_sender(), new_sender()
    waiting = seed(settings, first, "Bonjour, j'ai une question", language="fr", topic="general")
    other = seed(settings, second, "Allô?", language="fr", topic="passport")
    marie = add_officer(settings, "Marie Roy", teams=("passport", "general"), languages=("fr",), gender="f")
    page = await console_page(browser, "fr-CA")
    problems: List[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))

    async with running_gateway(servers, settings, engine) as client:
        await sign_in(page, base, marie)
        await expect(page.locator("html")).to_have_attribute("lang", "fr")
        replies = await rest(client, first, "On m'a volé mon passeport, je pars dans 3 jours")
        assert say("handoff_waiting_urgent", "fr", position="1er") in texts(replies)
        replies = await rest(client, second, "Je précise : c'est pour mon fils")
        assert say("handoff_waiting_ack", "fr", position="2e") in texts(replies)
        top = page.locator("#waiting-list li[data-ticket-id]").first
        await expect(top).to_have_attribute("data-ticket-id", str(waiting), timeout=REPLY_TIMEOUT)
        await expect(top).to_contain_text("Priorité élevée")
        await expect(top.locator(".ticket-item__preview q")).to_have_attribute("lang", "fr")

        await page.keyboard.press("Alt+t")
        await expect(card(page, "mine", waiting)).to_be_visible(timeout=REPLY_TIMEOUT)
        await expect(page.locator("#ticket-meta")).to_contain_text("La personne a demandé à parler à quelqu'un")
        await page.keyboard.press("Alt+t")
        await expect(card(page, "mine", other)).to_be_visible(timeout=REPLY_TIMEOUT)
        await rest(client, first, "Mon vol est à 8 h")
        await expect(card(page, "mine", waiting).locator(".badge--unread")).to_have_text("Nouveau message",
                                                                                          timeout=REPLY_TIMEOUT)
        await expect(page).to_have_title(re.compile(r"^\(1 non lu\) "))

        await page.keyboard.press("Alt+r")
        await page.keyboard.type("/passeport perdu")
        await expect(page.locator("#reply-suggest [role=option]").first).to_contain_text("Passeport perdu")
        await page.keyboard.press("Tab")
        await expect(page.locator("#compose-input")).to_have_value(re.compile("^Veuillez déclarer"))
        await page.locator("#compose-input").fill("")

        await page.locator("#note-input").fill("Vérifié le guide")
        await page.get_by_role("button", name="Ajouter la note").click()
        await expect(page.locator("#transcript .line--note .line__sender")).to_have_text(
            "Note interne de Marie Roy (jamais envoyée)")
        await page.locator("#ticket-heading").focus()
        await page.keyboard.press("?")
        await expect(page.locator("#shortcuts-dialog h2")).to_have_text("Raccourcis clavier")
        await page.get_by_role("button", name="Fermer").click()
        await expect(page.locator("#shortcuts-dialog")).to_be_hidden()
        for selector in ("#resolve-outcome", "#resolve-button"):
            await reachable_without_scrolling(page, selector)
    assert not problems, problems
    await page.context.close()


async def notified(page: Page, title: str) -> None:
    # waits on the page's own attribute (wait_for_function would eval, which the console's CSP forbids)
    await expect(page.locator("html")).to_have_attribute(
        "data-notified", re.compile(r"(^|\|)" + re.escape(title) + r"(\||$)"), timeout=REPLY_TIMEOUT)


async def test_sound_and_notifications_are_opt_in_and_remembered(servers, console_settings, engine, browser):  # noqa: F811
    settings = console_settings
    base = f"http://127.0.0.1:{settings.port}"
    sender = new_sender()
    mine = seed(settings, sender, "I have a question about my passport", topic="passport")
    open_one = seed(settings, new_sender(), "Another question", topic="passport")
    alex = add_officer(settings, "Alex Martin", teams=("passport", "general"), languages=("en",))
    lea = add_officer(settings, "Lea Expert", role="expert", teams=("passport",), languages=("en",))
    page = await console_page(browser, "en-CA", alerts=True)

    async with running_gateway(servers, settings, engine) as client:
        await sign_in(page, base, alex)
        await expect(page.locator("#waiting-list li[data-ticket-id]")).to_have_count(2)
        await page.keyboard.press("Alt+t")
        await expect(card(page, "mine", mine)).to_be_visible(timeout=REPLY_TIMEOUT)
        await page.keyboard.press("Alt+t")
        await expect(page.locator("#ticket-heading")).to_contain_text(f"Ticket {open_one}")

        # Off by default: a citizen's reply makes no sound and no notification.
        await rest(client, sender, "first reply")
        await expect(card(page, "mine", mine).locator(".badge--unread")).to_be_visible(timeout=REPLY_TIMEOUT)
        assert await page.evaluate("[window.__notified.length, window.__tones]") == [0, 0]

        await page.get_by_label("Sound and notifications").check()
        await expect(page.locator("#alerts-hint")).to_be_visible()
        await page.reload()
        await expect(page.get_by_label("Sound and notifications")).to_be_checked()  # remembered
        await page.locator(f"#mine-list li[data-ticket-id='{open_one}'] button.open").click()
        await expect(page.locator("#ticket-heading")).to_contain_text(f"Ticket {open_one}")

        # A citizen's reply in another conversation.
        await rest(client, sender, "second reply")
        await notified(page, f"Ticket {mine}: the citizen replied")
        # A new ticket (a citizen asks the real assistant for a person).
        await rest(client, new_sender(), "I want to talk to a real person")
        await notified(page, "New ticket waiting: Citizen asked for a person")
        # An expert's answer on the open conversation.
        async with ConsoleUser(base) as officer, ConsoleUser(base) as expert:
            assert await officer.sign_in(alex, PASSWORD) == 303
            assert await expert.sign_in(lea, PASSWORD) == 303
            asked = await officer.post(f"/console/api/tickets/{open_one}/consults",
                                       {"team": "passport", "question": "Can a cousin be a guarantor?"})
            consult = asked["consult_id"]
            await expect(page.locator("#consult-list li")).to_have_count(1, timeout=REPLY_TIMEOUT)
            await expert.post(f"/console/api/consults/{consult}/answer", {"text": "Yes, after 2 years."})
        await notified(page, f"Ticket {open_one}: an expert answered")
        assert await page.evaluate("window.__tones") >= 3
    await page.context.close()


async def test_a_trainer_lands_on_the_inbox(servers, console_settings, engine):
    settings = console_settings
    base = f"http://127.0.0.1:{settings.port}"
    trainer = add_officer(settings, "Tom Trainer", role="trainer", teams=("general",), languages=("en",))
    officer = add_officer(settings, "Alex Martin", teams=("general",), languages=("en",))
    async with running_gateway(servers, settings, engine):
        for username, status, location in ((trainer, 303, "/console/inbox"), (officer, 200, None)):
            async with ConsoleUser(base) as user:
                assert await user.sign_in(username, PASSWORD) == 303
                async with user.http.get("/console", allow_redirects=False) as reply:
                    assert (reply.status, reply.headers.get("Location")) == (status, location)
