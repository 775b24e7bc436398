"""Telegram end to end: python-telegram-bot's real client inside the gateway, against a
local Bot API emulator, in long-polling and in webhook mode."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from bot.settings import Secret
from bot.texts import say
from tests.support.gateway import running_gateway
from tests.support.telegram_emulator import SECRET_HEADER, BotApiEmulator


def telegram_settings(settings, emulator: BotApiEmulator, **extra):
    return replace(
        settings,
        telegram_token=Secret(emulator.token),
        telegram_api_base_url=emulator.base_url.removesuffix("/bot"),
        **extra,
    )


async def connected(client) -> dict:
    """GET /health until Telegram is connected (it connects in the background); the checks."""
    for _ in range(400):
        async with client.get("/health") as response:
            checks = (await response.json())["checks"]
        if checks.get("telegram") == "ok":
            return checks
        await asyncio.sleep(0.05)
    raise AssertionError(f"Telegram never connected: {checks}")


def buttons(sent: dict) -> list[tuple[str, str]]:
    markup = sent.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


async def test_polling_conversation_in_french_with_buttons_and_media(servers, settings, engine):
    async with BotApiEmulator() as telegram:
        async with running_gateway(servers, telegram_settings(settings, telegram), engine):
            chat = 5101
            telegram.push_command(chat, "/start", language_code="fr")
            welcome, greeting = await telegram.wait_for_messages(chat, 2, timeout=30)
            assert welcome["text"].startswith("Hello! Bonjour!")
            assert greeting["text"].startswith("Bonjour!"), "Telegram's language_code seeds French"

            telegram.push_text(chat, "combien ça coûte un passeport", language_code="fr")
            fees = (await telegram.wait_for_messages(chat, 3, timeout=30))[2]
            assert "163,50 $" in fees["text"]
            assert buttons(fees) == [("Calculer mes frais", "/passport_fee_calculator")]

            telegram.push_callback(chat, "/passport_fee_calculator", message_id=fees["message_id"])
            question = (await telegram.wait_for_messages(chat, 4, timeout=30))[3]
            assert question["text"].startswith("Calculons les frais")
            assert [title for title, _ in buttons(question)] == ["Adulte", "Enfant"]
            assert telegram.callback_answers, "the button tap was acknowledged"

            telegram.push_sticker(chat, language_code="fr")
            sticker_reply = (await telegram.wait_for_messages(chat, 5, timeout=30))[4]
            assert sticker_reply["text"] == say("unsupported_media", "fr")


async def test_language_command_offers_both_languages(servers, settings, engine):
    async with BotApiEmulator() as telegram:
        async with running_gateway(servers, telegram_settings(settings, telegram), engine):
            telegram.push_command(5102, "/language")
            (menu,) = await telegram.wait_for_messages(5102, 1, timeout=30)
            assert buttons(menu) == [("English", "English"), ("Français", "français")]
            telegram.push_callback(5102, "français", message_id=menu["message_id"])
            replies = await telegram.wait_for_messages(5102, 3, timeout=30)
            assert "continuons en français" in replies[-1]["text"]


async def test_webhook_checks_the_secret_and_processes_each_update_once(servers, settings, engine):
    async with BotApiEmulator() as telegram:
        port = settings.port
        configured = telegram_settings(
            settings,
            telegram,
            telegram_mode="webhook",
            telegram_webhook_url=f"http://127.0.0.1:{port}/telegram/webhook",
            telegram_secret_token=Secret("s3cret-token_for-tests"),
        )
        async with running_gateway(servers, configured, engine) as client:
            await connected(client)
            assert telegram.webhook_info["url"].endswith("/telegram/webhook")
            chat = 5103
            update_id = telegram.push_text(chat, "How do I apply for EI?")
            replies = await telegram.wait_for_messages(chat, 2, timeout=30)
            assert "Employment Insurance" in replies[1]["text"]

            telegram.duplicate(update_id)
            await telegram.flush_webhook()
            assert len(telegram.sent_messages(chat)) == 2, "a re-delivered update is answered once"
            assert all(status == 200 for _, status in telegram.webhook_deliveries)

            update = {"update_id": 990001, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "text": "hi"}}
            async with client.post("/telegram/webhook", json=update, headers={SECRET_HEADER: "wrong"}) as response:
                assert response.status == 401
            async with client.post("/telegram/webhook", json=update) as response:
                assert response.status == 401
            async with client.post(
                "/telegram/webhook", data=b"{oops", headers={SECRET_HEADER: "s3cret-token_for-tests", "Content-Type": "application/json"}
            ) as response:
                assert response.status == 400
            ignored = {"update_id": 990002, "poll": {"id": "1", "question": "q", "options": [], "total_voter_count": 0,
                                                      "is_closed": False, "is_anonymous": True, "type": "regular",
                                                      "allows_multiple_answers": False}}
            async with client.post("/telegram/webhook", json=ignored, headers={SECRET_HEADER: "s3cret-token_for-tests"}) as response:
                assert response.status == 200
            assert len(telegram.sent_messages(chat)) == 2 and telegram.sent_messages(1) == [], \
                "updates the bot ignores send nothing"
