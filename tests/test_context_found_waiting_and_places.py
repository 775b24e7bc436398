"""Without a model, the thirty-sixth session's first round: an expired passport told after a trip
within days (the urgent service); a lost passport found again, asked after "are you travelling?"
(the found passport's answer, not a "no"); EI's waiting period named in French alone or as a
week of waiting after EI; the hours asked after a record of employment; keeping a stolen SIN
from being used; a passport whose whereabouts are unknown (lost); one's own passport torn by a
child (damaged, not a child's passport); a Canadian town that pulls the reading to the United
States' answer; arriving from another country after the CCB; the conditions asked after an
online renewal; a late passport with a trip soon (its status); and other services (a lost
citizenship certificate, Quebec's work premium, an airline's refund, wine declared at customs)."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from bot.nlu.places import without_places
from tests.support.readings import BotAction, UserUttered, entry, parser, read_after, read_as, reading, refined_top, topic_and_entry



def test_an_expired_passport_after_a_trip_within_days_is_the_urgent_service():
    events = [UserUttered("my flight to delhi is in 3 days", "out_of_scope")]
    read = read_as(events, reading(("passport_renew", 0.89), ("passport_urgent", 0.05)),
                   "just realized my passport expired last month what do i do")
    assert read["intent"]["name"] == "passport_urgent"
    # a trip in a month leaves time to renew as usual
    events = [UserUttered("my flight to delhi is in 2 months", "out_of_scope")]
    read = read_as(events, reading(("passport_renew", 0.89), ("passport_urgent", 0.05)),
                   "just realized my passport expired last month what do i do")
    assert read["intent"]["name"] == "passport_renew"


@pytest.mark.parametrize("text, found", [
    ("ok but if i find it can i still use it to go to cuba next month", True),
    ("si je le retrouve je peux encore voyager avec?", True),
    # the trip told in reply to the question is a "no"
    ("no, next month", False),
])
def test_a_passport_found_again_asked_after_are_you_travelling_is_the_found_passports_answer(text, found):
    events = [UserUttered("lost my passport on the subway", "passport_lost_stolen"), BotAction("utter_ask_travel_soon")]
    read = read_as(events, reading(("passport_lost_stolen", 0.9), ("deny", 0.05)), text)
    if found:
        assert topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.found")
    else:
        assert read["intent"]["name"] == "deny"


def test_eis_waiting_period_named_in_french_alone_is_eis():
    read = read_after([], reading(("out_of_scope", 0.79), ("ei_apply", 0.1)), "c quoi le delai de carence")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.waiting_period")
    # an iron deficiency ("carence en fer") is no waiting period
    read = read_after([], reading(("out_of_scope", 0.79), ("ei_apply", 0.1)), "c'est quoi une carence en fer")
    assert read["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("before, topic", [
    (UserUttered("l'assurance emploi paie combien", "ei_eligibility"), "ei_apply"),
    # after a passport question, a week of waiting is the passport's wait complained of
    (UserUttered("combien de temps pour un passeport", "passport_processing_times"), "complaint"),
])
def test_a_week_of_waiting_after_ei_is_its_waiting_period(before, topic):
    read = read_as([before], reading(("complaint", 0.44), ("ei_apply", 0.2)), "pis la semaine d'attente c quoi ca")
    assert read["intent"]["name"] == topic


def test_the_hours_asked_after_a_record_of_employment_are_eis_hours():
    events = [UserUttered("got my ROE today from the warehouse", "out_of_scope")]
    read = read_as(events, reading(("out_of_scope", 0.66), ("ei_eligibility", 0.2)), "how many hours do i need? it says 510 on it")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.hours_needed")
    # a gym's hours after nothing of EI are not
    events = [UserUttered("i joined a gym today", "out_of_scope")]
    read = read_as(events, reading(("out_of_scope", 0.66), ("ei_eligibility", 0.2)), "how many hours do i need to train")
    assert read["intent"]["name"] == "out_of_scope"


def test_keeping_a_stolen_sin_from_being_used_is_protecting_it():
    events = [UserUttered("on m'a volé mon portefeuille avec ma carte d'assurance sociale dedans", "sin_protect")]
    read = read_as(events, reading(("help", 0.68), ("sin_protect", 0.2)), "je dois faire quoi pour que personne s'en serve")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.stolen_or_fraud")
    # after a passport, the same words are not the SIN's
    events = [UserUttered("on m'a volé mon passeport", "passport_lost_stolen")]
    read = read_as(events, reading(("help", 0.68), ("sin_protect", 0.2)), "je dois faire quoi pour que personne s'en serve")
    assert read["intent"]["name"] != "sin_protect"


LOST_LABELS = ["passport_lost_stolen", "passport_urgent", "passport_status", "out_of_scope"]


@pytest.mark.parametrize("text, topic", [
    ("jsp ou est mon passeport depuis le demenagement, je pars dans 3 semaines pour cuba", "passport_lost_stolen"),
    ("idk where my passport is since we moved", "passport_lost_stolen"),
    # where to apply is not known: nothing is lost
    ("je sais pas ou faire ma demande de passeport", "passport_urgent"),
])
def test_a_passport_whose_whereabouts_are_unknown_is_lost(text, topic):
    assert refined_top(text, ("passport_lost_stolen", 0.31) if topic == "passport_lost_stolen" else ("passport_urgent", 0.31),
                       ("passport_status", 0.28), labels=LOST_LABELS) == topic


def test_a_lost_passport_read_unsurely_is_decided_surely():
    from bot.nlu.classifier import refine

    text = "jsp ou est mon passeport depuis le demenagement, je pars dans 3 semaines pour cuba"
    ranking = refine(text, [{"name": "passport_lost_stolen", "confidence": 0.31}, {"name": "passport_urgent", "confidence": 0.28}],
                     LOST_LABELS)
    assert ranking[0] == {"name": "passport_lost_stolen", "confidence": 1.0}


def test_ones_own_passport_torn_by_a_child_is_a_damaged_passport():
    told = "mon passeport est tout dechiré, mon fils a joué avec"
    read = read_after([], reading(("passport_child", 0.82), ("passport_renew", 0.1)), told)
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.damaged")
    # the child's own passport torn stays the child's
    read = read_after([], reading(("passport_child", 0.82), ("passport_renew", 0.1)), "le passeport de mon fils est tout dechiré")
    assert read["intent"]["name"] == "passport_child"
    # and travelling with it, asked after, is the damaged passport's question
    read = read_as([UserUttered(told, "passport_renew")], reading(("passport_child", 0.75), ("passport_renew", 0.1)),
                   "je peux encore voyager avec?")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.damaged")


def test_a_canadian_town_is_not_the_united_states():
    text = "can i mail in my renewal or do i have to go in person, i live in a small town near miramichi nb"
    from_us = {**reading(("passport_where_apply", 0.96)), "knowledge": {"id": "passport_where_apply.from_us", "score": 0.6}}
    by_mail = {**reading(("passport_where_apply", 0.96)), "knowledge": {"id": "passport_where_apply.by_mail", "score": 0.8}}
    read = read_after([], from_us, text, parser({without_places(text): by_mail}))
    assert entry(read) == "passport_where_apply.by_mail"
    # the United States named keeps its answer
    text = "i live in a small town near plattsburgh new york, can i mail in my renewal"
    read = read_after([], from_us, text, parser({without_places(text): by_mail}))
    assert entry(read) == "passport_where_apply.from_us"


def test_arriving_from_another_country_after_the_ccb_is_a_newcomers_application():
    events = [UserUttered("comment demander l'allocation canadienne pour enfants", "ccb_apply")]
    read = read_as(events, reading(("out_of_scope", 0.42), ("ccb_apply", 0.2)), "nous sommes arrivés en janvier de syrie, ca change quoi?")
    assert topic_and_entry(read) == ("ccb_apply", "ccb_apply.newcomers")
    # after a passport question it is no CCB
    events = [UserUttered("comment renouveler mon passeport", "passport_renew")]
    read = read_as(events, reading(("out_of_scope", 0.42), ("ccb_apply", 0.2)), "nous sommes arrivés en janvier de syrie, ca change quoi?")
    assert read["intent"]["name"] != "ccb_apply"


def test_the_conditions_asked_after_an_online_renewal_are_its_conditions():
    asked = "est-ce que je peux renouveler mon passeport en ligne"
    text = "ok c'est quoi les conditions pour avoir le droit?"
    whole = {**reading(("passport_renew", 0.9)),
             "knowledge": {"id": "passport_renew.online", "score": 0.8,
                           "by_intent": {"passport_renew": {"id": "passport_renew.online", "score": 0.8}}}}
    read = read_after([UserUttered(asked, "passport_renew")], reading(("nlu_fallback", 0.19), ("passport_renew", 0.18)), text,
                      parser({f"{asked} {text}": whole}))
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.online")


OVERDUE_LABELS = ["passport_urgent", "passport_status", "passport_lost_stolen", "out_of_scope"]


@pytest.mark.parametrize("pairs, topic", [
    ((("passport_urgent", 0.53), ("passport_status", 0.26)), "passport_status"),
    # read surely as the urgent service, it stays
    ((("passport_urgent", 0.8), ("passport_status", 0.1)), "passport_urgent"),
])
def test_a_late_passport_with_a_trip_soon_read_unsurely_is_its_status(pairs, topic):
    text = "mon passeport devait etre pret la semaine passee pis je pars le 12, ca me stresse en masse"
    assert refined_top(text, *pairs, labels=OVERDUE_LABELS) == topic


@pytest.mark.parametrize("text", [
    "et mon certificat de citoyenneté que j'ai perdu, je le redemande comment?",
    "pis la prime au travail du quebec je peux la demander aussi?",
    "merci! sais-tu si air canada rembourse si je dois changer mon vol?",
    "on va a plattsburgh en fin de semaine, faut tu declarer le vin qu'on rapporte",
])
def test_other_services_are_named(text):
    assert phrases.other_service_named(text) is not None


@pytest.mark.parametrize("text", [
    "if my passport takes longer than 30 days do i get a refund",
    "est-ce que je dois declarer mon passeport perdu a la police",
])
def test_our_own_questions_name_no_other_service(text):
    assert phrases.other_service_named(text) is None


def test_the_papers_asked_after_a_newcomers_ccb_are_the_ccbs():
    events = [UserUttered("can newcomers get ccb", "ccb_apply"), UserUttered("we came from syria in january", "ccb_apply")]
    read = read_as(events, reading(("sin_apply", 0.53), ("ccb_apply", 0.3)), "what papers do they need from us")
    assert topic_and_entry(read) == ("ccb_apply", "ccb_apply.newcomers")
    # the SIN named keeps the SIN's
    read = read_as(events, reading(("sin_apply", 0.53), ("ccb_apply", 0.3)), "what papers do they need for the sin")
    assert read["intent"]["name"] == "sin_apply"
