"""Without a model, the forty-second session's second round: an issue year told as a follow-up
after a renewal; a child's guarantor; a passport late against the day it was due; the simplified
renewal asked after the passport's situation; the proof asked after the urgent service; a SIN given
away while "confirming" it; whether a mailed application arrived; a trip's day followed by "et";
a time in months that is no child's age; a language asked for a roommate; and money changed into
another currency, which is not ours."""

from __future__ import annotations

import pytest

from actions.situation import travel_window
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, topic_and_entry, with_entry


def test_an_issue_year_told_as_a_follow_up_after_a_renewal_is_the_renewal_check():
    said = [UserUttered("how do i renew", "passport_renew"), UserUttered("do i need a guarantor", "passport_renew")]
    status = with_entry(reading(("passport_status", 0.86), ("passport_renew", 0.1)), "passport_status.phone")
    read = read_as(said, status, "what about if my passport is from 2009")
    assert topic_and_entry(read)[0] == "passport_renewal_eligibility"
    # with no renewal before, the reading stays
    assert topic_and_entry(read_as([], status, "what about if my passport is from 2009"))[0] == "passport_status"


@pytest.mark.parametrize("text, child", [
    ("qui peut etre repondant pour le passeport de mon garcon de 7 ans? notre voisin ca marche?", True),
    ("who can be the guarantor for my 4 year old's passport", True),
    ("who can be my guarantor", False),
])
def test_a_guarantor_asked_for_a_childs_passport_is_the_childs_guarantor(text, child):
    adult = with_entry(reading(("passport_apply_adult", 0.55), ("passport_child", 0.3)), "passport_apply_adult.guarantor")
    read = read_as([], adult, text)
    expected = ("passport_child", "passport_child.guarantor") if child else ("passport_apply_adult", "passport_apply_adult.guarantor")
    assert topic_and_entry(read) == expected


@pytest.mark.parametrize("text, late", [
    ("mon passeport devait arriver la semaine passée, je pars le 14, c normal ce retard la?", True),
    ("my passport was supposed to come last week, is that normal", True),
    ("my EI payment was supposed to come last week", False),  # no passport named
])
def test_a_passport_late_against_the_day_it_was_due_is_the_late_applications_status(text, late):
    times = with_entry(reading(("passport_processing_times", 1.0)), "passport_processing_times.overview")
    read = read_as([], times, text)
    assert (topic_and_entry(read) == ("passport_status", "passport_status.delayed")) == late


def test_the_simplified_renewal_asked_after_the_passports_situation_is_the_renewal_check():
    said = [UserUttered("mon passeport expire dans 2 mois", "passport_renew"),
            UserUttered("il a été émis quand j'avais 22 ans, je suis né au canada", "passport_renew")]
    where = with_entry(reading(("passport_where_apply", 0.37), ("passport_apply_adult", 0.1)), "passport_where_apply.overview")
    read = read_as(said, where, "donc je peux faire le formulaire simplifié?")
    assert topic_and_entry(read)[0] == "passport_renewal_eligibility"
    # a passport had as a child is no situation for the simplified renewal's check here
    young = [UserUttered("il a été émis quand j'avais 12 ans", "passport_renew")]
    assert topic_and_entry(read_as(young, where, "donc je peux faire le formulaire simplifié?"))[0] != "passport_renewal_eligibility"


@pytest.mark.parametrize("text, proof", [
    ("ca prend quoi comme preuve", True),
    ("what kind of proof do they want", True),
    ("what proof of citizenship do i need", False),  # the application's own proof
])
def test_the_proof_asked_after_the_urgent_service_is_the_proof_of_travel(text, proof):
    said = [UserUttered("mon passeport est expiré et je pars le 14", "passport_urgent")]
    adult = with_entry(reading(("passport_apply_adult", 0.6), ("passport_urgent", 0.2)), "passport_apply_adult.guarantor")
    read = read_as(said, adult, text)
    assert (topic_and_entry(read) == ("passport_urgent", "passport_urgent.proof_of_travel")) == proof


def test_a_sin_given_away_while_confirming_it_is_not_the_proof_of_ones_number():
    said = [UserUttered("j'ai eu un appel d'un soi disant agent de service canada pour mon NAS", "sin_protect")]
    apply = with_entry(reading(("sin_apply", 0.6), ("sin_protect", 0.3)), "sin_apply.overview")
    given = read_as(said, apply, "ils m'ont demandé de confirmer mon numero pis je l'ai donné, je fais quoi la")
    assert topic_and_entry(given)[0] == "sin_protect"
    proof = read_as(said, apply, "comment je peux prouver mon numero a ma job")
    assert topic_and_entry(proof) == ("sin_apply", "sin_apply.card_or_letter")


def test_whether_a_mailed_application_arrived_is_its_status():
    said = [UserUttered("jai envoye ma demande de passeport par la poste le mois passé", "passport_apply_adult")]
    help_ = reading(("help", 0.23), ("passport_status", 0.2))
    read = read_as(said, help_, "comment je sais si elle est arrivée")
    assert topic_and_entry(read)[0] == "passport_status"


@pytest.mark.parametrize("text, window", [
    ("je pars a Cuba le 14 et mon passeport est expiré", "soon"),
    ("je pars le 14, mon passeport est expiré", "soon"),
    ("j'ai 14 et 16 ans", None),  # no "le" before the day
])
def test_a_trips_day_followed_by_and_is_its_date(text, window):
    from datetime import date

    assert travel_window(text, today=date(2026, 12, 4)) == window


@pytest.mark.parametrize("text, child", [
    ("mon passeport expire dans 2 mois", False),
    ("it expires in 3 months", False),
    ("ça fait 2 mois que j'attends", False),
    ("mon bébé de 3 mois", True),
    ("my 8 month old", True),
])
def test_a_time_in_months_is_no_childs_age(text, child):
    assert phrases.names_a_child(text) == child


@pytest.mark.parametrize("text, asked", [
    ("repond en anglais c pour ma coloc qui vient de toronto", True),
    ("in french please its for my roommate", True),
    ("repond en anglais c pour ma coloc, elle a perdu son passeport", False),  # a question of its own
])
def test_a_language_asked_for_a_roommate_is_a_language_request(text, asked):
    assert phrases.asks_for_language(text) == asked


@pytest.mark.parametrize("text, other", [
    ("combien ça fait 200 dollars en euros", True),
    ("c'est quoi le taux de change aujourd'hui", True),
    ("how much is a canadian passport in euros if i apply in paris", False),  # a passport's fee: ours
])
def test_money_changed_into_another_currency_is_not_ours(text, other):
    assert (phrases.other_service_named(text) is not None) == other


def test_the_first_ei_payments_answer_tells_the_unpaid_waiting_week_in_both_languages():
    from bot.knowledge import cached_knowledge

    entry = cached_knowledge().entries["ei_apply.first_payment"]
    assert "ei_eligibility" in entry.also_answers  # the writers' brief puts the waiting period under who can get EI
    assert "waiting week" in entry.text("en").answer and "semaine de carence" in entry.text("fr").answer
