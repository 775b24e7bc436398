"""bot/redaction.py: personal information is replaced before anything is stored or parsed."""

from __future__ import annotations

import pytest

from bot.redaction import Redaction, redact

# --- SIN --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my SIN is 046 454 286", "my SIN is [SIN]"),
        ("NAS : 046-454-286 merci", "NAS : [SIN] merci"),
        ("046454286", "[SIN]"),
        ("sin 046.454.286.", "sin [SIN]."),
        ("mistyped 123 456 789", "mistyped [SIN]"),  # fails Luhn, still redacted
    ],
)
def test_sin(text, expected):
    assert redact(text) == Redaction(text=expected, kinds=("sin",))


# --- passport numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my passport number is AB123456", "my passport number is [PASSPORT]"),
        ("passeport ab123456, expiré", "passeport [PASSPORT], expiré"),
        ("P1234567", "[PASSPORT]"),
        ("GA1234567 is lost", "[PASSPORT] is lost"),
    ],
)
def test_passport_number(text, expected):
    assert redact(text) == Redaction(text=expected, kinds=("passport",))


# --- payment cards ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("card 4111 1111 1111 1111 thanks", "card [CARD] thanks"),
        ("4111-1111-1111-1111", "[CARD]"),
        ("4111111111111111", "[CARD]"),
        ("amex 3782 822463 10005", "amex [CARD]"),  # 15 digits, Luhn-valid
        ("carte 5500 0000 0000 0004", "carte [CARD]"),
    ],
)
def test_luhn_valid_card_is_redacted(text, expected):
    assert redact(text) == Redaction(text=expected, kinds=("card",))


@pytest.mark.parametrize("text", ["1234567890123456", "ref 1234 5678 9012 3456"])
def test_sixteen_digits_failing_luhn_are_kept(text):
    assert redact(text) == Redaction(text=text, kinds=())


# --- phone numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("call me at 613-555-0123", "call me at [PHONE]"),
        ("(613) 555-0123", "[PHONE]"),
        ("613.555.0123", "[PHONE]"),
        ("613 555 0123", "[PHONE]"),
        ("6135550123", "[PHONE]"),
        ("+1 613 555 0123", "[PHONE]"),
        ("+1-613-555-0123", "[PHONE]"),
        ("+1 (613) 555-0123", "[PHONE]"),
        ("1-800-567-6868", "[PHONE]"),
        ("mon numéro: 514-555-0199.", "mon numéro: [PHONE]."),
    ],
)
def test_phone(text, expected):
    assert redact(text) == Redaction(text=expected, kinds=("phone",))


# --- e-mail -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("write to jean.tremblay@example.ca please", "write to [EMAIL] please"),
        ("marie-eve+gc@courriel.gouv.qc.ca", "[EMAIL]"),
        ("JOHN_DOE@Example.COM.", "[EMAIL]."),
    ],
)
def test_email(text, expected):
    assert redact(text) == Redaction(text=expected, kinds=("email",))


# --- ordinary text ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "10 years",
        "born in 1985",
        "$163.50",
        "3 kids",
        "I paid $163.50 on 2026-03-31 for 3 kids",
        "un passeport de 10 ans coûte 163,50 $",
        "it takes 20 business days, or 2 to 9 for express",
        "I have 420 insurable hours",
        "my child is 15",
        "Hello, I need a passport",
        "",
    ],
)
def test_ordinary_text_is_untouched(text):
    result = redact(text)
    assert result.text == text
    assert result.kinds == ()
    assert result.changed is False


# --- several kinds at once --------------------------------------------------------


def test_kinds_reports_every_kind_found_in_rule_order():
    result = redact(
        "SIN 046 454 286, passport AB123456, card 4111 1111 1111 1111, "
        "phone (613) 555-0123, mail a.b@example.ca"
    )
    assert result.text == (
        "SIN [SIN], passport [PASSPORT], card [CARD], phone [PHONE], mail [EMAIL]"
    )
    assert result.kinds == ("email", "card", "sin", "phone", "passport")
    assert result.changed is True


def test_kinds_are_reported_once_even_for_repeated_matches():
    result = redact("613-555-0123 or 514-555-0199")
    assert result == Redaction(text="[PHONE] or [PHONE]", kinds=("phone",))


def test_redaction_is_idempotent():
    once = redact("SIN 046 454 286 and AB123456")
    assert redact(once.text) == Redaction(text=once.text, kinds=())
