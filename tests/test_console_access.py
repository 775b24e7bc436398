"""Who may use which staff route (bot/console/auth.py require_role, rules of
bot/handoff/policy.py): deny by default. A handler without an access rule cannot be routed;
every console route answers each kind of account as the table below says, on a real gateway
on loopback; the domain (bot/handoff) knows nothing of the web."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.console.routes import ROUTES, UnguardedRoute, add_routes
from bot.gateway.app import create_app
from bot.handoff import accounts
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.database import Database
from bot.storage.models import Officer
from tests.test_handoff_queue import PASSWORD

HANDOFF = PROJECT_ROOT / "bot" / "handoff"


# --- the domain knows nothing of the web ---------------------------------------------------


def test_no_module_under_bot_handoff_imports_aiohttp_or_the_web_layer():
    for path in sorted(HANDOFF.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not re.match(r"(aiohttp|bot\.gateway|bot\.console)(\.|$)", name), f"{path.name} imports {name}"


def test_importing_bot_handoff_does_not_even_load_aiohttp():
    modules = " ".join(f"bot.handoff.{path.stem}" for path in HANDOFF.glob("*.py") if path.stem != "__init__")
    check = f"import sys, importlib\nfor m in '{modules}'.split(): importlib.import_module(m)\n" \
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'aiohttp'))"
    loaded = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True)
    assert loaded.stdout.strip() == "[]", loaded.stdout


# --- deny by default -----------------------------------------------------------------------


async def _plain(request: web.Request) -> web.Response:
    return web.Response(text="no rule")


def test_a_route_without_an_access_rule_cannot_be_registered():
    with pytest.raises(UnguardedRoute, match="GET /console/api/new"):
        add_routes(web.Application(), [*ROUTES, ("GET", "/console/api/new", _plain)])


def test_every_console_route_of_the_gateway_comes_from_the_guarded_table(access_settings):
    app = create_app(access_settings)
    registered = {(route.method, route.resource.canonical) for route in app.router.routes()
                  if route.resource is not None and route.resource.canonical.startswith("/console")
                  and route.method != "HEAD" and not route.resource.canonical.startswith("/console/static")}
    assert registered == {(method, path) for method, path, _ in ROUTES}


# --- the table: each route x each kind of account --------------------------------------------

ROLES = ("none", "officer", "expert", "trainer", "supervisor", "admin", "inactive")
GONE = 999_999  # no such ticket, no such consult
ANSWERING = {"officer", "supervisor", "admin"}
CONSOLE = ANSWERING | {"expert"}
OVERSEEING = {"supervisor", "admin"}
REVIEWING = {"trainer", "supervisor", "admin"}


def expect(allowed: set, ok: int, *, signed_out: int = 401, refused: int = 403) -> Dict[str, int]:
    """The status for each kind of account: signed out (no session, or an inactive account's),
    allowed, or refused."""
    return {role: signed_out if role in ("none", "inactive") else ok if role in allowed else refused
            for role in ROLES}


PAGE = {"signed_out": 303}  # an HTML page sends the signed-out to the sign-in page
TICKET = {"refused": 404}  # a ticket the account may not read is "no such ticket"
form_ok: Dict[str, Any] = {"form": True}

# (method, path, body, {role: status}); "socket" is the WebSocket handshake (101 when let in)
TABLE: Tuple[Tuple[str, str, Any, Dict[str, int]], ...] = (
    ("GET", "/console/login", None, {role: 200 for role in ROLES}),
    ("POST", "/console/login", {"form": True}, {role: 403 for role in ROLES}),  # no sign-in form token
    ("GET", "/console", None, {**expect(CONSOLE, 200, **PAGE), "trainer": 303}),  # a trainer: to the inbox
    ("GET", "/console/ws", "socket", expect(CONSOLE, 101)),
    ("GET", "/console/api/me", None, expect(CONSOLE | REVIEWING, 200)),
    ("GET", "/console/api/queue", None, expect(ANSWERING, 200)),
    ("GET", "/console/api/officers", None, expect(ANSWERING, 200)),
    ("GET", "/console/api/saved-replies", None, expect(CONSOLE, 200)),
    ("GET", "/console/api/teams", None, expect(CONSOLE, 200)),
    ("GET", "/console/api/intents", None, expect(CONSOLE, 200)),
    ("POST", "/console/api/claim-next", {}, expect(ANSWERING, 409)),  # the queue is empty
    ("GET", f"/console/api/tickets/{GONE}", None, expect(ANSWERING, 404, **TICKET)),
    ("POST", f"/console/api/tickets/{GONE}/claim", {}, expect(ANSWERING, 404, **TICKET)),
    ("POST", f"/console/api/tickets/{GONE}/messages", {"text": "hi"}, expect(ANSWERING, 404, **TICKET)),
    ("POST", f"/console/api/tickets/{GONE}/notes", {"text": "n"}, expect(ANSWERING, 404, **TICKET)),
    ("POST", f"/console/api/tickets/{GONE}/transfer", {"team": "general"}, expect(ANSWERING, 404, **TICKET)),
    ("POST", f"/console/api/tickets/{GONE}/resolve", {"outcome": "answered"}, expect(ANSWERING, 404, **TICKET)),
    # an officer may not assign at all (policy.can_assign), whatever the ticket: 409
    ("POST", f"/console/api/tickets/{GONE}/assign", {"officer_id": 1},
     {**expect(ANSWERING, 404, **TICKET), "officer": 409}),
    ("POST", f"/console/api/tickets/{GONE}/consults", {"team": "passport", "question": "q"},
     expect(ANSWERING, 404, **TICKET)),
    ("GET", "/console/api/consults", None, expect(CONSOLE, 200)),
    ("GET", f"/console/api/consults/{GONE}", None, expect(CONSOLE, 404)),
    ("POST", f"/console/api/consults/{GONE}/answer", {"text": "a"}, expect({"expert"}, 404)),
    ("POST", f"/console/api/consults/{GONE}/relay", {}, expect(CONSOLE, 404)),
    ("POST", f"/console/api/consults/{GONE}/close", {}, expect(CONSOLE, 404)),
    ("POST", f"/console/api/consults/{GONE}/propose", {}, expect(CONSOLE, 404)),
    ("GET", "/console/analytics", None, expect(OVERSEEING, 200, **PAGE)),
    ("GET", "/console/analytics.csv", None, expect(OVERSEEING, 200, **PAGE)),
    ("GET", "/console/analytics/tickets", None, expect(OVERSEEING, 200, **PAGE)),
    ("GET", f"/console/analytics/tickets/{GONE}/transcript", None, expect(OVERSEEING, 404, **PAGE)),
    ("GET", "/console/inbox", None, expect(REVIEWING, 200, **PAGE)),
    # a language that is neither: the inbox explains (400) and writes nothing
    ("POST", "/console/inbox/label", {"form": True, "text": "hello", "language": "xx", "intent": "greet"},
     expect(REVIEWING, 400, **PAGE)),
    ("POST", "/console/inbox/undo", {"form": True, "entry": "none"}, expect(REVIEWING, 400, **PAGE)),
    ("POST", "/console/inbox/export", {"form": True}, expect(REVIEWING, 200, **PAGE)),
    ("GET", "/console/inbox/knowledge", None, expect(REVIEWING, 200, **PAGE)),
    ("POST", "/console/inbox/knowledge/complete", {"form": True, "draft_id": "none"}, expect(REVIEWING, 400, **PAGE)),
    ("POST", "/console/inbox/knowledge/export", {"form": True}, expect(REVIEWING, 200, **PAGE)),
    ("POST", "/console/logout", {}, expect(CONSOLE | REVIEWING, 200)),  # last: it ends the session
)


def test_the_table_names_every_console_route_once():
    def pattern(path: str) -> str:
        return re.sub(r"\{\w+\}", str(GONE), path)

    assert sorted((m, p) for m, p, _, _ in TABLE) == sorted((m, pattern(p)) for m, p, _ in ROUTES)


@pytest.fixture
def access_settings(settings: Settings, database_urls, tmp_path: Path) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("the HTTP layer runs once, on SQLite; the rules are proven on both in test_ticket_access")
    # No citizen speaks in this test: the engine is a Rasa server that is never called. Its own
    # database: the queue is empty whatever other tests left in theirs.
    return replace(settings, rasa_url="http://127.0.0.1:9", database_url=f"sqlite:///{tmp_path / 'access.db'}")


def _accounts(settings: Settings) -> Dict[str, str]:
    """{role: username}; the inactive account is an officer switched off after signing in."""
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    names = {role: f"{role}{uuid.uuid4().hex[:6]}" for role in ROLES if role != "none"}
    for role, name in names.items():
        db.run(lambda s, role=role, name=name: accounts.add_officer(
            s, name, PASSWORD, role="officer" if role == "inactive" else role, teams=("passport",),
            languages=("en", "fr")))
    db.dispose()
    return names


def _deactivate(settings: Settings, username: str) -> None:
    db = Database(settings.transcripts_url)

    def work(session: Any) -> None:
        session.query(Officer).filter(Officer.username == username).one().active = 0
    db.run(work)
    db.dispose()


async def _sign_in(http: aiohttp.ClientSession, username: str) -> str:
    async with http.get("/console/login") as page:
        token = re.search(r'name="csrf" value="([^"]+)"', await page.text()).group(1)  # type: ignore[union-attr]
    async with http.post("/console/login", data={"csrf": token, "username": username, "password": PASSWORD},
                         allow_redirects=False) as signed:
        assert signed.status == 303
    async with http.get("/console/api/me") as me:
        return (await me.json())["csrf"]


async def _status(http: aiohttp.ClientSession, method: str, path: str, body: Any, csrf: str, origin: str) -> int:
    if body == "socket":
        try:
            socket = await http.ws_connect(path, origin=origin)
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status
        await socket.close()
        return 101
    if isinstance(body, dict) and body.get("form"):
        form = {key: value for key, value in body.items() if key != "form"}
        async with http.post(path, data={**form, "csrf": csrf}, allow_redirects=False) as reply:
            return reply.status
    headers = {"X-CSRF-Token": csrf} if method == "POST" else {}
    async with http.request(method, path, json=body if method == "POST" else None, headers=headers,
                            allow_redirects=False) as reply:
        return reply.status


async def test_every_console_route_answers_each_kind_of_account_as_the_table_says(access_settings):
    settings = access_settings
    names = _accounts(settings)
    server = TestServer(create_app(settings), host="127.0.0.1", port=settings.port)
    await server.start_server()
    seen: Dict[Tuple[str, str], Dict[str, int]] = {}
    wanted: Dict[Tuple[str, str], Dict[str, int]] = {}
    try:
        for role in ROLES:
            async with aiohttp.ClientSession(base_url=str(server.make_url("/")),
                                             cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
                csrf: Optional[str] = ""
                if role != "none":
                    csrf = await _sign_in(http, names[role])
                if role == "inactive":
                    _deactivate(settings, names[role])
                for method, path, body, statuses in TABLE:
                    seen.setdefault((method, path), {})[role] = await _status(http, method, path, body, csrf or "",
                                                                           f"http://127.0.0.1:{settings.port}")
                    wanted.setdefault((method, path), {})[role] = statuses[role]
    finally:
        await server.close()
    different = {route: (seen[route], wanted[route]) for route in wanted if seen[route] != wanted[route]}
    assert not different, "\n".join(f"{m} {p}: got {got}, want {want}" for (m, p), (got, want) in different.items())


async def test_me_sends_the_vocabulary_the_console_shows(access_settings):
    from bot import vocabulary

    settings = access_settings
    names = _accounts(settings)
    server = TestServer(create_app(settings), host="127.0.0.1", port=settings.port)
    await server.start_server()
    try:
        async with aiohttp.ClientSession(base_url=str(server.make_url("/")),
                                         cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            await _sign_in(http, names["officer"])
            async with http.get("/console/api/me") as reply:
                me = await reply.json()
    finally:
        await server.close()
    sent = me["vocabulary"]
    assert sent["teams"] == list(vocabulary.TEAMS) and sent["outcomes"] == list(vocabulary.OUTCOMES)
    assert sent["channels"] == list(vocabulary.CHANNELS) and sent["fallback_intents"] == ["nlu_fallback", "nonsense"]
    assert sent["ticket_states"] == ["waiting", "active", "resolved", "cancelled"]
    assert sent["labels"]["outcome"]["no_response"] == {"en": "No response from the citizen",
                                                        "fr": "Pas de réponse de la personne"}
    assert sent["labels"]["team"]["passport"]["fr"] == "Passeport"
    assert me["may"] == {"answer": True, "oversee": False, "consult": False, "review": False}
    for kind, codes in vocabulary.KINDS.items():
        assert set(sent["labels"][kind]) == set(codes), kind
        assert all(words["en"] and words["fr"] for words in sent["labels"][kind].values()), kind


def test_the_console_script_keeps_no_copy_of_the_vocabulary():
    script = (PROJECT_ROOT / "bot" / "web" / "static" / "console" / "console.js").read_text(encoding="utf-8")
    from bot import vocabulary

    for kind, codes in vocabulary.KINDS.items():
        for code in codes:
            assert f"{kind}_{code}:" not in script, f"console.js keeps its own words for {kind} {code}"
    # no list of codes written out: no array literal holds two codes of one kind
    for array in re.findall(r"\[([^\[\]]*)\]", script):
        for kind, codes in vocabulary.KINDS.items():
            listed = [code for code in codes if f"'{code}'" in array or f'"{code}"' in array]
            assert len(listed) < 2, f"console.js lists {kind} codes: [{array}]"
    assert "/console/api/teams" not in script, "the teams come with /console/api/me"
    assert not re.search(r"role\s*[!=]==", script), "what a role may do comes from /console/api/me (may)"


# --- one staff header --------------------------------------------------------------------------


def _header(page: str) -> str:
    found = re.search(r'<header class="gc-header">.*?</header>', page, re.S)
    assert found, "the page has the staff header"
    return found.group(0)


def _shown(header: str, ident: str) -> bool:
    tag = re.search(rf'<a id="{ident}"[^>]*>', header)
    return tag is not None and " hidden" not in tag.group(0)


async def test_every_staff_page_wears_the_same_header_and_signs_out_from_it(access_settings):
    settings = access_settings
    names = _accounts(settings)
    pages = {"supervisor": ("/console", "/console/analytics", "/console/inbox", "/console/inbox/knowledge"),
             "officer": ("/console",), "expert": ("/console",), "trainer": ("/console/inbox", "/console/inbox/knowledge")}
    links = {"supervisor": {"analytics-link", "inbox-link"}, "officer": set(), "expert": set(),
             "trainer": {"inbox-link"}}
    server = TestServer(create_app(settings), host="127.0.0.1", port=settings.port)
    await server.start_server()
    try:
        for role, paths in pages.items():
            async with aiohttp.ClientSession(base_url=str(server.make_url("/")),
                                             cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
                await _sign_in(http, names[role])
                headers = []
                for path in paths:
                    async with http.get(path) as reply:
                        assert reply.status == 200, path
                        header = _header(await reply.text())
                    assert f'id="officer-name">{names[role]}<' in header, path
                    assert {ident for ident in ("analytics-link", "inbox-link") if _shown(header, ident)} == links[role]
                    assert _shown(header, "console-link") == (path != "/console" and role != "trainer"), path
                    for control in re.findall(r"<(?:a|button)\b[^>]*>", header):
                        assert 'class="btn btn-header"' in control, f"{path}: {control}"
                    assert re.search(r'<form class="sign-out" method="post" action="/console/logout">'
                                     r'<input type="hidden" name="csrf" value="[^"]+"><button id="sign-out"', header)
                    # the same header but for the language switch and the console's own tools
                    headers.append(re.sub(r'<(a|button) id="(other-language|lang-toggle)".*?</\1>|'
                                          r'<label class="alerts-toggle".*?</button>|<a id="console-link"[^>]*>[^<]*</a>',
                                          "", header, flags=re.S))
                assert len({re.sub(r"\s+", " ", h) for h in headers}) == 1, headers

                async with http.get(paths[-1]) as reply:
                    token = re.search(r'name="csrf" value="([^"]+)"', _header(await reply.text())).group(1)  # type: ignore[union-attr]
                async with http.post("/console/logout", data={"csrf": token}, allow_redirects=False) as out:
                    assert out.status == 303 and out.headers["Location"] == "/console/login"
                async with http.get("/console/api/me") as me:
                    assert me.status == 401
    finally:
        await server.close()
