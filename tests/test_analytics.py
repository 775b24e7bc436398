"""Supervisor analytics: figures from real simulated conversations, the dashboard in
headless Chromium, the CSV export, and who may see them."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest

from bot import analytics
from bot.handoff import accounts
from bot.storage.database import Database
from tests.support.browser import browser, page  # noqa: F401
from tests.support.console_client import Officer
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
    from bot.handoff.dashboard import render
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

    from bot.handoff.dashboard import render
    from bot.handoff.page_texts import say

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
    assert 'class="legend"' in page and say(language, "conversations") in page
    # ticket states are not outcomes: a waiting ticket is counted under "still open" only
    outcomes = page[page.index('id="outcomes"'):page.index('id="open-states"')]
    assert outcome in outcomes and say(language, "outcome_waiting") not in outcomes
    if open_state:
        assert open_state in page[page.index('id="open-states"'):]
