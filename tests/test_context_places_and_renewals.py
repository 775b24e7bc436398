"""bot/engine/context/ without a model, the twenty-sixth session's readings: a Canadian town named
in a question read off topic (read again without it); a child's passport had by someone now 16 or
more, whose renewal is asked (never renewed); a place abroad told after a first passport's
documents (applying from abroad); an unsure question in a benefit program's conversation (the
conversation's reading, when sure within that program); "how do i apply" asked bare after a benefit
program's topic (applying for it)."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

import pytest

from bot.engine.context import in_context
from bot.nlu.places import names_a_canadian_place, without_places
from tests.support.readings import BotUttered, UserUttered, parser, reading



def entry(read: Dict[str, Any]) -> str:
    return str((read.get("knowledge") or {}).get("id") or "")


STATUS = "mailed my renewal 5 weeks ago from Thunder Bay, no news at all. how do i find out whats going on"


@pytest.mark.parametrize("text, without", [  # (with the word that placed the town, since the fifty-first session)
    (STATUS, "mailed my renewal 5 weeks ago, no news at all. how do i find out whats going on"),
    ("J'reste à Caraquet, y a-tu moyen de faire mon passeport sans aller jusqu'à Moncton?",
     "J'reste, y a-tu moyen de faire mon passeport sans aller jusqu'à?"),
    ("chu à Trois-Rivières pis je veux mon passeport", "chu pis je veux mon passeport"),
    ("office in sault ste marie?", "office?"),
])
def test_the_towns_a_message_names_are_left_out(text, without):
    assert names_a_canadian_place(text)
    assert without_places(text) == without


@pytest.mark.parametrize("text", [
    "is the Hydro-Québec bill late this month",  # a company, not the town
    "im in london uk", "weather in Ontario tomorrow",  # abroad, and provinces, are not towns
    "je vis au Québec",  # a province and a city: left alone
])
def test_places_abroad_provinces_and_names_inside_words_are_not_towns(text):
    assert not names_a_canadian_place(text)
    assert without_places(text) == text


def test_a_question_read_off_topic_for_its_town_is_read_without_it():
    readings = {without_places(STATUS): reading(("passport_status", 0.89), ("out_of_scope", 0.05))}
    read = asyncio.run(in_context(reading(("out_of_scope", 0.82), ("passport_status", 0.1)), STATUS, [], parser(readings)))
    assert read["intent"]["name"] == "passport_status"
    assert read["text"] == STATUS  # the reading's text is still what the citizen wrote


@pytest.mark.parametrize("alone, without", [
    # surely off topic alone: the town is not why
    (reading(("out_of_scope", 0.95)), reading(("passport_status", 0.97))),
    # without the town, less sure of ours than it was of off topic, and still partly off topic ("quel
    # temps y va faire à Rimouski")
    (reading(("out_of_scope", 0.81), ("passport_processing_times", 0.1)),
     reading(("passport_processing_times", 0.6), ("out_of_scope", 0.3))),
    # without the town, still off topic
    (reading(("out_of_scope", 0.6)), reading(("out_of_scope", 0.7))),
])
def test_a_town_named_does_not_make_an_off_topic_question_ours(alone, without):
    readings = {without_places(STATUS): without}
    read = asyncio.run(in_context(alone, STATUS, [], parser(readings)))
    assert read["intent"]["name"] == "out_of_scope"


def test_a_town_that_was_all_of_the_off_topic_reading():
    # "renew by mail from regina ok?": 0.61 off topic, without the town 0.54 a renewal and 0.08 off topic
    text = "renew by mail from regina ok?"
    readings = {without_places(text): reading(("passport_renew", 0.54), ("out_of_scope", 0.08))}
    read = asyncio.run(in_context(reading(("out_of_scope", 0.61), ("passport_renew", 0.08)), text, [], parser(readings)))
    assert read["intent"]["name"] == "passport_renew"


def test_a_service_we_do_not_answer_named_with_a_town_stays_off_topic():
    text = "how long does it take to renew my health card in Red Deer"
    readings = {without_places(text): reading(("passport_processing_times", 0.9))}
    read = asyncio.run(in_context(reading(("out_of_scope", 0.7)), text, [], parser(readings)))
    assert read["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("said, text", [
    ("", "my son got his passport when he was 15, it was a 5 year one. hes 19 now and it ran out. can he renew it"),
    ("mon fils a 17 ans et son passeport d'enfant expire bientôt", "il peut le renouveler en ligne?"),
])
def test_a_childs_passport_had_by_someone_now_16_or_more_is_never_renewed(said, text):
    events = [UserUttered(said, "passport_child")] if said else []
    read = asyncio.run(in_context(reading(("passport_renew", 0.98)), text, events, parser({})))
    assert read["intent"]["name"] == "passport_renew"
    assert entry(read) == "passport_renew.issued_under_16"


@pytest.mark.parametrize("text", ["my son is 12, can i renew his passport", "my daughter is 17, can she renew her passport"])
def test_a_child_now_or_no_child_passport_told_is_not_the_issued_before_16_answer(text):
    read = asyncio.run(in_context(reading(("passport_renew", 0.98)), text, [], parser({})))
    assert entry(read) != "passport_renew.issued_under_16"


FIRST = "what do i need for my first passport"


def test_a_place_abroad_told_of_oneself_after_a_first_passports_documents_is_applying_from_abroad():
    text = "what if im in australia tho"
    readings = {f"{FIRST} {text}": reading(("passport_apply_adult", 0.84))}
    read = asyncio.run(in_context(reading(("ei_eligibility", 0.35)), text, [UserUttered(FIRST, "passport_apply_adult")],
                                  parser(readings)))
    assert read["intent"]["name"] == "passport_where_apply"
    assert entry(read) == "passport_where_apply.abroad"


def test_someone_else_abroad_after_a_childs_passport_stays_the_childs():
    said, text = "what do i need for my daughter's passport, she's 6", "what if her dad lives in another country"
    readings = {f"{said} {text}": reading(("passport_child", 0.97))}
    read = asyncio.run(in_context(reading(("passport_child", 0.6)), text, [UserUttered(said, "passport_child")],
                                  parser(readings)))
    assert read["intent"]["name"] == "passport_child"


LOAN = "je rembourse mon pret etudiant canadien depuis 1 an"
MORE = "je peux faire des paiements plus gros que prévu?"


def test_an_unsure_question_in_a_benefit_programs_conversation_takes_its_sure_reading_there():
    unsure = {**reading(("nlu_fallback", 0.3), ("student_loan_rap", 0.24), ("out_of_scope", 0.21))}
    readings = {LOAN: reading(("student_loan_repayment", 0.95)),
                f"{LOAN} {MORE}": reading(("student_loan_repayment", 0.94), ("student_loan_rap", 0.04))}
    read = asyncio.run(in_context(unsure, MORE, [UserUttered(LOAN, "student_loan_repayment")], parser(readings)))
    assert read["intent"]["name"] == "student_loan_repayment"
    assert read["read_with"] == LOAN


def test_an_unsure_question_in_a_passport_conversation_still_asks_which():
    said, text = "I applied for my passport 3 weeks ago", "is there a way to see where it is at now or not"
    unsure = reading(("nlu_fallback", 0.3), ("passport_processing_times", 0.25), ("out_of_scope", 0.2))
    readings = {said: reading(("passport_status", 0.9)),
                f"{said} {text}": reading(("passport_processing_times", 0.8), ("passport_status", 0.1))}
    read = asyncio.run(in_context(unsure, text, [UserUttered(said, "passport_status")], parser(readings)))
    assert read["intent"]["name"] == "nlu_fallback"


@pytest.mark.parametrize("said, topic, applying", [
    ("lost my job at the plant, they closed the whole line", "ei_eligibility", "ei_apply"),
    ("when is the next ccb payment", "ccb_payment_dates", "ccb_apply"),
    ("do my kids need a SIN", "sin_apply", "sin_apply"),
])
def test_how_to_apply_asked_bare_after_a_programs_topic_is_applying_for_it(said, topic, applying):
    read = asyncio.run(in_context(reading(("out_of_scope", 0.53), ("ei_apply", 0.3)), "how do i apply",
                                  [UserUttered(said, topic)], parser({})))
    assert read["intent"]["name"] == applying
    assert read["read_with"] == said


@pytest.mark.parametrize("said, topic, text, alone", [
    ("how much is a passport", "passport_fees", "how do i apply", reading(("out_of_scope", 0.53))),  # not a benefit program
    ("lost my job at the plant", "ei_eligibility", "how do i apply for OHIP", reading(("out_of_scope", 0.7))),  # a subject named
    ("lost my job at the plant", "ei_eligibility", "how do i apply", reading(("out_of_scope", 0.95))),  # surely off topic
])
def test_how_to_apply_with_its_own_subject_or_after_a_passport_is_not_read_in_the_program(said, topic, text, alone):
    read = asyncio.run(in_context(alone, text, [UserUttered(said, topic)], parser({})))
    assert read["intent"]["name"] not in {"ei_apply", "ccb_apply", "sin_apply"}


def test_which_form_after_the_renewal_check_said_no_is_applying_for_a_new_passport():
    said, text = "can i renew my passport if i got it when i was 15", "ok so which form do i use then"
    alone = reading(("passport_apply_adult", 0.54), ("passport_where_apply", 0.2), ("affirm", 0.04))
    refused = [UserUttered(said, "passport_renewal_eligibility"), BotUttered("utter_renewal_not_eligible")]
    read = asyncio.run(in_context(alone, text, refused, parser({})))
    assert read["intent"]["name"] == "passport_apply_adult"
    assert read["knowledge"]["id"] == "passport_apply_adult.overview"
    # the check not refused: the renewal's form
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "passport_renewal_eligibility")], parser({})))
    assert read["intent"]["name"] == "passport_renew"


@pytest.mark.parametrize("said, text", [
    ("mon passeport a été émis en 2014 quand j'avais 22 ans", "je peux-tu juste le renouveler?"),
    ("my passport was issued in 2016 when i was 30", "can i just renew it?"),
])
def test_whether_it_can_be_renewed_after_its_issue_was_told_is_the_renewal_check(said, text):
    alone = reading(("passport_renew", 0.94), ("passport_renewal_eligibility", 0.06))
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "passport_renewal_eligibility")], parser({})))
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    assert read["read_with"] == said
    # how, asked after it: renewing
    how = asyncio.run(in_context(alone, "je peux le renouveler en ligne?", [UserUttered(said, "passport_renewal_eligibility")], parser({})))
    assert how["intent"]["name"] == "passport_renew"
    # nothing the check asks told before: renewing, as read
    read = asyncio.run(in_context(alone, text, [UserUttered("hi", "greet")], parser({})))
    assert read["intent"]["name"] == "passport_renew"


def test_what_the_status_page_says_told_first_is_a_delay():
    text = "Ma demande de renouvellement en ligne indique « en traitement » depuis trois semaines. Y a-t-il un problème?"
    alone = reading(("passport_processing_times", 0.835), ("passport_renew", 0.08), ("passport_status", 0.02))
    read = asyncio.run(in_context(alone, text, [], parser({})))
    assert read["intent"]["name"] == "passport_status"
    assert read["knowledge"]["id"] == "passport_status.delayed"
    asked = "my application has been in process for 3 weeks, how long does it usually take"
    assert asyncio.run(in_context(alone, asked, [], parser({})))["intent"]["name"] == "passport_processing_times"


@pytest.mark.parametrize("text", ["what if im in the UK", "ok pis si je suis au japon pour un an"])
def test_a_place_abroad_after_how_long_a_passport_takes_is_the_time_from_abroad(text):
    alone = reading(("nlu_fallback", 0.3), ("passport_status", 0.21), ("out_of_scope", 0.15))
    said = "how long does a passport take if i mail it"
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "passport_processing_times")], parser({})))
    assert read["intent"]["name"] == "passport_processing_times"
    assert read["knowledge"]["id"] == "passport_processing_times.abroad"
    # a place abroad that is not where the writer is: as read
    hotels = asyncio.run(in_context(reading(("out_of_scope", 0.98)), "ok thx. any good hotels in lisbon near the old town?",
                                    [UserUttered(said, "passport_processing_times")], parser({})))
    assert hotels["intent"]["name"] == "out_of_scope"


def test_an_issue_year_told_after_renewing_and_read_unsurely_as_the_status_is_the_renewal_check():
    said, text = "je veux renouveler mon passeport", "il a été émis en 2009 est ce que ça marche encore"
    alone = reading(("passport_status", 0.31), ("passport_renewal_eligibility", 0.21), ("passport_renew", 0.2))
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "passport_renew")], parser({})))
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    # the same words with no renewal asked before stay as read
    read = asyncio.run(in_context(alone, text, [UserUttered("how long does it take", "passport_processing_times")], parser({})))
    assert read["intent"]["name"] != "passport_renewal_eligibility"


@pytest.mark.parametrize("said, text", [
    ("comment avoir un NAS", "je suis étudiant étranger à Montréal"),
    ("how do i get a sin", "im an international student in toronto"),
])
def test_a_status_in_canada_told_after_getting_a_sin_is_a_newcomers_sin(said, text):
    alone = reading(("out_of_scope", 0.66), ("student_loan_repayment", 0.26), ("passport_where_apply", 0.06))
    read = asyncio.run(in_context(alone, text, [UserUttered(said, "sin_apply")], parser({})))
    assert read["intent"]["name"] == "sin_apply"
    assert read["knowledge"]["id"] == "sin_apply.newcomers"


def test_a_statement_naming_a_town_is_not_read_again_without_it():
    from bot.engine.context.topic_rules import without_its_towns

    told = reading(("out_of_scope", 0.66), ("student_loan_repayment", 0.26))

    async def loans(text: str) -> Dict[str, Any]:
        return reading(("student_loan_repayment", 0.92))

    assert asyncio.run(without_its_towns(told, "je suis étudiant étranger à Montréal", loans)) == told
    asked = asyncio.run(without_its_towns(told, "mailed my renewal 5 weeks ago from Thunder Bay, how do i find out whats going on", loans))
    assert asked["intent"]["name"] == "student_loan_repayment"


@pytest.mark.parametrize("said, topic, entry", [
    ("my son is 12 and needs a passport", "passport_child", "passport_child.validity"),
    ("i need a passport for my trip", "passport_apply_adult", "passport_apply_adult.validity"),
])
def test_how_long_it_is_good_for_after_a_passport_question_is_its_validity(said, topic, entry):
    alone = reading(("passport_processing_times", 0.94), ("ei_eligibility", 0.02))
    read = asyncio.run(in_context(alone, "how long will it be good for", [UserUttered(said, topic)], parser({})))
    assert read["intent"]["name"] == topic
    assert read["knowledge"]["id"] == entry
    # how long it takes stays the processing time
    took = asyncio.run(in_context(alone, "how long will it take", [UserUttered(said, topic)], parser({})))
    assert took["intent"]["name"] == "passport_processing_times"


def test_a_validity_told_with_whether_it_still_counts_is_the_renewal_check():
    text = "my old one was only a 5 year passport, does that still count for renewing?"
    read = asyncio.run(in_context(reading(("passport_renew", 0.85), ("passport_renewal_eligibility", 0.1)), text, [], parser({})))
    assert read["intent"]["name"] == "passport_renewal_eligibility"
