"""Ask an expert: an officer's private question about a ticket, to an area or to a named expert.

A consult is open, then answered (by one expert, once), then closed (when the officer uses the
answer in a reply, or closes it). Who may do each step is bot/handoff/policy.py's rule; every
mention, view, answer and relay is in the audit log. Functions take a session; the caller owns
the transaction and tells the consoles (a `consult` event, ids only).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.contracts import TEAMS
from bot.handoff import accounts, policy
from bot.handoff.queue import QueueError
from bot.storage.models import Consult, KnowledgeDraft, Officer, Ticket, aware, utcnow

STATES = ("open", "answered", "closed")
# Usernames are letters (accented too), digits, ".", "-" and "_" (bot/handoff/accounts.py).
MENTION = re.compile(r"(?<![\w.])@(\w[\w.-]*\w|\w)")


def _ticket_for_asking(session: Session, officer: Officer, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or not policy.can_ask_expert(officer, ticket):
        raise QueueError("not_found", "no such ticket")
    return ticket


def ask(session: Session, officer: Officer, ticket_id: int, question: str, *,
        team: Optional[str] = None, expert: Optional[Officer] = None) -> Consult:
    """A consult to an area (any expert of `team`) or to one expert (by name)."""
    ticket = _ticket_for_asking(session, officer, ticket_id)
    if expert is not None:
        if not policy.is_expert(expert):
            raise QueueError("bad_expert", "no expert by that name")
        team = team or ticket.team
    elif team not in TEAMS:
        raise QueueError("bad_team", f"team must be one of {', '.join(TEAMS)}")
    consult = Consult(ticket_id=ticket.id, asked_by=officer.id, team=team,
                      expert_id=expert.id if expert is not None else None,
                      question=question.strip()[:4000], status="open", created_at=utcnow())
    session.add(consult)
    session.flush()
    detail: Dict[str, Any] = {"consult_id": consult.id, "team": team}
    if expert is not None:
        detail["expert_id"] = expert.id
    accounts.audit(session, officer.id, "consult_asked", ticket.id, detail)
    return consult


def ask_mentioned(session: Session, officer: Officer, ticket: Ticket, note: str) -> List[int]:
    """Every `@username` of an expert in an internal note becomes a consult to them."""
    asked: List[int] = []
    names = {name.lower() for name in MENTION.findall(note)}
    for name in sorted(names):
        expert = session.execute(select(Officer).where(Officer.username == name)).scalar_one_or_none()
        if expert is None or not policy.is_expert(expert):
            continue
        consult = ask(session, officer, ticket.id, note, expert=expert)
        accounts.audit(session, officer.id, "consult_mention", ticket.id,
                       {"consult_id": consult.id, "expert_id": expert.id})
        asked.append(consult.id)
    return asked


def _consult(session: Session, account: Officer, consult_id: int) -> tuple[Consult, Ticket]:
    consult = session.get(Consult, consult_id)
    ticket = session.get(Ticket, consult.ticket_id) if consult is not None else None
    if consult is None or ticket is None or not policy.can_see_consult(account, consult, ticket):
        raise QueueError("not_found", "no such consult")
    return consult, ticket


def view(session: Session, expert: Officer, consult_id: int) -> tuple[Consult, Ticket]:
    """The consult and its ticket, for the expert's read-only view (audited)."""
    consult, ticket = _consult(session, expert, consult_id)
    accounts.audit(session, expert.id, "consult_view", ticket.id, {"consult_id": consult.id})
    return consult, ticket


def answer(session: Session, expert: Officer, consult_id: int, text: str) -> Consult:
    consult, ticket = _consult(session, expert, consult_id)
    if not policy.can_answer_consult(expert, consult):
        raise QueueError("not_open" if policy.is_put_to(expert, consult) else "not_yours",
                         "this consult is not open to your answer")
    consult.status, consult.answer = "answered", text.strip()[:4000]
    consult.answered_by, consult.answered_at = expert.id, utcnow()
    accounts.audit(session, expert.id, "consult_answer", ticket.id, {"consult_id": consult.id})
    return consult


def relay(session: Session, officer: Officer, consult_id: int) -> Consult:
    """The officer puts the answer into their reply (they edit and send it): the consult closes."""
    consult, ticket = _consult(session, officer, consult_id)
    if not policy.can_relay_consult(officer, consult, ticket):
        raise QueueError("not_yours", "this ticket belongs to another officer")
    if consult.status != "answered":
        raise QueueError("not_answered", "the expert has not answered yet")
    consult.status, consult.closed_at = "closed", utcnow()
    accounts.audit(session, officer.id, "consult_relay", ticket.id, {"consult_id": consult.id})
    return consult


def close(session: Session, officer: Officer, consult_id: int) -> Consult:
    consult, ticket = _consult(session, officer, consult_id)
    if not policy.can_relay_consult(officer, consult, ticket):
        raise QueueError("not_yours", "this ticket belongs to another officer")
    if consult.status != "closed":
        consult.status, consult.closed_at = "closed", utcnow()
        accounts.audit(session, officer.id, "consult_close", ticket.id, {"consult_id": consult.id})
    return consult


def propose_knowledge(session: Session, account: Officer, consult_id: int) -> KnowledgeDraft:
    """An answered consult becomes a draft in the trainer's inbox (question, answer, language)."""
    consult, ticket = _consult(session, account, consult_id)
    if consult.answer is None:
        raise QueueError("not_answered", "the expert has not answered yet")
    draft = KnowledgeDraft(consult_id=consult.id, area=consult.team, language=ticket.language,
                           question=consult.question, answer=consult.answer,
                           proposed_by=account.id, created_at=utcnow())
    session.add(draft)
    session.flush()
    accounts.audit(session, account.id, "knowledge_proposed", ticket.id,
                   {"consult_id": consult.id, "draft_id": draft.id})
    return draft


def open_for(session: Session, expert: Officer) -> List[Consult]:
    """The open consults put to this expert, oldest first."""
    if not policy.is_expert(expert):
        return []
    rows = session.execute(select(Consult).where(Consult.status == "open").order_by(Consult.id)).scalars()
    return [c for c in rows if policy.is_put_to(expert, c)]


def of_ticket(session: Session, ticket_id: int) -> List[Consult]:
    return list(session.execute(
        select(Consult).where(Consult.ticket_id == ticket_id).order_by(Consult.id)).scalars())


def for_officer(session: Session, consult: Consult) -> Dict[str, Any]:
    """What the consoles show of a consult (never the citizen's details beyond the ticket id)."""
    def name(officer_id: Optional[int]) -> Optional[str]:
        found = session.get(Officer, officer_id) if officer_id else None
        return found.display_name if found else None

    def when(moment: Any) -> Optional[str]:
        return aware(moment).isoformat() if moment is not None else None

    return {
        "id": consult.id, "ticket_id": consult.ticket_id, "team": consult.team,
        "status": consult.status, "question": consult.question, "answer": consult.answer,
        "asked_by": name(consult.asked_by), "expert": name(consult.expert_id),
        "answered_by": name(consult.answered_by), "created_at": when(consult.created_at),
        "answered_at": when(consult.answered_at), "closed_at": when(consult.closed_at),
    }
