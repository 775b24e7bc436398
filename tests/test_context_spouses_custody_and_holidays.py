"""Without a model, the forty-third session's first round: a spouse's SIN asked after a newcomer's;
a holiday asked of this month's CCB payment; a family's total with a service added; a renewal's
own application named; travelling anyway after a theft; a scam answered; "qu'est ce que je fais"
written without its hyphen; a SIN starting with 9 that may expire; the CCB in shared custody;
online renewal from a Canadian town; a student loan paid by e-transfer; the CCB's day before a
holiday; an officer asked to take one's file; "a" written for "à"; and what is not ours: Quebec's
parental insurance, an employer's right to dismiss, a birth's registration and citizenship for an
adopted child."""

from __future__ import annotations

import pytest

from bot.engine.context.constants import ASKS
from bot.engine.context.follow_ups import MY_NEXT_STEP
from bot.language import detect
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, topic_and_entry, with_entry

NEW_PR = [UserUttered("how do i get a sin, i just landed as PR", "sin_apply")]


@pytest.mark.parametrize("text, spouse", [
    ("can my wife apply at the same time for hers", True),
    ("can my wife do it at the same time, she has her own pr card", True),
    ("can my wife apply for her pr at the same time", False),  # another thing applied for
    ("can i apply online", False),  # nobody else named
])
def test_a_spouses_sin_asked_after_a_newcomers_is_who_may_get_one(text, spouse):
    off_topic = reading(("out_of_scope", 0.86), ("sin_apply", 0.05))
    read = read_as(NEW_PR, off_topic, text)
    assert (topic_and_entry(read) == ("sin_apply", "sin_apply.newcomers")) == spouse


def test_a_holiday_asked_of_this_months_ccb_payment_is_its_dates_even_read_unsurely_as_a_complaint():
    said = [UserUttered("when is ccb paid", "ccb_payment_dates")]
    complaint = reading(("complaint", 0.44), ("ccb_payment_dates", 0.2))
    read = read_as(said, complaint, "what about this month, is it late cause of the holiday")
    assert topic_and_entry(read) == ("ccb_payment_dates", "ccb_payment_dates.dates_2026")
    # a complaint read surely stays one
    sure = reading(("complaint", 0.9), ("ccb_payment_dates", 0.05))
    assert topic_and_entry(read_as(said, sure, "what about this month, is it late cause of the holiday"))[0] == "complaint"


def test_a_familys_total_with_a_service_added_is_the_whole_fee_not_the_services_alone():
    said = [UserUttered("me and my 2 kids need passports, we're in ottawa", "passport_fees")]
    express = with_entry(reading(("passport_fees", 1.0)), "passport_fees.express")
    total = read_as(said, express, "whats the total if we add express")
    assert total["intent"]["name"] == "passport_fees" and total.get("read_with") == said[0].text
    # what the service adds, asked alone, stays the service's fee
    adds = read_as(said, express, "how much does express add")
    assert topic_and_entry(adds) == ("passport_fees", "passport_fees.express") and not adds.get("read_with")


@pytest.mark.parametrize("text, renews", [
    ("est ce que je dois envoyer mon vieux passeport avec ma demande de renouvellement par la poste", True),
    ("do i send my old passport with my renewal application", True),
    ("ma premiere demande de passeport, je l'envoie ou", False),
])
def test_the_writers_own_renewal_application_named_is_a_renewal(text, renews):
    assert phrases.renews_own_passport(text) == renews


@pytest.mark.parametrize("text, loss", [
    ("est ce que je peux quand meme aller aux etats unis en fin de semaine?", True),
    ("can i still fly to florida on saturday", True),
    ("est ce que je peux aller aux etats unis en fin de semaine?", False),  # nothing says despite the loss
])
def test_travelling_anyway_after_a_theft_is_the_losss_answer(text, loss):
    said = [UserUttered("mon passeport a été volé dans mon char hier", "passport_lost_stolen")]
    weekend = with_entry(reading(("passport_urgent", 0.31), ("passport_lost_stolen", 0.25)), "passport_urgent.weekend_emergency")
    read = read_as(said, weekend, text)
    assert (topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.overview")) == loss


def test_a_scam_answered_before_realising_is_protecting_the_sin_not_getting_one():
    said = [UserUttered("quelqu'un m'a texté en se faisant passer pour service canada pour avoir mon NAS", "sin_protect")]
    apply = with_entry(reading(("sin_apply", 0.62), ("sin_protect", 0.2)), "sin_apply.in_person")
    read = read_as(said, apply, "j'ai repondu avant de realiser, je fais quoi maintenant")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.stolen_or_fraud")
    # after getting a SIN, the same words stay its reading
    getting = [UserUttered("comment avoir un NAS", "sin_apply")]
    assert topic_and_entry(read_as(getting, apply, "j'ai repondu avant de realiser, je fais quoi maintenant"))[0] == "sin_apply"


@pytest.mark.parametrize("text", ["qu'est ce que je fais", "qu’est-ce que je fais", "quest ce qu'on fait"])
def test_what_to_do_asked_without_the_hyphen_is_the_writers_next_step(text):
    assert MY_NEXT_STEP.search(text) and ASKS.search(text)


@pytest.mark.parametrize("said, sin", [
    ("mon nas commence par 9", True),
    ("my sin starts with a 9", True),
    ("comment avoir un NAS", False),  # no 9 told
])
def test_whether_a_sin_starting_with_9_expires_is_its_answer(said, sin):
    renew = with_entry(reading(("passport_renew", 0.64), ("sin_apply", 0.2)), "passport_renew.expired")
    read = read_as([UserUttered(said, "sin_apply")], renew, "ca veut dire quoi? il expire?")
    assert (topic_and_entry(read) == ("sin_apply", "sin_apply.temporary_sin_9")) == sin


def test_what_shared_custody_changes_for_the_ccb_is_its_shared_custody_answer():
    said = [UserUttered("jme suis separée de mon chum en decembre", "nlu_fallback"),
            UserUttered("on a 2 enfants en garde partagée", "passport_child")]
    missing = with_entry(reading(("ccb_payment_dates", 0.75), ("ccb_apply", 0.2)), "ccb_payment_dates.payment_missing")
    read = read_as(said, missing, "ca change quoi pour l'allocation canadienne?")
    assert topic_and_entry(read) == ("ccb_apply", "ccb_apply.shared_custody")
    # with no shared custody told, the reading stays
    alone = [UserUttered("jme suis separée de mon chum en decembre", "nlu_fallback")]
    assert topic_and_entry(read_as(alone, missing, "ca change quoi pour l'allocation canadienne?"))[0] == "ccb_payment_dates"


@pytest.mark.parametrize("text, online", [
    ("does that work if i live in quebec city", True),
    ("est-ce que ça marche si je reste à Gatineau", True),
    ("does that work if i live in the states", False),  # renewing from the United States
])
def test_online_renewal_asked_from_a_canadian_town_is_online_renewal(text, online):
    said = [UserUttered("i want to renew my passport online", "passport_renew")]
    where = with_entry(reading(("passport_where_apply", 0.81), ("passport_renew", 0.1)), "passport_where_apply.overview")
    read = read_as(said, where, text)
    assert (topic_and_entry(read) == ("passport_renew", "passport_renew.online")) == online


@pytest.mark.parametrize("text, loan", [
    ("can i pay with e-transfer or only thru my bank", True),
    ("je peux payer par virement interac?", True),
    ("can i pay my hydro bill with e-transfer", False),  # nothing of the loan's... a bill, another thing
])
def test_a_student_loan_paid_by_e_transfer_is_the_nslsc_accounts_ways_to_pay(text, loan):
    said = [UserUttered("how do i pay my student loan", "student_loan_repayment")]
    off_topic = reading(("out_of_scope", 0.76 if loan else 0.95), ("student_loan_repayment", 0.1))
    read = read_as(said, off_topic, text)
    assert (topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.nslsc_account")) == loan


@pytest.mark.parametrize("text, when", [
    ("l'allocation du fédéral pour les enfants rentre tu avant noël en décembre? jai besoin de savoir pour les cadeaux", True),
    ("does the ccb come in before christmas", True),
    ("comment faire la demande avant noël", False),
])
def test_the_ccbs_day_asked_before_a_holiday_is_when_it_is_paid(text, when):
    assert phrases.asks_when_payments_come(text) == when


@pytest.mark.parametrize("text, person", [
    ("pouvez vous transférer mon dossier à un agent c'est urgent je pars dimanche", True),
    ("transfer my file to an agent please", True),
    ("je vais transférer mon dossier à mon nouvel employeur", False),
])
def test_an_officer_asked_to_take_ones_file_is_a_request_for_a_person(text, person):
    assert phrases.asks_for_person(text) == person


@pytest.mark.parametrize("text, language", [
    ("meilleure poutine a montreal?", "fr"),
    ("on part a cuba dans 4 jours", "fr"),
    ("a passport", "en"),
    ("on a trip in 4 days", "en"),
])
def test_a_written_for_a_grave_accent_is_no_english(text, language):
    found = detect(text)
    assert found is not None and found.language == language


@pytest.mark.parametrize("text, other", [
    ("je reste a gatineau pis je vais accoucher en juin, comment je demande mon conge parental", True),
    ("i live in montreal, how do i get maternity benefits", True),
    ("i live in quebec, do i apply for maternity through ei", False),  # EI named: its answer says so
    ("je reste a moncton, comment je demande mon conge parental", False),  # not in Quebec
    ("mon employeur peut-tu me congedier pendant mon arret?", True),
    ("can my boss fire me while im on sick leave", True),
    ("i got fired, can i get ei", False),
    ("and how do i register her birth in alberta", True),
    ("pis le certificat de citoyenneté pour mon fils adopté, on fait comment", True),
    ("does my adopted son need his citizenship certificate for his passport", False),  # ours: a passport named
])
def test_what_is_not_ours(text, other):
    assert phrases.names_another_program(text) == other


def test_quebecs_parental_insurance_is_not_named_for_a_question_that_names_ei_or_the_rqap():
    # "which of the two" is EI's maternity answer, which says that Quebec's is the RQAP
    assert phrases.other_service_named(
        "Je suis enceinte et je vis à Québec. C'est le RQAP ou l'assurance-emploi pour mon congé de maternité?") is None
    assert phrases.other_service_named("i live in montreal, how do i get maternity benefits") is not None
