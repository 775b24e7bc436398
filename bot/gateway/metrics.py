"""Operations metrics in the Prometheus text format, at GET /metrics.

Counters and the latency histogram are kept in this process (each replica exposes its
own, as Prometheus expects); the queue gauges are read from the database at scrape time,
so they agree across replicas. Readers: a bearer token (GOVBOT_METRICS_TOKEN), or this
machine only when none is set.
"""

from __future__ import annotations

import bisect
import hmac
from collections import Counter
from typing import Dict, List, Optional, Sequence, Tuple

from aiohttp import web
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.gateway.clients import is_this_machine
from bot.storage.models import Ticket
from bot.vocabulary import FALLBACK_INTENTS, OPEN_STATES

LabelSet = Tuple[Tuple[str, str], ...]
BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def _labels(**labels: str) -> LabelSet:
    return tuple(sorted(labels.items()))


def _escape(value: object) -> str:
    """A label value as the exposition format wants it: backslash, double quote and line
    feed escaped, so no value can end the label set or start a new line."""
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _format(labels: LabelSet, extra: Sequence[Tuple[str, str]] = ()) -> str:
    pairs = list(labels) + list(extra)
    if not pairs:
        return ""
    return "{" + ",".join(f'{k}="{_escape(v)}"' for k, v in pairs) + "}"


class Metrics:
    def __init__(self) -> None:
        self.messages: Counter[LabelSet] = Counter()
        self.handoffs: Counter[LabelSet] = Counter()
        self.engine_errors = 0
        self._latency: Dict[LabelSet, List[int]] = {}
        self._latency_sum: Counter[LabelSet] = Counter()
        self.deliveries: Counter[LabelSet] = Counter()

    def delivery(self, channel: str, result: str) -> None:
        """One outbox attempt on a push channel: sent, retried or failed (bot/gateway/outbox.py)."""
        self.deliveries[_labels(channel=channel, result=result)] += 1

    def message(self, channel: str, language: str, outcome: str, intent: str | None) -> None:
        kind = "fallback" if intent in FALLBACK_INTENTS else "understood" if intent else "none"
        self.messages[_labels(channel=channel, language=language, outcome=outcome, nlu=kind)] += 1

    def handoff(self, reason: str, team: str, language: str) -> None:
        self.handoffs[_labels(reason=reason, team=team, language=language)] += 1

    def engine_latency(self, channel: str, seconds: float) -> None:
        key = _labels(channel=channel)
        counts = self._latency.setdefault(key, [0] * (len(BUCKETS) + 1))
        counts[bisect.bisect_left(BUCKETS, seconds)] += 1
        self._latency_sum[key] += seconds  # type: ignore[assignment]

    def render(self, queue: Dict[LabelSet, int], officers_connected: int,
               outbox_waiting: Optional[Dict[str, int]] = None) -> str:
        out: List[str] = [
            "# HELP govbot_messages_total Citizen messages handled, by channel, language, outcome and NLU result.",
            "# TYPE govbot_messages_total counter",
        ]
        out += [f"govbot_messages_total{_format(k)} {v}" for k, v in sorted(self.messages.items())]
        out += ["# HELP govbot_handoffs_total Conversations handed to officers.",
                "# TYPE govbot_handoffs_total counter"]
        out += [f"govbot_handoffs_total{_format(k)} {v}" for k, v in sorted(self.handoffs.items())]
        out += ["# HELP govbot_engine_errors_total Messages the engine could not answer (kept, citizen told).",
                "# TYPE govbot_engine_errors_total counter", f"govbot_engine_errors_total {self.engine_errors}"]
        out += ["# HELP govbot_engine_seconds Time the dialogue engine took per message.",
                "# TYPE govbot_engine_seconds histogram"]
        for key, counts in sorted(self._latency.items()):
            running = 0
            for bound, count in zip(list(BUCKETS) + ["+Inf"], counts):  # type: ignore[operator]
                running += count
                out.append(f"govbot_engine_seconds_bucket{_format(key, [('le', str(bound))])} {running}")
            out.append(f"govbot_engine_seconds_sum{_format(key)} {self._latency_sum[key]:.6f}")
            out.append(f"govbot_engine_seconds_count{_format(key)} {running}")
        out += ["# HELP govbot_queue_tickets Handoff tickets by status, team and language.",
                "# TYPE govbot_queue_tickets gauge"]
        out += [f"govbot_queue_tickets{_format(k)} {v}" for k, v in sorted(queue.items())]
        out += ["# HELP govbot_console_sockets Officer console sockets open on this replica.",
                "# TYPE govbot_console_sockets gauge", f"govbot_console_sockets {officers_connected}"]
        out += ["# HELP govbot_outbox_messages_total Outbox send attempts on push channels, by result.",
                "# TYPE govbot_outbox_messages_total counter"]
        out += [f"govbot_outbox_messages_total{_format(k)} {v}" for k, v in sorted(self.deliveries.items())]
        out += ["# HELP govbot_outbox_waiting Outbox lines waiting for a retry, by channel.",
                "# TYPE govbot_outbox_waiting gauge"]
        out += [f"govbot_outbox_waiting{_format(_labels(channel=name))} {count}"
                for name, count in sorted((outbox_waiting or {}).items())]
        return "\n".join(out) + "\n"


def queue_gauges(session: Session) -> Dict[LabelSet, int]:
    rows = session.execute(
        select(Ticket.status, Ticket.team, Ticket.language, func.count(Ticket.id))
        .where(Ticket.status.in_(OPEN_STATES))
        .group_by(Ticket.status, Ticket.team, Ticket.language)
    ).all()
    return {_labels(status=s, team=t, language=lang): int(n) for s, t, lang, n in rows}


def _refusal(request: web.Request) -> Optional[web.Response]:
    """With GOVBOT_METRICS_TOKEN, the scraper sends it as a bearer token; without, only this
    machine (not a proxy forwarding someone) may read the figures."""
    from bot.gateway.keys import SETTINGS

    token = str(request.app[SETTINGS].metrics_token)
    if token:
        sent = request.headers.get("Authorization", "")
        if hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return None
        return web.json_response({"error": "unauthorized", "message": "send the metrics bearer token"},
                                 status=401, headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    if is_this_machine(request):
        return None
    return web.json_response({"error": "forbidden", "message": "metrics are read from this machine, "
                              "or with GOVBOT_METRICS_TOKEN"}, status=403)


async def endpoint(request: web.Request) -> web.Response:
    from bot.gateway.keys import DATABASE, DESK, METRICS, OUTBOX

    refused = _refusal(request)
    if refused is not None:
        return refused
    queue = await request.app[DATABASE].run_async(queue_gauges)
    outbox = request.app.get(OUTBOX)
    body = request.app[METRICS].render(queue, request.app[DESK].hub.connected,
                                       outbox.waiting() if outbox is not None else None)
    return web.Response(text=body, content_type="text/plain", charset="utf-8",
                        headers={"Cache-Control": "no-store"})
