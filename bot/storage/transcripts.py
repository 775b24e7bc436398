"""Data functions for conversations and transcripts. Each takes a session; callers own
the transaction (see Database.run).

Every citizen message and every reply passes through `open_conversation`, `add_line`,
`touch_conversation`, `mark_line` and `has_pending`: their statements are built once, with
bound parameters, and run on the session's connection. Building a statement and going
through the ORM's unit of work took about 8 ms of the gateway's database thread per message
under load, six times what the statements themselves cost; `add_message` (the ORM object)
stays for the other callers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.models import Conversation, InboundKey, Message, OutboxLine, aware, utcnow


def conversation_id(channel: str, external_id: str) -> str:
    return f"{channel}:{external_id}"


def channel_of(key: str) -> str:
    """The channel of a conversation id (channels' names have no colon)."""
    return key.split(":", 1)[0]


def get_or_create_conversation(
    session: Session, channel: str, external_id: str, language: Optional[str] = None
) -> Conversation:
    key = conversation_id(channel, external_id)
    found = session.get(Conversation, key)
    if found is None:
        _create_conversation(session, key, channel, external_id, language)
        found = session.get(Conversation, key)
        assert found is not None
    return found


_LANGUAGE_OF = select(Conversation.language).where(Conversation.id == bindparam("key"))
_NEW_CONVERSATION = insert(Conversation)  # the columns' defaults (created and last message times) as the ORM sets them
_ADD_LINE = insert(Message)
_TOUCH = update(Conversation).where(Conversation.id == bindparam("key")).values(last_message_at=bindparam("at"))
_TOUCH_IN = update(Conversation).where(Conversation.id == bindparam("key")).values(
    last_message_at=bindparam("at"), language=bindparam("in_language"))
_MARK = update(Message).where(Message.id == bindparam("line_id"))
_CLIENT_LINE = select(Message.id).where(Message.conversation_id == bindparam("key"),
                                        Message.client_id == bindparam("client"))
_PENDING = select(Message.id).where(Message.conversation_id == bindparam("key"), Message.status == "pending").limit(1)


def open_conversation(session: Session, channel: str, external_id: str) -> Tuple[str, Optional[str]]:
    """The conversation's id and language; created when it is new (as get_or_create_conversation,
    without an ORM object or a second read)."""
    key = conversation_id(channel, external_id)
    found = _stored_conversation(session, key)
    if found is not None:
        return key, found.language
    return key, _create_conversation(session, key, channel, external_id)


def _create_conversation(session: Session, key: str, channel: str, external_id: str,
                         language: Optional[str] = None) -> Optional[str]:
    """Store the new conversation `key` (a prebuilt statement in a savepoint); its language:
    `language`, or the one stored by a concurrent message that created it meanwhile."""
    try:
        with session.begin_nested():
            session.connection().execute(_NEW_CONVERSATION, {
                "id": key, "channel": channel, "external_id": external_id, "language": language})
    except IntegrityError:  # created meanwhile by a concurrent message
        found = _stored_conversation(session, key)
        assert found is not None
        return found.language  # type: ignore[no-any-return]
    return language


def _stored_conversation(session: Session, key: str) -> Any:
    """The stored conversation's language (a row with `.language`), or None when it is not stored."""
    return session.connection().execute(_LANGUAGE_OF, {"key": key}).first()


def add_line(
    session: Session,
    key: str,
    channel: str,
    *,
    sender: str,
    text: str,
    at: datetime,
    payload: Optional[Dict[str, Any]] = None,
    language: Optional[str] = None,
    status: str = "received",
    client_id: Optional[str] = None,
) -> int:
    """`add_message` for the conversation `key` without the ORM: the new line's id. The
    conversation's last message time is not changed: touch_conversation, once per transaction."""
    added = session.connection().execute(_ADD_LINE, _line(
        key, channel, at, sender=sender, text=text, payload=payload, language=language, status=status,
        client_id=client_id))
    return int(added.inserted_primary_key[0])


def _line(key: str, channel: str, at: datetime, *, sender: str, text: str, payload: Optional[Dict[str, Any]],
          language: Optional[str], status: str, client_id: Optional[str], intent: Optional[str] = None,
          confidence: Optional[float] = None) -> Dict[str, Any]:
    """A transcript line's columns, for add_line's statement and add_message's object alike."""
    return {
        "conversation_id": key, "direction": "in" if sender == "citizen" else "out", "sender": sender,
        "channel": channel, "text": text, "payload": payload or None, "language": language, "intent": intent,
        "confidence": confidence, "status": status, "client_id": client_id, "created_at": at,
    }


def add_citizen_line(session: Session, key: str, channel: str, text: str, client_id: str, at: datetime,
                     payload: Optional[Dict[str, Any]] = None) -> Optional[int]:
    """A citizen line the page named `client_id` (add_line); None if that id is stored already
    in this conversation (a resend), even when a concurrent resend stored it a moment ago."""
    if session.connection().execute(_CLIENT_LINE, {"key": key, "client": client_id}).first() is not None:
        return None
    try:
        with session.begin_nested():
            return add_line(session, key, channel, sender="citizen", text=text, at=at, client_id=client_id,
                            payload=payload)
    except IntegrityError:  # the unique index (conversation_id, client_id)
        return None


def touch_conversation(session: Session, key: str, at: datetime, language: Optional[str] = None) -> None:
    """The conversation's last message was at `at` (and it speaks `language`, when given)."""
    if language:
        session.connection().execute(_TOUCH_IN, {"key": key, "at": at, "in_language": language})
    else:
        session.connection().execute(_TOUCH, {"key": key, "at": at})


def mark_line(session: Session, line_id: int, **values: Any) -> None:
    """`mark_message` with one prebuilt statement (for a line no ORM object of this session holds)."""
    session.connection().execute(_MARK, {"line_id": line_id, **values})


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
    message = Message(**_line(
        conversation.id, conversation.channel, utcnow(), sender=sender, text=text, payload=payload,
        language=language, status=status, client_id=client_id, intent=intent, confidence=confidence))
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
    return session.execute(_PENDING, {"key": key}).first() is not None


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
