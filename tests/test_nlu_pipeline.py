"""The trained NLU pipeline end to end: encoder, classifier, rules, knowledge selector and
fallback, on phrasings that are in no training file."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse(trained_model):
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_model))

    def run(text: str) -> Dict[str, Any]:
        return asyncio.run(agent.parse_message(text))

    return run


@pytest.mark.parametrize("text, intent, entry", [
    ("yo how big does my passport pic gotta be", "passport_photo", "passport_photo.size"),
    ("je porte le hijab, je peux le garder sur la photo du passeport?", "passport_photo", "passport_photo.head_covering"),
    ("whats the deadline to apply for ei after getting laid off", "ei_apply", "ei_apply.deadline"),
])
def test_a_question_gets_its_own_entry(parse, text, intent, entry):
    parsed = parse(text)
    assert parsed["intent"]["name"] == intent
    assert parsed["knowledge"]["id"] == entry


@pytest.mark.parametrize("text", [
    "what's the balance on my chequing account", "quand est-ce que ma facture d'Hydro est due",
    "book me a hotel in Banff", "how long for an american passport",
])
def test_everyday_and_other_services_are_out_of_scope(parse, text):
    assert parse(text)["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text", ["let me speak to your supervisor", "pouvez-vous me rappeler cet après-midi"])
def test_a_request_for_a_person_is_certain(parse, text):
    parsed = parse(text)
    assert parsed["intent"] == {"name": "request_human", "confidence": 1.0}


def test_a_moved_intent_keeps_the_top_confidence(parse):
    for text in ["how many hours do you need for ei sickness", "combien de semaines de maladie sur l'assurance-emploi"]:
        ranking = [r for r in parse(text)["intent_ranking"] if r["name"] != "nlu_fallback"]
        assert ranking == sorted(ranking, key=lambda r: -r["confidence"])
        assert ranking[0]["name"].startswith("ei_")  # an EI topic, however sure (both may be close)


def test_each_topic_names_the_entry_the_words_choose_clearly(parse):
    # "and in person?" alone reads as a request for a person; within the processing times, its
    # words still choose the in-person time (used when the conversation gives that topic)
    parsed = parse("what about in person?")
    chosen = parsed["knowledge"]["by_intent"]
    assert chosen["passport_processing_times"]["id"] == "passport_processing_times.in_person"
    assert all(choice["score"] >= 0.8 and not choice["id"].endswith(".overview") for choice in chosen.values())
    assert "id" not in parsed["knowledge"]  # no topic of its own to answer


@pytest.mark.parametrize("text", [
    "mon passeport a juste expiré, pas perdu ni volé, comment je le renouvelle par la poste",
    "my passport is not lost or stolen, it just expired, how do i renew it by mail",
])
def test_a_passport_said_not_to_be_lost_is_not_a_lost_passport(parse, text):
    ranking = [r["name"] for r in parse(text)["intent_ranking"]]
    assert "passport_lost_stolen" not in ranking
    assert parse(text)["intent"]["name"] == "passport_renew"
