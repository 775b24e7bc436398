"""Without a model, the thirty-first session's fourth round: today's date told with its month is
the day counted from, not a trip today; no passport yet with a trip in days is the urgent
service; a renewal whose told facts all allow it, with what to do asked, is how to renew; a
photo studio named after the photo's size is where photos are taken; the first EI payment asked
after applying; a loan's "is there a program for that" and "how do I sign up" are the Repayment
Assistance Plan's; an application handed in at an office, its time asked, is a passport's; a
permit picked up is IRCC's even beside a SIN; a new loan for grad school is not repaying."""

from __future__ import annotations

from datetime import date

import pytest

from actions.situation import travel_window
from bot.nlu import phrases
from bot.nlu.classifier import refine
from tests.support.readings import BotUttered, UserUttered, entry, read_after, reading


DECEMBER = date(2026, 12, 2)


@pytest.mark.parametrize("text, window", [
    ("flying to cancun march 30, today is feb 10, if i mail my application will it be back in time", "later"),
    ("today is feb 10, i fly feb 15", "soon"),
    ("on est le 10 février, je pars le 14 février", "soon"),
    ("on est le 10 février, je pars le 30 mars", "later"),
    ("i fly today", "soon"),
])
def test_todays_date_told_is_the_day_counted_from(text, window):
    assert travel_window(text, DECEMBER) == window


def test_no_passport_yet_after_a_trip_in_days_is_the_urgent_service():
    said = [UserUttered("my flight to delhi is on tuesday", "out_of_scope"), BotUttered("")]
    got = read_after(said, reading(("passport_apply_adult", 0.52), ("passport_urgent", 0.2)), "i dont even have a passport yet what do i do")
    assert got["intent"]["name"] == "passport_urgent"
    later = [UserUttered("my flight to delhi is in august", "out_of_scope"), BotUttered("")]
    assert read_after(later, reading(("passport_apply_adult", 0.52)), "i dont even have a passport yet what do i do")["intent"]["name"] == (
        "passport_apply_adult")


@pytest.mark.parametrize("text, topic", [
    ("my nana is 82 and wants to renew her passport to go see family in the azores, her old one is from 2018. what does she have to do",
     "passport_renew"),
    ("my passport is from 2018, can i renew it? what do i have to do", "passport_renewal_eligibility"),
    ("got my passport when i was 14, what do i have to do to renew", "passport_renewal_eligibility"),
])
def test_what_to_do_asked_when_all_that_is_told_allows_renewing_is_how_to_renew(text, topic):
    assert phrases.asks_whether_renewable(text) == topic


def test_an_old_applicants_recent_passport_is_not_one_issued_under_16():
    text = "my nana is 82 and wants to renew her passport to go see family in the azores, her old one is from 2018. what does she have to do"
    read = {**reading(("passport_renew", 1.0)), "knowledge": {"id": "passport_renew.issued_under_16", "score": 0.6}}
    assert entry(read_after([], read, text)) == "passport_renew.overview"


def test_a_photo_store_asked_after_the_photos_size_is_where_photos_are_taken():
    said = [UserUttered("quelle grandeur les photos de passeport", "passport_photo"), BotUttered("")]
    got = read_after(said, reading(("out_of_scope", 0.98)), "je peux tu les faire faire chez Walmart?")
    assert entry(got) == "passport_photo.where"


def test_the_first_payment_asked_after_applying_for_ei_is_its_first_payment():
    said = [UserUttered("jai fait ma demande d'AE hier en ligne", "ei_apply"), BotUttered("")]
    got = read_after(said, reading(("out_of_scope", 0.41), ("ei_apply", 0.3)), "quand est ce que je vais recevoir mon premier paiement?")
    assert entry(got) == "ei_apply.first_payment"


def test_a_program_asked_for_and_signing_up_after_a_loan_too_dear_are_the_plans():
    said = [UserUttered("je gagne pas assez pour payer mon pret etudiant", "student_loan_rap"), BotUttered("")]
    plan = read_after(said, reading(("bot_challenge", 0.76)), "y a tu un programme pour ca")
    assert entry(plan) == "student_loan_rap.overview"
    said += [UserUttered("y a tu un programme pour ca", "student_loan_rap"), BotUttered("")]
    signs = read_after(said, reading(("out_of_scope", 0.94)), "comment je minscris a ca?")
    assert entry(signs) == "student_loan_rap.how_apply"
    # after a passport, "is there a program for that" is not the plan
    other = [UserUttered("how much is a passport", "passport_fees"), BotUttered("")]
    assert read_after(other, reading(("bot_challenge", 0.76)), "y a tu un programme pour ca")["intent"]["name"] != "student_loan_rap"


def test_an_application_handed_in_at_an_office_with_its_time_asked_is_a_passports():
    text = "jai deposé ma demande au Service Canada de Chicoutimi, cest quoi le delai normal"
    ranking = [{"name": "ei_apply", "confidence": 0.25}, {"name": "passport_where_apply", "confidence": 0.17}]
    labels = ["ei_apply", "passport_where_apply", "passport_processing_times"]
    assert refine(text, ranking, labels)[0]["name"] == "passport_processing_times"
    assert not phrases.handed_in_and_asks_how_long("jai deposé ma demande de NAS au Service Canada, cest quoi le delai")


def test_a_permit_picked_up_is_irccs_even_beside_a_sin():
    assert phrases.names_another_program(
        "ok pis le NAS de ma femme, elle peut tu aller chercher son permis de travail au même endroit?")
    assert not phrases.names_another_program("i only have my work permit, is that enough for a sin")


def test_a_new_loan_for_grad_school_is_not_repaying():
    assert phrases.asks_for_another_service("can i get a new loan for grad school tho")


def test_applying_tomorrow_is_no_trip_for_someone_without_a_passport():
    said = [UserUttered("ok pour l'AE je vais appliquer demain", "ei_apply"), BotUttered("")]
    got = read_after(said, reading(("passport_apply_adult", 0.6)), "merci! autre question, j'ai jamais eu de passeport, je fais comment pour en avoir un")
    assert got["intent"]["name"] == "passport_apply_adult"
