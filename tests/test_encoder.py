"""The pretrained sentence encoder: the pinned package reproduces its recorded vectors on this
machine, means the same across English and French, and a machine that computes something else
stops loudly instead of answering with a silently different model."""

from __future__ import annotations

import numpy as np
import pytest

from bot.nlu import encoder


def test_reproduces_the_recorded_vectors_of_english_and_french_sentences():
    recorded = encoder.reference()
    assert len(recorded) >= 4 and any("passeport" in text for text in recorded)
    vectors = encoder.embed(list(recorded))
    assert vectors.shape == (len(recorded), encoder.DIMENSIONS)
    for text, row in zip(recorded, vectors):
        want = np.asarray(recorded[text], dtype=np.float32)
        assert np.max(np.abs(row[: len(want)] - want)) <= encoder.TOLERANCE, text
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_a_question_and_its_french_twin_are_closer_than_an_unrelated_question():
    en, fr, weather = encoder.embed(
        ["How much does a passport cost?", "Combien coûte un passeport?", "what's the weather in Toronto"]
    )
    assert float(en @ fr) > 0.8
    assert float(en @ weather) < 0.3 and float(fr @ weather) < 0.3


def test_embedding_is_deterministic_and_batch_independent():
    one = encoder.embed(["j'ai perdu mon passeport"])[0]
    batch = encoder.embed(["hello", "j'ai perdu mon passeport", "bonjour"])[1]
    assert np.allclose(one, batch, atol=1e-5)


def test_empty_text_still_gets_a_vector():
    assert encoder.embed([""]).shape == (1, encoder.DIMENSIONS)


def test_a_machine_that_computes_other_vectors_is_refused():
    with pytest.raises(encoder.EncoderError, match="different vectors"):
        encoder.check_reference(lambda texts: np.zeros((len(texts), encoder.DIMENSIONS), dtype=np.float32))


def test_encoding_runs_blas_on_one_thread(monkeypatch):
    """Several engine processes share the machine's cores: a BLAS thread pool per process
    oversubscribes them (one sentence went from about 1 ms to 90 ms under load)."""
    from threadpoolctl import threadpool_info

    backend = encoder.model()._model
    seen = []
    encode = backend._encode

    def watched(texts):
        seen.extend(info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas")
        return encode(texts)

    monkeypatch.setattr(backend, "_encode", watched)
    encoder.embed(["combien coûte un passeport"])
    assert seen and set(seen) == {1}
