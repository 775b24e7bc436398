"""Service figures for supervisors over a period, optionally for one channel or language.

Read from the transcripts and tickets (the same tables on every replica):
conversations, citizen messages, top intents, fallback rate, handoff and containment
rates, handoff reasons, queue wait and officer first response (p50 / p90), outcomes,
satisfaction ratings, conversations and messages per day, and the questions officers asked
experts: consults per area and time to the expert's answer (p50 / p90). Per officer (tickets
handled and resolved, median first reply and handling time, outcomes, ratings) and per channel
(conversations, messages, handoffs, containment, handoff and fallback rates).

Every ticket figure can be opened as the list of its tickets: `tickets_behind` reads the same
query and applies the same test (`Selection.matches`) as the count, so a count and its list
never disagree. The officer filter narrows the tickets (not the conversations): with it the
handoff rate is the share of conversations handed to that officer.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Dict, List, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage import transcripts
from bot.storage.models import Consult, Message, Officer, Ticket, aware
from bot.vocabulary import CHANNELS as channel_names, FALLBACK_INTENTS

NOT_UNDERSTOOD = FALLBACK_INTENTS


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    channel: Optional[str] = None
    language: Optional[str] = None
    officer: Optional[int] = None  # an officer's id: only the tickets they hold

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=timezone.utc)

    @property
    def until(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=timezone.utc)


def percentile(values: Sequence[float], share: float) -> Optional[float]:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _ratio(part: int, whole: int) -> Optional[float]:
    return part / whole if whole else None


def _tickets(session: Session, period: Period) -> List[Ticket]:
    """The tickets of the period: every ticket figure and every list of tickets starts here."""
    query = select(Ticket).where(Ticket.created_at >= period.since, Ticket.created_at < period.until)
    return list(session.execute(_narrowed(query, period, Ticket.officer_id).order_by(Ticket.id)).scalars())


def _narrowed(query: Any, period: Period, officer_column: Any) -> Any:
    """A query over tickets (or joined to them) narrowed to the period's channel, language and
    officer (`officer_column`: who the officer filter applies to)."""
    if period.channel:
        query = query.where(Ticket.channel == period.channel)
    if period.language:
        query = query.where(Ticket.language == period.language)
    if period.officer is not None:
        query = query.where(officer_column == period.officer)
    return query


def outcome_of(ticket: Ticket) -> str:
    """Its outcome once closed, else its state (waiting, active)."""
    return str(ticket.outcome or ticket.status)


@dataclass(frozen=True)
class Selection:
    """Which tickets of the period a figure counts (empty: all of them, the handoffs); the
    period itself narrows to an officer or a channel."""
    status: Optional[str] = None  # resolved, cancelled, waiting, active
    outcome: Optional[str] = None  # as outcome_of() says
    reason: Optional[str] = None
    rating: Optional[int] = None

    def matches(self, ticket: Ticket) -> bool:
        return ((self.status is None or ticket.status == self.status)
                and (self.outcome is None or outcome_of(ticket) == self.outcome)
                and (self.reason is None or ticket.reason == self.reason)
                and (self.rating is None or ticket.rating == self.rating))

    def query(self) -> Dict[str, str]:
        """Its URL parameters (parse_selection reads them back)."""
        return {key: str(value) for key, value in self.__dict__.items() if value is not None}


def tickets_behind(session: Session, period: Period, selection: Selection) -> List[Ticket]:
    return [t for t in _tickets(session, period) if selection.matches(t)]


def officer_names(session: Session) -> List[Tuple[int, str]]:
    """(id, display name) of the accounts that answer citizens, for the officer filter."""
    rows = session.execute(select(Officer.id, Officer.display_name)
                           .where(Officer.role.in_(("officer", "supervisor", "admin")))
                           .order_by(Officer.display_name, Officer.id)).all()
    return [(int(i), str(name)) for i, name in rows]


def _seconds(start: Optional[datetime], end: Optional[datetime]) -> Optional[float]:
    return (aware(end) - aware(start)).total_seconds() if start and end else None


def per_officer(session: Session, handoffs: Sequence[Ticket]) -> List[Dict[str, Any]]:
    """One row per officer holding tickets of the period, most tickets first."""
    held: Dict[int, List[Ticket]] = {}
    for ticket in handoffs:
        if ticket.officer_id is not None:
            held.setdefault(int(ticket.officer_id), []).append(ticket)
    names = dict(session.execute(select(Officer.id, Officer.display_name).where(Officer.id.in_(list(held)))).all()) \
        if held else {}
    rows = []
    for officer_id, tickets in held.items():
        replies = [s for s in (_seconds(t.claimed_at, t.first_response_at) for t in tickets) if s is not None]
        handling = [s for s in (_seconds(t.claimed_at, t.closed_at) for t in tickets) if s is not None]
        ratings = [t.rating for t in tickets if t.rating]
        rows.append({
            "officer": officer_id, "name": str(names.get(officer_id, officer_id)),
            "handled": len(tickets), "resolved": sum(t.status == "resolved" for t in tickets),
            "first_reply_p50": percentile(replies, 0.5), "handling_p50": percentile(handling, 0.5),
            "outcomes": sorted(Counter(outcome_of(t) for t in tickets).items(), key=lambda i: (-i[1], i[0])),
            "ratings": {"count": len(ratings), "average": (sum(ratings) / len(ratings)) if ratings else None},
        })
    return sorted(rows, key=lambda row: (-row["handled"], row["name"]))


def per_channel(messages: Sequence[Message], handoffs: Sequence[Ticket]) -> List[Dict[str, Any]]:
    """One row per channel with citizen messages or tickets in the period, in channels' order."""
    rows = []
    for name in channel_names:
        said = [m for m in messages if m.channel == name]
        tickets = [t for t in handoffs if t.channel == name]
        if not said and not tickets:
            continue
        conversations = {m.conversation_id for m in said}
        handed_off = {t.conversation_id for t in tickets} & conversations
        typed = [m for m in said if m.intent and not transcripts.by_button(m)]
        rate = _ratio(len(handed_off), len(conversations))
        rows.append({
            "channel": name, "conversations": len(conversations), "messages": len(said),
            "handoffs": len(tickets), "handoff_rate": rate,
            "containment_rate": None if rate is None else 1 - rate,
            "fallback_rate": _ratio(sum(m.intent in NOT_UNDERSTOOD for m in typed), len(typed)),
        })
    return rows


def figures(session: Session, period: Period) -> Dict[str, Any]:
    messages = select(Message).where(Message.sender == "citizen", Message.created_at >= period.since,
                                     Message.created_at < period.until)
    if period.channel:
        messages = messages.where(Message.channel == period.channel)
    if period.language:
        messages = messages.where(Message.language == period.language)
    rows = list(session.execute(messages).scalars())

    handoffs = _tickets(session, period)

    conversations = {m.conversation_id for m in rows}
    handed_off = {t.conversation_id for t in handoffs} & conversations
    with_intent = [m for m in rows if m.intent]
    typed = [m for m in with_intent if not transcripts.by_button(m)]  # a pressed button is never a fallback
    waits = [(aware(t.claimed_at) - aware(t.queued_at)).total_seconds() for t in handoffs if t.claimed_at]
    responses = [(aware(t.first_response_at) - aware(t.claimed_at)).total_seconds()
                 for t in handoffs if t.first_response_at and t.claimed_at]
    ratings = [t.rating for t in handoffs if t.rating]
    per_day: Dict[str, List[int]] = {}
    day = period.start
    while day <= period.end:
        per_day[day.isoformat()] = [0, 0]
        day += timedelta(days=1)
    seen_per_day: Dict[str, set] = {}
    for m in rows:
        key = aware(m.created_at).date().isoformat()
        if key in per_day:
            per_day[key][1] += 1
            seen_per_day.setdefault(key, set()).add(m.conversation_id)
    for key, seen in seen_per_day.items():
        per_day[key][0] = len(seen)
    handoff_rate = _ratio(len(handed_off), len(conversations))
    return {
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat(),
                   "channel": period.channel or "all", "language": period.language or "all",
                   "officer": "all" if period.officer is None else str(period.officer)},
        "conversations": len(conversations),
        "messages": len(rows),
        "top_intents": Counter(m.intent for m in with_intent).most_common(10),
        "fallback_rate": _ratio(sum(m.intent in NOT_UNDERSTOOD for m in typed), len(typed)),
        "handoffs": len(handoffs),
        "handoff_rate": handoff_rate,
        "containment_rate": None if handoff_rate is None else 1 - handoff_rate,
        "handoff_reasons": Counter(t.reason for t in handoffs).most_common(),
        "queue_wait_seconds": {"p50": percentile(waits, 0.5), "p90": percentile(waits, 0.9)},
        "first_response_seconds": {"p50": percentile(responses, 0.5), "p90": percentile(responses, 0.9)},
        "outcomes": Counter(outcome_of(t) for t in handoffs).most_common(),
        "ratings": {"count": len(ratings), "average": (sum(ratings) / len(ratings)) if ratings else None,
                    "distribution": [sum(1 for r in ratings if r == n) for n in range(1, 6)]},
        "per_day": [(key, counts[0], counts[1]) for key, counts in per_day.items()],
        "consults": consult_figures(session, period),
        "per_officer": per_officer(session, handoffs),
        "per_channel": per_channel(rows, handoffs),
    }


def consult_figures(session: Session, period: Period) -> Dict[str, Any]:
    """Consults asked in the period (of tickets of its channel and language): per area, and
    the time from the question to the expert's answer."""
    asked = (select(Consult).join(Ticket, Ticket.id == Consult.ticket_id)
             .where(Consult.created_at >= period.since, Consult.created_at < period.until))
    rows = list(session.execute(_narrowed(asked, period, Consult.asked_by)).scalars())
    answers = [(aware(c.answered_at) - aware(c.created_at)).total_seconds() for c in rows if c.answered_at]
    return {
        "count": len(rows),
        "per_area": sorted(Counter(c.team for c in rows).items(), key=lambda item: (-item[1], item[0])),
        "answered": len(answers),
        "answer_seconds": {"p50": percentile(answers, 0.5), "p90": percentile(answers, 0.9)},
    }


def to_csv(data: Dict[str, Any]) -> str:
    """The same figures, one `section,name,value` row each, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "name", "value"])
    for key, value in data["period"].items():
        writer.writerow(["period", key, value])
    for key in ("conversations", "messages", "fallback_rate", "handoffs", "handoff_rate", "containment_rate"):
        writer.writerow(["summary", key, _cell(data[key])])
    for name, count in data["top_intents"]:
        writer.writerow(["top_intents", name, count])
    for name, count in data["handoff_reasons"]:
        writer.writerow(["handoff_reasons", name, count])
    for figure in ("queue_wait_seconds", "first_response_seconds"):
        for key, value in data[figure].items():
            writer.writerow([figure, key, _cell(value)])
    for name, count in data["outcomes"]:
        writer.writerow(["outcomes", name, count])
    writer.writerow(["ratings", "count", data["ratings"]["count"]])
    writer.writerow(["ratings", "average", _cell(data["ratings"]["average"])])
    for stars, count in enumerate(data["ratings"]["distribution"], start=1):
        writer.writerow(["ratings", f"{stars} stars", count])
    consults = data["consults"]
    writer.writerow(["consults", "count", consults["count"]])
    writer.writerow(["consults", "answered", consults["answered"]])
    for area, count in consults["per_area"]:
        writer.writerow(["consults_per_area", area, count])
    for key, value in consults["answer_seconds"].items():
        writer.writerow(["expert_answer_seconds", key, _cell(value)])
    for day, conversations, messages in data["per_day"]:
        writer.writerow(["conversations_per_day", day, conversations])
        writer.writerow(["messages_per_day", day, messages])
    for row in data["per_officer"]:
        for key in ("handled", "resolved", "first_reply_p50", "handling_p50"):
            writer.writerow([f"officer_{key}", row["name"], _cell(row[key])])
    for row in data["per_channel"]:
        for key in ("conversations", "messages", "handoffs", "containment_rate", "handoff_rate", "fallback_rate"):
            writer.writerow([f"channel_{key}", row["channel"], _cell(row[key])])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def parse_period(query: Dict[str, str], today: date) -> Tuple[Optional[Period], str]:
    """A period from the dashboard's form; the last 7 days by default."""
    try:
        end = date.fromisoformat(query["end"]) if query.get("end") else today
        start = date.fromisoformat(query["start"]) if query.get("start") else end - timedelta(days=6)
    except ValueError:
        return None, "dates are YYYY-MM-DD"
    if start > end or (end - start).days > 366:
        return None, "the start must be before the end, at most a year apart"
    channel = query.get("channel") or None
    language = query.get("language") or None
    officer = query.get("officer") or None
    if channel is not None and channel not in channel_names:
        return None, "unknown channel"
    if language not in (None, "en", "fr"):
        return None, "unknown language"
    if officer is not None and not (officer.isascii() and officer.isdigit() and len(officer) < 10):
        return None, "officer is an account number"
    return Period(start, end, channel, language, None if officer is None else int(officer)), ""


_CODE = re.compile(r"[a-z][a-z_]{0,39}")


def parse_selection(query: Dict[str, str]) -> Tuple[Optional[Selection], str]:
    """Which tickets a link asks for (the period's filters are read by parse_period)."""
    words = {key: query.get(key) or None for key in ("status", "outcome", "reason")}
    for key, value in words.items():
        if value is not None and not _CODE.fullmatch(value):
            return None, f"{key} is a lowercase code"
    rating = query.get("rating") or None
    if rating is not None and rating not in ("1", "2", "3", "4", "5"):
        return None, "rating is 1 to 5"
    return Selection(status=words["status"], outcome=words["outcome"], reason=words["reason"],
                     rating=None if rating is None else int(rating)), ""
