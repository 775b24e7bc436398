"""Without a model, the thirty-ninth session's first round: "pis demain?" after the weather, read as
a question which topic (still off topic); living in the United States after renewing online
(renewing from there); "where can i get them done" after the photo's rules (where photos are
taken); a town told alone after where to apply (where); becoming a citizen and a province's own
child benefit (other services); a month named alone for a trip, and "this week" said of applying
(not the trip's date); the passport not applied for yet with a trip in days (the urgent service);
"voir où c'est rendu" after a passport application (its status); money until the next job after
a layoff (applying for EI); born at a hospital after applying for the CCB (the birth's
registration); and an unsure reading between two topics of one program that one answer settles."""

from __future__ import annotations

from datetime import date

import pytest

from actions import situation
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, topic_and_entry


@pytest.mark.parametrize("text, topic", [("pis demain?", "out_of_scope"), ("pis mon passeport?", "nlu_fallback")])
def test_and_tomorrow_read_unsurely_after_the_weather_stays_off_topic(text, topic):
    said = [UserUttered("quelle température à montréal aujourd'hui", "out_of_scope")]
    unsure = reading(("nlu_fallback", 0.26), ("out_of_scope", 0.25), ("passport_status", 0.2))
    assert topic_and_entry(read_as(said, unsure, text))[0] == topic


def test_living_in_the_united_states_after_renewing_online_is_renewing_from_there():
    assert situation.lives_outside_canada("what if i live in the states")
    assert situation.lives_outside_canada("pis si on reste en floride")
    assert not situation.lives_outside_canada("what if im flying to the states")
    said = [UserUttered("how do i renew my passport online", "passport_renew")]
    status = reading(("passport_status", 0.79), ("passport_renew", 0.1))
    assert topic_and_entry(read_as(said, status, "what if i live in the states")) == ("passport_renew", "passport_renew.abroad")
    # someone else living there is not the writer renewing from there
    assert topic_and_entry(read_as(said, status, "what if my brother lives in the states"))[1] != "passport_renew.abroad"


def test_where_to_get_them_done_after_the_photos_rules_is_where_photos_are_taken():
    said = [UserUttered("what are the passport photo rules", "passport_photo")]
    off_topic = reading(("out_of_scope", 0.86), ("passport_photo", 0.05))
    read = read_as(said, off_topic, "where can i get them done near me? im in ottawa")
    assert topic_and_entry(read) == ("passport_photo", "passport_photo.where")


def test_a_town_told_alone_after_where_to_apply_is_where():
    said = [UserUttered("ou faire ma demande de passeport", "passport_where_apply")]
    off_topic = reading(("out_of_scope", 0.8), ("passport_where_apply", 0.1))
    read = read_as(said, off_topic, "jhabite a rimouski")
    assert topic_and_entry(read) == ("passport_where_apply", "passport_where_apply.overview")
    # a question of its own after the town is not the town told
    assert topic_and_entry(read_as(said, off_topic, "jhabite a rimouski, quelle meteo demain?"))[0] == "out_of_scope"


@pytest.mark.parametrize("text, other", [
    ("ah pis ma femme est pas encore citoyenne, elle fait comment pour le devenir", True),
    ("how does my husband become a citizen", True),
    ("i just became a citizen, what now", False),
    ("does ontario have its own child benefit on top of the federal one", True),
    ("le quebec a-tu sa propre allocation pour les enfants?", True),
    ("how do i apply for the canada child benefit in ontario", False),
])
def test_becoming_a_citizen_and_a_provinces_own_child_benefit_are_other_services(text, other):
    assert (phrases.other_service_named(text) is not None) == other


@pytest.mark.parametrize("text, window", [
    ("si j'applique cette semaine pis qu'on part en croisiere en octobre, j'ai tu le temps de l'avoir", "later"),
    ("we leave in march, is that enough time", "later"),
    ("je pars en decembre", None),  # this month: the day is not known
    ("i sent it in april and still havent heard a thing", None),  # a month, but not a trip's
    ("if i apply this week will it come before my trip next week", "soon"),
    ("i fly this week", "soon"),
])
def test_a_month_named_alone_is_the_trips_and_applying_this_week_is_not(text, window):
    assert situation.travel_window(text, date(2026, 12, 3)) == window


def test_no_application_yet_after_a_trip_in_days_is_the_urgent_service():
    assert phrases.says_no_passport_yet("and i havent even applied for the passport yet, is it too late")
    assert phrases.says_no_passport_yet("j'ai meme pas encore fait ma demande de passeport")
    said = [UserUttered("i have a trip to japan in 6 days", "passport_urgent")]
    late = reading(("passport_status", 0.81), ("passport_urgent", 0.1))
    text = "and i havent even applied for the passport yet, is it too late"
    assert topic_and_entry(read_as(said, late, text))[0] == "passport_urgent"
    far = [UserUttered("i have a trip to japan next summer", "passport_processing_times")]
    assert topic_and_entry(read_as(far, late, text))[0] != "passport_urgent"


def test_where_it_is_at_after_a_passport_application_is_its_status():
    said = [UserUttered("j'ai envoyé ma demande de passeport il y a 5 semaines", "passport_status")]
    unsure = reading(("nlu_fallback", 0.33), ("out_of_scope", 0.2), ("sin_apply", 0.15))
    assert topic_and_entry(read_as(said, unsure, "comment je peux voir ou c'est rendu"))[0] == "passport_status"
    sin = [UserUttered("j'ai fait ma demande de nas hier", "sin_apply")]
    assert topic_and_entry(read_as(sin, unsure, "comment je peux voir ou c'est rendu"))[0] != "passport_status"


def test_money_until_the_next_job_after_a_layoff_is_applying_for_ei():
    said = [UserUttered("jai ete mis a pied la semaine passee, l'usine ferme", "ei_apply")]
    unsure = reading(("nlu_fallback", 0.3), ("out_of_scope", 0.28), ("ei_apply", 0.17))
    text = "je fais quoi maintenant pour avoir de l'argent en attendant une autre job"
    assert topic_and_entry(read_as(said, unsure, text)) == ("ei_apply", "ei_apply.overview")
    loan = [UserUttered("quand je commence a rembourser mon pret etudiant", "student_loan_repayment")]
    assert topic_and_entry(read_as(loan, unsure, text))[0] != "ei_apply"


def test_born_at_a_hospital_after_applying_for_the_ccb_is_the_births_registration():
    said = [UserUttered("how do i apply for ccb for my baby girl", "ccb_apply")]
    off_topic = reading(("out_of_scope", 0.79), ("ccb_apply", 0.07))
    text = "what if she was born in a hospital in ottawa, did they already do it for us?"
    assert topic_and_entry(read_as(said, off_topic, text)) == ("ccb_apply", "ccb_apply.birth_registration")
    dates = [UserUttered("when is the ccb paid", "ccb_payment_dates")]
    assert topic_and_entry(read_as(dates, off_topic, text))[0] != "ccb_apply"


def _unsure_within_ei(entry: str) -> dict:
    read = reading(("nlu_fallback", 0.3), ("ei_apply", 0.51), ("ei_eligibility", 0.48))
    return {**read, "knowledge": {"id": entry, "score": 0.86, "by_intent": {"ei_apply": {"id": entry, "score": 0.86}}}}


def test_an_unsure_reading_within_one_program_that_one_answer_settles_is_that_answer():
    text = "je peux tu avoir l'assurance emploi maladie? pour combien de semaines"
    assert topic_and_entry(read_as([], _unsure_within_ei("ei_apply.sickness"), text)) == ("ei_apply", "ei_apply.sickness")
    # an answer that settles only its own topic leaves the doubt to a question which topic
    assert topic_and_entry(read_as([], _unsure_within_ei("ei_apply.overview"), text))[0] == "nlu_fallback"
