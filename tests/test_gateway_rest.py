"""The gateway end to end through Rasa's REST contract, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from sqlalchemy import create_engine, text

from bot.gateway.app import purge_expired
from bot.settings import Settings
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Message
from bot.texts import say
from tests.support.gateway import new_sender, rest, running_gateway, stored, texts

async def test_rest_contract_answers_with_recipient_text_and_buttons(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        sender = new_sender()
        replies = await rest(client, sender, "How much does a passport cost?")
    assert replies, "the gateway answered nothing"
    assert all(reply["recipient_id"] == sender for reply in replies)
    assert all(set(reply) <= {"recipient_id", "text", "buttons", "image", "custom"} for reply in replies)
    assert "Hello! Bonjour!" in replies[0]["text"], "the first reply is the bilingual active offer"
    answer = replies[-1]
    assert "163.50" in answer["text"] and "canada.ca" in answer["text"]
    assert answer["buttons"] == [{"title": "Calculate my fee", "payload": "/passport_fee_calculator"}]


async def test_french_conversation_is_answered_in_french_and_stays_french(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        sender = new_sender()
        greeting = await rest(client, sender, "Bonjour")
        fees = await rest(client, sender, "combien ça coûte un passeport pour un adulte")
        short = await rest(client, sender, "ok")
    assert "Comment puis-je vous aider" in texts(greeting)
    assert "163,50 $" in texts(fees)
    assert "Puis-je vous aider pour autre chose" in texts(short), texts(short)


async def test_fee_calculator_through_button_payloads(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        sender = new_sender()
        await rest(client, sender, "/passport_fee_calculator")
        for answer in ("adult", "5", "in Canada", "express"):
            await rest(client, sender, answer)
        result = await rest(client, sender, "yes")
    assert "$217.50 CAD" in texts(result), texts(result)  # 122.50 + 50 express + 45 lost or stolen


async def test_malformed_requests_get_clear_errors(servers, settings, engine):
    async with running_gateway(servers, settings, engine) as client:
        not_json = await client.post("/webhooks/rest/webhook", data=b"{nope", headers={"Content-Type": "application/json"})
        a_list = await client.post("/webhooks/rest/webhook", json=["hello"])
        no_message = await client.post("/webhooks/rest/webhook", json={"sender": "x"})
        number = await client.post("/webhooks/rest/webhook", json={"sender": "x", "message": 42})
        bad_metadata = await client.post("/webhooks/rest/webhook", json={"sender": "x", "message": "hi", "metadata": []})
        huge_body = await client.post("/webhooks/rest/webhook", json={"sender": "x", "message": "a" * 400_000})
        health = await client.get("/webhooks/rest/")
    for response in (not_json, a_list, no_message, number, bad_metadata):
        assert response.status == 400
        assert (await response.json())["error"]
    assert huge_body.status == 413
    assert health.status == 200


async def test_too_long_message_is_refused_politely_and_kept(servers, settings, engine):
    limited = replace(settings, max_message_chars=50)
    sender = new_sender()
    async with running_gateway(servers, limited, engine) as client:
        replies = await rest(client, sender, "How do I renew my passport? " * 5)
    assert texts(replies) == say("too_long", "en", limit=50)
    citizen = [line for line in stored(limited, sender) if line["sender"] == "citizen"]
    assert citizen and citizen[0]["status"] == "too_long"
    assert citizen[0]["text"].startswith("How do I renew my passport?")


async def test_personal_information_never_reaches_storage_or_the_engine(servers, settings, engine):
    sender = new_sender()
    async with running_gateway(servers, settings, engine) as client:
        replies = await rest(client, sender, "my SIN is 046 454 286 and passport AB123456, how do I get a SIN?")
    assert say("redacted", "en") in texts(replies)
    assert "Social Insurance Number" in texts(replies), "the question is still answered"
    lines = stored(settings, sender)
    assert lines[0]["text"] == "my SIN is [SIN] and passport [PASSPORT], how do I get a SIN?"
    trackers = create_engine(settings.trackers_url)
    with trackers.connect() as connection:
        events = " ".join(row[0] for row in connection.execute(text("SELECT data FROM events")))
    trackers.dispose()
    assert "[SIN]" in events and "046 454 286" not in events and "AB123456" not in events


async def test_rate_limit_replies_politely_and_keeps_the_message(servers, settings, engine):
    limited = replace(settings, rate_limit_per_minute=2)
    sender = new_sender()
    async with running_gateway(servers, limited, engine) as client:
        await rest(client, sender, "hello")
        await rest(client, sender, "what can you do")
        third = await rest(client, sender, "how do I apply for EI")
    assert texts(third) == say("rate_limited", "en")
    citizen = [line for line in stored(limited, sender) if line["sender"] == "citizen"]
    assert [line["status"] for line in citizen] == ["answered", "answered", "rate_limited"]


async def test_action_server_down_gives_bilingual_unavailable_reply_and_keeps_message(
    servers, settings, engine_with_action_server, action_server
):
    sender = new_sender()
    async with running_gateway(servers, settings, engine_with_action_server) as client:
        await rest(client, sender, "Bonjour, je veux renouveler mon passeport")
        await servers.call(action_server.stop())
        try:
            replies = await rest(client, sender, "combien de temps ça prend")
        finally:
            await servers.call(action_server.start())
        after = await rest(client, sender, "combien de temps ça prend")
    assert texts(replies) == say("unavailable", "fr")
    citizen = [line for line in stored(settings, sender) if line["sender"] == "citizen"]
    assert citizen[1]["text"] == "combien de temps ça prend" and citizen[1]["status"] == "unanswered"
    assert "jours ouvrables" in texts(after), "the assistant answers again once the actions are back"


async def test_a_failing_in_process_action_gives_the_unavailable_reply_and_keeps_message(
    servers, settings, engine, monkeypatch
):
    def broken(dispatcher, tracker, domain):
        raise RuntimeError("content file unreadable")

    actions = engine.agent.processor.action_endpoint.executor.actions
    sender = new_sender()
    async with running_gateway(servers, settings, engine) as client:
        await rest(client, sender, "Bonjour")
        monkeypatch.setitem(actions, "action_validate_slot_mappings", broken)  # runs on every turn
        replies = await rest(client, sender, "combien coûte un passeport?")
        monkeypatch.undo()
        after = await rest(client, sender, "combien coûte un passeport?")
    assert texts(replies) == say("unavailable", "fr")
    citizen = [line for line in stored(settings, sender) if line["sender"] == "citizen"]
    assert citizen[1]["status"] == "unanswered"
    assert "$" in texts(after), "the assistant answers again once the action works"


async def test_handoff_request_is_recorded_for_the_gateway_and_hidden_from_the_citizen(servers, settings, engine):
    sender = new_sender()
    async with running_gateway(servers, settings, engine) as client:
        replies = await rest(client, sender, "I want to talk to a real person")
    assert "transferring you to a Government of Canada officer" in texts(replies)
    assert not any("custom" in reply for reply in replies)
    assert all(set(reply) <= {"recipient_id", "text", "buttons", "image"} for reply in replies), replies
    events = [line for line in stored(settings, sender) if line["sender"] == "event"]
    assert len(events) == 1
    assert [line for line in stored(settings, sender, include_events=False) if line["sender"] == "event"] == []


async def test_transcript_records_direction_intent_confidence_and_language(servers, settings, engine):
    sender = new_sender()
    async with running_gateway(servers, settings, engine) as client:
        await rest(client, sender, "Comment faire une demande d'assurance-emploi?")
    lines = stored(settings, sender)
    citizen = lines[0]
    assert citizen["sender"] == "citizen" and citizen["intent"] == "ei_apply"
    assert citizen["language"] == "fr" and 0.5 < citizen["confidence"] <= 1.0
    bots = [line for line in lines if line["sender"] == "bot"]
    assert bots and all(line["language"] == "fr" for line in bots)
    assert "assurance-emploi" in bots[-1]["text"]


async def test_retention_purges_only_old_transcripts(servers, settings, engine):
    sender = new_sender()
    async with running_gateway(servers, settings, engine) as client:
        await rest(client, sender, "hello")
    db = Database(settings.transcripts_url)
    old = datetime.now(timezone.utc) - timedelta(days=settings.retention_days + 1)

    def age_first_line(session):
        first = session.query(Message).filter(Message.conversation_id == f"rest:{sender}").order_by(Message.id).first()
        first.created_at = old

    db.run(age_first_line)
    removed = purge_expired(db, settings.retention_days)
    db.dispose()
    assert removed >= 1
    remaining = stored(settings, sender)
    assert remaining and all(line["sender"] != "citizen" for line in remaining)
