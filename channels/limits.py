"""Fitting bot messages into what a platform can show: short button titles, numbered choices
when the buttons do not fit, and long text cut between words (so a link is never cut).

Used by every channel that talks to a platform with limits (SMS, Messenger, WhatsApp).
Titles longer than SHORT_TITLE take the short title written for them as data
(content/topics.yml `short` for a topic's payload, content/button_titles.yml for the
others) rather than a cut word. A choice answered by its number ("2") is read back against
the buttons of the last line sent, from the transcript, so it survives a restart.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

import yaml
from sqlalchemy import select

from bot.engine.base import Button
from bot.settings import PROJECT_ROOT
from bot.storage.models import Message
from bot.texts import say

SHORT_TITLE = 20  # characters: WhatsApp reply buttons and list rows, Messenger quick replies
TOPICS_FILE = PROJECT_ROOT / "content" / "topics.yml"
TITLES_FILE = PROJECT_ROOT / "content" / "button_titles.yml"


@lru_cache(maxsize=1)
def _short_titles() -> Dict[str, Dict[str, str]]:
    """payload -> {"en": short, "fr": short}"""
    titles: Dict[str, Dict[str, str]] = {}
    with TOPICS_FILE.open(encoding="utf-8") as handle:
        for name, languages in (yaml.safe_load(handle).get("topics") or {}).items():
            titles[f"/{name}"] = {language: names["short"] for language, names in languages.items()}
    with TITLES_FILE.open(encoding="utf-8") as handle:
        titles.update(yaml.safe_load(handle).get("buttons") or {})
    return titles


def short_title(button: Button, language: str) -> str:
    """The button's title if it fits SHORT_TITLE, else its short title written as data, else
    the title as it is (the caller then falls back to numbered choices)."""
    title = button.get("title", "")
    if len(title) <= SHORT_TITLE:
        return title
    short = _short_titles().get(button.get("payload", ""), {})
    return short.get("fr" if language == "fr" else "en", title)


def fitted(buttons: List[Button], language: str, most: int, payload_bytes: int) -> Optional[List[Button]]:
    """The buttons with short titles if the platform can show all of them (at most `most`,
    every title within SHORT_TITLE, every payload within `payload_bytes`); else None."""
    if not buttons or len(buttons) > most:
        return None
    shortened = [Button(title=short_title(button, language), payload=button.get("payload", ""))
                 for button in buttons]
    if any(not 0 < len(b["title"]) <= SHORT_TITLE or not 0 < len(b["payload"].encode()) <= payload_bytes
           for b in shortened):
        return None
    return shortened


def with_numbered_choices(text: str, buttons: List[Button], language: str) -> str:
    """The text ending "Reply 1 for ..., 2 for ...": what a reply of just the number means."""
    if not buttons:
        return text
    choices = ", ".join(say("numbered_choice", language, number=number, title=button.get("title", ""))
                        for number, button in enumerate(buttons, start=1))
    return f"{text}\n\n{say('reply_with', language, choices=choices)}".strip()


def chosen_button(text: str, offered: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The button a reply of just its number chose, if it is one."""
    number = text.strip().rstrip(".")
    if number.isascii() and number.isdigit() and 1 <= int(number) <= len(offered):
        return offered[int(number) - 1]
    return None


def choice_or_text(text: str, offered: List[Dict[str, Any]]) -> Tuple[str, Optional[str]]:
    """(what the router gets, what the citizen saw): a button's payload and title when the
    text is the number of one of the `offered` buttons, else the text itself."""
    button = chosen_button(text, offered)
    if button is None:
        return text, None
    return str(button.get("payload", "")), str(button.get("title", ""))


def last_offer(session: Any, key: str) -> List[Dict[str, Any]]:
    """The buttons of the last line sent to the citizen, if it had any."""
    row = session.scalars(
        select(Message).where(Message.conversation_id == key, Message.direction == "out",
                              Message.sender != "event")
        .order_by(Message.id.desc()).limit(1)
    ).first()
    return list(row.as_dict()["buttons"]) if row is not None else []


def text_parts(text: str, limit: int, hard: bool = True) -> List[str]:
    """Pieces of at most `limit` characters, cut only at whitespace (links stay whole). A
    single word longer than `limit` is cut where the limit is if the limit is `hard`, else
    kept whole (Twilio joins a long SMS itself)."""
    parts: List[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = max(rest.rfind(" ", 0, limit + 1), rest.rfind("\n", 0, limit + 1))
        if cut <= 0 and hard:
            cut = limit
        elif cut <= 0:
            cut = rest.find(" ", limit)
            cut = len(rest) if cut < 0 else cut
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts
