"""Without a model, the fiftieth session's round 4: people living with a disability or illness, and
those who type for them (development 118). What voice typing spells or writes out is read as typed
("N S L S C", "passe port", "point d'interrogation"); a purse stolen in a parking lot is no question
about parking; a SIN never had, for an adult in the writer's care; the writer's own first passport
with no child named, however sure the child's reading; where to apply from a town, or an office's
wheelchair access; a trip in days and no passport yet; "the last answer came out in french"; a
follow-up to another service stays off topic; and what is not ours: Quebec's social solidarity
program, the RDSP, the province's part of a student loan."""

from __future__ import annotations

import pytest

from bot.folding import as_typed, fold
from bot.language import requested_language
from bot.nlu import phrases
from tests.support.encoder import encoder_inputs
from tests.support.readings import UserUttered, read_as, reading, refined_top

LABELS = ["passport_renew", "passport_where_apply", "passport_processing_times", "passport_urgent", "passport_status",
          "passport_child", "passport_apply_adult", "passport_fees", "passport_lost_stolen", "sin_apply", "sin_protect",
          "out_of_scope", "nlu_fallback"]


@pytest.mark.parametrize("said, typed", [
    ("what is the N S L S C and how do i log in. voice typing", "what is the NSLSC and how do i log in. voice typing"),
    ("how do i get a S I N", "how do i get a SIN"),
    ("c c b c quand", "ccb c quand"),
    ("C'est combien pour un passe port d'enfant point d'interrogation", "C'est combien pour un passeport d'enfant?"),
    ("r u a bot", "r u a bot"),  # spells no acronym of ours
    ("j a i un nas", "j a i un nas"),
])
def test_what_voice_typing_spells_out_is_read_as_typed(said, typed):
    assert as_typed(said) == typed
    assert fold(said) == fold(typed)


def test_the_encoder_reads_what_voice_typing_spells_out_as_typed(monkeypatch):
    assert encoder_inputs(monkeypatch, "what is the N S L S C") == ["what is the NSLSC"]


def test_a_purse_stolen_in_a_parking_lot_is_no_parking_question():
    assert phrases.other_service_named("my purse with my passport in it got stolen in the hospital parking lot in hamilton") is None
    assert phrases.other_service_named("is there parking near the passport office in gatineau") is not None


def test_a_sin_never_had_is_getting_one_even_read_first():
    text = "my brother is 26 with down syndrome and never had a sin. im his legal guardian. how do we get him one"
    assert phrases.never_had_a_sin(text)
    assert refined_top(text, ("sin_apply", 0.52), ("sin_protect", 0.4), labels=LABELS) == "sin_apply"
    from bot.nlu.classifier import refine

    decided = refine(text, [{"name": "sin_apply", "confidence": 0.52}, {"name": "sin_protect", "confidence": 0.4}], LABELS)
    assert decided[0]["confidence"] == 1.0  # decided, so the knowledge selector cannot move it to protecting one


def test_the_writers_own_first_passport_with_no_child_named_is_an_adults():
    text = ("c'est ma premiere demande de passeport a 67 ans pis j'ai le parkinson, ma main tremble trop pour signer dans la "
            "petite case. y a tu une facon de faire pour la signature?")
    assert refined_top(text, ("passport_child", 0.78), ("passport_apply_adult", 0.2), labels=LABELS) == "passport_apply_adult"
    # a child named, and read surely: the child's
    child = "c'est la premiere demande de passeport de mon fils de 8 ans, qui signe dans la case?"
    assert refined_top(child, ("passport_child", 0.78), ("passport_apply_adult", 0.2), labels=LABELS) == "passport_child"


@pytest.mark.parametrize("text, top", [
    ("ou faire mon passeport a Rimouski", ("passport_lost_stolen", 0.34)),
    ("est ce que le bureau de passeport de Laval est accessible en fauteuil roulant? pis je peux demander un accommodement?",
     ("passport_urgent", 0.3)),
])
def test_where_to_apply_from_a_town_or_an_offices_access(text, top):
    assert refined_top(text, top, ("passport_where_apply", 0.27), labels=LABELS) == "passport_where_apply"


def test_a_lost_passport_in_a_town_stays_lost():
    text = "j'ai perdu mon passeport a Rimouski, je vais ou?"
    assert refined_top(text, ("passport_lost_stolen", 0.34), ("passport_where_apply", 0.3), labels=LABELS) == "passport_lost_stolen"


def test_a_trip_in_days_and_no_passport_is_told():
    assert phrases.says_no_passport_yet("j'ai un rendez-vous pour un essai clinique a Boston dans 8 jours pis pas de passeport, c'est tu faisable?")
    assert not phrases.says_no_passport_yet("je pars dans 8 jours pis pas de passeport valide, il est expire")


def test_the_last_answer_in_the_other_language_asks_for_this_one():
    assert requested_language("english please, the last answer came out in french and i cant read it") == "en"


def test_a_follow_up_to_another_service_read_with_it_as_ours_stays_off_topic():
    said = [UserUttered("how do i renew my odsp", "out_of_scope")]
    read = read_as(said, {**reading(("passport_renew", 0.9)), "read_with": "how do i renew my odsp"}, "ok and what about in alberta")
    assert read["intent"]["name"] == "out_of_scope"
    # one of ours named: ours
    named = read_as(said, {**reading(("passport_renew", 0.9)), "read_with": "how do i renew my odsp"}, "ok and my passport?")
    assert named["intent"]["name"] == "passport_renew"


@pytest.mark.parametrize("text", [
    "solidarite sociale avec contraintes severes a l'emploi c'est combien par mois?",
    "pis le REEI on l'ouvre ou?",
    "can i also get the ontario part of my OSAP forgiven for disability",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None
