"""Bad input from outside the gateway, and the one place it becomes an HTTP answer.

    BadRequest(ValueError)      400 bad_request   the request cannot be what the route expects
    ├── MalformedBody           400 bad_json      not UTF-8 JSON, a lone surrogate, nested too
    │                                             deeply, a number beyond 64 bits, a body that
    │                                             does not decompress
    ├── WrongShape              400 bad_shape     JSON of the wrong shape: not an object, a field
    │                                             missing or of the wrong type
    ├── BodyTooLarge            413 too_large     more than the gateway reads, also once unzipped
    ├── Unauthorized            401 unauthorized  a platform's signature is missing or wrong
                                                  (the answer never says what was expected)
    ├── Forbidden               403 forbidden     a platform's subscription handshake with the
                                                  wrong verify token
    ├── UnknownRecord           404 not_found     an id in a URL that cannot name a record
    └── TooManyRequests         429 too_many      too many open sockets from one client address

Parsers raise them low (bot/gateway/payloads.py turns the JSON decoder's ValueError, the
int-conversion ValueError of a huge number, UnicodeError and RecursionError into
MalformedBody where they happen). `error_middleware` turns them, and what aiohttp or the
JSON decoder raise for the same reasons in handlers that read the body themselves
(HTTPBadRequest, HTTPRequestEntityTooLarge, RequestPayloadError, JSONDecodeError,
UnicodeError, RecursionError), into a 4xx with a short JSON body
{"error": code, "message": text}, logged as one line without a traceback. Anything else is
a bug and stays a 500 with its traceback.

Requests aiohttp cannot even parse get aiohttp's own 400; `quiet_client_errors` logs them
as one line too.

A WebSocket has no status to answer with after the upgrade: the web chat socket catches
BadRequest itself and answers with an error frame (channels/webchat.py).
"""

from __future__ import annotations

import json
import logging
from typing import Awaitable, Callable

from aiohttp import web
from aiohttp.http_exceptions import DecompressSizeError, HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

from bot.redaction import normalise

log = logging.getLogger(__name__)


def printable(text: str, limit: int = 200) -> str:
    """Outside text made safe for one log line: no line breaks or control characters."""
    return normalise(text[: limit * 2])[:limit]


class BadRequest(ValueError):
    status = 400
    code = "bad_request"


class MalformedBody(BadRequest):
    code = "bad_json"


class WrongShape(BadRequest):
    code = "bad_shape"


class BodyTooLarge(BadRequest):
    status = 413
    code = "too_large"


class Unauthorized(BadRequest):
    status = 401
    code = "unauthorized"


class Forbidden(BadRequest):
    status = 403
    code = "forbidden"


class UnknownRecord(BadRequest):
    status = 404
    code = "not_found"


class TooManyRequests(BadRequest):
    status = 429
    code = "too_many"


def payload_error(error: RequestPayloadError) -> BadRequest:
    """What a body that aiohttp could not read (bad gzip, a decompression bomb) is."""
    cause = error.__cause__
    if isinstance(cause, DecompressSizeError):
        return BodyTooLarge("the body is too large once decompressed")
    return MalformedBody("the body could not be read: " + (cause.message if isinstance(cause, HttpProcessingError)
                                                              else "bad encoding"))


def answer(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": code, "message": message}, status=status)


def _refuse(request: web.Request, error: BadRequest) -> web.Response:
    log.info("refused %s %s: %d %s (%s)", request.method, printable(request.path), error.status, error.code,
             printable(str(error)))
    return answer(error.status, error.code, str(error))


async def _finish_body(request: web.Request, response: web.StreamResponse) -> None:
    """aiohttp reads whatever a handler left of the body after the answer, and if that part
    cannot be decoded (bad gzip) it logs a traceback and drops the connection. Read it here;
    if it is unreadable, close the connection after this answer instead."""
    if request.content.is_eof():
        return
    try:
        await request.read()
    except (RequestPayloadError, web.HTTPRequestEntityTooLarge):
        request.content.feed_eof()
        response.force_close()


class _OneLineForClientErrors(logging.Filter):
    """aiohttp answers a request it cannot parse (bad headers, a body that does not
    decompress) with a 400 itself, before any handler runs, and logs it with a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError) and 400 <= (error.code or 0) < 500:
            record.msg, record.args = "refused a request aiohttp could not read: %d %s", (
                error.code, printable(str(error.message)))
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def quiet_client_errors() -> None:
    logger = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, _OneLineForClientErrors) for f in logger.filters):
        logger.addFilter(_OneLineForClientErrors())


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    response: web.StreamResponse
    try:
        response = await handler(request)
    except BadRequest as error:
        response = _refuse(request, error)
    except RequestPayloadError as error:
        response = _refuse(request, payload_error(error))
    except web.HTTPRequestEntityTooLarge:
        response = _refuse(request, BodyTooLarge("the body is too large"))
    except web.HTTPBadRequest as error:
        response = _refuse(request, BadRequest(error.reason))
    except (json.JSONDecodeError, UnicodeError, RecursionError) as error:
        response = _refuse(request, MalformedBody(f"the body could not be read ({type(error).__name__})"))
    except web.HTTPException as error:  # redirects and other answers raised by handlers
        await _finish_body(request, error)
        raise
    await _finish_body(request, response)
    return response
