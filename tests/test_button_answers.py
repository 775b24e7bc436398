"""A pressed button (a form's choice) is not words the model had to read: the router marks it
(bot/gateway/router.py, transcripts.BUTTON), the fallback rate leaves it out, and so does the
trainer's inbox, which also leaves out a request for a person that was understood as such."""

from __future__ import annotations

import uuid
from datetime import date

from bot import analytics
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import utcnow
from bot.trainer import inbox


def test_buttons_and_understood_requests_are_left_out(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'buttons.db'}")
    db.upgrade_schema()

    def seed(session):
        conversation = transcripts.get_or_create_conversation(session, "rest", uuid.uuid4().hex)
        line = lambda text, intent, confidence, button=False: transcripts.add_message(  # noqa: E731
            session, conversation, sender="citizen", text=text, language="en", intent=intent,
            confidence=confidence, payload={transcripts.BUTTON: True} if button else None)
        line("blorf wibble", "nlu_fallback", 0.2)                   # typed, not understood
        line("Yes", "nlu_fallback", 0.3, button=True)               # a button: never a fallback
        line("Adult", "passport_fee_calculator", 0.4, button=True)  # a button with a low score
        line("how much is a passport", "passport_fees", 0.95)
        line("I want to talk to a person", "request_human", 0.97)   # understood: needs no label
        transcripts.add_message(session, conversation, sender="event", text="handoff requested")
    db.run(seed)

    today = utcnow().date()
    figures = db.run(analytics.figures, analytics.Period(date.fromordinal(today.toordinal() - 1), today))
    assert figures["fallback_rate"] == 1 / 3  # of the three typed lines, one not understood
    shown = {group.text for group in db.run(inbox.collect)}
    assert shown == {"blorf wibble"}
    db.dispose()


def test_a_misread_request_before_a_handoff_still_reaches_the_inbox(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'misread.db'}")
    db.upgrade_schema()

    def seed(session):
        conversation = transcripts.get_or_create_conversation(session, "rest", uuid.uuid4().hex)
        transcripts.add_message(session, conversation, sender="citizen", text="my cat ate my passport",
                                language="en", intent="passport_lost_stolen", confidence=0.9)
        transcripts.add_message(session, conversation, sender="event", text="handoff requested")
    db.run(seed)
    groups = db.run(inbox.collect)
    assert [(g.text, g.reasons) for g in groups] == [("my cat ate my passport", ["handoff"])]
    db.dispose()


def test_the_inbox_shows_what_the_bot_had_said(tmp_path):
    from bot.console.inbox import render

    db = Database(f"sqlite:///{tmp_path / 'context.db'}")
    db.upgrade_schema()

    def seed(session):
        conversation = transcripts.get_or_create_conversation(session, "rest", uuid.uuid4().hex)
        transcripts.add_message(session, conversation, sender="bot", text="Are you travelling in the next 2 weeks?")
        transcripts.add_message(session, conversation, sender="citizen", text="the 5th maybe", language="en",
                                intent="nlu_fallback", confidence=0.3)
    db.run(seed)
    groups = db.run(inbox.collect)
    assert [(g.text, g.context) for g in groups] == [("the 5th maybe", "Are you travelling in the next 2 weeks?")]
    page = render(groups, ["affirm"], "csrf", language="fr")
    assert "L’assistant avait dit\u00a0: <q lang=\"en\">Are you travelling in the next 2 weeks?</q>" in page
    db.dispose()


async def test_a_bad_intent_name_is_explained_in_the_page_language(servers, settings, engine):
    import re

    from tests.support.console_client import Officer as ConsoleUser
    from tests.support.gateway import running_gateway
    from tests.test_console_page import PASSWORD, add_officer

    trainer = add_officer(settings, "Tess Trainer", role="trainer", teams=("general",), languages=("en", "fr"))
    async with running_gateway(servers, settings, engine):
        async with ConsoleUser(f"http://127.0.0.1:{settings.port}") as user:
            assert await user.sign_in(trainer, PASSWORD) == 303
            async with user.http.get("/console/inbox?lang=fr") as page:
                csrf = re.search(r'name="csrf" value="([^"]+)"', await page.text()).group(1)  # type: ignore[union-attr]
            for language, name, expected in (
                ("fr", "Visa-Voyage", "«\u00a0Visa-Voyage\u00a0» ne peut pas être un nom d’intention"),
                ("en", "Visa-Voyage", "“Visa-Voyage” cannot be an intent name"),
                ("fr", "", "«\u00a0not_an_intent\u00a0» n’est pas une intention du modèle"),
            ):
                form = {"csrf": csrf, "lang": language, "text": "visa?", "language": "en",
                        "intent": "not_an_intent", "new_intent": name}
                async with user.http.post("/console/inbox/label", data=form) as reply:
                    text = await reply.text()
                    assert reply.status == 400 and expected.replace("’", "&#x27;") in text.replace("’", "&#x27;"), text
