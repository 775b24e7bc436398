"""Build the gateway application. Nothing connects at import: resources open and close
in `cleanup_ctx` hooks, in order (database and spool, sender key, events, engine, outbox and
channels, purge, recovery). Channels on the Channel protocol come from `citizen_channels`; a PushChannel is
registered with the outbox (bot/gateway/outbox.py), which sends its messages."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone
from typing import AsyncIterator, List, Optional

from aiohttp import web

from bot.engine import Engine
from bot.gateway import headers, health, metrics, shutdown
from bot.gateway.bus import Bus
from bot.gateway.errors import error_middleware, quiet_client_errors
from bot.gateway.keys import BUS, CHANNELS, DATABASE, DESK, METRICS, OUTBOX, ROUTER, SENDERS, SETTINGS, SPOOL, TYPING
from bot.gateway.outbox import Outbox
from bot.gateway.recovery import Recovery
from bot.gateway.rate_limit import RateLimiter
from bot.gateway.router import Router
from bot.gateway.senders import SenderKeys, load_sender_key
from bot.console.routes import add_routes as add_staff_routes
from bot.handoff import hours
from bot.handoff.desk import Desk
from bot.handoff.events import ConsoleHub
from bot.handoff.typing import TypingRelay
from bot.settings import PROJECT_ROOT, Settings
from bot.storage import transcripts
from bot.storage.database import Database
from bot.storage.models import Conversation
from bot.storage.spool import Spool
from channels import Channel, PushChannel, TypingChannel
from channels.rest import RestChannel
from channels.webchat import WebchatChannel

log = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 256 * 1024
PURGE_EVERY_SECONDS = 3600


def default_engine(settings: Settings) -> Engine:
    if settings.rasa_url:
        from bot.engine.remote import RemoteEngine

        return RemoteEngine(settings.rasa_url, str(settings.rasa_token))
    if settings.engine_workers:
        from bot.engine.workers import WorkerPool

        return WorkerPool(settings.engine_workers, engine_worker_env(settings), PROJECT_ROOT,
                          turns_per_worker=settings.engine_worker_turns)
    from bot.engine.embedded import EmbeddedEngine

    return EmbeddedEngine(settings.model_path, settings.trackers_url, settings.actions_url,
                          settings.redis_url)


def engine_worker_env(settings: Settings) -> dict:
    """What an engine worker reads from its environment (bot/engine/worker.py)."""
    return {"GOVBOT_MODEL": str(settings.model_path), "GOVBOT_TRACKER_STORE_URL": settings.trackers_url,
            "GOVBOT_ACTIONS_URL": settings.actions_url, "GOVBOT_REDIS_URL": settings.redis_url}


def purge_expired(db: Database, retention_days: int) -> int:
    cutoff = datetime.now(timezone.utc) - timedelta(days=retention_days)
    return db.run(transcripts.purge_older_than, cutoff)


def citizen_channels(settings: Settings) -> List[Channel]:
    """The channels built on the Channel protocol that these settings turn on."""
    chosen: List[Channel] = [RestChannel(), WebchatChannel(settings)]
    if settings.socketio_enabled:
        from channels.rasa_socketio import SocketioChannel

        chosen.append(SocketioChannel(settings))
    if settings.twilio_enabled:
        from channels.twilio_sms import TwilioChannel

        chosen.append(TwilioChannel(settings))
    if settings.messenger_enabled:
        from channels.messenger import MessengerChannel

        chosen.append(MessengerChannel(settings))
    if settings.whatsapp_enabled:
        from channels.whatsapp import WhatsappChannel

        chosen.append(WhatsappChannel(settings))
    if settings.telegram_token:
        from channels.telegram import TelegramChannel

        chosen.append(TelegramChannel(settings))
    return chosen


def create_app(settings: Settings, engine: Optional[Engine] = None) -> web.Application:
    """The gateway. An `engine` passed in is already started and stays the caller's to close."""
    quiet_client_errors()
    app = web.Application(client_max_size=MAX_REQUEST_BYTES, middlewares=[error_middleware])
    app[SETTINGS] = settings
    chosen_engine = engine or default_engine(settings)

    async def database(app: web.Application) -> AsyncIterator[None]:
        db = Database(settings.transcripts_url)
        await asyncio.to_thread(db.upgrade_schema)
        app[DATABASE] = db
        app[SPOOL] = Spool(settings.data_dir / "spool", settings.spool_max_mb * 2**20)
        yield
        app[SPOOL].close()
        db.dispose()

    async def sender_keys(app: web.Application) -> AsyncIterator[None]:
        key = await asyncio.to_thread(load_sender_key, str(settings.sender_key), settings.data_dir)
        app[SENDERS] = SenderKeys(key)
        yield

    async def events(app: web.Application) -> AsyncIterator[None]:
        bus = Bus(settings.redis_url)
        await bus.start()
        app[BUS] = bus
        yield
        await bus.close()

    async def dialogue_engine(app: web.Application) -> AsyncIterator[None]:
        if engine is None:
            await chosen_engine.start()
        consoles = ConsoleHub()
        desk = Desk(
            app[DATABASE], consoles, hours.load(settings.office_hours_file),
            settings.handoff_minutes_per_ticket, record_in_tracker=chosen_engine.append_events,
        )
        bus = app[BUS]
        bus.on("console", consoles.broadcast)
        desk.announce = lambda event: bus.publish("console", event)
        app[DESK] = desk
        app[TYPING] = TypingRelay(app[DATABASE], desk.announce)
        app[ROUTER] = Router(
            app[DATABASE],
            chosen_engine,
            RateLimiter(settings.rate_limit_per_minute),
            settings.max_message_chars,
            desk=desk,
            client_limiter=RateLimiter(settings.client_rate_limit_per_minute),
            spool=app[SPOOL],
        )
        app[METRICS] = app[ROUTER].metrics
        yield
        if engine is None:
            await chosen_engine.close()

    chosen_channels = citizen_channels(settings)

    async def channel_lifecycle(app: web.Application) -> AsyncIterator[None]:
        """The outbox and the channels: the outbox stops sending before a channel closes."""
        outbox = Outbox(app[DATABASE], app[SENDERS].secret, metrics=app[METRICS],
                        first_retry=settings.outbox_retry_seconds, max_retry=settings.outbox_max_retry_seconds,
                        give_up=timedelta(minutes=settings.outbox_give_up_minutes))
        app[OUTBOX] = outbox
        for channel in chosen_channels:
            await channel.start(app)
            app[DESK].deliverers[channel.name] = channel.deliver
            if isinstance(channel, PushChannel):
                outbox.register(channel)
            if isinstance(channel, TypingChannel):
                app[TYPING].shows[channel.name] = channel.show_typing
        await outbox.start()
        yield
        await outbox.close()
        for channel in reversed(chosen_channels):
            await channel.stop()

    async def retention(app: web.Application) -> AsyncIterator[None]:
        async def loop() -> None:
            while True:
                removed = await asyncio.to_thread(purge_expired, app[DATABASE], settings.retention_days)
                if removed:
                    log.info("retention: purged %d transcript lines", removed)
                await asyncio.sleep(PURGE_EVERY_SECONDS)

        task = asyncio.create_task(loop())
        yield
        task.cancel()
        await app[DESK].hub.close_all()

    async def recovery(app: web.Application) -> AsyncIterator[None]:
        """Spooled messages replayed, interrupted turns answered (bot/gateway/recovery.py)."""
        task = asyncio.create_task(Recovery(app[ROUTER], app[SPOOL], settings.spool_replay_seconds,
                                            settings.stale_turn_seconds).run())
        yield
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass

    for hook in (database, sender_keys, events, dialogue_engine, channel_lifecycle, retention, recovery):
        app.cleanup_ctx.append(hook)
    app.on_shutdown.append(shutdown.drain(settings.shutdown_grace_seconds, chosen_channels))  # see shutdown.py

    headers.install(app, settings.chat_frame_ancestors)
    app.router.add_get("/health", health.endpoint)
    app.router.add_get("/metrics", metrics.endpoint)
    add_staff_routes(app)
    app[CHANNELS] = chosen_channels
    for channel in chosen_channels:
        channel.add_routes(app)
    return app
