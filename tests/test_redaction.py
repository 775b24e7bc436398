"""bot/redaction.py: personal information is replaced before anything is stored or parsed."""

from __future__ import annotations

import pytest

from bot.redaction import EXCERPT_WINDOW, Redaction, redact, redact_excerpt

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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1234567890123456", "[CARD]"),  # fails Luhn: a mistyped card is still a card
        ("ref 1234 5678 9012 3456", "ref [CARD]"),
        ("card 4111.1111.1111.1111", "card [CARD]"),
        ("carte 4111\u00a01111\u00a01111\u00a01111", "carte [CARD]"),
    ],
)
def test_card_numbers_with_any_separator_are_redacted_luhn_or_not(text, expected):
    assert redact(text) == Redaction(text=expected, kinds=("card",))


@pytest.mark.parametrize(
    "text, expected, kind",
    [
        ("file 12345678", "file [NUMBER]", "number"),
        ("dossier 1234-5678-90", "dossier [PHONE]", "phone"),  # ten digits read as a phone number
        ("ref12345678", "ref[NUMBER]", "number"),
    ],
)
def test_any_run_of_eight_digits_is_redacted(text, expected, kind):
    assert redact(text) == Redaction(text=expected, kinds=(kind,))


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
        "5 ans",
        "in 3 days",
        "jeudi",
        "20 business days",
        "2026",
        "born in 1985",
        "$163.50",
        "163.50",
        "3 kids",
        "I paid $163.50 in 2026 for 3 kids",
        "I looked at canada.ca for the fees",
        "I'll be at home. Be careful",
        "apply before April 30",
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


# --- the formats that were stored raw (issue 11) ----------------------------------------


@pytest.mark.parametrize(
    "text, expected, kind",
    [
        ("NAS 046\u00a0454\u00a0286", "NAS [SIN]", "sin"),  # non-breaking spaces
        ("NAS 046\u202f454\u202f286", "NAS [SIN]", "sin"),  # narrow no-break spaces
        ("SIN 046  454  286", "SIN [SIN]", "sin"),
        ("SIN 046/454/286", "SIN [SIN]", "sin"),
        ("SIN 046\u2013454\u2014286", "SIN [SIN]", "sin"),  # en and em dashes
        ("SIN 046\u2212454\u2011286", "SIN [SIN]", "sin"),  # minus sign, non-breaking hyphen
        ("SIN \uff10\uff14\uff16 454 286", "SIN [SIN]", "sin"),  # full-width digits
        ("SIN 046\u200b454\u200b286", "SIN [SIN]", "sin"),  # zero-width spaces
        ("passport AB-123456", "passport [PASSPORT]", "passport"),
        ("passeport ab 123 456", "passeport [PASSPORT]", "passport"),
        ("+33 6 12 34 56 78", "[PHONE]", "phone"),
        ("call +1 (613) 555-0123", "call [PHONE]", "phone"),
        ("011 44 20 7946 0958", "[PHONE]", "phone"),
        ("+44 20 7946 0958", "[PHONE]", "phone"),
        ("I live at K1A 0B1", "I live at [POSTAL_CODE]", "postal_code"),
        ("code postal k1a0b1.", "code postal [POSTAL_CODE].", "postal_code"),
        ("born 1985-04-12", "born [DATE]", "date"),
        ("né le 12/04/1985", "né le [DATE]", "date"),
        ("né le 12 avril 1985", "né le [DATE]", "date"),
        ("born April 12 1985", "born [DATE]", "date"),
        ("born April 12, 1985", "born [DATE]", "date"),
        ("the 12th of April, 1985", "the [DATE]", "date"),
        ("jeudi 1er mars 1990", "jeudi [DATE]", "date"),
        ("jean dot tremblay at gmail dot com", "[EMAIL]", "email"),
        ("jean[at]gmail[.]com", "[EMAIL]", "email"),
        ("jean @ gmail . com", "[EMAIL]", "email"),
        ("écrivez à jean (at) gmail (dot) com", "écrivez à [EMAIL]", "email"),
        ("jean arobase videotron point ca", "[EMAIL]", "email"),
        ("jean.tremblay\uff20gmail.com", "[EMAIL]", "email"),  # full-width @
    ],
)
def test_formats_once_stored_raw_are_redacted(text, expected, kind):
    assert redact(text) == Redaction(text=expected, kinds=(kind,))


def test_the_text_is_returned_normalised():
    assert redact("163,50\u00a0$ \u2013 d\u2019accord").text == "163,50 $ - d\u2019accord"


# --- excerpts of refused messages ------------------------------------------------------------

# Long e-mails shrink to [EMAIL]: the window's redacted text is short, so its cut end would
# fall inside the excerpt if the excerpt did not leave that end out.
_SHRINKING = ("a" * 60 + "@" + "b" * 60 + "." + "c" * 60 + ".ca ") * 30


@pytest.mark.parametrize("value", ["046 454 286", "jean.tremblay@example.ca", "jean dot tremblay at gmail dot com",
                                   "AB 123 456", "+33 6 12 34 56 78"])
def test_an_excerpt_never_keeps_a_value_cut_at_the_window_edge(value):
    for cut in range(2, len(value)):
        head = (_SHRINKING[: EXCERPT_WINDOW - cut - 1] + " ").ljust(EXCERPT_WINDOW - cut)
        excerpt = redact_excerpt(head + value + " and the rest" * 1000, 200)
        assert value[:cut].strip() not in excerpt, (cut, excerpt)


def test_an_excerpt_is_short_and_redacted_whatever_the_length():
    assert redact_excerpt("my SIN is 046 454 286, " + "word " * 100_000, 200).startswith("my SIN is [SIN], word")
    assert len(redact_excerpt("word " * 100_000, 200)) == 200
    assert redact_excerpt("  short  ", 200) == "short"
