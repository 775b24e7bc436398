"""Without a model, the forty-sixth session's first round: a photo page that peels; after a topic,
using the damaged passport to fly, a town alone after where to apply, Hong Kong after a child's
fee, "enfant?" after the fees, which application a child turning 16 needs, and the weather's
weekend after the weather; a Canadian in Boston mailing an application; renewing when only a 5-year
passport is held; a new one when renewing is ruled out; whether a foreign student may get a SIN;
an application feared lost; photos reused for a renewal; Service Canada or a passport office;
a daughter born abroad; a trip on the 19th when today is the 16th; paying a Canada loan online; a
phone appointment with an agent; a language asked for a wife who will read it. Not ours: a health
card, a stolen credit card, a driving test, a French identity card, the STM's strike."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any, Dict

import pytest

from actions.situation import lives_outside_canada, renewal_situation, travel_window
from bot.engine.context import in_context
from bot.engine.context.passports import told_damaged
from bot.engine.context.topic_rules import named_program_over_off_topic
from bot.nlu import phrases
from tests.support.readings import UserUttered, parser, read_after, reading, refined_top, topic_and_entry, with_entry

LABELS = ["out_of_scope", "nlu_fallback", "request_human", "choose_language", "sin_apply", "sin_protect", "passport_renew",
          "passport_renewal_eligibility", "passport_apply_adult", "passport_child", "passport_fees", "passport_photo",
          "passport_status", "passport_where_apply", "passport_urgent", "passport_processing_times", "ccb_apply"]


def _alone(alone: Dict[str, Any]):
    async def parse(said: str) -> Dict[str, Any]:
        return alone

    return parse


def test_a_peeling_photo_page_is_a_damaged_passport_but_a_plane_taking_off_is_not():
    assert told_damaged("the photo page on my passport is peeling off")
    assert told_damaged("la page photo de mon passeport se décolle")
    assert not told_damaged("mon avion décolle à 6 h, mon passeport est dans mon sac")


def test_using_it_to_fly_after_a_peeling_page_is_the_damaged_passports_answer_not_photos():
    said = [UserUttered("my passport got wet in the wash and the photo page is peeling", "passport_renew")]
    alone = reading(("passport_photo", 0.9), ("passport_renew", 0.05))
    read = asyncio.run(in_context(alone, "can i still use it to fly", said, _alone(alone)))
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.damaged")
    # new photos asked after it stay photos
    photos = asyncio.run(in_context(alone, "do i need new photos for that", said, _alone(alone)))
    assert photos["intent"]["name"] == "passport_photo"


def test_the_weekend_after_the_weather_stays_off_topic():
    said = [UserUttered("y va tu pleuvoir demain à montréal", "out_of_scope")]
    alone = reading(("ei_apply", 0.32), ("passport_urgent", 0.25))
    combined = with_entry(reading(("passport_urgent", 0.41), ("out_of_scope", 0.22)), "passport_urgent.proof_of_travel")
    parse = parser({"y va tu pleuvoir demain à montréal ok pis en fin de semaine?": combined})
    assert read_after(said, alone, "ok pis en fin de semaine?", parse)["intent"]["name"] == "out_of_scope"
    # a passport named after the weather is the passport's question
    fees = reading(("passport_fees", 0.7), ("out_of_scope", 0.2))
    named = read_after(said, fees, "ok pis un passeport ça coûte combien?", parser({}))
    assert named["intent"]["name"] == "passport_fees"


def test_a_place_abroad_of_unknown_words_after_a_childs_fee_is_the_fee_from_there():
    said = [UserUttered("whats the fee for a child passport", "passport_fees")]
    alone = reading(("out_of_scope", 0.82), ("passport_fees", 0.1))
    fees = with_entry(reading(("passport_fees", 0.9), ("passport_child", 0.05)), "passport_fees.abroad_child")
    read = read_after(said, alone, "we live in hong kong", parser({"whats the fee for a child passport we live in hong kong": fees,
                                                                   "whats the fee for a child passport": fees}))
    assert read["intent"]["name"] == "passport_fees"


def test_a_town_alone_after_where_to_apply_is_where_in_canada():
    said = [UserUttered("where to apply for a passport", "passport_where_apply")]
    read = read_after(said, reading(("nonsense", 0.44), ("out_of_scope", 0.2)), "halifax")
    assert topic_and_entry(read) == ("passport_where_apply", "passport_where_apply.overview")
    # a word that is no town stays what it was read as
    assert read_after(said, reading(("nonsense", 0.44), ("out_of_scope", 0.2)), "asdfgh")["intent"]["name"] == "nonsense"


def test_whom_alone_after_the_fees_is_the_fee_for_them():
    said = [UserUttered("frais passeport", "passport_fees")]
    child_fee = with_entry(reading(("passport_fees", 0.9), ("passport_child", 0.05)), "passport_fees.child_canada")
    alone = with_entry(reading(("passport_child", 0.7), ("passport_fees", 0.2)), "passport_child.guarantor")
    read = read_after(said, alone, "enfant?", parser({"frais passeport enfant?": child_fee,
                                                      "frais passeport": reading(("passport_fees", 0.95))}))
    assert read["intent"]["name"] == "passport_fees"


def test_which_application_after_a_child_turning_16_is_the_childs_age_rule_not_a_status():
    said = [UserUttered("le passeport d'enfant de ma fille expire en juin, elle aura 16 ans en juillet", "passport_child")]
    alone = reading(("passport_status", 0.61), ("passport_child", 0.2))
    whole = with_entry(reading(("passport_child", 1.0)), "passport_child.age")
    read = read_after(said, alone, "on fait quelle demande?", parser(
        {"le passeport d'enfant de ma fille expire en juin, elle aura 16 ans en juillet on fait quelle demande?": whole}))
    assert topic_and_entry(read) == ("passport_child", "passport_child.age")
    # where an application stands stays its status
    sure = reading(("passport_status", 0.9), ("passport_child", 0.05))
    assert read_after(said, sure, "ma demande est rendue où?", parser({}))["intent"]["name"] == "passport_status"


def test_paying_a_canada_loan_online_read_off_topic_is_repaying_it():
    text = "comment je paye mon prêt canadien en ligne? j'ai déménagé de l'ontario à montréal pis j'ai pu aucun papier"
    read = reading(("out_of_scope", 0.79), ("student_loan_repayment", 0.08), ("student_loan_rap", 0.06))
    assert named_program_over_off_topic(read, text)["intent"]["name"] == "student_loan_repayment"
    # without a payment asked, which of the two
    unsure = named_program_over_off_topic(read, "mon prêt canadien, j'ai déménagé de l'ontario à montréal pis j'ai pu aucun papier")
    assert unsure["intent"]["name"] == "nlu_fallback"


@pytest.mark.parametrize("text, top, second, expected", [
    ("Je suis à Boston, j'ai la double citoyenneté canado-américaine. Puis-je envoyer ma demande directement à Gatineau par la poste ?",
     "out_of_scope", "passport_where_apply", "passport_where_apply"),
    ("je suis à montréal, puis-je envoyer ma demande de carte opus par la poste ?", "out_of_scope", "passport_where_apply", "out_of_scope"),
    ("can u renew if ur current one is a 5 year passport? or only the 10 year ones", "passport_renew", "passport_renewal_eligibility",
     "passport_renewal_eligibility"),
    ("ok so if i cant renew what do i need for a new one then", "passport_renew", "passport_apply_adult", "passport_apply_adult"),
    ("je suis étudiante étrangère à l'UdeM, est-ce que j'ai droit à un NAS?", "sin_apply", "out_of_scope", "sin_apply"),
    ("ils ont-tu perdu mon dossier?? j'ai jamais eu de nouvelles depuis janvier pis j'ai envoyé mon certificat de naissance original",
     "passport_apply_adult", "passport_status", "passport_status"),
    ("ça prend-tu des nouvelles photos pour un renouvellement ou je peux réutiliser celles de mon dernier passeport",
     "passport_renewal_eligibility", "passport_photo", "passport_photo"),
    ("can i apply at any service canada centre or only a passport office if i need it in 10 days", "passport_processing_times",
     "passport_where_apply", "passport_where_apply"),
    ("ma fille est née à Bruxelles, son père est canadien, moi je suis belge. quelle preuve de citoyenneté pour son passeport canadien?",
     "passport_apply_adult", "passport_child", "passport_child"),
    ("my son was born in texas, he is 25, what proof of citizenship for his canadian passport?", "passport_apply_adult", "passport_child",
     "passport_apply_adult"),
    ("est-ce que je peux avoir un rendez-vous téléphonique avec un agent pour mon dossier d'allocation pour enfants?", "ccb_apply",
     "request_human", "request_human"),
    ("en anglais stp, ma femme veut lire la réponse aussi", "ccb_apply", "choose_language", "choose_language"),
])
def test_boston_renewals_sins_lost_applications_photos_offices_births_calls_and_languages(text, top, second, expected):
    assert refined_top(text, (top, 0.5), (second, 0.3), labels=LABELS) == expected


def test_an_appointment_at_an_office_is_no_request_for_a_person():
    assert not phrases.asks_for_person("je veux un rendez-vous avec un agent au bureau des passeports")
    assert phrases.asks_for_person("can i book a phone appointment with an officer about my ccb")


def test_where_one_lives_or_moved_to_is_no_passports_year_nor_is_its_expiry():
    assert renewal_situation("J'habite à Genève depuis 2019. Puis-je renouveler mon passeport canadien par la poste ?") == {}
    assert renewal_situation("mon passeport expire le 14 août 2026, je devrais envoyer mon renouvellement quand?",
                             date(2026, 12, 4)) == {}
    assert renewal_situation("my passport is from 2019, can i renew it", date(2026, 12, 4)) == {"renewal_issued_recently": True}


def test_a_trip_on_a_day_with_where_to_when_today_is_told():
    text = "je dois partir le 19 à Bogotá pour les funérailles de mon père, on est le 16, est-ce possible d'avoir un passeport à temps?"
    assert travel_window(text, date(2026, 12, 4)) == "soon"


def test_a_stay_of_2_years_is_no_childs_age_and_boston_is_in_the_united_states():
    assert not phrases.names_a_child("et si je suis à l'étranger? je travaille à bruxelles pour 2 ans")
    assert lives_outside_canada("Je suis à Boston, j'ai la double citoyenneté canado-américaine")


@pytest.mark.parametrize("text, ours", [
    ("ok merci. pis ma carte soleil elle se renouvelle comment", False),
    ("ok merci. ma carte de crédit était dedans aussi, j'appelle qui?", False),
    ("mon passeport pis ma carte de crédit étaient dedans, je fais quoi", True),
    ("pis il peut-tu passer son permis de conduire à 16 ans?", False),
    ("can i use my drivers licence as id for my passport", True),
    ("comment renouveler ma carte d'identité française aussi?", False),
    ("la stm est-tu encore en grève? faut que j'aille à mon rendez-vous", False),
])
def test_a_health_card_credit_card_driving_test_french_id_and_transit_strike_are_not_ours(text, ours):
    named = phrases.other_service_named(text)
    assert (named is None or bool(phrases.programs_named(text))) == ours
