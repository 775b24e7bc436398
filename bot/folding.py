"""One way to compare citizens' words: lower case, no accents, one space; and what voice typing
writes out, or texting shortens, read as typed ("N S L S C", "passe port", "point d'interrogation";
"pp" for a passport, "cb" for combien, "nxt wk").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Our programs' and their neighbours' acronyms, which voice typing and careful typists spell out
# letter by letter ("what is the N S L S C", "how do i get a S I N")
SPELLED_ACRONYMS = frozenset(
    "sin nas ei ae ccb ace rap par nslsc csnpe cnspe cnpe cpp rpc rrq rqap gst tps hst tvh oas psv ohip osap roe cra arc ircc".split())
# Runs of single letters separated by one space ("a S I N": the article, then the acronym)
_LETTER_RUN = re.compile(r"(?<![\w'’])[A-Za-z](?: [A-Za-z])+(?![\w'’])")
# Punctuation dictated as words, a passport's name split by dictation, and texting's shortcuts
_SHORTENED_OR_DICTATED = (
    (re.compile(r"\s*\b(?:point d'interrogation|point d’interrogation|question mark)\b", re.IGNORECASE), "?"),
    # (or hyphenated the old way: "bureau de passe-port le plus proche de gatineau")
    (re.compile(r"\b(passe?)[ -](ports?)\b", re.IGNORECASE), r"\1\2"),
    # and a passport shortened in a hurry: "pp photo size", "mailed pp app how many wks"
    (re.compile(r"(?<![\w'’.$/-])pp(?![\w'’.$/-])", re.IGNORECASE), "passport"),
    (re.compile(r"(?<![\w'’.$/-])pps(?![\w'’.$/-])", re.IGNORECASE), "passports"),
    # French texting's "cb" for combien before what it prices ("cb passeport 10 ans?") and
    # "tps" for temps after a quantity ("combien de tps pour un passport"; "la TPS" is the GST)
    (re.compile(r"\bcb\b(?=\s+(?:passeports?|pour|ca|ça|le|la|les|un|une|de|du|des|d'|coute|coûte|\d))", re.IGNORECASE),
     "combien"),
    (re.compile(r"\b(combien|bcp|beaucoup|trop|assez|plus|moins) de tps\b", re.IGNORECASE), r"\1 de temps"),
    # a follow-up's "n" for and ("n kids?"), and a count written as a multiplier ("x3 kids?")
    (re.compile(r"^\s*n (?=\w)", re.IGNORECASE), "and "),
    # texting's week ("travel nxt wk"), and autocorrect's "sun" for a son ("passport for my sun he's 8")
    (re.compile(r"\bnxt\b", re.IGNORECASE), "next"),
    (re.compile(r"\b(next|this|last|per|1|one|2|two|3|three|a) wk\b", re.IGNORECASE), r"\1 week"),
    (re.compile(r"\bmy sun\b(?=,? (?:he|he's|hes|is|who|just|turned|was|\d))", re.IGNORECASE), "my son"),
    (re.compile(r"\benuf+\b", re.IGNORECASE), "enough"),
    (re.compile(r"(?<![\w$])x ?(\d{1,2}) (?=(?:kids?|children|enfants?|passe?ports?|people|personnes|adults?|adultes?)\b)",
                re.IGNORECASE), r"\1 "),
)


def _joined(run: re.Match) -> str:
    letters, words, i = run.group(0).split(" "), [], 0
    while i < len(letters):  # from the left, the longest spelled acronym starting at each letter
        end = next((j for j in range(len(letters), i + 1, -1) if "".join(letters[i:j]).lower() in SPELLED_ACRONYMS), None)
        words.append("".join(letters[i:end]) if end else letters[i])
        i = end or i + 1
    return " ".join(words)


def as_typed(text: str) -> str:
    """`text` with what voice typing spells or writes out read as typed: "what is the N S L S C" ->
    "what is the NSLSC", "un passe port d'enfant point d'interrogation" -> "un passeport d'enfant?"
    (a run of letters that spells no acronym of ours is left: "r u a bot"); and what texting in a
    hurry shortens read in full: "pp photo size" -> "passport photo size", "cb passeport 10 ans?" ->
    "combien passeport 10 ans?", "n kids?" -> "and kids?", "x3 kids?" -> "3 kids?", "nxt wk" -> "next week"."""
    if " " not in text:
        return text
    text = _LETTER_RUN.sub(_joined, text)
    for pattern, replacement in _SHORTENED_OR_DICTATED:
        text = pattern.sub(replacement, text)
    return text


def fold(text: object) -> str:
    """Lower-case, strip accents and collapse spaces: 'À l'Étranger ' -> "a l'etranger"."""
    return _folded(str(text or ""))


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    # (cached: the rules fold the same few messages many times while one is read)
    raw = unicodedata.normalize("NFKD", as_typed(text))
    plain = "".join(c for c in raw if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain.replace("’", "'")).strip().lower()
