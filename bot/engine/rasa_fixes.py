"""Costs Rasa 3.6 pays on every turn that buy nothing; each fix keeps Rasa's behaviour.

Measured with cProfile on the bench's conversations (see README, "Speed"): checking the
action server's answer took 37 ms of a 50 ms turn, because `jsonschema.validate` first
validates Rasa's *schema* against the draft 2020-12 meta-schema, on every call.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any, Dict

from jsonschema import ValidationError
from jsonschema.validators import validator_for


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


def install() -> None:
    """Idempotent; called when an embedded engine starts."""
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


STORED = "_govbot_stored_events"  # on a tracker read from the store: how many of its events are stored


class StoredEventCounts:
    """Rasa's SQL tracker store counts a conversation's stored events with a query before every
    save, to know which of the tracker's events are new. The tracker being saved was read from
    the store a moment before, in the same turn: the number of stored events is kept on that
    tracker object when it is read and after each save, and the query is asked only for a
    tracker this process did not read (turns of one conversation never overlap: the gateway's
    per-conversation lock, and Rasa's lock store across replicas)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._retrieve = store._retrieve
        self._save = store.save
        self._additional_events = store._additional_events

    def install(self) -> None:
        self.store._retrieve = self.retrieve
        self.store.save = self.save
        self.store._additional_events = self.additional_events

    async def retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        tracker = await self._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and not fetch_events_from_all_sessions and tracker.events.maxlen is None:
            setattr(tracker, STORED, len(tracker.events))
        return tracker

    async def save(self, tracker: Any) -> None:
        known = getattr(tracker, STORED, None)
        try:
            await self._save(tracker)
        except BaseException:
            if known is not None:
                delattr(tracker, STORED)  # what was stored is unknown now: ask the store
            raise
        if known is not None:
            setattr(tracker, STORED, len(tracker.events))

    def additional_events(self, session: Any, tracker: Any) -> Any:
        known = getattr(tracker, STORED, None)
        if known is None or known > len(tracker.events):
            return self._additional_events(session, tracker)
        return itertools.islice(tracker.events, known, len(tracker.events))


def remember_stored_counts(store: Any) -> None:
    """On Rasa's SQL tracker store (FailSafeTrackerStore wraps it): see StoredEventCounts."""
    from rasa.core.tracker_store import SQLTrackerStore

    inner = getattr(store, "_tracker_store", store)
    if isinstance(inner, SQLTrackerStore):
        StoredEventCounts(inner).install()
