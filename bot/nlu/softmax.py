"""Multinomial logistic regression (L2), fitted on a dense block and a sparse block side by side.

The classifier's and the knowledge selector's features are [sentence vector | character
n-grams]: a dense 512-column block and a sparse one. scikit-learn's LogisticRegression takes
them as one sparse matrix, and then multiplies the dense block through scipy's sparse product,
one core, at every L-BFGS step (about 0.45 s a step on 7,800 examples: 90 s per model). Here the
dense block goes through BLAS and only the n-grams are sparse, for the same objective:

    minimise  sum_i -log softmax(x_i W + b)[y_i] + |W|^2 / (2 C)     (the bias is not penalised)

with L-BFGS (`lbfgs` below: scipy's L-BFGS-B spent as long in its own bookkeeping, for 400,000
weights, as in the products), so the weights are scikit-learn's `LogisticRegression(C=C)` weights up to
the solver's tolerance (tests/test_softmax.py compares them).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, List, Sequence, Tuple

import numpy as np
import scipy.sparse as sp
from scipy.special import logsumexp


@dataclass(frozen=True)
class Fitted:
    weights: np.ndarray  # (classes, dense columns + sparse columns), float32
    bias: np.ndarray  # (classes,), float32
    classes: List[str]  # sorted, as scikit-learn orders them


def fit(dense: np.ndarray, sparse: Any, labels: Sequence[str], C: float, max_iter: int = 3000,
        tol: float = 1e-4) -> Fitted:
    """The L2-penalised multinomial model of `labels` on the features [dense | sparse]."""
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise ValueError("at least two classes are needed")
    index = {name: i for i, name in enumerate(classes)}
    y = np.fromiter((index[label] for label in labels), dtype=np.int64, count=len(labels))
    dense64 = np.ascontiguousarray(dense, dtype=np.float64)
    sparse64 = sp.csr_matrix(sparse, dtype=np.float64)
    if dense64.shape[0] != sparse64.shape[0] or dense64.shape[0] != len(y):
        raise ValueError("the dense block, the sparse block and the labels differ in length")
    n, k = len(y), len(classes)
    d_dense, d_sparse = dense64.shape[1], sparse64.shape[1]
    penalised = (d_dense + d_sparse) * k  # the weights; the k biases after them are not penalised
    rows, columns = _halves(sparse64), _halves(sparse64.T.tocsr())
    pool = ThreadPoolExecutor(max_workers=2)  # scipy's sparse products release the GIL

    def product(halves: List[Any], right: np.ndarray) -> np.ndarray:
        return np.vstack(list(pool.map(lambda half: np.asarray(half @ right), halves)))

    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0

    def unpack(theta: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        w_dense = theta[: d_dense * k].reshape(d_dense, k)
        w_sparse = theta[d_dense * k: penalised].reshape(d_sparse, k)
        return w_dense, w_sparse, theta[penalised:]

    def loss_and_gradient(theta: np.ndarray) -> Tuple[float, np.ndarray]:
        w_dense, w_sparse, bias = unpack(theta)
        scores = dense64 @ w_dense + product(rows, w_sparse) + bias
        norm = logsumexp(scores, axis=1)
        loss = float(np.sum(norm - scores[np.arange(n), y]))
        residual = np.exp(scores - norm[:, None]) - onehot
        weights_sq = float(np.dot(theta[:penalised], theta[:penalised]))
        gradient = np.concatenate([
            (dense64.T @ residual + w_dense / C).ravel(),
            (product(columns, residual) + w_sparse / C).ravel(),
            residual.sum(axis=0),
        ])
        return loss + 0.5 * weights_sq / C, gradient

    with pool:
        theta, _ = lbfgs(loss_and_gradient, np.zeros(penalised + k), max_iter, tol)
    w_dense, w_sparse, bias = unpack(theta)
    weights = np.vstack([w_dense, w_sparse]).T.astype(np.float32)
    return Fitted(weights=weights, bias=bias.astype(np.float32), classes=classes)


def _halves(matrix: Any) -> List[Any]:
    middle = matrix.shape[0] // 2
    return [matrix[:middle], matrix[middle:]]


def lbfgs(loss_and_gradient: Any, start: np.ndarray, max_iter: int, tol: float, memory: int = 10,
          ftol: float = float(64 * np.finfo(float).eps)) -> Tuple[np.ndarray, int]:
    """Minimise a smooth convex function: limited-memory BFGS (the two-loop recursion) with a
    backtracking (Armijo) line search. Stops when the largest gradient component is at most `tol`,
    when a step no longer lowers the loss by more than `ftol` relatively, or after `max_iter`
    steps. Returns the point and the number of steps."""
    x = start
    loss, gradient = loss_and_gradient(x)
    history: List[Tuple[np.ndarray, np.ndarray, float]] = []
    for iteration in range(1, max_iter + 1):
        if float(np.max(np.abs(gradient))) <= tol:
            return x, iteration - 1
        direction = _direction(gradient, history)
        slope = float(gradient @ direction)
        if slope >= 0:  # not a descent direction (rounding): start again from the gradient
            history.clear()
            direction, slope = -gradient, -float(gradient @ gradient)
        step = 1.0 if history else min(1.0, 1.0 / float(np.linalg.norm(gradient)))
        for _ in range(50):
            trial = x + step * direction
            trial_loss, trial_gradient = loss_and_gradient(trial)
            if trial_loss <= loss + 1e-4 * step * slope:
                break
            step *= 0.5
        else:
            return x, iteration  # no step lowers the loss: as good as it gets
        moved, change = trial - x, trial_gradient - gradient
        curvature = float(moved @ change)
        if curvature > 1e-10:
            history.append((moved, change, 1.0 / curvature))
            del history[:-memory]
        done = loss - trial_loss <= ftol * max(abs(loss), abs(trial_loss), 1.0)
        x, loss, gradient = trial, trial_loss, trial_gradient
        if done:
            return x, iteration
    return x, max_iter


def _direction(gradient: np.ndarray, history: List[Tuple[np.ndarray, np.ndarray, float]]) -> np.ndarray:
    """-H g for the inverse Hessian H that the stored steps describe (the two-loop recursion)."""
    q = gradient.copy()
    alphas = []
    for moved, change, rho in reversed(history):
        alpha = rho * float(moved @ q)
        q -= alpha * change
        alphas.append(alpha)
    if history:
        moved, change, _ = history[-1]
        q *= float(moved @ change) / float(change @ change)
    for (moved, change, rho), alpha in zip(history, reversed(alphas)):
        beta = rho * float(change @ q)
        q += (alpha - beta) * moved
    return -q
