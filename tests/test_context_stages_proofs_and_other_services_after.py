"""Without a model, the thirty-eighth session's third round: "how much longer" is no price; whether
an application handed in has been approved (its status); a photo from a store, asked after the
online renewal (the photos); a rip on the photo page told after a passport's year (damaged); which
document proves citizenship, read between a first passport and off topic (its proof); when to
apply after a maternity leave told (EI's deadline); the temperature somewhere (the weather); and a
short question after another service named, even read as a call for help or unsurely (still
that service's)."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry


def test_how_much_longer_is_no_price():
    assert not phrases.asks_price("my status says 'printing' what does that mean, how much longer")
    assert phrases.asks_price("how much is a 10 year passport")


def test_whether_an_application_handed_in_was_approved_is_its_status():
    text = ("I handed in my application at the Service Canada office in Kelowna on May 2nd. "
            "How can I find out whether it has been approved?")
    labels = ["passport_where_apply", "passport_status", "out_of_scope"]
    assert refined_top(text, ("passport_where_apply", 0.73), ("out_of_scope", 0.12), labels=labels) == "passport_status"


def test_a_photo_from_a_store_asked_after_the_online_renewal_is_the_photos():
    said = [UserUttered("how do i renew online", "passport_renew")]
    off = reading(("out_of_scope", 0.95), ("passport_photo", 0.05))
    assert topic_and_entry(read_as(said, off, "what if my photo is from costco is that ok")) == ("passport_photo", "passport_photo.where")
    # the store's own business: still off topic
    assert topic_and_entry(read_as(said, off, "is costco open on sunday"))[0] == "out_of_scope"


def test_a_rip_on_the_photo_page_after_a_passports_year_is_damaged():
    said = [UserUttered("i have an adult passport from 2019", "passport_apply_adult")]
    photo = reading(("passport_photo", 0.73), ("passport_renew", 0.26))
    assert topic_and_entry(read_as(said, photo, "theres a small rip on the photo page, can i still renew?")) == (
        "passport_renew", "passport_renew.damaged")


PROOF_LABELS = ["passport_apply_adult", "out_of_scope", "passport_lost_stolen"]


def test_which_document_proves_citizenship_is_the_first_passports_proof():
    text = "quel document pour prouver ma citoyennete si j'ai perdu mon certificat de naissance du quebec"
    assert refined_top(text, ("passport_apply_adult", 0.51), ("out_of_scope", 0.48), labels=PROOF_LABELS) == "passport_apply_adult"
    # no proof asked for: the model's reading stays
    other = "si j'ai perdu mon certificat de naissance du quebec"
    assert refined_top(other, ("out_of_scope", 0.51), ("passport_apply_adult", 0.48), labels=PROOF_LABELS) == "out_of_scope"


def test_when_to_apply_after_a_maternity_leave_told_is_eis_deadline():
    said = [UserUttered("je vais commencer mon conge de maternite en juin", "out_of_scope"),
            UserUttered("je travaille a toronto", "out_of_scope")]
    time_read = reading(("passport_processing_times", 0.74), ("passport_status", 0.05))
    assert topic_and_entry(read_as(said, time_read, "je fais la demande quand exactement")) == ("ei_apply", "ei_apply.deadline")
    # no leave told: the reading stays
    assert topic_and_entry(read_as([UserUttered("je travaille a toronto", "out_of_scope")], time_read,
                                   "je fais la demande quand exactement"))[0] == "passport_processing_times"


def test_the_temperature_somewhere_is_the_weather():
    assert phrases.other_service_named("ok merci, pis sais-tu il fait combien a cancun en janvier") is not None
    assert not phrases.asks_price("pis sais-tu il fait combien a cancun en janvier")


@pytest.mark.parametrize("told, text, read", [
    ("mon permis de conduire a ete volé avec mon portefeuille", "comment je le remplace", reading(("help", 0.42), ("chitchat", 0.12))),
    ("comment demander la pension de vieillesse", "pis a quel age je peux commencer a la recevoir",
     reading(("nlu_fallback", 0.2), ("ccb_apply", 0.2), ("sin_apply", 0.2))),
])
def test_a_short_question_after_another_service_stays_that_services(told, text, read):
    said = [UserUttered(told, "out_of_scope")]
    assert topic_and_entry(read_as(said, read, text))[0] == "out_of_scope"
