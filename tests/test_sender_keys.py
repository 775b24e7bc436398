"""bot/gateway/senders.py: sender ids that are personal information are stored only as a
keyed hash, with a key that survives restarts; other ids are kept as they are."""

from __future__ import annotations

import stat
import threading

import pytest

from bot.gateway.senders import KEY_FILE, SenderKeys, clean_sender_id, load_sender_key

PERSONAL = ["+1 613 555 0199", "+16135550199", "whatsapp:+16135550199", "613-555-0199", "046454286",
            "jean.tremblay@example.ca", "JEAN@EXAMPLE.CA", "jean dot tremblay at gmail dot com"]
NOT_PERSONAL = ["citizen-42", "web-3f2a9c", "alice", "1234", "session 12"]


@pytest.mark.parametrize("sender", PERSONAL)
def test_personal_sender_ids_become_keyed_hashes(sender):
    key = SenderKeys(b"k" * 32).conversation_key(sender)
    assert key.startswith("hmac-") and len(key) == 5 + 64
    assert key == SenderKeys(b"k" * 32).conversation_key(sender), "the same sender keeps its conversation"
    assert key != SenderKeys(b"another key").conversation_key(sender), "without the key, nobody can rebuild it"


@pytest.mark.parametrize("sender", NOT_PERSONAL)
def test_other_sender_ids_are_kept(sender):
    assert SenderKeys(b"k" * 32).conversation_key(sender) == sender


def test_control_characters_and_line_breaks_never_reach_a_conversation_id():
    assert clean_sender_id("  alice\r\nFAKE LOG LINE\x00\u200b\t ") == "alice  FAKE LOG LINE"


def test_without_a_configured_key_one_is_generated_once_and_kept_private(tmp_path):
    first = load_sender_key("", tmp_path / "data")
    assert load_sender_key("", tmp_path / "data") == first, "a restart keeps the same mapping"
    mode = stat.S_IMODE((tmp_path / "data" / KEY_FILE).stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)
    assert load_sender_key("from-the-environment", tmp_path / "data") == b"from-the-environment"


def test_processes_starting_together_agree_on_one_key(tmp_path):
    keys: list[bytes] = []
    threads = [threading.Thread(target=lambda: keys.append(load_sender_key("", tmp_path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1 and len(keys) == 8
    assert sorted(path.name for path in tmp_path.iterdir()) == [KEY_FILE], "no draft left behind"
