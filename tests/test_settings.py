"""bot/settings.py: what the gateway logs at start-up never shows a secret."""

from __future__ import annotations

from bot.settings import load_settings


def test_describe_masks_tokens_and_passwords_inside_urls():
    described = load_settings({
        "GOVBOT_DATABASE_URL": "postgresql://govbot:db-pass-1@db.internal:5433/govbot",
        "GOVBOT_REDIS_URL": "redis://:redis-pass-2@redis:6379/0",
        "GOVBOT_TRACKER_STORE_URL": "sqlite:////var/lib/govbot/trackers.db",
        "TELEGRAM_BOT_TOKEN": "123456:telegram-token-3",
    }).describe()
    for secret in ("db-pass-1", "redis-pass-2", "telegram-token-3"):
        assert secret not in described
    assert "database_url='postgresql://govbot:***@db.internal:5433/govbot'" in described
    assert "redis_url='redis://:***@redis:6379/0'" in described
    assert "tracker_store_url='sqlite:////var/lib/govbot/trackers.db'" in described
