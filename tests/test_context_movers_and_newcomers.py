"""Without a model, the fifty-third session's rounds. Round 1: Quebec and the Maritimes (development
129) and people on the move (development 130). A person asked for politely, or to be contacted; a
passport torn on its photo page or folded in two; a French document's name in an English question; a
Service Canada centre that "does passports"; "et si je suis à l'étranger" after where to apply; "c'est-tu
parce que..." is no question of what the assistant is; applying for EI from another province; a
British passport beside one's own last passport; where an application made at an embassy is at; a
newcomer's CCB after its dates; renewing "from there" during an exchange abroad; a renewal to mail
before the move (no application sent yet). Not ours: rents and the cost of living, telling the CRA one
leaves Canada."""

from __future__ import annotations

import pytest

from actions.situation import lives_abroad
from bot.language import detect
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_after, read_as, reading, topic_and_entry, with_entry


@pytest.mark.parametrize("text", [
    "Hello, I am 84 and not good with these computers. Could a real person please help me? My grandson lost his job.",
    "est ce qu'un conseiller peut me contacter pour mon dossier de prêt étudiant",
    "can a live agent help me",
])
def test_a_person_asked_politely_or_to_contact_me(text):
    assert phrases.asks_for_person(text)
    assert phrases.forced_intent(text) == "request_human"


@pytest.mark.parametrize("text", [
    "could a real person tell me if this is legit",  # no "me" to help: not this request's words
    "un conseiller m'a dit de vous écrire",
])
def test_a_person_named_without_asking_for_one(text):
    assert not phrases.asks_for_person(text)


@pytest.mark.parametrize("read, text", [
    (reading(("passport_photo", 0.71)), "passport is torn on the photo page, can i still travel with it to boston next week"),
    (with_entry(reading(("passport_renew", 0.6)), "passport_renew.old_passport"),
     "Les déménageurs ont écrasé une boîte et mon passeport est plié en deux. Est-il encore valide pour voyager ?"),
])
def test_a_passport_torn_or_folded_is_the_damaged_passports_answer(read, text):
    assert topic_and_entry(read_after([], read, text)) == ("passport_renew", "passport_renew.damaged")


def test_a_passport_photo_page_not_damaged_stays_photos():
    read = reading(("passport_photo", 0.71))
    assert read_after([], read, "what goes on the photo page of the passport")["intent"]["name"] == "passport_photo"


def test_a_french_documents_name_in_an_english_question_is_no_language_request():
    assert detect("my boss gave me a releve d'emploi in french, is that the same as the ROE for ei").language == "en"
    assert detect("can you send me the answer in french").language == "fr"


def test_whether_a_service_canada_centre_does_passports():
    read = reading(("passport_processing_times", 0.57))
    assert topic_and_entry(read_after([], read, "le Service Canada de Longueuil fait-il les passeports?")) == (
        "passport_where_apply", "passport_where_apply.office_vs_scc")
    assert topic_and_entry(read_after([], read, "does the service canada in moncton do passports")) == (
        "passport_where_apply", "passport_where_apply.office_vs_scc")
    # how long it takes there is the time's question
    assert read_after([], read, "le Service Canada de Longueuil fait-il les passeports en combien de temps?")["intent"]["name"] == (
        "passport_processing_times")


def test_abroad_told_after_where_to_apply_is_where_to_apply_from_abroad():
    said = [UserUttered("où faire ma demande de passeport à Montréal", "passport_where_apply")]
    read = reading(("passport_apply_adult", 0.82))
    assert topic_and_entry(read_after(said, read, "et si je suis à l'étranger, genre à Alger?")) == (
        "passport_where_apply", "passport_where_apply.abroad")
    # its price there is the fee's
    assert read_after(said, reading(("passport_fees", 0.8)), "et si je suis à l'étranger, ça coûte combien?")["intent"]["name"] == "passport_fees"


def test_cest_tu_parce_que_asks_a_cause_not_what_the_assistant_is():
    assert not phrases.asks_what_it_is("c'est-tu parce que j'ai pas fait mes impôts?")
    assert phrases.asks_what_it_is("es-tu une IA?") and phrases.asks_what_it_is("c'est-tu un robot")


def test_applying_for_ei_from_another_province():
    text = ("laid off from the oil sands job in fort mac, moving back home to newfoundland next week. "
            "can i apply for EI from there or do i have to do it in alberta")
    read = reading(("nlu_fallback", 0.3), ("ei_eligibility", 0.3), ("ei_apply", 0.28))
    assert topic_and_entry(read_after([], read, text)) == ("ei_apply", "ei_apply.online_how")


def test_a_british_passport_beside_ones_own_last_passport_is_ours():
    text = ("Mon dernier passeport a été émis en 2009 et j'ai vécu à l'étranger depuis avec mon passeport "
            "britannique. Est-ce que je peux encore faire un renouvellement ?")
    assert not phrases.asks_for_another_service(text) and phrases.forced_intent(text) != "out_of_scope"
    assert phrases.asks_for_another_service("comment renouveler mon passeport britannique")


def test_where_an_application_is_at_asked():
    assert phrases.asks_status("J'ai déposé ma demande à l'ambassade à Paris il y a un mois. Comment savoir où en est mon dossier ?")
    assert phrases.asks_status("ou en est rendue ma demande de passeport")
    assert not phrases.asks_status("où faire ma demande de passeport")


def test_a_newcomers_sign_up_after_the_ccbs_dates():
    said = [UserUttered("quand est-ce que l'ACE est versée?", "ccb_payment_dates")]
    read = reading(("out_of_scope", 0.97))
    assert topic_and_entry(read_after(said, read, "on vient d'arriver d'haïti, comment on s'inscrit?")) == (
        "ccb_apply", "ccb_apply.newcomers")
    # without the CCB before, an arrival and a sign-up are no CCB question
    assert read_after([], read, "on vient d'arriver d'haïti, comment on s'inscrit?")["intent"]["name"] == "out_of_scope"


def test_renewing_from_there_during_an_exchange_abroad():
    assert lives_abroad("Bonjour, je suis étudiante en échange à Bordeaux et mon passeport expire en mars.")
    assert not lives_abroad("je suis étudiant étranger à Montréal")
    said = [UserUttered("Bonjour, je suis étudiante en échange à Bordeaux et mon passeport expire en mars.", "nlu_fallback")]
    read = reading(("passport_renewal_eligibility", 0.84))
    assert topic_and_entry(read_after(said, read, "Est-ce que je peux le renouveler de là-bas ?")) == (
        "passport_renew", "passport_renew.abroad")


def test_a_renewal_to_mail_with_a_new_address_is_no_application_in_process():
    text = ("chu en train de demenager a moncton, j'peux tu envoyer mon renouvellement par la poste pis mettre ma "
            "nouvelle adresse meme si chu pas encore rendu?")
    read = with_entry(reading(("passport_where_apply", 0.53)), "passport_where_apply.by_mail")
    assert read_as([], read, text)["intent"]["name"] == "passport_where_apply"
    sent = "j'ai envoyé ma demande de passeport la semaine passée pis j'ai une nouvelle adresse, je fais quoi?"
    assert topic_and_entry(read_as([], read, sent)) == ("passport_status", "passport_status.phone")


@pytest.mark.parametrize("text", [
    "is it cheaper to live in moncton or fredericton? got job offers in both",
    "combien ça coûte louer un 4 et demi à gatineau ces temps-ci?",
    "Est-ce que je dois avertir l'ARC si je quitte le Canada pour de bon ? Je pars m'installer en Suisse.",
])
def test_rents_the_cost_of_living_and_leaving_canada_for_the_cra_are_not_ours(text):
    assert phrases.other_service_named(text) is not None
    assert phrases.forced_intent(text) == "out_of_scope"


def test_a_passports_price_is_no_cost_of_living():
    assert phrases.other_service_named("is the passport cheaper if i renew online") is None
    assert phrases.other_service_named("combien ça coûte un passeport pour mon bébé") is None
