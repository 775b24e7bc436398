"""Costs Rasa 3.6 pays on every turn that buy nothing; each fix keeps Rasa's behaviour.

Measured with cProfile on the bench's conversations (see README, "Speed"): checking the
action server's answer took 37 ms of a 50 ms turn, because `jsonschema.validate` first
validates Rasa's *schema* against the draft 2020-12 meta-schema, on every call. Later
profiles: rebuilding the tracker from the store took a fifth of a turn, and dask's scheduling
about a quarter of the time Rasa's graph of policies took; under load, saving a turn's events
one ORM object each about a fifth of a worker's time, and deep copies made only for debug log
lines about 3 % of a turn; RulePolicy's rule lookup about a tenth of a worker's time, and
`copy.copy` of every slot of every tracker Rasa creates a few per cent. The policies' past
states are read on from the last reading: bot/engine/past_states.py.
"""

from __future__ import annotations

import copy
import copyreg
import functools
import importlib
import itertools
import json
import logging
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Set, Tuple

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from sqlalchemy import bindparam, func, insert, select


@functools.lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    return validator_for(schema)(schema)  # the schema is Rasa's own: checked once, here


def _validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """Same contract as RemoteAction._validate_action_result, with the validator built once.
    An answer of rasa-sdk's executor in this process (bot/engine/inprocess_actions.py) was
    built by rasa-sdk's own event and response classes: its shape is checked, not every event
    against the schema again (the schema check cost about 0.4 ms of each action call)."""
    from rasa.shared.constants import DOCS_BASE_URL

    from bot.engine.inprocess_actions import InProcessActions

    if isinstance(getattr(self, "action_endpoint", None), InProcessActions) and _has_answer_shape(result):
        return True
    try:
        _action_response_validator().validate(result)
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. See {DOCS_BASE_URL}/custom-actions"
        )
        raise
    return True


def _has_answer_shape(result: Any) -> bool:
    return (isinstance(result, dict) and isinstance(result.get("events", []), list)
            and isinstance(result.get("responses", []), list)
            and all(isinstance(event, dict) and isinstance(event.get("event"), str) for event in result.get("events", []))
            and all(isinstance(response, dict) for response in result.get("responses", [])))


def _run_graph(self: Any, inputs: Optional[Dict[str, Any]] = None, targets: Optional[List[str]] = None) -> Dict[str, Any]:
    """DaskGraphRunner.run without dask: each node the targets need, once, after the nodes it
    needs, in this thread, as dask's synchronous scheduler runs them. Rasa runs the policies'
    graph twice a turn or more; building the dask graph and scheduling its five nodes took about
    a quarter of that graph's time (README, "Speed and memory")."""
    from rasa.engine.exceptions import GraphRunError

    nodes = self._graph_schema.nodes
    given = dict(inputs or {})
    for name, value in given.items():
        if isinstance(value, str) and value in nodes:
            raise GraphRunError(f"Input value '{value}' clashes with a node name. Make sure that none of the input "
                                f"names passed to the `run` method are the same as node names in the graph schema.")
    done: Dict[str, Any] = {}

    def output_of(name: str) -> Any:
        if name not in done:
            if name in given:
                done[name] = (name, given[name])  # an input is passed on as dask passes it: (name, value)
            else:
                needs = [output_of(need) for need in nodes[name].needs.values()]
                done[name] = self._instantiated_nodes[name](*needs)
        return done[name]

    try:
        return dict(output_of(target) for target in (targets or self._graph_schema.target_names))
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error


# Rasa modules whose every `copy.deepcopy` is an argument of a debug log line (a test reads
# their source to hold that): they copy the policies' states and each turn's events for it on
# every turn, whatever the log level (about 3 % of a turn).
COPIES_ONLY_FOR_DEBUG = ("rasa.core.policies.memoization", "rasa.core.policies.rule_policy",
                         "rasa.core.processor", "rasa.core.actions.forms")


class _CopyForDebugLogs:
    """The `copy` module as those modules see it: below debug level, the value itself (the log
    line is dropped, nothing keeps the value); at debug level, the copy, as before."""

    def deepcopy(self, value: Any, memo: Optional[Dict[int, Any]] = None) -> Any:
        if logging.getLogger("rasa").isEnabledFor(logging.DEBUG):
            return copy.deepcopy(value, memo)
        return value

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)


class _EventTypes:
    """Event.resolve_by_type (the event class of a stored or sent event's type name) without
    walking all of Event's subclasses on every call: a turn reads a few dozen events back (an
    action's answer, a tracker rebuilt from the store), and that walk took about 3 % of a
    worker's time. The classes are looked up by name in a table built from the same walk; a
    name not in it (a class defined since, or no class at all) walks again; a name no class has
    goes to Rasa's own lookup (its default, or its error)."""

    def __init__(self, rasas: Any) -> None:
        self.rasas = rasas
        self.by_name: Dict[str, Any] = {}

    def __call__(self, type_name: str, default: Any = None) -> Any:
        found = self.by_name.get(type_name)
        if found is None:
            self.by_name = self._table()
            found = self.by_name.get(type_name)
        return found if found is not None else self.rasas(type_name, default)

    @staticmethod
    def _table() -> Dict[str, Any]:
        from rasa.shared.core.events import Event
        from rasa.shared.utils.common import all_subclasses

        table: Dict[str, Any] = {}
        for cls in all_subclasses(Event):  # in Rasa's order: a name's first class is the one Rasa finds
            table.setdefault(cls.type_name, cls)
        return table


def _copy_slot(slot: Any) -> Any:
    """`copy.copy(slot)`. Every new tracker copies each of the domain's slots (a tracker is
    created for every action Rasa runs, to replay the conversation on): `copy.copy` asks the
    object how to rebuild itself, then rebuilds it, about 3 % of a worker's time. For a slot
    class that leaves all of that to `object` (Rasa's own), the result is a new object of the
    class with the same attributes: made directly. Any other class goes `copy.copy`'s way."""
    cls: type = type(slot)
    if _is_plain(cls):
        new: Any = object.__new__(cls)  # the class's own __new__ (checked in _is_plain)
        new.__dict__.update(slot.__dict__)
        return new
    reductor = copyreg.dispatch_table.get(cls)
    reduced = reductor(slot) if reductor is not None else slot.__reduce_ex__(4)
    if isinstance(reduced, str):
        return slot
    return copy._reconstruct(slot, None, *reduced)  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=None)
def _is_plain(cls: type) -> bool:
    """Whether `copy.copy` makes an object of `cls` as a new one with the same `__dict__`."""
    return (cls not in copyreg.dispatch_table and cls.__reduce_ex__ is object.__reduce_ex__
            and cls.__reduce__ is object.__reduce__ and cls.__getstate__ is object.__getstate__
            and not hasattr(cls, "__setstate__") and cls.__new__ is object.__new__
            and not any(_slot_names(base) for base in cls.__mro__))


def _possible_rule_keys(rasas: Any) -> Any:
    """RulePolicy._get_possible_keys: the rules whose states agree with the conversation's
    last states. Rasa checks every rule against every state of the conversation, newest first,
    turning each rule back into its list of states on every check (about a tenth of a
    worker's time). The same checks, with each rule's states kept reversed once, and none after
    the turn from which every rule still possible is shorter than the turns already checked
    (Rasa's check says yes to every such turn). On the newest turn, a rule whose newest state
    names its previous action is checked only if the conversation's previous action has that
    name (Rasa's check of any other says no)."""
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.constants import PREVIOUS_ACTION
    from rasa.shared.nlu.constants import ACTION_NAME

    def possible_keys(self: Any, lookup: Dict[str, str], states: List[Dict[str, Any]]) -> Set[str]:
        if type(self)._is_rule_applicable is not RulePolicy._is_rule_applicable:
            return set(rasas(self, lookup, states))  # a policy that checks rules its own way
        if not states:
            return set(lookup.keys())
        reversed_rules = self.__dict__.setdefault(REVERSED_RULES, {})
        by_action, others = _rules_by_newest_action(self, lookup, reversed_rules)
        newest_action = (states[-1].get(PREVIOUS_ACTION) or {}).get(ACTION_NAME)
        possible = others | by_action.get(newest_action, set()) if isinstance(newest_action, str) else set(others)
        for turn, state in enumerate(reversed(states)):
            kept: Set[str] = set()
            longest = 0
            previous_action = state.get(PREVIOUS_ACTION)
            for key in possible:
                rule = reversed_rules[key]
                if turn < len(rule):
                    rule_state = rule[turn]
                    rule_previous_action = rule_state.get(PREVIOUS_ACTION)
                    if rule_previous_action or previous_action:  # both starting a conversation: they agree
                        if not (rule_previous_action and previous_action and
                                self._does_rule_match_state(rule_state, state)):
                            continue
                kept.add(key)
                longest = max(longest, len(rule))
            possible = kept
            if longest <= turn + 1:
                break  # the older turns are past the end of every rule still possible
        return possible

    possible_keys.rasas = rasas  # type: ignore[attr-defined]
    return possible_keys


REVERSED_RULES = "_govbot_reversed_rules"  # on a RulePolicy: each rule's states, newest first
RULE_INDEXES = "_govbot_rule_indexes"  # on a RulePolicy: its lookups' rules by their newest previous action


def _rules_by_newest_action(policy: Any, lookup: Dict[str, str],
                            reversed_rules: Dict[str, List[Dict[str, Any]]]) -> Tuple[Dict[str, Set[str]], Set[str]]:
    """`lookup`'s rules by the name of the previous action in their newest state, and the
    others (no previous action there, or no name); made once per lookup (a policy's lookups
    are set when it is trained or loaded, never changed)."""
    from rasa.core.policies.rule_policy import SHOULD_NOT_BE_SET
    from rasa.shared.core.constants import PREVIOUS_ACTION
    from rasa.shared.nlu.constants import ACTION_NAME

    indexes = policy.__dict__.setdefault(RULE_INDEXES, {})
    index = indexes.get(id(lookup))
    if index is None or index[0] is not lookup or index[1] != len(lookup):
        by_action: Dict[str, Set[str]] = {}
        others: Set[str] = set()
        for key in lookup:
            rule = reversed_rules.get(key)
            if rule is None:
                rule = reversed_rules[key] = list(reversed(policy._rule_key_to_state(key)))
            name = (rule[0].get(PREVIOUS_ACTION) or {}).get(ACTION_NAME) if rule else None
            if isinstance(name, str) and name and name != SHOULD_NOT_BE_SET:
                by_action.setdefault(name, set()).add(key)
            else:
                others.add(key)
        index = indexes[id(lookup)] = (lookup, len(lookup), by_action, others)
    return index[2], index[3]


def _slot_names(cls: type) -> List[str]:
    """The attributes `cls` keeps in `__slots__` (outside `__dict__`): none for most classes
    (abc.ABC declares an empty `__slots__`)."""
    names = vars(cls).get("__slots__", ())
    return [name for name in ([names] if isinstance(names, str) else names) if name not in ("__dict__", "__weakref__")]


def _sets_no_slot(action: Any, tracker: Any, extracted: List[Any]) -> bool:
    """Whether the slot-mapping validation action run in this process (actions/language.py)
    would answer with no event: no slot was extracted for it to validate, and the citizen's
    message leaves the language as it is (most turns after the first)."""
    from rasa.shared.core.events import SlotSet

    from bot.engine.inprocess_actions import InProcessActions

    endpoint = getattr(action, "_action_endpoint", None)
    if not isinstance(endpoint, InProcessActions) or any(isinstance(event, SlotSet) for event in extracted):
        return False  # an action server elsewhere answers for itself
    from actions.language import ValidatePredefinedSlots  # loaded already: the in-process actions

    run = endpoint.executor.actions.get("action_validate_slot_mappings")
    if type(getattr(run, "__self__", None)) is not ValidatePredefinedSlots:
        return False  # another validation action: only running it tells
    latest = tracker.latest_message
    return not ValidatePredefinedSlots.language_slot(tracker.get_slot("language"), (latest.text if latest else None) or "")


def _validate_extracted_slots(rasas: Any) -> Any:
    """ActionExtractSlots' call of the slot-mapping validation action, after every citizen
    message: Rasa rebuilds the tracker, sends it and the domain through the action endpoint and
    reads the answer back (about a tenth of a worker's time). When the action run in this
    process would answer with no event (`_sets_no_slot`), its answer is known: no event."""

    async def validate(self: Any, extraction_events: List[Any], output_channel: Any, nlg: Any, tracker: Any,
                       domain: Any) -> List[Any]:
        if "action_validate_slot_mappings" in domain.user_actions and _sets_no_slot(self, tracker, extraction_events):
            return []
        return list(await rasas(self, extraction_events, output_channel, nlg, tracker, domain))

    validate.rasas = rasas  # type: ignore[attr-defined]
    return validate


def install() -> None:
    """Idempotent; called when an embedded engine starts."""
    from rasa.core.actions.action import ActionExtractSlots, RemoteAction
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.events import Event
    from rasa.shared.core.slots import Slot

    from bot.engine import past_states

    past_states.install()
    if not hasattr(RulePolicy._get_possible_keys, "rasas"):
        RulePolicy._get_possible_keys = _possible_rule_keys(RulePolicy._get_possible_keys)  # type: ignore[method-assign]
    if "__copy__" not in Slot.__dict__:
        Slot.__copy__ = _copy_slot  # type: ignore[attr-defined]
    if not isinstance(Event.__dict__["resolve_by_type"].__func__, _EventTypes):
        Event.resolve_by_type = staticmethod(_EventTypes(Event.resolve_by_type))  # type: ignore[assignment]

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    if not hasattr(ActionExtractSlots._execute_validation_action, "rasas"):
        ActionExtractSlots._execute_validation_action = _validate_extracted_slots(  # type: ignore[method-assign]
            ActionExtractSlots._execute_validation_action)
    DaskGraphRunner.run = _run_graph  # type: ignore[method-assign]
    for name in COPIES_ONLY_FOR_DEBUG:
        module = importlib.import_module(name)
        if getattr(module, "copy", None) is copy:
            module.copy = _CopyForDebugLogs()  # type: ignore[attr-defined]


STORED = "_govbot_stored_events"  # on a tracker read from the store: how many of its events are stored
ALL_STORED = "_govbot_all_stored_events"  # ... and how many the conversation has in all sessions
RECENT_TRACKERS = 512  # conversations whose last saved tracker a process keeps to read again


class StoredEventCounts:
    """Two costs of Rasa's SQL tracker store on every turn, saved where the answer is known.

    - Before every save it counts the conversation's stored events with a query, to know which
      of the tracker's events are new. The tracker being saved was read from the store a moment
      before, in the same turn: the number of stored events is kept on that tracker object when
      it is read and after each save, and the query is asked only for a tracker this process did
      not read.
    - Every turn starts by rebuilding the tracker from all the session's stored events (a query,
      a JSON parse and a replay of each event): a fifth of a turn. The tracker this process
      saved last for a conversation is kept (the last `RECENT_TRACKERS` conversations) and read
      again when one cheap query says the conversation has exactly the events it had then: a
      turn in another process or replica, an officer's message or a purge changes that number,
      and the tracker is then rebuilt from the store as before. A tracker is taken out of the
      cache when it is read (a turn that fails leaves none behind). What is kept is the tracker
      as the store would rebuild it: the latest session's events, without what came just
      before its SessionStarted (the session's start action and the welcome).
    - A new conversation cost a query of its events (none), then, when Rasa saved the tracker it
      created, Rasa's count and ours. The cheap count now comes first: with nothing stored, the
      tracker Rasa creates next is saved knowing that none of its events is stored.

    Turns of one conversation never overlap: the gateway's per-conversation lock, and Rasa's
    lock store across replicas."""

    def __init__(self, store: Any, capacity: int = RECENT_TRACKERS) -> None:
        self.store = store
        self.capacity = capacity
        self.recent: "OrderedDict[str, Any]" = OrderedDict()
        self.new: Set[str] = set()  # conversations just found with nothing stored, until their next save
        self._retrieve = store._retrieve
        self._additional_events = store._additional_events
        events = store.SQLEvent.__table__
        self._count = select(func.count(events.c.id)).where(events.c.sender_id == bindparam("sender_id"))
        self._insert = insert(events)

    def install(self) -> None:
        self.store._retrieve = self.retrieve
        self.store.save = self.save

    def _all_stored(self, sender_id: str) -> int:
        """How many events the conversation has in the store, in all its sessions."""
        with self.store.engine.connect() as connection:
            return int(connection.execute(self._count, {"sender_id": sender_id}).scalar() or 0)

    async def retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        self.new.discard(sender_id)
        if fetch_events_from_all_sessions:
            return await self._retrieve(sender_id, fetch_events_from_all_sessions)
        kept = self.recent.pop(sender_id, None)  # only a tracker with ALL_STORED is ever kept
        if self.capacity <= 0:
            in_all = None
        else:
            # counted before the events are read: an event stored in between makes the next turn
            # rebuild the tracker, never hides that event from it
            in_all = self._all_stored(sender_id)
            if in_all == 0:
                # nothing stored: Rasa creates the tracker and saves it at once, and that save
                # needs neither the events query nor a count
                if len(self.new) >= self.capacity:
                    self.new.clear()
                self.new.add(sender_id)
                return None
            if kept is not None and in_all == getattr(kept, ALL_STORED):
                return kept
        tracker = await self._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and tracker.events.maxlen is None:
            setattr(tracker, STORED, len(tracker.events))
            if in_all is not None:
                setattr(tracker, ALL_STORED, in_all)
        return tracker

    async def save(self, tracker: Any) -> None:
        if tracker.sender_id in self.new:
            self.new.discard(tracker.sender_id)
            if getattr(tracker, STORED, None) is None and tracker.events.maxlen is None:
                setattr(tracker, STORED, 0)  # the tracker Rasa created after the store had none
                setattr(tracker, ALL_STORED, 0)
        known = getattr(tracker, STORED, None)
        try:
            await self._save_rows(tracker)
        except BaseException:
            for name in (STORED, ALL_STORED):
                if hasattr(tracker, name):
                    delattr(tracker, name)  # what was stored is unknown now: ask the store
            raise
        if known is None:
            if not self.capacity or tracker.events.maxlen is not None:
                return
            in_all = self._all_stored(tracker.sender_id)
            if in_all != len(tracker.events):
                return  # built elsewhere from part of a conversation: what is stored stays the store's to say
            setattr(tracker, ALL_STORED, in_all)  # a new conversation: every event is this tracker's
        elif hasattr(tracker, ALL_STORED):
            setattr(tracker, ALL_STORED, getattr(tracker, ALL_STORED) + max(len(tracker.events) - known, 0))
        setattr(tracker, STORED, len(tracker.events))
        if hasattr(tracker, ALL_STORED) and self.store.domain is not None:  # set only when keeping (capacity)
            self.recent[tracker.sender_id] = self._as_rebuilt(tracker)
            self.recent.move_to_end(tracker.sender_id)
            while len(self.recent) > self.capacity:
                self.recent.popitem(last=False)

    async def _save_rows(self, tracker: Any) -> None:
        """Rasa's SQLTrackerStore.save: the same rows, but the new events go in with one prebuilt
        INSERT of all of them instead of one ORM object each (about a fifth of a turn). When the
        tracker's stored events are known, that INSERT is the whole transaction, on a plain
        connection (no ORM session), and a turn with nothing new writes nothing."""
        store = self.store
        await store.stream_events(tracker)
        known = getattr(tracker, STORED, None)
        if known is not None and known <= len(tracker.events):
            rows = [self._row(tracker, event) for event in itertools.islice(tracker.events, known, len(tracker.events))]
            if rows:
                with store.engine.begin() as connection:
                    connection.execute(self._insert, rows)
            return
        with store.session_scope() as session:  # Rasa's own count says which events are new
            rows = [self._row(tracker, event) for event in self._additional_events(session, tracker)]
            if rows:
                session.connection().execute(self._insert, rows)
            session.commit()

    @staticmethod
    def _row(tracker: Any, event: Any) -> Dict[str, Any]:
        from rasa.shared.nlu.constants import INTENT_NAME_KEY

        data = event.as_dict()
        return {"sender_id": tracker.sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                "action_name": data.get("name"), "data": json.dumps(data)}

    def _as_rebuilt(self, tracker: Any) -> Any:
        """`tracker` as the store rebuilds it: the events stamped since the latest SessionStarted
        (what came before it, such as the session's start action and the welcome, stays out).
        Once per conversation and per new session; otherwise the tracker itself."""
        from rasa.shared.core.trackers import DialogueStateTracker

        starts = [event.timestamp for event in tracker.events if type(event).__name__ == "SessionStarted"]
        since = max(starts, default=None)
        if since is None or all(event.timestamp >= since for event in tracker.events):
            return tracker
        rebuilt = DialogueStateTracker.from_events(
            tracker.sender_id, [event for event in tracker.events if event.timestamp >= since], slots=self.store.domain.slots)
        setattr(rebuilt, STORED, len(rebuilt.events))
        setattr(rebuilt, ALL_STORED, getattr(tracker, ALL_STORED))
        return rebuilt


def remember_stored_counts(store: Any) -> None:
    """On Rasa's SQL tracker store (FailSafeTrackerStore wraps it): see StoredEventCounts."""
    from rasa.core.tracker_store import SQLTrackerStore

    inner = getattr(store, "_tracker_store", store)
    if isinstance(inner, SQLTrackerStore):
        StoredEventCounts(inner).install()
