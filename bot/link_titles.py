"""The name of each official page the assistant links to, so that the web chat can show
"Passport fees" rather than a raw URL (WCAG 2.4.4, link purpose). The names live beside the
URLs in content/links.yml (`titles:`); answers keep their URLs in the text, because SMS and
messaging apps show the text as it is.

Only https URLs of the catalogue get a name; any other URL stays as it is written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, TypedDict

from actions.content import CONTENT_DIR, load

LINKS_FILE = CONTENT_DIR / "links.yml"
_URL = re.compile(r"https://[^\s<>\"'`]+")
_TRAILING = ".,;:!?\u00bb\u201d\u2019*)]}"


class LinkTitle(TypedDict):
    url: str
    title: str


@lru_cache(maxsize=None)
def titles() -> Dict[str, str]:
    """URL -> the page's name in the URL's own language (each URL is one language's page)."""
    data = load("links")  # the same cached reading the answers use
    urls = {**data.get("links", {}), **data.get("extra_links", {})}
    named: Dict[str, str] = {}
    for key, names in (data.get("titles") or {}).items():
        for language, title in names.items():
            url = urls.get(key, {}).get(language)
            if not url:
                raise ValueError(f"{LINKS_FILE}: titles.{key}.{language} names no link")
            named[url] = title
    return named


def described(text: str) -> List[LinkTitle]:
    """The catalogue's URLs in `text`, each with its page's name, in order of appearance."""
    known = titles()
    found: List[LinkTitle] = []
    for match in _URL.finditer(text or ""):
        url = match.group(0).rstrip(_TRAILING)
        if url in known and all(link["url"] != url for link in found):
            found.append({"url": url, "title": known[url]})
    return found
