"""Static checks of the project data: domain.yml, data/nlu, content/, bot/messages.yml."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections import Counter
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FR_CONDITION = [{"type": "slot", "name": "language", "value": "fr"}]


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


DOMAIN: Dict[str, Any] = load(ROOT / "domain.yml")
RESPONSES: Dict[str, List[Dict[str, Any]]] = DOMAIN["responses"]
CONTENT_FILES = sorted((ROOT / "content").glob("*.yml"))
ACTION_FILES = sorted((ROOT / "actions").glob("*.py"))
MESSAGES: Dict[str, Dict[str, str]] = load(ROOT / "bot" / "messages.yml")


def placeholders(text: str) -> Set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)
    elif isinstance(node, str):
        yield node


def english(name: str) -> List[Dict[str, Any]]:
    return [v for v in RESPONSES[name] if not v.get("condition")]


def french(name: str) -> List[Dict[str, Any]]:
    return [v for v in RESPONSES[name] if v.get("condition") == FR_CONDITION]


# --- responses ----------------------------------------------------------------------


def test_there_are_responses():
    assert len(RESPONSES) > 40


# The active offer is one message in both languages at once ("Hello! Bonjour!"), shown
# before the citizen's language is known.
BILINGUAL_IN_ONE = {"utter_welcome"}


def test_the_active_offer_is_one_bilingual_message():
    (welcome,) = RESPONSES["utter_welcome"]
    assert welcome["text"].startswith("Hello! Bonjour!")
    for needed in ("automated assistant", "assistant automatisé", "SIN", "NAS", "passport number", "numéro de passeport"):
        assert needed in welcome["text"], needed


@pytest.mark.parametrize("name", sorted(set(RESPONSES) - BILINGUAL_IN_ONE))
def test_response_has_one_english_and_one_french_variation(name):
    assert len(english(name)) == 1, f"{name}: English variations"
    assert len(french(name)) == 1, f"{name}: French variations (condition language == fr)"
    assert len(RESPONSES[name]) == 2, f"{name}: unexpected extra variations"


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_response_variations_are_not_empty(name):
    for variation in RESPONSES[name]:
        assert isinstance(variation.get("text"), str) and variation["text"].strip(), name


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_response_buttons_match_across_languages(name):
    # (the number of variations is checked above; here every variation is compared
    # with the English one)
    variations = english(name) + french(name)
    reference = variations[0].get("buttons", [])
    for variation in variations[1:]:
        buttons = variation.get("buttons", [])
        assert len(buttons) == len(reference), name
        assert [b["payload"] for b in buttons] == [b["payload"] for b in reference], name
    for variation in variations:
        for button in variation.get("buttons", []):
            assert button.get("title", "").strip(), name


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_response_placeholders_match_across_languages(name):
    variations = english(name) + french(name)
    for variation in variations[1:]:
        assert placeholders(variation["text"]) == placeholders(variations[0]["text"]), name


# --- NLU ----------------------------------------------------------------------------


def nlu_counts() -> Counter:
    counts: Counter = Counter()
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in load(path).get("nlu", []):
            if "intent" not in item:
                continue
            language = (item.get("metadata") or {}).get("language")
            examples = [line for line in item.get("examples", "").splitlines()
                        if line.strip().startswith("- ") and line.strip()[2:].strip()]
            counts[(item["intent"], language)] += len(examples)
    return counts


NLU = nlu_counts()


@pytest.mark.parametrize("intent", DOMAIN["intents"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_intent_has_examples_in_both_languages(intent, language):
    assert NLU[(intent, language)] >= 15, f"{intent}: {NLU[(intent, language)]} {language}"


def test_nlu_uses_only_domain_intents_and_known_languages():
    assert {intent for intent, _ in NLU} <= set(DOMAIN["intents"])
    assert {language for _, language in NLU} <= {"en", "fr"}


# --- links --------------------------------------------------------------------------


def known_urls() -> Set[str]:
    links = load(ROOT / "content" / "links.yml")
    urls = set(strings(links.get("links"))) | set(strings(links.get("extra_links")))
    for path in CONTENT_FILES:
        urls |= set(strings(load(path).get("source")))
    return {u for u in urls if u.startswith("http")}


GOV_URL = re.compile(r"https?://(?:[\w-]+\.)*(?:canada\.ca|service\.canada\.ca)[^\s\"')<>]*")
DOMAIN_GOV_URLS = sorted(
    {url.rstrip(".,;:") for url in GOV_URL.findall((ROOT / "domain.yml").read_text("utf-8"))}
)


def test_answers_link_to_canada_ca():
    """The domain's responses and every knowledge entry (in both languages) link to canada.ca."""
    from bot.knowledge import load_knowledge

    sources = {url for entry in load_knowledge().entries.values() for url in entry.source.values()}
    assert len(DOMAIN_GOV_URLS) >= 5
    assert len(sources) >= 40
    assert all(GOV_URL.fullmatch(url) for url in sources)


@pytest.mark.parametrize("url", DOMAIN_GOV_URLS)
def test_domain_url_is_recorded_in_content(url):
    assert url in known_urls(), f"{url} is not in content/links.yml nor a content source"


# --- content files ------------------------------------------------------------------


@pytest.mark.parametrize("path", CONTENT_FILES, ids=[p.name for p in CONTENT_FILES])
def test_content_file_has_source_and_checked(path):
    data = load(path)
    assert isinstance(data, dict)
    assert "source" in data or "links" in data, path.name
    checked = data.get("checked")
    assert checked, f"{path.name} has no 'checked' date"
    assert isinstance(dt.date.fromisoformat(str(checked)), dt.date)
    if "source" in data:
        source = data["source"]
        urls = list(strings(source))
        assert urls and all(u.startswith("https://") for u in urls), path.name
        if isinstance(source, dict):
            assert {"en", "fr"} <= set(source), path.name


def test_content_files_exist():
    assert {p.stem for p in CONTENT_FILES} >= {
        "links", "passport_fees", "passport_processing", "renewal_eligibility"
    }


# --- responses used by the actions --------------------------------------------------

UTTER = re.compile(r"""["']((?:utter_)[A-Za-z0-9_]*)""")


def referenced_responses() -> Set[str]:
    names: Set[str] = set()
    for path in ACTION_FILES:
        names |= set(UTTER.findall(path.read_text(encoding="utf-8")))
    return names


def test_actions_reference_responses():
    assert {"utter_welcome", "utter_handoff", "utter_fee_result"} <= referenced_responses()


@pytest.mark.parametrize("name", sorted(referenced_responses()))
def test_response_referenced_in_actions_exists(name):
    if name.endswith("_"):  # an f-string prefix such as f"utter_renewal_reason_{...}"
        assert any(r.startswith(name) for r in RESPONSES), name
    else:
        assert name in RESPONSES, name


def test_dynamic_renewal_reasons_exist():
    criteria = load(ROOT / "content" / "renewal_eligibility.yml")["criteria"]
    for criterion in criteria:
        if criterion.get("in_force", True):
            reason = "utter_renewal_reason_" + criterion["slot"].removeprefix("renewal_")
            assert reason in RESPONSES, reason


@pytest.mark.parametrize(
    "form, slot",
    [(form, slot) for form, spec in DOMAIN["forms"].items() for slot in spec["required_slots"]],
)
def test_every_form_slot_has_a_question(form, slot):
    assert f"utter_ask_{slot}" in RESPONSES, (form, slot)


# --- bot/messages.yml ---------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_message_in_both_languages_with_same_placeholders(key):
    entry = MESSAGES[key]
    assert set(entry) == {"en", "fr"}, key
    assert entry["en"].strip() and entry["fr"].strip(), key
    assert placeholders(entry["en"]) == placeholders(entry["fr"]), key


def test_messages_have_placeholders_somewhere():
    # guard: the placeholder check above must see at least one placeholder
    assert any(placeholders(entry["en"]) for entry in MESSAGES.values())
