"""Question-level answers in English and French, read from content/knowledge/*.yml.

Each entry answers one question citizens really ask, with its official source and the date it
was checked (format: content/knowledge/SCHEMA.md). Three readers share this module: the NLU
importer (an entry's questions are training examples of its intent), the answer action (the
text and link in the citizen's language) and `govbot check`. Pure Python: no Rasa import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

import yaml

from bot.settings import PROJECT_ROOT

KNOWLEDGE_DIR = PROJECT_ROOT / "content" / "knowledge"
LANGUAGES = ("en", "fr")
OVERVIEW = "overview"
_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")


class KnowledgeError(ValueError):
    """A knowledge file breaks the format of content/knowledge/SCHEMA.md."""


@dataclass(frozen=True)
class Text:
    answer: str
    questions: Tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    id: str
    intent: str
    checked: str
    source: Mapping[str, str]
    title: Mapping[str, str]
    texts: Mapping[str, Text]
    offer: Tuple[str, ...] = ()
    # Other topics whose question this answer settles in full: passport_renew.damaged ("you can
    # renew it if it was issued within the last 15 years") answers "Can I renew?" too.
    also_answers: Tuple[str, ...] = ()
    verified: bool = False
    file: str = ""

    @property
    def is_overview(self) -> bool:
        return self.id == overview_id(self.intent)

    def text(self, language: str) -> Text:
        return self.texts["fr" if language == "fr" else "en"]


@dataclass
class Knowledge:
    entries: Dict[str, Entry] = field(default_factory=dict)

    def for_intent(self, intent: str) -> List[Entry]:
        return [entry for entry in self.entries.values() if entry.intent == intent]

    def overview(self, intent: str) -> Optional[Entry]:
        return self.entries.get(overview_id(intent))

    def answer(self, intent: str, chosen: Optional[str]) -> Optional[Entry]:
        """The entry that answers `intent`: the chosen one when it is of that intent, else the
        intent's overview (None for an intent without knowledge, such as a form)."""
        entry = self.entries.get(chosen) if chosen else None
        return entry if entry is not None and entry.intent == intent else self.overview(intent)

    @property
    def intents(self) -> List[str]:
        return sorted({entry.intent for entry in self.entries.values()})

    def examples(self) -> Iterable[Tuple[str, str, str, str]]:
        """(text, intent, language, entry id) of every question."""
        for entry in self.entries.values():
            for language in LANGUAGES:
                for question in entry.texts[language].questions:
                    yield question, entry.intent, language, entry.id


# The programs the assistant answers, by intent prefix: an answer never crosses from one to another.
PROGRAMS = ("passport_", "sin_", "ei_", "ccb_", "student_loan_")


def program_of(intent: str) -> Optional[str]:
    return next((prefix for prefix in PROGRAMS if intent.startswith(prefix)), None)


def overview_id(intent: str) -> str:
    return f"{intent}.{OVERVIEW}"


def _text(raw: object, where: str) -> Text:
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: needs `answer` and `questions`")
    answer = raw.get("answer")
    questions = raw.get("questions")
    if not isinstance(answer, str) or not answer.strip():
        raise KnowledgeError(f"{where}: `answer` must be non-empty text")
    if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
        raise KnowledgeError(f"{where}: `questions` must be a list of non-empty texts")
    return Text(answer=" ".join(answer.split()), questions=tuple(q.strip() for q in questions))


def _pair(raw: object, where: str) -> Dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(lang), str) for lang in LANGUAGES):
        raise KnowledgeError(f"{where}: needs `en` and `fr` texts")
    return {lang: str(raw[lang]).strip() for lang in LANGUAGES}


def parse_entry(raw: object, file: str) -> Entry:
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{file}: every entry must be a mapping")
    entry_id = str(raw.get("id", ""))
    where = f"{file}: {entry_id or '(no id)'}"
    if not _ID.match(entry_id):
        raise KnowledgeError(f"{where}: id must look like `<intent>.<slug>` in lower case")
    intent = str(raw.get("intent", ""))
    if not entry_id.startswith(intent + "."):
        raise KnowledgeError(f"{where}: id must start with its intent `{intent}.`")
    offer = raw.get("offer") or []
    if not isinstance(offer, list):
        raise KnowledgeError(f"{where}: `offer` must be a list of intents")
    also_answers = raw.get("also_answers") or []
    if not isinstance(also_answers, list):
        raise KnowledgeError(f"{where}: `also_answers` must be a list of intents")
    return Entry(
        id=entry_id,
        intent=intent,
        checked=str(raw.get("checked", "")),
        source=_pair(raw.get("source"), f"{where} source"),
        title=_pair(raw.get("title"), f"{where} title"),
        texts={lang: _text(raw.get(lang), f"{where} {lang}") for lang in LANGUAGES},
        offer=tuple(str(o) for o in offer),
        also_answers=tuple(str(a) for a in also_answers),
        verified=bool(raw.get("verified", False)),
        file=file,
    )


def load_knowledge(folder: Path = KNOWLEDGE_DIR) -> Knowledge:
    knowledge = Knowledge()
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in data.get("entries") or []:
            entry = parse_entry(raw, path.name)
            if entry.id in knowledge.entries:
                raise KnowledgeError(f"{path.name}: {entry.id} is defined twice")
            knowledge.entries[entry.id] = entry
    return knowledge


@lru_cache(maxsize=4)
def cached_knowledge(folder: Path = KNOWLEDGE_DIR) -> Knowledge:
    return load_knowledge(folder)
