"""Every catalogue of words exists in English and French with the same placeholders: the server's
one catalogue (bot/texts.py reads bot/messages.yml and bot/staff_messages.yml), the console's and
the web chat's (STRINGS in console.js and webchat.js). French is checked for what a francophone reader
would correct: a no-break space before ":", no "aider avec", no double negative, singular for
0 and 1, and the trainer is not a "formateur"."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Dict

import pytest

from bot.texts import CATALOGUE_FILES, catalogue

STATIC = Path(__file__).resolve().parent.parent / "bot" / "web" / "static"


def placeholders(text: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def js_strings(path: Path) -> Dict[str, Dict[str, str]]:
    """The STRINGS table of a page script: {"en": {key: text}, "fr": {...}}. Values are
    quoted strings joined with `+ NBSP +`, which is all these tables use."""
    source = path.read_text(encoding="utf-8")
    table = source[source.index("var STRINGS = {"):]
    found: Dict[str, Dict[str, str]] = {}
    for language in ("en", "fr"):
        start = table.index(f"    {language}: {{")
        block = table[start:table.index("\n    }", start)]
        entries: Dict[str, str] = {}
        for key, value in re.findall(r"^\s{6}(\w+): (.+?),?$", block, re.MULTILINE):
            value = value.replace("' + NBSP + '", "\u00a0").replace("' + NBSP", "\u00a0'").replace("NBSP + '", "'\u00a0")
            parts = re.findall(r"'((?:[^'\\]|\\.)*)'", value)
            entries[key] = "".join(p.encode("latin-1", "backslashreplace").decode("unicode_escape")
                                   if "\\" in p else p for p in parts)
        found[language] = entries
    return found


CATALOGUES = {
    "texts (messages.yml, staff_messages.yml)": {
        language: {key: entry[language] for key, entry in catalogue().items()} for language in ("en", "fr")},
    "console.js": js_strings(STATIC / "console" / "console.js"),
    "webchat.js": js_strings(STATIC / "webchat" / "webchat.js"),
}


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_key_in_english_and_french_with_the_same_placeholders(name):
    texts = CATALOGUES[name]
    assert len(texts["en"]) > 10, "the catalogue was read"
    assert texts["en"].keys() == texts["fr"].keys(), set(texts["en"]) ^ set(texts["fr"])
    for key, english in texts["en"].items():
        french = texts["fr"][key]
        assert french.strip() and english.strip(), key
        assert placeholders(english) == placeholders(french), key


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_french_as_a_francophone_would_write_it(name):
    for key, french in CATALOGUES[name]["fr"].items():
        if french.startswith("http"):
            continue
        assert not re.search(r"[^\s\u00a0:/]:(\s|$)", french), f"{key}: a space before ':' ({french!r})"
        assert not re.search(r" :", french), f"{key}: a no-break space before ':' ({french!r})"
        for wrong in ("aider avec", "ne pas ne", "de ne pas communiquer", "ormateur", "numéro {", "Citoyen"):
            assert wrong not in french, f"{key}: {wrong!r} in {french!r}"


def test_one_catalogue_every_entry_in_both_languages_once():
    import yaml

    seen: Dict[str, str] = {}
    for path in CATALOGUE_FILES:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, entry in entries.items():
            assert key not in seen, f"{key} in {path.name} and {seen[key]}"
            assert set(entry) == {"en", "fr"}, f"{path.name}: {key}"
            seen[key] = path.name
    assert seen.keys() == catalogue().keys()
    assert {"unavailable", "analytics_title", "inbox_title", "drafts_title", "team_passport"} <= seen.keys()


def test_no_staff_page_keeps_its_own_words():
    """The staff pages say everything through bot/texts.py `say`: no other table of words."""
    console = Path(__file__).resolve().parent.parent / "bot" / "console"
    for module in console.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert "TEXTS" not in source and '"fr": {' not in source, module.name


def test_singular_for_zero_and_one_in_french():
    from bot.texts import minutes, rank, say

    assert say("stars", "fr", n=1) == "1\u00a0étoile" and say("stars", "fr", n=0) == "0\u00a0étoile"
    assert say("stars", "fr", n=2) == "2\u00a0étoiles" and say("stars", "en", n=0) == "0 stars"
    assert say("ratings_count", "fr", average="4,0", count=1) == "4,0 (1\u00a0évaluation)"
    assert (minutes(1, "fr"), minutes(0, "fr"), minutes(1, "en"), minutes(0, "en")) == (
        "1 minute", "0 minute", "1 minute", "0 minutes")
    assert (rank(1, "fr"), rank(2, "fr"), rank(2, "en")) == ("1er", "2e", "2")


def test_the_officer_joined_notice_agrees_with_the_officer_or_stays_neutral():
    from bot.texts import say

    assert say("officer_joined_f", "fr", name="Marie") == "Marie, agente du gouvernement du Canada, s'est jointe à la conversation."
    assert say("officer_joined_m", "fr", name="Paul").startswith("Paul, agent du gouvernement du Canada, s'est joint")
    neutral = say("officer_joined", "fr", name="Alex")
    assert "joint" not in neutral and "agent" not in neutral


def test_decimals_take_a_comma_in_french():
    from bot.console.pages import decimal

    assert decimal(1.25, 1, "en") == "1.2" and decimal(0.456, 2, "fr") == "0,46"
    assert decimal(4, 1, "fr") == "4,0"
