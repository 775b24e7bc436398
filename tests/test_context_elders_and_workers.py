"""Without a model, the fifty-first session's round 2: older adults and the adult children who type
for them (development 121), and workers (development 122). A helper asked for someone weak in a
language is no language request; someone asked to phone a parent; a SIN given to a caller who said
who he was; a father's EI amount after his dismissal; EI's first payment after a layoff; earnings told
after EI's amount; a passport's year or age at issue after a renewal; accessories in the photo;
"ça prend tu encore des mois"; a new loan for a certificate is not ours; "mat leave" with its
application in the next sentence; renewing from where one works abroad; where to apply from a place
abroad named; tracking an application handed in; a newborn's CCB not applied for yet, or a move, after
the CCB's dates; the time asked with a town and "svp"; where to send it after the time. Not ours:
dependants on a tax return, deductible loan interest, vacation pay, a rent subsidy, changing employers
on a closed permit, a video call on an app."""

from __future__ import annotations

import pytest

from bot.language import decide, helps_someone_weak_in_a_language, requested_language
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_after, read_as, reading, refined_top, topic_and_entry

LABELS = ["choose_language", "passport_where_apply", "passport_status", "passport_apply_adult", "passport_processing_times",
          "sin_apply", "sin_protect", "out_of_scope", "nlu_fallback"]


@pytest.mark.parametrize("text", [
    "she doesnt read english, can i come with her and talk for her at the office",
    "Il ne parle pas français, puis-je l'accompagner et parler pour lui ?",
])
def test_a_helper_asked_for_someone_weak_in_a_language_asks_no_language(text):
    assert helps_someone_weak_in_a_language(text)
    assert requested_language(text) is None
    assert refined_top(text, ("choose_language", 0.59), ("sin_apply", 0.3), labels=LABELS) == "sin_apply"


def test_someone_weak_in_a_language_with_no_helper_asked_still_asks_for_the_other():
    assert requested_language("my mom doesnt read english, can you answer in french") == "fr"
    assert decide("en", "she doesnt speak english") == "fr"
    assert not helps_someone_weak_in_a_language("she doesnt speak english")


def test_the_helper_after_a_sin_is_the_sins_question():
    said = [UserUttered("Bonjour, comment obtenir un NAS pour mon père qui arrive de Lima ?", "sin_apply")]
    read = read_as(said, reading(("nlu_fallback", 0.02)), "Il ne parle pas français, puis-je l'accompagner et parler pour lui ?")
    assert read["intent"]["name"] == "sin_apply"


def test_someone_asked_to_phone_a_parent_is_a_person():
    assert phrases.asks_for_person("my mother is 85 and can barely see the screen. can someone please phone her instead, she "
                                   "has questions about her passport renewal")


def test_a_sin_given_to_a_caller_who_said_who_he_was():
    assert phrases.sin_given_away("ma mère a donné son numéro d'assurance sociale à un gars au téléphone qui disait être de "
                                  "Service Canada, qu'est-ce qu'on fait maintenant?")


def test_a_fathers_ei_amount_after_his_dismissal():
    said = [UserUttered("Mon père de 63 ans a été licencié de chez Bombardier.", "nlu_fallback"),
            UserUttered("Il a travaillé 35 ans là.", "out_of_scope")]
    read = read_as(said, reading(("passport_processing_times", 0.85)), "Combien va-t-il recevoir par semaine environ ?")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.benefit_amount")
    assert phrases.says_job_lost("mon père a été licencié de chez Bombardier") and phrases.says_job_lost("she was let go")


def test_a_job_lost_with_the_right_to_ei_asked_is_not_forced_to_applying():
    text = ("bonjour, mon mari a été licencié chez Walmart et moi je viens d'avoir un bébé, on sait pas si on a droit au chômage "
            "pour lui")
    assert refined_top(text, ("out_of_scope", 0.6), ("ei_eligibility", 0.3), labels=LABELS + ["ei_apply", "ei_eligibility"]) == "out_of_scope"
    assert refined_top("mon mari a été licencié chez Walmart hier", ("out_of_scope", 0.6), ("ei_eligibility", 0.3),
                       labels=LABELS + ["ei_apply", "ei_eligibility"]) == "ei_apply"


def test_eis_first_payment_after_a_layoff():
    said = [UserUttered("i got laid off from Walmart after 11 years, im 64", "ei_eligibility")]
    read = read_as(said, reading(("student_loan_repayment", 0.39)),
                   "how long do we have to wait before the first payment comes? bills don't stop")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.first_payment")


def test_last_years_earnings_after_eis_amount():
    said = [UserUttered("how much do i get on ei", "ei_eligibility")]
    read = read_as(said, reading(("out_of_scope", 0.9)), "i made around 52k last year as a carpenter")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.benefit_amount")


def test_the_age_at_issue_after_a_renewal_is_the_check():
    said = [UserUttered("chu camionneur pis je voudrais renouveler mon passeport", "passport_renew"),
            UserUttered("il expire en septembre", "passport_renew")]
    read = read_as(said, reading(("passport_apply_adult", 0.65)), "j'avais 17 ans quand je l'ai eu, c'est correct?")
    assert read["intent"]["name"] == "passport_renewal_eligibility"


@pytest.mark.parametrize("said, text", [
    ("can I wear my glasses in a passport photo", "what about my hat? i'm a bit bald and self conscious lol"),
    ("photo de passeport avec lunettes, correct?", "pis mes appareils auditifs, faut les enlever?"),
])
def test_what_is_worn_in_the_photo_after_its_rules(said, text):
    async def parse(again: str) -> dict:
        return reading(("passport_photo", 0.9))

    read = read_after([UserUttered(said, "passport_photo")], reading(("out_of_scope", 0.6)), text, parse)
    assert read["intent"]["name"] == "passport_photo"


def test_months_asked_for_a_passport_is_how_long():
    assert phrases.asks_how_long("ca prend tu encore des mois comme en 2022 pour avoir un passeport??")
    assert refined_top("ca prend tu encore des mois comme en 2022 pour avoir un passeport??", ("passport_apply_adult", 0.7),
                       ("passport_processing_times", 0.2), labels=LABELS) == "passport_processing_times"


def test_a_new_loan_for_a_certificate_is_not_ours():
    assert phrases.names_another_service("Et est-ce que je peux faire une nouvelle demande de prêt pour un certificat à "
                                         "l'université à 61 ans ?")


def test_a_leave_with_its_application_in_the_next_sentence_is_eis():
    assert phrases.programs_named("im a cashier at no frills, going on mat leave in june. how do i apply and when") == {"ei_"}


def test_renewing_while_working_abroad():
    said = [UserUttered("what do i need to renew my passport", "passport_renew")]
    read = read_as(said, reading(("out_of_scope", 0.81)), "i'm working in saudi right now tho")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.abroad")


def test_where_to_apply_with_a_place_abroad_named():
    text = "chu en visa vacances-travail a melbourne pis mon passeport canadien expire bientot, je fais la demande ou?"
    read = read_as([], reading(("passport_renew", 0.86)), text)
    assert topic_and_entry(read) == ("passport_where_apply", "passport_where_apply.abroad")


def test_tracking_an_application_handed_in_is_its_status():
    assert refined_top("Comment puis-je suivre ma demande si je l'ai déposée au Service Canada de Longueuil?",
                       ("passport_where_apply", 0.83), ("passport_status", 0.1), labels=LABELS) == "passport_status"


def test_after_the_ccbs_dates_a_newborn_not_applied_for_and_a_move():
    said = [UserUttered("c'est quand que l'allocation canadienne pour enfants est versée", "ccb_payment_dates")]
    read = read_as(said, reading(("ccb_payment_dates", 0.89)),
                   "et si j'ai pas encore fait la demande pour le petit dernier né en février?")
    assert read["intent"]["name"] == "ccb_apply"
    moved = read_as([UserUttered("mon ACE a pas rentré le 20", "ccb_payment_dates")], reading(("out_of_scope", 0.75)),
                    "on a déménagé de Laval à Terrebonne en mars, ça peut tu être ça?")
    assert topic_and_entry(moved) == ("ccb_payment_dates", "ccb_payment_dates.payment_stopped")


def test_the_time_asked_with_a_town_and_please():
    text = "delai passeport en personne a Laval svp"
    from bot.nlu.places import without_places

    async def parse(again: str) -> dict:
        return reading(("passport_processing_times", 0.9), ("out_of_scope", 0.05)) if again == without_places(text) else reading(
            ("out_of_scope", 0.58))

    read = read_after([], reading(("out_of_scope", 0.58), ("passport_processing_times", 0.3)), text, parse)
    assert read["intent"]["name"] == "passport_processing_times"


def test_where_to_send_it_after_the_time_is_where():
    said = [UserUttered("Combien de temps pour un passeport envoyé depuis les États-Unis ?", "passport_processing_times")]
    read = read_as(said, {**reading(("passport_where_apply", 0.96)), "read_with": said[0].text}, "Et je l'envoie à quelle adresse ?")
    assert read["intent"]["name"] == "passport_where_apply"


@pytest.mark.parametrize("text", [
    "and can i claim them as dependants on my income tax this year",
    "les intérêts payés sont-ils déductibles d'impôt?",
    "c'est tu légal qu'ils me paient pas mes vacances accumulées?",
    "does ei count as income for my bc housing rent subsidy",
    "je peux-tu changer d'employeur avec ce permis-là?",
    "comment on fait un appel vidéo sur WhatsApp avec mes petits enfants, je trouve pas le bouton",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None


@pytest.mark.parametrize("text", ["how much interest is on my student loan", "can i claim ei", "i lost my sin card",
                                  "will my vacation pay delay my ei"])
def test_ours_stays_ours(text):
    assert phrases.other_service_named(text) is None
