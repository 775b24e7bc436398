"""The officer queue on SQLite and PostgreSQL: routing, positions, capacity, and claims
that two officers can never both win (threads racing on real connections)."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from typing import List, Optional

import pytest

from bot.contracts import HandoffRequest
from bot.handoff import accounts, queue
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Officer, Ticket, utcnow

PASSWORD = "correct horse battery"


@pytest.fixture
def db(fresh_database: Database) -> Database:
    return fresh_database


def request_for(topic: str = "passport", language: str = "en", priority: str = "normal",
                reason: str = "citizen_request") -> HandoffRequest:
    return HandoffRequest(type="handoff_request", version=1, reason=reason,  # type: ignore[typeddict-item]
                          priority=priority, topic=topic, language=language, last_intent="request_human")


def new_ticket(db: Database, topic: str = "passport", language: str = "en", priority: str = "normal",
               channel: str = "rest") -> int:
    def work(session):
        conversation = transcripts.get_or_create_conversation(session, channel, uuid.uuid4().hex)
        return queue.create_ticket(session, conversation, request_for(topic, language, priority)).id
    return db.run(work)


def officer(db: Database, teams=("passport",), languages=("en",), role="officer", max_concurrent=3) -> int:
    return db.run(lambda s: accounts.add_officer(
        s, f"o{uuid.uuid4().hex[:8]}", PASSWORD, teams=teams, languages=languages, role=role,
        max_concurrent=max_concurrent).id)


def claim(db: Database, officer_id: int, ticket_id: Optional[int] = None) -> Optional[int]:
    def work(session):
        me = session.get(Officer, officer_id)
        ticket = queue.claim(session, me, ticket_id) if ticket_id else queue.claim_next(session, me)
        return ticket.id if ticket else None
    return db.run(work)


def status(db: Database, ticket_id: int) -> tuple:
    return db.run(lambda s: (lambda t: (t.status, t.officer_id, t.team))(s.get(Ticket, ticket_id)))


def test_one_open_ticket_per_conversation(db):
    def work(session):
        conversation = transcripts.get_or_create_conversation(session, "rest", "same")
        first = queue.create_ticket(session, conversation, request_for())
        second = queue.create_ticket(session, conversation, request_for("programs"))
        return first.id, second.id
    first, second = db.run(work)
    assert first == second


def test_positions_follow_priority_then_arrival(db):
    a = new_ticket(db)
    b = new_ticket(db)
    urgent = new_ticket(db, priority="high")
    other_team = new_ticket(db, topic="programs")
    french = new_ticket(db, language="fr")
    positions = db.run(lambda s: {t: queue.position(s, s.get(Ticket, t)) for t in (a, b, urgent, other_team, french)})
    assert positions == {urgent: 1, a: 2, b: 3, other_team: 1, french: 1}


def test_estimated_wait_shares_tickets_among_officers():
    assert queue.estimated_wait_minutes(1, 6, 0) == 6
    assert queue.estimated_wait_minutes(3, 6, 2) == 9
    assert queue.estimated_wait_minutes(1, 6, 10) == 1


def test_claim_next_respects_team_language_and_priority(db):
    french_passport = new_ticket(db, language="fr")
    english_programs = new_ticket(db, topic="programs")
    english_passport = new_ticket(db)
    urgent_passport = new_ticket(db, priority="high")
    english_only = officer(db, teams=("passport",), languages=("en",))
    assert claim(db, english_only) == urgent_passport
    assert claim(db, english_only) == english_passport
    assert claim(db, english_only) is None  # the French and programs tickets are not theirs
    bilingual = officer(db, teams=("passport", "programs"), languages=("en", "fr"))
    assert {claim(db, bilingual), claim(db, bilingual)} == {french_passport, english_programs}


def test_officer_cannot_take_a_ticket_of_another_language(db):
    french = new_ticket(db, language="fr")
    english_only = officer(db)
    with pytest.raises(queue.QueueError) as error:
        claim(db, english_only, french)
    assert error.value.code == "not_your_queue"
    assert status(db, french)[0] == "waiting"


def test_capacity_is_enforced(db):
    tickets = [new_ticket(db) for _ in range(3)]
    busy = officer(db, max_concurrent=2)
    assert claim(db, busy) == tickets[0]
    assert claim(db, busy) == tickets[1]
    with pytest.raises(queue.QueueError) as error:
        claim(db, busy)
    assert error.value.code == "at_capacity"


def test_double_claim_of_a_chosen_ticket_fails(db):
    ticket = new_ticket(db)
    first, second = officer(db), officer(db)
    assert claim(db, first, ticket) == ticket
    with pytest.raises(queue.QueueError) as error:
        claim(db, second, ticket)
    assert error.value.code == "already_taken"
    assert status(db, ticket)[1] == first


@pytest.mark.parametrize("rounds", [5])
def test_racing_officers_never_share_a_ticket(db, rounds):
    """Eight officers in eight threads claim at the same instant; each ticket has one winner."""
    officers = [officer(db, max_concurrent=50) for _ in range(8)]
    for _ in range(rounds):
        tickets = [new_ticket(db) for _ in range(3)]
        barrier = threading.Barrier(len(officers))
        won: List[Optional[int]] = [None] * len(officers)
        errors: List[BaseException] = []

        def race(index: int) -> None:
            barrier.wait()
            try:
                won[index] = claim(db, officers[index])
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=race, args=(i,)) for i in range(len(officers))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert not errors, errors
        winners = [t for t in won if t is not None]
        assert sorted(winners) == sorted(tickets), won  # every ticket once, none twice
        for ticket in tickets:
            state, owner, _ = status(db, ticket)
            assert state == "active" and owner == officers[won.index(ticket)]


def test_transfer_to_a_team_requeues_and_to_an_officer_hands_over(db):
    ticket = new_ticket(db)
    first = officer(db, teams=("passport", "programs"))
    second = officer(db, teams=("programs",))
    claim(db, first, ticket)

    def to_team(session):
        queue.transfer(session, session.get(Ticket, ticket), team="programs")
    db.run(to_team)
    assert status(db, ticket) == ("waiting", None, "programs")
    assert claim(db, second) == ticket

    def to_officer(session):
        queue.transfer(session, session.get(Ticket, ticket), officer=session.get(Officer, first))
    db.run(to_officer)
    assert status(db, ticket) == ("active", first, "programs")


def test_supervisor_assigns_and_officer_cannot(db):
    ticket = new_ticket(db)
    plain = officer(db)
    supervisor = officer(db, role="supervisor")

    def assign(by, to):
        return lambda s: queue.assign(s, s.get(Officer, by), ticket, s.get(Officer, to))
    with pytest.raises(queue.QueueError):
        db.run(assign(plain, plain))
    db.run(assign(supervisor, plain))
    assert status(db, ticket)[:2] == ("active", plain)


def test_close_twice_is_refused(db):
    ticket = new_ticket(db)
    db.run(lambda s: queue.close(s, s.get(Ticket, ticket), "resolved", "answered"))
    with pytest.raises(queue.QueueError):
        db.run(lambda s: queue.close(s, s.get(Ticket, ticket), "resolved", "answered"))


def test_waiting_for_a_supervisor_shows_every_queue(db):
    new_ticket(db, language="fr", topic="programs")
    supervisor = officer(db, role="supervisor")
    assert len(db.run(lambda s: queue.waiting_for(s, s.get(Officer, supervisor)))) == 1


# --- accounts --------------------------------------------------------------------------


def test_password_is_hashed_and_checked():
    stored = accounts.hash_password(PASSWORD)
    assert PASSWORD not in stored and stored.startswith("scrypt$")
    assert accounts.check_password(PASSWORD, stored)
    assert not accounts.check_password("wrong password!", stored)
    assert not accounts.check_password(PASSWORD, "garbage")


@pytest.mark.parametrize("kwargs, message", [
    ({"username": "a b"}, "username"),
    ({"password": "short"}, "12 characters"),
    ({"role": "king"}, "role"),
    ({"teams": ("tax",)}, "teams"),
    ({"languages": ("de",)}, "languages"),
])
def test_bad_accounts_are_refused(db, kwargs, message):
    values = {"username": "valid.name", "password": PASSWORD, **kwargs}
    with pytest.raises(accounts.AccountError, match=message):
        db.run(lambda s: accounts.add_officer(s, values.pop("username"), values.pop("password"), **values))


def test_duplicate_username_is_refused(db):
    db.run(lambda s: accounts.add_officer(s, "marie", PASSWORD))
    with pytest.raises(accounts.AccountError, match="exists"):
        db.run(lambda s: accounts.add_officer(s, "Marie", PASSWORD))


def test_sign_in_session_and_sign_out(db):
    db.run(lambda s: accounts.add_officer(s, "paul", PASSWORD))
    result = db.run(lambda s: accounts.sign_in(s, "paul", PASSWORD))
    assert result.officer is not None and result.token and result.csrf
    found = db.run(lambda s: accounts.resolve_session(s, result.token))
    assert found is not None and found.csrf_token == result.csrf
    db.run(lambda s: accounts.sign_out(s, result.token))
    assert db.run(lambda s: accounts.resolve_session(s, result.token)) is None


def test_expired_session_is_refused(db):
    db.run(lambda s: accounts.add_officer(s, "lea", PASSWORD))
    result = db.run(lambda s: accounts.sign_in(s, "lea", PASSWORD))
    later = utcnow() + accounts.SESSION_LIFETIME + timedelta(minutes=1)
    assert db.run(lambda s: accounts.resolve_session(s, result.token, now=later)) is None


def test_unknown_user_gets_the_same_error(db):
    assert db.run(lambda s: accounts.sign_in(s, "nobody", PASSWORD)).error == "bad_credentials"


def test_trainers_never_take_tickets_nor_count_as_serving(db):
    ticket = new_ticket(db)
    trainer = officer(db, role="trainer")
    assert db.run(lambda s: queue.waiting_for(s, s.get(Officer, trainer))) == []
    with pytest.raises(queue.QueueError) as error:
        claim(db, trainer, ticket)
    assert error.value.code == "forbidden"
    assert db.run(lambda s: queue.officers_serving(s, "passport", "en")) == 0
