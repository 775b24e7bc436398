"""Every custom action, run with real rasa_sdk Trackers, a real CollectingDispatcher and
the real domain (domain.yml)."""

from __future__ import annotations

import re
import string
import typing
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.fee_form import FORM_SLOTS, ActionCalculatePassportFee, ValidatePassportFeeForm
from actions.handoff import ActionClarifyOrHandoff, ActionHandoff
from actions.language import ValidatePredefinedSlots
from actions.knowledge_answer import ActionAnswer, ActionLostPassport
from actions.out_of_scope import ActionOutOfScope
from actions.renewal_form import ActionCheckRenewalEligibility, ValidateRenewalEligibilityForm
from actions.session import ActionSessionStart
from actions.stop_form import ActionStopForm
from bot.contracts import HANDOFF_REQUEST, HandoffRequest, is_handoff_request

ROOT = Path(__file__).resolve().parent.parent
DOMAIN: Dict[str, Any] = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
FR_CONDITION = [{"type": "slot", "name": "language", "value": "fr"}]
FEE_SLOTS = DOMAIN["forms"]["passport_fee_form"]["required_slots"]
RENEWAL_SLOTS = DOMAIN["forms"]["renewal_eligibility_form"]["required_slots"]


@pytest.fixture
def domain() -> Dict[str, Any]:
    # a fresh copy per test: actions must not depend on mutations from other tests
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


# --- helpers ------------------------------------------------------------------------


def all_slots(**values: Any) -> Dict[str, Any]:
    """Every domain slot (plus Rasa's built-ins) set to None, then ``values``."""
    slots: Dict[str, Any] = {name: None for name in DOMAIN["slots"]}
    slots.update({"requested_slot": None, "session_started_metadata": None})
    slots.update(values)
    return slots


def user(intent: str, text: str = "", confidence: float = 0.9) -> Dict[str, Any]:
    return {
        "event": "user",
        "timestamp": None,
        "text": text or intent,
        "parse_data": {"intent": {"name": intent, "confidence": confidence}, "entities": [],
                       "text": text or intent},
    }


def action(name: str) -> Dict[str, Any]:
    return ActionExecuted(name)


def make_tracker(
    slots: Optional[Dict[str, Any]] = None,
    events: Optional[List[Dict[str, Any]]] = None,
    text: str = "",
    intent: Optional[str] = None,
    active_loop: Optional[Dict[str, Any]] = None,
    latest_action_name: Optional[str] = "action_listen",
) -> Tracker:
    events = list(events or [])
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9} if intent else {},
              "entities": []}
    return Tracker(
        "citizen-1",
        all_slots(**(slots or {})),
        latest,
        events,
        False,
        None,
        active_loop or {},
        latest_action_name,
    )


def responses(dispatcher: CollectingDispatcher) -> List[Optional[str]]:
    return [message["response"] for message in dispatcher.messages]


def variation(name: str, language: str) -> Dict[str, Any]:
    """The EN (no condition) or FR (language == fr) variation of a response in domain.yml."""
    wanted = FR_CONDITION if language == "fr" else None
    found = [v for v in DOMAIN["responses"][name] if (v.get("condition") or None) == wanted]
    assert len(found) == 1, f"{name} has {len(found)} {language} variations"
    return found[0]


def placeholders(text: str) -> set:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def fill(name: str, language: str, message: Dict[str, Any]) -> str:
    """Render a response the way Rasa does (str.format with the message's kwargs)."""
    text = variation(name, language)["text"]
    missing = placeholders(text) - set(message)
    assert not missing, f"{name} ({language}) needs {sorted(missing)}"
    return text.format(**message)


# --- action_session_start -----------------------------------------------------------


async def test_session_start_utters_welcome_and_listens(domain):
    dispatcher = CollectingDispatcher()
    events = await ActionSessionStart().run(dispatcher, make_tracker(), domain)
    assert responses(dispatcher) == ["utter_welcome"]
    assert events == [SessionStarted(), ActionExecuted("action_listen")]
    assert ActionSessionStart().name() == "action_session_start"


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_session_start_carries_the_language_over(domain, language):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"language": language, "applicant_type": "adult"})
    events = await ActionSessionStart().run(dispatcher, tracker, domain)
    assert events == [SessionStarted(), SlotSet("language", language),
                      ActionExecuted("action_listen")]


@pytest.mark.parametrize("hint", ["en", "fr"])
async def test_session_start_applies_hint_without_language(domain, hint):
    tracker = make_tracker(slots={"session_started_metadata": {"language_hint": hint}})
    events = await ActionSessionStart().run(CollectingDispatcher(), tracker, domain)
    assert events == [SessionStarted(), SlotSet("language", hint),
                      ActionExecuted("action_listen")]


async def test_session_start_hint_never_overrides_the_language(domain):
    tracker = make_tracker(
        slots={"language": "fr", "session_started_metadata": {"language_hint": "en"}}
    )
    events = await ActionSessionStart().run(CollectingDispatcher(), tracker, domain)
    slot_events = [e for e in events if e["event"] == "slot"]
    assert slot_events == [SlotSet("language", "fr")]


@pytest.mark.parametrize("metadata", [{"language_hint": "de"}, {"language_hint": None},
                                      {"other": "fr"}, "fr", None])
async def test_session_start_ignores_unusable_hints(domain, metadata):
    tracker = make_tracker(slots={"session_started_metadata": metadata})
    events = await ActionSessionStart().run(CollectingDispatcher(), tracker, domain)
    assert [e for e in events if e["event"] == "slot"] == []


# --- action_validate_slot_mappings (language) ---------------------------------------


async def run_language(current: Optional[str], text: str, domain) -> List[Dict[str, Any]]:
    tracker = make_tracker(
        slots={"language": current},
        events=[action("action_listen"), user("greet", text)],
        text=text,
    )
    return await ValidatePredefinedSlots().run(CollectingDispatcher(), tracker, domain)


def test_language_action_name():
    assert ValidatePredefinedSlots().name() == "action_validate_slot_mappings"


@pytest.mark.parametrize(
    "current, text, expected",
    [
        # explicit requests, both directions
        ("fr", "en anglais svp", [SlotSet("language", "en")]),
        ("en", "can you speak french", [SlotSet("language", "fr")]),
        (None, "français", [SlotSet("language", "fr")]),
        # strong sentences switch
        ("en", "Combien coûte un passeport pour un enfant?", [SlotSet("language", "fr")]),
        ("fr", "How much does a passport cost for my child?", [SlotSet("language", "en")]),
        # weak words set a missing language...
        (None, "merci", [SlotSet("language", "fr")]),
        (None, "thanks", [SlotSet("language", "en")]),
        # ...but never flip an existing one
        ("en", "merci", []),
        ("fr", "yes", []),
        ("fr", "ok", []),
        # no evidence at all
        (None, "ok", []),
        (None, "10", []),
        (None, "👍", []),
        ("en", "/affirm", []),
        # already in that language: no event
        ("fr", "Je voudrais renouveler mon passeport", []),
        ("en", "in English please", []),
    ],
)
async def test_language_switching_rules(domain, current, text, expected):
    assert await run_language(current, text, domain) == expected


# --- validate_passport_fee_form -----------------------------------------------------


async def run_fee_form(slot: str, value: Any, filled: Dict[str, Any], language: str, domain):
    """The form's validation as Rasa calls it: the candidate is set on the tracker and is
    the last event."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"language": language, "requested_slot": slot, **filled, slot: value},
        events=[action("passport_fee_form"), action("action_listen"),
                user("inform", str(value)), SlotSet(slot, value)],
        text=str(value),
        active_loop={"name": "passport_fee_form"},
        latest_action_name="action_listen",
    )
    events = await ValidatePassportFeeForm().run(dispatcher, tracker, domain)
    return events, responses(dispatcher)


@pytest.mark.parametrize(
    "slot, text, language, value, filled",
    [
        ("applicant_type", "adult", "en", "adult", {}),
        ("applicant_type", "Adulte", "fr", "adult", {}),
        ("validity_years", "10 years", "en", 10, {"applicant_type": "adult"}),
        ("validity_years", "cinq ans", "fr", 5, {"applicant_type": "adult"}),
        ("apply_location", "in Canada", "en", "in_canada",
         {"applicant_type": "adult", "validity_years": 10}),
        ("apply_location", "au Canada", "fr", "in_canada",
         {"applicant_type": "adult", "validity_years": 10}),
        ("service_level", "express", "en", "express",
         {"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada"}),
        ("service_level", "régulier", "fr", "standard",
         {"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada"}),
        ("lost_or_stolen", "yes", "en", True,
         {"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada",
          "service_level": "standard"}),
        ("lost_or_stolen", "non", "fr", False,
         {"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada",
          "service_level": "standard"}),
    ],
)
async def test_fee_form_valid_answers(domain, slot, text, language, value, filled):
    events, said = await run_fee_form(slot, text, filled, language, domain)
    assert events[0] == SlotSet(slot, value)
    assert said == []


@pytest.mark.parametrize(
    "slot, text, language, invalid, filled",
    [
        ("applicant_type", "hmm", "en", "utter_invalid_applicant_type", {}),
        ("applicant_type", "je ne sais pas", "fr", "utter_invalid_applicant_type", {}),
        ("validity_years", "15", "en", "utter_invalid_validity_years",
         {"applicant_type": "adult"}),
        ("validity_years", "vingt ans", "fr", "utter_invalid_validity_years",
         {"applicant_type": "adult"}),
        ("apply_location", "dunno", "en", "utter_invalid_apply_location",
         {"applicant_type": "adult", "validity_years": 10}),
        ("service_level", "quoi?", "fr", "utter_invalid_service_level",
         {"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada"}),
        ("lost_or_stolen", "maybe", "en", "utter_invalid_yes_no",
         {"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada",
          "service_level": "standard"}),
        ("lost_or_stolen", "peut-être", "fr", "utter_invalid_yes_no",
         {"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada",
          "service_level": "standard"}),
    ],
)
async def test_fee_form_invalid_answers(domain, slot, text, language, invalid, filled):
    events, said = await run_fee_form(slot, text, filled, language, domain)
    assert events[0] == SlotSet(slot, None)
    assert said == [invalid]
    assert invalid in DOMAIN["responses"]


async def test_fee_form_child_answer_skips_validity(domain):
    events, _ = await run_fee_form("applicant_type", "mon enfant", {}, "fr", domain)
    assert events == [SlotSet("applicant_type", "child"),
                      SlotSet("requested_slot", "apply_location")]


async def test_fee_form_abroad_answer_skips_service(domain):
    events, _ = await run_fee_form(
        "apply_location", "à l'étranger", {"applicant_type": "adult", "validity_years": 10},
        "fr", domain,
    )
    assert events == [SlotSet("apply_location", "abroad"),
                      SlotSet("requested_slot", "lost_or_stolen")]


@pytest.mark.parametrize(
    "filled, expected",
    [
        ({}, FEE_SLOTS),
        ({"applicant_type": "adult"}, FEE_SLOTS),
        ({"applicant_type": "child"},
         ["applicant_type", "apply_location", "service_level", "lost_or_stolen"]),
        ({"applicant_type": "adult", "apply_location": "abroad"},
         ["applicant_type", "validity_years", "apply_location", "lost_or_stolen"]),
        ({"applicant_type": "child", "apply_location": "abroad"},
         ["applicant_type", "apply_location", "lost_or_stolen"]),
        ({"applicant_type": "adult", "apply_location": "in_canada"}, FEE_SLOTS),
    ],
)
async def test_fee_form_required_slots(domain, filled, expected):
    tracker = make_tracker(slots=filled, active_loop={"name": "passport_fee_form"})
    got = await ValidatePassportFeeForm().required_slots(
        FEE_SLOTS, CollectingDispatcher(), tracker, domain
    )
    assert got == expected


def test_fee_form_names():
    assert ValidatePassportFeeForm().name() == "validate_passport_fee_form"
    assert ValidatePassportFeeForm().form_name() == "passport_fee_form"
    assert list(FORM_SLOTS) == FEE_SLOTS


# --- action_calculate_passport_fee --------------------------------------------------

FEE_CASES = [
    # slots, language, expected template variables
    ({"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada",
      "service_level": "urgent", "lost_or_stolen": False}, "en",
     {"total": "289.25", "base_fee": "163.50", "service_fee": "125.75", "lost_fee": "0"}),
    ({"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada",
      "service_level": "urgent", "lost_or_stolen": False}, "fr",
     {"total": "289,25", "base_fee": "163,50", "service_fee": "125,75", "lost_fee": "0"}),
    ({"applicant_type": "adult", "validity_years": 5, "apply_location": "in_canada",
      "service_level": "express", "lost_or_stolen": True}, "en",
     {"total": "217.50", "base_fee": "122.50", "service_fee": "50", "lost_fee": "45"}),
    ({"applicant_type": "child", "validity_years": None, "apply_location": "abroad",
      "service_level": None, "lost_or_stolen": True}, "fr",
     {"total": "147,50", "base_fee": "102,50", "service_fee": "0", "lost_fee": "45"}),
    ({"applicant_type": "adult", "validity_years": 10, "apply_location": "abroad",
      "service_level": None, "lost_or_stolen": False}, "fr",
     {"total": "266,25", "base_fee": "266,25", "service_fee": "0", "lost_fee": "0"}),
]


@pytest.mark.parametrize("slots, language, expected", FEE_CASES)
async def test_calculate_fee(domain, slots, language, expected):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"language": language, **slots})
    events = await ActionCalculatePassportFee().run(dispatcher, tracker, domain)

    assert responses(dispatcher) == ["utter_fee_result"]
    message = dispatcher.messages[0]
    assert {key: message[key] for key in expected} == expected
    # every slot of the form is reset for the next calculation
    assert events == [SlotSet(slot, None) for slot in FEE_SLOTS]


async def test_calculate_fee_renders_in_both_languages(domain):
    slots = FEE_CASES[0][0]
    for language, needle in (("en", "Your estimated total is $289.25 CAD"),
                             ("fr", "Le total estimé est de 289,25 $ CA")):
        dispatcher = CollectingDispatcher()
        await ActionCalculatePassportFee().run(
            dispatcher, make_tracker(slots={"language": language, **slots}), domain
        )
        assert needle in fill("utter_fee_result", language, dispatcher.messages[0])


async def test_calculate_fee_without_language_uses_english(domain):
    dispatcher = CollectingDispatcher()
    slots = {"applicant_type": "adult", "validity_years": 10, "apply_location": "in_canada",
             "service_level": "standard", "lost_or_stolen": False}
    await ActionCalculatePassportFee().run(dispatcher, make_tracker(slots=slots), domain)
    assert dispatcher.messages[0]["total"] == "163.50"


# --- validate_renewal_eligibility_form ----------------------------------------------


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({}, RENEWAL_SLOTS),
        ({"renewal_age_16_plus": False}, ["renewal_age_16_plus"]),
        ({"renewal_age_16_plus": True}, RENEWAL_SLOTS),
        ({"renewal_age_16_plus": True, "renewal_issued_recently": False},
         ["renewal_age_16_plus", "renewal_issued_recently"]),
        ({"renewal_age_16_plus": True, "renewal_issued_recently": True,
          "renewal_valid_5_or_10": False},
         ["renewal_age_16_plus", "renewal_issued_recently", "renewal_valid_5_or_10"]),
        ({"renewal_age_16_plus": True, "renewal_issued_recently": True,
          "renewal_valid_5_or_10": True, "renewal_details_unchanged": False}, RENEWAL_SLOTS),
        # a later "no" never hides an earlier failing answer
        ({"renewal_age_16_plus": False, "renewal_issued_recently": False},
         ["renewal_age_16_plus"]),
        # a failing answer the first message gave decides without the questions before it
        ({"renewal_issued_recently": False}, ["renewal_issued_recently"]),
        ({"renewal_age_16_plus": True, "renewal_valid_5_or_10": False},
         ["renewal_age_16_plus", "renewal_valid_5_or_10"]),
    ],
)
async def test_renewal_required_slots_stop_after_first_failure(domain, answers, expected):
    tracker = make_tracker(slots=answers, active_loop={"name": "renewal_eligibility_form"})
    got = await ValidateRenewalEligibilityForm().required_slots(
        RENEWAL_SLOTS, CollectingDispatcher(), tracker, domain
    )
    assert got == expected


async def test_renewal_retired_criteria_are_never_asked(domain):
    retired = ["renewal_undamaged", "renewal_not_reported_lost"]
    offered = RENEWAL_SLOTS[:3] + retired + RENEWAL_SLOTS[3:]
    tracker = make_tracker(slots={"renewal_age_16_plus": True, "renewal_issued_recently": True,
                                  "renewal_valid_5_or_10": True, "renewal_undamaged": False,
                                  "renewal_not_reported_lost": False})
    got = await ValidateRenewalEligibilityForm().required_slots(
        offered, CollectingDispatcher(), tracker, domain
    )
    assert got == RENEWAL_SLOTS
    assert not set(retired) & set(RENEWAL_SLOTS)  # the domain never asks them either


async def run_renewal_form(slot: str, text: str, filled: Dict[str, Any], language: str, domain):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots={"language": language, "requested_slot": slot, **filled, slot: text},
        events=[action("renewal_eligibility_form"), action("action_listen"),
                user("inform", text), SlotSet(slot, text)],
        text=text,
        active_loop={"name": "renewal_eligibility_form"},
    )
    events = await ValidateRenewalEligibilityForm().run(dispatcher, tracker, domain)
    return events, responses(dispatcher)


async def test_renewal_form_no_to_first_question_ends_the_form(domain):
    events, said = await run_renewal_form("renewal_age_16_plus", "non", {}, "fr", domain)
    assert events == [SlotSet("renewal_age_16_plus", False), SlotSet("requested_slot", None)]
    assert said == []


async def test_renewal_form_yes_continues(domain):
    events, said = await run_renewal_form(
        "renewal_issued_recently", "yes", {"renewal_age_16_plus": True}, "en", domain
    )
    assert events == [SlotSet("renewal_issued_recently", True)]
    assert said == []


async def test_renewal_form_invalid_answer(domain):
    events, said = await run_renewal_form("renewal_age_16_plus", "maybe", {}, "en", domain)
    assert events[0] == SlotSet("renewal_age_16_plus", None)
    assert said == ["utter_invalid_yes_no"]


def renewal_form_asked(text: str, intent: str, confidence: float, knowledge: Optional[str] = None):
    """A tracker in the renewal check, asked whether the passport was issued at 16 or older, that
    got `text` read as `intent`."""
    tracker = make_tracker(
        slots={"language": "en", "requested_slot": "renewal_age_16_plus", "renewal_age_16_plus": text},
        events=[action("renewal_eligibility_form"), action("action_listen"), user(intent, text),
                SlotSet("renewal_age_16_plus", text)],
        text=text, intent=intent, active_loop={"name": "renewal_eligibility_form"},
    )
    tracker.latest_message["intent"] = {"name": intent, "confidence": confidence}
    if knowledge:
        tracker.latest_message["knowledge"] = {"id": knowledge}
    return tracker


@pytest.mark.parametrize("text, intent, knowledge, said, needle", [
    # a sure question of another of our topics: its answer instead of "please answer yes or no"
    ("ok i am eligible. so whats the actual steps, like which form", "passport_renew", "passport_renew.what_to_bring", [None],
     "2 references"),
    # a sure off-topic question: the off-topic answer
    ("oh and how do i renew my nexus card", "out_of_scope", None, ["utter_out_of_scope_named"], "NEXUS"),
])
async def test_a_sure_question_in_the_form_is_answered_then_asked_again(domain, text, intent, knowledge, said, needle):
    dispatcher = CollectingDispatcher()
    tracker = renewal_form_asked(text, intent, 1.0, knowledge)
    events = await ValidateRenewalEligibilityForm().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("renewal_age_16_plus", None)  # the form asks its question again
    assert responses(dispatcher) == said
    assert needle in str(dispatcher.messages[0])  # the answer, or the service the off-topic answer names
    # read unsurely: an answer the form cannot use, the form's own re-ask
    dispatcher = CollectingDispatcher()
    await ValidateRenewalEligibilityForm().run(dispatcher, renewal_form_asked(text, intent, 0.3, knowledge), domain)
    assert responses(dispatcher) == ["utter_invalid_yes_no"]


async def test_the_checks_own_question_asked_in_the_form_goes_on_with_it(domain):
    # "can I do the simplified renewal?" while the check asks: its next question, no "please answer yes or no"
    text = "je peux tu faire le renouvellement simplifié?"
    dispatcher = CollectingDispatcher()
    events = await ValidateRenewalEligibilityForm().run(
        dispatcher, renewal_form_asked(text, "passport_renewal_eligibility", 0.97), domain)
    assert events[0] == SlotSet("renewal_age_16_plus", None)
    assert responses(dispatcher) == []
    # how to do it asked: the form cannot tell, "please answer yes or no" as before
    dispatcher = CollectingDispatcher()
    await ValidateRenewalEligibilityForm().run(
        dispatcher, renewal_form_asked("ok so how do i do that", "passport_renewal_eligibility", 1.0), domain)
    assert responses(dispatcher) == ["utter_invalid_yes_no"]
    # told, not asked: still "please answer yes or no"
    dispatcher = CollectingDispatcher()
    await ValidateRenewalEligibilityForm().run(
        dispatcher, renewal_form_asked("renouvellement simplifié", "passport_renewal_eligibility", 0.97), domain)
    assert responses(dispatcher) == ["utter_invalid_yes_no"]


async def test_what_the_citizen_tells_in_the_form_answers_the_questions_it_settles(domain):
    # asked whether they were 16 or older, they tell a name change: that decides (a new
    # application), and the form's question is not asked again as "please answer yes or no"
    text = "I changed my last name back after the divorce though"
    events, said = await run_renewal_form(
        "renewal_age_16_plus", text, {"renewal_issued_recently": True, "renewal_valid_5_or_10": True}, "en", domain)
    assert SlotSet("renewal_details_unchanged", False) in events
    assert SlotSet("requested_slot", None) in events  # decided: the form ends
    assert said == []
    # what answers the question asked itself is that answer
    events, said = await run_renewal_form("renewal_age_16_plus", "il a été fait quand j'avais 15 ans", {}, "fr", domain)
    assert events[0] == SlotSet("renewal_age_16_plus", False)
    assert said == []


async def test_renewal_form_no_to_later_question_ends_the_form(domain):
    events, _ = await run_renewal_form(
        "renewal_valid_5_or_10", "no",
        {"renewal_age_16_plus": True, "renewal_issued_recently": True}, "en", domain,
    )
    assert events == [SlotSet("renewal_valid_5_or_10", False), SlotSet("requested_slot", None)]


# --- action_check_renewal_eligibility -----------------------------------------------

ALL_YES = {slot: True for slot in RENEWAL_SLOTS}


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_renewal_eligible(domain, language):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"language": language, **ALL_YES,
                                  # retired criteria are ignored even when answered "no"
                                  "renewal_undamaged": False, "renewal_not_reported_lost": False})
    events = await ActionCheckRenewalEligibility().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_renewal_eligible"]
    assert events == [SlotSet(slot, None) for slot in RENEWAL_SLOTS]


@pytest.mark.parametrize("failing", RENEWAL_SLOTS)
async def test_renewal_not_eligible_gives_the_reason(domain, failing):
    dispatcher = CollectingDispatcher()
    slots = dict(ALL_YES)
    slots[failing] = False
    events = await ActionCheckRenewalEligibility().run(dispatcher, make_tracker(slots=slots),
                                                       domain)
    reason = "utter_renewal_reason_" + failing[len("renewal_"):]
    assert responses(dispatcher) == ["utter_renewal_not_eligible", reason]
    assert reason in DOMAIN["responses"]
    assert events == [SlotSet(slot, None) for slot in RENEWAL_SLOTS]


async def test_renewal_reason_is_the_first_failure(domain):
    dispatcher = CollectingDispatcher()
    slots = {**ALL_YES, "renewal_issued_recently": False, "renewal_details_unchanged": False}
    await ActionCheckRenewalEligibility().run(dispatcher, make_tracker(slots=slots), domain)
    assert responses(dispatcher) == ["utter_renewal_not_eligible",
                                     "utter_renewal_reason_issued_recently"]


def test_every_renewal_reason_response_exists():
    for slot in RENEWAL_SLOTS:
        name = "utter_renewal_reason_" + slot[len("renewal_"):]
        assert name in DOMAIN["responses"], name


# --- action_handoff -----------------------------------------------------------------

HINTS = typing.get_type_hints(HandoffRequest)


def handoff_payload(dispatcher: CollectingDispatcher) -> Dict[str, Any]:
    customs = [m["custom"] for m in dispatcher.messages if m["custom"]]
    assert len(customs) == 1
    return customs[0]


def assert_matches_contract(payload: Dict[str, Any]) -> None:
    assert set(payload) == set(HINTS)
    for key, hint in HINTS.items():
        allowed = typing.get_args(hint)
        if typing.get_origin(hint) is typing.Literal:
            assert payload[key] in allowed, (key, payload[key])
        elif key == "version":
            assert isinstance(payload[key], int)
        else:  # Optional[str]
            assert payload[key] is None or isinstance(payload[key], str)
    assert is_handoff_request(payload)


HANDOFF_CASES = [
    # name, events, language, reason, priority, topic, last_intent
    ("asks for a person after a greeting",
     [user("greet"), action("utter_greet"), action("action_listen"), user("request_human")],
     "en", "citizen_request", "normal", "general", "request_human"),
    ("asks for a person about passports",
     [user("passport_renew"), action("utter_passport_renew"), action("action_listen"),
      user("request_human")],
     "fr", "citizen_request", "normal", "passport", "request_human"),
    ("complaint about EI",
     [user("ei_apply"), action("utter_ei_apply"), action("action_listen"), user("complaint"),
      action("utter_complaint")],
     "en", "complaint", "normal", "programs", "complaint"),
    ("complaint about student loans, after passports",
     [user("passport_fees"), action("action_listen"), user("student_loan_rap"),
      action("action_listen"), user("complaint")],
     "fr", "complaint", "normal", "programs", "complaint"),
    ("lost passport and travelling soon",
     [user("passport_lost_stolen"), action("utter_passport_lost_stolen"),
      action("utter_ask_travel_soon"), action("action_listen"), user("affirm", "/affirm")],
     "fr", "urgent_travel", "high", "passport", "affirm"),
    ("fallback twice",
     [user("sin_apply"), action("action_listen"), user("nlu_fallback"),
      action("action_clarify_or_handoff"), action("action_listen"), user("nlu_fallback")],
     "en", "repeated_fallback", "normal", "programs", "nlu_fallback"),
    ("gibberish, then low confidence",
     [user("passport_photo"), action("action_listen"), user("nonsense", "qsdf jklm"),
      action("action_clarify_or_handoff"), action("action_listen"), user("nlu_fallback")],
     "fr", "repeated_fallback", "normal", "passport", "nlu_fallback"),
    ("ccb question, then a person",
     [user("ccb_payment_dates"), action("action_listen"), user("request_human")],
     None, "citizen_request", "normal", "programs", "request_human"),
]


@pytest.mark.parametrize(
    "events, language, reason, priority, topic, last_intent",
    [case[1:] for case in HANDOFF_CASES],
    ids=[case[0] for case in HANDOFF_CASES],
)
async def test_handoff_payload(domain, events, language, reason, priority, topic, last_intent):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"language": language}, events=events)
    result = await ActionHandoff().run(dispatcher, tracker, domain)

    assert responses(dispatcher) == ["utter_handoff", None]
    payload = handoff_payload(dispatcher)
    assert payload == {
        "type": HANDOFF_REQUEST,
        "version": 1,
        "reason": reason,
        "priority": priority,
        "topic": topic,
        "language": language or "en",
        "last_intent": last_intent,
    }
    assert_matches_contract(payload)
    assert result == [SlotSet("handoff_reason", reason)]


async def test_handoff_affirm_to_another_question_is_not_urgent(domain):
    dispatcher = CollectingDispatcher()
    events = [user("passport_lost_stolen"), action("utter_ask_travel_soon"),
              action("action_listen"), user("affirm"), action("utter_anything_else"),
              action("action_listen"), user("affirm")]
    await ActionHandoff().run(dispatcher, make_tracker(events=events), domain)
    payload = handoff_payload(dispatcher)
    assert (payload["reason"], payload["priority"]) == ("citizen_request", "normal")


async def test_handoff_without_any_user_message(domain):
    dispatcher = CollectingDispatcher()
    await ActionHandoff().run(dispatcher, make_tracker(slots={"language": "fr"}), domain)
    payload = handoff_payload(dispatcher)
    assert payload["last_intent"] is None
    assert (payload["reason"], payload["topic"], payload["language"]) == (
        "citizen_request", "general", "fr"
    )
    assert_matches_contract(payload)


def test_handoff_reasons_and_topics_cover_the_contract():
    reasons = {case[3] for case in HANDOFF_CASES}
    topics = {case[5] for case in HANDOFF_CASES}
    assert reasons == set(typing.get_args(HINTS["reason"]))
    assert topics == set(typing.get_args(HINTS["topic"]))


# --- action_clarify_or_handoff ------------------------------------------------------


async def test_first_fallback_asks_to_rephrase(domain):
    dispatcher = CollectingDispatcher()
    events = [user("greet"), action("utter_greet"), action("action_listen"),
              user("nlu_fallback", "blorp")]
    result = await ActionClarifyOrHandoff().run(dispatcher, make_tracker(events=events), domain)
    assert responses(dispatcher) == ["utter_please_rephrase"]
    assert result == []


async def test_fallbacks_not_in_a_row_ask_to_rephrase(domain):
    dispatcher = CollectingDispatcher()
    events = [user("nlu_fallback"), action("action_clarify_or_handoff"), user("passport_fees"),
              action("action_answer"), user("nlu_fallback")]
    result = await ActionClarifyOrHandoff().run(dispatcher, make_tracker(events=events), domain)
    assert responses(dispatcher) == ["utter_please_rephrase"]
    assert result == []


@pytest.mark.parametrize("first, second", [("nlu_fallback", "nlu_fallback"),
                                           ("nonsense", "nonsense"), ("nlu_fallback", "nonsense")])
@pytest.mark.parametrize("language", ["en", "fr"])
async def test_second_fallback_in_a_row_hands_off(domain, language, first, second):
    dispatcher = CollectingDispatcher()
    events = [user("passport_photo"), action("action_listen"), user(first),
              action("action_clarify_or_handoff"), action("action_listen"),
              user(second)]
    tracker = make_tracker(slots={"language": language}, events=events)
    result = await ActionClarifyOrHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_handoff", None]
    payload = handoff_payload(dispatcher)
    assert (payload["reason"], payload["topic"], payload["language"]) == (
        "repeated_fallback", "passport", language
    )
    assert_matches_contract(payload)
    assert result == [SlotSet("handoff_reason", "repeated_fallback")]


# --- action_stop_form ---------------------------------------------------------------


@pytest.mark.parametrize(
    "form, cleared",
    [("passport_fee_form", FEE_SLOTS), ("renewal_eligibility_form", RENEWAL_SLOTS)],
)
async def test_stop_form_clears_only_that_forms_slots(domain, form, cleared):
    filled = {slot: "x" for slot in FEE_SLOTS + RENEWAL_SLOTS}
    tracker = make_tracker(slots={"language": "fr", "handoff_reason": "complaint", **filled},
                           active_loop={"name": form})
    events = await ActionStopForm().run(CollectingDispatcher(), tracker, domain)
    assert events == [ActiveLoop(None), SlotSet("requested_slot", None)] + [
        SlotSet(slot, None) for slot in cleared
    ]


async def test_stop_form_without_active_form(domain):
    dispatcher = CollectingDispatcher()
    events = await ActionStopForm().run(dispatcher, make_tracker(slots={"language": "en"}),
                                        domain)
    assert events == [ActiveLoop(None), SlotSet("requested_slot", None)]
    assert dispatcher.messages == []


def test_action_names_are_declared_in_the_domain():
    names = [ActionSessionStart(), ValidatePredefinedSlots(), ActionAnswer(), ActionLostPassport(),
             ValidatePassportFeeForm(), ActionCalculatePassportFee(),
             ValidateRenewalEligibilityForm(), ActionCheckRenewalEligibility(),
             ActionClarifyOrHandoff(), ActionHandoff(), ActionStopForm(), ActionOutOfScope()]
    assert sorted(a.name() for a in names) == sorted(DOMAIN["actions"])


def test_placeholder_helper():
    # guard for the helper used above: "${x}" and "{x} $" both name x
    assert placeholders("total ${total} and {base_fee} $") == {"total", "base_fee"}
    assert re.sub(r"\{(\w+)\}", "", "a {b} c") == "a  c"


async def test_renewal_check_started_takes_the_age_the_message_before_told(domain):
    """"on m'a dit que je peux pas renouveler" after "mon passeport a été émis quand j'avais 15
    ans": the first question is already answered (no), from the message before."""
    before = [{"event": "user", "text": "mon passeport a ete emis quand javais 15 ans"},
              {"event": "user", "text": "on ma dit que je peux pas renouveler"}]
    tracker = make_tracker(events=before, text="on ma dit que je peux pas renouveler", intent="passport_renewal_eligibility",
                           active_loop={"name": "renewal_eligibility_form"})
    form = ValidateRenewalEligibilityForm()
    assert await form.extract_renewal_age_16_plus(CollectingDispatcher(), tracker, domain) == {"renewal_age_16_plus": False}
    alone = make_tracker(events=before[1:], text="on ma dit que je peux pas renouveler", intent="passport_renewal_eligibility",
                         active_loop={"name": "renewal_eligibility_form"})
    assert await form.extract_renewal_age_16_plus(CollectingDispatcher(), alone, domain) == {}


async def test_renewal_check_started_does_not_take_someone_elses_age_from_the_message_before(domain):
    before = [{"event": "user", "text": "my son got his passport at 12"},
              {"event": "user", "text": "can i renew mine"}]
    tracker = make_tracker(events=before, text="can i renew mine", intent="passport_renewal_eligibility",
                           active_loop={"name": "renewal_eligibility_form"})
    assert await ValidateRenewalEligibilityForm().extract_renewal_age_16_plus(CollectingDispatcher(), tracker, domain) == {}
