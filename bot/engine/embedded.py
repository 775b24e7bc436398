"""Run the trained Rasa model inside the gateway process (the default)."""

from __future__ import annotations

import contextvars
import gc
import logging
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from sqlalchemy.engine.url import make_url

from bot.engine.base import BotMessage, EngineReply, EngineUnavailable
from bot.engine.context import in_context, past_a_correction, past_small_talk, reading_their_own, with_second_need
from bot.engine.parse_cache import ParseCache

os.environ["RASA_TELEMETRY_ENABLED"] = "false"  # no citizen data may leave the machine

log = logging.getLogger(__name__)

# Rasa swallows a failed custom action (e.g. the action server is down): it logs an error
# and answers with its fallback, which would tell the citizen something wrong. Errors that
# Rasa logs while one turn is handled are collected here (logging handlers run in the
# caller's context) and turned into EngineUnavailable.
_turn_errors: contextvars.ContextVar[Optional[List[str]]] = contextvars.ContextVar(
    "govbot_turn_errors", default=None
)


class _TurnErrors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)

    def emit(self, record: logging.LogRecord) -> None:
        errors = _turn_errors.get()
        if errors is not None:
            errors.append(record.getMessage()[:300])


_rasa_logger = logging.getLogger("rasa")
if not any(isinstance(h, _TurnErrors) for h in _rasa_logger.handlers):
    _rasa_logger.addHandler(_TurnErrors())


def tracker_store_endpoint(url: str) -> Dict[str, Any]:
    """Rasa's SQLTrackerStore settings from an SQLAlchemy URL."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    config: Dict[str, Any] = {"type": "sql", "dialect": parsed.drivername, "db": parsed.database}
    if backend == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    if parsed.host:  # Rasa's SQL tracker store reads the host from the endpoint's `url`
        config.update(url=parsed.host, port=parsed.port, username=parsed.username, password=parsed.password)
    return config


def lock_store_endpoint(redis_url: str) -> Dict[str, Any]:
    """Rasa's RedisLockStore wants the host in `url` (like the SQL tracker store)."""
    from urllib.parse import urlparse

    parsed = urlparse(redis_url)
    return {"type": "redis", "url": parsed.hostname or "localhost", "port": parsed.port or 6379,
            "db": int((parsed.path or "/0").lstrip("/") or 0), "password": parsed.password}


def quiet_rasa_logs(level: int = logging.WARNING) -> None:
    """Rasa logs every parsed message at debug level; citizens' words stay out of logs."""
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(level)
    logging.getLogger("rasa").setLevel(level)


def _tune_sqlite_tracker_store(store: Any) -> None:
    """Rasa's SQL tracker store on SQLite gets the transcripts' engine settings: WAL, fewer
    fsyncs, and pooled connections instead of a new one per transaction."""
    from sqlalchemy.orm import sessionmaker

    from bot.storage.database import create_db_engine

    inner = getattr(store, "_tracker_store", store)  # FailSafeTrackerStore wraps the real one
    engine = getattr(inner, "engine", None)
    if engine is not None and engine.dialect.name == "sqlite":
        inner.engine = create_db_engine(str(engine.url), future=False)
        inner.sessionmaker = sessionmaker(bind=inner.engine)
        engine.dispose()


class EmbeddedEngine:
    def __init__(self, model_path: Path, trackers_url: str, action_endpoint: str = "", redis_url: str = "") -> None:
        """`action_endpoint`: an action server's URL; empty runs the actions in this process."""
        self.redis_url = redis_url
        self.model_path = model_path
        self.trackers_url = trackers_url
        self.action_endpoint = action_endpoint
        self.agent: Any = None
        self.parses = ParseCache()

    async def start(self) -> None:
        from rasa.core.agent import load_agent
        from rasa.core.utils import AvailableEndpoints
        from rasa.utils.endpoints import EndpointConfig

        from bot.engine import rasa_fixes
        from bot.engine.inprocess_actions import InProcessActions
        from bot.nlu.our_words import known_words

        quiet_rasa_logs()
        rasa_fixes.install()
        if not self.model_path.exists():
            raise FileNotFoundError(
                f"no trained model at {self.model_path}: run `govbot train` (or scripts/run.sh)"
            )
        endpoints = AvailableEndpoints(
            action=EndpointConfig(url=self.action_endpoint) if self.action_endpoint else InProcessActions(),
            tracker_store=EndpointConfig(**tracker_store_endpoint(self.trackers_url)),
            lock_store=EndpointConfig(**lock_store_endpoint(self.redis_url)) if self.redis_url else None,
        )
        self.agent = await load_agent(model_path=str(self.model_path), endpoints=endpoints)
        if not self.agent.is_ready():
            raise EngineUnavailable(f"model at {self.model_path} could not be loaded")
        _tune_sqlite_tracker_store(self.agent.tracker_store)
        rasa_fixes.remember_stored_counts(self.agent.tracker_store)
        self.parses = ParseCache()  # results of another model must not be reused
        known_words()  # read once here (about half a second), not on the first citizen's follow-up
        # The loaded model is hundreds of MB of Python objects that live as long as the
        # process: keep them out of the cyclic garbage collector's full passes, which
        # otherwise stop a turn for tens of milliseconds (seen in the p95/p99).
        gc.collect()
        gc.freeze()

    async def handle(self, sender_id: str, text: str, metadata: Dict[str, Any]) -> EngineReply:
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        if self.agent is None:
            raise EngineUnavailable("engine not started")
        output = CollectingOutputChannel()
        errors: List[str] = []
        token = _turn_errors.set(errors)
        try:
            message = UserMessage(text, output, sender_id, metadata=metadata or None)
            async with self.agent.lock_store.lock(sender_id):
                tracker = await self._turn(message)
        except Exception as error:  # noqa: BLE001 - any engine failure means "unavailable"
            log.exception("engine failed on a message")
            raise EngineUnavailable(str(error)) from error
        finally:
            _turn_errors.reset(token)
        if errors:
            raise EngineUnavailable("; ".join(errors))
        latest = tracker.latest_message
        intent = (latest.intent or {}) if latest else {}
        messages: List[BotMessage] = [_clean(m) for m in output.messages]
        return EngineReply(
            messages=messages,
            intent=intent.get("name"),
            confidence=intent.get("confidence"),
            language=tracker.get_slot("language"),
        )

    async def start_session(self, sender_id: str, metadata: Dict[str, Any]) -> EngineReply:
        from rasa.core.channels.channel import CollectingOutputChannel

        if self.agent is None:
            raise EngineUnavailable("engine not started")
        output = CollectingOutputChannel()
        processor = self.agent.processor
        try:
            async with self.agent.lock_store.lock(sender_id):
                # A new tracker runs action_session_start here (Rasa's own session rule).
                tracker = await processor.fetch_tracker_and_update_session(sender_id, output, metadata or None)
                await processor.save_tracker(tracker)
        except Exception as error:  # noqa: BLE001 - any engine failure means "unavailable"
            log.exception("engine failed to start a session")
            raise EngineUnavailable(str(error)) from error
        return EngineReply(messages=[_clean(m) for m in output.messages], language=tracker.get_slot("language"))

    async def _turn(self, message: Any) -> Any:
        """Rasa's MessageProcessor.handle_message, step for step, except that the NLU result
        may come from the cache, is read in the conversation's context (bot/engine/context/),
        and the tracker is returned instead of being read back."""
        from rasa.core.channels.channel import UserMessage

        processor = self.agent.processor
        tracker = await processor.fetch_tracker_and_update_session(
            message.sender_id, message.output_channel, message.metadata
        )

        async def parsed(text: str) -> Dict[str, Any]:
            found = self.parses.get(text)
            if found is None:
                found = await processor.parse_message(UserMessage(text))
                self.parses.put(text, found)
            return found

        # A message written for a grown-up other is read as their own too (bot/engine/context/perspective.py).
        parse = reading_their_own(parsed)

        # The cache holds each text's own reading; the conversation may change it (bot/engine/context/).
        alone, question = await past_small_talk(await parse(message.text), message.text, parse)
        alone, question = await past_a_correction(alone, question, parse)
        read = await in_context(alone, question, tracker.events, parse)
        message.parse_data = await with_second_need(read, message.text, parse)
        await processor._handle_message_with_tracker(message, tracker)
        tracker = await processor.run_action_extract_slots(message.output_channel, tracker)
        await processor._run_prediction_loop(message.output_channel, tracker)
        await processor.run_anonymization_pipeline(tracker)
        await processor.save_tracker(tracker)
        return tracker

    async def append_events(self, sender_id: str, events: List[Dict[str, Any]]) -> None:
        from rasa.shared.core.events import Event

        if self.agent is None:
            raise EngineUnavailable("engine not started")
        processor = self.agent.processor
        async with processor.lock_store.lock(sender_id):
            tracker = await processor.get_tracker(sender_id)
            for event in events:
                tracker.update(Event.from_parameters(event))
            await processor.save_tracker(tracker)

    async def problems(self) -> List[str]:
        return [] if self.agent is not None and self.agent.is_ready() else ["model not loaded"]

    async def close(self) -> None:
        self.agent = None


def _clean(message: Dict[str, Any]) -> BotMessage:
    out: BotMessage = {}
    for key in ("recipient_id", "text", "buttons", "image", "custom"):
        value: Optional[Any] = message.get(key)
        if value:
            out[key] = value  # type: ignore[literal-required]
    return out
