"""`govbot officer add` / `list`: the admin command that creates console accounts."""

from __future__ import annotations

import os
import subprocess
import sys

from bot.handoff import accounts
from bot.storage.database import Database
from bot.storage.models import Officer


def govbot(tmp_path, *args, password="a long enough password"):
    env = dict(os.environ, GOVBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'govbot.db'}",
               GOVBOT_OFFICER_PASSWORD=password, RASA_TELEMETRY_ENABLED="false")
    return subprocess.run([sys.executable, "-m", "bot", *args], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_officer_add_creates_a_hashed_account_that_can_sign_in(tmp_path):
    done = govbot(tmp_path, "officer", "add", "Marie.Tremblay", "--name", "Marie", "--role", "supervisor",
                  "--teams", "passport,general", "--languages", "fr,en", "--max-concurrent", "4")
    assert done.returncode == 0, done.stderr
    assert "officer 'marie.tremblay' created" in done.stdout
    db = Database(f"sqlite:///{tmp_path / 'govbot.db'}")
    officer = db.run(lambda s: s.query(Officer).one())
    assert (officer.display_name, officer.role, officer.teams, officer.languages, officer.max_concurrent) == (
        "Marie", "supervisor", ["passport", "general"], ["fr", "en"], 4)
    assert "a long enough password" not in officer.password_hash
    assert db.run(lambda s: accounts.sign_in(s, "marie.tremblay", "a long enough password")).officer is not None
    db.dispose()
    listing = govbot(tmp_path, "officer", "list")
    assert "marie.tremblay" in listing.stdout and "supervisor" in listing.stdout


def test_officer_add_refuses_bad_input_with_a_clear_message(tmp_path):
    short = govbot(tmp_path, "officer", "add", "paul", password="short")
    assert short.returncode == 2 and "at least 12 characters" in short.stderr
    assert govbot(tmp_path, "officer", "add", "paul").returncode == 0
    again = govbot(tmp_path, "officer", "add", "paul")
    assert again.returncode == 2 and "already exists" in again.stderr
    team = govbot(tmp_path, "officer", "add", "lea", "--teams", "tax")
    assert team.returncode == 2 and "teams" in team.stderr


def test_without_a_password_and_no_terminal_it_says_how(tmp_path):
    done = govbot(tmp_path, "officer", "add", "sam", password="")
    assert done.returncode == 2 and "GOVBOT_OFFICER_PASSWORD" in done.stderr
