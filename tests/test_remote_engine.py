"""The gateway in front of an existing Rasa server (GOVBOT_RASA_URL), and a Rasa restart
in the middle of a form: the SQL tracker store keeps the conversation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.storage import transcripts
from bot.storage.database import Database
from tests.support.gateway import new_sender, rest, running_gateway, texts
from bot.bench.ports import free_port
from tests.support.rasa_server import RasaServer


@pytest.fixture
def rasa_server(trained_model, action_server, database_urls, tmp_path):
    server = RasaServer(trained_model, free_port(), action_server.port, database_urls[1], tmp_path)
    server.start()
    yield server
    server.stop()


async def test_gateway_uses_an_existing_rasa_server_and_survives_its_restart(servers, settings, rasa_server):
    remote = replace(settings, rasa_url=rasa_server.url)
    sender = new_sender()
    async with running_gateway(servers, remote, None) as client:
        first = await rest(client, sender, "Je veux calculer les frais de mon passeport")
        assert "Calculons les frais" in texts(first)
        assert "Adulte" in str(first[-1].get("buttons"))
        await rest(client, sender, "adulte")
        async with client.get("/health") as health:
            assert health.status == 200

        rasa_server.stop()
        down = await rest(client, sender, "10 ans")
        assert "temporairement indisponible" in texts(down), "French unavailable reply while Rasa is down"
        async with client.get("/health") as health:
            assert health.status == 503
            assert (await health.json())["checks"] == {"database": "ok", "engine": "Rasa server unreachable",
                                                         "spool": "ok"}

        rasa_server.start()
        resumed = await rest(client, sender, "10 ans")
        assert "au Canada ou à l'extérieur du Canada" in texts(resumed), texts(resumed)

        # A handoff through the remote engine; cancelling it is recorded in Rasa's tracker.
        other = new_sender()
        assert "numéro" in texts(await rest(client, other, "je veux parler à un agent"))
        await rest(client, other, "laisse faire")
        async with client.get(f"{rasa_server.url}/conversations/rest:{other}/tracker") as response:
            tracker = await response.json()
        assert tracker["slots"]["handoff_outcome"] == "citizen_cancelled"

    db = Database(settings.transcripts_url)
    lines = db.run(transcripts.history, f"rest:{sender}")
    db.dispose()
    citizen = [line for line in lines if line["sender"] == "citizen"]
    assert citizen[0]["intent"] == "passport_fee_calculator" and citizen[0]["language"] == "fr"
    assert [line["status"] for line in citizen] == ["answered", "answered", "unanswered", "answered"]
