"""bot/engine/context/ without a model, the thirty-second session's readings: a passport follow-up
that asks its own question after a fee question; a child's passport, named before, whose renewal
is asked; worry about what was or was not done ("is that bad", "c grave?"), which is no complaint;
taxes not filed, told after the CCB and read as the CCB; an unsure question that names a town or a
trip's destination, read again without it."""

from __future__ import annotations

import pytest

from bot.nlu.places import names_a_trips_place, without_places
from tests.support.readings import UserUttered, entry, parser, read_after, reading


def test_a_passport_follow_up_read_surely_alone_asks_its_own_question_not_the_fee_before():
    said, text = "how much is a kids passport", "and do both parents have to sign"
    readings = {f"{said} {text}": reading(("passport_fees", 1.0))}
    alone = reading(("passport_child", 0.81), ("ccb_apply", 0.07))
    read = read_after([UserUttered(said, "passport_fees")], alone, text, parser(readings))
    assert read["intent"]["name"] == "passport_child"
    # unsure alone, or asking a price, it is still the fee of the situation told
    for text, alone in [("and do both parents have to sign", reading(("passport_child", 0.6), ("passport_fees", 0.3))),
                        ("and how much for the 10 year one?", reading(("passport_fees", 0.5), ("passport_child", 0.4)))]:
        readings = {f"{said} {text}": reading(("passport_fees", 1.0))}
        read = read_after([UserUttered(said, "passport_fees")], alone, text, parser(readings))
        assert read["intent"]["name"] == "passport_fees"


def test_a_validity_reading_after_a_fee_question_is_not_taken_as_its_own_question():
    # 5 or 10 years is what the fee depends on: the fee asked before, read with it
    said, text = "how much is a kids passport", "and is that one different for them"
    readings = {f"{said} {text}": reading(("passport_fees", 1.0))}
    alone = {**reading(("passport_child", 0.9), ("passport_fees", 0.05)),
             "knowledge": {"id": "passport_child.validity", "by_intent": {}}}
    read = read_after([UserUttered(said, "passport_fees")], alone, text, parser(readings))
    assert read["intent"]["name"] == "passport_fees"


@pytest.mark.parametrize("said, text", [
    ("my kid's passport expires next month, she's 9", "can i renew it or do i have to do the whole thing again"),
    ("mon gars de 9 ans, son passeport expire", "je peux le renouveler?"),
])
def test_a_renewal_asked_of_a_childs_passport_named_before_is_the_child_passports(said, text):
    alone = reading(("passport_renewal_eligibility", 0.92), ("passport_renew", 0.05))
    read = read_after([UserUttered(said, "passport_child")], alone, text, parser({}))
    assert read["intent"]["name"] == "passport_child"
    assert entry(read) == "passport_child.validity"  # never renewed: a new child passport


def test_a_renewal_asked_of_ones_own_passport_is_not_a_childs():
    alone = reading(("passport_renewal_eligibility", 0.92), ("passport_renew", 0.05))
    text = "can i renew it or do i have to do the whole thing again"
    read = read_after([UserUttered("my passport expires next month", "passport_renew")], alone, text, parser({}))
    assert read["intent"]["name"] == "passport_renewal_eligibility"


@pytest.mark.parametrize("said, topic, text, expected", [
    ("how do i do my ei reports", "ei_apply", "i forgot to do it last week, is that bad", "ei_apply"),
    ("comment demander l'ACE", "ccb_apply", "pis j'ai pas fait mes impots l'an passe, c grave?", "ccb_apply"),
])
def test_worry_about_what_was_done_is_no_complaint(said, topic, text, expected):
    readings = {f"{said} {text}": reading((expected, 0.9), ("complaint", 0.05))}
    alone = reading(("complaint", 0.55), ("out_of_scope", 0.2))
    read = read_after([UserUttered(said, topic)], alone, text, parser(readings))
    assert read["intent"]["name"] == expected


def test_a_complaint_with_its_own_words_stays_a_complaint():
    text = "this is bad, i want to file a complaint"
    alone = reading(("complaint", 0.55), ("out_of_scope", 0.2))
    said = "how do i do my ei reports"
    read = read_after([UserUttered(said, "ei_apply")], alone, text, parser({f"{said} {text}": reading(("ei_apply", 0.9))}))
    assert read["intent"]["name"] == "complaint"


def test_taxes_not_filed_told_after_the_ccb_is_the_returns_it_needs():
    said, text = "comment demander l'ACE", "pis j'ai pas fait mes impots l'an passe, c grave?"
    readings = {f"{said} {text}": reading(("ccb_apply", 0.9))}
    alone = reading(("complaint", 0.3), ("ccb_apply", 0.2))
    read = read_after([UserUttered(said, "ccb_apply")], alone, text, parser(readings))
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
                                  "going to Service Canada tomorrow, what do i bring",
                                  "i go to the office tomorrow"])
def test_canada_its_services_a_language_or_lower_case_words_are_no_destination(text):
    assert not names_a_trips_place(text)


def test_an_unsure_question_naming_a_town_is_read_again_without_it():
    text = "j'ai ete mis a pied hier au moulin a Dolbeau, je fais ma demande de chomage quand?"
    readings = {without_places(text): reading(("ei_apply", 0.74), ("ei_eligibility", 0.23))}
    unsure = reading(("nlu_fallback", 0.3), ("ei_eligibility", 0.46), ("ei_apply", 0.42))
    read = read_after([], unsure, text, parser(readings))
    assert read["intent"]["name"] == "ei_apply"
    # without the town, no surer of ours: still unsure
    readings = {without_places(text): reading(("ei_apply", 0.45), ("ei_eligibility", 0.4))}
    assert read_after([], unsure, text, parser(readings))["intent"]["name"] != "ei_apply"


def test_a_follow_up_read_off_topic_whose_words_choose_an_answer_of_the_conversations_topic_is_that_answer():
    # (a thing worn, named, has its own rule: topic_rules.WORN; here only the words' answer decides)
    said, text = "can i wear glasses in the passport photo", "what about for religious reasons"
    alone = {**reading(("out_of_scope", 0.8), ("passport_photo", 0.04)),
             "knowledge": {"by_intent": {"passport_photo": {"id": "passport_photo.head_covering", "score": 0.93}}}}
    read = read_after([UserUttered(said, "passport_photo")], alone, text, parser({}))
    assert (read["intent"]["name"], entry(read)) == ("passport_photo", "passport_photo.head_covering")
    # chosen only a little, or surely off topic: it stays off topic
    for confidence, score in [(0.8, 0.6), (0.95, 0.93)]:
        alone = {**reading(("out_of_scope", confidence), ("passport_photo", 0.04)),
                 "knowledge": {"by_intent": {"passport_photo": {"id": "passport_photo.head_covering", "score": score}}}}
        read = read_after([UserUttered(said, "passport_photo")], alone, text, parser({}))
        assert read["intent"]["name"] == "out_of_scope"
    # a longer question of its own, about another thing, whatever answer of ours its words choose
    text = "pis son permis de travail ouvert, il le demande comment"
    alone = {**reading(("out_of_scope", 0.7), ("sin_apply", 0.2)),
             "knowledge": {"by_intent": {"sin_apply": {"id": "sin_apply.newcomers", "score": 0.95}}}}
    read = read_after([UserUttered("mon chum a besoin d'un NAS", "sin_apply")], alone, text, parser({}))
    assert read["intent"]["name"] != "sin_apply"


@pytest.mark.parametrize("said, topic, text", [
    ("how do i pay my student loan", "student_loan_repayment", "can i do it from my bank app"),
    ("comment je paie mon pret etudiant", "student_loan_repayment", "je peux tu le faire avec mon app de banque"),
])
def test_the_conversations_thing_asked_to_be_done_another_way_is_the_conversations(said, topic, text):
    alone = reading(("out_of_scope", 0.98), ("ccb_payment_dates", 0.01))
    read = read_after([UserUttered(said, topic)], alone, text, parser({}))
    assert read["intent"]["name"] == topic


def test_a_new_subject_announced_stays_off_topic():
    said, text = "how do i apply for rap", "btw whats a good budgeting app"
    alone = reading(("out_of_scope", 0.65), ("student_loan_rap", 0.1))
    readings = {f"{said} {text}": reading(("student_loan_rap", 0.92))}
    read = read_after([UserUttered(said, "student_loan_rap")], alone, text, parser(readings))
    assert read["intent"]["name"] == "out_of_scope"


def test_a_passport_a_dog_ate_is_damaged():
    from bot.engine.context.passports import told_damaged

    assert told_damaged("mon chien a mangé le coin de mon passeport lol, est-il encore valide?")
    assert told_damaged("my dog ate the corner of my passport")
    assert not told_damaged("je mange au resto avant d'aller chercher mon passeport")


def test_children_and_an_income_with_the_plan_named_are_the_plans():
    text = "i have 2 kids and make 45000, how much would i pay under rap"
    alone = reading(("passport_fees", 0.55), ("student_loan_rap", 0.3))
    read = read_after([], alone, text, parser({}))
    assert read["intent"]["name"] != "ccb_payment_dates"
