"""Experts' answers proposed as knowledge: drafts a trainer completes, then exports.

A draft starts with one question and the expert's answer in the ticket's language
(bot/handoff/consults.py, propose_knowledge). A trainer completes it to the standard of
content/knowledge/SCHEMA.md: the intent it answers, in English and French an answer, at
least five questions citizens really ask, the Canada.ca page and its title; and the date the
facts were checked. `export` appends every completed draft to content/knowledge/<area file>
(comments and other entries untouched); then `govbot check` validates it with the rest.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Sequence

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.knowledge import LANGUAGES
from bot.settings import PROJECT_ROOT
from bot.storage.models import KnowledgeDraft, utcnow
from bot.trainer.knowledge_check import MIN_QUESTIONS

AREA_FILES = {"passport": "passports.yml", "programs": "programs.yml", "general": "general.yml"}
_INTENT = re.compile(r"^[a-z][a-z0-9_]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DraftError(ValueError):
    pass


def pending(session: Session) -> List[KnowledgeDraft]:
    """Drafts not yet exported, oldest first (completed or not)."""
    return list(session.execute(select(KnowledgeDraft).where(KnowledgeDraft.exported_at.is_(None))
                                .order_by(KnowledgeDraft.id)).scalars())


def complete(session: Session, draft_id: int, trainer: str, *, intent: str, checked: str,
             texts: Dict[str, Dict[str, Any]]) -> KnowledgeDraft:
    """Fill in what the schema needs; refuses what `govbot check` would refuse outright."""
    draft = session.get(KnowledgeDraft, draft_id)
    if draft is None or draft.exported_at is not None:
        raise DraftError("no such draft")
    if not _INTENT.match(intent):
        raise DraftError("intent: lower case letters, digits and '_'")
    if not _DATE.match(checked):
        raise DraftError("checked: a date, YYYY-MM-DD")
    clean: Dict[str, Dict[str, Any]] = {}
    for language in LANGUAGES:
        given = texts.get(language) or {}
        questions = [str(q).strip() for q in given.get("questions") or [] if str(q).strip()]
        answer, title, source = (str(given.get(k) or "").strip() for k in ("answer", "title", "source"))
        if not answer or not title:
            raise DraftError(f"{language}: an answer and a title")
        if len(questions) < MIN_QUESTIONS:
            raise DraftError(f"{language}: at least {MIN_QUESTIONS} questions")
        if not source.startswith(f"https://www.canada.ca/{language}/"):
            raise DraftError(f"{language}: the source is a canada.ca/{language}/ page")
        clean[language] = {"answer": answer, "questions": questions, "title": title, "source": source}
    draft.intent, draft.checked, draft.texts, draft.completed_by = intent, checked, clean, trainer
    return draft


def entry_of(draft: KnowledgeDraft) -> Dict[str, Any]:
    """The draft as a knowledge entry (content/knowledge/SCHEMA.md)."""
    texts = draft.texts or {}
    return {
        "id": f"{draft.intent}.expert_{draft.id}",
        "intent": draft.intent,
        "checked": draft.checked,
        # No stored copy of the official page confirmed it: a trainer read the source.
        "verified": False,
        "verified_against": f"an expert's answer to an officer (consult {draft.consult_id}), "
                            f"completed by {draft.completed_by} from the source pages",
        "source": {language: texts[language]["source"] for language in LANGUAGES},
        "title": {language: texts[language]["title"] for language in LANGUAGES},
        **{language: {"answer": texts[language]["answer"], "questions": texts[language]["questions"]}
           for language in LANGUAGES},
    }


def _append(path: Path, entries: Sequence[Dict[str, Any]]) -> None:
    if path.exists():
        text = path.read_text(encoding="utf-8")
        found = re.search(r"^( *)- id:", text, re.MULTILINE)
        indent = found.group(1) if found else ""
    else:
        text, indent = "# Question-level knowledge (content/knowledge/SCHEMA.md).\nversion: 1\nentries:\n", "  "
    block = yaml.safe_dump(list(entries), allow_unicode=True, sort_keys=False, width=110)
    lines = "".join(f"{indent}{line}\n" if line else "\n" for line in block.splitlines())
    path.write_text(text.rstrip("\n") + "\n\n" + lines, encoding="utf-8")


def export(session: Session, root: Path = PROJECT_ROOT) -> List[str]:
    """Append every completed draft to its area's file; returns the ids written."""
    by_file: Dict[str, List[KnowledgeDraft]] = {}
    for draft in pending(session):
        if draft.texts and draft.intent:
            by_file.setdefault(AREA_FILES.get(draft.area, "general.yml"), []).append(draft)
    written: List[str] = []
    for name, drafts in sorted(by_file.items()):
        entries = [entry_of(d) for d in drafts]
        _append(root / "content" / "knowledge" / name, entries)
        for draft in drafts:
            draft.exported_at = utcnow()
        written += [e["id"] for e in entries]
    return written
