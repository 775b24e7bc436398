"""Without a model, the thirty-fourth session's readings: a language asked for after a short
aside ("sorry my wife wrote that, can you answer in english") or to forward the answer; a person
asked for with "w" for "with"; a passport "fait voler" in a city abroad (the embassy's answer),
that loss's trip told in days after "are you travelling in the next two weeks?", and the way home
asked after it; whether one may get a SIN at all; how to check, asked after a passport's time (its
status); EI asked for "quand même" after a dismissal; "another one" after an off-topic request;
another service's price or renewal asked by its name (a driver's licence, a citizenship
certificate, a birth declared to the province); the hospital's emergency and proof of citizenship
for someone born abroad (other services); the time left to apply after a job lost (EI's deadline);
an income told with whether anything is owed, and who qualifies for help after a loan hard to
repay (the RAP); a total asked of a renewal with a child's passport (the fee); a grant qualified
for or a new loan to go back to school (not repaying); "another one pls" read as a person after a
joke; paying less asked after a loan too dear for one's pay (the RAP); an application feared lost
by the office (its status); a passport in two days for more money (the faster services); the day
of a loss (no trip date); a trip told to "are you travelling?" in off-topic words; "si je suis
pressé" after how long (the faster services); how long a child's passport is valid (its validity,
not the time); and the driver's licence pointed back to (the province's)."""

from __future__ import annotations

import asyncio

import pytest

from actions.situation import lost_abroad
from bot.engine.context import in_context
from bot.nlu import phrases
from tests.support.readings import BotAction, UserUttered, entry, read_as, reading, refined_top



@pytest.mark.parametrize("text, asked", [
    ("sorry my wife wrote that, can you answer in english", True),
    ("oups mauvaise langue. en français svp", True),
    # an aside that is a question or names a subject is not only an aside
    ("how much does a 10 year passport cost now, answer in french", False),
    ("my passport was stolen in rome and i fly home on friday. french please", False),
])
def test_a_language_asked_for_after_a_short_aside_is_a_request(text, asked):
    assert phrases.asks_for_language(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("can i speak w someone about my sin, its complicated", True),
    ("pls let me talk w/ an agent", True),
    ("i dont want to speak w anyone, just tell me the fee", False),
])
def test_a_person_asked_for_with_w_for_with(text, asked):
    assert phrases.asks_for_person(text) is asked


@pytest.mark.parametrize("text, abroad", [
    ("je me suis fait voler mon passeport à rome", True),
    ("je me suis fait voler mon passeport au Mexique la semaine passée", True),
    ("je me suis fait voler mon passeport à Laval", False),
    ("je vais voler vers Rome lundi", False),
])
def test_a_passport_fait_voler_in_a_city_abroad_is_lost_abroad(text, abroad):
    assert lost_abroad(text) is abroad


def test_a_trip_in_days_asked_about_after_are_you_travelling_is_the_loss_abroad_then_an_officer():
    events = [UserUttered("je me suis fait voler mon passeport à rome", "passport_lost_stolen"),
              BotAction("utter_ask_travel_soon")]
    unsure = reading(("nlu_fallback", 0.42), ("passport_urgent", 0.39), ("passport_lost_stolen", 0.3))

    async def parse(text: str):
        return unsure

    read = asyncio.run(in_context(unsure, "je peux-tu revenir au canada quand meme, mon vol est dans 3 jours", events, parse))
    assert read["intent"]["name"] == "passport_lost_stolen"
    assert entry(read) == "passport_lost_stolen.abroad"


SIN_LABELS = ["sin_apply", "sin_protect", "out_of_scope"]


@pytest.mark.parametrize("text, topic", [
    ("j'ai-tu droit à un NAS?", "sin_apply"),
    ("am i even eligible for a sin as an international student", "sin_apply"),
    # the right to ask for it is who may ask
    ("mon proprio a-tu le droit de demander mon NAS", "sin_protect"),
    ("is my landlord allowed to ask for my sin", "sin_protect"),
])
def test_whether_one_may_get_a_sin_is_applying_not_who_may_ask(text, topic):
    assert refined_top(text, ("sin_protect", 0.97), ("sin_apply", 0.02), labels=SIN_LABELS) == topic


def test_the_way_home_asked_after_a_passport_stolen_abroad_is_the_embassys_answer():
    events = [UserUttered("my passport was stolen in cancun", "passport_lost_stolen"), BotAction("utter_ask_travel_soon")]
    read = read_as(events, reading(("passport_renew", 0.93), ("passport_lost_stolen", 0.01)), "how do i even get home now")
    assert (read["intent"]["name"], entry(read)) == ("passport_lost_stolen", "passport_lost_stolen.abroad")
    # stolen at home, the same words are no embassy's
    events = [UserUttered("my passport was stolen in my car in toronto", "passport_lost_stolen")]
    read = read_as(events, reading(("passport_renew", 0.93), ("passport_lost_stolen", 0.01)), "how do i even get home now")
    assert entry(read) != "passport_lost_stolen.abroad"


@pytest.mark.parametrize("text, status", [
    ("ça fait déjà 6 semaines, comment je vérifie", True),
    ("been 7 weeks now, how do i check", True),
    ("and how long in person?", False),
])
def test_how_to_check_asked_after_a_passports_time_is_its_status(text, status):
    events = [UserUttered("combien de temps avant d'avoir mon passeport par la poste", "passport_processing_times")]
    read = read_as(events, reading(("passport_processing_times", 0.85), ("passport_status", 0.1)), text)
    assert (read["intent"]["name"] == "passport_status") is status


def test_ei_asked_for_anyway_after_a_dismissal_is_whether_a_dismissal_allows_it():
    events = [UserUttered("j'ai été congédiée la semaine passée", "ei_eligibility")]
    read = read_as(events, reading(("ei_apply", 0.72), ("ei_eligibility", 0.28)), "je peux quand même demander le chômage?")
    assert (read["intent"]["name"], entry(read)) == ("ei_eligibility", "ei_eligibility.fired")


@pytest.mark.parametrize("before, intent", [("tell me a joke", "out_of_scope"), ("combien coute un passeport", "goodbye")])
def test_another_one_after_an_off_topic_request_is_more_of_it_not_goodbye(before, intent):
    events = [UserUttered(before, "out_of_scope" if intent == "out_of_scope" else "passport_fees")]
    read = read_as(events, reading(("goodbye", 0.53), ("out_of_scope", 0.12)), "another one")
    assert read["intent"]["name"] == intent


@pytest.mark.parametrize("text, other", [
    ("ok merci. pis mon permis de conduire, ça coûte combien le renouveler?", True),
    ("my drivers license, how much to renew it", True),
    ("pis mon certificat de citoyenneté est vieux aussi, je le renouvelle comment?", True),
    ("et la déclaration de naissance au Directeur de l'état civil, ça se fait comment?", True),
    # named for a passport, or the CCB asked at the birth's registration: ours
    ("i lost my citizenship certificate, can i still renew my passport", False),
    ("mon permis de conduire suffit-il comme pièce d'identité pour le passeport?", False),
])
def test_another_services_price_or_renewal_asked_by_its_name(text, other):
    assert phrases.names_another_service(text) is other


def test_a_language_asked_for_to_forward_the_answer_is_a_request():
    assert phrases.asks_for_language("pouvez-vous écrire en anglais, je vais transférer ça à mon employeur à Toronto")


@pytest.mark.parametrize("text, other", [
    # the hospital's emergency, not the urgent passport service
    ("j'ai mal à la gorge depuis 3 jours, je devrais aller à l'urgence?", True),
    ("should i take my son to the ER, he has a fever", True),
    ("c'est une urgence, je pars demain pour Paris", False),
    ("my passport was stolen at the hospital, how do i replace it", False),
    # proof of citizenship for someone born abroad: a citizenship certificate first (IRCC)
    ("how do i get proof of citizenship, i was born in the uk to a canadian dad", True),
    ("do i need my birth certificate if i was born in the uk to canadian parents for my passport", False),
])
def test_health_care_and_proof_of_citizenship_for_someone_born_abroad_are_other_services(text, other):
    assert phrases.names_another_service(text) is other


EI_LABELS = ["ei_apply", "ei_eligibility", "out_of_scope"]


@pytest.mark.parametrize("text, topic", [
    ("combien de temps j'ai pour demander le chomage apres avoir perdu ma job", "ei_apply"),
    ("how long do i have to apply after losing my job", "ei_apply"),
    # whether one qualifies after a job lost stays eligibility
    ("can i get ei after losing my job for being late", "ei_eligibility"),
])
def test_the_time_left_to_apply_after_a_job_lost_is_eis_deadline_even_read_as_eligibility(text, topic):
    assert refined_top(text, ("ei_eligibility", 0.84), ("ei_apply", 0.14), labels=EI_LABELS) == topic


def test_an_income_told_then_whether_anything_is_owed_on_a_student_loan_is_the_rap():
    read = read_as([], reading(("student_loan_repayment", 0.95), ("student_loan_rap", 0.04)),
                 "I make 28k a year and live alone, do I have to pay anything on my student loan?")
    assert read["intent"]["name"] == "student_loan_rap"


@pytest.mark.parametrize("text, rap", [
    ("c'est quoi les conditions pour avoir de l'aide", True),
    ("what are the requirements to get help", True),
    ("help", False),
])
def test_who_qualifies_for_help_asked_after_a_loan_hard_to_repay_is_the_rap(text, rap):
    events = [UserUttered("mon pret etudiant est trop cher a rembourser avec mon salaire", "student_loan_rap")]
    read = read_as(events, reading(("help", 0.75), ("student_loan_rap", 0.08)), text)
    assert (read["intent"]["name"] == "student_loan_rap") is rap


FEE_LABELS = ["passport_fees", "passport_fee_calculator", "passport_child", "passport_renew", "passport_renewal_eligibility"]


@pytest.mark.parametrize("text, topic", [
    # a total asked of a renewal and a child's passport: the fee
    ("im in london uk, renewing 5 year for me and a child passport for my son, whats the total cost", "passport_fees"),
    # no price asked: a child's passport is never renewed
    ("my kid's passport expires, can i renew it", "passport_child"),
])
def test_a_total_asked_of_a_renewal_with_a_childs_passport_is_the_fee(text, topic):
    assert refined_top(text, ("passport_fees", 0.6), ("passport_fee_calculator", 0.3), labels=FEE_LABELS) == topic


@pytest.mark.parametrize("text, other", [
    ("bourse canadienne pour étudiants à temps plein, je me qualifie tu?", True),
    ("je veux retourner aux études l'an prochain, comment je demande un nouveau prêt", True),
    ("je retourne aux études l'an prochain, est-ce que je dois continuer à payer mon prêt?", False),
])
def test_qualifying_for_a_grant_or_a_new_loan_to_go_back_to_school_is_not_repaying(text, other):
    assert phrases.names_another_service(text) is other


def test_another_one_read_as_a_person_after_a_joke_is_more_of_it():
    events = [UserUttered("tell me a joke", "out_of_scope")]
    read = read_as(events, reading(("request_human", 0.65), ("out_of_scope", 0.16)), "another one pls")
    assert read["intent"]["name"] == "out_of_scope"


def test_paying_less_asked_after_a_loan_too_dear_for_ones_pay_is_the_rap():
    said = "mon pret etudiant canadien me coute 400$ par mois pis je gagne pas beaucoup"
    first = read_as([], reading(("nlu_fallback", 0.34), ("student_loan_repayment", 0.3)), said)
    assert first["intent"]["name"] == "student_loan_rap"
    read = read_as([UserUttered(said, "student_loan_rap")], reading(("passport_fees", 0.83), ("student_loan_rap", 0.1)),
                 "y a tu un moyen de payer moins")
    assert read["intent"]["name"] == "student_loan_rap"


STATUS_LABELS = ["passport_lost_stolen", "passport_status", "passport_urgent", "passport_fees", "passport_processing_times"]


@pytest.mark.parametrize("text, topic", [
    ("mailed my renewal in january, never heard a thing back. is it lost??", "passport_status"),
    ("mon passeport est en retard, mon vol est le 14, ils l'ont tu perdu??", "passport_status"),
    # one's own passport lost, with a trip soon: the loss
    ("j'ai perdu mon passeport à l'aéroport, je pars demain", "passport_lost_stolen"),
])
def test_an_application_feared_lost_by_the_office_is_its_status(text, topic):
    assert refined_top(text, ("passport_lost_stolen", 0.48), ("passport_status", 0.2), labels=STATUS_LABELS) == topic


def test_a_passport_in_two_days_for_more_money_is_the_faster_service_not_the_fee():
    assert refined_top("peut on avoir un passeport en 2 jours si on paye plus", ("passport_fees", 0.91), ("passport_urgent", 0.04),
                       labels=STATUS_LABELS) == "passport_urgent"
    assert refined_top("combien ca coute pour l'avoir en 2 jours", ("passport_fees", 0.91), ("passport_urgent", 0.04),
                       labels=STATUS_LABELS) == "passport_fees"


def test_the_day_of_a_loss_is_no_trip_date():
    from actions.situation import travel_window

    assert travel_window("my passport was stolen in rome today") is None
    assert travel_window("j'ai perdu mon passeport aujourd'hui, mon vol est demain") == "soon"
    assert travel_window("mon vol est aujourd'hui et j'ai perdu mon passeport") == "soon"


def test_a_trip_told_to_are_you_travelling_after_a_theft_abroad_is_no_off_topic_question():
    events = [UserUttered("my passport was stolen in rome today", "passport_lost_stolen"), BotAction("utter_ask_travel_soon")]
    read = read_as(events, reading(("out_of_scope", 0.87), ("passport_lost_stolen", 0.1)), "my flight home is tomorrow, can i still fly??")
    assert (read["intent"]["name"], entry(read)) == ("passport_lost_stolen", "passport_lost_stolen.abroad")


def test_in_a_hurry_after_how_long_is_the_faster_services():
    events = [UserUttered("c'est quoi le délai pour un passeport par la poste", "passport_processing_times")]
    read = read_as(events, reading(("passport_apply_adult", 0.87), ("passport_urgent", 0.05)), "ok pis si je suis pressé, je pars le 20")
    assert read["intent"]["name"] == "passport_urgent"


def test_how_long_it_is_valid_after_a_childs_passport_is_its_validity_not_the_time():
    events = [UserUttered("mon fils a 9 ans, il lui faut un passeport", "passport_child")]
    ranking = reading(("passport_processing_times", 0.31), ("out_of_scope", 0.15), ("passport_urgent", 0.11),
                      ("ei_eligibility", 0.07), ("passport_child", 0.05))

    async def parse(text: str):
        if text == "combien de temps il est valide?":
            return ranking
        return reading(("passport_child", 0.98), ("passport_fees", 0.01))

    read = asyncio.run(in_context(ranking, "combien de temps il est valide?", events, parse))
    assert (read["intent"]["name"], entry(read)) == ("passport_child", "passport_child.validity")


@pytest.mark.parametrize("text, off", [("pour le permis je fais quoi?", True), ("pour le passeport je fais quoi?", False)])
def test_the_licence_pointed_back_to_after_a_licence_lost_with_a_passport_is_the_provinces(text, off):
    events = [UserUttered("j'ai perdu mon passeport pis mon permis de conduire", "passport_lost_stolen")]
    read = read_as(events, reading(("passport_apply_adult", 0.96), ("passport_lost_stolen", 0.02)), text)
    assert (read["intent"]["name"] == "out_of_scope") is off
