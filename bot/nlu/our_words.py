"""The words of this assistant's conversations: every word of the training examples (data/nlu,
every intent but "out of scope") and of the knowledge questions and answers (content/knowledge),
the files the model is trained on and answers from ("téléverser" is an answer's word: "le studio
m'a donné un fichier jpeg, c'est ça que je téléverse?" asks about the digital photo).

A message's words outside them ("bootcamp", "Gucci", "douane", "password manager") are about
something no question of ours was ever asked with: a follow-up that the model reads as off topic
and that holds two of them asks its own thing ("which coding bootcamp is worth it?" after an EI
claim), however the conversation before it reads. A place named after a preposition ("chu à
Punta Cana", "le plus proche de Saint-Jérôme") is where the citizen is, not a subject: it does
not count.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List

from bot.folding import fold
from bot.knowledge import cached_knowledge
from bot.settings import PROJECT_ROOT
from bot.trainer.check import examples_in, load_yaml

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
OFF_TOPIC_INTENTS = {"out_of_scope"}
MIN_LETTERS = 4  # shorter words ("vol", "bag", "ok") are too often a typo or a word of ours
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# A place: capitalised words after a preposition of place, in the message as typed
_PLACE = re.compile(r"\b(?:à|a|au|aux|en|in|at|near|from|to|de|du|of|around|pres de|près de|proche de)\s+"
                    r"((?:[A-ZÀ-Ý][\w'-]*[\s-]?)+)")


def _words(text: str) -> List[str]:
    """The folded words of `text`, each without an elided article ("l'avion": "avion")."""
    return [word.split("'")[-1] for word in _WORD.findall(fold(text))]


def _examples(folder: Path) -> List[str]:
    """The examples of every intent but "out of scope" in the NLU files of `folder`."""
    return [example for path in sorted(folder.glob("*.yml")) for block in load_yaml(path).get("nlu") or []
            if isinstance(block, dict) and block.get("intent") and block["intent"] not in OFF_TOPIC_INTENTS
            for example in examples_in(block)]


@lru_cache(maxsize=1)
def known_words(folder: Path = NLU_DIR) -> FrozenSet[str]:
    """Every word of the examples of every intent but "out of scope", and of the knowledge entries."""
    texts = [entry.text(language) for entry in cached_knowledge().entries.values() for language in ("en", "fr")]
    written = [said for text in texts for said in (text.answer, *text.questions)]
    return frozenset(word for said in _examples(folder) + written for word in _words(said))


def unknown_words(text: str) -> List[str]:
    """The words of `text` (of `MIN_LETTERS` letters or more) that no example of ours holds, the
    place it names after a preposition aside."""
    places = {word for match in _PLACE.finditer(text) for word in _words(match.group(1))}
    known = known_words()
    return [word for word in _words(text) if len(word) >= MIN_LETTERS and word not in known and word not in places]
