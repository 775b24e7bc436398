"""Every sentence the server writes, in English and French: one catalogue, one `say`.

The catalogue is several YAML files read as one (a key may be in only one of them):
bot/messages.yml, what the gateway says to citizens; bot/staff_messages.yml, the staff
pages' words and the vocabulary's labels (bot/vocabulary.py). The dialogue model's own
sentences live in domain.yml.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional

import yaml

MESSAGES_FILE = Path(__file__).with_name("messages.yml")
STAFF_MESSAGES_FILE = Path(__file__).with_name("staff_messages.yml")
CATALOGUE_FILES = (MESSAGES_FILE, STAFF_MESSAGES_FILE)


@lru_cache(maxsize=1)
def catalogue() -> Dict[str, Dict[str, str]]:
    merged: Dict[str, Dict[str, str]] = {}
    for path in CATALOGUE_FILES:
        with path.open(encoding="utf-8") as handle:
            entries: Dict[str, Dict[str, str]] = yaml.safe_load(handle) or {}
        twice = set(merged) & set(entries)
        if twice:
            raise ValueError(f"{path.name}: {', '.join(sorted(twice))} already in another catalogue file")
        merged.update(entries)
    return merged


def say(key: str, language: Optional[str], /, **values: Any) -> str:
    """The text of `key` in this language (English unless "fr"). With a `count` or `n` that
    takes the singular in this language (`singular`), its `<key>_one` form when there is one."""
    entries = catalogue()
    number = values.get("count", values.get("n"))
    if isinstance(number, int) and singular(number, language) and f"{key}_one" in entries:
        key = f"{key}_one"
    text = entries[key]["fr" if language == "fr" else "en"]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in catalogue()


def label(prefix: str, code: Optional[str], language: Optional[str]) -> str:
    """A stored code (a team, a reason, an outcome...) in words: `<prefix>_<code>` in the
    catalogue; the code itself if it has none."""
    key = f"{prefix}_{code}"
    return say(key, language) if has(key) else str(code)


def singular(count: int, language: Optional[str]) -> bool:
    """French takes the singular for 0 and 1 ("0 caractère"), English for 1 only."""
    return count in (0, 1) if language == "fr" else count == 1


def rank(position: int, language: Optional[str]) -> str:
    """A place in line: "1er", "2e" in French ("au 2e rang"); the number in English."""
    if language == "fr":
        return "1er" if position == 1 else f"{position}e"
    return str(position)


def minutes(count: int, language: Optional[str]) -> str:
    return f"{count} minute" if singular(count, language) else f"{count} minutes"
