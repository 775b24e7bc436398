"""bot/settings.py: what the gateway logs at start-up never shows a secret."""

from __future__ import annotations

import pytest

from bot.settings import SettingsError, load_settings


def test_describe_masks_tokens_and_passwords_inside_urls():
    described = load_settings({
        "GOVBOT_DATABASE_URL": "postgresql://govbot:db-pass-1@db.internal:5433/govbot",
        "GOVBOT_REDIS_URL": "redis://:redis-pass-2@redis:6379/0",
        "GOVBOT_TRACKER_STORE_URL": "sqlite:////var/lib/govbot/trackers.db",
        "TELEGRAM_BOT_TOKEN": "123456:telegram-token-3",
        "GOVBOT_METRICS_TOKEN": "metrics-token-4",
        "GOVBOT_SENDER_KEY": "sender-key-5",
    }).describe()
    for secret in ("db-pass-1", "redis-pass-2", "telegram-token-3", "metrics-token-4", "sender-key-5"):
        assert secret not in described
    assert "database_url='postgresql://govbot:***@db.internal:5433/govbot'" in described
    assert "redis_url='redis://:***@redis:6379/0'" in described
    assert "tracker_store_url='sqlite:////var/lib/govbot/trackers.db'" in described


def test_frame_ancestors_are_plain_origins_since_they_go_into_a_header():
    allowed = load_settings({"GOVBOT_CHAT_FRAME_ANCESTORS": "https://www.canada.ca, https://*.gc.ca:8443/"})
    assert allowed.chat_frame_ancestors == ("https://www.canada.ca", "https://*.gc.ca:8443")
    assert load_settings({}).chat_frame_ancestors == ()
    for bad in ("https://x.ca; script-src *", "'none'", "javascript:alert(1)", "https://x.ca/page", "*"):
        with pytest.raises(SettingsError, match="GOVBOT_CHAT_FRAME_ANCESTORS"):
            load_settings({"GOVBOT_CHAT_FRAME_ANCESTORS": bad})


def test_allowed_origins_take_no_wildcard():
    assert load_settings({"GOVBOT_ALLOWED_ORIGINS": "https://chat.canada.ca"}).allowed_origins == (
        "https://chat.canada.ca",)
    for bad in ("https://*.canada.ca", "chat.canada.ca", "null"):
        with pytest.raises(SettingsError, match="GOVBOT_ALLOWED_ORIGINS"):
            load_settings({"GOVBOT_ALLOWED_ORIGINS": bad})


def test_flood_limits_have_defaults_and_read_the_environment():
    defaults = load_settings({})
    assert (defaults.client_rate_limit_per_minute, defaults.max_sockets_per_client, defaults.trusted_proxies) == (
        120, 20, ())
    chosen = load_settings({"GOVBOT_CLIENT_RATE_LIMIT_PER_MINUTE": "60", "GOVBOT_MAX_SOCKETS_PER_CLIENT": "5",
                            "GOVBOT_TRUSTED_PROXIES": "10.0.0.0/8, 172.18.0.2 ,"})
    assert (chosen.client_rate_limit_per_minute, chosen.max_sockets_per_client) == (60, 5)
    assert chosen.trusted_proxies == ("10.0.0.0/8", "172.18.0.2")


@pytest.mark.parametrize("variable, value", [("GOVBOT_TRUSTED_PROXIES", "nginx"),
                                             ("GOVBOT_CLIENT_RATE_LIMIT_PER_MINUTE", "0"),
                                             ("GOVBOT_MAX_SOCKETS_PER_CLIENT", "many")])
def test_unusable_flood_settings_fail_fast_naming_the_variable(variable, value):
    with pytest.raises(SettingsError, match=variable):
        load_settings({variable: value})
