"""Without a model, the thirty-eighth session's first round: how long, asked as "c'est tu long"
after handing an application in, or as "taking forever" (the time); today's day told beside a
trip's date ("le 14 mars, on est le 5": within two weeks); "mon pret canadien" (a student loan);
where passport photos are taken, read as where to apply (the photos); "et demain?" after the
weather (still off topic, not goodbye); the other parent out of reach after a child's passport
(one parent applying); where to get it fast after the urgent service (where it is given); the
form to declare a stolen passport (its declaration); the photos' price after where they are
taken (the photos, not the passport's fee); a visitor's SIN after getting one (newcomers'
answer); the SIN needed first after a newcomer's CCB (the CCB's newcomers' answer); and the best
restaurants near a passport office (another service)."""

from __future__ import annotations

from datetime import date

import pytest

from actions.situation import travel_window
from bot.knowledge import cached_knowledge
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, read_after, reading, refined_top, topic_and_entry


TIME_LABELS = ["passport_where_apply", "passport_processing_times", "passport_renew", "passport_photo", "passport_status",
               "out_of_scope"]


@pytest.mark.parametrize("text, ranking, topic", [
    ("si je depose ma demande a un centre service canada a sherbrooke c'est tu long?",
     (("passport_where_apply", 0.85), ("passport_processing_times", 0.08)), "passport_processing_times"),
    ("is it still taking forever to get a passport like back in 2022??",
     (("passport_renew", 0.25), ("passport_photo", 0.24)), "passport_processing_times"),
    # where, asked with nothing of how long: still where
    ("si je depose ma demande a un centre service canada a sherbrooke c'est correct?",
     (("passport_where_apply", 0.85), ("passport_processing_times", 0.08)), "passport_where_apply"),
])
def test_how_long_asked_in_other_words_is_the_time(text, ranking, topic):
    assert refined_top(text, *ranking, labels=TIME_LABELS) == topic


def test_a_wait_told_is_not_asking_how_long():
    # "c'est long" told of a wait (its status has its own rule) is not "c'est tu long?"
    assert phrases.handed_in_and_asks_how_long("j'ai depose ma demande au centre service canada, c'est tu long d'habitude?")
    assert not phrases.handed_in_and_asks_how_long("j'ai depose ma demande au centre service canada il y a 6 semaines, c'est long")
    assert not phrases.asks_passport_delay("the line at the office was taking forever")


@pytest.mark.parametrize("text, window", [
    ("voyage a cuba le 14 mars, on est le 5, j'ai pas de passeport, j'ai tu le temps?", "soon"),
    ("voyage a cuba le 30 mars, on est le 5", "later"),
    # no day told as today's: counted from today
    ("voyage a cuba le 14 mars", "later"),
])
def test_todays_day_told_counts_a_trips_date(text, window):
    assert travel_window(text, today=date(2026, 12, 3)) == window


def test_a_canadian_loan_is_a_student_loan():
    assert phrases.programs_named("je peux tu rembourser mon pret canadien au complet d'un coup sans penalité") == {"student_loan_"}
    assert "student_loan_" not in phrases.programs_named("le pret canadien d'urgence pour entreprises")


PHOTO_LABELS = ["passport_where_apply", "passport_photo", "passport_fees", "out_of_scope"]


def test_where_passport_photos_are_taken_is_the_photos():
    text = "where can i get passport pics done in winnipeg, does costco do them"
    assert refined_top(text, ("passport_where_apply", 0.43), ("passport_photo", 0.27), labels=PHOTO_LABELS) == "passport_photo"
    # the photos sent with the application: where to apply
    sent = "where do i send the passport photos with my application"
    assert refined_top(sent, ("passport_where_apply", 0.43), ("passport_photo", 0.27), labels=PHOTO_LABELS) == "passport_where_apply"


@pytest.mark.parametrize("text, topic", [("et demain?", "out_of_scope"), ("bye", "goodbye")])
def test_and_tomorrow_after_the_weather_stays_off_topic(text, topic):
    said = [UserUttered("quel temps fait-il a sept-iles", "out_of_scope")]
    assert topic_and_entry(read_as(said, reading(("goodbye", 0.54), ("chitchat", 0.1)), text))[0] == topic


def test_the_other_parent_out_of_reach_is_one_parent_applying():
    said = [UserUttered("my son needs a passport, hes 8", "passport_child")]
    unsure = reading(("out_of_scope", 0.22), ("passport_child", 0.13))
    text = "his dad is in alberta and wont answer my texts, can i do it without him"
    assert topic_and_entry(read_as(said, unsure, text)) == ("passport_child", "passport_child.one_parent")
    # where he is, told alone, is not his absence
    assert topic_and_entry(read_as(said, unsure, "his dad is in alberta")) != ("passport_child", "passport_child.one_parent")


def test_where_to_get_it_fast_after_the_urgent_service_is_where_it_is_given():
    said = [UserUttered("flying to paris friday and my passport is expired", "passport_urgent")]
    read = read_as(said, reading(("out_of_scope", 0.98), ("passport_urgent", 0.01)), "where do i go to get it fast in ottawa")
    assert topic_and_entry(read) == ("passport_urgent", "passport_urgent.where")
    # off topic where nothing fast is asked
    other = read_as(said, reading(("out_of_scope", 0.98), ("passport_urgent", 0.01)), "where do i go to eat in ottawa")
    assert topic_and_entry(other)[0] == "out_of_scope"


def test_the_form_to_declare_a_stolen_passport_is_its_declaration():
    said = [UserUttered("mon passeport a ete volé", "passport_lost_stolen")]
    unsure = reading(("passport_apply_adult", 0.53), ("ei_apply", 0.15))
    assert topic_and_entry(read_as(said, unsure, "je dois remplir quel formulaire pour le declarer?")) == (
        "passport_lost_stolen", "passport_lost_stolen.declaration")
    assert topic_and_entry(read_as(said, unsure, "quel formulaire pour un premier passeport?"))[1] != (
        "passport_lost_stolen.declaration")


def test_the_photos_price_after_where_they_are_taken_is_the_photos():
    said = [UserUttered("where do i get passport photos done", "passport_photo")]
    fee = reading(("passport_fees", 0.87), ("out_of_scope", 0.13))
    assert topic_and_entry(read_as(said, fee, "how much do they usually cost")) == ("passport_photo", "passport_photo.where")
    # the passport's own price, named: the fee
    assert topic_and_entry(read_as(said, fee, "how much does the passport cost"))[0] == "passport_fees"
    knowledge = cached_knowledge()
    for language, words in (("en", "own price"), ("fr", "propre prix")):
        assert words in knowledge.entries["passport_photo.where"].text(language).answer


def test_a_visitors_sin_after_getting_one_is_the_newcomers_answer():
    said = [UserUttered("how do i get a SIN", "sin_apply")]
    text = "what about my wife, she is here on visitor visa"
    assert topic_and_entry(read_as(said, reading(("out_of_scope", 0.99), ("passport_renew", 0.0)), text)) == (
        "sin_apply", "sin_apply.newcomers")
    knowledge = cached_knowledge()
    for language, words in (("en", "visitor"), ("fr", "visiteur")):
        assert words in knowledge.entries["sin_apply.newcomers"].text(language).answer


def test_the_sin_needed_first_after_a_newcomers_ccb_is_the_ccb_application():
    text = "faut tu avoir le NAS avant?"
    sin = reading(("sin_apply", 0.94), ("sin_protect", 0.05))
    newcomer = [UserUttered("nouvel arrivant de Colombie, comment avoir l'ACE", "ccb_apply")]
    assert topic_and_entry(read_after(newcomer, sin, text)) == ("ccb_apply", "ccb_apply.newcomers")
    # no newcomer told: the SIN's own reading stays
    assert topic_and_entry(read_after([UserUttered("comment avoir l'ACE", "ccb_apply")], sin, text))[0] == "sin_apply"
    knowledge = cached_knowledge()
    for language, words in (("en", "need a SIN"), ("fr", "faut habituellement un NAS")):
        assert words in knowledge.entries["ccb_apply.newcomers"].text(language).answer


def test_the_best_restaurants_near_a_passport_office_are_another_service():
    assert phrases.other_service_named("en attendant c'est quoi les bons restos pres du complexe guy-favreau") is not None
    assert phrases.other_service_named("what are some good restaurants near the passport office") is not None
    assert phrases.other_service_named("c'est quoi les bons documents pour le passeport") is None


def test_a_refund_for_a_long_wait_is_not_how_long_it_takes():
    assert not phrases.asks_passport_delay("do i get my money back if they take forever on my passport")


def test_permanent_residence_asked_for_after_the_sin_is_not_a_status_had():
    said = [UserUttered("comment avoir un NAS", "sin_apply")]
    read = read_as(said, reading(("out_of_scope", 0.9), ("sin_apply", 0.05)), "et pour la résidence permanente de mon mari?")
    assert topic_and_entry(read) != ("sin_apply", "sin_apply.newcomers")
