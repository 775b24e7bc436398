"""A tracker's past states, read on from where the last reading stopped.

Rasa's policies see a conversation as its list of past states (`DialogueStateTracker.
past_states`): Rasa replays every applied event on a blank tracker and turns the tracker before
each action into a state. Every prediction does it, two or three times (RulePolicy, and
MemoizationPolicy with other arguments), and a turn predicts at least twice: about a fifth of a
worker's time, growing with the conversation. Each new event only adds states after the ones
already read, so a reading is kept on the tracker and goes on from its end when the tracker's
applied events still begin with the same event objects; anything else (an undone action or
message, a restart, a loop's events taken back, a new domain or other arguments) reads from the
start, as Rasa does. Each caller gets its own copy of the states (policies change the last ones).

The tracker this process saved last is read again on the next turn (rasa_fixes.
StoredEventCounts), so a reading also goes on across turns. A copy or a pickle of the tracker
starts without one.
"""

from __future__ import annotations

import itertools
import operator
import weakref
from typing import Any, Dict, List, Optional, Set, Tuple

READINGS = "_govbot_past_states"  # on a tracker: its readings, by arguments


class Reading:
    """Rasa's loop in `Domain.states_for_tracker_history`, stopped after the tracker's applied
    events so far and able to go on: the replayed tracker, the applied events it has had, the
    states of the trackers before each action, and the loop's two variables."""

    def __init__(self, tracker: Any, domain: Any, omit_unset_slots: bool, ignore_rule_only_turns: bool,
                 rule_only_data: Optional[Dict[str, Any]]) -> None:
        self.domain = domain
        self.omit_unset_slots = omit_unset_slots
        self.ignore_rule_only_turns = ignore_rule_only_turns
        self.rule_only_data = rule_only_data
        self.replayed = tracker.init_copy()
        self.applied: List[Any] = []
        self.states: List[Dict[str, Any]] = []
        self.last_ml_action_sub_state: Optional[Dict[str, Any]] = None
        self.turn_was_hidden = False

    def reads(self, domain: Any, rule_only_data: Optional[Dict[str, Any]], applied: List[Any]) -> bool:
        """Whether this reading goes on to `applied`: same domain and rule-only data, and the
        events it has had are the first of `applied`, the very same objects."""
        return (domain is self.domain and rule_only_data == self.rule_only_data
                and len(applied) >= len(self.applied) and all(map(operator.is_, self.applied, applied)))

    def read_on(self, applied: List[Any], rule_only_data: Optional[Dict[str, Any]]) -> List[Dict[str, Any]]:
        from rasa.shared.core.events import ActionExecuted

        self.rule_only_data = rule_only_data
        for event in applied[len(self.applied):]:
            if isinstance(event, ActionExecuted):
                self._step(event.hide_rule_turn)
            self.replayed.update(event)
        self.applied = applied
        # the tracker after the last event is a state too, until the next event: read it, then
        # put the loop back as it was before it
        hidden, last_ml, count = self.turn_was_hidden, self.last_ml_action_sub_state, len(self.states)
        self._step(False)
        states = _copied(self.states)
        del self.states[count:]
        self.turn_was_hidden, self.last_ml_action_sub_state = hidden, last_ml
        return states

    def _step(self, hide_rule_turn: bool) -> None:
        """One pass of Rasa's loop, for the replayed tracker as it is now."""
        from rasa.shared.core.constants import PREVIOUS_ACTION

        domain, tracker = self.domain, self.replayed
        if self.ignore_rule_only_turns:
            if not self.turn_was_hidden:
                self.last_ml_action_sub_state = domain._get_prev_action_sub_state(tracker)
            if not tracker.followup_action and not tracker.latest_action_name == tracker.active_loop_name:
                self.turn_was_hidden = hide_rule_turn
            if self.turn_was_hidden:
                return
        state = domain.get_active_state(tracker, omit_unset_slots=self.omit_unset_slots)
        if self.ignore_rule_only_turns:
            domain._remove_rule_only_features(state, self.rule_only_data)
            if self.states:
                domain._substitute_rule_only_user_input(state, self.states[-1])
            if self.last_ml_action_sub_state:
                state[PREVIOUS_ACTION] = self.last_ml_action_sub_state
        self.states.append(domain._clean_state(state))


def _copied(states: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The states, each state and each of its parts a new dict; a part two states share in
    Rasa's list (a turn given the user input or the action of the one before) is one new dict
    shared the same way."""
    parts: Dict[int, Dict[str, Any]] = {}
    copied = []
    for state in states:
        new = {}
        for kind, part in state.items():
            known = parts.get(id(part))
            if known is None:
                known = parts[id(part)] = dict(part)
            new[kind] = known
        copied.append(new)
    return copied


class Readings:
    """A tracker's readings, by the arguments they were read with, and its applied events as
    they were last walked (the same for every reading). Only that tracker uses them; a copy or
    a pickle of it starts with none."""

    def __init__(self, tracker: Any) -> None:
        self.owner = weakref.ref(tracker)
        self.by_arguments: Dict[Tuple[bool, bool], Reading] = {}
        self.seen: List[Any] = []  # the tracker's events when it was last read
        self.loop_names: Set[str] = set()  # the loops they activate
        self.applied: List[Any] = []  # their applied events

    def applied_events(self, tracker: Any) -> List[Any]:
        """`tracker.applied_events()`. When the tracker's events are those seen last time and
        more, Rasa's walk over all of them is gone on from where it stopped, as long as the new
        ones only add to the applied events or start them again (a restart, a new session);
        one that takes back what came before (an undone action or message, a loop's events)
        and a new tracker are walked from the start, by Rasa."""
        from rasa.shared.core.events import Restarted, SessionStarted

        events = tracker.events
        count = len(self.seen)
        if len(events) >= count and all(map(operator.is_, self.seen, events)):
            applied = list(self.applied)
            for event in itertools.islice(events, count, None):
                if isinstance(event, (Restarted, SessionStarted)):
                    applied = []
                elif self._appended(event):
                    applied.append(event)
                else:
                    break  # Rasa's walk, from the start
            else:
                self.seen, self.applied = list(events), applied
                return applied
        from rasa.shared.core.events import ActiveLoop

        self.seen = list(events)
        self.loop_names = {event.name for event in self.seen if isinstance(event, ActiveLoop) and event.name}
        self.applied = tracker.applied_events()
        return self.applied

    def _appended(self, event: Any) -> bool:
        """Whether Rasa's walk of the applied events only appends `event` to them."""
        from rasa.shared.core.events import ActionExecuted, ActionReverted, ActiveLoop, UserUtteranceReverted

        if isinstance(event, ActionExecuted):
            return event.action_name not in self.loop_names
        return not isinstance(event, (ActionReverted, UserUtteranceReverted, ActiveLoop))

    def __deepcopy__(self, memo: Dict[int, Any]) -> None:
        return None

    def __copy__(self) -> None:
        return None

    def __reduce__(self) -> Any:
        return (type(None), ())


def past_states(tracker: Any, domain: Any, omit_unset_slots: bool = False, ignore_rule_only_turns: bool = False,
                rule_only_data: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """`tracker.past_states(...)`: the same states as Rasa's, read on from the last reading."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    if type(tracker) is not DialogueStateTracker or (
            type(domain).states_for_tracker_history is not Domain.states_for_tracker_history):
        # training's trackers keep states their own way; another domain reads its own way
        return domain.states_for_tracker_history(tracker, omit_unset_slots=omit_unset_slots,
                                                 ignore_rule_only_turns=ignore_rule_only_turns,
                                                 rule_only_data=rule_only_data)
    readings = tracker.__dict__.get(READINGS)
    if readings is None or readings.owner() is not tracker:
        readings = Readings(tracker)
        setattr(tracker, READINGS, readings)
    applied = readings.applied_events(tracker)
    arguments = (bool(omit_unset_slots), bool(ignore_rule_only_turns))
    reading = readings.by_arguments.get(arguments)
    if reading is None or not reading.reads(domain, rule_only_data, applied):
        reading = readings.by_arguments[arguments] = Reading(tracker, domain, *arguments, rule_only_data)
    return reading.read_on(applied, rule_only_data)


def install() -> None:
    """Idempotent: DialogueStateTracker.past_states reads on."""
    from rasa.shared.core.trackers import DialogueStateTracker

    if DialogueStateTracker.__dict__.get("past_states") is not past_states:
        DialogueStateTracker.past_states = past_states  # type: ignore[assignment]
