"""Typing indicators between a citizen and the officer who holds their ticket.

- Citizen -> officer: the web chat sends {"type": "typing"} while the citizen types (at most
  one every few seconds); if their conversation has an active ticket, every console gets
  {"type": "citizen_typing", "ticket_id": N} (ids only, like every console event), and the
  one showing that ticket says "The person is typing…" for a few seconds.
- Officer -> citizen: the console sends {"type": "typing", "ticket_id": N} over /console/ws
  while the officer types in the composer; if the account may act on the ticket
  (policy.can_act: deny by default) and it is active, the citizen's channel shows it with the
  officer's first name: a channel that can implements channels.TypingChannel.show_typing
  (the web chat: "Marie is typing…"; Telegram: sendChatAction; Messenger: typing_on).
  Other channels show nothing.

A typing signal is never stored, never in a transcript or the outbox, never retried: a
signal that cannot be shown is dropped and logged with the ticket id and the channel only.
Both directions are throttled here too (a client that floods gets one signal per
SERVER_EVERY_SECONDS per conversation, or per officer and ticket), so a flood costs no
database work.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any, Awaitable, Callable, Dict, Hashable, Optional, Tuple

from sqlalchemy.orm import Session

from bot.handoff import policy, queue
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Conversation, Officer, Ticket

log = logging.getLogger(__name__)

# The pages send at most one signal every 3 s; the server lets one through every 2 s, so a
# page's signal late by network jitter is not dropped.
SERVER_EVERY_SECONDS = 2.0
MAX_TRACKED = 10_000

ShowTyping = Callable[[Conversation, str], Awaitable[None]]
Announce = Callable[[Dict[str, Any]], Awaitable[None]]


def first_name(display_name: Optional[str]) -> str:
    """What the citizen is told of an officer: "Marie Tremblay" -> "Marie". Staff pages
    keep the full name."""
    words = (display_name or "").split()
    return words[0] if words else ""


class Throttle:
    """At most one signal per key every `every` seconds."""

    def __init__(self, every: float = SERVER_EVERY_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self.clock = clock
        self._last: Dict[Hashable, float] = {}

    def allow(self, key: Hashable) -> bool:
        now = self.clock()
        last = self._last.get(key)
        if last is not None and now - last < self.every:
            return False
        if len(self._last) >= MAX_TRACKED:  # forget the keys whose interval is over
            self._last = {k: t for k, t in self._last.items() if now - t < self.every}
        self._last[key] = now
        return True


class TypingRelay:
    """app[TYPING]: the gateway builds one; channels that show typing register in `shows`.
    `clock` is an attribute so tests move it instead of waiting out the throttle."""

    def __init__(self, db: Database, announce: Announce, every: float = SERVER_EVERY_SECONDS) -> None:
        self.db = db
        self.announce = announce
        self.shows: Dict[str, ShowTyping] = {}
        self.clock: Callable[[], float] = time.monotonic
        self._citizens = Throttle(every, lambda: self.clock())
        self._officers = Throttle(every, lambda: self.clock())

    async def citizen_typing(self, conversation_id: str) -> bool:
        """The citizen of this conversation is typing: True if the consoles were told."""
        if not self._citizens.allow(conversation_id):
            return False

        def work(session: Session) -> Optional[int]:
            ticket = queue.open_ticket(session, conversation_id)
            return ticket.id if ticket is not None and ticket.status == "active" else None

        ticket_id = await self.db.run_async(work)
        if ticket_id is None:
            return False
        await self.announce({"type": "citizen_typing", "ticket_id": ticket_id})
        return True

    async def officer_typing(self, officer_id: int, ticket_id: int) -> bool:
        """The officer types to the citizen of this ticket: True if the citizen's channel
        took the signal. Refused (False) unless the account may act on an active ticket."""
        if not self._officers.allow((officer_id, ticket_id)):
            return False

        def work(session: Session) -> Optional[Tuple[Conversation, str]]:
            officer = session.get(Officer, officer_id)
            ticket = session.get(Ticket, ticket_id)
            if officer is None or ticket is None or ticket.status != "active" or not policy.can_act(officer, ticket):
                return None
            conversation = transcripts.find_conversation(session, ticket.conversation_id)
            return (conversation, first_name(officer.display_name)) if conversation is not None else None

        found = await self.db.run_async(work)
        if found is None:
            return False
        conversation, name = found
        show = self.shows.get(conversation.channel)
        if show is None:
            return False
        try:
            await show(conversation, name)
        except Exception as error:  # a typing signal is a courtesy: dropped, never retried
            log.info("typing: not shown on %s for ticket %s (%s)", conversation.channel, ticket_id,
                     type(error).__name__)
            return False
        return True

    async def console_frame(self, officer_id: int, raw: Any) -> None:
        """A frame the console sent on /console/ws. Only {"type": "typing", "ticket_id": N}
        means something; anything else is ignored (the socket is for live events)."""
        try:
            data = json.loads(raw) if isinstance(raw, str) and len(raw) <= 200 else None
        except ValueError:
            return
        ticket_id = data.get("ticket_id") if isinstance(data, dict) else None
        if (isinstance(data, dict) and data.get("type") == "typing" and isinstance(ticket_id, int)
                and not isinstance(ticket_id, bool) and 0 < ticket_id < 2**63):
            await self.officer_typing(officer_id, ticket_id)
