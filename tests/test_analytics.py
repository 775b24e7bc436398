"""Supervisor analytics: figures from real simulated conversations, the dashboard in
headless Chromium, the CSV export, and who may see them."""

from __future__ import annotations

import csv
import html
import io
import re
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict

import pytest

from bot import analytics
from bot.handoff import accounts
from bot.storage.database import Database
from tests.support.browser import browser, page  # noqa: F401
from tests.support.console_client import Officer
from channels import NAMES as channel_names
from tests.support.gateway import new_sender, rest, running_gateway

PASSWORD = "supervisor password 1"


def test_period_parsing():
    today = date(2026, 11, 23)
    period, _ = analytics.parse_period({}, today)
    assert (period.start, period.end) == (date(2026, 11, 17), today)
    assert analytics.parse_period({"start": "2026-13-01"}, today)[1] == "dates are YYYY-MM-DD"
    assert analytics.parse_period({"start": "2026-11-24", "end": "2026-11-23"}, today)[0] is None
    assert analytics.parse_period({"channel": "fax"}, today)[1] == "unknown channel"
    assert analytics.parse_period({"language": "de"}, today)[1] == "unknown language"


def test_percentile():
    assert analytics.percentile([], 0.5) is None
    assert analytics.percentile([10, 20, 30, 40], 0.5) == 30
    assert analytics.percentile([10, 20, 30, 40], 0.9) == 40


async def test_dashboard_and_csv_from_simulated_conversations(servers, settings, engine, tmp_path, page):  # noqa: F811
    if settings.transcripts_url.startswith("postgresql"):
        pytest.skip("run once, on SQLite; storage is covered by the gateway tests")
    isolated = replace(settings, database_url=f"sqlite:///{tmp_path / 'analytics.db'}")
    db = Database(isolated.transcripts_url)
    db.upgrade_schema()
    supervisor = f"sup{uuid.uuid4().hex[:6]}"
    officer = f"off{uuid.uuid4().hex[:6]}"
    db.run(lambda s: accounts.add_officer(s, supervisor, PASSWORD, role="supervisor",
                                          teams=("passport", "programs", "general"), languages=("en", "fr")))
    db.run(lambda s: accounts.add_officer(s, officer, PASSWORD, display_name="Kim",
                                          teams=("passport", "programs", "general"), languages=("en", "fr")))
    base = f"http://127.0.0.1:{isolated.port}"
    async with running_gateway(servers, isolated, engine) as client:
        for _ in range(2):
            sender = new_sender()
            await rest(client, sender, "how much is a passport?")
            await rest(client, sender, "thanks")
        await rest(client, new_sender(), "combien coûte un passeport?")
        helped = new_sender()
        await rest(client, helped, "I want to talk to a real person")
        async with Officer(base) as kim:
            await kim.sign_in(officer, PASSWORD)
            ticket = await kim.ticket_for(f"rest:{helped}")
            await kim.post(f"/console/api/tickets/{ticket['id']}/claim")
            await kim.post(f"/console/api/tickets/{ticket['id']}/messages", {"text": "Hello, Kim here."})
            await kim.post(f"/console/api/tickets/{ticket['id']}/resolve", {"outcome": "answered"})
        await rest(client, helped, "4")

        figures = db.run(analytics.figures, analytics.Period(date.today() - timedelta(days=1), date.today()))
        assert figures["conversations"] == 4
        assert figures["messages"] == 7
        assert figures["handoffs"] == 1 and figures["handoff_rate"] == 0.25 and figures["containment_rate"] == 0.75
        assert figures["handoff_reasons"] == [("citizen_request", 1)]
        assert figures["outcomes"] == [("answered", 1)]
        assert figures["ratings"]["distribution"] == [0, 0, 0, 1, 0]
        assert dict(figures["top_intents"])["passport_fees"] == 3
        assert figures["queue_wait_seconds"]["p50"] is not None
        french = db.run(analytics.figures, analytics.Period(date.today(), date.today(), language="fr"))
        assert (french["conversations"], french["handoffs"]) == (1, 0)

        # The dashboard, as a supervisor sees it in the browser.
        await page.goto(f"{base}/console/login")
        await page.fill("#username", supervisor)
        await page.fill("#password", PASSWORD)
        await page.click("button[type=submit]")
        await page.wait_for_url(f"{base}/console")
        await page.locator("#analytics-link").click()
        await page.wait_for_url(f"{base}/console/analytics?lang=en")
        assert await page.locator("html").get_attribute("lang") == "en"
        assert await page.locator("#fig-conversations dd").inner_text() == "4"
        assert await page.locator("#fig-containment dd").inner_text() == "75%"
        assert await page.locator("#fig-rating dd").inner_text() == "4.0 (1 rating)"  # singular
        assert await page.locator('#top-intents rect.bar[data-name="passport_fees"]').count() == 1
        assert await page.locator('#reasons rect.bar[data-name="citizen_request"]').count() == 1
        assert await page.locator("#per-day rect").count() == 14  # 7 days x (conversations, messages)
        await page.select_option("#language", "fr")
        async with page.expect_navigation():
            await page.click("form.filters button[type=submit]")
        assert "language=fr" in page.url, page.url
        assert await page.locator("#fig-conversations dd").inner_text() == "1"

        # The handoff count opens its ticket; the ticket opens in the console (/console#ticket-N).
        await page.locator("#fig-handoffs dd a").click()
        await page.wait_for_url(re.compile(r"/console/analytics/tickets\?"))
        assert "language=fr" in page.url and await page.locator("#tickets-count").inner_text() == "0 tickets"
        await page.goto(f"{base}/console/analytics/tickets?lang=en")  # both languages: the one handoff
        assert await page.locator("#tickets tbody tr").count() == 1
        await page.locator("#tickets a.open-ticket").click()
        await page.wait_for_url(re.compile(r"/console#ticket-\d+$"))
        await page.locator("#transcript").get_by_text("Hello, Kim here.").wait_for()
        await page.goto(f"{base}/console/analytics?lang=en&language=fr")

        async with page.expect_download() as download:
            await page.click("#csv")
        saved = await (await download.value).path()
        rows = list(csv.reader(io.StringIO(open(saved, encoding="utf-8").read())))
        assert ["period", "language", "fr"] in rows and ["summary", "conversations", "1"] in rows

        # The same page in French, keeping the filters.
        async with page.expect_navigation():
            await page.click("#other-language")
        assert await page.locator("html").get_attribute("lang") == "fr"
        assert await page.locator("h1").inner_text() == "Statistiques du service"
        assert await page.locator("#fig-containment dt").inner_text() == "Autonomie (sans transfert)"
        assert await page.locator("#fig-conversations dd").inner_text() == "1", "still French conversations only"
        assert await page.locator("form.filters button[type=submit]").inner_text() == "Afficher"
        assert await page.locator("#other-language").inner_text() == "English"

        # Officers may not see it; signed-out visitors go to the sign-in page.
        async with Officer(base) as kim:
            await kim.sign_in(officer, PASSWORD)
            async with kim.http.get("/console/analytics") as refused:
                assert refused.status == 403
        async with client.get("/console/analytics.csv", allow_redirects=False) as anonymous:
            assert anonymous.status == 303
    db.dispose()


def test_consults_per_area_and_time_to_the_experts_answer(tmp_path):
    from datetime import datetime, timezone

    from bot.handoff import queue
    from bot.console.analytics import render
    from bot.storage import transcripts
    from bot.storage.models import Consult
    from tests.test_handoff_queue import request_for

    db = Database(f"sqlite:///{tmp_path / 'consults.db'}")
    db.upgrade_schema()
    officer = db.run(lambda s: accounts.add_officer(s, "asker", PASSWORD).id)
    day = datetime(2026, 11, 20, 14, 0, tzinfo=timezone.utc)

    def ticket(session, language: str) -> int:
        conversation = transcripts.get_or_create_conversation(session, "rest", uuid.uuid4().hex)
        return queue.create_ticket(session, conversation, request_for("passport", language)).id

    def seed(session):
        english, french = ticket(session, "en"), ticket(session, "fr")
        # (ticket, area, minutes to the answer or None)
        for tid, area, minutes in ((english, "passport", 2), (english, "passport", 4), (french, "passport", 10),
                                   (french, "programs", 30), (english, "programs", None)):
            session.add(Consult(ticket_id=tid, asked_by=officer, team=area, question="q", created_at=day,
                                status="answered" if minutes else "open",
                                answered_at=day + timedelta(minutes=minutes) if minutes else None))
        session.add(Consult(ticket_id=english, asked_by=officer, team="general", question="q", status="open",
                            created_at=day - timedelta(days=30)))  # outside the period
    db.run(seed)
    period = analytics.Period(date(2026, 11, 17), date(2026, 11, 23))
    data = db.run(analytics.figures, period)
    assert data["consults"]["count"] == 5 and data["consults"]["answered"] == 4
    assert data["consults"]["per_area"] == [("passport", 3), ("programs", 2)]
    assert data["consults"]["answer_seconds"] == {"p50": 600.0, "p90": 1800.0}  # of 2, 4, 10, 30 minutes
    french = db.run(analytics.figures, replace(period, language="fr"))["consults"]
    assert (french["per_area"], french["answer_seconds"]["p50"]) == ([("passport", 1), ("programs", 1)], 1800.0)
    rows = list(csv.reader(io.StringIO(analytics.to_csv(data))))
    assert ["consults_per_area", "passport", "3"] in rows and ["expert_answer_seconds", "p90", "1800.0000"] in rows
    page_fr = render(data, period, "", "fr")
    assert "Questions aux spécialistes par secteur" in page_fr and 'data-name="passport"' in page_fr
    assert ">Passeport</text>" in page_fr and ">passport<" not in page_fr, "no English code on the French page"
    db.dispose()


@pytest.mark.parametrize("language, intent, outcome, open_state, caption", [
    ("en", "Citizen asked for a person", "Answered", "Still waiting", "The numbers of the chart: Top intents"),
    ("fr", "La personne a demandé à parler à quelqu'un", "Répondu", None, "Les chiffres du graphique\u00a0:"),
])
def test_charts_have_words_a_legend_and_their_numbers_in_a_table(language, intent, outcome, open_state, caption):
    from html.parser import HTMLParser

    from bot.console.analytics import render
    from bot.texts import say

    data = {
        "conversations": 3, "messages": 7, "handoffs": 2, "containment_rate": 0.5, "handoff_rate": 0.5, "fallback_rate": 0.1,
        "queue_wait_seconds": {"p50": 30.0, "p90": 60.0}, "first_response_seconds": {"p50": None, "p90": None},
        "consults": {"answer_seconds": {"p50": None, "p90": None}, "per_area": []},
        "ratings": {"average": None, "count": 0, "distribution": [0, 0, 0, 0, 0]},
        "per_day": [("2026-11-20", 2, 5), ("2026-11-21", 1, 2)],
        "top_intents": [("request_human", 4), ("passport_renew", 2)],
        "handoff_reasons": [("citizen_request", 2)],
        "outcomes": [("answered", 2), ("waiting", 1)],
    }
    page = render(data, analytics.Period(date(2026, 11, 17), date(2026, 11, 23)), "", language)
    cells: list = []

    class Cells(HTMLParser):
        inside = False

        def handle_starttag(self, tag, attrs):
            self.inside = tag in ("td", "th")

        def handle_data(self, text):
            if self.inside and text.strip():
                cells.append(text.strip())
            self.inside = False
    Cells().feed(page)
    assert intent in cells and "request_human" not in cells, "intents in words, in the table too"
    assert f">{intent}</text>".replace("'", "&#x27;") in page
    assert ["2026-11-20", "2", "5"] == cells[cells.index("2026-11-20"):cells.index("2026-11-20") + 3]
    assert caption in page and page.count('<table id="') == 6  # per day, intents, reasons, outcomes, open, ratings
    assert 'class="legend"' in page and say("conversations", language) in page
    # ticket states are not outcomes: a waiting ticket is counted under "still open" only
    outcomes = page[page.index('id="outcomes"'):page.index('id="open-states"')]
    assert outcome in outcomes and say("outcome_waiting", language) not in outcomes
    if open_state:
        assert open_state in page[page.index('id="open-states"'):]


LINK = re.compile(r'<a href="(/console/analytics/tickets\?[^"]+)">([^<]+)</a>')
ROW = re.compile(r'<tr data-ticket-id="(\d+)"')


def _seed_desk(db: Database) -> Dict[str, Any]:
    """Six conversations on two channels, four tickets held by two officers; the roles that
    may not see analytics. Returns the names and ids the test checks."""
    from bot.storage import transcripts
    from bot.storage.models import utcnow
    from bot.handoff import queue
    from tests.test_handoff_queue import request_for

    def add(session, role: str, name: str) -> int:
        return accounts.add_officer(session, f"{name.lower()}{uuid.uuid4().hex[:6]}", PASSWORD, role=role,
                                    display_name=name, teams=("passport",), languages=("en", "fr")).id

    def work(session) -> Dict[str, Any]:
        people = {name: add(session, role, name) for role, name in (
            ("officer", "Kim"), ("officer", "Lou"), ("supervisor", "Sam"), ("trainer", "Tess"), ("expert", "Eve"))}
        usernames = {name: session.get(accounts.Officer, i).username for name, i in people.items()}

        def conversation(channel: str, text: str, intent: str = "passport_fees"):
            found = transcripts.get_or_create_conversation(session, channel, uuid.uuid4().hex)
            transcripts.add_message(session, found, sender="citizen", text=text, language="en", intent=intent,
                                    confidence=0.9)
            return found

        def ticket(channel: str, officer: Any = None, outcome: Any = None, rating: Any = None,
                   reason: str = "citizen_request") -> int:
            made = queue.create_ticket(session, conversation(channel, "I want a person", "request_human"),
                                       request_for(reason=reason))
            if officer:
                made.status, made.officer_id = "active", people[officer]
                made.claimed_at = utcnow() - timedelta(minutes=10)
                made.first_response_at = made.claimed_at + timedelta(seconds=60)
            if outcome:
                made.status, made.outcome, made.closed_at = "resolved", outcome, made.claimed_at + timedelta(minutes=5)
            made.rating = rating
            session.flush()
            return int(made.id)

        tickets = {
            "kim_rated": ticket("telegram", "Kim", "answered", 5),
            "kim_complaint": ticket("telegram", "Kim", "answered", reason="complaint"),
            "waiting": ticket("telegram"),
            "lou": ticket("rest", "Lou", "referred", 2),
        }
        conversation("rest", "zqx plorf", "nlu_fallback")
        conversation("rest", "how much is a passport")
        return {"people": people, "usernames": usernames, "tickets": tickets}
    return db.run(work)


def test_per_officer_and_per_channel_figures_and_the_tickets_behind_them(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'desk.db'}")
    db.upgrade_schema()
    seeded = _seed_desk(db)
    people, ids = seeded["people"], seeded["tickets"]
    today = datetime.now(timezone.utc).date()
    period = analytics.Period(today - timedelta(days=1), today)
    data = db.run(analytics.figures, period)
    channels = {row["channel"]: row for row in data["per_channel"]}
    assert [row["channel"] for row in data["per_channel"]] == [c for c in channel_names if c in ("rest", "telegram")]
    assert (channels["telegram"]["conversations"], channels["telegram"]["handoffs"]) == (3, 3)
    assert (channels["telegram"]["handoff_rate"], channels["telegram"]["containment_rate"]) == (1.0, 0.0)
    assert (channels["rest"]["conversations"], channels["rest"]["messages"], channels["rest"]["handoffs"]) == (3, 3, 1)
    assert channels["rest"]["fallback_rate"] == 1 / 3, "one of three typed messages not understood"
    officers = {row["name"]: row for row in data["per_officer"]}
    assert list(officers) == ["Kim", "Lou"], "most tickets first; a waiting ticket has no officer"
    kim = officers["Kim"]
    assert (kim["handled"], kim["resolved"], kim["outcomes"]) == (2, 2, [("answered", 2)])
    assert (kim["first_reply_p50"], kim["handling_p50"]) == (60.0, 300.0)
    assert kim["ratings"] == {"count": 1, "average": 5.0}
    assert officers["Lou"]["outcomes"] == [("referred", 1)] and officers["Lou"]["ratings"]["average"] == 2.0

    def behind(selection=analytics.Selection(), **narrower):
        return [t.id for t in db.run(analytics.tickets_behind, replace(period, **narrower), selection)]
    assert behind(channel="telegram") == [ids["kim_rated"], ids["kim_complaint"], ids["waiting"]]
    assert behind(analytics.Selection(status="resolved"), officer=people["Kim"]) == [ids["kim_rated"], ids["kim_complaint"]]
    assert behind(analytics.Selection(outcome="waiting")) == [ids["waiting"]]
    assert behind(analytics.Selection(reason="complaint")) == [ids["kim_complaint"]]
    assert behind(analytics.Selection(rating=2)) == [ids["lou"]]
    narrowed = db.run(analytics.figures, replace(period, officer=people["Lou"]))
    assert (narrowed["handoffs"], [r["name"] for r in narrowed["per_officer"]]) == (1, ["Lou"])
    rows = list(csv.reader(io.StringIO(analytics.to_csv(data))))
    assert ["officer_handled", "Kim", "2"] in rows and ["channel_handoffs", "telegram", "3"] in rows
    assert analytics.parse_period({"officer": "x1"}, today)[1] == "officer is an account number"
    assert analytics.parse_selection({"rating": "6"})[1] == "rating is 1 to 5"
    assert analytics.parse_selection({"outcome": "<script>"})[1] == "outcome is a lowercase code"
    db.dispose()


async def test_every_count_opens_the_tickets_it_counts_for_supervisors_only(servers, settings):
    """Through the real gateway (no model needed): every ticket count on the dashboard links
    to a list with exactly that many tickets; filters stay in the URL; officers, trainers and
    experts get 403 on the dashboard, the lists and the transcripts."""
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    seeded = _seed_desk(db)
    people, names, ids = seeded["people"], seeded["usernames"], seeded["tickets"]
    today = datetime.now(timezone.utc).date()
    span = f"start={today - timedelta(days=1)}&end={today}"
    base = f"http://127.0.0.1:{settings.port}"
    async with running_gateway(servers, settings, None):
        async with Officer(base) as sam:
            assert await sam.sign_in(names["Sam"], PASSWORD) == 303
            async with sam.http.get(f"/console/analytics?{span}&lang=en") as reply:
                board = await reply.text()
            assert '<caption>Tickets per officer' in board and '<th scope="row">Kim</th>' in board
            assert '<caption>Conversations per channel' in board and '<th scope="col">Handoff rate</th>' in board
            links = [(html.unescape(href), text) for href, text in LINK.findall(board)]
            assert len(links) >= 12, links  # handoffs, per officer (3 + outcomes), per channel, reasons, outcomes...
            for href, text in links:
                async with sam.http.get(href) as listed:
                    assert listed.status == 200, href
                    page_html = await listed.text()
                shown = int(re.findall(r"\d+", text)[-1])
                assert len(ROW.findall(page_html)) == shown, (href, text)
                assert f">{shown} ticket" in page_html, "the list says how many"
            telegram = [h for h, text in links if "channel=telegram" in h and "officer" not in h]
            async with sam.http.get(telegram[0]) as listed:
                page_html = await listed.text()
            assert [int(i) for i in ROW.findall(page_html)] == [ids["kim_rated"], ids["kim_complaint"], ids["waiting"]]
            assert f'href="/console#ticket-{ids["waiting"]}"' in page_html
            transcript_href = f"/console/analytics/tickets/{ids['lou']}/transcript?lang=fr"
            async with sam.http.get(transcript_href) as transcript:
                assert transcript.status == 200
                text = await transcript.text()
            assert "I want a person" in text and "<caption>Messages de la demande" in text
            # Filters stay in the URL, and the French page speaks French.
            async with sam.http.get(f"/console/analytics?{span}&channel=telegram&officer={people['Kim']}&lang=fr") as reply:
                french = await reply.text()
            assert f'<option value="{people["Kim"]}" selected>Kim</option>' in french
            french_links = [html.unescape(href) for href, _ in LINK.findall(french)]
            assert french_links and all(f"officer={people['Kim']}" in h and "channel=telegram" in h and "lang=fr" in h
                                        for h in french_links)
            assert "Répondu\u00a0: 2" in french and "Answered" not in french and "Per officer" not in french
            async with sam.http.get(f"/console/analytics/tickets?{span}&rating=9") as bad:
                assert bad.status == 400

        for role in ("Kim", "Tess", "Eve"):  # an officer, a trainer, an expert
            async with Officer(base) as other:
                assert await other.sign_in(names[role], PASSWORD) == 303
                for path in ("/console/analytics", f"/console/analytics/tickets?{span}",
                             f"/console/analytics/tickets/{ids['kim_rated']}/transcript", "/console/analytics.csv"):
                    async with other.http.get(path, allow_redirects=False) as refused:
                        assert refused.status == 403, (role, path)
        async with Officer(base) as anonymous:
            async with anonymous.http.get(f"/console/analytics/tickets?{span}", allow_redirects=False) as away:
                assert away.status == 303
    db.dispose()


@pytest.mark.parametrize("language, counts", [
    ("en", {0: "0 tickets", 1: "1 ticket", 2: "2 tickets"}),
    ("fr", {0: "0\u00a0demande", 1: "1\u00a0demande", 2: "2\u00a0demandes"}),  # French: 0 takes the singular
])
def test_ticket_counts_take_the_plural_of_their_language(language, counts):
    from bot.texts import say

    assert {n: say("tickets_count", language, count=n) for n in counts} == counts
    assert say("ratings_count", language, average="4", count=1).endswith(
        "(1 rating)" if language == "en" else "(1\u00a0évaluation)")
