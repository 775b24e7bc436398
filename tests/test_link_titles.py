"""Every official page the assistant links to has a name in both languages, and the web chat
frames name the pages their text links to (bot/link_titles.py)."""

from __future__ import annotations

import yaml

from bot.link_titles import LINKS_FILE, described, titles
from channels.webchat import citizen_line, frame

FEES_EN = "https://www.canada.ca/en/immigration-refugees-citizenship/services/canadian-passports/fees.html"
FEES_FR = "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/passeports-canadiens/frais.html"


def test_every_catalogued_link_has_a_name_in_its_language():
    data = yaml.safe_load(LINKS_FILE.read_text(encoding="utf-8"))
    urls = {**data["links"], **data["extra_links"]}
    assert set(data["titles"]) == set(urls), "a link without a name, or a name without a link"
    for key, pair in urls.items():
        assert titles()[pair["en"]] == data["titles"][key]["en"]
        assert titles()[pair["fr"]] == data["titles"][key]["fr"]


def test_urls_in_a_text_are_named_once_in_order_and_unknown_ones_are_left_out():
    text = f"See {FEES_FR}. Also ({FEES_EN}), again {FEES_FR}, and https://example.com/page."
    assert described(text) == [{"url": FEES_FR, "title": "Frais de passeport"},
                               {"url": FEES_EN, "title": "Passport fees"}]
    assert described("no link here") == []


def test_answers_carry_their_links_names_and_citizen_lines_do_not():
    sent = frame({"text": f"Fees: {FEES_EN}"}, language="en")
    assert sent["links"] == [{"url": FEES_EN, "title": "Passport fees"}]
    line = {"sender": "bot", "text": f"Fees: {FEES_EN}", "buttons": [], "image": None, "language": "en", "ts": "x"}
    assert citizen_line(line)["links"] == [{"url": FEES_EN, "title": "Passport fees"}]
    said = citizen_line({**line, "sender": "citizen", "client_id": "page-0001"})
    assert "links" not in said
