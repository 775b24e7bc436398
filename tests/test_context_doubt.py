"""bot/engine/context.py without a model: a question unsure of another program than the
conversation's, and unsure in the conversation's program too, becomes a clarifying question
that offers the conversation's likeliest topic beside its own (never a guess)."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

from bot.engine.context import in_the_conversations_program


class UserUttered:  # the shape of Rasa's event that conversation_so_far reads
    def __init__(self, text: str) -> None:
        self.text = text


def reading(*ranking: tuple) -> Dict[str, Any]:
    ranks: List[Dict[str, Any]] = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return {"intent": dict(ranks[0]), "intent_ranking": ranks}


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
