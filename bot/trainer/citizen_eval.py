"""`govbot eval`: the realistic citizen set (eval/citizen_questions.yml), scored as citizens
would judge the replies.

The set is never used for training (`govbot check` refuses any of its questions in the
training data). Each item is sent in a new conversation, after its `context` messages, to the
trained model with its custom actions; the outcome is read from the tracker events of the last
turn, so the same scoring works in-process and against any Rasa server (`--rasa-url`, the
REST channel and the tracker API, e.g. a stock `rasa run` trained with Rasa's default
pipeline). Every reply falls in exactly one class:

- correct: the expected behaviour (an answer of an expected topic, in the citizen's language
  (followed or not by a handoff: a lost passport with a flight in days gets both),
  containing every key fact (where the item names facts, an answer of another topic of the same
  program that contains them all counts; so does an answer whose knowledge entry declares that
  it settles the expected topic too, its `also_answers`, and the exact fee of a situation the
  message stated for the fee calculator's topic); a handoff; an honest out-of-scope
  reply; the asked language);
- confidently wrong: an answer the citizen did not ask for (another topic, a topic answer to
  an off-topic question, a fact missing or a reply in the other language);
- clarified: "did you mean X or Y?" with buttons;
- fallback: "please rephrase", an out-of-scope reply to an in-scope question, a handoff
  the citizen did not ask for (a person is reachable: not wrong, not an answer), or the
  small-talk or "I'm an automated assistant" reply to an off-topic question.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Set, Tuple

import yaml

from bot.folding import fold
from bot.knowledge import cached_knowledge, program_of
from bot.settings import PROJECT_ROOT
from bot.vocabulary import FALLBACK_INTENTS

EVAL_SET = PROJECT_ROOT / "eval" / "citizen_questions.yml"
REPORT = PROJECT_ROOT / "reports" / "citizen_eval.json"
CLASSES = ("correct", "confidently_wrong", "clarified", "fallback")
ANSWER_ACTIONS = {"action_answer", "action_lost_passport", "passport_fee_form", "renewal_eligibility_form"}
HANDOFF_ACTIONS = {"action_handoff"}
FALLBACK_RESPONSES = {"utter_please_rephrase", "utter_default"}
# A form's question asked again ("Please answer yes or no", every utter_invalid_... response of
# domain.yml): the citizen's message was not answered, whatever it was read as.
FORM_REASK_PREFIX = "utter_invalid_"
# The exact fee of the situation a fee question states (actions/knowledge_answer.py).
FEE_SITUATION_RESPONSES = {"utter_fee_situation", "utter_fee_situation_plain", "utter_fee_situation_both",
                           "utter_fee_situation_both_extra", "utter_fee_situation_group",
                           "utter_fee_situation_group_both"}
# Replies of one topic that no answering action sends: the lost passport's advice once the citizen
# says when they travel ("flight is on the 22nd" after "Are you travelling in the next two weeks?"
# is read as a no, and gets "Good, you have time. Report the loss first...")
TOPIC_RESPONSES = {"utter_lost_stolen_no_travel": "passport_lost_stolen"}


@dataclass(frozen=True)
class Item:
    id: str
    language: str
    text: str
    expect: str
    topics: Tuple[str, ...] = ()
    facts: Tuple[str, ...] = ()
    context: Tuple[str, ...] = ()
    reply_language: str = ""


@dataclass
class Turn:
    """What the assistant did with the last message of an item."""

    intent: str = ""
    entry: str = ""  # the knowledge entry chosen for the intent ("" when none was)
    confidence: float = 0.0
    margin: float = 0.0  # between the two likeliest intents (1.0 when a rule decided)
    actions: List[str] = field(default_factory=list)
    responses: List[str] = field(default_factory=list)
    texts: List[str] = field(default_factory=list)
    language: str = ""
    handoff: bool = False


@dataclass
class Outcome:
    id: str
    language: str
    expect: str
    text: str
    result: str
    intent: str
    reason: str
    confidence: float = 0.0
    margin: float = 0.0
    entry: str = ""


def load_items(path: Path = EVAL_SET) -> List[Item]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = []
    for raw in data.get("items") or []:
        items.append(
            Item(
                id=str(raw["id"]),
                language=str(raw["language"]),
                text=str(raw["text"]),
                expect=str(raw["expect"]),
                topics=tuple(raw.get("topics") or ()),
                facts=tuple(str(f) for f in raw.get("facts") or ()),
                context=tuple(str(c) for c in raw.get("context") or ()),
                reply_language=str(raw.get("reply_language") or raw["language"]),
            )
        )
    return items


_DECIMAL = re.compile(r"^(\d+)[.,](\d+)$")


def has_fact(reply: str, fact: str) -> bool:
    """The reply contains one of the fact's options ("a|b"); an amount matches in either
    language's notation ("58.50" is "58,50" in French: 58,50 $)."""
    folded = fold(reply)
    options = set()
    for option in (fold(raw).strip() for raw in fact.split("|")):
        amount = _DECIMAL.match(option)
        options |= {f"{amount[1]}.{amount[2]}", f"{amount[1]},{amount[2]}"} if amount else {option}
    return any(option in folded for option in options - {""})


def turn_from_events(events: Sequence[Dict[str, Any]]) -> Turn:
    """The last user message's intent and what followed it."""
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    turn = Turn()
    for event in events:  # the conversation's language after the turn, wherever it was set
        if event.get("event") == "slot" and event.get("name") == "language" and event.get("value"):
            turn.language = str(event["value"])
    if last_user >= 0:
        parse_data = events[last_user].get("parse_data") or {}
        turn.intent = (parse_data.get("intent") or {}).get("name") or ""
        # as the answer action reads it: an entry of another intent gives way to the overview
        entry = cached_knowledge().answer(turn.intent, (parse_data.get("knowledge") or {}).get("id"))
        turn.entry = entry.id if entry is not None else ""
        ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
        scores = [float(r.get("confidence") or 0.0) for r in ranking] + [0.0, 0.0]
        turn.confidence, turn.margin = scores[0], scores[0] - scores[1]
    for event in events[last_user + 1:]:
        kind = event.get("event")
        if kind == "action" and event.get("name") != "action_listen":
            turn.actions.append(str(event.get("name")))
        elif kind == "bot":
            metadata = event.get("metadata") or {}
            turn.responses.append(str(metadata.get("utter_action") or ""))
            turn.texts.append(str(event.get("text") or ""))
            custom = (event.get("data") or {}).get("custom") or {}
            if isinstance(custom, dict) and custom.get("type") == "handoff_request":
                turn.handoff = True
    turn.handoff = turn.handoff or bool(HANDOFF_ACTIONS & set(turn.actions))
    return turn


SMALL_TALK_RESPONSES = {"utter_chitchat", "utter_iamabot"}


def behaviour(turn: Turn) -> str:
    """answer | handoff | out_of_scope | clarify | fallback | conversation"""
    if turn.handoff:
        return "handoff"
    if "utter_clarify" in turn.responses:
        return "clarify"
    if {"utter_out_of_scope", "utter_out_of_scope_named"} & set(turn.responses):
        return "out_of_scope"
    if FALLBACK_RESPONSES & set(turn.responses) or turn.intent in FALLBACK_INTENTS or any(
            response.startswith(FORM_REASK_PREFIX) for response in turn.responses):
        return "fallback"
    if ANSWER_ACTIONS & set(turn.actions):
        return "answer"
    return "conversation"


# Topics close enough that an answer of one, with every key fact of the question in it, answers
# the other: the passport topics by what they are about, the programs each as one.
FAMILIES = {
    "passport_fees": "passport cost and time", "passport_urgent": "passport cost and time",
    "passport_processing_times": "passport cost and time", "passport_fee_calculator": "passport cost and time",
    "passport_apply_adult": "passport application", "passport_renew": "passport application",
    "passport_renewal_eligibility": "passport application", "passport_child": "passport application",
    "passport_where_apply": "passport application",
}


def program(intent: str) -> Optional[str]:
    if intent in FAMILIES or intent.startswith("passport_"):
        return FAMILIES.get(intent, intent)
    return program_of(intent)


def answers_also(entry_id: str) -> Tuple[str, ...]:
    """The other topics a knowledge entry's answer settles in full (its `also_answers`)."""
    entry = cached_knowledge().entries.get(entry_id)
    return entry.also_answers if entry is not None else ()


def answered_topics(turn: Turn) -> Set[str]:
    """The topics a reply answers: its intent's, those its knowledge entry settles too, a topic's own
    reply sent by the conversation's rules (TOPIC_RESPONSES), and the fee calculator's when the reply
    is the exact fee of the situation the message stated (what the calculator's form would have
    worked out)."""
    topics = {turn.intent, *answers_also(turn.entry)} | {TOPIC_RESPONSES[r] for r in turn.responses if r in TOPIC_RESPONSES}
    if FEE_SITUATION_RESPONSES & set(turn.responses):
        topics.add("passport_fee_calculator")
    return topics


def score(item: Item, turn: Turn) -> Tuple[str, str]:
    """(class, reason) for one item."""
    did = behaviour(turn)
    reply = "\n".join(turn.texts)
    wanted = item.reply_language or item.language
    wrong_language = bool(turn.language) and turn.language != wanted
    if did == "clarify":
        return "clarified", "asked which topic"
    if item.expect == "handoff":
        if did == "handoff":
            return "correct", "handed off"
        return ("fallback", did) if did in ("fallback", "out_of_scope") else ("confidently_wrong", f"{did}: {turn.intent}")
    if item.expect == "out_of_scope":
        if did == "out_of_scope":
            return ("confidently_wrong", "reply in the other language") if wrong_language else ("correct", "out of scope")
        if did in ("fallback", "handoff"):
            return "fallback", did
        if did == "conversation" and SMALL_TALK_RESPONSES & set(turn.responses):
            # "how are you today?", "t'es-tu un vrai robot?": "I'm an automated assistant, best at
            # passports and benefits" answers no topic the citizen did not ask about, but does
            # not say where to go either
            return "fallback", "small talk"
        return "confidently_wrong", f"{did}: {turn.intent}"
    if item.expect == "language":
        if turn.language == wanted and did not in ("answer", "out_of_scope", "handoff"):
            return "correct", f"continues in {turn.language}"
        if turn.language == wanted and did == "answer" and "utter_language_changed" in turn.responses and (
                not {"action_answer", "action_lost_passport"} & set(turn.actions)):
            # "je préfère en français" while the fee form was asking "adult or child?": the switch
            # said, then the form's question again in the language asked for; nothing new answered
            return "correct", f"continues in {turn.language}, the form resumed"
        return ("fallback", did) if did == "fallback" else ("confidently_wrong", f"{did} in {turn.language}: {turn.intent}")
    # answer / conversation. An answer followed by a handoff (a lost passport and a flight in
    # days: the answer, then an officer at once) is judged as the answer it gave.
    answered = did == "handoff" and bool(ANSWER_ACTIONS & set(turn.actions))
    if did in ("fallback", "out_of_scope", "handoff") and not answered:
        return "fallback", did
    if wrong_language:
        return "confidently_wrong", f"reply in {turn.language}"
    missing = [fact for fact in item.facts if not has_fact(reply, fact)]
    if missing:
        return "confidently_wrong", "missing " + ", ".join(missing)
    if item.topics and not answered_topics(turn) & set(item.topics):
        # With its key facts in the reply, an answer of the same program is right for the
        # citizen ("EI sickness: 600 hours" filed under applying rather than eligibility).
        if not (item.facts and program(turn.intent) in {program(t) for t in item.topics} - {None}):
            return "confidently_wrong", f"topic {turn.intent}"
    return "correct", turn.intent


Send = Callable[[str, str], Awaitable[None]]
Events = Callable[[str], Awaitable[List[Dict[str, Any]]]]


async def run_items(items: Sequence[Item], send: Send, events: Events) -> List[Outcome]:
    outcomes = []
    for item in items:
        sender = f"eval-{item.id}-{uuid.uuid4().hex[:8]}"
        for earlier in item.context:
            await send(sender, earlier)
        await send(sender, item.text)
        turn = turn_from_events(await events(sender))
        result, reason = score(item, turn)
        outcomes.append(Outcome(item.id, item.language, item.expect, item.text, result, turn.intent, reason,
                                round(turn.confidence, 4), round(turn.margin, 4), turn.entry))
    return outcomes


async def run_sets_in_process(sets: Sequence[Sequence[Item]], model: Path) -> List[List[Outcome]]:
    """Each set's outcomes, every set sent to one engine (loaded once)."""
    from bot.engine.embedded import EmbeddedEngine

    with tempfile.TemporaryDirectory() as folder:
        engine = EmbeddedEngine(model, f"sqlite:///{folder}/trackers.db")
        await engine.start()
        try:
            async def send(sender: str, text: str) -> None:
                await engine.handle(sender, text, {})

            async def events(sender: str) -> List[Dict[str, Any]]:
                tracker = await engine.agent.tracker_store.retrieve(sender)
                return [event.as_dict() for event in tracker.events]

            return [await run_items(items, send, events) for items in sets]
        finally:
            await engine.close()


async def run_in_process(items: Sequence[Item], model: Path) -> List[Outcome]:
    return (await run_sets_in_process([items], model))[0]


async def run_over_rest(items: Sequence[Item], url: str) -> List[Outcome]:
    """Against a Rasa server started with `--enable-api` (REST channel + tracker API)."""
    import aiohttp

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        async def send(sender: str, text: str) -> None:
            async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}) as r:
                r.raise_for_status()

        async def events(sender: str) -> List[Dict[str, Any]]:
            async with session.get(f"{url}/conversations/{sender}/tracker", params={"include_events": "ALL"}) as r:
                r.raise_for_status()
                return list((await r.json()).get("events") or [])

        return await run_items(items, send, events)


def summarise(outcomes: Sequence[Outcome]) -> Dict[str, Any]:
    summary: Dict[str, Any] = {}
    for language in ("all", "en", "fr"):
        chosen = [o for o in outcomes if language == "all" or o.language == language]
        counts = Counter(o.result for o in chosen)
        by_expect: Dict[str, Dict[str, int]] = defaultdict(dict)
        for expect in sorted({o.expect for o in chosen}):
            of_kind = [o for o in chosen if o.expect == expect]
            by_expect[expect] = {"n": len(of_kind), "correct": sum(o.result == "correct" for o in of_kind)}
        summary[language] = {
            "n": len(chosen),
            **{name: counts.get(name, 0) for name in CLASSES},
            **{f"{name}_rate": round(counts.get(name, 0) / len(chosen), 4) if chosen else 0.0 for name in CLASSES},
            "by_expect": dict(by_expect),
        }
    return summary


def print_summary(summary: Dict[str, Any], title: str) -> None:
    print(f"\n{title}")
    print(f"{'slice':8} {'n':>5} {'correct':>9} {'conf. wrong':>12} {'clarified':>10} {'fallback':>9}")
    for language in ("all", "en", "fr"):
        s = summary[language]
        print(
            f"{language:8} {s['n']:>5} {100 * s['correct_rate']:>8.1f}% {100 * s['confidently_wrong_rate']:>11.1f}%"
            f" {100 * s['clarified_rate']:>9.1f}% {100 * s['fallback_rate']:>8.1f}%"
        )
    for expect, row in summary["all"]["by_expect"].items():
        print(f"  {expect:14} {row['correct']}/{row['n']} correct")


def write_report(path: Path, outcomes: Sequence[Outcome], summary: Dict[str, Any], seconds: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"summary": summary, "seconds": round(seconds, 1), "outcomes": [asdict(o) for o in outcomes]}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


def is_blind(eval_set: Path) -> bool:
    """A blind set (`eval/citizen_questions_blind*.yml`): only its totals and its misses' ids may
    be read, so the console never shows its questions (the JSON report keeps them for scripts)."""
    return "blind" in eval_set.name


def miss_line(outcome: Outcome, with_text: bool) -> str:
    text = f" {outcome.text[:70]!r}" if with_text else ""
    return f"  WRONG {outcome.id} [{outcome.expect}]{text} -> {outcome.reason}"


def main(
    eval_set: Path = EVAL_SET, model: Optional[Path] = None, rasa_url: str = "", report: Path = REPORT,
    show: int = 40,
) -> int:
    from bot.trainer.nlu_eval import _quiet_rasa
    from bot.trainer.training import model_path

    _quiet_rasa()
    items = load_items(eval_set)
    started = time.monotonic()
    if rasa_url:
        outcomes = asyncio.run(run_over_rest(items, rasa_url.rstrip("/")))
    else:
        outcomes = asyncio.run(run_in_process(items, model or model_path()))
    summary = summarise(outcomes)
    print_summary(summary, f"realistic citizen set: {eval_set.name} ({len(items)} questions, {rasa_url or 'this model'})")
    wrong = [o for o in outcomes if o.result == "confidently_wrong"]
    for outcome in wrong[:show]:
        print(miss_line(outcome, with_text=not is_blind(eval_set)))
    write_report(report, outcomes, summary, time.monotonic() - started)
    print(f"report: {report}")
    return 0


def every_set(folder: Path = EVAL_SET.parent) -> List[Path]:
    """Every realistic set in `eval/`: the first set, the development sets, the blind sets."""
    return sorted(folder.glob("citizen_questions*.yml"), key=lambda path: (
        re.sub(r"\d+", "", set_name(path)), int(re.sub(r"\D", "", set_name(path)) or 0)))


def set_name(path: Path) -> str:
    """"base" for eval/citizen_questions.yml, else the part after it ("dev12", "blind3")."""
    return path.stem.removeprefix("citizen_questions").lstrip("_") or "base"


def set_line(name: str, summary: Dict[str, Any]) -> str:
    """One set's counts per language: correct / confidently wrong / clarified / fallback of n."""
    counts = [f"{language} {summary[language]['correct']}/{summary[language]['confidently_wrong']}/"
              f"{summary[language]['clarified']}/{summary[language]['fallback']} of {summary[language]['n']}"
              for language in ("en", "fr")]
    return f"{name:8} " + "   ".join(counts)


def pooled(summaries: Dict[str, Dict[str, Any]]) -> List[str]:
    """The blind sets' and the development sets' totals per language (correct and confidently
    wrong, counts and rates): what a landing is judged by."""
    lines = []
    for kind in ("blind", "development"):
        chosen = [s for name, s in summaries.items() if name.startswith("blind") == (kind == "blind")]
        for language in ("en", "fr"):
            n = sum(s[language]["n"] for s in chosen)
            right = sum(s[language]["correct"] for s in chosen)
            wrong = sum(s[language]["confidently_wrong"] for s in chosen)
            if n:
                lines.append(f"{kind} {language}: {right} / {wrong} of {n} ({100 * right / n:.1f} % / {100 * wrong / n:.2f} %)")
    return lines


def main_all(model: Optional[Path] = None, report_dir: Path = REPORT.parent / "citizen_eval") -> int:
    """Every set in `eval/` against one engine: a line of counts per set (never a blind set's
    questions), the pooled totals, and each set's JSON report in `report_dir`."""
    from bot.trainer.nlu_eval import _quiet_rasa
    from bot.trainer.training import model_path

    _quiet_rasa()
    paths = every_set()
    sets = [load_items(path) for path in paths]
    started = time.monotonic()
    results = asyncio.run(run_sets_in_process(sets, model or model_path()))
    seconds = (time.monotonic() - started) / max(len(paths), 1)
    summaries = {}
    for path, outcomes in zip(paths, results):
        summary = summarise(outcomes)
        summaries[set_name(path)] = summary
        write_report(report_dir / f"{set_name(path)}.json", outcomes, summary, seconds)
        print(set_line(set_name(path), summary))
    for line in pooled(summaries):
        print(line)
    print(f"reports: {report_dir}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
