"""Tables for conversations and their transcripts (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, Optional

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

# SQLAlchemy 1.4's declarative base is untyped (rasa pins 1.4; 2.0's typed DeclarativeBase is out of reach).
Base: Any = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: datetime) -> datetime:
    """A stored time with its UTC offset: SQLite gives timezone-aware columns back naive."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


class Conversation(Base):
    """One citizen on one channel. `id` is also the Rasa sender id ("telegram:42")."""

    __tablename__ = "conversations"
    id = Column(String(200), primary_key=True)
    channel = Column(String(20), nullable=False)
    external_id = Column(String(160), nullable=False)
    language = Column(String(2))
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    last_message_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    messages = relationship(
        "Message", back_populates="conversation", cascade="all, delete-orphan", order_by="Message.id"
    )
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_channel_external"),)


class Message(Base):
    """A transcript line. Citizen text is stored only after redaction."""

    __tablename__ = "messages"
    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(
        String(200), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    )
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    direction = Column(String(3), nullable=False)  # "in" from the citizen, "out" to them
    # citizen | bot | officer | system (gateway notices) | event (internal, never shown)
    sender = Column(String(10), nullable=False)
    channel = Column(String(20), nullable=False)
    text = Column(Text, nullable=False, default="")
    payload = Column(JSON)  # buttons, image, custom payloads
    language = Column(String(2))
    intent = Column(String(100))
    confidence = Column(Float)
    status = Column(String(12), nullable=False, default="received")
    # The page's own id for a citizen message (web chat): a resend of a stored one is found, not stored again.
    client_id = Column(String(64))
    conversation = relationship("Conversation", back_populates="messages")
    __table_args__ = (
        Index("ix_messages_conversation", "conversation_id", "id"),
        Index("ix_messages_created_at", "created_at"),
        Index("uq_messages_client_id", "conversation_id", "client_id", unique=True),
    )

    def as_dict(self) -> Dict[str, Any]:
        created: Optional[datetime] = aware(self.created_at) if self.created_at is not None else None
        return {
            "id": self.id,
            "sender": self.sender,
            "text": self.text,
            "buttons": (self.payload or {}).get("buttons") or [],
            "image": (self.payload or {}).get("image"),
            "language": self.language,
            "intent": self.intent,
            "confidence": self.confidence,
            "status": self.status,
            "client_id": self.client_id,
            "ts": created.isoformat() if created else None,
        }


class InboundKey(Base):
    """Channel delivery ids already processed (Telegram re-delivers updates)."""

    __tablename__ = "inbound_keys"
    channel = Column(String(20), primary_key=True)
    key = Column(String(100), primary_key=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Officer(Base):
    """A person who answers handed-off conversations. Passwords are stored hashed (scrypt)."""

    __tablename__ = "officers"
    id = Column(Integer, primary_key=True, autoincrement=True)
    username = Column(String(80), nullable=False, unique=True)
    display_name = Column(String(120), nullable=False)
    password_hash = Column(String(300), nullable=False)
    role = Column(String(12), nullable=False, default="officer")  # see bot/handoff/accounts.py ROLES
    teams = Column(JSON, nullable=False, default=list)  # passport, programs, general
    languages = Column(JSON, nullable=False, default=list)  # en, fr
    max_concurrent = Column(Integer, nullable=False, default=3)
    # "f" | "m" | None (not given): only so French sentences about the officer agree.
    gender = Column(String(1))
    active = Column(Integer, nullable=False, default=1)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Ticket(Base):
    """One handoff: waiting in the queue, active with an officer, then resolved or cancelled."""

    __tablename__ = "tickets"
    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(
        String(200), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    )
    status = Column(String(10), nullable=False, default="waiting")
    reason = Column(String(40), nullable=False)
    priority = Column(String(10), nullable=False, default="normal")  # normal | high
    team = Column(String(20), nullable=False)
    language = Column(String(2), nullable=False)
    channel = Column(String(20), nullable=False)
    last_intent = Column(String(100))
    officer_id = Column(Integer, ForeignKey("officers.id"))
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    queued_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)  # waiting since
    claimed_at = Column(DateTime(timezone=True))
    first_response_at = Column(DateTime(timezone=True))
    closed_at = Column(DateTime(timezone=True))
    outcome = Column(String(40))
    rating = Column(Integer)
    rating_requested = Column(Integer, nullable=False, default=0)
    __table_args__ = (
        Index("ix_tickets_status_team", "status", "team", "language"),
        Index("ix_tickets_conversation", "conversation_id", "status"),
    )


class TicketNote(Base):
    """An internal note on a ticket: officers only, never sent to the citizen."""

    __tablename__ = "ticket_notes"
    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(Integer, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False)
    officer_id = Column(Integer, ForeignKey("officers.id"), nullable=False)
    text = Column(Text, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class AuditEntry(Base):
    """Every officer action: sign-in, claim, message, note, transfer, resolve..."""

    __tablename__ = "audit_log"
    id = Column(Integer, primary_key=True, autoincrement=True)
    officer_id = Column(Integer, ForeignKey("officers.id"))
    action = Column(String(40), nullable=False)
    ticket_id = Column(Integer)
    detail = Column(JSON)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class ConsoleSession(Base):
    """A signed-in console session. Only a hash of the cookie value is stored."""

    __tablename__ = "console_sessions"
    token_hash = Column(String(64), primary_key=True)
    officer_id = Column(Integer, ForeignKey("officers.id", ondelete="CASCADE"), nullable=False)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    expires_at = Column(DateTime(timezone=True), nullable=False)


class SignInFailures(Base):
    """Recent failed sign-ins of one client address ("address:<ip>"), or of one address for
    one username ("account:<ip>|<username>"). The score decays with time (see
    bot/handoff/sign_in_throttle.py); rows idle for a day are deleted."""

    __tablename__ = "sign_in_failures"
    key = Column(String(200), primary_key=True)
    score = Column(Float, nullable=False, default=0.0)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class NluLabel(Base):
    """A trainer's label for a real (redacted) citizen message, until exported to data/nlu."""

    __tablename__ = "nlu_labels"
    id = Column(Integer, primary_key=True, autoincrement=True)
    text = Column(Text, nullable=False)
    normal = Column(String(500), nullable=False)  # lowercased words, for duplicates
    language = Column(String(2), nullable=False)
    intent = Column(String(100), nullable=False)
    new_intent = Column(Integer, nullable=False, default=0)
    labelled_by = Column(String(80), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    exported_at = Column(DateTime(timezone=True))
    __table_args__ = (UniqueConstraint("normal", "language", name="uq_label_text"),)


class Consult(Base):
    """An officer asks an expert about a ticket: by area (team) or by name (`expert_id`).
    open -> answered -> closed; the expert never writes to the citizen (bot/handoff/policy.py)."""

    __tablename__ = "consults"
    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(Integer, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False)
    asked_by = Column(Integer, ForeignKey("officers.id"), nullable=False)
    team = Column(String(20), nullable=False)  # the expert's area
    expert_id = Column(Integer, ForeignKey("officers.id"))  # asked by @name; else any expert of the area
    question = Column(Text, nullable=False)
    status = Column(String(10), nullable=False, default="open")  # open | answered | closed
    answer = Column(Text)
    answered_by = Column(Integer, ForeignKey("officers.id"))
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    answered_at = Column(DateTime(timezone=True))
    closed_at = Column(DateTime(timezone=True))
    __table_args__ = (Index("ix_consults_status_team", "status", "team"),)


class KnowledgeDraft(Base):
    """An expert's answer proposed as knowledge: a draft in the trainer's inbox until a trainer
    completes it (intent, both languages' answers and questions, Canada.ca sources, date) and
    exports it to content/knowledge/<area>.yml (bot/trainer/knowledge_drafts.py)."""

    __tablename__ = "knowledge_drafts"
    id = Column(Integer, primary_key=True, autoincrement=True)
    consult_id = Column(Integer, ForeignKey("consults.id", ondelete="SET NULL"))
    area = Column(String(20), nullable=False)  # the consult's team
    language = Column(String(2), nullable=False)  # the language of question and answer
    question = Column(Text, nullable=False)
    answer = Column(Text, nullable=False)
    proposed_by = Column(Integer, ForeignKey("officers.id"), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    # Completed by a trainer: {"en"|"fr": {"answer", "questions": [...], "title", "source"}}
    intent = Column(String(100))
    texts = Column(JSON)
    checked = Column(String(10))  # YYYY-MM-DD, the date the sources were read
    completed_by = Column(String(80))
    exported_at = Column(DateTime(timezone=True))


class OutboxLine(Base):
    """One message waiting to be pushed to a citizen's platform (bot/gateway/outbox.py).

    `address` is the platform address (chat id, phone number, PSID) sealed with AES-GCM under
    a key derived from the sender key, never raw; it is wiped once the line is sent or failed.
    `next_attempt_at` is also the lease of a replica sending it (see Outbox._claim)."""

    __tablename__ = "outbox"
    id = Column(Integer, primary_key=True, autoincrement=True)
    channel = Column(String(20), nullable=False)
    conversation_id = Column(String(200), nullable=False)
    message_id = Column(Integer)  # the transcript line it delivers, marked sent/failed with it
    address = Column(Text, nullable=False, default="")
    body = Column(JSON, nullable=False)  # the BotMessage
    language = Column(String(2), nullable=False)
    status = Column(String(10), nullable=False, default="pending")  # pending | sent | failed
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    sent_at = Column(DateTime(timezone=True))
    platform_id = Column(String(100))  # the platform's id for the sent message
    last_error = Column(String(200))
    __table_args__ = (
        Index("ix_outbox_status_conversation", "status", "conversation_id", "id"),
        Index("ix_outbox_created_at", "created_at"),
    )
