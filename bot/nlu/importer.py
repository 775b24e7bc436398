"""Rasa training-data importer: the questions of content/knowledge as NLU examples.

Listed in config.yml `importers:` beside RasaFileImporter, so `rasa train`, `rasa shell`,
`rasa data validate` and `govbot train` all see the same data, and a changed knowledge file
changes Rasa's fingerprint (and retrains) like any other training file. Each example keeps its
language (intent metadata, like data/nlu) and its entry id (example metadata), which the
`KnowledgeSelector` learns from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Union

from rasa.shared.core.domain import Domain
from rasa.shared.core.training_data.structures import StoryGraph
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import load_knowledge


def knowledge_training_data(folder: Path) -> TrainingData:
    examples = [
        Message(
            data={
                "text": text,
                "intent": intent,
                "metadata": {"intent": {"language": language}, "example": {"entry": entry}},
            }
        )
        for text, intent, language, entry in load_knowledge(folder).examples()
    ]
    return TrainingData(training_examples=examples)


class KnowledgeImporter(TrainingDataImporter):
    def __init__(
        self,
        config_file: Optional[Text] = None,
        domain_path: Optional[Text] = None,
        training_data_paths: Optional[Union[List[Text], Text]] = None,
        knowledge_dir: Text = "content/knowledge",
        **kwargs: Any,
    ) -> None:
        root = Path(config_file).resolve().parent if config_file else Path.cwd()
        self.folder = root / knowledge_dir

    def get_domain(self) -> Domain:
        return Domain.empty()

    def get_stories(self, exclusion_percentage: Optional[int] = None) -> StoryGraph:
        return StoryGraph([])

    def get_conversation_tests(self) -> StoryGraph:
        return StoryGraph([])

    def get_config(self) -> Dict:
        return {}

    def get_config_file_for_auto_config(self) -> Optional[Text]:
        return None

    def get_nlu_data(self, language: Optional[Text] = "en") -> TrainingData:
        return knowledge_training_data(self.folder)
