"""Canadian places named in a message, and the message with them left out (or places abroad
written "abroad").

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
from typing import Iterable

PLACES_FILE = Path(__file__).with_name("canadian_places.txt")
# A trip's destination: capitalised words after a word of travelling and "to", "pour", "à"...
_TRIP = re.compile(r"\b(?:pars|part|partons|partir|pars-tu|s'en va|s'en vont|va|vais|allons|voyage|voyager|vol|going|go|flying|fly|"
                   r"flight|trip|travel\w*|heading|leaving)\s+(?:\w+\s+){0,3}?(?:pour|to|à|a|au|aux|en|vers|in)\s+"
                   r"((?:[A-ZÀ-Ý][\w'’-]*)(?:[ -][A-ZÀ-Ý][\w'’-]*){0,2})")
# Capitalised words after a trip's word that are no destination of the trip ("going to Service
# Canada tomorrow", "I go to Passport Canada's office"): their first word
NOT_DESTINATIONS = frozenset({"Canada", "Service", "Services", "Passport", "Passports", "Passeport", "Passeports",
                              "English", "French", "Anglais", "Français", "I", "Je"})
# Each folded letter, as it may be written: with or without its accent, in either case
_LETTERS = {"a": "[aàâä]", "e": "[eéèêë]", "i": "[iîï]", "o": "[oôö]", "u": "[uùûü]", "c": "[cç]", "-": "[- ]", " ": r"[\s-]+",
            "'": "['’]", ".": r"\.?"}


def _pattern(name: str) -> str:
    return "".join(_LETTERS.get(letter, re.escape(letter)) for letter in name)


def _any_of(names: "Iterable[str]") -> str:
    """The names, as they may be written, longest first ("sault ste marie" before "marie")."""
    return "(?:" + "|".join(_pattern(name) for name in sorted(names, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _places() -> "re.Pattern[str]":
    names = [line.strip() for line in PLACES_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return re.compile(r"(?<![\w'’-])" + _any_of(names) + r"(?![\w'’-])", re.IGNORECASE)


# French's "à Québec" is the city ("au Québec" the province), written with its accent
_QUEBEC_CITY = re.compile(r"(?<![\w'’])à qu[eé]bec(?![\w'’-])", re.IGNORECASE)


def names_a_canadian_place(text: str) -> bool:
    return bool(_places().search(text) or _QUEBEC_CITY.search(text))


def _destination(match: "re.Match[str]") -> bool:
    return match.group(1).split()[0] not in NOT_DESTINATIONS


def names_a_trips_place(text: str) -> bool:
    """A trip's destination, written with capitals, named ("je pars pour Punta Cana", "flying to
    Cancun")."""
    return any(_destination(match) for match in _TRIP.finditer(text))


_PLACED_BY = r"(?<![\w'’-])(?:from|in|at|near|around|de|du|a|à|au|pres de|près de|proche de)\s+"


def without_places(text: str) -> str:
    """`text` with the Canadian places and the trip's destination it names left out ("from Thunder
    Bay, no news" -> ", no news"; "je pars pour Punta Cana, ça coûte combien" -> "je pars pour, ça
    coûte combien")."""
    text = _TRIP.sub(lambda match: match.group(0)[: match.start(1) - match.start(0)] if _destination(match) else match.group(0), text)
    # (with the word that placed it: "renew by mail from regina ok?" -> "renew by mail ok?", whose
    # "from" alone read as renewing from abroad)
    text = _placed_by().sub("", text)
    return re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", _places().sub("", text))).strip()


# Where the writer is, told and nothing else once the place is left out: "i'm in happy valley-goose
# bay if that matters" (its "in" left out with the place), "chu à Rimouski btw"
_ONLY_WHERE = re.compile(r"^\W*(?:(?:ok|oh|and|et|pis|btw|fyi|also|aussi)\W+)?(?:i'?m|i am|im|we'?re|we are|i live|we live|je suis|chu|"
                         r"j'?habite|je reste|j'?reste|on est|on reste|nous sommes|je vis|on vit)\W*"
                         r"(?:(?:if that matters|if it matters|if that helps|btw|fyi|by the way|si (?:ca|ça) change quelque chose|"
                         r"si (?:ca|ça) compte|si (?:ca|ça) aide|au cas ou|au cas où)\W*)?$", re.IGNORECASE)


def tells_only_where(text: str) -> bool:
    """The message tells where in Canada the writer is and nothing else: the last question,
    answered for that place (EI's hours depend on the region)."""
    return names_a_canadian_place(text) and bool(_ONLY_WHERE.match(without_places(text)))


@lru_cache(maxsize=1)
def _placed_by() -> "re.Pattern[str]":
    """The word that places a Canadian place, before it ("from" in "from regina")."""
    return re.compile(_PLACED_BY + r"(?=" + _places().pattern + r")", re.IGNORECASE)


@lru_cache(maxsize=1)
def _abroad() -> "re.Pattern[str]":
    from actions.situation import PLACES_ABROAD  # the countries and cities the answers read as abroad

    return re.compile(r"(?<![\w'’-])(?:(?:in|to|from|au|aux|en|à|a|dans)\s+(?:the\s+|le\s+|la\s+|l['’])?)?"
                      + _any_of(PLACES_ABROAD) + r"(?![\w'’-])", re.IGNORECASE)


def with_abroad_for_places(text: str, french: bool) -> str:
    """`text` with each place abroad it names, and its preposition, written "abroad" ("j'habite au
    mexique, combien de temps..." -> "j'habite à l'étranger, combien de temps..."): where one is
    abroad is not what one asks, that one is abroad may be."""
    return _abroad().sub("à l'étranger" if french else "abroad", text)
