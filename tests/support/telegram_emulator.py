"""Offline emulator of the Telegram Bot API for tests of python-telegram-bot (PTB 22.x) bots.

Emulates: ``http://127.0.0.1:<port>/bot<token>/<method>`` (GET/POST; JSON, url-encoded or
multipart bodies - PTB posts url-encoded forms whose non-string values are JSON-encoded) with
Telegram's ``{"ok": ..., "result"/"error_code"/"description"}`` envelope; 401 for an unknown
token, 404 for an unknown method (names are case-insensitive). Methods: getMe, getUpdates
(offset, limit, long-poll timeout, allowed_updates), sendMessage, sendChatAction,
answerCallbackQuery, editMessageText, editMessageReplyMarkup, deleteMessage, setWebhook,
deleteWebhook, getWebhookInfo, setMyCommands, getMyCommands, close, logOut, with the usual
"Bad Request" errors (empty text, message not modified, stale callback query, ...). Simulated
users send text, commands, button presses, stickers, photos and voice notes. Webhook mode POSTs
JSON with ``X-Telegram-Bot-Api-Secret-Token``, retries non-2xx answers a bounded number of times
and can deliver an update twice on purpose.

Failures on demand: ``fail_next`` makes the next sendMessage calls fail, one entry each:
``(500, None)`` an internal error, ``(429, 3)`` flood control with ``retry_after`` 3 (as
Telegram answers it: ``parameters.retry_after``), ``(403, None)`` "bot was blocked by the
user". ``port`` fixes the port, so a test can start the emulator after the bot (the Bot API
unreachable, then back).

Does NOT emulate: Markdown/HTML parsing (parse_mode is validated and recorded, no entities),
files (the file URL answers 404), media-sending methods, inline mode, payments, group rights,
rate limits of its own (429 only through ``fail_next``), TLS, concurrent-getUpdates
conflicts, Telegram's 24 h update retention.
Webhook URLs must be loopback; nothing else is ever contacted.
"""

from __future__ import annotations

import asyncio
import copy
import random
import json
import re
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any
from urllib.parse import urlsplit

from aiohttp import ClientError, ClientSession, ClientTimeout, web

JSON = dict[str, Any]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Plain-string form fields that must not be JSON-decoded (text "123" stays a str).
_RAW = frozenset("text caption parse_mode url secret_token callback_query_id action "
                 "inline_message_id language_code ip_address emoji".split())
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_SECRET_RE, _COMMAND_RE = re.compile(r"[A-Za-z0-9_-]{1,256}"), re.compile(r"[a-z0-9_]{1,32}")
_PARSE_MODES = frozenset({"HTML", "Markdown", "MarkdownV2"})
_ACTIONS = frozenset("typing upload_photo record_video upload_video record_voice upload_voice "
                     "upload_document choose_sticker find_location record_video_note "
                     "upload_video_note".split())
_NOT_MODIFIED = ("message is not modified: specified new message content and reply markup are "
                 "exactly the same as a current content and reply markup of the message")


class ApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code, self.description = code, description


def _bad(description: str) -> ApiError:  # Telegram's 400 answers all start with "Bad Request: "
    return ApiError(400, f"Bad Request: {description}")


def _error(code: int, description: str) -> web.Response:
    return web.json_response({"ok": False, "error_code": code, "description": description},
                             status=code)


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str) or key in _RAW:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _read_params(request: web.Request) -> JSON:
    params: JSON = dict(request.query)
    if request.can_read_body and request.content_type == "application/json":
        body = await request.json()
        if not isinstance(body, dict):
            raise _bad("request body must be a JSON object")
        params.update(body)
    elif request.can_read_body:
        for key, value in (await request.post()).items():
            file = isinstance(value, web.FileField)
            params[key] = {"filename": value.filename} if file else value  # type: ignore[union-attr]
    return {key: _decode(key, value) for key, value in params.items()}


class BotApiEmulator:
    """Fake Bot API server on 127.0.0.1 (ephemeral port) plus simulated users."""

    def __init__(self, token: str = "123456789:TEST-emulator-token_abcdefghijklmno", *,
                 username: str = "emulator_bot", first_name: str = "Emulator Bot",
                 webhook_attempts: int = 3, webhook_retry_delay: float = 0.05,
                 webhook_timeout: float = 5.0, port: int = 0) -> None:
        self.token = token
        prefix = token.split(":", 1)[0]
        self.bot_user: JSON = {"id": int(prefix) if prefix.isdigit() else 123456789,
                               "is_bot": True, "first_name": first_name, "username": username}
        self.webhook_attempts, self.webhook_retry_delay = webhook_attempts, webhook_retry_delay
        self.webhook_timeout = webhook_timeout
        self.requests: list[tuple[str, JSON]] = []  # every authorised call: (method, params)
        self.webhook_deliveries: list[tuple[int, int]] = []  # (update_id, status); 0 = no answer
        self.callback_answers: list[JSON] = []
        self.chat_actions: list[JSON] = []
        self.edits: list[JSON] = []
        self.deleted_messages: list[tuple[int, int]] = []
        self.closed = self.logged_out = False
        self._sent: list[JSON] = []
        self._chats: dict[int, JSON] = {}
        self._messages: dict[tuple[int, int], JSON] = {}
        self._last_message_id: dict[int, int] = {}
        self._history: dict[int, JSON] = {}
        self._pending: list[JSON] = []
        self._open_queries: set[str] = set()
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._webhook: JSON = {"url": ""}
        self._webhook_error: JSON = {}
        self._allowed: list[str] = []
        self._counter = 0
        # Telegram's update ids are unique per bot; like Telegram after a quiet week, start
        # at a random point, so emulators sharing a token never reuse ids.
        self._last_update_id = random.randint(100_000, 900_000_000)
        self._changed = asyncio.Event()
        self._outbox: asyncio.Queue[JSON] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None
        self._session: ClientSession | None = None
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._wanted_port = port
        self.fail_next: list[tuple[int, int | None]] = []  # (status, retry_after) for sendMessage
        self.refused: list[int] = []  # statuses answered through fail_next
        self._closing = False
        self._methods: dict[str, Callable[[JSON], Any]] = {  # "_api_getMe" serves "getme"
            name[5:].lower(): getattr(self, name) for name in dir(self) if name[:5] == "_api_"}

    # ---------------------------------------------------------------- lifecycle
    async def start(self) -> BotApiEmulator:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self._wanted_port).start()
        self._port = int(self._runner.addresses[0][1])
        self._session = ClientSession(timeout=ClientTimeout(total=self.webhook_timeout))
        self._closing = False
        self._worker = asyncio.create_task(self._webhook_loop(), name="BotApiEmulator-webhook")
        return self

    async def stop(self) -> None:
        self._closing = True
        self._notify()  # lets long-polling getUpdates calls return at once
        if self._worker is not None:
            self._worker.cancel()
            with suppress(asyncio.CancelledError):
                await self._worker
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()
        self._worker = self._session = self._runner = None

    async def __aenter__(self) -> BotApiEmulator:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """For ``Bot(base_url=...)``/``ApplicationBuilder().base_url(...)``; PTB adds the token."""
        return f"{self._root()}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self._root()}/file/bot"

    def _root(self) -> str:
        if self._port is None:
            raise RuntimeError("BotApiEmulator is not started")
        return f"http://127.0.0.1:{self._port}"

    # ---------------------------------------------------------------- simulated users
    def push_raw(self, update: JSON) -> int:
        """Queue (or deliver to the webhook) any update dict; assigns ``update_id`` if missing."""
        update = copy.deepcopy(update)
        update.setdefault("update_id", self._last_update_id + 1)
        self._last_update_id = max(self._last_update_id, int(update["update_id"]))
        self._history[update["update_id"]] = update
        self._dispatch(copy.deepcopy(update))
        return int(update["update_id"])

    def push_text(self, chat_id: int, text: str, *, user_id: int | None = None,
                  first_name: str = "Test", language_code: str = "en") -> int:
        return self._push_message(chat_id, user_id, first_name, language_code, text=text)

    def push_command(self, chat_id: int, command: str, *, user_id: int | None = None,
                     first_name: str = "Test", language_code: str = "en") -> int:
        """``command`` like "/start" or "/start payload"; adds the bot_command entity."""
        text = command if command.startswith("/") else f"/{command}"
        entity = {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
        return self._push_message(chat_id, user_id, first_name, language_code, text=text,
                                  entities=[entity])

    def push_sticker(self, chat_id: int, *, emoji: str = "👍", user_id: int | None = None,
                     first_name: str = "Test", language_code: str = "en") -> int:
        sticker = {**self._file("sticker"), "width": 512, "height": 512, "is_animated": False,
                   "is_video": False, "type": "regular", "emoji": emoji, "file_size": 20480}
        return self._push_message(chat_id, user_id, first_name, language_code, sticker=sticker)

    def push_photo(self, chat_id: int, *, caption: str | None = None, user_id: int | None = None,
                   first_name: str = "Test", language_code: str = "en") -> int:
        sizes = [{**self._file("photo"), "width": w, "height": w, "file_size": w * 40}
                 for w in (90, 320, 800)]
        extra = {} if caption is None else {"caption": caption}
        return self._push_message(chat_id, user_id, first_name, language_code, photo=sizes,
                                  **extra)

    def push_voice(self, chat_id: int, *, duration: int = 3, user_id: int | None = None,
                   first_name: str = "Test", language_code: str = "en") -> int:
        voice = {**self._file("voice"), "duration": duration, "mime_type": "audio/ogg",
                 "file_size": duration * 4000}
        return self._push_message(chat_id, user_id, first_name, language_code, voice=voice)

    def push_callback(self, chat_id: int, data: str, *, message_id: int,
                      user_id: int | None = None, first_name: str = "Test",
                      language_code: str = "en") -> int:
        """The user presses an inline button carrying ``data`` under bot message ``message_id``."""
        message = self._messages.get((chat_id, message_id))
        if message is None or message["from"]["id"] != self.bot_user["id"]:
            raise ValueError(f"no message {message_id} sent by the bot in chat {chat_id}")
        self._counter += 1
        query_id = f"{self.bot_user['id']}{self._counter:08d}"
        self._open_queries.add(query_id)
        return self.push_raw({"callback_query": {
            "id": query_id, "from": self._user(chat_id, user_id, first_name, language_code),
            "message": copy.deepcopy(message), "chat_instance": f"ci{chat_id}", "data": data}})

    def duplicate(self, update_id: int) -> None:
        """Deliver a pushed update again with the same update_id (as Telegram may in webhook
        mode). In polling mode an update already confirmed via ``offset`` stays filtered out."""
        if update_id not in self._history:
            raise KeyError(f"unknown update_id {update_id}")
        self._dispatch(copy.deepcopy(self._history[update_id]))

    # ---------------------------------------------------------------- observing the bot
    def sent_messages(self, chat_id: int | None = None) -> list[JSON]:
        """sendMessage records: chat_id, message_id, text, parse_mode, reply_markup (as sent),
        params (all decoded parameters), message (the live Message dict; edits show there)."""
        return [m for m in self._sent if chat_id is None or m["chat_id"] == chat_id]

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 10.0,
                         what: str = "condition") -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            changed, remaining = self._changed, deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what}; bot sent (chat_id, text): "
                    f"{[(m['chat_id'], m['text']) for m in self._sent]!r}; last API calls: "
                    f"{[name for name, _ in self.requests][-25:]}; pending updates: "
                    f"{[u['update_id'] for u in self._pending]}; webhook deliveries: "
                    f"{self.webhook_deliveries}")
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    async def wait_for_messages(self, chat_id: int | None, count: int,
                                timeout: float = 10.0) -> list[JSON]:
        """Wait until the bot sent ``count`` messages to ``chat_id``; return the first ``count``."""
        await self.wait_until(lambda: len(self.sent_messages(chat_id)) >= count, timeout,
                              f"{count} bot message(s) in chat {chat_id}")
        return self.sent_messages(chat_id)[:count]

    async def flush_webhook(self, timeout: float = 10.0) -> None:
        """Wait until every queued webhook delivery (retries included) has finished."""
        await asyncio.wait_for(self._outbox.join(), timeout)

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates waiting for getUpdates (not yet confirmed by ``offset``)."""
        return list(self._pending)

    @property
    def commands(self) -> list[JSON]:
        """Commands set for the default scope without language_code."""
        return list(self._commands.get(self._commands_key({}), []))

    @property
    def webhook_info(self) -> JSON:
        info = {"url": self._webhook["url"], "has_custom_certificate": False,
                "pending_update_count": len(self._pending) + self._outbox.qsize(),
                "max_connections": self._webhook.get("max_connections"),
                "ip_address": self._webhook.get("ip_address"),
                "allowed_updates": list(self._allowed) or None, **self._webhook_error}
        return {key: value for key, value in info.items() if value is not None}

    # ---------------------------------------------------------------- internals
    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def _file(self, kind: str) -> JSON:
        self._counter += 1
        return {"file_id": f"{kind}-{self._counter}", "file_unique_id": f"u{kind}{self._counter}"}

    @staticmethod
    def _user(chat_id: int, user_id: int | None, first_name: str, language_code: str) -> JSON:
        uid = user_id if user_id is not None else (chat_id if chat_id > 0 else 1000)
        return {"id": uid, "is_bot": False, "first_name": first_name,
                "language_code": language_code}

    def _new_message(self, chat_id: int, sender: JSON, first_name: str = "Test") -> JSON:
        if chat_id not in self._chats:
            kind = "supergroup" if str(chat_id).startswith("-100") else "group"
            self._chats[chat_id] = ({"id": chat_id, "type": "private", "first_name": first_name}
                                    if chat_id > 0 else
                                    {"id": chat_id, "type": kind, "title": f"Test {kind}"})
        message_id = self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        message = {"message_id": message_id, "from": sender, "chat": self._chats[chat_id],
                   "date": int(time.time())}
        self._messages[(chat_id, message_id)] = message
        return message

    def _push_message(self, chat_id: int, user_id: int | None, first_name: str,
                      language_code: str, **content: Any) -> int:
        sender = self._user(chat_id, user_id, first_name, language_code)
        message = self._new_message(chat_id, sender, first_name)
        message.update(content)
        return self.push_raw({"message": message})

    def _dispatch(self, update: JSON) -> None:
        if self._allowed and not (set(update) - {"update_id"}) & set(self._allowed):
            return  # like Telegram: updates of unwanted types are not even stored
        if self._webhook["url"]:
            self._outbox.put_nowait(update)
        else:
            self._pending.append(update)
        self._notify()

    def _drop_pending(self) -> None:
        self._pending.clear()
        while not self._outbox.empty():
            self._outbox.get_nowait()
            self._outbox.task_done()

    async def _webhook_loop(self) -> None:
        while True:
            update = await self._outbox.get()
            try:
                await self._deliver(update)
            finally:
                self._outbox.task_done()
                self._notify()

    async def _deliver(self, update: JSON) -> None:
        assert self._session is not None
        for attempt in range(1, self.webhook_attempts + 1):
            url, secret = self._webhook["url"], self._webhook.get("secret_token")
            if not url:  # webhook removed meanwhile: keep the update for getUpdates
                self._pending.append(update)
                break
            headers = {SECRET_HEADER: secret} if secret else {}
            try:
                async with self._session.post(url, json=update, headers=headers) as response:
                    await response.read()
                    status, reason = response.status, f"{response.status} {response.reason}"
            except (ClientError, asyncio.TimeoutError) as exc:
                status, reason = 0, repr(exc)
            self.webhook_deliveries.append((int(update["update_id"]), status))
            if 200 <= status < 300:
                break
            self._webhook_error = {"last_error_date": int(time.time()), "last_error_message":
                                   f"Wrong response from the webhook: {reason}"}
            if attempt < self.webhook_attempts:
                await asyncio.sleep(self.webhook_retry_delay)

    async def _not_found(self, request: web.Request) -> web.Response:
        return _error(404, "Not Found")

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        handler = self._methods.get(request.match_info["method"].lower())
        if handler is None:
            return _error(404, "Not Found: method not found")
        try:
            params = await _read_params(request)
            self.requests.append((request.match_info["method"], params))
            if self.fail_next and request.match_info["method"].lower() == "sendmessage":
                return self._refuse(*self.fail_next.pop(0))
            result = await handler(params)
        except ApiError as exc:
            return _error(exc.code, exc.description)
        return web.json_response({"ok": True, "result": result})

    def _refuse(self, status: int, retry_after: int | None) -> web.Response:
        self.refused.append(status)
        self._notify()
        if status == 429:
            return web.json_response({"ok": False, "error_code": 429, "description":
                                      f"Too Many Requests: retry after {retry_after}",
                                      "parameters": {"retry_after": retry_after}}, status=429)
        if status == 403:
            return _error(403, "Forbidden: bot was blocked by the user")
        return _error(status, "Internal Server Error")

    @staticmethod
    def _chat_id(params: JSON) -> int:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int):
            raise _bad("chat_id is empty" if chat_id in (None, "") else "chat not found")
        return chat_id

    @staticmethod
    def _markup(value: Any) -> JSON | None:
        if value is not None and not isinstance(value, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        for button in (b for row in (value or {}).get("inline_keyboard", []) for b in row):
            if not button.get("text"):
                raise _bad("BUTTON_TEXT_EMPTY")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise _bad("BUTTON_DATA_INVALID")
        return value

    @staticmethod
    def _commands_key(params: JSON) -> tuple[str, str]:
        scope = json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True)
        return scope, str(params.get("language_code") or "")

    async def _edit(self, method: str, params: JSON, text: str | None) -> JSON | bool:
        markup = self._markup(params.get("reply_markup"))
        if text is not None and not text.strip():
            raise _bad("message text is empty")
        self.edits.append({"method": method, **params})
        if params.get("inline_message_id"):
            return True
        message = self._messages.get((self._chat_id(params), int(params.get("message_id") or 0)))
        if message is None:
            raise _bad("message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise _bad("message can't be edited")
        if text in (None, message.get("text")) and markup == message.get("reply_markup"):
            raise _bad(_NOT_MODIFIED)
        message["edit_date"] = int(time.time())
        if text is not None:
            message["text"] = text
        if markup:
            message["reply_markup"] = markup
        else:  # like Telegram: an edit without reply_markup removes the inline keyboard
            message.pop("reply_markup", None)
        self._notify()
        return message

    # ---------------------------------------------------------------- API methods
    async def _api_getMe(self, params: JSON) -> JSON:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}

    async def _api_getUpdates(self, params: JSON) -> list[JSON]:
        if self._webhook["url"]:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = int(params.get("offset") or 0)
        if offset:  # confirms (forgets) every update below offset; negative = keep last -offset
            self._pending = ([u for u in self._pending if u["update_id"] >= offset] if offset > 0
                             else self._pending[offset:])
        if "allowed_updates" in params:
            self._allowed = list(params["allowed_updates"] or [])
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + float(params.get("timeout") or 0)
        while not self._pending and not self._closing and not self._webhook["url"]:
            changed, remaining = self._changed, deadline - loop.time()
            if remaining <= 0:
                break
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)
        return copy.deepcopy(self._pending[:limit])

    async def _api_sendMessage(self, params: JSON) -> JSON:
        chat_id, text = self._chat_id(params), str(params.get("text") or "")
        if not text.strip() or len(text) > 4096:
            raise _bad("message text is empty" if not text.strip() else "message is too long")
        parse_mode = params.get("parse_mode")
        if parse_mode is not None and parse_mode not in _PARSE_MODES:
            raise _bad(f"unsupported parse_mode {parse_mode!r}")
        markup = self._markup(params.get("reply_markup"))
        message = self._new_message(chat_id, dict(self.bot_user))
        message["text"] = text
        if markup and "inline_keyboard" in markup:  # Telegram echoes inline keyboards only
            message["reply_markup"] = markup
        reply = params.get("reply_parameters") or {}
        reply_to = int(reply.get("message_id") or params.get("reply_to_message_id") or 0)
        if (chat_id, reply_to) in self._messages:
            message["reply_to_message"] = copy.deepcopy(self._messages[(chat_id, reply_to)])
        self._sent.append({"chat_id": chat_id, "message_id": message["message_id"], "text": text,
                           "parse_mode": parse_mode, "reply_markup": markup, "params": params,
                           "message": message})
        self._notify()
        return message

    async def _api_sendChatAction(self, params: JSON) -> bool:
        chat_id = self._chat_id(params)
        if params.get("action") not in _ACTIONS:
            raise _bad("wrong parameter action in request")
        self.chat_actions.append({"chat_id": chat_id, "action": params["action"]})
        self._notify()
        return True

    async def _api_answerCallbackQuery(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._open_queries:  # unknown or already answered
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        self._open_queries.discard(query_id)
        self.callback_answers.append(params)
        self._notify()
        return True

    async def _api_editMessageText(self, params: JSON) -> JSON | bool:
        return await self._edit("editMessageText", params, str(params.get("text") or ""))

    async def _api_editMessageReplyMarkup(self, params: JSON) -> JSON | bool:
        return await self._edit("editMessageReplyMarkup", params, None)

    async def _api_deleteMessage(self, params: JSON) -> bool:
        key = (self._chat_id(params), int(params.get("message_id") or 0))
        if self._messages.pop(key, None) is None:
            raise _bad("message to delete not found")
        self.deleted_messages.append(key)
        self._notify()
        return True

    async def _api_setWebhook(self, params: JSON) -> bool:
        url, secret = str(params.get("url") or ""), params.get("secret_token")
        if url and (urlsplit(url).scheme not in ("http", "https")
                    or urlsplit(url).hostname not in _LOOPBACK):
            raise _bad("bad webhook: the emulator only delivers to loopback http(s) URLs")
        if secret is not None and not _SECRET_RE.fullmatch(str(secret)):
            raise _bad("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._drop_pending()
        if "allowed_updates" in params:
            self._allowed = list(params["allowed_updates"] or [])
        self._webhook = {"url": url, "secret_token": None if secret is None else str(secret),
                         "max_connections": int(params.get("max_connections") or 40),
                         "ip_address": params.get("ip_address")}
        self._webhook_error = {}
        if url:  # updates still waiting for getUpdates now go to the webhook
            for update in self._pending:
                self._outbox.put_nowait(update)
            self._pending.clear()
        self._notify()
        return True

    async def _api_deleteWebhook(self, params: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self._drop_pending()
        self._webhook, self._webhook_error = {"url": ""}, {}
        self._notify()
        return True

    async def _api_getWebhookInfo(self, params: JSON) -> JSON:
        return self.webhook_info

    async def _api_setMyCommands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad("can't parse commands JSON object")
        for cmd in commands:
            if not isinstance(cmd, dict) or not _COMMAND_RE.fullmatch(str(cmd.get("command"))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(cmd.get("description") or "")) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self._commands[self._commands_key(params)] = [
            {"command": c["command"], "description": c["description"]} for c in commands]
        return True

    async def _api_getMyCommands(self, params: JSON) -> list[JSON]:
        return copy.deepcopy(self._commands.get(self._commands_key(params), []))

    async def _api_close(self, params: JSON) -> bool:
        self.closed = True
        return True

    async def _api_logOut(self, params: JSON) -> bool:
        self.logged_out = True
        return True
