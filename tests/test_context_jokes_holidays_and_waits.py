"""Without a model, the forty-second session's first round: a trip within days after a renewal; a
spouse who came on a visitor visa after getting a SIN; the processing time told as passed; a joke
asked while waiting; a raise told as the cause of a smaller CCB; "je vais recevoir combien?" after
a layoff; travelling while waiting for a lost passport's replacement; and a holiday's date and a
pharmacy nearby, which are not ours."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import BotAction, UserUttered, read_as, reading, topic_and_entry, with_entry


@pytest.mark.parametrize("topic, urgent", [
    ("passport_renew", True),
    ("passport_child", True),
    ("passport_processing_times", True),
    ("sin_apply", False),  # no passport being got
])
def test_a_trip_within_days_after_a_passport_being_got_is_the_urgent_service(topic, urgent):
    said = [UserUttered("my passport expires next month", topic)]
    off = reading(("out_of_scope", 0.93), ("passport_urgent", 0.04))
    read = read_as(said, off, "im flying to kingston jamaica in 6 days")
    assert (topic_and_entry(read)[0] == "passport_urgent") == urgent
    # a day named with no trip told is no trip: "is there a notary open sunday near me"
    notary = read_as([UserUttered("do both parents have to sign for a child passport", topic)], off, "is there a notary open sunday near me")
    assert topic_and_entry(notary)[0] != "passport_urgent" or topic == "passport_processing_times"


@pytest.mark.parametrize("text, newcomer", [
    ("and my wife? she came on a visitor visa", True),
    ("et mon chum? il est arrivé avec un visa de visiteur", True),
    ("and my wife? she wants a visitor visa for her mom", False),  # the visa's service
])
def test_a_spouse_who_came_on_a_visitor_visa_after_getting_a_sin_is_who_may_get_one(text, newcomer):
    said = [UserUttered("how do i get a sin", "sin_apply")]
    off = reading(("out_of_scope", 0.998), ("sin_apply", 0.001))
    read = read_as(said, off, text)
    assert (topic_and_entry(read) == ("sin_apply", "sin_apply.newcomers")) == newcomer


@pytest.mark.parametrize("text, late", [
    ("its been way past the normal processing time and still no passport, how do i find out whats going on", True),
    ("le délai est dépassé pis j'ai toujours rien, je fais quoi", True),
    ("it's taking longer than the posted processing time, what do i do", True),
    ("what is the normal processing time for a passport", False),
])
def test_the_processing_time_told_as_passed_is_a_late_application(text, late):
    times = with_entry(reading(("passport_processing_times", 1.0)), "passport_processing_times.overview")
    read = read_as([], times, text)
    expected = ("passport_status", "passport_status.delayed") if late else ("passport_processing_times", "passport_processing_times.overview")
    assert topic_and_entry(read) == expected


@pytest.mark.parametrize("text, off_topic", [
    ("tell me a joke im bored waiting at the service canada office", True),
    ("raconte moi une blague, ça fait 2h que j'attends au bureau", True),
    ("this is a joke, 3 hours waiting at service canada", False),  # a complaint
    ("tell me a joke or get me a real person", False),  # a person asked for
])
def test_a_joke_asked_while_waiting_is_off_topic_not_a_complaint(text, off_topic):
    complaint = reading(("complaint", 0.89), ("out_of_scope", 0.05))
    read = read_as([], complaint, text)
    assert (topic_and_entry(read)[0] == "out_of_scope") == off_topic


def test_a_raise_told_as_the_cause_of_a_smaller_ccb_is_the_july_recalculation():
    said = [UserUttered("mon allocation pour enfants a baissé ce mois ci", "ccb_payment_dates")]
    off = reading(("out_of_scope", 0.78), ("ccb_payment_dates", 0.1))
    read = read_as(said, off, "c'est pcq mon chum a eu une augmentation l'an passé?")
    assert topic_and_entry(read) == ("ccb_payment_dates", "ccb_payment_dates.july_change")
    # told without asking if it is the cause, it stays what it reads
    plain = read_as(said, off, "mon chum a eu une augmentation")
    assert topic_and_entry(plain)[0] == "out_of_scope"


@pytest.mark.parametrize("text", ["je vais recevoir combien?", "so i'll get how much"])
def test_how_much_one_will_receive_after_a_layoff_is_the_ei_amount(text):
    said = [UserUttered("j'ai été mise a pied le 14 février, je gagnais 900$ par semaine", "ei_apply")]
    ccb = with_entry(reading(("ccb_payment_dates", 0.34), ("ei_eligibility", 0.28)), "ccb_payment_dates.how_much")
    read = read_as(said, ccb, text)
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.benefit_amount")


@pytest.mark.parametrize("text, lost", [
    ("est ce que je peux aller aux états-unis en attendant le nouveau", True),
    ("can i still travel to the states while i wait for the new one", True),
    ("en attendant, je peux-tu renouveler mon permis de conduire?", False),  # no trip asked
])
def test_travelling_while_waiting_for_a_lost_passports_replacement_is_the_losss_answer(text, lost):
    said = [UserUttered("j'ai perdu mon passeport", "passport_lost_stolen"), BotAction("utter_ask_travel_soon")]
    unsure = with_entry(reading(("nlu_fallback", 0.3), ("passport_where_apply", 0.25)), "passport_where_apply.from_us")
    read = read_as(said, unsure, text)
    assert (topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.overview")) == lost


@pytest.mark.parametrize("text, other", [
    ("c'est quand le prochain long weekend", True),
    ("when is the next stat holiday", True),
    ("is the passport office open on the long weekend", False),
    ("y a tu une bonne pharmacie près de varadero", True),
    ("is there a pharmacy near me that does passport photos", False),  # a store's passport photos: ours
])
def test_a_holidays_date_and_a_pharmacy_nearby_are_not_ours(text, other):
    assert (phrases.other_service_named(text) is not None) == other
