"""Without a model, the forty-ninth session's round 4: older citizens uneasy with technology. A
message typed in capitals is read as written in lower case by the encoder, and no word in it is an
acronym by its case ("PAR LA POSTE" is not the plan); a grown grandchild's passport; the CCB not
received, read unsurely as a child's passport; the plastic SIN cards after one is lost; "is that
normal or should I worry?" after a renewal mailed months ago; a telephone number after the status
and no computer; "my phone wrote in French"; and what is not ours: two medicines taken together,
a credit card cancelled after a theft."""

from __future__ import annotations

import pytest

from bot.language import requested_language
from bot.nlu import phrases
from tests.support.encoder import encoder_inputs
from tests.support.readings import UserUttered, read_after, reading, refined_top, topic_and_entry

PASSPORT_LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
                   "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
                   "passport_lost_stolen", "out_of_scope", "nlu_fallback"]
ALL_LABELS = PASSPORT_LABELS + ["ccb_apply", "ccb_payment_dates", "student_loan_rap", "student_loan_repayment"]


@pytest.mark.parametrize("text, shouted", [
    ("J'AI ENVOYE MA DEMANDE PAR LA POSTE LA SEMAINE PASSEE. COMBIEN DE TEMPS D'ATTENTE EN GENERAL", True),
    ("HOW MUCH IS A PASSPORT NOW FOR A SENIOR", True),
    ("SIN?", False),  # too few letters: a name
    ("ma période PAR se termine", False),
    ("I'm on RAP since March", False),
])
def test_a_message_typed_in_capitals_is_told_apart(text, shouted):
    assert phrases.typed_in_capitals(text) is shouted


def test_no_word_of_a_message_in_capitals_is_an_acronym_by_its_case():
    assert not phrases.names_rap("J'AI ENVOYE MA DEMANDE PAR LA POSTE LA SEMAINE PASSEE. COMBIEN DE TEMPS D'ATTENTE EN GENERAL")
    assert "student_loan_" not in phrases.programs_named("J'AI ENVOYE MA DEMANDE PAR LA POSTE LA SEMAINE PASSEE")
    # written in lower case around it, the acronym is the plan's
    assert phrases.names_rap("ma période PAR se termine en mai")


def test_the_encoder_reads_a_message_in_capitals_as_written_in_lower_case(monkeypatch):
    assert encoder_inputs(monkeypatch, "COMBIEN DE TEMPS D'ATTENTE", "Combien de temps, SVP?") == [
        "combien de temps d'attente", "Combien de temps, SVP?"]


def test_a_grown_grandchilds_passport_is_an_adults():
    text = "Ma petite-fille a 20 ans, elle veut un passeport pour son voyage en Europe cet été. Elle doit remplir quel formulaire?"
    assert phrases.applicant_is_adult(text) and phrases.grown_kin_named(text)
    assert refined_top(text, ("passport_child", 0.91), ("passport_lost_stolen", 0.03), ("passport_apply_adult", 0.02),
                       labels=PASSPORT_LABELS) == "passport_apply_adult"
    # renewing named: not a first passport
    renew = "mon fils a 19 ans, il peut-tu renouveler son passeport?"
    assert refined_top(renew, ("passport_child", 0.91), ("passport_renew", 0.05), labels=PASSPORT_LABELS) != "passport_apply_adult"
    assert not phrases.applicant_is_adult("my daughter is 17 months, passport form?")
    # an age still to come, child or adult asked: the child's question
    soon = "mon fils a 16 ans le mois prochain, y a-tu besoin d'un passeport d'enfant ou d'adulte"
    assert not phrases.grown_kin_named(soon)
    assert refined_top(soon, ("passport_child", 0.9), ("passport_apply_adult", 0.05), labels=PASSPORT_LABELS) == "passport_child"


def test_the_ccb_not_received_read_unsurely_as_a_childs_passport_is_the_missing_payment():
    text = "Ma fille a pas reçu son Allocation canadienne pour enfants ce mois-ci. Qu'est-ce qu'elle doit faire?"
    assert refined_top(text, ("passport_child", 0.38), ("ccb_apply", 0.37), ("ccb_payment_dates", 0.16),
                       labels=ALL_LABELS) == "ccb_payment_dates"


def test_the_plastic_cards_after_a_sin_card_lost_is_the_lost_cards_answer():
    said = [UserUttered("I lost my SIN card.", "sin_protect")]
    read = read_after(said, reading(("sin_apply", 0.8)), "Do they still make the plastic cards?")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.lost_card")
    # another card asked about after: not the SIN's
    letter = [UserUttered("j'ai perdu ma lettre de NAS", "sin_protect")]
    assert read_after(letter, reading(("out_of_scope", 0.9)), "pis ma carte santé de l'Ontario aussi")["intent"]["name"] == "out_of_scope"


def test_is_that_normal_after_a_renewal_mailed_months_ago_is_its_status():
    said = [UserUttered("I mailed my renewal in March.", "passport_renew"), UserUttered("It's now the end of May.", "passport_renew")]
    read = read_after(said, reading(("passport_renew", 0.5)), "Is that normal or should I worry?")
    assert topic_and_entry(read) == ("passport_status", "passport_status.delayed")
    french = [UserUttered("J'ai posté mon renouvellement en mars.", "passport_renew"), UserUttered("On est à la fin mai.", "passport_renew")]
    read = read_after(french, reading(("nlu_fallback", 0.3)), "Est-ce normal ou je dois m'inquiéter?")
    assert topic_and_entry(read) == ("passport_status", "passport_status.delayed")
    # nothing mailed told: left as read
    asked = [UserUttered("how long does a renewal take", "passport_processing_times")]
    assert read_after(asked, reading(("passport_processing_times", 0.5)), "Is that normal or should I worry?")["intent"]["name"] != "passport_status"


def test_a_telephone_number_after_the_status_is_the_status_by_phone():
    said = [UserUttered("How do I check my passport status?", "passport_status"), UserUttered("I don't have a computer", "passport_status")]
    read = read_after(said, reading(("out_of_scope", 0.85)), "IS THERE A TELEPHONE NUMBER THEN")
    assert topic_and_entry(read) == ("passport_status", "passport_status.phone")
    # a person asked for stays one
    person = read_after(said, reading(("request_human", 0.85)), "can i get a phone number to talk to an agent")
    assert person["intent"]["name"] == "request_human"


def test_the_phones_own_french_is_not_asked_for():
    assert requested_language("sorry, English please, my phone wrote in French") == "en"
    assert requested_language("mon cell a écrit en anglais, désolé, en français svp") == "fr"


@pytest.mark.parametrize("text", [
    "Est-ce que je peux prendre des Tylenol avec mes pilules pour la pression?",
    "Ma carte Visa aussi, comment je l'annule?",
    "how do i cancel my credit card, it was in the wallet too",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None


def test_a_stolen_passport_stays_ours_beside_a_card():
    assert phrases.other_service_named("mon passeport pis ma carte de crédit ont été volés à Madrid, je fais quoi pour le passeport?") is None
