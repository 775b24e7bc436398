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
