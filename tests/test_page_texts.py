"""The staff pages' words (bot/handoff/page_texts.py) exist in both languages with the same placeholders."""

from __future__ import annotations

import string

from bot.handoff.page_texts import TEXTS


def placeholders(text: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_in_english_and_french_with_the_same_placeholders():
    assert TEXTS["en"].keys() == TEXTS["fr"].keys()
    for key, english in TEXTS["en"].items():
        french = TEXTS["fr"][key]
        assert french.strip() and english.strip(), key
        assert placeholders(english) == placeholders(french), key


def test_decimals_take_a_comma_in_french():
    from bot.handoff.page_texts import decimal

    assert decimal(1.25, 1, "en") == "1.2" and decimal(0.456, 2, "fr") == "0,46"
    assert decimal(4, 1, "fr") == "4,0"
