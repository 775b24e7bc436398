"""The NLU inbox: real citizen messages the model was unsure about, for trainers to label.

What lands in the inbox (text is already redacted when stored):
- messages read as `nlu_fallback` or `nonsense`, or with confidence under the threshold;
- the citizen's last message before a handoff;
- in conversations whose officer help was rated 1 or 2, the message that led there.
Messages are grouped by similar text (same words, in any order, ignoring case and
punctuation), per language. A trainer labels a group with an intent (or `out_of_scope`, or a
new intent name); `export` writes the labels into `data/nlu/<topic>.yml` in Rasa's YAML, in
the block of the right intent and language, skipping examples already in the data.

A label given in the console can be undone: `label_with_undo` writes down in the audit log
what the label was before (nothing, or another intent), and `undo` puts that back, once,
for the trainer who gave it, as long as no one relabelled or exported it since.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.settings import PROJECT_ROOT
from bot.storage import transcripts
from bot.storage.models import AuditEntry, Message, NluLabel, Ticket, utcnow
from bot.trainer.check import examples_in, intents_of, load_yaml
from bot.vocabulary import FALLBACK_INTENTS

NOT_UNDERSTOOD = FALLBACK_INTENTS
UNDERSTOOD_HANDOFF = ("request_human", "complaint")  # asked for a person, and read so
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> Tuple[str, ...]:
    folded = unicodedata.normalize("NFKC", text).lower()
    return tuple(sorted(set(_WORD.findall(folded))))


def normal(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))


@dataclass
class Group:
    text: str  # the most frequent wording
    language: str
    count: int
    predicted: List[Tuple[str, int]]  # intent the model chose, how often
    lowest_confidence: float
    reasons: List[str]
    texts: List[str] = field(default_factory=list)
    context: str = ""  # what the bot said just before (the question a short answer answers)


def _candidates(session: Session, since: datetime, threshold: float) -> List[Tuple[Message, str]]:
    found: List[Tuple[Message, str]] = []
    citizen = select(Message).where(Message.sender == "citizen", Message.created_at >= since,
                                    Message.intent.isnot(None))
    for message in session.execute(citizen.order_by(Message.id)).scalars():
        if transcripts.by_button(message):
            continue  # a pressed button: the model read a payload, not words
        if message.intent in NOT_UNDERSTOOD:
            found.append((message, "not_understood"))
        elif (message.confidence or 0.0) < threshold:
            found.append((message, "low_confidence"))
    # the citizen's message just before each handoff event, and in badly rated conversations
    unhelpful = {t.conversation_id for t in session.execute(
        select(Ticket).where(Ticket.rating.isnot(None), Ticket.rating <= 2)).scalars()}
    events = session.execute(select(Message).where(
        Message.sender == "event", Message.text == "handoff requested", Message.created_at >= since)).scalars()
    for event in events:
        before = session.execute(
            select(Message).where(Message.conversation_id == event.conversation_id,
                                  Message.sender == "citizen", Message.id < event.id,
                                  Message.intent.isnot(None))
            .order_by(Message.id.desc()).limit(1)
        ).scalar_one_or_none()
        if before is None or transcripts.by_button(before):
            continue
        understood = before.intent in UNDERSTOOD_HANDOFF and (before.confidence or 0.0) >= threshold
        if not understood:  # "I want to speak to a person", read as such, needs no label
            found.append((before, "handoff"))
        if event.conversation_id in unhelpful:
            found.append((before, "rated_unhelpful"))
    return found


def _said_before(session: Session, message: Message) -> str:
    before = session.execute(
        select(Message.text).where(Message.conversation_id == message.conversation_id,
                                   Message.sender == "bot", Message.id < message.id)
        .order_by(Message.id.desc()).limit(1)).scalar()
    return str(before or "")


def collect(session: Session, days: int = 30, threshold: float = 0.6) -> List[Group]:
    """The inbox, most frequent first; texts already labelled are left out."""
    since = utcnow() - timedelta(days=days)
    labelled = {(label.normal, label.language) for label in session.execute(select(NluLabel)).scalars()}
    buckets: Dict[Tuple[Tuple[str, ...], str], List[Tuple[Message, str]]] = defaultdict(list)
    for message, reason in _candidates(session, since, threshold):
        language = message.language or "en"
        if not message.text.strip() or (normal(message.text), language) in labelled:
            continue
        buckets[(words(message.text), language)].append((message, reason))
    groups = []
    for (_, language), items in buckets.items():
        unique = {m.id: m for m, _ in items}
        texts = Counter(m.text for m in unique.values())
        groups.append(Group(
            text=texts.most_common(1)[0][0], language=language, count=len(unique),
            predicted=Counter(m.intent for m in unique.values()).most_common(),
            lowest_confidence=min((m.confidence or 0.0) for m in unique.values()),
            reasons=sorted({reason for _, reason in items}), texts=sorted(texts),
            context=_said_before(session, min(unique.values(), key=lambda m: m.id)),
        ))
    return sorted(groups, key=lambda g: (-g.count, g.lowest_confidence, g.text))


def domain_intents(root: Path = PROJECT_ROOT) -> Set[str]:
    return intents_of(load_yaml(root / "domain.yml"))


class InboxError(ValueError):
    """`code` names the problem for the page, which explains it in its own language."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def label(session: Session, text: str, language: str, intent: str, by: str,
          new_intent: bool = False, root: Path = PROJECT_ROOT) -> NluLabel:
    if language not in ("en", "fr"):
        raise InboxError("bad_language", "language must be en or fr")
    if not re.fullmatch(r"[a-z][a-z0-9_]{1,60}", intent):
        raise InboxError("bad_intent_name", "an intent name is lowercase letters, digits and _")
    if intent not in domain_intents(root) and not new_intent:
        raise InboxError("unknown_intent", f"'{intent}' is not an intent of domain.yml (mark it as a new intent)")
    key = normal(text)
    if not key:
        raise InboxError("empty_text", "the text is empty")
    existing = session.execute(
        select(NluLabel).where(NluLabel.normal == key, NluLabel.language == language)).scalar_one_or_none()
    if existing is not None:
        existing.intent, existing.labelled_by, existing.exported_at = intent, by, None
        return existing
    created = NluLabel(text=text.strip(), normal=key, language=language, intent=intent,
                       new_intent=1 if new_intent else 0, labelled_by=by)
    session.add(created)
    session.flush()
    return created


LABELLED, UNDONE = "nlu_label", "nlu_label_undone"  # audit actions


def label_with_undo(session: Session, text: str, language: str, intent: str, by: str, officer_id: int,
                    new_intent: bool = False, root: Path = PROJECT_ROOT) -> int:
    """Labels as `label` does; returns the audit entry that `undo` takes back."""
    before = session.execute(select(NluLabel).where(NluLabel.normal == normal(text),
                                                    NluLabel.language == language)).scalar_one_or_none()
    previous = None if before is None else {
        "intent": before.intent, "new_intent": before.new_intent, "labelled_by": before.labelled_by,
        "exported_at": before.exported_at.isoformat() if before.exported_at else None}
    made = label(session, text, language, intent, by, new_intent=new_intent, root=root)
    entry = AuditEntry(officer_id=officer_id, action=LABELLED, created_at=utcnow(), detail={
        "label": made.id, "text": made.text, "intent": intent, "by": by, "previous": previous})
    session.add(entry)
    session.flush()
    return int(entry.id)


@dataclass
class Undone:
    text: str
    intent: Optional[str]  # the intent put back; None: the label is gone, the text back in the inbox


def undo(session: Session, entry_id: int, officer_id: int) -> Undone:
    """Puts a label back as it was before `label_with_undo` changed it."""
    entry = session.get(AuditEntry, entry_id)
    if entry is None or entry.action != LABELLED or entry.officer_id != officer_id:
        raise InboxError("undo_unknown", "not a label of yours")
    later = list(session.execute(select(AuditEntry).where(
        AuditEntry.id > entry.id, AuditEntry.action.in_((LABELLED, UNDONE)))).scalars())
    detail = dict(entry.detail or {})
    if any(e.action == UNDONE and (e.detail or {}).get("entry") == entry.id for e in later):
        raise InboxError("undo_done", "this label was already undone")
    item = session.get(NluLabel, detail.get("label"))
    relabelled = any(e.action == LABELLED and (e.detail or {}).get("label") == detail.get("label") for e in later)
    if item is None or relabelled or item.intent != detail.get("intent") or item.labelled_by != detail.get("by"):
        raise InboxError("undo_changed", "the label changed since")
    if item.exported_at is not None:
        raise InboxError("undo_exported", "the label is already in data/nlu")
    previous = detail.get("previous")
    if previous is None:
        session.delete(item)
    else:
        item.intent, item.new_intent, item.labelled_by = previous["intent"], previous["new_intent"], previous["labelled_by"]
        item.exported_at = datetime.fromisoformat(previous["exported_at"]) if previous["exported_at"] else None
    session.add(AuditEntry(officer_id=officer_id, action=UNDONE, created_at=utcnow(),
                           detail={"entry": entry.id, "label": detail.get("label")}))
    session.flush()
    return Undone(str(detail.get("text", "")), None if previous is None else str(previous["intent"]))


def _nlu_index(root: Path) -> Tuple[Dict[str, Path], Dict[str, str]]:
    """In one read of data/nlu: the file of each intent, and the intent of each example."""
    files: Dict[str, Path] = {}
    known: Dict[str, str] = {}
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        for block in load_yaml(path).get("nlu", []):
            intent = block.get("intent")
            if not intent:
                continue
            files.setdefault(intent, path)
            for example in examples_in(block):
                known.setdefault(normal(example), intent)
    return files, known


def _insert(path: Path, intent: str, language: str, examples: Sequence[str]) -> None:
    """Add examples at the end of the (intent, language) block, or append a new block."""
    lines = path.read_text(encoding="utf-8").split("\n") if path.exists() else ['version: "3.1"', "nlu:"]
    for index, line in enumerate(lines):
        if line == f"- intent: {intent}" and index + 2 < len(lines) and lines[index + 2].strip() == f"language: {language}":
            end = index + 4
            while end < len(lines) and lines[end].startswith("    - "):
                end += 1
            lines[end:end] = [f"    - {e}" for e in examples]
            break
    else:
        while lines and not lines[-1].strip():
            lines.pop()
        lines += [f"- intent: {intent}", "  metadata:", f"    language: {language}", "  examples: |"]
        lines += [f"    - {e}" for e in examples]
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


@dataclass
class Exported:
    written: Dict[str, int]  # file -> examples added
    skipped: List[str]  # already in the data (same intent)
    conflicts: List[str]  # already in the data under another intent: not written


def export(session: Session, root: Path = PROJECT_ROOT, new_intents_file: str = "new_intents.yml") -> Exported:
    files, known = _nlu_index(root)
    pending = list(session.execute(select(NluLabel).where(NluLabel.exported_at.is_(None))
                                   .order_by(NluLabel.id)).scalars())
    plan: Dict[Tuple[Path, str, str], List[str]] = defaultdict(list)
    result = Exported({}, [], [])
    for item in pending:
        already = known.get(item.normal)
        if already == item.intent:
            result.skipped.append(item.text)
        elif already:
            result.conflicts.append(f"{item.text!r} is already an example of '{already}', labelled '{item.intent}'")
            continue
        else:
            path = files.get(item.intent) or root / "data" / "nlu" / new_intents_file
            plan[(path, item.intent, item.language)].append(_yaml_safe(item.text))
            known[item.normal] = item.intent
        item.exported_at = utcnow()
    for (path, intent, language), examples in plan.items():
        _insert(path, intent, language, examples)
        name = str(path.relative_to(root))
        result.written[name] = result.written.get(name, 0) + len(examples)
    return result


def _yaml_safe(text: str) -> str:
    """One line, no markup that Rasa's example syntax would read as an entity."""
    return re.sub(r"\s+", " ", text).replace("[", "(").replace("]", ")").strip()


def describe(groups: Sequence[Group], limit: Optional[int] = None) -> str:
    lines = [f"{'n':>3}  lang  {'lowest':>6}  {'model said':<28} reasons / text"]
    for group in list(groups)[:limit]:
        predicted = ", ".join(f"{intent} x{n}" for intent, n in group.predicted[:2])
        lines.append(f"{group.count:>3}  {group.language:<4}  {group.lowest_confidence:>6.2f}  {predicted[:28]:<28} "
                     f"{','.join(group.reasons)}: {group.text}")
    return "\n".join(lines)
