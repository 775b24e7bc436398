"""The language of a server-rendered staff page, and numbers written in it.

`?lang=` (the console passes its own), else the browser's Accept-Language, else English.
"""

from __future__ import annotations

from urllib.parse import urlencode

from aiohttp import web

from bot.language import LANGUAGES


def other(language: str) -> str:
    return "en" if language == "fr" else "fr"


def decimal(value: float, digits: int, language: str) -> str:
    """1.5 -> '1.5' (en) or '1,5' (fr)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "fr" else text


def chosen_language(request: web.Request) -> str:
    asked = request.query.get("lang", "")
    if asked in LANGUAGES:
        return asked
    browser = request.headers.get("Accept-Language", "").strip().lower()
    return "fr" if browser.startswith("fr") else "en"


def other_language_link(request: web.Request, language: str, path: str = "") -> str:
    """This page (or `path`, for the answer to a form) in the other language, same filters."""
    query = {k: v for k, v in request.query.items() if k != "lang"}
    query["lang"] = other(language)
    return f"{path or request.path}?{urlencode(query)}"
