"""The console's "ask an expert" API (rules: bot/handoff/policy.py; steps: consults.py).

GET  /console/api/consults                 the open consults put to the signed-in expert
GET  /console/api/consults/{id}            one consult and, read-only, its ticket's transcript
POST /console/api/consults/{id}/answer     the expert's private answer {"text"}
POST /console/api/consults/{id}/relay      "Use in reply": the answer for the officer's composer
POST /console/api/consults/{id}/close
POST /console/api/consults/{id}/propose    the answer becomes a draft in the trainer's inbox
POST /console/api/tickets/{id}/consults    ask the experts of an area {"team", "question"}

An expert gets no composer to the citizen here, and every write to the citizen refuses them
(Desk._ticket with policy.can_act): the view is for reading one ticket and answering. The
routes' access rules are their `require_role`; which consult an account may see, answer,
relay or close is bot/handoff/consults.py's to decide (by policy), so a consult the account
may not see is "not found".
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from aiohttp import web
from sqlalchemy.orm import Session

from bot.console.api import body, text, ticket_id
from bot.console.auth import Handler, Staff, require_role
from bot.console.serialisers import summary, transcript
from bot.gateway.keys import DATABASE, DESK
from bot.handoff import consults, policy, queue
from bot.storage.models import Officer


def _consult_id(request: web.Request) -> int:
    try:
        return int(request.match_info["consult_id"])
    except ValueError:
        raise queue.QueueError("not_found", "no such consult") from None


def _me(session: Session, officer: Staff) -> Officer:
    me = session.get(Officer, officer["id"])
    if me is None or not me.active:
        raise queue.QueueError("no_officer", "no such officer")
    return me


@require_role(policy.console_role)
async def open_consults(request: web.Request, officer: Staff) -> web.Response:
    def work(session: Session) -> Any:
        return [consults.for_officer(session, c) for c in consults.open_for(session, _me(session, officer))]

    return web.json_response(await request.app[DATABASE].run_async(work))


@require_role(policy.console_role)
async def consult_view(request: web.Request, officer: Staff) -> web.Response:
    consult_id = _consult_id(request)

    def work(session: Session) -> Dict[str, Any]:
        consult, ticket = consults.view(session, _me(session, officer), consult_id)
        card = summary(session, ticket)
        return {"consult": consults.for_officer(session, consult), "read_only": True,
                "ticket": {key: card[key] for key in ("id", "status", "team", "language", "reason", "channel")},
                "transcript": transcript(session, ticket.conversation_id)}

    return web.json_response(await request.app[DATABASE].run_async(work))


@require_role(policy.expert_role)
async def answer(request: web.Request, officer: Staff) -> web.Response:
    said = text(await body(request))
    await request.app[DESK].answer_consult(officer["id"], _consult_id(request), said)
    return web.json_response({"ok": True})


@require_role(policy.console_role)
async def relay(request: web.Request, officer: Staff) -> web.Response:
    consult_id = _consult_id(request)
    found = await request.app[DATABASE].run_async(
        lambda session: consults.for_officer(session, consults.relay(session, _me(session, officer), consult_id)))
    return web.json_response({"text": found["answer"], "consult": found})


@require_role(policy.console_role)
async def close(request: web.Request, officer: Staff) -> web.Response:
    consult_id = _consult_id(request)
    await request.app[DATABASE].run_async(
        lambda session: consults.close(session, _me(session, officer), consult_id).id)
    return web.json_response({"ok": True})


@require_role(policy.console_role)
async def propose(request: web.Request, officer: Staff) -> web.Response:
    consult_id = _consult_id(request)
    draft_id = await request.app[DATABASE].run_async(
        lambda session: consults.propose_knowledge(session, _me(session, officer), consult_id).id)
    return web.json_response({"draft_id": draft_id})


@require_role(policy.answering_role, hide=True)
async def ask(request: web.Request, officer: Staff) -> web.Response:
    data = await body(request)
    question = text(data, "question")
    consult_id = await request.app[DESK].ask_expert(officer["id"], ticket_id(request), question,
                                                    str(data.get("team", "")))
    return web.json_response({"consult_id": consult_id})


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console/api/consults", open_consults),
    ("GET", "/console/api/consults/{consult_id}", consult_view),
    ("POST", "/console/api/consults/{consult_id}/answer", answer),
    ("POST", "/console/api/consults/{consult_id}/relay", relay),
    ("POST", "/console/api/consults/{consult_id}/close", close),
    ("POST", "/console/api/consults/{consult_id}/propose", propose),
    ("POST", "/console/api/tickets/{ticket_id}/consults", ask),
]
