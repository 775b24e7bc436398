"""A whole message read in parts: small talk around a question of ours ("thanks! how much for a
child", "are you a bot? how long by mail") read as that question (`past_small_talk`); a message
that takes back its start ("passport... sorry no, i need a copy of my marriage certificate") read
as what it meant (`past_a_correction`); two needs
in one message, the first read as the message's intent and the second carried as `also`
(`with_second_need`).
"""

from __future__ import annotations

import re
from typing import Any, Dict, Tuple

from bot.engine.context.constants import ABROAD_ENTRIES, ASKS, FOLLOW_UP, SURE_NAMED, SURE_NEED
from bot.engine.context.readings import Parse, _answering, _confidence, _intent, _past_fallback, _two_likeliest, answered_by, read_as
from actions.situation import lives_abroad, names_a_place_abroad
from bot.folding import fold
from bot.knowledge import overview_id, program_of
from bot.nlu.phrases import programs_named, trip_within_two_weeks
from bot.nlu.places import names_a_canadian_place, without_places

# Where a second question starts: after a question mark, "and also", "et aussi", "pis aussi",
# "en plus", a semicolon; or " and "/" et "/" pis " before a question word.
SECOND_NEED = re.compile(
    r"\?\s*(?:and |et |pis |also |aussi )?|\b(?:and also|as well as|et aussi|pis aussi|en plus|also|aussi),?\s+|;\s*"
    r"|\s(?:and|et|pis)\s+(?=(?:how|what|when|where|can|do|does|is|combien|comment|quand|c'est|est-ce|ou|quel|quelle|"
    r"faire|get|apply|renew|renouveler|demander|avoir)\b)",
    re.IGNORECASE,
)
# The total of what the message told, asked as a price (folded text): "ça fait combien en total", "how
# much altogether" (not "can we do it all together")
TOTAL_ASKED = re.compile(r"\b(?:(?:how much|combien|cost|coute|ca fait|that'?s)\b[^.?!]{0,20}\b(?:en tout|au total|en total|in total|altogether|all together|all in)"
                         r"|(?:the|le) total)\b")
SURE_SAME_PROGRAM = 0.45  # a second need of the first need's program, or of one the message names
MIN_NEED_WORDS = 2

# Words around a question that ask nothing of our topics: "is this a real person? how long does it
# take by mail", "merci! pis combien pour un enfant", "hi there. my sin card got stolen".
AROUND_A_QUESTION = {"greet", "thanks", "goodbye", "bot_challenge", "chitchat", "help"}
CLAUSE = re.compile(r"[?!.;]+\s+|,\s+(?=\w+\s+\w+)")
MIN_QUESTION_WORDS = 3
SURE_OFF_TOPIC_QUESTION = 0.6  # a question after small talk this surely off topic is what the message asks
TYPED_QUESTION_WORD = re.compile(r"\b(?:whats|hows|wheres|whos|whens|whys)\b", re.IGNORECASE)  # typed without the apostrophe
TO_THE_ASSISTANT = re.compile(r"\b(?:you|u|your|ur|tu|toi|ta|ton|tes|t'es|vous)\b", re.IGNORECASE)
# the spoken question's "-tu" after a verb of the third person ("y a tu quelque chose pour m'aider?",
# "c'est-tu normal", "ça-tu du sens"): no "you" in it
QUESTION_TU = re.compile(r"\b(?:y a|ya|c'est|ca|ça|faut|va|est|sont|ont|peut|doit|fait|marche|existe|a)[- ]tu\b",
                         re.IGNORECASE)


def to_the_assistant(text: str) -> bool:
    """The message speaks to the assistant ("can you help me", "tu fais quoi")."""
    return bool(TO_THE_ASSISTANT.search(QUESTION_TU.sub(" ", text)))


async def past_small_talk(parse_data: Dict[str, Any], text: str, parse: Parse) -> Tuple[Dict[str, Any], str]:
    """(reading, words to read in the conversation) of a message read as small talk ("are you a
    bot", "thanks", "hi", "help me understand") that goes on with a question of one of our
    topics: the question after the small talk, when it is sure of a topic alone, asks something
    that may be ours, or follows up ("ok goodbye for now, but what if it doesn't come?" after the
    CCB dates): the conversation can then tell which. The small talk alone needs no answer of its
    own (every conversation starts by saying the assistant is automated)."""
    if text.startswith("/") or _intent(parse_data) not in AROUND_A_QUESTION:
        return parse_data, text
    for match in CLAUSE.finditer(text):
        rest = text[match.end():].strip()
        if len(rest.split()) < MIN_QUESTION_WORDS:
            continue
        question = await parse(rest)
        ours = _answering(_intent(question)) or any(_answering(name) for name in _two_likeliest(question))
        of_the_citizen = not to_the_assistant(rest)  # "tu fais quoi de ta fin de semaine" is small talk too
        if (ours and (_confidence(question) >= SURE_NAMED or (of_the_citizen and (
                _confidence(question) >= SURE_NEED or ASKS.search(rest))))) or FOLLOW_UP.search(rest):
            return read_as(parse_data, question), rest
        if _intent(question) == "out_of_scope" and _confidence(question) >= SURE_OFF_TOPIC_QUESTION and (
                ASKS.search(rest) or TYPED_QUESTION_WORD.search(rest)):
            # "thx. btw whats a good budgeting app": the question is off topic, and is what to answer
            # ("I can't help with that"), not the thanks
            return read_as(parse_data, question), rest
    return parse_data, text


# A message that takes back what it began with: "how do i apply for EI... no wait sorry, i meant CPP
# disability", "passport... sorry no, i need a copy of my marriage certificate", "non attends, en
# fait c'est pour ma blonde qui accouche en juin"; what comes after the last taking-back is meant
TAKEN_BACK = re.compile(
    # ("i want to apply for my babys sin, sorry not sin i mean the child benefit thing")
    r"(?:^|(?<=[\s.,!?…]))(?:(?:sorry,? |oops,? |pardon,? |d[eé]sol[eé]e?,? )?(?:not|pas) (?:the |le |la |l')?[\w'-]+,? (?:i mean|je veux dire)|"
    r"no+,? wait|wait,? no|sorry,? no|no,? sorry|oops|oups|scratch that|i meant|my bad|non,? attends?|"
    r"attends?,? non|je voulais dire|d[eé]sol[eé]e?,? non|pardon,? non|non,? pardon|non,? d[eé]sol[eé]e?)\b"
    r"(?:[\s,.:!…-]*(?:sorry|d[eé]sol[eé]e?|pardon|en fait|actually|i meant|i mean|je voulais dire|plut[oô]t|wait|attends?)\b)*[\s,.:!…-]*",
    re.IGNORECASE)
MIN_MEANT_WORDS = 2
SURE_MEANT = 0.9  # what is meant, read alone this surely (else it may lean on what it takes back: "can it be family at all")


async def past_a_correction(parse_data: Dict[str, Any], text: str, parse: Parse) -> Tuple[Dict[str, Any], str]:
    """(reading, words to read in the conversation) of a message that takes back its start: what
    follows the last taking-back, read alone, when that is sure of itself; the message as it is
    otherwise ("wait no, my real question is can it be family at all" leans on the references)."""
    if text.startswith("/"):
        return parse_data, text
    ends = [match.end() for match in TAKEN_BACK.finditer(text)]
    meant = text[ends[-1]:].strip() if ends else ""
    if len(meant.split()) < MIN_MEANT_WORDS:
        return parse_data, text
    alone = await parse(meant)
    if _intent(alone) == "out_of_scope" and names_a_canadian_place(meant):
        # a town read off topic: "actually scratch that, i know the price. how long does it take if i go
        # in person in winnipeg" is read without the town (bot/nlu/places.py)
        without = await parse(without_places(meant))
        alone = without if _intent(without) != "out_of_scope" and _confidence(without) >= SURE_MEANT else alone
    # (or of the program it names, less surely: "sorry not sin i mean the child benefit thing. she was born nov 2 in moncton")
    named = _answering(_intent(alone)) and program_of(_intent(alone)) in programs_named(meant) and _confidence(alone) >= SURE_NAMED
    return (read_as(parse_data, alone), meant) if _confidence(alone) >= SURE_MEANT or named else (parse_data, text)


# Abroad said in words (folded text)
ABROAD_SAID = re.compile(r"\b(?:abroad|overseas|outside (?:of )?canada|a l'etranger|hors du canada|embassy|consulate|ambassade|consulat)\b")


async def without_a_towns_pull_abroad(read: Dict[str, Any], text: str, said: str, parse: Parse) -> Dict[str, Any]:
    """`read`, or, when a Canadian town pulled the knowledge selector to applying from abroad and
    nothing says the citizen is abroad ("never had a passport, im 41 and live in kelowna. if i mail
    the application where does it go"), the reading of the text without the town (of an entry not
    abroad, in the same topic; else the topic's overview)."""
    if (read.get("knowledge") or {}).get("id") not in ABROAD_ENTRIES or text.startswith("/") or not names_a_canadian_place(text) or (
            names_a_place_abroad(f"{said} {text}") or lives_abroad(f"{said} {text}") or ABROAD_SAID.search(fold(f"{said} {text}"))):
        return read
    entry = ((await parse(without_places(text))).get("knowledge") or {}).get("id")
    fits = entry and entry not in ABROAD_ENTRIES and str(entry).split(".")[0] == _intent(read)
    return answered_by(read, str(entry) if fits else overview_id(_intent(read)))


async def with_second_need(parse_data: Dict[str, Any], text: str, parse: Parse) -> Dict[str, Any]:
    """`parse_data`, or the first need's reading with the second need under `also`."""
    if text.startswith("/") or not _answering(_intent(parse_data)):
        return parse_data
    if _intent(parse_data) == "passport_urgent" and trip_within_two_weeks(text):
        return parse_data  # "how long does it take? I fly in 5 days": one need, the urgent service
    if _intent(parse_data) in {"passport_fees", "passport_fee_calculator"} and TOTAL_ASKED.search(fold(text)):
        # "moi et ma femme on veut passeport 10 ans et nos 3 enfants aussi (2, 7 et 11 ans), ça fait
        # combien en total svp?": the total of all that was told, one need (not a child's passport, then a price)
        return parse_data
    if parse_data.get("read_with"):
        # read with the conversation ("can i do it for my daughter? she's 12" after "how do i get
        # a SIN"), the message is one need: its parts, read alone, would lose that reading
        return parse_data
    named = programs_named(text)
    for match in SECOND_NEED.finditer(text):
        first, rest = text[: match.start()].strip(), text[match.end():].strip()
        if len(first.split()) < MIN_NEED_WORDS or len(rest.split()) < MIN_NEED_WORDS:
            continue
        one = await without_a_towns_pull_abroad(await parse(first), first, "", parse)
        two = await without_a_towns_pull_abroad(_past_fallback(await parse(rest)), rest, "", parse)
        sure = _answering(_intent(one)) and _confidence(one) >= SURE_NEED and _answering(_intent(two)) and (
            _confidence(two) >= SURE_NEED
            # "photo size and also how much is a 10 year": the second need, read alone, is
            # less sure, but it is of the same program as the first, or of a program the
            # message names ("... and also get a sin for my daughter"), which makes it likely.
            or (_confidence(two) >= SURE_SAME_PROGRAM
                and program_of(_intent(two)) in {program_of(_intent(one)), *named}))
        # "c'est moi le père et ... je peux tu recevoir l'ACE": a part read as a program the
        # message does not name is decor around the question, not a need of its own.
        sure = sure and (not named or {program_of(_intent(one)), program_of(_intent(two))} <= named)
        # "quand est-ce que je reçois le premier paiement? y a-tu un délai de carence?", read whole as
        # EI's: a first part read alone as another program, which no word names, lost the message's
        whole = program_of(_intent(parse_data))
        sure = sure and bool(named or program_of(_intent(one)) == whole or program_of(_intent(two)) != whole)
        if sure and (one.get("knowledge") or {}).get("id") != (two.get("knowledge") or {}).get("id"):
            also = {"text": rest, "intent": two["intent"], "knowledge": two.get("knowledge")}
            return {**read_as(parse_data, one), "also": also}
    return parse_data
