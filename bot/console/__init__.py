"""The staff web: the officer console, its JSON API and live socket, the analytics pages,
the NLU inbox and the knowledge drafts. The domain it serves (queue, desk, accounts,
policy, consults, typing) lives in bot/handoff and knows nothing of HTTP.

    routes.py           every staff route with its access rule, registered in one place
    auth.py             session cookie, CSRF, sign-in and sign-out, require_role
    pages.py            the one staff header, the frame of server-rendered pages, the console page
    page_language.py    a page's language (?lang=, Accept-Language) and its numbers
    api.py              the console's JSON API (queue, tickets, officer actions)
    serialisers.py      what staff see of a ticket
    consults.py         "ask an expert" API
    live.py             the console's WebSocket
    analytics.py        the supervisors' dashboard and CSV
    analytics_tickets.py  the tickets behind a figure, a read-only transcript
    inbox.py            the trainers' NLU inbox
    drafts.py           experts' answers proposed as knowledge

Words come from bot/texts.py `say` (bot/staff_messages.yml); lists of codes from
bot/vocabulary.py; who may do what from bot/handoff/policy.py.
"""
