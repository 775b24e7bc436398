"""An expert's answer proposed as knowledge: a draft in the trainer's inbox with the question,
the answer and the language; a trainer completes it; the export appends it to
content/knowledge/<area>.yml in the SCHEMA.md format, and `govbot check` still passes."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from bot.handoff import accounts, consults
from bot.knowledge import load_knowledge
from bot.settings import PROJECT_ROOT
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Officer
from bot.trainer import knowledge_drafts
from bot.trainer.check import check
from tests.test_handoff_queue import PASSWORD, request_for

TEXTS = {
    "en": {"answer": "Yes. A cousin can be your guarantor if they have known you for at least 2 years "
                     "and meet the other guarantor requirements.",
           "title": "Passport guarantors", "source": "https://www.canada.ca/en/immigration-refugees-citizenship/"
                                                     "services/canadian-passports/guarantor.html",
           "questions": ["my cousin wants to sign as my guarantor is that allowed",
                         "can a cousin sign as guarantor for the passport form",
                         "is a first cousin ok to vouch for my passport application",
                         "guarantor who is family, cousin, allowed or not",
                         "cousin as reference on passport application?"]},
    "fr": {"answer": "Oui. Un cousin ou une cousine peut être votre répondant s'il vous connaît depuis au moins "
                     "2 ans et remplit les autres exigences.",
           "title": "Répondants pour le passeport",
           "source": "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/passeports-canadiens/"
                     "repondant.html",
           "questions": ["mon cousin peut-il signer comme répondant pour mon passeport",
                         "est-ce qu'une cousine peut être ma répondante",
                         "un cousin germain comme répondant c'est accepté",
                         "répondant de la famille, cousin, est-ce permis",
                         "ma cousine peut signer mon formulaire de passeport?"]},
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of what `govbot check` reads, so the export writes there, not in the project."""
    for folder in ("content", "data", "eval", "actions"):
        shutil.copytree(PROJECT_ROOT / folder, tmp_path / folder)
    shutil.copy(PROJECT_ROOT / "domain.yml", tmp_path / "domain.yml")
    return tmp_path


def test_a_proposed_answer_is_drafted_completed_and_exported_in_the_schema(tmp_path, root):
    db = Database(f"sqlite:///{tmp_path / 'drafts.db'}")
    db.upgrade_schema()

    def seed(session) -> int:
        officer = accounts.add_officer(session, "asker", PASSWORD, teams=("passport",), languages=("fr",))
        expert = accounts.add_officer(session, "lea", PASSWORD, role="expert", teams=("passport",))
        conversation = transcripts.get_or_create_conversation(session, "rest", uuid.uuid4().hex)
        from bot.handoff import queue

        ticket = queue.create_ticket(session, conversation, request_for("passport", "fr"))
        consult = consults.ask(session, officer, ticket.id, "Un cousin peut-il être répondant?", team="passport")
        consults.answer(session, expert, consult.id, "Oui, s'il la connaît depuis deux ans.")
        return consults.propose_knowledge(session, officer, consult.id).id
    draft_id = db.run(seed)

    drafts = db.run(lambda s: [(d.id, d.area, d.language, d.question, d.answer) for d in knowledge_drafts.pending(s)])
    assert drafts == [(draft_id, "passport", "fr", "Un cousin peut-il être répondant?",
                       "Oui, s'il la connaît depuis deux ans.")]
    assert db.run(lambda s: knowledge_drafts.export(s, root)) == [], "nothing exported before completion"

    with pytest.raises(knowledge_drafts.DraftError, match="at least 5 questions"):
        db.run(lambda s: knowledge_drafts.complete(
            s, draft_id, "tess", intent="passport_guarantor", checked="2026-11-28",
            texts={**TEXTS, "en": {**TEXTS["en"], "questions": ["one"]}}))
    with pytest.raises(knowledge_drafts.DraftError, match="canada.ca/fr/"):
        db.run(lambda s: knowledge_drafts.complete(
            s, draft_id, "tess", intent="passport_guarantor", checked="2026-11-28",
            texts={**TEXTS, "fr": {**TEXTS["fr"], "source": "https://example.com/fr/x"}}))

    before = check(root)
    intent = load_knowledge(root / "content" / "knowledge").entries["passport_photo.overview"].intent
    db.run(lambda s: knowledge_drafts.complete(s, draft_id, "tess", intent=intent, checked="2026-11-28",
                                               texts=TEXTS))
    written = db.run(lambda s: knowledge_drafts.export(s, root))
    assert written == [f"{intent}.expert_{draft_id}"]

    entry = load_knowledge(root / "content" / "knowledge").entries[written[0]]
    assert entry.file == "passports.yml" and entry.checked == "2026-11-28" and not entry.verified
    assert entry.text("fr").questions[0] == TEXTS["fr"]["questions"][0]
    assert check(root) == before, "govbot check finds nothing new"
    assert db.run(knowledge_drafts.pending) == [] and db.run(lambda s: knowledge_drafts.export(s, root)) == []
    assert db.run(lambda s: s.query(Officer).count()) == 2
    db.dispose()


async def test_a_trainer_completes_and_exports_a_draft_in_the_console(servers, settings, engine, tmp_path, root):
    """The same through the trainer's page (/console/inbox/knowledge) of a real gateway."""
    from dataclasses import replace

    from tests.support.console_client import Officer as ConsoleUser
    from tests.support.gateway import running_gateway

    if settings.transcripts_url.startswith("postgresql"):
        pytest.skip("the page runs once, on SQLite")
    isolated = replace(settings, database_url=f"sqlite:///{tmp_path / 'page.db'}", training_root=root)
    db = Database(isolated.transcripts_url)
    db.upgrade_schema()

    def seed(session) -> int:
        officer = accounts.add_officer(session, "asker", PASSWORD, teams=("passport",), languages=("en",))
        expert = accounts.add_officer(session, "lea", PASSWORD, role="expert", teams=("passport",))
        accounts.add_officer(session, "tess", PASSWORD, role="trainer")
        conversation = transcripts.get_or_create_conversation(session, "rest", uuid.uuid4().hex)
        from bot.handoff import queue

        ticket = queue.create_ticket(session, conversation, request_for("passport", "en"))
        consult = consults.ask(session, officer, ticket.id, "Can a cousin be a guarantor?", team="passport")
        consults.answer(session, expert, consult.id, "Yes, after two years.")
        return consults.propose_knowledge(session, officer, consult.id).id
    draft_id = db.run(seed)
    db.dispose()
    base = f"http://127.0.0.1:{isolated.port}"
    async with running_gateway(servers, isolated, engine):
        async with ConsoleUser(base) as tess, ConsoleUser(base) as lea:
            assert await tess.sign_in("tess", PASSWORD) == 303 and await lea.sign_in("lea", PASSWORD) == 303
            async with lea.http.get("/console/inbox/knowledge") as refused:
                assert refused.status == 403, "an expert does not review training data"
            async with tess.http.get("/console/inbox/knowledge?lang=fr") as shown:
                page = await shown.text()
            assert "Can a cousin be a guarantor?" in page and "Yes, after two years." in page
            assert "Réponses de spécialistes proposées comme connaissances" in page
            form = {"csrf": tess.csrf, "lang": "en", "draft_id": str(draft_id), "intent": "passport_photo",
                    "checked": "2026-11-28"}
            for lang, given in TEXTS.items():
                form.update({f"{lang}_answer": given["answer"], f"{lang}_title": given["title"],
                             f"{lang}_source": given["source"], f"{lang}_questions": "\n".join(given["questions"])})
            async with tess.http.post("/console/inbox/knowledge/complete", data=form) as saved:
                assert saved.status == 200 and "Draft saved." in await saved.text()
            async with tess.http.post("/console/inbox/knowledge/export", data={"csrf": tess.csrf, "lang": "en"}) as done:
                assert f"passport_photo.expert_{draft_id}" in await done.text()
    assert f"passport_photo.expert_{draft_id}" in load_knowledge(root / "content" / "knowledge").entries
    assert check(root) == []
