"""Without a model, the fortieth session's second round: a study permit's end asked of "my
number" after getting a SIN (a SIN starting with 9); how to apply for a baby born last week after
the CCB's dates (applying, not the dates again); a new one after a passport stolen abroad and a
temporary document told (replacing it, not renewing); an officer asked to call back in French
with the elided "m'appelle" (a person); and crossing into the United States with only a birth
certificate (another country's entry rules)."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, topic_and_entry


def test_a_permits_end_asked_of_my_number_after_the_sin_is_the_temporary_sin():
    said = [UserUttered("comment avoir un NAS", "sin_apply")]
    other = reading(("out_of_scope", 1.0))
    text = "mon permis d'etudes expire en decembre, ca change quoi pour mon numero?"
    assert topic_and_entry(read_as(said, other, text)) == ("sin_apply", "sin_apply.temporary_sin_9")
    # the permit's own extension asked: IRCC's, however the SIN came before
    assert topic_and_entry(read_as(said, other, "my work permit expires in june, how do i extend it"))[0] == "out_of_scope"
    # after another topic, the permit's end is not the SIN's
    passport = [UserUttered("how do i renew my passport", "passport_renew")]
    assert topic_and_entry(read_as(passport, other, text))[0] == "out_of_scope"


def test_applying_for_a_baby_born_last_week_after_the_ccbs_dates_is_applying():
    said = [UserUttered("when is ccb paid this month", "ccb_payment_dates")]
    with_them = {**reading(("ccb_payment_dates", 1.0)), "read_with": "when is ccb paid this month"}
    read = read_as(said, with_them, "how do i apply for my second one, born last week")
    assert topic_and_entry(read)[0] == "ccb_apply"
    # no birth told: the dates stay
    assert topic_and_entry(read_as(said, with_them, "and how do i apply to get it by deposit"))[0] == "ccb_payment_dates"


def test_a_negation_is_no_birth_told():
    # French "ne" is no "né": a payment that no longer comes stays the missing payment's
    said = [UserUttered("mon ACE ne rentre plus depuis mars", "ccb_payment_dates")]
    missing = reading(("ccb_payment_dates", 0.9), ("ccb_apply", 0.05))
    assert topic_and_entry(read_as(said, missing, "je fais quoi?"))[0] == "ccb_payment_dates"


def test_a_new_one_after_a_passport_stolen_abroad_is_replacing_it():
    said = [UserUttered("mon passeport a été volé a barcelone", "passport_lost_stolen"),
            UserUttered("je suis rentrée au Canada avec un document de voyage temporaire", "passport_lost_stolen")]
    renew = reading(("passport_renew", 0.8), ("passport_lost_stolen", 0.1))
    read = read_as(said, renew, "comment je fais pour en avoir un nouveau maintenant?")
    assert topic_and_entry(read)[0] == "passport_lost_stolen"


@pytest.mark.parametrize("text, person", [
    ("je voudrais qu'un agent des passeports m'appelle demain matin svp", True),
    ("j'aimerais qu'une personne de service canada me rappelle", True),
    ("je veux qu'un agent m'appelle", True),
    ("je voudrais que mon mari m'appelle quand c'est prêt", False),
])
def test_an_officer_asked_to_call_back_with_an_elided_me_is_a_person(text, person):
    assert phrases.asks_for_person(text) == person


@pytest.mark.parametrize("text, other", [
    ("can my kid cross into the US with just her birth certificate instead", True),
    ("mon fils peut tu entrer aux etats-unis avec juste son certificat de naissance?", True),
    ("can i renew my passport in the us", False),
    ("what documents does my kid need for her passport, is her birth certificate enough", False),
])
def test_crossing_into_the_united_states_without_a_passport_is_another_countrys_rules(text, other):
    assert (phrases.other_service_named(text) is not None) == other
