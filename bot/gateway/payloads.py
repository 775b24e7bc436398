"""Read what citizens, Telegram and the console send: JSON bodies, fields and record ids.

Every reader raises the bad-input tree of bot/gateway/errors.py, so a malformed request is
a 4xx in one place instead of a 500 wherever it happened to fail: JSON must be UTF-8,
without NaN or Infinity, nested at most MAX_DEPTH deep, with integers that fit in 64 bits
and strings that are valid Unicode without NUL (a lone surrogate such as "\\ud800" or a
"\\u0000" cannot be stored in PostgreSQL).
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Union

from aiohttp import web
from aiohttp.web_request import FileField
from multidict import MultiDictProxy
from aiohttp.web_protocol import RequestPayloadError

from bot.gateway.errors import MalformedBody, UnknownRecord, WrongShape, payload_error

MAX_DEPTH = 32
INT64 = 2**63
RECORD_ID_MAX = 2**31 - 1  # ids are INTEGER columns (32 bits in PostgreSQL)


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > 19:
        raise MalformedBody("a number in the body is too large")
    value = int(digits)
    if not -INT64 <= value < INT64:
        raise MalformedBody("a number in the body is too large")
    return value


def _no_constant(name: str) -> Any:
    raise MalformedBody(f"{name} is not JSON")


def _check(value: Any) -> None:
    """Depth and valid Unicode, walked without recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise MalformedBody(f"the body is nested more than {MAX_DEPTH} levels deep")
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key)
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise MalformedBody("the body contains text that is not valid Unicode (a lone surrogate)") from None
    if "\x00" in text:  # PostgreSQL cannot store it
        raise MalformedBody("the body contains a NUL character")


def parse_json(raw: bytes | str) -> Any:
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        value = json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant)
    except MalformedBody:
        raise
    except RecursionError:
        raise MalformedBody(f"the body is nested more than {MAX_DEPTH} levels deep") from None
    except ValueError:  # JSONDecodeError, UnicodeDecodeError
        raise MalformedBody("the body must be UTF-8 JSON") from None
    _check(value)
    return value


async def read_json(request: web.Request) -> Any:
    try:
        raw = await request.read()
    except RequestPayloadError as error:
        raise payload_error(error) from None
    return parse_json(raw)


async def read_object(request: web.Request, example: str = "") -> Dict[str, Any]:
    value = await read_json(request)
    if not isinstance(value, dict):
        raise WrongShape("the body must be a JSON object" + (f": {example}" if example else ""))
    return value


async def read_form(request: web.Request) -> "MultiDictProxy[Union[str, bytes, FileField]]":
    """A posted form (the console's sign-in and inbox pages)."""
    try:
        form = await request.post()
    except RequestPayloadError as error:
        raise payload_error(error) from None
    except (ValueError, LookupError):  # bad percent-encoding or UTF-8, an unknown charset
        raise MalformedBody("the form could not be read") from None
    for value in form.values():
        if isinstance(value, str):
            _check_text(value)
    return form


def text_field(data: Dict[str, Any], key: str, *, required: bool = True, max_chars: Optional[int] = None) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise WrongShape(f"'{key}' must be a string")
    if max_chars is not None and len(value) > max_chars:
        raise WrongShape(f"'{key}' must be at most {max_chars} characters")
    return value


def object_field(data: Dict[str, Any], key: str) -> Dict[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise WrongShape(f"'{key}' must be an object")
    return value


def record_id(value: Any, what: str = "id") -> int:
    """A record id from a JSON body: a whole number that a database row can have."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= RECORD_ID_MAX:
        raise WrongShape(f"'{what}' must be a whole number from 1 to {RECORD_ID_MAX}")
    return value


def url_record_id(text: str, what: str = "record") -> int:
    """A record id from a URL: anything that cannot name a row is simply not found."""
    if not (text.isascii() and text.isdigit() and len(text) <= 10) or not 1 <= int(text) <= RECORD_ID_MAX:
        raise UnknownRecord(f"no {what} {text[:20]!r}")
    return int(text)
