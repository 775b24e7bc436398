"""`govbot check`: the training data and responses are complete in both languages.

Fails, with one clear line per problem, on:
- an intent without examples in English and in French (`metadata: language` blocks);
- a response without an English (default) or a French (`language: fr` condition) variation;
- an intent that no rule or story uses;
- the same example twice (duplicate) or under two intents (conflicting);
- a response text that is empty or has a `{placeholder}` that is neither a slot nor a value
  the custom actions pass;
- a knowledge entry that breaks content/knowledge/SCHEMA.md, and an evaluation question that
  is in the training data (bot/trainer/knowledge_check.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import yaml

from bot.settings import PROJECT_ROOT

LANGUAGES = ("en", "fr")
# Responses written once in both languages on purpose (the bilingual active offer).
BILINGUAL_RESPONSES = {"utter_welcome"}
_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
# keyword arguments (name=...) and dict keys ("name": ...) in the actions' code
_KEYWORD = re.compile(r"\b(\w+)\s*=(?!=)|[\"'](\w+)[\"']\s*:")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def intents_of(domain: Dict[str, Any]) -> Set[str]:
    """Intent names of a domain (an intent may be written as a mapping with options)."""
    return {i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents", [])}


def examples_in(block: Dict[str, Any]) -> List[str]:
    """The examples of one `- intent:` block of Rasa's NLU YAML."""
    text = block.get("examples") or ""
    return [line.strip()[2:].strip() for line in str(text).splitlines() if line.strip().startswith("- ")]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)).strip().lower()


def _steps(node: Any) -> Iterator[Dict[str, Any]]:
    for step in node or []:
        if isinstance(step, dict):
            yield step
            if "or" in step:
                yield from _steps(step["or"])


def check_nlu(root: Path, intents: Set[str]) -> List[Problem]:
    problems: List[Problem] = []
    languages: Dict[str, Set[str]] = defaultdict(set)
    seen: Dict[str, Tuple[str, str]] = {}
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        where = str(path.relative_to(root))
        for block in load_yaml(path).get("nlu", []):
            intent = block.get("intent")
            if not intent:
                continue
            if intent not in intents:
                problems.append(Problem(where, f"intent '{intent}' is not in domain.yml"))
            language = (block.get("metadata") or {}).get("language")
            if language not in LANGUAGES:
                problems.append(Problem(where, f"intent '{intent}': a block without metadata.language en or fr"))
                continue
            examples = examples_in(block)
            if examples:
                languages[intent].add(language)
            for example in examples:
                key = _normal(example)
                if key in seen:
                    other_intent, other_where = seen[key]
                    kind = "duplicate example" if other_intent == intent else (
                        f"conflicting example: also under '{other_intent}'")
                    problems.append(Problem(where, f"intent '{intent}': {kind}: {example!r} (see {other_where})"))
                else:
                    seen[key] = (intent, where)
    for intent in sorted(intents):
        missing = [lang for lang in LANGUAGES if lang not in languages.get(intent, set())]
        if missing:
            names = " and ".join({"en": "English", "fr": "French"}[m] for m in missing)
            problems.append(Problem("data/nlu", f"intent '{intent}' has no {names} examples"))
    return problems


def check_flows(root: Path, intents: Set[str]) -> List[Problem]:
    used: Set[str] = set()
    for folder in ("rules", "stories"):
        for path in (root / "data" / folder).glob("*.yml"):
            data = load_yaml(path)
            for flow in data.get("rules", []) + data.get("stories", []):
                for step in _steps(flow.get("steps")):
                    if "intent" in step:
                        used.add(step["intent"])
    return [Problem("data/rules, data/stories", f"intent '{intent}' is not used by any rule or story")
            for intent in sorted(intents - used)]


def _action_values(root: Path) -> Set[str]:
    """Keyword names the actions pass when they utter (values filled by code)."""
    names: Set[str] = set()
    for source in (root / "actions").glob("*.py"):
        names |= {a or b for a, b in _KEYWORD.findall(source.read_text(encoding="utf-8"))}
    return names


def _is_french(variation: Dict[str, Any]) -> bool:
    return any(c.get("name") == "language" and c.get("value") == "fr" for c in variation.get("condition") or [])


def check_responses(root: Path, domain: Dict[str, Any]) -> List[Problem]:
    problems: List[Problem] = []
    slots = set(domain.get("slots") or {})
    known = slots | _action_values(root)
    for name, variations in (domain.get("responses") or {}).items():
        where = f"domain.yml {name}"
        french = [v for v in variations if _is_french(v)]
        english = [v for v in variations if not v.get("condition")]
        if name not in BILINGUAL_RESPONSES:
            if not english:
                problems.append(Problem(where, "no English variation (one without a condition)"))
            if not french:
                problems.append(Problem(where, "no French variation (condition: slot language = fr)"))
        for variation in variations:
            text = variation.get("text")
            if text is None and not (variation.get("custom") or variation.get("image")):
                problems.append(Problem(where, "a variation without text"))
                continue
            if text is not None and not str(text).strip():
                problems.append(Problem(where, "an empty text"))
            for placeholder in _PLACEHOLDER.findall(str(text or "")):
                if placeholder not in known:
                    problems.append(Problem(
                        where, f"'{{{placeholder}}}' is not a slot nor a value the actions pass"))
    return problems


def check(root: Path = PROJECT_ROOT) -> List[Problem]:
    domain = load_yaml(root / "domain.yml")
    intents = intents_of(domain)
    from bot.trainer.knowledge_check import check_knowledge

    return (check_nlu(root, intents) + check_flows(root, intents) + check_responses(root, domain)
            + check_knowledge(root, intents))


def main(root: Path = PROJECT_ROOT) -> int:
    problems = check(root)
    for problem in problems:
        print(f"check: {problem}")
    if problems:
        print(f"check: {len(problems)} problem(s): fix them before training")
        return 1
    print("check: every intent has English and French examples and a rule or story; "
          "every response and knowledge entry has both languages; no duplicate or conflicting "
          "example; the evaluation set is not trained on")
    return 0
