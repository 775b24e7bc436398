"""`govbot eval-nlu`: train on a stratified split of data/nlu and the knowledge questions,
score the held-out examples.

Per (intent, language) a share of the examples is held out (bot/trainer/nlu_split.py), an
NLU-only model is trained on the rest with the project's config.yml, in a temporary
directory (the project's models/ and .rasa/cache are not touched), and the held-out
examples are parsed with it. The scores (bot/trainer/nlu_metrics.py) are printed overall
and per language and written to a JSON report.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import tempfile
import time
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence

import yaml

from bot.knowledge import KNOWLEDGE_DIR, load_knowledge
from bot.settings import PROJECT_ROOT
from bot.trainer.eval_report import compare, details, render_html
from bot.trainer.nlu_metrics import FALLBACK, LANGUAGES, Prediction, evaluate, format_table, to_json
from bot.trainer.nlu_split import Example, split_examples, to_rasa_yaml

os.environ["RASA_TELEMETRY_ENABLED"] = "false"

NLU_DATA = PROJECT_ROOT / "data" / "nlu"
CONFIG = PROJECT_ROOT / "config.yml"


def load_examples(path: Path = NLU_DATA, knowledge: Optional[Path] = KNOWLEDGE_DIR) -> List[Example]:
    """Every intent example, read with Rasa's reader (the language is intent-level metadata),
    and the questions of the knowledge entries (what config.yml's importer adds)."""
    from rasa.shared.nlu.training_data.loading import load_data

    examples = [
        Example(text=text, intent=intent, language=language)
        for text, intent, language, _ in (load_knowledge(knowledge).examples() if knowledge else ())
    ]
    if not path.exists():
        return examples
    for message in load_data(str(path)).intent_examples:
        metadata = message.get("metadata") or {}
        language = (metadata.get("intent") or {}).get("language", "?")
        examples.append(Example(text=message.get("text"), intent=message.get("intent"), language=language))
    return examples


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def train_model(train: Sequence[Example], workdir: Path, import_knowledge: bool = False) -> Path:
    """An NLU-only model trained on `train` with the project config; returns the archive.
    `import_knowledge`: also train on every knowledge question (none of them is held out)."""
    from rasa.model_training import train_nlu

    data = workdir / "nlu_train.yml"
    data.write_text(to_rasa_yaml(train), encoding="utf-8")
    # The project's config imports every knowledge question: the split's config must not,
    # or the held-out questions would be trained on.
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    if import_knowledge:
        for importer in config.get("importers") or []:
            if importer.get("name", "").endswith("KnowledgeImporter"):
                importer["knowledge_dir"] = str(KNOWLEDGE_DIR)
    else:
        config.pop("importers", None)
    split_config = workdir / "config.yml"
    split_config.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    # Rasa's training cache disabled: honest training time, project cache left alone.
    with _environment(RASA_MAX_CACHE_SIZE="0", RASA_CACHE_DIRECTORY=str(workdir / "cache")):
        model = train_nlu(
            config=str(split_config), nlu_data=str(data), output=str(workdir / "models"), fixed_model_name="nlu-split"
        )
    if not model:
        raise RuntimeError("rasa did not produce a model (see the messages above)")
    return Path(model)


async def predict(model: Path, examples: Sequence[Example]) -> List[Prediction]:
    """Parse every example with one loaded agent."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    predictions = []
    for example in examples:
        parsed: Dict[str, Any] = await agent.parse_message(example.text)
        intent = parsed.get("intent") or {}
        ranking = parsed.get("intent_ranking") or [intent]
        predicted = intent.get("name") or ""
        # Under a fallback, the ranking's second entry is what DIET would have said.
        classifier = ranking[1] if predicted == FALLBACK and len(ranking) > 1 else intent
        predictions.append(
            Prediction(
                text=example.text,
                intent=example.intent,
                language=example.language,
                predicted=predicted,
                confidence=float(intent.get("confidence") or 0.0),
                classifier_intent=classifier.get("name"),
                classifier_confidence=float(classifier.get("confidence") or 0.0),
            )
        )
    return predictions


def _quiet_rasa() -> None:
    """Route Rasa's structlog events through `logging` at WARNING.

    Unconfigured, structlog prints every debug event to stdout, including one
    "processor.message.parse" line with the text of each parsed message.
    """
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)


def _report(holdout: float, seed: int, train: int, seconds: float, predictions: List[Prediction]) -> dict:
    return {
        "holdout": holdout,
        "seed": seed,
        "config": str(CONFIG.relative_to(PROJECT_ROOT)),
        "train_examples": train,
        "held_out_examples": len(predictions),
        "training_seconds": round(seconds, 1),
        "metrics": to_json(evaluate(predictions)),
        **details(predictions),
        "errors": [
            {
                "text": p.text,
                "language": p.language,
                "true": p.intent,
                "predicted": p.predicted,
                "confidence": round(p.confidence, 4),
                "classifier_intent": p.classifier_intent,
                "classifier_confidence": round(p.classifier_confidence or 0.0, 4),
            }
            for p in predictions
            if p.predicted != p.intent
        ],
    }


def main(
    holdout: float = 0.2, seed: int = 13, report: str = str(PROJECT_ROOT / "reports" / "nlu_eval.json"),
    split_knowledge: bool = False,
) -> int:
    """`split_knowledge` False (the default, the split of the README's table): data/nlu is split,
    and every knowledge question is trained on, as config.yml's importer does. True: the
    knowledge questions are split and held out too (a harder, finer-grained test)."""
    examples = load_examples(knowledge=KNOWLEDGE_DIR if split_knowledge else None)
    if not examples:
        print(f"eval-nlu: no intent examples found in {NLU_DATA}", file=sys.stderr)
        return 1
    try:
        train, held_out = split_examples(examples, holdout, seed)
    except ValueError as error:
        print(f"eval-nlu: {error}", file=sys.stderr)
        return 1
    unlabelled = sum(e.language not in LANGUAGES for e in examples)
    if unlabelled:
        print(f"eval-nlu: warning: {unlabelled} examples have no en/fr language metadata", file=sys.stderr)

    _quiet_rasa()
    # Rasa's own messages go to stderr: stdout is the table only.
    with tempfile.TemporaryDirectory(prefix="govbot-nlu-eval-") as tmp, redirect_stdout(sys.stderr):
        started = time.perf_counter()
        model = train_model(train, Path(tmp), import_knowledge=not split_knowledge)
        seconds = time.perf_counter() - started
        predictions = asyncio.run(predict(model, held_out))

    what = "data/nlu and knowledge questions" if split_knowledge else "data/nlu (every knowledge question trained on)"
    print(f"\nNLU evaluation: {len(train)} training / {len(held_out)} held-out examples of {what} "
          f"(holdout {holdout}, seed {seed})")
    print(format_table(evaluate(predictions)))
    print("\naccuracy and macro F1 count nlu_fallback as wrong; DIET top-1 ignores the fallback threshold")
    print(f"training time of the split model: {seconds:.1f} s")

    path = Path(report)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = _report(holdout, seed, len(train), seconds, predictions)
    write_reports(path, payload)
    return 0


def write_reports(path: Path, payload: Dict[str, Any]) -> None:
    """Compare with the last saved report, keep it as .previous.json, write JSON and HTML."""
    previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    print("\ncompared with the last report:")
    for line in compare(payload, previous):
        print(f"  {line}")
    if previous is not None:
        path.with_suffix(".previous.json").write_text(
            json.dumps(previous, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    page = path.with_suffix(".html")
    page.write_text(render_html(payload, previous), encoding="utf-8")
    print(f"report: {path}\nHTML report: {page}")
