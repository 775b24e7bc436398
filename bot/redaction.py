"""Remove personal information from citizen text before it is stored, logged or parsed.

The assistant never needs a SIN, a passport, card or phone number, an e-mail address, a
postal code or a date of birth, so the gateway replaces them with placeholders at the edge:
the engine, the transcripts, the Rasa tracker store and the logs only ever see the redacted
text. Patterns err on the side of redacting: a false positive costs a word, a miss leaks data.

Matching runs on a normalised copy, which is also what `redact` returns: NFKC (full-width
digits and letters, ligatures), every Unicode space or line break as a space, every Unicode
dash as "-", any decimal digit as its ASCII digit, invisible format characters (zero-width
spaces, bidi controls) and lone surrogates removed.

- any run of 8 or more digits, whatever separates them (spaces, dots, dashes, slashes,
  brackets): 9 digits [SIN], 13-19 [CARD] (Luhn or not), 10, "1" + 10, "011"/"00" + more, or
  "+" and 7 or more [PHONE], else [NUMBER];
- passport numbers (one or two letters, six or seven digits: AB123456, AB-123 456),
  postal codes (K1A 0B1, k1a0b1), dates with a year (1985-04-12, 12/04/1985, 12 avril 1985,
  April 12, 1985), e-mail addresses, also written "jean dot tremblay at gmail dot com",
  "jean[at]gmail[.]com" or "jean @ gmail . com".

Kept: amounts ("163.50"), short numbers ("10 years", "5 ans", "in 3 days"), a year alone
("2026"), a day and month without a year, weekdays.

Every pattern is linear in the text: tokens have length caps and possessive quantifiers,
and no repeated group can match the same characters two ways, so a 256 KB adversarial
message is redacted in a fraction of a second instead of freezing the event loop.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, List, Optional, Set, Tuple

# The order in which `Redaction.kinds` reports what was found.
KINDS = ("email", "card", "sin", "phone", "passport", "postal_code", "date", "number")


@dataclass(frozen=True)
class Redaction:
    text: str
    kinds: Tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


# --- normalisation -------------------------------------------------------------------

_UNUSUAL = re.compile(r"[^\x20-\x7e]+")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char.isspace():
        return " "
    category = unicodedata.category(char)
    if category == "Pd" or char == "\u2212":  # every dash, and the minus sign
        return "-"
    if category in ("Cc", "Cf", "Cs"):  # controls, zero-width and bidi marks, lone surrogates
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(char))
    return char


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _UNUSUAL.sub(lambda m: "".join(_fold_char(c) for c in m.group()), text)


# --- patterns (on normalised text: one kind of space, one kind of dash) ---------------

# E-mail: a local part of at most 64 characters, starting at a token's first character.
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]{1,64}+@[\w\-]{1,63}+(?:\.[\w\-]{1,63}+){0,8}")

_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_TLD = r"(?:com|ca|org|net|fr|be|ch|uk|us|edu|gov|gouv|info|io|me|co|biz|qc|on)"
_LABEL = r"[\w+\-]{1,64}+"
# "at": "@", "[at]", "(@)", " at ", " arobase "; "dot": ".", "[.]", "(dot)", " dot ", " point ".
_AT = rf"(?: {{0,3}}@ {{0,3}}| {{0,3}}{_OPEN} {{0,2}}(?:at|@|arobase|arrobe) {{0,2}}{_CLOSE} {{0,3}}| {{1,3}}(?:at|arobase|arrobe) {{1,3}})"
_DOT = rf"(?:\.| {{0,3}}{_OPEN} {{0,2}}(?:dot|point|\.) {{0,2}}{_CLOSE} {{0,3}}| {{1,3}}(?:dot|point) {{1,3}})"
# "looked at canada.ca" is not an address: a spelled-out "at" never precedes a government site.
_NOT_GOVERNMENT = r"(?!(?:[\w\-]{1,63}\.){0,4}(?:gc\.ca|canada\.ca)(?!\w))"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+\-]){_LABEL}(?:{_DOT}{_LABEL}){{0,4}}{_AT}{_NOT_GOVERNMENT}"
    rf"{_LABEL}(?:{_DOT}{_LABEL}){{0,3}}{_DOT}{_TLD}(?!\w)",
    re.IGNORECASE,
)
# "jean @ gmail . com": spaced dots only with a real "@" (else "at home. Be careful" matches).
_SPACED_EMAIL = re.compile(
    rf"(?<![\w.+\-]){_LABEL}(?: {{0,3}}\. {{0,3}}{_LABEL}){{0,4}} {{0,3}}@ {{0,3}}"
    rf"{_LABEL}(?: {{0,3}}\. {{0,3}}{_LABEL}){{0,3}} {{0,3}}\. {{0,3}}[a-z]{{2,24}}+(?!\w)",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
    r"|janv|f[ée]vr|avr|juil|d[ée]c)\.?(?![^\W\d_])"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|er|re|e)?"
# A two-digit year only if no four-digit one follows ("15 January 10 1920" is January 10, 1920).
_YEAR = r"(?:\d{4}(?!\d)|'?\d{2}(?![ ,\-/.]{0,3}\d))"
_WORD_SEP = r"[ ,\-/.]{1,3}"
_DATE_IN_WORDS = re.compile(
    rf"(?<!\w)(?:{_DAY}(?: of)?{_WORD_SEP}{_MONTH}{_WORD_SEP}{_YEAR}"
    rf"|{_MONTH}{_WORD_SEP}{_DAY}{_WORD_SEP}{_YEAR})",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?:\d{4} ?[\-/.] ?\d{1,2} ?[\-/.] ?\d{1,2}|\d{1,2} ?[\-/.] ?\d{1,2} ?[\-/.] ?(?:\d{4}|\d{2}))(?!\d)"
)
# Canada Post: letter digit letter, digit letter digit; D, F, I, O, Q, U never appear.
_POSTAL_CODE = re.compile(
    r"(?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z](?: {0,2}|-)\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# Canadian passport numbers: one or two letters then six or seven digits (AB123456).
_PASSPORT = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{1,2}(?: ?- ?| )?(?:\d{6,7}|\d{3}[ \-]\d{3,4}(?![ \-]?\d))(?![\dA-Za-z])"
)
# Digits with any separators between them; what they are is decided by `_digits`.
_DIGIT_RUN = re.compile(r"(?<!\d)(?:\+ {0,2})?\(?\d++(?:[ .\-/()]{1,3}\d++)*+\)?")


def _digits(match: re.Match[str]) -> Optional[str]:
    run = match.group()
    digits = re.sub(r"\D", "", run)
    if run.startswith("+") and len(digits) >= 7:
        return "phone"
    if len(digits) < 8:
        return None
    if digits.startswith(("011", "00")) or len(digits) == 10 or (len(digits) == 11 and digits[0] == "1"):
        return "phone"  # an international prefix, or a North American number
    if len(digits) == 9:
        return "sin"
    if 13 <= len(digits) <= 19:
        return "card"
    return "number"


def _always(kind: str) -> Callable[[re.Match[str]], Optional[str]]:
    return lambda match: kind


_RULES: List[Tuple[re.Pattern[str], Callable[[re.Match[str]], Optional[str]]]] = [
    (_EMAIL, _always("email")),
    (_OBFUSCATED_EMAIL, _always("email")),
    (_SPACED_EMAIL, _always("email")),
    (_DATE_IN_WORDS, _always("date")),
    (_NUMERIC_DATE, _always("date")),
    (_POSTAL_CODE, _always("postal_code")),
    (_PASSPORT, _always("passport")),
    (_DIGIT_RUN, _digits),
]


EXCERPT_WINDOW = 4096
# Longer than any value a cut at the window's end can split (a 64-character local part and
# four dotted labels of an e-mail, a digit run), as it can grow when redacted (K1A0B1 ->
# [POSTAL_CODE]).
_UNSAFE_TAIL = 1000


def redact_excerpt(text: str, limit: int = 200) -> str:
    """The start of the redacted text, at a cost bounded whatever the length of `text`: only
    its first EXCERPT_WINDOW characters are redacted, and the end of that window, where the
    cut may have split a value so that it no longer matches, is left out."""
    if len(text) <= EXCERPT_WINDOW:
        return redact(text).text.strip()[:limit]
    redacted = redact(text[:EXCERPT_WINDOW]).text
    return redacted[: max(0, len(redacted) - _UNSAFE_TAIL)].strip()[:limit]


def redact(text: str) -> Redaction:
    text = normalise(text)
    found: Set[str] = set()
    for pattern, kind_of in _RULES:

        def replace(match: re.Match[str], kind_of: Callable[[re.Match[str]], Optional[str]] = kind_of) -> str:
            kind = kind_of(match)
            if kind is None:
                return match.group()
            found.add(kind)
            return f"[{kind.upper()}]"

        text = pattern.sub(replace, text)
    return Redaction(text=text, kinds=tuple(kind for kind in KINDS if kind in found))

