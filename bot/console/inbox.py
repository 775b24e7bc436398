"""The trainers' NLU inbox in the console (/console/inbox): review what the model doubted,
label it, export the labels into data/nlu (bot/trainer/inbox.py does the work).

Server-rendered forms; each POST carries the session's CSRF token as a form field.
Trainers, supervisors and admins only.
"""

from __future__ import annotations

import hmac
import html
from typing import Any, Dict, List, Optional, Tuple

from aiohttp import web

from bot.gateway import payloads
from bot.gateway.keys import DATABASE, SETTINGS
from bot.handoff import policy
from bot.console.api import _current
from bot.console.analytics import page_head
from bot.console.pages import chosen_language, code, decimal, other_language_link, say
from bot.trainer import inbox

async def _reviewer(request: web.Request) -> Dict[str, Any]:
    officer = await _current(request)
    if officer is None:
        raise web.HTTPSeeOther("/console/login")
    if not policy.can_review_training_data(officer["role"]):
        raise web.HTTPForbidden(text="Trainers, supervisors and admins only.")
    return officer


def _intent_options(intents: List[str]) -> str:
    return "".join(f'<option value="{html.escape(i)}">{html.escape(i)}</option>' for i in intents)


def render(groups: List[inbox.Group], intents: List[str], csrf: str, notice: str = "",
           problem: str = "", language: str = "en", other_language_href: str = "?lang=fr") -> str:
    def t(key: str, **values: Any) -> str:
        return say(language, key, **values)

    rows = []
    options = _intent_options(intents)
    hidden = (f'<input type="hidden" name="csrf" value="{html.escape(csrf)}">'
              f'<input type="hidden" name="lang" value="{language}">')
    for index, group in enumerate(groups):
        said = ", ".join(f"{html.escape(str(i))} x{n}" for i, n in group.predicted[:2])
        wordings = "".join(f"<li>{html.escape(w)}</li>" for w in group.texts[:5])
        meta = t("inbox_meta", count=group.count, language=t("french" if group.language == "fr" else "english"),
                 said=said, lowest=decimal(group.lowest_confidence, 2, language),
                 reasons=html.escape(", ".join(code(language, "inbox", r) for r in group.reasons)))
        context = (f'<p class="inbox-context">{t("bot_said")} <q lang="{group.language}">'
                   f'{html.escape(group.context)}</q></p>' if group.context else "")
        rows.append(f"""<li class="inbox-group" id="group-{index}">
{context}<p class="inbox-text" lang="{group.language}">{html.escape(group.text)}</p>
<p class="inbox-meta">{meta}</p>
<details><summary>{t("wordings")}</summary><ul>{wordings}</ul></details>
<form method="post" action="/console/inbox/label" class="inbox-label">{hidden}
<input type="hidden" name="text" value="{html.escape(group.text)}">
<input type="hidden" name="language" value="{group.language}">
<label for="intent-{index}">{t("intent")}</label>
<select id="intent-{index}" name="intent">{options}</select>
<label for="new-{index}">{t("new_intent")}</label>
<input id="new-{index}" name="new_intent" pattern="[a-z][a-z0-9_]+" placeholder="{t("new_intent_example")}">
<button type="submit">{t("label")}</button>
</form></li>""")
    listing = "".join(rows) or f'<li id="inbox-empty">{t("inbox_empty")}</li>'
    message = f'<p class="notice" role="status" id="inbox-notice">{html.escape(notice)}</p>' if notice else ""
    error = f'<p class="error" role="alert" id="inbox-error">{html.escape(problem)}</p>' if problem else ""
    return page_head(t("inbox_title"), language, other_language_href) + f"""
<p>{t("inbox_intro")}</p>
<p><a id="drafts-link" href="/console/inbox/knowledge?lang={language}">{t("drafts_link")}</a></p>
{message}{error}
<form method="post" action="/console/inbox/export">{hidden}
<button type="submit" id="export">{t("export")}</button></form>
<ol class="inbox" id="inbox">{listing}</ol>
</main></body></html>"""


async def _page(request: web.Request, officer: Dict[str, Any], notice: str = "", problem: str = "",
                status: int = 200) -> web.Response:
    settings = request.app[SETTINGS]

    def work(session: Any) -> Tuple[List[inbox.Group], List[str]]:
        return inbox.collect(session), sorted(inbox.domain_intents(settings.training_root))

    groups, intents = await request.app[DATABASE].run_async(work)
    language = _language(request)
    page_html = render(groups, intents, officer["csrf"], notice, problem, language,
                       other_language_link(request, language, "/console/inbox"))
    return web.Response(text=page_html, status=status,
                        content_type="text/html",
                        headers={"Cache-Control": "no-store"})


def _language(request: web.Request) -> str:
    """The page's language; a form posts it back as a field so the answer keeps it."""
    posted = request.get("form_language")
    return posted if posted in ("en", "fr") else chosen_language(request)


async def page(request: web.Request) -> web.Response:
    return await _page(request, await _reviewer(request))


async def _form(request: web.Request, officer: Dict[str, Any]) -> Dict[str, str]:
    form = await payloads.read_form(request)
    sent = str(form.get("csrf", ""))
    if not hmac.compare_digest(sent.encode(), officer["csrf"].encode()):
        raise web.HTTPForbidden(text="The form expired: reload the page.")
    request["form_language"] = str(form.get("lang", ""))
    return {key: str(value) for key, value in form.items()}


async def label(request: web.Request) -> web.Response:
    officer = await _reviewer(request)
    form = await _form(request, officer)
    new: Optional[str] = form.get("new_intent", "").strip() or None
    intent = new or form.get("intent", "")
    root = request.app[SETTINGS].training_root
    try:
        await request.app[DATABASE].run_async(lambda s: inbox.label(
            s, form.get("text", ""), form.get("language", ""), intent, by=officer["username"],
            new_intent=new is not None, root=root))
    except inbox.InboxError as error:  # explained in the page's language
        language = _language(request)
        problem = say(language, f"inbox_error_{error.code}", intent=intent)
        return await _page(request, officer, problem=problem, status=400)
    return await _page(request, officer, notice=say(_language(request), "labelled", intent=intent))


async def export(request: web.Request) -> web.Response:
    officer = await _reviewer(request)
    await _form(request, officer)
    root = request.app[SETTINGS].training_root
    done = await request.app[DATABASE].run_async(lambda s: inbox.export(s, root=root))
    language = _language(request)
    parts = [say(language, "exported", count=count, name=name) for name, count in done.written.items()]
    parts += [say(language, "already_there", text=text) for text in done.skipped]
    parts += [say(language, "conflict", conflict=conflict) for conflict in done.conflicts]
    return await _page(request, officer, notice="; ".join(parts) or say(language, "nothing_labelled"))


def add_routes(app: web.Application) -> None:
    app.router.add_get("/console/inbox", page)
    app.router.add_post("/console/inbox/label", label)
    app.router.add_post("/console/inbox/export", export)
