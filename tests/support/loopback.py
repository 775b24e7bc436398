"""A platform emulator's web server on a free loopback port, started and stopped with
`async with` by the test that uses it."""

from __future__ import annotations

from typing import Optional, Self

from aiohttp import web

from bot.bench.ports import free_port


class LoopbackServer:
    def __init__(self) -> None:
        self.port = free_port()
        self._runner: Optional[web.AppRunner] = None

    def add_routes(self, app: web.Application) -> None:
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        app = web.Application()
        self.add_routes(app)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()
