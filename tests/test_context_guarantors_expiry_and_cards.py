"""Without a model, the forty-first session's second round: a guarantor typed "guarentor" while
renewing; a person asked for politely in the -ing form; a trip with "no valid passport"; a
temporary status told and the SIN's end asked; a card asked for after a SIN lost; and a fee
asked from London with a passport's 10 years and no passport named, read again as "abroad"."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, parser, read_after, read_as, reading, topic_and_entry


@pytest.mark.parametrize("text, renewal_guarantor", [
    ("do i need a guarentor when i renew? mine is a 10 yr from 2017", True),
    ("need a garantor to renew?", True),
    ("is my renewal guaranteed to arrive before june", False),
])
def test_a_guarantor_typed_as_it_sounds_while_renewing_is_the_renewals_guarantor(text, renewal_guarantor):
    assert phrases.guarantor_for_a_renewal(text) == renewal_guarantor


@pytest.mark.parametrize("text, person", [
    ("Good afternoon. I would very much appreciate speaking with a representative, if that is possible. Thank you kindly.", True),
    ("i would prefer talking to a person", True),
    ("id really like speaking to someone", True),
    ("i was talking to an agent yesterday and she said its ready", False),  # told, not asked
    ("i like talking with people lol", False),
    ("would you mind speaking slower", False),
])
def test_a_person_wished_for_politely_is_asked_for(text, person):
    assert phrases.asks_for_person(text) == person


@pytest.mark.parametrize("text, urgent", [
    ("I FLY TO JAMAICA ON FRIDAY AND I HAVE NO VALID PASSPORT HELP", True),
    ("i have no canadian passport and i fly tomorrow", True),
    ("i have a valid passport and i fly friday, do i need anything else", False),
])
def test_no_valid_passport_and_a_trip_soon_is_the_urgent_service(text, urgent):
    assert phrases.no_passport_with_trip(text) == urgent


@pytest.mark.parametrize("text, temporary", [
    ("i am temporary foreign worker, does it expire?", True),
    ("je suis etudiante etrangere, est-ce qu'il expire?", True),
    ("does it expire?", False),  # no temporary status told: the card or the number, asked
    ("i am temporary foreign worker, can i get ei?", False),
])
def test_a_temporary_status_and_the_numbers_end_asked_after_a_sin_is_the_sin_starting_with_9(text, temporary):
    said = [UserUttered("i need a sin", "sin_apply")]
    ei = reading(("ei_eligibility", 0.82), ("sin_apply", 0.1))
    read = read_as(said, ei, text)
    assert (topic_and_entry(read) == ("sin_apply", "sin_apply.temporary_sin_9")) == temporary


def test_the_card_asked_for_after_a_sin_lost_is_the_lost_cards_answer():
    said = [UserUttered("bonjour", "greet"), UserUttered("jai perdu mon nas", "sin_protect")]
    off = reading(("out_of_scope", 0.91), ("sin_protect", 0.05))
    read = read_as(said, off, "la carte je veux dire, je peux en ravoir une autre?")
    assert topic_and_entry(read) == ("sin_protect", "sin_protect.lost_card")
    # another card named stays off topic
    for other in ("et ma carte de credit aussi, je l'annule comment?", "pis ma carte santé de l'Ontario aussi",
                  "and my status card, how do i renew that", "k and how do i get my bc services card"):
        assert topic_and_entry(read_as(said, off, other))[0] == "out_of_scope", other


def test_a_fee_asked_from_abroad_with_a_passports_years_and_no_passport_named_is_read_again_with_abroad():
    text = "je suis a londres, un 10 ans pour moi pis un pour mon bebe, je vais payer combien"
    off = reading(("out_of_scope", 0.49), ("passport_fees", 0.38))
    fee = reading(("passport_fees", 0.83), ("out_of_scope", 0.1))
    rewritten = "je suis à l'étranger, un 10 ans pour moi pis un pour mon bebe, je vais payer combien"
    assert topic_and_entry(read_after([], off, text, parser({rewritten: fee})))[0] == "passport_fees"
    # the weather in a place abroad, no passport's years nor program named, is not read again
    weather = "il fait tu beau à cuba en février?"
    assert topic_and_entry(read_after([], off, weather, parser({"il fait tu beau à l'étranger en février?": fee})))[0] == "out_of_scope"
