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


class BotAction:  # the shape of Rasa's event for an action the bot ran ("utter_ask_travel_soon")
    def __init__(self, name: str) -> None:
        self.action_name = name


def reading(*ranking: tuple) -> Dict[str, Any]:
    """A parse result whose intent ranking is `(name, confidence)` pairs, likeliest first."""
    ranks: List[Dict[str, Any]] = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return {"intent": dict(ranks[0]), "intent_ranking": ranks}


UNSURE = reading(("out_of_scope", 0.4), ("help", 0.1))  # sure of nothing


async def unsure_parse(text: str) -> Dict[str, Any]:
    """The conversation readers' `parse` for tests whose readings never need parsing again: unsure, off topic."""
    return UNSURE


def parser(readings: Dict[str, Dict[str, Any]]) -> Any:
    """A conversation reader's `parse` that knows the readings of some texts, and is unsure of any other."""
    async def parse(text: str) -> Dict[str, Any]:
        return readings.get(text, UNSURE)
    return parse


def with_entry(read: Dict[str, Any], entry: str) -> Dict[str, Any]:
    """`read` answered by the knowledge entry `entry` (as the selector would choose it)."""
    return {**read, "knowledge": {"id": entry, "score": 1.0}}


def entry(read: Dict[str, Any]) -> str:
    """The knowledge entry a reading answers with ("" when none)."""
    return str((read.get("knowledge") or {}).get("id") or "")


def topic_and_entry(read: Dict[str, Any]) -> tuple:
    """The topic a reading answers, and the knowledge entry ("" when none)."""
    return str(read["intent"]["name"]), entry(read)


def read_after(said: List[Any], read: Dict[str, Any], text: str, parse: Any = unsure_parse) -> Dict[str, Any]:
    """`text`, read as `read`, in a conversation whose earlier events are `said` (`parse` reads any
    text again: unsure of everything by default)."""
    import asyncio

    from bot.engine.context import in_context

    return asyncio.run(in_context(read, text, said, parse))


def read_as(said: List[Any], read: Dict[str, Any], text: str) -> Dict[str, Any]:
    """`text`, read as `read`, in a conversation whose earlier events are `said`; read again
    with the conversation, it is read the same way."""
    async def parse(_: str) -> Dict[str, Any]:
        return read

    return read_after(said, read, text, parse)


def refined_top(text: str, *pairs: tuple, labels: List[str]) -> str:
    """The intent the model's rules (bot/nlu/classifier.refine) put first, given the model's
    ranking as `(name, confidence)` pairs and the model's intents `labels`."""
    from bot.nlu.classifier import refine

    ranking = [{"name": name, "confidence": confidence} for name, confidence in pairs]
    return str(refine(text, ranking, labels)[0]["name"])
