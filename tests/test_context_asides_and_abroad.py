"""Without a model, the thirty-fourth session's readings: a language asked for after a short
aside ("sorry my wife wrote that, can you answer in english"), a person asked for with "w" for
"with", a passport "fait voler" in a city abroad (the embassy's answer), and that loss's trip
told in days with a question, after "are you travelling in the next two weeks?"."""

from __future__ import annotations

import asyncio

import pytest

from actions.situation import lost_abroad
from bot.engine.context import in_context
from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, reading, refined_top


class _Bot:  # the bot's action, as Rasa's event carries it
    def __init__(self, name: str) -> None:
        self.action_name = name


@pytest.mark.parametrize("text, asked", [
    ("sorry my wife wrote that, can you answer in english", True),
    ("oups mauvaise langue. en français svp", True),
    # an aside that is a question or names a subject is not only an aside
    ("how much does a 10 year passport cost now, answer in french", False),
    ("my passport was stolen in rome and i fly home on friday. french please", False),
])
def test_a_language_asked_for_after_a_short_aside_is_a_request(text, asked):
    assert phrases.asks_for_language(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("can i speak w someone about my sin, its complicated", True),
    ("pls let me talk w/ an agent", True),
    ("i dont want to speak w anyone, just tell me the fee", False),
])
def test_a_person_asked_for_with_w_for_with(text, asked):
    assert phrases.asks_for_person(text) is asked


@pytest.mark.parametrize("text, abroad", [
    ("je me suis fait voler mon passeport à rome", True),
    ("je me suis fait voler mon passeport au Mexique la semaine passée", True),
    ("je me suis fait voler mon passeport à Laval", False),
    ("je vais voler vers Rome lundi", False),
])
def test_a_passport_fait_voler_in_a_city_abroad_is_lost_abroad(text, abroad):
    assert lost_abroad(text) is abroad


def test_a_trip_in_days_asked_about_after_are_you_travelling_is_the_loss_abroad_then_an_officer():
    events = [UserUttered("je me suis fait voler mon passeport à rome", "passport_lost_stolen"),
              _Bot("utter_ask_travel_soon")]
    unsure = reading(("nlu_fallback", 0.42), ("passport_urgent", 0.39), ("passport_lost_stolen", 0.3))

    async def parse(text: str):
        return unsure

    read = asyncio.run(in_context(unsure, "je peux-tu revenir au canada quand meme, mon vol est dans 3 jours", events, parse))
    assert read["intent"]["name"] == "passport_lost_stolen"
    assert entry(read) == "passport_lost_stolen.abroad"


SIN_LABELS = ["sin_apply", "sin_protect", "out_of_scope"]


@pytest.mark.parametrize("text, topic", [
    ("j'ai-tu droit à un NAS?", "sin_apply"),
    ("am i even eligible for a sin as an international student", "sin_apply"),
    # the right to ask for it is who may ask
    ("mon proprio a-tu le droit de demander mon NAS", "sin_protect"),
    ("is my landlord allowed to ask for my sin", "sin_protect"),
])
def test_whether_one_may_get_a_sin_is_applying_not_who_may_ask(text, topic):
    assert refined_top(text, ("sin_protect", 0.97), ("sin_apply", 0.02), labels=SIN_LABELS) == topic
