"""Without a model, the thirty-ninth session's fifth round: taking CPP early while on EI, the hours
a study permit allows, and withdrawing from an RRSP (other services), while a bank asking for the
SIN to open a TFSA, "c normal?", stays the SIN's; how long, asked from abroad, read as where to apply (the time);
how long after the express service's fee (that service's time); "do I have time" with a trip
months away (the usual times, not the renewal check); how long a period of the Repayment
Assistance Plan lasts; and a weekend asked of the CCB's payment day."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry


@pytest.mark.parametrize("text, other", [
    ("and can i take my cpp early while im on ei", True),
    ("pis je peux travailler combien d'heures par semaine avec mon permis?", True),
    ("can i take money from my rrsp while on ei", True),
    ("will my ei go down because of my cpp pension", False),
])
def test_pensions_permits_hours_and_savings_named_as_such_are_another_programs(text, other):
    assert phrases.names_another_program(text) == other


def test_a_bank_asking_for_the_sin_for_a_tfsa_is_whether_it_may():
    assert phrases.forced_intent("ma banque me demande mon NAS pour ouvrir un CELI c normal?") == "sin_protect"
    assert phrases.forced_intent("c'est quoi le plafond du CELI cette annee") == "out_of_scope"


def test_how_long_from_abroad_read_as_where_to_apply_is_the_time():
    text = "j'habite au Mexique, si je fais ma demande au consulat à Guadalajara ça prend combien de temps avoir mon passeport canadien"
    labels = ["passport_where_apply", "passport_processing_times", "out_of_scope"]
    assert refined_top(text, ("passport_where_apply", 0.53), ("passport_processing_times", 0.3), labels=labels) == "passport_processing_times"
    where = "j'habite au Mexique, ça prend combien de temps pis je fais ma demande où?"
    assert refined_top(where, ("passport_where_apply", 0.53), ("passport_processing_times", 0.3), labels=labels) == "passport_where_apply"


def test_how_long_after_the_express_services_fee_is_that_services_time():
    said = [UserUttered("c'est quoi les frais pour le service express", "passport_fees")]
    times = reading(("passport_processing_times", 0.53), ("passport_urgent", 0.3))
    assert topic_and_entry(read_as(said, times, "ça prend combien de jours celui-là"))[0] == "passport_urgent"
    regular = [UserUttered("c'est quoi les frais pour un passeport de 10 ans", "passport_fees")]
    assert topic_and_entry(read_as(regular, times, "ça prend combien de jours celui-là"))[0] != "passport_urgent"


def test_do_i_have_time_with_a_trip_months_away_is_the_usual_times():
    assert phrases.asks_if_in_time("mon passeport est expiré depuis 2 ans, j'ai-tu le temps d'en avoir un?")
    said = [UserUttered("je dois aller en Italie le 10 mai", "out_of_scope")]
    unsure = reading(("nlu_fallback", 0.32), ("passport_renew", 0.3), ("passport_apply_adult", 0.28))
    text = "mon passeport est expiré depuis 2 ans, j'ai-tu le temps d'en avoir un?"
    read = read_as(said, unsure, text)
    assert topic_and_entry(read) == ("passport_processing_times", "passport_processing_times.before_trip")
    # nothing told of when: not the time before a trip
    assert topic_and_entry(read_as([], unsure, text))[1] != "passport_processing_times.before_trip"


def test_how_long_after_the_repayment_assistance_plan_is_a_period_of_it():
    said = [UserUttered("j'ai droit au PAR pour mon prêt étudiant?", "student_loan_rap")]
    complaint = reading(("complaint", 0.7), ("student_loan_rap", 0.1))
    read = read_as(said, complaint, "pis une fois accepté ça dure combien de temps")
    assert topic_and_entry(read) == ("student_loan_rap", "student_loan_rap.renew")
    # a person asked for stays one
    assert topic_and_entry(read_as(said, complaint, "je veux parler a un agent, ca dure combien de temps"))[0] != "student_loan_rap"


def test_a_weekend_asked_of_the_ccbs_day_is_the_dates():
    said = [UserUttered("le paiement de l'ACE c'est le 20?", "ccb_payment_dates")]
    off_topic = reading(("out_of_scope", 0.87), ("ccb_payment_dates", 0.05))
    assert topic_and_entry(read_as(said, off_topic, "et si c'est un dimanche?")) == ("ccb_payment_dates", "ccb_payment_dates.dates_2026")
    passport = [UserUttered("le bureau des passeports ouvre a quelle heure", "passport_where_apply")]
    assert topic_and_entry(read_as(passport, off_topic, "et si c'est un dimanche?"))[0] != "ccb_payment_dates"
