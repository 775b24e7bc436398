"""A local stand-in for Twilio's Messages API (POST /2010-04-01/Accounts/{sid}/Messages.json)
on loopback, and the signing Twilio does on the webhooks it sends.

It checks what Twilio checks (HTTP Basic auth with the account SID and auth token, the form
fields From, To and Body, the account in the URL) and answers like Twilio (201 with a JSON
message resource, 401, 400). `fail_next` makes the next attempts fail with those statuses,
to prove the gateway retries.
"""

from __future__ import annotations

import asyncio
import base64
import uuid
from typing import Dict, List, Optional
from urllib.parse import urlencode

from aiohttp import web
from twilio.request_validator import RequestValidator

from tests.support.loopback import LoopbackServer


class MessagesApi(LoopbackServer):
    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        super().__init__()
        self.url = f"http://127.0.0.1:{self.port}"
        self.fail_next: List[int] = []
        self.attempts = 0
        self.refused: List[int] = []
        self.sent: "asyncio.Queue[Dict[str, str]]" = asyncio.Queue()

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/2010-04-01/Accounts/{account}/Messages.json", self._create)

    async def _create(self, request: web.Request) -> web.Response:
        self.attempts += 1
        expected = "Basic " + base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        if request.headers.get("Authorization") != expected or request.match_info["account"] != self.account_sid:
            self.refused.append(401)
            return web.json_response({"code": 20003, "message": "Authenticate", "status": 401}, status=401)
        if self.fail_next:
            status = self.fail_next.pop(0)
            self.refused.append(status)
            return web.json_response({"status": status, "message": "try again"}, status=status)
        form = await request.post()
        fields = {name: str(form.get(name, "")) for name in ("From", "To", "Body")}
        if not all(fields.values()) or request.content_type != "application/x-www-form-urlencoded":
            self.refused.append(400)
            return web.json_response({"code": 21602, "message": "Message body is required.", "status": 400},
                                     status=400)
        sid = "SM" + uuid.uuid4().hex
        await self.sent.put(fields)
        return web.json_response({"sid": sid, "status": "queued", **{k.lower(): v for k, v in fields.items()}},
                                 status=201)

    async def next_message(self, timeout: float = 60) -> Dict[str, str]:
        return await asyncio.wait_for(self.sent.get(), timeout)


def signed_form(auth_token: str, url: str, fields: Dict[str, str]) -> tuple[bytes, str]:
    """The body Twilio posts and its X-Twilio-Signature."""
    body = urlencode(fields).encode("utf-8")
    return body, RequestValidator(auth_token).compute_signature(url, fields)


def inbound_sms(number: str, text: str, to: str, sid: Optional[str] = None) -> Dict[str, str]:
    """The fields of Twilio's incoming-message webhook."""
    sid = sid or "SM" + uuid.uuid4().hex
    return {
        "ToCountry": "CA", "SmsMessageSid": sid, "NumMedia": "0", "SmsSid": sid,
        "SmsStatus": "received", "Body": text, "To": to, "NumSegments": "1",
        "MessageSid": sid, "AccountSid": "AC" + "0" * 32,
        "From": number, "ApiVersion": "2010-04-01",
    }
