"""Without a model, the forty-third session's second round: EI's first payment after EI named; a
passport issued before 16, then whether it can be renewed; a passport tracked like a parcel; the
CCB called "l'alloc"; a renewal without going to the office; a passport needed tomorrow; a student
loan paid back after another was asked for; a guarantor proposed, read as another passport topic;
"jpeux pas payer" after a loan; a fee asked from Tokyo; and what is not ours: permanent
residence's processing times, another country's travel authorization, Quebec's own plan."""

from __future__ import annotations

import pytest

from actions.situation import fee_situation
from bot.engine.context.topic_rules import CANT_PAY, issued_under_16
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, topic_and_entry, with_entry


def test_the_first_payment_asked_after_ei_was_named_is_eis():
    said = [UserUttered("how much is ei", "nlu_fallback")]
    ccb = with_entry(reading(("ccb_payment_dates", 1.0)), "ccb_payment_dates.after_applying")
    read = read_as(said, ccb, "how long before the first payment")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.first_payment")
    # after the CCB, it stays the CCB's
    after_ccb = [UserUttered("how much is the ccb", "ccb_payment_dates")]
    assert topic_and_entry(read_as(after_ccb, ccb, "how long before the first payment"))[0] == "ccb_payment_dates"


@pytest.mark.parametrize("said, young", [
    ("im 17 and have my own passport from when i was 12", True),
    ("je l'ai eu quand j'avais 14 ans", True),
    ("je l'ai eu quand j'avais 22 ans", False),
])
def test_a_passport_issued_before_16_then_asked_renewable_is_the_issued_under_16_answer(said, young):
    assert issued_under_16(said) == young
    early = with_entry(reading(("passport_renew", 0.63), ("passport_renewal_eligibility", 0.2)), "passport_renew.early")
    read = read_as([UserUttered(said, "passport_renew")], early, "donc je peux pas le renouveler?")
    assert (topic_and_entry(read) == ("passport_renew", "passport_renew.issued_under_16")) == young


@pytest.mark.parametrize("text, status", [
    ("je peux tu suivre mon passeport en ligne comme un colis postes canada", True),
    ("can i track my passport application online", True),
    ("je peux tu suivre mon colis de postes canada", False),
])
def test_a_passport_tracked_like_a_parcel_is_its_status(text, status):
    assert phrases.asks_status(text) == status


def test_the_ccb_called_lalloc_is_named():
    assert "ccb_" in phrases.programs_named("le depot de l'alloc est en retard, y a rien dans mon compte desjardins")
    assert "ccb_" not in phrases.programs_named("l'allocation logement du quebec")


def test_a_renewal_without_going_to_the_office_after_a_renewal_is_the_renewal():
    said = [UserUttered("Mon passeport expire en octobre", "passport_renew")]
    where = with_entry(reading(("passport_where_apply", 0.45), ("passport_renew", 0.3)), "passport_where_apply.office_vs_scc")
    read = read_as(said, where, "Est-ce que je peux le renouveler sans aller au bureau? Je marche difficilement.")
    assert topic_and_entry(read)[0] == "passport_renew"
    # where, asked, stays where
    assert topic_and_entry(read_as(said, where, "ou est-ce que je peux le renouveler?"))[0] == "passport_where_apply"


@pytest.mark.parametrize("text, urgent", [
    ("i need my passport tomorrow my grandmother is dying in jamaica please help me", True),
    ("j'ai besoin de mon passeport pour demain, mon pere est malade en haiti", True),
    ("i need my car tomorrow, can you help", False),
])
def test_a_passport_needed_tomorrow_read_unsurely_off_topic_is_the_urgent_service(text, urgent):
    off_topic = reading(("out_of_scope", 0.53), ("passport_urgent", 0.2))
    read = read_as([], off_topic, text)
    assert (topic_and_entry(read)[0] == "passport_urgent") == urgent


def test_paying_back_the_loan_one_has_after_another_was_asked_for_is_repaying_it():
    said = [UserUttered("can i get another student loan", "out_of_scope")]
    refund = with_entry(reading(("passport_fees", 0.53), ("student_loan_repayment", 0.2)), "passport_fees.refund_30_days")
    read = read_as(said, refund, "fine, then how do i pay back the one i already have")
    assert topic_and_entry(read)[0] == "student_loan_repayment"
    # with no loan named before, the reading stays
    assert topic_and_entry(read_as([], refund, "fine, then how do i pay back the one i already have"))[0] == "passport_fees"


@pytest.mark.parametrize("said, text, expected", [
    ([], "mon repondant pour le passeport ca peut tu etre mon oncle ou faut que ce soit quelqu'un pas de la famille",
     ("passport_apply_adult", "passport_apply_adult.guarantor")),
    ([UserUttered("je dois apporter quoi pour mon premier passeport", "passport_apply_adult")],
     "mon repondant peut tu etre mon ancien prof de cegep?", ("passport_apply_adult", "passport_apply_adult.guarantor")),
    ([UserUttered("passeport pour mon fils de 6 ans", "passport_child")],
     "notre voisin peut tu etre le repondant?", ("passport_child", "passport_child.guarantor")),
])
def test_a_guarantor_proposed_read_unsurely_as_another_passport_topic_is_who_may_be_one(said, text, expected):
    held = with_entry(reading(("passport_lost_stolen", 0.45), ("passport_apply_adult", 0.3)), "passport_lost_stolen.inaccessible")
    assert topic_and_entry(read_as(said, held, text)) == expected


def test_a_guarantor_told_with_a_lost_passport_stays_the_loss():
    held = with_entry(reading(("passport_lost_stolen", 0.45), ("passport_apply_adult", 0.3)), "passport_lost_stolen.overview")
    read = read_as([], held, "j'ai perdu mon passeport, mon repondant peut tu etre mon oncle")
    assert topic_and_entry(read)[0] == "passport_lost_stolen"


@pytest.mark.parametrize("text", ["pis si jpeux pas payer?", "si j'peux pas payer", "i cant pay"])
def test_cant_pay_written_short_is_told(text):
    from bot.folding import fold

    assert CANT_PAY.search(fold(text))


def test_a_fee_asked_from_tokyo_is_the_fee_from_abroad():
    said = [UserUttered("combien coute un passeport 5 ans", "passport_fees")]
    assert fee_situation("et si je le fais a partir de tokyo?", said[0].text).location == "abroad"
    where = with_entry(reading(("passport_where_apply", 0.63), ("passport_fees", 0.2)), "passport_where_apply.overview")
    read = read_as(said, where, "et si je le fais a partir de tokyo?")
    assert read["intent"]["name"] == "passport_fees" and read.get("read_with") == said[0].text


@pytest.mark.parametrize("text, other", [
    ("c'est quoi les délais pour la résidence permanente en ce moment", True),
    ("quels sont les delais pour le passeport", False),
    ("faut tu une AVE pour aller a londres cet ete avec passeport canadien", True),
    ("do i need an esta for florida", True),
    ("do i need an eta to fly to canada with my us passport", False),  # Canada's eTA: not this group's
    ("wait i live in sherbrooke, isnt there a quebec plan instead? how do i apply for that", True),
])
def test_what_is_not_ours(text, other):
    assert phrases.names_another_program(text) == other


@pytest.mark.parametrize("text, top, expected", [
    ("comment je renouvelle mon PAR, ça fait déjà 6 mois", "passport_status", "student_loan_rap"),
    ("je l'envoie par la poste, ça fait déjà 6 semaines", "passport_status", "passport_status"),  # "par", not the plan
    ("jai perdu ma carte d'assurance sociale dans un demenagement, comment en ravoir une", "passport_lost_stolen", "sin_protect"),
    ("j'ai perdu mon passeport et ma carte d'assurance sociale", "passport_lost_stolen", "passport_lost_stolen"),
])
def test_a_passport_reading_is_overruled_by_the_plan_named_or_a_sin_card_lost(text, top, expected):
    from bot.nlu.classifier import refine

    ranking = [{"name": top, "confidence": 0.6}, {"name": "student_loan_rap", "confidence": 0.1},
               {"name": "sin_protect", "confidence": 0.1}, {"name": "passport_lost_stolen" if top != "passport_lost_stolen" else "passport_status",
                                                             "confidence": 0.05}]
    refined = refine(text, ranking, [r["name"] for r in ranking])
    assert refined[0]["name"] == expected


def test_another_debts_repayment_plan_asked_after_the_loans_plan_is_not_the_loan():
    said = [UserUttered("je suis sur le PAR pour mon prêt étudiant", "student_loan_rap")]
    off_topic = reading(("out_of_scope", 0.94), ("student_loan_repayment", 0.03))
    read = read_as(said, off_topic, "pis ma carte de crédit TD, je peux-tu avoir un plan de remboursement réduit aussi?")
    assert topic_and_entry(read)[0] == "out_of_scope"
