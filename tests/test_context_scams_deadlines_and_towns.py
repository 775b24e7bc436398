"""Without a model, the forty-fifth session's second round: a "suspended" SIN; a renewal's guarantor
asked of the renewal check; taxes not filed and the CCB; a fee situation with the kids' passports
counted; how early one may renew; an application mailed, its fee cashed and nothing since; a
grown child now 24; the writer's own weak English, written in English; today's date told after a
trip's; whether it is enough time; a consent letter for a nephew; and, after a topic, losing a new
SIN, EI's deadline after a layoff, the plan with a family's size, paying a loan through a bank,
a price read as a complaint, no job found when payments start, and a Canadian town that pulled
the knowledge selector abroad. Not ours: an Indian status card, a military pension, a profile
photo, a salary by the hour, traffic, a visa for the United States."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from actions.situation import fee_situation, travel_window
from bot.engine.context.parts import without_a_towns_pull_abroad
from bot.language import requested_language
from bot.nlu import phrases
from tests.support.readings import UserUttered, parser, read_as, reading, refined_top, topic_and_entry, with_entry

LABELS = ["out_of_scope", "nlu_fallback", "sin_apply", "sin_protect", "passport_renew", "passport_renewal_eligibility",
          "passport_child", "passport_fees", "passport_fee_calculator", "ccb_apply", "ccb_payment_dates"]


@pytest.mark.parametrize("text, top, second, expected", [
    ("got a call saying my SIN is suspended because of crimes in texas and to press 1 to speak to an officer. is this real???",
     "sin_apply", "sin_protect", "sin_protect"),
    ("mon NAS est bloqué? j'ai reçu un texto", "out_of_scope", "sin_protect", "sin_protect"),
    ("my sin card is expired?", "sin_apply", "sin_protect", "sin_apply"),  # nothing suspended
    ("for the renewal est-ce que j'ai encore besoin d'un garant ou c'est fini ca", "passport_renewal_eligibility", "passport_renew",
     "passport_renew"),
    ("j'ai pas fait mes impôts 2024 ni 2025, est-ce que ça bloque mon allocation pour enfants", "ccb_payment_dates", "ccb_apply",
     "ccb_apply"),
    ("mon allocation est pas rentrée ce mois-ci", "ccb_payment_dates", "ccb_apply", "ccb_payment_dates"),
    ("2 passeports pour les kids pis le mien 5 ans, total?", "passport_fees", "passport_child", "passport_fees"),
])
def test_scams_guarantors_taxes_and_fees(text, top, second, expected):
    ranking = refined_top(text, (top, 0.52), (second, 0.45), labels=LABELS)
    assert ranking == expected


def test_a_fee_read_surely_keeps_its_ranking_for_the_selector():
    from bot.nlu.classifier import refine

    text = "2 passeports pour les kids pis le mien 5 ans, total?"
    ranking = refine(text, [{"name": "passport_fees", "confidence": 0.52}, {"name": "passport_child", "confidence": 0.45}], LABELS)
    assert ranking[0] == {"name": "passport_fees", "confidence": 1.0}  # the selector cannot move to the child's


@pytest.mark.parametrize("text, adults, children", [
    ("2 passeports pour les kids pis le mien 5 ans, total?", 1, 2),
    ("3 passports for my kids, how much", 0, 3),
])
def test_the_kids_passports_are_counted(text, adults, children):
    situation = fee_situation(text)
    assert situation is not None and (situation.adults, situation.children) == (adults, children)


@pytest.mark.parametrize("text, expected", [
    ("mon passeport expire le 30 juin 2026, je peux faire le renouvellement combien de temps d'avance?", "passport_renew"),
    ("how early can i renew my passport, it expires in august", "passport_renew"),
    ("My son's passport was issued in June 2017 when he was 15; he is now 24. Can he use the adult renewal form?",
     "passport_renewal_eligibility"),
])
def test_how_early_and_a_grown_child(text, expected):
    assert phrases.asks_whether_renewable(text) == expected


@pytest.mark.parametrize("text, awaited", [
    ("mailed my application feb 3, cheque was cashed feb 19 and nothing since. is that normal", True),
    ("mailed my application feb 3, how long does it take", False),
])
def test_an_application_mailed_its_fee_cashed_and_nothing_since(text, awaited):
    assert phrases.fee_taken_passport_awaited(text) == awaited


@pytest.mark.parametrize("text, language", [
    ("we came from ukraine with 2 kids, how do we apply for ccb, my english not so good", None),
    ("my english is not good", "fr"),
    ("my french is not so good, how do i apply for ei online please", "en"),
])
def test_the_writers_own_weak_language_written_in_it_keeps_it(text, language):
    assert requested_language(text) == language


@pytest.mark.parametrize("text, window", [
    ("we fly to cancun april 20, its march 3 today. is that enough time if i mail it in", "later"),
    ("flying april 20 its april 12 today", "soon"),
    ("on part le 20 avril, c'est le 3 mars aujourd'hui", "later"),
])
def test_todays_date_told_after_the_trips(text, window):
    assert travel_window(text, today=date(2026, 12, 4)) == window


def test_enough_time_asked_and_a_nephews_consent_letter():
    assert phrases.asks_if_in_time("we fly to cancun april 20, its march 3 today. is that enough time if i mail it in")
    assert phrases.asks_consent_letter_for_a_trip(
        "taking my nephew to minneapolis for a hockey tournament in march, his mom isnt coming. what kind of letter do we need")


@pytest.mark.parametrize("said, read, text, expected", [
    ([UserUttered("comment j'obtiens un NAS", "sin_apply")], with_entry(reading(("sin_apply", 0.99)), "sin_apply.overview"),
     "et si je le perds, je fais quoi?", ("sin_protect", "sin_protect.lost_card")),
    ([UserUttered("j'ai été mis a pied de l'usine a Port-Cartier vendredi passé", "ei_apply")],
     with_entry(reading(("passport_processing_times", 0.86)), "passport_processing_times.in_person"),
     "j'ai combien de temps pour faire ma demande", ("ei_apply", "ei_apply.deadline")),
    ([UserUttered("whats the RAP income threshold for a single person", "student_loan_rap")],
     with_entry(reading(("student_loan_repayment", 0.85)), "student_loan_repayment.overview"),
     "and with 2 kids?", ("student_loan_rap", "student_loan_rap.eligibility")),
    ([UserUttered("c'est quoi le prix d'un passeport 5 ans", "passport_fees")], reading(("complaint", 0.35)),
     "ok pis si je le veux en urgence ça fait combien en tout", ("passport_fees", "passport_fees.overview")),
    ([UserUttered("quand je dois commencer a payer mon pret etudiant canadien", "student_loan_repayment")],
     with_entry(reading(("ei_eligibility", 0.94)), "ei_eligibility.students"), "pis si je me trouve pas de job d'ici la?",
     ("student_loan_rap", "student_loan_rap.overview")),
    ([UserUttered("how much is urgent passport service", "passport_fees")],
     with_entry(reading(("passport_apply_adult", 0.6)), "passport_apply_adult.documents"),
     "and what do i need to bring as proof", ("passport_urgent", "passport_urgent.proof_of_travel")),
])
def test_follow_ups_of_the_second_round(said, read, text, expected):
    assert topic_and_entry(read_as(said, read, text)) == expected


def test_paying_a_loan_through_a_bank_after_a_loan_is_repaying_it():
    said = [UserUttered("je rembourse mon pret etudiant canadien", "student_loan_repayment")]
    read = reading(("out_of_scope", 1.0))
    assert topic_and_entry(read_as(said, read, "je peux payer par virement chez Desjardins?")) == (
        "student_loan_repayment", "student_loan_repayment.nslsc_account")
    # after EI, nothing to pay: the bank's
    said = [UserUttered("je reçois l'assurance emploi depuis janvier", "ei_apply")]
    assert topic_and_entry(read_as(said, read, "je peux payer par virement chez Desjardins?"))[0] == "out_of_scope"


@pytest.mark.parametrize("text, alone, expected", [
    ("never had a passport, im 41 and live in kelowna. if i mail the application where does it go",
     with_entry(reading(("passport_apply_adult", 0.53)), "passport_apply_adult.overview"), "passport_where_apply.overview"),
    ("im in kelowna, where do i send my renewal by mail",
     with_entry(reading(("passport_where_apply", 0.9)), "passport_where_apply.by_mail"), "passport_where_apply.by_mail"),
    # abroad said: the abroad entry stays
    ("im from kelowna but i live in paris now, where do i apply", reading(("out_of_scope", 0.4)),
     "passport_where_apply.abroad"),
])
def test_a_canadian_town_that_pulled_the_selector_abroad(text, alone, expected):
    read = with_entry(reading(("passport_where_apply", 0.61)), "passport_where_apply.abroad")
    parse = parser({phrases_without_places(text): alone})
    assert topic_and_entry(asyncio.run(without_a_towns_pull_abroad(read, text, "", parse)))[1] == expected


def phrases_without_places(text: str) -> str:
    from bot.nlu.places import without_places

    return without_places(text)


@pytest.mark.parametrize("text, other", [
    ("ok thanks. my status card is expired too, how do i renew that one", True),
    ("and where do i change my address for my military pension", True),
    ("pour ma photo de profil LinkedIn, fond blanc ou gris c'est mieux?", True),
    ("si je gagne 52 000 $ par année ça fait combien de l'heure à 37,5 h semaine", True),
    ("tu sais-tu s'il y a du trafic sur la 15 à matin", True),
    ("faut tu un visa pour les États-Unis ou juste le passeport?", True),
    ("hi im from pond inlet never had a passport before, can i use my status card as my id", False),  # shown as ID
    ("mes enfants ont leur statut d'Indien, ça change-tu quelque chose pour l'allocation", False),
    ("what is my application status", False),
    ("combien d'heures je dois avoir travaillé pour le chômage", False),
])
def test_what_is_not_ours(text, other):
    assert (phrases.other_service_named(text) is not None) == other


def test_quebecs_parental_plan_asked_how_much_it_pays_is_not_eis_amount():
    said = [UserUttered("j'ai été mis à pied chez Bombardier", "ei_apply")]
    read = reading(("out_of_scope", 0.7))
    assert topic_and_entry(read_as(said, read, "pis ça paie combien par semaine?"))[0] == "ei_eligibility"
    assert topic_and_entry(read_as(said, read, "et le RQAP ça paie combien"))[0] == "out_of_scope"
