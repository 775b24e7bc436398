"""A tracker's past states read on from the last reading (bot/engine/past_states.py) are
Rasa's own, whatever events come: Rasa's `Domain.states_for_tracker_history` is the reference."""

from __future__ import annotations

import copy
import pickle
import random
import uuid
from pathlib import Path
from typing import Any, List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.engine import past_states

ROOT = Path(__file__).resolve().parent.parent
FORM = "passport_fee_form"
RULE_ONLY = {"slots": ["requested_slot"], "active_loops": [FORM]}
ARGUMENTS = [dict(omit_unset_slots=omit, ignore_rule_only_turns=ignore, rule_only_data=data)
             for omit in (False, True) for ignore in (False, True) for data in (None, RULE_ONLY)]


@pytest.fixture(scope="module")
def domain() -> Domain:
    past_states.install()  # as an embedded engine's start does
    return Domain.load(str(ROOT / "domain.yml"))


def _rasas(tracker: DialogueStateTracker, domain: Domain, **arguments: Any) -> List[Any]:
    return domain.states_for_tracker_history(tracker, **arguments)


def _message(intent: str, text: str = "") -> UserUttered:
    return UserUttered(text or intent, {"name": intent, "confidence": 0.9},
                       entities=[{"entity": "language", "value": "fr", "start": 0, "end": 1}] if intent == "greet" else [])


def _random_event(rng: random.Random) -> Any:
    """Events of every kind that changes which events count: loops and their actions, undone
    actions and messages, rejections, restarts and new sessions, slots and plain turns."""
    kind = rng.choice(["listen", "listen", "user", "user", "utter", "slot", "form", "form", "loop_on", "loop_off",
                       "rejected", "action_reverted", "user_reverted", "restart", "session", "bot"])
    if kind == "listen":
        return ActionExecuted("action_listen")
    if kind == "user":
        return _message(rng.choice(["greet", "affirm", "deny", "passport_fees", "thanks"]))
    if kind == "utter":
        return ActionExecuted(rng.choice(["utter_greet", "action_answer", "utter_form_stopped"]),
                              hide_rule_turn=rng.random() < 0.5)
    if kind == "slot":
        return SlotSet(rng.choice(["applicant_type", "requested_slot", "travel_window"]),
                       rng.choice(["adult", "child", "soon", None, "validity_years"]))
    if kind == "form":
        return ActionExecuted(FORM, hide_rule_turn=rng.random() < 0.5)
    if kind == "loop_on":
        return ActiveLoop(FORM)
    if kind == "loop_off":
        return ActiveLoop(None)
    if kind == "rejected":
        return ActionExecutionRejected(FORM)
    if kind == "action_reverted":
        return ActionReverted()
    if kind == "user_reverted":
        return UserUtteranceReverted()
    if kind == "restart":
        return Restarted()
    if kind == "session":
        return SessionStarted()
    return BotUttered("hello")


def test_states_read_on_event_by_event_are_rasas_for_every_argument(domain):
    rng = random.Random(13)
    resumed = started = 0
    original_reads = past_states.Reading.reads
    for _ in range(120):
        tracker = DialogueStateTracker(uuid.uuid4().hex, domain.slots)
        for _ in range(rng.randint(5, 40)):
            tracker.update(_random_event(rng))
            for arguments in rng.sample(ARGUMENTS, 3):
                before = tracker.__dict__.get(past_states.READINGS)
                reading = before.by_arguments.get((arguments["omit_unset_slots"], arguments["ignore_rule_only_turns"])) \
                    if before else None
                assert tracker.past_states(domain, **arguments) == _rasas(tracker, domain, **arguments)
                after = tracker.__dict__[past_states.READINGS].by_arguments[
                    (arguments["omit_unset_slots"], arguments["ignore_rule_only_turns"])]
                resumed += reading is not None and after is reading
                started += reading is not None and after is not reading
    assert past_states.Reading.reads is original_reads
    # both ways were taken many times: read on, and (something taken back) read again from the start
    assert resumed > 1000 and started > 100


def test_states_read_after_many_new_events_at_once_are_rasas(domain):
    rng = random.Random(7)
    for _ in range(60):
        tracker = DialogueStateTracker(uuid.uuid4().hex, domain.slots)
        for _ in range(rng.randint(1, 6)):
            for _ in range(rng.randint(1, 8)):
                tracker.update(_random_event(rng))
            for arguments in ARGUMENTS:
                assert tracker.past_states(domain, **arguments) == _rasas(tracker, domain, **arguments)


def test_a_turn_of_a_form_reads_on_and_matches(domain):
    tracker = DialogueStateTracker("form", domain.slots)
    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
              _message("passport_fees"), ActionExecuted(FORM), ActiveLoop(FORM), SlotSet("requested_slot", "applicant_type"),
              BotUttered("adult or child?"), ActionExecuted("action_listen"), _message("inform", "adult"),
              SlotSet("applicant_type", "adult"), ActionExecuted(FORM), SlotSet("requested_slot", "validity_years"),
              ActionExecuted("action_listen"), _message("stop"), ActionExecutionRejected(FORM),
              ActionExecuted("action_stop_form"), ActiveLoop(None), ActionExecuted("utter_form_stopped"),
              ActionExecuted("action_listen")]
    for event in events:
        tracker.update(event)
        for arguments in ARGUMENTS:
            assert tracker.past_states(domain, **arguments) == _rasas(tracker, domain, **arguments)


def test_callers_get_their_own_states_shared_as_rasa_shares_them(domain):
    tracker = DialogueStateTracker("copies", domain.slots)
    for event in [ActionExecuted("action_listen"), _message("greet"), ActionExecuted("utter_greet"),
                  ActionExecuted("action_answer"), ActionExecuted("action_listen"), _message("affirm")]:
        tracker.update(event)
    arguments = dict(ignore_rule_only_turns=True, rule_only_data=RULE_ONLY)
    first = tracker.past_states(domain, **arguments)
    rasas = _rasas(tracker, domain, **arguments)
    # a state given the previous turn's user input holds the same dict, in both lists
    shared = [(i, j) for i, a in enumerate(rasas) for j, b in enumerate(rasas)
              if i < j and a.get("user") is not None and a.get("user") is b.get("user")]
    assert shared and all(first[i]["user"] is first[j]["user"] for i, j in shared)
    for state in first:  # a policy changes the states it was given (the last user input's parts)
        for part in state.values():
            part.clear()
    assert tracker.past_states(domain, **arguments) == rasas


def test_a_copy_or_a_pickle_of_a_tracker_starts_without_readings(domain):
    tracker = DialogueStateTracker("copied", domain.slots)
    for event in [ActionExecuted("action_listen"), _message("greet"), ActionExecuted("utter_greet")]:
        tracker.update(event)
    tracker.past_states(domain)
    assert tracker.__dict__[past_states.READINGS].by_arguments
    readings = tracker.__dict__[past_states.READINGS]
    for other in (copy.deepcopy(tracker), pickle.loads(pickle.dumps(tracker)), copy.copy(tracker)):
        # a shallow copy shares the original's attributes, its readings too: they stay the original's
        assert other.__dict__.get(past_states.READINGS) in (None, readings)
        other.update(ActionExecuted("action_listen"))
        assert other.past_states(domain) == _rasas(other, domain)
        assert other.__dict__[past_states.READINGS].owner() is other
    assert readings.owner() is tracker and tracker.__dict__[past_states.READINGS] is readings
    assert tracker.past_states(domain) == _rasas(tracker, domain)


def test_a_reading_made_with_another_domain_is_not_read_on(domain):
    tracker = DialogueStateTracker("domains", domain.slots)
    for event in [ActionExecuted("action_listen"), _message("greet")]:
        tracker.update(event)
    tracker.past_states(domain)
    other = Domain.load(str(ROOT / "domain.yml"))
    tracker.update(ActionExecuted("utter_greet"))
    assert tracker.past_states(other) == _rasas(tracker, other)
    assert tracker.__dict__[past_states.READINGS].by_arguments[(False, False)].domain is other


def test_training_trackers_keep_rasas_own_reading(domain):
    from rasa.shared.core.generator import TrackerWithCachedStates

    tracker = TrackerWithCachedStates("training", domain.slots, domain=domain)
    for event in [ActionExecuted("action_listen"), _message("greet"), ActionExecuted("utter_greet")]:
        tracker.update(event)
    assert tracker.past_states(domain) == _rasas(tracker, domain)
    assert past_states.READINGS not in tracker.__dict__


def test_the_engine_predicts_with_the_states_rasa_would_read(servers, engine, monkeypatch):
    """Through real turns of the trained model: every reading equals Rasa's, and most read on."""
    calls: List[bool] = []
    read_on = DialogueStateTracker.past_states
    assert read_on is past_states.past_states

    def checked(self: Any, domain: Any, **arguments: Any) -> Any:
        readings = self.__dict__.get(past_states.READINGS)
        known = dict(readings.by_arguments) if readings else {}
        states = read_on(self, domain, **arguments)
        assert states == domain.states_for_tracker_history(self, **arguments)
        key = (bool(arguments.get("omit_unset_slots")), bool(arguments.get("ignore_rule_only_turns")))
        calls.append(known.get(key) is self.__dict__[past_states.READINGS].by_arguments[key])
        return states

    monkeypatch.setattr(DialogueStateTracker, "past_states", checked)
    for texts in (["how much does a passport cost", "adult", "stop", "how do I apply for EI"],
                  ["I lost my passport", "I fly next week", "thanks"],
                  ["bonjour", "combien coûte un passeport pour enfant", "merci"]):
        sender = uuid.uuid4().hex
        for text in texts:
            servers.run(engine.handle(sender, text, {}))
    assert len(calls) > 20 and sum(calls) > len(calls) / 2
