"""The linear models' scores (bot/nlu/classifier.py, bot/nlu/selector.py): the weights are laid
out for scipy's sparse-by-dense product once per set of weights, not copied on every message,
and the scores are the same numbers as the plain product with the transposed weights."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features as RasaFeatures
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import classifier as classifier_module
from bot.nlu import selector as selector_module
from bot.nlu.classifier import Features, LinearIntentClassifier
from bot.nlu.selector import KnowledgeSelector

DENSE, NGRAMS = 16, 300


def _message(rng: np.random.Generator) -> Message:
    message = Message(data={TEXT: "combien coûte un passeport"})
    columns = np.unique(rng.integers(0, NGRAMS, 25))
    counts = sp.coo_matrix((rng.integers(1, 4, columns.size).astype(np.float32), (np.zeros(columns.size, int), columns)),
                           shape=(1, NGRAMS))
    message.add_features(RasaFeatures(rng.random((1, DENSE)).astype(np.float32), "sentence", TEXT, "encoder"))
    message.add_features(RasaFeatures(counts, "sentence", TEXT, "ngrams"))
    return message


@pytest.fixture
def layouts(monkeypatch):
    made = []

    def counting(weights):
        made.append(weights)
        return np.ascontiguousarray(weights.T)

    monkeypatch.setattr(classifier_module, "by_column", counting)
    monkeypatch.setattr(selector_module, "by_column", counting)
    return made


def test_the_intent_scores_lay_out_the_weights_once_and_are_the_plain_product(layouts):
    rng = np.random.default_rng(7)
    idf = (rng.random(NGRAMS) * 4 + 1).astype(np.float32)
    weights = rng.standard_normal((5, DENSE + NGRAMS)).astype(np.float32)
    bias = rng.standard_normal(5).astype(np.float32)
    model = LinearIntentClassifier({"sparse_weight": 1.5}, None, None, features=Features(idf, 1.5),
                                   weights=weights, bias=bias, labels=list("abcde"))
    messages = [_message(rng) for _ in range(3)]
    first, again = model.probabilities(messages), model.probabilities(messages[:1])
    assert len(layouts) == 1  # one layout for both messages' products

    dense, counts = Features.raw(messages)
    scores = np.asarray(Features(idf, 1.5).transform(dense, counts) @ weights.T + bias)
    scores -= scores.max(axis=1, keepdims=True)
    expected = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    assert np.array_equal(first, expected) and np.array_equal(again, expected[:1])

    model.weights = weights * 2  # trained again: laid out again
    model.probabilities(messages)
    assert len(layouts) == 2 and layouts[-1] is model.weights


def test_the_knowledge_scores_lay_out_the_weights_once_and_are_the_plain_product(layouts):
    rng = np.random.default_rng(11)
    arrays = {"idf": (rng.random(NGRAMS) * 4 + 1).astype(np.float32),
              "weights": rng.standard_normal((6, DENSE + NGRAMS)).astype(np.float32),
              "bias": rng.standard_normal(6).astype(np.float32),
              "entries": np.array([f"t{i // 3}.e{i}" for i in range(6)]), "intents": np.array(["t0"] * 3 + ["t1"] * 3)}
    selector = KnowledgeSelector({}, None, None, arrays)
    message = _message(rng)
    scores = [selector._scores(message) for _ in range(3)]
    assert len(layouts) == 1
    dense, counts = Features.raw([message])
    expected = np.asarray(Features(arrays["idf"]).transform(dense, counts) @ arrays["weights"].T).ravel() + arrays["bias"]
    assert all(np.array_equal(found, expected) for found in scores)


def test_the_ngram_weights_diagonal_is_built_once_per_weights_and_gives_the_same_features(monkeypatch):
    built = []

    def counting(idf):
        built.append(idf)
        return sp.csr_matrix(sp.diags(idf))

    monkeypatch.setattr(classifier_module, "idf_diagonal", counting)
    rng = np.random.default_rng(3)
    idf = (rng.random(NGRAMS) * 4 + 1).astype(np.float32)
    features = Features(idf, 1.5)
    messages = [_message(rng) for _ in range(4)]
    found = [features.transform(*Features.raw([message])) for message in messages]
    assert len(built) == 1

    def plain(dense, counts):  # what the features were: the diagonal built for each message
        weighted = counts.copy()
        weighted.data = np.log1p(weighted.data)
        weighted = classifier_module._normalise_rows(weighted @ sp.diags(idf))
        return sp.hstack([sp.csr_matrix(classifier_module._normalise_rows(dense)), weighted * 1.5]).tocsr()

    for matrix, message in zip(found, messages):
        expected = plain(*Features.raw([message]))
        assert np.array_equal(matrix.indices, expected.indices) and np.array_equal(matrix.data, expected.data)
    features.idf = idf * 2  # fitted again: built again
    features.transform(*Features.raw(messages[:1]))
    assert len(built) == 2


def test_the_selector_keeps_one_view_of_the_features_for_its_weights():
    rng = np.random.default_rng(5)
    arrays = {"idf": (rng.random(NGRAMS) * 4 + 1).astype(np.float32),
              "weights": rng.standard_normal((2, DENSE + NGRAMS)).astype(np.float32),
              "bias": np.zeros(2, dtype=np.float32), "entries": np.array(["t.a", "t.b"]), "intents": np.array(["t", "t"])}
    selector = KnowledgeSelector({}, None, None, arrays)
    selector._scores(_message(rng))
    kept = selector._features
    selector._scores(_message(rng))
    assert kept is not None and selector._features is kept and kept.idf is arrays["idf"]
