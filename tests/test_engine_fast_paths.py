"""The embedded engine's fast paths (bot/engine/parse_cache.py, bot/engine/rasa_fixes.py):
faster, and the same answers and the same safety checks as Rasa's own path."""

from __future__ import annotations

import uuid

import pytest
from jsonschema import ValidationError
from rasa_sdk import Action
from rasa_sdk.interfaces import ActionExecutionRejection

from bot.engine import rasa_fixes
from bot.engine.inprocess_actions import InProcessActions
from bot.engine.parse_cache import MAX_TEXT_CHARS, ParseCache


def test_cache_returns_an_equal_copy_that_callers_may_change():
    cache = ParseCache()
    parsed = {"text": "hi", "intent": {"name": "greet", "confidence": 0.9}, "entities": []}
    cache.put("hi", parsed)
    first = cache.get("hi")
    assert first == parsed
    first["intent"]["name"] = "changed"  # Rasa keeps the dict in the tracker's events
    assert cache.get("hi")["intent"]["name"] == "greet"
    assert (cache.hits, cache.misses) == (2, 0)


def test_cache_forgets_the_least_recently_used_and_skips_long_texts():
    cache = ParseCache(capacity=2)
    for text in ("a", "b"):
        cache.put(text, {"text": text})
    cache.get("a")
    cache.put("c", {"text": "c"})
    assert cache.get("b") is None and cache.get("a") and cache.get("c")
    cache.put("x" * (MAX_TEXT_CHARS + 1), {"text": "long"})
    assert len(cache) == 2 and cache.get("x" * (MAX_TEXT_CHARS + 1)) is None


def test_action_server_answers_are_still_validated():
    from rasa.core.actions.action import RemoteAction

    rasa_fixes.install()
    action = RemoteAction("action_x", None)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "a", "value": 1}],
                                           "responses": [{"response": "utter_greet"}]})
    for broken in ({"events": "not a list"}, {"events": [{"no": "event key"}]},
                   {"events": [], "responses": ["not an object"]}):
        with pytest.raises(ValidationError, match="Action server response"):
            action._validate_action_result(broken)


def test_in_process_answers_are_checked_for_their_shape_and_a_broken_one_still_fails():
    from rasa.core.actions.action import RemoteAction

    from bot.engine.inprocess_actions import InProcessActions

    rasa_fixes.install()
    action = RemoteAction("action_x", InProcessActions())
    assert action._validate_action_result({"events": [{"event": "slot", "name": "a", "value": 1}],
                                           "responses": [{"response": "utter_greet"}]})
    assert action._validate_action_result({})  # nothing to do: no events, no responses
    for broken in ({"events": "not a list"}, {"events": [{"no": "event key"}]},
                   {"events": [], "responses": ["not an object"]}):
        with pytest.raises(ValidationError, match="Action server response"):
            action._validate_action_result(broken)


def test_a_repeated_question_is_answered_from_the_cache_like_the_first_time(servers, engine):
    text = f"how much is a passport? {uuid.uuid4().hex[:6]}"  # a text no other test sent
    before = engine.parses.hits
    first = servers.run(engine.handle(uuid.uuid4().hex, text, {}))
    again_sender = uuid.uuid4().hex
    again = servers.run(engine.handle(again_sender, text, {}))
    assert engine.parses.hits == before + 1
    assert (again.intent, again.confidence) == (first.intent, first.confidence)
    assert [m.get("text") for m in again.messages] == [m.get("text") for m in first.messages]
    assert again.intent == "passport_fees"
    tracker = servers.run(engine.agent.processor.get_tracker(again_sender))
    assert tracker.latest_message.text == text
    assert tracker.latest_message.intent["name"] == "passport_fees"
    assert tracker.get_slot("language") == again.language == "en"


class _Rejecting(Action):
    def name(self) -> str:
        return "action_test_rejecting"

    def run(self, dispatcher, tracker, domain):
        raise ActionExecutionRejection(self.name(), "not this time")


def _empty_tracker():
    from rasa.shared.core.trackers import DialogueStateTracker

    return DialogueStateTracker.from_events("test-sender", [])


def test_in_process_actions_keep_the_action_server_contract(servers, engine):
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.actions.action import ActionExecutionRejection as RasaRejection
    from rasa.shared.exceptions import RasaException

    endpoint = InProcessActions()
    endpoint.executor.register_action(_Rejecting)
    domain, nlg = engine.agent.domain, engine.agent.processor.nlg

    def run(name):
        return servers.run(RemoteAction(name, endpoint).run(CollectingOutputChannel(), nlg, _empty_tracker(), domain))

    with pytest.raises(RasaRejection, match="not this time"):  # a form re-asks, as over HTTP
        run("action_test_rejecting")
    with pytest.raises(RasaException, match="action_nobody_wrote"):
        run("action_nobody_wrote")
    events = run("action_session_start")  # a real action of this project, through Rasa's path
    names = [e.type_name for e in events]
    assert names[0] == "bot" and "session_started" in names  # the welcome, then its events
    assert "automated assistant" in events[0].text


def test_actions_share_one_plain_copy_of_the_domain_and_none_changes_it(servers, engine):
    import json

    endpoint = engine.agent.action_endpoint
    assert isinstance(endpoint, InProcessActions)
    sender = uuid.uuid4().hex
    for text in ("I want to calculate my passport fee", "adult", "10 years", "in Canada", "standard", "no",
                 "je veux calculer les frais de mon passeport", "stop", "how much is a passport?"):
        servers.run(engine.handle(sender, text, {}))  # forms, their validation, the language check
    source = engine.agent.domain.as_dict()
    plain = endpoint.plain_domain(source)
    assert plain is endpoint.plain_domain(source)  # made once, not per call
    assert plain == json.loads(json.dumps(source))  # what the actions saw: still Rasa's domain
    assert plain["forms"]["passport_fee_form"]["required_slots"]
    other = json.loads(json.dumps(source))
    other["responses"] = {}
    assert endpoint.plain_domain(other) == other  # another domain (a new model): its own copy


def test_the_plain_copy_of_an_action_call_is_what_json_gives(servers, engine):
    import json

    from rasa.shared.core.trackers import EventVerbosity

    from bot.engine.inprocess_actions import plain

    sender = uuid.uuid4().hex
    for text in ("Bonjour, mon passeport expire en juin 🙂", "je veux calculer les frais de mon passeport", "adulte"):
        servers.run(engine.handle(sender, text, {}))
    tracker = servers.run(engine.agent.processor.get_tracker(sender))
    state = tracker.current_state(EventVerbosity.ALL)
    assert len(state["events"]) > 5
    copied = plain(state)
    assert copied == json.loads(json.dumps(state)) and json.dumps(copied) == json.dumps(json.loads(json.dumps(state)))
    assert copied["events"][0] is not state["events"][0]
    odd = {"floats": [0.1 + 0.2, 1e-7, 5e-324, 1.7976931348623157e308, -0.0], "text": "é/ü\u2028\"", "t": (1, 2),
           "keys": {1: "one"}}
    assert plain(odd) == json.loads(json.dumps(odd))
    assert plain({"big": 2 ** 70}) == {"big": 2 ** 70}  # past ujson: the standard library's copy


def test_rasa_modules_whose_deep_copies_only_feed_debug_logs_copy_nothing_below_debug():
    import ast
    import importlib
    import inspect
    import logging

    for name in rasa_fixes.COPIES_ONLY_FOR_DEBUG:  # a Rasa upgrade that copies for real fails here
        tree = ast.parse(inspect.getsource(importlib.import_module(name)))
        copies = {id(node) for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and ast.unparse(node.func) == "copy.deepcopy"}
        logged = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and ast.unparse(node.func).endswith("logger.debug")
                  for argument in node.keywords for inner in ast.walk(argument.value)}
        assert copies and copies <= logged, name
    rasa_fixes.install()
    from rasa.core import processor

    states = [{"user": {"intent": "greet"}}]
    rasa_logger = logging.getLogger("rasa")
    level = rasa_logger.level
    try:
        rasa_logger.setLevel(logging.WARNING)
        assert processor.copy.deepcopy(states) is states  # the log line is dropped: no copy
        rasa_logger.setLevel(logging.DEBUG)
        copied = processor.copy.deepcopy(states)
        assert copied == states and copied is not states and copied[0] is not states[0]
    finally:
        rasa_logger.setLevel(level)
    assert processor.copy.copy is __import__("copy").copy  # the rest of the module is the real one


def _sql_store(path):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    rasa_fixes.remember_stored_counts(store)
    return store


def _stored(store, sender):
    import json

    with store.session_scope() as session:
        rows = session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender).order_by(store.SQLEvent.id)
        return [json.loads(row.data) for row in rows]


def _count_queries(store):
    """Rasa's own count of a session's stored events (not the cache's count of all of them)."""
    return _queries(store, lambda statement: "count(*)" in statement)


def _event_reads(store):
    """Every read of the stored events themselves (a tracker rebuilt from the store)."""
    return _queries(store, lambda statement: statement.lstrip().lower().startswith("select events.id"))


def _queries(store, wanted):
    from sqlalchemy import event

    seen = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *args: seen.append(statement) if wanted(statement.lower()) else None)
    return seen


def test_saved_events_are_the_rows_rasas_own_save_writes(servers, tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    ours = _sql_store(tmp_path / "ours.db")
    rasas = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "rasa.db"))  # not patched
    # (Rasa's own count misses events stamped before the session's start: none here)
    events = [SessionStarted(), ActionExecuted("action_listen"), ActionExecuted("action_session_start"),
              UserUttered("combien?", {"name": "passport_fees", "confidence": 0.9}, parse_data={
                  "intent": {"name": "passport_fees", "confidence": 0.9}, "entities": [], "text": "combien?"}),
              ActionExecuted("action_answer"), BotUttered("163,50 $", {"buttons": []}),
              ActionExecuted("action_listen")]
    for store in (ours, rasas):
        tracker = DialogueStateTracker.from_events("citizen-rows", events[:3])
        servers.run(store.save(tracker))
        for event in events[3:]:
            tracker.update(event)
        servers.run(store.save(tracker))
        servers.run(store.save(tracker))  # nothing new: nothing written

    def rows(store):
        with store.session_scope() as session:
            found = session.query(store.SQLEvent).order_by(store.SQLEvent.id).all()
            return [(r.sender_id, r.type_name, r.timestamp, r.intent_name, r.action_name, r.data) for r in found]

    assert len(rows(ours)) == len(events)
    assert rows(ours) == rows(rasas)
    assert ("passport_fees", None) in [(r[3], r[4]) for r in rows(ours)]


def test_two_engines_taking_turns_on_one_conversation_store_every_event_once(servers, tmp_path):
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    stores = [_sql_store(tmp_path / "trackers.db"), _sql_store(tmp_path / "trackers.db")]
    counted = [_count_queries(store) for store in stores]
    sender = "citizen-1"
    first = DialogueStateTracker.from_events(sender, [ActionExecuted("action_session_start"), SessionStarted()])
    servers.run(stores[0].save(first))  # a new conversation: never read, so the store is asked
    assert len(counted[0]) == 1
    for turn in range(6):  # workers 1, 0, 1, ... each read the tracker, add to it and save twice
        store = stores[(turn + 1) % 2]
        tracker = servers.run(store.retrieve(sender))
        tracker.update(UserUttered(f"message {turn}"))
        servers.run(store.save(tracker))
        tracker.update(ActionExecuted("action_listen"))
        servers.run(store.save(tracker))
    assert len(counted[0]) + len(counted[1]) == 1  # every later save knew what was stored
    stored = _stored(stores[0], sender)
    assert [e.get("text") for e in stored if e["event"] == "user"] == [f"message {t}" for t in range(6)]
    assert len(stored) == 2 + 6 * 2
    assert [type(e).__name__ for e in servers.run(stores[1].retrieve(sender)).events][-2:] == ["UserUttered", "ActionExecuted"]


def test_a_tracker_not_read_or_whose_save_failed_asks_the_store_what_is_stored(servers, tmp_path):
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    store = _sql_store(tmp_path / "trackers.db")
    counted = _count_queries(store)
    sender = "citizen-2"
    servers.run(store.save(DialogueStateTracker.from_events(sender, [SessionStarted(), UserUttered("hi")])))
    built = DialogueStateTracker.from_events(sender, [SessionStarted(), UserUttered("hi"), ActionExecuted("utter_greet")])
    servers.run(store.save(built))  # built elsewhere, not read from the store: the query says 2 are stored
    assert len(counted) == 2 and len(_stored(store, sender)) == 3

    tracker = servers.run(store.retrieve(sender))
    tracker.update(UserUttered("again"))
    working_scope, working_engine = store.session_scope, store.engine

    def database_went_away(*args, **kwargs):
        raise RuntimeError("database went away")

    class GoneEngine:
        begin = connect = staticmethod(database_went_away)

    store.session_scope, store.engine = database_went_away, GoneEngine()
    with pytest.raises(RuntimeError):
        servers.run(store.save(tracker))
    store.session_scope, store.engine = working_scope, working_engine
    servers.run(store.save(tracker))
    assert len(counted) == 3  # after the failure the count was asked again, and is right
    assert [e.get("text") for e in _stored(store, sender) if e["event"] == "user"] == ["hi", "again"]


def _texts(tracker):
    return [getattr(event, "text", None) for event in tracker.events if type(event).__name__ == "UserUttered"]


def _turn(servers, store, sender, text):
    from rasa.shared.core.events import ActionExecuted, UserUttered

    tracker = servers.run(store.retrieve(sender))
    tracker.update(UserUttered(text))
    tracker.update(ActionExecuted("utter_greet"))
    servers.run(store.save(tracker))
    return tracker


def test_a_conversations_next_turn_reads_the_tracker_this_process_saved_without_reading_its_events(servers, tmp_path):
    from rasa.shared.core.events import ActionExecuted, SessionStarted
    from rasa.shared.core.trackers import DialogueStateTracker

    store = _sql_store(tmp_path / "trackers.db")
    reads = _event_reads(store)
    sender = "citizen-3"
    servers.run(store.save(DialogueStateTracker.from_events(sender, [ActionExecuted("action_session_start"), SessionStarted()])))
    saved = _turn(servers, store, sender, "first")  # kept from the save of the new conversation
    assert _turn(servers, store, sender, "second") is saved and reads == []  # the same tracker, read again
    rebuilt = servers.run(_sql_store(tmp_path / "trackers.db").retrieve(sender))  # another process reads the store
    assert _texts(rebuilt) == ["first", "second"] and _names(rebuilt) == _names(saved)  # kept as the store rebuilds it
    assert _names(saved)[0] == "SessionStarted:"  # the session's start action, stamped before it, stays out
    assert reads == []


def _names(tracker):
    return [f"{type(event).__name__}:{getattr(event, 'action_name', '') or ''}" for event in tracker.events]


def test_a_turn_taken_elsewhere_is_never_hidden_by_the_tracker_kept_here(servers, tmp_path):
    from rasa.shared.core.events import SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    here, elsewhere = _sql_store(tmp_path / "trackers.db"), _sql_store(tmp_path / "trackers.db")
    sender = "citizen-4"
    servers.run(here.save(DialogueStateTracker.from_events(sender, [SessionStarted()])))
    _turn(servers, here, sender, "asked here")
    _turn(servers, elsewhere, sender, "asked in another replica")  # or an officer's message, appended there
    assert _texts(_turn(servers, here, sender, "and here again")) == ["asked here", "asked in another replica", "and here again"]
    _turn(servers, elsewhere, sender, "there")
    assert _texts(servers.run(here.retrieve(sender)))[-2:] == ["and here again", "there"]
    assert [e.get("text") for e in _stored(here, sender) if e["event"] == "user"] == [
        "asked here", "asked in another replica", "and here again", "there"]
    with here.session_scope() as session:  # a purge of the conversation, then a new one by the same id
        session.query(here.SQLEvent).filter(here.SQLEvent.sender_id == sender).delete()
        session.commit()
    servers.run(elsewhere.save(DialogueStateTracker.from_events(sender, [SessionStarted(), UserUttered("new")])))
    assert _texts(servers.run(here.retrieve(sender))) == ["new"]


def test_a_failed_turn_leaves_no_tracker_behind_and_a_new_session_is_kept_as_rebuilt(servers, tmp_path):
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    store = _sql_store(tmp_path / "trackers.db")
    reads = _event_reads(store)
    sender = "citizen-5"
    servers.run(store.save(DialogueStateTracker.from_events(sender, [SessionStarted()])))
    tracker = _turn(servers, store, sender, "stored")
    tracker = servers.run(store.retrieve(sender))
    tracker.update(UserUttered("never stored"))  # the turn fails before its save
    assert reads == []
    assert _texts(servers.run(store.retrieve(sender))) == ["stored"] and len(reads) == 1  # rebuilt from the store

    tracker = servers.run(store.retrieve(sender))
    for event in (ActionExecuted("action_session_start"), SessionStarted(), UserUttered("a new session")):
        tracker.update(event)  # the session expired: the store gives back only the latest one
    servers.run(store.save(tracker))
    assert _texts(servers.run(store.retrieve(sender))) == ["a new session"]


def test_a_new_conversation_is_created_and_saved_without_reading_or_counting_its_events(servers, tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, UserUttered

    store = _sql_store(tmp_path / "trackers.db")
    rasas = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "rasa.db"))  # not patched
    reads, counted = _event_reads(store), _count_queries(store)
    trackers = [servers.run(s.get_or_create_tracker("citizen-6")) for s in (store, rasas)]
    assert reads == [] and counted == []  # one cheap count said nothing was stored
    for s, tracker in zip((store, rasas), trackers):
        tracker.update(UserUttered("hello"))
        tracker.update(ActionExecuted("utter_greet"))
        servers.run(s.save(tracker))
    def untimed(s):
        return [{k: v for k, v in event.items() if k != "timestamp"} for event in _stored(s, "citizen-6")]

    assert counted == [] and untimed(store) == untimed(rasas)
    assert [e["event"] for e in _stored(store, "citizen-6")] == ["action", "user", "action"]
    before = len(reads)  # (the checks above read the rows)
    assert servers.run(store.retrieve("citizen-6")) is trackers[0] and len(reads) == before  # kept, and read again


def test_a_conversation_found_new_then_stored_elsewhere_is_read_from_the_store(servers, tmp_path):
    from rasa.shared.core.events import SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    here, elsewhere = _sql_store(tmp_path / "trackers.db"), _sql_store(tmp_path / "trackers.db")
    assert servers.run(here.retrieve("citizen-7")) is None  # new here ...
    servers.run(elsewhere.save(DialogueStateTracker.from_events("citizen-7", [SessionStarted(), UserUttered("there")])))
    tracker = _turn(servers, here, "citizen-7", "here")  # ... but its next turn finds what was stored meanwhile
    assert _texts(tracker) == ["there", "here"]
    assert [e.get("text") for e in _stored(here, "citizen-7") if e["event"] == "user"] == ["there", "here"]
    assert _turn(servers, here, "citizen-7", "again") is tracker


def test_the_trackers_kept_are_bounded(servers, tmp_path):
    from rasa.shared.core.events import SessionStarted
    from rasa.shared.core.trackers import DialogueStateTracker

    store = _sql_store(tmp_path / "trackers.db")
    for number in range(rasa_fixes.RECENT_TRACKERS + 5):
        servers.run(store.save(DialogueStateTracker.from_events(f"c{number}", [SessionStarted()])))
    kept = store._retrieve.__self__.recent
    assert len(kept) == rasa_fixes.RECENT_TRACKERS and "c0" not in kept and f"c{rasa_fixes.RECENT_TRACKERS + 4}" in kept


def _dasks_own_run(runner, inputs, targets):
    """What Rasa's DaskGraphRunner.run computes, through dask itself."""
    import dask

    graph = runner._build_dask_graph(runner._graph_schema.minimal_graph_schema(targets))
    runner._add_inputs_to_graph(inputs, graph)
    return dict(dask.get(graph, targets))


def test_the_graph_run_without_dask_gives_what_dask_gives(servers, engine):
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.constants import PLACEHOLDER_MESSAGE, PLACEHOLDER_TRACKER
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.constants import ACTION_LISTEN_NAME

    from bot.engine.rasa_fixes import _run_graph

    processor = engine.agent.processor
    runner, metadata = processor.graph_runner, processor.model_metadata
    sender = f"graph-{uuid.uuid4().hex[:8]}"
    for text in ("how much is a passport for my son", "il a 8 ans"):
        servers.run(engine.handle(sender, text, {}))
    tracker = servers.run(processor.get_tracker(sender))
    assert tracker.latest_action_name == ACTION_LISTEN_NAME and len(tracker.events) > 5
    for targets, inputs in (
            ([metadata.core_target], {PLACEHOLDER_TRACKER: tracker}),
            ([metadata.nlu_target], {PLACEHOLDER_MESSAGE: [UserMessage("combien pour un passeport de 5 ans")],
                                     PLACEHOLDER_TRACKER: tracker})):
        ours, theirs = _run_graph(runner, inputs, targets), _dasks_own_run(runner, inputs, targets)
        assert ours.keys() == theirs.keys() == set(targets)
        mine, dasks = ours[targets[0]], theirs[targets[0]]
        if targets[0] == metadata.core_target:
            assert (mine.policy_name, mine.probabilities, mine.events) == (dasks.policy_name, dasks.probabilities, dasks.events)
            assert max(mine.probabilities) == 1.0  # a real prediction, not an empty one
        else:
            assert mine[0].get("intent") == dasks[0].get("intent") and mine[0].get("intent")["name"].startswith("passport")
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        _run_graph(runner, {PLACEHOLDER_TRACKER: metadata.core_target}, [metadata.core_target])
    assert DaskGraphRunner.run is _run_graph  # what the engine's turns go through


def test_event_classes_are_found_by_name_as_rasa_finds_them():
    from rasa.shared.core.events import Event, SlotSet
    from rasa.shared.utils.common import all_subclasses

    rasa_fixes.install()
    lookup = Event.__dict__["resolve_by_type"].__func__
    assert isinstance(lookup, rasa_fixes._EventTypes)  # installed once, whatever the number of installs
    rasas = lookup.rasas
    import rasa.core.test  # noqa: F401 - its EndToEndUserUtterance is a second class named "user"

    classes = all_subclasses(Event)
    assert len({cls.type_name for cls in classes}) < len(classes)
    for cls in classes:
        assert Event.resolve_by_type(cls.type_name) is rasas(cls.type_name)
    assert Event.resolve_by_type("user").__name__ == "UserUttered"
    assert Event.resolve_by_type("topic") is None and Event.resolve_by_type("no such event", SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no such event")

    class LaterEvent(SlotSet):  # defined after the table was built: found all the same
        type_name = "govbot_test_later_event"

    assert Event.resolve_by_type("govbot_test_later_event") is LaterEvent


# Conversations whose language is set, kept by weak evidence, switched and asked for, with a form
# (the fee form) between: every turn's slot-mapping validation, skipped or run, must end the same.
LANGUAGE_TURNS = [
    ["hello", "how much is a passport?", "ok", "merci", "combien coûte un passeport pour enfant?", "thanks"],
    ["ok", "bonjour", "je veux calculer les frais de mon passeport", "adulte", "10 ans", "au Canada", "express", "non"],
    ["can we continue in French please?", "oui", "how do I get a SIN?", "parlez-vous anglais?", "👍", "bye"],
]


def _played(servers, engine, turns):
    from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

    sender = f"language-{uuid.uuid4().hex[:8]}"
    replies = [[m.get("text") for m in servers.run(engine.handle(sender, text, {})).messages] for text in turns]
    tracker = servers.run(engine.agent.processor.get_tracker(sender))
    events = [(type(e).__name__, getattr(e, "key", None), getattr(e, "value", None), getattr(e, "action_name", None),
               getattr(e, "text", None) if isinstance(e, (UserUttered, BotUttered)) else None)
              for e in tracker.events if not isinstance(e, SlotSet) or e.key != "session_started_metadata"]
    return replies, events, tracker.get_slot("language")


def test_a_turn_that_leaves_the_language_as_it_is_skips_the_validation_call_and_ends_the_same(servers, engine, monkeypatch):
    from rasa.core.actions.action import ActionExtractSlots

    rasa_fixes.install()
    fast = ActionExtractSlots._execute_validation_action
    calls = []
    request = InProcessActions.request

    async def counted(self, *args, **kwargs):
        call = kwargs.get("json") or {}
        calls.append(call.get("next_action"))
        return await request(self, *args, **kwargs)

    monkeypatch.setattr(InProcessActions, "request", counted)
    for turns in LANGUAGE_TURNS:
        calls.clear()
        with_fast_path = _played(servers, engine, turns)
        validated_fast = calls.count("action_validate_slot_mappings")
        monkeypatch.setattr(ActionExtractSlots, "_execute_validation_action", fast.rasas)  # Rasa's own
        calls.clear()
        rasas = _played(servers, engine, turns)
        monkeypatch.setattr(ActionExtractSlots, "_execute_validation_action", fast)
        assert with_fast_path == rasas
        validated = calls.count("action_validate_slot_mappings")
        assert validated >= len(turns)  # Rasa's own: every turn (and again where a form extracts)
        assert 0 < validated_fast < validated  # only the turns that change the language, or fill a slot


def test_a_tracker_read_here_is_saved_without_an_orm_session_and_nothing_new_writes_nothing(servers, tmp_path):
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    store = _sql_store(tmp_path / "trackers.db")
    servers.run(store.save(DialogueStateTracker.from_events("citizen-8", [SessionStarted()])))
    sessions, statements = [], _queries(store, lambda statement: True)
    scope = store.session_scope

    def counted_scope():
        sessions.append(1)
        return scope()

    store.session_scope = counted_scope
    tracker = servers.run(store.retrieve("citizen-8"))
    statements.clear()
    servers.run(store.save(tracker))  # nothing new
    assert statements == []
    tracker.update(UserUttered("hello"))
    tracker.update(ActionExecuted("utter_greet"))
    servers.run(store.save(tracker))
    assert sessions == [] and len(statements) == 1 and statements[0].lower().startswith("insert")
    store.session_scope = scope
    assert [e["event"] for e in _stored(store, "citizen-8")] == ["session_started", "user", "action"]


def test_with_an_action_server_elsewhere_the_validation_call_is_made_without_our_actions(monkeypatch):
    import sys

    from rasa.core.actions.action import ActionExtractSlots
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    tracker = DialogueStateTracker.from_events("remote", [UserUttered("hello")])
    monkeypatch.setitem(sys.modules, "actions.language", None)  # a gateway deployed without the actions package
    remote = ActionExtractSlots(EndpointConfig(url="http://actions.example/webhook"))
    assert rasa_fixes._sets_no_slot(remote, tracker, []) is False  # the action server answers for itself


def _default_copy(value):
    """What `copy.copy` gives for an object without `__copy__`."""
    import copy
    import copyreg

    reductor = copyreg.dispatch_table.get(type(value))
    return copy._reconstruct(value, None, *(reductor(value) if reductor else value.__reduce_ex__(4)))


def test_slots_are_copied_as_copy_copy_copies_them():
    import copy

    from rasa.shared.core.slots import (
        AnySlot, BooleanSlot, CategoricalSlot, FloatSlot, ListSlot, Slot, TextSlot)

    rasa_fixes.install()
    assert Slot.__dict__["__copy__"] is rasa_fixes._copy_slot
    slots = [TextSlot("t", [], initial_value="hi"), BooleanSlot("b", []), FloatSlot("f", [], max_value=3.0),
             ListSlot("l", [], initial_value=["a"]), CategoricalSlot("c", [], values=["en", "fr"]), AnySlot("a", [])]
    for slot in slots:
        slot.value = slot.value  # marks it set, as a SlotSet does
        copied, expected = copy.copy(slot), _default_copy(slot)
        assert type(copied) is type(slot) and copied is not slot
        assert copied.__dict__ == expected.__dict__ == slot.__dict__
        assert all(copied.__dict__[name] is value for name, value in slot.__dict__.items())  # shallow, as copy.copy
        copied.reset()
        assert slot.value == expected.value  # the original is not the copy


def test_a_slot_class_that_rebuilds_itself_its_own_way_is_copied_its_way():
    import copy

    from rasa.shared.core.slots import TextSlot

    rasa_fixes.install()

    class Kept(TextSlot):
        __slots__ = ("extra",)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.extra = "kept"

    class Stated(TextSlot):
        def __getstate__(self):
            return {**self.__dict__, "copied": True}

    kept, stated = Kept("k", []), Stated("s", [])
    assert copy.copy(kept).extra == "kept"  # a same-__dict__ copy would lose it
    assert copy.copy(stated).__dict__["copied"] is True
    assert not rasa_fixes._is_plain(Kept) and not rasa_fixes._is_plain(Stated)


def _random_state(rng, start=False):
    """A dialogue state as Rasa writes them (a rule's, or a conversation's turn)."""
    from rasa.core.policies.rule_policy import SHOULD_NOT_BE_SET

    state = {}
    if not start:
        state["prev_action"] = rng.choice([{"action_name": name} for name in (
            "action_listen", "utter_greet", "passport_fee_form", SHOULD_NOT_BE_SET)] + [{"action_text": "hello"}])
    if rng.random() < 0.7:
        state["user"] = {"intent": rng.choice(["greet", "affirm", "passport_fees"])}
    if rng.random() < 0.4:
        state["slots"] = {"applicant_type": rng.choice([(1.0, 0.0), (0.0, 1.0), SHOULD_NOT_BE_SET])}
    if rng.random() < 0.3:
        state["active_loop"] = {"name": rng.choice(["passport_fee_form", SHOULD_NOT_BE_SET])}
    return state


def test_the_rules_still_possible_are_those_rasa_finds():
    import json
    import random

    from rasa.core.policies.rule_policy import RulePolicy

    rasa_fixes.install()
    policy = RulePolicy.__new__(RulePolicy)  # the check needs the policy's methods only
    rng = random.Random(5)
    lookup = {}
    for _ in range(150):
        length = rng.randint(1, 5)
        states = [_random_state(rng, start=(i == 0 and rng.random() < 0.3)) for i in range(length)]
        lookup[json.dumps(states, sort_keys=True)] = "utter_x"
    found = 0
    for _ in range(1500):
        states = [_random_state(rng, start=(i == 0)) for i in range(rng.randint(0, 12))]
        fast = RulePolicy._get_possible_keys(policy, lookup, states)
        assert fast == RulePolicy._get_possible_keys.rasas(policy, lookup, states)
        found += bool(fast) and len(fast) < len(lookup)
    assert found > 100  # the rules were sorted out, not all kept or all dropped


def test_the_engine_predicts_with_the_rules_rasa_would_find(servers, engine, monkeypatch):
    from rasa.core.policies.rule_policy import RulePolicy

    fast = RulePolicy._get_possible_keys
    checked = []

    def both(self, lookup, states):
        found = fast(self, lookup, states)
        assert found == fast.rasas(self, lookup, states)
        checked.append(len(states))
        return found

    monkeypatch.setattr(RulePolicy, "_get_possible_keys", both)
    for texts in (["how much does a passport cost", "adult", "stop", "how do I apply for EI"],
                  ["I lost my passport", "I fly next week", "thanks"], ["bonjour", "je veux parler à un agent"]):
        sender = uuid.uuid4().hex
        for text in texts:
            servers.run(engine.handle(sender, text, {}))
    assert len(checked) > 10 and max(checked) > 5  # longer than any rule: the checks stop early
