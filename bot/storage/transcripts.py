"""Data functions for conversations and transcripts. Each takes a session; callers own
the transaction (see Database.run)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.models import Conversation, InboundKey, Message, OutboxLine, aware, utcnow


def conversation_id(channel: str, external_id: str) -> str:
    return f"{channel}:{external_id}"


def get_or_create_conversation(
    session: Session, channel: str, external_id: str, language: Optional[str] = None
) -> Conversation:
    key = conversation_id(channel, external_id)
    found = session.get(Conversation, key)
    if found is not None:
        return found
    created = Conversation(id=key, channel=channel, external_id=external_id, language=language)
    try:
        with session.begin_nested():
            session.add(created)
    except IntegrityError:  # created meanwhile by a concurrent message
        found = session.get(Conversation, key)
        assert found is not None
        return found
    return created


def find_conversation(session: Session, key: str) -> Optional[Conversation]:
    return session.get(Conversation, key)


BUTTON = "button"  # in a citizen line's payload: the line is a button the citizen pressed


def by_button(message: Message) -> bool:
    """The citizen pressed a button (a form's choice): not words the model had to read."""
    return bool((message.payload or {}).get(BUTTON))


def add_message(
    session: Session,
    conversation: Conversation,
    *,
    sender: str,
    text: str,
    payload: Optional[Dict[str, Any]] = None,
    language: Optional[str] = None,
    intent: Optional[str] = None,
    confidence: Optional[float] = None,
    status: str = "received",
    client_id: Optional[str] = None,
) -> Message:
    message = Message(
        conversation_id=conversation.id,
        direction="in" if sender == "citizen" else "out",
        sender=sender,
        channel=conversation.channel,
        text=text,
        payload=payload or None,
        language=language,
        intent=intent,
        confidence=confidence,
        status=status,
        client_id=client_id,
        created_at=utcnow(),
    )
    session.add(message)
    conversation.last_message_at = message.created_at
    if language:
        conversation.language = language
    session.flush()
    return message


def add_citizen_message(session: Session, conversation: Conversation, text: str, client_id: str,
                        payload: Optional[Dict[str, Any]] = None) -> Optional[Message]:
    """Store a citizen message the page named `client_id`; None if that id is stored already
    in this conversation (a resend), even when a concurrent resend stored it a moment ago."""
    found = session.execute(
        select(Message.id).where(Message.conversation_id == conversation.id, Message.client_id == client_id)
    ).first()
    if found is not None:
        return None
    try:
        with session.begin_nested():
            return add_message(session, conversation, sender="citizen", text=text, client_id=client_id,
                               payload=payload)
    except IntegrityError:  # the unique index (conversation_id, client_id)
        return None


def mark_message(session: Session, message_id: int, **values: Any) -> None:
    session.execute(update(Message).where(Message.id == message_id).values(**values))


def history(
    session: Session, key: str, limit: int = 200, include_events: bool = False
) -> List[Dict[str, Any]]:
    """The latest `limit` transcript lines, oldest first; internal events only if asked."""
    query = select(Message).where(Message.conversation_id == key)
    if not include_events:
        query = query.where(Message.sender != "event")
    rows = session.scalars(query.order_by(Message.id.desc()).limit(limit)).all()
    return [row.as_dict() for row in reversed(rows)]


def purge_older_than(session: Session, cutoff: datetime) -> int:
    """Delete transcript lines older than `cutoff`, then conversations left empty."""
    no_sync = {"synchronize_session": False}
    removed = session.execute(
        delete(Message).where(Message.created_at < cutoff), execution_options=no_sync
    ).rowcount or 0
    session.execute(
        delete(Conversation).where(
            Conversation.last_message_at < cutoff,
            ~select(Message.id).where(Message.conversation_id == Conversation.id).exists(),
        ),
        execution_options=no_sync,
    )
    session.execute(delete(InboundKey).where(InboundKey.created_at < cutoff), execution_options=no_sync)
    session.execute(delete(OutboxLine).where(OutboxLine.created_at < cutoff), execution_options=no_sync)
    return int(removed)


def claim_inbound_key(session: Session, channel: str, key: str) -> bool:
    """True the first time a delivery id is seen, False for a duplicate delivery."""
    try:
        with session.begin_nested():
            session.add(InboundKey(channel=channel, key=key, created_at=utcnow()))
    except IntegrityError:
        return False
    return True


def last_from_citizen(session: Session, key: str) -> Optional[datetime]:
    """When the citizen last wrote (platforms' messaging windows count from it)."""
    moment = session.execute(
        select(func.max(Message.created_at)).where(Message.conversation_id == key, Message.sender == "citizen")
    ).scalar()
    return aware(moment) if moment is not None else None
def release_inbound_key(session: Session, channel: str, key: str) -> None:
    """Forget a delivery id whose handling failed, so the platform's re-delivery is handled."""
    session.execute(delete(InboundKey).where(InboundKey.channel == channel, InboundKey.key == key),
                    execution_options={"synchronize_session": False})


def find_conversation_language(session: Session, key: str) -> Optional[str]:
    found = session.get(Conversation, key)
    return found.language if found is not None else None


def has_pending(session: Session, key: str) -> bool:
    return session.execute(
        select(Message.id).where(Message.conversation_id == key, Message.status == "pending").limit(1)
    ).first() is not None


def take_pending(session: Session, key: str) -> List[Dict[str, Any]]:
    """Officer messages the channel could not push (REST has no push): deliver them now.
    A push channel's outbox marks them sent again once the platform accepted them (`line`)."""
    rows = list(session.execute(
        select(Message).where(Message.conversation_id == key, Message.status == "pending")
        .order_by(Message.id)
    ).scalars())
    for row in rows:
        row.status = "sent"
    return [{"text": row.text, "sender": row.sender, "line": row.id,
             **{k: v for k, v in (row.payload or {}).items() if k in ("buttons", "image")}} for row in rows]


def pending_lines(session: Session, key: str) -> List[Dict[str, Any]]:
    """What waits to be delivered to this citizen, oldest first, left pending (the caller
    marks it sent with `mark_sent` once a channel took it)."""
    rows = session.execute(
        select(Message).where(Message.conversation_id == key, Message.status == "pending").order_by(Message.id)
    ).scalars()
    return [{"id": row.id, "text": row.text, "sender": row.sender, **(row.payload or {})} for row in rows]


def mark_sent(session: Session, ids: List[int]) -> None:
    if ids:
        session.execute(update(Message).where(Message.id.in_(ids), Message.status == "pending")
                        .values(status="sent"))


# A citizen line nobody has answered yet: stored from the spool, or left by a turn a crash cut.
WAITING = ("spooled", "received")
OLDEST_TO_RESUME = timedelta(days=1)


def waiting_lines(session: Session, received_before: datetime, limit: int = 100) -> List[int]:
    """Citizen lines to answer or flag, oldest first: every spooled line, and lines still
    `received` since before `received_before` (a turn in progress is younger) but after
    `received_before - OLDEST_TO_RESUME` (see `flag_forgotten`)."""
    query = select(Message.id).where(
        Message.sender == "citizen",
        (Message.status == "spooled") | ((Message.status == "received") & (Message.created_at < received_before)
                                         & (Message.created_at >= received_before - OLDEST_TO_RESUME)),
    ).order_by(Message.id).limit(limit)
    return list(session.scalars(query))


def flag_forgotten(session: Session, received_before: datetime) -> int:
    """Lines left `received` longer than OLDEST_TO_RESUME (a long outage, or from before the
    gateway swept them): too old to answer or to message the citizen about, flagged
    "interrupted" for the officers' transcripts instead."""
    return session.execute(
        update(Message).where(Message.sender == "citizen", Message.status == "received",
                              Message.created_at < received_before - OLDEST_TO_RESUME)
        .values(status="interrupted"), execution_options={"synchronize_session": False},
    ).rowcount or 0


def claim_waiting(session: Session, message_id: int) -> Optional[Message]:
    """Take a waiting line to answer it: one conditional UPDATE, so two replicas sweeping
    together never both answer it. None if someone else took it (or it was answered)."""
    taken = session.execute(
        update(Message).where(Message.id == message_id, Message.status.in_(WAITING)).values(status="resuming"),
        execution_options={"synchronize_session": False},
    ).rowcount
    return session.get(Message, message_id) if taken == 1 else None


def release_waiting(session: Session, message_id: int) -> None:
    """A line taken by `claim_waiting` whose answer failed: waiting again."""
    session.execute(update(Message).where(Message.id == message_id, Message.status == "resuming")
                    .values(status="received"), execution_options={"synchronize_session": False})


def answered_after(session: Session, message: Message) -> bool:
    """Whether the citizen wrote again after this line and that was handled: then answering
    this one now would come out of order."""
    return session.execute(
        select(Message.id).where(
            Message.conversation_id == message.conversation_id, Message.sender == "citizen",
            Message.id > message.id, Message.status.not_in(WAITING + ("resuming",)),
        ).limit(1)
    ).first() is not None
