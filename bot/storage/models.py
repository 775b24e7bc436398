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
    conversation = relationship("Conversation", back_populates="messages")
    __table_args__ = (
        Index("ix_messages_conversation", "conversation_id", "id"),
        Index("ix_messages_created_at", "created_at"),
    )

    def as_dict(self) -> Dict[str, Any]:
        created: Optional[datetime] = self.created_at
        if created is not None and created.tzinfo is None:  # SQLite drops the offset
            created = created.replace(tzinfo=timezone.utc)
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
            "ts": created.isoformat() if created else None,
        }


class InboundKey(Base):
    """Channel delivery ids already processed (Telegram re-delivers updates)."""

    __tablename__ = "inbound_keys"
    channel = Column(String(20), primary_key=True)
    key = Column(String(100), primary_key=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
