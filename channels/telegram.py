"""Telegram with python-telegram-bot: long polling locally, webhook in production.

The adapter stays thin: it checks the webhook secret, drops re-delivered updates, turns
Telegram updates into router `Incoming` messages and bot messages into Telegram messages
(buttons become an inline keyboard; a tap comes back as a callback query).
"""

from __future__ import annotations

import hmac
import logging
from typing import List, Optional

from aiohttp import web
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.engine import BotMessage
from bot.engine.base import Button
from bot.gateway.errors import WrongShape
from bot.gateway.keys import TELEGRAM
from bot.gateway.payloads import read_object
from bot.gateway.router import Incoming, Router
from bot.settings import Settings
from bot.storage import transcripts
from bot.storage.database import Database
from bot.texts import say

CHANNEL = "telegram"
WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CALLBACK_DATA_LIMIT = 64  # bytes, Telegram's limit for inline button data
# Commands map to what the dialogue model understands.
COMMAND_TEXT = {"start": "/greet", "help": "/help"}
LANGUAGE_BUTTONS = [("English", "English"), ("Français", "français")]

log = logging.getLogger(__name__)


def language_hint(update: Update) -> Optional[str]:
    user = update.effective_user
    code = (user.language_code or "").lower() if user else ""
    if code.startswith("fr"):
        return "fr"
    if code.startswith("en"):
        return "en"
    return None


def keyboard(buttons: List[Button]) -> Optional[InlineKeyboardMarkup]:
    rows = [
        [InlineKeyboardButton(b["title"], callback_data=b["payload"])]
        for b in buttons
        if len(b.get("payload", "").encode()) <= CALLBACK_DATA_LIMIT
    ]
    return InlineKeyboardMarkup(rows) if rows else None


class TelegramChannel:
    def __init__(self, settings: Settings, router: Router, db: Database) -> None:
        self.settings = settings
        self.router = router
        self.db = db
        builder = ApplicationBuilder().token(str(settings.telegram_token))
        if settings.telegram_api_base_url:
            base = settings.telegram_api_base_url.rstrip("/")
            builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
        if settings.telegram_mode == "webhook":
            builder = builder.updater(None)
        self.application: Application = builder.build()
        self._add_handlers()

    # --- lifecycle -------------------------------------------------------------
    async def start(self) -> None:
        await self.application.initialize()
        await self.application.bot.set_my_commands(
            [("start", "Start / Commencer"), ("help", "Help / Aide"), ("language", "Language / Langue")]
        )
        await self.application.start()
        if self.settings.telegram_mode == "webhook":
            await self.application.bot.set_webhook(
                url=self.settings.telegram_webhook_url,
                secret_token=str(self.settings.telegram_secret_token),
                allowed_updates=["message", "callback_query"],
            )
        else:
            await self.application.bot.delete_webhook()
            assert self.application.updater is not None
            await self.application.updater.start_polling(
                poll_interval=0.0, timeout=10, allowed_updates=["message", "callback_query"]
            )

    async def stop(self) -> None:
        if self.application.updater is not None and self.application.updater.running:
            await self.application.updater.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    # --- webhook ---------------------------------------------------------------
    async def webhook(self, request: web.Request) -> web.Response:
        expected = str(self.settings.telegram_secret_token).encode()
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not expected or not hmac.compare_digest(given, expected):
            return web.json_response({"ok": False, "error": "unauthorized"}, status=401)
        data = await read_object(request)
        update_id = data.get("update_id")
        if isinstance(update_id, bool) or not isinstance(update_id, int) or update_id < 0:
            raise WrongShape("not a Telegram update: 'update_id' must be a whole number")
        try:
            update = Update.de_json(data, self.application.bot)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError):  # fields of the wrong type
            log.info("ignored an update python-telegram-bot could not read")
            return web.json_response({"ok": True})
        await self.application.process_update(update)
        return web.json_response({"ok": True})

    # --- handlers --------------------------------------------------------------
    def _add_handlers(self) -> None:
        app = self.application
        app.add_handler(TypeHandler(Update, self._drop_duplicates), group=-1)
        app.add_handler(CommandHandler("language", self._on_language))
        app.add_handler(CommandHandler(list(COMMAND_TEXT), self._on_command))
        app.add_handler(CallbackQueryHandler(self._on_button))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, self._on_text))
        app.add_handler(MessageHandler(~filters.TEXT & ~filters.COMMAND, self._on_media))
        app.add_error_handler(self._on_error)

    async def _drop_duplicates(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        first = await self.db.run_async(
            transcripts.claim_inbound_key, CHANNEL, str(update.update_id)
        )
        if not first:
            log.info("dropped re-delivered Telegram update %s", update.update_id)
            raise ApplicationHandlerStop

    async def _route(self, update: Update, text: str, shown_as: Optional[str] = None) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        hint = language_hint(update)
        handled = await self.router.handle(
            Incoming(
                channel=CHANNEL,
                external_id=str(chat.id),
                text=text,
                metadata={"language_hint": hint} if hint else {},
                shown_as=shown_as,
            )
        )
        await self.deliver(chat.id, handled.messages)

    async def deliver(self, chat_id: int | str, messages: List[BotMessage]) -> None:
        bot = self.application.bot
        for message in messages:
            if message.get("text"):
                await bot.send_message(
                    chat_id=chat_id,
                    text=message["text"],
                    reply_markup=keyboard(list(message.get("buttons", []))),
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                )
            if message.get("image"):
                await bot.send_photo(chat_id=chat_id, photo=message["image"])

    async def _on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message and update.effective_message.text:
            await self._route(update, update.effective_message.text)

    async def _on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        command = (message.text or "").split()[0].lstrip("/").split("@")[0] if message else ""
        await self._route(update, COMMAND_TEXT.get(command, "/help"), shown_as=f"/{command}")

    async def _on_language(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        buttons = [Button(title=title, payload=payload) for title, payload in LANGUAGE_BUTTONS]
        text = say("choose_language", language_hint(update))
        await self.deliver(chat.id, [BotMessage(text=text, buttons=buttons)])

    async def _on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or not query.data:
            return
        await query.answer()
        title = None
        markup = getattr(query.message, "reply_markup", None)  # None if the message is inaccessible
        for row in (markup.inline_keyboard if markup else ()):
            for button in row:
                if button.callback_data == query.data:
                    title = button.text
        await self._route(update, str(query.data), shown_as=title)

    async def _on_media(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        key = transcripts.conversation_id(CHANNEL, str(chat.id))
        known = await self.db.run_async(transcripts.find_conversation_language, key)
        await self.deliver(
            chat.id, [{"text": say("unsupported_media", known or language_hint(update))}]
        )

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if isinstance(context.error, TelegramError):
            log.warning("Telegram API error: %s", context.error)
        else:
            log.error("Telegram handler failed", exc_info=context.error)


async def webhook(request: web.Request) -> web.Response:
    channel = request.app.get(TELEGRAM)
    if channel is None:
        return web.json_response({"ok": False, "error": "Telegram is starting"}, status=503)
    return await channel.webhook(request)


def add_routes(app: web.Application) -> None:
    app.router.add_post(WEBHOOK_PATH, webhook)
