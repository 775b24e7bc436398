"""bot/nlu/our_words.py: the words of this assistant's conversations, and a message's words
outside them (which say it asks about something else)."""

from __future__ import annotations

from bot.nlu.our_words import known_words, unknown_words


def test_the_words_of_our_examples_questions_and_answers_are_known():
    known = known_words()
    assert {"passport", "passeport", "guarantor", "repondant", "assurance", "photo"} <= known
    assert "televerser" in known or "televersez" in known  # an answer's word (the digital photo)


def test_words_no_question_of_ours_holds_are_unknown():
    assert unknown_words("which coding bootcamp is actually worth it, lighthouse or brainstation?") == [
        "coding", "bootcamp", "lighthouse", "brainstation"]
    assert unknown_words("how much is a 10 year passport") == []


def test_a_place_named_after_a_preposition_is_not_a_subject():
    assert unknown_words("chu à Punta Cana en ce moment") == []
    assert unknown_words("c'est où le plus proche de Saint-Jérôme?") == []
    # not after a preposition: a choice of destinations is a subject of its own
    assert "bali" in unknown_words("we're torn between Bali and Greece, which is nicer in september?")
