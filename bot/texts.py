"""The gateway's own bilingual sentences, from bot/messages.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional

import yaml

MESSAGES_FILE = Path(__file__).with_name("messages.yml")


@lru_cache(maxsize=1)
def catalogue() -> Dict[str, Dict[str, str]]:
    with MESSAGES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(key: str, language: Optional[str], **values: Any) -> str:
    entry = catalogue()[key]
    return entry["fr" if language == "fr" else "en"].format(**values)


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
