"""actions/answers.py: free-text form answers (EN/FR) -> canonical values, None if unclear."""

from __future__ import annotations

import pytest

from actions import answers


def test_fold_strips_accents_case_spaces_and_curly_apostrophes():
    assert answers.fold("  À l’Étranger  ") == "a l'etranger"
    assert answers.fold("RÉGULIER\t\n svp") == "regulier svp"
    assert answers.fold(None) == ""
    assert answers.fold(10) == "10"


# --- applicant type -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["adult", "Adult", "ADULTS", "it's for me", "myself", "16 or older", "over 16", "16+",
     "adulte", "Adulte", "c'est pour moi", "moi-même", "majeur", "16 ans ou plus",
     "plus de 16 ans"],
)
def test_applicant_adult(text):
    assert answers.applicant_type(text) == "adult"


@pytest.mark.parametrize(
    "text",
    ["child", "Child", "my kid", "for my son", "my daughter", "a baby", "under 16",
     "enfant", "ENFANT", "mon fils", "ma fille", "bébé", "Mineure", "moins de 16 ans",
     "moins de 16"],
)
def test_applicant_child(text):
    assert answers.applicant_type(text) == "child"


@pytest.mark.parametrize("text", ["under 16", "moins de 16 ans"])
def test_under_16_is_not_read_as_16_or_older(text):
    # "16" appears in both phrasings; the negative one wins
    assert answers.applicant_type(text) == "child"


def test_not_a_child_is_not_a_child():
    # Negative phrasing: an adult answering "not a child" must not be priced as a child.
    assert answers.applicant_type("not a child, I'm 30") != "child"


@pytest.mark.parametrize("text", ["hmm", "", "what?", "peut-être"])
def test_applicant_unclear(text):
    assert answers.applicant_type(text) is None


# --- validity -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, years",
    [("10", 10), ("10 years", 10), ("10yrs", 10), ("ten", 10), ("Ten years", 10),
     ("10 ans", 10), ("dix ans", 10), ("Dix", 10),
     ("5", 5), ("5 years", 5), ("five", 5), ("5 ans", 5), ("cinq ans", 5), ("CINQ", 5)],
)
def test_validity_years(text, years):
    assert answers.validity_years(text) == years


@pytest.mark.parametrize("text", ["15", "20 ans", "50", "105", "maybe", "", "1 an"])
def test_validity_unclear(text):
    assert answers.validity_years(text) is None


# --- location -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["in Canada", "Canada", "I live in Canada", "here", "inside Canada",
     "au Canada", "AU CANADA", "ici", "dans le pays", "in Toronto", "à Montréal"],
)
def test_location_in_canada(text):
    assert answers.apply_location(text) == "in_canada"


@pytest.mark.parametrize(
    "text",
    ["outside Canada", "outside of Canada", "abroad", "overseas", "not in Canada",
     "I'm NOT in Canada", "at the embassy", "consulate",
     "pas au Canada", "Je ne suis pas au Canada", "à l'étranger", "À L’ÉTRANGER",
     "a l'etranger", "à l'extérieur du Canada", "hors du Canada", "ambassade",
     "I'm in the US", "living in France", "aux États-Unis"],
)
def test_location_abroad(text):
    assert answers.apply_location(text) == "abroad"


@pytest.mark.parametrize("text", ["", "dunno", "somewhere"])
def test_location_unclear(text):
    assert answers.apply_location(text) is None


# --- service level ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, level",
    [("standard", "standard"), ("Standard", "standard"), ("regular", "standard"),
     ("no rush", "standard"), ("none", "standard"), ("régulier", "standard"),
     ("Régulière", "standard"), ("pas pressé", "standard"), ("aucun", "standard"),
     ("express", "express"), ("Express", "express"), ("exprès", "express"),
     ("fast", "express"), ("rapide", "express"),
     ("urgent", "urgent"), ("URGENT", "urgent"), ("tomorrow", "urgent"),
     ("next business day", "urgent"), ("demain", "urgent"), ("urgence", "urgent")],
)
def test_service_level(text, level):
    assert answers.service_level(text) == level


@pytest.mark.parametrize("text", ["not urgent", "it's not urgent", "pas urgent", "ce n'est pas urgent"])
def test_not_urgent_is_not_urgent(text):
    # Negative phrasing: "not urgent" must not add the urgent pick-up fee.
    assert answers.service_level(text) != "urgent"


@pytest.mark.parametrize("text", ["whatever", ""])
def test_service_unclear(text):
    assert answers.service_level(text) is None


# --- yes / no -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["yes", "Yes", "YES", "yeah", "yep", "sure", "of course", "y",
     "oui", "Oui", "OUI", "ouais", "bien sûr", "c'est ça", "exactement", "/affirm", True],
)
def test_yes(text):
    assert answers.yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    ["no", "No", "NO", "nope", "nah", "not really", "never", "n",
     "non", "Non", "pas vraiment", "jamais", "pantoute", "/deny", False],
)
def test_no(text):
    assert answers.yes_no(text) is False


@pytest.mark.parametrize("text", ["maybe", "peut-être", "", None])
def test_yes_no_unclear(text):
    assert answers.yes_no(text) is None


def test_french_elision_n_apostrophe_is_not_a_no():
    # "Oui, rien n'a changé" (yes, nothing changed) is a yes; the single-letter "n"
    # alternative must not match the elided negation particle "n'".
    assert answers.yes_no("oui, rien n'a changé") is True


def test_il_y_a_is_not_a_yes():
    # "Il y a 20 ans" (20 years ago) answers "issued in the last 15 years?" with a no;
    # the single-letter "y" alternative must not read the French adverb "y" as yes.
    assert answers.yes_no("il y a 20 ans") is not True
