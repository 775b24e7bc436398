"""One way to compare citizens' words: lower case, no accents, one space."""

from __future__ import annotations

import re
import unicodedata


def fold(text: object) -> str:
    """Lower-case, strip accents and collapse spaces: 'À l'Étranger ' -> "a l'etranger"."""
    raw = unicodedata.normalize("NFKD", str(text or ""))
    plain = "".join(c for c in raw if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain.replace("’", "'")).strip().lower()
