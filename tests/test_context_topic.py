"""bot/engine/context/ without a model: a follow-up is read with the conversation's last
question of one of our topics and what the citizen added since, not with a detail alone."""

from __future__ import annotations

from typing import Any, Dict, Optional

import pytest

from bot.engine.context import ASKS_WHERE, conversation_so_far, recent_messages, switches_program


class UserUttered:  # the shape of Rasa's event: its text and its final reading
    def __init__(self, text: str, intent: str, read_with: Optional[str] = None) -> None:
        self.text = text
        self.intent: Dict[str, Any] = {"name": intent}
        self.parse_data: Dict[str, Any] = {"intent": self.intent, **({"read_with": read_with} if read_with else {})}


class BotUttered:
    text = "an answer"


def test_a_detail_after_the_question_is_read_with_the_question():
    said = [UserUttered("i applied for the ccb for my son", "ccb_apply"), BotUttered(),
            UserUttered("he was born in october", "out_of_scope"), BotUttered()]
    assert conversation_so_far(said) == "i applied for the ccb for my son he was born in october"


def test_the_last_question_of_a_topic_is_enough():
    said = [UserUttered("how do i get a sin", "sin_apply"), UserUttered("how much is a passport", "passport_fees")]
    assert conversation_so_far(said) == "how much is a passport"


def test_a_question_read_with_an_earlier_one_brings_it_along():
    said = [UserUttered("how much is a 10 year passport", "passport_fees"),
            UserUttered("and for a kid?", "passport_fees", read_with="how much is a 10 year passport")]
    assert conversation_so_far(said) == "how much is a 10 year passport and for a kid?"


def test_without_a_topic_in_the_last_messages_all_of_them():
    said = [UserUttered("how do i get a sin", "sin_apply"), UserUttered("i came on a study permit", "out_of_scope"),
            UserUttered("starting at a coffee shop monday", "out_of_scope"), UserUttered("thanks", "thank")]
    assert conversation_so_far(said) == "i came on a study permit starting at a coffee shop monday thanks"


def test_recent_messages_are_the_last_ones_whatever_they_asked():
    said = [UserUttered("how do i get a sin", "sin_apply"), UserUttered("i had RAP last year", "student_loan_rap"),
            UserUttered("that was in march", "passport_processing_times")]
    assert recent_messages(said) == "how do i get a sin i had RAP last year that was in march"
    assert conversation_so_far(said) == "that was in march"
    assert recent_messages([UserUttered("/affirm", "affirm")]) is None


def test_nothing_after_a_button_nor_before_any_message():
    assert conversation_so_far([UserUttered("/passport_fees", "passport_fees")]) is None
    assert conversation_so_far([UserUttered("how do i get a sin", "sin_apply"),
                                UserUttered("/affirm", "affirm"), UserUttered("he is 15", "out_of_scope")]) == "he is 15"
    assert conversation_so_far([]) is None


def reading(intent: str) -> Dict[str, Any]:
    return {"intent": {"name": intent, "confidence": 0.9}, "intent_ranking": [{"name": intent, "confidence": 0.9}]}


def test_a_follow_up_naming_another_of_our_programs_switches_to_it():
    text = "and the EI, can i get it while on parental leave?"
    assert switches_program(reading("ei_eligibility"), text, reading("ccb_apply"))
    # read in the program it names, or not read as that program alone: no switch
    assert not switches_program(reading("ei_eligibility"), text, reading("ei_apply"))
    assert not switches_program(reading("out_of_scope"), text, reading("ccb_apply"))
    assert not switches_program(reading("ccb_apply"), "and when is it paid", reading("ccb_payment_dates"))


@pytest.mark.parametrize("text, where", [
    ("ok so where do i go with all that", True), ("pis je vais où pour faire ça", True),
    ("où est-ce que je dépose mes papiers?", True), ("je fais ma demande où au juste?", True),
    ("ou j'envoie le formulaire", True),
    # where to see, or where something is, is not where to go
    ("je peux voir ça où?", False), ("where is it now", False), ("en ligne ou en personne?", False),
])
def test_asking_where_to_go(text, where):
    assert bool(ASKS_WHERE.search(text)) is where


@pytest.mark.parametrize("before, text, about_the_child", [
    ("how do i renew my passport, its expiring in may my daughter is 9 and hers expires too", "is it the same for her?", True),
    ("mon fils a 7 ans je fais sa première demande de passeport", "est ce qu'il faut un répondant pour lui aussi?", True),
    ("ma fille a 2 ans elle a jamais eu de passeport", "je fais comment", True),
    # the writer's own passport: "mine", or a question of their own after speaking of theirs
    ("how do i renew my passport my kids are 4 and 9", "and what about mine, can i do it online", False),
    ("how do i renew my passport my kids are 4 and 9", "can i do it online", False),
    ("mon fils a 7 ans j'ai besoin d'un passeport moi aussi", "est-ce qu'il faut un répondant?", False),
    # the writer's own passport, issued when they were a child ("il" is the passport)
    ("mon passeport a été émis quand j'avais 14 ans", "il est encore bon, je peux le renouveler?", False),
    ("my passport expired, i got it when i was 15", "can i still renew it", False),
    # no child under 16 named, or the applicant is 16 or more
    ("mon fils a eu 17 ans en janvier, il a jamais eu de passeport", "il fait quelle demande", False),
    ("i need a passport, never had one", "what documents do i need", False),
])
def test_a_passport_follow_up_about_the_child_named_before(before, text, about_the_child):
    from bot.engine.context import for_the_child_named

    assert for_the_child_named(before, text) is about_the_child


def test_a_clear_adult_passport_question_pointing_at_the_child_named_is_the_childs():
    import asyncio

    from bot.engine.context import in_context

    said = [UserUttered("mon fils a 7 ans", "out_of_scope"), BotUttered(),
            UserUttered("je fais sa première demande de passeport", "passport_apply_adult"), BotUttered()]
    alone = {"intent": {"name": "passport_apply_adult", "confidence": 0.83},
             "intent_ranking": [{"name": "passport_apply_adult", "confidence": 0.83},
                                {"name": "passport_child", "confidence": 0.1}],
             "knowledge": {"id": "passport_apply_adult.guarantor",
                           "by_intent": {"passport_child": {"id": "passport_child.guarantor", "score": 0.9}}}}

    async def parse(text: str) -> Dict[str, Any]:
        raise AssertionError("a clear reading is not parsed again")

    read = asyncio.run(in_context(alone, "est ce qu'il faut un répondant pour lui aussi?", said, parse))
    assert read["intent"]["name"] == "passport_child"
    assert read["knowledge"]["id"] == "passport_child.guarantor"
    mine = asyncio.run(in_context(alone, "est ce qu'il faut un répondant pour moi aussi?", said, parse))
    assert mine["intent"]["name"] == "passport_apply_adult"


def test_eligibility_told_after_a_renewal_question_asks_how_to_renew():
    import asyncio

    from bot.engine.context import in_context

    said = [UserUttered("can i use the simple renewal", "passport_renewal_eligibility"), BotUttered()]
    alone = {"intent": {"name": "passport_apply_adult", "confidence": 0.56},
             "intent_ranking": [{"name": "passport_apply_adult", "confidence": 0.56},
                                {"name": "passport_renew", "confidence": 0.2}]}

    async def parse(text: str) -> Dict[str, Any]:
        return alone  # read with the conversation's program too, the same

    text = "ok i am eligible. so whats the actual steps, like which form"
    assert asyncio.run(in_context(alone, text, said, parse))["intent"]["name"] == "passport_renew"
    # no renewal asked lately: a first passport's steps stay
    assert asyncio.run(in_context(alone, text, [], parse))["intent"]["name"] == "passport_apply_adult"
