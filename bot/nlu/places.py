"""Canadian places named in a message, and the message with them left out.

A town is no topic: "mailed my renewal 5 weeks ago from Thunder Bay, no news at all" is a status
question wherever it was mailed from, but the model, which learned towns mostly from everyday
off-topic questions ("weather in Moncton"), can read the town's name as off topic. The context
reader (bot/engine/context/topic_rules.py) reads such a message again without its places.
The list is `canadian_places.txt` (folded names, one per line).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PLACES_FILE = Path(__file__).with_name("canadian_places.txt")
# Each folded letter, as it may be written: with or without its accent, in either case
_LETTERS = {"a": "[aàâä]", "e": "[eéèêë]", "i": "[iîï]", "o": "[oôö]", "u": "[uùûü]", "c": "[cç]", "-": "[- ]", " ": r"[\s-]+",
            "'": "['’]", ".": r"\.?"}


def _pattern(name: str) -> str:
    return "".join(_LETTERS.get(letter, re.escape(letter)) for letter in name)


@lru_cache(maxsize=1)
def _places() -> "re.Pattern[str]":
    names = [line.strip() for line in PLACES_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    longest_first = sorted(names, key=len, reverse=True)  # "sault ste marie" before "marie"
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(_pattern(name) for name in longest_first) + r")(?![\w'’-])", re.IGNORECASE)


def names_a_canadian_place(text: str) -> bool:
    return bool(_places().search(text))


def without_places(text: str) -> str:
    """`text` with the Canadian places it names left out ("from Thunder Bay, no news" -> "from, no news")."""
    return re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", _places().sub("", text))).strip()
