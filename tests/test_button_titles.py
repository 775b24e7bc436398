"""Every button the assistant can show fits WhatsApp's and Messenger's 20 characters, in
English and in French, as a short title written for it rather than a cut word."""

from __future__ import annotations

from typing import Iterator, Tuple

import yaml

from bot.engine.base import Button
from bot.settings import PROJECT_ROOT
from channels.limits import SHORT_TITLE, fitted, short_title


def domain_buttons() -> Iterator[Tuple[str, str, Button]]:
    """(response, language, button) for every button in domain.yml."""
    with (PROJECT_ROOT / "domain.yml").open(encoding="utf-8") as handle:
        responses = yaml.safe_load(handle)["responses"]
    for name, variants in responses.items():
        for variant in variants:
            conditions = variant.get("condition") or []
            language = next((c["value"] for c in conditions if c.get("name") == "language"), "en")
            for button in variant.get("buttons") or []:
                yield name, language, Button(title=button["title"], payload=str(button["payload"]))


def topic_buttons() -> Iterator[Tuple[str, str, Button]]:
    with (PROJECT_ROOT / "content" / "topics.yml").open(encoding="utf-8") as handle:
        topics = yaml.safe_load(handle)["topics"]
    for name, languages in topics.items():
        for language in ("en", "fr"):
            yield name, language, Button(title=languages[language]["short"], payload=f"/{name}")


def test_every_button_title_fits_every_platform_in_both_languages():
    seen = {"en": 0, "fr": 0}
    for where, language, button in [*domain_buttons(), *topic_buttons()]:
        short = short_title(button, language)
        assert 0 < len(short) <= SHORT_TITLE, f"{where} ({language}): {button['title']!r} needs a short title"
        seen[language] += 1
    assert seen["en"] > 20 and seen["fr"] > 20


def test_long_titles_take_the_short_title_written_for_them_not_a_cut_word():
    calculate = Button(title="Calculer les frais de mon passeport", payload="/passport_fee_calculator")
    assert short_title(calculate, "fr") == "Calculer mes frais"
    assert short_title(Button(title="Calculate my passport fee", payload="/passport_fee_calculator"),
                       "en") == "Calculate my fee"
    assert short_title(Button(title="À l'extérieur du Canada", payload="outside Canada"), "fr") == "Hors du Canada"
    assert fitted([Button(title="A title nobody shortened, far too long", payload="/x")], "en", 3, 256) is None
