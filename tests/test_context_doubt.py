"""bot/engine/context/ without a model: a question unsure of another program than the
conversation's, and unsure in the conversation's program too, becomes a clarifying question
that offers the conversation's likeliest topic beside its own (never a guess)."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

from bot.engine.context import in_context, in_the_conversations_program
from tests.support.readings import UserUttered, reading


BEFORE = "how do I get a SIN"
TEXT = "does my mom need to be there, she works days and I'm 14 now"
READINGS = {
    BEFORE: reading(("sin_apply", 0.95), ("sin_protect", 0.03)),
    f"{BEFORE} {TEXT}": reading(("passport_child", 0.5), ("sin_apply", 0.3), ("out_of_scope", 0.2)),
}


async def parse(text: str) -> Dict[str, Any]:
    return READINGS[text]


def test_unsure_alone_and_unsure_in_the_conversation_asks_which_with_the_conversations_topic():
    alone = reading(("passport_child", 0.31), ("passport_apply_adult", 0.2), ("out_of_scope", 0.1))
    read = asyncio.run(in_the_conversations_program(alone, TEXT, [UserUttered(BEFORE)], parse))
    assert read["intent"]["name"] == "nlu_fallback"
    assert [r["name"] for r in read["intent_ranking"][:3]] == ["nlu_fallback", "sin_apply", "passport_child"]
    assert read["intent_ranking"][1]["confidence"] >= 0.1  # shown as a choice (actions/handoff.py)


def test_sure_alone_of_a_topic_it_names_keeps_its_reading():
    alone = reading(("passport_child", 0.9), ("passport_apply_adult", 0.05))
    assert asyncio.run(in_the_conversations_program(alone, TEXT, [UserUttered(BEFORE)], parse)) == alone


EARLIER = [UserUttered("i was on RAP until spring", "student_loan_rap"), UserUttered("they said six months", "passport_processing_times")]
QUESTION = "do i have to ask again?"


def test_unsure_alone_and_with_the_last_question_is_read_with_everything_said_lately():
    readings = {
        f"they said six months {QUESTION}": reading(("nlu_fallback", 0.3), ("passport_status", 0.2), ("ei_apply", 0.15)),
        f"i was on RAP until spring they said six months {QUESTION}": reading(("student_loan_rap", 0.7), ("ei_apply", 0.1)),
    }

    async def parse_lately(text: str) -> Dict[str, Any]:
        return readings[text]

    alone = reading(("ei_apply", 0.4), ("help", 0.3))
    read = asyncio.run(in_context(alone, QUESTION, EARLIER, parse_lately))
    assert read["intent"] == {"name": "student_loan_rap", "confidence": 0.7}
    assert read["read_with"] == "i was on RAP until spring they said six months"


def test_still_unsure_with_everything_said_asks_which_instead_of_guessing():
    readings = {
        f"they said six months {QUESTION}": reading(("nlu_fallback", 0.3), ("passport_status", 0.35), ("ei_apply", 0.3)),
        f"i was on RAP until spring they said six months {QUESTION}": reading(("nlu_fallback", 0.3), ("ei_apply", 0.4)),
    }

    async def parse_lately(text: str) -> Dict[str, Any]:
        return readings[text]

    alone = reading(("ei_apply", 0.4), ("help", 0.3))
    read = asyncio.run(in_context(alone, QUESTION, EARLIER, parse_lately))
    assert read["intent"]["name"] == "nlu_fallback"
    assert [r["name"] for r in read["intent_ranking"][1:3]] == ["passport_status", "ei_apply"]


def test_a_doubtful_stop_that_asks_something_is_read_with_the_conversation():
    earlier = [UserUttered("how do i apply for EI", "ei_apply"), UserUttered("but i walked out, they didn't let me go", "out_of_scope")]
    text = "does that matter"
    combined = reading(("ei_eligibility", 0.9), ("ei_apply", 0.05))

    async def parse_with(said: str) -> Dict[str, Any]:
        assert said == f"how do i apply for EI but i walked out, they didn't let me go {text}"
        return combined

    alone = reading(("stop", 0.4), ("out_of_scope", 0.3), ("ei_eligibility", 0.05), ("ei_apply", 0.04))
    read = asyncio.run(in_context(alone, text, earlier, parse_with))
    assert read["intent"]["name"] == "ei_eligibility"
    # a sure "stop" is kept as it is: it ends a form
    sure = reading(("stop", 0.95), ("ei_apply", 0.01))
    assert asyncio.run(in_context(sure, "stop that", earlier, parse_with)) == sure
