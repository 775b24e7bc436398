"""Office hours in Eastern time, with statutory holidays (content/office_hours.yml)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.handoff import hours

ET = ZoneInfo("America/Toronto")
HOURS = hours.load()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ET)


@pytest.mark.parametrize("moment, team, expected", [
    ("2026-11-23 09:00", "programs", True),     # Monday morning
    ("2026-11-23 08:00", "programs", False),    # before 8:30
    ("2026-11-23 08:00", "passport", True),     # passport opens at 8:00
    ("2026-11-23 16:30", "programs", False),    # closing time is closed
    ("2026-11-23 19:59", "passport", True),
    ("2026-11-28 10:00", "passport", False),    # Saturday
    ("2026-12-25 10:00", "general", False),     # Christmas
    ("2026-11-11 10:00", "general", False),     # Remembrance Day
    ("2026-11-12 10:00", "general", True),
])
def test_is_open(moment, team, expected):
    assert HOURS.is_open(team, at(moment)) is expected


def test_unknown_team_uses_general_hours():
    assert HOURS.is_open("unknown", at("2026-11-23 09:00")) is True
    assert HOURS.is_open("unknown", at("2026-11-23 17:00")) is False


def test_next_opening_is_none_when_open():
    assert HOURS.next_opening("general", at("2026-11-23 10:00")) is None


@pytest.mark.parametrize("moment, team, expected", [
    ("2026-11-23 17:00", "general", "2026-11-24 08:30"),   # Monday evening -> Tuesday
    ("2026-11-27 21:00", "passport", "2026-11-30 08:00"),  # Friday night -> Monday
    ("2026-12-24 18:00", "general", "2026-12-29 08:30"),   # Christmas, Boxing Day observed, weekend
    ("2026-11-23 06:00", "general", "2026-11-23 08:30"),   # same morning
])
def test_next_opening(moment, team, expected):
    assert HOURS.next_opening(team, at(moment)) == at(expected)


def test_next_opening_from_utc_input():
    utc = datetime.fromisoformat("2026-11-23T23:00:00+00:00")  # 18:00 Eastern
    assert HOURS.next_opening("programs", utc) == at("2026-11-24 08:30")


@pytest.mark.parametrize("language, expected", [
    ("en", "Tuesday, November 24 at 8:30 a.m. (Eastern time)"),
    ("fr", "mardi 24 novembre à 8 h 30 (heure de l'Est)"),
])
def test_describe_time(language, expected):
    assert hours.describe_time(at("2026-11-24 08:30"), language) == expected


def test_afternoon_in_english():
    assert hours.describe_time(at("2026-11-24 13:05"), "en").endswith("1:05 p.m. (Eastern time)")


def test_file_has_source_date_and_a_general_team():
    import yaml

    data = yaml.safe_load(hours.HOURS_FILE.read_text(encoding="utf-8"))
    assert data["source"]["en"].startswith("https://www.canada.ca/")
    assert data["checked"]
    assert "general" in data["teams"]


def test_missing_general_team_is_refused():
    with pytest.raises(ValueError, match="general"):
        hours.parse({"timezone": "America/Toronto", "teams": {"passport": {
            "days": ["mon"], "open": "08:00", "close": "09:00"}}})
