"""The supervisors' analytics dashboard (/console/analytics) and its CSV export.

Server-rendered HTML with SVG charts drawn with attributes only, so the console's strict
Content-Security-Policy (no inline script or style; bot/gateway/headers.py) holds.
Supervisors and admins only (policy.can_see_analytics).
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from aiohttp import web

from bot import analytics
from bot.console.auth import Handler, Staff, require_role
from bot.console.pages import chosen_language, decimal, html_page, other_language_link, page_head
from bot.gateway.keys import DATABASE
from bot.handoff import policy
from bot.intent_labels import intent_label
from bot.texts import label, say
from bot.vocabulary import CHANNELS, OPEN_STATES  # a ticket's open states are not outcomes: shown apart


def _percent(value: Optional[float], language: str) -> str:
    if value is None:
        return say("not_available", language)
    return f"{value:.0%}" if language == "en" else f"{value * 100:.0f} %"


def _duration(seconds: Optional[float], language: str) -> str:
    if seconds is None:
        return say("not_available", language)
    return f"{seconds:.0f} s" if seconds < 120 else f"{decimal(seconds / 60, 1, language)} min"


def _table(chart_id: str, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], language: str) -> str:
    """The chart's numbers as a table under it: what a screen reader (or anyone) reads exactly."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + f'<th scope="row">{html.escape(str(row[0]))}</th>' +
                   "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row[1:]) + "</tr>" for row in rows)
    caption = html.escape(say("figures_of", language, title=title))
    return (f'<table id="{chart_id}-table" class="data"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _bars(chart_id: str, title: str, items: Sequence[Tuple[str, float]], language: str, unit: str = "",
          words: Optional[str] = None, name_of: Optional[Callable[[str], str]] = None) -> str:
    """`words`: the catalogue prefix that puts each item's code in words, or `name_of` does
    (its data-name keeps the code). A table of the same numbers follows the chart."""
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
    return "".join(parts) + _table(chart_id, title, headers, [(name_of(n), f"{v:g}{unit}") for n, v in items], language)


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


def _select(name: str, label: str, options: Sequence[Tuple[str, str]], chosen: Optional[str]) -> str:
    opts = "".join(f'<option value="{v}"{" selected" if (chosen or "") == v else ""}>{html.escape(t)}</option>'
                   for v, t in options)
    return f'<label for="{name}">{label}</label><select id="{name}" name="{name}">{opts}</select>'


def render(data: Dict[str, Any], period: analytics.Period, query: str, language: str = "en",
           other_language_href: str = "?lang=fr", staff: Optional[Staff] = None) -> str:
    def t(key: str, **values: Any) -> str:
        return say(key, language, **values)

    average = data["ratings"]["average"]
    summary = [
        ("conversations", t("conversations"), str(data["conversations"])),
        ("messages", t("messages"), str(data["messages"])),
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
    tiles = "".join(f'<div class="tile" id="fig-{key}"><dt>{label}</dt><dd>{html.escape(value)}</dd></div>'
                    for key, label, value in summary)
    ratings = [(t("stars", n=n), float(c)) for n, c in enumerate(data["ratings"]["distribution"], start=1)]
    channels = [("", t("all_channels"))] + [(name, t(f"channel_{name}")) for name in CHANNELS]
    languages = [("", t("both_languages")), ("en", t("english")), ("fr", t("french"))]
    return page_head(t("analytics_title"), language, other_language_href, staff) + f"""
<form method="get" action="/console/analytics" class="filters">
<input type="hidden" name="lang" value="{language}">
<label for="start">{t("from")}</label><input id="start" name="start" type="date" value="{period.start.isoformat()}">
<label for="end">{t("to")}</label><input id="end" name="end" type="date" value="{period.end.isoformat()}">
{_select("channel", t("channel"), channels, period.channel)}
{_select("language", t("language"), languages, period.language)}
<button class="btn btn-primary" type="submit">{t("show")}</button>
<a id="csv" href="/console/analytics.csv?{html.escape(query)}">{t("csv")}</a>
</form>
<dl class="tiles">{tiles}</dl>
<h2>{t("per_day")}</h2>{_per_day(data["per_day"], language)}
<h2>{t("top_intents")}</h2>{_bars("top-intents", t("top_intents"), [(n, float(c)) for n, c in data["top_intents"]], language,
                                   name_of=lambda name: intent_label(name, language))}
<h2>{t("handoff_reasons")}</h2>{_bars("reasons", t("handoff_reasons"), [(n, float(c)) for n, c in data["handoff_reasons"]], language, words="reason")}
<h2>{t("outcomes")}</h2>{_bars("outcomes", t("outcomes"), [(n, float(c)) for n, c in data["outcomes"] if n not in OPEN_STATES], language, words="outcome")}
<h2>{t("still_open")}</h2>{_bars("open-states", t("still_open"), [(n, float(c)) for n, c in data["outcomes"] if n in OPEN_STATES], language, words="outcome")}
<h2>{t("consults_per_area")}</h2>{_bars("consults", t("consults_per_area"), [(n, float(c)) for n, c in data["consults"]["per_area"]], language, words="team")}
<h2>{t("ratings")}</h2>{_bars("ratings", t("ratings"), ratings, language)}
</main></body></html>"""


def _period(request: web.Request) -> analytics.Period:
    period, error = analytics.parse_period(dict(request.query), date.today())
    if period is None:
        raise web.HTTPBadRequest(text=error)
    return period


@require_role(policy.can_see_analytics, kind="page")
async def page(request: web.Request, staff: Staff) -> web.Response:
    period = _period(request)
    data = await request.app[DATABASE].run_async(analytics.figures, period)
    language = chosen_language(request)
    return html_page(render(data, period, request.query_string, language,
                            other_language_link(request, language), staff))


@require_role(policy.can_see_analytics, kind="page")
async def export(request: web.Request, staff: Staff) -> web.Response:
    period = _period(request)
    data = await request.app[DATABASE].run_async(analytics.figures, period)
    name = f"govbot-analytics-{period.start}-{period.end}.csv"
    return web.Response(text=analytics.to_csv(data), content_type="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console/analytics", page),
    ("GET", "/console/analytics.csv", export),
]
