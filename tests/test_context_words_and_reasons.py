"""Without a model, the thirty-first session's fifth round: a word's translation and a thing's
nationality are no language requests, and someone who will read the reply is a reason for one; a
loss feared is no loss; the weather, a tax deduction and a licence exchanged are not ours; the
conversation explains taxes after a CCB stopped, signing up after the plan, payments asked after
shared custody, how to apply after EI's hours, and a job application asking for the SIN; a
passport's where, the renewal's form and the plan named beside interest are read from the words."""

from __future__ import annotations

import pytest

from bot.language import asks_a_translation, detect
from bot.nlu import phrases
from tests.support.readings import BotUttered, UserUttered, entry, read_after, reading
from tests.support.readings import refined_top as top


@pytest.mark.parametrize("text", ["comment on dit « mise à pied » en anglais?", "how do you say layoff in french"])
def test_a_words_translation_is_no_language_request(text):
    assert asks_a_translation(text)
    found = detect(text)
    assert found is None or found.strength != "explicit"
    assert top(text, ("choose_language", 0.57), ("out_of_scope", 0.3), labels=["choose_language", "out_of_scope"]) == "out_of_scope"


def test_a_things_nationality_is_no_language_request():
    found = detect("pis pour échanger mon permis de conduire français?")
    assert found is None or found.strength != "explicit"
    assert phrases.names_another_program("pis pour échanger mon permis de conduire français?")


@pytest.mark.parametrize("text", [
    "peux-tu me répondre en anglais, je veux le montrer à ma belle-mère de Winnipeg",
    "en anglais svp, c'est ma femme qui va lire ça",
])
def test_someone_who_will_read_the_reply_is_a_reason_for_a_language(text):
    assert phrases.asks_for_language(text)


def test_a_loss_feared_is_no_loss():
    assert phrases.says_not_lost("je renouvelle mon passeport, est-ce que je dois envoyer l'ancien? j'ai peur de le perdre")
    assert not phrases.says_not_lost("j'ai perdu mon passeport")


@pytest.mark.parametrize("text", [
    "y va-tu faire beau à Percé en fin de semaine?",
    "est-ce que je peux déduire les intérêts dans mes impôts?",
])
def test_the_weather_and_a_tax_deduction_are_not_ours(text):
    assert phrases.other_service_named(text) is not None


def test_taxes_not_filed_asked_as_why_a_ccb_stopped_is_why_payments_stop():
    said = [UserUttered("my ccb stopped in may", "ccb_payment_dates"), BotUttered("")]
    got = read_after(said, reading(("out_of_scope", 0.9)), "is it because i didnt do my taxes? how do i get it back")
    assert entry(got) == "ccb_payment_dates.payment_stopped"
    applying = [UserUttered("how do i apply for ccb", "ccb_apply"), BotUttered("")]
    assert entry(read_after(applying, reading(("out_of_scope", 0.9)), "my husband never files taxes, is that a problem")) == (
        "ccb_apply.file_taxes")


def test_signing_up_after_the_plan_read_surely_off_topic_is_applying_for_it():
    said = [UserUttered("y a tu un programme pour ca", "student_loan_rap"), BotUttered("")]
    assert entry(read_after(said, reading(("out_of_scope", 0.94)), "comment je minscris a ca?")) == "student_loan_rap.how_apply"


def test_payments_asked_after_shared_custody_are_the_ccbs():
    said = [UserUttered("we share custody of our kids week on week off, how does ccb work", "ccb_apply"), BotUttered("")]
    got = read_after(said, reading(("out_of_scope", 0.92)), "so when would each of us get paid")
    assert got["intent"]["name"] == "ccb_payment_dates"


def test_how_to_apply_after_eis_hours_is_applying():
    said = [UserUttered("how many hours do i need for ei", "ei_eligibility"), BotUttered("")]
    read = {**reading(("ei_eligibility", 0.86)), "knowledge": {"id": "ei_eligibility.hours_needed", "score": 0.8}}
    assert read_after(said, read, "ok i have about 800 hours, how do i apply")["intent"]["name"] == "ei_apply"
    assert read_after(said, read, "ok i have about 800 hours, is that enough")["intent"]["name"] == "ei_eligibility"


def test_a_job_application_asking_for_the_sin_is_who_may_ask():
    said = [UserUttered("how do i get a sin", "sin_apply"), BotUttered("")]
    got = read_after(said, reading(("sin_apply", 0.94)), "and if someone asks for it on a job application before i even get hired?")
    assert entry(got) == "sin_protect.who_can_ask"


def test_where_to_go_for_a_passport_the_renewals_form_and_the_plan_named_with_interest():
    assert top("à Winnipeg c'est où qu'on va pour faire le passeport? je parle surtout français",
               ("out_of_scope", 0.29), ("passport_apply_adult", 0.17),
               labels=["out_of_scope", "passport_apply_adult", "passport_where_apply"]) == "passport_where_apply"
    assert top("which form is it for adult simplified renewal", ("passport_renewal_eligibility", 0.61), ("passport_renew", 0.36),
               labels=["passport_renewal_eligibility", "passport_renew"]) == "passport_renew"
    assert top("can i use the simplified renewal, which form", ("passport_renewal_eligibility", 0.61),
               labels=["passport_renewal_eligibility", "passport_renew"]) == "passport_renew"
    text = "si je suis accepté au programme d'aide au remboursement, est-ce que les intérêts continuent de s'accumuler?"
    assert top(text, ("student_loan_rap", 0.52), ("student_loan_repayment", 0.47),
               labels=["student_loan_rap", "student_loan_repayment"]) == "student_loan_rap"


@pytest.mark.parametrize("text", [
    "Mon passeport expire en août. Je peux le renouveler par la poste ou je dois absolument me présenter?",  # "ou": or
    "does costco do passport photos or where do i go",  # the photos' where
])
def test_or_and_the_photos_where_are_not_where_to_apply(text):
    assert top(text, ("out_of_scope", 0.5), ("passport_renew", 0.3), ("passport_photo", 0.1),
               labels=["out_of_scope", "passport_renew", "passport_photo", "passport_where_apply"]) != "passport_where_apply"
