"""Readable names of intents, in English and French: the one place staff pages get them.

An intent answered by a knowledge entry takes its overview's title (content/knowledge/);
the others have an `intent_<name>` sentence in bot/messages.yml. An unknown intent (a new
one from the trainer's inbox) keeps its code: better a code than a wrong name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Dict, Optional

from bot.knowledge import cached_knowledge
from bot.texts import catalogue

PREFIX = "intent_"


@lru_cache(maxsize=1)
def intent_labels() -> Dict[str, Dict[str, str]]:
    """{intent: {"en": ..., "fr": ...}} for every intent with a readable name."""
    labels = {key[len(PREFIX):]: {"en": entry["en"], "fr": entry["fr"]}
              for key, entry in catalogue().items() if key.startswith(PREFIX)}
    knowledge = cached_knowledge()
    for intent in knowledge.intents:
        overview = knowledge.overview(intent)
        if overview is not None and intent not in labels:
            labels[intent] = {"en": overview.title["en"], "fr": overview.title["fr"]}
    return labels


def intent_label(intent: Optional[str], language: str) -> str:
    if not intent:
        return "\u2014"
    found = intent_labels().get(intent)
    return found["fr" if language == "fr" else "en"] if found else intent
