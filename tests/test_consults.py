"""Ask an expert (bot/handoff/consults.py, the rules in bot/handoff/policy.py): an expert never
takes or writes to a citizen's conversation; a consult goes open -> answered -> closed with its
times, each step in the audit log; experts are told live on the console socket; the answer
comes back to the officer's ticket for "Use in reply". On the desk (SQLite and PostgreSQL) and
through the console API of a real gateway."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from typing import Any, Dict, List

import aiohttp
import pytest

from bot.handoff import consults, policy, queue
from bot.settings import PROJECT_ROOT
from bot.storage.database import Database
from bot.storage.models import AuditEntry, Consult, Officer
from tests.support.console_client import Officer as ConsoleUser
from tests.support.gateway import running_gateway
from tests.test_handoff_queue import PASSWORD, db, new_ticket  # noqa: F401  (db is a fixture)
from tests.test_ticket_access import (  # noqa: F401  (desk, api_settings are fixtures)
    ALL_TEAMS, account, answer, api_settings, desk, make_account, refused, seed_ticket, state,
)


def audit_actions(db: Database, ticket_id: int) -> List[str]:  # noqa: F811
    return db.run(lambda s: [a.action for a in s.query(AuditEntry).filter(AuditEntry.ticket_id == ticket_id)
                             .order_by(AuditEntry.id)])


def consult_row(db: Database, consult_id: int) -> Consult:  # noqa: F811
    def work(session):
        found = session.get(Consult, consult_id)
        session.expunge(found)
        return found
    return db.run(work)


def username(db: Database, officer_id: int) -> str:  # noqa: F811
    return db.run(lambda s: s.get(Officer, officer_id).username)


def test_govbot_officer_add_makes_an_expert_of_an_area(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {**os.environ, "GOVBOT_DATABASE_URL": url, "GOVBOT_OFFICER_PASSWORD": PASSWORD,
           "RASA_TELEMETRY_ENABLED": "false"}
    done = subprocess.run([sys.executable, "-m", "bot", "officer", "add", "lea", "--role", "expert",
                           "--teams", "passport"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    database = Database(url)
    try:
        role, teams = database.run(lambda s: (lambda o: (o.role, o.teams))(
            s.query(Officer).filter(Officer.username == "lea").one()))
    finally:
        database.dispose()
    assert (role, teams) == ("expert", ["passport"])


async def test_an_expert_never_takes_nor_writes_to_a_citizen(db, desk):  # noqa: F811
    ticket = new_ticket(db)
    expert = account(db, role="expert", teams=ALL_TEAMS, languages=("en", "fr"))
    assert await refused(desk.claim(expert, ticket)) == "not_found"
    assert await refused(desk.claim(expert, None)) == "forbidden", "claim-next refuses an expert"
    holder = account(db)
    await desk.claim(holder, ticket)
    consult = await desk.ask_expert(holder, ticket, "Can a guarantor be a cousin?", "passport")
    before = state(db, ticket)

    # Even while a consult of this very ticket is put to them.
    assert await refused(desk.officer_says(expert, ticket, "hello from an expert")) == "not_found"
    assert await refused(desk.transfer(expert, ticket, "general", None)) == "not_found"
    assert await refused(desk.transfer(holder, ticket, None, expert)) == "bad_officer"
    assert await refused(desk.resolve(expert, ticket, "answered")) == "not_found"
    assert await refused(desk.note(expert, ticket, "a note")) == "not_found"
    supervisor = account(db, role="supervisor")
    queued = new_ticket(db)
    assert await refused(desk.assign(supervisor, queued, expert)) == "bad_officer"
    assert state(db, ticket) == before, "nothing reached the citizen"
    assert db.run(lambda s: queue.waiting_for(s, s.get(Officer, expert))) == []
    await desk.answer_consult(expert, consult, "Yes, if they have known the applicant for two years.")


def test_the_policy_gives_an_expert_only_the_consults_put_to_them():
    def person(role: str, teams=("passport",), active: int = 1, id: int = 1) -> Officer:
        return Officer(id=id, role=role, teams=list(teams), languages=["en", "fr"], active=active)

    from bot.storage.models import Ticket

    ticket = Ticket(id=1, team="passport", language="en", status="active", officer_id=9)
    expert = person("expert", id=5)
    to_area = Consult(ticket_id=1, asked_by=9, team="passport", expert_id=None, status="open")
    to_other_area = Consult(ticket_id=1, asked_by=9, team="programs", expert_id=None, status="open")
    to_someone_else = Consult(ticket_id=1, asked_by=9, team="passport", expert_id=6, status="open")
    assert not any(rule(expert, ticket) for rule in (policy.can_claim, policy.can_read, policy.can_act,
                                                      policy.holds, policy.can_ask_expert))
    assert not policy.can_receive(expert, "passport", "en") and not policy.answers(expert)
    assert policy.can_answer_consult(expert, to_area) and policy.can_see_consult(expert, to_area, ticket)
    assert not policy.can_see_consult(expert, to_other_area, ticket)
    assert not policy.can_see_consult(expert, to_someone_else, ticket)
    assert not policy.can_relay_consult(expert, to_area, ticket)
    assert not policy.can_answer_consult(person("expert", active=0, id=5), to_area)
    assert not policy.can_answer_consult(person("officer", id=5), to_area), "only experts answer"
    assert not policy.can_answer_consult(expert, Consult(team="passport", status="answered", asked_by=9))


async def test_a_consult_goes_open_answered_closed_with_times_and_audit(db, desk):  # noqa: F811
    ticket = new_ticket(db)
    holder = account(db)
    await desk.claim(holder, ticket)
    expert = account(db, role="expert", teams=("passport",))
    elsewhere = account(db, role="expert", teams=("programs",))
    consult = await desk.ask_expert(holder, ticket, "Is a photocopy of the birth certificate enough?", "passport")

    mine = db.run(lambda s: [c.id for c in consults.open_for(s, s.get(Officer, expert))])
    assert mine == [consult]
    assert db.run(lambda s: consults.open_for(s, s.get(Officer, elsewhere))) == []
    assert await refused(desk.answer_consult(elsewhere, consult, "no")) == "not_found"
    row = consult_row(db, consult)
    assert (row.status, row.answered_at, row.closed_at) == ("open", None, None) and row.created_at

    db.run(lambda s: consults.view(s, s.get(Officer, expert), consult))
    await desk.answer_consult(expert, consult, "No: the original or a certified copy.")
    row = consult_row(db, consult)
    assert (row.status, row.answer) == ("answered", "No: the original or a certified copy.")
    assert row.answered_at >= row.created_at and row.answered_by == expert
    assert await refused(desk.answer_consult(expert, consult, "again")) == "not_open"

    colleague = account(db)  # reads the ticket, does not hold it, did not ask
    with pytest.raises(queue.QueueError, match="another officer"):
        db.run(lambda s: consults.relay(s, s.get(Officer, colleague), consult))
    relayed = db.run(lambda s: consults.relay(s, s.get(Officer, holder), consult).answer)
    assert relayed == "No: the original or a certified copy."
    assert consult_row(db, consult).status == "closed" and consult_row(db, consult).closed_at
    assert audit_actions(db, ticket) == ["claim", "consult_asked", "consult_view", "consult_answer",
                                         "consult_relay"]


async def test_an_at_name_in_a_note_asks_that_expert_only(db, desk):  # noqa: F811
    ticket = new_ticket(db)
    holder = account(db)
    await desk.claim(holder, ticket)
    named = account(db, role="expert", teams=("programs",))  # another area: the name decides
    other = account(db, role="expert", teams=("passport",))
    officer = account(db)
    note = f"@{username(db, named)} can this be renewed by mail? cc @{username(db, officer)} (not an expert)"
    await desk.note(holder, ticket, note)
    asked = db.run(lambda s: [c.id for c in consults.open_for(s, s.get(Officer, named))])
    assert len(asked) == 1 and consult_row(db, asked[0]).question == note
    assert db.run(lambda s: consults.open_for(s, s.get(Officer, other))) == []
    assert "consult_mention" in audit_actions(db, ticket)


# --- the console API and its socket, on a real gateway -------------------------------------


async def frames_until(socket: aiohttp.ClientWebSocketResponse, done: Any) -> List[Dict[str, Any]]:
    seen: List[Dict[str, Any]] = []
    while not done(seen):
        seen.append(json.loads((await socket.receive(timeout=10)).data))
    return seen


async def test_the_expert_is_told_live_answers_and_the_officer_uses_it_in_reply(servers, api_settings, engine):  # noqa: F811
    settings = replace(api_settings)
    ticket = seed_ticket(settings, language="fr")
    holder = make_account(settings, languages=("en", "fr"))
    expert = make_account(settings, role="expert", teams=("passport",), languages=("fr",))
    base = f"http://127.0.0.1:{settings.port}"
    async with running_gateway(servers, settings, engine):
        async with ConsoleUser(base) as marie, ConsoleUser(base) as lea:
            for user, name in ((marie, holder), (lea, expert)):
                assert await user.sign_in(name, PASSWORD) == 303
            await marie.post(f"/console/api/tickets/{ticket}/claim")
            socket = await lea.http.ws_connect("/console/ws")
            await frames_until(socket, lambda seen: seen and seen[-1]["type"] == "hello")

            asked = await marie.post(f"/console/api/tickets/{ticket}/consults",
                                     {"team": "passport", "question": "Un cousin peut-il être répondant?"})
            event = (await frames_until(socket, lambda seen: any(f["type"] == "consult" for f in seen)))[-1]
            assert (event["consult_id"], event["ticket_id"]) == (asked["consult_id"], ticket)
            assert set(event) <= {"type", "kind", "consult_id", "ticket_id"}, "ids only, no text"
            badge = await lea.get("/console/api/consults")
            assert [c["id"] for c in badge] == [asked["consult_id"]]

            view = await lea.get(f"/console/api/consults/{asked['consult_id']}")
            assert view["read_only"] and "my private question" in [line["text"] for line in view["transcript"]]
            for action, body in (("messages", {"text": "bonjour"}), ("resolve", {"outcome": "answered"}),
                                 ("transfer", {"team": "general"}), ("claim", {})):
                assert (await answer(lea, "POST", f"/console/api/tickets/{ticket}/{action}", body))[0] == 404
            assert (await answer(lea, "GET", f"/console/api/tickets/{ticket}"))[0] == 404
            assert (await answer(lea, "POST", f"/console/api/consults/{asked['consult_id']}/relay"))[0] == 409

            await lea.post(f"/console/api/consults/{asked['consult_id']}/answer",
                           {"text": "Oui, s'il connaît la personne depuis deux ans."})
            assert await lea.get("/console/api/consults") == []
            thread = (await marie.get(f"/console/api/tickets/{ticket}"))["consults"]
            assert [(c["status"], c["answer"]) for c in thread] == [
                ("answered", "Oui, s'il connaît la personne depuis deux ans.")]
            used = await marie.post(f"/console/api/consults/{asked['consult_id']}/relay")
            assert used["text"] == "Oui, s'il connaît la personne depuis deux ans."
            assert used["consult"]["status"] == "closed"
            await socket.close()
