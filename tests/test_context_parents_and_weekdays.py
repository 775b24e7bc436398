"""Without a model, the forty-ninth session's round 3: an ordinary weekday's mix, and parents and
families. A CCB that dropped; which form renews, or the first adult passport's form with the
renewal set aside; renewing before it expires next year; a child's price typed "hw much"; an
application marked in process for a month; someone asked to call today; EI's first payment after
approval; the urgent service for a child; a custody order after an ex who won't sign; a newborn's
birth certificate or hospital paper; which offices do pickups; and what is not ours: a child's
name changed after the birth was registered, a loan for a brother starting college, legal
guardianship, what to do at Tremblant with kids, a son's driver's licence, the best time to visit."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_after, reading, refined_top, topic_and_entry, with_entry

PASSPORT_LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
                   "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
                   "passport_lost_stolen", "out_of_scope", "nlu_fallback"]


def test_a_ccb_that_dropped_is_the_julys_recalculation():
    said = [UserUttered("my ccb payment was way less this month", "ccb_payment_dates")]
    read = read_after(said, reading(("nlu_fallback", 0.3)), "why would it drop? nothing changed for us")
    assert topic_and_entry(read) == ("ccb_payment_dates", "ccb_payment_dates.july_change")


def test_which_form_renews_read_unsurely_is_the_renewal():
    text = "which form do i use to renew my passport if im living in canada"
    assert refined_top(text, ("passport_where_apply", 0.35), ("passport_renew", 0.3), labels=PASSPORT_LABELS) == "passport_renew"
    # a first passport's form, the renewal set aside
    first = "c quoi le formulaire pour un premier passeport adulte, pas un renouvellement"
    assert phrases.asks_first_passport_form(first)
    assert refined_top(first, ("passport_renew", 0.7), ("passport_apply_adult", 0.2), labels=PASSPORT_LABELS) == "passport_apply_adult"
    assert not phrases.asks_first_passport_form("c quoi le formulaire pour renouveler")


def test_renewing_before_it_expires_next_year_is_how_early():
    text = "is it ok to renew my passport even tho it doesnt expire til next year"
    assert phrases.asks_how_early(text)
    assert phrases.asks_whether_renewable(text) == "passport_renew"


def test_a_price_typed_hw_much_is_a_price():
    assert phrases.asks_price("hw much is pasport for kid under 16")
    assert not phrases.asks_price("hw do i renew")


def test_an_application_marked_in_process_for_a_month_is_its_status():
    assert phrases.asks_status("ma demande de passeport est marquée en traitement depuis 30 jours, c'est-tu normal")
    assert not phrases.asks_status("how long is processing for a passport")


def test_someone_asked_to_call_today_is_a_person():
    assert phrases.asks_for_person("j'ai besoin que quelqu'un m'appelle aujourd'hui, mon loyer est dû le 1er")
    assert phrases.asks_for_person("i need someone to call me today")
    assert not phrases.asks_for_person("j'ai peur que quelqu'un m'appelle pour un scam")


def test_the_first_payment_after_eis_approval_is_eis_first_payment():
    said = [UserUttered("ma demande d'AE a été approuvée hier", "ei_apply")]
    read = read_after(said, reading(("out_of_scope", 0.6)), "je vais recevoir mon premier paiement quand?")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.first_payment")
    # no EI named before: nothing to read it with
    ccb = [UserUttered("on vient d'avoir un bébé", "ccb_apply")]
    assert read_after(ccb, reading(("out_of_scope", 0.6)), "je vais recevoir mon premier paiement quand?")["intent"]["name"] != "ei_apply"


def test_the_urgent_service_for_a_child_is_the_urgent_service():
    text = "can you get a childs passport urgent too or is that only for adults"
    assert phrases.asks_if_fast_service_possible(text)
    assert refined_top(text, ("passport_child", 0.8), ("passport_urgent", 0.1), labels=PASSPORT_LABELS) == "passport_urgent"
    assert not phrases.asks_if_fast_service_possible("can you get a childs passport at service canada")


def test_a_custody_order_after_an_ex_who_wont_sign_is_the_childs_custody_answer():
    said = [UserUttered("my ex wont sign the passport form for our daughter", "passport_child")]
    read = read_after(said, reading(("nlu_fallback", 0.35)), "we have a court order that gives me sole custody, is that enough")
    assert topic_and_entry(read) == ("passport_child", "passport_child.custody")


def test_a_newborns_birth_certificate_after_a_childs_passport_is_the_childs():
    said = [UserUttered("mon bebe est né a sudbury en mars", "passport_child"),
            UserUttered("comment avoir son passeport", "passport_child")]
    adult = with_entry(reading(("passport_apply_adult", 0.8)), "passport_apply_adult.proof_citizenship")
    read = read_after(said, adult, "le certificat de naissance est obligatoire ou le papier de l'hopital suffit")
    assert read["intent"]["name"] == "passport_child" and read.get("read_with")
    # the writer's own, an adult's: left
    mine = read_after(said, adult, "et pour moi, j'ai 34 ans, mon certificat de naissance suffit?")
    assert mine["intent"]["name"] == "passport_apply_adult"


def test_which_offices_do_a_passports_pickup_is_where_to_apply():
    text = "quels bureaux font le ramassage du passeport dans la région de québec"
    assert phrases.names_passport_office(text)
    assert refined_top(text, ("out_of_scope", 0.62), ("passport_where_apply", 0.2), labels=PASSPORT_LABELS) == "passport_where_apply"


@pytest.mark.parametrize("text", [
    "how do i change my baby's last name after the birth was already registered",
    "comment changer le nom de famille de mon enfant apres la declaration de naissance",
    "how do i get legal guardianship of them in alberta",
    "quoi faire a tremblant avec des jeunes enfants",
    "pis pour son permis de conduire, y fait quoi",
    "c'est quoi le meilleur temps pour y aller avec des enfants",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None


def test_a_loan_for_someone_starting_college_is_student_aid():
    assert phrases.asks_for_another_service("my little brother is starting college, how does he apply for a loan")
    assert not phrases.asks_for_another_service("i finished college, when do i start repaying my loan")


@pytest.mark.parametrize("text", [
    "when is the best time to apply for a passport",
    "can i use my drivers licence as id for the passport",
    "my name changed, do i need a new passport",
])
def test_our_own_questions_near_them_stay_ours(text):
    assert phrases.other_service_named(text) is None
