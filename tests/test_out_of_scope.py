"""Off-topic questions get an honest answer that names what the citizen asked about."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.out_of_scope import ActionOutOfScope
from tests.test_actions import DOMAIN, make_tracker


@pytest.mark.parametrize("text, language, service", [
    ("when is my OAS payment this month", "en", "Old Age Security and the Guaranteed Income Supplement"),
    ("comment avoir l'allocation canadienne pour le logement", "fr", "l'Allocation canadienne pour le logement"),
    ("le Jean Coutu est-tu ouvert dimanche pour les photos de passeport", "fr", "les heures d'ouverture des commerces"),
    ("when is my notice of assessment coming", "en", "income tax returns and CRA notices"),
    ("I need to replace my citizenship certificate", "en", "Canadian citizenship (applications, tests and certificates)"),
    ("c'est quand l'examen de citoyenneté", "fr", "la citoyenneté canadienne (demandes, examens et certificats)"),
    ("je vis de l'aide sociale, comment augmenter mon chèque", "fr", "l'aide sociale (votre province ou territoire)"),
    ("what's the weather tomorrow in Halifax", "en",
     "weather forecasts (Environment Canada's weather site, weather.gc.ca, or your destination's)"),
    ("should i cancel my credit cards too, whats the number for td", "en",
     "loans, mortgages, credit cards or private insurance (your bank or insurer can help)"),
    ("pis ma carte soleil était dans le même portefeuille, je fais quoi pour elle", "fr",
     "les cartes d'assurance maladie provinciales"),
    ("pis le credit d'impot pour les interets, je le mets ou dans ma declaration?", "fr",
     "les déclarations de revenus et les avis de l'ARC"),
])
async def test_a_named_service_is_named_in_the_answer(text, language, service):
    dispatcher = CollectingDispatcher()
    await ActionOutOfScope().run(dispatcher, make_tracker(slots={"language": language}, text=text), DOMAIN)
    assert dispatcher.messages == [dict(dispatcher.messages[0], response="utter_out_of_scope_named", service=service)]


async def test_anything_else_gets_the_general_answer():
    dispatcher = CollectingDispatcher()
    await ActionOutOfScope().run(dispatcher, make_tracker(text="can you order me a pizza"), DOMAIN)
    assert [m["response"] for m in dispatcher.messages] == ["utter_out_of_scope"]


def test_the_named_answer_has_both_languages_and_the_service():
    variants = DOMAIN["responses"]["utter_out_of_scope_named"]
    assert len(variants) == 2 and all("{service}" in v["text"] and "1 800 O-Canada" in v["text"] for v in variants)
