"""Stratified train / held-out split of the NLU examples, and its Rasa YAML form.

Pure Python: no Rasa import, so the split is unit-testable on its own.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Tuple

import yaml

Group = Tuple[str, str]  # (intent, language)


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    language: str  # "en" or "fr", from the intent block's `metadata: {language: ..}`


def group_examples(examples: Iterable[Example]) -> Dict[Group, List[Example]]:
    """Examples by (intent, language), each group sorted by text (file order is irrelevant)."""
    groups: Dict[Group, List[Example]] = defaultdict(list)
    for example in examples:
        groups[(example.intent, example.language)].append(example)
    return {key: sorted(groups[key], key=lambda e: e.text) for key in sorted(groups)}


def holdout_size(n: int, holdout: float) -> int:
    """round(holdout * n), at least 1, but never a group's last example (it must be trained on)."""
    if n < 2:
        return 0
    return min(max(1, round(holdout * n)), n - 1)


def split_examples(
    examples: Iterable[Example], holdout: float, seed: int
) -> Tuple[List[Example], List[Example]]:
    """(train, held_out): per (intent, language), `holdout_size` examples drawn with Random(seed).

    Deterministic for a given seed and set of examples, whatever their order.
    """
    if not 0.0 < holdout < 1.0:
        raise ValueError(f"holdout must be between 0 and 1 (exclusive), got {holdout}")
    rng = random.Random(seed)
    train: List[Example] = []
    held_out: List[Example] = []
    for group in group_examples(examples).values():
        chosen = set(rng.sample(range(len(group)), holdout_size(len(group), holdout)))
        for index, example in enumerate(group):
            (held_out if index in chosen else train).append(example)
    return train, held_out


class _Literal(str):
    """A string YAML writes as a `|` block, like the hand-written data files."""


def _literal(dumper: yaml.SafeDumper, value: _Literal) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Literal, _literal)


def to_rasa_yaml(examples: Iterable[Example]) -> str:
    """Rasa 3.x NLU YAML with one block per (intent, language), keeping the language metadata.

    (Rasa's own RasaYAMLWriter merges the blocks of an intent and keeps only the first
    block's metadata, which would label the French examples `en`.)
    """
    blocks = [
        {
            "intent": intent,
            "metadata": {"language": language},
            "examples": _Literal("".join(f"- {e.text}\n" for e in group)),
        }
        for (intent, language), group in group_examples(examples).items()
    ]
    return yaml.dump(
        {"version": "3.1", "nlu": blocks}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000
    )
