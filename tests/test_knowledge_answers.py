"""Question-level answers: every knowledge entry renders in both languages with its source,
the entry the NLU chose is used only for its own intent, a fee question with a situation gets
the exact amount, a lost passport with a near trip goes straight to an officer, and a doubtful
message offers the two likeliest topics."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionClarifyOrHandoff
from actions.knowledge_answer import ActionAnswer, ActionLostPassport, render
from bot.knowledge import cached_knowledge, overview_id
from bot.trainer.check import check
from tests.test_actions import DOMAIN, all_slots, fill

KNOWLEDGE = cached_knowledge()


def tracker(intent: str, text: str, language: str = "en", knowledge: Optional[str] = None,
            ranking: Optional[List[Dict[str, Any]]] = None) -> Tracker:
    latest: Dict[str, Any] = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    if knowledge:
        latest["knowledge"] = {"id": knowledge, "score": 0.8}
    if ranking is not None:
        latest["intent_ranking"] = ranking
    events = [{"event": "user", "text": text, "parse_data": latest}]
    return Tracker("c-1", all_slots(language=language), latest, events, False, None, {}, "action_listen")


async def run(action: Any, tracker_: Tracker) -> tuple:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, DOMAIN)
    return dispatcher.messages, events


def test_the_knowledge_is_fine_grained_and_govbot_check_passes():
    assert len(KNOWLEDGE.entries) >= 150
    assert check() == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_entry_renders_without_placeholders_and_links_its_source(language):
    for entry in KNOWLEDGE.entries.values():
        text = render(entry, language)
        assert "{" not in text and "}" not in text, entry.id
        assert text.endswith(entry.source[language]), entry.id
        assert f"canada.ca/{language}" in text, entry.id


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_chosen_entry_answers_in_the_conversation_language(language):
    entry = next(e for e in KNOWLEDGE.entries.values() if e.intent == "passport_photo" and not e.is_overview)
    messages, events = await run(ActionAnswer(), tracker("passport_photo", "photo?", language, entry.id))
    assert events == []
    assert messages[0]["text"] == render(entry, language)


async def test_an_entry_of_another_intent_is_never_used():
    other = next(e for e in KNOWLEDGE.entries.values() if e.intent == "sin_apply" and not e.is_overview)
    messages, _ = await run(ActionAnswer(), tracker("passport_photo", "photo?", "en", other.id))
    assert messages[0]["text"] == render(KNOWLEDGE.entries[overview_id("passport_photo")], "en")


async def test_a_button_payload_gets_the_overview_with_its_offers():
    messages, _ = await run(ActionAnswer(), tracker("passport_fees", "/passport_fees", "fr"))
    overview = KNOWLEDGE.entries[overview_id("passport_fees")]
    assert messages[0]["text"] == render(overview, "fr")
    assert [b["payload"] for b in messages[0].get("buttons") or []] == [f"/{i}" for i in overview.offer]


@pytest.mark.parametrize("text, language, response, needles", [
    ("combien pour le passeport de mon fils si on vit en France", "fr", "utter_fee_situation_plain",
     ["102,50 $", "passeport d'enfant", "extérieur du Canada"]),
    ("my daughter is 8, we live in Japan, what's her passport fee", "en", "utter_fee_situation_plain",
     ["$102.50", "child's passport", "outside Canada"]),
    ("5 year adult passport with urgent pickup in Ottawa", "en", "utter_fee_situation",
     ["$248.25", "passport $122.50", "urgent pick-up"]),
    ("how much for an adult passport from abroad", "en", "utter_fee_situation_both",
     ["$194.25 CAD for a 5-year", "$266.25 CAD for a 10-year"]),
    ("how much is an urgent passport for an adult", "en", "utter_fee_situation_both_extra",
     ["$248.25 CAD for a 5-year", "$289.25 CAD for a 10-year", "$125.75 CAD included", "urgent pick-up"]),
    ("combien pour un passeport d'adulte en service express", "fr", "utter_fee_situation_both_extra",
     ["172,50 $ CA pour un passeport de 5 ans", "213,50 $ CA", "50 $ compris", "service express"]),
    ("me (adult, 10 year) and my 4 yr old both need passports, total?", "en", "utter_fee_situation_group",
     ["1 adult and 1 child", "$222 CAD", "$163.50 per adult passport, $58.50 per child's passport"]),
    ("3 enfants pis moi (10 ans), on fait la demande à Québec, combien au total", "fr",
     "utter_fee_situation_group", ["1 adulte et 3 enfants", "339 $ CA", "demandés au Canada",
                                   "163,50 $ par passeport d'adulte, 58,50 $ par passeport d'enfant"]),
    ("2 kids passports, we live in halifax, how much total", "en", "utter_fee_situation_group",
     ["2 children", "$117 CAD"]),
    ("total cost to renew 2 adult 10 year passports", "en", "utter_fee_situation_group", ["2 adults", "$327 CAD"]),
])
async def test_a_fee_question_with_its_situation_gets_the_exact_amount(text, language, response, needles):
    messages, _ = await run(ActionAnswer(), tracker("passport_fees", text, language))
    assert messages[0]["response"] == response
    rendered = fill(response, language, messages[0])
    for needle in needles:
        assert needle in rendered


@pytest.mark.parametrize("before, text, language, needles", [
    ("je pars dans 4 jours pis mon passeport est expiré", "ça coûte combien?", "fr", ["125,75 $", "50 $", "163,50 $"]),
    ("can I get my passport urgent", "how much is that", "en", ["$125.75", "$50", "$163.50"]),
])
async def test_a_fee_question_after_a_faster_service_or_a_near_trip_gives_those_fees(before, text, language, needles):
    # the model chose an entry without the pick-up fees (the child's price)
    latest = tracker("passport_fees", text, language, knowledge="passport_fees.child_canada")
    events = [{"event": "user", "text": before, "parse_data": {}}, *latest.events]
    messages, _ = await run(ActionAnswer(), Tracker("c-1", latest.slots, latest.latest_message, events, False, None, {},
                                                    "action_listen"))
    rendered = messages[0]["text"]
    for needle in needles:
        assert needle in rendered
    # without the earlier message, the chosen entry stands
    alone, _ = await run(ActionAnswer(), latest)
    assert "125" not in alone[0]["text"]


def with_earlier(latest: Tracker, *earlier: str) -> Tracker:
    events = [*({"event": "user", "text": said, "parse_data": {}} for said in earlier), *latest.events]
    return Tracker("c-1", latest.slots, latest.latest_message, events, False, None, {}, "action_listen")


async def test_a_total_asked_after_the_passport_and_then_its_service_told_gives_that_situations_fee():
    latest = tracker("passport_fees", "total?", "fr", knowledge="passport_fees.urgent")
    messages, _ = await run(ActionAnswer(), with_earlier(latest, "je veux le passeport 10 ans", "avec le service urgent"))
    assert messages[0]["response"] == "utter_fee_situation"
    assert "289,25 $ CA" in fill(messages[0]["response"], "fr", messages[0])
    # with only the service told, the chosen entry stands
    alone, _ = await run(ActionAnswer(), with_earlier(latest, "avec le service urgent"))
    assert "response" not in alone[0] or alone[0]["response"] != "utter_fee_situation"


async def test_a_passports_fee_with_a_trip_within_two_weeks_gives_it_with_each_faster_service():
    latest = tracker("passport_fees", "my passport expired and i fly in 4 days, how much for a 10 year")
    messages, _ = await run(ActionAnswer(), latest)
    rendered = [fill(m["response"], "en", m) for m in messages]
    assert [m["response"] for m in messages] == ["utter_fee_situation", "utter_fee_situation"]
    assert "$289.25 CAD" in rendered[0] and "urgent" in rendered[0]
    assert "$213.50 CAD" in rendered[1] and "express" in rendered[1]
    # no trip told: the standard fee alone
    plain, _ = await run(ActionAnswer(), tracker("passport_fees", "how much for a 10 year adult passport"))
    assert len(plain) == 1 and "$163.50" in fill(plain[0]["response"], "en", plain[0])


@pytest.mark.parametrize("text, window", [
    ("I lost my passport and I fly tomorrow", "soon"),
    ("on m'a volé mon passeport, mon vol est jeudi", "soon"),
    ("lost my passport, no trip until next summer", "later"),
    ("j'ai perdu mon passeport", "unknown"),
])
async def test_a_lost_passport_reads_the_travel_date_from_the_same_message(text, window):
    messages, events = await run(ActionLostPassport(), tracker("passport_lost_stolen", text))
    assert messages[0]["text"].startswith(KNOWLEDGE.entries[overview_id("passport_lost_stolen")].text("en").answer[:20])
    assert events == [SlotSet("travel_window", window)]


@pytest.mark.parametrize("language, titles", [("en", ["Passport fees", "Processing times"]),
                                              ("fr", ["Frais de passeport", "Délais"])])
async def test_a_doubtful_message_offers_the_two_likeliest_topics(language, titles):
    ranking = [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "passport_fees", "confidence": 0.28},
               {"name": "out_of_scope", "confidence": 0.2}, {"name": "passport_processing_times", "confidence": 0.15},
               {"name": "passport_photo", "confidence": 0.12}]
    messages, _ = await run(ActionClarifyOrHandoff(), tracker("nlu_fallback", "fee time?", language, ranking=ranking))
    assert messages[0]["response"] == "utter_clarify"
    assert [b["title"] for b in messages[0]["buttons"]] == titles
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/passport_fees", "/passport_processing_times"]


async def test_a_message_the_model_has_no_idea_about_asks_to_rephrase():
    ranking = [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "out_of_scope", "confidence": 0.2},
               {"name": "greet", "confidence": 0.15}, {"name": "passport_fees", "confidence": 0.05}]
    messages, _ = await run(ActionClarifyOrHandoff(), tracker("nlu_fallback", "blorp", "en", ranking=ranking))
    assert messages[0]["response"] == "utter_please_rephrase"


@pytest.mark.parametrize("text, language, said", [
    ("is there a seniors discount on passports", "en", "There is no seniors' discount"),
    ("y a-tu un rabais pour les aînés sur le passeport?", "fr", "Il n'y a pas de rabais pour les aînés"),
])
async def test_a_seniors_discount_asked_is_told_none_then_the_fee(text, language, said):
    messages, _ = await run(ActionAnswer(), tracker("passport_fees", text, language, overview_id("passport_fees")))
    assert messages[0]["text"].startswith(said)
    assert messages[1]["text"] == render(KNOWLEDGE.entries[overview_id("passport_fees")], language)
    # a fee question that asks no discount gets the fee alone
    plain, _ = await run(ActionAnswer(), tracker("passport_fees", "how much is a passport", "en", overview_id("passport_fees")))
    assert len(plain) == 1 and "discount" not in plain[0]["text"]
