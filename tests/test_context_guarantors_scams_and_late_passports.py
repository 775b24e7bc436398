"""Without a model, the thirty-eighth session's second round: renewing "my 10 year passport";
taxes given as the cause of a lower CCB; who a SIN caller claimed to be (a scam); what an EI
application needs, asked as a call for help; what to take for a sore throat and the days until
Canada Day (other services); nobody known to be a guarantor (the declaration in lieu of one, for
an adult or a child); "im in new delhi" after where to apply from abroad; an appointment at a
passport office read as an unsure complaint (where to apply); a renewal mailed and feared lost, or
a passport "censé être prêt hier" (its status); a passport soaked with the ink run (damaged);
getting a citizenship certificate (another service); a complaint to a person "pas à une machine"
(an officer); and renewing from abroad, which settles whether one may."""

from __future__ import annotations

import pytest

from bot.engine.context.passports import told_damaged
from bot.knowledge import cached_knowledge
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry


def test_renewing_my_10_year_passport_is_renewing_ones_own():
    assert phrases.renews_own_passport("Hello, I would like to renew my 10 year passport. Could you kindly tell me what documents I need?")
    assert phrases.renews_own_passport("je veux renouveler mon passeport de 10 ans")
    assert not phrases.renews_own_passport("i would like to renew my 10 year membership")


def test_taxes_as_the_cause_of_a_lower_ccb_are_the_ccbs():
    said = [UserUttered("my ccb went down this month", "ccb_payment_dates")]
    read = read_as(said, reading(("out_of_scope", 1.0), ("ei_eligibility", 0.0)), "is that because of my tax return last year")
    assert topic_and_entry(read) == ("ccb_payment_dates", "ccb_payment_dates.payment_stopped")


def test_who_a_sin_caller_claimed_to_be_is_a_scams_question():
    said = [UserUttered("quelqu'un m'a appelé tantôt pour me demander mon NAS", "sin_protect")]
    read = read_as(said, reading(("complaint", 0.56), ("out_of_scope", 0.09)), "il disait etre de service canada, ca se peut tu")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.scams")


def test_what_an_ei_application_needs_asked_as_a_call_for_help_is_its_answer():
    said = [UserUttered("je vais faire ma demande d'assurance emploi en ligne ce soir", "ei_apply")]
    help_read = reading(("help", 0.84), ("ei_apply", 0.08))
    assert topic_and_entry(read_as(said, help_read, "j'ai besoin de quoi comme infos avant de commencer?")) == (
        "ei_apply", "ei_apply.online_how")
    # another program named: not the EI application's
    assert topic_and_entry(read_as(said, help_read, "j'ai besoin de quoi pour le passeport?"))[1] != "ei_apply.online_how"


@pytest.mark.parametrize("text", [
    "jai mal a la gorge depuis 3 jours, je prends quoi",
    "how many days until canada day",
    "et son certificat de citoyenneté, on le demande comment? elle est née en france",
])
def test_other_services_asked_in_these_words_are_named(text):
    assert phrases.other_service_named(text) is not None


@pytest.mark.parametrize("text", [
    "how many days until my passport comes",
    "j'ai son certificat de citoyenneté, ça marche pour le passeport?",
])
def test_our_own_questions_in_those_words_are_not_another_service(text):
    assert phrases.other_service_named(text) is None


def test_nobody_known_to_be_a_guarantor_is_the_declaration_in_lieu_of_one():
    text = "what if i dont know anybody whos had a passport that long, i just moved here"
    unsure = reading(("passport_lost_stolen", 0.68), ("passport_status", 0.16))
    adult = [UserUttered("who can be my guarantor", "passport_apply_adult")]
    assert topic_and_entry(read_as(adult, unsure, text)) == ("passport_apply_adult", "passport_apply_adult.no_guarantor")
    child = [UserUttered("who can be the guarantor for my daughters passport, shes 6", "passport_child")]
    assert topic_and_entry(read_as(child, unsure, text)) == ("passport_child", "passport_child.guarantor")
    # no guarantor spoken of: the reading stays
    assert topic_and_entry(read_as([UserUttered("how do i get a passport", "passport_apply_adult")], unsure, text))[0] == (
        "passport_lost_stolen")
    knowledge = cached_knowledge()
    for language, words in (("en", "statutory declaration"), ("fr", "déclaration solennelle")):
        assert words in knowledge.entries["passport_child.guarantor"].text(language).answer


def test_a_place_abroad_told_after_where_to_apply_from_abroad_is_where_from_there():
    said = [UserUttered("where do i apply for a passport if im not in canada", "passport_where_apply")]
    off = reading(("out_of_scope", 0.66), ("greet", 0.15))
    assert topic_and_entry(read_as(said, off, "im in new delhi")) == ("passport_where_apply", "passport_where_apply.abroad")
    assert topic_and_entry(read_as(said, off, "im in toronto"))[1] != "passport_where_apply.abroad"


def test_an_appointment_at_a_passport_office_read_as_an_unsure_complaint_is_where_to_apply():
    labels = ["complaint", "passport_where_apply", "out_of_scope"]
    text = "faut tu prendre rendez vous au bureau des passeports du complexe guy-favreau"
    assert refined_top(text, ("complaint", 0.43), ("passport_where_apply", 0.34), labels=labels) == "passport_where_apply"
    complaint = "je veux me plaindre du bureau des passeports du complexe guy-favreau"
    assert refined_top(complaint, ("complaint", 0.43), ("passport_where_apply", 0.34), labels=labels) == "complaint"


STATUS_LABELS = ["passport_lost_stolen", "passport_status", "passport_renew", "passport_processing_times"]


@pytest.mark.parametrize("text, topic", [
    ("ça fait 30 jours ouvrables que j'ai posté mon renouvellement, est-ce normal ou c'est perdu?", "passport_status"),
    ("mon passeport etait censé etre pret hier pis personne m'a appelé, c'est quoi qui se passe", "passport_status"),
    # one's own passport lost, told: the loss
    ("j'ai perdu mon passeport, je peux le renouveler?", "passport_lost_stolen"),
])
def test_a_late_or_feared_lost_application_is_its_status(text, topic):
    assert refined_top(text, ("passport_lost_stolen", 0.8), ("passport_status", 0.13), labels=STATUS_LABELS) == topic


def test_a_soaked_passport_is_damaged_and_travelling_with_it_is_the_damaged_answer():
    told = "mon passeport a pris l'eau dans mon sac, l'encre a coulé sur la page photo"
    assert told_damaged(told)
    said = [UserUttered(told, "passport_photo")]
    read = read_as(said, reading(("passport_urgent", 0.63), ("passport_renew", 0.09)), "je peux voyager avec quand meme le mois prochain?")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.damaged")


def test_a_complaint_to_a_person_not_a_machine_asks_for_a_person():
    assert phrases.asks_for_person("je veux porter plainte a quelqu'un de responsable, pas a une machine")
    assert not phrases.asks_for_person("t'es pas un robot?")


def test_renewing_from_abroad_settles_whether_one_may():
    assert "passport_renewal_eligibility" in cached_knowledge().entries["passport_renew.abroad"].also_answers
