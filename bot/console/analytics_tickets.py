"""The tickets behind an analytics figure (/console/analytics/tickets) and a ticket's
read-only transcript (/console/analytics/tickets/{id}/transcript).

The list takes the dashboard's filters (period, channel, language, officer) and the figure's
selection (status, outcome, reason, rating) from the URL and asks bot/analytics.py for the
same tickets its count counted. Each row opens the ticket in the console (`/console#ticket-<id>`,
read by console.js) and its transcript here. Supervisors and admins only, like the dashboard
(its `supervisor` rule: require_role with policy.can_see_analytics);
reading a transcript is written to the audit log.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlencode

from aiohttp import web
from sqlalchemy.orm import Session

from bot import analytics, vocabulary
from bot.gateway.keys import DATABASE
from bot.handoff import accounts, policy
from bot.console.analytics import period_of, supervisor
from bot.console.auth import Handler, Staff
from bot.console.pages import chosen_language, html_page, other_language_link, page_head
from bot.texts import label, say
from bot.storage import transcripts
from bot.storage.models import Officer, Ticket, aware

SENDERS = tuple(sender for sender in vocabulary.SENDERS if sender != "event")  # events are internal: never shown


def _time(moment: Optional[datetime]) -> str:
    return aware(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _what(period: analytics.Period, selection: analytics.Selection, names: Dict[int, str], language: str) -> str:
    """The filters and the selection, in words: the table's caption says what it lists."""
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    parts = []
    if period.channel:
        parts.append(label("channel", period.channel, language))
    if period.language:
        parts.append(t("french" if period.language == "fr" else "english"))
    if period.officer is not None:
        parts.append(names.get(period.officer, str(period.officer)))
    if selection.status:
        parts.append(label("status", selection.status, language))
    if selection.outcome:
        parts.append(label("outcome", selection.outcome, language))
    if selection.reason:
        parts.append(label("reason", selection.reason, language))
    if selection.rating is not None:
        parts.append(t("stars", n=selection.rating))
    return ", ".join(parts) or t("tickets_all")


def render_list(tickets: List[Ticket], names: Dict[int, str], period: analytics.Period,
                selection: analytics.Selection, language: str, other_language_href: str, back: str,
        staff: Optional[Staff] = None) -> str:
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    rows = []
    for ticket in tickets:
        tid = int(ticket.id)
        officer = names.get(int(ticket.officer_id), str(ticket.officer_id)) if ticket.officer_id else t("not_claimed")
        rating = t("stars", n=int(ticket.rating)) if ticket.rating else t("not_available")
        rows.append(
            f'<tr data-ticket-id="{tid}"><th scope="row">{tid}</th>'
            f"<td>{_time(ticket.created_at)}</td>"
            f"<td>{html.escape(label('channel', ticket.channel, language))}</td>"
            f'<td>{t("french" if ticket.language == "fr" else "english")}</td>'
            f"<td>{html.escape(label('team', ticket.team, language))}</td>"
            f"<td>{html.escape(label('reason', ticket.reason, language))}</td>"
            f"<td>{html.escape(officer)}</td>"
            f"<td>{html.escape(label('outcome', analytics.outcome_of(ticket), language))}</td>"
            f"<td>{html.escape(rating)}</td>"
            f'<td><a class="open-ticket" href="/console#ticket-{tid}">{html.escape(t("open_in_console", id=tid))}</a>'
            f' · <a class="transcript" href="/console/analytics/tickets/{tid}/transcript?lang={language}">'
            f'{html.escape(t("transcript_link", id=tid))}</a></td></tr>')
    headers = (t("ticket"), t("created_utc"), t("channel"), t("language"), t("team"), t("reason"), t("officer"),
               t("outcome"), t("rating_column"), t("links"))
    caption = t("tickets_caption", start=period.start.isoformat(), end=period.end.isoformat(),
                what=_what(period, selection, names, language))
    table = (f'<table id="tickets" class="data"><caption>{html.escape(caption)}</caption><thead><tr>'
             + "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
             + f'</tr></thead><tbody>{"".join(rows)}</tbody></table>') if rows else \
        f'<p id="tickets" class="empty">{t("no_tickets")}</p>'
    return page_head(t("tickets_title"), language, other_language_href, staff) + f"""
<p><a id="back-to-analytics" href="{html.escape(back)}">{t("back_to_analytics")}</a></p>
<p id="tickets-count" role="status">{t("tickets_count", count=len(tickets))}</p>
{table}
</main></body></html>"""


def render_transcript(ticket_id: int, lines: List[Dict[str, Any]], language: str, other_language_href: str,
        staff: Optional[Staff] = None) -> str:
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    rows = "".join(
        f'<tr><th scope="row">{html.escape((line.get("ts") or "")[:16].replace("T", " "))}</th>'
        f'<td>{t("sender_" + line["sender"])}</td>'
        f'<td lang="{line.get("language") or ""}">{html.escape(line["text"])}</td></tr>'
        for line in lines if line["sender"] in SENDERS)
    table = (f'<table id="transcript" class="data"><caption>{t("transcript_caption", id=ticket_id)}</caption>'
             f'<thead><tr><th scope="col">{t("time_utc")}</th><th scope="col">{t("sender")}</th>'
             f'<th scope="col">{t("text")}</th></tr></thead><tbody>{rows}</tbody></table>') if rows else \
        f'<p id="transcript" class="empty">{t("transcript_empty")}</p>'
    return page_head(t("transcript_title", id=ticket_id), language, other_language_href, staff) + f"""
<p><a class="open-ticket" href="/console#ticket-{ticket_id}">{html.escape(t("open_in_console", id=ticket_id))}</a></p>
{table}
</main></body></html>"""


@supervisor
async def ticket_list(request: web.Request, staff: Staff) -> web.Response:
    period = period_of(request)
    selection, error = analytics.parse_selection(dict(request.query))
    if selection is None:
        raise web.HTTPBadRequest(text=error)
    chosen = selection

    def work(session: Session) -> Tuple[List[Ticket], Dict[int, str]]:
        found = analytics.tickets_behind(session, period, chosen)
        for ticket in found:
            session.expunge(ticket)  # read after the session closes
        return found, dict(analytics.officer_names(session))

    tickets, names = await request.app[DATABASE].run_async(work)
    language = chosen_language(request)
    back_query = {k: v for k, v in request.query.items() if k not in ("status", "outcome", "reason", "rating")}
    back = "/console/analytics?" + urlencode(back_query)
    page = render_list(tickets, names, period, chosen, language, other_language_link(request, language), back, staff)
    return html_page(page)


@supervisor
async def transcript(request: web.Request, officer: Staff) -> web.Response:
    raw = request.match_info["ticket_id"]
    if not (raw.isascii() and raw.isdigit() and len(raw) < 10):
        raise web.HTTPNotFound(text=say("ticket_not_found", chosen_language(request)))
    ticket_id = int(raw)

    def work(session: Session) -> Optional[List[Dict[str, Any]]]:
        ticket = session.get(Ticket, ticket_id)
        reader = session.get(Officer, officer["id"])
        if ticket is None or reader is None or not policy.can_read(reader, ticket):
            return None
        accounts.audit(session, reader.id, "read_transcript", ticket.id, {"from": "analytics"})
        return transcripts.history(session, ticket.conversation_id, limit=500)

    lines = await request.app[DATABASE].run_async(work)
    if lines is None:
        raise web.HTTPNotFound(text=say("ticket_not_found", chosen_language(request)))
    language = chosen_language(request)
    page = render_transcript(ticket_id, lines, language, other_language_link(request, language), officer)
    return html_page(page)


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console/analytics/tickets", ticket_list),
    ("GET", "/console/analytics/tickets/{ticket_id}/transcript", transcript),
]

