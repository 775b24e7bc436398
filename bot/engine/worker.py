"""One engine worker process: the embedded engine behind a tiny HTTP API on a Unix socket.

Started by bot/engine/workers.py (`GOVBOT_ENGINE_WORKERS=N`), never by hand. Its settings
come from the environment the pool gives it (model, tracker store, actions, Redis), so
secrets never appear on a command line. Routes:
  GET  /health  -> 200 once the model is loaded
  POST /turn    {"sender_id", "text", "metadata"} -> EngineReply as JSON; 503 if unavailable
  POST /events  {"sender_id", "events"} -> 204
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import os
from typing import AsyncIterator

from aiohttp import web

from bot.engine.base import EngineUnavailable
from bot.engine.embedded import EmbeddedEngine
from bot.settings import load_settings

ENGINE: web.AppKey[EmbeddedEngine] = web.AppKey("engine", EmbeddedEngine)
MAX_REQUEST_BYTES = 1024 * 1024  # the gateway already refused long messages


def create_app(engine: EmbeddedEngine) -> web.Application:
    app = web.Application(client_max_size=MAX_REQUEST_BYTES)
    app[ENGINE] = engine

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        await engine.start()
        orphan_check = asyncio.create_task(exit_with_gateway(os.getppid()))
        yield
        orphan_check.cancel()
        await engine.close()

    app.cleanup_ctx.append(lifecycle)
    app.router.add_get("/health", health)
    app.router.add_post("/turn", turn)
    app.router.add_post("/session", session)
    app.router.add_post("/events", events)
    return app


async def exit_with_gateway(gateway_pid: int) -> None:
    """A gateway killed outright cannot stop its workers: they notice and leave."""
    while os.getppid() == gateway_pid:
        await asyncio.sleep(2)
    logging.getLogger(__name__).warning("gateway %d is gone: engine worker exits", gateway_pid)
    os._exit(0)


async def health(request: web.Request) -> web.Response:
    agent = request.app[ENGINE].agent
    lock_store = type(agent.processor.lock_store).__name__ if agent is not None else None
    return web.json_response({"status": "ok", "pid": os.getpid(), "lock_store": lock_store})


async def turn(request: web.Request) -> web.Response:
    body = await request.json()
    try:
        reply = await request.app[ENGINE].handle(body["sender_id"], body["text"], body.get("metadata") or {})
    except EngineUnavailable as error:
        return web.json_response({"error": str(error)}, status=503)
    return web.json_response(dataclasses.asdict(reply))


async def session(request: web.Request) -> web.Response:
    body = await request.json()
    try:
        reply = await request.app[ENGINE].start_session(body["sender_id"], body.get("metadata") or {})
    except EngineUnavailable as error:
        return web.json_response({"error": str(error)}, status=503)
    return web.json_response(dataclasses.asdict(reply))


async def events(request: web.Request) -> web.Response:
    body = await request.json()
    try:
        await request.app[ENGINE].append_events(body["sender_id"], body["events"])
    except EngineUnavailable as error:
        return web.json_response({"error": str(error)}, status=503)
    return web.Response(status=204)


def main() -> None:
    import uvloop

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--socket", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s engine-worker %(levelname)s %(name)s: %(message)s")
    settings = load_settings()
    engine = EmbeddedEngine(settings.model_path, settings.trackers_url, settings.actions_url, settings.redis_url)
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    # the gateway logs each citizen request; the turns it passes on here need no second line
    web.run_app(create_app(engine), path=args.socket, print=None, access_log=None)


if __name__ == "__main__":
    main()
