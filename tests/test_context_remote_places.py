"""Without a model, the fiftieth session's round 1: people in rural, remote and northern places and
people typing for someone else (development 113). A birth certificate lost after a first
passport's documents (the proof, not a lost passport); a passport issued "when he was 14", told
for someone else; the closest place to a northern town after applying in person; whether a
mobile Service Canada visit takes passport applications; a dismissal's reason told off topic
after EI; hearing back after applying for the Repayment Assistance Plan; "qu'est-ce qu'on fait
astheure" after a SIN given to a caller; the language one understands better; a translator app
is not a translation asked; and what is not ours: grants for students, a driver's licence that
"aussi expire", the same office for a birth certificate."""

from __future__ import annotations

import pytest

from actions.situation import renewal_situation
from bot.language import requested_language
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_after, read_as, reading, refined_top, topic_and_entry

PASSPORT_LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
                   "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
                   "passport_lost_stolen", "out_of_scope", "nlu_fallback"]


def test_a_birth_certificate_lost_after_a_first_passports_documents_is_the_proof():
    said = [UserUttered("what documents does my dad need for his first passport, he was born in rankin inlet in 1960",
                        "passport_apply_adult")]
    read = read_as(said, reading(("passport_lost_stolen", 0.9)), "and if his birth certificate got lost in a house fire years ago?")
    assert topic_and_entry(read) == ("passport_apply_adult", "passport_apply_adult.proof_citizenship")
    child = [UserUttered("quels papiers pour le passeport de ma fille de 6 ans", "passport_child")]
    read = read_as(child, reading(("passport_lost_stolen", 0.9)), "pis si son certificat de naissance est perdu?")
    assert topic_and_entry(read) == ("passport_child", "passport_child.documents")
    # the passport itself lost stays a lost passport
    read = read_as(said, reading(("passport_lost_stolen", 0.9)), "and if he lost his passport and his birth certificate?")
    assert read["intent"]["name"] == "passport_lost_stolen"


@pytest.mark.parametrize("text, age", [
    ("he got it when he was 14 tho, does that change anything", 14),
    ("elle l'a eu quand elle avait 12 ans", 12),
])
def test_a_passport_issued_young_is_told_for_someone_else(text, age):
    assert renewal_situation(text).get("renewal_age_16_plus") is False
    assert renewal_situation(text.replace(str(age), "19")).get("renewal_age_16_plus") is not False


def test_the_closest_place_after_applying_in_person_is_where_to_apply():
    said = [UserUttered("i want to apply in person for my passport", "passport_where_apply")]
    read = read_after(said, reading(("out_of_scope", 0.98)), "whats the closest place to hay river")
    assert topic_and_entry(read) == ("passport_where_apply", "passport_where_apply.overview")
    # the closest of something else stays off topic
    other = read_after(said, reading(("out_of_scope", 0.98)), "whats the closest walmart to hay river")
    assert other["intent"]["name"] == "out_of_scope"
    other = read_after(said, reading(("out_of_scope", 0.98)), "where is the closest place to eat around here")
    assert other["intent"]["name"] == "out_of_scope"
    # after another program's topic, left as read
    ei = [UserUttered("how do i apply for ei", "ei_apply")]
    assert read_after(ei, reading(("out_of_scope", 0.98)), "whats the closest place to hay river")["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text, takes", [
    ("est-ce que le service canada mobile qui vient à la réserve une fois par mois prend les demandes de passeport", True),
    ("does the service canada in kenora accept passport applications", True),
    ("does canada post still take passport applications?", True),
    ("do passports take long", False),
    ("how long does it take to process passport applications", False),
])
def test_whether_a_place_takes_passport_applications(text, takes):
    assert phrases.asks_if_a_place_takes_applications(text) is takes


def test_a_place_taking_applications_is_where_to_apply():
    text = "est-ce que le service canada mobile qui vient à la réserve une fois par mois prend les demandes de passeport"
    assert refined_top(text, ("passport_processing_times", 0.89), ("passport_where_apply", 0.06),
                       labels=PASSPORT_LABELS) == "passport_where_apply"
    # its price asked: left to the model
    price = "does the office in iqaluit accept passport applications and how much is it"
    assert refined_top(price, ("passport_fees", 0.8), ("passport_where_apply", 0.1), labels=PASSPORT_LABELS) == "passport_fees"


def test_a_dismissals_reason_read_off_topic_after_ei_is_whether_it_allows_ei():
    said = [UserUttered("can i get ei if i got fired", "ei_eligibility")]
    read = read_after(said, reading(("out_of_scope", 0.78)), "it was for being late, the road was closed from snow 3 times")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.fired")
    # no dismissal told: left as read
    quit_ = [UserUttered("can i get ei if i quit", "ei_eligibility")]
    assert read_after(quit_, reading(("out_of_scope", 0.78)), "it was for a trip to mexico")["intent"]["name"] != "ei_eligibility"


def test_hearing_back_after_applying_for_the_plan_is_the_plans_application():
    said = [UserUttered("i applied for rap", "student_loan_rap")]
    read = read_as(said, reading(("student_loan_repayment", 0.91)), "how long before i hear back? my payment is due on the 30th")
    assert topic_and_entry(read) == ("student_loan_rap", "student_loan_rap.how_apply")
    french = read_as(said, reading(("student_loan_repayment", 0.7)), "ça prend combien de temps avant d'avoir une réponse?")
    assert topic_and_entry(french) == ("student_loan_rap", "student_loan_rap.how_apply")
    # after repaying in general: left as read
    repay = [UserUttered("when do i start repaying my loan", "student_loan_repayment")]
    assert read_as(repay, reading(("student_loan_repayment", 0.91)), "how long before i hear back?")["intent"]["name"] == "student_loan_repayment"


@pytest.mark.parametrize("text, lost", [
    ("qu'est-ce qu'on fait astheure", True),
    ("qu'est-ce que je fais maintenant?", True),
    ("qu'est-ce que fait le bureau des passeports", False),
])
def test_what_do_we_do_now_in_french_is_a_call_for_the_next_step(text, lost):
    assert phrases.sounds_lost(text) is lost


@pytest.mark.parametrize("text, wanted", [
    ("anglais svp, je comprends mieux l'anglais que le français", "en"),
    ("je parle mieux français qu'anglais", "fr"),
    ("i understand french better than english, can we switch?", "fr"),
    ("please reply in english only, my grandma is using a translator app and it works best with english", "en"),
])
def test_the_language_understood_better_is_wanted(text, wanted):
    assert requested_language(text.lower()) == wanted


def test_a_translator_app_is_not_a_translation_asked():
    from bot.language import asks_a_translation

    assert not asks_a_translation("my grandma is using a translator app and it works best with english")
    assert asks_a_translation("how do you translate layoff in french")


@pytest.mark.parametrize("text", [
    "what grants are there for first nations students going to university",
    "pis mon permis de conduire aussi expire, tu peux m'aider avec ça?",
    "and my drivers licence also expires, can you help?",
    "c'est-tu le même bureau pour le certificat de naissance de ma fille",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None or phrases.asks_for_another_service(text)


def test_a_grant_repaid_stays_ours():
    assert not phrases.asks_for_another_service("do i have to repay my student grant if i drop out of university")
