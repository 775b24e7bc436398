"""`govbot check` passes on the project and names each kind of broken data."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.trainer.check import check, main
from tests.support.project_copy import project  # noqa: F401


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def messages(root: Path) -> str:
    return "\n".join(str(p) for p in check(root))


def test_the_project_is_clean(capsys):
    assert main() == 0
    assert "every intent has English and French examples" in capsys.readouterr().out


def test_intent_without_french_examples(project):
    def drop_french(data):
        data["nlu"] = [b for b in data["nlu"] if not (b.get("intent") == "passport_photo"
                                                      and b["metadata"]["language"] == "fr")]
    for path in (project / "data" / "nlu").glob("*.yml"):
        edit(path, drop_french)
    assert "intent 'passport_photo' has no French examples" in messages(project)
    assert main(project) == 1


def test_response_without_french(project):
    def drop(data):
        data["responses"]["utter_greet"] = [v for v in data["responses"]["utter_greet"] if not v.get("condition")]
    edit(project / "domain.yml", drop)
    assert "utter_greet: no French variation" in messages(project)


def test_intent_without_rule_or_story(project):
    def add_intent(data):
        data["intents"].append("passport_visa")
    edit(project / "domain.yml", add_intent)

    def add_examples(data):
        data["nlu"].append({"intent": "passport_visa", "metadata": {"language": "en"}, "examples": "- do I need a visa\n"})
        data["nlu"].append({"intent": "passport_visa", "metadata": {"language": "fr"}, "examples": "- ai-je besoin d'un visa\n"})
    edit(project / "data" / "nlu" / "passports.yml", add_examples)
    found = messages(project)
    assert "intent 'passport_visa' is not used by any rule or story" in found
    assert "has no" not in found


def test_duplicate_and_conflicting_examples(project):
    def add(data):
        data["nlu"].append({"intent": "greet", "metadata": {"language": "en"}, "examples": "- Hello there\n- hello   there\n"})
        data["nlu"].append({"intent": "goodbye", "metadata": {"language": "en"}, "examples": "- HELLO THERE\n"})
    edit(project / "data" / "nlu" / "general.yml", add)
    found = messages(project)
    assert "intent 'greet': duplicate example: 'hello   there'" in found
    assert "intent 'goodbye': conflicting example: also under 'greet': 'HELLO THERE'" in found


def test_empty_text_and_unresolved_slot(project):
    def break_responses(data):
        data["responses"]["utter_greet"][0]["text"] = "  "
        data["responses"]["utter_goodbye"][0]["text"] = "Bye {citizen_name}!"
    edit(project / "domain.yml", break_responses)
    found = messages(project)
    assert "utter_greet: an empty text" in found
    assert "utter_goodbye: '{citizen_name}' is not a slot nor a value the actions pass" in found


def test_no_evaluation_set_is_trained_on(project):
    """Every set in eval/ stays unseen: the blind set as much as the development set."""
    def add(data):
        data["nlu"].append({"intent": "passport_photo", "metadata": {"language": "en"},
                            "examples": f"- {blind_question}\n"})
    blind_question = yaml.safe_load((project / "eval" / "citizen_questions_blind.yml").read_text(
        encoding="utf-8"))["items"][3]["text"]
    edit(project / "data" / "nlu" / "passports.yml", add)
    assert "eval/citizen_questions_blind.yml: b-en-004" in messages(project)
    assert "is in the training data" in messages(project)
