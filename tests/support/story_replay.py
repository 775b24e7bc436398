"""Replay the test stories against the real assistant, WITH the custom actions running.

Why: `rasa test core` never runs custom actions (the action server is not called), so it
cannot check what the actions decide: the `language` slot (actions/language.py), the form
validation (utter_invalid_..., skipped questions), the handoff reason. It only checks
NLU intents (with --e2e) and the policies' next-action predictions; every `slot_was_set`
in a test story is *applied* as given, not checked.

This script sends each story's user messages to the trained model (Agent + action server)
and checks, for every turn:
- the intent NLU predicted (with its confidence);
- the actions that ran (action_listen / action_session_start left out);
- every slot in the story's `slot_was_set` steps has that value at the end of the turn;
- the `language` slot does not change when the story does not say so (e.g. "ok", "merci");
- every bot message is in the conversation's language (bot/language.py detector;
  the bilingual utter_welcome is left out);
- a form answer the story marks as rejected (slot back to null while the form stays
  active) got an utter_invalid_... message, and no other answer got one.

Run by tests/test_story_replay.py with the real model and action server.
"""

from __future__ import annotations

import glob
import os
import uuid
from typing import Any, Dict, List, Optional, Tuple

import yaml

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bot.language import detect  # noqa: E402

IGNORED_ACTIONS = {"action_listen", "action_session_start"}
# Intents that interrupt a form; any other intent on a form answer does not matter, since
# form slots are filled from the text (from_text mappings validated by the actions).
# Both mean "not understood" and lead to the same clarify-or-handoff action.
NOT_UNDERSTOOD = {"nlu_fallback", "nonsense"}
INTERRUPTING_INTENTS = {"stop", "request_human", "complaint", "bot_challenge", "choose_language"}
FORM_SLOTS = {
    "applicant_type", "validity_years", "apply_location", "service_level", "lost_or_stolen",
    "renewal_age_16_plus", "renewal_issued_recently", "renewal_valid_5_or_10",
    "renewal_details_unchanged",
}
UNSET = object()


def turns(steps: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Group story steps into turns: a user message and what follows it."""
    result: List[Dict[str, Any]] = []
    for step in steps:
        if "user" in step:
            result.append({"text": step["user"].strip(), "intent": step.get("intent"),
                           "actions": [], "slots": {}, "slot_seq": [], "active_loop": UNSET})
        elif not result:
            raise ValueError(f"step before the first user message: {step}")
        elif "action" in step:
            result[-1]["actions"].append(step["action"])
        elif "slot_was_set" in step:
            for entry in step["slot_was_set"]:
                if isinstance(entry, dict):
                    result[-1]["slots"].update(entry)
                    result[-1]["slot_seq"].extend(entry.items())
        elif "active_loop" in step:
            result[-1]["active_loop"] = step["active_loop"]
    return result


async def replay(agent: Any, story: Dict[str, Any]) -> List[str]:
    sender = f"replay-{uuid.uuid4().hex[:8]}"
    problems: List[str] = []
    language: Optional[str] = None
    seen = 0
    requested: Optional[str] = None  # the form question open before this turn, per the story
    for number, turn in enumerate(turns(story["steps"]), start=1):
        form_answer = requested is not None and turn["intent"] not in INTERRUPTING_INTENTS
        for slot, value in turn["slot_seq"]:
            if slot == "requested_slot":
                requested = value
        await agent.handle_message(_message(turn["text"], sender))
        tracker = await agent.processor.get_tracker(sender)
        events = list(tracker.events)[seen:]
        seen = len(tracker.events)
        where = f"turn {number} {turn['text']!r}"

        parse = next((e.parse_data for e in events if e.type_name == "user"), {}) or {}
        intent = (parse.get("intent") or {}).get("name")
        confidence = (parse.get("intent") or {}).get("confidence") or 0.0
        if form_answer and intent in INTERRUPTING_INTENTS:
            problems.append(f"{where}: a form answer was read as {intent} ({confidence:.2f})")
        elif (turn["intent"] and not form_answer and intent != turn["intent"]
              and not {intent, turn["intent"]} <= NOT_UNDERSTOOD):
            ranking = ", ".join(f"{r['name']} {r['confidence']:.2f}"
                                for r in (parse.get("intent_ranking") or [])[:3])
            problems.append(f"{where}: intent expected {turn['intent']}, "
                            f"predicted {intent} ({confidence:.2f}; top: {ranking})")

        actions = [e.action_name for e in events if e.type_name == "action"
                   and e.action_name not in IGNORED_ACTIONS]
        if actions != turn["actions"]:
            problems.append(f"{where}: actions expected {turn['actions']}, ran {actions}")

        final: Dict[str, Any] = {}
        for event in events:
            if event.type_name == "slot" and event.key != "session_started_metadata":
                final[event.key] = event.value
        # The story's slot_was_set entries must appear, in that order, among the turn's
        # SlotSet events (a form answer is first set as raw text, then validated).
        live_slots = [(e.key, e.value) for e in events if e.type_name == "slot"]
        position = 0
        for slot, value in turn["slot_seq"]:
            if slot == "requested_slot":
                continue  # checked through the form's behaviour below
            found_at = next((i for i in range(position, len(live_slots))
                             if live_slots[i] == (slot, value)), None)
            if found_at is None:
                got = [v for k, v in live_slots[position:] if k == slot]
                problems.append(f"{where}: slot {slot} expected {value!r}, "
                                f"set to {got!r} (now {tracker.get_slot(slot)!r})")
            else:
                position = found_at + 1
        if "language" in final and "language" not in turn["slots"]:
            problems.append(f"{where}: language changed to {final['language']!r} "
                            "although the story does not expect it")
        language = tracker.get_slot("language") if "language" in turn["slots"] else language
        if turn["active_loop"] is not UNSET:
            active = tracker.active_loop_name
            if active != turn["active_loop"]:
                problems.append(f"{where}: active loop expected {turn['active_loop']}, got {active}")

        responses = [(e.metadata or {}).get("utter_action") for e in events if e.type_name == "bot"]
        for event in events:
            if event.type_name != "bot" or not event.text:
                continue
            name = (event.metadata or {}).get("utter_action")
            if name == "utter_welcome":
                continue
            found = detect(event.text)
            if language and found and found.language != language:
                problems.append(f"{where}: bot said {name} in {found.language!r}, "
                                f"conversation is {language!r}: {event.text[:70]!r}")
        rejected = [s for s, v in turn["slots"].items() if s in FORM_SLOTS and v is None
                    and turn["active_loop"] is UNSET and "action_stop_form" not in turn["actions"]
                    and not any(a.startswith("action_c") for a in turn["actions"])]
        invalid = [r for r in responses if r and r.startswith("utter_invalid_")]
        if rejected and not invalid:
            problems.append(f"{where}: expected an utter_invalid_... message, bot said {responses}")
        if invalid and not rejected:
            problems.append(f"{where}: answer was rejected ({invalid}) but the story expects it "
                            "to be accepted")
    return problems


def _message(text: str, sender: str) -> Any:
    from rasa.core.channels.channel import UserMessage

    return UserMessage(text, sender_id=sender)


def stories(folder: str = os.path.join(ROOT, "tests", "conversations")) -> List[Tuple[str, Dict[str, Any]]]:
    """(file :: story name, story) for every test story."""
    found = []
    for path in sorted(glob.glob(os.path.join(folder, "test_*.yml"))):
        with open(path, encoding="utf-8") as handle:
            for story in (yaml.safe_load(handle) or {}).get("stories", []):
                found.append((f"{os.path.basename(path)} :: {story['story']}", story))
    return found
