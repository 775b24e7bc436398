"""The classifiers' multinomial logistic regression (bot/nlu/softmax.py) finds scikit-learn's
LogisticRegression weights, on features given as a dense block beside a sparse one."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from bot.nlu import softmax


def _problem(seed: int = 3, n: int = 240, classes: int = 4):
    rng = np.random.default_rng(seed)
    labels = [f"intent_{i % classes}" for i in range(n)]
    centres = rng.normal(size=(classes, 8))
    dense = np.vstack([centres[i % classes] + rng.normal(scale=1.5, size=8) for i in range(n)])
    sparse = sp.random(n, 30, density=0.2, random_state=seed, format="csr")
    return dense, sparse, labels


def test_the_weights_are_scikit_learns_for_the_same_penalty():
    from sklearn.linear_model import LogisticRegression

    dense, sparse, labels = _problem()
    fitted = softmax.fit(dense, sparse, labels, C=5.0)
    reference = LogisticRegression(C=5.0, max_iter=3000, tol=1e-8).fit(sp.hstack([sp.csr_matrix(dense), sparse]).tocsr(), labels)
    assert fitted.classes == list(reference.classes_)
    assert np.abs(fitted.weights - reference.coef_).max() < 1e-2 * np.abs(reference.coef_).max()
    features = sp.hstack([sp.csr_matrix(dense), sparse]).tocsr()
    scores = np.asarray(features @ fitted.weights.T) + fitted.bias
    probabilities = np.exp(scores - scores.max(axis=1, keepdims=True))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    assert np.abs(probabilities - reference.predict_proba(features)).max() < 1e-3


def test_a_stronger_penalty_gives_smaller_weights():
    dense, sparse, labels = _problem()
    loose, tight = softmax.fit(dense, sparse, labels, C=10.0), softmax.fit(dense, sparse, labels, C=0.01)
    assert np.linalg.norm(tight.weights) < np.linalg.norm(loose.weights) / 5


def test_lbfgs_finds_the_minimum_of_a_quadratic():
    target = np.array([3.0, -2.0, 0.5])
    scale = np.array([1.0, 10.0, 100.0])

    def loss_and_gradient(x):
        return float(np.sum(scale * (x - target) ** 2)), 2 * scale * (x - target)

    found, steps = softmax.lbfgs(loss_and_gradient, np.zeros(3), max_iter=200, tol=1e-8)
    assert np.allclose(found, target, atol=1e-5)
    assert 0 < steps < 200


def test_one_class_or_mismatched_blocks_are_refused():
    dense, sparse, labels = _problem()
    with pytest.raises(ValueError):
        softmax.fit(dense, sparse, ["only"] * len(labels), C=1.0)
    with pytest.raises(ValueError):
        softmax.fit(dense[:-1], sparse, labels, C=1.0)
