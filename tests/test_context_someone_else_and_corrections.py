"""Without a model, the forty-seventh session: a message written for a grown-up other read as
their own question (bot/nlu/perspective.py, bot/engine/context/perspective.py); a message that
takes back its start read as what it meant; a bare detail after a fee question; "can i do it at
the embassy" after the time from abroad; hours worked told after EI; a renewal asked after a
renewal condition told not met; where to apply asked with "ou?"; what to bring with a trip days
away; the status asked in Québécois words; whether the usual time is enough; a child with no
passport and a trip next week; grandparents' consent letter; a SIN given through a scam's link;
paying a student loan for someone; a new student loan. Not ours: a bank account, deducting the
interest on one's taxes."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine.context.parts import past_a_correction
from bot.engine.context.perspective import reading_their_own
from bot.nlu import phrases
from bot.nlu.perspective import in_first_person
from tests.support.readings import UserUttered, parser, read_after, reading, refined_top, topic_and_entry, with_entry

LABELS = ["out_of_scope", "nlu_fallback", "passport_where_apply", "passport_processing_times", "passport_urgent"]


@pytest.mark.parametrize("text, language, told", [
    ("my daughter is 24 and studying in lyon france, her passport expires in march. how does she renew it from over there", "en",
     "i am 24 and studying in lyon france, my passport expires in march. how do i renew it from over there"),
    ("can my mother get the urgent passport if shes travelling for medical treatment in the US", "en",
     "can i get the urgent passport if i'm travelling for medical treatment in the us"),
    ("my daughters ccb stopped after she moved from regina to toronto", "en", "my ccb stopped after i moved from regina to toronto"),
    ("mon gars de 24 ans etudie a sherbrooke, y peut-tu renouveler son passport en ligne", "fr",
     "j'ai 24 ans et j'etudie a sherbrooke, je peux-tu renouveler mon passport en ligne"),
    ("le passeport de ma mere a pris l'eau, elle peut le renouveler quand meme?", "fr",
     "mon passeport a pris l'eau, je peux le renouveler quand meme?"),
    ("mon ami est arrivé au canada il y a 5 ans, il a demandé son premier passeport", "fr",
     "je suis arrivé au canada il y a 5 ans, j'ai demandé mon premier passeport"),
])
def test_a_message_about_a_grown_up_other_is_told_in_the_first_person(text, language, told):
    assert in_first_person(text, language) == told


@pytest.mark.parametrize("text, language", [
    ("my son is 8 and needs a passport", "en"),               # a child: the child's passport
    ("ma fille de 10 ans a besoin d'un passeport", "fr"),
    ("my daughter needs a passport for our trip", "en"),       # no age told: it may be a child
    ("we live in singapore and our son (3) needs his first passport", "en"),
    ("im 16 and my little brother is 8, how does my mom apply for his passport", "en"),  # the writer is a subject too
    ("i didnt file my 2024 taxes but my partner did. will that stop our ccb", "en"),
    ("what if my husband is not a PR yet for the ccb", "en"),  # a spouse's situation in the family's benefit
    ("how long does a passport take", "en"),                   # no one else
])
def test_a_child_the_writer_or_no_one_else_is_not_told_again(text, language):
    assert in_first_person(text, language) is None


def _read(theirs, own, text):
    told = in_first_person(text, "fr" if " est " in text or " ma " in text else "en")
    return asyncio.run(reading_their_own(parser({text: theirs, told: own}))(text))


def test_the_first_persons_reading_is_kept_when_it_is_the_better_one():
    text = "my daughter is 24 and studying in lyon france, how does she renew it from over there"
    renew = with_entry(reading(("passport_renew", 0.98), ("passport_child", 0.01)), "passport_renew.abroad")
    # a child's passport read for a grown-up: the first person's topic
    assert topic_and_entry(_read(reading(("passport_child", 1.0)), renew, text)) == ("passport_renew", "passport_renew.abroad")
    # off topic unsurely: the first person's, when sure enough
    assert _read(reading(("out_of_scope", 0.5), ("passport_renew", 0.3)), renew, text)["intent"]["name"] == "passport_renew"
    assert _read(reading(("out_of_scope", 0.5)), reading(("passport_renew", 0.55)), text)["intent"]["name"] == "out_of_scope"
    # off topic surely: it stays
    assert _read(reading(("out_of_scope", 0.9)), renew, text)["intent"]["name"] == "out_of_scope"
    # both ours: the surer
    assert _read(reading(("passport_where_apply", 0.6)), renew, text)["intent"]["name"] == "passport_renew"
    assert _read(reading(("passport_where_apply", 0.99)), reading(("passport_renew", 0.6)), text)["intent"]["name"] == "passport_where_apply"


def test_another_countrys_passport_stays_off_topic_in_the_first_person_too():
    text = "ma mere est americaine, comment elle renouvelle son passeport us"
    assert _read(reading(("out_of_scope", 0.54)), reading(("passport_renew", 1.0)), text)["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text, meant", [
    ("how do i apply for EI... no wait sorry, i meant CPP disability", "CPP disability"),
    ("passport... sorry no, i need a copy of my marriage certificate from ontario", "i need a copy of my marriage certificate from ontario"),
    ("non attends, je voulais dire le renouvellement de mon passeport", "le renouvellement de mon passeport"),
])
def test_a_message_that_takes_back_its_start_is_read_as_what_it_meant(text, meant):
    sure = reading(("out_of_scope", 1.0))
    read, question = asyncio.run(past_a_correction(reading(("ei_apply", 0.56)), text, parser({meant: sure})))
    assert (read["intent"]["name"], question) == ("out_of_scope", meant)


def test_what_is_meant_unsure_alone_leans_on_what_it_takes_back():
    text = "references for passport, can my sister be one? wait no, my real question is can it be family at all"
    whole = reading(("passport_apply_adult", 0.9))
    read, question = asyncio.run(past_a_correction(whole, text, parser({"my real question is can it be family at all": reading(("ccb_apply", 0.78))})))
    assert (read["intent"]["name"], question) == ("passport_apply_adult", text)


@pytest.mark.parametrize("said, text", [
    ("c quoi les frais pour un passeport 10 ans", "express?"),
    ("how much is a passport", "outside canada?"),
])
def test_a_bare_detail_after_a_fee_question_is_that_fee(said, text):
    read = read_after([UserUttered(said, "passport_fees")], reading(("passport_urgent", 1.0)), text)
    assert read["intent"]["name"] == "passport_fees" and read["read_with"] == said
    # where, asked: where
    where = read_after([UserUttered(said, "passport_fees")], reading(("passport_where_apply", 0.8)), "where outside canada?")
    assert where["intent"]["name"] == "passport_where_apply"


def test_whether_it_can_be_done_at_the_embassy_after_the_time_from_abroad_is_where():
    said = [UserUttered("how long does it take to get a passport from abroad", "passport_processing_times"),
            UserUttered("im in manila", "passport_processing_times")]
    where = with_entry(reading(("passport_where_apply", 0.9)), "passport_where_apply.abroad")
    read = read_after(said, where, "and can i do it at the embassy", parser({}))
    assert read["intent"]["name"] == "passport_where_apply"
    # "and if i'm applying at the embassy?" is still the time from there
    again = read_after(said, where, "and if im applying at the embassy?", parser({}))
    assert again["intent"]["name"] == "passport_processing_times"


def test_hours_worked_told_after_asking_about_ei_is_whether_one_qualifies():
    said = [UserUttered("can i get ei", "ei_eligibility")]
    read = read_after(said, reading(("out_of_scope", 0.92)), "im a student, worked 600 hrs last summer at a restaurant in banff")
    assert read["intent"]["name"] == "ei_eligibility"


def test_a_renewal_asked_after_a_condition_told_not_met_is_whether_it_may_be_renewed():
    said = [UserUttered("mon pere a un vieux passeport emis en 2009", "passport_renew")]
    read = read_after(said, reading(("passport_renew", 0.71)), "donc y peut pas le renouveler?")
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    # with no condition told, a renewal
    fine = read_after([UserUttered("mon pere a un passeport emis en 2020", "passport_renew")], reading(("passport_renew", 0.71)),
                      "donc y peut le renouveler?")
    assert fine["intent"]["name"] == "passport_renew"


def test_where_to_apply_asked_with_ou_is_not_where_the_application_is():
    said = [UserUttered("mon fils vit a londres depuis 2 ans", "out_of_scope")]
    read = read_after(said, reading(("passport_status", 0.66)), "il fait sa demande de passeport ou?")
    assert read["intent"]["name"] == "passport_where_apply"
    status = read_after(said, reading(("passport_status", 0.66)), "sa demande de passeport, c rendu ou?")
    assert status["intent"]["name"] == "passport_status"


def test_what_to_bring_with_a_trip_days_away_is_the_urgent_services_application():
    said = [UserUttered("my flight to jamaica is on friday", "passport_urgent"), UserUttered("i dont have a passport yet", "passport_urgent")]
    read = read_after(said, reading(("passport_where_apply", 0.62)), "what do i bring to the office")
    assert topic_and_entry(read) == ("passport_urgent", "passport_urgent.proof_of_travel")
    later = read_after([UserUttered("my flight to jamaica is in august", "passport_processing_times")],
                       reading(("passport_where_apply", 0.62)), "what do i bring to the office")
    assert later["intent"]["name"] == "passport_where_apply"


@pytest.mark.parametrize("text, asked", [
    ("ca fait 2 mois pour le passeport de ma fille pis elle part le 20!!! c rendu ou???", True),
    ("il a demandé son premier passeport en janvier. on peut suivre son dossier quelque part?", True),
    ("il manque un document dans sa demande de passeport, ca veut dire que son dossier est bloqué?", True),
    ("il fait sa demande de passeport ou?", False),
])
def test_the_status_asked_in_quebecois_words(text, asked):
    assert phrases.asks_status(text) is asked


def test_whether_the_usual_time_is_enough_is_asked_in_time():
    assert phrases.asks_if_in_time("ma mere a un vol dans 3 semaines, ca vaut tu la peine de payer pour l'urgence ou le delai normal va suffire?")
    assert phrases.asks_if_in_time("will regular processing be fast enough or should i pay for express")
    assert not phrases.asks_if_in_time("le délai normal c'est combien?")


def test_someone_with_no_passport_and_a_trip_next_week_is_the_urgent_service():
    assert phrases.forced_intent("ma fille doit partir en haïti la semaine prochaine pour l'enterrement de sa grand-mère, "
                                 "elle a pas de passeport valide. aidez moi svp") == "passport_urgent"


def test_grandparents_taking_the_grandchildren_travel_without_a_parent():
    assert phrases.one_parent_travels_with_children("we are grandparents taking our grandkids to varadero in march")
    assert not phrases.one_parent_travels_with_children("we are grandparents, what do we need for our passports")


def test_a_sin_given_through_a_scams_link_is_protecting_it():
    assert phrases.forced_intent("il a cliqué sur le lien pis il a toute rempli avec son NAS, on fait quoi là") == "sin_protect"
    assert phrases.forced_intent("j'ai donné mon NAS à mon nouvel employeur, c'est correct?") != "sin_protect"


def test_paying_a_student_loan_is_no_new_loan_and_a_new_one_is():
    assert not phrases.asks_for_another_service("comment on paie en ligne le pret d'etudes canadien de ma fille? "
                                                "elle est en voyage au vietnam et m'a demandé de le faire")
    assert phrases.asks_for_another_service("je veux un nouveau pret etudiant pour ma session d'automne")


@pytest.mark.parametrize("text", [
    "ok merci. comment il ouvre un compte de banque maintenant?",
    "il peut tu déduire les intérêts dans son rapport d'impôt?",
])
def test_not_ours_a_bank_account_and_deducting_interest(text):
    assert phrases.other_service_named(text) is not None


def test_the_full_amount_asked_is_a_price():
    assert phrases.asks_price("my mom needs a 10 year passport and shes flying in 4 days so it has to be urgent. whats the full amount she pays")
    assert phrases.asks_price("c'est quoi le montant total pour le passeport de 10 ans")


def test_the_income_limit_asked_after_a_loan_one_cannot_pay_is_the_plan():
    said = [UserUttered("mon fils a un pret etudiant federal qu'il arrive pas a payer", "student_loan_repayment")]
    read = read_after(said, reading(("nlu_fallback", 0.28), ("student_loan_rap", 0.25)), "il doit gagner combien max pour etre accepté?")
    assert read["intent"]["name"] == "student_loan_rap"


def test_how_long_from_an_embassy_read_too_close_to_off_topic_is_the_time():
    text = "mon frère vit au mexique, il fait sa demande à l'ambassade à mexico. ça va prendre combien de temps à peu près?"
    assert refined_top(text, ("passport_processing_times", 0.36), ("out_of_scope", 0.34), labels=LABELS) == "passport_processing_times"
    from bot.nlu.classifier import refine
    ranking = [{"name": "passport_processing_times", "confidence": 0.36}, {"name": "out_of_scope", "confidence": 0.34}]
    assert refine(text, ranking, LABELS)[0]["confidence"] == 1.0


def test_grandparents_asking_about_the_letter_get_the_consent_letter():
    said = [UserUttered("we are grandparents taking our grandkids to varadero in march", "out_of_scope")]
    read = read_after(said, reading(("passport_apply_adult", 0.84)), "does the letter have to be notarized or just signed")
    assert topic_and_entry(read) == ("passport_child", "passport_child.travel_consent_letter")


def test_two_readings_as_sure_keep_the_first_persons():
    text = "le passeport de ma mere expire en juin, elle peut-tu le renouveler en ligne?"
    assert _read(reading(("passport_renewal_eligibility", 1.0)), reading(("passport_renew", 0.9995)), text)["intent"]["name"] == "passport_renew"
