"""bot/engine/context/ without a model: follow-ups whose topic the conversation, not their
own few words, decides: how long the urgent or express service takes, and how to sign up for
the Repayment Assistance Plan just explained."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

from bot.engine.context import in_context
from tests.support.readings import BotAction, UserUttered, reading


def _with(readings: Dict[str, Dict[str, Any]], default: Dict[str, Any]):
    async def parse(said: str) -> Dict[str, Any]:
        return readings.get(said, default)

    return parse


def _read(earlier: str, earlier_intent: str, text: str, alone: Dict[str, Any], combined: Dict[str, Any]) -> Dict[str, Any]:
    async def parse(said: str) -> Dict[str, Any]:
        return combined if said.endswith(text) else reading((earlier_intent, 0.9))

    return asyncio.run(in_context(alone, text, [UserUttered(earlier, earlier_intent)], parse))


EXPRESS_FEE = "how much is express passport service?"
TIMES = reading(("passport_processing_times", 0.9), ("passport_urgent", 0.05))


def test_how_long_after_the_express_fee_is_the_express_services_own_time():
    read = _read(EXPRESS_FEE, "passport_fees", "and how long does it take", TIMES, TIMES)
    assert read["intent"]["name"] == "passport_urgent"
    assert read["read_with"] == EXPRESS_FEE


def test_how_long_the_regular_service_takes_stays_processing_times():
    read = _read(EXPRESS_FEE, "passport_fees", "and how long does regular take", TIMES, TIMES)
    assert read["intent"]["name"] == "passport_processing_times"


def test_how_long_after_a_renewal_question_stays_processing_times():
    read = _read("i want to renew my passport", "passport_renew", "and how long does it take", TIMES, TIMES)
    assert read["intent"]["name"] == "passport_processing_times"


RAP = "je peux plus payer mon prêt étudiant, j'ai perdu ma job"


def test_signing_up_for_the_plan_just_explained_is_how_to_apply_for_it():
    alone = reading(("out_of_scope", 0.43), ("student_loan_repayment", 0.27), ("help", 0.14))
    combined = reading(("student_loan_repayment", 0.65), ("student_loan_rap", 0.3))
    read = _read(RAP, "student_loan_rap", "comment je m'inscris à ça?", alone, combined)
    assert read["intent"]["name"] == "student_loan_rap"
    assert read["knowledge"]["id"] == "student_loan_rap.how_apply"


def test_signing_up_after_repaying_in_general_is_left_to_the_reading():
    alone = reading(("out_of_scope", 0.43), ("student_loan_repayment", 0.27), ("help", 0.14))
    combined = reading(("student_loan_repayment", 0.65), ("student_loan_rap", 0.3))
    read = _read("when do i start repaying my student loan", "student_loan_repayment", "how do i sign up", alone, combined)
    assert read["intent"]["name"] == "student_loan_repayment"


def test_a_question_naming_one_of_our_programs_is_not_left_off_topic():
    from bot.engine.context import named_program_over_off_topic

    text = "je suis étudiant avec un permis d'études, comment je fais pour obtenir mon numéro d'assurance sociale?"
    read = named_program_over_off_topic(reading(("out_of_scope", 0.9), ("sin_apply", 0.08), ("sin_protect", 0.01)), text)
    assert read["intent"]["name"] == "sin_apply"
    # the program's two topics weighed alike: which of them, asked
    unsure = named_program_over_off_topic(reading(("out_of_scope", 0.8), ("sin_apply", 0.1), ("sin_protect", 0.09)), text)
    assert [r["name"] for r in unsure["intent_ranking"][:3]] == ["nlu_fallback", "sin_apply", "sin_protect"]


def test_off_topic_stays_when_another_service_or_only_a_passport_is_named_or_a_rule_decided():
    from bot.engine.context import named_program_over_off_topic

    off = reading(("out_of_scope", 0.9), ("ei_apply", 0.08))
    assert named_program_over_off_topic(off, "je peux tu avoir l'AE pis l'aide sociale en même temps")["intent"]["name"] == "out_of_scope"
    assert named_program_over_off_topic(reading(("out_of_scope", 0.9), ("passport_fees", 0.08)),
                                        "je peux tu amener mon passeport à la banque comme pièce d'identité")["intent"]["name"] == "out_of_scope"
    assert named_program_over_off_topic(reading(("out_of_scope", 1.0), ("ei_apply", 0.0)),
                                        "comment faire une demande d'assurance-emploi")["intent"]["name"] == "out_of_scope"
    # French only (bot/engine/context/topic_rules.py says why)
    assert named_program_over_off_topic(reading(("out_of_scope", 0.9), ("sin_apply", 0.08), ("sin_protect", 0.01)),
                                        "how do i get my social insurance number as a student")["intent"]["name"] == "out_of_scope"


def test_not_able_to_pay_a_student_loan_is_the_repayment_assistance_plan():
    alone = reading(("student_loan_repayment", 0.8), ("student_loan_rap", 0.1))
    for text in ("what if i cant pay when it starts", "dont make enough to pay my student loan whats my option",
                 "je pourrai pas payer mon prêt, je fais quoi"):
        read = asyncio.run(in_context(alone, text, [], _never))
        assert read["intent"]["name"] == "student_loan_rap", text
    assert asyncio.run(in_context(alone, "when is my first payment", [], _never))["intent"]["name"] == "student_loan_repayment"


async def _never(said: str) -> Dict[str, Any]:
    raise AssertionError(f"not read again: {said}")


def test_renewing_from_where_the_citizen_said_they_live_abroad():
    said = [UserUttered("Je vis à Lyon depuis 2 ans"), UserUttered("Mon passeport canadien expire dans 3 mois")]
    alone = reading(("passport_renewal_eligibility", 0.8), ("passport_renew", 0.2))
    parse = _with({}, alone)
    read = asyncio.run(in_context(alone, "je peux le renouveler d'ici ?", said, parse))
    assert read["intent"]["name"] == "passport_renew"
    assert read["knowledge"]["id"] == "passport_renew.abroad"
    at_home = [UserUttered("je vis à Laval"), UserUttered("Mon passeport expire dans 3 mois")]
    kept = asyncio.run(in_context(alone, "je peux le renouveler d'ici ?", at_home, parse))
    assert kept["intent"]["name"] == "passport_renewal_eligibility"


def test_what_a_pick_up_service_adds_is_its_own_fee_not_the_calculator():
    calculator = reading(("passport_fee_calculator", 0.52), ("passport_fees", 0.28))
    read = asyncio.run(in_context(calculator, "ok pis le service urgent ça rajoute combien?", [], _never))
    assert (read["intent"]["name"], read["knowledge"]["id"]) == ("passport_fees", "passport_fees.urgent")
    express = asyncio.run(in_context(calculator, "how much more is express", [], _never))
    assert express["knowledge"]["id"] == "passport_fees.express"


def test_a_service_asked_with_whose_passport_is_left_to_the_fee_of_that_situation():
    from bot.engine.context import service_surcharge

    assert service_surcharge("my son is 4, how much extra is urgent") is None
    assert service_surcharge("how much more for express for my 10 year passport") is None
    assert service_surcharge("urgent or express, which costs more") is None  # both named
    assert service_surcharge("how much is urgent service") is None  # the service's price, not what it adds


def test_a_question_after_a_damaged_passport_gets_the_damaged_passports_answer():
    said = [UserUttered("my passport got damaged in the basement flood", "passport_renew")]
    alone = reading(("passport_urgent", 0.39), ("passport_renew", 0.24))
    parse = _with({}, alone)
    read = asyncio.run(in_context(alone, "can i still travel with it next month", said, parse))
    assert (read["intent"]["name"], read["knowledge"]["id"]) == ("passport_renew", "passport_renew.damaged")
    # how fast, or its price, is its own question
    fast = asyncio.run(in_context(reading(("passport_urgent", 0.7), ("passport_renew", 0.2)),
                                  "how fast can i get a new one, i fly next month", said, parse))
    assert fast["intent"]["name"] == "passport_urgent"


def test_a_passport_said_not_to_be_damaged_is_not_given_the_damaged_answer():
    said = [UserUttered("my passport expires in august"), UserUttered("i got it when i was 25, its not damaged or anything")]
    alone = reading(("passport_renew", 0.6), ("passport_renewal_eligibility", 0.3))
    read = asyncio.run(in_context(alone, "ok so how do i renew it then", said, _with({}, alone)))
    assert read.get("knowledge", {}).get("id") != "passport_renew.damaged"


def test_a_message_read_with_the_conversation_keeps_that_reading_when_its_parts_are_read_alone():
    from bot.engine.context import with_second_need

    said = [UserUttered("how do i get a SIN", "sin_apply")]
    alone = reading(("passport_child", 0.99), ("out_of_scope", 0.01))
    text = "can i do it for my daughter? she's 12"
    parse = _with({"how do i get a SIN": reading(("sin_apply", 0.9), ("sin_protect", 0.1)),
                   f"how do i get a SIN {text}": reading(("sin_apply", 0.88), ("passport_child", 0.1))}, alone)
    read = asyncio.run(in_context(alone, text, said, parse))
    assert read["intent"]["name"] == "sin_apply"
    # "can i do it for my daughter" and "she's 12", each read alone as a child's passport

    first = {**reading(("passport_child", 0.9), ("sin_apply", 0.1)), "knowledge": {"id": "passport_child.overview"}}
    second = {**reading(("passport_child", 0.9), ("sin_apply", 0.1)), "knowledge": {"id": "passport_child.age"}}
    parts = _with({"can i do it for my daughter": first}, second)
    assert asyncio.run(with_second_need(read, text, parts))["intent"]["name"] == "sin_apply"
    # alone, without the conversation, the parts are two needs
    assert asyncio.run(with_second_need(alone, text, parts))["also"]["intent"]["name"] == "passport_child"


def test_a_follow_up_that_asks_what_if_is_no_request_to_stop():
    said = [UserUttered("le PAR, faut renouveler aux 6 mois c ça?", "student_loan_rap")]
    alone = reading(("stop", 0.76), ("chitchat", 0.07))
    parse = _with({}, reading(("student_loan_repayment", 0.85), ("student_loan_rap", 0.1)))
    read = asyncio.run(in_context(alone, "et si j'oublie?", said, parse))
    assert read["intent"]["name"] == "student_loan_rap"  # the plan the conversation named


def test_a_pick_up_service_after_a_fee_question_is_the_fee_of_that_situation():
    said = [UserUttered("whats the fee for adult 5 yr passport", "passport_fees")]
    alone = reading(("passport_urgent", 0.99), ("passport_fees", 0.01))
    parse = _with({}, reading(("passport_fees", 0.9), ("passport_urgent", 0.1)))
    read = asyncio.run(in_context(alone, "plus urgent?", said, parse))
    assert read["intent"]["name"] == "passport_fees"
    assert read["read_with"] == "whats the fee for adult 5 yr passport"  # the exact fee reads the adult, 5 years


def test_paying_more_after_how_long_it_takes_is_the_urgent_service():
    said = [UserUttered("how long is passport processing in person", "passport_processing_times")]
    alone = reading(("passport_fees", 0.99), ("out_of_scope", 0.01))
    read = asyncio.run(in_context(alone, "and if i pay extra?", said, _with({}, alone)))
    assert read["intent"]["name"] == "passport_urgent"


def test_what_it_costs_more_after_an_urgent_need_is_the_urgent_fee():
    said = [UserUttered("jai besoin dun passeport pour jeudi", "passport_urgent")]
    alone = reading(("passport_fees", 0.98), ("out_of_scope", 0.01))
    read = asyncio.run(in_context(alone, "ça coute combien de plus", said, _with({}, alone)))
    assert read["knowledge"]["id"] == "passport_fees.urgent"


def test_sending_a_passport_that_expires_soon_is_a_renewal():
    alone = reading(("passport_apply_adult", 0.42), ("passport_renew", 0.21))
    text = "Mon passeport expire en août. Je peux-tu juste l'envoyer par la poste ou faut que j'aille en personne?"
    assert asyncio.run(in_context(alone, text, [], _never))["intent"]["name"] == "passport_renew"
    first = "c'est mon premier passeport, celui de mon enfance expire en août, je l'envoie par la poste?"
    assert asyncio.run(in_context(alone, first, [], _never))["intent"]["name"] == "passport_apply_adult"


def test_a_call_the_citizen_doubts_is_not_their_request_for_a_person():
    alone = reading(("request_human", 0.82), ("sin_protect", 0.15), ("sin_apply", 0.01))
    text = "got a call saying my SIN is suspended and i need to press 1 to talk to an officer. is this real??"
    assert asyncio.run(in_context(alone, text, [], _never))["intent"]["name"] == "sin_protect"


TIMES_ASKED = "how long does a passport take if I apply in person"
WHERE = reading(("passport_where_apply", 0.8), ("passport_processing_times", 0.15))


def test_a_place_after_how_long_it_takes_asks_the_time_from_there():
    read = _read(TIMES_ASKED, "passport_processing_times", "and if I'm in Mexico applying at the embassy?", WHERE, WHERE)
    assert read["intent"]["name"] == "passport_processing_times"
    # where to go from there is still where to apply
    read = _read(TIMES_ASKED, "passport_processing_times", "and where do I go in Mexico?", WHERE, WHERE)
    assert read["intent"]["name"] == "passport_where_apply"


def test_going_in_person_is_how_to_do_the_conversations_thing_not_a_request_for_a_person():
    from bot.nlu.phrases import asks_how_in_person

    alone = reading(("request_human", 0.66), ("passport_apply_adult", 0.12), ("passport_where_apply", 0.09))
    sin = reading(("sin_apply", 0.9), ("sin_protect", 0.05))
    read = _read("L'employeur me demande un NAS.", "sin_apply", "je peux le faire en ligne ou faut que j'aille en personne?",
                 alone, sin)
    assert read["intent"]["name"] == "sin_apply"
    assert asks_how_in_person("do I have to apply in person or can I mail it")
    assert not asks_how_in_person("I need to talk to someone in person")
    assert not asks_how_in_person("je veux parler à une vraie personne")


def test_help_to_repay_a_loan_is_the_repayment_assistance_plan():
    read = _read("Je dois commencer à rembourser mon prêt étudiant en novembre.", "student_loan_repayment",
                 "y'a tu de quoi pour m'aider?", reading(("help", 1.0)),
                 reading(("student_loan_repayment", 0.52), ("student_loan_rap", 0.4)))
    assert read["intent"]["name"] == "student_loan_rap"


def test_a_payment_received_after_an_ei_claim_is_no_loan_repayment():
    alone = reading(("student_loan_repayment", 0.51), ("out_of_scope", 0.26), ("ccb_payment_dates", 0.18))
    ei = reading(("ei_apply", 0.88), ("ei_eligibility", 0.1))
    read = _read("Ma demande d'AE a été acceptée.", "ei_apply", "Quand est-ce que je vais recevoir mon premier paiement?",
                 alone, ei)
    assert read["intent"]["name"] == "ei_apply"
    # a payment to make stays the loan's
    read = _read("Ma demande d'AE a été acceptée.", "ei_apply", "Quand est-ce que je dois faire mon premier paiement?",
                 alone, ei)
    assert read["intent"]["name"] == "student_loan_repayment"


def test_asking_whether_something_told_is_the_cause_reads_it_with_the_situation():
    alone = reading(("out_of_scope", 0.76), ("ccb_payment_dates", 0.08), ("ei_eligibility", 0.05))
    ccb = reading(("ccb_payment_dates", 0.9), ("ccb_apply", 0.05))
    said = "the child benefit didn't come this month"
    read = _read(said, "ccb_payment_dates", "i moved to a new apartment in june, could that be why?", alone, ccb)
    assert read["intent"]["name"] == "ccb_payment_dates"
    read = _read(said, "ccb_payment_dates", "i moved to a new apartment in june and the landlord is great", alone, ccb)
    assert read["intent"]["name"] == "out_of_scope"


def test_what_a_renewal_follow_up_tells_starts_the_renewal_check():
    unsure = reading(("nlu_fallback", 0.3), ("ccb_payment_dates", 0.13), ("passport_renew", 0.13))
    read = _read("Mon passeport expire en août, est-ce que je peux le renouveler?", "passport_renewal_eligibility",
                 "il a été fait quand j'avais 15 ans, ça change tu qqch?", unsure, unsure)
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    # telling nothing the check asks, the doubt stays
    read = _read("Mon passeport expire en août, est-ce que je peux le renouveler?", "passport_renewal_eligibility",
                 "ça change tu qqch?", unsure, unsure)
    assert read["intent"]["name"] == "nlu_fallback"


def test_a_question_about_what_the_last_one_asked_stays_on_its_topic():
    alone = reading(("student_loan_rap", 0.7), ("student_loan_repayment", 0.18), ("ccb_payment_dates", 0.05))
    lump = reading(("student_loan_repayment", 0.88), ("student_loan_rap", 0.1))
    said = "how do i make a lump sum payment on my student loan"
    read = _read(said, "student_loan_repayment", "will that lower my monthly payment or just make it end sooner?",
                 alone, lump)
    assert read["intent"]["name"] == "student_loan_repayment"
    # its own topic, asked without pointing back, stands
    read = _read(said, "student_loan_repayment", "can my monthly payment be lowered to zero?", alone, lump)
    assert read["intent"]["name"] == "student_loan_rap"


def test_a_trip_date_after_asking_for_the_fast_service_is_the_urgent_service():
    said = "I need my passport fast, is there a rush option?"
    alone = reading(("out_of_scope", 0.77), ("passport_urgent", 0.1), ("affirm", 0.05))
    read = _read(said, "passport_urgent", "yes next friday, flying to Bogota", alone, alone)
    assert read["intent"]["name"] == "passport_urgent"
    # a trip months away is no urgent need
    read = _read(said, "passport_urgent", "yes in march, flying to Bogota", alone, alone)
    assert read["intent"]["name"] != "passport_urgent"


def test_a_price_question_after_a_family_is_told_is_that_familys_fee():
    events = [UserUttered("we're a family of 4, me, my wife and 2 kids aged 7 and 11", "out_of_scope"),
              UserUttered("we're in Toronto", "out_of_scope")]
    alone = reading(("out_of_scope", 0.94), ("passport_fees", 0.02), ("ccb_payment_dates", 0.01))
    read = asyncio.run(in_context(alone, "how much all together if we take 10 years for us", events, _with({}, alone)))
    assert read["intent"]["name"] == "passport_fees"
    assert "family of 4" in read["read_with"]
    # another program named: not a passport's price
    read = asyncio.run(in_context(alone, "I worked there 10 years, how much EI all together?", events, _with({}, alone)))
    assert read["intent"]["name"] == "out_of_scope"


def test_a_quoted_call_after_the_call_was_told_is_about_that_call():
    said = "got a call saying my SIN is suspended and linked to a crime"
    alone = reading(("request_human", 0.94), ("complaint", 0.04), ("passport_apply_adult", 0.01))
    scam = reading(("sin_protect", 0.95), ("sin_apply", 0.03))
    read = _read(said, "sin_protect", "they want me to press 1 to talk to an officer. is this real?", alone, scam)
    assert read["intent"]["name"] == "sin_protect"


def test_an_unsure_complaint_without_a_word_of_one_is_about_what_was_told():
    said = "on est le 22 pis j'ai pas reçu l'ACE"
    alone = reading(("complaint", 0.38), ("request_human", 0.13), ("ei_apply", 0.08))
    late = reading(("ccb_payment_dates", 0.81), ("ccb_apply", 0.1))
    read = _read(said, "ccb_payment_dates", "je dois appeler ou attendre?", alone, late)
    assert read["intent"]["name"] == "ccb_payment_dates"
    # a word of a complaint keeps it
    read = _read(said, "ccb_payment_dates", "je veux porter plainte", alone, late)
    assert read["intent"]["name"] == "complaint"


def test_not_able_to_pay_anymore_in_quebec_french_is_the_repayment_assistance_plan():
    alone = reading(("student_loan_repayment", 0.52), ("student_loan_rap", 0.32), ("out_of_scope", 0.14))
    read = asyncio.run(in_context(alone, "je veux arrêter de payer mon pret etudiant chu pu capable financièrement", [],
                                  _with({}, alone)))
    assert read["intent"]["name"] == "student_loan_rap"


def test_where_the_nearest_one_is_after_applying_in_person_is_where_to_apply():
    from bot.engine.context import ASKS_WHERE

    assert ASKS_WHERE.search("c'est où le plus proche de Saint-Jérôme?")
    assert ASKS_WHERE.search("where's the closest one to Barrie")


def test_a_sin_given_away_is_protecting_it_not_getting_one():
    said = "ma fille de 17 ans a envoyé une photo de sa confirmation de NAS à un gars sur Insta pour une job"
    child_sin = reading(("sin_apply", 0.8), ("sin_protect", 0.15))
    read = _read(said, "sin_apply", "c grave? on fait quoi", reading(("nlu_fallback", 0.3), ("ei_apply", 0.23)), child_sin)
    assert read["intent"]["name"] == "sin_protect"
    # getting one stays getting one
    read = _read("ma fille de 17 ans a besoin d'un NAS pour une job", "sin_apply", "on fait quoi",
                 reading(("nlu_fallback", 0.3), ("ei_apply", 0.23)), child_sin)
    assert read["intent"]["name"] == "sin_apply"


def test_what_happens_after_missed_payments_is_the_missed_payments_answer_not_the_plan():
    said = "jai manqué 2 paiements de mon pret etudiant"
    alone = reading(("help", 0.45), ("chitchat", 0.17), ("complaint", 0.14))
    missed = reading(("student_loan_repayment", 0.86), ("student_loan_rap", 0.1))
    read = _read(said, "student_loan_repayment", "qu'est ce qui arrive là, je vais tu avoir des problèmes?", alone, missed)
    assert read["intent"]["name"] == "student_loan_repayment"


def test_what_to_do_now_within_the_conversations_program_reads_the_conversation():
    alone = reading(("passport_renew", 0.7), ("passport_lost_stolen", 0.2))
    lost = reading(("passport_lost_stolen", 0.9), ("passport_renew", 0.05))
    read = _read("I lost my passport in Rome, I'm still here", "passport_lost_stolen", "so what do i do now?", alone, lost)
    assert read["intent"]["name"] == "passport_lost_stolen"


def test_being_told_to_apply_for_a_sin_is_no_sin_given_away():
    from bot.engine.context.topic_rules import SIN_SHARED

    assert not SIN_SHARED.search("on m'a dit de faire ma demande de nas rapidement")
    assert not SIN_SHARED.search("i was told to apply for a sin")
    assert SIN_SHARED.search("i gave my sin to a job posting on kijiji")


def test_a_new_card_after_a_lost_sin_card_is_the_lost_cards_answer():
    alone = reading(("out_of_scope", 0.94), ("passport_apply_adult", 0.03), ("sin_protect", 0.02))
    read = _read("I lost my SIN card, the old plastic blue one", "out_of_scope", "can I get a new card?", alone, alone)
    assert read["intent"]["name"] == "sin_protect"
    assert read["knowledge"]["id"] == "sin_protect.lost_card"
    # another card, after another card
    read = _read("I lost my health card", "out_of_scope", "can I get a new card?", alone, alone)
    assert read["intent"]["name"] == "out_of_scope"
    # another card named, after a SIN card
    read = _read("my wallet was stolen with my sin card in it", "sin_protect",
                 "and my credit card was in there too, how do i cancel it", alone, alone)
    assert read["intent"]["name"] == "out_of_scope"


def _in(events, text: str, alone: Dict[str, Any], readings: Dict[str, Dict[str, Any]], default: Dict[str, Any]) -> Dict[str, Any]:
    return asyncio.run(in_context(alone, text, [UserUttered(said, intent) for said, intent in events], _with(readings, default)))


def test_how_to_pay_after_a_passport_question_is_the_fees_ways_to_pay():
    alone = reading(("out_of_scope", 0.99), ("passport_fees", 0.0))
    read = _read("how much is a passport", "passport_fees", "can i pay with visa", alone, alone)
    assert (read["intent"]["name"], read["knowledge"]["id"]) == ("passport_fees", "passport_fees.how_to_pay")
    # after a student loan question, paying is the loan's, not a passport's
    read = _read("when do i start repaying my student loan", "student_loan_repayment", "can i pay with visa", alone, alone)
    assert read["intent"]["name"] != "passport_fees"


def test_whether_a_passport_can_be_had_in_time_for_the_trip_told_is_the_urgent_service():
    lost = reading(("passport_lost_stolen", 0.9), ("passport_urgent", 0.05))
    events = [("lost my passport", "passport_lost_stolen"), ("flying Toronto to London on monday", "affirm")]
    read = _in(events, "can i get a new one before then?", reading(("passport_child", 0.39), ("passport_apply_adult", 0.2)),
               {}, lost)
    assert read["intent"]["name"] == "passport_urgent"
    events = [("je pars le 14 pour Punta Cana", "out_of_scope"), ("mon passeport a expiré le mois passé", "passport_renew")]
    read = _in(events, "on est le 10, c'est faisable?", reading(("out_of_scope", 0.33), ("passport_apply_adult", 0.13)),
               {}, reading(("passport_renew", 0.74), ("passport_urgent", 0.1)))
    assert read["intent"]["name"] == "passport_urgent"
    # no trip told: how to replace it
    read = _in([("lost my passport", "passport_lost_stolen")], "can i get a new one before then?",
               reading(("passport_child", 0.39), ("passport_apply_adult", 0.2)), {}, lost)
    assert read["intent"]["name"] == "passport_lost_stolen"


def test_payments_asked_after_a_childs_custody_are_the_ccbs():
    alone = reading(("student_loan_rap", 0.82), ("ccb_payment_dates", 0.09), ("out_of_scope", 0.04))
    custody = reading(("passport_child", 0.77), ("ccb_apply", 0.1))
    read = _read("On a la garde partagée de notre fille avec mon ex", "passport_child",
                 "pis les paiements arrivent quand pour chacun de nous deux?", alone, custody)
    assert read["intent"]["name"] == "ccb_payment_dates"


def test_whether_what_was_told_will_do_is_about_the_last_topic_not_yes():
    alone = reading(("affirm", 0.76), ("deny", 0.1), ("bot_challenge", 0.05))
    events = [("quels documents pour un premier passeport adulte", "passport_apply_adult"),
              ("j'ai juste mon certificat de naissance du Québec pis mon permis de conduire", "out_of_scope")]
    read = _in(events, "c'est correct ça?", alone, {}, reading(("passport_child", 0.6), ("passport_apply_adult", 0.3)))
    assert read["intent"]["name"] == "passport_apply_adult"
    # said, not asked: yes
    read = _in(events, "c'est correct", reading(("affirm", 0.99)), {}, reading(("passport_child", 0.6)))
    assert read["intent"]["name"] == "affirm"


def test_a_doubt_between_the_conversations_topic_and_another_of_ours_is_the_conversations():
    said = "my son is 16 and got his first job, he needs a SIN"
    unsure = reading(("nlu_fallback", 0.3), ("sin_apply", 0.3), ("passport_where_apply", 0.24))
    read = _read(said, "sin_apply", "can he do it online or does he have to go in", unsure,
                 reading(("sin_apply", 0.8), ("sin_protect", 0.1)))
    assert read["intent"]["name"] == "sin_apply"
    # a doubt with "off topic" stays a doubt unless the conversation reads it surely in its program
    # (the twenty-sixth session: not among the passport's topics, bot/engine/context/programs.py)
    unsure = reading(("nlu_fallback", 0.3), ("sin_apply", 0.3), ("out_of_scope", 0.28))
    read = _read(said, "sin_apply", "can he do it online or does he have to go in", unsure,
                 reading(("sin_apply", 0.5), ("sin_protect", 0.3)))
    assert read["intent"]["name"] == "nlu_fallback"
    read = _read(said, "sin_apply", "can he do it online or does he have to go in", unsure,
                 reading(("sin_apply", 0.8), ("sin_protect", 0.1)))
    assert read["intent"]["name"] == "sin_apply"


def test_someone_named_first_too_is_the_same_question_for_them():
    alone = reading(("out_of_scope", 0.93), ("passport_apply_adult", 0.02))
    sin = reading(("sin_apply", 0.9), ("sin_protect", 0.05))
    read = _read("how do i get a SIN, i just got my work permit", "sin_apply", "and my wife too, she's on open work permit",
                 alone, sin)
    assert read["intent"]["name"] == "sin_apply"
    read = _read("how do i get a SIN, i just got my work permit", "sin_apply", "and my wife wants to know the weather in Paris",
                 alone, sin)
    assert read["intent"]["name"] == "out_of_scope"


def test_a_place_abroad_after_a_fee_question_is_the_fee_from_there():
    alone = reading(("out_of_scope", 0.81), ("passport_processing_times", 0.05))
    read = _read("price of 5 year adult passport?", "passport_fees", "what if we're in mexico when we apply",
                 alone, reading(("passport_fees", 0.9)))
    assert read["intent"]["name"] == "passport_fees"
    assert read["read_with"] == "price of 5 year adult passport?"


def test_a_damaged_passport_told_in_the_question_is_the_damaged_passports_answer():
    alone = {**reading(("passport_renew", 0.97), ("passport_renewal_eligibility", 0.01)),
             "knowledge": {"id": "passport_renew.old_passport", "score": 0.9}}
    text = "Mon chien a mâché le coin de mon passeport lol il est encore bon jusqu'en 2027, je peux le renouveler normal?"
    read = asyncio.run(in_context(alone, text, [], _with({}, alone)))
    assert read["knowledge"]["id"] == "passport_renew.damaged"
    read = asyncio.run(in_context(alone, "mon passeport est encore bon jusqu'en 2027, je peux le renouveler?", [], _with({}, alone)))
    assert read["knowledge"]["id"] == "passport_renew.old_passport"


def test_a_topic_named_by_the_program_takes_the_entry_the_conversation_chooses():
    from bot.engine.context.readings import conversations_entry

    read = {**reading(("ei_apply", 0.94)), "knowledge": {"id": "ei_apply.overview", "score": 1.0}}
    conversation = {**reading(("ei_eligibility", 0.6)), "knowledge": {
        "id": "ei_eligibility.overview", "by_intent": {"ei_apply": {"id": "ei_apply.maternity_parental", "score": 0.9}}}}
    assert conversations_entry(read, conversation)["knowledge"]["id"] == "ei_apply.maternity_parental"
    chosen = {**read, "knowledge": {"id": "ei_apply.roe", "score": 0.9}}  # its own words chose an entry: it stays
    assert conversations_entry(chosen, conversation)["knowledge"]["id"] == "ei_apply.roe"


def test_an_off_topic_follow_up_with_words_no_question_of_ours_holds_stays_off_topic():
    alone = reading(("out_of_scope", 0.48), ("ei_eligibility", 0.24), ("bot_challenge", 0.08))
    ei = reading(("ei_eligibility", 0.9), ("ei_apply", 0.05))
    read = _read("on EI regular since my layoff", "ei_eligibility",
                 "which coding bootcamp is actually worth it, lighthouse or brainstation?", alone, ei)
    assert read["intent"]["name"] == "out_of_scope"
    # an unsure one in our words is read with the conversation
    read = _read("on EI regular since my layoff", "ei_eligibility", "and if i find a job?", alone, ei)
    assert read["intent"]["name"] == "ei_eligibility"


def test_a_doubt_across_programs_is_the_conversations_program_only_when_read_together_surely():
    unsure = reading(("nlu_fallback", 0.3), ("ei_apply", 0.27), ("passport_renew", 0.26))
    text = "what are these reports every 2 weeks, do I have to do them even if nothing changed"
    read = _read("I'm on EI now since october", "ei_eligibility", text, unsure, reading(("ei_apply", 0.8), ("ei_eligibility", 0.1)))
    assert read["intent"]["name"] == "ei_apply"
    read = _read("I'm on EI now since october", "ei_eligibility", text, unsure, reading(("ei_apply", 0.45), ("nlu_fallback", 0.3)))
    assert read["intent"]["name"] == "nlu_fallback"


def test_a_price_question_after_the_situation_was_told_is_read_with_it():
    alone = reading(("passport_fees", 1.0))
    events = [("je suis au canada, je renouvelle mon passeport", "passport_renew"), ("5 ans ça va faire", "affirm")]
    read = _in(events, "pis si je prend l'express a cause que je pars dans une semaine ça monte a combien", alone, {}, alone)
    assert read["intent"]["name"] == "passport_fees"
    assert read["read_with"] == "je suis au canada, je renouvelle mon passeport 5 ans ça va faire"
    # a situation of its own needs nothing else
    read = _in(events, "combien pour un passeport d'adulte de 10 ans au Canada?", alone, {}, alone)
    assert not read.get("read_with")


def test_not_able_to_pay_unsure_between_two_loan_topics_is_the_repayment_assistance_plan():
    unsure = reading(("nlu_fallback", 0.3), ("student_loan_repayment", 0.48), ("student_loan_rap", 0.4))
    text = "pogné avec 22 000$ de prêt étudiant fédéral pis j'gagne pas assez, y'a tu un programme?"
    read = asyncio.run(in_context(unsure, text, [], _with({}, unsure)))
    assert read["intent"]["name"] == "student_loan_rap"
    read = _read("i applied for EI yesterday", "ei_apply", "should i also stop my student loan payments? money is super tight now",
                 reading(("student_loan_repayment", 0.74)), reading(("student_loan_repayment", 0.74)))
    assert read["intent"]["name"] == "student_loan_rap"


def test_renewing_from_abroad_asked_unsurely_is_renewing_from_abroad():
    unsure = reading(("nlu_fallback", 0.3), ("passport_renewal_eligibility", 0.3), ("passport_where_apply", 0.25))
    read = _read("I'm in London UK right now and my passport expires in June", "passport_renew",
                 "can I renew it from here or do I have to fly home?", unsure, unsure)
    assert (read["intent"]["name"], read["knowledge"]["id"]) == ("passport_renew", "passport_renew.abroad")


def test_for_me_and_my_son_after_a_fee_question_is_their_fee():
    child = reading(("passport_child", 0.86), ("passport_fees", 0.1))
    read = _read("how much is a passport", "passport_fees", "for me and my son who is 8", child,
                 reading(("passport_fees", 0.9)))
    assert read["intent"]["name"] == "passport_fees"
    assert read["read_with"] == "how much is a passport"


def test_the_program_named_for_the_situation_told_is_read_with_it():
    alone = {**reading(("ei_apply", 0.56), ("ei_eligibility", 0.42)), "knowledge": {"id": "ei_apply.online_how", "score": 0.3}}
    caring = {**reading(("ei_apply", 0.98)), "knowledge": {"id": "ei_apply.caregiving", "score": 0.9}}
    events = [("my mom has cancer and i need to take care of her", "out_of_scope"),
              ("I work part time at a grocery store", "out_of_scope")]
    read = _in(events, "is there ei for that", alone, {}, caring)
    assert read["knowledge"]["id"] == "ei_apply.caregiving"
    assert read["read_with"] == "my mom has cancer and i need to take care of her I work part time at a grocery store"
    # read together unsurely, it stays its own reading
    read = _in(events, "is there ei for that", alone, {}, reading(("ei_apply", 0.4), ("nlu_fallback", 0.3)))
    assert read["knowledge"]["id"] == "ei_apply.online_how"


def test_a_question_after_are_you_travelling_is_its_own_question_not_an_answer():
    found = reading(("passport_lost_stolen", 0.99))
    events = [UserUttered("reported my passport lost in april", "passport_lost_stolen"), BotAction("utter_ask_travel_soon")]
    read = asyncio.run(in_context(found, "can i still use it for my trip next month", events, _with({}, found)))
    assert read["intent"]["name"] == "passport_lost_stolen"
    read = asyncio.run(in_context(reading(("out_of_scope", 0.6)), "yes next month", events, _with({}, found)))
    assert read["intent"]["name"] == "deny"


def test_is_it_real_or_a_scam_after_a_call_is_about_the_call():
    alone = reading(("bot_challenge", 0.83), ("sin_protect", 0.1))
    scam = reading(("sin_protect", 0.95))
    read = _read("J'ai eu un appel de « Service Canada » qui dit que mon NAS est suspendu", "sin_protect",
                 "c'est vrai ça ou c'est une arnaque?", alone, scam)
    assert read["intent"]["name"] == "sin_protect"


def test_renewal_facts_read_unsurely_as_another_program_answer_the_renewal_check():
    alone = reading(("ei_eligibility", 0.4), ("passport_renewal_eligibility", 0.3))
    read = _read("peux-tu me dire si je peux renouveler mon passeport par le processus simplifié", "passport_renewal_eligibility",
                 "oui je l'ai dans mon tiroir, emis en 2017 pour 10 ans, j'avais 30 ans. jamais perdu ni rien", alone, alone)
    assert read["intent"]["name"] == "passport_renewal_eligibility"


def test_another_one_after_a_lost_sin_card_is_the_lost_cards_answer():
    alone = reading(("out_of_scope", 0.17), ("sin_apply", 0.15))
    read = _read("j'ai perdu ma vieille carte d'assurance sociale en plastique bleu", "sin_protect",
                 "comment j'en ravoir une autre?", alone, alone)
    assert read["knowledge"]["id"] == "sin_protect.lost_card"


def test_whether_photos_told_are_still_good_is_how_old_a_photo_may_be():
    times = reading(("passport_processing_times", 0.77), ("passport_photo", 0.1))
    events = [("mes photos de passeport datent de décembre", "passport_photo"),
              ("j'ai pas envoyé ma demande encore finalement", "out_of_scope")]
    read = _in(events, "sont-tu encore bonnes si je l'envoie en juillet?", times, {}, times)
    assert read["knowledge"]["id"] == "passport_photo.photo_age"
    # the passport's own validity is not the photos'
    read = _in(events, "mon passeport est-tu encore bon en juillet?", times, {}, times)
    assert read["intent"]["name"] != "passport_photo"


def test_what_to_do_now_after_a_situation_told_is_about_it_whatever_word_it_repeats():
    alone = reading(("student_loan_rap", 0.8), ("passport_renew", 0.06), ("passport_status", 0.04))
    events = [("je veux renouveler mon passeport", "passport_renew"), ("il est encore bon jusqu'en octobre", "passport_renew")]
    read = _in(events, "10 ans. pis là j'fais quoi, étape par étape svp", alone, {}, reading(("passport_renew", 0.98)))
    assert read["intent"]["name"] == "passport_renew"


def test_a_damaged_passports_photo_page_still_ok_is_not_a_photos_age():
    renew = reading(("passport_renew", 0.48), ("passport_photo", 0.2))
    events = [("passport went through the washing machine", "passport_renew"),
              ("pages are all wavy and the photo page peeled a bit", "passport_renew")]
    read = _in(events, "is it still ok to travel with??", renew, {}, renew)
    assert read["intent"]["name"] != "passport_photo"


def test_a_case_supposed_read_unsurely_as_a_complaint_is_the_conversations_question():
    alone = reading(("complaint", 0.42), ("ei_eligibility", 0.17), ("out_of_scope", 0.1))
    combined = reading(("ei_eligibility", 0.95), ("ei_apply", 0.03))
    read = _read("can i get ei if i quit", "ei_eligibility", "what if they laid me off instead", alone, combined)
    assert read["intent"]["name"] == "ei_eligibility"
    # a complaint said stays one
    read = _read("can i get ei if i quit", "ei_eligibility", "what if i file a complaint against them", alone, combined)
    assert read["intent"]["name"] == "complaint"


def test_a_program_named_after_an_off_topic_question_asks_that_question_of_it():
    said, text = "c'est quand le prochain paiement de la pension de vieillesse", "ok pis l'allocation pour enfants elle?"
    alone = reading(("ccb_apply", 0.67), ("ccb_payment_dates", 0.33))
    combined = reading(("ccb_payment_dates", 0.95), ("ccb_apply", 0.03))

    async def parse(heard: str) -> Dict[str, Any]:
        return combined if heard.endswith(text) else alone

    read = asyncio.run(in_context(alone, text, [UserUttered(said, "out_of_scope")], parse))
    assert read["intent"]["name"] == "ccb_payment_dates"
    # after one of our topics, the program's name alone still decides ("and how do I sign up for it?" after the dates)
    read = asyncio.run(in_context(alone, text, [UserUttered("c'est quand le prochain versement", "ccb_payment_dates")], parse))
    assert read["intent"]["name"] == "ccb_apply"
