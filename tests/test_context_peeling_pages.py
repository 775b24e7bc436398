"""Readings with the conversation found by the forty-sixth session's sets: a passport whose photo
page peels is damaged, and using it to fly afterwards is the damaged passport's question."""
from __future__ import annotations

import asyncio
from typing import Any, Dict

from bot.engine.context import in_context
from bot.engine.context.passports import told_damaged
from tests.support.readings import UserUttered, reading


def _alone(alone: Dict[str, Any]):
    async def parse(said: str) -> Dict[str, Any]:
        return alone

    return parse


def test_a_peeling_photo_page_is_a_damaged_passport_but_a_plane_taking_off_is_not():
    assert told_damaged("the photo page on my passport is peeling off")
    assert told_damaged("la page photo de mon passeport se décolle")
    assert not told_damaged("mon avion décolle à 6 h, mon passeport est dans mon sac")


def test_using_it_to_fly_after_a_peeling_page_is_the_damaged_passports_answer_not_photos():
    said = [UserUttered("my passport got wet in the wash and the photo page is peeling", "passport_renew")]
    alone = reading(("passport_photo", 0.9), ("passport_renew", 0.05))
    read = asyncio.run(in_context(alone, "can i still use it to fly", said, _alone(alone)))
    assert (read["intent"]["name"], read["knowledge"]["id"]) == ("passport_renew", "passport_renew.damaged")
    # new photos asked after it stay photos
    photos = asyncio.run(in_context(alone, "do i need new photos for that", said, _alone(alone)))
    assert photos["intent"]["name"] == "passport_photo"
