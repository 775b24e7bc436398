"""Answer with the knowledge entry the NLU chose, in the citizen's language, with its source.

- `action_answer`: the entry of the predicted intent (`knowledge` in the parse data, from
  bot/nlu/selector.py), else the intent's overview; fee and time placeholders are filled from
  content/passport_*.yml. A fee question that states its situation gets the exact amount.
- `action_lost_passport`: the lost/stolen answer, and the slot `travel_window` from the same
  message: "soon" (within two weeks: the rules hand off to an officer at once), "later" (the
  no-travel advice) or "unknown" (the rules ask "are you travelling in the next two weeks?").
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.content import load
from actions.fees import FeeQuote, money, quote
from actions.passport_facts import facts
from actions.situation import FeeSituation, fee_situation, points_back_to_someone, travel_window, wants_faster_service
from bot.knowledge import Entry, cached_knowledge, overview_id
from bot.nlu.phrases import asks_age_discount


def language_of(tracker: Tracker) -> str:
    return "fr" if tracker.get_slot("language") == "fr" else "en"


def chosen_entry(tracker: Tracker) -> Optional[Entry]:
    """The entry the selector chose for the latest message's intent, else that intent's overview."""
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name") or ""
    return cached_knowledge().answer(intent, (message.get("knowledge") or {}).get("id"))


def offer_buttons(entry: Entry, language: str) -> List[Dict[str, str]]:
    topics = load("topics")["topics"]
    return [
        {"title": topics[intent][language]["short"], "payload": f"/{intent}"}
        for intent in entry.offer
        if intent in topics
    ]


def render(entry: Entry, language: str) -> str:
    """The answer with its placeholders filled, then the official page as descriptive link."""
    answer = entry.text(language).answer.format(**facts(language))
    separator = " : " if language == "fr" else ": "
    return f"{answer}\n{entry.title[language]}{separator}{entry.source[language]}"


def utter_entry(dispatcher: CollectingDispatcher, entry: Entry, language: str) -> None:
    buttons = offer_buttons(entry, language)
    if buttons:
        dispatcher.utter_message(text=render(entry, language), buttons=buttons)
    else:
        dispatcher.utter_message(text=render(entry, language))


def describe(situation: FeeSituation, language: str, validity: Optional[int]) -> str:
    words = load("fee_situations")[language]
    if validity is None:
        passport = words["passport"][situation.applicant]
    else:
        passport = words["passport_with_validity"][situation.applicant].format(
            validity=words["validity"][validity]
        )
    text = f"{passport} {words['place'][situation.location]}{words['service'][situation.service]}"
    return text + (words["lost"] if situation.lost_or_stolen else "")


def utter_fee_group(dispatcher: CollectingDispatcher, situation: FeeSituation, language: str) -> None:
    """Several passports in one question: each priced alone, then added up."""
    words = load("fee_situations")[language]

    def count(kind: str, n: int) -> str:
        return words[kind][1] if n == 1 else words[kind]["many"].format(n=n)

    def total(years: int) -> Decimal:
        adult = quote("adult", years, situation.location, situation.service, False).total
        child = quote("child", 5, situation.location, situation.service, False).total
        return adult * situation.adults + child * situation.children

    def each(years: Optional[int]) -> str:
        """The price of one passport of each kind asked for: "$163.50 per adult passport, ..."."""
        def price(kind: str, validity: int) -> str:
            return money(quote(kind, validity, situation.location, situation.service, False).total, language)

        adult = (words["per_adult"].format(amount=price("adult", years)) if years
                 else words["per_adult_both"].format(amount_5=price("adult", 5), amount_10=price("adult", 10)))
        child = words["per_child"].format(amount=price("child", 5))
        return ", ".join(part for part, n in ((adult, situation.adults), (child, situation.children)) if n)

    people = words["and"].join(count(kind, n) for kind, n in (("adults", situation.adults),
                                                                ("children", situation.children)) if n)
    common = {"people": people, "place": words["place_group"][situation.location],
              "service": words["service"][situation.service]}
    if situation.adults and situation.validity is None:
        dispatcher.utter_message(response="utter_fee_situation_group_both", **common, prices=each(None),
                                 total_5=money(total(5), language), total_10=money(total(10), language))
        return
    years = situation.validity or 10
    passports = words["each_adult"][years] if situation.adults else words["children_passports"]
    dispatcher.utter_message(response="utter_fee_situation_group", **common, passports=passports,
                             prices=each(years), total=money(total(years), language))


def utter_fee_situation(dispatcher: CollectingDispatcher, situation: FeeSituation, language: str) -> None:
    if situation.group:
        utter_fee_group(dispatcher, situation, language)
        return

    def fee(years: int) -> FeeQuote:
        return quote(situation.applicant, years, situation.location, situation.service, situation.lost_or_stolen)

    if situation.validity is None and situation.applicant == "adult":
        five, ten = fee(5), fee(10)  # the same extra fee for both
        dispatcher.utter_message(
            response="utter_fee_situation_both_extra" if ten.extra else "utter_fee_situation_both",
            situation=describe(situation, language, None),
            total_5=money(five.total, language),
            total_10=money(ten.total, language),
            extra_fee=money(ten.extra, language),
        )
        return
    years = situation.validity or 5
    one = fee(years)
    dispatcher.utter_message(
        response="utter_fee_situation" if one.extra else "utter_fee_situation_plain",
        situation=describe(situation, language, years if situation.applicant == "adult" else None),
        total=money(one.total, language),
        base_fee=money(one.base, language),
        extra_fee=money(one.extra, language),
    )


FASTER_SERVICES = ("urgent", "express")  # the pick-up services for a trip within two weeks, fastest first


def answer(dispatcher: CollectingDispatcher, entry: Entry, text: str, language: str, before: str = "",
           read_with: bool = True, lately: str = "") -> None:
    """The entry, or the exact fee when a fee question states its situation, alone or with the
    message before it (`before`: "combien pour mon fils" then "pis si c'est urgent?"; when the
    message was not read with it, `read_with` False, only its validity, place and service count:
    "an urgent passport, how much?" then "for my son who is 8"; `lately`, the citizen's earlier
    messages, can still say where: "we live in belgium", and the whole situation when the message
    and the one before state none of it). A fee question about a faster
    service or a trip within two weeks, whose situation is not stated ("je pars dans 4 jours" then
    "ça coûte combien?"), gets the urgent and express fees if its entry does not give them."""
    if entry.intent == "passport_fees" and not text.startswith("/"):
        if asks_age_discount(text):
            # "is there a seniors discount": no, said first, then the fee (content/fee_situations.yml)
            dispatcher.utter_message(text=load("fee_situations")[language]["no_age_discount"])
        situation = fee_situation(text, before, whose_before=read_with, lately=lately)
        if situation is None and lately and lately != before:
            # "total?" after "je veux le passeport 10 ans" and "avec le service urgent": the
            # passport told two messages back with the service told since
            situation = fee_situation(text, lately, whose_before=read_with, lately=lately)
        if situation is not None:
            if situation.service == "standard" and situation.location == "in_canada" and not situation.group and (
                    wants_faster_service(text, before)):
                # a trip within two weeks told and no service chosen ("flying to london saturday
                # and my passport is expired", "i want a 10 year one", "how much all together"): the
                # fee with each faster service, which a trip this soon needs
                for service in FASTER_SERVICES:
                    utter_fee_situation(dispatcher, replace(situation, service=service), language)
                return
            utter_fee_situation(dispatcher, situation, language)
            return
        if wants_faster_service(text, before) and "{urgent_fee}" not in entry.text(language).answer:
            entry = cached_knowledge().overview("passport_fees") or entry  # every fee, with those two
    utter_entry(dispatcher, entry, language)


def said_lately(tracker: Tracker, messages: int = 3) -> str:
    """The citizen's `messages` messages before the latest one, oldest first (none from a button
    back): with 1, the message the latest one follows ("" after a button or none)."""
    said = [str(event.get("text") or "") for event in tracker.events if event.get("event") == "user"][:-1]
    recent: List[str] = []
    for text in reversed(said[-messages:]):
        if text.startswith("/"):
            break
        recent.insert(0, text)
    return " ".join(recent)


def second_need(tracker: Tracker) -> Optional[tuple]:
    """(entry, text) of a second question in the same message (bot/engine/context/parts.py)."""
    also = (tracker.latest_message or {}).get("also") or {}
    intent = (also.get("intent") or {}).get("name") or ""
    entry = cached_knowledge().answer(intent, (also.get("knowledge") or {}).get("id"))
    return (entry, str(also.get("text") or "")) if entry is not None else None


class ActionAnswer(Action):
    def name(self) -> Text:
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        language = language_of(tracker)
        entry = chosen_entry(tracker)
        if entry is None:
            dispatcher.utter_message(response="utter_please_rephrase")
            return []
        latest = tracker.latest_message or {}
        text = str(latest.get("text") or "")
        read_with = str(latest.get("read_with") or "")
        if points_back_to_someone(text) and said_lately(tracker, 1):
            # "and how much for him" after "my son is 8" (after an adult's fee): the one just told
            read_with = said_lately(tracker, 1)
        answer(dispatcher, entry, text, language, read_with or said_lately(tracker, 1),
               read_with=bool(read_with), lately=said_lately(tracker))
        also = second_need(tracker)
        if also is not None:
            answer(dispatcher, also[0], also[1], language)
        return []


class ActionLostPassport(Action):
    def name(self) -> Text:
        return "action_lost_passport"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        language = language_of(tracker)
        entry = chosen_entry(tracker) or cached_knowledge().entries.get(overview_id("passport_lost_stolen"))
        if entry is not None:
            utter_entry(dispatcher, entry, language)
        window = travel_window((tracker.latest_message or {}).get("text") or "")
        return [SlotSet("travel_window", window or "unknown")]
