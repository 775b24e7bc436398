"""Keep the conversation's language (slot `language`) in step with what the citizen writes.

Rasa runs this global slot-mapping action after every user message. Weak evidence
("ok", "merci") never changes a language already chosen; explicit requests and clear
sentences do. See bot/language.py for the detector itself.
"""

from __future__ import annotations

from typing import Any, Dict, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from bot.language import decide


class ValidatePredefinedSlots(ValidationAction):
    @staticmethod
    def language_slot(current: Any, text: str) -> Dict[Text, Any]:
        """The language slot's new value after the citizen's `text`, if it changes."""
        chosen = decide(current, text)
        return {"language": chosen} if chosen and chosen != current else {}

    async def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self.language_slot(tracker.get_slot("language"), tracker.latest_message.get("text") or "")

    async def validate_language(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"language": value if value in ("en", "fr") else None}
