"""Model-free stand-ins for the context readers' tests (bot/engine/context/): a citizen's
earlier message as Rasa's event carries it, and a model's reading of a text."""

from __future__ import annotations

from typing import Any, Dict, List


class UserUttered:  # the shape of Rasa's event that the conversation readers take
    def __init__(self, text: str, intent: str = "") -> None:
        self.text = text
        self.intent = {"name": intent}
        self.parse_data = {"intent": self.intent}


class BotUttered:  # the shape of Rasa's event for a reply, with the response it came from
    def __init__(self, response: str) -> None:
        self.metadata = {"utter_action": response}


def reading(*ranking: tuple) -> Dict[str, Any]:
    """A parse result whose intent ranking is `(name, confidence)` pairs, likeliest first."""
    ranks: List[Dict[str, Any]] = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return {"intent": dict(ranks[0]), "intent_ranking": ranks}
