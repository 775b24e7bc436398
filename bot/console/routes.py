"""Every route of the staff web, registered in one place, each with its access rule.

Deny by default: a handler reaches the router only if `require_role` or `public`
(bot/console/auth.py) gave it a rule; anything else stops the application from being built.
The static files (the console's script and styles, no data) are the only other route.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

from aiohttp import web

from bot.console import analytics, analytics_tickets, api, auth, consults, drafts, inbox, live, pages
from bot.console.auth import Handler, access_of

Route = Tuple[str, str, Handler]  # method, path, handler

ROUTES: List[Route] = [*auth.ROUTES, *pages.ROUTES, *live.ROUTES, *api.ROUTES, *consults.ROUTES,
                       *analytics.ROUTES, *analytics_tickets.ROUTES, *inbox.ROUTES, *drafts.ROUTES]


class UnguardedRoute(RuntimeError):
    """A staff route without an access rule: a programming error, found at start-up."""


def add_routes(app: web.Application, routes: Sequence[Route] = ROUTES) -> None:
    for method, path, handler in routes:
        if access_of(handler) is None:
            raise UnguardedRoute(f"{method} {path}: give its handler an access rule "
                                 "(require_role with a bot/handoff/policy.py predicate, or public)")
        app.router.add_route(method, path, handler)
    app.router.add_static("/console/static", pages.STATIC)
