"""A message written for a grown-up other, read as that person's own question.

"my daughter is 24 and studying in lyon, how does she renew it from over there" is read by the
model as a child's passport (any "my daughter" pulls there); told in the first person ("i am 24
and studying in lyon, how do i renew it from over there", bot/nlu/perspective.py) it is the
renewal from abroad. `reading_their_own` wraps the engine's parse so that every reading, the
message's own and those the context readers make of it with the messages before, is made of
both tellings and keeps the first person's when it is the better one:
- the third person read as a child's passport, the first as another passport topic (the person is
  grown up: the first-person telling is made only then);
- the third person read unsure, or off topic but not surely, the first as one of our topics at
  least `OWN_SURE`;
- both of our topics, the first at least as sure as the third (within `AS_SURE`).
Nothing changes when the message names another service (a US passport, an eTA, a sponsorship).
The text itself never changes (the answer reads "my mom" from it); only the intent, its ranking
and the knowledge entry come from the first person's reading.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Optional

from bot.engine.context.readings import Parse, _confidence, _intent, read_as
from bot.knowledge import program_of
from bot.language import detect
from bot.nlu.perspective import in_first_person
from bot.nlu.phrases import names_another_service, other_service_named

OWN_SURE = 0.6  # the first person's topic when the third person's reading is off topic or unsure
UNSURE_OFF_TOPIC = 0.6  # an off-topic reading less sure than this may be a question of ours
AS_SURE = 0.01  # two readings this close are as sure as each other (a rule's 1.0 and the model's 0.999)


def _own_is_better(theirs: Dict[str, Any], own: Dict[str, Any], text: str) -> bool:
    topic, own_topic = _intent(theirs), _intent(own)
    if program_of(own_topic) is None or own_topic == topic or names_another_service(text) or other_service_named(text) is not None:
        return False
    if topic == "passport_child":
        return program_of(own_topic) == program_of(topic)
    if topic == "nlu_fallback" or (topic == "out_of_scope" and _confidence(theirs) < UNSURE_OFF_TOPIC):
        return _confidence(own) >= OWN_SURE
    return program_of(topic) is not None and _confidence(own) >= _confidence(theirs) - AS_SURE


@lru_cache(maxsize=4096)
def _told_as_own(text: str) -> Optional[str]:
    # every parse of a message (its own, and each the context readers make with the messages
    # before) asks again for the same text's first-person telling: made once
    language = detect(text)
    return in_first_person(text, language.language if language else "en")


def reading_their_own(parse: Parse) -> Parse:
    """`parse`, reading a message about a grown-up other also in the first person (see above)."""

    async def read(text: str) -> Dict[str, Any]:
        theirs = await parse(text)
        told = _told_as_own(text)
        if told is None:
            return theirs
        own = await parse(told)
        return read_as(theirs, own) if _own_is_better(theirs, own, text) else theirs

    return read
