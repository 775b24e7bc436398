"""While a citizen waits in the queue (bot/handoff/desk.py `intercept`, bot/handoff/waiting.py):
each message is acknowledged with the place in line, in the ticket's language, and a lost
passport with a trip in days raises the priority (and moves a general ticket to the passport
team), in English and in French. A transfer's reason becomes an internal note."""

from __future__ import annotations

from datetime import date

import pytest

from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Message, Ticket, TicketNote
from bot.texts import say
from tests.test_handoff_queue import db, new_ticket  # noqa: F401  (db is a fixture)
from tests.test_ticket_access import account, desk  # noqa: F401  (desk is a fixture)
from bot.handoff.waiting import escalation


def ticket_of(db: Database, ticket_id: int) -> Ticket:  # noqa: F811
    def work(session):
        ticket = session.get(Ticket, ticket_id)
        session.expunge(ticket)
        return ticket
    return db.run(work)


def citizen_line(db: Database, ticket_id: int, text: str, language: str) -> tuple:  # noqa: F811
    def work(session):
        ticket = session.get(Ticket, ticket_id)
        conversation = transcripts.find_conversation(session, ticket.conversation_id)
        message = transcripts.add_message(session, conversation, sender="citizen", text=text, language=language)
        return ticket.conversation_id, message.id
    return db.run(work)


TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("text, team, expected", [
    ("I lost my passport and I fly in 3 days", "general", ("high", "passport")),
    ("On m'a volé mon passeport, je pars dans 3 jours", "passport", ("high", None)),
    ("J'ai perdu mon passeport", "general", (None, "passport")),
    ("I lost my passport, my trip is in 2 months", "passport", None),
    ("my flight is tomorrow", "general", None),  # nothing lost: nothing to escalate
    ("Thanks, I'll wait", "passport", None),
])
def test_what_a_waiting_message_changes(text, team, expected):
    change = escalation(text, team, "normal", TODAY)
    assert (None if change is None else (change.priority, change.team)) == expected


@pytest.mark.parametrize("language, text, urgent", [
    ("en", "I lost my passport and my flight is tomorrow", True),
    ("fr", "J'ai perdu mon passeport et mon vol est demain", True),
    ("en", "Just adding: it's about a renewal", False),
    ("fr", "Je précise : c'est pour un renouvellement", False),
])
async def test_each_message_while_waiting_is_acknowledged_and_can_raise_the_priority(
    db, desk, language, text, urgent  # noqa: F811
):
    ahead = new_ticket(db, topic="general", language=language)
    ticket = new_ticket(db, topic="general", language=language)
    events = []

    async def record(event):
        events.append(event)
    desk.announce = record
    conversation, message = citizen_line(db, ticket, text, language)

    result = await desk.intercept(conversation, message, text)

    assert result is not None and result.outcome == "to_officer"
    after = ticket_of(db, ticket)
    place = 1 if urgent else 2  # a high priority goes ahead of the normal ticket before it
    key = "handoff_waiting_urgent" if urgent else "handoff_waiting_ack"
    position = ("1er" if place == 1 else f"{place}e") if language == "fr" else str(place)
    assert [m["text"] for m in result.messages] == [say(key, language, position=position)]
    assert (after.priority, after.team) == (("high", "passport") if urgent else ("normal", "general"))
    assert {"type": "queue", "ticket_id": ticket} in events  # the queue cards refresh live
    stored = db.run(lambda s: s.get(Message, message).status)
    assert stored == "to_officer"
    assert ticket_of(db, ahead).priority == "normal"


async def test_an_active_ticket_is_not_acknowledged(db, desk):  # noqa: F811
    ticket = new_ticket(db)
    await desk.claim(account(db), ticket)
    conversation, message = citizen_line(db, ticket, "I lost my passport, flight tomorrow", "en")
    result = await desk.intercept(conversation, message, "I lost my passport, flight tomorrow")
    assert result is not None and result.messages == []  # the officer answers, not the desk
    assert ticket_of(db, ticket).priority == "normal"


async def test_a_transfer_reason_becomes_an_internal_note(db, desk):  # noqa: F811
    ticket = new_ticket(db, language="fr")
    holder = account(db, languages=("fr",))
    await desk.claim(holder, ticket)
    await desk.transfer(holder, ticket, "programs", None, reason="Question sur l'AE")
    notes = db.run(lambda s: [n.text for n in s.query(TicketNote).filter(TicketNote.ticket_id == ticket)])
    assert notes == [say("transfer_note", "fr", reason="Question sur l'AE")]
    assert ticket_of(db, ticket).team == "programs"
