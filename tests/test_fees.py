"""actions/fees.py: passport fee arithmetic and per-language money formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from actions.content import ContentError
from actions.fees import FeeQuote, amount, money, quote

# --- money() ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, language, expected",
    [
        ("163.50", "en", "163.50"),
        ("163.50", "fr", "163,50"),
        (163.5, "en", "163.50"),
        (163.5, "fr", "163,50"),
        (Decimal("125.75"), "fr", "125,75"),
        (45, "en", "45"),
        (45, "fr", "45"),
        ("45.00", "en", "45"),
        (Decimal("100.00"), "fr", "100"),
        (0, "en", "0"),
        (50, "fr", "50"),
        ("122.5", "en", "122.50"),
        ("0.05", "fr", "0,05"),
        ("289.25", "de", "289.25"),  # anything but fr formats like en
    ],
)
def test_money(value, language, expected):
    assert money(value, language) == expected


def test_amount_is_a_decimal_rounded_to_cents():
    assert amount(163.5) == Decimal("163.50")
    assert amount("1.005") == Decimal("1.00")  # banker's rounding of the half cent
    assert isinstance(amount(45), Decimal)


# --- quote() with the real content file ---------------------------------------------


@pytest.mark.parametrize(
    "applicant, years, location, service, lost, base, service_fee, lost_fee, total",
    [
        ("adult", 10, "in_canada", "standard", False, "163.50", "0", "0", "163.50"),
        ("adult", 5, "in_canada", "standard", False, "122.50", "0", "0", "122.50"),
        ("adult", 10, "in_canada", "urgent", False, "163.50", "125.75", "0", "289.25"),
        ("adult", 10, "in_canada", "express", True, "163.50", "50", "45", "258.50"),
        ("child", None, "in_canada", "standard", False, "58.50", "0", "0", "58.50"),
        ("adult", 10, "abroad", None, False, "266.25", "0", "0", "266.25"),
        ("adult", 5, "abroad", None, True, "194.25", "0", "45", "239.25"),
        ("child", None, "abroad", None, True, "102.50", "0", "45", "147.50"),
    ],
)
def test_quote_with_real_content(applicant, years, location, service, lost,
                                 base, service_fee, lost_fee, total):
    fee = quote(applicant, years, location, service, lost)
    assert fee == FeeQuote(
        base=Decimal(base), service=Decimal(service_fee), lost_or_stolen=Decimal(lost_fee)
    )
    assert fee.total == Decimal(total)


def test_real_content_child_ignores_validity():
    assert quote("child", 10, "in_canada", "standard", False) == quote(
        "child", 5, "in_canada", "standard", False
    )


def test_real_content_abroad_ignores_service():
    assert quote("adult", 10, "abroad", "urgent", False).service == Decimal("0")


def test_adult_without_validity_defaults_to_ten_years():
    assert quote("adult", None, "in_canada", None, False).base == Decimal("163.50")


def test_validity_as_text_is_accepted():
    assert quote("adult", "5", "in_canada", None, False).base == Decimal("122.50")


# --- quote() with a small table -----------------------------------------------------

TABLE = {
    "passport": {
        "in_canada": {"adult": {5: 10, 10: 20.5}, "child": {5: 3}},
        "abroad": {"adult": {5: 30, 10: 40.25}, "child": {5: 7}},
    },
    "service": {"standard": 0, "express": 1.5, "urgent": 2.25},
    "lost_or_stolen_surcharge": 4,
}


def test_table_adult_in_canada():
    fee = quote("adult", 10, "in_canada", "standard", False, table=TABLE)
    assert (fee.base, fee.service, fee.lost_or_stolen, fee.total) == (
        Decimal("20.50"), Decimal("0"), Decimal("0"), Decimal("20.50")
    )


def test_table_child_ignores_validity():
    for years in (None, 5, 10):
        fee = quote("child", years, "in_canada", "standard", False, table=TABLE)
        assert fee.base == Decimal("3.00")


def test_table_abroad_ignores_service():
    for service in ("standard", "express", "urgent", None):
        fee = quote("adult", 5, "abroad", service, False, table=TABLE)
        assert fee.service == Decimal("0")
        assert fee.total == Decimal("30")


def test_table_services_in_canada():
    assert quote("adult", 5, "in_canada", "express", False, table=TABLE).total == Decimal("11.50")
    assert quote("adult", 5, "in_canada", "urgent", False, table=TABLE).total == Decimal("12.25")
    assert quote("adult", 5, "in_canada", None, False, table=TABLE).service == Decimal("0")


def test_table_lost_surcharge():
    without = quote("adult", 10, "abroad", None, False, table=TABLE)
    with_lost = quote("adult", 10, "abroad", None, True, table=TABLE)
    assert without.lost_or_stolen == Decimal("0")
    assert with_lost.lost_or_stolen == Decimal("4.00")
    assert with_lost.total - without.total == Decimal("4")
    assert with_lost.total == Decimal("44.25")


def test_table_child_abroad_with_everything():
    fee = quote("child", 10, "abroad", "urgent", True, table=TABLE)
    assert fee.total == Decimal("11")
    assert money(fee.total, "fr") == "11"


def test_missing_fee_raises_content_error():
    with pytest.raises(ContentError, match="adult 7-year"):
        quote("adult", 7, "in_canada", None, False, table=TABLE)
    with pytest.raises(ContentError):
        quote("adult", 10, "mars", None, False, table=TABLE)
