"""Without a model, the thirty-seventh session's second round: a passport form named by its
number (its topic, and the entry about it: content/passport_forms.yml); where to apply asked by
someone who works abroad and means to come home for a while (where, from there); the EI amount
asked as "ils vont me donner combien"; a SIN card stolen with a wallet, read off topic (the lost
card's answer, also for "what do I do first" after it); whether a fee includes the passport (the
fee's answer again); a fee situation with no passport named, read as the CCB (its fee); one's
own insurer after a theft (another service); a trip "the 14th" after how long it takes (the
faster services); and abroad typed "letranger" after a renewal."""

from __future__ import annotations

from datetime import date

import pytest

from actions.situation import lives_abroad, travel_window
from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, read_as, reading, refined_top, topic_and_entry


FORM_LABELS = ["passport_renew", "passport_lost_stolen", "passport_apply_adult", "passport_child", "passport_fees", "out_of_scope"]


@pytest.mark.parametrize("text, topic", [
    ("cest tu le formulaire pptc 054 pour renouveler un passport adulte au canada?", "passport_renew"),
    ("which form for my kid, pptc-155?", "passport_child"),
    ("do i need the PPTC 203 too", "passport_lost_stolen"),
    # a number no form of ours has, and no number: the reading stays
    ("cest tu le formulaire pptc 999 pour renouveler", "passport_lost_stolen"),
    ("cest tu le bon formulaire pour renouveler", "passport_lost_stolen"),
])
def test_a_form_named_by_its_number_is_its_topic(text, topic):
    assert refined_top(text, ("passport_lost_stolen", 0.49), ("passport_renew", 0.26), labels=FORM_LABELS) == topic


def test_a_form_named_by_its_number_is_answered_about_that_form():
    read = {**reading(("passport_renew", 1.0)), "knowledge": {"id": "passport_renew.issued_under_16", "score": 0.4}}
    assert entry(read_as([], read, "cest tu le formulaire pptc 054 pour renouveler un passport adulte au canada?")) == (
        "passport_renew.simplified")
    assert phrases.form_named("the pptc 203 form") == {"topic": "passport_lost_stolen", "entry": "passport_lost_stolen.declaration"}
    assert phrases.form_named("is form 5 the right one") is None


@pytest.mark.parametrize("text, abroad", [
    ("je travaille a dubai depuis 2023 dans un hotel, on pensait rentrer au quebec pour noel", True),
    ("i work in qatar, flying back to toronto in june", True),
    ("i live in toronto", False),
    # Canada where one is, not where one goes back to
    ("je travaille a montreal pour une compagnie de france", False),
])
def test_working_abroad_is_living_abroad_and_going_back_is_not_being_here(text, abroad):
    assert lives_abroad(text) is abroad


def test_where_to_apply_from_abroad_with_a_passport_expiring_is_where():
    text = ("je travaille a dubai depuis 2023, on pensait rentrer au quebec pour noel mais mon passeport expire en octobre. "
            "ou je fais ma demande de passeport canadien dici")
    labels = ["passport_renew", "passport_apply_adult", "passport_where_apply"]
    assert refined_top(text, ("passport_renew", 0.9), ("passport_apply_adult", 0.05), labels=labels) == "passport_where_apply"
    # a renewal named: its own answer from abroad
    named = "je travaille a dubai, ou je fais ma demande de renouvellement de passeport"
    assert refined_top(named, ("passport_renew", 0.9), ("passport_apply_adult", 0.05), labels=labels) == "passport_renew"


def test_what_ei_will_give_asked_after_a_job_lost_is_its_amount():
    events = [UserUttered("jai perdu ma job vendredi a lusine de drummondville, je fais comment pour le chomage", "ei_apply")]
    read = read_as(events, reading(("ei_apply", 0.6), ("ei_eligibility", 0.3)),
                   "pis la ils vont me donner combien a peu pres? je faisais 22$ de lheure")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.benefit_amount")


SIN_LABELS = ["out_of_scope", "sin_protect", "sin_apply", "passport_lost_stolen"]


@pytest.mark.parametrize("text, top", [
    ("quelquun a vole mon portefeuille avec ma carte nas dedans hier au metro berri", "sin_protect"),
    # nothing of the SIN named: off topic
    ("quelquun a vole mon portefeuille hier au metro berri", "out_of_scope"),
])
def test_a_sin_card_stolen_with_a_wallet_read_off_topic_is_the_sins(text, top):
    assert refined_top(text, ("out_of_scope", 0.78), ("sin_protect", 0.19), labels=SIN_LABELS) == top


def test_a_stolen_sin_card_and_what_to_do_first_get_the_lost_cards_answer():
    told = "quelquun a vole mon portefeuille avec ma carte nas dedans hier au metro berri"
    stored = {**reading(("sin_protect", 1.0)), "knowledge": {"id": "sin_protect.store_safely", "score": 0.5}}
    assert entry(read_as([], stored, told)) == "sin_protect.lost_card"
    events = [UserUttered(told, "sin_protect")]
    then = {**stored, "read_with": told}
    assert entry(read_as(events, then, "je dois faire quoi en premier")) == "sin_protect.lost_card"


@pytest.mark.parametrize("text, fees", [
    ("does that include the passport itself or is it on top", True),
    ("est-ce que le passeport est inclus la-dedans", True),
    # no inclusion asked: the reading stays
    ("can i apply by mail instead", False),
])
def test_whether_a_fee_includes_the_passport_is_the_fee(text, fees):
    events = [UserUttered("whats the fee for urgent passport service", "passport_fees")]
    read = read_as(events, reading(("passport_apply_adult", 0.34), ("passport_fees", 0.2)), text)
    assert (read["intent"]["name"] == "passport_fees") is fees


def test_a_fee_situation_with_no_passport_named_read_as_the_ccb_is_its_fee():
    text = "ok so just me and mom, me 5 yr, mom 10 yr, plus express for both. total??"
    labels = ["ccb_apply", "passport_fees", "passport_child", "out_of_scope"]
    assert refined_top(text, ("ccb_apply", 0.4), ("passport_fees", 0.21), labels=labels) == "passport_fees"
    # read surely as the CCB, or its price not asked: the reading stays
    assert refined_top(text, ("ccb_apply", 0.7), ("passport_fees", 0.21), labels=labels) == "ccb_apply"
    assert refined_top("me 5 yr, mom 10 yr, plus express", ("ccb_apply", 0.4), ("passport_fees", 0.21), labels=labels) == "ccb_apply"


def test_ones_own_insurer_after_a_theft_is_another_service():
    assert phrases.forced_intent("should i call my insurance for the smashed car window too") == "out_of_scope"
    assert phrases.forced_intent("je dois appeler mon assureur pour la vitre?") == "out_of_scope"


def test_a_trip_the_14th_is_a_date():
    assert travel_window("im leaving the 14th", today=date(2026, 12, 3)) == "soon"
    assert travel_window("im leaving the 14th", today=date(2026, 12, 20)) == "later"


def test_abroad_typed_without_its_apostrophe_after_a_renewal_is_renewing_from_abroad():
    events = [UserUttered("comment je renouvelle mon passeport", "passport_renew")]
    read = read_as(events, reading(("out_of_scope", 0.91), ("passport_renew", 0.05)),
                   "et si je suis a letranger? jsuis au portugal jusqua lautomne")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.abroad")
