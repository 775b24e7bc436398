"""The console's JSON API under /console/api: the queue, one ticket, officer actions.

Cookie session; every POST needs the X-CSRF-Token header; every handler's access rule is
its `require_role` (bot/console/auth.py, rules of bot/handoff/policy.py). Citizen text is
only ever sent as JSON and shown with textContent by console.js, so a message cannot inject
script. Which ticket an account may read or act on is the desk's to decide (policy.can_read,
can_act): it answers "not found" for a ticket the account may not read.

GET  /console/api/me                          the account, its CSRF token and the vocabulary
GET  /console/api/queue                       {waiting, mine, active?}
GET  /console/api/officers | teams | intents | saved-replies
POST /console/api/claim-next
GET  /console/api/tickets/{id}                the ticket, its transcript, notes and consults
POST /console/api/tickets/{id}/claim | messages | notes | transfer | resolve | assign
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple, TypeGuard

import yaml
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import vocabulary
from bot.console.auth import Handler, Staff, error, not_found, require_role
from bot.console.serialisers import summary, transcript
from bot.gateway import payloads
from bot.gateway.keys import DATABASE, DESK
from bot.handoff import accounts, consults, policy, queue
from bot.intent_labels import intent_labels
from bot.settings import PROJECT_ROOT
from bot.storage.models import Officer, Ticket, TicketNote

SAVED_REPLIES_FILE = PROJECT_ROOT / "content" / "saved_replies.yml"
MAX_TEXT = 4000


@lru_cache(maxsize=1)
def saved_replies() -> Dict[str, Any]:
    with SAVED_REPLIES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


async def body(request: web.Request) -> Dict[str, Any]:
    return await payloads.read_object(request)


def ticket_id(request: web.Request) -> int:
    raw = request.match_info["ticket_id"]
    # Unknown, malformed and out-of-range ids (beyond 64 bits) are all "no such ticket".
    if not re.fullmatch(r"[0-9]{1,18}", raw):
        raise queue.QueueError("not_found", "no such ticket")
    return int(raw)


def _is_id(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def text(data: Dict[str, Any], key: str = "text") -> str:
    found = data.get(key)
    if not isinstance(found, str) or not found.strip():
        raise queue.QueueError("empty", f"'{key}' must be a non-empty string")
    if len(found) > MAX_TEXT:
        raise queue.QueueError("too_long", f"at most {MAX_TEXT} characters")
    return found


@require_role(policy.staff_role)
async def me(request: web.Request, staff: Staff) -> web.Response:
    """The account, its CSRF token, what its role may do (policy.abilities), and the lists and
    words the console shows (bot/vocabulary.py)."""
    return web.json_response({**staff, "may": policy.abilities(staff["role"]), "vocabulary": vocabulary.for_staff()})


@require_role(policy.answering_role)
async def queue_view(request: web.Request, staff: Staff) -> web.Response:
    def work(session: Session) -> Dict[str, Any]:
        me = session.get(Officer, staff["id"])
        waiting = [summary(session, t) for t in queue.waiting_for(session, me)]
        # the officer's own conversations, the one the citizen spoke in last first
        mine = sorted((summary(session, t) for t in queue.tickets_of(session, me)),
                      key=lambda card: card["last_activity"] or "", reverse=True)
        result: Dict[str, Any] = {"waiting": waiting, "mine": mine}
        if policy.oversees(me):
            result["active"] = [summary(session, t) for t in queue.recent(session, ["active"])]
        return result

    return web.json_response(await request.app[DATABASE].run_async(work))


@require_role(policy.answering_role, hide=True)
async def ticket_view(request: web.Request, staff: Staff) -> web.Response:
    wanted = ticket_id(request)

    def work(session: Session) -> Optional[Dict[str, Any]]:
        ticket = session.get(Ticket, wanted)
        me = session.get(Officer, staff["id"])
        if ticket is None or me is None or not policy.can_read(me, ticket):
            return None
        notes = session.execute(
            select(TicketNote, Officer.display_name).join(Officer, Officer.id == TicketNote.officer_id)
            .where(TicketNote.ticket_id == ticket.id).order_by(TicketNote.id)
        ).all()
        return {
            "ticket": summary(session, ticket),
            "transcript": transcript(session, ticket.conversation_id),
            "notes": [{"text": n.text, "officer": name, "ts": n.created_at.isoformat()} for n, name in notes],
            "consults": [consults.for_officer(session, c) for c in consults.of_ticket(session, ticket.id)],
        }

    found = await request.app[DATABASE].run_async(work)
    if found is None:
        return not_found()
    return web.json_response(found)


@require_role(policy.answering_role)
async def claim_next(request: web.Request, staff: Staff) -> web.Response:
    claimed = await request.app[DESK].claim(staff["id"], None)
    if claimed is None:
        return error(409, "queue_empty", "no ticket is waiting for your teams and languages")
    return web.json_response({"ticket_id": claimed})


@require_role(policy.answering_role, hide=True)
async def claim(request: web.Request, staff: Staff) -> web.Response:
    claimed = await request.app[DESK].claim(staff["id"], ticket_id(request))
    return web.json_response({"ticket_id": claimed})


@require_role(policy.answering_role, hide=True)
async def send_message(request: web.Request, staff: Staff) -> web.Response:
    said = text(await body(request))
    message = await request.app[DESK].officer_says(staff["id"], ticket_id(request), said)
    return web.json_response(message)


@require_role(policy.answering_role, hide=True)
async def add_note(request: web.Request, staff: Staff) -> web.Response:
    await request.app[DESK].note(staff["id"], ticket_id(request), text(await body(request)))
    return web.json_response({"ok": True})


@require_role(policy.answering_role, hide=True)
async def transfer(request: web.Request, staff: Staff) -> web.Response:
    data = await body(request)
    team = data.get("team")
    to_officer = data.get("officer_id")
    if team is None and to_officer is None:
        raise queue.QueueError("bad_transfer", "give a team or an officer_id")
    if team is not None and (not isinstance(team, str) or team not in vocabulary.TEAMS):
        raise queue.QueueError("bad_team", f"team must be one of {', '.join(vocabulary.TEAMS)}")
    if to_officer is not None and not _is_id(to_officer):
        raise queue.QueueError("bad_transfer", "officer_id must be a number")
    reason = data.get("reason")
    if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_TEXT):
        raise queue.QueueError("bad_transfer", f"reason must be text of at most {MAX_TEXT} characters")
    await request.app[DESK].transfer(staff["id"], ticket_id(request), team, to_officer,
                                     reason=(reason or "").strip() or None)
    return web.json_response({"ok": True})


@require_role(policy.answering_role, hide=True)
async def resolve(request: web.Request, staff: Staff) -> web.Response:
    data = await body(request)
    outcome = payloads.text_field(data, "outcome", required=False)
    await request.app[DESK].resolve(staff["id"], ticket_id(request), outcome)
    return web.json_response({"ok": True})


@require_role(policy.answering_role, hide=True)
async def assign(request: web.Request, staff: Staff) -> web.Response:
    data = await body(request)
    target = data.get("officer_id")
    if not _is_id(target):
        raise queue.QueueError("bad_assign", "officer_id must be a number")
    await request.app[DESK].assign(staff["id"], ticket_id(request), target)
    return web.json_response({"ok": True})


@require_role(policy.answering_role)
async def officers(request: web.Request, staff: Staff) -> web.Response:
    def work(session: Session) -> Any:
        return [{"id": o.id, "name": o.display_name, "teams": o.teams, "languages": o.languages,
                 "active_tickets": queue.active_count(session, o.id), "max_concurrent": o.max_concurrent}
                for o in accounts.list_officers(session) if policy.answers(o)]

    return web.json_response(await request.app[DATABASE].run_async(work))


@require_role(policy.console_role)
async def teams(request: web.Request, staff: Staff) -> web.Response:
    """The teams a ticket can be transferred to (bot/vocabulary.py; also in /me)."""
    return web.json_response(list(vocabulary.TEAMS))


@require_role(policy.console_role)
async def intents(request: web.Request, staff: Staff) -> web.Response:
    """Readable intent names, {intent: {en, fr}} (bot/intent_labels.py owns them)."""
    return web.json_response(intent_labels())


@require_role(policy.console_role)
async def replies(request: web.Request, staff: Staff) -> web.Response:
    return web.json_response(saved_replies()["replies"])


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console/api/me", me),
    ("GET", "/console/api/queue", queue_view),
    ("GET", "/console/api/officers", officers),
    ("GET", "/console/api/saved-replies", replies),
    ("GET", "/console/api/teams", teams),
    ("GET", "/console/api/intents", intents),
    ("POST", "/console/api/claim-next", claim_next),
    ("GET", "/console/api/tickets/{ticket_id}", ticket_view),
    ("POST", "/console/api/tickets/{ticket_id}/claim", claim),
    ("POST", "/console/api/tickets/{ticket_id}/messages", send_message),
    ("POST", "/console/api/tickets/{ticket_id}/notes", add_note),
    ("POST", "/console/api/tickets/{ticket_id}/transfer", transfer),
    ("POST", "/console/api/tickets/{ticket_id}/resolve", resolve),
    ("POST", "/console/api/tickets/{ticket_id}/assign", assign),
]
