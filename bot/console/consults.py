"""The console's "ask an expert" API (rules: bot/handoff/policy.py; steps: consults.py).

GET  /console/api/consults                 the open consults put to the signed-in expert
GET  /console/api/consults/{id}            one consult and, read-only, its ticket's transcript
POST /console/api/consults/{id}/answer     the expert's private answer {"text"}
POST /console/api/consults/{id}/relay      "Use in reply": the answer for the officer's composer
POST /console/api/consults/{id}/close
POST /console/api/consults/{id}/propose    the answer becomes a draft in the trainer's inbox
POST /console/api/tickets/{id}/consults    ask the experts of an area {"team", "question"}

An expert gets no composer to the citizen here, and every write to the citizen refuses them
(Desk._ticket with policy.can_act): the view is for reading one ticket and answering.
"""

from __future__ import annotations

from typing import Any, Dict

from aiohttp import web
from sqlalchemy.orm import Session

from bot.gateway.keys import DATABASE, DESK
from bot.handoff import consults, queue
from bot.console.api import _body, _summary, _text, _ticket_id, _transcript, signed_in
from bot.storage.models import Officer


def _consult_id(request: web.Request) -> int:
    try:
        return int(request.match_info["consult_id"])
    except ValueError:
        raise queue.QueueError("not_found", "no such consult") from None


def _me(session: Session, officer: Dict[str, Any]) -> Officer:
    me = session.get(Officer, officer["id"])
    if me is None or not me.active:
        raise queue.QueueError("no_officer", "no such officer")
    return me


@signed_in
async def open_consults(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    def work(session: Session) -> Any:
        return [consults.for_officer(session, c) for c in consults.open_for(session, _me(session, officer))]

    return web.json_response(await request.app[DATABASE].run_async(work))


@signed_in
async def consult_view(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    consult_id = _consult_id(request)

    def work(session: Session) -> Dict[str, Any]:
        consult, ticket = consults.view(session, _me(session, officer), consult_id)
        summary = _summary(session, ticket)
        return {"consult": consults.for_officer(session, consult), "read_only": True,
                "ticket": {key: summary[key] for key in ("id", "status", "team", "language", "reason", "channel")},
                "transcript": _transcript(session, ticket.conversation_id)}

    return web.json_response(await request.app[DATABASE].run_async(work))


@signed_in
async def answer(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    text = _text(await _body(request))
    await request.app[DESK].answer_consult(officer["id"], _consult_id(request), text)
    return web.json_response({"ok": True})


@signed_in
async def relay(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    consult_id = _consult_id(request)
    found = await request.app[DATABASE].run_async(
        lambda session: consults.for_officer(session, consults.relay(session, _me(session, officer), consult_id)))
    return web.json_response({"text": found["answer"], "consult": found})


@signed_in
async def close(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    consult_id = _consult_id(request)
    await request.app[DATABASE].run_async(
        lambda session: consults.close(session, _me(session, officer), consult_id).id)
    return web.json_response({"ok": True})


@signed_in
async def propose(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    consult_id = _consult_id(request)
    draft_id = await request.app[DATABASE].run_async(
        lambda session: consults.propose_knowledge(session, _me(session, officer), consult_id).id)
    return web.json_response({"draft_id": draft_id})


@signed_in
async def ask(request: web.Request, officer: Dict[str, Any]) -> web.Response:
    data = await _body(request)
    question = _text(data, "question")
    consult_id = await request.app[DESK].ask_expert(officer["id"], _ticket_id(request), question,
                                                    str(data.get("team", "")))
    return web.json_response({"consult_id": consult_id})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/console/api/consults", open_consults)
    app.router.add_get("/console/api/consults/{consult_id}", consult_view)
    app.router.add_post("/console/api/consults/{consult_id}/answer", answer)
    app.router.add_post("/console/api/consults/{consult_id}/relay", relay)
    app.router.add_post("/console/api/consults/{consult_id}/close", close)
    app.router.add_post("/console/api/consults/{consult_id}/propose", propose)
    app.router.add_post("/console/api/tickets/{ticket_id}/consults", ask)
