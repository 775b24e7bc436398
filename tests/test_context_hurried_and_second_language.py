"""Without a model, the fifty-first session's round 1: people in a hurry (development 119: very short
messages, texting's "pp", "cb", "tps", "n", "x3", "nxt wk") and people writing in their second
language (development 120). Texting read as typed; a language asked as "can u do french", "from now
on" or mistyped, and a country's passport named by its adjective is no language request; short
messages' language by their words; follow-ups in a hurry ("n kids?", "$?", "toujours rien",
"faut rdv?", "where do i go here" after a theft abroad, "can i renew here?" abroad); and the kinds
that second-language writers showed (how much time, the simplified renewal named, a SIN for a
newcomer, a birth certificate for a first passport, renewing or a new application, a passport
expiring the day after, torn pages, missed loan payments, the hospital's papers for the CCB, the
SIN's paper lost, the next CCB payment, which papers for a SIN). Not ours: cropping a photo, a
permanent residence application's progress, applying for social assistance beside EI."""

from __future__ import annotations

import pytest

from bot.engine.context.constants import ASKS_WHERE
from bot.folding import as_typed, fold
from bot.language import decide, detect, requested_language
from bot.nlu import phrases
from bot.nlu.places import names_a_canadian_place, without_places
from tests.support.readings import UserUttered, read_as, read_after, reading, refined_top, topic_and_entry, with_entry

LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
          "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
          "passport_fee_calculator", "passport_lost_stolen", "sin_apply", "sin_protect", "student_loan_rap",
          "student_loan_repayment", "out_of_scope", "nlu_fallback"]


@pytest.mark.parametrize("typed, read", [
    ("pp photo size", "passport photo size"),
    ("mailed pp app how many wks", "mailed passport app how many wks"),
    ("cb passeport 10 ans?", "combien passeport 10 ans?"),
    ("combien de tps pour un passport", "combien de temps pour un passport"),
    ("remboursement de tps", "remboursement de tps"),  # the GST's
    ("n kids?", "and kids?"),
    ("x3 kids?", "3 kids?"),
    ("travel nxt wk pp expired", "travel next week passport expired"),
    ("ei how much per wk", "ei how much per week"),
    ("passport for my sun he's 8", "passport for my son he's 8"),
    ("the sun is out", "the sun is out"),
    ("study permit enuf?", "study permit enough?"),
    ("page 12-pp", "page 12-pp"),
    ("n'importe quoi", "n'importe quoi"),
])
def test_texting_is_read_as_typed(typed, read):
    assert as_typed(typed) == read
    assert fold(typed) == fold(read)


@pytest.mark.parametrize("text, wanted", [
    ("can u do french", "fr"),
    ("could you do english pls", "en"),
    ("french from now on pls", "fr"),
    ("anglais à partir de maintenant svp", "en"),
    ("frnch plz ⚜️", "fr"),
    ("englsh pls", "en"),
    ("can you do french translation of the form", None),
    ("i can do french", None),
    ("i need a french passport for my son", None),  # France's passport
])
def test_a_language_asked_in_a_hurry(text, wanted):
    assert requested_language(text) == wanted


def test_the_language_asked_for_someone_else_is_the_messages_point():
    assert phrases.asks_for_language("can u say it in french for my wife, she is from Congo")


def test_a_short_messages_language_by_its_words():
    assert decide(None, "taille photo passport?") == "fr"
    assert decide(None, "consent letter son 2 cuba w grandma") == "en"
    assert detect("passport status?").language == "en"


def test_the_childrens_price_in_a_hurry_after_a_price():
    said = [UserUttered("10yr pp cost", "passport_fees")]
    read = read_as(said, reading(("passport_child", 0.99), ("passport_fees", 0.01)), "n kids?")
    assert read["intent"]["name"] == "passport_fees" and read["read_with"] == "10yr pp cost"
    counted = read_as([UserUttered("how much kids passport", "passport_fees")], reading(("passport_child", 0.94)), "x3 kids?")
    assert counted["intent"]["name"] == "passport_fees"
    # a price sign alone after a child's passport forms
    bare = read_as([UserUttered("kid passport forms?", "passport_child")], reading(("nonsense", 0.65)), "$?")
    assert bare["intent"]["name"] == "passport_fees"
    # after another topic, the children are its own question
    other = read_as([UserUttered("passport photo size", "passport_photo")], reading(("passport_child", 0.9)), "n kids?")
    assert other["intent"]["name"] == "passport_child"


def test_where_to_go_after_a_passport_stolen_abroad():
    said = [UserUttered("passport stolen in lisbon fly home tmrw", "passport_lost_stolen")]
    read = read_as(said, with_entry(reading(("passport_where_apply", 0.9)), "passport_where_apply.overview"), "where do i go here")
    assert topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.abroad")


def test_still_nothing_after_an_application_is_its_delay():
    said = [UserUttered("envoyé ma demande passeport le 2 fév", "passport_status")]
    read = read_as(said, reading(("deny", 0.37)), "toujours rien 😤")
    assert topic_and_entry(read) == ("passport_status", "passport_status.delayed")
    # nothing applied for: a no stays a no
    asked = read_as([UserUttered("how long does a passport take", "passport_processing_times")], reading(("deny", 0.8)), "still nothing")
    assert asked["intent"]["name"] == "deny"


def test_an_appointment_asked_bare_after_where_to_apply():
    said = [UserUttered("où faire mon passeport à québec", "passport_where_apply")]
    read = read_as(said, reading(("nonsense", 0.34)), "faut rdv?")
    assert topic_and_entry(read) == ("passport_where_apply", "passport_where_apply.appointment")


def test_renewing_here_after_saying_where_abroad():
    said = [UserUttered("I am in Mumbai visiting family, my canadian passport expire next month", "passport_renew")]
    read = read_as(said, reading(("passport_renewal_eligibility", 0.62)), "can i renew here?")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.abroad")


def test_a_passports_year_after_the_online_renewal_is_the_check():
    said = [UserUttered("renouvellement passeport en ligne", "passport_renew")]
    read = read_as(said, reading(("passport_status", 0.69)), "mon passeport date de 2009 ça marche?")
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    still = read_as([UserUttered("je veux renouveler mon passeport", "passport_renew"),
                     UserUttered("il a été délivré en 2009 quand j'avais 30 ans", "nlu_fallback")],
                    reading(("nlu_fallback", 0.21)), "je peux encore ou c'est trop vieux?")
    assert still["intent"]["name"] == "passport_renewal_eligibility"


def test_the_sins_paper_lost_is_the_lost_cards_answer():
    read = read_as([], with_entry(reading(("sin_apply", 0.67), ("sin_protect", 0.3)), "sin_apply.newcomers"),
                   "i lost the paper with my SIN number on it, how to get it again?")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.lost_card")


def test_the_next_payment_after_the_ccb_named():
    said = [UserUttered("we get CCB since 2025, 2 kids", "nlu_fallback")]
    read = read_as(said, reading(("out_of_scope", 0.85)), "when is next payment")
    assert read["intent"]["name"] == "ccb_payment_dates"
    alone = read_as([], reading(("out_of_scope", 0.85)), "when is next payment")
    assert alone["intent"]["name"] == "out_of_scope"


def test_the_hospitals_papers_for_a_newborns_ccb():
    said = [UserUttered("bébé né le 15 mai à Gatineau, c'est mon premier", "ccb_apply")]
    read = read_as(said, reading(("ccb_payment_dates", 0.66)), "pour l'allocation, je fais quoi avec les papiers de l'hôpital?")
    assert topic_and_entry(read) == ("ccb_apply", "ccb_apply.birth_registration")


def test_missed_loan_payments_and_what_happens():
    text = "j'ai raté 2 paiements de mon prêt étudiant canadien car j'ai perdu mon emploi, qu'est-ce qui va m'arriver?"
    read = read_as([], reading(("student_loan_rap", 0.89), ("student_loan_repayment", 0.1)), text)
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.missed_payment")


def test_which_papers_for_a_sin_with_a_foreign_passport():
    said = [UserUttered("comment avoir le NAS, je suis étudiant international à Sherbrooke", "sin_apply")]
    read = read_as(said, reading(("passport_apply_adult", 0.73)),
                   "il faut apporter quels papiers? j'ai mon passeport tunisien et le permis d'études")
    assert topic_and_entry(read) == ("sin_apply", "sin_apply.documents")


def test_torn_pages_of_the_writers_own_passport_are_damage():
    text = "my child tear some pages of my passport, is it still ok for travel to Jamaica next month?"
    read = read_after([], reading(("passport_child", 0.55), ("passport_fees", 0.12)), text)
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.damaged")


@pytest.mark.parametrize("text, top, second, decided", [
    ("Respected sir, how much time to make passport for new citizen first time? thank you very much",
     "passport_apply_adult", "passport_processing_times", "passport_processing_times"),
    ("what is the simplified renewal, my cousin say it is easy way but i dont understand this word",
     "out_of_scope", "passport_renew", "passport_renew"),
    ("new in canada need sin number", "sin_apply", "sin_protect", "sin_apply"),
    ("étudiant étranger NAS possible?", "sin_protect", "sin_apply", "sin_apply"),
    ("né au qc, acte de naissance pour 1er passeport?", "passport_apply_adult", "passport_child", "passport_apply_adult"),
    ("calculate for my family pls: me renew 10y, my mother first passport 5y (she is 72), my son 6 years old. all in Montreal",
     "out_of_scope", "passport_fee_calculator", "passport_fee_calculator"),
    ("i apply at the Hong Kong consulate in march, how can i see status?", "out_of_scope", "passport_status", "passport_status"),
])
def test_second_language_writers_questions(text, top, second, decided):
    assert refined_top(text, (top, 0.5), (second, 0.45), labels=LABELS) == decided


def test_how_long_a_passport_is_valid_is_no_processing_time():
    assert refined_top("how much time is a first passport valid for", ("passport_apply_adult", 0.6), ("passport_processing_times", 0.3),
                       labels=LABELS) == "passport_apply_adult"


def test_a_newcomers_sin_is_decided_surely():
    from bot.nlu.classifier import refine

    decided = refine("new in canada need sin number", [{"name": "sin_apply", "confidence": 0.68},
                                                       {"name": "sin_protect", "confidence": 0.32}], LABELS)
    assert decided[0] == {"name": "sin_apply", "confidence": 1.0}  # or the knowledge selector moves it to a new SIN's entry
    assert not phrases.sin_for_a_newcomer("new in canada, someone stole my sin card")


@pytest.mark.parametrize("text", [
    "je peux renouveler mon passeport ou il faut une nouvelle demande?",
    "can i renew it or do i need a new application",
    "am i elligble 4 renewal",
])
def test_renewing_or_a_new_application_asked(text):
    assert phrases.asks_whether_renewable(text) == "passport_renewal_eligibility"


def test_french_or_before_a_new_application_is_no_where():
    assert not ASKS_WHERE.search(fold("je peux faire le renouvellement ou je dois faire comme une nouvelle demande?"))
    assert ASKS_WHERE.search(fold("j'habite a Paris, ou je dois faire ma demande?"))


def test_a_passport_expiring_tomorrow_with_a_trip_is_urgent():
    assert phrases.expired_passport_with_trip(
        "je pars a Lima dans 6 jours pour le mariage de ma hermana, mon passeport expire demain, qu'est ce que je fais")
    assert phrases.says_no_passport_yet("pas encore de passeport faisable?")
    assert not phrases.says_no_passport_yet("pas encore de passeport valide")


def test_quebec_city_and_a_towns_preposition():
    assert names_a_canadian_place("où faire mon passeport à québec")
    assert not names_a_canadian_place("les écoles au québec")
    assert not names_a_canadian_place("a quebec health card")
    assert without_places("renew by mail from regina ok?") == "renew by mail ok?"


@pytest.mark.parametrize("text", [
    "can u crop my pic to fit",
    "peux-tu recadrer ma photo",
    "sa résidence permanente ça avance comment?",
    "pendant le chômage je peux demander l'aide sociale du Québec aussi?",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None


@pytest.mark.parametrize("text", [
    "can you fix my passport photo application?",
    "j'ai ma résidence permanente, comment avoir mon NAS?",
])
def test_ours_stays_ours(text):
    assert phrases.other_service_named(text) is None


def test_where_to_apply_in_quebec_city_read_as_off_topic_at_even_odds():
    assert refined_top("où faire mon passeport à québec", ("out_of_scope", 0.5), ("passport_where_apply", 0.43),
                       labels=LABELS) == "passport_where_apply"


def test_a_seniors_discount_is_the_fee_asked():
    assert phrases.asks_age_discount("Est-ce qu'il y a un rabais sur le passeport pour les aînés?")
    assert phrases.asks_age_discount("do retired people pay less for a passport")
    assert not phrases.asks_age_discount("my mom is a senior, can she renew by mail?")
    assert refined_top("Bonjour, je suis à la retraite forcée et mon budget est serré. Est-ce qu'il y a un rabais sur le passeport "
                       "pour les aînés?", ("out_of_scope", 0.6), ("passport_fees", 0.2), labels=LABELS) == "passport_fees"
    said = [UserUttered("im 70 and my passport expires in june", "passport_renew")]
    read = read_as(said, reading(("out_of_scope", 0.7)), "is there a seniors discount")
    assert read["intent"]["name"] == "passport_fees" and read["read_with"] == "im 70 and my passport expires in june"


def test_how_long_a_reference_must_have_known_one_stays_a_first_passports():
    assert refined_top("mes 2 références doivent me connaître depuis combien de temps? pis ça peut tu être mon coloc",
                       ("passport_apply_adult", 0.6), ("passport_processing_times", 0.3), labels=LABELS) == "passport_apply_adult"


def test_the_price_or_the_place_asked_from_abroad_is_no_renewal_from_here():
    said = [UserUttered("im in paris, my passport expires in 2 months", "passport_renew")]
    price = read_as(said, reading(("passport_fees", 0.9)), "how much to renew from here")
    assert price["intent"]["name"] == "passport_fees"
    where = read_as([UserUttered("I'm in Lisbon for six months.", "out_of_scope")], reading(("passport_where_apply", 0.59)),
                    "Where do I go to renew my passport here?")
    assert where["intent"]["name"] == "passport_where_apply"


def test_a_total_asked_keeps_one_need_but_doing_it_all_together_is_no_price():
    from bot.engine.context.parts import TOTAL_ASKED

    assert TOTAL_ASKED.search(fold("ça fait combien en total svp?"))
    assert not TOTAL_ASKED.search(fold("can we do it all together"))


def test_another_card_lost_read_off_topic_is_no_sins():
    read = read_as([], reading(("out_of_scope", 0.96)), "my bank says my credit card was stolen, how do i get a new one")
    assert read["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text", ["n next month", "et le mois prochain"])
def test_next_month_after_this_months_ccb_date(text):
    said = [UserUttered("ccb date this month?", "ccb_payment_dates")]

    async def parse(again: str) -> dict:  # read with the question before it, the CCB's dates
        return reading(("ccb_payment_dates", 0.9)) if "ccb" in again else reading(("affirm", 0.31))

    read = read_after(said, reading(("affirm", 0.31)), text, parse)
    assert read["intent"]["name"] == "ccb_payment_dates"
    # a yes after a question stays a yes
    assert read_after(said, reading(("affirm", 0.9)), "yes", parse)["intent"]["name"] == "affirm"
