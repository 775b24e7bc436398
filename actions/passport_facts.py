"""Fee and processing-time figures from content/, as the placeholders of knowledge answers
({adult_10_canada}, {urgent_when}, ...; content/knowledge/SCHEMA.md)."""

from __future__ import annotations

from typing import Any, Dict

from actions.content import load
from actions.fees import money


def facts(language: str) -> Dict[str, Any]:
    """Placeholder values of the knowledge answers, formatted for `language`."""
    fees = load("passport_fees")
    times = load("passport_processing")
    days = times["business_days"]
    base = fees["passport"]
    prices = {
        "adult_10_canada": base["in_canada"]["adult"][10],
        "adult_5_canada": base["in_canada"]["adult"][5],
        "child_canada": base["in_canada"]["child"][5],
        "adult_10_abroad": base["abroad"]["adult"][10],
        "adult_5_abroad": base["abroad"]["adult"][5],
        "child_abroad": base["abroad"]["child"][5],
        "express_fee": fees["service"]["express"],
        "urgent_fee": fees["service"]["urgent"],
        "lost_fee": fees["lost_or_stolen_surcharge"],
        "standard_pickup_fee": fees["standard_pickup"],
        "temporary_fee": fees["temporary"],
    }
    return {
        **{name: money(value, language) for name, value in prices.items()},
        "in_person_days": days["in_person_canada"],
        "mail_days": days["mail_canada"],
        "abroad_days": days["abroad"],
        "express_min": days["express_min"],
        "express_max": days["express_max"],
        "urgent_when": times["urgent_fr"] if language == "fr" else times["urgent"],
    }
