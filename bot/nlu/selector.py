"""Rasa component: which knowledge entry of the predicted intent answers the message.

Every question of content/knowledge is an example of its intent and carries its entry id
(`metadata.example.entry`, set by `bot.nlu.importer`). The selector is a second linear model on
the classifier's features (sentence vector and character n-grams) whose classes are the
entries. For a message it weighs the entries of the intents of the program the classifier chose
(never another program: it must not answer a topic the citizen did not ask about) by how likely
their intent is, and takes the likeliest; when no entry of that intent is likely enough, the
intent's overview answers. The result is in the
parse data as `knowledge: {id, score, by_intent}`, `by_intent` giving, for each topic, the entry
the message's own words choose clearly within it (for follow-ups: `own_entry` in bot/engine/context/readings.py).

Chosen over nearest-neighbour similarity on 350 held-out knowledge questions: 75 % of them got
their own entry with this model, 55-60 % with the best similarity blend.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple, Type

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import overview_id, program_of
from bot.nlu import softmax
from bot.nlu.arrays import load_arrays, save_arrays
from bot.nlu.classifier import Features, by_column

KNOWLEDGE = "knowledge"
MODEL_FILE = "knowledge_selector.npz"


def entry_of(message: Message) -> Optional[str]:
    metadata = message.get("metadata") or {}
    example = metadata.get("example") if isinstance(metadata, dict) else None
    entry = example.get("entry") if isinstance(example, dict) else None
    return str(entry) if entry else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class KnowledgeSelector(GraphComponent):
    @classmethod
    def required_components(cls) -> List[Type]:
        return [DenseFeaturizer]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # `threshold`: below this share of the intent's probability the overview answers;
        # `clear_share`: a topic's entry the message's words choose this clearly is in `by_intent`.
        return {"C": 30.0, "threshold": 0.25, "clear_share": 0.8}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        arrays: Optional[Dict[str, np.ndarray]] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}  # a model trained before a setting was added
        self._model_storage = model_storage
        self._resource = resource
        self.arrays = arrays or {}
        self._intent_rows: Optional[Dict[str, np.ndarray]] = None
        self._columns: Optional[Tuple[np.ndarray, np.ndarray]] = None  # (weights, by_column(weights))
        self._features: Optional[Features] = None  # the message's features with the selector's idf

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "KnowledgeSelector":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and entry_of(m)]
        entries = [str(entry_of(m)) for m in examples]
        if len(set(entries)) < 2:
            return self._resource
        dense, counts = Features.raw(examples)
        features = Features()
        features.fit(counts)
        fitted = softmax.fit(*features.parts(dense, counts), entries, C=float(self.config["C"]))
        labels = fitted.classes
        self.arrays = {
            "weights": fitted.weights,
            "bias": fitted.bias,
            "idf": np.asarray(features.idf, dtype=np.float32),
            "entries": np.array(labels, dtype=str),
            "intents": np.array([label.split(".")[0] for label in labels], dtype=str),
        }
        self._intent_rows = None
        save_arrays(self._model_storage, self._resource, MODEL_FILE, self.arrays)
        return self._resource

    def _scores(self, message: Message) -> np.ndarray:
        """Every entry's score for the message (before the softmax within each intent)."""
        dense, counts = Features.raw([message])
        if self._features is None or self._features.idf is not self.arrays["idf"]:
            self._features = Features(self.arrays["idf"])
        matrix = self._features.transform(dense, counts)
        if self._columns is None or self._columns[0] is not self.arrays["weights"]:
            self._columns = (self.arrays["weights"], by_column(self.arrays["weights"]))
        return np.asarray(matrix @ self._columns[1]).ravel() + self.arrays["bias"]

    def _rows(self) -> Dict[str, np.ndarray]:
        """Each intent's rows in the weights (computed once)."""
        if self._intent_rows is None:
            intents = self.arrays["intents"]
            self._intent_rows = {str(intent): np.flatnonzero(intents == intent) for intent in np.unique(intents)}
        return self._intent_rows

    def _shares(self, scores: np.ndarray, intent: str) -> Tuple[np.ndarray, np.ndarray]:
        """(rows, probability share of each entry within `intent`)."""
        rows = self._rows().get(intent, np.zeros(0, dtype=int))
        if rows.size == 0:
            return rows, np.zeros(0)
        within = np.exp(scores[rows] - scores[rows].max())
        return rows, within / within.sum()

    def clear_choices(self, scores: np.ndarray) -> Dict[str, Dict[str, Any]]:
        """For each topic, its entry that the message's own words choose clearly (at least
        `clear_share` of the topic), overviews left out: a follow-up whose topic the conversation
        gives is answered by it ("and in person?" after "how long by mail": bot/engine/context/readings.py)."""
        chosen: Dict[str, Dict[str, Any]] = {}
        for intent in self._rows():
            rows, shares = self._shares(scores, intent)
            index = int(np.argmax(shares))
            entry = str(self.arrays["entries"][rows][index])
            if float(shares[index]) >= float(self.config["clear_share"]) and entry != overview_id(intent):
                chosen[intent] = {"id": entry, "score": round(float(shares[index]), 4)}
        return chosen

    def select(self, message: Message) -> Optional[Dict[str, Any]]:
        """The entry with the highest P(intent) x P(entry | intent) among the intents of the
        classifier's top intent's program (passports, SIN, EI, CCB, student loans), and each
        topic's clear choice (`by_intent`); for a message of no topic with knowledge ("and in
        person?" reads as a request for a person), only the clear choices.

        Where a sibling intent's entry wins ("how many hours for EI sickness" read as
        eligibility, answered by the sickness entry of applying), the message's intent becomes
        that sibling's, so the dialogue and the transcript say what was answered."""
        ranking = message.get(INTENT_RANKING_KEY) or []
        top = (message.get(INTENT) or {}).get("name")
        if not self.arrays or not top or not ranking:
            return None
        scores = self._scores(message)
        by_intent = self.clear_choices(scores)
        if top not in self._rows():
            # a form, or a conversation intent: nothing to select, nothing to move
            return {"by_intent": by_intent} if by_intent else None
        family = program_of(top)
        candidates = [r for r in ranking if r["name"] == top or (family and program_of(r["name"]) == family)]
        best: Optional[Tuple[float, str, float, str]] = None
        for candidate in candidates:
            rows, shares = self._shares(scores, candidate["name"])
            if rows.size == 0:
                continue
            index = int(np.argmax(shares))
            joint = float(candidate["confidence"]) * float(shares[index])
            if best is None or joint > best[0]:
                best = (joint, str(self.arrays["entries"][rows][index]), float(shares[index]), candidate["name"])
        if best is None:
            return None
        _, entry, share, intent = best
        if intent != top:
            # The sibling takes the top place and the top confidence (they trade places), so the
            # fallback's ambiguity check sees the decision that was made.
            confidences = {r["name"]: r["confidence"] for r in ranking}
            confidences[intent], confidences[top] = confidences[top], confidences[intent]
            reordered = sorted(({"name": n, "confidence": c} for n, c in confidences.items()),
                               key=lambda r: (r["name"] != intent, -r["confidence"]))
            message.set(INTENT, dict(reordered[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, reordered, add_to_output=True)
        if share < float(self.config["threshold"]):
            entry = overview_id(intent)
        return {"id": entry, "score": round(share, 4), "by_intent": by_intent}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if message.get(TEXT):
                chosen = self.select(message)
                if chosen:
                    message.set(KNOWLEDGE, chosen, add_to_output=True)
        return messages

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "KnowledgeSelector":
        return cls(config, model_storage, resource, load_arrays(model_storage, resource, MODEL_FILE))
