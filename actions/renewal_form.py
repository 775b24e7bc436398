"""Simplified-renewal eligibility: yes/no questions checked against content/renewal_eligibility.yml."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import answers
from actions.content import load
from actions.validation import validated


def criteria() -> List[Dict[str, Any]]:
    """The rules in force, in the order they are asked (retired rules stay in the file as notes)."""
    return [c for c in load("renewal_eligibility")["criteria"] if c.get("in_force", True)]


def first_failed(slots: Dict[str, Any]) -> Optional[str]:
    """The first criterion whose answer rules out simplified renewal, if any."""
    for criterion in criteria():
        answer = slots.get(criterion["slot"])
        if answer is not None and answer != criterion["required_answer"]:
            return str(criterion["slot"])
    return None


class ValidateRenewalEligibilityForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_renewal_eligibility_form"

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        # Stop asking as soon as one answer already decides "new application".
        asked = [c["slot"] for c in criteria() if c["slot"] in domain_slots]
        failed = first_failed({slot: tracker.get_slot(slot) for slot in asked})
        return asked[: asked.index(failed) + 1] if failed else asked

    validate_renewal_age_16_plus = validated(
        "renewal_age_16_plus", answers.yes_no, "utter_invalid_yes_no"
    )
    validate_renewal_issued_recently = validated(
        "renewal_issued_recently", answers.yes_no, "utter_invalid_yes_no"
    )
    validate_renewal_valid_5_or_10 = validated(
        "renewal_valid_5_or_10", answers.yes_no, "utter_invalid_yes_no"
    )
    validate_renewal_details_unchanged = validated(
        "renewal_details_unchanged", answers.yes_no, "utter_invalid_yes_no"
    )


class ActionCheckRenewalEligibility(Action):
    def name(self) -> Text:
        return "action_check_renewal_eligibility"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        slots = [c["slot"] for c in criteria()]
        failed = first_failed({slot: tracker.get_slot(slot) for slot in slots})
        if failed:
            dispatcher.utter_message(response="utter_renewal_not_eligible")
            dispatcher.utter_message(response=f"utter_renewal_reason_{failed.removeprefix('renewal_')}")
        else:
            dispatcher.utter_message(response="utter_renewal_eligible")
        return [SlotSet(slot, None) for slot in slots]
