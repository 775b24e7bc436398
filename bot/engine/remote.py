"""Talk to an existing Rasa server (`rasa run --enable-api`) over HTTP.

Messages go through the server's REST channel; the intent, confidence and language of
the turn are read back from the conversation tracker (one extra request).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional
from urllib.parse import quote

import aiohttp

from bot.engine.base import BotMessage, EngineReply, EngineUnavailable


class RemoteEngine:
    def __init__(self, base_url: str, token: str = "", timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.http: Optional[aiohttp.ClientSession] = None

    def _params(self) -> Dict[str, str]:
        return {"token": self.token} if self.token else {}

    async def start(self) -> None:
        self.http = aiohttp.ClientSession(timeout=self.timeout)

    async def handle(self, sender_id: str, text: str, metadata: Dict[str, Any]) -> EngineReply:
        if self.http is None:
            raise EngineUnavailable("engine not started")
        body = {"sender": sender_id, "message": text, "metadata": metadata or {}}
        try:
            async with self.http.post(
                f"{self.base_url}/webhooks/rest/webhook", json=body, params=self._params()
            ) as response:
                if response.status != 200:
                    raise EngineUnavailable(f"Rasa server answered {response.status}")
                messages: List[BotMessage] = await response.json()
            async with self.http.get(
                f"{self.base_url}/conversations/{quote(sender_id, safe='')}/tracker",
                params={"include_events": "NONE", **self._params()},
            ) as response:
                tracker = await response.json() if response.status == 200 else {}
        except (aiohttp.ClientError, TimeoutError) as error:
            raise EngineUnavailable(f"Rasa server unreachable: {error}") from error
        intent = (tracker.get("latest_message") or {}).get("intent") or {}
        return EngineReply(
            messages=messages,
            intent=intent.get("name"),
            confidence=intent.get("confidence"),
            language=(tracker.get("slots") or {}).get("language"),
        )

    async def start_session(self, sender_id: str, metadata: Dict[str, Any]) -> EngineReply:
        """Not asked of a remote Rasa server (not yet proven against `rasa run`): the
        welcome comes with the first answer, as on the other channels."""
        return EngineReply(messages=[])

    async def append_events(self, sender_id: str, events: List[Dict[str, Any]]) -> None:
        if self.http is None:
            raise EngineUnavailable("engine not started")
        try:
            async with self.http.post(
                f"{self.base_url}/conversations/{quote(sender_id, safe='')}/tracker/events",
                json=events, params={"include_events": "NONE", **self._params()},
            ) as response:
                if response.status != 200:
                    raise EngineUnavailable(f"Rasa server answered {response.status}")
        except (aiohttp.ClientError, TimeoutError) as error:
            raise EngineUnavailable(f"Rasa server unreachable: {error}") from error

    async def problems(self) -> List[str]:
        """The Rasa server answers its root URL (no token needed) within 2 seconds."""
        if self.http is None:
            return ["Rasa server not connected"]
        try:
            async with self.http.get(f"{self.base_url}/", timeout=aiohttp.ClientTimeout(total=2)) as response:
                return [] if response.status == 200 else ["Rasa server not answering"]
        except (aiohttp.ClientError, TimeoutError):
            return ["Rasa server unreachable"]

    async def close(self) -> None:
        if self.http is not None:
            await self.http.close()
            self.http = None
