"""Browser tests for the citizen web chat page (bot/web/static/webchat/).

The real gateway is developed separately, so these tests serve the page's static
files from a small aiohttp app defined here, at the same paths the gateway uses
(/chat, /static/webchat/*, /static/common/*), and answer the /webchat/ws protocol with a scripted
responder. Headless Chromium (system /usr/bin/chromium) drives the page.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import pytest
from aiohttp import WSMsgType, web
from playwright.async_api import Page, expect

from tests.support.browser import BrowserUnavailable, browser, launch_chromium, page  # noqa: F401

STATIC_DIR = Path(__file__).resolve().parents[1] / "bot" / "web" / "static" / "webchat"
SERVED = {  # what the page loads: path under /static -> content type
    "webchat/webchat.js": "text/javascript", "webchat/webchat.css": "text/css", "webchat/index.html": "text/html",
    "common/gc.js": "text/javascript", "common/gc.css": "text/css",
}
SCREENSHOT = Path("/tmp/webchat.png")

KNOWN_ID = "conv-known-0001"
KNOWN_HISTORY = [
    {"sender": "citizen", "text": "Can I renew my passport online?", "buttons": [],
     "ts": "2024-05-01T14:00:00+00:00"},
    {"sender": "bot", "text": "Yes, if you are eligible. See https://www.canada.ca/en/immigration-refugees-citizenship/services/canadian-passports.html.",
     "buttons": [{"title": "Check eligibility", "payload": "/eligibility"}],
     "ts": "2024-05-01T14:00:02+00:00"},
    {"sender": "system", "text": "An officer joined the conversation.", "buttons": [],
     "ts": "2024-05-01T14:01:00+00:00"},
    # A naive timestamp (SQLite drops the offset): the page must read it as UTC.
    {"sender": "officer", "text": "Hello, I can help with your application.", "buttons": [],
     "ts": "2024-05-01T14:01:30.123456"},
]

BENEFITS_URL = "https://www.canada.ca/en/services/benefits.html"
XSS_TEXT = '<script>window.__xss = "script"</script><img src="/xss.png" onerror="window.__xss = \'img\'">'

STRIP = re.compile(r"\s+")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def _norm(text: str) -> str:
    return STRIP.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


# --------------------------------------------------------------------------
# Scripted gateway
# --------------------------------------------------------------------------


class ScriptedGateway:
    """Serves the page and speaks the /webchat/ws protocol with canned answers."""

    def __init__(self) -> None:
        self.frames: list[tuple[int, dict[str, Any]]] = []   # (connection number, frame)
        self.sockets: set[web.WebSocketResponse] = set()
        self.conversations: dict[str, list[dict[str, Any]]] = {KNOWN_ID: [dict(m) for m in KNOWN_HISTORY]}
        self.accepting = True
        self.connections = 0
        self.ws_attempts: list[tuple[float, bool]] = []      # (monotonic time, accepted)
        self.requests: list[str] = []
        self.runner: web.AppRunner | None = None
        self.base_url = ""

    # ---- lifecycle
    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/chat", self.chat_page)
        app.router.add_get("/static/{folder}/{name}", self.static_file)
        app.router.add_get("/webchat/ws", self.websocket)
        self.runner = web.AppRunner(app, shutdown_timeout=1.0)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0, shutdown_timeout=1.0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        self.accepting = False
        await self.drop_all()
        if self.runner is not None:
            await self.runner.cleanup()

    # ---- HTTP
    async def chat_page(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(str(request.rel_url))
        return web.FileResponse(STATIC_DIR / "index.html", headers={"Content-Type": "text/html; charset=utf-8"})

    async def static_file(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(str(request.rel_url))
        path = f'{request.match_info["folder"]}/{request.match_info["name"]}'
        if path not in SERVED:
            raise web.HTTPNotFound()
        return web.FileResponse(STATIC_DIR.parent / path, headers={"Content-Type": SERVED[path] + "; charset=utf-8"})

    # ---- WebSocket
    async def websocket(self, request: web.Request) -> web.StreamResponse:
        self.ws_attempts.append((time.monotonic(), self.accepting))
        if not self.accepting:
            return web.Response(status=503, text="gateway unavailable")
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.connections += 1
        conn = self.connections
        self.sockets.add(ws)
        session: dict[str, Any] = {"conversation_id": None, "language": "en"}
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                self.frames.append((conn, frame))
                await self.respond(ws, session, frame)
        finally:
            self.sockets.discard(ws)
        return ws

    async def respond(self, ws: web.WebSocketResponse, session: dict[str, Any], frame: dict[str, Any]) -> None:
        kind = frame.get("type")
        if kind == "hello":
            session["language"] = frame.get("language") or "en"
            cid = frame.get("conversation_id")
            if cid in self.conversations:
                session["conversation_id"] = cid
                await ws.send_json({"type": "welcome", "conversation_id": cid})
                await ws.send_json({"type": "history", "messages": self.conversations[cid]})
            else:
                cid = f"conv-{uuid.uuid4().hex[:12]}"
                self.conversations[cid] = []
                session["conversation_id"] = cid
                await ws.send_json({"type": "welcome", "conversation_id": cid})
            return

        if kind == "typing":  # as the gateway: told to the officer, if any; no answer
            return
        log = self.conversations.setdefault(session["conversation_id"] or "anonymous", [])
        french = session["language"] == "fr"
        client_id = frame.get("client_id")
        if kind in ("message", "button") and client_id:  # as the gateway: stored once, acknowledged
            if any(line.get("client_id") == client_id for line in log):
                await ws.send_json({"type": "ack", "client_id": client_id})
                return
        if kind == "message":
            text = frame["text"]
            log.append({"sender": "citizen", "text": text, "buttons": [], "ts": _now(), "client_id": client_id})
            await ws.send_json({"type": "ack", "client_id": client_id})
            await ws.send_json({"type": "typing", "on": True})
            await asyncio.sleep(0.05)
            reply = {
                "type": "message",
                "sender": "bot",
                "text": (f"Vous avez dit : {text}" if french else f"You said: {text}"),
                "buttons": ([{"title": "Oui", "payload": "/affirm"}, {"title": "Non", "payload": "/deny"}]
                            if french else
                            [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]),
                "image": None,
                "ts": _now(),
            }
        elif kind == "button":
            log.append({"sender": "citizen", "text": frame["title"], "buttons": [], "ts": _now(), "client_id": client_id})
            await ws.send_json({"type": "ack", "client_id": client_id})
            reply = {
                "type": "message",
                "sender": "bot",
                "text": f"You chose {frame['payload']}. More information: {BENEFITS_URL}.",
                "buttons": [],
                "image": None,
                "ts": _now(),
            }
        else:
            await ws.send_json({"type": "error", "code": "bad_frame", "message": "Unknown frame."})
            return
        log.append({k: reply[k] for k in ("sender", "text", "buttons", "ts")})
        await ws.send_json(reply)
        await ws.send_json({"type": "typing", "on": False})

    # ---- test helpers
    async def push(self, frame: dict[str, Any]) -> None:
        """Send a frame to every connected page."""
        for ws in list(self.sockets):
            await ws.send_json(frame)

    async def drop_all(self) -> None:
        for ws in list(self.sockets):
            await ws.close()

    async def wait_for_frame(self, predicate: Callable[[dict[str, Any]], bool], *, after: int = 0,
                             timeout: float = 10.0) -> tuple[int, dict[str, Any]]:
        """Wait for a client frame (index >= after) matching predicate; returns (conn, frame)."""
        deadline = time.monotonic() + timeout
        while True:
            for conn, frame in self.frames[after:]:
                if predicate(frame):
                    return conn, frame
            if time.monotonic() > deadline:
                raise AssertionError(f"no matching frame within {timeout}s; frames: {self.frames!r}")
            await asyncio.sleep(0.02)

    def frames_of(self, kind: str) -> list[dict[str, Any]]:
        return [f for _, f in self.frames if f.get("type") == kind]


@pytest.fixture
async def gateway():
    server = ScriptedGateway()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


# --------------------------------------------------------------------------
# Page helpers
# --------------------------------------------------------------------------


async def open_chat(page: Page, gateway: ScriptedGateway, query: str = "") -> None:
    hellos = len(gateway.frames_of("hello"))
    await page.goto(f"{gateway.base_url}/chat{query}")
    # Connected once the gateway has seen the page's hello.
    deadline = time.monotonic() + 10
    while len(gateway.frames_of("hello")) <= hellos:
        assert time.monotonic() < deadline, "the page never sent a hello frame"
        await asyncio.sleep(0.02)


async def log_texts(page: Page) -> list[str]:
    texts = await page.locator("#chat-log .msg").all_text_contents()
    return [_norm(t) for t in texts]


async def active_id(page: Page) -> str:
    return await page.evaluate("document.activeElement ? document.activeElement.id : ''")


async def send_typed(page: Page, text: str) -> None:
    await page.locator("#chat-input").focus()
    await page.keyboard.type(text)
    await page.keyboard.press("Enter")


def last_bot(page: Page):
    return page.locator("#chat-log .msg--bot").last


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------


async def test_page_structure_and_send_by_enter(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)
    hello = gateway.frames_of("hello")[0]
    assert hello == {"type": "hello", "conversation_id": None, "language": "en"}

    # Landmarks and required content.
    assert await page.evaluate("document.documentElement.lang") == "en"
    await expect(page.locator("header")).to_contain_text("Government of Canada / Gouvernement du Canada")
    assert await page.locator("header img, header svg").count() == 0
    await expect(page.locator("main h1")).to_have_text("Ask a question about passports and benefits")
    await expect(page.locator("#lang-toggle")).to_have_text("Français")
    assert await page.locator("#lang-toggle").get_attribute("lang") == "fr"
    assert await page.locator("footer").count() == 1
    notice = _norm(await page.locator("#chat-notice").inner_text())
    assert "automated assistant" in notice
    assert "Social Insurance Number (SIN)" in notice and "passport number" in notice

    log = page.locator("#chat-log")
    assert await log.get_attribute("role") == "log"
    assert await log.get_attribute("aria-live") == "polite"
    assert await page.get_by_label("Your question").evaluate("e => e.id") == "chat-input"
    assert await page.get_by_role("button", name="Send").count() == 1

    # Enter sends; the citizen's message and the reply appear in the log.
    await send_typed(page, "  How do I renew my passport?  ")
    _, frame = await gateway.wait_for_frame(lambda f: f["type"] == "message")
    assert frame == {"type": "message", "text": "How do I renew my passport?", "client_id": frame["client_id"]}
    assert re.fullmatch(r"[A-Za-z0-9_-]{8,64}", frame["client_id"])
    await expect(last_bot(page)).to_contain_text("You said: How do I renew my passport?")
    await expect(page.locator("#chat-log .msg--citizen").first).to_contain_text("Delivered")
    await expect(page.locator("#chat-input")).to_have_value("")
    assert await active_id(page) == "chat-input"

    citizen = page.locator("#chat-log .msg--citizen").first
    assert _norm(await citizen.locator(".msg__prefix").text_content()) == "You said:"
    assert await citizen.locator(".msg__prefix").evaluate("e => getComputedStyle(e).position") == "absolute"
    assert _norm(await last_bot(page).locator(".msg__prefix").text_content()) == "Assistant:"
    assert await last_bot(page).locator("time[datetime]").count() == 1
    assert (await last_bot(page).locator("time").text_content()).strip()
    await expect(page.locator("#chat-typing")).to_be_hidden()

    # The conversation id from "welcome" is stored.
    stored = await page.evaluate("localStorage.getItem('govbot.conversation_id')")
    assert stored and stored.startswith("conv-")

    # Shift+Enter adds a new line and does not send.
    sent = len(gateway.frames_of("message"))
    await page.keyboard.type("line one")
    await page.keyboard.press("Shift+Enter")
    await page.keyboard.type("line two")
    await asyncio.sleep(0.2)
    assert len(gateway.frames_of("message")) == sent
    await expect(page.locator("#chat-input")).to_have_value("line one\nline two")
    await page.keyboard.press("Enter")
    await gateway.wait_for_frame(lambda f: f.get("text") == "line one\nline two")

    # Blank input is not sent; a polite message explains why.
    await page.keyboard.type("   ")
    await page.keyboard.press("Enter")
    await expect(page.locator("#chat-form-message")).to_have_text("Type a question before you select Send.")
    assert await page.locator("#chat-input").get_attribute("aria-invalid") == "true"
    await asyncio.sleep(0.2)
    assert len(gateway.frames_of("message")) == sent + 1


async def test_keyboard_only_navigation(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)

    # Tab from the top of the page reaches the language toggle, the log and the input.
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

    # Focus outline is visible and high contrast.
    outline = await page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; })()")
    assert outline[0] != "none" and outline[1] >= 2, outline

    await page.keyboard.type("Where is my benefit payment?")
    await page.keyboard.press("Enter")
    await expect(last_bot(page)).to_contain_text("You said: Where is my benefit payment?")

    # Shift+Tab back into the log reaches the quick replies (real <button>s).
    for _ in range(6):
        await page.keyboard.press("Shift+Tab")
        if (await page.evaluate("document.activeElement.textContent")) == "Yes":
            break
    focused = await page.evaluate(
        "(() => { const e = document.activeElement; return [e.tagName, e.textContent,"
        " getComputedStyle(e).outlineStyle]; })()")
    assert focused[:2] == ["BUTTON", "Yes"], focused
    assert focused[2] != "none"
    await page.keyboard.press("Enter")
    _, frame = await gateway.wait_for_frame(lambda f: f["type"] == "button")
    assert frame == {"type": "button", "payload": "/affirm", "title": "Yes", "client_id": frame["client_id"]}
    # Focus is back in the input, and the reply is shown.
    assert await active_id(page) == "chat-input"
    await expect(last_bot(page)).to_contain_text("You chose /affirm")

    # Tab to the Send button and activate it with the space bar.
    await page.keyboard.type("Thanks")
    await page.keyboard.press("Tab")
    assert await active_id(page) == "chat-send"
    await page.keyboard.press("Space")
    await gateway.wait_for_frame(lambda f: f.get("text") == "Thanks")

    # The skip link jumps to the input.
    await page.locator("#lang-toggle").focus()
    await page.locator(".skip-link").focus()
    await page.keyboard.press("Enter")
    await expect(page.locator("#chat-input")).to_be_focused()


async def test_button_click_sends_payload_and_links_are_safe(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)
    await send_typed(page, "Tell me about benefits")
    await expect(last_bot(page)).to_contain_text("You said: Tell me about benefits")

    no = page.get_by_role("button", name="No")
    await expect(no).to_have_count(1)
    assert await no.evaluate("e => e.tagName") == "BUTTON"
    group = page.locator("#chat-log .quick-replies").last
    assert await group.get_attribute("role") == "group"
    assert await group.get_attribute("aria-label") == "Suggested replies"
    await no.click()
    _, frame = await gateway.wait_for_frame(lambda f: f["type"] == "button")
    assert frame == {"type": "button", "payload": "/deny", "title": "No", "client_id": frame["client_id"]}
    await expect(page.locator("#chat-input")).to_be_focused()

    # The citizen's choice is shown; used suggestions can't be sent twice.
    await expect(page.locator("#chat-log .msg--citizen").last).to_contain_text("No")
    await expect(page.get_by_role("button", name="Yes")).to_be_disabled()

    # https:// URLs in bot text become links built with DOM APIs.
    reply = last_bot(page)
    await expect(reply).to_contain_text("You chose /deny")
    link = reply.locator("a")
    await expect(link).to_have_count(1)
    assert await link.get_attribute("href") == BENEFITS_URL
    assert await link.get_attribute("target") == "_blank"
    assert "noopener" in (await link.get_attribute("rel"))
    assert _norm(await link.locator(".wb-inv").text_content()) == "(opens in a new tab)"
    # The sentence's final period stays outside the link.
    assert (await link.evaluate("e => e.firstChild.textContent")) == BENEFITS_URL


async def test_script_from_server_is_shown_as_text_never_executed(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)
    await page.evaluate("window.__xss = undefined")

    await gateway.push({"type": "message", "sender": "officer", "text": XSS_TEXT,
                        "buttons": [{"title": "<b>bold</b>", "payload": "/x"}], "image": None, "ts": _now()})
    await gateway.push({"type": "message", "sender": "bot",
                        "text": 'Not a link: javascript:alert(1) and https://example.com/"><script>window.__xss=1</script>',
                        "buttons": [], "image": None, "ts": _now()})
    await gateway.push({"type": "error", "code": "boom", "message": "<script>window.__xss = 'error'</script>"})
    # The citizen can type markup too; it is echoed back by the bot.
    await send_typed(page, "<script>window.__xss = 'citizen'</script>")
    await expect(last_bot(page)).to_contain_text("You said: <script>window.__xss = 'citizen'</script>")

    officer = page.locator("#chat-log .msg--officer").first
    await expect(officer).to_contain_text(XSS_TEXT)
    assert _norm(await officer.locator(".msg__prefix").text_content()) == "Officer:"
    await expect(page.get_by_role("button", name="<b>bold</b>")).to_have_count(1)
    error = page.locator("#chat-log .msg--error")
    await expect(error).to_contain_text("Sorry, something went wrong. <script>window.__xss = 'error'</script>")

    await asyncio.sleep(0.3)
    assert await page.locator("#chat-log script, #chat-log img, #chat-log b").count() == 0
    assert await page.evaluate("typeof window.__xss") == "undefined"
    assert not any("xss" in r for r in gateway.requests)
    # Only the https:// URL became a link, and only up to the quote.
    links = await page.locator("#chat-log a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert links == ["https://example.com/"]


async def test_reload_resumes_conversation(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)
    await send_typed(page, "Passport renewal")
    await expect(last_bot(page)).to_contain_text("You said: Passport renewal")
    cid = await page.evaluate("localStorage.getItem('govbot.conversation_id')")
    before = await log_texts(page)

    frames_before = len(gateway.frames)
    await page.reload()
    await gateway.wait_for_frame(lambda f: f["type"] == "hello", after=frames_before)
    assert gateway.frames_of("hello")[-1] == {"type": "hello", "conversation_id": cid, "language": "en"}

    await expect(page.locator("#chat-log .msg")).to_have_count(2)
    await expect(page.locator("#chat-log .msg--citizen")).to_contain_text("Passport renewal")
    await expect(last_bot(page)).to_contain_text("You said: Passport renewal")
    assert await log_texts(page) == before
    assert await page.evaluate("localStorage.getItem('govbot.conversation_id')") == cid

    # A conversation the gateway already knows: the whole history is rendered.
    await page.evaluate(f"localStorage.setItem('govbot.conversation_id', {json.dumps(KNOWN_ID)})")
    await page.reload()
    await expect(page.locator("#chat-log .msg")).to_have_count(len(KNOWN_HISTORY))
    assert gateway.frames_of("hello")[-1]["conversation_id"] == KNOWN_ID
    texts = await log_texts(page)
    assert texts[0].startswith("You said: Can I renew my passport online?")
    assert texts[3].startswith("Officer: Hello, I can help with your application.")
    assert await page.locator("#chat-log .msg--system .msg__prefix").text_content() == "Notice:"
    times = page.locator("#chat-log time")
    assert await times.first.get_attribute("datetime") == "2024-05-01T14:00:00.000Z"
    assert await times.nth(3).get_attribute("datetime") == "2024-05-01T14:01:30.123Z"
    # Shown in the citizen's time zone (Toronto, UTC-4 in May), with the date since it is not today.
    assert re.search(r"May 1, 2024.*10:01", _norm(await times.nth(3).text_content()))
    # History links are links too; its quick reply (after the last citizen message) works.
    await expect(page.locator("#chat-log a")).to_have_count(1)
    await page.get_by_role("button", name="Check eligibility").click()
    await gateway.wait_for_frame(lambda f: f.get("payload") == "/eligibility")


async def test_french_ui_via_query_string(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway, "?lang=fr")
    assert gateway.frames_of("hello")[-1]["language"] == "fr"
    assert await page.evaluate("document.documentElement.lang") == "fr"
    await expect(page.locator("main h1")).to_have_text("Posez une question sur les passeports et les prestations")
    await expect(page.locator("#lang-toggle")).to_have_text("English")
    assert await page.locator("#lang-toggle").get_attribute("lang") == "en"
    await expect(page.locator("header")).to_contain_text("Government of Canada / Gouvernement du Canada")
    assert await page.get_by_label("Votre question").evaluate("e => e.id") == "chat-input"
    await expect(page.locator("#chat-send")).to_have_text("Envoyer")
    notice = _norm(await page.locator("#chat-notice").inner_text())
    assert "assistant automatisé" in notice and "numéro d’assurance sociale (NAS)" in notice
    assert "numéro de passeport" in notice
    assert "Posez une question" in await page.title()

    await send_typed(page, "Bonjour")
    await expect(last_bot(page)).to_contain_text("Vous avez dit : Bonjour")
    await expect(page.locator("#chat-log .msg--citizen").first).to_contain_text("Transmis")
    citizen = page.locator("#chat-log .msg--citizen").first
    assert _norm(await citizen.locator(".msg__prefix").text_content()) == "Vous avez dit :"
    assert _norm(await last_bot(page).locator(".msg__prefix").text_content()) == "Assistant :"
    await expect(page.locator("#chat-counter")).to_have_text(re.compile(r"0\scaractère sur 2\s000"))  # singular for 0
    await expect(page.get_by_role("button", name="Oui")).to_have_count(1)
    await expect(page.locator("#chat-log .quick-replies").last).to_have_attribute("aria-label", "Réponses suggérées")


async def test_language_toggle_switches_labels_and_tells_gateway(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)
    await send_typed(page, "Hello")
    await expect(last_bot(page)).to_contain_text("You said: Hello")
    frames_before = len(gateway.frames)

    # Keyboard activation of the toggle link.
    await page.locator("#lang-toggle").focus()
    await page.keyboard.press("Enter")
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await expect(page.locator("main h1")).to_have_text("Posez une question sur les passeports et les prestations")
    await expect(page.locator("#chat-send")).to_have_text("Envoyer")
    await expect(page.locator("#lang-toggle")).to_have_text("English")
    await expect(page.locator("#lang-toggle")).to_be_focused()
    assert page.url.endswith("/chat?lang=fr")
    _, hello = await gateway.wait_for_frame(lambda f: f["type"] == "hello", after=frames_before)
    assert hello["language"] == "fr"
    assert hello["conversation_id"] == await page.evaluate("localStorage.getItem('govbot.conversation_id')")
    # Existing messages get French screen-reader prefixes (history re-rendered or relabelled).
    await expect(page.locator("#chat-log .msg--citizen .msg__prefix").first).to_have_text("Vous avez dit\u00a0:")
    await expect(page.locator("#chat-log .msg")).to_have_count(2)

    await send_typed(page, "Merci")
    await expect(last_bot(page)).to_contain_text("Vous avez dit : Merci")

    # And back to English with a mouse click.
    await page.locator("#lang-toggle").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page.locator("main h1")).to_have_text("Ask a question about passports and benefits")
    await gateway.wait_for_frame(lambda f: f["type"] == "hello" and f["language"] == "en", after=frames_before)
    assert "?lang=en" in page.url


async def test_reconnect_delivers_message_typed_while_disconnected(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)
    await send_typed(page, "First question")
    await expect(last_bot(page)).to_contain_text("You said: First question")
    cid = await page.evaluate("localStorage.getItem('govbot.conversation_id')")
    assert gateway.connections == 1

    # The gateway goes away: the socket is closed and reconnects are refused.
    gateway.accepting = False
    dropped_at = time.monotonic()
    await gateway.drop_all()
    status = page.locator("#chat-status")
    await expect(status).to_contain_text("Reconnecting")
    assert await status.get_attribute("role") == "status"

    # Typed while disconnected: shown as waiting, not lost.
    await send_typed(page, "Typed while offline")
    pending = page.locator("#chat-log .msg--pending")
    await expect(pending).to_have_count(1)
    await expect(pending).to_contain_text("Typed while offline")
    await expect(pending).to_contain_text("Waiting to send")
    await expect(status).to_contain_text("Your messages will be sent when the connection is back.")
    assert not [f for f in gateway.frames_of("message") if f["text"] == "Typed while offline"]

    # Backoff: first retry after ~1 s, the next ~2 s later.
    deadline = time.monotonic() + 10
    while len(gateway.ws_attempts) < 3:
        assert time.monotonic() < deadline, gateway.ws_attempts
        await asyncio.sleep(0.05)
    first, second = gateway.ws_attempts[1][0], gateway.ws_attempts[2][0]
    assert 0.8 <= first - dropped_at <= 2.5, first - dropped_at
    assert 1.7 <= second - first <= 3.5, second - first

    # The gateway comes back: the page says hello again with the same id, then sends the queue.
    frames_before = len(gateway.frames)
    gateway.accepting = True
    conn, hello = await gateway.wait_for_frame(lambda f: f["type"] == "hello", after=frames_before, timeout=15)
    assert hello == {"type": "hello", "conversation_id": cid, "language": "en"}
    conn2, msg = await gateway.wait_for_frame(lambda f: f["type"] == "message", after=frames_before)
    assert msg["text"] == "Typed while offline" and conn2 == conn == 2
    await expect(last_bot(page)).to_contain_text("You said: Typed while offline")
    await expect(pending).to_have_count(0)
    await expect(status).to_contain_text("Connection restored.")
    texts = await log_texts(page)
    assert sum("Typed while offline" in t and t.startswith("You said:") for t in texts) == 1
    assert sum(t.startswith("You said: First question") for t in texts) == 1


async def test_reconnect_status_in_french(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway, "?lang=fr")
    gateway.accepting = False
    await gateway.drop_all()
    await expect(page.locator("#chat-status")).to_contain_text("Connexion perdue. Reconnexion en cours")
    await send_typed(page, "Hors ligne")
    await expect(page.locator("#chat-log .msg--pending")).to_contain_text("En attente d’envoi")
    gateway.accepting = True
    await gateway.wait_for_frame(lambda f: f.get("text") == "Hors ligne", timeout=15)
    await expect(page.locator("#chat-status")).to_contain_text("Connexion rétablie.")


async def test_character_limit_is_enforced_with_visible_message(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)
    counter = page.locator("#chat-counter")
    await expect(counter).to_have_text("0 of 2,000 characters")
    await page.locator("#chat-input").fill("a" * 2100)
    assert len(await page.locator("#chat-input").input_value()) == 2000
    await expect(counter).to_have_text("2,000 of 2,000 characters")
    await expect(page.locator("#chat-form-message")).to_have_text("You have reached the limit of 2,000 characters.")
    await page.locator("#chat-input").press("Enter")
    _, frame = await gateway.wait_for_frame(lambda f: f["type"] == "message")
    assert len(frame["text"]) == 2000
    await expect(counter).to_have_text("0 of 2,000 characters")
    await expect(page.locator("#chat-form-message")).to_be_hidden()


async def test_no_external_requests_and_narrow_screen(gateway: ScriptedGateway, browser) -> None:  # noqa: F811
    context = await browser.new_context(viewport={"width": 320, "height": 640}, locale="en-CA")
    try:
        small = await context.new_page()
        urls: list[str] = []
        small.on("request", lambda r: urls.append(r.url))
        small.on("websocket", lambda ws: urls.append(ws.url))
        await open_chat(small, gateway)
        await send_typed(small, "A long question " + "with many words " * 12 + "https://www.canada.ca/en.html")
        await expect(last_bot(small)).to_contain_text("You said: A long question")
        host = gateway.base_url.split("//", 1)[1]
        assert urls, "no requests recorded"
        for url in urls:
            assert url.split("//", 1)[1].startswith(host + "/"), f"request outside the host: {url}"
        assert any(u.startswith("ws://") and u.endswith("/webchat/ws") for u in urls)
        # No horizontal scrolling at 320 px.
        width = await small.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, width
        box = await small.locator("#chat-send").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320 and box["height"] >= 44
    finally:
        await context.close()


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


async def test_contrast_and_screenshot(gateway: ScriptedGateway, page: Page) -> None:
    await page.set_viewport_size({"width": 1024, "height": 1400})
    await open_chat(page, gateway)
    await send_typed(page, "How do I apply for a passport?")
    await expect(last_bot(page)).to_contain_text("You said: How do I apply for a passport?")
    await page.get_by_role("button", name="Yes").click()
    await expect(last_bot(page)).to_contain_text("You chose /affirm")
    await gateway.push({"type": "message", "sender": "system", "text": "An officer joined the conversation.",
                        "buttons": [], "image": None, "ts": _now()})
    await gateway.push({"type": "message", "sender": "officer",
                        "text": "Hello, I am an officer. How can I help you today?",
                        "buttons": [], "image": None, "ts": _now()})
    await gateway.push({"type": "error", "code": "rate_limited",
                        "message": "Please wait a moment before sending another message."})
    await gateway.push({"type": "typing", "on": True})
    await expect(page.locator("#chat-typing")).to_have_text("The officer is typing…")
    await page.locator("#chat-input").fill("I have a question about my")
    await page.locator("#chat-input").focus()

    result = await page.evaluate(CONTRAST_JS)
    assert result["checked"] > 20
    assert not result["failures"], result["failures"]

    await page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000


async def test_missing_chromium_fails_with_clear_message() -> None:
    with pytest.raises(BrowserUnavailable, match="apt-get install -y chromium"):
        async with launch_chromium(executable_path="/nonexistent/chromium"):
            pass  # pragma: no cover


async def test_each_message_carries_its_language_and_the_page_offers_to_follow(gateway: ScriptedGateway, page: Page) -> None:
    await open_chat(page, gateway)
    await send_typed(page, "Bonjour")
    await expect(last_bot(page)).to_contain_text("You said: Bonjour")
    offer = page.locator("#chat-lang-offer")
    await expect(offer).to_be_hidden()  # the conversation is still in the page's language

    await gateway.push({"type": "message", "sender": "bot", "language": "fr", "buttons": [], "image": None,
                        "text": "Voici l'information : https://www.canada.ca/fr.html", "ts": _now()})
    french = last_bot(page).locator(".msg__text")
    await expect(french).to_have_attribute("lang", "fr")
    await expect(french.locator("a .wb-inv")).to_have_text(" (s\u2019ouvre dans un nouvel onglet)")
    assert await page.locator("#chat-log .msg--bot .msg__text").first.get_attribute("lang") is None, \
        "the scripted answer said no language: none is claimed"
    follow = page.locator("#chat-lang-follow")
    await expect(follow).to_be_visible()
    await expect(follow).to_have_text("Afficher cette page en français")
    await expect(follow).to_have_attribute("lang", "fr")
    assert await page.evaluate("document.documentElement.lang") == "en", "an offer, not a switch"

    frames_before = len(gateway.frames)
    await follow.focus()
    await page.keyboard.press("Enter")
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await expect(page.locator("#chat-send")).to_have_text("Envoyer")
    await expect(offer).to_be_hidden()
    await expect(page.locator("#chat-input")).to_be_focused()
    _, hello = await gateway.wait_for_frame(lambda f: f["type"] == "hello", after=frames_before)
    assert hello["language"] == "fr"

    await gateway.push({"type": "message", "sender": "officer", "language": "en", "buttons": [], "image": None,
                        "text": "I can help in English too.", "ts": _now()})
    await expect(follow).to_have_text("Show this page in English")
    await expect(follow).to_have_attribute("lang", "en")


async def test_one_scroll_area_on_a_phone(gateway: ScriptedGateway, browser) -> None:  # noqa: F811
    context = await browser.new_context(viewport={"width": 360, "height": 640}, locale="en-CA", has_touch=True)
    try:
        phone = await context.new_page()
        await open_chat(phone, gateway)
        for number in range(6):
            await send_typed(phone, f"Question {number} " + "with several words " * 6)
            await expect(last_bot(phone)).to_contain_text(f"You said: Question {number}")
        log = phone.locator("#chat-log")
        sizes = await log.evaluate("e => [e.scrollHeight, e.clientHeight]")
        assert sizes[0] <= sizes[1] + 1, f"the log scrolls inside the page: {sizes}"
        assert await phone.evaluate("document.documentElement.scrollHeight > window.innerHeight")
        # The page followed the conversation: the last answer and the box to type in are on screen.
        await expect(last_bot(phone)).to_be_in_viewport()
        await expect(phone.locator("#chat-input")).to_be_in_viewport()

        # Reading back: a new answer does not pull the citizen away.
        await phone.evaluate("window.scrollTo(0, 0)")
        await gateway.push({"type": "message", "sender": "officer", "text": "Still there?", "buttons": [],
                            "image": None, "ts": _now()})
        await expect(phone.locator("#chat-log .msg--officer")).to_have_count(1)
        assert await phone.evaluate("window.scrollY") == 0
    finally:
        await context.close()


async def test_the_page_says_the_citizen_is_typing_only_after_a_handoff_and_at_most_every_3_seconds(
        gateway: ScriptedGateway, page: Page) -> None:
    await page.clock.install()
    await open_chat(page, gateway)
    box = page.locator("#chat-input")
    await box.press_sequentially("with the assistant alone")  # no officer to tell: nothing sent
    await gateway.push({"type": "message", "sender": "system", "text": "You are number 1 in line.",
                        "buttons": [], "image": None, "ts": _now()})
    await expect(page.locator("#chat-log .msg--system")).to_have_count(1)
    await box.press_sequentially(" and now")
    await gateway.wait_for_frame(lambda frame: frame["type"] == "typing")
    # frames of one socket arrive in order: the keystrokes before the notice sent none
    assert gateway.frames_of("typing") == [{"type": "typing"}]

    await box.press_sequentially(" more words")  # within 3 s of the last signal: none
    await box.press("Enter")
    await gateway.wait_for_frame(lambda frame: frame["type"] == "message")
    assert len(gateway.frames_of("typing")) == 1

    after = len(gateway.frames)
    await page.clock.fast_forward(3000)
    await box.press_sequentially("x")  # 3 s later: the next signal
    await gateway.wait_for_frame(lambda frame: frame["type"] == "typing", after=after)
    assert len(gateway.frames_of("typing")) == 2
