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

from bot.gateway.keys import DATABASE, SETTINGS
from bot.console.analytics import page_head
from bot.console.inbox import _form, _language, _reviewer
from bot.console.pages import code, other_language_link, say
from bot.knowledge import LANGUAGES
from bot.storage.models import KnowledgeDraft
from bot.trainer import inbox, knowledge_drafts

PATH = "/console/inbox/knowledge"


def _draft_form(draft: KnowledgeDraft, intents: List[str], hidden: str, language: str) -> str:
    def t(key: str, **values: Any) -> str:
        return say(language, key, **values)

    def field(name: str, label: str, value: str, multiline: bool = False) -> str:
        ident = f"d{draft.id}-{name}"
        box = (f'<textarea id="{ident}" name="{name}" rows="3">{html.escape(value)}</textarea>' if multiline
               else f'<input id="{ident}" name="{name}" value="{html.escape(value)}">')
        return f'<label for="{ident}">{label}</label>{box}'

    texts: Dict[str, Dict[str, Any]] = draft.texts or {}
    options = "".join(f'<option value="{html.escape(i)}"{" selected" if i == draft.intent else ""}>'
                      f'{html.escape(i)}</option>' for i in intents)
    parts = [f'<li class="draft" id="draft-{draft.id}">',
             f'<p class="inbox-meta">{t("draft_meta", area=code(language, "team", draft.area), language=t("french" if draft.language == "fr" else "english"))}</p>',
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
    parts.append(f'<button type="submit">{t("draft_complete")}</button></form></li>')
    return "".join(parts)


async def _page(request: web.Request, officer: Dict[str, Any], notice: str = "", problem: str = "",
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
        return say(language, key, **values)

    hidden = (f'<input type="hidden" name="csrf" value="{html.escape(officer["csrf"])}">'
              f'<input type="hidden" name="lang" value="{language}">')
    listing = "".join(_draft_form(d, intents, hidden, language) for d in drafts) or \
        f'<li id="drafts-empty">{t("drafts_empty")}</li>'
    message = f'<p class="notice" role="status" id="drafts-notice">{html.escape(notice)}</p>' if notice else ""
    error = f'<p class="error" role="alert" id="drafts-error">{html.escape(problem)}</p>' if problem else ""
    body = page_head(t("drafts_title"), language, other_language_link(request, language, PATH)) + f"""
{message}{error}
<form method="post" action="{PATH}/export">{hidden}<button type="submit" id="drafts-export">{t("drafts_export")}</button></form>
<ol class="inbox" id="drafts">{listing}</ol>
</main></body></html>"""
    return web.Response(text=body, status=status, content_type="text/html", headers={"Cache-Control": "no-store"})


async def page(request: web.Request) -> web.Response:
    return await _page(request, await _reviewer(request))


async def complete(request: web.Request) -> web.Response:
    officer = await _reviewer(request)
    form = await _form(request, officer)
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
    return await _page(request, officer, notice=say(_language(request), "draft_saved"))


async def export(request: web.Request) -> web.Response:
    officer = await _reviewer(request)
    await _form(request, officer)
    root = request.app[SETTINGS].training_root
    written = await request.app[DATABASE].run_async(lambda s: knowledge_drafts.export(s, root))
    language = _language(request)
    notice = say(language, "drafts_exported", ids=", ".join(written)) if written else say(language, "drafts_nothing")
    return await _page(request, officer, notice=notice)


def add_routes(app: web.Application) -> None:
    app.router.add_get(PATH, page)
    app.router.add_post(f"{PATH}/complete", complete)
    app.router.add_post(f"{PATH}/export", export)
