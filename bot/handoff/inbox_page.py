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

from bot.gateway.keys import DATABASE, SETTINGS
from bot.handoff.console import _current
from bot.handoff.dashboard import CSP, page_head
from bot.trainer import inbox

ROLES = ("trainer", "supervisor", "admin")


async def _reviewer(request: web.Request) -> Dict[str, Any]:
    officer = await _current(request)
    if officer is None:
        raise web.HTTPSeeOther("/console/login")
    if officer["role"] not in ROLES:
        raise web.HTTPForbidden(text="Trainers, supervisors and admins only.")
    return officer


def _intent_options(intents: List[str]) -> str:
    return "".join(f'<option value="{html.escape(i)}">{html.escape(i)}</option>' for i in intents)


def render(groups: List[inbox.Group], intents: List[str], csrf: str, notice: str = "",
           problem: str = "") -> str:
    rows = []
    options = _intent_options(intents)
    for index, group in enumerate(groups):
        said = ", ".join(f"{html.escape(str(i))} x{n}" for i, n in group.predicted[:2])
        wordings = "".join(f"<li>{html.escape(t)}</li>" for t in group.texts[:5])
        rows.append(f"""<li class="inbox-group" id="group-{index}">
<p class="inbox-text" lang="{group.language}">{html.escape(group.text)}</p>
<p class="inbox-meta">{group.count} message(s), {group.language.upper()}, model said {said},
lowest confidence {group.lowest_confidence:.2f}; {html.escape(", ".join(group.reasons))}</p>
<details><summary>Wordings</summary><ul>{wordings}</ul></details>
<form method="post" action="/console/inbox/label" class="inbox-label">
<input type="hidden" name="csrf" value="{html.escape(csrf)}">
<input type="hidden" name="text" value="{html.escape(group.text)}">
<input type="hidden" name="language" value="{group.language}">
<label for="intent-{index}">Intent</label>
<select id="intent-{index}" name="intent">{options}</select>
<label for="new-{index}">or new intent</label>
<input id="new-{index}" name="new_intent" pattern="[a-z][a-z0-9_]+" placeholder="e.g. travel_visa">
<button type="submit">Label</button>
</form></li>""")
    listing = "".join(rows) or '<li id="inbox-empty">Nothing to review: every doubtful message is labelled.</li>'
    message = f'<p class="notice" role="status" id="inbox-notice">{html.escape(notice)}</p>' if notice else ""
    error = f'<p class="error" role="alert" id="inbox-error">{html.escape(problem)}</p>' if problem else ""
    return page_head("NLU inbox") + f"""
<p>Citizen messages the model was unsure about (already redacted), grouped by their words.
Label each with the intent it should have been; export writes the labels into
<code>data/nlu</code>, then run <code>govbot check &amp;&amp; govbot train &amp;&amp; govbot eval</code>.</p>
{message}{error}
<form method="post" action="/console/inbox/export">
<input type="hidden" name="csrf" value="{html.escape(csrf)}">
<button type="submit" id="export">Export labels to data/nlu</button></form>
<ol class="inbox" id="inbox">{listing}</ol>
</main></body></html>"""


async def _page(request: web.Request, officer: Dict[str, Any], notice: str = "", problem: str = "",
                status: int = 200) -> web.Response:
    settings = request.app[SETTINGS]

    def work(session: Any) -> Tuple[List[inbox.Group], List[str]]:
        return inbox.collect(session), sorted(inbox.domain_intents(settings.training_root))

    groups, intents = await request.app[DATABASE].run_async(work)
    return web.Response(text=render(groups, intents, officer["csrf"], notice, problem), status=status,
                        content_type="text/html",
                        headers={"Content-Security-Policy": CSP, "Cache-Control": "no-store"})


async def page(request: web.Request) -> web.Response:
    return await _page(request, await _reviewer(request))


async def _form(request: web.Request, officer: Dict[str, Any]) -> Dict[str, str]:
    form = await request.post()
    sent = str(form.get("csrf", ""))
    if not hmac.compare_digest(sent.encode(), officer["csrf"].encode()):
        raise web.HTTPForbidden(text="The form expired: reload the page.")
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
    except inbox.InboxError as error:
        return await _page(request, officer, problem=str(error), status=400)
    return await _page(request, officer, notice=f"Labelled as {intent}.")


async def export(request: web.Request) -> web.Response:
    officer = await _reviewer(request)
    await _form(request, officer)
    root = request.app[SETTINGS].training_root
    done = await request.app[DATABASE].run_async(lambda s: inbox.export(s, root=root))
    parts = [f"{count} example(s) added to {name}" for name, count in done.written.items()]
    parts += [f"already in the data: {text}" for text in done.skipped]
    parts += [f"not written, conflict: {conflict}" for conflict in done.conflicts]
    return await _page(request, officer, notice="; ".join(parts) or "Nothing labelled since the last export.")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/console/inbox", page)
    app.router.add_post("/console/inbox/label", label)
    app.router.add_post("/console/inbox/export", export)
