"""A reading of a message (a parse result: its intent, intent ranking and knowledge entry) and
what the context readers do with one: its topic and how sure it is, whether the topic has an
answer, the reading decided for another topic or entry, its likeliest topic past an "unsure", how
likely it is of a program, and the other topic of a program its own words point at.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, List, Optional

from bot.engine.context.constants import QUALIFYING_TOPICS
from bot.knowledge import cached_knowledge, overview_id, program_of
from bot.nlu.classifier import ranking_weight, renormalised

OWN_TOPIC_SHARE = 0.6  # a follow-up read alone points at another topic of the program this clearly
OWN_TOPIC_LEAST = 0.1  # ... and is at least this likely before the program is known
# A topic whose answer holds another topic's question about it: "et ça prend combien de temps
# avec ça?" after the urgent service's fee is the urgent service's own time, not processing times
ANSWERED_WITHIN = {"passport_urgent": {"passport_processing_times"}}
FALLBACK_CONFIDENCE = 0.3  # config.yml's FallbackClassifier threshold, as Rasa reports a fallback
CONVERSATION_CHOICE = 0.1  # the conversation's topic is always one of the clarifying choices

Parse = Callable[[str], Awaitable[Dict[str, Any]]]


def _confidence(parse_data: Dict[str, Any]) -> float:
    return float((parse_data.get("intent") or {}).get("confidence") or 0)


def _intent(parse_data: Dict[str, Any]) -> str:
    return str((parse_data.get("intent") or {}).get("name") or "")


def _answering(intent: str) -> bool:
    """A topic with a knowledge answer (the fee and renewal forms have none)."""
    return cached_knowledge().overview(intent) is not None


def read_as(parse_data: Dict[str, Any], reading: Dict[str, Any]) -> Dict[str, Any]:
    """`parse_data` with another reading's intent, ranking and knowledge entry (its text stays)."""
    return {**parse_data, **{key: reading[key] for key in ("intent", "intent_ranking", "knowledge") if key in reading}}


def _without(parse_data: Dict[str, Any], name: str) -> Dict[str, Any]:
    """`parse_data` read as its likeliest intent but `name`, the others' confidences renormalised."""
    ranking = sorted(renormalised(parse_data.get("intent_ranking") or [], lambda other: other != name),
                     key=lambda r: -float(r["confidence"]))
    return {**parse_data, "intent": dict(ranking[0]), "intent_ranking": ranking} if ranking else parse_data


def _with_intent(parse_data: Dict[str, Any], intent: str, confidence: float = 1.0) -> Dict[str, Any]:
    """`parse_data` decided for `intent`: the other intents keep their order at 0."""
    ranking = [{"name": intent, "confidence": confidence}] + [
        {"name": r.get("name"), "confidence": 0.0} for r in parse_data.get("intent_ranking") or [] if r.get("name") != intent
    ]
    return {**parse_data, "intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking}


def answered_by(read: Dict[str, Any], entry: str) -> Dict[str, Any]:
    """`read`, its topic unchanged, answered by the knowledge entry `entry`."""
    return {**read, "knowledge": {"id": entry, "score": 1.0}}


def _as_topic(read: Dict[str, Any], topic: str, entry: Optional[str] = None) -> Dict[str, Any]:
    """`read` decided for `topic`, answered by `entry` (its overview entry by default)."""
    return answered_by(_with_intent(read, topic), entry or overview_id(topic))


def own_entry(read: Dict[str, Any], alone: Dict[str, Any]) -> Dict[str, Any]:
    """`read` answered by the entry the follow-up's own words choose within `read`'s topic, when
    they choose one clearly: "and in person?" after "how long by mail" is the in-person time, "what
    if it's already expired" after renewing online is the expired passport's renewal. Read with
    the message before it, the earlier words would choose the earlier entry again."""
    intent = _intent(read)
    mine = ((alone.get("knowledge") or {}).get("by_intent") or {}).get(intent) or {}  # bot/nlu/selector.py
    chosen = str(mine.get("id") or "")
    if not chosen:
        return read
    return {**read, "knowledge": {"id": chosen, "score": float(mine["score"])}}


def conversations_entry(read: Dict[str, Any], conversation: Dict[str, Any]) -> Dict[str, Any]:
    """`read`, answered by its topic's overview, answered instead by the entry the whole
    conversation's words choose clearly within that topic: "and how many weeks can my husband
    take after" after maternity benefits, read with only the program's name ("EI and how many
    weeks..."), is applying for EI, whose maternity and parental entry the conversation chooses."""
    intent = _intent(read)
    if (read.get("knowledge") or {}).get("id") != overview_id(intent):
        return read
    chosen = ((conversation.get("knowledge") or {}).get("by_intent") or {}).get(intent) or {}
    if not chosen.get("id"):
        return read
    return {**read, "knowledge": {"id": str(chosen["id"]), "score": float(chosen["score"])}}


def _likeliest_in(parse_data: Dict[str, Any], program: str) -> Optional[Dict[str, Any]]:
    return next((dict(r) for r in parse_data.get("intent_ranking") or []
                 if program_of(str(r.get("name") or "")) == program and _answering(str(r.get("name") or ""))), None)


def asking_which(parse_data: Dict[str, Any], choices: List[Dict[str, Any]]) -> Dict[str, Any]:
    """`parse_data` as "did you mean X or Y?": the fallback first, then `choices` in their order,
    each at least `CONVERSATION_CHOICE` sure, then the rest of its own ranking."""
    asked = [{**choice, "confidence": max(float(choice.get("confidence") or 0), CONVERSATION_CHOICE)} for choice in choices]
    named = {"nlu_fallback"} | {str(choice["name"]) for choice in asked}
    ranking = [{"name": "nlu_fallback", "confidence": FALLBACK_CONFIDENCE}] + asked + [
        dict(r) for r in parse_data.get("intent_ranking") or [] if r.get("name") not in named]
    return {**parse_data, "intent": dict(ranking[0]), "intent_ranking": ranking}


def _which_of(parse_data: Dict[str, Any], ours: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """`parse_data` as a doubt between the conversation's likeliest topic and its own."""
    alone = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    if ours is None or not alone:
        return parse_data
    return asking_which(parse_data, [ours])


def program_weight(parse_data: Dict[str, Any], program: Optional[str]) -> float:
    """How likely the message alone is about `program` (its topics' confidences added up)."""
    return ranking_weight(parse_data.get("intent_ranking") or [], program)


def own_topic_within(parse_data: Dict[str, Any], topic: str) -> Optional[Dict[str, Any]]:
    """The conversation gives the program; a follow-up's own words ("and ...", "et si ...") can
    still ask for another topic of it: "ok and when do the payments come" after applying for the CCB asks for the
    payment dates, "and if I can't pay?" after starting to repay asks for repayment help, "what
    about the photos?" after a renewal asks about photos. The follow-up read alone, among the
    topics of `topic`'s program only, must point clearly at one other topic. A child named in a
    follow-up ("and for a kid?") qualifies the last question: it does not ask about children's
    passports."""
    program = program_of(topic)
    ranking = parse_data.get("intent_ranking") or []
    alone = {str(r.get("name")): float(r.get("confidence") or 0) for r in ranking}
    within = renormalised(ranking, lambda name: program_of(name) == program) if program else []
    if not within:
        return None
    best = max(within, key=lambda r: float(r["confidence"]))
    name, share = str(best["name"]), float(best["confidence"])
    if name == topic or name in QUALIFYING_TOPICS or name in ANSWERED_WITHIN.get(topic, ()) or (
            share < OWN_TOPIC_SHARE or alone[name] < OWN_TOPIC_LEAST):
        return None
    return _with_intent(parse_data, name, share)


def _within_one_program(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """An "unsure" reading between two topics of one program ("i need a SIN to start my new job":
    applying, or who may ask for it?) read as its likeliest: the program is sure."""
    return _past_fallback(parse_data) if _program_of_the_doubt(parse_data) else parse_data


def _program_of_the_doubt(parse_data: Dict[str, Any]) -> Optional[str]:
    """The program of an "unsure" reading whose two likeliest topics are of one program."""
    two = _two_likeliest(parse_data)
    if _intent(parse_data) != "nlu_fallback" or len(two) < 2 or program_of(two[0]) != program_of(two[1]):
        return None
    return program_of(two[0])


def settled_by_one_entry(parse_data: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """An "unsure" reading between two topics of one program that the likelier one's knowledge
    entry settles in full (the entry's `also_answers` holds the other), answered by that entry:
    "je peux tu avoir l'assurance emploi maladie? pour combien de semaines" (applying or
    qualifying: EI sickness benefits' answer says both). None otherwise."""
    if _program_of_the_doubt(parse_data) is None:
        return None
    first, second = _two_likeliest(parse_data)
    chosen = (parse_data.get("knowledge") or {}).get("by_intent", {}).get(first) or {}
    entry = cached_knowledge().entries.get(str(chosen.get("id") or ""))
    if entry is None or second not in entry.also_answers:
        return None
    return _as_topic(_past_fallback(parse_data), first, entry.id)


def _two_likeliest(parse_data: Dict[str, Any]) -> List[str]:
    return [str(r.get("name")) for r in parse_data.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"][:2]


def _past_fallback(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """The likeliest topic under an "unsure" reading: a second need of a program the message
    names is taken at the same-program confidence even when two of its topics were close."""
    if _intent(parse_data) != "nlu_fallback":
        return parse_data
    ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    return {**parse_data, "intent": dict(ranking[0]), "intent_ranking": ranking} if ranking else parse_data
