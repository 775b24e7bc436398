"""Personal information sent through the REST channel, in the sender id and in messages,
reaches neither database (transcripts, Rasa's tracker store) nor any log line, on SQLite
and on PostgreSQL (issue 11, defect 2). The engine answers all the same: it gets the
redacted text under a keyed hash of the sender."""

from __future__ import annotations

import logging
import random
import re
from typing import Dict, List

from sqlalchemy import MetaData, create_engine, select

from bot.texts import say
from tests.support.gateway import rest, running_gateway, texts


def _dump(url: str) -> str:
    """Every row of every table, as text."""
    engine = create_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.connect() as connection:
            return "\n".join(str(tuple(row)) for table in metadata.sorted_tables
                             for row in connection.execute(select(table)))
    finally:
        engine.dispose()


class Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def _values(rng: random.Random) -> Dict[str, str]:
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    name = "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(7))
    sin = str(rng.randint(1, 9)) + digits(8)
    card = "4" + digits(15)
    return {
        "sin": f"{sin[:3]}\u00a0{sin[3:6]}\u00a0{sin[6:]}",
        "sin digits": sin,
        "passport": f"G{rng.choice('ABCXYZ')}-{digits(6)}",
        "card": ".".join(card[i:i + 4] for i in range(0, 16, 4)),
        "card digits": card,
        "phone": f"+33 6 {digits(2)} {digits(2)} {digits(2)} {digits(2)}",
        "postal code": f"K{digits(1)}A {digits(1)}B{digits(1)}",
        "birth date": f"{rng.randint(10, 28)} avril 19{digits(2)}",
        "e-mail": f"{name} dot tremblay at gmail dot com",
        "e-mail name": name,
    }


async def test_personal_information_reaches_no_database_and_no_log_line(servers, settings, engine):
    rng = random.Random()
    values = _values(rng)
    phone_sender = f"+1 613 555 {rng.randint(1000, 9999)}"
    mail_sender = f"{values['e-mail name']}.{rng.randint(10, 99)}@example.ca"
    root = logging.getLogger()
    handler, level = Everything(), root.level
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        async with running_gateway(servers, settings, engine) as client:
            first = await rest(client, phone_sender,
                               f"my SIN is {values['sin']} and my passport {values['passport']}, how do I get a SIN?")
            second = await rest(client, phone_sender, f"card {values['card']}, phone {values['phone']}, "
                                                      f"I live at {values['postal code']}, né le {values['birth date']}")
            third = await rest(client, mail_sender, f"écrivez-moi à {values['e-mail']}, combien coûte un passeport?")
            again = await rest(client, phone_sender, "thanks")
    finally:
        root.removeHandler(handler)
        root.setLevel(level)

    assert say("redacted", "en") in texts(first) and "Social Insurance Number" in texts(first)
    assert say("redacted", "fr") in texts(third) and len(third) > 1, "answered too, in French"
    assert all(reply["recipient_id"] == phone_sender for reply in first + second + again), "Rasa's contract"
    transcripts, trackers, logs = _dump(settings.transcripts_url), _dump(settings.trackers_url), "\n".join(handler.lines)
    assert "[SIN]" in transcripts and "[SIN]" in trackers, "the engine and the transcript got the redacted text"
    assert re.search(r"rest:hmac-[0-9a-f]{64}", transcripts) and re.search(r"rest:hmac-[0-9a-f]{64}", trackers)
    assert logs, "the gateway logged while handling these messages"
    secrets = [*values.values(), phone_sender, re.sub(r"\D", "", phone_sender), mail_sender]
    for place, text in (("transcripts", transcripts), ("tracker store", trackers), ("logs", logs)):
        found = [secret for secret in secrets if secret.lower() in text.lower()]
        assert not found, f"raw personal information in the {place}: {found}"
