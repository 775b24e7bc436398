"""The NLU evaluation's split and metrics, on hand-made data (no model, no Rasa)."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from bot.trainer.nlu_metrics import (
    FALLBACK,
    Prediction,
    compute_metrics,
    confusion_pairs,
    evaluate,
    f1_by_intent,
    fallbacks_by_intent,
    format_table,
    to_json,
)
from bot.trainer.nlu_split import Example, holdout_size, split_examples, to_rasa_yaml

# --------------------------------------------------------------------------- split


def _examples() -> list[Example]:
    sizes = {("greet", "en"): 10, ("greet", "fr"): 7, ("sin_apply", "en"): 23, ("sin_apply", "fr"): 3,
             ("stop", "en"): 2, ("stop", "fr"): 1}
    return [
        Example(f"{intent} {language} {i}", intent, language)
        for (intent, language), n in sizes.items()
        for i in range(n)
    ]


def test_split_is_deterministic_and_independent_of_input_order() -> None:
    examples = _examples()
    first = split_examples(examples, 0.2, seed=13)
    assert split_examples(examples, 0.2, seed=13) == first
    assert split_examples(list(reversed(examples)), 0.2, seed=13) == first
    assert split_examples(examples, 0.2, seed=14)[1] != first[1]


def test_split_is_stratified_by_intent_and_language() -> None:
    examples = _examples()
    train, held_out = split_examples(examples, 0.2, seed=13)
    held = Counter((e.intent, e.language) for e in held_out)
    assert held == {
        ("greet", "en"): 2,  # round(2.0)
        ("greet", "fr"): 1,  # round(1.4)
        ("sin_apply", "en"): 5,  # round(4.6)
        ("sin_apply", "fr"): 1,  # round(0.6)
        ("stop", "en"): 1,  # round(0.4) = 0, but at least one
    }  # ("stop", "fr") has a single example: it stays in training
    trained = Counter((e.intent, e.language) for e in train)
    assert all(trained[group] >= 1 for group in held)


def test_split_has_no_overlap_and_loses_nothing() -> None:
    examples = _examples()
    train, held_out = split_examples(examples, 0.3, seed=7)
    assert not set(train) & set(held_out)
    assert sorted(train + held_out, key=repr) == sorted(examples, key=repr)


@pytest.mark.parametrize(
    ("n", "holdout", "expected"),
    [(1, 0.2, 0), (2, 0.2, 1), (3, 0.2, 1), (5, 0.2, 1), (10, 0.2, 2), (23, 0.2, 5), (33, 0.2, 7), (3, 0.9, 2)],
)
def test_holdout_size_keeps_at_least_one_example_on_each_side(n: int, holdout: float, expected: int) -> None:
    assert holdout_size(n, holdout) == expected


@pytest.mark.parametrize("holdout", [0.0, 1.0, -0.1, 1.5])
def test_split_rejects_a_holdout_outside_0_1(holdout: float) -> None:
    with pytest.raises(ValueError):
        split_examples(_examples(), holdout, seed=13)


def test_rasa_yaml_keeps_one_block_per_intent_and_language() -> None:
    examples = [
        Example("hello", "greet", "en"),
        Example("bonjour", "greet", "fr"),
        Example("allô, ça va? \"oui\" : #1", "greet", "fr"),
        Example("stop", "stop", "en"),
    ]
    document = yaml.safe_load(to_rasa_yaml(examples))
    assert document["version"] == "3.1"
    blocks = {(b["intent"], b["metadata"]["language"]): b["examples"] for b in document["nlu"]}
    assert blocks == {
        ("greet", "en"): "- hello\n",
        ("greet", "fr"): "- allô, ça va? \"oui\" : #1\n- bonjour\n",
        ("stop", "en"): "- stop\n",
    }


# --------------------------------------------------------------------------- metrics


def _p(intent: str, language: str, predicted: str, classifier: str | None = None) -> Prediction:
    return Prediction(f"{intent}->{predicted}", intent, language, predicted, classifier_intent=classifier)


PREDICTIONS = [
    _p("greet", "en", "greet"),
    _p("greet", "en", "greet"),
    _p("greet", "en", "goodbye"),
    _p("goodbye", "en", "goodbye"),
    _p("goodbye", "en", FALLBACK, classifier="goodbye"),
    _p("greet", "fr", "greet"),
    _p("out_of_scope", "fr", FALLBACK, classifier="help"),
    _p("out_of_scope", "fr", "out_of_scope"),
]


def test_english_slice_by_hand() -> None:
    en = evaluate(PREDICTIONS)["en"]
    assert en.examples == 5
    assert en.accuracy == pytest.approx(3 / 5)
    # greet: P = 2/2, R = 2/3 -> F1 0.8; goodbye: P = 1/2, R = 1/2 -> F1 0.5
    assert en.macro_f1 == pytest.approx((0.8 + 0.5) / 2)
    assert en.fallback_rate == pytest.approx(1 / 5)
    assert en.out_of_scope_recall is None
    assert en.classifier_accuracy == pytest.approx(4 / 5)  # the fallback hid a right answer
    assert en.confusions == [("greet", "goodbye", 1)]
    assert en.fallbacks == [("goodbye", 1)]


def test_french_slice_by_hand() -> None:
    fr = evaluate(PREDICTIONS)["fr"]
    assert fr.examples == 3
    assert fr.accuracy == pytest.approx(2 / 3)
    # greet: F1 1; out_of_scope: P = 1/1, R = 1/2 -> F1 2/3
    assert fr.macro_f1 == pytest.approx((1 + 2 / 3) / 2)
    assert fr.fallback_rate == pytest.approx(1 / 3)
    assert fr.out_of_scope_recall == pytest.approx(1 / 2)
    assert fr.classifier_accuracy == pytest.approx(2 / 3)
    assert fr.confusions == []
    assert fr.fallbacks == [("out_of_scope", 1)]


def test_overall_slice_by_hand() -> None:
    everything = evaluate(PREDICTIONS)["all"]
    assert everything.examples == 8
    assert everything.accuracy == pytest.approx(5 / 8)
    # greet: P = 3/3, R = 3/4 -> F1 6/7; goodbye 0.5; out_of_scope 2/3
    assert everything.macro_f1 == pytest.approx((6 / 7 + 0.5 + 2 / 3) / 3)
    assert everything.fallback_rate == pytest.approx(2 / 8)
    assert everything.out_of_scope_recall == pytest.approx(1 / 2)


def test_macro_f1_matches_scikit_learn() -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    true = [p.intent for p in PREDICTIONS]
    predicted = [p.predicted for p in PREDICTIONS]
    expected = metrics.f1_score(true, predicted, labels=sorted(set(true)), average="macro", zero_division=0)
    assert compute_metrics(PREDICTIONS).macro_f1 == pytest.approx(expected)


def test_fallback_is_never_right_and_never_scored_as_an_intent() -> None:
    only_fallbacks = [_p("greet", "en", FALLBACK), _p("stop", "en", FALLBACK)]
    metrics = compute_metrics(only_fallbacks)
    assert metrics.accuracy == 0.0
    assert metrics.macro_f1 == 0.0
    assert metrics.fallback_rate == 1.0
    assert set(f1_by_intent(only_fallbacks)) == {"greet", "stop"}


def test_a_wrong_prediction_lowers_the_precision_of_the_predicted_intent() -> None:
    scores = f1_by_intent([_p("stop", "en", "stop"), _p("greet", "en", "stop")])
    assert scores["stop"] == pytest.approx(2 / 3)  # P = 1/2, R = 1
    assert scores["greet"] == 0.0


def test_languages_are_separated() -> None:
    results = evaluate(PREDICTIONS)
    assert list(results) == ["all", "en", "fr"]
    assert results["en"].examples + results["fr"].examples == results["all"].examples
    assert "out_of_scope" not in {t for t, _, _ in results["en"].confusions}


def test_confusion_pairs_are_ranked_by_count_then_name_and_cut() -> None:
    predictions = (
        [_p("passport_renew", "en", "passport_fees")] * 1
        + [_p("sin_protect", "en", "sin_apply")] * 3
        + [_p("ei_apply", "fr", "deny")] * 2
        + [_p("affirm", "fr", "deny")] * 2
        + [_p("greet", "en", FALLBACK)] * 4
    )
    assert confusion_pairs(predictions, top=3) == [
        ("sin_protect", "sin_apply", 3),
        ("affirm", "deny", 2),
        ("ei_apply", "deny", 2),
    ]
    assert fallbacks_by_intent(predictions) == [("greet", 4)]


def test_empty_slice_does_not_divide_by_zero() -> None:
    metrics = evaluate(PREDICTIONS, languages=("en", "fr", "de"))["de"]
    assert (metrics.examples, metrics.accuracy, metrics.macro_f1, metrics.fallback_rate) == (0, 0.0, 0.0, 0.0)


def test_table_and_json_carry_the_figures() -> None:
    results = evaluate(PREDICTIONS)
    table = format_table(results)
    rows = {line.split()[0]: line.split() for line in table.splitlines()[2:5]}
    assert rows["en"][1:] == ["5", "60.0%", "0.650", "20.0%", "n/a", "80.0%"]
    assert rows["fr"][1:] == ["3", "66.7%", "0.833", "33.3%", "50.0%", "66.7%"]
    assert "1  greet -> goodbye" in table
    report = to_json(results)
    assert report["en"]["accuracy"] == 0.6
    assert report["fr"]["out_of_scope_recall"] == 0.5
    assert report["en"]["top_confusions"] == [{"true": "greet", "predicted": "goodbye", "count": 1}]
