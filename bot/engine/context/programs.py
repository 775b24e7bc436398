"""A question read in the program the conversation is about: a short question that names none of
our programs, read alone as another program's topic, read with the conversation's last question
when that reading stays in the conversation's program (`in_the_conversations_program`); a
follow-up read with only the name of the conversation's program (`PROGRAM_NAMES`), to choose
another topic of it or settle a doubt between two of its topics.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional

from bot.engine.context.constants import (
    DOUBTFUL_TOPIC, FEES, LOANS, PASSPORT, QUALIFYING_TOPICS, SURE_NAMED, SURE_NEED, WHAT_TO_DO_NOW,
)
from bot.engine.context.conversation import conversation_so_far, last_topic, recent_messages, told_lately
from bot.engine.context.readings import (
    Parse, _answering, _as_topic, _confidence, _intent, _likeliest_in, _program_of_the_doubt, _two_likeliest, _which_of,
    _within_one_program, own_entry, program_weight, read_as,
)
from bot.folding import fold
from bot.knowledge import program_of
from bot.language import Detection, detect
from bot.nlu.phrases import asks_price, names_a_subject, programs_named

MAX_UNNAMED_WORDS = 16  # a question naming none of our programs, read in the conversation's
SURE_ELSEWHERE = 0.8  # ... unless it is this sure of another program's topic on its own
LEAST_PROGRAM_WEIGHT = 0.02  # ... and only if, read alone, it gives that program this much
# What one receives, not what one pays: "how much will i get for my kid", "combien je vais recevoir"
RECEIVES = re.compile(r"\b(?:will|would|do|could|can) (?:i|we) (?:get|receive)\b|\b(?:get|receive) (?:back|per month|a month)\b|"
                      r"\brecev\w*|\brecoi\w*|\breçoi\w*|\btouch\w*|\bdroit\b", re.IGNORECASE)
# The situation told, pointed at: "is there ei for that", "y a tu de l'AE pour ça"
FOR_THAT = re.compile(r"\b(?:for|pour|about|with|avec) (?:that|this|ca|ça|cela)\b", re.IGNORECASE)
MAX_FOR_THAT_WORDS = 8
# ... or "in that case", in a question a little longer: "est ce que je recois la moitié de
# l'allocation dans ce cas la" after shared custody told
IN_THAT_CASE = re.compile(r"\b(?:dans ce cas|in that case|in this case)\b", re.IGNORECASE)
MAX_IN_THAT_CASE_WORDS = 14
# A program's name as citizens write it, to read a follow-up in that program only.
PROGRAM_NAMES = {
    "passport_": {"en": "passport", "fr": "passeport"},
    "sin_": {"en": "SIN", "fr": "NAS"},
    "ei_": {"en": "EI", "fr": "assurance-emploi"},
    "ccb_": {"en": "CCB", "fr": "ACE"},
    "student_loan_": {"en": "student loan", "fr": "prêt d'études"},
}
# A question about what the last one asked, said first: "will that lower my payment", "does that
# change anything", "est-ce que ça va baisser mes paiements", "ça change tu quelque chose"
ABOUT_THAT = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:will|would|does|did|can|could|is|wo?n'?t|doesn'?t) (?:that|this|doing that|doing this)\b"
    r"|^\W*(?:(?:et|pis|mais|ok|faque)\W+)?(?:est-ce que |est ce que )?(?:ça|ca|cela) (?:va|vas|fait|change|peut|pourrait|baisse)\b",
    re.IGNORECASE)


async def with_the_program_named(text: str, topic: str, parse: Parse) -> Optional[Dict[str, Any]]:
    """A follow-up read with only the name of the conversation's program, when that reading is
    sure of another topic of the program: "and when does it get paid" after applying for the CCB
    asks for the payment dates, "and how do I sign up for it?" after the dates asks how to apply.
    Read with the whole earlier message, the earlier question's words choose its topic again."""
    program = program_of(topic)
    if program is None:
        return None
    named = await _with_program_name(text, program, parse)
    intent = _intent(named)
    if (program_of(intent) != program or intent == topic or intent in QUALIFYING_TOPICS or not _answering(intent)
            or _confidence(named) < SURE_NAMED):
        return None
    return named


async def settled_by_own_words(text: str, unsure: Dict[str, Any], parse: Parse) -> Optional[Dict[str, Any]]:
    """A doubt between two topics of one program, settled by the question read with only the
    program's name, when that reading is sure of one of the two."""
    program = _program_of_the_doubt(unsure)
    if program is None:
        return None
    named = await _with_program_name(text, program, parse)
    return named if _intent(named) in _two_likeliest(unsure) and _confidence(named) >= SURE_NAMED else None


async def in_the_program_before(text: str, before: str, parse: Parse) -> Optional[Dict[str, Any]]:
    """A follow-up that, read with the earlier question, reads as none of our topics ("what if i
    cant find a job right away" after "when do i start paying back": the job words win), read with
    only the name of that question's program, when that reading is likely enough of a topic of
    it: the conversation goes on about the program (student loans: the Repayment Assistance Plan)."""
    earlier = await _topic_of(before, parse)
    program = program_of(earlier)
    if program is None or not _answering(earlier):
        return None
    named = await _with_program_name(text, program, parse)
    intent = _intent(named)
    if program_of(intent) != program or not _answering(intent) or _confidence(named) < DOUBTFUL_TOPIC:
        return None
    return named


async def _with_program_name(text: str, program: str, parse: Parse) -> Dict[str, Any]:
    """`text` read with only the name of `program`, as citizens write it in the text's language."""
    language = (detect(text) or Detection("en", "weak")).language
    return await parse(f"{PROGRAM_NAMES[program][language]} {text}")


async def _topic_of(before: str, parse: Parse) -> str:
    """The topic of what was said before, taken past a doubt between two topics of one program."""
    return _intent(_within_one_program(await parse(before)))


async def in_the_conversations_program(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Dict[str, Any]:
    """A short question that names none of our programs, read alone as a topic of another
    program than the last message's: read with the last message, when that reading stays in
    the last message's program ("how long before I get paid" after "how do I apply for EI" is
    not about passports; "how often do I reapply" after applying for RAP neither). Within one
    program, the question's own topic stands (reading it with the last message there gave the
    last topic back too often: "je pars dans 4 jours" after a processing-time question)."""
    intent = _intent(parse_data)
    if intent == "nlu_fallback":  # unsure, with one of our topics among the two likeliest: that topic
        intent = next((name for name in _two_likeliest(parse_data) if _answering(name)), intent)
    shared = bool(SHARED_SUBJECTS.search(fold(text)))
    if programs_named(text) == {program_of(intent)} and (
            (FOR_THAT.search(text) and len(text.split()) <= MAX_FOR_THAT_WORDS)
            or (IN_THAT_CASE.search(text) and len(text.split()) <= MAX_IN_THAT_CASE_WORDS)) and (
            recent_messages(events)):
        # "is there ei for that" after "my mom has cancer and i need to take care of her": the
        # program named, for the situation told (its caregiving benefits), read with it
        said = recent_messages(events) or ""
        whole = await parse(f"{said} {text}")
        if program_of(_intent(whole)) == program_of(intent) and _answering(_intent(whole)) and _confidence(whole) >= SURE_NEED:
            return {**read_as(parse_data, whole), "read_with": said}
    if not (_answering(intent) or (shared and program_of(intent))) or programs_named(text) or (
            len(text.split()) > MAX_UNNAMED_WORDS and _confidence(parse_data) >= DOUBTFUL_TOPIC):
        return parse_data  # a longer question is read in the conversation only when unsure alone
    if program_of(intent) != PASSPORT and asks_price(text) and not RECEIVES.search(text) and (
            program_of(last_topic(events) or "") == PASSPORT):
        # "c combien pour un enfant?" after a child's passport: its price, not the CCB's amount
        asked = conversation_so_far(events) or ""
        priced = await parse(f"{asked} {text}")
        fees = read_as(parse_data, priced) if _intent(priced) == FEES else _as_topic(parse_data, FEES)
        return {**own_entry(fees, parse_data), "read_with": asked}
    # a question with no subject of its own ("how long does it take") is the conversation's,
    # however sure the model is of another topic; "do I qualify if I got fired" is not
    subject = names_a_subject(text)
    # "10 ans. pis là j'fais quoi, étape par étape svp" after a renewal: what to do about what was
    # told, whatever subject word it repeats
    next_step = bool(WHAT_TO_DO_NOW.search(text)) and told_lately(events)
    if subject and _confidence(parse_data) >= SURE_ELSEWHERE and not shared and not next_step:
        return parse_data
    before = conversation_so_far(events)
    if not before:
        return parse_data
    earlier = await _topic_of(before, parse)
    program = program_of(earlier)
    if program is None or not _answering(earlier):
        return parse_data
    doubt = _two_likeliest(parse_data) if _intent(parse_data) == "nlu_fallback" else []
    if len(doubt) == 2 and all(_answering(name) for name in doubt) and any(program_of(name) == program for name in doubt):
        # "can he do it online or does he have to go in" after "my son is 16 ... he needs a SIN",
        # unsure between the SIN and where to apply for a passport, or "what are these reports
        # every 2 weeks" after "I'm on EI now", unsure between applying for EI and renewing a
        # passport: the conversation's topic, or the topic of its program the two read together
        # give surely ("can i just pay it all off now" after a loan's balance: repaying)
        combined = await parse(f"{before} {text}")
        if earlier in doubt:
            chosen = read_as(parse_data, combined) if _intent(combined) == earlier else _as_topic(parse_data, earlier)
            return {**own_entry(chosen, parse_data), "read_with": before}
        if program_of(_intent(combined)) == program and _answering(_intent(combined)) and _confidence(combined) >= SURE_NEED:
            return {**own_entry(read_as(parse_data, combined), parse_data), "read_with": before}
    if program == program_of(intent):
        if intent == earlier or not (ABOUT_THAT.search(text) or (WHAT_TO_DO_NOW.search(text) and told_lately(events))):
            if _intent(parse_data) == "nlu_fallback" and program != PASSPORT:
                # unsure alone, sure with the conversation in its own program: "je peux faire des
                # paiements plus gros que prévu?" after "je rembourse mon prêt depuis 1 an" (paying
                # more), not "did you mean the Repayment Assistance Plan?" (not among the passport's
                # twelve topics, where the conversation's words pulled 2 blind follow-ups to a
                # neighbouring topic: the status read as the processing time, renewing for "can I renew?")
                combined = await parse(f"{before} {text}")
                if program_of(_intent(combined)) == program and _answering(_intent(combined)) and (
                        _confidence(combined) >= SURE_NEED):
                    return {**own_entry(read_as(parse_data, combined), parse_data), "read_with": before}
            return parse_data
        # "will that lower my monthly payment or just make it end sooner?" after a lump sum on a
        # student loan, "I go home on the 14th. what do I do" after a passport lost in Rome: about
        # what the last question asked, however sure of another topic alone
        combined = await parse(f"{before} {text}")
        if _intent(combined) == earlier and _confidence(combined) >= SURE_NEED:
            return {**read_as(parse_data, combined), "read_with": before}
        return parse_data
    if shared:
        # "when do i need to renew it" after "im on RAP", "what if i can't find a job" after a
        # loan's first payment: words the conversation's program shares are no subject of another
        own = SUBJECTS_OF.get(program)
        subject = names_a_subject(own.sub(" ", fold(text))) if own else subject
        if subject and _confidence(parse_data) >= SURE_ELSEWHERE:
            return parse_data
    if subject and program_weight(parse_data, program) < LEAST_PROGRAM_WEIGHT and _confidence(parse_data) >= DOUBTFUL_TOPIC and not (
            program_of(intent) == LOANS and RECEIVES.search(text)):
        # "when do I start paying back" after a passport question: loans only; "quand est-ce que
        # je vais recevoir mon premier paiement?" after an EI claim: a payment received is no loan's
        return parse_data
    combined = await parse(f"{before} {text}")
    # the conversation named its program ("i applied for the ccb when my son was born", "got the
    # approval letter today", then "when will i get the first one"): a question with no subject
    # of its own is not another program's, however sure of it alone
    named = not subject and program in programs_named(before)
    if program_of(_intent(combined)) != program or not _answering(_intent(combined)) or (
            _confidence(combined) < SURE_NEED and not named):
        if _confidence(parse_data) < DOUBTFUL_TOPIC or named:
            # unsure of another program alone, unsure in the conversation's too: ask which
            # ("faut tu que mes parents viennent? j'ai 13 ans" after getting a SIN is not surely
            # a child's passport), with the conversation's likeliest topic as a choice
            return _which_of(parse_data, _likeliest_in(combined, program))
        return parse_data
    return {**read_as(parse_data, combined), "read_with": before}


# Subject words a program shares with another's topics ("renew" is a passport's and the RAP's
# every six months; a job lost or not found is EI's and the reason to ask for the RAP): in a
# conversation about that program they do not move the question to the other program.
SUBJECTS_OF = {
    "student_loan_": re.compile(r"\b(?:renew\w*|renouvel\w*|job\w*|emplois?|work\w*|travail\w*|unemploy\w*|"
                                r"chomage|laid off|lost my job|perdu ma job|income|revenus?)\b"),
}
SHARED_SUBJECTS = re.compile("|".join(pattern.pattern for pattern in SUBJECTS_OF.values()))
