"""One thin adapter per messaging channel: verify, parse, hand to the router, answer."""
