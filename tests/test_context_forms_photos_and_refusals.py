"""Without a model, the thirty-first session's second round: follow-ups whose conversation decides
their answer (a temporary passport after one stolen abroad, the hospital's form after a CCB
application for a newborn, a baby's expression after a baby's photo, a SIN lost after how to get
one, which form after the renewal check said no), what a single question tells (references who
are cousins, a child passport's validity, a file "en traitement" with a trip), and what is not
ours or not a switch of language."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from bot.language import detect
from bot.nlu import phrases
from tests.support.readings import BotUttered, UserUttered, entry, read_after, reading


def with_entry(intent: str, confidence: float, entry_id: str) -> Dict[str, Any]:
    return {**reading((intent, confidence), ("out_of_scope", 0.02)), "knowledge": {"id": entry_id, "score": 0.8}}


def test_a_temporary_passport_asked_after_one_stolen_abroad_is_the_embassys_answer():
    said = [UserUttered("my passport was stolen in rome", "passport_lost_stolen"), BotUttered("")]
    got = read_after(said, with_entry("passport_urgent", 0.95, "passport_urgent.temporary"), "can i get a temporary one to get home")
    assert (got["intent"]["name"], entry(got)) == ("passport_lost_stolen", "passport_lost_stolen.abroad")
    # lost at home: the temporary passport's own answer stays
    home = [UserUttered("i lost my passport in my house", "passport_lost_stolen"), BotUttered("")]
    assert entry(read_after(home, with_entry("passport_urgent", 0.95, "passport_urgent.temporary"),
                            "can i get a temporary one")) == "passport_urgent.temporary"


def test_the_hospitals_form_missing_after_a_newborns_ccb_is_applying_another_way():
    said = [UserUttered("how do i apply for ccb for my newborn", "ccb_apply"), BotUttered("")]
    got = read_after(said, with_entry("ccb_payment_dates", 0.83, "ccb_payment_dates.after_applying"),
                     "what if the hospital didnt give me the form")
    assert entry(got) == "ccb_apply.online_or_form"


@pytest.mark.parametrize("first, expected", [
    ("photo de passeport pour mon bebe de 5 mois", "passport_photo.baby"),
    ("what are the rules for passport photos", "passport_photo.expression"),
])
def test_the_face_asked_after_a_passport_photo_is_the_photos_expression(first, expected):
    said = [UserUttered(first, "passport_photo"), BotUttered("")]
    text = "et il peut avoir la bouche ouverte?" if "bebe" in first else "can i smile a little?"
    got = read_after(said, reading(("out_of_scope", 0.9), ("passport_photo", 0.05)), text)
    assert entry(got) == expected
    # an app to edit a selfie is not the passport photo's question
    app = read_after(said, reading(("out_of_scope", 0.9), ("passport_photo", 0.05)),
                     "know any good app to fix red eye on my selfies lol for insta")
    assert app["intent"]["name"] == "out_of_scope"


def test_a_sin_lost_asked_after_how_to_get_one_is_the_lost_cards_answer():
    said = [UserUttered("comment obtenir un NAS", "sin_apply"), BotUttered("")]
    got = read_after(said, with_entry("sin_apply", 0.99, "sin_apply.overview"), "et si je le perds, j'en redemande un?")
    assert entry(got) == "sin_protect.lost_card"
    # another SIN for a child is not a lost one
    assert entry(read_after(said, with_entry("sin_apply", 0.99, "sin_apply.overview"), "et pour mon fils, j'en demande un aussi?")) != (
        "sin_protect.lost_card")


def test_which_form_after_the_renewal_check_said_no_is_a_first_adult_passport():
    said = [UserUttered("on ma dit que je peux pas renouveler", "passport_renewal_eligibility"),
            BotUttered("utter_renewal_not_eligible"), BotUttered("utter_renewal_reason_age_16_plus")]
    got = read_after(said, reading(("passport_renewal_eligibility", 1.0)), "je fais quoi alors, quel formulaire je prends")
    assert (got["intent"]["name"], entry(got)) == ("passport_apply_adult", "passport_apply_adult.overview")
    # renewing named again: the check's own question
    again = read_after(said, reading(("passport_renewal_eligibility", 1.0)), "je peux pas renouveler en ligne non plus?")
    assert again["intent"]["name"] == "passport_renewal_eligibility"


def test_a_child_passports_validity_asked_alone_is_not_its_price():
    got = read_after([], with_entry("passport_fees", 0.85, "passport_fees.child_canada"),
                     "le passeport dun enfant est bon pour combien dannees")
    assert (got["intent"]["name"], entry(got)) == ("passport_child", "passport_child.validity")
    price = read_after([], with_entry("passport_fees", 0.85, "passport_fees.child_canada"), "le passeport dun enfant coute combien")
    assert price["intent"]["name"] == "passport_fees"


def test_a_file_in_process_with_a_trip_and_worry_is_a_delay_not_a_complaint():
    text = "mon dossier est 'en traitement' depuis un mois, je pars le 3 aout, je m'inquiète"
    got = read_after([], reading(("complaint", 0.83), ("passport_status", 0.05)), text)
    assert entry(got) == "passport_status.delayed"
    angry = read_after([], reading(("complaint", 0.83), ("passport_status", 0.05)),
                       "mon dossier est 'en traitement' depuis un mois, c'est ridicule")
    assert angry["intent"]["name"] == "complaint"


@pytest.mark.parametrize("text", [
    "i just moved to calgary n dont know many ppl, can my references be my cousins?",
    "mes références peuvent-tu être mes cousins",
])
def test_whether_references_may_be_relatives_is_asked_of_a_passports_references(text):
    assert phrases.asks_who_may_be_guarantor(text)


@pytest.mark.parametrize("text, language", [
    ("i prefer english, dont switch to french thx", "en"),
    ("change pas en anglais svp", "fr"),
    ("dont answer in french", "en"),
    ("switch to french", "fr"),
])
def test_a_switch_refused_keeps_the_language(text, language):
    found = detect(text)
    assert found is not None and (found.language, found.strength) == (language, "explicit")


@pytest.mark.parametrize("text", [
    "et ma carte d'assurance maladie je la demande ou",
    "health card, where do i get it",
])
def test_a_health_card_asked_for_is_the_provinces(text):
    assert phrases.other_service_named(text) is not None


def test_a_new_loan_pointed_back_to_is_not_repaying():
    assert phrases.asks_for_another_service("et comment jen demande un nouveau pour ma maitrise")


def test_a_person_wanted_to_call_back_reaches_an_officer():
    assert phrases.forced_intent("je veux qu'une personne me rappelle pour mon NAS, c'est compliqué mon affaire") == "request_human"
