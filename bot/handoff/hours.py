"""Office hours per team (content/office_hours.yml): is a team answering now, and if not,
when does it open next? Times are Eastern; statutory holidays are closed all day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional
from zoneinfo import ZoneInfo

import yaml

from bot.settings import PROJECT_ROOT

HOURS_FILE = PROJECT_ROOT / "content" / "office_hours.yml"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


@dataclass(frozen=True)
class TeamHours:
    days: FrozenSet[int]  # 0 = Monday
    open: time
    close: time


@dataclass(frozen=True)
class OfficeHours:
    zone: ZoneInfo
    teams: Dict[str, TeamHours]
    holidays: FrozenSet[date]

    def is_open(self, team: str, now: datetime) -> bool:
        hours = self.teams.get(team) or self.teams["general"]
        local = now.astimezone(self.zone)
        return (
            local.weekday() in hours.days
            and local.date() not in self.holidays
            and hours.open <= local.time() < hours.close
        )

    def next_opening(self, team: str, now: datetime) -> Optional[datetime]:
        """None when the team is open now; else the next time it opens (Eastern)."""
        if self.is_open(team, now):
            return None
        hours = self.teams.get(team) or self.teams["general"]
        local = now.astimezone(self.zone)
        for offset in range(0, 30):
            day = local.date() + timedelta(days=offset)
            if day.weekday() not in hours.days or day in self.holidays:
                continue
            opening = datetime.combine(day, hours.open, tzinfo=self.zone)
            if opening > local:
                return opening
        raise ValueError(f"team {team!r} never opens in the next 30 days: check {HOURS_FILE}")


def describe_time(moment: datetime, language: str) -> str:
    """'Monday, November 23 at 8:30 a.m. (Eastern time)' / 'lundi 23 novembre à 8 h 30 (heure de l'Est)'."""
    lang = "fr" if language == "fr" else "en"
    weekday = WEEKDAYS[lang][moment.weekday()]
    month = MONTHS[lang][moment.month - 1]
    if lang == "fr":
        return f"{weekday} {moment.day} {month} à {moment.hour} h {moment.minute:02d} (heure de l'Est)"
    hour = moment.hour % 12 or 12
    suffix = "a.m." if moment.hour < 12 else "p.m."
    return f"{weekday}, {month} {moment.day} at {hour}:{moment.minute:02d} {suffix} (Eastern time)"


def _clock(text: str) -> time:
    hours, minutes = str(text).split(":")
    return time(int(hours), int(minutes))


def parse(data: dict) -> OfficeHours:
    teams = {
        name: TeamHours(
            days=frozenset(DAY_NAMES.index(day) for day in spec["days"]),
            open=_clock(spec["open"]),
            close=_clock(spec["close"]),
        )
        for name, spec in data["teams"].items()
    }
    if "general" not in teams:
        raise ValueError(f"{HOURS_FILE}: a 'general' team is required")
    holidays = frozenset(date.fromisoformat(str(entry["date"])) for entry in data.get("holidays", []))
    return OfficeHours(ZoneInfo(data["timezone"]), teams, holidays)


@lru_cache(maxsize=4)
def load(path: Path = HOURS_FILE) -> OfficeHours:
    with path.open(encoding="utf-8") as handle:
        return parse(yaml.safe_load(handle))
