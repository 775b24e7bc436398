"""What a handed-off citizen can write to cancel, and how a rating is read."""

from __future__ import annotations

import pytest

from bot.handoff.desk import _RATING, is_cancel


@pytest.mark.parametrize("text", [
    "never mind", "Never mind.", "nevermind", "cancel", "forget it", "back to the bot",
    "laisse faire", "Laissez faire!", "laisser-faire", "annuler", "annule", "oublie ça",
    "retour au robot",
])
def test_cancel_phrases(text):
    assert is_cancel(text)


@pytest.mark.parametrize("text", [
    "never mind the fee, my passport was stolen", "cancel my passport", "I want to cancel my EI claim",
    "annuler mon passeport", "ok", "merci",
])
def test_sentences_that_mention_cancel_go_to_the_officer(text):
    assert not is_cancel(text)


@pytest.mark.parametrize("text, rating", [("5", 5), (" 1 ", 1), ("4/5", 4), ("3!", 3)])
def test_ratings(text, rating):
    match = _RATING.match(text)
    assert match and int(match.group(1)) == rating


@pytest.mark.parametrize("text", ["0", "6", "10", "five", "5 stars but slow"])
def test_not_ratings(text):
    assert _RATING.match(text) is None
