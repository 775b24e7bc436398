"""Security headers on every response, decided here by path (one place, not per handler).

- every response: `X-Content-Type-Options: nosniff`, a `Referrer-Policy`, and a `Server`
  header that names no software or version;
- the staff console (`/console...`): a strict Content-Security-Policy with
  `frame-ancestors 'none'`, `X-Frame-Options: DENY`, no referrer outside the site;
- the web chat page (`/chat`, and any static .html): its Content-Security-Policy as a real header (a meta tag
  cannot say `frame-ancestors`); no framing, unless GOVBOT_CHAT_FRAME_ANCESTORS lists the
  origins allowed to embed it.
"""

from __future__ import annotations

from typing import Sequence

from aiohttp import web

SERVER = "govbot"
CONSOLE_CSP = ("default-src 'self'; connect-src 'self'; img-src 'self'; style-src 'self'; "
               "script-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Everything from this host: no CDN, no external fonts, no inline script.
CHAT_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'")


def chat_csp(frame_ancestors: Sequence[str]) -> str:
    allowed = " ".join(["'self'", *frame_ancestors]) if frame_ancestors else "'none'"
    return f"{CHAT_CSP}; frame-ancestors {allowed}"


def _is_console(path: str) -> bool:
    return path == "/console" or path.startswith("/console/")


def install(app: web.Application, chat_frame_ancestors: Sequence[str]) -> None:
    chat_policy = chat_csp(chat_frame_ancestors)

    async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
        headers = response.headers
        headers["Server"] = SERVER
        headers.setdefault("X-Content-Type-Options", "nosniff")
        path = request.path
        if _is_console(path):
            headers["Content-Security-Policy"] = CONSOLE_CSP
            headers["X-Frame-Options"] = "DENY"
            headers["Referrer-Policy"] = "same-origin"
        elif path == "/chat" or path.endswith(".html"):  # the page, also as a static file
            headers["Content-Security-Policy"] = chat_policy
            if not chat_frame_ancestors:
                headers["X-Frame-Options"] = "DENY"
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        else:
            headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")

    app.on_response_prepare.append(add_headers)
