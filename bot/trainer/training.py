"""Train the Rasa model only when the training data changed.

The fingerprint is a hash of everything `rasa train` reads (config, domain, data). It is
stored beside the model, so `scripts/run.sh` starts in seconds when nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable, Optional

from bot.settings import PROJECT_ROOT

MODEL_NAME = "govbot"
# The NLU components (bot/nlu) and the knowledge entries are training inputs too.
TRAINING_INPUTS = ("config.yml", "domain.yml", "data", "content/knowledge", "bot/nlu")


def _files(root: Path, inputs: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for name in inputs:
        path = root / name
        found.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return found


def fingerprint(root: Path = PROJECT_ROOT) -> str:
    digest = hashlib.sha256()
    for path in _files(root, TRAINING_INPUTS):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def model_path(root: Path = PROJECT_ROOT) -> Path:
    return root / "models" / f"{MODEL_NAME}.tar.gz"


def _stamp(root: Path) -> Path:
    return root / "models" / f"{MODEL_NAME}.fingerprint"


def is_current(root: Path = PROJECT_ROOT) -> bool:
    stamp = _stamp(root)
    return model_path(root).exists() and stamp.exists() and stamp.read_text().strip() == fingerprint(root)


def train_if_changed(force: bool = False, root: Path = PROJECT_ROOT) -> Path:
    """Return the model path, training first if the data changed (or `force`)."""
    if not force and is_current(root):
        print(f"training data unchanged: using {model_path(root)}")
        return model_path(root)
    print("training the model (about 3 minutes on 2 cores)...", flush=True)
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    if force:  # a full training from scratch (and an honest time): no component cache
        env["RASA_MAX_CACHE_SIZE"] = "0"
    # Rasa's own data validation is `govbot validate` (scripts/test.sh), which fails on
    # unexplained warnings; run here again it cost a fifth of the training time.
    command = [
        sys.executable, "-m", "rasa", "train", "--skip-validation",
        "--fixed-model-name", MODEL_NAME, "--out", str(root / "models"),
    ]
    started = time.monotonic()
    result = subprocess.run(command, cwd=root, env=env)
    if result.returncode != 0:
        raise SystemExit(f"rasa train failed with exit code {result.returncode}")
    seconds = time.monotonic() - started
    print(f"trained in {seconds:.0f} s", flush=True)
    _stamp(root).write_text(fingerprint(root) + "\n")
    training_record(root).write_text(json.dumps({
        "seconds": round(seconds, 1), "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cpus": os.cpu_count(), "cache": not force,
    }) + "\n")
    return model_path(root)


def training_record(root: Path = PROJECT_ROOT) -> Path:
    """How long the last training took (read by `govbot bench`)."""
    return root / "models" / f"{MODEL_NAME}.training.json"


def main(argv: Optional[list[str]] = None) -> int:
    train_if_changed(force="--force" in (argv or sys.argv[1:]))
    return 0
