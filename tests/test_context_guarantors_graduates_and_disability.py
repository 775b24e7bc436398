"""Without a model, the thirty-ninth session's third round: a guarantor asked while renewing, with
the last passport's year told (the renewal, when nothing told rules it out); interest asked after
school finished (a student loan's interest); "le passeport du petit" (a child's passport); a trip's
day and today's day after the express service's time, read unsurely as the fee (the urgent
service); and an employer's disability insurance after EI sickness (another service)."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry

PASSPORT_LABELS = ["passport_renewal_eligibility", "passport_renew", "passport_apply_adult", "passport_child", "out_of_scope"]


def test_a_guarantor_asked_while_renewing_with_a_recent_year_is_the_renewal():
    text = "Good afternoon. I am renewing my passport this spring. Will I need a guarantor again as I did in 2016? Thank you kindly."
    assert not phrases.renewal_ruled_out(text)
    ranking = (("passport_renewal_eligibility", 0.6), ("passport_renew", 0.3))
    assert refined_top(text, *ranking, labels=PASSPORT_LABELS) == "passport_renew"
    # issued at 14: the renewal check, which says it cannot be renewed
    young = "i got it when i was 14 in 2016, do i need a guarantor to renew it"
    assert phrases.renewal_ruled_out(young)
    assert refined_top(young, *ranking, labels=PASSPORT_LABELS) == "passport_renewal_eligibility"


def test_interest_asked_after_school_finished_is_a_student_loans_interest():
    said = [UserUttered("i graduated in december from humber", "out_of_scope")]
    off_topic = reading(("out_of_scope", 0.79), ("student_loan_repayment", 0.1))
    read = read_as(said, off_topic, "when does the interest start")
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.interest")
    # a mortgage's interest after moving is not a loan's
    moved = [UserUttered("we just bought a house in laval", "out_of_scope")]
    assert topic_and_entry(read_as(moved, off_topic, "when does the interest start"))[0] == "out_of_scope"


@pytest.mark.parametrize("text, child", [
    ("chu divorcée pis le pere veut pas signer pour le passeport du petit, je fais quoi la", True),
    ("j'ai un petit probleme avec mon passeport", False),
    ("mon passeport est trop petit?", False),
])
def test_le_petit_as_a_noun_is_a_child(text, child):
    assert phrases.names_a_child(text) == child


def test_a_trips_day_and_todays_after_the_express_services_time_is_the_urgent_service():
    said = [UserUttered("combien de temps pour le service express", "passport_urgent")]
    fee = reading(("passport_fees", 0.41), ("passport_urgent", 0.3))
    text = "j'ai un vol pour Paris le 14, on est le 2, c'est correct?"
    assert topic_and_entry(read_as(said, fee, text))[0] == "passport_urgent"
    # the price asked with it stays the fee's
    priced = "j'ai un vol pour Paris le 14, on est le 2, c'est combien?"
    assert topic_and_entry(read_as(said, fee, priced))[0] != "passport_urgent"


@pytest.mark.parametrize("text, other", [
    ("pis mon assurance invalidité longue durée de la job, c'est qui qui gère ça", True),
    ("my long term disability claim got denied, who do i call", True),
    ("assurance emploi maladie comment faire la demande", False),
])
def test_an_employers_disability_insurance_is_another_service(text, other):
    assert (phrases.other_service_named(text) is not None) == other
