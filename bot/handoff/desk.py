"""The handoff desk: what happens to a conversation between the bot and an officer.

- `open`: a handoff request from the engine becomes a ticket; the citizen is told their
  place in line and the estimated wait, or when the team opens next.
- `intercept`: while a ticket is open the bot stays silent and every citizen message goes to
  the officer; "never mind" / "laisse faire" cancels; after a resolve, a 1-5 answer rates.
  While the ticket still waits, each message is acknowledged with the place in line, and
  can raise its priority or move it to the passport team (bot/handoff/waiting.py).
- `officer_says`, `resolve`, `transfer`, `note`: what officers do in the console. Each is
  audit-logged, delivered on the citizen's own channel, and published to open consoles.
- `ask_expert`, `answer_consult`: a private question to an expert and the expert's answer
  (bot/handoff/consults.py); an `@name` of an expert in a note asks them too. Nothing of
  it reaches the citizen.

Who may do each is bot/handoff/policy.py's rule, applied in `_ticket`: a ticket the account
may not read is "not_found", like one that does not exist.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Awaitable, Callable, Dict, List, Optional, cast

from sqlalchemy.orm import Session

from bot.contracts import HandoffRequest
from bot.engine import BotMessage
from bot.engine.base import Button
from bot.handoff import accounts, consults, policy, queue
from bot.handoff.events import ConsoleHub
from bot.handoff.hours import OfficeHours, describe_time
from bot.handoff.typing import first_name
from bot.handoff.waiting import escalation
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Conversation, Message, Officer, Ticket, TicketNote, utcnow
from bot.texts import minutes as in_minutes
from bot.texts import rank, say

log = logging.getLogger(__name__)

# channel -> hand over (conversation, messages, sender) -> shown, or queued in the outbox?
Deliver = Callable[[Conversation, List[BotMessage], str], Awaitable[bool]]
# conversation id, Rasa events to append to its tracker
RecordInTracker = Callable[[str, List[Dict[str, Any]]], Awaitable[None]]

_CANCEL = re.compile(
    r"^\s*(never\s*mind|nevermind|cancel|forget it|back to the (bot|assistant)|"
    r"laisse[zr]?[- ]faire|annule[rz]?|oublie[zr]? [çc]a|retour au (robot|bot|assistant))\s*[.!]*\s*$",
    re.IGNORECASE,
)
# The rating question's answers as buttons (a typed "4" or "4/5" works too: _RATING).
RATING_BUTTONS = [Button(title=str(score), payload=str(score)) for score in range(1, 6)]
_RATING = re.compile(r"^\s*([1-5])\s*(/\s*5)?\s*[.!]*\s*$")


class NotDeliverable(Exception):
    """A channel will not carry a line to this citizen now, and retrying will not help (a
    platform's messaging window has closed). `code` is stable: the console shows the reason
    in the officer's language. An officer's message is then refused (QueueError with that
    code, the line marked "refused"); a notice stays pending for the citizen's next message."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code


def is_cancel(text: str) -> bool:
    return bool(_CANCEL.match(text))


@dataclass
class _Line:
    """A transcript line written for the citizen: what to push, and which row to mark sent."""

    conversation: Conversation
    id: int
    text: str
    buttons: List[Button] = field(default_factory=list)


def _system_line(session: Session, conversation_id: str, language: str, text: str, status: str,
                 buttons: Optional[List[Button]] = None) -> _Line:
    conversation = transcripts.find_conversation(session, conversation_id)
    assert conversation is not None
    message = transcripts.add_message(session, conversation, sender="system", text=text,
                                      payload={"buttons": buttons} if buttons else None,
                                      language=language, status=status)
    return _Line(conversation, message.id, text, list(buttons or []))


def _pending_notice(session: Session, ticket: Ticket, key: str,
                    buttons: Optional[List[Button]] = None, **values: Any) -> _Line:
    """A notice in the ticket's language, stored before it is pushed (see Desk._notify)."""
    return _system_line(session, ticket.conversation_id, ticket.language,
                        say(key, ticket.language, **values), "pending", buttons)


@dataclass
class Intercepted:
    messages: List[BotMessage]
    outcome: str  # to_officer | cancelled | rated


class Desk:
    def __init__(
        self,
        db: Database,
        hub: ConsoleHub,
        hours: OfficeHours,
        minutes_per_ticket: int,
        record_in_tracker: Optional[RecordInTracker] = None,
    ) -> None:
        self.db = db
        self.hub = hub
        self.hours = hours
        self.minutes_per_ticket = minutes_per_ticket
        self.record_in_tracker = record_in_tracker
        self.deliverers: Dict[str, Deliver] = {}
        # Console events go to every replica's consoles (bot/gateway/bus.py); this replica's
        # own consoles only until the app connects the bus.
        self.announce: Callable[[Dict[str, Any]], Awaitable[None]] = hub.broadcast

    # --- citizen side ------------------------------------------------------------------

    async def open(self, conversation_id: str, request: HandoffRequest, now: Optional[datetime] = None) -> List[BotMessage]:
        """Queue the conversation; return what the citizen is told."""
        moment = now or utcnow()

        def work(session: Session) -> tuple[int, _Line]:
            conversation = transcripts.find_conversation(session, conversation_id)
            assert conversation is not None
            ticket = queue.create_ticket(session, conversation, request)
            language = ticket.language
            opening = self.hours.next_opening(ticket.team, moment)
            if opening is not None:
                text = say("handoff_closed", language, opening=describe_time(opening, language))
            else:
                place = queue.position(session, ticket)
                minutes = queue.estimated_wait_minutes(
                    place, self.minutes_per_ticket,
                    queue.officers_serving(session, ticket.team, ticket.language),
                )
                text = say("handoff_queued", language, position=rank(place, language),
                           minutes=in_minutes(minutes, language))
            line = _system_line(session, conversation_id, language, text, "sent")
            return ticket.id, line

        ticket_id, line = await self.db.run_async(work)
        await self.announce({"type": "queue", "ticket_id": ticket_id})
        return [{"text": line.text, "sender": "system", "line": line.id}]

    async def intercept(self, conversation_id: str, message_id: int, text: str) -> Optional[Intercepted]:
        """None: the bot answers. Otherwise what the citizen gets (often nothing)."""

        def work(session: Session) -> Optional[tuple[str, Optional[int], List[BotMessage]]]:
            ticket = queue.open_ticket(session, conversation_id)
            if ticket is None:
                rated = queue.awaiting_rating(session, conversation_id)
                match = _RATING.match(text)
                if rated is None or match is None:
                    if rated is not None:
                        rated.rating_requested = 0  # they moved on: stop waiting for a rating
                    return None
                rated.rating = int(match.group(1))
                rated.rating_requested = 0
                transcripts.mark_message(session, message_id, status="rating", language=rated.language)
                thanks = _system_line(session, conversation_id, rated.language,
                                      say("rating_thanks", rated.language), "sent")
                return ("rated", rated.id, [{"text": thanks.text, "sender": "system", "line": thanks.id}])
            transcripts.mark_message(session, message_id, status="to_officer", language=ticket.language)
            if is_cancel(text):
                queue.close(session, ticket, "cancelled", "citizen_cancelled")
                cancelled = _system_line(session, conversation_id, ticket.language,
                                         say("handoff_cancelled", ticket.language), "sent")
                return ("cancelled", ticket.id, [{"text": cancelled.text, "sender": "system", "line": cancelled.id}])
            if ticket.status == "waiting":
                return ("waiting", ticket.id, [self._acknowledge(session, ticket, text)])
            return ("to_officer", ticket.id, [])

        result = await self.db.run_async(work)
        if result is None:
            return None
        kind, ticket_id, messages = result
        if kind == "cancelled":
            await self._record(conversation_id, "citizen_cancelled")
            await self.announce({"type": "queue", "ticket_id": ticket_id})
        elif kind == "waiting":  # the card shows the new line, and maybe a new priority or team
            await self.announce({"type": "queue", "ticket_id": ticket_id})
            kind = "to_officer"
        elif kind == "to_officer":
            await self.announce({"type": "message", "ticket_id": ticket_id})
        return Intercepted(messages, kind)

    def _acknowledge(self, session: Session, ticket: Ticket, text: str) -> BotMessage:
        """A waiting citizen's message: what it changes (bot/handoff/waiting.py), then the
        citizen is told it will be read, and their place in line (which may have improved)."""
        change = escalation(text, ticket.team, ticket.priority)
        key = "handoff_waiting_ack"
        if change is not None:
            if change.priority:
                ticket.priority = change.priority
                key = "handoff_waiting_urgent"
            if change.team:
                ticket.team = change.team
            session.flush()
            log.info("waiting ticket %s changed by the citizen's message: %s", ticket.id, change)
        line = _system_line(session, ticket.conversation_id, ticket.language,
                            say(key, ticket.language, position=rank(queue.position(session, ticket), ticket.language)),
                            "sent")
        return {"text": line.text, "sender": "system", "line": line.id}

    # --- officer side ------------------------------------------------------------------

    async def officer_says(self, officer_id: int, ticket_id: int, text: str) -> Dict[str, Any]:
        text = text.strip()
        if not text:
            raise queue.QueueError("empty", "the message is empty")

        def work(session: Session) -> tuple[_Line, Dict[str, Any]]:
            officer = self._officer(session, officer_id)
            ticket = self._ticket(session, officer, ticket_id, policy.can_act, need_active=True)
            conversation = transcripts.find_conversation(session, ticket.conversation_id)
            assert conversation is not None
            message = transcripts.add_message(
                session, conversation, sender="officer", text=text, language=ticket.language,
                payload={"officer": officer.display_name}, status="pending",
            )
            if ticket.first_response_at is None:
                ticket.first_response_at = utcnow()
            accounts.audit(session, officer.id, "message", ticket.id, {"message_id": message.id})
            return _Line(conversation, message.id, text), message.as_dict()

        line, message = await self.db.run_async(work)
        message["status"] = await self._notify(line, "officer")
        await self.announce({"type": "message", "ticket_id": ticket_id})
        return message

    async def claim(self, officer_id: int, ticket_id: Optional[int]) -> Optional[int]:
        def work(session: Session) -> Optional[tuple[int, _Line]]:
            officer = self._officer(session, officer_id)
            if ticket_id is not None:
                self._ticket(session, officer, ticket_id, policy.can_read)
            ticket = (queue.claim(session, officer, ticket_id) if ticket_id is not None
                      else queue.claim_next(session, officer))
            if ticket is None:
                return None
            accounts.audit(session, officer.id, "claim", ticket.id)
            # French agrees with the officer's gender when it is known, else a neutral sentence.
            # The citizen is told the officer's first name only.
            joined = f"officer_joined_{officer.gender}" if officer.gender in accounts.GENDERS else "officer_joined"
            return ticket.id, _pending_notice(session, ticket, joined, name=first_name(officer.display_name))

        result = await self.db.run_async(work)
        if result is None:
            return None
        claimed, notice = result
        await self._notify(notice)
        await self.announce({"type": "queue", "ticket_id": claimed})
        return claimed

    async def assign(self, supervisor_id: int, ticket_id: int, officer_id: int) -> None:
        def work(session: Session) -> None:
            supervisor = self._officer(session, supervisor_id)
            queue.assign(session, supervisor, ticket_id, session.get(Officer, officer_id))
            accounts.audit(session, supervisor.id, "assign", ticket_id, {"officer_id": officer_id})

        await self.db.run_async(work)
        await self.announce({"type": "queue", "ticket_id": ticket_id})

    async def transfer(self, officer_id: int, ticket_id: int, team: Optional[str], to_officer: Optional[int],
                       reason: Optional[str] = None) -> None:
        """`reason` (why, for whoever takes it next) becomes an internal note on the ticket."""
        def work(session: Session) -> _Line:
            officer = self._officer(session, officer_id)
            ticket = self._ticket(session, officer, ticket_id, policy.can_act, need_active=True)
            if to_officer is not None:
                target = session.get(Officer, to_officer)
                if target is None:
                    raise queue.QueueError("bad_officer", "choose an officer who serves this team and language")
                queue.transfer(session, ticket, team=team, officer=target)
            else:
                queue.transfer(session, ticket, team=team)
            if reason:
                # in the ticket's language, which whoever receives it serves
                session.add(TicketNote(ticket_id=ticket.id, officer_id=officer.id,
                                       text=say("transfer_note", ticket.language, reason=reason[:3900])))
            accounts.audit(session, officer.id, "transfer", ticket.id,
                           {"team": team, "officer_id": to_officer, "reason": bool(reason)})
            return _pending_notice(session, ticket, "handoff_transferred")

        await self._notify(await self.db.run_async(work))
        await self.announce({"type": "queue", "ticket_id": ticket_id})

    async def resolve(self, officer_id: int, ticket_id: int, outcome: str) -> None:
        if outcome not in queue.OUTCOMES:
            raise queue.QueueError("bad_outcome", f"outcome must be one of {', '.join(queue.OUTCOMES)}")

        def work(session: Session) -> _Line:
            officer = self._officer(session, officer_id)
            ticket = self._ticket(session, officer, ticket_id, policy.can_act, need_active=True)
            queue.close(session, ticket, "resolved", outcome)
            ticket.rating_requested = 1
            accounts.audit(session, officer.id, "resolve", ticket.id, {"outcome": outcome})
            return _pending_notice(session, ticket, "handoff_resolved", buttons=RATING_BUTTONS)

        notice = await self.db.run_async(work)
        await self._notify(notice)
        await self._record(notice.conversation.id, outcome)
        await self.announce({"type": "queue", "ticket_id": ticket_id})

    async def note(self, officer_id: int, ticket_id: int, text: str) -> None:
        text = text.strip()
        if not text:
            raise queue.QueueError("empty", "the note is empty")

        def work(session: Session) -> List[int]:
            officer = self._officer(session, officer_id)
            ticket = self._ticket(session, officer, ticket_id, policy.can_read)
            session.add(TicketNote(ticket_id=ticket.id, officer_id=officer.id, text=text[:4000]))
            accounts.audit(session, officer.id, "note", ticket.id)
            return consults.ask_mentioned(session, officer, ticket, text)

        asked = await self.db.run_async(work)
        await self.announce({"type": "message", "ticket_id": ticket_id})
        for consult_id in asked:
            await self.announce({"type": "consult", "consult_id": consult_id, "ticket_id": ticket_id})

    async def ask_expert(self, officer_id: int, ticket_id: int, question: str, team: str) -> int:
        """A consult to the experts of an area; they are told live on their console."""
        question = question.strip()
        if not question:
            raise queue.QueueError("empty", "the question is empty")

        def work(session: Session) -> int:
            officer = self._officer(session, officer_id)
            return consults.ask(session, officer, ticket_id, question, team=team).id

        consult_id = await self.db.run_async(work)
        await self.announce({"type": "consult", "consult_id": consult_id, "ticket_id": ticket_id})
        return consult_id

    async def answer_consult(self, expert_id: int, consult_id: int, text: str) -> None:
        """The expert's private answer; it appears in the asking officer's ticket thread."""
        text = text.strip()
        if not text:
            raise queue.QueueError("empty", "the answer is empty")

        def work(session: Session) -> int:
            return consults.answer(session, self._officer(session, expert_id), consult_id, text).ticket_id

        ticket_id = await self.db.run_async(work)
        await self.announce({"type": "consult", "consult_id": consult_id, "ticket_id": ticket_id})

    # --- helpers -----------------------------------------------------------------------

    def _officer(self, session: Session, officer_id: Optional[int]) -> Officer:
        officer = session.get(Officer, officer_id) if officer_id else None
        if officer is None or not officer.active:
            raise queue.QueueError("no_officer", "no such officer")
        return officer

    def _ticket(
        self, session: Session, officer: Officer, ticket_id: int,
        may: Callable[[Officer, Ticket], bool], need_active: bool = False,
    ) -> Ticket:
        """The ticket if `may(officer, ticket)`. One the officer may not read is "not_found"
        (the same answer as a missing one: ids are sequential); one they may read but not
        act on is "not_yours"."""
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or not policy.can_read(officer, ticket):
            raise queue.QueueError("not_found", "no such ticket")
        if need_active and ticket.status != "active":
            raise queue.QueueError("not_active", "this ticket is not active")
        if not may(officer, ticket):
            raise queue.QueueError("not_yours", "this ticket belongs to another officer")
        return ticket

    async def deliver_pending(self, conversation_id: str) -> bool:
        """Push what waits for this citizen (an answer given after an outage, an officer's
        line) where the channel can push; otherwise it stays pending for the next reply."""

        def load(session: Session) -> tuple[Optional[Conversation], List[Dict[str, Any]]]:
            return (transcripts.find_conversation(session, conversation_id),
                    transcripts.pending_lines(session, conversation_id))

        conversation, lines = await self.db.run_async(load)
        if conversation is None or not lines:
            return False
        messages = [cast(BotMessage, {**{k: v for k, v in line.items() if k != "id"}, "line": line["id"]})
                    for line in lines]
        if not await self._deliver(conversation, messages, ""):
            return False
        await self.db.run_async(transcripts.mark_sent, [line["id"] for line in lines])  # those still pending
        return True

    async def _notify(self, line: _Line, sender: str = "system") -> str:
        """Hand a stored (pending) line to the citizen's channel; the line's status after.
        A channel that cannot push (REST), or a failed hand-over, leaves it "pending": the
        router delivers it with the citizen's next reply, so nothing is lost. A push channel
        posts it to the outbox ("queued"), which marks it "sent" or "failed" itself; a
        channel that showed it at once (the web chat) makes it "sent" here. A channel that
        refuses for good (NotDeliverable: a closed messaging window) refuses an officer's
        message: "refused", and the officer is told why."""
        message = cast(BotMessage, {"text": line.text, "line": line.id, **({"buttons": line.buttons} if line.buttons else {})})
        try:
            delivered = await self._deliver(line.conversation, [message], sender)
        except NotDeliverable as refused:
            if sender != "officer":
                return "pending"
            await self.db.run_async(
                lambda session: transcripts.mark_message(session, line.id, status="refused"))
            raise queue.QueueError(refused.code, str(refused)) from None
        if not delivered:
            return "pending"

        def settle(session: Session) -> str:
            row = session.get(Message, line.id)
            assert row is not None
            if row.status == "pending":
                row.status = "sent"
            return str(row.status)

        return await self.db.run_async(settle)

    async def _deliver(self, conversation: Conversation, messages: List[BotMessage], sender: str) -> bool:
        deliver = self.deliverers.get(conversation.channel)
        if deliver is None:
            return False
        try:
            return await deliver(conversation, messages, sender)
        except NotDeliverable:
            raise
        except Exception:  # the message is stored; the citizen sees it on their next visit
            log.exception("could not deliver to %s", conversation.id)
            return False

    async def _record(self, conversation_id: str, outcome: str) -> None:
        """The Rasa tracker records how the handoff ended; the bot is in charge again."""
        if self.record_in_tracker is None:
            return
        try:
            await self.record_in_tracker(conversation_id, [
                {"event": "slot", "name": "handoff_outcome", "value": outcome},
                {"event": "slot", "name": "handoff_reason", "value": None},
            ])
        except Exception:
            log.exception("could not record the handoff outcome in the tracker of %s", conversation_id)
