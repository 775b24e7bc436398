"""NLU results of texts citizens send again and again ("how much is a passport?").

Safe because this pipeline reads nothing but the text (no tracker features, no entity
extraction from slots): the same text through the same model gives the same result. One
cache per loaded model; bounded in entries and in text length; holds redacted text only.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from typing import Any, Dict, Optional

MAX_TEXT_CHARS = 200


class ParseCache:
    def __init__(self, capacity: int = 4096) -> None:
        self.capacity = capacity
        self.hits = 0
        self.misses = 0
        self._entries: "OrderedDict[str, Dict[str, Any]]" = OrderedDict()

    def get(self, text: str) -> Optional[Dict[str, Any]]:
        found = self._entries.get(text)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._entries.move_to_end(text)
        return copy.deepcopy(found)  # Rasa stores the dict in the tracker's events

    def put(self, text: str, parse_data: Dict[str, Any]) -> None:
        if self.capacity <= 0 or len(text) > MAX_TEXT_CHARS:
            return
        self._entries[text] = copy.deepcopy(parse_data)
        self._entries.move_to_end(text)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
