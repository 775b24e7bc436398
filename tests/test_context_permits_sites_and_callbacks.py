"""Without a model, the thirty-ninth session's second round: a study permit told after getting a
SIN, with "does that change anything" (a newcomer's SIN); a birth told after applying for the CCB
(applying for a newborn); "je parle pas bien francais" written on in French (the reply stays in
French); a SIN given to a caller, said with a pronoun (protecting it); a SIN needed to work (getting
one); "c quoi le site deja?" after a topic (that topic's answer); a plane ticket's price after a
passport's fee, and a photo "comme pour le passeport" after a health card (off topic); and an
official asked to call back (a person)."""

from __future__ import annotations

import pytest

from bot.language import requested_language
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, topic_and_entry


def test_a_study_permit_told_after_getting_a_sin_is_a_newcomers_sin():
    said = [UserUttered("how do i get a sin", "sin_apply")]
    renewal = reading(("passport_renewal_eligibility", 0.39), ("sin_apply", 0.2))
    read = read_as(said, renewal, "im here on a study permit, does that change anything")
    assert topic_and_entry(read) == ("sin_apply", "sin_apply.newcomers")
    # a passport named is the passport's question
    assert topic_and_entry(read_as(said, renewal, "im here on a study permit, can i renew my passport"))[0] != "sin_apply"


def test_a_birth_told_after_applying_for_the_ccb_is_applying_for_a_newborn():
    said = [UserUttered("how do i apply for ccb", "ccb_apply")]
    off_topic = reading(("out_of_scope", 0.84), ("ccb_apply", 0.05))
    assert topic_and_entry(read_as(said, off_topic, "she was born in vancouver last week")) == ("ccb_apply", "ccb_apply.overview")
    sin = [UserUttered("how do i get a sin", "sin_apply")]
    assert topic_and_entry(read_as(sin, off_topic, "she was born in vancouver last week"))[0] != "ccb_apply"


@pytest.mark.parametrize("text, language", [
    ("bonjour je suis refugié, je parle pas bien francais. moi besoin numero assurance social pour travail. ou aller?", None),
    ("je parle pas francais", "en"),  # said alone, it turns away from French
    ("mon chum parle pas francais, il a besoin dun nas pour travailler", "en"),  # someone else who cannot read it
    ("je parle pas bien anglais", "fr"),
])
def test_ones_own_weak_french_written_on_in_french_keeps_french(text, language):
    assert requested_language(text) == language


def test_a_sin_given_to_a_caller_said_with_a_pronoun_is_protecting_it():
    said = [UserUttered("quelqu'un a appelé ma mere de 82 ans pour lui demander son nas", "sin_protect")]
    applying = reading(("sin_apply", 0.57), ("sin_protect", 0.3))
    text = "elle lui a donné, qu'est ce qu'elle doit faire maintenant??"
    assert topic_and_entry(read_as(said, applying, text))[0] == "sin_protect"
    passport = [UserUttered("ma mere veut renouveler son passeport", "passport_renew")]
    assert topic_and_entry(read_as(passport, applying, text))[0] != "sin_protect"


@pytest.mark.parametrize("text, needs", [
    ("ca me prend tu un nas pour travailler a la cafeteria du campus?", True),
    ("do i need a sin to work part time", True),
    ("can my boss ask for my sin", False),
])
def test_a_sin_needed_to_work_is_getting_one(text, needs):
    assert phrases.needs_a_sin_to_work(text) == needs


@pytest.mark.parametrize("before, topic, text", [
    ("je veux payer mon pret etudiant en ligne", "student_loan_repayment", "c quoi le site deja?"),
    ("how do i apply for ei online", "ei_apply", "whats the website?"),
])
def test_the_site_asked_after_a_topic_is_that_topics_answer(before, topic, text):
    said = [UserUttered(before, topic)]
    chitchat = reading(("chitchat", 0.33), ("help", 0.28))
    assert topic_and_entry(read_as(said, chitchat, text))[0] == topic
    # a site asked for with no topic before stays what it was read as
    assert topic_and_entry(read_as([], chitchat, text))[0] == "chitchat"


def test_a_plane_tickets_price_after_a_passports_fee_is_off_topic():
    said = [UserUttered("combien coute un passeport 10 ans", "passport_fees")]
    off_topic = reading(("out_of_scope", 0.93), ("passport_fees", 0.04))
    ticket = "pis as-tu une idee du prix d'un billet pour cancun en mars?"
    assert topic_and_entry(read_as(said, off_topic, ticket))[0] == "out_of_scope"
    # the passport's price for a child, asked the same way, is the fee
    assert topic_and_entry(read_as(said, reading(("out_of_scope", 0.5), ("passport_fees", 0.3)), "pis pour mon gars de 8 ans c'est combien?"))[0] != "out_of_scope"


def test_a_photo_like_a_passports_after_a_health_card_is_off_topic():
    said = [UserUttered("comment renouveler ma carte d'assurance maladie en ontario", "out_of_scope")]
    photo = reading(("passport_photo", 0.9), ("out_of_scope", 0.05))
    assert topic_and_entry(read_as(said, photo, "faut tu une photo comme pour le passeport?"))[0] == "out_of_scope"
    # the passport's photo asked for itself stays the passport's
    assert topic_and_entry(read_as(said, photo, "et pour mon passeport, la photo c'est quoi la grandeur?"))[0] == "passport_photo"


def test_an_official_asked_to_call_back_is_a_person():
    assert phrases.asks_for_person("jveux qu'un fonctionnaire me rappelle aujourd'hui, c pour mon pret etudiant")
    assert not phrases.asks_for_person("jveux que mon pret etudiant soit rembourse plus vite")

