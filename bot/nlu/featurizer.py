"""Rasa component: the sentence encoder's vector as a dense sentence feature of each message."""

from __future__ import annotations

from typing import Any, Dict, List, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import encoder
from bot.folding import as_typed
from bot.nlu.phrases import typed_in_capitals


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds a 512-dimension sentence feature (multilingual USE) to every message with text."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DenseFeaturizer.get_default_config()}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SentenceEncoderFeaturizer":
        encoder.model()  # load and self-check now: a broken encoder stops training or start-up
        return cls(execution_context.node_name, config)

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        """Nothing to check: the encoder has no options."""

    def process(self, messages: List[Message]) -> List[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        # (a message typed in capitals is read in lower case, as the training data is written: the
        # encoder is case-sensitive, and "COMBIEN DE TEMPS D'ATTENTE EN GENERAL" read in capitals was
        # far from its lower-case reading)
        # (and what voice typing spells or writes out, or texting shortens, is read as typed: "N S L S
        # C", "passe port", "point d'interrogation", "pp"; bot/folding.py)
        texts = [as_typed(str(m.get(TEXT))) for m in with_text]
        vectors = encoder.embed([text.lower() if typed_in_capitals(text) else text for text in texts])
        for message, vector in zip(with_text, vectors):
            self.add_features_to_message(
                sequence=np.zeros((1, encoder.DIMENSIONS), dtype=np.float32),
                sentence=vector.reshape(1, -1),
                attribute=TEXT,
                message=message,
            )
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
