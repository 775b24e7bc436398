"""Every conversation test story replayed against the real model WITH the custom actions:
checks what `rasa test` cannot (slots, the language of every reply, validation re-asks)."""

from __future__ import annotations

import pytest

from tests.support.story_replay import replay, stories

STORIES = stories()


def test_there_are_stories_for_every_file():
    assert len(STORIES) >= 50


@pytest.mark.parametrize("name,story", STORIES, ids=[name for name, _ in STORIES])
def test_story_with_actions(name, story, servers, engine, database_urls):
    if database_urls[0].startswith("postgresql"):
        pytest.skip("stories are replayed once, on SQLite; storage is covered by the gateway tests")
    problems = servers.run(replay(engine.agent, story))
    assert not problems, "\n".join(problems)
