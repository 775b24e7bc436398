"""The officer queue: tickets, routing by team, language and capacity, and atomic claims.

Every function takes a session and runs inside the caller's transaction (Database.run).
A claim is one conditional UPDATE (`... WHERE status = 'waiting'`), so two officers, on
one gateway or on two replicas, can never take the same ticket.
"""

from __future__ import annotations

from datetime import datetime
from typing import List, Optional, Sequence

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from bot import vocabulary
from bot.contracts import TEAMS, HandoffRequest
from bot.handoff import policy
from bot.storage.models import Conversation, Officer, Ticket, aware, utcnow

OPEN = vocabulary.OPEN_STATES
OUTCOMES = vocabulary.OUTCOMES


class QueueError(Exception):
    """A queue operation that cannot be done; `code` is stable for the console and API."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def open_ticket(session: Session, conversation_id: str) -> Optional[Ticket]:
    return session.execute(
        select(Ticket)
        .where(Ticket.conversation_id == conversation_id, Ticket.status.in_(OPEN))
        .order_by(Ticket.id.desc())
        .limit(1)
    ).scalar_one_or_none()


# Asked for every citizen message: built once (bot/storage/transcripts.py says why).
_INVOLVES_DESK = select(Ticket.id).where(
    Ticket.conversation_id == bindparam("key"), Ticket.status.in_(OPEN) | (Ticket.rating_requested == 1)).limit(1)


def involves_desk(session: Session, conversation_id: str) -> bool:
    """An open ticket, or a resolved one waiting for the citizen's rating."""
    return session.execute(_INVOLVES_DESK, {"key": conversation_id}).first() is not None


def create_ticket(session: Session, conversation: Conversation, request: HandoffRequest) -> Ticket:
    """A ticket for this handoff, or the conversation's open one (never two at once)."""
    existing = open_ticket(session, conversation.id)
    if existing is not None:
        return existing
    now = utcnow()
    ticket = Ticket(
        conversation_id=conversation.id,
        status="waiting",
        reason=request["reason"],
        priority=request["priority"],
        team=request["topic"] if request["topic"] in TEAMS else "general",
        language="fr" if request["language"] == "fr" else "en",
        channel=conversation.channel,
        last_intent=request.get("last_intent"),
        created_at=now,
        queued_at=now,
    )
    session.add(ticket)
    session.flush()
    return ticket


def _ahead_clause(ticket: Ticket):  # type: ignore[no-untyped-def]
    """Waiting tickets served before this one: higher priority, or same priority and earlier."""
    if ticket.priority == "high":
        return (Ticket.priority == "high") & (
            (Ticket.queued_at < ticket.queued_at)
            | ((Ticket.queued_at == ticket.queued_at) & (Ticket.id < ticket.id))
        )
    return (Ticket.priority == "high") | (
        (Ticket.queued_at < ticket.queued_at)
        | ((Ticket.queued_at == ticket.queued_at) & (Ticket.id < ticket.id))
    )


def position(session: Session, ticket: Ticket) -> int:
    """1 for the next ticket served in its team and language."""
    if ticket.status != "waiting":
        return 0
    ahead = session.execute(
        select(func.count(Ticket.id)).where(
            Ticket.status == "waiting",
            Ticket.team == ticket.team,
            Ticket.language == ticket.language,
            Ticket.id != ticket.id,
            _ahead_clause(ticket),
        )
    ).scalar_one()
    return int(ahead) + 1


def estimated_wait_minutes(position: int, minutes_per_ticket: int, officers: int) -> int:
    """A plain estimate: tickets ahead shared among the officers serving that queue."""
    serving = max(officers, 1)
    return max(1, -(-position * minutes_per_ticket // serving))


def officers_serving(session: Session, team: str, language: str) -> int:
    return sum(
        1 for officer in session.execute(select(Officer).where(Officer.active == 1)).scalars()
        if policy.serves(officer, team, language)
    )


def active_count(session: Session, officer_id: int) -> int:
    return int(session.execute(
        select(func.count(Ticket.id)).where(Ticket.officer_id == officer_id, Ticket.status == "active")
    ).scalar_one())


def waiting_for(session: Session, officer: Officer) -> List[Ticket]:
    """The waiting tickets this officer may take (policy.can_claim), in the order they
    should be served."""
    if not policy.answers(officer):
        return []
    query = select(Ticket).where(Ticket.status == "waiting").order_by(
        (Ticket.priority == "high").desc(), Ticket.queued_at, Ticket.id
    )
    return [ticket for ticket in session.execute(query).scalars() if policy.can_claim(officer, ticket)]


def _take(session: Session, ticket_id: int, officer_id: int) -> bool:
    result = session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.status == "waiting")
        .values(status="active", officer_id=officer_id, claimed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)


def _check_capacity(session: Session, officer: Officer) -> None:
    if not policy.answers(officer):
        raise QueueError("forbidden", "only officers, supervisors and admins take conversations")
    if active_count(session, officer.id) >= officer.max_concurrent:
        raise QueueError(
            "at_capacity",
            f"you already have {officer.max_concurrent} conversations; resolve one first",
        )


def claim(session: Session, officer: Officer, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise QueueError("not_found", f"no ticket {ticket_id}")
    if not policy.answers(officer):
        raise QueueError("forbidden", "only officers, supervisors and admins take conversations")
    if not policy.can_claim(officer, ticket):
        raise QueueError("not_your_queue", "this ticket is for another team or language")
    _check_capacity(session, officer)
    if not _take(session, ticket_id, officer.id):
        raise QueueError("already_taken", "another officer has already taken this ticket")
    session.refresh(ticket)
    return ticket


def claim_next(session: Session, officer: Officer) -> Optional[Ticket]:
    _check_capacity(session, officer)
    for ticket in waiting_for(session, officer):
        if _take(session, ticket.id, officer.id):
            session.refresh(ticket)
            return ticket
    return None


def _check_receiver(officer: Optional[Officer], team: str, language: str) -> Officer:
    """The target of an assignment or a transfer must be able to answer the ticket."""
    if officer is None or not policy.can_receive(officer, team, language):
        raise QueueError("bad_officer", "choose an officer who serves this team and language")
    return officer


def _check_team(team: object) -> str:
    if not isinstance(team, str) or team not in TEAMS:
        raise QueueError("bad_team", f"team must be one of {', '.join(TEAMS)}")
    return team


def assign(session: Session, supervisor: Officer, ticket_id: int, officer: Optional[Officer]) -> Ticket:
    """A supervisor gives a waiting ticket to an officer who serves its team and language
    (capacity still applies)."""
    if not policy.can_assign(supervisor):
        raise QueueError("forbidden", "only a supervisor can assign tickets")
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise QueueError("not_found", "no such ticket")
    target = _check_receiver(officer, ticket.team, ticket.language)
    _check_capacity(session, target)
    if not _take(session, ticket_id, target.id):
        raise QueueError("already_taken", "the ticket is no longer waiting")
    session.refresh(ticket)
    return ticket


def transfer(
    session: Session, ticket: Ticket, *, team: Optional[str] = None, officer: Optional[Officer] = None
) -> Ticket:
    """Back to the queue of another team (one of TEAMS), or straight to a named officer who
    serves the ticket's team (the new one if given) and language."""
    if ticket.status != "active":
        raise QueueError("not_active", "only an active ticket can be transferred")
    if team is not None and team not in TEAMS:
        raise QueueError("bad_team", f"team must be one of {', '.join(TEAMS)}")
    if officer is not None:
        new_team = ticket.team if team is None else _check_team(team)
        _check_receiver(officer, new_team, ticket.language)
        _check_capacity(session, officer)
        ticket.officer_id = officer.id
        ticket.claimed_at = utcnow()
        ticket.team = new_team
        return ticket
    ticket.team = _check_team(team)
    ticket.status = "waiting"
    ticket.officer_id = None
    ticket.claimed_at = None
    ticket.queued_at = utcnow()
    return ticket


def close(session: Session, ticket: Ticket, status: str, outcome: str) -> Ticket:
    if ticket.status not in OPEN:
        raise QueueError("closed", "this ticket is already closed")
    ticket.status = status
    ticket.outcome = outcome
    ticket.closed_at = utcnow()
    return ticket


def tickets_of(session: Session, officer: Officer) -> List[Ticket]:
    return list(session.execute(
        select(Ticket).where(Ticket.officer_id == officer.id, Ticket.status == "active").order_by(Ticket.claimed_at)
    ).scalars())


def recent(session: Session, statuses: Sequence[str], limit: int = 100) -> List[Ticket]:
    return list(session.execute(
        select(Ticket).where(Ticket.status.in_(list(statuses))).order_by(Ticket.id.desc()).limit(limit)
    ).scalars())


def awaiting_rating(session: Session, conversation_id: str) -> Optional[Ticket]:
    return session.execute(
        select(Ticket).where(
            Ticket.conversation_id == conversation_id,
            Ticket.rating_requested == 1,
            Ticket.rating.is_(None),
        ).order_by(Ticket.id.desc()).limit(1)
    ).scalar_one_or_none()


def waited_since(ticket: Ticket, now: Optional[datetime] = None) -> float:
    return ((now or utcnow()) - aware(ticket.queued_at)).total_seconds()


__all__ = [
    "QueueError", "open_ticket", "create_ticket", "position", "estimated_wait_minutes",
    "officers_serving", "claim", "claim_next", "assign", "transfer", "close", "waiting_for",
    "tickets_of", "recent", "awaiting_rating",
]
