"""What a citizen's message says while they wait in the queue (English or French).

A citizen who waits often adds the fact that matters: "I lost my passport and I fly on
Thursday", "on m'a volé mon passeport, je pars dans 3 jours". `escalation` reads such a
message and says how the ticket should change: high priority for an imminent trip after a
lost or stolen passport, and the passport team for a passport matter queued elsewhere.
The trip's date is read by the same rule as the bot's own question (actions/situation.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from bot.folding import fold

_LOST = re.compile(r"(?<![\w])(?:lost|stolen|missing|perdu|perdue|vole|volee|egare|egaree)(?![\w])")
_PASSPORT = re.compile(r"(?<![\w])(?:passports?|passeports?)(?![\w])")


@dataclass(frozen=True)
class Escalation:
    priority: Optional[str]  # "high", or None: unchanged
    team: Optional[str]  # "passport", or None: unchanged


def escalation(text: str, team: str, priority: str, today: Optional[date] = None) -> Optional[Escalation]:
    """How a waiting ticket changes after this message, or None when it does not."""
    from actions.situation import travel_window  # the one reading of a trip's date

    folded = fold(text)
    passport = bool(_PASSPORT.search(folded))
    lost = bool(_LOST.search(folded))
    new_priority = "high" if (priority != "high" and lost and travel_window(text, today) == "soon") else None
    new_team = "passport" if (team != "passport" and passport and (lost or new_priority)) else None
    if new_priority is None and new_team is None:
        return None
    return Escalation(new_priority, new_team)
