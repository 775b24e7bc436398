"""Remove personal information from citizen text before it is stored, logged or parsed.

The assistant never needs a SIN, passport number, card number, phone number or e-mail
address, so the gateway replaces them with placeholders at the edge: the engine, the
transcripts, the Rasa tracker store and the logs only ever see the redacted text.
Patterns err on the side of redacting: a false positive costs a word, a miss leaks data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, List, Tuple

_SEP = r"[ .\-]?"


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# 13-19 digits, optionally grouped by spaces or dashes (payment cards); Luhn-checked.
_CARD = re.compile(r"(?<!\d)(?:\d[ \-]?){12,18}\d(?!\d)")
# SIN: 9 digits, usually 3-3-3. Redacted whether or not the Luhn check passes: a
# mistyped SIN is still personal information.
_SIN = re.compile(rf"(?<!\d)\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}(?!\d)")
# North American phone numbers: optional +1, area code with or without brackets.
_PHONE = re.compile(
    rf"(?<![\w+])(?:\+?1{_SEP})?(?:\(\d{{3}}\)\s?|\d{{3}}{_SEP})\d{{3}}{_SEP}\d{{4}}(?!\d)"
)
# Canadian passport numbers: one or two letters then six or seven digits (AB123456).
_PASSPORT = re.compile(r"\b[A-Za-z]{1,2} ?\d{6,7}\b")


@dataclass(frozen=True)
class Redaction:
    text: str
    kinds: Tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


def _card_or_keep(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return "[CARD]" if _luhn_ok(digits) else match.group(0)


_RULES: List[Tuple[str, re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    ("email", _EMAIL, lambda m: "[EMAIL]"),
    ("card", _CARD, _card_or_keep),
    ("sin", _SIN, lambda m: "[SIN]"),
    ("phone", _PHONE, lambda m: "[PHONE]"),
    ("passport", _PASSPORT, lambda m: "[PASSPORT]"),
]


def redact(text: str) -> Redaction:
    kinds: List[str] = []
    for kind, pattern, replace in _RULES:
        new_text = pattern.sub(replace, text)
        if new_text != text:
            kinds.append(kind)
            text = new_text
    return Redaction(text=text, kinds=tuple(kinds))
