"""Without a model, the thirty-first session's readings: a passport told overdue (its status), a
sent application with nothing heard and no program named (asked which), the time left to apply
after one's last day (EI's deadline), a passport office's opening days (where to apply), booking
asked after where to apply (the appointment), a life change asked as the cause of a CCB payment
missed (why payments stop), a province's own child benefit (not the CCB), a call back asked for
through someone, and a language request whose reason names a helper."""

from __future__ import annotations

import asyncio
from functools import partial

import pytest

from bot.engine.context import in_context
from bot.nlu import phrases
from tests.support.readings import BotUttered, UserUttered, entry, reading, refined_top, unsure_parse


LABELS = ["passport_where_apply", "passport_status", "passport_urgent", "passport_processing_times", "ei_apply",
          "out_of_scope", "request_human"]  # the model's intents these tests reach


top = partial(refined_top, labels=LABELS)


@pytest.mark.parametrize("text, topic, surely", [
    ("mon passeport devait arriver la semaine passée pis je pars le 12 juin, je m'inquiète", "passport_status", "passport_status"),
    ("my passport was supposed to come last week and i fly on the 20th", "passport_status", "passport_status"),
    # no trip told: late, however sure the reading (the thirty-third session)
    ("mon passeport devait arriver la semaine passée, il est pas dans ma boite aux lettres", "passport_status", "passport_status"),
    # a trip within two weeks: a sure reading of the urgent service stays
    ("my passport was supposed to come last week and i fly in 3 days", "passport_status", "passport_urgent"),
    # lost, not late
    ("my passport was supposed to come last week but i think it got lost in the mail", "passport_urgent", "passport_urgent"),
])
def test_a_passport_told_overdue_is_its_status_unless_read_surely_with_a_trip_soon(text, topic, surely):
    assert top(text, ("passport_urgent", 0.3), ("passport_status", 0.28), ("passport_processing_times", 0.2)) == topic
    assert top(text, ("passport_urgent", 0.9), ("passport_status", 0.05)) == surely


@pytest.mark.parametrize("text, overdue", [
    ("mon passeport devait arriver la semaine passée", True),
    ("my new passport still hasn't arrived", True),
    ("mon passeport est toujours pas arrivé", True),
    ("when is my passport supposed to arrive", False),
    ("my passport expires next month", False),
])
def test_a_passport_overdue_is_told_in_either_language(text, overdue):
    assert phrases.passport_overdue(text) is overdue


@pytest.mark.parametrize("text", [
    "how long after my last day do i have to apply",
    "j'ai jusqu'a quand apres ma derniere journee pour faire ma demande",
])
def test_the_time_left_to_apply_after_the_last_day_is_eis(text):
    assert top(text, ("passport_processing_times", 0.8), ("ei_apply", 0.1)) == "ei_apply"


def test_the_last_day_with_a_passport_named_is_not_eis():
    text = "how long after my last day at work do i have to apply for my passport before my trip"
    assert not phrases.asks_time_to_apply_after_work(text)


@pytest.mark.parametrize("text, hours", [
    ("is the passport office in ottawa open on saturday", True),
    ("est ce que le bureau de passeport de québec est ouvert le samedi", True),
    ("passport office open sunday emergency", False),  # the weekend's emergency service
    ("where is the passport office in ottawa", False),
])
def test_a_passport_offices_opening_days_are_where_to_apply(text, hours):
    assert phrases.asks_passport_office_hours(text) is hours
    if hours:
        assert top(text, ("out_of_scope", 0.5), ("passport_urgent", 0.2)) == "passport_where_apply"


def test_opening_days_get_the_office_finder_not_the_post_offices_entry():
    read = {**reading(("passport_where_apply", 0.9)), "knowledge": {"id": "passport_where_apply.canada_post", "score": 0.7}}
    got = asyncio.run(in_context(read, "is the passport office in ottawa open on saturday", [], unsure_parse))
    assert entry(got) == "passport_where_apply.overview"


@pytest.mark.parametrize("follow_up", ["do i need to book first?", "faut-tu un rdv?"])
def test_booking_asked_after_where_to_apply_is_the_appointment(follow_up):
    said = [UserUttered("where can i apply for a passport in surrey bc", "passport_where_apply"), BotUttered("")]
    read = {**reading(("passport_apply_adult", 0.85), ("passport_where_apply", 0.1)),
            "knowledge": {"id": "passport_apply_adult.in_person_vs_mail", "score": 0.6}}
    got = asyncio.run(in_context(read, follow_up, said, unsure_parse))
    assert (got["intent"]["name"], entry(got)) == ("passport_where_apply", "passport_where_apply.appointment")
    # after a first passport's documents, a first passport's reading of it stays
    first = [UserUttered("what documents for my first passport", "passport_apply_adult"), BotUttered("")]
    assert asyncio.run(in_context(read, follow_up, first, unsure_parse))["intent"]["name"] == "passport_apply_adult"


@pytest.mark.parametrize("first, follow_up", [
    ("j'ai pas eu mon allocation ce mois-ci", "j'ai déménagé en mars, c'est-tu à cause de ça"),
    ("my ccb stopped", "i moved in march, is that why?"),
    ("my ccb didnt come this month", "we got married in june, could that be the reason"),
])
def test_a_life_change_asked_as_the_cause_of_a_ccb_payment_missed_is_why_payments_stop(first, follow_up):
    said = [UserUttered(first, "ccb_payment_dates"), BotUttered("")]
    got = asyncio.run(in_context(reading(("complaint", 0.56), ("ccb_payment_dates", 0.07)), follow_up, said, unsure_parse))
    assert entry(got) == "ccb_payment_dates.payment_stopped"
    # told without asking why, it is not read as the cause
    told = asyncio.run(in_context(reading(("complaint", 0.56), ("ccb_payment_dates", 0.07)), "i moved in march", said, unsure_parse))
    assert entry(told) != "ccb_payment_dates.payment_stopped"


def test_an_application_sent_with_nothing_heard_and_no_program_named_is_asked_which():
    text = "ca fait 7 semaines que jai envoyé ma demande pis toujours rien, c normal??"
    got = asyncio.run(in_context(reading(("ei_apply", 0.6), ("passport_status", 0.14)), text, [], unsure_parse))
    assert [r["name"] for r in got["intent_ranking"][:3]] == ["nlu_fallback", "passport_status", "ei_apply"]
    # EI named: its own reading stays
    named = asyncio.run(in_context(reading(("ei_apply", 0.6), ("passport_status", 0.14)),
                                   "ca fait 7 semaines que jai envoyé ma demande de chomage pis toujours rien", [], unsure_parse))
    assert named["intent"]["name"] == "ei_apply"


@pytest.mark.parametrize("text, other", [
    ("whats the ontario child benefit amount", True),
    ("c quand le paiement de l'allocation famille", True),
    ("c quand le paiement de l'allocation famille pis l'ACE", False),  # the CCB named beside it
    ("when is the canada child benefit paid", False),
])
def test_a_provinces_child_benefit_does_not_name_the_ccb_by_its_own_words(text, other):
    assert phrases.names_another_program(text) is other


@pytest.mark.parametrize("text, other", [
    ("je dois changer mon adresse a l'ARC pour mes impots, je fais ca ou", True),
    ("how do i change my address with the cra", True),
    ("i moved, how do i change my address with cra so my ccb keeps coming", False),  # the CCB's
])
def test_an_address_changed_with_the_cra_is_theirs_unless_the_ccb_is_named(text, other):
    assert phrases.other_service_named(text) is not None
    assert phrases.names_another_program(text) is other


@pytest.mark.parametrize("text", [
    "can i get another loan to go back to school in september",
    "je peux tu avoir un autre prêt pour retourner aux études",
])
def test_a_new_loan_to_go_back_to_school_is_not_repaying(text):
    assert phrases.asks_for_another_service(text)


@pytest.mark.parametrize("text", [
    "pouvez-vous demander à quelqu'un de me rappeler au sujet de mon dossier d'assurance-emploi",
    "can you have someone call me back about my ei claim",
])
def test_a_call_back_through_someone_reaches_an_officer(text):
    assert phrases.forced_intent(text) == "request_human"


def test_a_language_request_whose_reason_names_a_helper_is_one():
    assert phrases.asks_for_language("peux-tu switcher en anglais, c'est mon chum américain qui m'aide")
    # a question after the request is more than a reason
    assert not phrases.asks_for_language("en anglais svp, qui je dois appeler pour mon passeport perdu à Paris")


def test_a_benefits_own_thing_awaited_keeps_the_benefits_reading():
    text = "Ça fait 2 semaines que j'ai fait ma demande pis j'ai toujours pas reçu mon code d'accès par la poste"
    assert asyncio.run(in_context(reading(("ei_apply", 0.6), ("passport_status", 0.14)), text, [], unsure_parse))["intent"]["name"] == "ei_apply"
