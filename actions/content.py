"""Read the assistant's facts from content/*.yml (each file records its source and date)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict

import yaml

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


class ContentError(RuntimeError):
    """A content file is missing a key the assistant needs."""


@lru_cache(maxsize=None)
def load(name: str) -> Dict[str, Any]:
    path = CONTENT_DIR / f"{name}.yml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict) or "source" not in data and "links" not in data:
        raise ContentError(f"{path} has no 'source' (official page) recorded")
    return data
