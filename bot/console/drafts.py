"""Experts' answers proposed as knowledge, in the trainers' inbox (/console/inbox/knowledge):
each draft shows the question and the expert's answer in the ticket's language; a trainer
completes it (intent, both languages, Canada.ca pages, date) and exports the completed ones to
content/knowledge (bot/trainer/knowledge_drafts.py does the work). Server-rendered forms with
the session's CSRF token; trainers, supervisors and admins only (policy.can_review_training_data).
"""

from __future__ import annotations

import html
from typing import Any, Dict, List, Tuple

from aiohttp import web

from bot.console.auth import Handler, Staff
from bot.console.inbox import _language, form_fields, reviewer
from bot.console.pages import html_page, other_language_link, page_head
from bot.gateway.keys import DATABASE, SETTINGS
from bot.knowledge import LANGUAGES
from bot.texts import label, say
from bot.storage.models import KnowledgeDraft
from bot.trainer import inbox, knowledge_drafts

PATH = "/console/inbox/knowledge"


def _draft_form(draft: KnowledgeDraft, intents: List[str], hidden: str, language: str) -> str:
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    def field(name: str, label: str, value: str, multiline: bool = False) -> str:
        ident = f"d{draft.id}-{name}"
        box = (f'<textarea id="{ident}" name="{name}" rows="3">{html.escape(value)}</textarea>' if multiline
               else f'<input id="{ident}" name="{name}" value="{html.escape(value)}">')
        return f'<label for="{ident}">{label}</label>{box}'

    texts: Dict[str, Dict[str, Any]] = draft.texts or {}
    options = "".join(f'<option value="{html.escape(i)}"{" selected" if i == draft.intent else ""}>'
                      f'{html.escape(i)}</option>' for i in intents)
    parts = [f'<li class="draft" id="draft-{draft.id}">',
             f'<p class="inbox-meta">{t("draft_meta", area=label("team", draft.area, language), language=t("french" if draft.language == "fr" else "english"))}</p>',
             f'<p><strong>{t("draft_question")}</strong> <span lang="{draft.language}">{html.escape(draft.question)}</span></p>',
             f'<p><strong>{t("draft_answer")}</strong> <span lang="{draft.language}">{html.escape(draft.answer)}</span></p>',
             f'<p class="notice">{t("draft_done", name=html.escape(draft.completed_by)) if draft.completed_by else t("draft_todo")}</p>',
             f'<form method="post" action="{PATH}/complete" class="draft-form">{hidden}'
             f'<input type="hidden" name="draft_id" value="{draft.id}">',
             f'<label for="d{draft.id}-intent">{t("draft_intent")}</label>'
             f'<select id="d{draft.id}-intent" name="intent">{options}</select>',
             field("checked", t("draft_checked"), draft.checked or "")]
    for lang in LANGUAGES:
        given = texts.get(lang) or {}
        first = draft.answer if lang == draft.language else ""
        asked = draft.question if lang == draft.language else ""
        parts.append(f'<fieldset lang="{lang}"><legend>{t("draft_heading", language=t("french" if lang == "fr" else "english"))}</legend>')
        parts.append(field(f"{lang}_answer", t("draft_answer"), given.get("answer", first), multiline=True))
        parts.append(field(f"{lang}_questions", t("draft_questions"),
                           "\n".join(given.get("questions", [asked] if asked else [])), multiline=True))
        parts.append(field(f"{lang}_title", t("draft_page_title"), given.get("title", "")))
        parts.append(field(f"{lang}_source", t("draft_source"), given.get("source", f"https://www.canada.ca/{lang}/")))
        parts.append("</fieldset>")
    parts.append(f'<button class="btn btn-primary" type="submit">{t("draft_complete")}</button></form></li>')
    return "".join(parts)


async def _page(request: web.Request, officer: Staff, notice: str = "", problem: str = "",
                status: int = 200) -> web.Response:
    root = request.app[SETTINGS].training_root

    def work(session: Any) -> Tuple[List[KnowledgeDraft], List[str]]:
        drafts = knowledge_drafts.pending(session)
        for draft in drafts:
            session.expunge(draft)
        return drafts, sorted(inbox.domain_intents(root))

    drafts, intents = await request.app[DATABASE].run_async(work)
    language = _language(request)

    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    hidden = (f'<input type="hidden" name="csrf" value="{html.escape(officer["csrf"])}">'
              f'<input type="hidden" name="lang" value="{language}">')
    listing = "".join(_draft_form(d, intents, hidden, language) for d in drafts) or \
        f'<li id="drafts-empty">{t("drafts_empty")}</li>'
    message = f'<p class="notice" role="status" id="drafts-notice">{html.escape(notice)}</p>' if notice else ""
    error = f'<p class="error" role="alert" id="drafts-error">{html.escape(problem)}</p>' if problem else ""
    body = page_head(t("drafts_title"), language, other_language_link(request, language, PATH), officer) + f"""
{message}{error}
<form method="post" action="{PATH}/export">{hidden}<button class="btn btn-default" type="submit" id="drafts-export">{t("drafts_export")}</button></form>
<ol class="inbox" id="drafts">{listing}</ol>
</main></body></html>"""
    return html_page(body, status)


@reviewer
async def page(request: web.Request, officer: Staff) -> web.Response:
    return await _page(request, officer)


@reviewer
async def complete(request: web.Request, officer: Staff) -> web.Response:
    form = await form_fields(request)
    texts = {lang: {"answer": form.get(f"{lang}_answer", ""), "title": form.get(f"{lang}_title", ""),
                    "source": form.get(f"{lang}_source", ""),
                    "questions": form.get(f"{lang}_questions", "").splitlines()} for lang in LANGUAGES}
    try:
        draft_id = int(form.get("draft_id", ""))
        await request.app[DATABASE].run_async(lambda s: knowledge_drafts.complete(
            s, draft_id, officer["username"], intent=form.get("intent", ""), checked=form.get("checked", "").strip(),
            texts=texts))
    except (ValueError, knowledge_drafts.DraftError) as error:
        return await _page(request, officer, problem=str(error), status=400)
    return await _page(request, officer, notice=say("draft_saved", _language(request)))


@reviewer
async def export(request: web.Request, officer: Staff) -> web.Response:
    await form_fields(request)
    root = request.app[SETTINGS].training_root
    written = await request.app[DATABASE].run_async(lambda s: knowledge_drafts.export(s, root))
    language = _language(request)
    notice = say("drafts_exported", language, ids=", ".join(written)) if written else say("drafts_nothing", language)
    return await _page(request, officer, notice=notice)


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", PATH, page),
    ("POST", f"{PATH}/complete", complete),
    ("POST", f"{PATH}/export", export),
]
