"""bot/engine/context.py without a model: follow-ups whose topic the conversation, not their
own few words, decides: how long the urgent or express service takes, and how to sign up for
the Repayment Assistance Plan just explained."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

from bot.engine.context import in_context
from tests.support.readings import UserUttered, reading


def _read(earlier: str, earlier_intent: str, text: str, alone: Dict[str, Any], combined: Dict[str, Any]) -> Dict[str, Any]:
    async def parse(said: str) -> Dict[str, Any]:
        return combined if said.endswith(text) else reading((earlier_intent, 0.9))

    return asyncio.run(in_context(alone, text, [UserUttered(earlier, earlier_intent)], parse))


EXPRESS_FEE = "how much is express passport service?"
TIMES = reading(("passport_processing_times", 0.9), ("passport_urgent", 0.05))


def test_how_long_after_the_express_fee_is_the_express_services_own_time():
    read = _read(EXPRESS_FEE, "passport_fees", "and how long does it take", TIMES, TIMES)
    assert read["intent"]["name"] == "passport_urgent"
    assert read["read_with"] == EXPRESS_FEE


def test_how_long_the_regular_service_takes_stays_processing_times():
    read = _read(EXPRESS_FEE, "passport_fees", "and how long does regular take", TIMES, TIMES)
    assert read["intent"]["name"] == "passport_processing_times"


def test_how_long_after_a_renewal_question_stays_processing_times():
    read = _read("i want to renew my passport", "passport_renew", "and how long does it take", TIMES, TIMES)
    assert read["intent"]["name"] == "passport_processing_times"


RAP = "je peux plus payer mon prêt étudiant, j'ai perdu ma job"


def test_signing_up_for_the_plan_just_explained_is_how_to_apply_for_it():
    alone = reading(("out_of_scope", 0.43), ("student_loan_repayment", 0.27), ("help", 0.14))
    combined = reading(("student_loan_repayment", 0.65), ("student_loan_rap", 0.3))
    read = _read(RAP, "student_loan_rap", "comment je m'inscris à ça?", alone, combined)
    assert read["intent"]["name"] == "student_loan_rap"
    assert read["knowledge"]["id"] == "student_loan_rap.how_apply"


def test_signing_up_after_repaying_in_general_is_left_to_the_reading():
    alone = reading(("out_of_scope", 0.43), ("student_loan_repayment", 0.27), ("help", 0.14))
    combined = reading(("student_loan_repayment", 0.65), ("student_loan_rap", 0.3))
    read = _read("when do i start repaying my student loan", "student_loan_repayment", "how do i sign up", alone, combined)
    assert read["intent"]["name"] == "student_loan_repayment"
