"""A copy of the Rasa project files (domain, data, actions, content, eval) that a test may break or write into."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for part in ("domain.yml", "data", "actions", "content", "eval"):
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / part)
    return tmp_path
