"""Who may read and act on a ticket (bot/handoff/policy.py): deny by default, trainers read
no live conversation, an officer acts only on the tickets they hold, supervisors and admins
by explicit rule. Proven on the desk (SQLite and PostgreSQL) and through the console API
of a real gateway, where a ticket the account may not read answers the same 404 as a
ticket that does not exist."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any, Dict, Tuple

import pytest

from bot.handoff import hours, policy, queue
from bot.handoff.desk import Desk
from bot.handoff.events import ConsoleHub
from bot.settings import PROJECT_ROOT, Settings
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Message, Officer, Ticket, TicketNote
from tests.support.console_client import Officer as ConsoleUser
from tests.support.gateway import running_gateway
from tests.test_handoff_queue import PASSWORD, db, new_ticket  # noqa: F401  (db is a fixture)

ALL_TEAMS = ("passport", "programs", "general")


def account(db: Database, role: str = "officer", teams=("passport",), languages=("en",)) -> int:  # noqa: F811
    from bot.handoff import accounts

    return db.run(lambda s: accounts.add_officer(
        s, f"{role}{uuid.uuid4().hex[:8]}", PASSWORD, role=role, teams=teams, languages=languages).id)


@pytest.fixture
def desk(db: Database) -> Desk:  # noqa: F811
    return Desk(db, ConsoleHub(), hours.load(PROJECT_ROOT / "tests" / "support" / "always_open_hours.yml"), 6)


def state(db: Database, ticket_id: int) -> Tuple[str, Any, str, int, int]:  # noqa: F811
    """status, holder, team, officer messages in its conversation, notes on it"""
    def work(session):
        ticket = session.get(Ticket, ticket_id)
        said = session.query(Message).filter(Message.conversation_id == ticket.conversation_id,
                                              Message.sender == "officer").count()
        notes = session.query(TicketNote).filter(TicketNote.ticket_id == ticket_id).count()
        return ticket.status, ticket.officer_id, ticket.team, said, notes
    return db.run(work)


async def refused(action: Any) -> str:
    with pytest.raises(queue.QueueError) as error:
        await action
    return error.value.code


async def test_a_trainer_can_neither_write_transfer_resolve_nor_annotate(db, desk):  # noqa: F811
    ticket = new_ticket(db)
    holder = account(db)
    assert await desk.claim(holder, ticket) == ticket
    trainer = account(db, role="trainer", teams=ALL_TEAMS, languages=("en", "fr"))
    before = state(db, ticket)

    assert await refused(desk.officer_says(trainer, ticket, "hello from a trainer")) == "not_found"
    assert await refused(desk.transfer(trainer, ticket, "general", None)) == "not_found"
    assert await refused(desk.resolve(trainer, ticket, "answered")) == "not_found"
    assert await refused(desk.note(trainer, ticket, "a trainer's note")) == "not_found"
    assert await refused(desk.claim(trainer, ticket)) == "not_found"
    assert state(db, ticket) == before, "nothing changed"


async def test_an_officer_acts_only_on_tickets_they_hold(db, desk):  # noqa: F811
    ticket = new_ticket(db)  # passport, English
    holder = account(db)
    colleague = account(db)  # same queue: may read and annotate, not act
    elsewhere = account(db, teams=("programs",), languages=("en", "fr"))  # may not even read
    await desk.claim(holder, ticket)

    for officer, code in ((colleague, "not_yours"), (elsewhere, "not_found")):
        assert await refused(desk.officer_says(officer, ticket, "hi")) == code
        assert await refused(desk.transfer(officer, ticket, "general", None)) == code
        assert await refused(desk.resolve(officer, ticket, "answered")) == code
    assert await refused(desk.note(elsewhere, ticket, "not my queue")) == "not_found"
    await desk.note(colleague, ticket, "same queue: a note is fine")
    assert state(db, ticket) == ("active", holder, "passport", 0, 1)

    await desk.officer_says(holder, ticket, "Hello, I'm your officer.")
    await desk.resolve(holder, ticket, "answered")
    assert state(db, ticket)[:2] == ("resolved", holder)


async def test_supervisors_and_admins_act_on_any_ticket_by_rule(db, desk):  # noqa: F811
    ticket = new_ticket(db, topic="general", language="fr")
    holder = account(db, teams=("general",), languages=("fr",))
    await desk.claim(holder, ticket)
    supervisor = account(db, role="supervisor", teams=("passport",), languages=("en",))
    admin = account(db, role="admin", teams=("passport",), languages=("en",))
    await desk.officer_says(supervisor, ticket, "Bonjour, je suis superviseure.")
    await desk.note(admin, ticket, "checked by an admin")
    await desk.resolve(admin, ticket, "answered")
    assert state(db, ticket) == ("resolved", holder, "general", 1, 1)


def test_policy_denies_by_default():
    def person(role: str, active: int = 1, **kwargs: Any) -> Officer:
        return Officer(id=kwargs.pop("id", 1), role=role, active=active,
                       teams=kwargs.pop("teams", ["passport"]), languages=kwargs.pop("languages", ["en"]))

    ticket = Ticket(id=9, team="passport", language="en", status="active", officer_id=1)
    french = Ticket(id=10, team="passport", language="fr", status="waiting", officer_id=None)
    holder, colleague = person("officer"), person("officer", id=2)
    assert policy.can_act(holder, ticket) and policy.can_read(holder, ticket)
    assert policy.can_read(colleague, ticket) and not policy.can_act(colleague, ticket)
    assert not policy.can_read(colleague, french) and not policy.can_claim(colleague, french)
    for nobody in (person("trainer"), person("trainer", id=1), person("king"), person("officer", active=0),
                   person("supervisor", active=0)):
        assert not policy.can_read(nobody, ticket) and not policy.can_act(nobody, ticket), nobody.role
        assert not policy.can_claim(nobody, french) and not policy.can_assign(nobody)
        assert not policy.can_receive(nobody, "passport", "en")
    for boss in (person("supervisor", id=5, teams=["general"]), person("admin", id=6, teams=["general"])):
        assert policy.can_read(boss, french) and policy.can_act(boss, ticket) and policy.can_assign(boss)
        assert not policy.can_receive(boss, "passport", "en"), "a target must serve the queue"


# --- the console API, on a real gateway --------------------------------------------------


@pytest.fixture
def api_settings(settings: Settings, database_urls) -> Settings:
    if database_urls[0].startswith("postgresql"):
        pytest.skip("the HTTP layer runs once, on SQLite; the rules are proven on both above")
    return settings


def make_account(settings: Settings, role: str = "officer", teams=("passport",), languages=("en",)) -> str:
    database = Database(settings.transcripts_url)
    database.upgrade_schema()
    username = f"{role}{uuid.uuid4().hex[:8]}"
    from bot.handoff import accounts

    database.run(lambda s: accounts.add_officer(s, username, PASSWORD, role=role, teams=teams, languages=languages))
    database.dispose()
    return username


def seed_ticket(settings: Settings, topic: str = "passport", language: str = "en") -> int:
    database = Database(settings.transcripts_url)
    database.upgrade_schema()

    def work(session) -> int:
        conversation = transcripts.get_or_create_conversation(session, "rest", uuid.uuid4().hex)
        transcripts.add_message(session, conversation, sender="citizen", text="my private question",
                                language=language, status="to_officer")
        from tests.test_handoff_queue import request_for

        return queue.create_ticket(session, conversation, request_for(topic, language)).id
    try:
        return database.run(work)
    finally:
        database.dispose()


async def answer(user: ConsoleUser, method: str, path: str, body: Dict[str, Any] | None = None) -> Tuple[int, Any]:
    headers = {"X-CSRF-Token": user.csrf}
    async with user.http.request(method, path, json=body if method == "POST" else None, headers=headers) as reply:
        return reply.status, await reply.json()


async def test_the_console_api_answers_404_for_tickets_the_account_may_not_read(servers, api_settings, engine):
    settings = replace(api_settings)
    ticket = seed_ticket(settings)
    unknown = ticket + 100_000
    holder = make_account(settings)
    colleague = make_account(settings)
    french_only = make_account(settings, languages=("fr",))
    trainer = make_account(settings, role="trainer", teams=ALL_TEAMS, languages=("en", "fr"))
    base = f"http://127.0.0.1:{settings.port}"
    async with running_gateway(servers, settings, engine):
        async with ConsoleUser(base) as alex, ConsoleUser(base) as sam, ConsoleUser(base) as fr, \
                ConsoleUser(base) as tess:
            for user, name in ((alex, holder), (sam, colleague), (fr, french_only), (tess, trainer)):
                assert await user.sign_in(name, PASSWORD) == 303
            await alex.post(f"/console/api/tickets/{ticket}/claim")

            hidden = await answer(tess, "GET", f"/console/api/tickets/{unknown}")
            assert hidden == (404, {"error": "not_found", "message": "no such ticket"})
            assert await answer(tess, "GET", "/console/api/tickets/abc") == hidden
            for user in (tess, fr):
                assert await answer(user, "GET", f"/console/api/tickets/{ticket}") == hidden
                for action, body in (("notes", {"text": "n"}), ("messages", {"text": "hi"}),
                                     ("transfer", {"team": "general"}), ("resolve", {"outcome": "answered"}),
                                     ("claim", {})):
                    assert await answer(user, "POST", f"/console/api/tickets/{ticket}/{action}", body) == \
                        await answer(user, "POST", f"/console/api/tickets/{unknown}/{action}", body) == hidden

            status, seen = await answer(sam, "GET", f"/console/api/tickets/{ticket}")
            assert status == 200 and "my private question" in [line["text"] for line in seen["transcript"]]
            assert (await answer(sam, "POST", f"/console/api/tickets/{ticket}/messages", {"text": "hi"}))[1][
                "error"] == "not_yours"
            assert (await answer(alex, "POST", f"/console/api/tickets/{ticket}/messages", {"text": "hello"}))[0] == 200
