"""Sender ids as the gateway keeps them.

A sender id chosen by the caller (REST's `sender`) is outside text: before it names a
conversation, and so before it can reach a log line, it loses line breaks and control
characters.
"""

from __future__ import annotations

from bot.redaction import normalise


def clean_sender_id(raw: str) -> str:
    """No CR/LF, control or invisible characters; one kind of space; trimmed."""
    return normalise(raw).strip()
