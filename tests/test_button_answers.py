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
