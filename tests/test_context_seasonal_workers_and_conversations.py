"""Without a model, the fiftieth session's round 3: seasonal and irregular workers (development 116)
and conversations in progress (development 117). A child's age written "3 yr olds"; a consent
letter when the other parent "is staying"; a SIN asked for in so many words beside a visa; EI for
self-employed fishers; hours or earnings or a town told after EI's hours or amount; "if its not in
by then" after the CCB's date; the other parent asked to sign from far away; EI told as last year's
income after a CCB that changed; the birth papers' box not ticked; a season's end, then the time to
apply; the SIN card in a stolen wallet; a child's age after a renewal turned out to be the child's;
ready asked after applying; "c tu long?" after renewing by mail; a hockey club asking for a son's
SIN; a maternity leave asked of the federal government; mailing instead of going; the express
service's fee; the urgent service for a renewal; a departure day after the urgent service; a trip
counted from today's date told; a birth told after applying for the CCB; a town after "where do I
go?"; a passport found after "nvm"; a form to report a loss; someone to apply for the writer; a
question, then one's weak French; and what is not ours: CPP contributions, a food bank, the police's
number abroad, vacation pay owed, the weather asked with no subject."""

from __future__ import annotations

import pytest

from bot.language import weakness_told_after_a_question
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_after, read_as, reading, refined_top, topic_and_entry, with_entry

LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
          "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
          "passport_fee_calculator", "passport_lost_stolen", "sin_apply", "sin_protect", "ei_eligibility", "ei_apply",
          "choose_language", "out_of_scope", "nlu_fallback"]


def test_a_childs_age_with_its_possessive_unwritten_names_a_child():
    assert phrases.names_a_child("who can be the guarantor for my 3 yr olds passport")
    assert not phrases.names_a_child("who can be my guarantor, im 30 yrs old")


def test_a_letter_when_the_other_parent_stays_home_is_the_consent_letter():
    text = ("going to see my mom in jamaica in march with my 2 kids, husband is staying to work the lifts at whistler. "
            "what letter do i need from him")
    assert phrases.asks_consent_letter_for_a_trip(text)
    assert refined_top(text, ("out_of_scope", 0.8), labels=LABELS) == "passport_child"


@pytest.mark.parametrize("text, top, expected", [
    ("how do i get a SIN number, just landed on working holiday visa to work at lake louise",
     (("sin_apply", 0.51), ("out_of_scope", 0.46)), "sin_apply"),
    ("i fish snow crab in the gulf on my own boat, is there ei for self employed fishers",
     (("out_of_scope", 0.75), ("ei_eligibility", 0.19)), "ei_eligibility"),
    ("je travaille a la baie-james 3 semaines in 1 semaine out, je peux tu envoyer ma demande de passeport par la poste au lieu d'y aller?",
     (("passport_processing_times", 0.33), ("passport_where_apply", 0.3)), "passport_where_apply"),
    ("Good afternoon. Could you please tell me the fee for the express service? Many thanks.",
     (("passport_fee_calculator", 0.51), ("passport_fees", 0.4)), "passport_fees"),
    ("oh and its a renewal, can u do urgent for renewals?",
     (("passport_renewal_eligibility", 0.55), ("passport_urgent", 0.3)), "passport_urgent"),
])
def test_the_model_overruled_by_what_the_message_says(text, top, expected):
    assert refined_top(text, *top, labels=LABELS) == expected


def test_a_sin_asked_for_is_not_decided_when_one_was_lost():
    from bot.nlu.classifier import refine

    ranking = [{"name": "sin_apply", "confidence": 0.51}, {"name": "out_of_scope", "confidence": 0.46}]
    decided = refine("how do i get a SIN number, just landed on working holiday visa", ranking, LABELS)
    assert (decided[0]["name"], decided[0]["confidence"]) == ("sin_apply", 1.0)
    lost = refine("how do i get a new SIN, i lost mine", ranking, LABELS)
    assert lost[0]["confidence"] < 1.0  # losing one is protecting it, left to the model


def test_a_maternity_leave_asked_of_the_federal_government_is_eis():
    assert phrases.names_ei_benefit("ma blonde accouche en juillet, comment elle demande son conge de maternite du federal")
    assert not phrases.names_ei_benefit("mon employeur doit-il me donner mon conge de maternite?")


@pytest.mark.parametrize("said, text, expected", [
    ("how many hours do i need for ei", "i only got 480 this season at the cannery in prince rupert", ("ei_eligibility", None)),
    ("how much does EI pay", "i make about 900 a week on the framing crew", ("ei_eligibility", "ei_eligibility.benefit_amount")),
    ("how many hours do i need for ei", "in moncton", ("ei_eligibility", "ei_eligibility.hours_needed")),
])
def test_what_a_worker_tells_after_eis_hours_or_amount(said, text, expected):
    read = read_after([UserUttered(said, "ei_eligibility")], reading(("out_of_scope", 0.6)), text)
    assert read["intent"]["name"] == expected[0]
    if expected[1]:
        assert topic_and_entry(read) == expected


def test_a_town_after_a_passport_question_is_not_eis():
    read = read_after([UserUttered("how much is a passport", "passport_fees")], reading(("out_of_scope", 0.9)), "in moncton")
    assert read["intent"]["name"] != "ei_eligibility"


def test_the_ccb_not_in_by_then_is_a_missing_payment():
    said = [UserUttered("when is ccb paid this month", "ccb_payment_dates")]
    read = read_after(said, reading(("deny", 0.52)), "and if its not in by then?")
    assert topic_and_entry(read) == ("ccb_payment_dates", "ccb_payment_dates.payment_missing")


def test_the_other_parent_asked_to_sign_from_far_away_is_the_consent():
    said = [UserUttered("my daughter needs a passport, she's 11", "passport_child")]
    read = read_as(said, with_entry(reading(("passport_where_apply", 0.58)), "passport_where_apply.by_mail"),
                   "her dad is working camp in alberta, can he sign from there and mail it")
    assert topic_and_entry(read) == ("passport_child", "passport_child.consent")


def test_ei_told_as_last_years_income_after_a_ccb_that_changed_is_the_july_change():
    said = [UserUttered("my ccb went down this july", "ccb_payment_dates")]
    read = read_after(said, reading(("ei_eligibility", 0.71)), "i was on ei most of last year does that change it")
    assert topic_and_entry(read) == ("ccb_payment_dates", "ccb_payment_dates.july_change")


@pytest.mark.parametrize("text", [
    "j'ai pas coché la case pour les prestations dans les papiers de naissance à l'hôpital, comment je fais la demande astheure?",
    "jai pas coché la case a l'hopital pour inscrire le bebe, je fais comment maintenant?",
])
def test_the_birth_papers_box_not_ticked_is_applying_for_the_ccb(text):
    read = read_after([], reading(("ei_apply", 0.6)), text)
    assert topic_and_entry(read) == ("ccb_apply", "ccb_apply.birth_registration")


def test_the_time_to_apply_after_a_seasons_end_is_eis_deadline():
    said = [UserUttered("je finis la saison au massif de charlevoix le 12 avril", "out_of_scope")]
    read = read_after(said, reading(("passport_processing_times", 0.85)), "j'ai combien de temps pour faire ma demande apres")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.deadline")
    read = read_after([], reading(("ei_eligibility", 0.31)), "fin de saison a tremblant le 15 avril, je fais ma demande de chomage quand exactement")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.deadline")


def test_the_sin_card_in_a_stolen_wallet_is_a_lost_card():
    said = [UserUttered("mon portefeuille s'est fait voler avec mon passeport dedans", "passport_lost_stolen")]
    read = read_as(said, reading(("sin_apply", 0.91)), "pis ma carte de NAS etait dedans aussi, je dois faire quoi pour ca")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.lost_card")


def test_a_childs_age_after_the_renewal_turned_out_to_be_hers_is_a_childs_passport():
    said = [UserUttered("je peux tu renouveler mon passeport en ligne?", "passport_renew"),
            UserUttered("non attends c'est pas pour moi c'est pour ma fille", "passport_renew")]
    read = read_after(said, reading(("passport_child", 0.84)), "elle a 15 ans")
    assert read["intent"]["name"] == "passport_child"


def test_ready_asked_after_applying_is_the_status():
    said = [UserUttered("jai fait ma demande de passeport a Gatineau il y a 3 semaines", "passport_status")]
    read = read_after(said, reading(("help", 0.78)), "comment je sais si il est pret?")
    assert read["intent"]["name"] == "passport_status"


def test_is_it_long_after_a_renewal_by_mail_is_the_time():
    said = [UserUttered("je vais renouveler par la poste", "passport_renew")]
    read = read_after(said, reading(("chitchat", 0.81)), "c tu long?")
    assert read["intent"]["name"] == "passport_processing_times"


def test_a_club_asking_for_a_sons_sin_is_who_may_ask():
    said = [UserUttered("comment avoir un NAS pour mon fils", "sin_apply")]
    read = read_as(said, {**reading(("sin_apply", 0.9)), "read_with": "comment avoir un NAS pour mon fils"},
                   "pis son club de hockey le demande, c tu normal?")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.who_can_ask")


def test_a_departure_day_after_the_urgent_service_is_the_urgent_service():
    said = [UserUttered("i need my passport urgently", "passport_urgent")]
    assert read_after(said, reading(("goodbye", 0.48)), "leaving tuesday")["intent"]["name"] == "passport_urgent"
    # a goodbye stays one
    assert read_after(said, reading(("goodbye", 0.9)), "ok thanks bye")["intent"]["name"] == "goodbye"


def test_a_trip_counted_from_the_day_told_is_the_urgent_service():
    said = [UserUttered("je pars en Italie le 14", "nlu_fallback")]
    read = read_after(said, reading(("nlu_fallback", 0.3), ("passport_processing_times", 0.25)),
                      "on est le 9, jai tu le temps d'avoir un passeport?")
    assert read["intent"]["name"] == "passport_urgent"


def test_a_birth_told_after_applying_for_the_ccb_is_the_application():
    said = [UserUttered("how do i apply for ccb for my baby", "ccb_apply")]
    assert read_after(said, reading(("out_of_scope", 0.94)), "born in vancouver march 3")["intent"]["name"] == "ccb_apply"


def test_a_town_after_where_to_go_is_where_for_that_topic():
    said = [UserUttered("jai besoin dun passeport vite vite, ou je dois aller?", "passport_urgent")]
    read = read_after(said, reading(("out_of_scope", 0.81)), "a Trois-Rivieres")
    assert read["intent"]["name"] == "passport_urgent"


def test_a_passport_found_after_nvm_is_the_found_answer():
    said = [UserUttered("i lost my passport", "passport_lost_stolen")]
    read = read_after(said, reading(("stop", 0.35)), "nvm found it in my jacket lol. can i still use it or is it cancelled now")
    assert topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.found")


def test_a_form_to_report_a_loss_is_the_declaration():
    said = [UserUttered("lost my passport in vancouver", "passport_lost_stolen")]
    read = read_after(said, reading(("nlu_fallback", 0.3)), "do i have to fill out a form to report it or just call")
    assert topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.declaration")


def test_someone_to_apply_for_the_writer_is_getting_a_sin():
    said = [UserUttered("comment avoir NAS, moi travailleur agricole du mexique, ferme a mirabel", "sin_apply")]
    read = read_after(said, reading(("sin_protect", 0.63)), "pis mon employeur peut tu le faire a ma place?")
    assert read["intent"]["name"] == "sin_apply"


def test_a_question_then_ones_weak_french_is_the_question():
    text = "pis mon employeur peut tu le faire a ma place? je parle pas beaucoup francais"
    assert weakness_told_after_a_question(text)
    assert not weakness_told_after_a_question("je parle pas francais")
    assert refined_top(text, ("choose_language", 0.65), ("sin_apply", 0.2), labels=LABELS) == "sin_apply"
    # a language asked for stays a language request
    assert refined_top("english please", ("choose_language", 0.65), ("sin_apply", 0.2), labels=LABELS) == "choose_language"


@pytest.mark.parametrize("text", [
    "and do i still pay into cpp while im on ei",
    "en attendant le premier depot y a tu une banque alimentaire a matane?",
    "c quoi le numero de la police a barcelone?",
    "pis mon ancien boss me doit 2 semaines de vacances, je porte plainte ou?",
    "fait tu beau a cancun en mars?",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None


def test_reporting_to_the_police_stays_ours():
    assert phrases.other_service_named("do i have to report my lost passport to the police") is None
