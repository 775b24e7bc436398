"""Data functions for conversations and transcripts. Each takes a session; callers own
the transaction (see Database.run)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.models import Conversation, InboundKey, Message, utcnow


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
        created_at=utcnow(),
    )
    session.add(message)
    conversation.last_message_at = message.created_at
    if language:
        conversation.language = language
    session.flush()
    return message


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
    return int(removed)


def claim_inbound_key(session: Session, channel: str, key: str) -> bool:
    """True the first time a delivery id is seen, False for a duplicate delivery."""
    try:
        with session.begin_nested():
            session.add(InboundKey(channel=channel, key=key, created_at=utcnow()))
    except IntegrityError:
        return False
    return True


def find_conversation_language(session: Session, key: str) -> Optional[str]:
    found = session.get(Conversation, key)
    return found.language if found is not None else None


def has_pending(session: Session, key: str) -> bool:
    return session.execute(
        select(Message.id).where(Message.conversation_id == key, Message.status == "pending").limit(1)
    ).first() is not None


def take_pending(session: Session, key: str) -> List[Dict[str, Any]]:
    """Officer messages the channel could not push (REST has no push): deliver them now."""
    rows = list(session.execute(
        select(Message).where(Message.conversation_id == key, Message.status == "pending")
        .order_by(Message.id)
    ).scalars())
    for row in rows:
        row.status = "sent"
    return [{"text": row.text, "sender": row.sender} for row in rows]
