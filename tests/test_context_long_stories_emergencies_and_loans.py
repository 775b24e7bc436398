"""Without a model, the forty-sixth session's second round: a long story ending with its question; a
family emergency and passports wanted fast; how fast, with a trip told before (soon: the urgent
service; months away: the usual times); when the CCB is paid after shared custody; mailing an
application instead of going in; two needs of EI's, not split when a part alone loses EI; the writer's own passport damaged
by a baby; a baby's SIN for an RESP; a day camp asking for a child's SIN; the plan asked in lower
case ("rap") with EI as the income, or to stop paying while on EI; one's credit after missed loan
payments; one's own record of employment; EI for the self-employed. Not ours: a lawsuit for
wrongful dismissal, meal ideas, EI benefits on one's tax return, applying for social assistance,
making a budget, paid retraining."""

from __future__ import annotations

import asyncio

import pytest

from actions.situation import travel_window
from bot.engine.context.parts import with_second_need
from bot.nlu import phrases
from tests.support.readings import UserUttered, parser, read_after, reading, refined_top, topic_and_entry, with_entry

LABELS = ["out_of_scope", "nlu_fallback", "passport_child", "passport_apply_adult", "passport_renew", "passport_urgent",
          "passport_where_apply", "passport_processing_times", "sin_apply", "sin_protect", "ei_apply", "ei_eligibility",
          "student_loan_rap", "student_loan_repayment", "ccb_apply", "ccb_payment_dates"]

STORY = ("ok so we had our baby in january (our first!!) and the hospital gave us all these forms and i think my husband did the "
         "birth registration online and checked the boxes for the ccb and the sin, we got the sin letter already and the ccb "
         "started in march so thats done. now my mom wants us to come to portugal in august for the baptism so the baby needs "
         "a passport. what do we need for a baby passport?")


def test_a_long_story_is_read_by_the_question_that_ends_it_when_that_is_sure():
    question = "what do we need for a baby passport?"
    newborn = with_entry(reading(("passport_child", 0.95), ("passport_apply_adult", 0.03)), "passport_child.newborn")
    read = read_after([], reading(("sin_apply", 0.48), ("passport_child", 0.3)), STORY, parser({question: newborn}))
    assert topic_and_entry(read) == ("passport_child", "passport_child.newborn")
    # the question unsure alone, the story's own reading stays
    unsure = reading(("passport_child", 0.5), ("sin_apply", 0.4))
    assert read_after([], reading(("sin_apply", 0.48), ("passport_child", 0.3)), STORY, parser({question: unsure}))["intent"]["name"] == "sin_apply"


@pytest.mark.parametrize("said, expected", [
    ("je dois aller aux États-Unis dans 3 jours pour un enterrement", "passport_urgent"),
    ("we fly to cancun in 3 months", "passport_processing_times"),
])
def test_how_fast_with_a_trip_told_before_is_the_urgent_service_or_the_usual_times(said, expected):
    read = read_after([UserUttered(said, "passport_urgent")], reading(("passport_apply_adult", 0.72), ("passport_urgent", 0.2)),
                      "passport expired last year, how fast can i get a new one")
    assert read["intent"]["name"] == expected
    # how, briefly ("vite fait"), is no question of time
    renew = reading(("passport_renew", 0.8), ("passport_processing_times", 0.1))
    briefly = read_after([UserUttered(said, "passport_urgent")], renew, "je le renouvelle comment vite fait")
    assert briefly["intent"]["name"] == "passport_renew"


def test_when_the_ccb_is_paid_after_shared_custody_is_its_dates():
    said = [UserUttered("on a une garde partagée moitié moitié pour l'ACE", "ccb_apply")]
    read = read_after(said, reading(("ccb_apply", 0.64), ("ccb_payment_dates", 0.3)), "on la reçoit chacun quand? à la même date?")
    assert read["intent"]["name"] == "ccb_payment_dates"
    # how to apply stays applying
    apply = read_after(said, reading(("ccb_apply", 0.64), ("ccb_payment_dates", 0.3)), "on fait la demande quand, chacun?")
    assert apply["intent"]["name"] == "ccb_apply"


def test_a_day_camp_asking_for_a_childs_sin_need_not_have_it_and_an_employer_may():
    camp = "le camp de jour de mon fils demande son numéro d'assurance sociale dans le formulaire d'inscription, est-ce qu'ils ont le droit?"
    read = read_after([], with_entry(reading(("sin_protect", 1.0)), "sin_protect.never_share_online"), camp)
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.dont_have_to")
    boss = "my new employer is asking for my sin before my first day, is that ok?"
    read = read_after([], with_entry(reading(("sin_protect", 1.0)), "sin_protect.never_share_online"), boss)
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.who_can_ask")


def test_stopping_loan_payments_while_on_ei_is_the_plan_and_credit_after_missed_payments_is_theirs():
    loans = [UserUttered("j'ai 2 prets etudiants, un de l'ontario pis un canadien", "student_loan_repayment")]
    read = read_after(loans, reading(("ei_apply", 0.57), ("student_loan_rap", 0.2)),
                      "pour le canadien, je peux tu arreter de payer pendant que je suis au chomage")
    assert read["intent"]["name"] == "student_loan_rap"
    missed = [UserUttered("j'ai pas pu payer mon pret etudiant canadien en mars pis avril", "out_of_scope")]
    read = read_after(missed, reading(("out_of_scope", 0.97), ("student_loan_repayment", 0.01)), "ca va tu affecter mon credit? pis comment je rattrape")
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.missed_payment")


def test_the_writers_own_passport_damaged_by_a_baby_is_the_damaged_passport():
    text = "le bebe a vomi sur mon passeport pis l'encre a coulé sur la photo, il est-tu encore valide?"
    read = read_after([], with_entry(reading(("passport_photo", 0.94), ("passport_child", 0.03)), "passport_photo.baby"), text)
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.damaged")


@pytest.mark.parametrize("text, top, second, expected", [
    ("My father is dying in Punjab, the doctors say maybe two weeks. I need passports fast for me and my 2 daughters (8 and 12), "
     "mine is expired also. What do I do, please help", "passport_child", "passport_urgent", "passport_urgent"),
    ("I need passports for me and my 2 daughters (8 and 12), what do we bring", "passport_child", "passport_urgent", "passport_child"),
    ("can i just mail my passport application instead of going in? no car right now", "passport_where_apply", "passport_urgent",
     "passport_where_apply"),
    ("comment avoir un NAS pour mon bebe? la banque en a besoin pour ouvrir son REEE", "out_of_scope", "sin_apply", "sin_apply"),
    ("le camp de jour de mon fils demande son numéro d'assurance sociale dans le formulaire d'inscription, est-ce qu'ils ont le droit?",
     "sin_apply", "sin_protect", "sin_protect"),
    ("been on ei since april, can i get rap with ei as my only income", "ei_eligibility", "student_loan_rap", "student_loan_rap"),
    ("mon releve d'emploi a une erreur dans les heures, ils ont mis 380 au lieu de 720, comment le faire corriger", "out_of_scope",
     "ei_apply", "ei_apply"),
    ("so i ran a home daycare out of my house for 6 years (self employed, i claim it on my taxes) and now im pregnant with my 3rd. "
     "my friend says i can get mat leave from ei but my sister in law says no. can i get it?", "out_of_scope", "ei_eligibility",
     "ei_eligibility"),
])
def test_emergencies_mail_sins_plans_records_and_the_self_employed(text, top, second, expected):
    assert refined_top(text, (top, 0.37), (second, 0.36), labels=LABELS) == expected


def test_two_needs_of_one_program_are_not_split_when_a_part_alone_loses_it():
    text = "quand est-ce que je reçois le premier paiement? y a-tu un délai de carence?"
    whole = with_entry(reading(("ei_apply", 1.0)), "ei_apply.waiting_period")
    parse = parser({"quand est-ce que je reçois le premier paiement": with_entry(
        reading(("student_loan_repayment", 0.9)), "student_loan_repayment.when_start"),
        "y a-tu un délai de carence?": with_entry(reading(("ei_apply", 0.9)), "ei_apply.waiting_period")})
    assert asyncio.run(with_second_need(whole, text, parse)) == whole
    # two needs of the message's program are still two
    ei_first = parser({"quand est-ce que je reçois le premier paiement": with_entry(reading(("ei_apply", 0.9)), "ei_apply.first_payment"),
                       "y a-tu un délai de carence?": with_entry(reading(("ei_apply", 0.9)), "ei_apply.waiting_period")})
    split = asyncio.run(with_second_need(whole, text, ei_first))
    assert topic_and_entry(split) == ("ei_apply", "ei_apply.first_payment") and split["also"]["knowledge"]["id"] == "ei_apply.waiting_period"


@pytest.mark.parametrize("text", [
    "can i sue them for wrongful dismissal",
    "t'aurais-tu des idées de repas simples que tout le monde aime?",
    "est-ce que je dois declarer mes prestations d'ae dans mes impots l'an prochain",
    "comment faire une demande d'aide sociale au quebec, j'ai plus de chomage depuis le 1er",
    "comment faire un budget quand t'as perdu ta job pis que le chomage rentre pas encore",
    "y a tu des formations payées pour se recycler en informatique?",
])
def test_a_lawsuit_meals_taxes_social_assistance_a_budget_and_retraining_are_not_ours(text):
    assert phrases.names_another_program(text)


def test_a_course_while_on_ei_is_no_retraining_program():
    assert phrases.other_service_named("can i take a course while on ei?") is None


def test_no_trip_told_leaves_how_fast_to_the_reading():
    assert travel_window("passport expired last year, how fast can i get a new one") is None
