"""Requests for a person or for the other language are never left to chance."""

from __future__ import annotations

import pytest

from bot.nlu.phrases import forced_intent


@pytest.mark.parametrize("text", [
    "I want to talk to a person", "can I speak with your manager", "call me back please",
    "let me talk to a supervisor", "can someone call me", "escalate this", "i need a human",
    "je veux parler à un agent", "pouvez-vous me rappeler", "parler avec quelqu'un svp",
    "je voudrais un superviseur", "rappelez-moi", "je veux parler à une vraie personne",
])
def test_requests_for_a_person(text):
    assert forced_intent(text) == "request_human"


@pytest.mark.parametrize("text", [
    "does this work in French?", "en anglais svp", "can you switch to english", "English please",
    "est-ce que ça marche en français", "parlez-vous anglais?",
])
def test_requests_for_a_language(text):
    assert forced_intent(text) == "choose_language"


@pytest.mark.parametrize("text", [
    "I need a person to be my guarantor", "I'm a travel agent, how much is a passport",
    "I don't want to talk to anyone, just tell me the fee", "how much is a passport for my kid in french",
    "who can be my reference", "mon agent de voyage dit que mon passeport expire", "how much is a passport",
    "will service canada call me about my EI claim",
])
def test_other_questions_are_left_to_the_model(text):
    assert forced_intent(text) is None
