"""Turn a citizen's free-text form answer (English or French) into a canonical value.

Each parser returns None when the answer is not understood, so the form re-asks with help.
Negative and "outside" phrasings are checked first: "not in Canada" must not read as
"in Canada", and "under 16" must not read as "16 or older".
"""

from __future__ import annotations

import re
from typing import Optional, Pattern, Sequence, Tuple, TypeVar

from bot.folding import fold

T = TypeVar("T")


def _rx(*alternatives: str) -> Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


def _first_match(text: object, table: Sequence[Tuple[Pattern[str], T]]) -> Optional[T]:
    folded = fold(text)
    for pattern, value in table:
        if pattern.search(folded):
            return value
    return None


_APPLICANT = [
    (_rx(r"not an? (child|kid|minor)", r"pas un enfant", r"pas une enfant", r"plus un enfant"), "adult"),
    (_rx(r"child", r"kid", r"kids", r"baby", r"infant", r"toddler", r"minor", r"son",
         r"daughter", r"under 16", r"enfant", r"enfants", r"bebe", r"mineur", r"mineure",
         r"fils", r"fille", r"moins de 16( ans)?", r"p'tit", r"petit", r"petite", r"ado"),
     "child"),
    (_rx(r"adult", r"adults", r"grown ?up", r"me", r"myself", r"16 or older", r"over 16",
         r"16\+", r"adulte", r"adultes", r"moi", r"moi-meme", r"majeur", r"majeure",
         r"16 ans ou plus", r"plus de 16( ans)?"),
     "adult"),
]

_VALIDITY = [
    (_rx(r"10", r"ten", r"dix", r"10 ?(years?|yrs?|ans?)"), 10),
    (_rx(r"5", r"five", r"cinq", r"5 ?(years?|yrs?|ans?)"), 5),
]

# Provinces, territories and large cities: "au Québec", "I'm in Toronto" mean in Canada.
_CANADIAN_PLACES = (
    r"ontario", r"quebec", r"british columbia", r"colombie-britannique", r"alberta",
    r"saskatchewan", r"manitoba", r"nova scotia", r"nouvelle-ecosse", r"new brunswick",
    r"nouveau-brunswick", r"newfoundland( and labrador)?", r"terre-neuve", r"labrador",
    r"prince edward island", r"pei", r"ile-du-prince-edouard", r"yukon", r"nunavut",
    r"northwest territories", r"territoires du nord-ouest", r"toronto", r"montreal",
    r"vancouver", r"calgary", r"edmonton", r"ottawa", r"gatineau", r"winnipeg", r"halifax",
    r"quebec city", r"ville de quebec", r"laval", r"sherbrooke", r"saguenay", r"regina",
    r"saskatoon", r"victoria", r"moncton", r"fredericton", r"st\. john's", r"charlottetown",
    r"whitehorse", r"yellowknife", r"iqaluit", r"mississauga", r"brampton", r"hamilton",
    r"kitchener", r"longueuil", r"trois-rivieres",
)
# Places abroad people commonly name (checked before the Canadian ones).
_ABROAD_PLACES = (
    r"usa", r"the us", r"u\.s\.a?\.?", r"united states", r"the states", r"etats-unis", r"mexico", r"mexique",
    r"england", r"angleterre", r"uk", r"united kingdom", r"royaume-uni", r"france", r"europe",
    r"australia", r"australie", r"india", r"inde", r"china", r"chine", r"philippines",
)

_LOCATION = [
    (_rx(r"outside( of)?( canada)?", r"abroad", r"overseas", r"not in canada",
         r"another country", r"embassy", r"consulate", r"a l'etranger", r"etranger",
         r"(a l')?exterieur( du canada)?", r"hors (du )?canada", r"pas au canada",
         r"ambassade", r"consulat", *_ABROAD_PLACES),
     "abroad"),
    (_rx(r"in canada", r"inside( canada)?", r"canada", r"here", r"au canada", r"ici",
         r"icitte", r"dans le pays", *_CANADIAN_PLACES),
     "in_canada"),
]

_SERVICE = [
    (_rx(r"not (urgent|in a rush|in a hurry)", r"no rush", r"no hurry", r"pas urgent", r"pas presse",
         r"pas pressee", r"rien d'urgent"),
     "standard"),
    (_rx(r"urgent", r"urgently", r"urgence", r"next (business )?day", r"tomorrow",
         r"demain", r"le plus vite possible", r"asap"),
     "urgent"),
    (_rx(r"express", r"expres", r"fast", r"rapide", r"quick"), "express"),
    (_rx(r"standard", r"regular", r"normal", r"no rush", r"regulier", r"reguliere",
         r"ordinaire", r"pas presse", r"pas pressee", r"none", r"aucun"),
     "standard"),
]

_YES_NO = [
    (_rx(r"no", r"nope", r"nah", r"not really", r"never", r"non", r"pas vraiment",
         r"pantoute", r"jamais", r"false", r"faux"),
     False),
    (_rx(r"yes", r"yeah", r"yep", r"yup", r"sure", r"correct", r"right", r"true",
         r"of course", r"definitely", r"oui", r"ouais", r"ouin", r"certainement",
         r"exact", r"exactement", r"c'est ca", r"bien sur", r"vrai", r"absolument",
         r"affirm"),
     True),
]


def applicant_type(text: object) -> Optional[str]:
    return _first_match(text, _APPLICANT)


def validity_years(text: object) -> Optional[int]:
    return _first_match(text, _VALIDITY)


def apply_location(text: object) -> Optional[str]:
    return _first_match(text, _LOCATION)


def service_level(text: object) -> Optional[str]:
    return _first_match(text, _SERVICE)


def yes_no(text: object) -> Optional[bool]:
    if isinstance(text, bool):
        return text
    folded = fold(text)
    # Single letters only as a whole answer: French "n'" and "y" are ordinary words.
    if folded in {"/affirm", "y", "o"}:
        return True
    if folded in {"/deny", "n"}:
        return False
    return _first_match(folded, _YES_NO)
