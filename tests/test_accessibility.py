"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any page, in English and in French
(issue 13), in headless Chromium through the real gateway and the real model: the citizen web
chat after the welcome and an answer with buttons (on a phone), then with an officer answering
(on a phone and a computer); the console sign-in page and its error; the officer console with a
ticket open, its shortcuts dialog, and an expert's answer in the ticket; the expert's consult
view; the supervisor's console; the analytics dashboard, the tickets behind a count and a
transcript; the trainer's NLU inbox (and a label confirmed with its Undo) and the knowledge
drafts page, each with something in it.

axe-core comes from npm, pinned by tests/support/axe/package-lock.json and installed by
scripts/axe.sh (which scripts/test.sh runs). The pages' Content-Security-Policy allows no inline
script, so axe is injected as an init script (the DevTools protocol, which a page's policy does
not govern), and run by an expression, never by a string the page would have to eval."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest
from playwright.async_api import Page, expect

from tests.support.browser import browser  # noqa: F401  (pytest fixture)
from tests.support.gateway import running_gateway
from tests.test_console_page import (  # noqa: F401  (console_settings is a fixture)
    PASSWORD, REPLY_TIMEOUT, add_officer, console_settings,
)

AXE = Path(__file__).resolve().parent / "support" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = ("axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})"
       ".then(r => ({version: r.testEngine.version, passed: r.passes.length,"
       " violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
       " nodes: v.nodes.map(n => n.target.join(' '))}))}))")
WORDS = {  # what the people say and press, by language
    "en": {"help": "help", "person": "I want to talk to a real person", "ask": "Ask", "open": "Open",
           "send": "Send answer", "propose": "Propose as knowledge",
           "answer": "Yes, if they have known the applicant for 2 years.",
           "reply": "Hello, I'm an officer. Let me check."},
    "fr": {"help": "aide", "person": "je veux parler à un agent s'il vous plaît", "ask": "Demander", "open": "Ouvrir",
           "send": "Envoyer la réponse", "propose": "Proposer comme connaissance",
           "answer": "Oui, si elle connaît la personne depuis 2 ans.",
           "reply": "Bonjour, je suis agente. Je vérifie."},
}


@pytest.fixture
def axe_source() -> str:
    if not AXE.is_file():
        message = (f"axe-core is not installed at {AXE}: run `bash scripts/axe.sh` "
                   "(npm ci from tests/support/axe/package-lock.json).")
        if os.environ.get("GOVBOT_REQUIRE_CHROMIUM") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


async def new_page(browser: Any, axe_source: str, language: str, size: Dict[str, int]) -> Page:  # noqa: F811
    context = await browser.new_context(locale="fr-CA" if language == "fr" else "en-CA",
                                        timezone_id="America/Toronto", viewport=size)
    await context.add_init_script(script=axe_source)
    if language == "fr":
        await context.add_init_script(script="localStorage.setItem('govbot.console.lang', 'fr')")
    return await context.new_page()


async def no_violations(page: Page, where: str, found: List[str]) -> None:
    """Runs axe on the page as it is now; each violation is written down with where it was."""
    result = await page.evaluate(RUN % json.dumps(TAGS))
    assert result["passed"] > 5, (where, result)  # axe ran its rules on a real page
    print(f"{where}: axe {result['version']}, {result['passed']} rules passed, "
          f"{len(result['violations'])} violated")
    for violation in result["violations"]:
        found.append(f"{where}: {violation['id']} ({violation['impact']}) {violation['help']} "
                     f"-> {', '.join(violation['nodes'])}")


async def sign_in(page: Page, base: str, username: str, language: str) -> None:
    await page.goto(f"{base}/console/login?lang={language}")
    await page.locator("input[name=username]").fill(username)
    await page.locator("input[name=password]").fill(PASSWORD)
    await page.locator("form button[type=submit]").click()
    await expect(page).not_to_have_url(re.compile("/console/login"))


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_every_page_has_no_axe_violation(servers, console_settings, engine, browser,  # noqa: F811
                                               axe_source, language):
    settings = console_settings
    base = f"http://127.0.0.1:{settings.port}"
    words = WORDS[language]
    officer = add_officer(settings, "Alex Martin", teams=("passport", "general"), languages=(language,))
    expert = add_officer(settings, "Léa Expert", role="expert", teams=("passport",), languages=("en", "fr"))
    supervisor = add_officer(settings, "Sam Tremblay", role="supervisor", teams=("passport",), languages=("en", "fr"))
    trainer = add_officer(settings, "Tom Trainer", role="trainer", teams=("passport",), languages=("en", "fr"))
    wide = {"width": 1280, "height": 800}
    found: List[str] = []

    async with running_gateway(servers, settings, engine):
        # The citizen's web chat, after the welcome and an answer with buttons.
        chat = await new_page(browser, axe_source, language, {"width": 390, "height": 844})
        await chat.goto(f"{base}/chat?lang={language}")
        await chat.locator("#chat-input").fill(words["help"])
        await chat.locator("#chat-input").press("Enter")
        await expect(chat.locator("#chat-log .quick-reply").first).to_be_visible(timeout=REPLY_TIMEOUT)
        await no_violations(chat, f"/chat ({language})", found)
        # words the model does not understand: the trainer's inbox will have them
        answers = chat.locator("#chat-log .msg--bot")
        before = await answers.count()
        await chat.locator("#chat-input").fill("zqx plorf vrimble")
        await chat.locator("#chat-input").press("Enter")
        await expect(answers.nth(before)).to_be_visible(timeout=REPLY_TIMEOUT)
        await chat.locator("#chat-input").fill(words["person"])  # handed off: the ticket the officer opens
        await chat.locator("#chat-input").press("Enter")
        await expect(chat.locator("#chat-log .msg--system")).to_have_count(1, timeout=REPLY_TIMEOUT)

        # The console's sign-in page, then the officer with the ticket open and a question to an expert.
        desk = await new_page(browser, axe_source, language, wide)
        await desk.goto(f"{base}/console/login?lang={language}")
        await no_violations(desk, f"/console/login ({language})", found)  # one page in both languages
        await desk.locator("input[name=username]").fill(officer)
        await desk.locator("input[name=password]").fill("not the password")
        await desk.locator("form button[type=submit]").click()
        await expect(desk.locator("#login-error")).to_be_visible()
        await no_violations(desk, f"/console/login, wrong password ({language})", found)
        await sign_in(desk, base, officer, language)
        await desk.locator("#waiting-list li[data-ticket-id] button.take").click()
        await expect(desk.locator("#compose-input")).to_be_enabled(timeout=REPLY_TIMEOUT)
        await desk.locator("#compose-input").fill(words["reply"])
        await desk.locator("#compose-input").press("Enter")
        await expect(chat.locator("#chat-log .msg--officer")).to_contain_text(words["reply"], timeout=REPLY_TIMEOUT)
        await no_violations(chat, f"/chat, an officer answering, on a phone ({language})", found)
        await chat.set_viewport_size(wide)
        await no_violations(chat, f"/chat, an officer answering, on a computer ({language})", found)
        await desk.locator("#consult-team").select_option("passport")
        await desk.locator("#consult-input").fill("Can a cousin be a passport guarantor?")
        await desk.get_by_role("button", name=words["ask"], exact=True).click()
        await expect(desk.locator("#consult-list li")).to_have_count(1, timeout=REPLY_TIMEOUT)
        await expect(desk.locator("#transcript .line--officer")).to_have_count(1)
        await no_violations(desk, f"/console, ticket open ({language})", found)
        await desk.locator("#ticket-heading").focus()
        await desk.keyboard.press("?")
        await expect(desk.locator("#shortcuts-dialog")).to_be_visible()
        await no_violations(desk, f"/console, keyboard shortcuts ({language})", found)
        await desk.keyboard.press("Escape")

        # The expert's view, the consult open.
        consult = await new_page(browser, axe_source, language, wide)
        await sign_in(consult, base, expert, language)
        await consult.locator("#expert-list li").first.get_by_role("button", name=words["open"]).click()
        await expect(consult.locator("#consult-transcript")).to_contain_text(words["person"], timeout=REPLY_TIMEOUT)
        await no_violations(consult, f"/console, expert's consult ({language})", found)
        await consult.locator("#answer-input").fill(words["answer"])
        await consult.get_by_role("button", name=words["send"]).click()
        await expect(desk.locator("#consult-list li .consult__answer")).to_have_text(words["answer"],
                                                                                 timeout=REPLY_TIMEOUT)
        await no_violations(desk, f"/console, the expert's answer in the ticket ({language})", found)
        await desk.get_by_role("button", name=words["propose"]).click()  # a knowledge draft for the trainer
        await expect(desk.locator("#console-status")).not_to_be_empty()

        # The analytics dashboard (a supervisor), the NLU inbox and the knowledge drafts (a trainer).
        board = await new_page(browser, axe_source, language, wide)
        await sign_in(board, base, supervisor, language)
        await expect(board.locator("#supervisor-view")).to_be_visible()
        await expect(board.locator("#supervisor-view")).to_contain_text("Alex Martin")
        await no_violations(board, f"/console, supervisor ({language})", found)
        await board.goto(f"{base}/console/analytics?lang={language}")
        await expect(board.locator("#per-officer")).to_contain_text("Alex Martin")
        await no_violations(board, f"/console/analytics ({language})", found)
        await board.locator("#fig-handoffs dd a").click()  # the tickets behind a count, then one's transcript
        await expect(board.locator("#tickets tbody tr")).to_have_count(1)
        await no_violations(board, f"/console/analytics/tickets ({language})", found)
        await board.locator("#tickets a.transcript").click()
        await expect(board.locator("#transcript")).to_contain_text(words["reply"])
        await no_violations(board, f"/console/analytics/tickets/N/transcript ({language})", found)
        training = await new_page(browser, axe_source, language, wide)
        await sign_in(training, base, trainer, language)
        for path, filled in (("/console/inbox", "zqx plorf vrimble"), ("/console/inbox/knowledge", "cousin")):
            await training.goto(f"{base}{path}?lang={language}")
            await expect(training.locator("html")).to_have_attribute("lang", language)
            await expect(training.locator("main")).to_contain_text(filled)
            await no_violations(training, f"{path} ({language})", found)
        await training.goto(f"{base}/console/inbox?lang={language}")  # a label confirmed, with its Undo
        group = training.locator(".inbox-group", has_text="zqx plorf vrimble")
        await group.locator("select").select_option("out_of_scope")
        await group.locator("button[type=submit]").click()
        await expect(training.locator("#undo")).to_be_visible()
        await no_violations(training, f"/console/inbox, labelled, with Undo ({language})", found)
        for page in (chat, desk, consult, board, training):
            await page.context.close()
    assert not found, "axe-core found violations:\n" + "\n".join(found)


async def test_a_violation_is_reported_with_its_rule_and_place(browser, axe_source):  # noqa: F811
    page = await new_page(browser, axe_source, "en", {"width": 800, "height": 600})
    await page.set_content('<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
                           '<img id="nameless" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                           '<p style="color:#bbb;background:#fff">pale</p></main></body></html>')
    found: List[str] = []
    await no_violations(page, "sample", found)
    await page.context.close()
    assert any(line.startswith("sample: image-alt (critical)") and line.endswith("-> #nameless")
               for line in found), found
    assert any(line.startswith("sample: color-contrast (serious)") for line in found), found
