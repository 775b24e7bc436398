"""Without a model, the forty-fourth session's first round: a newcomer's first need to work; a
birth certificate asked whether it will do; a leave with its application; a SIN for a baby; a
passport "égaré"; a renewal fast enough for a trip; a new SIN after a stolen identity; the
photo's size asked bare; a bank asking for the SIN; how long, after a fee from abroad; applying
for a newborn after the CCB's dates; hours worked while on EI and the report; a pastor proposed as
guarantor; online renewal asked with its alternative; where, asked bare from abroad; a year of
issue with "ça marche quand même?"; two of our programs named in a message read off topic; the
language to answer in, not to write in; a damaged or lost passport told during the renewal check;
and what is not ours: a work permit's time, a citizenship certificate for a child born abroad,
social assistance and Quebec's family allowance typed without their apostrophe, a flight to book, a
team's game."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.renewal_form import ValidateRenewalEligibilityForm
from bot.language import requested_language
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry, with_entry
from tests.test_actions import domain, renewal_form_asked, responses  # noqa: F401 (domain: the fixture)

LABELS = ["out_of_scope", "passport_apply_adult", "sin_apply", "sin_protect", "passport_lost_stolen", "passport_where_apply",
          "passport_renew", "passport_urgent", "passport_fees", "ei_apply", "ei_eligibility"]


@pytest.mark.parametrize("text, top, expected", [
    ("hello i have 19 years old, come from ukraine, i want work in grocery store. what i need first", "out_of_scope", "sin_apply"),
    ("qu'est ce que je dois avoir en premier pour que l'employeur puisse me payer?", "passport_apply_adult", "sin_apply"),
    # no newcomer and no employer: what the model read stays
    ("i want to work in a grocery store, what i need first", "out_of_scope", "out_of_scope"),
    # another service named keeps it off topic
    ("come from ukraine, i want work, what i need first, a work permit?", "out_of_scope", "out_of_scope"),
    ("nas pour mon bebe c tu utile", "sin_protect", "sin_apply"),
    ("quelqu'un a demande le nas de mon bebe au telephone, c'est une arnaque?", "sin_protect", "sin_protect"),
    ("Madame, Monsieur, je crois avoir égaré mon passeport lors de mon déménagement. Comment dois-je procéder pour le signaler?",
     "out_of_scope", "passport_lost_stolen"),
    ("ma demande de passeport a été égarée par la poste?", "out_of_scope", "out_of_scope"),  # the application, not the passport
    # something else not found, or lost, near a passport: not the passport lost
    ("c quoi le nom du formulaire pour renouveler un passeport adulte je le trouve pas sur le site", "out_of_scope", "out_of_scope"),
    ("born in saskatoon but i lost my birth certificate years ago, can i still apply for a passport??", "out_of_scope",
     "out_of_scope"),
    # a SIN with a duration that reads as a child's age: no child
    ("j'ai reçu mon NAS, faut tu faire une déclaration d'impôt si j'ai travaillé juste 2 mois?", "sin_protect", "sin_protect"),
    ("mon passeport expire dans 3 semaines et je pars à Paris le 15, je peux tu le renouveler assez vite", "passport_renew",
     "passport_urgent"),
    ("mon passeport expire dans 3 semaines, je peux tu le renouveler assez vite", "passport_renew", "passport_renew"),  # no trip
])
def test_the_first_need_to_work_a_childs_sin_a_lost_passport_and_speed_for_a_trip(text, top, expected):
    assert refined_top(text, (top, 0.45), ("passport_fees", 0.1), ("ei_eligibility", 0.05), labels=LABELS) == expected


@pytest.mark.parametrize("text, proof", [
    ("my birth certificate is the small wallet size one from saskatchewan from the 80s, is it good enough for a passport", True),
    ("mon certificat de naissance du quebec de 1975, il est tu bon pour le passeport?", True),
    ("my birth certificate is from saskatchewan, how do i order a new one", False),  # no passport, nothing asked of it
])
def test_a_birth_certificate_asked_whether_it_will_do_for_a_passport_is_the_proof_of_citizenship(text, proof):
    assert phrases.asks_proof_of_citizenship(text) == proof


@pytest.mark.parametrize("text, ei", [
    ("going on mat leave june 1, when do i apply", True),
    ("going on mat leave june 1, any good baby stores?", False),
])
def test_a_leave_with_its_application_asked_names_ei(text, ei):
    assert ("ei_" in phrases.programs_named(text)) == ei


@pytest.mark.parametrize("text, price", [
    ("10 ans avec urgent ca fait cb en tout", True),
    ("pis cest bon pour cmb dannees", False),
])
def test_texting_prices_and_years(text, price):
    assert phrases.asks_price(text) == price


@pytest.mark.parametrize("said, read, text, expected", [
    ([UserUttered("someone stole my identity, opened phone accounts in my name", "sin_protect")],
     with_entry(reading(("sin_apply", 0.9), ("sin_protect", 0.05)), "sin_apply.overview"),
     "they have my SIN too, do i need to get a new number", ("sin_protect", "sin_protect.new_sin")),
    ([UserUttered("need photos for my passport", "passport_photo")], reading(("out_of_scope", 0.6), ("passport_photo", 0.2)),
     "what size", ("passport_photo", "passport_photo.size")),
    ([UserUttered("how do i protect my SIN", "sin_protect")], reading(("out_of_scope", 1.0)),
     "my bank is asking for it to open a savings account, is that ok", ("sin_protect", "sin_protect.who_can_ask")),
    ([UserUttered("combien coûte un passeport quand on vit à l'étranger", "passport_fees")],
     with_entry(reading(("passport_fees", 0.86), ("passport_processing_times", 0.1)), "passport_fees.abroad_adult"),
     "ok et combien de temps ça prend depuis Dakar", ("passport_processing_times", "passport_processing_times.abroad")),
    ([UserUttered("c'est quand le paiement de l'allocation pour enfants", "ccb_payment_dates")],
     with_entry(reading(("passport_child", 0.89), ("ccb_apply", 0.05)), "passport_child.newborn"),
     "et comment je fais la demande pour mon 2e bébé qui vient de naître le 14?", ("ccb_apply", "ccb_apply.birth_registration")),
    ([UserUttered("je reçois l'assurance emploi depuis janvier", "ei_apply")], reading(("out_of_scope", 1.0)),
     "et si j'ai travaillé quelques heures cette semaine, je le mets où dans la déclaration?",
     ("ei_apply", "ei_apply.working_while_on_claim")),
    ([UserUttered("mon répondant pour le passeport, qui peut l'être?", "passport_apply_adult")],
     reading(("out_of_scope", 0.73), ("passport_apply_adult", 0.1)),
     "mon pasteur ça marche? je le connais depuis 3 ans à l'église", ("passport_apply_adult", "passport_apply_adult.guarantor")),
    ([UserUttered("Bonjour, je souhaite renouveler mon passeport canadien.", "passport_renew")],
     with_entry(reading(("passport_where_apply", 0.93), ("passport_renew", 0.05)), "passport_where_apply.office_vs_scc"),
     "Puis-je le faire par Internet, ou dois-je obligatoirement me rendre dans un bureau?", ("passport_renew", "passport_renew.online")),
    ([UserUttered("jhabite a berlin depuis 2 ans pis mon passeport expire bientot", "passport_renew")],
     with_entry(reading(("passport_renew", 0.35), ("passport_where_apply", 0.2)), "passport_renew.expired"),
     "jle fais ou", ("passport_where_apply", "passport_where_apply.abroad")),
])
def test_follow_ups_of_the_forty_fourth_session(said, read, text, expected):
    assert topic_and_entry(read_as(said, read, text)) == expected


@pytest.mark.parametrize("said, read, text", [
    # a new number asked with no stolen identity before: the reading stays
    ([UserUttered("how do i get a SIN", "sin_apply")], with_entry(reading(("sin_apply", 0.9)), "sin_apply.overview"),
     "do i need to get a new number"),
    # a tax return named: the tax return's
    ([UserUttered("je reçois l'assurance emploi depuis janvier", "ei_apply")], reading(("out_of_scope", 1.0)),
     "j'ai travaillé quelques heures, je le mets où dans ma déclaration d'impôts?"),
    # the bank asking, after a passport: the bank's
    ([UserUttered("how much is a passport", "passport_fees")], reading(("out_of_scope", 1.0)),
     "my bank is asking for it to open a savings account, is that ok"),
])
def test_what_the_new_follow_ups_leave_alone(said, read, text):
    assert topic_and_entry(read_as(said, read, text))[0] == read["intent"]["name"]


def test_a_year_of_issue_with_ca_marche_quand_meme_after_online_renewal_is_the_renewal_check():
    said = [UserUttered("est-ce que je peux renouveler mon passeport en ligne", "passport_renew")]
    early = with_entry(reading(("passport_renew", 0.32), ("passport_renewal_eligibility", 0.2)), "passport_renew.early")
    read = read_as(said, early, "mon ancien a été émis en 2012, ça marche quand même?")
    assert topic_and_entry(read)[0] == "passport_renewal_eligibility"


def test_two_of_our_programs_named_in_a_message_read_unsurely_off_topic_are_answered():
    text = ("bonjour, mon mari a été licencié chez Walmart et moi je viens d'avoir un bébé, on sait pas si on a droit au "
            "chômage pour lui et comment demander l'allocation pour le bébé, merci beaucoup")
    off = reading(("out_of_scope", 0.78), ("ccb_apply", 0.17), ("ei_eligibility", 0.03))
    assert topic_and_entry(read_as([], off, text))[0] == "ccb_apply"
    # surely off topic, it stays so
    sure = reading(("out_of_scope", 0.95), ("ccb_apply", 0.03), ("ei_eligibility", 0.01))
    assert topic_and_entry(read_as([], sure, text))[0] == "out_of_scope"


@pytest.mark.parametrize("text, language", [
    ("is it ok if i write in english but you answer in french? im practising for my job", "fr"),
    ("je t ecris en francais mais reponds moi en anglais stp", "en"),
    ("english or french?", None),
    # a complaint about the answers so far is no request for them
    ("ben là pourquoi tu me réponds en anglais?? en français stp", None),
])
def test_the_language_to_answer_in_wins_over_the_one_written_in(text, language):
    assert requested_language(text) == language


@pytest.mark.parametrize("text, other", [
    ("and her open work permit, how long that take to process", True),
    ("also she was born in new york, how do i get her canadian citizenship certificate", True),
    ("pis laide sociale en attendant?", True),
    ("pis lallocation famille du quebec elle?", True),
    ("can u book me a new flight", True),
    ("le ch a tu gagne hier", True),
    ("je vais au centre bell voir le ch, faut tu mon passeport?", False),
    ("I want to book a flight, do I have time to get a passport?", False),
])
def test_what_is_not_ours(text, other):
    assert (phrases.other_service_named(text) is not None) == other


@pytest.mark.parametrize("text, intent, confidence, knowledge, needle", [
    ("the cover is kinda ripped tho", "passport_renewal_eligibility", 1.0, None, "damaged passport"),
    ("i lost it tho", "passport_lost_stolen", 0.79, "passport_lost_stolen.overview", "Report a lost or stolen passport"),
])
async def test_a_damaged_or_lost_passport_told_in_the_renewal_check_is_answered_then_asked_again(
        domain, text, intent, confidence, knowledge, needle):
    dispatcher = CollectingDispatcher()
    events = await ValidateRenewalEligibilityForm().run(dispatcher, renewal_form_asked(text, intent, confidence, knowledge), domain)
    assert events[0] == SlotSet("renewal_age_16_plus", None)  # the form asks its question again
    assert responses(dispatcher) == [None]  # the entry's text, not "please answer yes or no"
    assert needle in str(dispatcher.messages[0]["text"])


@pytest.mark.parametrize("text, intent", [
    ("its not damaged or anything", "deny"),
    # damage read as another topic than the damaged passport's answer answers: what the record says
    # the reply was about would not be that answer, so the question is asked again as before
    ("oh wait theres a small tear on the photo page tho", "passport_photo"),
])
async def test_what_the_renewal_check_still_asks_yes_or_no(domain, text, intent):
    dispatcher = CollectingDispatcher()
    await ValidateRenewalEligibilityForm().run(dispatcher, renewal_form_asked(text, intent, 0.42), domain)
    assert responses(dispatcher) == ["utter_invalid_yes_no"]
