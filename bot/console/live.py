"""The console's live events: the WebSocket /console/ws.

The socket only tells a console that something changed ({"type": "queue"|"message"|
"consult", "ticket_id"?}); the console then reads what its account may see through the API.
The console sends typing signals the other way ({"type": "typing", "ticket_id"}), which the
typing relay (bot/handoff/typing.py) passes on only for an account that may act on the ticket.
The Origin check, the session and the role are require_role's (bot/console/auth.py).
"""

from __future__ import annotations

from typing import List, Tuple

from aiohttp import WSMsgType, web

from bot.console.auth import Handler, Staff, require_role
from bot.gateway.keys import DESK, TYPING
from bot.handoff import policy


@require_role(policy.console_role, kind="socket")
async def live(request: web.Request, staff: Staff) -> web.WebSocketResponse:
    socket = web.WebSocketResponse(heartbeat=30)
    await socket.prepare(request)
    hub = request.app[DESK].hub
    hub.join(socket)
    try:
        await socket.send_json({"type": "hello"})
        async for message in socket:
            if message.type == WSMsgType.TEXT:  # typing signals (bot/handoff/typing.py)
                await request.app[TYPING].console_frame(staff["id"], message.data)
            elif message.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                break
    finally:
        hub.leave(socket)
    return socket


ROUTES: List[Tuple[str, str, Handler]] = [
    ("GET", "/console/ws", live),
]
