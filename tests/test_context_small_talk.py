"""bot/engine/context/parts.py without a model: small talk that goes on with a question of ours is
read as that question; small talk alone, or followed by nothing sure, stays small talk."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

from bot.engine.context import past_small_talk


def reading(name: str, confidence: float) -> Dict[str, Any]:
    return {"intent": {"name": name, "confidence": confidence},
            "intent_ranking": [{"name": name, "confidence": confidence}]}


READINGS = {
    "how long does it take by mail": reading("passport_processing_times", 0.97),
    "combien pour un enfant": reading("passport_fees", 0.9),
    "i want to chat": reading("chitchat", 0.9),
    "what is it about": reading("passport_renew", 0.4),
    "but what if it doesn't come?": reading("ccb_payment_dates", 0.35),
    "see you later then": reading("passport_status", 0.4),
    "tu fais quoi de ta fin de semaine lol": reading("ei_apply", 0.69),
    "can you tell me how much a passport costs": reading("passport_fees", 0.95),
    "btw whats a good budgeting app": reading("out_of_scope", 0.65),
    "c'est quoi la meilleure app de budget": reading("out_of_scope", 0.5),
}


async def parse(text: str) -> Dict[str, Any]:
    return READINGS[text]


def read(text: str, intent: str = "bot_challenge") -> str:
    return asyncio.run(past_small_talk(reading(intent, 1.0), text, parse))[0]["intent"]["name"]


def test_a_question_after_small_talk_is_read_as_the_question():
    assert read("is this a real person? how long does it take by mail") == "passport_processing_times"
    assert read("merci! combien pour un enfant", "thanks") == "passport_fees"


def test_small_talk_alone_or_before_nothing_sure_stays():
    assert read("are you a bot?") == "bot_challenge"
    assert read("hello! i want to chat", "greet") == "greet"
    assert read("hi. see you later then", "greet") == "greet"  # unsure of a topic, and asks nothing
    # small talk to the assistant, however it reads alone
    assert read("t'es-tu un vrai robot? tu fais quoi de ta fin de semaine lol") == "bot_challenge"


def test_a_sure_question_to_the_assistant_after_small_talk_is_the_question():
    assert read("are you a bot? can you tell me how much a passport costs") == "passport_fees"


def test_an_unsure_question_after_small_talk_is_left_to_the_conversation():
    # unsure alone, but it asks something: read in the conversation (bot/engine/embedded.py)
    said = "ok goodbye for now, but what if it doesn't come?"
    reading_, question = asyncio.run(past_small_talk(reading("goodbye", 0.55), said, parse))
    assert (reading_["intent"]["name"], question) == ("ccb_payment_dates", "but what if it doesn't come?")


def test_only_small_talk_is_read_past():
    # a request for a person, or a question already of ours, is never re-read
    assert read("is this a real person? how long does it take by mail", "request_human") == "request_human"


def test_is_this_real_after_a_story_asks_about_the_story_not_the_assistant():
    import asyncio

    from bot.engine.context import in_context

    class Said:  # the shape of Rasa's event that the context reads
        def __init__(self, text: str, intent: str) -> None:
            self.text, self.intent = text, {"name": intent}
            self.parse_data = {"intent": self.intent}

    Said.__name__ = "UserUttered"
    story = "on m'a texté que mon NAS est bloqué pis faut cliquer un lien"
    alone = {"intent": {"name": "bot_challenge", "confidence": 0.99},
             "intent_ranking": [{"name": "bot_challenge", "confidence": 0.99}, {"name": "sin_protect", "confidence": 0.01}]}
    combined = {"intent": {"name": "sin_protect", "confidence": 0.99},
                "intent_ranking": [{"name": "sin_protect", "confidence": 0.99}]}

    async def parse(text: str):
        assert text == f"{story} c'est-tu vrai ça?"
        return combined

    read = asyncio.run(in_context(alone, "c'est-tu vrai ça?", [Said(story, "sin_protect")], parse))
    assert read["intent"]["name"] == "sin_protect"
    # asked first thing, it is about the assistant
    assert asyncio.run(in_context(alone, "c'est-tu vrai ça?", [], parse)) == alone


def test_a_question_off_topic_after_thanks_is_the_question():
    # "I can't help with that" is the answer, not "you're welcome"
    assert read("thx. btw whats a good budgeting app", "thanks") == "out_of_scope"
    # not surely off topic: the thanks
    assert read("merci. c'est quoi la meilleure app de budget", "thanks") == "thanks"
