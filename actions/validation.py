"""Build `validate_<slot>` methods for forms from the parsers in actions/answers.py."""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.folding import fold

Validator = Callable[[Any, Any, CollectingDispatcher, Tracker, DomainDict], Dict[Text, Any]]


# A message that is not an answer to the form's question but surely asks a question of another
# of our topics ("ok i'm eligible, so what are the steps?", "do I need a guarantor for that?")
# is answered before the form asks its question again, instead of "Please answer yes or no".
SURE_QUESTION = 0.5
# A message this surely off topic that asks something ("btw how do i add my kids to my nexus
# application" asked whether the passport was issued at 16 or older) gets the off-topic answer
# before the form asks its question again.
SURE_OFF_TOPIC = 0.95
# What each form works out: a message of its own topic is an attempt at its question.
FORM_TOPICS = {"passport_fee_form": {"passport_fees", "passport_fee_calculator"},
               "renewal_eligibility_form": {"passport_renewal_eligibility"}}


# ... named in the message (folded text), asked whether, not how ("ok so how do i do that" asks
# how to renew, which the form cannot tell)
WHAT_IT_WORKS_OUT = {"renewal_eligibility_form": re.compile(r"\b(?:renew\w*|renouvel\w*|simplifi\w*|eligib\w*|admissible)\b"),
                     "passport_fee_form": re.compile(r"\b(?:cost|costs|fee|fees|price|how much|combien|frais|prix|coute)\b")}
_NOTHING = re.compile(r"(?!)")
_HOW = re.compile(r"\b(?:how do|how can|how to|comment|what do i do|steps?|etapes?|which form|quel formulaire)\b")


def asks_what_the_form_works_out(tracker: Tracker) -> bool:
    """The latest message surely asks the form's own question again ("je peux tu faire le
    renouvellement simplifié?" while the renewal check asks whether the passport was issued in
    the last 15 years): the form goes on with its question, no "Please answer yes or no"."""
    from bot.engine.context import ASKS

    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    text = str(message.get("text") or "")
    form = str((tracker.active_loop or {}).get("name") or "")
    folded = fold(text)
    return intent.get("name") in FORM_TOPICS.get(form, set()) and float(intent.get("confidence") or 0.0) >= SURE_QUESTION and (
        not text.startswith("/") and bool(ASKS.search(text)) and bool(WHAT_IT_WORKS_OUT.get(form, _NOTHING).search(folded))
        and not _HOW.search(folded))


def answered_instead(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer the latest message's own question when it is one of our topics' (with its
    knowledge answer, as action_answer would) or surely off topic (with the off-topic answer);
    False when it is neither."""
    from actions.knowledge_answer import answer, chosen_entry, language_of, said_lately
    from actions.out_of_scope import say_out_of_scope
    from bot.engine.context import ASKS

    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    text = str(message.get("text") or "")
    if intent.get("name") == "out_of_scope" and float(intent.get("confidence") or 0.0) >= SURE_OFF_TOPIC and (
            not text.startswith("/") and ASKS.search(text)):
        say_out_of_scope(dispatcher, tracker)
        return True
    entry = chosen_entry(tracker)
    own = FORM_TOPICS.get(str((tracker.active_loop or {}).get("name") or ""), set())
    if entry is None or text.startswith("/") or float(intent.get("confidence") or 0.0) < SURE_QUESTION or (
            intent.get("name") in own or not ASKS.search(text)):
        return False  # "whichever is cheaper I guess": an answer the form cannot use, asked again
    answer(dispatcher, entry, text, language_of(tracker), said_lately(tracker, 1), read_with=False,
           lately=said_lately(tracker))
    return True


def validated(slot: str, parse: Callable[[Any], Optional[object]], invalid: str) -> Validator:
    """Keep the parsed value, or clear the slot so the form re-asks, after saying `invalid` or,
    for a sure question of one of our topics, its answer."""

    def validate(
        self: Any,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        parsed = parse(value)
        if parsed is None and not asks_what_the_form_works_out(tracker) and not answered_instead(dispatcher, tracker):
            dispatcher.utter_message(response=invalid)
        return {slot: parsed}

    validate.__name__ = f"validate_{slot}"
    return validate
