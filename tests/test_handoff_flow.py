"""Handoff end to end through the real gateway, model and action server: a citizen on REST,
in French, and on Telegram (python-telegram-bot against the Bot API emulator) is handed off,
an officer takes the ticket in the console API, they talk, and the citizen goes back to the bot."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import replace
from pathlib import Path

from bot.handoff import accounts, sign_in_throttle
from bot.settings import Secret
from bot.storage.database import Database
from bot.storage.models import AuditEntry, Ticket
from bot.storage.models import Officer as OfficerAccount
from bot.texts import say
from tests.support.console_client import Officer
from tests.support.gateway import new_sender, rest, running_gateway, texts
from tests.support.telegram_emulator import BotApiEmulator

PASSWORD = "officer password 2026"


def make_officer(settings, **kwargs) -> str:
    username = f"agent{uuid.uuid4().hex[:8]}"
    db = Database(settings.transcripts_url)
    db.upgrade_schema()
    db.run(lambda s: accounts.add_officer(
        s, username, PASSWORD, display_name=kwargs.pop("name", "Alex"),
        teams=kwargs.pop("teams", ("passport", "programs", "general")),
        languages=kwargs.pop("languages", ("en", "fr")), **kwargs))
    db.dispose()
    return username


def base_url(settings) -> str:
    return f"http://127.0.0.1:{settings.port}"


async def test_rest_citizen_handed_off_talks_to_an_officer_and_returns_to_the_bot(servers, settings, engine):
    username = make_officer(settings, name="Alex")
    sender = new_sender()
    conversation = f"rest:{sender}"
    async with running_gateway(servers, settings, engine) as client:
        await rest(client, sender, "hello")
        handoff = texts(await rest(client, sender, "I want to talk to a real person"))
        assert re.search(r"You are number \d+ in line\. The estimated wait is about \d+ minutes?", handoff)

        # While handed off the bot is silent; the message is kept for the officer, and the desk
        # says it will be read (bot/handoff/desk.py `intercept`).
        waiting = texts(await rest(client, sender, "hello? my passport was stolen yesterday"))
        assert re.fullmatch(re.escape(say("handoff_waiting_ack", "en", position="N")).replace("N", r"\d+"), waiting)

        async with Officer(base_url(settings)) as officer:
            assert await officer.sign_in(username, PASSWORD) == 303
            ticket = await officer.ticket_for(conversation)
            assert (ticket["status"], ticket["reason"], ticket["language"]) == ("waiting", "citizen_request", "en")
            transcript = await officer.transcript(ticket["id"])
            senders = [line["sender"] for line in transcript]
            assert "bot" in senders and "event" in senders, "the officer sees the bot's part and why"
            said = [line for line in transcript if line["sender"] == "citizen"][-1]
            assert said["text"] == "hello? my passport was stolen yesterday"
            assert said["status"] == "to_officer"
            assert ticket["team"] == "passport", "a stolen passport moves the ticket to the passport team"

            await officer.post(f"/console/api/tickets/{ticket['id']}/claim")
            await officer.post(f"/console/api/tickets/{ticket['id']}/messages",
                               {"text": "Hello, I'm Alex. When do you travel?"})
            await officer.post(f"/console/api/tickets/{ticket['id']}/notes", {"text": "stolen, check travel date"})

            # REST cannot push: what the officer said arrives with the citizen's next reply.
            replies = texts(await rest(client, sender, "next week"))
            assert say("officer_joined", "en", name="Alex") in replies
            assert "Hello, I'm Alex. When do you travel?" in replies
            assert (await officer.transcript(ticket["id"]))[-1]["text"] == "next week"

            # Two officers can never hold the same ticket.
            other = make_officer(settings, name="Sam")
            async with Officer(base_url(settings)) as second:
                await second.sign_in(other, PASSWORD)
                taken = await second.post(f"/console/api/tickets/{ticket['id']}/claim", expect=409)
                assert taken["error"] == "already_taken"
                refused = await second.post(f"/console/api/tickets/{ticket['id']}/messages",
                                            {"text": "hi"}, expect=409)
                assert refused["error"] == "not_yours"

            await officer.post(f"/console/api/tickets/{ticket['id']}/resolve", {"outcome": "answered"})
            details = await officer.get(f"/console/api/tickets/{ticket['id']}")
            assert details["ticket"]["status"] == "resolved"
            assert details["notes"][0]["text"] == "stolen, check travel date"

        rating = texts(await rest(client, sender, "5"))
        assert say("handoff_resolved", "en") in rating
        assert say("rating_thanks", "en") in rating
        back = texts(await rest(client, sender, "how much is a passport?"))
        assert "163.50" in back, "the bot answers again"

    tracker = await servers.call(engine.agent.processor.get_tracker(conversation))
    assert tracker.get_slot("handoff_outcome") == "answered"
    db = Database(settings.transcripts_url)
    rated = db.run(lambda s: s.get(Ticket, ticket["id"]).rating)
    audited = db.run(lambda s: [(e.action, e.ticket_id) for e in s.query(AuditEntry).join(
        OfficerAccount, OfficerAccount.id == AuditEntry.officer_id).filter(OfficerAccount.username == username).order_by(AuditEntry.id)])
    db.dispose()
    assert rated == 5
    assert audited == [("signed_in", None), ("claim", ticket["id"]), ("message", ticket["id"]),
                       ("note", ticket["id"]), ("resolve", ticket["id"])], "every officer action is audit-logged"


async def test_supervisor_assigns_a_waiting_ticket_and_an_officer_cannot(servers, settings, engine):
    supervisor = make_officer(settings, role="supervisor", name="Chris")
    officer_name = make_officer(settings, name="Dana")
    sender = new_sender()
    async with running_gateway(servers, settings, engine) as client:
        await rest(client, sender, "I want to talk to a person")
        async with Officer(base_url(settings)) as boss, Officer(base_url(settings)) as dana:
            await boss.sign_in(supervisor, PASSWORD)
            await dana.sign_in(officer_name, PASSWORD)
            ticket = await boss.ticket_for(f"rest:{sender}")
            dana_id = (await dana.get("/console/api/me"))["id"]
            refused = await dana.post(f"/console/api/tickets/{ticket['id']}/assign", {"officer_id": dana_id}, expect=409)
            assert refused["error"] == "forbidden"
            await boss.post(f"/console/api/tickets/{ticket['id']}/assign", {"officer_id": dana_id})
            mine = (await dana.get("/console/api/queue"))["mine"]
            assert [t["id"] for t in mine] == [ticket["id"]]
            assert any(t["id"] == ticket["id"] for t in (await boss.get("/console/api/queue"))["active"])


async def test_french_citizen_is_told_in_french_and_can_cancel(servers, settings, engine):
    sender = new_sender()
    async with running_gateway(servers, settings, engine) as client:
        await rest(client, sender, "bonjour")
        handoff = texts(await rest(client, sender, "je veux parler à un agent s'il vous plaît"))
        assert re.search(r"Vous êtes au (1er|\d+e) rang dans la file d'attente\. L'attente estimée est "
                         r"d'environ \d+ minutes?\.", handoff)
        assert texts(await rest(client, sender, "laisse faire")) == say("handoff_cancelled", "fr")
        back = texts(await rest(client, sender, "combien coûte un passeport?"))
        assert "163,50" in back
    tracker = await servers.call(engine.agent.processor.get_tracker(f"rest:{sender}"))
    assert tracker.get_slot("handoff_outcome") == "citizen_cancelled"


async def test_outside_office_hours_the_citizen_is_told_when_someone_answers(servers, settings, engine, tmp_path: Path):
    closed = tmp_path / "hours.yml"
    closed.write_text(
        'timezone: America/Toronto\nteams:\n  general: {days: [mon, tue, wed, thu, fri, sat, sun], open: "00:00", close: "00:00"}\n'
        'holidays: []\n', encoding="utf-8")
    sender = new_sender()
    async with running_gateway(servers, replace(settings, office_hours_file=closed), engine) as client:
        reply = texts(await rest(client, sender, "can I speak to a human agent please"))
        assert "Our officers are not available right now" in reply
        assert re.search(r"from \w+day, \w+ \d+ at 12:00 a\.m\. \(Eastern time\)", reply)
        assert texts(await rest(client, sender, "ok I'll wait")).startswith("Thank you, your message will be read")


async def test_telegram_citizen_gets_officer_messages_pushed(servers, settings, engine):
    username = make_officer(settings, name="Marie")
    async with BotApiEmulator() as telegram:
        tg_settings = replace(settings, telegram_token=Secret(telegram.token),
                              telegram_api_base_url=telegram.base_url.removesuffix("/bot"))
        async with running_gateway(servers, tg_settings, engine):
            chat = 7000 + uuid.uuid4().int % 1000
            telegram.push_text(chat, "je veux parler à un agent", language_code="fr")
            sent = await telegram.wait_for_messages(chat, 3, timeout=30)
            assert any("Vous êtes au " in m["text"] for m in sent)
            async with Officer(base_url(tg_settings)) as officer:
                await officer.sign_in(username, PASSWORD)
                ticket = await officer.ticket_for(f"telegram:{chat}")
                assert ticket["language"] == "fr" and ticket["channel"] == "telegram"
                await officer.post(f"/console/api/tickets/{ticket['id']}/claim")
                joined = (await telegram.wait_for_messages(chat, len(sent) + 1, timeout=30))[-1]
                assert joined["text"] == say("officer_joined", "fr", name="Marie")
                await officer.post(f"/console/api/tickets/{ticket['id']}/messages", {"text": "Bonjour, je suis Marie."})
                pushed = (await telegram.wait_for_messages(chat, len(sent) + 2, timeout=30))[-1]
                assert pushed["text"] == "Bonjour, je suis Marie."

                telegram.push_text(chat, "merci, j'ai perdu mon passeport", language_code="fr")
                for _ in range(50):
                    if (await officer.transcript(ticket["id"]))[-1]["text"] == "merci, j'ai perdu mon passeport":
                        break
                    await asyncio.sleep(0.2)
                else:
                    raise AssertionError("the citizen's Telegram message did not reach the officer")

                await officer.post(f"/console/api/tickets/{ticket['id']}/resolve", {"outcome": "referred"})
                resolved = (await telegram.wait_for_messages(chat, len(sent) + 3, timeout=30))[-1]
                assert resolved["text"] == say("handoff_resolved", "fr")


async def test_ticket_and_transcript_survive_a_gateway_restart(servers, settings, engine):
    username = make_officer(settings)
    sender = new_sender()
    async with running_gateway(servers, settings, engine) as client:
        await rest(client, sender, "I need to talk to someone, a person")
        await rest(client, sender, "are you there?")
    async with running_gateway(servers, settings, engine) as client:
        async with Officer(base_url(settings)) as officer:
            await officer.sign_in(username, PASSWORD)
            ticket = await officer.ticket_for(f"rest:{sender}")
            assert ticket["status"] == "waiting"
            await officer.post(f"/console/api/tickets/{ticket['id']}/claim")
            said = [line for line in await officer.transcript(ticket["id"]) if line["sender"] == "citizen"]
            assert said[-1]["text"] == "are you there?"
        assert await rest(client, sender, "still waiting") != []  # the officer-joined notice


async def test_console_requires_sign_in_csrf_and_locks_out(servers, settings, engine):
    username = make_officer(settings)
    async with running_gateway(servers, settings, engine) as client:
        async with client.get("/console", allow_redirects=False) as page:
            assert page.status == 303 and page.headers["Location"] == "/console/login"
        async with client.get("/console/api/queue") as api:
            assert api.status == 401
        async with Officer(base_url(settings)) as officer:
            assert await officer.sign_in(username, "not the password") == 401
            assert await officer.sign_in(username, PASSWORD) == 303
            async with officer.http.post("/console/api/claim-next") as no_csrf:
                assert no_csrf.status == 403
            async with officer.http.get("/console") as page:
                assert page.status == 200
                assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        async with Officer(base_url(settings)) as attacker:
            for _ in range(sign_in_throttle.PER_ACCOUNT.allowed):
                await attacker.sign_in(username, "guessing wrong")
            assert await attacker.sign_in(username, PASSWORD) == 429, "that address waits, even with the password"
        async with client.post("/console/login", data={"username": username, "password": PASSWORD}) as forged:
            assert forged.status == 403, "a login without the form's CSRF token is refused"
