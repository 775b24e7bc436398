"""The trainer loop: real conversations through the gateway and the trained model, the
inbox groups what the model was unsure about, a trainer labels, export writes Rasa YAML."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from bot.handoff import accounts
from bot.storage.database import Database
from bot.trainer import inbox
from bot.trainer.check import check
from tests.support.browser import browser, page  # noqa: F401
from tests.support.console_client import Officer
from tests.support.gateway import new_sender, rest, running_gateway
from tests.support.project_copy import project  # noqa: F401


def examples_of(path: Path, intent: str, language: str) -> list[str]:
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        if block["intent"] == intent and block["metadata"]["language"] == language:
            return [line.strip()[2:] for line in block["examples"].splitlines() if line.strip()]
    return []


async def test_from_real_conversations_to_exported_training_data(servers, settings, engine, project, tmp_path):
    if settings.transcripts_url.startswith("postgresql"):
        pytest.skip("the loop runs once, on SQLite; storage is covered by the gateway tests")
    isolated = replace(settings, database_url=f"sqlite:///{tmp_path / 'inbox.db'}")
    async with running_gateway(servers, isolated, engine) as client:
        await rest(client, new_sender(), "Can I bring my CAT to the passport office?")
        await rest(client, new_sender(), "can i bring my cat to the passport office")
        await rest(client, new_sender(), "est-ce que je peux amener mon chat au bureau des passeports")
        handed = new_sender()
        await rest(client, handed, "I want to talk to a real person")
        await rest(client, new_sender(), "how much is a passport?")

    db = Database(isolated.transcripts_url)
    try:
        everything = db.run(lambda s: inbox.collect(s, threshold=1.01))
        cat = [g for g in everything if "cat" in g.text.lower()]
        assert len(cat) == 1 and cat[0].count == 2 and cat[0].language == "en", cat
        assert len(cat[0].texts) == 2, "both wordings are kept for the trainer"
        assert any(g.language == "fr" and "chat" in g.text for g in everything)
        person = [g for g in everything if g.text == "I want to talk to a real person"]
        assert person and "handoff" in person[0].reasons

        # With the normal threshold only what the model really doubted remains; a confident
        # answer ("how much is a passport?") is never in the inbox.
        usual = db.run(lambda s: inbox.collect(s))
        assert all(g.text != "how much is a passport?" for g in usual)
        assert all(g.lowest_confidence < 0.6 or set(g.reasons) - {"low_confidence"} for g in usual)

        db.run(lambda s: inbox.label(s, cat[0].text, "en", "out_of_scope", by="trainer", root=project))
        db.run(lambda s: inbox.label(s, "est-ce que je peux amener mon chat au bureau des passeports", "fr",
                                     "out_of_scope", by="trainer", root=project))
        assert all("cat" not in g.text.lower() for g in db.run(lambda s: inbox.collect(s, threshold=1.01))), \
            "labelled texts leave the inbox"

        done = db.run(lambda s: inbox.export(s, root=project))
        assert done.written == {"data/nlu/general.yml": 2} and not done.conflicts
        general = project / "data" / "nlu" / "general.yml"
        assert cat[0].text in examples_of(general, "out_of_scope", "en")
        assert "est-ce que je peux amener mon chat au bureau des passeports" in examples_of(general, "out_of_scope", "fr")
        assert not check(project), "the exported data passes govbot check (no duplicates)"

        again = db.run(lambda s: inbox.export(s, root=project))
        assert again.written == {} and again.skipped == [], "nothing is exported twice"
    finally:
        db.dispose()


@pytest.fixture
def db(tmp_path: Path):
    database = Database(f"sqlite:///{tmp_path / 'labels.db'}")
    database.upgrade_schema()
    yield database
    database.dispose()


def test_labels_are_checked(db, project):
    with pytest.raises(inbox.InboxError, match="not an intent"):
        db.run(lambda s: inbox.label(s, "hi", "en", "passport_visa", by="t", root=project))
    with pytest.raises(inbox.InboxError, match="language"):
        db.run(lambda s: inbox.label(s, "hi", "de", "greet", by="t", root=project))
    with pytest.raises(inbox.InboxError, match="lowercase"):
        db.run(lambda s: inbox.label(s, "hi", "en", "Greet Me", by="t", root=project))


def test_existing_examples_are_skipped_and_conflicts_reported(db, project):
    db.run(lambda s: inbox.label(s, "Hello!", "en", "greet", by="t", root=project))  # "hello" is in the data
    db.run(lambda s: inbox.label(s, "thank you", "en", "greet", by="t", root=project))  # it is a thanks example
    done = db.run(lambda s: inbox.export(s, root=project))
    assert done.written == {}
    assert done.skipped == ["Hello!"]
    assert done.conflicts and "'thanks'" in done.conflicts[0]


def test_a_new_intent_gets_its_own_blocks(db, project):
    db.run(lambda s: inbox.label(s, "do I need a visa for France", "en", "travel_visa", by="t",
                                 new_intent=True, root=project))
    db.run(lambda s: inbox.label(s, "ai-je besoin d'un visa pour la France", "fr", "travel_visa", by="t",
                                 new_intent=True, root=project))
    done = db.run(lambda s: inbox.export(s, root=project))
    assert done.written == {"data/nlu/new_intents.yml": 2}
    new = project / "data" / "nlu" / "new_intents.yml"
    assert examples_of(new, "travel_visa", "en") == ["do I need a visa for France"]
    assert examples_of(new, "travel_visa", "fr") == ["ai-je besoin d'un visa pour la France"]
    problems = "\n".join(str(p) for p in check(project))
    assert "'travel_visa' is not in domain.yml" in problems, "govbot check says what is left to do"


async def test_trainer_labels_and_exports_in_the_console(servers, settings, engine, project, tmp_path, page):  # noqa: F811
    """A trainer signs in, opens the inbox from the console, labels a real message and
    exports it into (a copy of) data/nlu; officers may not open the inbox."""
    if settings.transcripts_url.startswith("postgresql"):
        pytest.skip("the loop runs once, on SQLite; storage is covered by the gateway tests")
    isolated = replace(settings, database_url=f"sqlite:///{tmp_path / 'inbox.db'}", training_root=project)
    db = Database(isolated.transcripts_url)
    db.upgrade_schema()
    db.run(lambda s: accounts.add_officer(s, "trainer.tess", "trainer password 1", role="trainer"))
    db.run(lambda s: accounts.add_officer(s, "officer.oli", "officer password 1"))
    db.run(lambda s: accounts.add_officer(s, "trainer.ann", "trainer password 1", role="trainer"))
    base = f"http://127.0.0.1:{isolated.port}"
    async with running_gateway(servers, isolated, engine) as client:
        await rest(client, new_sender(), "can my dog get a passport too")
        await page.goto(f"{base}/console/login")
        await page.fill("#username", "trainer.tess")
        await page.fill("#password", "trainer password 1")
        await page.click("button[type=submit]")
        await page.wait_for_url(f"{base}/console/inbox")  # a trainer lands on the inbox
        await page.click("#other-language")  # this trainer works in French
        await page.wait_for_url(f"{base}/console/inbox?lang=fr")
        assert await page.locator("html").get_attribute("lang") == "fr"
        group = page.locator(".inbox-group", has_text="can my dog get a passport too")
        assert "le modèle a compris" in await group.locator(".inbox-meta").inner_text()
        await group.locator("select").select_option("out_of_scope")
        await group.locator("button", has_text="Étiqueter").click()
        await page.wait_for_selector("#inbox-notice")
        assert "Étiqueté\u00a0: Hors du champ de l'assistant." in await page.locator("#inbox-notice").inner_text()
        assert await page.locator("html").get_attribute("lang") == "fr", "the answer to a form keeps the language"
        assert await page.locator(".inbox-group", has_text="can my dog get a passport too").count() == 0
        # The notice's Undo takes the label back: the message is in the inbox again.
        async with page.expect_navigation():
            await page.locator("#inbox-notice button", has_text="Annuler").click()
        assert "Étiquette retirée" in await page.locator("#inbox-notice").inner_text()
        assert await page.locator(".inbox-group", has_text="can my dog get a passport too").count() == 1
        assert await page.locator("#undo").count() == 0, "an undo is not undone"
        # A bad new intent name is explained in the page's language.
        group = page.locator(".inbox-group", has_text="can my dog get a passport too")
        await group.locator("input[name=new_intent]").fill("Voyage Chien")
        async with page.expect_navigation():
            await group.locator("button", has_text="Étiqueter").click()
        error = await page.locator("#inbox-error").inner_text()
        assert "«\u00a0Voyage Chien\u00a0» ne peut pas être un nom d\u2019intention" in error, error
        await group.locator("select").select_option("out_of_scope")
        async with page.expect_navigation():
            await group.locator("button", has_text="Étiqueter").click()
        entry = await page.locator("#inbox-notice input[name=entry]").get_attribute("value")
        async with Officer(base) as ann:  # another trainer may not take back tess's label
            await ann.sign_in("trainer.ann", "trainer password 1")
            async with ann.http.post("/console/inbox/undo", data={"csrf": "forged", "entry": entry}) as forged:
                assert forged.status == 403
            async with ann.http.post("/console/inbox/undo",
                                     data={"csrf": ann.csrf, "entry": entry, "lang": "fr"}) as refused:
                assert refused.status == 409
                assert "n\u2019est pas la vôtre" in await refused.text()
        await page.click("#export")
        await page.wait_for_selector("#inbox-notice")
        assert "1\u00a0exemple ajouté à data/nlu/general.yml" in await page.locator("#inbox-notice").inner_text()
        async with page.expect_navigation():
            await page.click("#other-language")
        assert await page.locator("h1").inner_text() == "NLU inbox"
        assert "can my dog get a passport too" in examples_of(project / "data" / "nlu" / "general.yml",
                                                               "out_of_scope", "en")
        async with Officer(base) as oli:
            await oli.sign_in("officer.oli", "officer password 1")
            async with oli.http.get("/console/inbox") as refused:
                assert refused.status == 403
            async with oli.http.post("/console/inbox/export", data={"csrf": "forged"}) as forged:
                assert forged.status == 403
            async with oli.http.post("/console/inbox/undo", data={"csrf": oli.csrf, "entry": entry}) as officer:
                assert officer.status == 403, "undo: the reviewing roles only"
    db.dispose()


@pytest.fixture
def trainers(db):
    """The ids of two trainers: tess gives the labels, ann does not."""
    return tuple(db.run(lambda s: accounts.add_officer(s, name, "trainer password 1", role="trainer").id)
                 for name in ("tess", "ann"))


def _labels(db):
    from bot.storage.models import NluLabel

    return db.run(lambda s: {(x.text, x.language): (x.intent, x.labelled_by, x.exported_at is not None)
                             for x in s.execute(select(NluLabel)).scalars()})


def test_undo_takes_a_new_label_back_once(db, project, trainers):
    entry = db.run(lambda s: inbox.label_with_undo(s, "can my dog fly with me", "en", "out_of_scope", by="tess",
                                                   officer_id=trainers[0], root=project))
    assert _labels(db) == {("can my dog fly with me", "en"): ("out_of_scope", "tess", False)}
    with pytest.raises(inbox.InboxError) as other:
        db.run(lambda s: inbox.undo(s, entry, officer_id=trainers[1]))
    assert other.value.code == "undo_unknown", "only who gave the label takes it back"
    undone = db.run(lambda s: inbox.undo(s, entry, officer_id=trainers[0]))
    assert (undone.text, undone.intent) == ("can my dog fly with me", None)
    assert _labels(db) == {}, "the label is gone: the text is back in the inbox"
    with pytest.raises(inbox.InboxError) as twice:
        db.run(lambda s: inbox.undo(s, entry, officer_id=trainers[0]))
    assert twice.value.code == "undo_done"


def test_undo_restores_the_label_it_replaced(db, project, trainers):
    db.run(lambda s: inbox.label(s, "hey there", "en", "greet", by="ann", root=project))
    db.run(lambda s: inbox.export(s, root=project))
    assert _labels(db) == {("hey there", "en"): ("greet", "ann", True)}
    entry = db.run(lambda s: inbox.label_with_undo(s, "Hey there!", "en", "thanks", by="tess", officer_id=trainers[0],
                                                   root=project))
    assert _labels(db) == {("hey there", "en"): ("thanks", "tess", False)}
    undone = db.run(lambda s: inbox.undo(s, entry, officer_id=trainers[0]))
    assert undone.intent == "greet"
    assert _labels(db) == {("hey there", "en"): ("greet", "ann", True)}, "intent, author and export as before"


def test_undo_refuses_a_label_changed_or_exported_since(db, project, trainers):
    first = db.run(lambda s: inbox.label_with_undo(s, "my cat ate my passport", "en", "out_of_scope", by="tess",
                                                   officer_id=trainers[0], root=project))
    db.run(lambda s: inbox.label_with_undo(s, "my cat ate my passport", "en", "out_of_scope", by="tess",
                                           officer_id=trainers[0], root=project))  # the same, given again
    with pytest.raises(inbox.InboxError) as changed:
        db.run(lambda s: inbox.undo(s, first, officer_id=trainers[0]))
    assert changed.value.code == "undo_changed"
    latest = db.run(lambda s: inbox.label_with_undo(s, "my cat ate my passport", "en", "greet", by="tess",
                                                    officer_id=trainers[0], root=project))
    db.run(lambda s: inbox.export(s, root=project))
    with pytest.raises(inbox.InboxError) as exported:
        db.run(lambda s: inbox.undo(s, latest, officer_id=trainers[0]))
    assert exported.value.code == "undo_exported"
    assert _labels(db) == {("my cat ate my passport", "en"): ("greet", "tess", True)}, "nothing was undone"


def test_inbox_numbers_take_the_plural_of_their_language():
    from bot.texts import say

    def meta(language, count):
        return say("inbox_meta", language, count=count, language="", said="", lowest="", reasons="")
    assert meta("en", 1).startswith("1 message,") and meta("en", 0).startswith("0 messages,")
    assert meta("fr", 0).startswith("0\u00a0message,") and meta("fr", 2).startswith("2\u00a0messages,")
    assert say("exported", "fr", count=1, name="x") == "1\u00a0exemple ajouté à x"
    assert say("exported", "en", count=3, name="x") == "3 examples added to x"
