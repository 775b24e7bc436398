"""What the sentence encoder is given for some messages, without the encoder: the featurizer's
`process` run with `encoder.embed` replaced by a spy that records its texts."""

from __future__ import annotations

from typing import Any, List

import numpy as np


def encoder_inputs(monkeypatch: Any, *texts: str) -> List[str]:
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu import featurizer

    seen: List[str] = []

    def embed(batch: List[str]) -> np.ndarray:
        seen.extend(batch)
        return np.zeros((len(batch), featurizer.encoder.DIMENSIONS), dtype=np.float32)

    monkeypatch.setattr(featurizer.encoder, "embed", embed)
    component = featurizer.SentenceEncoderFeaturizer.__new__(featurizer.SentenceEncoderFeaturizer)
    component._config = featurizer.SentenceEncoderFeaturizer.get_default_config()
    monkeypatch.setattr(component, "add_features_to_message", lambda **kwargs: None)
    component.process([Message(data={"text": text}) for text in texts])
    return seen
