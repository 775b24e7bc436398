"""Without a model, the thirty-eighth session's fourth round: "i didnt get it tho" after when the
CCB is paid (the missing payment); "which form is it" after a child's passport fee (the child's
application); a language asked for with who will read it; the flight home after a passport lost
abroad (the loss abroad); interest asked after a student loan's repayment (the loan's); a scam
paid in gift cards, read as getting a SIN (the scams' answer); when it can be picked up after an
application handed in at an office (the time in person); and a work permit or a health card asked
for after our topics (other services)."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, topic_and_entry


def test_not_got_after_when_the_ccb_is_paid_is_the_missing_payment():
    assert phrases.payment_not_arrived("i didnt get it tho")
    # a thing not understood is not a payment missing
    assert not phrases.payment_not_arrived("i didnt get it, can you explain again")
    said = [UserUttered("when does ccb get paid", "ccb_payment_dates")]
    read = read_as(said, reading(("deny", 0.43), ("stop", 0.11)), "i didnt get it tho")
    assert topic_and_entry(read)[0] == "ccb_payment_dates"


def test_which_form_after_a_childs_passport_fee_is_the_childs_application():
    said = [UserUttered("how much is a kids passport", "passport_fees")]
    unsure = reading(("passport_apply_adult", 0.25), ("affirm", 0.21))
    assert topic_and_entry(read_as(said, unsure, "which form is it")) == ("passport_child", "passport_child.overview")
    adult = [UserUttered("how much is a 10 year passport", "passport_fees")]
    assert topic_and_entry(read_as(adult, unsure, "which form is it"))[0] != "passport_child"


def test_a_language_asked_for_with_who_will_read_it_is_the_language():
    assert phrases.asks_for_language("in french please, my mom is the one reading this")
    assert not phrases.asks_for_language("in french please, my mom is the one applying, how much is it")


def test_the_flight_home_after_a_passport_lost_abroad_is_the_loss_abroad():
    said = [UserUttered("jai perdu mon passeport a cancun", "passport_lost_stolen")]
    read = read_as(said, reading(("passport_urgent", 0.65), ("out_of_scope", 0.2)), "est ce que je peux quand meme prendre mon vol de retour")
    assert topic_and_entry(read)[0] == "passport_lost_stolen"


def test_interest_asked_after_a_student_loans_repayment_is_the_loans():
    said = [UserUttered("quand commence le remboursement du pret etudiant", "student_loan_repayment")]
    complaint = reading(("complaint", 0.32), ("ei_apply", 0.15))
    assert topic_and_entry(read_as(said, complaint, "pis y a tu des interets pendant les 6 mois"))[0] == "student_loan_repayment"
    # a complaint said in words stays one
    assert topic_and_entry(read_as(said, complaint, "je veux porter plainte pour les interets"))[0] != "student_loan_repayment"


def test_a_scam_paid_in_gift_cards_read_as_getting_a_sin_is_the_scams_answer():
    said = [UserUttered("quelqu'un m'a appelé en disant que mon NAS est bloqué", "sin_protect")]
    read = read_as(said, reading(("sin_apply", 0.88), ("sin_protect", 0.1)),
                   "ils m'ont fait payer en cartes cadeaux pis j'ai donné mon numéro, je fais quoi maintenant")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.scams")


def test_when_to_pick_it_up_after_handing_it_in_is_the_time_in_person():
    said = [UserUttered("j'ai fait ma demande de passeport au bureau du complexe guy-favreau ce matin", "passport_where_apply")]
    off = reading(("out_of_scope", 0.7), ("help", 0.08))
    assert topic_and_entry(read_as(said, off, "c'est quand que je peux aller le chercher")) == (
        "passport_processing_times", "passport_processing_times.in_person")
    # nothing handed in told: the reading stays
    where = [UserUttered("ou est le bureau des passeports a montreal", "passport_where_apply")]
    assert topic_and_entry(read_as(where, off, "c'est quand que je peux aller le chercher"))[1] != "passport_processing_times.in_person"


@pytest.mark.parametrize("text", [
    "et son permis de travail ouvert, comment elle le demande?",
    "pis la carte d'assurance maladie pour le bebe ca se fait comment",
])
def test_a_permit_or_a_health_card_asked_for_is_another_service(text):
    assert phrases.other_service_named(text) is not None
