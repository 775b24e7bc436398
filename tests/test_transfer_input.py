"""Transfers and assignments take only known teams (bot/contracts.py) and officers who can
answer the ticket (an answering role serving its team and language); bad input is a 400
with a short JSON error, never a 500 nor a stored value. Prometheus label values are
escaped, so no value can add a line to /metrics."""

from __future__ import annotations

from typing import Any, Dict, Tuple

import pytest

from bot.gateway.metrics import Metrics
from bot.handoff import queue
from bot.settings import Settings
from tests.support.console_client import Officer as ConsoleUser
from tests.support.gateway import running_gateway
from tests.test_handoff_queue import PASSWORD, db, new_ticket  # noqa: F401  (db is a fixture)
from tests.test_ticket_access import ALL_TEAMS, account, answer, desk, make_account, seed_ticket, state  # noqa: F401

BAD_TEAMS = ["<img src=x onerror=alert(1)>", "p" * 3000, 'general"}\ngovbot_fake_metric 1\n#', "Passport", ""]


async def refused(action: Any) -> str:
    with pytest.raises(queue.QueueError) as error:
        await action
    return error.value.code


@pytest.mark.parametrize("team", BAD_TEAMS)
async def test_a_transfer_to_an_unknown_team_is_refused(db, desk, team):  # noqa: F811
    ticket = new_ticket(db)
    holder = account(db)
    await desk.claim(holder, ticket)
    assert await refused(desk.transfer(holder, ticket, team, None)) == "bad_team"
    other = account(db, teams=ALL_TEAMS)
    assert await refused(desk.transfer(holder, ticket, team, other)) == "bad_team"
    assert state(db, ticket)[:3] == ("active", holder, "passport")


async def test_a_ticket_goes_only_to_someone_who_can_answer_it(db, desk):  # noqa: F811
    french = new_ticket(db, language="fr")
    supervisor = account(db, role="supervisor", teams=ALL_TEAMS, languages=("en", "fr"))
    english_only = account(db, teams=ALL_TEAMS, languages=("en",))
    trainer = account(db, role="trainer", teams=ALL_TEAMS, languages=("en", "fr"))
    other_team = account(db, teams=("programs",), languages=("en", "fr"))
    for target in (english_only, trainer, other_team, 999_999):
        assert await refused(desk.assign(supervisor, french, target)) == "bad_officer"
    assert state(db, french)[:2] == ("waiting", None)

    bilingual = account(db, teams=("passport",), languages=("en", "fr"))
    await desk.assign(supervisor, french, bilingual)
    assert state(db, french)[:2] == ("active", bilingual)
    # a transfer to a person follows the same rule, with the new team if one is given
    for target, team in ((english_only, None), (trainer, None), (bilingual, "programs"), (other_team, "general")):
        assert await refused(desk.transfer(bilingual, french, team, target)) == "bad_officer"
    assert state(db, french)[:3] == ("active", bilingual, "passport")
    await desk.transfer(bilingual, french, "programs", other_team)
    assert state(db, french)[:3] == ("active", other_team, "programs")


def test_prometheus_label_values_are_escaped():
    metrics = Metrics()
    metrics.engine_latency('a\\b"c\nd', 0.2)
    metrics.handoff(reason="citizen_request", team='general"}\ngovbot_fake 1\n#', language="en")
    body = metrics.render({}, 0)
    assert 'govbot_engine_seconds_count{channel="a\\\\b\\"c\\nd"} 1' in body
    for line in body.splitlines():
        assert line.startswith(("# HELP govbot_", "# TYPE govbot_", "govbot_")), line
        assert not line.startswith("govbot_fake")


@pytest.fixture
def api_settings(settings: Settings, database_urls) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("the HTTP layer runs once, on SQLite; the rules are proven on both above")
    return settings


async def test_the_console_answers_bad_transfer_and_assign_input_with_400(servers, api_settings, engine):
    settings = api_settings
    ticket = seed_ticket(settings, language="fr")
    waiting = seed_ticket(settings, language="fr")
    holder = make_account(settings, languages=("en", "fr"))
    boss = make_account(settings, role="supervisor", teams=ALL_TEAMS, languages=("en", "fr"))
    english_only = make_account(settings, teams=ALL_TEAMS, languages=("en",))
    base = f"http://127.0.0.1:{settings.port}"
    async with running_gateway(servers, settings, engine) as client:
        async with ConsoleUser(base) as alex, ConsoleUser(base) as sam, ConsoleUser(base) as eve:
            for user, name in ((alex, holder), (sam, boss), (eve, english_only)):
                assert await user.sign_in(name, PASSWORD) == 303
            await alex.post(f"/console/api/tickets/{ticket}/claim")
            eve_id = (await eve.get("/console/api/me"))["id"]
            transfer = f"/console/api/tickets/{ticket}/transfer"
            bodies: list[Tuple[Dict[str, Any], str]] = [
                ({"team": ["passport"]}, "bad_team"), ({"team": {"a": 1}}, "bad_team"), ({"team": 3}, "bad_team"),
                ({"officer_id": "3"}, "bad_transfer"), ({"officer_id": True}, "bad_transfer"),
                ({"officer_id": [eve_id]}, "bad_transfer"), ({}, "bad_transfer"),
                ({"officer_id": eve_id}, "bad_officer"),  # she does not serve French
            ] + [({"team": team}, "bad_team") for team in BAD_TEAMS if team]
            for body, code in bodies:
                status, error = await answer(alex, "POST", transfer, body)
                assert (status, error["error"]) == (400, code), body
                assert len(error["message"]) < 120 and "<" not in error["message"]
            for body, code in (({"officer_id": "1"}, "bad_assign"), ({"officer_id": None}, "bad_assign"),
                               ({"officer_id": False}, "bad_assign"), ({"officer_id": eve_id}, "bad_officer")):
                status, error = await answer(sam, "POST", f"/console/api/tickets/{waiting}/assign", body)
                assert (status, error["error"]) == (400, code), body
            assert (await alex.get(f"/console/api/tickets/{ticket}"))["ticket"]["team"] == "passport"
            assert (await sam.get(f"/console/api/tickets/{waiting}"))["ticket"]["status"] == "waiting"
        async with client.get("/metrics") as metrics:
            for line in (await metrics.text()).splitlines():
                assert line.startswith(("#", "govbot_")), line
