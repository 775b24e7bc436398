"""The gateway's own bilingual sentences, from bot/messages.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional

import yaml

MESSAGES_FILE = Path(__file__).with_name("messages.yml")


@lru_cache(maxsize=1)
def catalogue() -> Dict[str, Dict[str, str]]:
    with MESSAGES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(key: str, language: Optional[str], **values: Any) -> str:
    entry = catalogue()[key]
    return entry["fr" if language == "fr" else "en"].format(**values)
