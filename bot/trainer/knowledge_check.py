"""The knowledge entries' part of `govbot check` (format: content/knowledge/SCHEMA.md).

Fails, one line per problem, on: a file that does not load; an entry of an unknown intent; an
answering intent without its overview; fewer than five questions in a language; an answer with
a URL, an unknown `{placeholder}` or more than MAX_ANSWER_CHARS characters; a source that is
not a canada.ca page in the right language; a bad `checked` date; an offer, or an
`also_answers`, that is not a topic (another one, for `also_answers`); a question that is also
a question of another entry or an example in data/nlu; and a question of the realistic
evaluation set that is in the training data (it must stay unseen).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Iterable, List, Set, Tuple

from bot.knowledge import LANGUAGES, KnowledgeError, load_knowledge, overview_id
from bot.trainer.check import Problem, _normal, examples_in, load_yaml

MIN_QUESTIONS = 5
MAX_ANSWER_CHARS = 700
ANSWER_ACTIONS = {"action_answer", "action_lost_passport"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def answering_intents(root: Path) -> Set[str]:
    """Intents a rule or story answers with a knowledge entry."""
    found: Set[str] = set()
    for folder in ("rules", "stories"):
        for path in (root / "data" / folder).glob("*.yml"):
            data = load_yaml(path)
            for flow in data.get("rules", []) + data.get("stories", []):
                steps = [s for s in flow.get("steps") or [] if isinstance(s, dict)]
                for step, following in zip(steps, steps[1:]):
                    if "intent" in step and following.get("action") in ANSWER_ACTIONS:
                        found.add(step["intent"])
    return found


def placeholders_known() -> Set[str]:
    from actions.passport_facts import facts

    return set(facts("en"))


def nlu_examples(root: Path) -> Dict[str, Tuple[str, str]]:
    """normalised example -> (intent, file) of data/nlu."""
    seen: Dict[str, Tuple[str, str]] = {}
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        for block in load_yaml(path).get("nlu", []):
            if block.get("intent"):
                for example in examples_in(block):
                    seen.setdefault(_normal(example), (block["intent"], str(path.relative_to(root))))
    return seen


def eval_questions(root: Path) -> Iterable[Tuple[str, str, str]]:
    """(set file, item id, text) of every evaluation set in eval/: none may be trained on."""
    for path in sorted((root / "eval").glob("*.yml")):
        for item in load_yaml(path).get("items") or []:
            for text in [item.get("text"), *(item.get("context") or [])]:
                if text:
                    yield f"eval/{path.name}", str(item.get("id")), str(text)


def check_knowledge(root: Path, intents: Set[str]) -> List[Problem]:
    folder = root / "content" / "knowledge"
    try:
        knowledge = load_knowledge(folder)
    except KnowledgeError as error:
        return [Problem("content/knowledge", str(error))]
    problems: List[Problem] = []
    topics = set((load_yaml(root / "content" / "topics.yml").get("topics") or {}))
    known = placeholders_known()
    seen = nlu_examples(root)
    for entry in knowledge.entries.values():
        where = f"content/knowledge/{entry.file} {entry.id}"
        if entry.intent not in intents:
            problems.append(Problem(where, f"intent '{entry.intent}' is not in domain.yml"))
        if not _DATE.match(entry.checked):
            problems.append(Problem(where, "`checked` must be a date (YYYY-MM-DD)"))
        for intent in entry.offer:
            if intent not in topics:
                problems.append(Problem(where, f"offers '{intent}', which is not in content/topics.yml"))
        for intent in entry.also_answers:
            if intent not in topics or intent == entry.intent:
                problems.append(Problem(where, f"also answers '{intent}', which is not another topic of content/topics.yml"))
        for language in LANGUAGES:
            text = entry.text(language)
            url = entry.source[language]
            if not url.startswith(f"https://www.canada.ca/{language}"):
                problems.append(Problem(where, f"{language} source must be a canada.ca/{language} page: {url}"))
            if len(text.questions) < MIN_QUESTIONS:
                problems.append(Problem(where, f"{language}: {len(text.questions)} questions (at least {MIN_QUESTIONS})"))
            if "http" in text.answer or "www." in text.answer:
                problems.append(Problem(where, f"{language}: the answer has a URL (the source link is added)"))
            if len(text.answer) > MAX_ANSWER_CHARS:
                problems.append(Problem(where, f"{language}: the answer has {len(text.answer)} characters"))
            for name in _PLACEHOLDER.findall(text.answer):
                if name not in known:
                    problems.append(Problem(where, f"{language}: unknown placeholder {{{name}}}"))
            for question in text.questions:
                key = _normal(question)
                if key in seen:
                    other, other_where = seen[key]
                    problems.append(Problem(where, f"question {question!r} is also under '{other}' ({other_where})"))
                else:
                    seen[key] = (entry.id, where)
    for intent in sorted(answering_intents(root)):
        if knowledge.overview(intent) is None:
            problems.append(Problem("content/knowledge", f"intent '{intent}' is answered by action_answer "
                                    f"but has no entry '{overview_id(intent)}'"))
    for where, item, question in eval_questions(root):
        if _normal(question) in seen:
            problems.append(Problem(where, f"{item}: {question!r} is in the training data"))
    return problems
