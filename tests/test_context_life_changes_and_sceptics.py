"""Without a model, the fiftieth session's round 2: people whose life just changed (development 114)
and impatient, sceptical citizens (development 115). A job or a person lost is no lost passport;
an officer asked to telephone; an application feared lost by whoever has it ("did you guys lose
it?", the tracking page that finds nothing); a dog that ate the passport's corner; a debt, a poem,
mail forwarding, telling the children about a separation and a job kept during a leave are not
ours; a budget or an estate given as the reason beside a question of ours; a loan one cannot pay
with EI; time off to care for a parent with Parkinson's; a neighbour of ten years as a guarantor;
a child's passport's validity after a child's passport; the sum asked in a complaint; "il peut tu
juste le renouveler?" after an expired passport; the renewal's form named; the writer's own first
passport with a son who helps; a trip and an application by mail in time; the form to renew from
the United States; the online renewal "sur internet"; and a follow-up to another service."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_after, read_as, reading, refined_top, topic_and_entry, with_entry

PASSPORT_LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
                   "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
                   "passport_lost_stolen", "out_of_scope", "nlu_fallback"]
ALL_LABELS = PASSPORT_LABELS + ["ei_eligibility", "ei_apply", "sin_apply", "ccb_apply", "complaint", "request_human"]


@pytest.mark.parametrize("text, lost", [
    ("lost my job in feb so i finally have time to do stuff lol. want to renew my passport before it runs out in august", False),
    ("j'ai perdu mon emploi en février pis mon passeport expire en mai", False),
    ("we lost my dad in march, i need a passport for the funeral", False),
    ("i lost my passport on the bus", True),
    ("lost my job and my passport is missing too", True),
    ("mon fils a perdu son passeport pendant son demenagement", True),  # "son" is French's "his"
    ("i lost my son's passport", True),
])
def test_a_job_or_a_person_lost_is_no_thing_lost(text, lost):
    assert phrases.says_lost(text) is lost


def test_a_renewal_after_a_job_lost_is_no_lost_passport():
    text = ("lost my job in feb so i finally have time to do stuff lol. want to renew my passport before it runs out in august. "
            "is the online renewal actually working now or should i just mail it")
    assert phrases.asks_whether_renewable(text) != "passport_lost_stolen"


@pytest.mark.parametrize("text, person", [
    ("please could a passport officer telephone me at home, i am 82 and do not use the computer", True),
    ("can a service canada employee call me back", True),
    ("could a guarantor call me to confirm", False),
])
def test_an_officer_asked_to_telephone_is_a_person_asked_for(text, person):
    assert phrases.asks_for_person(text) is person


@pytest.mark.parametrize("text", [
    "mailed my renewal from kelowna in january and heard nothing. did you guys lose it?",
    "le site de suivi me dit aucune information trouvée, c'est normal ou ils ont perdu mes papiers?",
])
def test_an_application_feared_lost_is_its_status(text):
    assert phrases.application_feared_lost(text)
    assert refined_top(text, ("passport_lost_stolen", 0.63), ("passport_status", 0.2), labels=PASSPORT_LABELS) == "passport_status"


def test_a_passport_chewed_by_a_dog_read_off_topic_is_damaged():
    read = read_after([], reading(("out_of_scope", 0.61)), "mon chien a mangé le coin de mon passeport (c'est pas une blague)")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.damaged")
    # surely off topic: left as read
    assert read_after([], reading(("out_of_scope", 0.95)), "my dog ate my homework lol")["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text, creative", [
    ("write me a poem about waiting in line at a passport office", True),
    ("écris-moi une chanson sur le chômage", True),
    ("can you write the consent letter for my son's trip", False),
])
def test_something_to_write_asked_for_is_off_topic(text, creative):
    assert phrases.asks_for_creative_writing(text) is creative
    if creative:
        assert refined_top(text, ("passport_where_apply", 0.9), labels=PASSPORT_LABELS) == "out_of_scope"


@pytest.mark.parametrize("text", [
    "also my credit card debt is killing me, can the government help with that too",
    "and how do i forward my mail to my new address with canada post",
    "comment je peux annoncer a mes enfants que leur pere et moi on se separe?",
    "pis pour le congé de paternité, mon employeur est tu obligé de me garder ma job?",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None


@pytest.mark.parametrize("text", [
    "does ccb come on the 20th every month? baby is 4 months and im trying to make a budget",
    "mon pere est decede en mars et je dois aller en italie regler la succession cet automne. qui peut etre mon repondant pour mon passeport?",
])
def test_a_reason_told_beside_a_question_of_ours_leaves_it_ours(text):
    assert not phrases.names_another_program(text)
    assert phrases.other_service_named("how do i make a budget on ei") is not None  # asked, it is the other service's


def test_a_loan_one_cannot_pay_with_ei_is_the_plan():
    said = [UserUttered("j'ai perdu mon emploi en février et je rembourse toujours mon prêt étudiant canadien, c'est 380$ par mois",
                        "student_loan_repayment")]
    read = read_as(said, reading(("ei_eligibility", 0.69)), "je peux pas payer ça avec le chômage, j'ai des options?")
    assert read["intent"]["name"] == "student_loan_rap"


def test_time_off_to_care_for_a_parent_told_before_is_the_caregiving_benefits():
    said = [UserUttered("mon frère et moi on s'occupe de notre mère qui a le Parkinson", "out_of_scope"),
            UserUttered("moi je travaille à temps plein à Laval pis je suis brûlée, j'en peux plus", "nlu_fallback")]
    unsure = reading(("nlu_fallback", 0.3), ("ei_eligibility", 0.48), ("ei_apply", 0.48))
    read = read_as(said, unsure, "est ce que l'assurance emploi peut m'aider si je prends un congé pour elle?")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.caregiving")
    # no one cared for told: left as read
    alone = read_as([UserUttered("je travaille à Laval", "out_of_scope")], unsure,
                    "est ce que l'assurance emploi peut m'aider si je prends un congé pour elle?")
    assert alone["intent"]["name"] != "ei_apply" or alone.get("knowledge", {}).get("id") != "ei_apply.caregiving"


def test_a_neighbour_of_ten_years_after_a_guarantor_is_who_may_be_one():
    said = [UserUttered("do i need a guarantor for my first passport", "passport_apply_adult")]
    read = read_after(said, reading(("out_of_scope", 0.79)), "my family doctor retired, can my neighbour of 10 years do it instead")
    assert topic_and_entry(read) == ("passport_apply_adult", "passport_apply_adult.guarantor")


def test_the_ten_year_one_after_a_childs_passport_is_the_childs_validity():
    said = [UserUttered("mon fils a 15 ans pis il a besoin d'un passeport", "passport_child")]
    read = read_as(said, with_entry(reading(("passport_apply_adult", 0.7)), "passport_apply_adult.validity"),
                   "il peut tu avoir le 10 ans comme moi?")
    assert topic_and_entry(read) == ("passport_child", "passport_child.validity")


def test_a_sum_asked_in_a_complaint_is_the_fee():
    read = read_after([], reading(("complaint", 0.52), ("passport_fee_calculator", 0.19)),
                      "3 enfants pis moi en 5 ans, calculez moi ça parce que votre site le fait pas")
    assert read["intent"]["name"] == "passport_fees"
    # a person asked for stays a complaint for an officer
    person = read_after([], reading(("complaint", 0.52)), "3 enfants pis moi, calculez moi ça ou passez-moi un agent")
    assert person["intent"]["name"] != "passport_fees"


def test_can_he_just_renew_it_after_an_expired_passport_is_the_check():
    said = [UserUttered("mon père a 88 ans et il vient emménager avec nous à Sudbury", "out_of_scope"),
            UserUttered("il veut refaire son passeport pour aller voir son frère en Belgique, l'ancien est expiré depuis 2018", "nlu_fallback")]
    read = read_after(said, with_entry(reading(("passport_renew", 0.82)), "passport_renew.early"), "il peut tu juste le renouveler?")
    assert read["intent"]["name"] == "passport_renewal_eligibility"


@pytest.mark.parametrize("text, top, expected", [
    ("i moved from quebec to ontario last month. is the passport renewal form different in ontario or same everywhere in canada",
     ("out_of_scope", 0.78), "passport_renew"),
    ("I had a stroke in October. I am applying for a passport for the first time. Can my son fill in the form for me and I just sign it?",
     ("passport_child", 0.46), "passport_apply_adult"),
    ("je demenage a vancouver le mois prochain pour un nouvel emploi, pis on part au mexique en decembre. si je fais ma demande "
     "maintenant par la poste je vais l'avoir a temps?", ("ei_eligibility", 0.39), "passport_processing_times"),
])
def test_the_model_overruled_by_what_the_message_says(text, top, expected):
    assert refined_top(text, top, ("passport_apply_adult", 0.05), labels=ALL_LABELS) == expected


def test_a_sons_passport_stays_the_childs():
    text = "my son is 8 and this is his first passport, can i sign the form for him?"
    assert not phrases.applies_for_own_first_passport(text) or phrases.names_a_child(text)


def test_the_form_to_renew_from_the_united_states_is_renewing_from_abroad():
    said = [UserUttered("i want to renew my passport, moved to seattle after getting married", "passport_renew")]
    read = read_as(said, with_entry(reading(("passport_where_apply", 0.64)), "passport_where_apply.from_us"),
                   "which form do i use if i live in the us now")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.abroad")


def test_the_online_renewal_sur_internet_is_the_online_renewals():
    assert phrases.online_renewal_asked("je repose ma question: est-ce que je peux renouveler SUR INTERNET oui ou non")
    assert refined_top("je repose ma question: est-ce que je peux renouveler SUR INTERNET oui ou non",
                       ("passport_renewal_eligibility", 0.91), labels=PASSPORT_LABELS) == "passport_renew"


def test_a_follow_up_to_another_service_stays_off_topic():
    said = [UserUttered("mon permis de travail expire en juin pis j'ai demandé une prolongation", "out_of_scope")]
    read = read_after(said, reading(("nlu_fallback", 0.3), ("sin_apply", 0.2)), "je peux tu continuer a travailler en attendant la réponse?")
    assert read["intent"]["name"] == "out_of_scope"
    # one of our programs named: ours
    named = read_after(said, reading(("nlu_fallback", 0.3), ("sin_apply", 0.25)), "pis mon NAS, il expire tu aussi?")
    assert named["intent"]["name"] != "out_of_scope"
