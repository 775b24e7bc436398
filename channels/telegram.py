"""Telegram with python-telegram-bot: long polling locally, webhook in production.

The adapter stays thin: it checks the webhook secret, drops re-delivered updates, turns
Telegram updates into router `Incoming` messages and hands the replies to the outbox
(bot/gateway/outbox.py), which calls `send` (buttons become an inline keyboard; a tap comes
back as a callback query) until the Bot API accepts each message.

Start-up never waits for Telegram: `start` returns at once and a background task connects
(getMe, commands, then the webhook or long polling), retrying with backoff while the Bot
API is unreachable. `health()` says "starting", "ok" or "unreachable" (GET /health), and the
webhook answers 503 until it is "ok".

The webhook answers 200 once the update is handled and its replies are in the outbox. If
handling failed, it answers 500 and releases the update id it claimed, so Telegram's
re-delivery is processed rather than dropped as a duplicate.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from datetime import timedelta
from typing import List, Optional, Set

from aiohttp import web
from telegram.constants import ChatAction
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message as TelegramMessage, Update
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
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
from bot.gateway.keys import DATABASE, OUTBOX, ROUTER
from bot.gateway.payloads import read_object
from bot.gateway.router import Incoming
from bot.settings import Settings
from bot.storage import transcripts
from bot.storage.models import Conversation
from bot.texts import say
from channels import SendFailed

CHANNEL = "telegram"
WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CALLBACK_DATA_LIMIT = 64  # bytes, Telegram's limit for inline button data
CAPTION_LIMIT = 1024  # characters, Telegram's limit for a photo's caption
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


def send_failed(error: TelegramError) -> SendFailed:
    """What the outbox makes of a Bot API error: 429 and network errors (5xx included) are
    tried again; a refusal (blocked bot, bad request, bad token) is final."""
    if isinstance(error, RetryAfter):
        wait: object = error._retry_after  # a timedelta; the public int attribute is deprecated in PTB 22.2
        seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(str(wait))
        return SendFailed("429 flood control", retryable=True, retry_after=seconds)
    if isinstance(error, (BadRequest, Forbidden, InvalidToken)):  # BadRequest is a NetworkError
        return SendFailed(f"refused: {error.message}", retryable=False)
    if isinstance(error, NetworkError):
        return SendFailed(f"network: {error.message}", retryable=True)
    return SendFailed(f"refused: {error.message}", retryable=False)


class TelegramChannel:
    name = CHANNEL
    connect_delays = (1.0, 2.0, 5.0, 10.0, 30.0)  # between attempts to reach the Bot API; the last repeats

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        builder = ApplicationBuilder().token(str(settings.telegram_token))
        if settings.telegram_api_base_url:
            base = settings.telegram_api_base_url.rstrip("/")
            builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
        if settings.telegram_mode == "webhook":
            builder = builder.updater(None)
        self.application: Application = builder.build()
        self._state = "starting"
        self._app: Optional[web.Application] = None
        self._connecting: Optional["asyncio.Task[None]"] = None
        self._failed_updates: Set[int] = set()
        self._add_handlers()

    # --- Channel ---------------------------------------------------------------

    def add_routes(self, app: web.Application) -> None:
        if self.settings.telegram_mode == "webhook":
            app.router.add_post(WEBHOOK_PATH, self.webhook)

    async def start(self, app: web.Application) -> None:
        """Returns at once: connecting to the Bot API happens in the background."""
        self._app = app
        self._connecting = asyncio.create_task(self._connect(), name="telegram-connect")

    async def stop(self) -> None:
        if self._connecting is not None:
            self._connecting.cancel()
            await asyncio.gather(self._connecting, return_exceptions=True)
        if self.application.updater is not None and self.application.updater.running:
            await self.application.updater.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    async def deliver(self, conversation: Conversation, messages: List[BotMessage], sender: str) -> bool:
        await self._post(conversation.external_id, conversation.id, messages, conversation.language or "en")
        return True

    def health(self) -> str:
        return self._state

    async def show_typing(self, conversation: Conversation, name: str) -> None:
        """sendChatAction "typing": Telegram shows "typing…" for 5 s at most, or until our
        next message. Never through the outbox; a failure is the caller's to drop."""
        if self._state != "ok":
            raise SendFailed("Telegram is not connected yet", retryable=False)
        chat = conversation.external_id
        await self.application.bot.send_chat_action(chat_id=int(chat) if chat.lstrip("-").isdigit() else chat,
                                                    action=ChatAction.TYPING)

    # --- PushChannel: one message to one chat, called by the outbox ---------------

    async def send(self, address: str, message: BotMessage, language: str) -> str:
        if self._state != "ok":
            raise SendFailed("Telegram is not connected yet", retryable=True)
        bot = self.application.bot
        chat_id: int | str = int(address) if address.lstrip("-").isdigit() else address
        text, image = (message.get("text") or "").strip(), message.get("image")
        markup = keyboard(list(message.get("buttons", [])))
        sent: Optional[TelegramMessage] = None
        try:
            if image and len(text) <= CAPTION_LIMIT:
                sent = await bot.send_photo(chat_id=chat_id, photo=image, caption=text or None, reply_markup=markup)
            else:
                if text:
                    sent = await bot.send_message(chat_id=chat_id, text=text, reply_markup=markup,
                                                  link_preview_options=LinkPreviewOptions(is_disabled=True))
                if image:
                    sent = await bot.send_photo(chat_id=chat_id, photo=image)
        except TelegramError as error:
            raise send_failed(error) from None
        return str(sent.message_id) if sent is not None else "nothing to send"

    # --- connecting ------------------------------------------------------------

    async def _connect(self) -> None:
        attempt = 0
        while True:
            try:
                await self._open()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # unreachable, refused, or a bad answer: try again later
                delay = self.connect_delays[min(attempt, len(self.connect_delays) - 1)]
                self._state = "unreachable"
                log.warning("telegram: the Bot API could not be reached (%s); again in %.0f s",
                            type(error).__name__, delay)
                attempt += 1
                await asyncio.sleep(delay)
            else:
                self._state = "ok"
                log.info("telegram: connected (%s)", self.settings.telegram_mode)
                return

    async def _open(self) -> None:
        """Each step is safe to run again after a failure of a later one."""
        await self.application.initialize()
        await self.application.bot.set_my_commands(
            [("start", "Start / Commencer"), ("help", "Help / Aide"), ("language", "Language / Langue")]
        )
        if not self.application.running:
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
            if not self.application.updater.running:
                await self.application.updater.start_polling(
                    poll_interval=0.0, timeout=10, allowed_updates=["message", "callback_query"]
                )

    # --- webhook ---------------------------------------------------------------

    async def webhook(self, request: web.Request) -> web.Response:
        if self._state != "ok":
            return web.json_response({"ok": False, "error": "Telegram is starting"}, status=503)
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
        db = self._require_app()[DATABASE]
        if not await db.run_async(transcripts.claim_inbound_key, CHANNEL, str(update_id)):
            log.info("dropped re-delivered Telegram update %s", update_id)
            return web.json_response({"ok": True})
        self._failed_updates.discard(update_id)
        await self.application.process_update(update)
        if update_id in self._failed_updates:  # _on_error saw it fail
            self._failed_updates.discard(update_id)
            await db.run_async(transcripts.release_inbound_key, CHANNEL, str(update_id))
            return web.json_response({"ok": False, "error": "not handled, send it again"}, status=500)
        return web.json_response({"ok": True})

    def _require_app(self) -> web.Application:
        if self._app is None:
            raise RuntimeError("the Telegram channel is not started")
        return self._app

    async def _post(self, chat_id: int | str, conversation_id: str, messages: List[BotMessage],
                    language: str) -> None:
        await self._require_app()[OUTBOX].post(CHANNEL, conversation_id, str(chat_id), messages, language)

    # --- handlers --------------------------------------------------------------
    def _add_handlers(self) -> None:
        app = self.application
        if self.settings.telegram_mode != "webhook":  # the webhook claims the update id itself
            app.add_handler(TypeHandler(Update, self._drop_duplicates), group=-1)
        app.add_handler(CommandHandler("language", self._on_language))
        app.add_handler(CommandHandler(list(COMMAND_TEXT), self._on_command))
        app.add_handler(CallbackQueryHandler(self._on_button))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, self._on_text))
        app.add_handler(MessageHandler(~filters.TEXT & ~filters.COMMAND, self._on_media))
        app.add_error_handler(self._on_error)

    async def _drop_duplicates(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        first = await self._require_app()[DATABASE].run_async(
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
        handled = await self._require_app()[ROUTER].handle(
            Incoming(
                channel=CHANNEL,
                external_id=str(chat.id),
                text=text,
                metadata={"language_hint": hint} if hint else {},
                shown_as=shown_as,
                pushed=True,
            )
        )
        await self._post(chat.id, handled.conversation_id, handled.messages, handled.language)

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
        language = language_hint(update) or "en"
        text = say("choose_language", language_hint(update))
        await self._post(chat.id, transcripts.conversation_id(CHANNEL, str(chat.id)),
                         [BotMessage(text=text, buttons=buttons)], language)

    async def _on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or not query.data:
            return
        try:
            await query.answer()
        except TelegramError as error:  # only the tap's spinner: the turn goes on
            log.info("telegram: a button tap was not acknowledged: %s", error)
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
        known = await self._require_app()[DATABASE].run_async(transcripts.find_conversation_language, key)
        language = known or language_hint(update) or "en"
        await self._post(chat.id, key, [{"text": say("unsupported_media", language)}], language)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if isinstance(update, Update):
            self._failed_updates.add(update.update_id)
        if isinstance(context.error, TelegramError):
            log.warning("Telegram API error: %s", context.error)
        else:
            log.error("Telegram handler failed", exc_info=context.error)

