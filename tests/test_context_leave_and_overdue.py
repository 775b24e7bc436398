"""Without a model, the thirty-fifth session's readings: whether a 5-year passport may be renewed
(renewal eligibility, not its price); "can we get that child money" after arriving in Canada (a
newcomer's CCB application); a passport due by now and not come (its status); the Repayment
Assistance Plan named but read off topic or too unsurely; a passport in time for a trip told,
for more money (the faster services); a job quit, and what it changes, after how to apply for EI
(whether quitting allows EI); sick leave told (EI's sickness benefits), then where to apply
(EI's application, not a passport's); "une personne pourrait m'aider" (a person); "were not married does
that matter" after the CCB (who applies); and "on peut l'avoir en express aussi?" after a child's fee (the service)."""

from __future__ import annotations

import pytest

from bot.engine.context import named_program_over_off_topic
from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, read_as, reading, refined_top


RENEWAL_LABELS = ["passport_fees", "passport_renewal_eligibility", "passport_renew", "passport_apply_adult"]


@pytest.mark.parametrize("text, topic", [
    ("is a 5 year passport ok for renewal or is it only the 10 year ones", "passport_renewal_eligibility"),
    ("mon passeport de 5 ans est-tu bon pour le renouvellement", "passport_renewal_eligibility"),
    # its price asked stays the fee
    ("how much is the renewal for a 5 year passport", "passport_fees"),
])
def test_whether_a_5_year_passport_may_be_renewed_is_eligibility_not_its_price(text, topic):
    assert refined_top(text, ("passport_fees", 0.36), ("passport_renewal_eligibility", 0.22), labels=RENEWAL_LABELS) == topic


@pytest.mark.parametrize("before, topic", [
    ("we just moved to canada from the philippines", "ccb_apply"),
    # no arrival told: whether it comes every month is the payment dates
    ("my kids are 5 and 9", "ccb_payment_dates"),
])
def test_can_we_get_the_child_money_after_arriving_is_a_newcomers_application(before, topic):
    events = [UserUttered(before, "out_of_scope")]
    read = read_as(events, reading(("ccb_payment_dates", 0.53), ("ccb_apply", 0.34)), "can we get that child money every month")
    assert read["intent"]["name"] == topic
    if topic == "ccb_apply":
        assert entry(read) == "ccb_apply.newcomers"


STATUS_LABELS = ["passport_status", "passport_urgent", "passport_processing_times", "passport_lost_stolen"]


@pytest.mark.parametrize("text, topic", [
    ("mon passeport devait arriver la semaine passée et toujours rien dans ma boîte aux lettres, je suis vraiment inquiète",
     "passport_status"),
    ("my passport was supposed to be here last week and still nothing", "passport_status"),
    # due, but lost since it came: the lost passport
    ("my passport was supposed to arrive last week, it came but i lost it already", "passport_urgent"),
])
def test_a_passport_due_by_now_and_not_come_is_its_status(text, topic):
    assert refined_top(text, ("passport_urgent", 0.32), ("passport_status", 0.31), labels=STATUS_LABELS) == topic


RAP_LABELS = ["student_loan_rap", "student_loan_repayment", "out_of_scope"]


@pytest.mark.parametrize("text, pairs, topic", [
    ("est ce que le salaire de mon conjoint compte dans le calcul pour l'aide au remboursement",
     (("student_loan_rap", 0.2), ("out_of_scope", 0.19)), "student_loan_rap"),
    ("est ce que le salaire de mon conjoint compte dans le calcul pour le PAR",
     (("out_of_scope", 0.72), ("student_loan_rap", 0.24)), "student_loan_rap"),
    # read surely off topic, the word is music's
    ("what do you think of the rap on the radio these days", (("out_of_scope", 0.97), ("student_loan_rap", 0.02)), "out_of_scope"),
])
def test_the_plan_named_read_off_topic_or_unsurely_is_the_plan(text, pairs, topic):
    assert refined_top(text, *pairs, labels=RAP_LABELS) == topic


@pytest.mark.parametrize("before, topic", [
    ("je pars à rome le 14 pis mon passeport est expiré", "passport_urgent"),
    # no trip told: whether it is in time for nothing said is the price asked
    ("mon passeport est expiré", "passport_fees"),
])
def test_in_time_for_a_trip_told_if_paying_more_is_the_faster_services(before, topic):
    events = [UserUttered(before, "passport_renew")]
    read = read_as(events, reading(("passport_fees", 0.66), ("passport_urgent", 0.08)), "je peux tu l'avoir a temps si je paye plus cher?")
    assert read["intent"]["name"] == topic


@pytest.mark.parametrize("text, topic", [
    ("mais j'ai lâché ma job moi, ça change de quoi?", "ei_eligibility"),
    ("i quit my job though, does that matter?", "ei_eligibility"),
    # how to apply after quitting stays applying
    ("j'ai lâché ma job, je fais ma demande comment?", "ei_apply"),
])
def test_a_job_quit_and_what_it_changes_after_how_to_apply_is_whether_quitting_allows_ei(text, topic):
    events = [UserUttered("comment faire une demande d'assurance emploi", "ei_apply")]
    read = read_as(events, reading(("ei_apply", 0.69), ("ei_eligibility", 0.2)), text)
    assert read["intent"]["name"] == topic
    if topic == "ei_eligibility":
        assert entry(read) == "ei_eligibility.quit"


def test_sick_leave_told_is_eis_then_where_to_apply_is_eis_application():
    text = "je suis en arrêt maladie depuis lundi, j'ai un billet du medecin"
    assert phrases.programs_named(text) == {"ei_"}
    assert phrases.programs_named("je suis en congé de maladie") == {"ei_"}
    assert phrases.programs_named("what's the sick leave policy at walmart") == {"ei_"}  # named; the model reads it off topic surely
    off = reading(("out_of_scope", 0.51), ("ei_apply", 0.3), ("ei_eligibility", 0.05))
    assert named_program_over_off_topic(off, text)["intent"]["name"] == "ei_apply"
    where = reading(("passport_where_apply", 0.56), ("ei_apply", 0.1))
    read = read_as([UserUttered(text, "ei_apply")], where, "je fais ma demande ou?")
    assert read["intent"]["name"] == "ei_apply"
    # after a passport's topic, the passport's
    read = read_as([UserUttered("je veux un passeport", "passport_apply_adult")], where, "je fais ma demande ou?")
    assert read["intent"]["name"] == "passport_where_apply"


@pytest.mark.parametrize("text, asked", [
    ("Bonjour, je suis âgée et je ne comprends pas bien ces machines. Est-ce qu'une personne pourrait m'aider s'il vous plaît?", True),
    ("une vraie personne peut-tu m'appeler", True),
    # nobody can help: no person asked for
    ("personne peut m'aider avec ça, c'est ridicule", False),
])
def test_a_person_who_could_help_is_a_person_asked_for(text, asked):
    assert phrases.asks_for_person(text) is asked


@pytest.mark.parametrize("text, topic", [
    ("were not married does that matter", "ccb_apply"),
    ("on est conjoints de fait, ça change tu quelque chose?", "ccb_apply"),
    # a no to something else stays a no
    ("no we dont", "deny"),
])
def test_a_couples_status_and_whether_it_matters_after_the_ccb_is_who_applies(text, topic):
    events = [UserUttered("how do i get ccb for my newborn", "ccb_apply")]
    read = read_as(events, reading(("deny", 0.62), ("ccb_apply", 0.2)), text)
    assert read["intent"]["name"] == topic
    if topic == "ccb_apply":
        assert entry(read) == "ccb_apply.which_parent"


@pytest.mark.parametrize("text, topic", [
    ("et on peut l'avoir en express aussi?", "passport_urgent"),
    # the service's price asked is that passport's fee with it
    ("et avec l'express?", "passport_fees"),
    ("et on peut l'avoir en express? ça coûte combien?", "passport_fees"),
])
def test_the_express_service_asked_for_too_after_a_childs_fee_is_the_service(text, topic):
    events = [UserUttered("combien coute un passeport pour enfant", "passport_fees")]
    read = read_as(events, reading(("passport_urgent", 0.97), ("passport_fees", 0.02)), text)
    assert read["intent"]["name"] == topic
