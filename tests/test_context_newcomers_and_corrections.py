"""Without a model, the forty-ninth session: newcomers writing in a second language and
conversations in progress. A message that corrects the one before it ("no wait i meant my sin
card, not my passport", "c'est pour ma fille, elle a 11 ans"); the same asked for a spouse who
holds a permit; a newcomer's arrival told after the CCB; a payment too high for part-time pay;
the urgent service asked for the children; a name change or "j'ai-tu le droit?" after a renewal;
the faster of going in person and mailing it; a passport drawn on, late, or mailed and feared
lost; renewing from where one works abroad; how to do the simplified renewal after what allows
it; which card will do as ID; a total asked with "en tout"; the better of one's two languages;
and what is not ours: the US green card, another country's visa or India's OCI, a health card
for a baby, becoming a citizen, filing taxes with no work, a word's translation."""

from __future__ import annotations

import pytest

from bot.engine.context.follow_ups import SAME_FOR_SOMEONE
from bot.engine.context.passports import told_damaged
from bot.language import Detection, detect, requested_language
from bot.nlu import phrases
from tests.support.readings import UserUttered, parser, read_after, reading, refined_top, topic_and_entry, with_entry

PASSPORT_LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
                   "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
                   "passport_lost_stolen", "out_of_scope", "nlu_fallback"]
ALL_LABELS = PASSPORT_LABELS + ["ei_apply", "ei_eligibility", "sin_apply", "sin_protect", "ccb_apply"]


def test_a_correction_rereads_the_message_before_about_the_thing_now_named():
    said = [UserUttered("i lost it yesterday at the mall", "passport_lost_stolen")]
    lost_card = with_entry(reading(("sin_protect", 0.96)), "sin_protect.lost_card")
    read = read_after(said, reading(("sin_apply", 0.63)), "no wait i meant my sin card, not my passport",
                      parser({"i lost it yesterday at the mall i meant my sin card": lost_card,
                              "i lost it yesterday at the mall my sin card": lost_card}))
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.lost_card")
    # read again unsurely, the correction is left as it was read
    unsure = read_after(said, reading(("sin_apply", 0.63)), "no wait i meant my sin card, not my passport")
    assert unsure["intent"]["name"] == "sin_apply"


def test_a_correction_naming_a_child_after_a_renewal_is_a_child_passport():
    said = [UserUttered("comment renouveler mon passeport", "passport_renew")]
    read = read_after(said, reading(("passport_renewal_eligibility", 1.0)), "c'est pour ma fille, elle a 11 ans")
    assert read["intent"]["name"] == "passport_child"
    # an adult child: no child passport
    grown = read_after(said, reading(("passport_renew", 0.9)), "c'est pour ma fille, elle a 24 ans")
    assert grown["intent"]["name"] != "passport_child"


def test_the_same_asked_for_a_spouse_who_holds_a_permit_is_the_conversations_question():
    assert SAME_FOR_SOMEONE.search("my wife come with me on open work permit, same process for her?")
    assert SAME_FOR_SOMEONE.search("mon mari a un permis de travail ouvert, c'est pareil pour lui?")
    said = [UserUttered("how to get sin for international student", "sin_apply")]
    read = read_after(said, reading(("out_of_scope", 1.0)), "my wife come with me on open work permit, same process for her?")
    assert read["intent"]["name"] == "sin_apply"
    # the permit itself asked for stays another service's
    other = read_after(said, reading(("out_of_scope", 1.0)), "how does my wife get an open work permit?")
    assert other["intent"]["name"] == "out_of_scope"


def test_a_newcomers_arrival_told_after_the_ccb_is_a_newcomers_application():
    said = [UserUttered("je veux demander l'allocation canadienne pour enfants", "ccb_apply")]
    read = read_after(said, reading(("out_of_scope", 0.83)), "on est nouveaux arrivants, arrivés à québec en février")
    assert topic_and_entry(read) == ("ccb_apply", "ccb_apply.newcomers")
    asked = [UserUttered("is there ccb for newcomers", "ccb_apply")]
    taxes = read_after(asked, reading(("out_of_scope", 1.0)), "i dont have tax return yet, only arrive in october")
    assert topic_and_entry(taxes) == ("ccb_apply", "ccb_apply.newcomers")
    # no newcomer in the conversation: the tax return stays the CRA's
    plain = [UserUttered("how do i apply for ccb", "ccb_apply")]
    assert read_after(plain, reading(("out_of_scope", 1.0)), "i dont have my tax return yet")["intent"]["name"] == "out_of_scope"


def test_a_loan_payment_too_high_for_part_time_pay_is_the_repayment_assistance_plan():
    said = [UserUttered("my student loan payment is 350 a month", "student_loan_repayment")]
    read = read_after(said, reading(("nlu_fallback", 0.52)), "too much, i work part time only. what i can do")
    assert read["intent"]["name"] == "student_loan_rap"
    french = [UserUttered("mon paiement de prêt étudiant est de 400$ par mois", "student_loan_repayment")]
    assert read_after(french, reading(("nlu_fallback", 0.4)), "c'est trop cher pour moi, je fais quoi?")["intent"]["name"] == "student_loan_rap"


def test_the_urgent_service_asked_for_the_children_is_the_urgent_service_as_one_need():
    said = [UserUttered("we need passports urgent, travel in 4 days to brazil, me and my husband", "passport_urgent")]
    read = read_after(said, reading(("passport_child", 0.99)), "our kids also, urgent is possible for them?")
    assert read["intent"]["name"] == "passport_urgent" and read.get("read_with")
    assert refined_top("our kids also, urgent is possible for them?", ("passport_child", 0.99), ("passport_urgent", 0.01),
                       labels=PASSPORT_LABELS) == "passport_urgent"
    # their price asked: the child's fee stays
    assert not phrases.asks_if_fast_service_possible("how much is a passport for the kids")


def test_a_name_change_or_a_bare_may_i_after_a_renewal_is_the_renewals():
    said = [UserUttered("can i renew online", "passport_renew")]
    read = read_after(said, reading(("sin_apply", 0.45)), "what if my name changed since")
    assert topic_and_entry(read) == ("passport_apply_adult", "passport_apply_adult.name_change")
    sin = [UserUttered("how do i get a sin", "sin_apply")]
    assert read_after(sin, reading(("sin_apply", 0.9)), "what if my name changed since")["intent"]["name"] == "sin_apply"
    told = [UserUttered("je peux-tu renouveler mon passeport par la poste", "passport_renew"),
            UserUttered("il a expiré en 2017", "passport_renewal_eligibility")]
    entitled = read_after(told, reading(("ei_eligibility", 0.86)), "donc j'ai-tu le droit?")
    assert entitled["intent"]["name"] == "passport_renewal_eligibility"
    laid_off = [UserUttered("i got laid off last week", "ei_eligibility")]
    assert read_after(laid_off, reading(("ei_eligibility", 0.86)), "donc j'ai-tu le droit?")["intent"]["name"] == "ei_eligibility"


def test_the_faster_of_in_person_and_mail_is_the_two_ways_compared():
    assert phrases.asks_which_way_is_faster("should i go in person or mail it, which is faster")
    assert phrases.asks_which_way_is_faster("c'est tu plus vite en personne ou par la poste")
    assert not phrases.asks_which_way_is_faster("can i apply in person or by mail")
    assert refined_top("is it quicker in person or by mail", ("nlu_fallback", 0.26), ("passport_processing_times", 0.2),
                       labels=PASSPORT_LABELS) == "passport_apply_adult"
    said = [UserUttered("my passport expires in 3 weeks", "passport_renew")]
    read = read_after(said, reading(("passport_renew", 1.0)), "should i go in person or mail it, which is faster")
    assert topic_and_entry(read) == ("passport_apply_adult", "passport_apply_adult.in_person_vs_mail")


@pytest.mark.parametrize("text, damaged", [
    ("my toddler draw on my passport page with marker lol. still can renew with this passport?", True),
    ("mon fils a dessiné sur mon passeport avec un crayon feutre", True),
    ("my son drew a map of our trip for school", False),
    ("i wrote my address on the form in pen", False),
])
def test_a_passport_drawn_on_is_damaged(text, damaged):
    assert told_damaged(text) is damaged


def test_a_late_or_mailed_and_feared_lost_application_is_its_status():
    assert phrases.passport_overdue("my passport is late, i travel in 10 days and nobody answer me")
    assert phrases.passport_overdue("mon passeport est en retard pis je pars dans 2 semaines, personne répond")
    assert not phrases.passport_overdue("my passport expires late next year")
    text = "applied by mail 7 weeks ago and nothing, is it lost??"
    assert refined_top(text, ("ei_apply", 0.33), ("passport_status", 0.2), ("sin_apply", 0.1), labels=ALL_LABELS) == "passport_status"
    # applied online (EI's way): not a mailed passport
    online = "applied online 7 weeks ago and nothing, is it lost??"
    assert refined_top(online, ("ei_apply", 0.33), ("passport_status", 0.2), ("sin_apply", 0.1), labels=ALL_LABELS) == "ei_apply"


def test_renewing_from_where_one_works_abroad_is_renewing():
    text = "salam, i am canadian working in abu dhabi on contract. can i renew my passport from here the simple way?"
    assert refined_top(text, ("passport_where_apply", 0.76), ("passport_renew", 0.2), labels=PASSPORT_LABELS) == "passport_renew"
    where = "i live in abu dhabi, where do i go to renew my passport?"
    assert refined_top(where, ("passport_where_apply", 0.76), ("passport_renew", 0.2), labels=PASSPORT_LABELS) == "passport_where_apply"


def test_how_to_do_the_simplified_renewal_after_what_allows_it_is_how_to_renew():
    text = "how to do the simplified renewal of passport, i live calgary, my old one is 10 year from 2018"
    assert phrases.asks_whether_renewable(text) == "passport_renew"
    assert phrases.asks_whether_renewable("can i renew, mine is a 10 year from 2018") == "passport_renewal_eligibility"
    # what is told rules it out: whether
    assert phrases.asks_whether_renewable("how do i renew, mine was issued in 2008") == "passport_renewal_eligibility"


def test_which_card_will_do_as_id_read_off_topic_is_a_first_passports_id():
    text = "pour la pièce d'identité c'est bon la carte d'assurance maladie ou il faut absolument le permis de conduire?"
    assert refined_top(text, ("out_of_scope", 0.56), ("passport_apply_adult", 0.42), labels=PASSPORT_LABELS) == "passport_apply_adult"
    # the passport hardly likely: off topic
    english = "for the ID is my health card ok or do i need my drivers licence?"
    assert refined_top(english, ("out_of_scope", 0.92), ("passport_apply_adult", 0.08), labels=PASSPORT_LABELS) == "out_of_scope"


def test_a_total_asked_with_en_tout_is_a_price():
    assert phrases.asks_price("donc en tout avec un 10 ans adulte?")
    assert phrases.asks_price("so in total with a 10 year adult?")
    assert not phrases.asks_price("en tout cas merci")


def test_the_better_of_ones_two_languages_is_the_one_asked_for():
    assert detect("my french better than my english, can we switch") == Detection("fr", "explicit")
    assert detect("mon anglais est meilleur que mon français, on peut changer?") == Detection("en", "explicit")
    assert requested_language("how say thank you in french") is None


@pytest.mark.parametrize("text", [
    "ok and the green card for usa how much",
    "do i need indian visa or OCI with canadian passport?",
    "and the health card for her, how i do",
    "is the health card the same for her?",
    "ok ben comment je deviens citoyen d'abord",
    "je dois faire une déclaration d'impôt même si j'ai pas travaillé?",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None


def test_a_health_card_asked_about_as_id_stays_ours():
    assert phrases.other_service_named("et la carte soleil, elle est bonne comme pièce d'identité pour le passeport?") is None
