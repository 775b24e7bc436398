"""What a team would otherwise deploy: Rasa's own default pipeline and policies (the
configuration `rasa init` leaves empty and Rasa's recipe fills in) trained on our data (data/
and the knowledge questions, same domain and custom actions). `govbot bench` serves it with a
stock `rasa run` and scores it on the realistic citizen set beside our model.

Trained once per training fingerprint into models/rasa-default.tar.gz (several minutes: DIET,
ResponseSelector, TED and UnexpecTED, 100 epochs each).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT
from bot.trainer.training import fingerprint

NAME = "rasa-default"


def default_config(root: Path = PROJECT_ROOT) -> dict:
    """Our config.yml (recipe, language, importers) with Rasa's default pipeline and policies."""
    import rasa.engine.recipes

    recipe = Path(rasa.engine.recipes.__file__).parent / "config_files" / "default_config.yml"
    defaults = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    ours = yaml.safe_load((root / "config.yml").read_text(encoding="utf-8"))
    return {**ours, "pipeline": defaults["pipeline"], "policies": defaults["policies"]}


def baseline_model(root: Path = PROJECT_ROOT) -> Path:
    model = root / "models" / f"{NAME}.tar.gz"
    stamp = root / "models" / f"{NAME}.fingerprint"
    current = fingerprint(root)
    if model.exists() and stamp.exists() and stamp.read_text().strip() == current:
        return model
    print("bench: training Rasa's default pipeline on our data (several minutes)...", flush=True)
    with tempfile.TemporaryDirectory(prefix="govbot-default-") as folder:
        config = root / f".{NAME}-config.yml"  # beside config.yml: the importer finds content/
        config.write_text(yaml.safe_dump(default_config(root), allow_unicode=True), encoding="utf-8")
        try:
            env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", RASA_CACHE_DIRECTORY=str(Path(folder) / "cache"))
            subprocess.run(
                [sys.executable, "-m", "rasa", "train", "--config", str(config), "--out", str(model.parent),
                 "--fixed-model-name", NAME],
                cwd=root, env=env, check=True, stdout=subprocess.DEVNULL,
            )
        finally:
            config.unlink(missing_ok=True)
    stamp.write_text(current + "\n")
    return model
