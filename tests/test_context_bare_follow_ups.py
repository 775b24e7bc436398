"""Without a model, the thirty-first session's third round: bare follow-ups the conversation
explains (the time of a service we do not answer, a CCB smaller in July, the Repayment Assistance
Plan renewed), and single questions whose own words decide (a total price asked as "combien je
vais payer", where an application is at, someone asked to look at the file)."""

from __future__ import annotations


import pytest

from bot.nlu import phrases
from tests.support.readings import BotUttered, UserUttered, entry, read_after, reading


@pytest.mark.parametrize("text, ours", [
    ("how long does it take", False),
    ("how much is it", False),
    ("how much is a passport for my son", True),  # a subject of ours, named
])
def test_a_bare_question_after_a_service_we_do_not_answer_is_about_that_service(text, ours):
    said = [UserUttered("how do i apply for pr", "out_of_scope"), BotUttered("utter_out_of_scope_named")]
    got = read_after(said, reading(("passport_processing_times", 0.92), ("out_of_scope", 0.04)), text)
    assert (got["intent"]["name"] != "out_of_scope") is ours
    # after a question of ours, the same bare question is ours
    mine = [UserUttered("i want to renew my passport", "passport_renew"), BotUttered("")]
    assert read_after(mine, reading(("passport_processing_times", 0.92)), "how long does it take")["intent"]["name"] != "out_of_scope"


def test_applying_for_pr_is_immigrations_unless_one_of_ours_is_named():
    assert phrases.names_another_program("how do i apply for pr")
    assert not phrases.names_another_program("i applied for pr last year, how do i get a sin")


def test_a_ccb_smaller_in_july_is_its_yearly_change_not_a_complaint():
    said = [UserUttered("when is ccb paid", "ccb_payment_dates"), BotUttered("")]
    got = read_after(said, reading(("complaint", 0.75), ("ccb_payment_dates", 0.1)), "why was mine less this july")
    assert entry(got) == "ccb_payment_dates.july_change"
    angry = read_after(said, reading(("complaint", 0.75), ("ccb_payment_dates", 0.1)), "mine was less this july, this is ridiculous")
    assert angry["intent"]["name"] == "complaint"


def test_renewing_after_a_rap_approval_is_the_plans_renewal():
    said = [UserUttered("my rap application was approved in january", "student_loan_rap"), BotUttered("")]
    got = read_after(said, {**reading(("passport_renew", 0.82)), "knowledge": {"id": "passport_renew.early", "score": 0.7}},
                     "when do i renew it")
    assert entry(got) == "student_loan_rap.renew"
    passport = read_after(said, {**reading(("passport_renew", 0.82)), "knowledge": {"id": "passport_renew.early", "score": 0.7}},
                          "when do i renew my passport")
    assert passport["intent"]["name"] == "passport_renew"


def test_what_i_will_pay_in_all_is_a_price():
    assert phrases.asks_price("combien je vais payer au complet si je prend le 10 ans avec le ramassage urgent, je pars mardi")
    assert not phrases.asks_price("combien de temps je vais attendre")


def test_where_an_application_is_at_is_its_status():
    text = "Bonjour, la demande pour ma fille a été déposée le 3 février à Laval, comment savoir où elle en est?"
    assert phrases.asks_file_status(text)


@pytest.mark.parametrize("text", [
    "y a tu un agent qui peut regarder mon dossier",
    "is there someone who can look at my file",
])
def test_someone_to_look_at_the_file_is_an_officer(text):
    assert phrases.forced_intent(text) == "request_human"
