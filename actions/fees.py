"""Passport fee arithmetic from content/passport_fees.yml.

Since 2026 fees are indexed to inflation and are no longer whole dollars, so amounts are
Decimals and are formatted per language only when shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, Optional

from actions.content import ContentError, load

CENT = Decimal("0.01")


@dataclass(frozen=True)
class FeeQuote:
    base: Decimal
    service: Decimal
    lost_or_stolen: Decimal

    @property
    def extra(self) -> Decimal:
        """What the passport costs beyond its own fee: pick-up service and lost-or-stolen surcharge."""
        return self.service + self.lost_or_stolen

    @property
    def total(self) -> Decimal:
        return self.base + self.extra


def amount(value: object) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def money(value: object, language: str) -> str:
    """163.5 -> '163.50' (en) or '163,50' (fr); whole amounts drop the cents: '45'."""
    cents = amount(value)
    text = str(cents.quantize(Decimal(1))) if cents == cents.to_integral() else f"{cents:.2f}"
    return text.replace(".", ",") if language == "fr" else text


def quote(
    applicant_type: str,
    validity_years: Optional[int],
    apply_location: str,
    service_level: Optional[str],
    lost_or_stolen: bool,
    table: Optional[Dict[str, Any]] = None,
) -> FeeQuote:
    """Price one passport. Children get 5-year passports; pick-up services exist only in Canada."""
    fees = table if table is not None else load("passport_fees")
    years = 5 if applicant_type == "child" else int(validity_years or 10)
    try:
        base = amount(fees["passport"][apply_location][applicant_type][years])
    except KeyError as missing:
        raise ContentError(
            f"no fee for {applicant_type} {years}-year passport ({apply_location}): {missing}"
        ) from None
    service = amount(0)
    if apply_location == "in_canada" and service_level:
        service = amount(fees["service"][service_level])
    lost = amount(fees["lost_or_stolen_surcharge"] if lost_or_stolen else 0)
    return FeeQuote(base=base, service=service, lost_or_stolen=lost)
