"""An officer using the console's HTTP API, as console.js does (cookie session + CSRF)."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

import aiohttp


class Officer:
    def __init__(self, base_url: str) -> None:
        self.http = aiohttp.ClientSession(base_url=base_url, cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""

    async def __aenter__(self) -> "Officer":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.http.close()

    async def sign_in(self, username: str, password: str) -> int:
        async with self.http.get("/console/login") as page:
            form_csrf = re.search(r'name="csrf" value="([^"]+)"', await page.text()).group(1)  # type: ignore[union-attr]
        async with self.http.post("/console/login", allow_redirects=False,
                                  data={"csrf": form_csrf, "username": username, "password": password}) as reply:
            status = reply.status
        if status == 303:
            me = await self.get("/console/api/me")
            self.csrf = me["csrf"]
        return status

    async def get(self, path: str) -> Any:
        async with self.http.get(path) as reply:
            assert reply.status == 200, f"{path}: {reply.status} {await reply.text()}"
            return await reply.json()

    async def post(self, path: str, body: Optional[Dict[str, Any]] = None, expect: int = 200) -> Any:
        async with self.http.post(path, json=body or {}, headers={"X-CSRF-Token": self.csrf}) as reply:
            assert reply.status == expect, f"{path}: {reply.status} {await reply.text()}"
            return await reply.json()

    async def ticket_for(self, conversation_id: str) -> Dict[str, Any]:
        queue = await self.get("/console/api/queue")
        for ticket in queue["waiting"] + queue["mine"] + queue.get("active", []):
            if ticket["conversation_id"] == conversation_id:
                return ticket
        raise AssertionError(f"no ticket for {conversation_id} in {queue}")

    async def transcript(self, ticket_id: int) -> List[Dict[str, Any]]:
        return (await self.get(f"/console/api/tickets/{ticket_id}"))["transcript"]
