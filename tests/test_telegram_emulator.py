"""Offline tests of tests/support/telegram_emulator.py driven by python-telegram-bot's real client.

Everything runs on 127.0.0.1: PTB's httpx client talks to the emulator, and in webhook mode
the emulator posts to a small aiohttp server started by the test.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Conflict, EndPointNotFound, InvalidToken
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.support.telegram_emulator import SECRET_HEADER, BotApiEmulator

CHAT = 4242
SECRET = "s3cret-Token_1"
KEYBOARD = InlineKeyboardMarkup(
    [[InlineKeyboardButton("Yes", callback_data="yes"), InlineKeyboardButton("No", callback_data="no")]]
)


@pytest_asyncio.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        yield emu


def make_bot(emu: BotApiEmulator, token: str | None = None) -> Bot:
    return Bot(token or emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url)


def make_app(emu: BotApiEmulator, errors: list[object], *, polling: bool = True) -> Application:
    builder = (
        ApplicationBuilder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
    )
    if not polling:
        builder = builder.updater(None)
    app = builder.build()

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text("Hello! Pick one:", reply_markup=KEYBOARD)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None and update.effective_chat is not None
        await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
        await update.message.reply_text(
            f"<b>echo:</b> {update.message.text}", parse_mode=ParseMode.HTML
        )

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer(f"You chose {query.data}")
        await query.edit_message_text(f"Chosen: {query.data}")

    async def media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        msg = update.message
        assert msg is not None
        if msg.sticker:
            text = f"sticker {msg.sticker.emoji} {msg.sticker.type}"
        elif msg.photo:
            text = f"photo {msg.photo[-1].width}x{msg.photo[-1].height} {msg.caption}"
        else:
            assert msg.voice is not None
            text = f"voice {msg.voice.mime_type} {msg.voice.file_size}"
        await msg.reply_text(text)

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)

    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(button))
    app.add_handler(MessageHandler(filters.Sticker.ALL | filters.PHOTO | filters.VOICE, media))
    app.add_error_handler(on_error)
    return app


async def test_get_me_through_ptb_bot(emulator: BotApiEmulator) -> None:
    async with make_bot(emulator) as bot:  # initialize() already calls getMe
        me = await bot.get_me()
    assert (me.id, me.is_bot, me.username, me.first_name) == (
        123456789, True, "emulator_bot", "Emulator Bot")
    assert bot.username == "emulator_bot"
    assert [name for name, _ in emulator.requests] == ["getMe", "getMe"]


async def test_unknown_token_and_unknown_method(emulator: BotApiEmulator) -> None:
    bot = make_bot(emulator, token="987654321:not-the-right-token")
    with pytest.raises(InvalidToken, match="rejected by the server"):
        await bot.initialize()
    await bot.shutdown()

    async with aiohttp.ClientSession() as session:
        async with session.post(f"{emulator.base_url}987654321:wrong/getMe") as resp:
            assert resp.status == 401
            assert await resp.json() == {
                "ok": False, "error_code": 401, "description": "Unauthorized"}
        async with session.get(f"{emulator.base_url}{emulator.token}/noSuchMethod") as resp:
            assert resp.status == 404
            assert await resp.json() == {
                "ok": False, "error_code": 404, "description": "Not Found: method not found"}
    assert emulator.requests == []  # neither call reached a method

    async with make_bot(emulator) as good_bot:
        with pytest.raises(EndPointNotFound):
            await good_bot.do_api_request("noSuchMethod")


async def test_get_updates_long_poll_offset_and_limit(emulator: BotApiEmulator) -> None:
    loop = asyncio.get_running_loop()
    async with make_bot(emulator) as bot:
        started = loop.time()
        assert await bot.get_updates(timeout=1) == ()
        assert loop.time() - started >= 0.9  # really waited for the long-poll timeout

        loop.call_later(0.3, emulator.push_text, CHAT, "late")
        started = loop.time()
        (first,) = await bot.get_updates(timeout=20)
        assert loop.time() - started < 5  # answered as soon as the update was queued
        assert first.message is not None and first.message.text == "late"
        assert first.message.chat.type == "private" and first.message.from_user is not None

        ids = [emulator.push_text(CHAT, f"m{i}") for i in range(3)]
        batch = await bot.get_updates(offset=first.update_id + 1, limit=2)
        assert [u.message.text for u in batch if u.message] == ["m0", "m1"]
        rest = await bot.get_updates(offset=batch[-1].update_id + 1)
        assert [u.update_id for u in rest] == [ids[2]]
        assert [u["update_id"] for u in emulator.pending_updates] == [ids[2]]
        assert await bot.get_updates(offset=ids[2] + 1) == ()
        assert emulator.pending_updates == []


async def test_polling_application_echo_keyboard_callback_and_media(
    emulator: BotApiEmulator,
) -> None:
    errors: list[object] = []
    app = make_app(emulator, errors)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        await app.bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
        assert emulator.commands == [
            {"command": "start", "description": "Start"},
            {"command": "help", "description": "Help"},
        ]
        assert [c.command for c in await app.bot.get_my_commands()] == ["start", "help"]

        emulator.push_command(CHAT, "/start")
        (greeting,) = await emulator.wait_for_messages(CHAT, 1)
        assert greeting["text"] == "Hello! Pick one:"
        assert greeting["message"]["from"]["username"] == "emulator_bot"
        assert greeting["reply_markup"] == {"inline_keyboard": [[
            {"text": "Yes", "callback_data": "yes"}, {"text": "No", "callback_data": "no"}]]}

        emulator.push_text(CHAT, "hello there", first_name="Ann")
        echoed = (await emulator.wait_for_messages(CHAT, 2))[1]
        assert echoed["text"] == "<b>echo:</b> hello there"
        assert echoed["parse_mode"] == "HTML"
        assert {"chat_id": CHAT, "action": "typing"} in emulator.chat_actions

        emulator.push_callback(CHAT, "yes", message_id=greeting["message_id"])
        await emulator.wait_until(
            lambda: bool(emulator.callback_answers and emulator.edits), what="button handled")
        assert emulator.callback_answers[0]["text"] == "You chose yes"
        assert greeting["message"]["text"] == "Chosen: yes"
        assert "reply_markup" not in greeting["message"]  # the edit removed the keyboard

        emulator.push_sticker(CHAT, emoji="🔥")
        emulator.push_photo(CHAT, caption="cat")
        emulator.push_voice(CHAT, duration=2)
        replies = await emulator.wait_for_messages(CHAT, 5)
        assert [m["text"] for m in replies[2:]] == [
            "sticker 🔥 regular", "photo 800x800 cat", "voice audio/ogg 8000"]
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    assert errors == []
    assert emulator.pending_updates == []  # PTB confirmed every update via offset on stop
    assert ("deleteWebhook", {}) in emulator.requests  # PTB's polling bootstrap


async def test_bad_requests_surface_as_ptb_errors(emulator: BotApiEmulator) -> None:
    async with make_bot(emulator) as bot:
        sent = await bot.send_message(CHAT, "pick", reply_markup=KEYBOARD)
        assert sent.from_user is not None and sent.from_user.id == bot.id
        assert sent.reply_markup == KEYBOARD
        with pytest.raises(BadRequest, match="(?i)message is not modified"):
            await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=KEYBOARD)
        edited = await bot.edit_message_reply_markup(CHAT, sent.message_id)
        assert not isinstance(edited, bool) and edited.reply_markup is None
        with pytest.raises(BadRequest, match="(?i)message text is empty"):
            await bot.send_message(CHAT, " ")
        with pytest.raises(BadRequest, match="(?i)loopback"):
            await bot.set_webhook("https://example.com/hook")
        with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
            await bot.send_message(CHAT, "x", reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("long", callback_data="x" * 65)]]))
        assert await bot.delete_message(CHAT, sent.message_id)
        with pytest.raises(BadRequest, match="(?i)message to delete not found"):
            await bot.delete_message(CHAT, sent.message_id)
        with pytest.raises(ValueError, match="no message"):
            emulator.push_callback(CHAT, "yes", message_id=sent.message_id)  # deleted
        kept = await bot.send_message(CHAT, "still here", reply_markup=KEYBOARD)
        emulator.push_callback(CHAT, "yes", message_id=kept.message_id)
        (update,) = await bot.get_updates()
        assert update.callback_query is not None
        assert await update.callback_query.answer()
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await update.callback_query.answer()  # a query can be answered only once
        assert await bot.close() and await bot.log_out()
    assert emulator.closed and emulator.logged_out


async def test_webhook_delivery_secret_retries_and_duplicates(emulator: BotApiEmulator) -> None:
    errors: list[object] = []
    app = make_app(emulator, errors, polling=False)
    received: list[tuple[int, str | None]] = []
    seen: set[int] = set()
    failures_left = 0

    async def webhook(request: web.Request) -> web.Response:
        nonlocal failures_left
        data = await request.json()
        received.append((data["update_id"], request.headers.get(SECRET_HEADER)))
        if request.headers.get(SECRET_HEADER) != SECRET:
            return web.Response(status=403)
        if failures_left:
            failures_left -= 1
            return web.Response(status=500)
        if data["update_id"] not in seen:  # a webhook bot must ignore re-deliveries
            seen.add(data["update_id"])
            await app.update_queue.put(Update.de_json(data, app.bot))
        return web.Response(text="ok")

    server = web.Application()
    server.router.add_post("/telegram", webhook)
    runner = web.AppRunner(server, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/telegram"
    await app.initialize()
    await app.start()
    try:
        early = emulator.push_text(CHAT, "sent before the webhook")
        assert await app.bot.set_webhook(
            url, secret_token=SECRET, allowed_updates=["message", "callback_query"])
        info = await app.bot.get_webhook_info()
        assert info.url == url and info.allowed_updates == ("message", "callback_query")
        with pytest.raises(Conflict):
            await app.bot.get_updates()

        uid = emulator.push_text(CHAT, "via webhook")
        await emulator.wait_for_messages(CHAT, 2)
        await emulator.flush_webhook()
        assert received == [(early, SECRET), (uid, SECRET)]
        assert emulator.webhook_deliveries == [(early, 200), (uid, 200)]

        emulator.duplicate(uid)
        await emulator.flush_webhook()
        assert received[-1] == (uid, SECRET) and emulator.webhook_deliveries[-1] == (uid, 200)

        failures_left = 1  # one transient error: delivered on the retry
        retried = emulator.push_text(CHAT, "retry me")
        await emulator.wait_for_messages(CHAT, 3)
        await emulator.flush_webhook()
        assert [d for d in emulator.webhook_deliveries if d[0] == retried] == [
            (retried, 500), (retried, 200)]

        failures_left = 100  # permanent error: bounded number of attempts
        lost = emulator.push_text(CHAT, "lost")
        await emulator.flush_webhook()
        assert [d for d in emulator.webhook_deliveries if d[0] == lost] == [
            (lost, 500)] * emulator.webhook_attempts
        info = await app.bot.get_webhook_info()
        assert info.last_error_message and "500" in info.last_error_message
        assert info.pending_update_count == 0
        failures_left = 0

        assert await app.bot.delete_webhook()
        assert (await app.bot.get_webhook_info()).url == ""
        queued = emulator.push_text(CHAT, "back to polling")
        assert [u.update_id for u in await app.bot.get_updates()] == [queued]
    finally:
        await app.stop()
        await app.shutdown()
        await runner.cleanup()
    texts = [m["text"] for m in emulator.sent_messages(CHAT)]
    assert texts == ["<b>echo:</b> sent before the webhook", "<b>echo:</b> via webhook",
                     "<b>echo:</b> retry me"]  # the duplicate was not answered twice
    assert errors == []


async def test_failures_on_demand_surface_as_ptb_errors(emulator: BotApiEmulator) -> None:
    """The emulator's 500, 429 and 403 are what PTB makes of Telegram's: the outbox's view of
    them (channels/telegram.py send_failed) is checked against these."""
    from telegram.error import Forbidden, NetworkError, RetryAfter

    from channels.telegram import send_failed

    emulator.fail_next = [(500, None), (429, 3), (403, None)]
    async with make_bot(emulator) as bot:
        with pytest.raises(NetworkError) as server_error:
            await bot.send_message(CHAT, "one")
        with pytest.raises(RetryAfter) as flood:
            await bot.send_message(CHAT, "two")
        with pytest.raises(Forbidden) as blocked:
            await bot.send_message(CHAT, "three")
        await bot.send_message(CHAT, "four")
    assert emulator.refused == [500, 429, 403]
    assert [m["text"] for m in emulator.sent_messages(CHAT)] == ["four"]
    failures = [send_failed(e.value) for e in (server_error, flood, blocked)]
    assert [(f.retryable, f.retry_after) for f in failures] == [(True, None), (True, 3.0), (False, None)]
    assert "blocked" in failures[2].reason
