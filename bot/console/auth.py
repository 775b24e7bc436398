"""Who is asking, and may they: the staff session cookie, CSRF, sign-in and sign-out, and
`require_role`, the one access rule of every console route.

Deny by default. Every handler of the staff web is either `public` (the sign-in page) or
wrapped by `require_role(predicate)`, where the predicate is a role rule of
bot/handoff/policy.py; bot/console/routes.py refuses to register a handler that is neither.
A guarded handler receives the signed-in account (`Staff`) and is reached only when:

1. (a socket) the Origin is this site's or an allowed one: else 403;
2. a session cookie names an active account: else 401 (API, socket) or a redirect to the
   sign-in page (an HTML page); an inactive account's session resolves to nobody;
3. the account's role passes the predicate: else 403, or for a `hide` route (a ticket's)
   the same 404 as a ticket that does not exist, so sequential ids reveal nothing;
4. a POST carries the session's CSRF token (the X-CSRF-Token header from console.js, or the
   `csrf` field of a server-rendered form): else 403.

Queue errors (bot/handoff/queue.py QueueError) raised by an API handler become HTTP answers
here, once: bad input 400, a missing or hidden ticket 404, anything else 409 (the ticket's
state or the account's rights forbid it).

Failed sign-ins are throttled per client address by bot/handoff/sign_in_throttle.py (domain
code, called by accounts.sign_in); this module only answers 429 with Retry-After.
"""

from __future__ import annotations

import hmac
import html
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import update_wrapper
from typing import Any, Awaitable, Callable, Dict, List, Literal, Optional, Tuple

from aiohttp import web
from sqlalchemy.orm import Session

from bot.console.page_language import chosen_language
from bot.gateway import payloads
from bot.gateway.clients import client_address, origin_allowed
from bot.gateway.keys import DATABASE, SETTINGS
from bot.handoff import accounts, policy, queue
from bot.storage.models import Officer
from bot.texts import say

COOKIE = "govbot_console"
LOGIN_CSRF_COOKIE = "govbot_login_csrf"
# The console's own background refreshes (after a live event) send this header: they do not
# count as use of the session, so an unattended console still reaches its idle timeout.
BACKGROUND = "X-Console-Background"

Staff = Dict[str, Any]  # the signed-in account, as GET /console/api/me shows it
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
StaffHandler = Callable[[web.Request, Staff], Awaitable[web.StreamResponse]]
RoleRule = Callable[[str], bool]
Kind = Literal["api", "page", "socket"]


@dataclass(frozen=True)
class Access:
    """A route's access rule: who (a policy predicate on the role) and how a refusal reads."""

    allows: RoleRule
    kind: Kind = "api"
    hide: bool = False  # refused roles get the API's "no such ticket" 404


PUBLIC = Access(allows=lambda role: True, kind="page")
_RULES: Dict[Handler, Access] = {}


def access_of(handler: Any) -> Optional[Access]:
    """The rule a handler was given (`require_role` or `public`); None: it may not be routed."""
    try:
        return _RULES.get(handler)
    except TypeError:  # not hashable: certainly not a guarded handler
        return None


def public(handler: Handler) -> Handler:
    """A route anyone may use: the sign-in page only. Said explicitly, like every rule."""
    _RULES[handler] = PUBLIC
    return handler


def error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": code, "message": message}, status=status)


def not_found() -> web.Response:
    """The one answer for a ticket that does not exist and for one the account may not read."""
    return error(404, "not_found", "no such ticket")


_BAD_INPUT = ("bad_team", "bad_expert", "bad_officer", "bad_transfer", "bad_assign", "bad_outcome", "empty", "too_long")


def _refused_page(status: int, key: str, request: web.Request) -> web.Response:
    return web.Response(text=say(key, chosen_language(request)), status=status,
                        headers={"Cache-Control": "no-store"})


async def _csrf_sent(request: web.Request) -> str:
    """The token of a POST: console.js sends a header, a server-rendered form a field."""
    if "X-CSRF-Token" in request.headers or request.content_type not in (
            "application/x-www-form-urlencoded", "multipart/form-data"):
        return request.headers.get("X-CSRF-Token", "")
    return str((await payloads.read_form(request)).get("csrf", ""))


def require_role(allows: RoleRule, *, kind: Kind = "api", hide: bool = False) -> Callable[[StaffHandler], Handler]:
    """The access rule of a console handler (see the module docstring for the order of the checks)."""
    access = Access(allows, kind, hide)

    def decorate(handler: StaffHandler) -> Handler:
        async def guarded(request: web.Request) -> web.StreamResponse:
            if kind == "socket" and not origin_allowed(request, request.app[SETTINGS].allowed_origins):
                raise web.HTTPForbidden(text='{"error": "origin"}', content_type="application/json")
            staff = await current(request)
            if staff is None:
                if kind == "page":
                    raise web.HTTPSeeOther("/console/login")
                if kind == "socket":
                    raise web.HTTPUnauthorized()
                return error(401, "signed_out", "please sign in again")
            if not allows(staff["role"]):
                if hide:
                    return not_found()
                if kind == "page":
                    return _refused_page(403, "forbidden_page", request)
                return error(403, "forbidden", "this account's role may not do this")
            if request.method == "POST":
                sent = await _csrf_sent(request)
                if not hmac.compare_digest(sent.encode(), staff["csrf"].encode()):
                    if kind == "page":
                        return _refused_page(403, "form_expired", request)
                    return error(403, "csrf", "missing or wrong CSRF token: reload the page")
            try:
                return await handler(request, staff)
            except queue.QueueError as problem:
                if problem.code == "not_found":
                    return not_found()
                return error(400 if problem.code in _BAD_INPUT else 409, problem.code, str(problem))

        update_wrapper(guarded, handler)
        _RULES[guarded] = access
        return guarded

    return decorate


# --- the session --------------------------------------------------------------------------


def cookie_options(request: web.Request) -> Dict[str, Any]:
    return {"httponly": True, "samesite": "Strict", "path": "/console",
            "secure": request.app[SETTINGS].cookie_secure}


def lifetimes(request: web.Request) -> Tuple[timedelta, timedelta]:
    """(longest a session lives, idle time that ends it)"""
    settings = request.app[SETTINGS]
    return timedelta(hours=settings.session_max_hours), timedelta(minutes=settings.session_idle_minutes)


async def current(request: web.Request) -> Optional[Staff]:
    """The active account of this request's session, or None."""
    token = request.cookies.get(COOKIE, "")
    touch = request.headers.get(BACKGROUND) != "1"
    lifetime, idle = lifetimes(request)

    def work(session: Session) -> Optional[Staff]:
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


# --- sign-in and sign-out -----------------------------------------------------------------


def _both(key: str) -> str:
    """A sign-in page line in both languages (nobody has chosen one yet)."""
    return f'{html.escape(say(key, "en"))} <span lang="fr">/ {html.escape(say(key, "fr"))}</span>'


def _login_page(request: web.Request, problem: str = "", status: int = 200) -> web.Response:
    csrf = secrets.token_urlsafe(24)
    message = (f'<p class="error" role="alert" id="login-error">{html.escape(say(f"login_{problem}", "en"))} / '
               f'<span lang="fr">{html.escape(say(f"login_{problem}", "fr"))}</span></p>' if problem else "")
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(say("login_title", "en"))} / {html.escape(say("login_title", "fr"))}</title>
<link rel="stylesheet" href="/static/common/gc.css">
<link rel="stylesheet" href="/console/static/console.css"></head>
<body class="login"><main>
<h1>{_both("app_name")}</h1>
{message}
<form method="post" action="/console/login">
<input type="hidden" name="csrf" value="{csrf}">
<label for="username">{_both("login_username")}</label>
<input id="username" name="username" autocomplete="username" required autofocus>
<label for="password">{_both("login_password")}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{_both("login_submit")}</button>
</form></main></body></html>"""
    response = web.Response(text=page, content_type="text/html", status=status)
    response.set_cookie(LOGIN_CSRF_COOKIE, csrf, **cookie_options(request))
    return response


@public
async def login_form(request: web.Request) -> web.Response:
    return _login_page(request)


@public
async def login(request: web.Request) -> web.Response:
    form = await payloads.read_form(request)
    sent = str(form.get("csrf", ""))
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        return _login_page(request, "csrf", status=403)
    username, password = str(form.get("username", ""))[:80], str(form.get("password", ""))[:200]
    address = client_address(request, request.app[SETTINGS].trusted_proxies)
    lifetime, idle = lifetimes(request)
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
                        **cookie_options(request))
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/console")
    return response  # type: ignore[return-value]


@require_role(policy.staff_role)
async def logout(request: web.Request, staff: Staff) -> web.StreamResponse:
    """console.js signs out with a JSON call; the header's form (server-rendered pages) with
    a POST that then shows the sign-in page."""
    await request.app[DATABASE].run_async(accounts.sign_out, request.cookies.get(COOKIE, ""))
    if "X-CSRF-Token" in request.headers:
        response = web.json_response({"ok": True})
        response.del_cookie(COOKIE, path="/console")
        return response
    redirect = web.HTTPSeeOther("/console/login")
    redirect.del_cookie(COOKIE, path="/console")
    raise redirect


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console/login", login_form),
    ("POST", "/console/login", login),
    ("POST", "/console/logout", logout),
]
