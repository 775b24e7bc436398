"""Service figures for supervisors over a period, optionally for one channel or language.

Read from the transcripts and tickets (the same tables on every replica):
conversations, citizen messages, top intents, fallback rate, handoff and containment
rates, handoff reasons, queue wait and officer first response (p50 / p90), outcomes,
satisfaction ratings, conversations and messages per day, and the questions officers asked
experts: consults per area and time to the expert's answer (p50 / p90).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Dict, List, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage import transcripts
from bot.storage.models import Consult, Message, Ticket, aware
from bot.vocabulary import CHANNELS as channel_names, FALLBACK_INTENTS

NOT_UNDERSTOOD = FALLBACK_INTENTS


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    channel: Optional[str] = None
    language: Optional[str] = None

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


def figures(session: Session, period: Period) -> Dict[str, Any]:
    messages = select(Message).where(Message.sender == "citizen", Message.created_at >= period.since,
                                     Message.created_at < period.until)
    if period.channel:
        messages = messages.where(Message.channel == period.channel)
    if period.language:
        messages = messages.where(Message.language == period.language)
    rows = list(session.execute(messages).scalars())

    tickets = select(Ticket).where(Ticket.created_at >= period.since, Ticket.created_at < period.until)
    if period.channel:
        tickets = tickets.where(Ticket.channel == period.channel)
    if period.language:
        tickets = tickets.where(Ticket.language == period.language)
    handoffs = list(session.execute(tickets).scalars())

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
                   "channel": period.channel or "all", "language": period.language or "all"},
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
        "outcomes": Counter(t.outcome or t.status for t in handoffs).most_common(),
        "ratings": {"count": len(ratings), "average": (sum(ratings) / len(ratings)) if ratings else None,
                    "distribution": [sum(1 for r in ratings if r == n) for n in range(1, 6)]},
        "per_day": [(key, counts[0], counts[1]) for key, counts in per_day.items()],
        "consults": consult_figures(session, period),
    }


def consult_figures(session: Session, period: Period) -> Dict[str, Any]:
    """Consults asked in the period (of tickets of its channel and language): per area, and
    the time from the question to the expert's answer."""
    asked = (select(Consult).join(Ticket, Ticket.id == Consult.ticket_id)
             .where(Consult.created_at >= period.since, Consult.created_at < period.until))
    if period.channel:
        asked = asked.where(Ticket.channel == period.channel)
    if period.language:
        asked = asked.where(Ticket.language == period.language)
    rows = list(session.execute(asked).scalars())
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
    if channel is not None and channel not in channel_names:
        return None, "unknown channel"
    if language not in (None, "en", "fr"):
        return None, "unknown language"
    return Period(start, end, channel, language), ""
