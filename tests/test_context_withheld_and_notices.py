"""Without a model, the thirty-fifth session's second round: passport photos at a store, read as
the photos too unsurely (the photos' topic); "that child money" after arriving from another
country (a newcomer's CCB application); brunch near the passport office and bank cards to cancel
after a stolen passport (other services); a visa asked with "ça prend-tu" (another country's); a
passport someone will not give back (an inaccessible passport: the lost passport's topic); an
email asked for when the passport is ready (its status); a flight home after a passport lost
abroad ("prendre l'avion pour revenir"); what a scam caller knew (a scam); the maternity
application named (EI's); and a CCB that dropped after a higher income (the July recalculation)."""

from __future__ import annotations

import pytest

from actions.situation import moved_from_abroad
from bot.engine.context import named_program_over_off_topic
from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, read_as, reading, refined_top


PHOTO_LABELS = ["passport_photo", "passport_fees", "passport_where_apply", "out_of_scope"]


@pytest.mark.parametrize("pairs, topic", [
    ((("passport_photo", 0.32), ("out_of_scope", 0.3)), "passport_photo"),
    ((("out_of_scope", 0.6), ("passport_photo", 0.3)), "passport_photo"),
    # surely off topic stays so
    ((("out_of_scope", 0.95), ("passport_photo", 0.03)), "out_of_scope"),
])
def test_passport_photos_at_a_store_read_unsurely_are_the_photos(pairs, topic):
    text = "does costco or shoppers do passport pics"
    top = refined_top(text, *pairs, labels=PHOTO_LABELS)
    assert top == topic
    if topic == "passport_photo" and pairs[0][0] == "passport_photo":
        from bot.nlu.classifier import refine
        assert refine(text, [{"name": n, "confidence": c} for n, c in pairs], PHOTO_LABELS)[0]["confidence"] == 1.0


@pytest.mark.parametrize("text, moved", [
    ("we moved to edmonton from ukraine last month", True),
    ("on est arrivés d'Haïti en mai avec les enfants", True),
    ("we moved to edmonton from toronto last month", False),
])
def test_arriving_from_another_country_is_told(text, moved):
    assert moved_from_abroad(text) is moved


def test_that_child_money_after_arriving_from_abroad_is_a_newcomers_application():
    assert phrases.programs_named("can my kids get that child money") == {"ccb_"}
    events = [UserUttered("we moved to edmonton from ukraine last month", "out_of_scope")]
    read = read_as(events, reading(("ccb_apply", 0.9), ("ccb_payment_dates", 0.05)), "can my kids get that child money")
    assert (read["intent"]["name"], entry(read)) == ("ccb_apply", "ccb_apply.newcomers")


@pytest.mark.parametrize("text, other", [
    ("ok thx. whats a good place for brunch in ottawa near the passport office", True),
    ("how do i cancel my stolen credit cards too", True),
    ("ça prend-tu un visa pour aller au Brésil avec un passeport canadien?", True),
    # the passport stolen with the cards is ours
    ("my passport was stolen with my credit cards, what do i do", False),
    ("is there a good place to get passport photos near the office", False),
])
def test_brunch_bank_cards_and_a_countrys_visa_are_other_services(text, other):
    assert (phrases.other_service_named(text) is not None) is other


LOST_LABELS = ["passport_child", "passport_lost_stolen", "passport_apply_adult", "out_of_scope"]


@pytest.mark.parametrize("text, topic", [
    ("Mon ex-conjoint garde mon passeport et refuse de me le rendre. Qu'est-ce que je dois faire?", "passport_lost_stolen"),
    ("my ex won't give my passport back, can i get a new one", "passport_lost_stolen"),
    # the child's passport kept by the other parent is the child's
    ("mon ex garde le passeport de ma fille, je fais quoi", "passport_child"),
])
def test_a_passport_someone_will_not_give_back_is_inaccessible(text, topic):
    assert refined_top(text, ("passport_child", 0.47), ("passport_lost_stolen", 0.2), labels=LOST_LABELS) == topic


TIME_LABELS = ["passport_processing_times", "passport_status", "passport_apply_adult"]


@pytest.mark.parametrize("text, topic", [
    ("est ce que je vais recevoir un courriel quand mon passeport va etre pret?", "passport_status"),
    ("will they email me when my passport is ready", "passport_status"),
    # how long until it is ready stays the time
    ("how long until my passport is ready", "passport_processing_times"),
])
def test_a_notice_asked_for_when_the_passport_is_ready_is_its_status(text, topic):
    assert refined_top(text, ("passport_processing_times", 0.76), ("passport_status", 0.1), labels=TIME_LABELS) == topic


def test_a_flight_home_after_a_passport_lost_abroad_is_the_embassys_answer():
    events = [UserUttered("j'ai perdu mon passeport a Cancun", "passport_lost_stolen")]
    read = read_as(events, reading(("passport_urgent", 0.6), ("passport_lost_stolen", 0.05)), "je peux tu prendre l'avion pour revenir pareil?")
    assert (read["intent"]["name"], entry(read)) == ("passport_lost_stolen", "passport_lost_stolen.abroad")


@pytest.mark.parametrize("text, topic", [
    ("ils savaient mon adresse pis ma date de naissance, jfais quoi maintenant?", "sin_protect"),
    ("they knew my full name and my address, is it legit?", "sin_protect"),
    # how to get a number, asked after the call, stays applying
    ("comment je fais pour avoir un NAS", "sin_apply"),
])
def test_what_a_scam_caller_knew_is_a_scam(text, topic):
    events = [UserUttered("quelqu'un m'a appelé en disant qu'il était de service canada pour mon NAS", "sin_protect")]
    read = read_as(events, reading(("sin_apply", 0.8), ("sin_protect", 0.1)), text)
    assert read["intent"]["name"] == topic


def test_the_maternity_application_named_read_off_topic_is_eis():
    text = "je fais la demande de maternité quand exactement? j'habite a Edmonton"
    assert phrases.programs_named(text) == {"ei_"}
    off = reading(("out_of_scope", 0.58), ("ei_apply", 0.21), ("passport_processing_times", 0.08))
    assert named_program_over_off_topic(off, text)["intent"]["name"] == "ei_apply"


@pytest.mark.parametrize("text, want", [
    ("c'est a cause de quoi? mon salaire a monté en 2025", "ccb_payment_dates.july_change"),
    ("j'ai déménagé en mars, c'est-tu à cause de ça", "ccb_payment_dates.payment_stopped"),
])
def test_a_ccb_dropped_after_a_higher_income_is_the_july_recalculation(text, want):
    events = [UserUttered("mon ACE a baissé ce mois ci", "ccb_payment_dates")]
    read = read_as(events, reading(("out_of_scope", 0.97), ("ccb_payment_dates", 0.01)), text)
    assert (read["intent"]["name"], entry(read)) == ("ccb_payment_dates", want)
