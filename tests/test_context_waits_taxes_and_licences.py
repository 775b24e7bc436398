"""Without a model, the fortieth session's third round: an application sent in a month named, long
before the today a message tells, is waited past the standard (its status); the CCB
not had for months, told angrily, is the missing payment (not a complaint's handoff); taxes asked
after applying for the CCB, read as a passport's application, are the CCB's; "ou est-ce que je
renouvelle mon permis de conduire?" is the province's; and two ways to ask for a person in French
("me faire rappeler par un agent", "avoir quelqu'un qui m'aide")."""

from __future__ import annotations

from datetime import date

import pytest

from actions.situation import waited_business_days
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize("text, waited", [
    ("j'ai posté ma demande de passeport le 3 mars. on est rendu le 20 avril, c normal?", 34),  # to the today told
    ("i sent it in march. today is april 20", 13),  # from March's end to the today told
    # no today told: a month named is not counted (this year's or last?)
    ("applied back in march still waiting and my trip is in 3 weeks, where is it", None),
    ("i applied on march 3rd, normally when should i get it", None),
    ("i will apply in march, how long does it take", None),  # not sent yet
    ("it may take time, i applied may i ask", None),  # "may" is not a month here
    ("applied 6 weeks ago", 30),
])
def test_an_application_sent_in_a_month_named_counts_business_days_since(text, waited):
    assert waited_business_days(text, TODAY) == waited


def test_an_application_sent_long_before_the_today_told_is_its_status():
    text = "j'ai posté ma demande le 3 mars, on est rendu le 20 avril, c normal que je l'aie pas encore?"
    labels = ["passport_processing_times", "passport_status", "passport_urgent", "out_of_scope"]
    assert refined_top(text, ("passport_processing_times", 0.53), ("passport_status", 0.37), labels=labels) == "passport_status"
    usual = "i applied on march 3rd, normally when should i get it"
    assert refined_top(usual, ("passport_processing_times", 0.53), ("passport_status", 0.37), labels=labels) == "passport_processing_times"


def test_the_ccb_not_had_for_months_told_angrily_is_the_missing_payment():
    text = "havent gotten my ccb for 2 months now whats going on this is ridiculous"
    assert phrases.payment_not_arrived(text)
    labels = ["complaint", "ccb_payment_dates", "request_human", "out_of_scope"]
    assert refined_top(text, ("complaint", 0.57), ("ccb_payment_dates", 0.39), labels=labels) == "ccb_payment_dates"
    # a person asked for too: the complaint stays
    asked = "havent gotten my ccb for 2 months, this is ridiculous, i want to talk to a manager"
    assert refined_top(asked, ("complaint", 0.57), ("ccb_payment_dates", 0.39), labels=labels) != "ccb_payment_dates"


def test_taxes_asked_after_applying_for_the_ccb_read_as_a_passport_are_the_ccbs():
    said = [UserUttered("how do i apply for ccb", "ccb_apply")]
    passport = reading(("passport_apply_adult", 0.76), ("sin_apply", 0.1))
    read = read_as(said, passport, "do i have to do my taxes first? never filed since we came in 2024")
    assert topic_and_entry(read) == ("ccb_apply", "ccb_apply.file_taxes")
    # a passport named stays the passport's
    named = read_as(said, passport, "do i have to do my taxes before my passport application?")
    assert topic_and_entry(named)[0] == "passport_apply_adult"


@pytest.mark.parametrize("text, other", [
    ("en passant, ou est-ce que je renouvelle mon permis de conduire?", True),
    ("comment je renouvelle mon passeport", False),
])
def test_renewing_a_drivers_licence_is_the_provinces(text, other):
    assert (phrases.other_service_named(text) is not None) == other


@pytest.mark.parametrize("text, person", [
    ("pouvez vous me faire rappeler par un agent des passeports", True),
    ("ca marche pas, je peux-tu avoir quelqu'un qui m'aide en direct?", True),
    ("je veux le faire moi-même sans avoir quelqu'un qui m'aide", False),
])
def test_a_call_back_or_live_help_asked_in_french_is_a_person(text, person):
    assert phrases.asks_for_person(text) == person
