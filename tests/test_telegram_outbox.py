"""Telegram replies through the outbox (bot/gateway/outbox.py), end to end: the real gateway
with python-telegram-bot's client against the local Bot API emulator, which fails on demand
(500, 429 with retry_after, 403) or is not there at all when the gateway starts."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any, Dict, List

import pytest

from bot.gateway.outbox import Outbox
from bot.gateway.senders import load_sender_key
from bot.settings import Secret, Settings
from bot.storage.database import Database
from bot.storage.models import Message, OutboxLine
from channels.telegram import TelegramChannel
from tests.support.gateway import new_sender, rest, running_gateway
from bot.bench.ports import free_port
from tests.support.telegram_emulator import BotApiEmulator
from tests.test_telegram_channel import connected


def outbox_settings(settings: Settings, emulator_url: str, token: str, **extra: Any) -> Settings:
    fast: Dict[str, Any] = {"outbox_retry_seconds": 0.02, "outbox_max_retry_seconds": 0.1, **extra}
    return replace(settings, telegram_token=Secret(token), telegram_api_base_url=emulator_url, **fast)


def for_emulator(settings: Settings, telegram: BotApiEmulator, **extra: Any) -> Settings:
    return outbox_settings(settings, telegram.base_url.removesuffix("/bot"), telegram.token, **extra)


def rows(settings: Settings, chat: int) -> List[Dict[str, Any]]:
    db = Database(settings.transcripts_url)
    try:
        return db.run(lambda s: [
            {"id": r.id, "status": r.status, "attempts": r.attempts, "address": r.address,
             "text": r.body.get("text", ""), "line": r.message_id, "error": r.last_error}
            for r in s.query(OutboxLine).filter(OutboxLine.conversation_id == f"telegram:{chat}").order_by(OutboxLine.id)])
    finally:
        db.dispose()


def line_status(settings: Settings, line_id: int) -> str:
    db = Database(settings.transcripts_url)
    try:
        return db.run(lambda s: s.get(Message, line_id).status)
    finally:
        db.dispose()


async def settled(settings: Settings, chat: int, count: int) -> List[Dict[str, Any]]:
    """The chat's outbox lines once `count` of them are sent or failed."""
    for _ in range(1000):
        found = rows(settings, chat)
        if sum(row["status"] in ("sent", "failed") for row in found) >= count:
            return found
        await asyncio.sleep(0.02)
    raise AssertionError(f"not settled: {found}")


async def test_a_500_is_retried_and_the_replies_arrive_once_in_order_marked_sent(servers, settings, engine):
    async with BotApiEmulator() as telegram:
        configured = for_emulator(settings, telegram)
        telegram.fail_next = [(500, None), (500, None)]  # the welcome fails twice; the greeting waits for it
        async with running_gateway(servers, configured, engine) as client:
            chat = 5201
            telegram.push_command(chat, "/start")
            welcome, greeting = await telegram.wait_for_messages(chat, 2, timeout=30)
            assert welcome["text"].startswith("Hello! Bonjour!") and greeting["text"] != welcome["text"]
            assert telegram.refused == [500, 500]
            found = await settled(configured, chat, 2)
            async with client.get("/metrics") as response:
                metrics = await response.text()
        assert len(telegram.sent_messages(chat)) == 2, "each reply arrived once"
        assert [row["status"] for row in found] == ["sent", "sent"] and found[0]["attempts"] == 3
        assert all(line_status(configured, row["line"]) == "sent" for row in found)
        assert 'govbot_outbox_messages_total{channel="telegram",result="retried"} 2' in metrics
        assert 'govbot_outbox_messages_total{channel="telegram",result="sent"} 2' in metrics
        assert all(row["address"] == "" and str(chat) not in row["address"] for row in found)


async def test_429_retry_after_is_honoured(servers, settings, engine):
    async with BotApiEmulator() as telegram:
        configured = for_emulator(settings, telegram, outbox_max_retry_seconds=5.0)
        async with running_gateway(servers, configured, engine):
            chat = 5202
            telegram.fail_next = [(429, 1)]
            telegram.push_command(chat, "/language")
            await telegram.wait_until(lambda: telegram.refused == [429], timeout=30, what="the 429")
            refused_at = asyncio.get_running_loop().time()
            (menu,) = await telegram.wait_for_messages(chat, 1, timeout=30)
            waited = asyncio.get_running_loop().time() - refused_at
        assert waited >= 0.9, f"sent again after {waited:.2f} s, before Telegram's retry_after of 1 s"
        assert [b["callback_data"] for row in menu["reply_markup"]["inline_keyboard"] for b in row] == [
            "English", "français"]


async def test_a_refused_send_is_failed_at_once_and_visible(servers, settings, engine):
    async with BotApiEmulator() as telegram:
        configured = for_emulator(settings, telegram)
        async with running_gateway(servers, configured, engine) as client:
            chat = 5203
            telegram.fail_next = [(403, None)]  # the citizen blocked the bot
            telegram.push_text(chat, "How do I apply for EI?")
            found = await settled(configured, chat, 2)
            async with client.get("/metrics") as response:
                metrics = await response.text()
        assert telegram.refused == [403]
        first = found[0]
        assert (first["status"], first["attempts"]) == ("failed", 1) and "blocked" in first["error"]
        assert line_status(configured, first["line"]) == "failed", "the transcript shows it failed"
        assert 'govbot_outbox_messages_total{channel="telegram",result="failed"} 1' in metrics


async def test_the_gateway_starts_without_the_bot_api_and_telegram_connects_when_it_comes(
        servers, settings, engine, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(TelegramChannel, "connect_delays", (0.05,))
    port = free_port()
    emulator = BotApiEmulator(port=port)
    configured = outbox_settings(settings, f"http://127.0.0.1:{port}", emulator.token)
    async with running_gateway(servers, configured, engine) as client:
        async with client.get("/health") as response:
            health = await response.json()
            assert response.status == 200, "a Telegram outage does not take the web chat out of service"
        assert health["status"] == "ok" and health["checks"]["telegram"] in ("starting", "unreachable")
        sender = new_sender()
        assert await rest(client, sender, "hello"), "REST answers meanwhile"
        async with emulator:
            checks = await connected(client)
            assert checks["telegram"] == "ok" and checks["outbox"] == "ok"
            emulator.push_text(5204, "How do I apply for EI?")
            replies = await emulator.wait_for_messages(5204, 2, timeout=30)
            assert "Employment Insurance" in replies[1]["text"]


async def test_the_webhook_answers_503_while_telegram_is_starting(servers, settings, engine, monkeypatch):
    monkeypatch.setattr(TelegramChannel, "connect_delays", (30.0,))  # stays unreachable in this test
    port = free_port()
    configured = outbox_settings(
        settings, f"http://127.0.0.1:{port}", "123456789:TEST-emulator-token_abcdefghijklmno",
        telegram_mode="webhook", telegram_webhook_url=f"http://127.0.0.1:{settings.port}/telegram/webhook",
        telegram_secret_token=Secret("s3cret-token_for-tests"))
    update = {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "text": "hi"}}
    async with running_gateway(servers, configured, engine) as client:
        async with client.post("/telegram/webhook", json=update,
                               headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token_for-tests"}) as response:
            assert response.status == 503


async def test_unsent_lines_survive_a_restart_and_are_sent_in_order(servers, settings, engine):
    async with BotApiEmulator() as telegram:
        configured = for_emulator(settings, telegram)
        chat = 5205
        telegram.fail_next = [(500, None)] * 100_000  # down for as long as the first gateway runs
        async with running_gateway(servers, configured, engine):
            telegram.push_command(chat, "/start")
            for _ in range(1000):
                waiting = rows(configured, chat)
                if len(waiting) == 2 and waiting[0]["attempts"] >= 2:
                    break
                await asyncio.sleep(0.02)
        assert [row["status"] for row in waiting] == ["pending", "pending"]
        assert waiting[1]["attempts"] == 0, "the second waits behind the first: order is kept"
        assert all(row["address"].startswith("v1:") and str(chat) not in row["address"] for row in waiting)
        db = Database(configured.transcripts_url)
        try:  # what a restarted process reads: the address, under the key kept in the data directory
            outbox = Outbox(db, load_sender_key("", configured.data_dir))
            assert outbox.unseal("telegram", f"telegram:{chat}", waiting[0]["address"]) == str(chat)
            with pytest.raises(ValueError):  # bound to its conversation
                outbox.unseal("telegram", "telegram:1", waiting[0]["address"])
        finally:
            db.dispose()
        assert telegram.sent_messages(chat) == []
        telegram.fail_next = []
        async with running_gateway(servers, configured, engine):
            welcome, greeting = await telegram.wait_for_messages(chat, 2, timeout=30)
            found = await settled(configured, chat, 2)
        assert welcome["text"].startswith("Hello! Bonjour!") and greeting["text"] != welcome["text"]
        assert [row["status"] for row in found] == ["sent", "sent"]
        assert len(telegram.sent_messages(chat)) == 2


async def test_a_webhook_update_whose_handling_failed_is_answered_500_and_handled_on_redelivery(
        servers, settings, engine, monkeypatch: pytest.MonkeyPatch):
    """The database refuses the outbox's write once: nothing is lost, Telegram is told 500,
    and its re-delivery of the same update id is handled (the claim was released)."""
    from bot.storage.database import StorageUnavailable

    real_post = Outbox.post
    failures = [StorageUnavailable("database unavailable: injected")]

    async def post_failing_once(self: Outbox, *args: Any) -> None:
        if failures:
            raise failures.pop()
        await real_post(self, *args)

    monkeypatch.setattr(Outbox, "post", post_failing_once)
    async with BotApiEmulator() as telegram:
        configured = for_emulator(
            settings, telegram, telegram_mode="webhook",
            telegram_webhook_url=f"http://127.0.0.1:{settings.port}/telegram/webhook",
            telegram_secret_token=Secret("s3cret-token_for-tests"))
        async with running_gateway(servers, configured, engine) as client:
            await connected(client)
            update_id = telegram.push_command(5206, "/language")
            (menu,) = await telegram.wait_for_messages(5206, 1, timeout=30)
            await telegram.flush_webhook()
    assert failures == []
    assert [status for uid, status in telegram.webhook_deliveries if uid == update_id] == [500, 200]
    assert menu["text"] and len(telegram.sent_messages(5206)) == 1
