"""Without a model, the thirty-sixth session's second round: one's own photo taken with a phone
(the passport photos' topic, and the answer that it may not be); what a renewal's passport is,
told after the renewal was asked and read as a complaint (the renewal check); no job when a
student loan's payments start (the Repayment Assistance Plan); one's credit after missed loan
payments (what missed payments do); and another country's passport (its embassy's, not ours)."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, read_after, read_as, reading, refined_top, topic_and_entry


PHOTO_LABELS = ["passport_photo", "sin_apply", "out_of_scope"]
OWN_PHOTO = "est ce que je peux prendre ma photo moi même avec mon cell pis l'imprimer"


@pytest.mark.parametrize("pairs, topic", [
    ((("out_of_scope", 0.51), ("passport_photo", 0.48)), "passport_photo"),
    # the photos not among the two likeliest readings: nothing says a passport's
    ((("out_of_scope", 0.51), ("sin_apply", 0.3), ("passport_photo", 0.1)), "out_of_scope"),
])
def test_ones_own_photo_taken_with_a_phone_read_unsurely_is_the_photos(pairs, topic):
    assert refined_top(OWN_PHOTO, *pairs, labels=PHOTO_LABELS) == topic


@pytest.mark.parametrize("text, answer", [
    (OWN_PHOTO, "passport_photo.home_photo"),
    ("can i take the pics myself with my phone and print them", "passport_photo.home_photo"),
    # for the online renewal, the digital photo's own answer
    ("can i take my photo myself for the online renewal", "passport_photo.digital_online"),
])
def test_ones_own_photo_is_answered_by_whether_it_may_be(text, answer):
    digital = {**reading(("passport_photo", 1.0)), "knowledge": {"id": "passport_photo.digital_online", "score": 0.6}}
    assert entry(read_after([], digital, text)) == answer


def test_what_a_renewals_passport_is_told_read_as_a_complaint_is_the_renewal_check():
    told = "il a été émis en 2017 pis il est pas abimé, meme nom"
    events = [UserUttered("est ce que je peux renouveler mon passeport", "passport_renew")]
    read = read_as(events, reading(("complaint", 0.51), ("sin_apply", 0.31)), told)
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    # after no renewal, a complaint read stays one
    events = [UserUttered("mon ACE a ete coupée", "ccb_payment_dates")]
    read = read_as(events, reading(("complaint", 0.51), ("sin_apply", 0.31)), told)
    assert read["intent"]["name"] == "complaint"


@pytest.mark.parametrize("text, plan", [
    ("and if i dont have a job by then?", True),
    ("pis si j'ai toujours pas de job d'ici là?", True),
    ("and if i start a job by then?", False),
])
def test_no_job_when_a_loans_payments_start_is_the_repayment_assistance_plan(text, plan):
    events = [UserUttered("when do i start repaying my student loan, i graduated in april", "student_loan_repayment")]
    read = read_as(events, reading(("student_loan_repayment", 0.99), ("ei_eligibility", 0.01)), text)
    assert (read["intent"]["name"] == "student_loan_rap") is plan


def test_ones_credit_after_missed_loan_payments_is_what_missed_payments_do():
    events = [UserUttered("i pay my student loan through nslsc", "student_loan_repayment"),
              UserUttered("missed 2 payments bc i lost my job", "ei_apply")]
    read = read_as(events, reading(("out_of_scope", 0.87), ("sin_protect", 0.09)), "will this wreck my credit")
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.missed_payment")
    # with nothing missed, a credit question after the loan is another's (a bank's)
    events = [UserUttered("i pay my student loan through nslsc", "student_loan_repayment")]
    read = read_as(events, reading(("out_of_scope", 0.87), ("sin_protect", 0.09)), "how do i raise my credit score")
    assert read["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text, other", [
    ("my son was born in seattle, can i get his US passport through service canada", True),
    ("comment renouveler mon passeport americain a montreal", True),
    # a Canadian passport beside another country's stays ours
    ("i have a us passport, do i need a canadian passport to fly home?", False),
])
def test_another_countrys_passport_is_its_embassys(text, other):
    assert (phrases.other_service_named(text) is not None) is other
