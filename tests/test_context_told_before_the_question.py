"""bot/engine/context/ and bot/nlu/ without a model, the thirty-third session's readings: a thing a
baby has in the photo after the photo's rules; someone else to sign after a renewal; what to bring
after the urgent service or a first passport told; the CCB's taxes asked as the cause of a payment
missed; a damaged passport's trip asked unsurely; the urgent service's weekend entry only when a
weekend or holiday is said; and the phrasings the model's ranking gives way to (online tracking, a
status stage told, an overdue passport, EI's reports, an income with paying nothing, a passport
wanted sooner for a date this soon)."""

from __future__ import annotations

from functools import partial

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, parser, read_after, reading, refined_top

PHOTO_RULES = "what are the rules for passport photos"


@pytest.mark.parametrize("text", ["can my baby have her soother in it", "mon bébé peut-tu avoir sa suce"])
def test_a_thing_a_baby_has_in_the_photo_after_the_photos_rules_is_the_photos(text):
    readings = {f"{PHOTO_RULES} {text}": {**reading(("passport_photo", 0.97), ("passport_child", 0.02)),
                                          "knowledge": {"id": "passport_photo.baby", "score": 0.9, "by_intent": {
                                              "passport_photo": {"id": "passport_photo.baby", "score": 0.9}}}}}
    alone = reading(("passport_child", 0.65), ("passport_photo", 0.3))
    read = read_after([UserUttered(PHOTO_RULES, "passport_photo")], alone, text, parser(readings))
    assert read["intent"]["name"] == "passport_photo"
    assert entry(read) == "passport_photo.baby"


def test_a_childs_own_passport_asked_after_the_photos_rules_stays_the_childs():
    text = "does my son need one too"  # nothing held in the photo: his own passport
    readings = {f"{PHOTO_RULES} {text}": reading(("passport_photo", 0.9))}
    alone = reading(("passport_child", 0.9), ("passport_photo", 0.05))
    read = read_after([UserUttered(PHOTO_RULES, "passport_photo")], alone, text, parser(readings))
    assert read["intent"]["name"] == "passport_child"


@pytest.mark.parametrize("said, topic", [
    ("where do i get the passport renewal form", "passport_where_apply"),  # a renewal named
    ("i want to renew my passport", "passport_renew"),
])
def test_someone_else_to_sign_after_a_renewal_is_no_guarantor(said, topic):
    text = "can i sign it myself or i need someone else to sign"
    alone = reading(("passport_apply_adult", 0.48), ("passport_renew", 0.2))
    read = read_after([UserUttered(said, topic)], alone, text, parser({}))
    assert read["intent"]["name"] == "passport_renew"
    assert entry(read) == "passport_renew.no_guarantor"
    # after a first passport, the same question stays the first passport's
    first = read_after([UserUttered("i want my first passport", "passport_apply_adult")], alone, text, parser({}))
    assert first["intent"]["name"] == "passport_apply_adult"


def test_what_to_bring_after_the_urgent_service_is_the_application_and_the_proof_of_travel():
    said = [UserUttered("je pars à Punta Cana dans 5 jours", "passport_urgent"),
            UserUttered("j'ai pas de passeport valide", "passport_urgent")]
    read = read_after(said, reading(("passport_apply_adult", 0.61), ("passport_urgent", 0.2)),
                      "qu'est ce que je dois apporter au comptoir?", parser({}))
    assert read["intent"]["name"] == "passport_urgent"
    assert entry(read) == "passport_urgent.proof_of_travel"


def test_what_to_bring_read_as_a_call_for_help_after_a_first_passport_told_is_its_documents():
    said, text = "je fais mon premier passeport demain au bureau de montreal, jai 22 ans", "qu'est ce que je dois apporter"
    readings = {f"{said} {text}": reading(("passport_apply_adult", 0.95))}
    read = read_after([UserUttered(said, "passport_apply_adult")], reading(("help", 0.8), ("out_of_scope", 0.1)), text,
                      parser(readings))
    assert read["intent"]["name"] == "passport_apply_adult"
    # with nothing of ours told, a call for help stays one
    other = read_after([UserUttered(said, "passport_apply_adult")], reading(("help", 0.8), ("out_of_scope", 0.1)), text,
                       parser({}))
    assert other["intent"]["name"] == "help"


def test_taxes_asked_as_the_cause_of_a_ccb_payment_missed_is_why_payments_stop_however_sure_the_reading():
    said, text = "my ccb didnt come this month", "is it bc i didnt do my taxes yet?"
    read = read_after([UserUttered(said, "ccb_payment_dates")], reading(("ccb_apply", 1.0)), text, parser({}))
    assert read["intent"]["name"] == "ccb_payment_dates"
    assert entry(read) == "ccb_payment_dates.payment_stopped"
    # after applying, the same taxes are the application's (both parents' returns)
    applying = read_after([UserUttered("how do i apply for the ccb", "ccb_apply")], reading(("ccb_apply", 0.9)),
                          "my husband never files taxes, is that a problem", parser({}))
    assert entry(applying) == "ccb_apply.file_taxes"


def test_a_trip_asked_unsurely_after_a_damaged_passport_is_the_damaged_passports_answer():
    said, text = "my passport is damaged, the cover is ripped", "can i still travel with it next month to cuba"
    unsure = {**reading(("nlu_fallback", 0.3), ("out_of_scope", 0.28), ("passport_renew", 0.2)),
              "intent": {"name": "nlu_fallback", "confidence": 0.28}}
    read = read_after([UserUttered(said, "passport_renew")], unsure, text, parser({}))
    assert read["intent"]["name"] == "passport_renew"
    assert entry(read) == "passport_renew.damaged"


@pytest.mark.parametrize("text, expected", [
    ("my grandmother died in punjab, funeral next tuesday, i need passport asap please help me", "passport_urgent.overview"),
    ("can i get a passport on the weekend", "passport_urgent.weekend_emergency"),
    ("urgence familiale, j'ai besoin de mon passeport samedi", "passport_urgent.weekend_emergency"),
])
def test_the_weekend_service_answers_only_when_a_weekend_or_holiday_is_said(text, expected):
    read = {**reading(("passport_urgent", 1.0)), "knowledge": {"id": "passport_urgent.weekend_emergency", "by_intent": {}}}
    assert entry(read_after([], read, text, parser({}))) == expected


LABELS = ["passport_status", "passport_urgent", "passport_processing_times", "passport_renew", "ei_apply",
          "student_loan_repayment", "student_loan_rap", "out_of_scope", "passport_photo", "passport_where_apply",
          "passport_apply_adult", "passport_renewal_eligibility", "passport_fees", "request_human"]


top = partial(refined_top, labels=LABELS)


@pytest.mark.parametrize("text, pairs, expected", [
    # online tracking asked: the status
    ("y a tu un suivi en ligne pour les passeports", (("passport_processing_times", 0.59), ("passport_status", 0.37)),
     "passport_status"),
    # a stage the status shows, told, read off topic with the status second
    ("my status says printed, what does that mean, when do i get it", (("out_of_scope", 0.63), ("passport_status", 0.36)),
     "passport_status"),
    # EI's reports, whatever the model reads
    ("do i have to do those reports every 2 weeks, what happens if i forget one", (("passport_renew", 0.57), ("ei_apply", 0.1)),
     "ei_apply"),
    # an income told as a sum with paying nothing asked: the plan
    ("i make 28k a year, single no kids. would i qualify to pay nothing on my student loan",
     (("student_loan_repayment", 0.63), ("student_loan_rap", 0.29)), "student_loan_rap"),
    ("i make 45000 a year how much will my payments be", (("student_loan_repayment", 0.63), ("student_loan_rap", 0.29)),
     "student_loan_repayment"),
    # a passport wanted sooner for a date this soon, torn with off topic
    ("my grandmother died in punjab, funeral next tuesday, i need passport asap please help me",
     (("passport_urgent", 0.485), ("out_of_scope", 0.45)), "passport_urgent"),
    ("my grandmother died in punjab, the funeral is in june, how do i get a passport",
     (("out_of_scope", 0.485), ("passport_urgent", 0.45)), "out_of_scope"),
    # photos had before, asked for a renewal: the photos' rule (taken within 6 months)
    ("for renewal do i need new pics or can they use the ones from last time",
     (("passport_renewal_eligibility", 0.66), ("passport_photo", 0.3)), "passport_photo"),
    # a renewal by mail or in person: the ways to apply, not whether one may renew
    ("jreste a rimouski, je peux tu renouveler par la poste ou faut que jaille en personne",
     (("passport_renewal_eligibility", 0.24), ("request_human", 0.21), ("passport_where_apply", 0.15)), "passport_where_apply"),
    # the renewal's form, read as a first passport's
    ("which form do i use to renew an adult passport in canada", (("passport_apply_adult", 0.59), ("passport_renew", 0.26)),
     "passport_renew"),
    ("which form do i use if i cant renew, my first one was lost", (("passport_apply_adult", 0.59), ("passport_renew", 0.26)),
     "passport_apply_adult"),
    # a faster service refused: the regular service's time
    ("si je fais ma demande aujourdhui je vais tu lavoir pour la fin mai? sans payer de frais urgent",
     (("passport_urgent", 0.39), ("passport_fees", 0.12)), "passport_processing_times"),
    ("how much for urgent", (("passport_urgent", 0.6), ("passport_fees", 0.3)), "passport_fees"),
    # whether a mailed application arrived, and where it is at: the status
    ("I mailed my passport renewal on February 2 and would like to know if it has arrived",
     (("passport_processing_times", 0.44), ("passport_status", 0.3)), "passport_status"),
    ("comment je sais ou cest rendu pour le passeport de ma fille", (("passport_apply_adult", 0.6), ("passport_status", 0.2)),
     "passport_status"),
    # a grant's amount: applying for student aid, not repaying a loan
    ("c'est quoi le montant de la bourse canadienne pour etudiants a temps plein",
     (("student_loan_repayment", 0.92), ("out_of_scope", 0.05)), "out_of_scope"),
    ("do i have to pay back my canada student grant", (("student_loan_repayment", 0.92), ("out_of_scope", 0.05)),
     "student_loan_repayment"),
])
def test_phrasings_the_models_ranking_gives_way_to(text, pairs, expected):
    assert top(text, *pairs) == expected


@pytest.mark.parametrize("text, tracking", [
    ("is there online tracking for passports", True),
    ("my tracking number from canada post", False),
    ("le numéro de suivi de mon colis", False),
])
def test_online_tracking_of_a_passport_is_its_status_not_a_parcels(text, tracking):
    assert phrases.asks_status(text) is tracking


@pytest.mark.parametrize("text", [
    "tu connais une bonne pizzeria proche du bureau des passeports de laval?",
    "pis c'est tu dangereux l'italie en ce moment?",
    "is mexico safe right now",
    "faut tu que je remplisse un formulaire special pour entrer aux states?",
])
def test_everyday_and_other_countries_questions_near_a_passport_are_named_off_topic(text):
    assert phrases.other_service_named(text) is not None


@pytest.mark.parametrize("text", [
    "envoyer mes documents originaux par la poste c'est sécuritaire?",
    "is it safe to mail my passport application",
    "what form do i fill to renew my passport",
])
def test_our_own_questions_with_those_words_stay_ours(text):
    assert phrases.other_service_named(text) is None


def test_a_place_abroad_told_after_a_renewal_and_read_with_it_as_the_check_is_renewing_from_abroad():
    said, text = "i need to renew my passport", "im in japan rn does that change anything"
    alone = reading(("nlu_fallback", 0.3), ("ei_apply", 0.17), ("out_of_scope", 0.14))
    readings = {f"{said} {text}": reading(("passport_renewal_eligibility", 0.78))}
    read = read_after([UserUttered(said, "passport_renew")], alone, text, parser(readings))
    assert read["intent"]["name"] == "passport_renew"
    assert entry(read) == "passport_renew.abroad"


def test_how_much_after_applying_for_ei_is_what_ei_pays():
    said = [UserUttered("i got laid off friday", "ei_eligibility"), UserUttered("how do i apply", "ei_apply")]
    read = read_after(said, reading(("ei_apply", 0.9), ("ei_eligibility", 0.05)), "how much will i get", parser({}))
    assert read["intent"]["name"] == "ei_eligibility"
    assert entry(read) == "ei_eligibility.benefit_amount"


@pytest.mark.parametrize("knowledge, text, expected", [
    # Canada named: in Canada, not from abroad
    ("passport_renew.abroad", "which form do i use to renew an adult passport in canada", "passport_renew.simplified"),
    ("passport_renew.abroad", "i live in france, can i renew from outside canada", "passport_renew.abroad"),
    # the United States' entry only when the United States is said
    ("passport_where_apply.from_us", "i live in france, can i renew from outside canada", "passport_where_apply.abroad"),
    ("passport_where_apply.from_us", "i live in florida now, where do i apply", "passport_where_apply.from_us"),
])
def test_an_entry_for_a_place_answers_only_when_its_place_is_said(knowledge, text, expected):
    intent = knowledge.split(".")[0]
    read = {**reading((intent, 0.9)), "knowledge": {"id": knowledge, "by_intent": {}}}
    assert entry(read_after([], read, text, parser({}))) == expected


def test_ok_what_about_someone_after_a_fee_is_that_persons_fee():
    said, text = "how much is a 10 year passport", "ok what about my daughter shes 6"
    readings = {f"{said} {text}": reading(("passport_fees", 0.95))}
    read = read_after([UserUttered(said, "passport_fees")], reading(("passport_child", 0.63), ("passport_fees", 0.2)), text,
                      parser(readings))
    assert read["intent"]["name"] == "passport_fees"


@pytest.mark.parametrize("text, off_topic", [
    ("and his birth certificate got lost too, how do i get a new one from alberta", True),
    ("son certificat de naissance est perdu, comment en avoir un nouveau?", True),
    ("my birth certificate is lost, can i still apply for a passport", False),
])
def test_a_lost_birth_certificate_replaced_is_the_provinces(text, off_topic):
    assert (phrases.other_service_named(text) is not None) is off_topic


@pytest.mark.parametrize("text, expected", [
    ("comment on dit merci en inuktitut", "out_of_scope"),
    ("how do you say thank you in cree", "out_of_scope"),
    ("merci beaucoup", "thanks"),
])
def test_a_word_asked_in_another_language_is_no_thanks(text, expected):
    labels = ["thanks", "out_of_scope", "choose_language"]
    assert refined_top(text, ("thanks", 0.57), ("out_of_scope", 0.2), labels=labels) == expected


@pytest.mark.parametrize("text, child", [
    ("ok what about my kids, they're 6 and 9", True),
    ("what about my kids, they are 17 and 19", False),
])
def test_childrens_ages_told_together_name_children(text, child):
    assert phrases.names_a_child(text) is child
