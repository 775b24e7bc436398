"""`govbot validate`: `rasa data validate`, with no warning left unexplained.

Rasa's validator cannot see responses that custom actions or forms utter, so it warns
that they are "not used in any story or rule". Those warnings are accepted only for
responses the action code names (or a form's `utter_ask_<slot>`); anything else fails.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterable, List, Set

import yaml

from bot.settings import PROJECT_ROOT

_UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule\.")
_WARNING = re.compile(r"(UserWarning|WARNING|FutureWarning): (.*)")
_NAMED = re.compile(r"\b(utter_\w+)")
# Responses Rasa's own default actions utter (action_default_fallback).
RASA_DEFAULT_RESPONSES = {"utter_default"}


def responses_used_by_code(root: Path = PROJECT_ROOT) -> Set[str]:
    """Response names the actions utter, including f-string families like utter_renewal_reason_*."""
    domain = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8"))
    responses = set(domain.get("responses", {}))
    used: Set[str] = set(RASA_DEFAULT_RESPONSES)
    for source in (root / "actions").glob("*.py"):
        for name in _NAMED.findall(source.read_text(encoding="utf-8")):
            used |= {r for r in responses if r == name or (name.endswith("_") and r.startswith(name))}
    for form in (domain.get("forms") or {}).values():
        used |= {f"utter_ask_{slot}" for slot in form.get("required_slots", [])}
    return used


def unexplained(output: Iterable[str], allowed: Set[str]) -> List[str]:
    problems = []
    for line in output:
        unused = _UNUSED.search(line)
        if unused:
            if unused.group(1) not in allowed:
                problems.append(line.strip())
            continue
        warning = _WARNING.search(line)
        if warning and "Deprecat" not in line and "MovedIn20Warning" not in line:
            problems.append(warning.group(2).strip())
    return problems


def main(root: Path = PROJECT_ROOT) -> int:
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate"],
        cwd=root, env=env, capture_output=True, text=True,
    )
    lines = (result.stdout + result.stderr).splitlines()
    problems = unexplained(lines, responses_used_by_code(root))
    if result.returncode != 0 or problems:
        print("\n".join(lines[-40:]) if result.returncode else "")
        for problem in problems:
            print(f"validate: {problem}")
        print(f"validate: FAILED (rasa exit {result.returncode}, {len(problems)} unexplained warnings)")
        return 1
    print("validate: rasa data validate is clean (responses uttered by actions accounted for)")
    return 0
