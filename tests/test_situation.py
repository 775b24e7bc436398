"""What a citizen's message already says: the fee situation and the travel date."""

from __future__ import annotations

from datetime import date

import pytest

from actions.situation import FeeSituation, fee_situation, renewal_situation, travel_window

TODAY = date(2026, 11, 28)  # a Saturday


@pytest.mark.parametrize("text, expected", [
    ("combien pour le passeport de mon fils si on vit en France",
     FeeSituation("child", 5, "abroad", "standard", False)),
    ("my daughter is 15 and we live in Japan what's her passport fee",
     FeeSituation("child", 5, "abroad", "standard", False)),
    ("adult 5 year passport urgent", FeeSituation("adult", 5, "in_canada", "urgent", False)),
    ("passport fee for my 3 year old", FeeSituation("child", 5, "in_canada", "standard", False)),
    ("we live in germany how much for a passport", FeeSituation("adult", None, "abroad", "standard", False)),
    ("i lost my adult passport how much to replace it", FeeSituation("adult", None, "in_canada", "standard", True)),
    ("10 year passport with express pickup", FeeSituation("adult", 10, "in_canada", "express", False)),
    ("combien ça coûte un passeport de 10 ans", FeeSituation("adult", 10, "in_canada", "standard", False)),
    ("10 yr passport + express pickup how much altogether", FeeSituation("adult", 10, "in_canada", "express", False)),
    ("urgent passport fee from the embassy in Paris", FeeSituation("adult", None, "abroad", "standard", False)),
    ("mon gars a 12 ans il vit avec sa mère en Suisse, combien", FeeSituation("child", 5, "abroad", "standard", False)),
    ("chu au Maroc, combien pour renouveler mon passeport 10 ans", FeeSituation("adult", 10, "abroad", "standard", False)),
    ("passeport 5 ans ou 10 ans, la différence de prix", FeeSituation("adult", None, "in_canada", "standard", False)),
    ("im 30, 5 year passport with urgent pickup", FeeSituation("adult", 5, "in_canada", "urgent", False)),
    ("moi pis ma blonde on veut chacun un 10 ans", FeeSituation("adult", 10, "in_canada", "standard", False, 2, 0)),
    ("me and my 4 yr old both need passports", FeeSituation("adult", None, "in_canada", "standard", False, 1, 1)),
    ("2 kids passports, we live in halifax", FeeSituation("child", 5, "in_canada", "standard", False, 0, 2)),
    # applied for from abroad, the city before the country
    ("how much does a 10 year passport cost if i apply from london uk",
     FeeSituation("adult", 10, "abroad", "standard", False)),
    ("Combien coûte un passeport de 10 ans quand on fait la demande depuis la Belgique?",
     FeeSituation("adult", 10, "abroad", "standard", False)),
    # "my passport" is the citizen's; the citizen's own age names one person, not two
    ("jhabite au maroc, combien pour mon passeport pis celui de ma fille de 7 ans",
     FeeSituation("adult", None, "abroad", "standard", False, 1, 1)),
    ("how much for my passport and my son's", FeeSituation("adult", None, "in_canada", "standard", False, 1, 1)),
    ("im 15 how much is a passport", FeeSituation("child", 5, "in_canada", "standard", False)),
    ("j'ai 15 ans combien pour mon passeport", FeeSituation("child", 5, "in_canada", "standard", False)),
    # children counted by what they are: "my two daughters", "mes 3 petits garçons"
    ("passports for me and my two daughters", FeeSituation("adult", None, "in_canada", "standard", False, 1, 2)),
    ("combien pour mes 3 petits garçons", FeeSituation("child", 5, "in_canada", "standard", False, 0, 3)),
])
def test_fee_situations(text, expected):
    assert fee_situation(text) == expected


@pytest.mark.parametrize("text", [
    "how much is a passport", "je vis au quebec combien le passeport", "passport fees?",
    "how do I pay the passport fee", "c'est combien un passeport canadien",
    "does express cost more than regular", "i lost my passport how much to replace it", "how much extra is urgent",
    "we are flying to France next week, how much is a passport",
    "how much is a passport, I just got back from Mexico", "how much is my passport",
])
def test_no_situation_stated(text):
    assert fee_situation(text) is None

@pytest.mark.parametrize("before, text, expected", [
    # the follow-up fills in what the first message did not say, and overrides what it did
    ("combien pour un passeport pour mon fils", "pis si c'est urgent?", FeeSituation("child", 5, "in_canada", "urgent", False)),
    ("how much is a 10 year passport", "and if I live in Mexico?", FeeSituation("adult", 10, "abroad", "standard", False)),
    ("how much is a 10 year passport", "and for a kid?", FeeSituation("child", 5, "in_canada", "standard", False)),
    ("how much for my son's passport", "and for me?", FeeSituation("adult", None, "in_canada", "standard", False)),
    ("how much for a passport in Ottawa", "and from France?", FeeSituation("adult", None, "abroad", "standard", False)),
])
def test_a_follow_up_is_priced_with_what_the_message_before_said(before, text, expected):
    assert fee_situation(text, before) == expected


@pytest.mark.parametrize("text", [
    "how much for a 10 year passport here in madrid", "we moved to portugal, how much is a 10 year passport",
    "c'est combien un passeport 10 ans icitte a Bruxelles",
    "we're relocating to japan, what will a 10 year passport cost once we're there",
])
def test_a_city_or_a_move_abroad_is_abroad(text):
    assert fee_situation(text) == FeeSituation("adult", 10, "abroad", "standard", False)


def test_moving_abroad_without_applying_there_is_not_abroad():
    assert fee_situation("we're moving to japan next month, how much is a 10 year passport") == FeeSituation(
        "adult", 10, "in_canada", "standard", False)


def test_where_the_citizen_lives_can_come_from_earlier_in_the_conversation():
    lately = "we live in Belgium my passport runs out in the spring"
    assert fee_situation("how much for my 10 year one", "my passport runs out in the spring", lately=lately) == FeeSituation(
        "adult", 10, "abroad", "standard", False)
    # what the message or the one it follows says comes first
    assert fee_situation("and if I do it in Ottawa, how much for a 10 year", lately=lately) == FeeSituation(
        "adult", 10, "in_canada", "standard", False)


def test_a_follow_up_without_a_situation_before_it_has_none():
    assert fee_situation("and with express?", "how long does it take") is None



@pytest.mark.parametrize("text, expected", [
    ("I lost my passport and I fly tomorrow", "soon"),
    ("my passport was stolen, flight is on friday", "soon"),
    ("mon vol est jeudi", "soon"),
    ("j'ai perdu mon passeport et je pars dans 3 jours", "soon"),
    ("lost it, leaving in 10 days", "soon"),
    ("leaving for a wedding in 6 business days", "soon"),
    ("on part dans 30 jours ouvrables", "later"),
    ("je pars le 5 décembre", "soon"),
    ("trip on dec 20", "later"),
    ("we travel in 2 months", "later"),
    ("next summer", "later"),
    ("je ne voyage pas", "later"),
    ("j'ai perdu mon passeport", None),
    ("I lost my passport in May", None),
    ("I lost my passport 3 years ago", None),
    # a day of the month without its month: this month's, or next month's once past
    ("we leave on the 6th", "soon"),
    ("on part le 2.", "soon"),  # the 2nd of next month, 4 days away
    ("flying on the 27th", "later"),
    ("je pars le 14 février", "later"),
    # today's day told: the trip's day counted from it, not from the calendar's
    ("je m'en vais à Lisbonne le 20. on est le 16, comment je fais", "soon"),
    ("we fly on the 28th. its the 14th today", "soon"),
    ("on part le 29. on est le 2", "later"),
    # the application sent today is not the trip
    ("if i mail my renewal today will it come back before march break? we leave march 14", "later"),
    ("i mail it today, flying tomorrow", "soon"),
    ("we fly today", "soon"),
])
def test_travel_window(text, expected):
    assert travel_window(text, TODAY) == expected


# --- what a renewal question already answers of the eligibility check ---------------------------

@pytest.mark.parametrize("text, expected", [
    ("I want to renew, my last passport was from when I was 14", {"renewal_age_16_plus": False}),
    ("my last one was a kids passport, renewal possible?", {"renewal_age_16_plus": False}),
    ("j'ai 20 ans pis mon passeport d'enfant est expiré, je le renouvelle?", {"renewal_age_16_plus": False}),
    ("passeport obtenu quand j'avais 15 ans, je peux renouveler", {"renewal_age_16_plus": False}),
    ("renewed it at 22 back in 2016", {"renewal_age_16_plus": True, "renewal_issued_recently": True}),
    ("mon passeport a été émis en 2008, renouvellement possible?", {"renewal_issued_recently": False}),
    ("can I renew an emergency passport from the embassy", {"renewal_valid_5_or_10": False}),
    ("j'ai un passeport temporaire, je peux-tu le renouveler", {"renewal_valid_5_or_10": False}),
    ("I got married and changed my name, can I still renew", {"renewal_details_unchanged": False}),
    ("changement de genre, je renouvelle ou je refais une demande", {"renewal_details_unchanged": False}),
    # expired N years ago: issued 5 to 10 years before that
    ("my old passport expired like 20 yrs ago do i apply new or renew??", {"renewal_issued_recently": False}),
    ("mon passeport est expiré depuis 12 ans, je peux-tu le renouveler", {"renewal_issued_recently": False}),
    ("my passport expired 3 years ago can i renew", {"renewal_issued_recently": True}),
    # the year it expired, told long ago: issued more than 15 years ago, whatever its validity
    ("my passport expired in 2009, I was 30 when I got it", {"renewal_issued_recently": False, "renewal_age_16_plus": True}),
    # a validity of 1 or 2 years is the passport's, not any span of time
    ("my passport was only valid for 2 years, can I renew it", {"renewal_valid_5_or_10": False}),
    ("I have a 2-year passport, renewal possible?", {"renewal_valid_5_or_10": False}),
])
def test_a_renewal_question_answers_what_it_states(text, expected):
    assert renewal_situation(text, TODAY) == expected


@pytest.mark.parametrize("text, expected", [
    # during the check, a validity of 5 or 10 years told answers that question
    ("il était de 10 ans, ça marche encore?", {"renewal_valid_5_or_10": True}),
    ("it was a five year one if that matters", {"renewal_valid_5_or_10": True}),
    # an age is not a validity
    ("I was 10 years old when we got it", {"renewal_age_16_plus": False}),
])
def test_an_answer_during_the_renewal_check_tells_what_it_states(text, expected):
    from actions.situation import check_answers_told

    assert check_answers_told(text, TODAY) == expected


def test_a_validity_told_before_the_check_only_says_which_passport_is_renewed():
    # "I renew my 10-year passport, how much?" asks a price, not whether it can be renewed
    assert renewal_situation("je renouvelle mon passeport de 10 ans, ça coûte combien?", TODAY) == {}


@pytest.mark.parametrize("text", [
    "how do I renew my passport",
    "my passport expires in 2027, can I renew it now",  # the expiry year is not the issue year
    "passport expired in 2019, renew?",
    "it ran out in 2024, can I renew it",  # the year it ran out is not the issue year
    "do I need references to renew? i've only known anyone here for 2 years",
    "I'm 30, can I renew online",  # an age now is not the age it was issued at
    "renew before my trip at 9am on the 3rd",
    "issued in 2011",  # exactly 15 years ago this year: the check asks
    "passport expired 7 years ago, renew?",  # issued 12 to 17 years ago: the check asks
    "it expired 2 weeks ago can i renew",
])
def test_a_renewal_question_without_those_facts_settles_nothing(text):
    assert renewal_situation(text, TODAY) == {}


@pytest.mark.parametrize("text, abroad", [
    ("my passport got stolen in rome", True),
    ("mon passeport a été volé à Cancún hier", True),
    ("i'm in paris and lost my passport", True),
    ("perdu mon passeport a montreal, je pars en france dans 2 semaines", False),
    ("i lost my passport, flying to mexico friday", False),
])
def test_a_passport_lost_abroad(text, abroad):
    from actions.situation import lost_abroad

    assert lost_abroad(text) is abroad
