"""Build `validate_<slot>` methods for forms from the parsers in actions/answers.py."""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

Validator = Callable[[Any, Any, CollectingDispatcher, Tracker, DomainDict], Dict[Text, Any]]


def validated(slot: str, parse: Callable[[Any], Optional[object]], invalid: str) -> Validator:
    """Keep the parsed value, or clear the slot and say `invalid` so the form re-asks."""

    def validate(
        self: Any,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        parsed = parse(value)
        if parsed is None:
            dispatcher.utter_message(response=invalid)
        return {slot: parsed}

    validate.__name__ = f"validate_{slot}"
    return validate
