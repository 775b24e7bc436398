"""A realistic bilingual message mix: conversations as citizens have them.

Each script is one conversation (FAQ questions, a fee-calculator form, greetings, thanks,
out-of-scope, the same popular question again). Conversations are dealt round-robin to the
concurrent clients, so every target gets exactly the same messages in the same order.
"""

from __future__ import annotations

from typing import Iterator, List

SCRIPTS: List[List[str]] = [
    ["hello", "how much is a passport?", "how long does it take to get a passport?", "thanks, bye"],
    ["bonjour", "combien coûte un passeport?", "merci"],
    ["I want to calculate my passport fee", "adult", "10 years", "in Canada", "standard", "no"],
    ["je veux calculer les frais de mon passeport", "adulte", "5 ans", "au Canada", "express", "non"],
    ["how do I get a social insurance number?", "how do I protect my SIN?", "thank you"],
    ["comment faire une demande d'assurance-emploi?", "suis-je admissible à l'assurance-emploi?", "merci beaucoup"],
    ["what's the weather in Ottawa?", "how much is a passport?", "ok"],
    ["where do I apply for a passport?", "what are the photo requirements?", "bye"],
    ["quand est-ce que l'allocation canadienne pour enfants est versée?", "d'accord"],
    ["I lost my passport", "no", "how much is a passport?", "thanks"],
    ["how much is a passport?"],
    ["combien coûte un passeport?", "combien coûte un passeport?"],
]


def conversations(count: int) -> Iterator[List[str]]:
    """`count` conversations, cycling through the scripts in a fixed order."""
    for index in range(count):
        yield SCRIPTS[index % len(SCRIPTS)]


def messages_in(count: int) -> int:
    return sum(len(script) for script in conversations(count))
