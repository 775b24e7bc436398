"""The passport fee calculator form: validate each answer, then quote the total."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import answers
from actions.fees import money, quote
from actions.validation import validated

FORM_SLOTS = ("applicant_type", "validity_years", "apply_location", "service_level", "lost_or_stolen")


class ValidatePassportFeeForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_passport_fee_form"

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        skipped = set()
        if tracker.get_slot("applicant_type") == "child":
            skipped.add("validity_years")  # child passports are 5-year only
        if tracker.get_slot("apply_location") == "abroad":
            skipped.add("service_level")  # pick-up services exist only in Canada
        return [slot for slot in domain_slots if slot not in skipped]

    validate_applicant_type = validated(
        "applicant_type", answers.applicant_type, "utter_invalid_applicant_type"
    )
    validate_validity_years = validated(
        "validity_years", answers.validity_years, "utter_invalid_validity_years"
    )
    validate_apply_location = validated(
        "apply_location", answers.apply_location, "utter_invalid_apply_location"
    )
    validate_service_level = validated(
        "service_level", answers.service_level, "utter_invalid_service_level"
    )
    validate_lost_or_stolen = validated("lost_or_stolen", answers.yes_no, "utter_invalid_yes_no")


class ActionCalculatePassportFee(Action):
    def name(self) -> Text:
        return "action_calculate_passport_fee"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        fee = quote(
            applicant_type=tracker.get_slot("applicant_type"),
            validity_years=tracker.get_slot("validity_years"),
            apply_location=tracker.get_slot("apply_location"),
            service_level=tracker.get_slot("service_level"),
            lost_or_stolen=bool(tracker.get_slot("lost_or_stolen")),
        )
        language = tracker.get_slot("language") or "en"
        dispatcher.utter_message(
            response="utter_fee_result",
            total=money(fee.total, language),
            base_fee=money(fee.base, language),
            service_fee=money(fee.service, language),
            lost_fee=money(fee.lost_or_stolen, language),
        )
        return [SlotSet(slot, None) for slot in FORM_SLOTS]
