"""The staff web's HTML: the one staff header every staff page wears (the console and its
expert view, analytics, the NLU inbox, the knowledge drafts), the frame of the
server-rendered pages, and the console app page itself.

Words come from the one catalogue (bot/texts.py `say`, bot/staff_messages.yml). Staff tools
are work instruments under the Official Languages Act: same pages, same quality in both
languages. A server-rendered page's language comes from `?lang=` (the console passes its
own), else the browser's Accept-Language, else English; the console app switches in the
browser (console.js translates the header's `data-i18n` texts).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import List, Optional, Tuple

from aiohttp import web

from bot.console.auth import Handler, Staff, require_role
from bot.console.page_language import chosen_language, decimal, other, other_language_link
from bot.handoff import policy
from bot.texts import label, say

__all__ = ["chosen_language", "decimal", "other", "other_language_link", "staff_header", "page_head", "html_page"]

STATIC = Path(__file__).resolve().parent.parent / "web" / "static" / "console"
HEADER_SLOT = "<!-- the staff header: bot/console/pages.py staff_header -->"


def staff_header(staff: Staff, language: str, other_language_href: Optional[str] = None, tools: str = "") -> str:
    """The header of every staff page: who is signed in, the staff pages their role opens,
    the other language, signing out; all buttons styled alike (`btn btn-header`).

    `other_language_href`: a server-rendered page links to itself in the other language; the
    console app (None) switches in the browser with a button. `tools`: the console app's own
    controls (alerts, shortcuts). Links a role may not open are rendered hidden, never shown."""
    def t(key: str) -> str:
        return html.escape(say(key, language))

    def link(ident: str, href: str, key: str, i18n: str, shown: bool) -> str:
        return (f'<a id="{ident}" class="btn btn-header" href="{href}?lang={language}" data-i18n="{i18n}"'
                f'{"" if shown else " hidden"}>{t(key)}</a>')

    role = staff["role"]
    switch_to = other(language)
    switch = (f'<a id="other-language" class="btn btn-header" lang="{switch_to}" hreflang="{switch_to}" '
              f'href="{html.escape(other_language_href)}">{html.escape(say("other_language", language))}</a>'
              if other_language_href is not None else
              f'<button id="lang-toggle" class="btn btn-header" type="button" lang="{switch_to}">'
              f'{html.escape(say("other_language", language))}</button>')
    on_console = other_language_href is None
    return f"""<header class="gc-header">
    <div class="gc-header__inner">
      <p class="gc-header__sig"><span lang="en">Government of Canada</span> / <span lang="fr">Gouvernement du Canada</span></p>
      <p class="gc-header__app" data-i18n="appName">{t("app_name")}</p>
      <div class="gc-header__tools">
        <p class="gc-header__who"><span id="officer-name">{html.escape(staff["name"] or staff["username"])}</span> <span id="officer-role" class="role">{html.escape(label("role", role, language))}</span></p>
        {"" if on_console else link("console-link", "/console", "back", "back", policy.console_role(role))}
        {link("analytics-link", "/console/analytics", "analytics_link", "analytics", policy.can_see_analytics(role))}
        {link("inbox-link", "/console/inbox", "inbox_link", "nluInbox", policy.can_review_training_data(role))}
        {tools}
        {switch}
        <form class="sign-out" method="post" action="/console/logout"><input type="hidden" name="csrf" value="{html.escape(staff["csrf"])}"><button id="sign-out" class="btn btn-header" type="submit" data-i18n="signOut">{t("sign_out")}</button></form>
      </div>
    </div>
  </header>"""


def page_head(title: str, language: str, other_language_href: str, staff: Optional[Staff]) -> str:
    """The start of a server-rendered staff page: stylesheets, title, the staff header (for the
    signed-in account; a page rendered for no one, as tests render one, has none)."""
    return f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="/static/common/gc.css"><link rel="stylesheet" href="/console/static/console.css">
</head><body class="analytics">
{staff_header(staff, language, other_language_href) if staff else ""}
<main>
<h1>{html.escape(title)}</h1>"""


def html_page(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", headers={"Cache-Control": "no-store"})


CONSOLE_TOOLS = """<label class="alerts-toggle" for="alerts-toggle"><input id="alerts-toggle" type="checkbox"> <span data-i18n="alerts">{alerts}</span></label>
        <button id="shortcuts-open" class="btn btn-header" type="button" aria-haspopup="dialog" data-i18n="shortcuts">{shortcuts}</button>"""


@require_role(policy.staff_role, kind="page")
async def app_page(request: web.Request, staff: Staff) -> web.StreamResponse:
    """The console app (officers, supervisors, admins and experts); a trainer's work is the inbox."""
    if not policy.console_role(staff["role"]):
        raise web.HTTPSeeOther("/console/inbox")
    language = "en"  # as the rest of index.html: console.js then shows the officer's language
    tools = CONSOLE_TOOLS.format(alerts=html.escape(say("alerts", language)),
                                 shortcuts=html.escape(say("shortcuts", language)))
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    # The Content-Security-Policy and framing headers of every console page: bot/gateway/headers.py.
    return html_page(page.replace(HEADER_SLOT, staff_header(staff, language, tools=tools)))


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console", app_page),
]
