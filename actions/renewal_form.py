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
from actions.knowledge_answer import chosen_entry, language_of, said_lately, utter_entry
from actions.situation import check_answers_told, renewal_situation
from actions.validation import SURE_QUESTION, validated
from bot.engine.context.follow_ups import SUPPOSES
from bot.engine.context.passports import DAMAGED_ENTRY, told_damaged
from bot.knowledge import Entry, cached_knowledge
from bot.nlu.phrases import names_another_person


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


def stated(slot: str) -> Any:
    """An `extract_<slot>` method: on the message that starts the check, what it already says
    ("my last passport was from when I was 14" answers the first question: no), with what the
    conversation said before it when the message was read with that ("I was 30 when I got it"
    after "my passport expired in 2009": issued more than 15 years ago), else with the message
    just before it."""

    async def extract(
        self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") is not None or tracker.get_slot(slot) is not None:
            return {}  # the check has begun: answers come from its questions
        message = tracker.latest_message or {}
        # read with the conversation's message before it when no rule did ("on m'a dit que je peux
        # pas renouveler" after "mon passeport a été émis quand j'avais 15 ans": the first question answered)
        previous = said_lately(tracker, 1)  # (not someone else's: "my son got his at 12", then "can i renew mine?")
        before = message.get("read_with") or ("" if names_another_person(previous) else previous)
        said = renewal_situation(" ".join(str(part) for part in (before, message.get("text")) if part))
        value = said.get(slot)
        if value is True and slot == criteria()[0]["slot"] and all(said.values()):
            # The first question, which states the rules, is skipped and no answer decides
            # yet: state the rules before the next question.
            dispatcher.utter_message(response="utter_renewal_rules")
        return {} if value is None else {slot: value}

    extract.__name__ = f"extract_{slot}"
    return extract


def yes_no_or_told(slot: str) -> Any:
    """A `validate_<slot>` method: the yes or no to the question asked; or, when the message is
    no yes or no but tells what answers questions of the check ("I changed my last name back
    after the divorce though", asked whether the passport was issued at 16 or older), those
    answers, and the question asked again if they do not decide it."""
    plain = validated(slot, answers.yes_no, "utter_invalid_yes_no")

    def validate(self: Any, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: DomainDict) -> Dict[Text, Any]:
        if answers.yes_no(value) is None:
            # (a fact supposed replaces one told before: "et s'il a été émis en 2009?" after "un
            # passeport qui a expiré il y a 2 ans")
            supposed = bool(SUPPOSES.search(str(value)))
            told = {name: answer for name, answer in check_answers_told(str(value)).items()
                    if name == slot or tracker.get_slot(name) is None or supposed}
            if told:
                return {slot: told.pop(slot, None), **told}
            said = told_what_changes_how(tracker, str(value))
            if said is not None:
                utter_entry(dispatcher, said, language_of(tracker))
                return {slot: None}
        return plain(self, value, dispatcher, tracker, domain)

    validate.__name__ = f"validate_{slot}"
    return validate


def told_what_changes_how(tracker: Tracker, text: str) -> Optional[Entry]:
    """A damaged, lost or stolen passport told, not asked, during the check ("the cover is kinda
    ripped tho", "i lost it tho"): it rules nothing out but changes how to renew (a declaration
    with the application, a lost one reported first), so its answer, before the question again."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    if text.startswith("/"):
        return None
    damaged = cached_knowledge().entries.get(DAMAGED_ENTRY)
    if damaged is not None and told_damaged(text) and intent.get("name") in {damaged.intent, *damaged.also_answers}:
        # (read as its topic or one it answers, as the conversation's record then says: "oh wait theres
        # a small tear on the photo page tho", read as the photo's, is still asked yes or no)
        return damaged
    if intent.get("name") == "passport_lost_stolen" and float(intent.get("confidence") or 0.0) >= SURE_QUESTION:
        return chosen_entry(tracker)
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
        # Stop asking as soon as one answer already decides "new application" (an answer the
        # first message gave may decide before the questions before it are asked).
        asked = [c["slot"] for c in criteria() if c["slot"] in domain_slots]
        failed = first_failed({slot: tracker.get_slot(slot) for slot in asked})
        if not failed:
            return asked
        return [slot for slot in asked[: asked.index(failed) + 1] if tracker.get_slot(slot) is not None]

    extract_renewal_age_16_plus = stated("renewal_age_16_plus")
    extract_renewal_issued_recently = stated("renewal_issued_recently")
    extract_renewal_valid_5_or_10 = stated("renewal_valid_5_or_10")
    extract_renewal_details_unchanged = stated("renewal_details_unchanged")

    validate_renewal_age_16_plus = yes_no_or_told("renewal_age_16_plus")
    validate_renewal_issued_recently = yes_no_or_told("renewal_issued_recently")
    validate_renewal_valid_5_or_10 = yes_no_or_told("renewal_valid_5_or_10")
    validate_renewal_details_unchanged = yes_no_or_told("renewal_details_unchanged")


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
