"""What a citizen's own message already says about their case (English or French).

- `fee_situation`: the passport details a fee question states ("my 5 year old", "we live in
  France", "urgent", "10 ans"), so the answer can give the exact amount without a form;
- `travel_window`: when a citizen who lost a passport travels ("I fly tomorrow", "mon vol est
  jeudi", "in 3 days", "le 5 décembre"), so an imminent trip goes straight to an officer.

Free text is looser than a form answer, so these patterns are stricter than actions/answers.py:
"me" is not an adult and "canada" alone is not a place. Each returns None when the message
says nothing, and the caller then asks or answers in general.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, Optional, Sequence, Tuple, TypeVar

from actions.answers import _ABROAD_PLACES, fold

SOON_DAYS = 14  # "travelling in the next two weeks" (utter_ask_travel_soon)

Window = Literal["soon", "later"]


def _rx(*alternatives: str) -> "re.Pattern[str]":
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


_CHILD = _rx(
    r"child", r"child's", r"children", r"kid", r"kids", r"son", r"daughter", r"baby", r"newborn",
    r"infant", r"toddler", r"minor", r"under 16", r"teen", r"teenager", r"\d{1,2}[- ]?(?:year|yr)s?[- ]old",
    r"enfant", r"enfants", r"fils", r"fille", r"bebe", r"nouveau-ne", r"mineur", r"mineure",
    r"moins de 16 ans", r"ado", r"adolescent", r"adolescente", r"mon p'tit", r"ma p'tite",
    r"mon petit", r"ma petite", r"mes p'tits",
)
_NOT_CHILD = _rx(r"not an? (?:child|kid|minor)", r"pas (?:un|une) enfant", r"plus (?:un|une) enfant")
_ADULT = _rx(r"adult", r"adults", r"adulte", r"adultes", r"grown ?up", r"16 or older", r"over 16",
             r"16 ans (?:ou|et) plus", r"plus de 16 ans", r"majeur", r"majeure", r"myself", r"moi-meme")
_VALIDITY = [
    (_rx(r"10[- ]?(?:years?|yrs?|ans?)", r"ten[- ]?years?", r"dix ans", r"10-year"), 10),
    (_rx(r"5[- ]?(?:years?|yrs?|ans?)", r"five[- ]?years?", r"cinq ans", r"5-year"), 5),
]
_ABROAD = _rx(
    r"outside(?: of)? canada", r"abroad", r"overseas", r"not in canada", r"another country",
    r"embassy", r"consulate", r"a l'etranger", r"etranger", r"hors (?:du )?canada",
    r"(?:a l')?exterieur du canada", r"pas au canada", r"ambassade", r"consulat",
    r"(?:live|living|lives|reside|residing|based|stay|staying) in (?:the )?(?!canada)[a-z]+",
    r"(?:vit|vis|vivons|vivent|habite|habitons|habitent|reste|restons|demeure|demeurons) (?:en|au|aux|a) (?!canada)[a-z]+",
    *[p for p in _ABROAD_PLACES if p not in (r"usa", r"the us", r"u\.s\.a?\.?", r"united states", r"the states", r"etats-unis")],
)
_CANADIAN_PROVINCES = _rx(r"quebec", r"ontario", r"alberta", r"manitoba", r"saskatchewan", r"nunavut", r"yukon")
_SERVICE = [
    (_rx(r"urgent", r"urgently", r"urgence", r"next (?:business )?day", r"le lendemain", r"24 ?h"), "urgent"),
    (_rx(r"express", r"expres"), "express"),
]
_LOST = _rx(r"lost", r"stolen", r"perdu", r"perdue", r"vole", r"volee", r"egare", r"egaree", r"replace", r"remplacer")


@dataclass(frozen=True)
class FeeSituation:
    applicant: str  # "adult" or "child"
    validity: Optional[int]  # 5, 10, or None when an adult did not say
    location: str  # "in_canada" or "abroad"
    service: str  # "standard", "express" or "urgent"
    lost_or_stolen: bool


T = TypeVar("T")


def _first(folded: str, table: Sequence[Tuple["re.Pattern[str]", T]]) -> Optional[T]:
    for pattern, value in table:
        if pattern.search(folded):
            return value
    return None


def fee_situation(text: str) -> Optional[FeeSituation]:
    """The stated situation, or None when the message does not say whose passport (child or
    adult), its validity or that it is applied for from abroad."""
    folded = fold(text)
    child = bool(_CHILD.search(folded)) and not _NOT_CHILD.search(folded)
    adult = bool(_ADULT.search(folded)) or bool(_NOT_CHILD.search(folded))
    validity = _first(folded, _VALIDITY)
    abroad = bool(_ABROAD.search(folded)) and not _CANADIAN_PROVINCES.search(folded)
    service = _first(folded, _SERVICE)
    lost = bool(_LOST.search(folded))
    if not (child or adult or validity or abroad):
        return None  # "does express cost more?", "lost, how much?": the entry answers it
    applicant = "child" if child and not adult else "adult"
    if applicant == "child":
        validity = 5
    location = "abroad" if abroad else "in_canada"
    return FeeSituation(
        applicant=applicant,
        validity=validity,
        location=location,
        service=service if service and location == "in_canada" else "standard",
        lost_or_stolen=lost,
    )


_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_MONTHS = {
    "january": 1, "jan": 1, "janvier": 1, "february": 2, "feb": 2, "fevrier": 2, "march": 3, "mar": 3,
    "mars": 3, "april": 4, "apr": 4, "avril": 4, "may": 5, "mai": 5, "june": 6, "jun": 6, "juin": 6,
    "july": 7, "jul": 7, "juillet": 7, "august": 8, "aug": 8, "aout": 8, "september": 9, "sept": 9,
    "sep": 9, "septembre": 9, "october": 10, "oct": 10, "octobre": 10, "november": 11, "nov": 11,
    "novembre": 11, "december": 12, "dec": 12, "decembre": 12,
}
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "a couple of": 2, "a few": 3, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
    "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "quelques": 3,
}
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + r")"
_SOON_WORDS = _rx(
    r"today", r"tonight", r"tomorrow", r"tmrw", r"tmr", r"tomorow", r"this week", r"this weekend",
    r"next week", r"asap", r"right away", r"in a few days", r"in a couple (?:of )?days",
    r"aujourd'hui", r"aujourdhui", r"ce soir", r"demain", r"apres-demain", r"apres demain",
    r"cette semaine", r"ce weekend", r"ce week-end", r"ce fin de semaine", r"cette fin de semaine",
    r"la semaine prochaine", r"semaine prochaine", r"dans quelques jours", r"bientot",
)
_LATER_WORDS = _rx(
    r"next month", r"next year", r"this summer", r"next summer", r"in the summer", r"le mois prochain",
    r"l'an prochain", r"l'annee prochaine", r"cet ete", r"l'ete prochain", r"not (?:for|until) (?:a while|months)",
    r"no (?:trip|travel) planned", r"not travell?ing", r"pas de voyage", r"je ne voyage pas", r"je voyage pas",
)
_IN_DAYS = re.compile(rf"(?:in|within|dans|d'ici) {_NUMBER} ?(days?|jours?|weeks?|semaines?|months?|mois|hours?|hrs?|heures?|h)\b")
_DAY_MONTH = re.compile(r"(?:le |on |the )?(\d{1,2})(?:st|nd|rd|th|er)? (?:of )?([a-z]+)")
_MONTH_DAY = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?\b")
_WEEKDAY = re.compile(r"(?<![\w])(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")(?![\w])")


def _days_until(month: int, day: int, today: date) -> Optional[int]:
    try:
        target = date(today.year, month, day)
    except ValueError:
        return None
    if target < today:
        try:
            target = date(today.year + 1, month, day)
        except ValueError:
            return None
    return (target - today).days


def _window(days: int) -> Window:
    return "soon" if days <= SOON_DAYS else "later"


def travel_window(text: str, today: Optional[date] = None) -> Optional[Window]:
    """"soon" (within two weeks), "later", or None when the message gives no date."""
    today = today or date.today()
    folded = fold(text)
    if _LATER_WORDS.search(folded):
        return "later"
    counted = _IN_DAYS.search(folded)
    if counted:
        raw, unit = counted.group(1), counted.group(2)
        number = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 0)
        days = number * (7 if unit.startswith(("week", "semaine")) else 30 if unit.startswith(("month", "mois")) else 1)
        return _window(days)
    if _SOON_WORDS.search(folded):
        return "soon"
    for match in _DAY_MONTH.finditer(folded):
        month = _MONTHS.get(match.group(2), 0)
        if month:
            until = _days_until(month, int(match.group(1)), today)
            if until is not None:
                return _window(until)
    for match in _MONTH_DAY.finditer(folded):
        month = _MONTHS.get(match.group(1), 0)
        if month and match.group(1) not in ("mar", "may", "mai", "sun", "sat"):
            until = _days_until(month, int(match.group(2)), today)
            if until is not None:
                return _window(until)
    weekday = _WEEKDAY.search(folded)
    if weekday:
        return "soon"  # a day named without a date is within the coming week
    return None
