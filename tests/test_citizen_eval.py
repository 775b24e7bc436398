"""The realistic set's scoring: every reply in exactly one class, as a citizen would judge it."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from bot.trainer.citizen_eval import EVAL_SET, Item, Outcome, load_items, score, summarise, turn_from_events


def events(intent: str, *steps: Any, language: str = "en") -> List[Dict[str, Any]]:
    out: List[Dict[str, Any]] = [
        {"event": "user", "text": "earlier", "parse_data": {"intent": {"name": "greet"}}},
        {"event": "bot", "text": "hello", "metadata": {"utter_action": "utter_greet"}},
        {"event": "user", "text": "q", "parse_data": {"intent": {"name": intent}}},
        {"event": "slot", "name": "language", "value": language},
    ]
    for step in steps:
        if isinstance(step, tuple):
            out.append({"event": "bot", "text": step[1], "metadata": {"utter_action": step[0]}})
        else:
            out.append({"event": "action", "name": step})
    return out


PHOTO = Item("en-1", "en", "how big is the photo", "answer", ("passport_photo",), ("50", "70 mm|70mm"))


@pytest.mark.parametrize("item, turn_events, expected", [
    (PHOTO, events("passport_photo", "action_answer", ("", "50 mm wide and 70 mm high")), "correct"),
    (PHOTO, events("passport_photo", "action_answer", ("", "Photos must be recent")), "confidently_wrong"),
    (PHOTO, events("passport_fees", "action_answer", ("", "50 70 mm")), "confidently_wrong"),
    (PHOTO, events("passport_photo", "action_answer", ("", "50 70 mm"), language="fr"), "confidently_wrong"),
    (PHOTO, events("nlu_fallback", "action_clarify_or_handoff", ("utter_clarify", "Did you mean")), "clarified"),
    (PHOTO, events("nlu_fallback", "action_clarify_or_handoff", ("utter_please_rephrase", "Sorry")), "fallback"),
    (PHOTO, events("out_of_scope", ("utter_out_of_scope", "Sorry, I can't")), "fallback"),
    (PHOTO, events("request_human", "action_handoff", ("utter_handoff", "An officer")), "fallback"),
    # the answer, then an officer at once (a lost passport and a flight in days): judged as the answer
    (Item("en-2", "en", "lost it, flying thursday", "answer", ("passport_lost_stolen",)),
     events("passport_lost_stolen", "action_lost_passport", ("", "Report it"), "action_handoff",
            ("utter_handoff", "An officer")), "correct"),
    (Item("en-3", "en", "photo size, flying thursday", "answer", ("passport_photo",)),
     events("passport_lost_stolen", "action_lost_passport", ("", "Report it"), "action_handoff",
            ("utter_handoff", "An officer")), "confidently_wrong"),
    # a form's question asked again ("Please answer yes or no") answers nothing, whatever the reading
    (Item("en-4", "en", "ok i'm eligible, what are the steps", "answer", ("passport_renew",)),
     events("passport_renew", "renewal_eligibility_form", ("utter_invalid_yes_no", "Please answer yes or no"),
            ("utter_ask_renewal_age_16_plus", "Was your most recent passport issued when you were 16 or older?")),
     "fallback"),
    (Item("e", "en", "balance?", "out_of_scope"), events("out_of_scope", ("utter_out_of_scope", "x")), "correct"),
    (Item("e", "en", "balance?", "out_of_scope"), events("ccb_payment_dates", "action_answer", ("", "x")),
     "confidently_wrong"),
    # small talk to an off-topic question names no topic, nor where to go: neither right nor wrong
    (Item("e", "en", "how are you today?", "out_of_scope"), events("chitchat", ("utter_chitchat", "x")), "fallback"),
    (Item("e", "fr", "t'es-tu un robot? tu fais quoi ce soir", "out_of_scope"),
     events("bot_challenge", ("utter_iamabot", "x"), language="fr"), "fallback"),
    (Item("e", "en", "how are you today?", "out_of_scope"), events("goodbye", ("utter_goodbye", "x")),
     "confidently_wrong"),
    (Item("h", "en", "manager", "handoff"), events("request_human", "action_handoff", ("utter_handoff", "x")), "correct"),
    (Item("h", "en", "manager", "handoff"), events("chitchat", ("utter_chitchat", "x")), "confidently_wrong"),
    (Item("l", "en", "en français?", "language", reply_language="fr"),
     events("choose_language", ("utter_language_changed", "x"), language="fr"), "correct"),
    (Item("l", "en", "en français?", "language", reply_language="fr"),
     events("choose_language", ("utter_language_changed", "x"), language="en"), "confidently_wrong"),
    # the switch said, then the fee form that was running asks its question again in French
    (Item("l", "fr", "je préfère en français", "language", reply_language="fr"),
     events("choose_language", ("utter_language_changed", "x"), "passport_fee_form",
            ("utter_ask_fee_applicant", "Adulte ou enfant?"), language="fr"), "correct"),
    # ... but an answer given with the switch is not what was asked
    (Item("l", "fr", "je préfère en français", "language", reply_language="fr"),
     events("choose_language", ("utter_language_changed", "x"), "action_answer", ("", "Les frais"), language="fr"),
     "confidently_wrong"),
])
def test_each_reply_gets_one_class(item, turn_events, expected):
    assert score(item, turn_from_events(turn_events))[0] == expected


def test_summary_counts_per_language():
    outcomes = [Outcome("a", "en", "answer", "t", "correct", "x", ""),
                Outcome("b", "fr", "answer", "t", "confidently_wrong", "x", ""),
                Outcome("c", "fr", "handoff", "t", "correct", "x", "")]
    summary = summarise(outcomes)
    assert (summary["all"]["n"], summary["all"]["correct"], summary["all"]["confidently_wrong"]) == (3, 2, 1)
    assert summary["fr"]["correct_rate"] == 0.5 and summary["en"]["correct_rate"] == 1.0
    assert summary["fr"]["by_expect"]["handoff"] == {"n": 1, "correct": 1}


def test_the_set_is_large_balanced_and_well_formed():
    items = load_items(EVAL_SET)
    assert len(items) >= 300 and len({i.id for i in items}) == len(items)
    for language in ("en", "fr"):
        mine = [i for i in items if i.language == language]
        assert len(mine) >= 150
        assert {i.expect for i in mine} >= {"answer", "handoff", "out_of_scope", "language"}
    assert all(i.expect in {"answer", "handoff", "out_of_scope", "language", "conversation"} for i in items)


def test_a_sibling_topic_counts_only_with_every_key_fact():
    item = Item("e", "en", "hours for ei sickness", "answer", ("ei_eligibility",), ("600",))
    right = events("ei_apply", "action_answer", ("", "You need 600 hours"))
    assert score(item, turn_from_events(right))[0] == "correct"
    assert score(item, turn_from_events(events("ei_apply", "action_answer", ("", "Apply online"))))[0] == (
        "confidently_wrong")
    other_program = events("sin_apply", "action_answer", ("", "600 hours"))
    assert score(item, turn_from_events(other_program))[0] == "confidently_wrong"
    no_facts = Item("e", "en", "can i get ei", "answer", ("ei_eligibility",))
    assert score(no_facts, turn_from_events(events("ei_apply", "action_answer", ("", "x"))))[0] == (
        "confidently_wrong")


def test_an_entry_that_settles_another_topic_counts_for_it():
    """passport_renew.damaged says whether a damaged passport can be renewed: it answers "Can I
    renew?" (its `also_answers`); passport_renew.old_passport does not."""
    item = Item("e", "en", "can i renew a damaged passport", "answer", ("passport_renewal_eligibility",))

    def answered_by(entry: str) -> str:
        turn_events = events("passport_renew", "action_answer", ("", "x"))
        turn_events[2]["parse_data"]["knowledge"] = {"id": entry}
        return score(item, turn_from_events(turn_events))[0]

    assert answered_by("passport_renew.damaged") == "correct"
    assert answered_by("passport_renew.old_passport") == "confidently_wrong"
    # an entry of another intent than the one answered gives way to the intent's overview
    assert answered_by("passport_lost_stolen.renew_lost") == "correct"  # passport_renew.overview
    assert answered_by("") == "correct"


def test_the_exact_fee_of_a_stated_situation_is_the_calculators_answer():
    item = Item("e", "en", "what will I pay for me and my 2 kids", "answer", ("passport_fee_calculator",))
    exact = events("passport_fees", "action_answer", ("utter_fee_situation_group", "the total is $280.50 CAD"))
    assert score(item, turn_from_events(exact))[0] == "correct"
    general = events("passport_fees", "action_answer", ("", "An adult passport costs $163.50"))
    assert score(item, turn_from_events(general))[0] == "confidently_wrong"


def test_the_lost_passports_advice_after_the_trip_told_is_its_answer():
    # "flight is on the 22nd" after "Are you travelling in the next two weeks?", read as a no
    item = Item("e", "en", "flight is on the 22nd", "answer", ("passport_lost_stolen",))
    advice = events("deny", ("utter_lost_stolen_no_travel", "Good, you have time. Report the loss first"))
    assert score(item, turn_from_events(advice))[0] == "correct"
    # a bare "all right" after a no answers nothing of the topic
    bare = events("deny", ("utter_anything_else", "All right. What else can I help you with?"))
    assert score(item, turn_from_events(bare))[0] == "confidently_wrong"


@pytest.mark.parametrize("reply, fact, found", [
    ("les frais sont de 58,50 $ CA", "58.50", True),
    ("the fee is $58.50 CAD", "58,50", True),
    ("the fee is $58.50 CAD", "58.50", True),
    ("les frais sont de 158,50 $", "58.50", True),  # a substring, as before: facts are specific
    ("les frais sont de 57,25 $", "58.50", False),
    ("26 semaines", "26 weeks|26 semaines", True),
    ("cinq ans", "5 ans", False),
])
def test_an_amount_is_found_in_either_languages_notation(reply, fact, found):
    from bot.trainer.citizen_eval import has_fact
    assert has_fact(reply, fact) is found


def test_a_blind_sets_misses_are_listed_without_their_text():
    from pathlib import Path

    from bot.trainer.citizen_eval import is_blind, miss_line

    miss = Outcome("ff-fr-001", "fr", "answer", "une question que personne ne doit lire", "confidently_wrong",
                   "passport_fees", "topic passport_fees")
    assert is_blind(Path("eval/citizen_questions_blind24.yml")) and not is_blind(Path("eval/citizen_questions_dev22.yml"))
    assert miss_line(miss, with_text=False) == "  WRONG ff-fr-001 [answer] -> topic passport_fees"
    assert "personne ne doit lire" in miss_line(miss, with_text=True)


def test_every_set_is_named_and_ordered_and_pooled_by_kind():
    from pathlib import Path

    from bot.trainer.citizen_eval import every_set, pooled, set_line, set_name

    names = [set_name(path) for path in every_set()]
    assert names[0] == "base" and "dev2" in names and names.index("dev2") < names.index("dev10")
    assert set_name(Path("eval/citizen_questions_blind7.yml")) == "blind7"
    one = {"n": 4, "correct": 3, "confidently_wrong": 1, "clarified": 0, "fallback": 0}
    other = {"n": 6, "correct": 6, "confidently_wrong": 0, "clarified": 0, "fallback": 0}
    summaries = {"blind3": {"en": one, "fr": other}, "dev2": {"en": other, "fr": other}, "blind9": {"en": other, "fr": one}}
    assert set_line("blind3", summaries["blind3"]) == "blind3   en 3/1/0/0 of 4   fr 6/0/0/0 of 6"
    assert pooled(summaries) == [
        "blind en: 9 / 1 of 10 (90.0 % / 10.00 %)", "blind fr: 9 / 1 of 10 (90.0 % / 10.00 %)",
        "development en: 6 / 0 of 6 (100.0 % / 0.00 %)", "development fr: 6 / 0 of 6 (100.0 % / 0.00 %)",
    ]
