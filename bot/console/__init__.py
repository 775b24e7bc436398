"""The staff web: the officer console, its JSON API and live socket, the analytics page,
the NLU inbox and the knowledge drafts. The domain it serves (queue, desk, accounts,
policy, consults) lives in bot/handoff and knows nothing of HTTP."""
