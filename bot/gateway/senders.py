"""Sender ids as the gateway keeps them.

A sender id chosen by the caller (REST's `sender`, which an SMS or WhatsApp bridge fills
with the citizen's phone number) is outside text. Before it names a conversation, and so
before it reaches a log line, the transcripts or Rasa's tracker store:
- it loses line breaks and control characters (`clean_sender_id`);
- if it looks like personal information (a phone number, or an e-mail address however it
  is written), it is replaced by a keyed hash, HMAC-SHA256 under GOVBOT_SENDER_KEY
  (`SenderKeys.conversation_key`): the same sender always reaches the same conversation,
  and nobody without the key can tell whose it is. Other ids ("citizen-42") stay as they
  are, so existing clients keep their conversations.
Telegram chat ids and web chat ids are not the citizen's words (Telegram's numbers, random
UUIDs) and are needed as they are to push messages: they never come through here.

Without GOVBOT_SENDER_KEY a key is generated once and kept in the data directory
(`sender.key`, mode 0600), so a restart keeps the same mapping. Replicas that do not share
a data directory must all be given the same GOVBOT_SENDER_KEY.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

from bot.redaction import normalise, redact

KEY_FILE = "sender.key"
_PHONE_LIKE = re.compile(r"(?:[a-z]{2,12}:)?\+?[\d ().\-/]{7,64}")  # "+1 613...", "whatsapp:+1613..."


def clean_sender_id(raw: str) -> str:
    """No CR/LF, control or invisible characters; one kind of space; trimmed."""
    return normalise(raw).strip()


def looks_personal(sender: str) -> bool:
    if _PHONE_LIKE.fullmatch(sender.lower()) and sum(char.isdigit() for char in sender) >= 7:
        return True
    return "email" in redact(sender).kinds


class SenderKeys:
    def __init__(self, key: bytes) -> None:
        if not key:
            raise ValueError("the sender key is empty")
        self._key = key

    @property
    def secret(self) -> bytes:
        """The key itself, for keys derived from it (the outbox's address key)."""
        return self._key

    def conversation_key(self, sender: str) -> str:
        if not looks_personal(sender):
            return sender
        return "hmac-" + hmac.new(self._key, sender.encode("utf-8"), hashlib.sha256).hexdigest()


def load_sender_key(configured: str, data_dir: Path) -> bytes:
    """GOVBOT_SENDER_KEY, else the data directory's key file, created on first use."""
    if configured:
        return configured.encode("utf-8")
    path = data_dir / KEY_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        try:
            os.link(draft, path)  # atomic: if another process created it first, theirs stays
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise ValueError(f"{path} is empty: delete it to generate a new key, or set GOVBOT_SENDER_KEY")
    return key.encode("ascii")
