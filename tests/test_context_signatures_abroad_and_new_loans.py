"""Without a model, the forty-first session's first round: both parents' signatures asked after a
child's passport; a place abroad read as "abroad" when a message is read again (and the time
from abroad for someone living there); paying for it to go faster after a late application; a
new loan asked after repaying one; "what about tomorrow" after the weather; and a tax refund,
flight deals and another country's travel authorisation, which are not ours."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, parser, read_after, read_as, reading, topic_and_entry, with_entry


@pytest.mark.parametrize("text", ["do we both need to sign", "faut tu qu'on signe les deux?", "do both of us have to sign?"])
def test_both_signatures_asked_after_a_childs_passport_are_both_parents_consent(text):
    said = [UserUttered("i need a passport for my daughter she's 2", "passport_child")]
    photos = with_entry(reading(("passport_photo", 0.79), ("passport_child", 0.1)), "passport_photo.overview")
    assert topic_and_entry(read_as(said, photos, text)) == ("passport_child", "passport_child.consent")


def test_the_photos_signature_asked_after_a_childs_passport_stays_the_photos():
    said = [UserUttered("i need a passport for my daughter she's 2", "passport_child")]
    photos = with_entry(reading(("passport_photo", 0.79), ("passport_child", 0.1)), "passport_photo.guarantor")
    read = read_as(said, photos, "do we both need to sign the back of the photos")
    assert topic_and_entry(read)[0] == "passport_photo"


@pytest.mark.parametrize("text, french, written", [
    ("j'habite au mexique, combien de temps pour un passeport", True, "j'habite à l'étranger, combien de temps pour un passeport"),
    ("i live in Mexico how long does it take", False, "i live abroad how long does it take"),
    ("on est installés en Grèce depuis 2 ans", True, "on est installés à l'étranger depuis 2 ans"),
    ("i live in the states, how long", False, "i live in the states, how long"),  # the US is not abroad here
    ("combien de temps au bureau de Montréal", True, "combien de temps au bureau de Montréal"),
])
def test_a_place_abroad_is_written_abroad(text, french, written):
    from bot.nlu.places import with_abroad_for_places

    assert with_abroad_for_places(text, french) == written


def test_a_question_read_unsurely_for_its_place_abroad_is_read_again_with_abroad():
    text = "j'habite au mexique, combien de temps pour un passeport canadien demandé au consulat"
    unsure = reading(("nlu_fallback", 0.5), ("passport_processing_times", 0.49), ("out_of_scope", 0.48))
    again = with_entry(reading(("passport_processing_times", 0.79), ("out_of_scope", 0.2)), "passport_processing_times.abroad")
    rewritten = "j'habite à l'étranger, combien de temps pour un passeport canadien demandé au consulat"
    read = read_after([], unsure, text, parser({rewritten: again}))
    assert topic_and_entry(read) == ("passport_processing_times", "passport_processing_times.abroad")


@pytest.mark.parametrize("text, expected", [
    ("i live in mexico how long does a passport take", "abroad"),
    ("on vit en France, c'est quoi le délai pour un passeport", "abroad"),
    # from the United States one applies by mail (forty-second session)
    ("i live in the states how long does a passport take", "by_mail"),
    ("i live in the states, does the time include shipping", "mailing_time"),
    ("how long does the mail take for my passport", "mailing_time"),
])
def test_the_time_asked_by_someone_living_abroad_is_the_time_from_abroad(text, expected):
    home = with_entry(reading(("passport_processing_times", 1.0)), "passport_processing_times.mailing_time")
    read = read_as([], home, text)
    assert topic_and_entry(read) == ("passport_processing_times", f"passport_processing_times.{expected}")


@pytest.mark.parametrize("text, sooner", [
    ("mon vol c dans 10 jours, je peux tu payer pour que ca aille plus vite?", True),
    ("can i pay extra to make it go faster", True),
    ("est-ce que ça va plus vite en personne", False),  # which way is faster: the times
])
def test_paying_for_it_to_go_faster_wants_it_sooner(text, sooner):
    assert phrases.wants_it_sooner(text) == sooner


def test_the_urgent_service_asked_after_a_late_application_is_the_one_after_applying():
    said = [UserUttered("j'attends mon passeport depuis 8 semaines", "passport_status")]
    urgent = with_entry(reading(("passport_urgent", 1.0)), "passport_urgent.proof_of_travel")
    read = read_as(said, urgent, "mon vol c dans 10 jours, je peux tu payer pour que ca aille plus vite?")
    assert topic_and_entry(read) == ("passport_urgent", "passport_urgent.after_applying")
    # asked with no application told, the service's own answer stays
    fresh = read_as([], urgent, "mon vol c dans 10 jours, je peux tu payer pour que ca aille plus vite?")
    assert topic_and_entry(fresh) == ("passport_urgent", "passport_urgent.proof_of_travel")


@pytest.mark.parametrize("text, off_topic", [
    ("pis je veux en prendre un autre pour ma maitrise, comment je demande?", True),
    ("can i get a new loan for my masters", True),
    ("i have another loan from ontario, do i repay it the same way", False),  # repaying
    ("can i apply for rap again", False),
])
def test_a_new_loan_asked_after_repaying_one_is_not_ours(text, off_topic):
    said = [UserUttered("comment rembourser mon pret etudiant canadien", "student_loan_repayment")]
    repay = with_entry(reading(("student_loan_repayment", 0.63), ("out_of_scope", 0.2)), "student_loan_repayment.overview")
    read = read_as(said, repay, text)
    assert (topic_and_entry(read)[0] == "out_of_scope") == off_topic


def test_what_about_tomorrow_after_the_weather_is_the_weather_again():
    said = [UserUttered("whats the weather in toronto", "out_of_scope")]
    bye = reading(("goodbye", 0.62), ("out_of_scope", 0.14))
    assert topic_and_entry(read_as(said, bye, "what about tomorrow"))[0] == "out_of_scope"
    # a goodbye with no question stays one
    assert topic_and_entry(read_as(said, reading(("goodbye", 0.62), ("out_of_scope", 0.14)), "et bonne journée"))[0] == "goodbye"


@pytest.mark.parametrize("text, other", [
    ("j'ai pas encore recu mon retour d'impot, c normal?", True),
    ("t'aurais tu des bons deals de vol pour la grece en aout?", True),
    ("any flight deals to cancun in march", True),
    ("do i need that eta thing to go to the uk", True),
    ("what's the eta on my passport", False),  # when it comes
    ("mon passeport est en retour, c normal?", False),
])
def test_tax_refunds_flight_deals_and_another_countrys_travel_authorisation_are_not_ours(text, other):
    assert (phrases.other_service_named(text) is not None) == other
