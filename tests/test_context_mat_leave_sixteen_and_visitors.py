"""Without a model, the forty-first session's third round: "mat leave benefits" named is EI's,
and an unsure reading between applying for EI and off topic is EI's; a child who turns 16,
whose renewal is asked, applies for an adult passport; a spouse here on a visitor visa, asked
about after getting a SIN, is who may get one; a thing asked about again by its pronoun after
a recipe is still off topic; and pay an employer still owes is the province's labour standards."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, read_after, read_as, reading, topic_and_entry


def test_mat_leave_benefits_name_ei():
    assert phrases.programs_named("how do i apply for mat leave benefits") == {"ei_"}


def test_an_unsure_reading_between_applying_for_ei_and_off_topic_with_a_benefit_named_is_eis():
    text = "im pregnant due in october, how do i apply for mat leave benefits, i live in ontario"
    unsure = reading(("nlu_fallback", 0.3), ("ei_apply", 0.49), ("out_of_scope", 0.46), ("ei_eligibility", 0.01))
    assert topic_and_entry(read_after([], unsure, text))[0] == "ei_apply"
    # no benefit named, English: still asked which
    plain = "how do i apply for it, i live in ontario"
    assert topic_and_entry(read_after([], unsure, plain))[0] == "nlu_fallback"


@pytest.mark.parametrize("text, grown", [
    ("my son turns 16 next month and his passport expires in june. can he just renew it", True),
    ("ma fille va avoir 16 ans et son passeport expire, elle peut le renouveler?", True),
    ("my kid's passport expires next month, she's 9, can i renew it", False),
    ("my son turns 16 next month, can i renew my own passport online", False),
])
def test_a_child_who_turns_16_and_renews_needs_an_adult_application(text, grown):
    assert phrases.grown_child_renews(text) == grown


def test_a_spouse_here_on_a_visitor_visa_asked_after_a_sin_is_who_may_get_one():
    said = [UserUttered("comment je fais pour avoir un NAS", "sin_apply")]
    visa = reading(("out_of_scope", 1.0), ("sin_apply", 0.0))
    read = read_as(said, visa, "et pour ma femme qui est ici avec un visa de visiteur?")
    assert topic_and_entry(read) == ("sin_apply", "sin_apply.newcomers")
    # the visa itself asked for stays another service
    asked = read_as(said, visa, "et pour ma femme, comment elle demande un visa de visiteur pour sa soeur?")
    assert topic_and_entry(asked)[0] == "out_of_scope"


@pytest.mark.parametrize("text, off_topic", [
    ("est-ce que je peux la congeler?", True),
    ("can i freeze it", True),
    ("est-ce que je peux renouveler mon passeport?", False),  # ours, named
])
def test_the_thing_asked_about_again_by_its_pronoun_after_a_recipe_is_off_topic(text, off_topic):
    said = [UserUttered("recette de tourtière du lac", "out_of_scope")]
    unsure = reading(("nlu_fallback", 0.3), ("ei_eligibility", 0.2), ("passport_renew", 0.15))
    assert (topic_and_entry(read_as(said, unsure, text))[0] == "out_of_scope") == off_topic


@pytest.mark.parametrize("text, other", [
    ("mon employeur me doit encore 2 semaines de paie, je porte plainte où?", True),
    ("my old boss still owes me 3 paycheques", True),
    ("my employer wont give me my roe", False),  # EI's record of employment
])
def test_pay_an_employer_still_owes_is_the_provinces_labour_standards(text, other):
    assert (phrases.other_service_named(text) is not None) == other
