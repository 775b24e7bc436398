"""The trainers' NLU inbox in the console (/console/inbox): review what the model doubted,
label it, undo a label just given, export the labels into data/nlu (bot/trainer/inbox.py
does the work).

Server-rendered forms; each POST carries the session's CSRF token as a form field
(checked by require_role). Trainers, supervisors and admins only
(policy.can_review_training_data). A bad new intent name is explained by the server,
in the page's language (no browser `pattern`, whose message would be in the browser's).
"""

from __future__ import annotations

import html
from typing import Any, Dict, List, Optional, Tuple

from aiohttp import web

from bot.console.auth import Handler, Staff, require_role
from bot.console.pages import chosen_language, decimal, html_page, other_language_link, page_head
from bot.gateway import payloads
from bot.gateway.keys import DATABASE, SETTINGS
from bot.handoff import policy
from bot.intent_labels import intent_label
from bot.texts import label, say
from bot.trainer import inbox

# Who reviews training data: the NLU inbox and the knowledge drafts (bot/console/drafts.py).
reviewer = require_role(policy.can_review_training_data, kind="page")


def _intent_options(intents: List[str], language: str) -> str:
    """Each intent by its name in the page's language, in that name's order."""
    named = sorted((intent_label(i, language), i) for i in intents)
    return "".join(f'<option value="{html.escape(i)}">{html.escape(name)}</option>' for name, i in named)


def render(groups: List[inbox.Group], intents: List[str], csrf: str, notice: str = "",
           problem: str = "", language: str = "en", other_language_href: str = "?lang=fr",
           undo: Optional[int] = None,
           staff: Optional[Staff] = None) -> str:
    """`undo`: the audit entry of the label just given, which the notice's Undo takes back."""
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    rows = []
    options = _intent_options(intents, language)
    hidden = (f'<input type="hidden" name="csrf" value="{html.escape(csrf)}">'
              f'<input type="hidden" name="lang" value="{language}">')
    for index, group in enumerate(groups):
        said = ", ".join(f"{html.escape(intent_label(str(i), language))} x{n}" for i, n in group.predicted[:2])
        wordings = "".join(f"<li>{html.escape(w)}</li>" for w in group.texts[:5])
        meta = t("inbox_meta", count=group.count, language=t("french" if group.language == "fr" else "english"),
                 said=said, lowest=decimal(group.lowest_confidence, 2, language),
                 reasons=html.escape(", ".join(label("inbox", r, language) for r in group.reasons)))
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
<input id="new-{index}" name="new_intent" placeholder="{t("new_intent_example")}" aria-describedby="new-rule">
<button class="btn btn-primary" type="submit">{t("label")}</button>
</form></li>""")
    listing = "".join(rows) or f'<li id="inbox-empty">{t("inbox_empty")}</li>'
    undo_form = (f'<form method="post" action="/console/inbox/undo" class="inbox-undo">{hidden}'
                 f'<input type="hidden" name="entry" value="{undo}"><button class="btn btn-default" type="submit" id="undo">{t("undo")}</button>'
                 f'</form>') if undo is not None else ""
    message = (f'<div class="notice" role="status" id="inbox-notice"><p>{html.escape(notice)}</p>{undo_form}</div>'
               if notice else "")
    error = f'<p class="error" role="alert" id="inbox-error">{html.escape(problem)}</p>' if problem else ""
    return page_head(t("inbox_title"), language, other_language_href, staff) + f"""
<p>{t("inbox_intro")}</p>
<p id="new-rule" class="hint">{t("new_intent_rule")}</p>
<p><a id="drafts-link" href="/console/inbox/knowledge?lang={language}">{t("drafts_link")}</a></p>
{message}{error}
<form method="post" action="/console/inbox/export">{hidden}
<button class="btn btn-default" type="submit" id="export">{t("export")}</button></form>
<ol class="inbox" id="inbox">{listing}</ol>
</main></body></html>"""


async def _page(request: web.Request, officer: Staff, notice: str = "", problem: str = "",
                status: int = 200, undo: Optional[int] = None) -> web.Response:
    settings = request.app[SETTINGS]

    def work(session: Any) -> Tuple[List[inbox.Group], List[str]]:
        return inbox.collect(session), sorted(inbox.domain_intents(settings.training_root))

    groups, intents = await request.app[DATABASE].run_async(work)
    language = _language(request)
    return html_page(render(groups, intents, officer["csrf"], notice, problem, language,
                            other_language_link(request, language, "/console/inbox"), undo=undo, staff=officer), status)


def _language(request: web.Request) -> str:
    """The page's language; a form posts it back as a field so the answer keeps it."""
    posted = request.get("form_language")
    return posted if posted in ("en", "fr") else chosen_language(request)


@reviewer
async def page(request: web.Request, officer: Staff) -> web.Response:
    return await _page(request, officer)


async def form_fields(request: web.Request) -> Dict[str, str]:
    """The posted form (its CSRF token already checked by require_role)."""
    form = await payloads.read_form(request)
    request["form_language"] = str(form.get("lang", ""))
    return {key: str(value) for key, value in form.items()}


@reviewer
async def label_messages(request: web.Request, officer: Staff) -> web.Response:
    form = await form_fields(request)
    new: Optional[str] = form.get("new_intent", "").strip() or None
    intent = new or form.get("intent", "")
    root = request.app[SETTINGS].training_root
    try:
        entry = await request.app[DATABASE].run_async(lambda s: inbox.label_with_undo(
            s, form.get("text", ""), form.get("language", ""), intent, by=officer["username"],
            officer_id=officer["id"], new_intent=new is not None, root=root))
    except inbox.InboxError as error:  # explained in the page's language
        language = _language(request)
        problem = say(f"inbox_error_{error.code}", language, intent=intent)
        return await _page(request, officer, problem=problem, status=400)
    language = _language(request)
    return await _page(request, officer, notice=say("labelled", language, intent=intent_label(intent, language)),
                       undo=entry)


@reviewer
async def undo(request: web.Request, officer: Staff) -> web.Response:
    """Takes back one label the trainer just gave (the notice's Undo button)."""
    form = await form_fields(request)
    raw = form.get("entry", "")
    language = _language(request)
    if not (raw.isascii() and raw.isdigit() and len(raw) < 12):
        return await _page(request, officer, problem=say("inbox_error_undo_unknown", language), status=400)
    try:
        undone = await request.app[DATABASE].run_async(lambda s: inbox.undo(s, int(raw), officer["id"]))
    except inbox.InboxError as error:
        return await _page(request, officer, problem=say(f"inbox_error_{error.code}", language), status=409)
    notice = (say("undone_removed", language, text=undone.text) if undone.intent is None else
              say("undone_restored", language, text=undone.text, intent=intent_label(undone.intent, language)))
    return await _page(request, officer, notice=notice)


@reviewer
async def export(request: web.Request, officer: Staff) -> web.Response:
    await form_fields(request)
    root = request.app[SETTINGS].training_root
    done = await request.app[DATABASE].run_async(lambda s: inbox.export(s, root=root))
    language = _language(request)
    parts = [say("exported", language, count=count, name=name) for name, count in done.written.items()]
    parts += [say("already_there", language, text=text) for text in done.skipped]
    parts += [say("conflict", language, conflict=conflict) for conflict in done.conflicts]
    return await _page(request, officer, notice="; ".join(parts) or say("nothing_labelled", language))


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console/inbox", page),
    ("POST", "/console/inbox/label", label_messages),
    ("POST", "/console/inbox/undo", undo),
    ("POST", "/console/inbox/export", export),
]
