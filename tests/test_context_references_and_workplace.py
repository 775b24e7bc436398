"""Without a model, the thirty-fifth session's third round: an EI benefit named in English and
read off topic (EI's); "we come to canada from syria" (a newcomer); a CCB that went down "because
of my taxes" (why payments stop or change); a workplace health and dental plan, a health card to
replace and how long permanent residence takes (other services); references asked of a renewal
(the renewal's answer: no guarantor, two references); "si chu rendu en australie" after a
renewal (renewing from abroad); and the fourth round's readings (below)."""

from __future__ import annotations

import pytest

from actions.situation import lives_abroad
from bot.engine.context import named_program_over_off_topic
from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, read_as, reading, refined_top


@pytest.mark.parametrize("text, topic", [
    ("when should i apply for maternity benefits? due date is june 12 and my last day at work is may 29, i live in winnipeg", "ei_apply"),
    # English that names no benefit stays off topic at the same weight
    ("when should i tell my boss i'm pregnant? due date is june 12, i live in winnipeg", "out_of_scope"),
])
def test_an_ei_benefit_named_in_english_read_off_topic_is_eis(text, topic):
    off = reading(("out_of_scope", 0.6), ("ei_apply", 0.27), ("sin_apply", 0.05))
    assert named_program_over_off_topic(off, text)["intent"]["name"] == topic


def test_we_come_to_canada_is_a_newcomer():
    text = "we come to canada from syria 2 month ago with 3 kids. how we get the child money"
    read = read_as([], reading(("nlu_fallback", 0.3), ("ccb_apply", 0.29), ("ccb_payment_dates", 0.26)), text)
    assert (read["intent"]["name"], entry(read)) == ("ccb_apply", "ccb_apply.newcomers")


@pytest.mark.parametrize("text, topic", [
    ("is it because of my taxes? when does the amount change", "ccb_payment_dates"),
    # a question of another kind after it stays off topic
    ("is it because of the weather?", "out_of_scope"),
])
def test_a_ccb_gone_down_because_of_taxes_is_why_payments_change(text, topic):
    events = [UserUttered("my ccb went down", "ccb_payment_dates")]
    read = read_as(events, reading(("out_of_scope", 0.85), ("ccb_payment_dates", 0.08)), text)
    assert read["intent"]["name"] == topic
    if topic == "ccb_payment_dates":
        assert entry(read) == "ccb_payment_dates.payment_stopped"


@pytest.mark.parametrize("text, other", [
    ("and what about my health and dental from work, does it keep going while im on it?", True),
    ("mes assurances collectives continuent-tu pendant le chômage?", True),
    ("pis ma carte d'assurance maladie était dedans aussi, je la remplace comment", True),
    ("résidence permanente, combien de temps ça prend", True),
    # ours
    ("i'm a permanent resident, how long does a sin take", False),
    ("how do i apply for ei sickness benefits, my doctor says 6 weeks off work", False),
])
def test_workplace_benefits_a_health_card_and_permanent_residence_are_other_services(text, other):
    assert (phrases.other_service_named(text) is not None) is other


RENEW_LABELS = ["passport_photo", "passport_renew", "passport_apply_adult", "passport_renewal_eligibility"]


@pytest.mark.parametrize("text, topic", [
    ("est ce que je dois mettre des références pour renouveler mon passeport ou juste les photos", "passport_renew"),
    ("do i need a guarantor to renew my passport", "passport_renew"),
    # whether the references sign the photos is the photo's
    ("do my references have to sign the photos for a renewal", "passport_photo"),
])
def test_references_asked_of_a_renewal_are_the_renewals(text, topic):
    assert refined_top(text, ("passport_photo", 0.52), ("passport_renew", 0.46), labels=RENEW_LABELS) == topic


@pytest.mark.parametrize("text, abroad", [
    ("pis si chu rendu en australie pour mon PVT?", True),
    ("si je suis rendue au Japon l'an prochain", True),
    ("chu rendu à Montréal", False),
])
def test_there_by_then_in_another_country_is_abroad(text, abroad):
    assert lives_abroad(text) is abroad


# The fourth round: six weeks by mail read unsurely as the status (its status); a program asked for
# after a loan too dear, read as repaying (the RAP); whether the office received the form sent (its
# status); a new SIN card's price after it was lost (no card is issued); airsickness (other).

STATUS_LABELS = ["passport_status", "passport_processing_times", "passport_urgent"]


def test_six_weeks_by_mail_read_unsurely_as_the_status_is_the_status():
    text = "ca fait 6 semaines que j'ai envoyé ma demande par la poste pis rien, c normal?"
    assert refined_top(text, ("passport_status", 0.5), ("passport_processing_times", 0.46), labels=STATUS_LABELS) == "passport_status"
    from bot.nlu.classifier import refine
    ranking = [{"name": "passport_status", "confidence": 0.5}, {"name": "passport_processing_times", "confidence": 0.46}]
    assert refine(text, ranking, STATUS_LABELS)[0]["confidence"] == 1.0


@pytest.mark.parametrize("before, topic", [
    ("mon pret etudiant me coute trop cher par mois, je suis serveuse a temps partiel", "student_loan_rap"),
    # no loan said: a program asked for is nothing of the loans'
    ("je suis serveuse a temps partiel", "student_loan_repayment"),
])
def test_a_program_asked_for_after_a_loan_too_dear_is_the_rap(before, topic):
    events = [UserUttered(before, "nlu_fallback")]
    read = read_as(events, reading(("student_loan_repayment", 0.69), ("student_loan_rap", 0.2)), "y a tu un programme pour ça? comment je m'inscris")
    assert read["intent"]["name"] == topic


@pytest.mark.parametrize("text, topic", [
    ("comment je sais s'ils l'ont recu?", "passport_status"),
    ("how do i know if they got it", "passport_status"),
    # the renewal's steps asked again stay the renewal's
    ("comment je fais pour le renouveler?", "passport_renew"),
])
def test_whether_the_form_sent_was_received_is_its_status(text, topic):
    events = [UserUttered("j'ai envoyé mon formulaire de renouvellement le 3 mars", "passport_renew")]
    read = read_as(events, reading(("passport_renew", 0.81), ("passport_status", 0.08)), text)
    assert read["intent"]["name"] == topic


@pytest.mark.parametrize("before, want", [
    ("j'ai perdu ma carte NAS", "sin_protect.lost_card"),
    # no card spoken of: getting a number is free
    ("comment avoir un NAS", "sin_apply"),
])
def test_a_new_sin_cards_price_after_losing_it_is_the_lost_cards_answer(before, want):
    events = [UserUttered(before, "sin_protect" if "carte" in before else "sin_apply")]
    read = read_as(events, reading(("sin_apply", 0.98), ("sin_protect", 0.01)), "pis ça coute combien pour en avoir une nouvelle?")
    assert want in {read["intent"]["name"], entry(read)}


@pytest.mark.parametrize("text, other", [
    ("des trucs pour pas avoir le mal de l'air en avion?", True),
    ("any tips for jet lag after a long flight", True),
    ("my flight is in 3 days and my passport expired", False),
])
def test_travel_health_advice_is_another_service(text, other):
    assert (phrases.other_service_named(text) is not None) is other
