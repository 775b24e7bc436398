"""Without a model, the thirty-ninth session's fourth round: where passport photos are taken, asked
with a store, however surely off topic (the photos); a lawyer or suing an employer after EI, and
declaring EI on one's taxes (other services); "lol ok another one" after a joke (still off topic);
a polite letter asking how to renew, moved by the knowledge selector to where to apply (the
renewal); the application sent tomorrow for a date months away (not the urgent service); a lost
passport with a trip a month away (the loss's answer); and a tracking number for the passport
mailed (its status)."""

from __future__ import annotations

from datetime import date

import pytest

from actions import situation
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry

PHOTO_LABELS = ["out_of_scope", "passport_photo", "passport_where_apply"]


def test_where_passport_photos_are_taken_with_a_store_is_the_photos_however_surely_off_topic():
    text = "where can i get passport photos in ottawa, does costco do them?"
    assert refined_top(text, ("out_of_scope", 0.92), ("passport_photo", 0.06), labels=PHOTO_LABELS) == "passport_photo"
    # a store's price for them stays the store's
    priced = "how much are passport photos at costco, where is the cheapest"
    assert refined_top(priced, ("out_of_scope", 0.92), ("passport_photo", 0.06), labels=PHOTO_LABELS) == "out_of_scope"


@pytest.mark.parametrize("text, other", [
    ("can i just sue my employer instead, know any good employment lawyers in edmonton", True),
    ("pis les impots sur le chomage je les declare comment", True),
    ("how do i report my ei on my tax return", True),
    ("le chômage est tu imposable", False),  # whether it is taxable is EI's own answer
    ("can a lawyer be my guarantor", False),  # a lawyer as a guarantor is the passport's
    ("who can be my guarantor?? i dont know any lawyers or doctors", False),
])
def test_lawyers_and_declaring_ei_on_ones_taxes_are_other_services(text, other):
    assert (phrases.other_service_named(text) is not None) == other


def test_another_one_after_a_joke_stays_off_topic():
    said = [UserUttered("tell me a joke", "chitchat")]
    unsure = reading(("nlu_fallback", 0.2), ("chitchat", 0.18), ("out_of_scope", 0.15))
    assert topic_and_entry(read_as(said, unsure, "lol ok another one"))[0] == "out_of_scope"
    passport = [UserUttered("how do i renew my passport", "passport_renew")]
    assert topic_and_entry(read_as(passport, unsure, "lol ok another one"))[0] != "out_of_scope"


def test_a_polite_letter_asking_how_to_renew_is_the_renewal():
    text = ("Bonjour Madame, Monsieur, je souhaiterais renouveler mon passeport qui arrive à échéance en novembre "
            "prochain. Pourriez-vous m'indiquer la marche à suivre? Je vous remercie.")
    moved = reading(("passport_where_apply", 0.47), ("passport_renew", 0.34))
    assert topic_and_entry(read_as([], moved, text))[0] == "passport_renew"
    # where asked stays where
    where = "je souhaiterais renouveler mon passeport, où dois-je aller?"
    assert topic_and_entry(read_as([], moved, where))[0] == "passport_where_apply"


def test_sent_tomorrow_for_a_date_months_away_is_the_time():
    text = "si j'envoie ma demande demain matin je vais tu l'avoir avant le 15 juin?"
    assert situation.travel_window(text, date(2026, 12, 3)) == "later"
    # a trip tomorrow after a loss is still tomorrow
    assert situation.travel_window("passeport perdu je pars demain", date(2026, 12, 3)) == "soon"
    times = reading(("passport_processing_times", 0.64), ("ei_apply", 0.14))
    assert topic_and_entry(read_as([], times, text))[0] == "passport_processing_times"


def test_a_lost_passport_with_a_trip_a_month_away_is_the_losss_answer():
    urgent = reading(("passport_lost_stolen", 0.6), ("passport_urgent", 0.3))
    text = "passeport perdu pis je pars dans un mois pour la guadeloupe, je peux en ravoir un nouveau a temps?"
    assert topic_and_entry(read_as([], urgent, text))[0] == "passport_lost_stolen"
    soon = "passeport perdu pis je pars dans 4 jours pour la guadeloupe, je peux en ravoir un nouveau a temps?"
    assert topic_and_entry(read_as([], urgent, soon))[0] == "passport_urgent"


@pytest.mark.parametrize("text, status", [
    ("est ce qu'il y a un numero de suivi quand ils postent le passeport?", True),
    ("do i get a tracking number when they mail my passport", True),
    ("how long does it take by mail", False),
])
def test_a_tracking_number_for_the_passport_mailed_is_its_status(text, status):
    assert phrases.asks_status(text) == status
