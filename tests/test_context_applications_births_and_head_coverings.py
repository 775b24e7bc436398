"""Without a model, the fortieth session's first round: an application itself feared lost (its
status, not a lost passport); "may I still renew it or must I start over" (whether it may be
renewed); when to apply after a job lost (EI's deadline); what to do for the benefit after a birth
told (applying for the CCB, not a payment missed); "et ca va etre payé quand?" after applying for
the CCB (its payment dates); a hijab after the photo's rules (the photo's rule for it); and the tax
brackets after EI's amount (another service)."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry


@pytest.mark.parametrize("text, feared", [
    ("ca fait 2 mois, ca se peut tu que ma demande de passeport soit perdue?", True),
    ("could my renewal have been lost in the mail", True),
    ("is my application lost?", True),
    # the writer's own loss, or the passport lost: not the application
    ("i lost my application form, can i print another one", False),
    ("my passport was lost on the bus", False),
])
def test_an_application_named_as_lost_is_feared_lost_by_the_office(text, feared):
    assert phrases.application_feared_lost(text) == feared


def test_an_application_feared_lost_is_its_status_not_a_lost_passport():
    text = "ca fait 2 mois, ca se peut tu que ma demande de passeport soit perdue?"
    labels = ["passport_lost_stolen", "passport_status", "out_of_scope"]
    assert refined_top(text, ("passport_lost_stolen", 0.6), ("passport_status", 0.3), labels=labels) == "passport_status"
    lost = "j'ai perdu mon passeport, ca se peut tu de le remplacer vite?"
    assert refined_top(lost, ("passport_lost_stolen", 0.6), ("passport_status", 0.3), labels=labels) == "passport_lost_stolen"


@pytest.mark.parametrize("text, topic", [
    ("Good afternoon. My passport expired in 2019. May I still renew it by mail or must I start over? Thank you kindly.",
     "passport_renewal_eligibility"),
    ("je peux-tu encore le renouveler ou je dois recommencer a zero? il a expiré en 2020", "passport_renewal_eligibility"),
    # online has its own rules; no choice asked is no whether
    ("can i still renew it online or do i need a new application", None),
    ("how do i renew my passport by mail", None),
])
def test_still_renewing_or_starting_over_asks_whether_it_may_be_renewed(text, topic):
    assert phrases.asks_whether_renewable(text) == topic


def test_when_to_apply_after_a_job_lost_is_eis_deadline():
    said = [UserUttered("j'ai perdu ma job hier, l'usine a fermé a drummondville", "out_of_scope")]
    status = reading(("passport_status", 0.41), ("ei_apply", 0.26))
    read = read_as(said, status, "je fais ma demande quand exactement, tout de suite?")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.deadline")
    # nothing told of a job: the reading stays
    other = [UserUttered("je pars en voyage en mai", "out_of_scope")]
    assert topic_and_entry(read_as(other, status, "je fais ma demande quand exactement, tout de suite?"))[0] == "passport_status"


def test_what_to_do_for_the_benefit_after_a_birth_is_applying_for_it():
    said = [UserUttered("mon bebe est né le 2 mars a l'hopital ste-justine", "out_of_scope")]
    missing = reading(("ccb_payment_dates", 0.59), ("ccb_apply", 0.29))
    assert topic_and_entry(read_as(said, missing, "pour l'allocation je fais quoi?"))[0] == "ccb_apply"
    # a payment said missing stays the missing payment's
    assert topic_and_entry(read_as(said, missing, "l'allocation est pas rentrée ce mois-ci, je fais quoi?"))[0] == "ccb_payment_dates"
    # no birth told: the reading stays
    other = [UserUttered("on a déménagé à Laval en mai", "out_of_scope")]
    assert topic_and_entry(read_as(other, missing, "pour l'allocation je fais quoi?"))[0] == "ccb_payment_dates"


@pytest.mark.parametrize("text, asks", [
    ("et ca va etre payé quand?", True),
    ("when will it be paid", True),
    ("quand est-ce que ça va être versé", True),
    ("et ca coute combien?", False),
])
def test_paid_when_asked_of_the_thing_named_asks_when_payments_come(text, asks):
    assert phrases.asks_when_payments_come(text) == asks


def test_paid_when_after_applying_for_the_ccb_is_its_payment_dates():
    said = [UserUttered("comment demander l'ACE", "ccb_apply")]
    off = reading(("out_of_scope", 0.98), ("ccb_payment_dates", 0.01))
    assert topic_and_entry(read_as(said, off, "et ca va etre payé quand?"))[0] == "ccb_payment_dates"


def test_a_hijab_after_the_photos_rules_is_the_photos_rule_for_it():
    said = [UserUttered("what are the passport photo rules", "passport_photo")]
    off = reading(("out_of_scope", 0.86), ("passport_photo", 0.05))
    assert topic_and_entry(read_as(said, off, "can i wear my hijab"))[0] == "passport_photo"
    # after another topic, nothing of a photo
    other = [UserUttered("how much does EI pay", "ei_eligibility")]
    assert topic_and_entry(read_as(other, off, "can i wear my hijab"))[0] == "out_of_scope"


@pytest.mark.parametrize("text, other", [
    ("ok and what are the tax brackets this year", True),
    ("c quoi les paliers d'imposition au federal", True),
    ("is ei taxable", False),
])
def test_the_tax_brackets_are_another_service(text, other):
    assert (phrases.other_service_named(text) is not None) == other
