"""The citizen web chat page (bot/web/static/webchat/) in headless Chromium, against the
real gateway: the project's app factory, the real web chat channel and storage, on a
loopback port. Only the engine stands in, as in the other web chat gateway tests:
RemoteEngine talking to the Rasa emulator (tests/support/rasa_emulator.py), which answers
"Answer: <message>" or what a test scripted. An officer speaks through the real desk.

What the page sends is read from the browser's own WebSocket frames (Playwright's
`framesent`); every wait is on a frame, a selector or the emulator, never a sleep.
Answers in a real conversation (the trained model): tests/test_webchat_gateway.py.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from typing import Any, AsyncIterator, Callable, Dict, List

import pytest
from aiohttp import web
from playwright.async_api import Page, WebSocket, expect

from bot.engine.remote import RemoteEngine
from bot.gateway.keys import DESK
from bot.handoff import accounts, queue
from bot.settings import Settings
from bot.storage.database import Database
from tests.support.browser import BrowserUnavailable, browser, launch_chromium, page  # noqa: F401
from tests.support.gateway import start_gateway
from tests.support.rasa_emulator import RasaEmulator
from tests.test_webchat_delivery import rasa  # noqa: F401  (pytest fixture)

Frame = Dict[str, Any]

FEES_EN = "https://www.canada.ca/en/immigration-refugees-citizenship/services/canadian-passports/fees.html"
FEES_FR = "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/passeports-canadiens/frais.html"
UNKNOWN_URL = "https://www.example.org/page.html"
XSS_TEXT = '<script>window.__xss = "script"</script><img src="/xss.png" onerror="window.__xss = \'img\'">'
YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
STRIP = re.compile(r"\s+")


def _norm(text: str) -> str:
    return STRIP.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


@pytest.fixture
def settings(settings: Settings, database_urls) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("a page behaviour, run once on SQLite")
    return settings


class Gateway:
    """The real gateway on settings.port, with RemoteEngine on the Rasa emulator."""

    def __init__(self, settings: Settings, rasa: RasaEmulator) -> None:
        self.settings = settings
        self.rasa = rasa
        self.url = f"http://127.0.0.1:{settings.port}"
        self.engine = RemoteEngine(rasa.url)
        self.runner: web.AppRunner | None = None

    async def start(self) -> None:
        self.runner = await start_gateway(self.settings, self.engine)

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None


@pytest.fixture
async def gateway(settings: Settings, rasa: RasaEmulator) -> AsyncIterator[Gateway]:  # noqa: F811
    running = Gateway(settings, rasa)
    await running.engine.start()
    await running.start()
    try:
        yield running
    finally:
        await running.stop()
        await running.engine.close()


class Sent:
    """The frames the page sent on its sockets, read from the browser (all sockets, in order)."""

    def __init__(self, page: Page) -> None:
        self.frames: List[Frame] = []
        self.sockets = 0
        self._changed = asyncio.Event()
        page.on("websocket", self._socket)

    def _socket(self, socket: WebSocket) -> None:
        self.sockets += 1
        socket.on("framesent", self._sent)

    def _sent(self, payload: Any) -> None:
        self.frames.append(json.loads(payload))
        self._changed.set()

    def of(self, kind: str) -> List[Frame]:
        return [frame for frame in self.frames if frame.get("type") == kind]

    async def wait_for(self, wanted: Callable[[Frame], bool], after: int = 0, timeout: float = 30) -> Frame:
        async def first() -> Frame:
            while True:
                for frame in self.frames[after:]:
                    if wanted(frame):
                        return frame
                self._changed.clear()
                await self._changed.wait()
        return await asyncio.wait_for(first(), timeout)


async def open_chat(page: Page, gateway: Gateway, query: str = "") -> Sent:
    """The page, connected: its hello is answered (the conversation id is stored)."""
    sent = Sent(page)
    await page.goto(f"{gateway.url}/chat{query}")
    await sent.wait_for(lambda frame: frame["type"] == "hello")
    await page.wait_for_function("localStorage.getItem('govbot.conversation_id') !== null")
    return sent


async def send_typed(page: Page, text: str) -> None:
    await page.locator("#chat-input").focus()
    await page.keyboard.type(text)
    await page.keyboard.press("Enter")


async def log_texts(page: Page) -> List[str]:
    return [_norm(text) for text in await page.locator("#chat-log .msg").all_text_contents()]


async def active_id(page: Page) -> str:
    return await page.evaluate("document.activeElement ? document.activeElement.id : ''")


def last_bot(page: Page):
    return page.locator("#chat-log .msg--bot").last


def answered(page: Page, text: str):
    return page.locator("#chat-log .msg--bot", has_text=f"Answer: {text}")


# ------------------------------------------------------------------ the page


async def test_page_structure_canada_look_and_send_by_enter(gateway: Gateway, page: Page) -> None:
    sent = await open_chat(page, gateway)
    assert sent.of("hello")[0] == {"type": "hello", "conversation_id": None, "language": "en"}

    assert await page.evaluate("document.documentElement.lang") == "en"
    signature = page.locator("header #gc-signature")
    await expect(signature).to_have_attribute("src", "/static/common/images/sig-blk-en.svg")
    await expect(signature).to_have_attribute("alt", "Government of Canada")
    await expect(page.locator("#gc-signature-other")).to_have_attribute("lang", "fr")
    await expect(page.locator("header")).to_contain_text("Gouvernement du Canada")  # read, not shown
    wordmark = page.locator("footer #gc-wordmark")
    await expect(wordmark).to_have_attribute("alt", "Symbol of the Government of Canada")
    for image in (signature, wordmark):  # drawn, from this host
        assert await image.evaluate("i => i.complete && i.naturalWidth > 0")
    await expect(page.locator("main h1")).to_have_text("Ask a question about passports and benefits")
    await expect(page.locator("#lang-toggle")).to_have_text("Français")
    await expect(page.locator("#lang-toggle")).to_have_attribute("lang", "fr")
    notice = _norm(await page.locator("#chat-notice").inner_text())
    assert "automated assistant" in notice
    assert "Social Insurance Number (SIN)" in notice and "passport number" in notice

    # Lato for headings, Noto Sans for text: our own files, loaded.
    fonts = await page.evaluate("""async () => {
        await document.fonts.ready;
        return [getComputedStyle(document.querySelector('h1')).fontFamily,
                getComputedStyle(document.body).fontFamily,
                document.fonts.check('700 16px Lato'), document.fonts.check('400 16px "Noto Sans"'),
                [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)];
    }""")
    assert fonts[0].startswith("Lato") and fonts[1].startswith('"Noto Sans"'), fonts
    assert {"Lato 700", "Noto Sans 400"} <= set(fonts[4]), fonts

    log = page.locator("#chat-log")
    await expect(log).to_have_attribute("role", "log")
    await expect(log).to_have_attribute("aria-live", "polite")
    assert await page.get_by_label("Your question").evaluate("e => e.id") == "chat-input"
    await expect(page.get_by_role("button", name="Send")).to_have_count(1)

    # Enter sends; the citizen's message and the answer appear in the log.
    await send_typed(page, "  How do I renew my passport?  ")
    frame = await sent.wait_for(lambda f: f["type"] == "message")
    assert frame == {"type": "message", "text": "How do I renew my passport?", "client_id": frame["client_id"]}
    await expect(last_bot(page)).to_contain_text("Answer: How do I renew my passport?")
    await expect(page.locator("#chat-log .msg--citizen").first).to_contain_text("Delivered")
    await expect(page.locator("#chat-input")).to_have_value("")
    assert await active_id(page) == "chat-input"

    citizen = page.locator("#chat-log .msg--citizen").first
    assert _norm(await citizen.locator(".msg__prefix").text_content() or "") == "You said:"
    assert await citizen.locator(".msg__prefix").evaluate("e => getComputedStyle(e).position") == "absolute"
    assert _norm(await last_bot(page).locator(".msg__prefix").text_content() or "") == "Assistant:"
    await expect(last_bot(page).locator("time[datetime]")).to_have_count(1)
    await expect(page.locator("#chat-typing")).to_be_hidden()

    # Shift+Enter adds a new line; the next Enter sends both lines as one message.
    await page.keyboard.type("line one")
    await page.keyboard.press("Shift+Enter")
    await page.keyboard.type("line two")
    await expect(page.locator("#chat-input")).to_have_value("line one\nline two")
    await page.keyboard.press("Enter")
    await expect(answered(page, "line one\nline two")).to_have_count(1)

    # Blank input is not sent; a polite message says why.
    await page.keyboard.type("   ")
    await page.keyboard.press("Enter")
    await expect(page.locator("#chat-form-message")).to_have_text("Type a question before you select Send.")
    await expect(page.locator("#chat-input")).to_have_attribute("aria-invalid", "true")
    assert [f["text"] for f in sent.of("message")] == ["How do I renew my passport?", "line one\nline two"]
    assert gateway.rasa.received == ["How do I renew my passport?", "line one line two"]  # the gateway folds lines


async def test_keyboard_only_navigation(gateway: Gateway, page: Page) -> None:
    gateway.rasa.scripted["Where is my benefit payment?"] = [{"text": "Did you apply online?", "buttons": YES_NO}]
    gateway.rasa.scripted["/affirm"] = [{"text": "You chose yes."}]
    sent = await open_chat(page, gateway)

    order = []
    for _ in range(15):
        await page.keyboard.press("Tab")
        order.append(await page.evaluate(
            "(() => { const e = document.activeElement; return e.id || e.className || e.tagName; })()"))
        if order[-1] == "chat-input":
            break
    assert order[0] == "skip-link"
    assert "lang-toggle" in order and "chat-log" in order
    assert order[-1] == "chat-input", order

    outline = await page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
    assert outline[0] != "none" and outline[1] >= 2, outline

    await page.keyboard.type("Where is my benefit payment?")
    await page.keyboard.press("Enter")
    await expect(last_bot(page)).to_contain_text("Did you apply online?")

    # Shift+Tab back into the log reaches the suggested replies (real <button>s).
    for _ in range(6):
        await page.keyboard.press("Shift+Tab")
        if await page.evaluate("document.activeElement.textContent") == "Yes":
            break
    focused = await page.evaluate(
        "(() => { const e = document.activeElement; return [e.tagName, e.textContent,"
        " getComputedStyle(e).outlineStyle]; })()")
    assert focused == ["BUTTON", "Yes", focused[2]] and focused[2] != "none", focused
    await page.keyboard.press("Enter")
    frame = await sent.wait_for(lambda f: f["type"] == "button")
    assert frame == {"type": "button", "payload": "/affirm", "title": "Yes", "client_id": frame["client_id"]}
    await expect(page.locator("#chat-input")).to_be_focused()
    await expect(last_bot(page)).to_contain_text("You chose yes.")

    # Tab to Send, and the space bar sends.
    await page.keyboard.type("Thanks")
    await page.keyboard.press("Tab")
    assert await active_id(page) == "chat-send"
    await page.keyboard.press("Space")
    await expect(answered(page, "Thanks")).to_have_count(1)

    # The skip link jumps to the input.
    await page.locator(".skip-link").focus()
    await page.keyboard.press("Enter")
    await expect(page.locator("#chat-input")).to_be_focused()


async def test_a_suggested_reply_sends_its_payload_and_links_read_as_the_page_name(gateway: Gateway, page: Page) -> None:
    gateway.rasa.scripted["Tell me about fees"] = [{"text": "Do you live in Canada?", "buttons": YES_NO}]
    gateway.rasa.scripted["/deny"] = [{"text": f"See {FEES_EN}. Other sites: {UNKNOWN_URL}"}]
    sent = await open_chat(page, gateway)
    await send_typed(page, "Tell me about fees")
    await expect(last_bot(page)).to_contain_text("Do you live in Canada?")

    group = page.locator("#chat-log .quick-replies").last
    await expect(group).to_have_attribute("role", "group")
    await expect(group).to_have_attribute("aria-label", "Suggested replies")
    await page.get_by_role("button", name="No").click()
    frame = await sent.wait_for(lambda f: f["type"] == "button")
    assert frame == {"type": "button", "payload": "/deny", "title": "No", "client_id": frame["client_id"]}
    await expect(page.locator("#chat-input")).to_be_focused()
    await expect(page.locator("#chat-log .msg--citizen").last).to_contain_text("No")
    await expect(page.get_by_role("button", name="Yes")).to_be_disabled()

    # The catalogued page reads as its name (WCAG 2.4.4); its sentence's period stays outside.
    reply = last_bot(page)
    fees = reply.get_by_role("link", name="Passport fees (opens in a new tab)")
    await expect(fees).to_have_attribute("href", FEES_EN)
    await expect(fees).to_have_attribute("target", "_blank")
    assert "noopener" in (await fees.get_attribute("rel") or "")
    assert await fees.evaluate("a => a.firstChild.textContent") == "Passport fees"
    await expect(reply.locator(".msg__text")).to_contain_text("See Passport fees (opens in a new tab). Other sites")
    # A URL the catalogue does not name stays as written, still a link.
    await expect(reply.get_by_role("link", name=f"{UNKNOWN_URL} (opens in a new tab)")).to_have_count(1)
    # Canada.ca's link colours: #284162, visited #7834bc (Chromium hides :visited from scripts,
    # so the stylesheet's rule is what is checked).
    assert await fees.evaluate("a => getComputedStyle(a).color") == "rgb(40, 65, 98)"
    visited = await page.evaluate("""() => [...document.styleSheets].flatMap(s => [...s.cssRules])
        .filter(r => r.selectorText === 'a:visited').map(r => r.style.color)""")
    assert "rgb(120, 52, 188)" in visited, visited


async def test_text_from_the_server_is_shown_never_executed(gateway: Gateway, page: Page) -> None:
    gateway.rasa.scripted["markup please"] = [
        {"text": XSS_TEXT, "buttons": [{"title": "<b>bold</b>", "payload": "/x"}]},
        {"text": 'Not a link: javascript:alert(1) and https://example.com/"><script>window.__xss=1</script>'},
    ]
    requests: List[str] = []
    page.on("request", lambda request: requests.append(request.url))
    await open_chat(page, gateway)
    await page.evaluate("window.__xss = undefined")
    await send_typed(page, "markup please")
    await expect(page.locator("#chat-log .msg--bot", has_text="Not a link")).to_have_count(1)
    await send_typed(page, "<script>window.__xss = 'citizen'</script>")
    await expect(last_bot(page)).to_contain_text("Answer: <script>window.__xss = 'citizen'</script>")

    await expect(page.locator("#chat-log .msg--bot").first).to_contain_text(XSS_TEXT)
    await expect(page.get_by_role("button", name="<b>bold</b>")).to_have_count(1)
    assert await page.locator("#chat-log script, #chat-log img, #chat-log b").count() == 0
    assert await page.evaluate("typeof window.__xss") == "undefined"
    assert not [url for url in requests if "xss" in url]
    links = await page.locator("#chat-log a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert links == ["https://example.com/"], "only the https URL, and only up to the quote"


async def test_a_reload_resumes_the_conversation_from_the_gateway(gateway: Gateway, page: Page) -> None:
    gateway.rasa.scripted["Passport fees"] = [{"text": f"Fees: {FEES_EN}", "buttons": YES_NO}]
    sent = await open_chat(page, gateway)
    await send_typed(page, "Passport fees")
    await expect(last_bot(page)).to_contain_text("Fees:")
    conversation = await page.evaluate("localStorage.getItem('govbot.conversation_id')")
    before = await log_texts(page)

    frames = len(sent.frames)
    await page.reload()
    hello = await sent.wait_for(lambda f: f["type"] == "hello", after=frames)
    assert hello == {"type": "hello", "conversation_id": conversation, "language": "en"}
    await expect(page.locator("#chat-log .msg")).to_have_count(2)
    assert await log_texts(page) == before
    assert await page.evaluate("localStorage.getItem('govbot.conversation_id')") == conversation
    # The stored answer keeps its link's name, its time (read as UTC) and its live suggested replies.
    await expect(last_bot(page).get_by_role("link", name="Passport fees (opens in a new tab)")).to_have_count(1)
    stamp = await last_bot(page).locator("time").get_attribute("datetime")
    assert stamp and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", stamp)
    shown = await page.evaluate("Date.now()")
    assert abs(await page.evaluate(f"Date.parse({json.dumps(stamp)})") - shown) < 10 * 60_000, \
        "a naive database time is UTC, not the browser's local time"
    await page.get_by_role("button", name="Yes").click()
    await expect(answered(page, "/affirm")).to_have_count(1)


async def test_the_french_page(gateway: Gateway, page: Page) -> None:
    gateway.rasa.language = "fr"
    gateway.rasa.scripted["Bonjour"] = [{"text": f"Bonjour! Les frais : {FEES_FR}",
                                         "buttons": [{"title": "Oui", "payload": "/affirm"}]}]
    sent = await open_chat(page, gateway, "?lang=fr")
    assert sent.of("hello")[-1]["language"] == "fr"
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await expect(page.locator("main h1")).to_have_text("Posez une question sur les passeports et les prestations")
    await expect(page.locator("#lang-toggle")).to_have_text("English")
    await expect(page.locator("#gc-signature")).to_have_attribute("src", "/static/common/images/sig-blk-fr.svg")
    await expect(page.locator("#gc-signature")).to_have_attribute("alt", "Gouvernement du Canada")
    await expect(page.locator("#gc-signature-other")).to_have_attribute("lang", "en")
    await expect(page.locator("#gc-wordmark")).to_have_attribute("alt", "Symbole du gouvernement du Canada")
    await expect(page.locator("#chat-counter")).to_have_text(re.compile(r"0\scaractère sur 2\s000"))

    await send_typed(page, "Bonjour")
    await expect(last_bot(page)).to_contain_text("Bonjour!")
    await expect(page.locator("#chat-log .msg--citizen").first).to_contain_text("Transmis")
    assert _norm(await page.locator("#chat-log .msg--citizen .msg__prefix").text_content() or "") == "Vous avez dit :"
    assert _norm(await last_bot(page).locator(".msg__prefix").text_content() or "") == "Assistant :"
    await expect(last_bot(page).get_by_role("link", name="Frais de passeport (s\u2019ouvre dans un nouvel onglet)")
                 ).to_have_attribute("href", FEES_FR)
    await expect(page.locator("#chat-log .quick-replies").last).to_have_attribute("aria-label", "Réponses suggérées")
    await expect(page.locator("#chat-lang-offer")).to_be_hidden()


async def test_the_language_toggle_switches_labels_and_tells_the_gateway(gateway: Gateway, page: Page) -> None:
    sent = await open_chat(page, gateway)
    await send_typed(page, "Hello")
    await expect(answered(page, "Hello")).to_have_count(1)
    frames = len(sent.frames)

    await page.locator("#lang-toggle").focus()
    await page.keyboard.press("Enter")
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await expect(page.locator("#chat-send")).to_have_text("Envoyer")
    await expect(page.locator("#lang-toggle")).to_have_text("English")
    await expect(page.locator("#lang-toggle")).to_be_focused()
    await expect(page.locator("#gc-signature")).to_have_attribute("src", "/static/common/images/sig-blk-fr.svg")
    assert page.url.endswith("/chat?lang=fr")
    hello = await sent.wait_for(lambda f: f["type"] == "hello", after=frames)
    assert hello["language"] == "fr"
    assert hello["conversation_id"] == await page.evaluate("localStorage.getItem('govbot.conversation_id')")
    await expect(page.locator("#chat-log .msg--citizen .msg__prefix").first).to_have_text("Vous avez dit\u00a0:")
    await expect(page.locator("#chat-log .msg")).to_have_count(2)

    await page.locator("#lang-toggle").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await sent.wait_for(lambda f: f["type"] == "hello" and f["language"] == "en", after=frames)
    assert "?lang=en" in page.url


async def test_each_message_carries_its_language_and_the_page_offers_to_follow(gateway: Gateway, page: Page) -> None:
    sent = await open_chat(page, gateway)
    await send_typed(page, "Hello")
    await expect(answered(page, "Hello")).to_have_count(1)
    await expect(last_bot(page).locator(".msg__text")).to_have_attribute("lang", "en")
    offer = page.locator("#chat-lang-offer")
    await expect(offer).to_be_hidden()  # the conversation is in the page's language

    gateway.rasa.language = "fr"
    gateway.rasa.scripted["Bonjour"] = [{"text": f"Voici les frais : {FEES_FR}"}]
    await send_typed(page, "Bonjour")
    french = last_bot(page).locator(".msg__text")
    await expect(french).to_have_attribute("lang", "fr")
    await expect(french.locator("a .wb-inv")).to_have_text(" (s\u2019ouvre dans un nouvel onglet)")
    follow = page.locator("#chat-lang-follow")
    await expect(follow).to_have_text("Afficher cette page en français")
    await expect(follow).to_have_attribute("lang", "fr")
    assert await page.evaluate("document.documentElement.lang") == "en", "an offer, not a switch"

    frames = len(sent.frames)
    await follow.focus()
    await page.keyboard.press("Enter")
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await expect(page.locator("#chat-send")).to_have_text("Envoyer")
    await expect(offer).to_be_hidden()
    await expect(page.locator("#chat-input")).to_be_focused()
    assert (await sent.wait_for(lambda f: f["type"] == "hello", after=frames))["language"] == "fr"

    gateway.rasa.language = "en"
    await send_typed(page, "Thanks")
    await expect(follow).to_have_text("Show this page in English")
    await expect(follow).to_have_attribute("lang", "en")


async def test_a_message_typed_while_the_gateway_is_down_is_sent_when_it_is_back(gateway: Gateway, page: Page) -> None:
    sent = await open_chat(page, gateway)
    await send_typed(page, "First question")
    await expect(answered(page, "First question")).to_have_count(1)
    conversation = await page.evaluate("localStorage.getItem('govbot.conversation_id')")

    await gateway.stop()
    status = page.locator("#chat-status")
    await expect(status).to_contain_text("Reconnecting")
    await expect(status).to_have_attribute("role", "status")
    await send_typed(page, "Typed while offline")
    pending = page.locator("#chat-log .msg--pending")
    await expect(pending).to_contain_text("Typed while offline")
    await expect(pending).to_contain_text("Waiting to send")
    await expect(status).to_contain_text("Your messages will be sent when the connection is back.")
    assert "Typed while offline" not in [f.get("text") for f in sent.of("message")]

    frames = len(sent.frames)
    await gateway.start()
    hello = await sent.wait_for(lambda f: f["type"] == "hello", after=frames)
    assert hello == {"type": "hello", "conversation_id": conversation, "language": "en"}
    await expect(answered(page, "Typed while offline")).to_have_count(1, timeout=30_000)
    await expect(pending).to_have_count(0)
    await expect(status).to_contain_text("Connection restored.")
    texts = await log_texts(page)
    assert sum(t.startswith("You said: Typed while offline") for t in texts) == 1
    assert sum(t.startswith("You said: First question") for t in texts) == 1
    assert gateway.rasa.count("Typed while offline") == 1


async def test_the_reconnect_status_in_french(gateway: Gateway, page: Page) -> None:
    await open_chat(page, gateway, "?lang=fr")
    await gateway.stop()
    await expect(page.locator("#chat-status")).to_contain_text("Connexion perdue. Reconnexion en cours")
    await send_typed(page, "Hors ligne")
    await expect(page.locator("#chat-log .msg--pending")).to_contain_text("En attente d\u2019envoi")
    await gateway.start()
    await expect(answered(page, "Hors ligne")).to_have_count(1, timeout=30_000)
    await expect(page.locator("#chat-status")).to_contain_text("Connexion rétablie.")


async def test_the_character_limit_is_enforced_with_a_visible_message(gateway: Gateway, page: Page) -> None:
    sent = await open_chat(page, gateway)
    counter = page.locator("#chat-counter")
    await expect(counter).to_have_text("0 of 2,000 characters")
    await page.locator("#chat-input").fill("a" * 2100)
    assert len(await page.locator("#chat-input").input_value()) == 2000
    await expect(counter).to_have_text("2,000 of 2,000 characters")
    await expect(page.locator("#chat-form-message")).to_have_text("You have reached the limit of 2,000 characters.")
    await page.locator("#chat-input").press("Enter")
    frame = await sent.wait_for(lambda f: f["type"] == "message")
    assert len(frame["text"]) == 2000
    await expect(page.locator("#chat-log .msg--citizen")).to_contain_text("Delivered")
    await expect(counter).to_have_text("0 of 2,000 characters")
    await expect(page.locator("#chat-form-message")).to_be_hidden()


async def test_nothing_is_loaded_from_another_host_and_a_narrow_screen_fits(gateway: Gateway, browser) -> None:  # noqa: F811
    context = await browser.new_context(viewport={"width": 320, "height": 640}, locale="en-CA")
    try:
        small = await context.new_page()
        urls: List[str] = []
        small.on("request", lambda request: urls.append(request.url))
        small.on("websocket", lambda socket: urls.append(socket.url))
        await open_chat(small, gateway)
        await small.evaluate("document.fonts.ready")
        await send_typed(small, "A long question " + "with many words " * 12 + "https://www.canada.ca/en.html")
        await expect(last_bot(small)).to_contain_text("Answer: A long question")
        host = gateway.url.split("//", 1)[1]
        for url in urls:
            assert url.split("//", 1)[1].startswith(host + "/"), f"request outside the host: {url}"
        assert any(u.endswith(".woff2") for u in urls) and any(u.endswith(".svg") for u in urls)
        assert any(u.startswith("ws://") and u.endswith("/webchat/ws") for u in urls)
        assert await small.evaluate("document.documentElement.scrollWidth") <= 320
        box = await small.locator("#chat-send").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320 and box["height"] >= 44
    finally:
        await context.close()


async def test_one_scroll_area_on_a_phone(gateway: Gateway, browser) -> None:  # noqa: F811
    context = await browser.new_context(viewport={"width": 390, "height": 844}, locale="en-CA", has_touch=True)
    try:
        phone = await context.new_page()
        await open_chat(phone, gateway)
        for number in range(6):
            await send_typed(phone, f"Question {number} " + "with several words " * 6)
            await expect(answered(phone, f"Question {number}")).to_have_count(1)
        sizes = await phone.locator("#chat-log").evaluate("e => [e.scrollHeight, e.clientHeight]")
        assert sizes[0] <= sizes[1] + 1, f"the log scrolls inside the page: {sizes}"
        assert await phone.evaluate("document.documentElement.scrollHeight > window.innerHeight")
        await expect(last_bot(phone)).to_be_in_viewport()
        await expect(phone.locator("#chat-input")).to_be_in_viewport()

        # Reading back: a new answer does not pull the citizen away.
        gateway.rasa.hold()
        await send_typed(phone, "one more")
        await gateway.rasa.wait_for("one more")
        await phone.evaluate("window.scrollTo(0, 0)")
        gateway.rasa.release()
        await expect(answered(phone, "one more")).to_have_count(1)
        assert await phone.evaluate("window.scrollY") == 0
    finally:
        await context.close()


# ---------------------------------------------------------- contrast (WCAG AA)

CONTRAST_JS = """
() => {
  function parse(c) {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(',').map(s => parseFloat(s));
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function background(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  const failures = [];
  let checked = 0;
  for (const el of document.querySelectorAll('body *')) {
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    if (r.width <= 1 || r.height <= 1 || s.visibility === 'hidden' || el.closest('[hidden]')) continue;
    if (el.disabled) continue;
    const fg = parse(s.color), bg = background(el);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    checked++;
    if (ratio < (large ? 3 : 4.5)) failures.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
  }
  return {checked, failures};
}
"""


async def test_every_text_meets_aa_contrast_with_an_officer_in_the_conversation(
        gateway: Gateway, settings: Settings, page: Page) -> None:
    gateway.rasa.scripted["a person please"] = [{"custom": {
        "type": "handoff_request", "version": 1, "reason": "citizen_request", "priority": "normal",
        "topic": "general", "language": "en", "last_intent": None}}]
    gateway.rasa.scripted["Passport fees"] = [{"text": f"See {FEES_EN}", "buttons": YES_NO}]
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    officer = db.run(lambda s: accounts.add_officer(s, f"agent{uuid.uuid4().hex[:8]}", "officer password 2026",
                                                    display_name="Alex", teams=("general",), languages=("en",)).id)
    try:
        await page.set_viewport_size({"width": 1024, "height": 1400})
        await open_chat(page, gateway)
        await send_typed(page, "Passport fees")
        await expect(last_bot(page)).to_contain_text("See Passport fees")
        await send_typed(page, "a person please")
        await expect(page.locator("#chat-log .msg--system").last).to_contain_text("in line")
        conversation = await page.evaluate("localStorage.getItem('govbot.conversation_id')")
        ticket = db.run(lambda s: queue.open_ticket(s, f"webchat:{conversation}").id)
        assert gateway.runner is not None
        desk = gateway.runner.app[DESK]
        assert await desk.claim(officer, ticket) == ticket
        await desk.officer_says(officer, ticket, "Hello, I am an officer. How can I help you today?")
        await expect(page.locator("#chat-log .msg--officer")).to_contain_text("How can I help you today?")
        assert _norm(await page.locator("#chat-log .msg--officer .msg__prefix").text_content() or "") == "Officer:"

        await page.locator("#chat-input").fill("I have a question about my")
        await page.locator("#chat-input").focus()

        result = await page.evaluate(CONTRAST_JS)
        assert result["checked"] > 20
        assert not result["failures"], result["failures"]
    finally:
        db.dispose()


async def test_the_page_says_the_citizen_is_typing_only_after_a_handoff_and_at_most_every_3_seconds(
        gateway: Gateway, page: Page) -> None:
    gateway.rasa.scripted["a person please"] = [{"custom": {
        "type": "handoff_request", "version": 1, "reason": "citizen_request", "priority": "normal",
        "topic": "general", "language": "en", "last_intent": None}}]
    await page.clock.install()
    sent = await open_chat(page, gateway)
    box = page.locator("#chat-input")
    await box.press_sequentially("with the assistant alone")  # no officer to tell: nothing sent
    await box.fill("")
    await send_typed(page, "a person please")
    await expect(page.locator("#chat-log .msg--system").last).to_contain_text("in line")
    assert sent.of("typing") == []

    after = len(sent.frames)
    await box.press_sequentially("and now")
    await sent.wait_for(lambda frame: frame["type"] == "typing", after=after)
    assert sent.of("typing") == [{"type": "typing"}]

    await box.press_sequentially(" more words")  # within 3 s of the last signal: none
    await box.press("Enter")
    await sent.wait_for(lambda frame: frame["type"] == "message" and frame["text"].startswith("and now"))
    assert len(sent.of("typing")) == 1

    after = len(sent.frames)
    await page.clock.fast_forward(3000)
    await box.press_sequentially("x")  # 3 s later: the next signal
    await sent.wait_for(lambda frame: frame["type"] == "typing", after=after)
    assert len(sent.of("typing")) == 2


async def test_missing_chromium_fails_with_a_clear_message() -> None:
    with pytest.raises(BrowserUnavailable, match="apt-get install -y chromium"):
        async with launch_chromium(executable_path="/nonexistent/chromium"):
            pass  # pragma: no cover
