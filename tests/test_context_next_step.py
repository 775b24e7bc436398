"""bot/engine/context/ without a model: what a follow-up asks once the situation told before
is read with it. A price in a passport conversation is the passport's; a call for help off topic
in its own words ("how am i supposed to make my payment") is about the situation; a doubt between
two topics of a program is settled by the question's own words; where to go is where to do it;
a child of 16 or more gets the answer that at 16 it is an adult passport."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

import pytest

from bot.engine.context import in_context
from bot.nlu.phrases import applicant_is_adult, names_a_child, names_a_subject, programs_named
from tests.support.readings import UserUttered, parser, reading




CHILD = "my son is 9 and needs a passport for our trip to Haiti"
CCB_AMOUNT = reading(("ccb_payment_dates", 0.83), ("passport_fees", 0.1), ("out_of_scope", 0.04))


def test_a_price_question_after_a_passport_question_is_the_passports_price():
    text = "how much for a kid?"
    readings = {f"{CHILD} {text}": reading(("passport_fees", 0.7), ("passport_child", 0.2))}
    read = asyncio.run(in_context(CCB_AMOUNT, text, [UserUttered(CHILD, "passport_child")], parser(readings)))
    assert read["intent"]["name"] == "passport_fees"
    assert read["read_with"] == CHILD  # the child's age is read from it for the exact fee


def test_a_price_question_without_a_fee_reading_in_the_conversation_is_still_the_passports_price():
    text = "c combien pour un enfant?"
    readings = {f"{CHILD} {text}": reading(("passport_child", 0.6), ("passport_fees", 0.3))}
    read = asyncio.run(in_context(CCB_AMOUNT, text, [UserUttered(CHILD, "passport_child")], parser(readings)))
    assert read["intent"]["name"] == "passport_fees"


@pytest.mark.parametrize("text", ["how much will i get for him", "combien je vais recevoir pour lui"])
def test_what_one_receives_is_not_a_price(text):
    readings = {CHILD: reading(("passport_child", 0.9)), f"{CHILD} {text}": reading(("ccb_payment_dates", 0.7))}
    read = asyncio.run(in_context(CCB_AMOUNT, text, [UserUttered(CHILD, "passport_child")], parser(readings)))
    assert read["intent"]["name"] == "ccb_payment_dates"


def test_a_price_question_after_another_program_keeps_its_reading():
    text = "how much for a kid?"
    said = [UserUttered("how do i apply for EI", "ei_apply")]
    readings = {"how do i apply for EI": reading(("ei_apply", 0.95)),
                f"how do i apply for EI {text}": reading(("ei_apply", 0.5), ("ccb_payment_dates", 0.4))}
    read = asyncio.run(in_context(CCB_AMOUNT, text, said, parser(readings)))
    assert read["intent"]["name"] != "passport_fees"


HUNG_UP = "called nslsc, was on hold 2 hours and got cut off"
GAVE_UP = "i give up. how am i supposed to make my payment"


@pytest.mark.parametrize("text, alone", [
    (GAVE_UP, 0.85),
    ("please help, nothing works", 0.82),
    ("je suis censé faire quoi là", 0.7),
])
def test_a_call_for_help_off_topic_alone_is_read_with_the_situation_told(text, alone):
    readings = {f"{HUNG_UP} {text}": reading(("student_loan_repayment", 0.8), ("student_loan_rap", 0.1))}
    said = [UserUttered(HUNG_UP, "student_loan_repayment")]
    read = asyncio.run(in_context(reading(("out_of_scope", alone), ("student_loan_rap", 0.08)), text, said,
                                  parser(readings)))
    assert read["intent"]["name"] == "student_loan_repayment"
    assert read["read_with"] == HUNG_UP


@pytest.mark.parametrize("text, alone, said", [
    ("how am i supposed to pay my hydro bill now", 0.99, [UserUttered(HUNG_UP, "student_loan_repayment")]),
    (GAVE_UP, 0.85, [UserUttered("hi", "greet")]),  # nothing of ours told
    ("how am i supposed to renew my health card", 0.85, [UserUttered(HUNG_UP, "student_loan_repayment")]),
])
def test_a_call_for_help_stays_off_topic_when_sure_about_another_thing_or_nothing_was_told(text, alone, said):
    readings = {f"{HUNG_UP} {text}": reading(("student_loan_repayment", 0.8))}
    off_topic = reading(("out_of_scope", alone), ("student_loan_rap", 0.01))
    assert asyncio.run(in_context(off_topic, text, said, parser(readings)))["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text, ccb", [
    ("pis l'allocation a pas été versée ce mois-ci", True),
    ("mon allocation est en retard", True),
    ("l'allocation logement du Québec, je fais ça où?", False),
    ("c'est quand l'allocation famille de Retraite Québec", False),
    ("l'allocation canadienne pour le logement", False),
])
def test_the_allowance_as_quebeckers_call_the_ccb(text, ccb):
    assert ("ccb_" in programs_named(text)) is ccb


@pytest.mark.parametrize("text", ["elle vient d'accoucher, elle fait la demande comment", "my sister is pregnant, when can she apply"])
def test_a_birth_is_a_subject_of_its_own(text):
    assert names_a_subject(text)


@pytest.mark.parametrize("text", [
    "how do i register my baby's birth in manitoba",
    "can you help me write my resignation letter",
    "I lost my library card too, how do I replace it",
])
def test_a_task_of_its_own_after_a_situation_stays_off_topic(text):
    readings = {f"{HUNG_UP} {text}": reading(("student_loan_repayment", 0.8))}
    off_topic = reading(("out_of_scope", 0.8), ("student_loan_rap", 0.1))
    said = [UserUttered(HUNG_UP, "student_loan_repayment")]
    assert asyncio.run(in_context(off_topic, text, said, parser(readings)))["intent"]["name"] == "out_of_scope"


CHILD_READING = {**reading(("passport_child", 0.9), ("passport_apply_adult", 0.05)),
                 "knowledge": {"id": "passport_child.consent", "score": 0.6}}


@pytest.mark.parametrize("said, text, entry", [
    ([], "my son is 16, does he need both parents to sign for his passport", "passport_child.age"),
    ([], "ma fille de 17 ans veut son premier passeport, ça prend quoi", "passport_child.age"),
    ([UserUttered("je veux un NAS pour ma fille de 16 ans", "sin_apply")],
     "elle veut aussi un passeport, elle peut le demander toute seule?", "passport_child.age"),
    ([], "does my 8 year old need both parents to sign", "passport_child.consent"),
    ([UserUttered("my daughter is 16 and has her SIN", "sin_apply")],
     "does my 8 year old need both parents to sign for a passport", "passport_child.consent"),
    ([], "we have lived here for 16 years, does my son need both parents to sign", "passport_child.consent"),
])
def test_a_child_of_16_or_more_gets_the_answer_that_at_16_it_is_an_adult_passport(said, text, entry):
    read = asyncio.run(in_context(CHILD_READING, text, said, parser({})))
    assert read["knowledge"]["id"] == entry


APPLIED = "how do i apply for ccb for my newborn"


def test_a_statement_after_a_topic_is_not_read_with_only_the_programs_name():
    text = "he was born in october"  # a detail, not a question: the earlier question's topic
    readings = {APPLIED: reading(("ccb_apply", 0.95)),
                f"{APPLIED} {text}": reading(("ccb_apply", 0.9), ("ccb_payment_dates", 0.05)),
                f"CCB {text}": reading(("ccb_payment_dates", 0.9), ("ccb_apply", 0.1))}
    alone = reading(("out_of_scope", 0.6), ("ccb_apply", 0.2))
    read = asyncio.run(in_context(alone, text, [UserUttered(APPLIED, "ccb_apply")], parser(readings)))
    assert read["intent"]["name"] == "ccb_apply"


ELIGIBLE = "am i eligible for EI if i worked part time"


@pytest.mark.parametrize("with_the_name, intent", [
    (reading(("ei_apply", 0.9), ("ei_eligibility", 0.1)), "ei_apply"),  # sure: it settles the doubt
    (reading(("ei_apply", 0.55), ("ei_eligibility", 0.45)), "nlu_fallback"),  # unsure: "did you mean...?"
])
def test_a_doubt_between_two_topics_of_a_program_is_settled_by_the_questions_own_words(with_the_name, intent):
    text = "and how would i do it"
    readings = {ELIGIBLE: reading(("ei_eligibility", 0.97)),
                f"{ELIGIBLE} {text}": reading(("nlu_fallback", 0.3), ("ei_eligibility", 0.28), ("ei_apply", 0.27)),
                f"EI {text}": with_the_name}
    alone = reading(("chitchat", 0.5), ("out_of_scope", 0.3))
    read = asyncio.run(in_context(alone, text, [UserUttered(ELIGIBLE, "ei_eligibility")], parser(readings)))
    assert read["intent"]["name"] == intent


@pytest.mark.parametrize("told, text", [
    ("ok i think i have enough hours", "how do i apply then"),
    ("jai assez d'heures je pense", "comment je fais ma demande"),
])
def test_eligibility_told_in_one_message_and_how_asked_in_the_next_is_how_to_apply(told, text):
    said = [UserUttered(ELIGIBLE, "ei_eligibility"), UserUttered(told, "ei_eligibility")]
    alone = {**reading(("nlu_fallback", 0.3), ("ei_eligibility", 0.28), ("passport_processing_times", 0.28))}
    readings = {f"{told} {text}": alone}
    assert asyncio.run(in_context(alone, text, said, parser(readings)))["intent"]["name"] == "ei_apply"


def test_asking_whether_one_has_the_hours_is_not_telling_it():
    said = [UserUttered(ELIGIBLE, "ei_eligibility"), UserUttered("do i have enough hours", "ei_eligibility")]
    alone = reading(("ei_eligibility", 0.9), ("ei_apply", 0.1))
    read = asyncio.run(in_context(alone, "how do i check", said, parser({})))
    assert read["intent"]["name"] == "ei_eligibility"



def test_a_question_unsure_among_our_topics_alone_is_read_with_the_earlier_questions_words():
    asked = "i want to apply for the repayment assistance plan"
    text = "how often do I have to do it"
    readings = {asked: reading(("student_loan_rap", 0.95)),
                f"{asked} {text}": reading(("student_loan_rap", 0.8), ("student_loan_repayment", 0.1)),
                f"student loan {text}": reading(("student_loan_repayment", 0.85), ("student_loan_rap", 0.1))}
    alone = reading(("nlu_fallback", 0.3), ("passport_processing_times", 0.29), ("ei_apply", 0.13))
    read = asyncio.run(in_context(alone, text, [UserUttered(asked, "student_loan_rap")], parser(readings)))
    assert read["intent"]["name"] == "student_loan_rap"


DOCUMENTS = "quels documents faut-il pour un premier passeport adulte?"


@pytest.mark.parametrize("text, alone, where", [
    ("je vas où pour le dropper? chu à Sudbury", 0.89, "passport_where_apply"),
    ("where do i go, i'm in Moncton", 0.85, "passport_where_apply"),
    ("where do i go for a good burger near there", 0.97, "out_of_scope"),
])
def test_where_to_go_after_a_topic_is_where_to_do_it_unless_surely_something_else(text, alone, where):
    readings = {DOCUMENTS: reading(("passport_apply_adult", 0.95)),
                f"{DOCUMENTS} {text}": reading(("passport_apply_adult", 0.7), ("passport_where_apply", 0.2))}
    said = [UserUttered(DOCUMENTS, "passport_apply_adult")]
    read = asyncio.run(in_context(reading(("out_of_scope", alone), ("passport_where_apply", 0.05)), text, said,
                                  parser(readings)))
    assert read["intent"]["name"] == where


@pytest.mark.parametrize("text, child", [
    ("im 16 and my little brother is 8, how does my mom apply for his passport", True),
    ("ma sœur a 12 ans, ça prend quoi pour son passeport", True),
    ("my brother is 19 and needs a passport", False),
])
def test_a_brother_or_sister_under_16_is_a_child_whatever_the_writers_age(text, child):
    assert names_a_child(text) is child
    assert not applicant_is_adult(text)
