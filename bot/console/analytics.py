"""The supervisors' analytics dashboard (/console/analytics) and its CSV export.

Server-rendered HTML with SVG charts drawn with attributes only, so the console's strict
Content-Security-Policy (no inline script or style; bot/gateway/headers.py) holds.
Supervisors and admins only (policy.can_see_analytics, through require_role).
Filters (period, channel, language, officer) live in the URL; every ticket count links to the
list of its tickets (bot/console/analytics_tickets.py), with the same filters.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple
from urllib.parse import urlencode

from aiohttp import web

from bot import analytics
from bot.console.auth import Handler, Staff, require_role
from bot.console.pages import chosen_language, decimal, html_page, other_language_link, page_head
from bot.gateway.keys import DATABASE
from bot.handoff import policy
from bot.intent_labels import intent_label
from bot.texts import label, say
from bot.vocabulary import CHANNELS as channel_names
from bot.vocabulary import OPEN_STATES  # a ticket's open states are not outcomes: shown apart

# Who sees the analytics: the dashboard, its CSV, the tickets behind a count (analytics_tickets.py).
supervisor = require_role(policy.can_see_analytics, kind="page")


def _percent(value: Optional[float], language: str) -> str:
    if value is None:
        return say("not_available", language)
    return f"{value:.0%}" if language == "en" else f"{value * 100:.0f} %"


def _duration(seconds: Optional[float], language: str) -> str:
    if seconds is None:
        return say("not_available", language)
    return f"{seconds:.0f} s" if seconds < 120 else f"{decimal(seconds / 60, 1, language)} min"


def tickets_href(period: analytics.Period, language: str,
                 selection: analytics.Selection = analytics.Selection(), **narrower: Any) -> str:
    """The list of the tickets behind a figure: the page's filters, the figure's selection;
    `narrower` overrides a filter (channel=..., officer=...)."""
    query: Dict[str, Any] = {"start": period.start.isoformat(), "end": period.end.isoformat(),
                             "channel": period.channel, "language": period.language, "officer": period.officer}
    query.update(narrower)
    query.update(selection.query())
    query["lang"] = language
    return "/console/analytics/tickets?" + urlencode({k: v for k, v in query.items() if v is not None})


def _link(text: str, href: Optional[str]) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>' if href else html.escape(text)


def _table(chart_id: str, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], language: str,
           links: Optional[Sequence[Optional[str]]] = None) -> str:
    """The chart's numbers as a table under it: what a screen reader (or anyone) reads exactly.
    `links`: per row, where its last number leads (the tickets behind it)."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    hrefs = list(links) if links is not None else [None] * len(rows)
    body = "".join("<tr>" + f'<th scope="row">{html.escape(str(row[0]))}</th>' +
                   "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row[1:-1]) +
                   (f"<td>{_link(str(row[-1]), href)}</td>" if len(row) > 1 else "") + "</tr>"
                   for row, href in zip(rows, hrefs))
    caption = html.escape(say("figures_of", language, title=title))
    return (f'<table id="{chart_id}-table" class="data"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _bars(chart_id: str, title: str, items: Sequence[Tuple[str, float]], language: str, unit: str = "",
          words: Optional[str] = None, name_of: Optional[Callable[[str], str]] = None,
          link_of: Optional[Callable[[str], str]] = None) -> str:
    """`words`: the catalogue prefix that puts each item's code in words, or `name_of` does
    (its data-name keeps the code). A table of the same numbers follows the chart; with
    `link_of`, each number there links to its tickets."""
    if not items:
        return f'<p id="{chart_id}" class="empty">{say("no_data", language)}</p>'
    if name_of is None:
        name_of = (lambda name: label(words, name, language)) if words else str
    row, width, gutter = 22, 300, 210
    top = max(value for _, value in items) or 1
    parts = [f'<svg id="{chart_id}" role="img" aria-labelledby="{chart_id}-t" width="{gutter + width + 70}" '
             f'height="{row * len(items) + 8}"><title id="{chart_id}-t">{html.escape(title)}</title>']
    for i, (name, value) in enumerate(items):
        y = 4 + i * row
        parts.append(f'<text x="{gutter - 6}" y="{y + 14}" text-anchor="end" font-size="13" fill="#333">'
                     f'{html.escape(name_of(name))}</text>')
        parts.append(f'<rect class="bar" data-name="{html.escape(str(name))}" x="{gutter}" y="{y}" '
                     f'width="{max(2, value / top * width):.1f}" height="{row - 6}" fill="#26374a"/>')
        parts.append(f'<text x="{gutter + value / top * width + 6:.1f}" y="{y + 14}" font-size="13" '
                     f'fill="#333">{value:g}{unit}</text>')
    parts.append("</svg>")
    headers = (say("table_category", language), say("table_count", language))
    links = [link_of(n) for n, _ in items] if link_of else None
    return "".join(parts) + _table(chart_id, title, headers, [(name_of(n), f"{v:g}{unit}") for n, v in items],
                                   language, links)


def _per_day(days: List[Tuple[str, int, int]], language: str) -> str:
    if not days:
        return ""
    width, height, left = 640, 160, 40
    top = max(max(c, m) for _, c, m in days) or 1
    step = (width - left) / max(len(days), 1)
    parts = [f'<svg id="per-day" role="img" aria-labelledby="per-day-t" width="{width}" height="{height + 40}">'
             f'<title id="per-day-t">{say("per_day_title", language)}</title>',
             # the vertical axis: its top value and zero
             f'<line x1="{left - 4}" y1="5" x2="{left - 4}" y2="{height + 5}" stroke="#333"/>'
             f'<text x="{left - 8}" y="15" text-anchor="end" font-size="11" fill="#333">{top}</text>'
             f'<text x="{left - 8}" y="{height + 5}" text-anchor="end" font-size="11" fill="#333">0</text>']
    for i, (day, conversations, messages) in enumerate(days):
        x = left + i * step
        for offset, value, colour, kind in ((0, messages, "#a3b4c6", "messages"),
                                             (step * 0.4, conversations, "#26374a", "conversations")):
            h = value / top * height
            parts.append(f'<rect class="day-{kind}" data-day="{day}" data-value="{value}" x="{x + offset:.1f}" '
                         f'y="{height - h + 5:.1f}" width="{step * 0.38:.1f}" height="{h:.1f}" fill="{colour}"/>')
        if len(days) <= 14 or i % 7 == 0:
            parts.append(f'<text x="{x:.1f}" y="{height + 22}" font-size="11" fill="#333">{day[5:]}</text>')
    parts.append("</svg>")
    legend = (f'<ul class="legend" aria-label="{say("legend", language)}">'
              f'<li><span class="swatch swatch--dark"></span>{say("conversations", language)}</li>'
              f'<li><span class="swatch swatch--light"></span>{say("messages", language)}</li></ul>')
    headers = (say("table_day", language), say("conversations", language), say("messages", language))
    return "".join(parts) + legend + _table("per-day", say("per_day_title", language), headers, days, language)


def _data_table(table_id: str, caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                language: str) -> str:
    """A table whose cells are already HTML (numbers and links); the first cell heads its row."""
    if not rows:
        return f'<p id="{table_id}" class="empty">{say("no_data", language)}</p>'
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = "".join(f'<tr><th scope="row">{row[0]}</th>' + "".join(f"<td>{cell}</td>" for cell in row[1:]) + "</tr>"
                   for row in rows)
    return (f'<table id="{table_id}" class="data"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _per_officer(rows: Sequence[Dict[str, Any]], period: analytics.Period, language: str) -> str:
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    def href(officer: int, selection: analytics.Selection = analytics.Selection()) -> str:
        return tickets_href(period, language, selection, officer=officer)

    lines = []
    for row in rows:
        officer = row["officer"]
        outcomes = "<br>".join(
            _link(t("outcome_count", outcome=label("outcome", name, language), count=count),
                  href(officer, analytics.Selection(outcome=name)))
            for name, count in row["outcomes"])
        ratings = row["ratings"]
        lines.append((
            html.escape(row["name"]),
            _link(str(row["handled"]), href(officer)),
            _link(str(row["resolved"]), href(officer, analytics.Selection(status="resolved"))),
            html.escape(_duration(row["first_reply_p50"], language)),
            html.escape(_duration(row["handling_p50"], language)),
            outcomes,
            html.escape(t("not_available") if ratings["average"] is None else
                        t("ratings_count", average=decimal(ratings["average"], 1, language), count=ratings["count"])),
        ))
    headers = (t("officer"), t("handled"), t("resolved"), t("first_reply_p50"), t("handling_p50"), t("outcomes"),
               t("rating"))
    caption = t("per_officer_caption", start=period.start.isoformat(), end=period.end.isoformat())
    return _data_table("per-officer", caption, headers, lines, language)


def _per_channel(rows: Sequence[Dict[str, Any]], period: analytics.Period, language: str) -> str:
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    lines = [(
        html.escape(t(f"channel_{row['channel']}")), str(row["conversations"]), str(row["messages"]),
        _link(str(row["handoffs"]), tickets_href(period, language, channel=row["channel"])),
        html.escape(_percent(row["containment_rate"], language)),
        html.escape(_percent(row["handoff_rate"], language)),
        html.escape(_percent(row["fallback_rate"], language)),
    ) for row in rows]
    headers = (t("channel"), t("conversations"), t("messages"), t("handoffs"), t("containment"), t("handoff_rate"),
               t("fallback_rate"))
    caption = t("per_channel_caption", start=period.start.isoformat(), end=period.end.isoformat())
    return _data_table("per-channel", caption, headers, lines, language)


def _select(name: str, label: str, options: Sequence[Tuple[str, str]], chosen: Optional[str]) -> str:
    opts = "".join(f'<option value="{v}"{" selected" if (chosen or "") == v else ""}>{html.escape(t)}</option>'
                   for v, t in options)
    return f'<label for="{name}">{label}</label><select id="{name}" name="{name}">{opts}</select>'


def render(data: Dict[str, Any], period: analytics.Period, query: str, language: str = "en",
           other_language_href: str = "?lang=fr", officers: Sequence[Tuple[int, str]] = (), staff: Optional[Staff] = None) -> str:
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    def tickets(selection: analytics.Selection = analytics.Selection()) -> str:
        return tickets_href(period, language, selection)

    average = data["ratings"]["average"]
    summary = [
        ("conversations", t("conversations"), str(data["conversations"])),
        ("messages", t("messages"), str(data["messages"])),
        ("handoffs", t("handoffs"), str(data["handoffs"])),
        ("containment", t("containment"), _percent(data["containment_rate"], language)),
        ("handoff-rate", t("handoff_rate"), _percent(data["handoff_rate"], language)),
        ("fallback-rate", t("fallback_rate"), _percent(data["fallback_rate"], language)),
        ("wait-p50", t("wait_p50"), _duration(data["queue_wait_seconds"]["p50"], language)),
        ("wait-p90", t("wait_p90"), _duration(data["queue_wait_seconds"]["p90"], language)),
        ("response-p50", t("response_p50"), _duration(data["first_response_seconds"]["p50"], language)),
        ("response-p90", t("response_p90"), _duration(data["first_response_seconds"]["p90"], language)),
        ("expert-p50", t("expert_p50"), _duration(data["consults"]["answer_seconds"]["p50"], language)),
        ("expert-p90", t("expert_p90"), _duration(data["consults"]["answer_seconds"]["p90"], language)),
        ("rating", t("rating"), t("not_available") if average is None else
         t("ratings_count", average=decimal(average, 1, language), count=data["ratings"]["count"])),
    ]
    tiles = "".join(f'<div class="tile" id="fig-{key}"><dt>{label}</dt>'
                    f'<dd>{_link(value, tickets() if key == "handoffs" else None)}</dd></div>'
                    for key, label, value in summary)
    ratings = [(str(n), float(c)) for n, c in enumerate(data["ratings"]["distribution"], start=1)]
    channels = [("", t("all_channels"))] + [(name, t(f"channel_{name}")) for name in channel_names]
    languages = [("", t("both_languages")), ("en", t("english")), ("fr", t("french"))]
    people = [("", t("all_officers"))] + [(str(i), name) for i, name in officers]
    if period.officer is not None and str(period.officer) not in {value for value, _ in people}:
        people.append((str(period.officer), str(period.officer)))
    return page_head(t("analytics_title"), language, other_language_href, staff) + f"""
<form method="get" action="/console/analytics" class="filters">
<input type="hidden" name="lang" value="{language}">
<label for="start">{t("from")}</label><input id="start" name="start" type="date" value="{period.start.isoformat()}">
<label for="end">{t("to")}</label><input id="end" name="end" type="date" value="{period.end.isoformat()}">
{_select("channel", t("channel"), channels, period.channel)}
{_select("language", t("language"), languages, period.language)}
{_select("officer", t("officer"), people, None if period.officer is None else str(period.officer))}
<button class="btn btn-primary" type="submit">{t("show")}</button>
<a id="csv" href="/console/analytics.csv?{html.escape(query)}">{t("csv")}</a>
</form>
<p class="hint">{t("officer_hint")}</p>
<dl class="tiles">{tiles}</dl>
<h2>{t("per_officer")}</h2>{_per_officer(data.get("per_officer", []), period, language)}
<h2>{t("per_channel")}</h2>{_per_channel(data.get("per_channel", []), period, language)}
<h2>{t("per_day")}</h2>{_per_day(data["per_day"], language)}
<h2>{t("top_intents")}</h2>{_bars("top-intents", t("top_intents"), [(n, float(c)) for n, c in data["top_intents"]], language,
                                   name_of=lambda name: intent_label(name, language))}
<h2>{t("handoff_reasons")}</h2>{_bars("reasons", t("handoff_reasons"), [(n, float(c)) for n, c in data["handoff_reasons"]], language, words="reason",
                                            link_of=lambda n: tickets(analytics.Selection(reason=n)))}
<h2>{t("outcomes")}</h2>{_bars("outcomes", t("outcomes"), [(n, float(c)) for n, c in data["outcomes"] if n not in OPEN_STATES], language, words="outcome",
                               link_of=lambda n: tickets(analytics.Selection(outcome=n)))}
<h2>{t("still_open")}</h2>{_bars("open-states", t("still_open"), [(n, float(c)) for n, c in data["outcomes"] if n in OPEN_STATES], language, words="outcome",
                                   link_of=lambda n: tickets(analytics.Selection(outcome=n)))}
<h2>{t("consults_per_area")}</h2>{_bars("consults", t("consults_per_area"), [(n, float(c)) for n, c in data["consults"]["per_area"]], language, words="team")}
<h2>{t("ratings")}</h2>{_bars("ratings", t("ratings"), ratings, language, name_of=lambda n: t("stars", n=int(n)),
                               link_of=lambda n: tickets(analytics.Selection(rating=int(n))))}
</main></body></html>"""


def period_of(request: web.Request) -> analytics.Period:
    period, error = analytics.parse_period(dict(request.query), date.today())
    if period is None:
        raise web.HTTPBadRequest(text=error)
    return period


@supervisor
async def page(request: web.Request, staff: Staff) -> web.Response:
    period = period_of(request)

    def work(session: Any) -> Tuple[Dict[str, Any], List[Tuple[int, str]]]:
        return analytics.figures(session, period), analytics.officer_names(session)

    data, officers = await request.app[DATABASE].run_async(work)
    language = chosen_language(request)
    html_text = render(data, period, request.query_string, language, other_language_link(request, language),
                       officers, staff=staff)
    return html_page(html_text)


@supervisor
async def export(request: web.Request, staff: Staff) -> web.Response:
    period = period_of(request)
    data = await request.app[DATABASE].run_async(analytics.figures, period)
    name = f"govbot-analytics-{period.start}-{period.end}.csv"
    return web.Response(text=analytics.to_csv(data), content_type="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console/analytics", page),
    ("GET", "/console/analytics.csv", export),
]
