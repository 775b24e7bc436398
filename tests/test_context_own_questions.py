"""bot/engine/context/ without a model, the thirty-second session's readings: a passport follow-up
that asks its own question after a fee question; a child's passport, named before, whose renewal
is asked; worry about what was or was not done ("is that bad", "c grave?"), which is no complaint;
taxes not filed, told after the CCB and read as the CCB; an unsure question that names a town or a
trip's destination, read again without it."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

import pytest

from bot.engine.context import in_context
from bot.nlu.places import names_a_trips_place, without_places
from tests.support.readings import UserUttered, entry, reading

UNSURE = reading(("out_of_scope", 0.4), ("help", 0.1))


def parser(readings: Dict[str, Dict[str, Any]]) -> Any:
    async def parse(text: str) -> Dict[str, Any]:
        return readings.get(text, UNSURE)
    return parse


def test_a_passport_follow_up_read_surely_alone_asks_its_own_question_not_the_fee_before():
    said, text = "how much is a kids passport", "and do both parents have to sign"
    readings = {f"{said} {text}": reading(("passport_fees", 1.0))}
    alone = reading(("passport_child", 0.81), ("ccb_apply", 0.07))
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "passport_fees")], parser(readings)))
    assert read["intent"]["name"] == "passport_child"
    # unsure alone, or asking a price, it is still the fee of the situation told
    for text, alone in [("and do both parents have to sign", reading(("passport_child", 0.6), ("passport_fees", 0.3))),
                        ("and how much for the 10 year one?", reading(("passport_fees", 0.5), ("passport_child", 0.4)))]:
        readings = {f"{said} {text}": reading(("passport_fees", 1.0))}
        read = asyncio.run(in_context(alone, text, [UserUttered(said, "passport_fees")], parser(readings)))
        assert read["intent"]["name"] == "passport_fees"


def test_a_validity_reading_after_a_fee_question_is_not_taken_as_its_own_question():
    # 5 or 10 years is what the fee depends on: the fee asked before, read with it
    said, text = "how much is a kids passport", "and is that one different for them"
    readings = {f"{said} {text}": reading(("passport_fees", 1.0))}
    alone = {**reading(("passport_child", 0.9), ("passport_fees", 0.05)),
             "knowledge": {"id": "passport_child.validity", "by_intent": {}}}
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "passport_fees")], parser(readings)))
    assert read["intent"]["name"] == "passport_fees"


@pytest.mark.parametrize("said, text", [
    ("my kid's passport expires next month, she's 9", "can i renew it or do i have to do the whole thing again"),
    ("mon gars de 9 ans, son passeport expire", "je peux le renouveler?"),
])
def test_a_renewal_asked_of_a_childs_passport_named_before_is_the_child_passports(said, text):
    alone = reading(("passport_renewal_eligibility", 0.92), ("passport_renew", 0.05))
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "passport_child")], parser({})))
    assert read["intent"]["name"] == "passport_child"
    assert entry(read) == "passport_child.validity"  # never renewed: a new child passport


def test_a_renewal_asked_of_ones_own_passport_is_not_a_childs():
    alone = reading(("passport_renewal_eligibility", 0.92), ("passport_renew", 0.05))
    text = "can i renew it or do i have to do the whole thing again"
    read = asyncio.run(in_context(alone, text, [UserUttered("my passport expires next month", "passport_renew")], parser({})))
    assert read["intent"]["name"] == "passport_renewal_eligibility"


@pytest.mark.parametrize("said, topic, text, expected", [
    ("how do i do my ei reports", "ei_apply", "i forgot to do it last week, is that bad", "ei_apply"),
    ("comment demander l'ACE", "ccb_apply", "pis j'ai pas fait mes impots l'an passe, c grave?", "ccb_apply"),
])
def test_worry_about_what_was_done_is_no_complaint(said, topic, text, expected):
    readings = {f"{said} {text}": reading((expected, 0.9), ("complaint", 0.05))}
    alone = reading(("complaint", 0.55), ("out_of_scope", 0.2))
    read = asyncio.run(in_context(alone, text, [UserUttered(said, topic)], parser(readings)))
    assert read["intent"]["name"] == expected


def test_a_complaint_with_its_own_words_stays_a_complaint():
    text = "this is bad, i want to file a complaint"
    alone = reading(("complaint", 0.55), ("out_of_scope", 0.2))
    read = asyncio.run(in_context(alone, text, [UserUttered("how do i do my ei reports", "ei_apply")],
                                  parser({f"how do i do my ei reports {text}": reading(("ei_apply", 0.9))})))
    assert read["intent"]["name"] == "complaint"


def test_taxes_not_filed_told_after_the_ccb_is_the_returns_it_needs():
    said, text = "comment demander l'ACE", "pis j'ai pas fait mes impots l'an passe, c grave?"
    readings = {f"{said} {text}": reading(("ccb_apply", 0.9))}
    alone = reading(("complaint", 0.3), ("ccb_apply", 0.2))
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "ccb_apply")], parser(readings)))
    assert read["intent"]["name"] == "ccb_apply"
    assert entry(read) == "ccb_apply.file_taxes"


@pytest.mark.parametrize("text, without", [
    ("je pars dans 10 jours pour Punta Cana, l'express ca coute combien?", "je pars dans 10 jours pour, l'express ca coute combien?"),
    ("flying to Mexico City in 6 days, how long for a passport", "flying to in 6 days, how long for a passport"),
])
def test_a_trips_destination_is_left_out(text, without):
    assert names_a_trips_place(text)
    assert without_places(text) == without


@pytest.mark.parametrize("text", ["going to Canada next week, how long", "can you answer in French please",
                                  "i go to the office tomorrow"])
def test_canada_a_language_or_lower_case_words_are_no_destination(text):
    assert not names_a_trips_place(text)


def test_an_unsure_question_naming_a_town_is_read_again_without_it():
    text = "j'ai ete mis a pied hier au moulin a Dolbeau, je fais ma demande de chomage quand?"
    readings = {without_places(text): reading(("ei_apply", 0.74), ("ei_eligibility", 0.23))}
    unsure = reading(("nlu_fallback", 0.3), ("ei_eligibility", 0.46), ("ei_apply", 0.42))
    read = asyncio.run(in_context(unsure, text, [], parser(readings)))
    assert read["intent"]["name"] == "ei_apply"
    # without the town, no surer of ours: still unsure
    readings = {without_places(text): reading(("ei_apply", 0.45), ("ei_eligibility", 0.4))}
    assert asyncio.run(in_context(unsure, text, [], parser(readings)))["intent"]["name"] != "ei_apply"
