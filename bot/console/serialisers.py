"""What staff see of a ticket: its card in the queue, its transcript. One serialiser for this
audience (citizens get their own, never the NLU intent or the officers' notes)."""

from __future__ import annotations

from typing import Any, Dict, List

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.handoff import queue
from bot.storage import transcripts
from bot.storage.models import Message, Officer, Ticket, aware

PREVIEW_CHARS = 140


def transcript(session: Session, conversation_id: str) -> List[Dict[str, Any]]:
    """The whole transcript; `event` lines keep their handoff request (payload.custom), so the
    officer sees why each handoff happened even after a transfer changed the ticket's team."""
    lines = transcripts.history(session, conversation_id, limit=500, include_events=True)
    events = [line["id"] for line in lines if line["sender"] == "event"]
    payloads = dict(session.execute(select(Message.id, Message.payload).where(Message.id.in_(events))).all())
    for line in lines:
        if line["id"] in payloads:
            line["payload"] = {"custom": (payloads[line["id"]] or {}).get("custom")}
    return lines


def activity(session: Session, ticket: Ticket) -> Dict[str, Any]:
    """The card's preview (the citizen's last line, already redacted when stored), its id
    (the console counts lines it has not shown as unread) and the time of the last line."""
    last_citizen = session.execute(
        select(Message.id, Message.text).where(Message.conversation_id == ticket.conversation_id,
                                               Message.sender == "citizen")
        .order_by(Message.id.desc()).limit(1)).first()
    last = session.execute(
        select(Message.created_at).where(Message.conversation_id == ticket.conversation_id,
                                         Message.sender != "event")
        .order_by(Message.id.desc()).limit(1)).scalar()
    moment = aware(last) if last is not None else aware(ticket.created_at)
    text = last_citizen.text if last_citizen else ""
    return {
        "preview": text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "\u2026",
        "last_citizen_id": last_citizen.id if last_citizen else None,
        "last_activity": moment.isoformat() if moment else None,
    }


def summary(session: Session, ticket: Ticket) -> Dict[str, Any]:
    officer = session.get(Officer, ticket.officer_id) if ticket.officer_id else None
    return {
        **activity(session, ticket),
        "id": ticket.id, "conversation_id": ticket.conversation_id, "status": ticket.status,
        "reason": ticket.reason,
        "priority": ticket.priority, "team": ticket.team, "language": ticket.language,
        "channel": ticket.channel, "last_intent": ticket.last_intent,
        "waiting_seconds": int(queue.waited_since(ticket)) if ticket.status == "waiting" else None,
        "position": queue.position(session, ticket) if ticket.status == "waiting" else None,
        "officer": officer.display_name if officer else None, "officer_id": ticket.officer_id,
        "outcome": ticket.outcome, "rating": ticket.rating,
    }
