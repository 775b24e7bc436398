"""Intent metrics on held-out predictions, overall and per language.

Pure Python: no Rasa import. `nlu_fallback` (the FallbackClassifier's "not sure") is
never a true intent, so a fallback prediction counts as a miss of the true intent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"
LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class Prediction:
    text: str
    intent: str  # true intent
    language: str
    predicted: str  # may be FALLBACK
    confidence: float = 0.0
    classifier_intent: Optional[str] = None  # DIET's top intent, under a fallback too
    classifier_confidence: Optional[float] = None


@dataclass(frozen=True)
class Metrics:
    examples: int
    accuracy: float
    macro_f1: float
    fallback_rate: float
    out_of_scope_recall: Optional[float]  # None when there is no out_of_scope example
    classifier_accuracy: float  # DIET's top intent right, ignoring the fallback threshold
    confusions: List[Tuple[str, str, int]]  # (true, predicted, count), predicted != FALLBACK
    fallbacks: List[Tuple[str, int]]  # (true intent, fallback count)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def recall(predictions: Sequence[Prediction], intent: str) -> Optional[float]:
    relevant = [p for p in predictions if p.intent == intent]
    if not relevant:
        return None
    return _ratio(sum(p.predicted == intent for p in relevant), len(relevant))


def f1_by_intent(predictions: Sequence[Prediction]) -> Dict[str, float]:
    """F1 of every true intent of `predictions`; any other predicted label is just a miss."""
    true_positive = Counter(p.intent for p in predictions if p.predicted == p.intent)
    gold = Counter(p.intent for p in predictions)
    predicted = Counter(p.predicted for p in predictions)
    scores: Dict[str, float] = {}
    for intent in sorted(gold):
        precision = _ratio(true_positive[intent], predicted[intent])
        recall_ = _ratio(true_positive[intent], gold[intent])
        scores[intent] = _ratio(2 * precision * recall_, precision + recall_)
    return scores


def _ranked(counts: Counter, top: int) -> list:
    """Most frequent first, ties by key."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


def confusion_pairs(predictions: Iterable[Prediction], top: int = 5) -> List[Tuple[str, str, int]]:
    """The `top` most frequent (true, predicted, count) errors between two intents."""
    counts = Counter(
        (p.intent, p.predicted) for p in predictions if p.predicted not in (p.intent, FALLBACK)
    )
    return [(true, predicted, count) for (true, predicted), count in _ranked(counts, top)]


def fallbacks_by_intent(predictions: Iterable[Prediction], top: int = 5) -> List[Tuple[str, int]]:
    """The `top` true intents most often answered with `nlu_fallback`."""
    return _ranked(Counter(p.intent for p in predictions if p.predicted == FALLBACK), top)


def compute_metrics(predictions: Sequence[Prediction], top: int = 5) -> Metrics:
    n = len(predictions)
    f1 = f1_by_intent(predictions)
    classifier_right = sum((p.classifier_intent or p.predicted) == p.intent for p in predictions)
    return Metrics(
        examples=n,
        accuracy=_ratio(sum(p.predicted == p.intent for p in predictions), n),
        macro_f1=_ratio(sum(f1.values()), len(f1)),
        fallback_rate=_ratio(sum(p.predicted == FALLBACK for p in predictions), n),
        out_of_scope_recall=recall(predictions, OUT_OF_SCOPE),
        classifier_accuracy=_ratio(classifier_right, n),
        confusions=confusion_pairs(predictions, top),
        fallbacks=fallbacks_by_intent(predictions, top),
    )


def evaluate(
    predictions: Sequence[Prediction], languages: Sequence[str] = LANGUAGES, top: int = 5
) -> Dict[str, Metrics]:
    """{"all": ..., "en": ..., "fr": ...}."""
    results = {"all": compute_metrics(predictions, top)}
    for language in languages:
        results[language] = compute_metrics([p for p in predictions if p.language == language], top)
    return results


def _percent(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def format_table(results: Dict[str, Metrics]) -> str:
    """One row per slice, then each slice's top confusions and most frequent fallbacks."""
    columns = ("slice", "n", "accuracy", "macro F1", "fallback", "OOS recall", "DIET top-1")
    rows = [
        (
            name,
            str(m.examples),
            _percent(m.accuracy),
            f"{m.macro_f1:.3f}",
            _percent(m.fallback_rate),
            _percent(m.out_of_scope_recall),
            _percent(m.classifier_accuracy),
        )
        for name, m in results.items()
    ]
    widths = [max(len(row[i]) for row in (columns, *rows)) for i in range(len(columns))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    lines = [line(columns), line(["-" * w for w in widths]), *(line(row) for row in rows)]
    for name, m in results.items():
        lines.append("")
        lines.append(f"[{name}] top confusions (true -> predicted):")
        lines.extend(f"  {count:>3}  {true} -> {predicted}" for true, predicted, count in m.confusions)
        if not m.confusions:
            lines.append("    -  none")
        fallbacks = ", ".join(f"{intent} {count}" for intent, count in m.fallbacks) or "none"
        lines.append(f"  fallbacks by true intent: {fallbacks}")
    return "\n".join(lines)


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 4)


def to_json(results: Dict[str, Metrics]) -> Dict[str, Dict[str, object]]:
    return {
        name: {
            "examples": m.examples,
            "accuracy": _round(m.accuracy),
            "macro_f1": _round(m.macro_f1),
            "fallback_rate": _round(m.fallback_rate),
            "out_of_scope_recall": _round(m.out_of_scope_recall),
            "classifier_accuracy_without_fallback": _round(m.classifier_accuracy),
            "top_confusions": [{"true": t, "predicted": p, "count": c} for t, p, c in m.confusions],
            "top_fallbacks": [{"true": t, "count": c} for t, c in m.fallbacks],
        }
        for name, m in results.items()
    }
