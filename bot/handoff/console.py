"""The officer console: sign-in, the queue, one ticket's transcript, and officer actions.

Pages: GET /console (the app), GET|POST /console/login, POST /console/logout.
JSON API under /console/api (cookie session; every POST needs the X-CSRF-Token header),
live events on the WebSocket /console/ws. Citizen text is only ever sent as JSON and shown
with textContent by console.js, so a message cannot inject script.
"""

from __future__ import annotations

import hmac
import re
import html
import secrets
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple, TypeGuard

import yaml
from aiohttp import WSMsgType, web
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.contracts import TEAMS
from bot.gateway.clients import client_address, origin_allowed
from bot.gateway import payloads
from bot.gateway.keys import DATABASE, DESK, SETTINGS, TYPING
from bot.handoff import accounts, consults, policy, queue
from bot.intent_labels import intent_labels
from bot.settings import PROJECT_ROOT
from bot.storage import transcripts
from bot.storage.models import Message, Officer, Ticket, TicketNote, aware

COOKIE = "govbot_console"
LOGIN_CSRF_COOKIE = "govbot_login_csrf"
STATIC = Path(__file__).resolve().parent.parent / "web" / "static" / "console"
SAVED_REPLIES_FILE = PROJECT_ROOT / "content" / "saved_replies.yml"
MAX_TEXT = 4000

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@lru_cache(maxsize=1)
def saved_replies() -> Dict[str, Any]:
    with SAVED_REPLIES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": code, "message": message}, status=status)


# Queue errors become HTTP answers here, once: bad input is a 400, a missing or hidden
# ticket a 404, anything else a 409 (the ticket's state or the account's rights forbid it).
_BAD_INPUT = ("bad_team", "bad_expert", "bad_officer", "bad_transfer", "bad_assign", "bad_outcome", "empty", "too_long")


def _not_found() -> web.Response:
    """The one answer for a ticket that does not exist and for one the account may not read."""
    return _error(404, "not_found", "no such ticket")


def _cookie_options(request: web.Request) -> Dict[str, Any]:
    return {"httponly": True, "samesite": "Strict", "path": "/console",
            "secure": request.app[SETTINGS].cookie_secure}


# The console's own background refreshes (after a live event) send this header: they do not
# count as use of the session, so an unattended console still reaches its idle timeout.
BACKGROUND = "X-Console-Background"


def _lifetimes(request: web.Request) -> Tuple[timedelta, timedelta]:
    """(longest a session lives, idle time that ends it)"""
    settings = request.app[SETTINGS]
    return timedelta(hours=settings.session_max_hours), timedelta(minutes=settings.session_idle_minutes)


async def _current(request: web.Request) -> Optional[Dict[str, Any]]:
    token = request.cookies.get(COOKIE, "")
    touch = request.headers.get(BACKGROUND) != "1"
    lifetime, idle = _lifetimes(request)

    def work(session: Session) -> Optional[Dict[str, Any]]:
        found = accounts.resolve_session(session, token, lifetime=lifetime, idle=idle, touch=touch)
        if found is None:
            return None
        officer = session.get(Officer, found.officer_id)
        if officer is None or not officer.active:
            return None
        return {"id": officer.id, "username": officer.username, "name": officer.display_name,
                "role": officer.role, "teams": officer.teams, "languages": officer.languages,
                "max_concurrent": officer.max_concurrent, "csrf": found.csrf_token}

    return await request.app[DATABASE].run_async(work) if token else None


def signed_in(handler: Callable[[web.Request, Dict[str, Any]], Awaitable[web.StreamResponse]]) -> Handler:
    """API handlers get the signed-in officer; POSTs must carry the session's CSRF token."""

    async def wrapped(request: web.Request) -> web.StreamResponse:
        officer = await _current(request)
        if officer is None:
            return _error(401, "signed_out", "please sign in again")
        if request.method == "POST":
            sent = request.headers.get("X-CSRF-Token", "")
            if not hmac.compare_digest(sent.encode(), officer["csrf"].encode()):
                return _error(403, "csrf", "missing or wrong CSRF token: reload the page")
        try:
            return await handler(request, officer)
        except queue.QueueError as error:
            if error.code == "not_found":
                return _not_found()
            return _error(400 if error.code in _BAD_INPUT else 409, error.code, str(error))

    return wrapped


async def _body(request: web.Request) -> Dict[str, Any]:
    return await payloads.read_object(request)


def _ticket_id(request: web.Request) -> int:
    raw = request.match_info["ticket_id"]
    # Unknown, malformed and out-of-range ids (beyond 64 bits) are all "no such ticket".
    if not re.fullmatch(r"[0-9]{1,18}", raw):
        raise queue.QueueError("not_found", "no such ticket")
    return int(raw)


def _transcript(session: Session, conversation_id: str) -> List[Dict[str, Any]]:
    """The whole transcript; `event` lines keep their handoff request (payload.custom), so the
    officer sees why each handoff happened even after a transfer changed the ticket's team."""
    lines = transcripts.history(session, conversation_id, limit=500, include_events=True)
    events = [line["id"] for line in lines if line["sender"] == "event"]
    payloads = dict(session.execute(select(Message.id, Message.payload).where(Message.id.in_(events))).all())
    for line in lines:
        if line["id"] in payloads:
            line["payload"] = {"custom": (payloads[line["id"]] or {}).get("custom")}
    return lines


PREVIEW_CHARS = 140


def _activity(session: Session, ticket: Ticket) -> Dict[str, Any]:
    """The card's preview (the citizen's last line, already redacted when stored), its id
    (the console counts lines it has not shown as unread) and the time of the last line."""
    last_citizen = session.execute(
        select(Message.id, Message.text).where(Message.conversation_id == ticket.conversation_id,
                                               Message.sender == "citizen")
        .order_by(Message.id.desc()).limit(1)).first()
    last = session.execute(
        select(Message.created_at).where(Message.conversation_id == ticket.conversation_id,
                                         Message.sender != "event")
        .order_by(Message.id.desc()).limit(1)).scalar()
    moment = aware(last) if last is not None else aware(ticket.created_at)
    text = last_citizen.text if last_citizen else ""
    return {
        "preview": text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "\u2026",
        "last_citizen_id": last_citizen.id if last_citizen else None,
        "last_activity": moment.isoformat() if moment else None,
    }


def _summary(session: Session, ticket: Ticket) -> Dict[str, Any]:
    officer = session.get(Officer, ticket.officer_id) if ticket.officer_id else None
    return {
        **_activity(session, ticket),
        "id": ticket.id, "conversation_id": ticket.conversation_id, "status": ticket.status,
        "reason": ticket.reason,
        "priority": ticket.priority, "team": ticket.team, "language": ticket.language,
        "channel": ticket.channel, "last_intent": ticket.last_intent,
        "waiting_seconds": int(queue.waited_since(ticket)) if ticket.status == "waiting" else None,
        "position": queue.position(session, ticket) if ticket.status == "waiting" else None,
        "officer": officer.display_name if officer else None, "officer_id": ticket.officer_id,
        "outcome": ticket.outcome, "rating": ticket.rating,
    }


# --- pages ---------------------------------------------------------------------------


LOGIN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Officer console sign-in / Connexion à la console des agents</title>
<link rel="stylesheet" href="/static/common/gc.css">
<link rel="stylesheet" href="/console/static/console.css"></head>
<body class="login"><main>
<h1>Officer console <span lang="fr">/ Console des agents</span></h1>
{error}
<form method="post" action="/console/login">
<input type="hidden" name="csrf" value="{csrf}">
<label for="username">Username <span lang="fr">/ Nom d'utilisateur</span></label>
<input id="username" name="username" autocomplete="username" required autofocus>
<label for="password">Password <span lang="fr">/ Mot de passe</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in <span lang="fr">/ Connexion</span></button>
</form></main></body></html>"""

LOGIN_ERRORS = {
    "bad_credentials": "Wrong username or password. / Nom d'utilisateur ou mot de passe incorrect.",
    "throttled": "Too many failed attempts from this device. Please wait a few minutes, then try again. / Trop de tentatives infructueuses à partir de cet appareil. Veuillez attendre quelques minutes, puis réessayer.",
    "csrf": "The form expired. Please try again. / Le formulaire a expiré. Veuillez réessayer.",
}


def _login_page(request: web.Request, error: str = "", status: int = 200) -> web.Response:
    csrf = secrets.token_urlsafe(24)
    message = (f'<p class="error" role="alert" id="login-error">{html.escape(LOGIN_ERRORS[error])}</p>'
               if error else "")
    response = web.Response(text=LOGIN_PAGE.format(error=message, csrf=csrf),
                            content_type="text/html", status=status)
    response.set_cookie(LOGIN_CSRF_COOKIE, csrf, **_cookie_options(request))
    return response


async def login_form(request: web.Request) -> web.Response:
    return _login_page(request)


async def login(request: web.Request) -> web.Response:
    form = await payloads.read_form(request)
    sent = str(form.get("csrf", ""))
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        return _login_page(request, "csrf", status=403)
    username, password = str(form.get("username", ""))[:80], str(form.get("password", ""))[:200]
    address = client_address(request, request.app[SETTINGS].trusted_proxies)
    lifetime, idle = _lifetimes(request)
    result = await request.app[DATABASE].run_async(lambda session: accounts.sign_in(
        session, username, password, address=address, lifetime=lifetime, idle=idle))
    if result.error == "throttled":
        page = _login_page(request, result.error, status=429)
        page.headers["Retry-After"] = str(result.retry_after)
        return page
    if result.officer is None:
        return _login_page(request, result.error, status=401)
    response = web.HTTPSeeOther("/console")
    response.set_cookie(COOKIE, result.token, max_age=int(lifetime.total_seconds()),
                        **_cookie_options(request))
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/console")
    return response  # type: ignore[return-value]


async def app_page(request: web.Request) -> web.StreamResponse:
    officer = await _current(request)
    if officer is None:
        raise web.HTTPSeeOther("/console/login")
    if officer["role"] == "trainer":  # a trainer reads no conversation: their work is the inbox
        raise web.HTTPSeeOther("/console/inbox")
    # The Content-Security-Policy and framing headers of every console page: bot/gateway/headers.py.
    return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})


@signed_in
async def logout(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    await request.app[DATABASE].run_async(accounts.sign_out, request.cookies.get(COOKIE, ""))
    response = web.json_response({"ok": True})
    response.del_cookie(COOKIE, path="/console")
    return response


# --- API -----------------------------------------------------------------------------


@signed_in
async def me(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    return web.json_response(officer)


@signed_in
async def queue_view(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    def work(session: Session) -> Dict[str, Any]:
        me = session.get(Officer, officer["id"])
        waiting = [_summary(session, t) for t in queue.waiting_for(session, me)]
        # the officer's own conversations, the one the citizen spoke in last first
        mine = sorted((_summary(session, t) for t in queue.tickets_of(session, me)),
                      key=lambda summary: summary["last_activity"] or "", reverse=True)
        result: Dict[str, Any] = {"waiting": waiting, "mine": mine}
        if policy.oversees(me):
            result["active"] = [_summary(session, t) for t in queue.recent(session, ["active"])]
        return result

    return web.json_response(await request.app[DATABASE].run_async(work))


@signed_in
async def ticket_view(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    ticket_id = _ticket_id(request)

    def work(session: Session) -> Optional[Dict[str, Any]]:
        ticket = session.get(Ticket, ticket_id)
        me = session.get(Officer, officer["id"])
        if ticket is None or me is None or not policy.can_read(me, ticket):
            return None
        notes = session.execute(
            select(TicketNote, Officer.display_name).join(Officer, Officer.id == TicketNote.officer_id)
            .where(TicketNote.ticket_id == ticket.id).order_by(TicketNote.id)
        ).all()
        return {
            "ticket": _summary(session, ticket),
            "transcript": _transcript(session, ticket.conversation_id),
            "notes": [{"text": n.text, "officer": name, "ts": n.created_at.isoformat()} for n, name in notes],
            "consults": [consults.for_officer(session, c) for c in consults.of_ticket(session, ticket.id)],
        }

    found = await request.app[DATABASE].run_async(work)
    if found is None:
        return _not_found()
    return web.json_response(found)


@signed_in
async def claim_next(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    claimed = await request.app[DESK].claim(officer["id"], None)
    if claimed is None:
        return _error(409, "queue_empty", "no ticket is waiting for your teams and languages")
    return web.json_response({"ticket_id": claimed})


@signed_in
async def claim(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    claimed = await request.app[DESK].claim(officer["id"], _ticket_id(request))
    return web.json_response({"ticket_id": claimed})


def _is_id(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def _text(data: Dict[str, Any], key: str = "text") -> str:
    text = data.get(key)
    if not isinstance(text, str) or not text.strip():
        raise queue.QueueError("empty", f"'{key}' must be a non-empty string")
    if len(text) > MAX_TEXT:
        raise queue.QueueError("too_long", f"at most {MAX_TEXT} characters")
    return text


@signed_in
async def send_message(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    text = _text(await _body(request))
    message = await request.app[DESK].officer_says(officer["id"], _ticket_id(request), text)
    return web.json_response(message)


@signed_in
async def add_note(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    await request.app[DESK].note(officer["id"], _ticket_id(request), _text(await _body(request)))
    return web.json_response({"ok": True})


@signed_in
async def transfer(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    data = await _body(request)
    team = data.get("team")
    to_officer = data.get("officer_id")
    if team is None and to_officer is None:
        raise queue.QueueError("bad_transfer", "give a team or an officer_id")
    if team is not None and (not isinstance(team, str) or team not in TEAMS):
        raise queue.QueueError("bad_team", f"team must be one of {', '.join(TEAMS)}")
    if to_officer is not None and not _is_id(to_officer):
        raise queue.QueueError("bad_transfer", "officer_id must be a number")
    reason = data.get("reason")
    if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_TEXT):
        raise queue.QueueError("bad_transfer", f"reason must be text of at most {MAX_TEXT} characters")
    await request.app[DESK].transfer(officer["id"], _ticket_id(request), team, to_officer,
                                     reason=(reason or "").strip() or None)
    return web.json_response({"ok": True})


@signed_in
async def resolve(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    data = await _body(request)
    outcome = payloads.text_field(data, "outcome", required=False)
    await request.app[DESK].resolve(officer["id"], _ticket_id(request), outcome)
    return web.json_response({"ok": True})


@signed_in
async def assign(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    data = await _body(request)
    target = data.get("officer_id")
    if not _is_id(target):
        raise queue.QueueError("bad_assign", "officer_id must be a number")
    await request.app[DESK].assign(officer["id"], _ticket_id(request), target)
    return web.json_response({"ok": True})


@signed_in
async def officers(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    def work(session: Session) -> Any:
        return [{"id": o.id, "name": o.display_name, "teams": o.teams, "languages": o.languages,
                 "active_tickets": queue.active_count(session, o.id), "max_concurrent": o.max_concurrent}
                for o in accounts.list_officers(session) if policy.answers(o)]

    return web.json_response(await request.app[DATABASE].run_async(work))


@signed_in
async def teams(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    """The teams a ticket can be transferred to (bot/contracts.py owns the list)."""
    return web.json_response(list(TEAMS))


@signed_in
async def intents(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    """Readable intent names, {intent: {en, fr}} (bot/intent_labels.py owns them)."""
    return web.json_response(intent_labels())


@signed_in
async def replies(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    return web.json_response(saved_replies()["replies"])


async def live(request: web.Request) -> web.WebSocketResponse:
    if not origin_allowed(request, request.app[SETTINGS].allowed_origins):
        raise web.HTTPForbidden(text='{"error": "origin"}', content_type="application/json")
    officer = await _current(request)
    if officer is None:
        raise web.HTTPUnauthorized()
    socket = web.WebSocketResponse(heartbeat=30)
    await socket.prepare(request)
    hub = request.app[DESK].hub
    hub.join(socket)
    try:
        await socket.send_json({"type": "hello"})
        async for message in socket:
            if message.type == WSMsgType.TEXT:  # typing signals (bot/handoff/typing.py)
                await request.app[TYPING].console_frame(officer["id"], message.data)
            elif message.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                break
    finally:
        hub.leave(socket)
    return socket


def add_routes(app: web.Application) -> None:
    app.router.add_get("/console", app_page)
    app.router.add_get("/console/login", login_form)
    app.router.add_post("/console/login", login)
    app.router.add_post("/console/logout", logout)
    app.router.add_get("/console/ws", live)
    app.router.add_get("/console/api/me", me)
    app.router.add_get("/console/api/queue", queue_view)
    app.router.add_get("/console/api/officers", officers)
    app.router.add_get("/console/api/saved-replies", replies)
    app.router.add_get("/console/api/teams", teams)
    app.router.add_get("/console/api/intents", intents)
    app.router.add_post("/console/api/claim-next", claim_next)
    app.router.add_get("/console/api/tickets/{ticket_id}", ticket_view)
    app.router.add_post("/console/api/tickets/{ticket_id}/claim", claim)
    app.router.add_post("/console/api/tickets/{ticket_id}/messages", send_message)
    app.router.add_post("/console/api/tickets/{ticket_id}/notes", add_note)
    app.router.add_post("/console/api/tickets/{ticket_id}/transfer", transfer)
    app.router.add_post("/console/api/tickets/{ticket_id}/resolve", resolve)
    app.router.add_post("/console/api/tickets/{ticket_id}/assign", assign)
    app.router.add_static("/console/static", STATIC)
