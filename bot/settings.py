"""All configuration, read once from the environment.

Every setting has a working default, so `govbot serve` runs with nothing configured; a
Telegram token turns the Telegram channel on; Twilio, Messenger and WhatsApp are on once
their secrets are set (all of a channel's secrets, or the start fails naming the missing
one). Secrets are only ever read from the environment and are masked in `repr()` and in
logs.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, List, Mapping, Optional, Tuple
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """A setting is present but unusable; the message names the variable."""


class Secret(str):
    """A string that never prints its value."""

    def __repr__(self) -> str:
        return "Secret('**********')" if self else "Secret('')"


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float, minimum: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if not value >= minimum or value == float("inf"):  # also refuses NaN
        raise SettingsError(f"{name} must be a number of at least {minimum}, got {raw!r}")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name} must be true or false, got {raw!r}")


def _networks(env: Mapping[str, str], name: str) -> Tuple[str, ...]:
    """A comma-separated list of addresses or networks (10.0.0.0/8, ::1)."""
    items = tuple(item.strip() for item in (env.get(name) or "").split(",") if item.strip())
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise SettingsError(f"{name}: {item!r} is not an IP address or network") from None
    return items


_ORIGIN = re.compile(r"^https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?$")


def _origins(env: Mapping[str, str], name: str, wildcards: bool = False) -> Tuple[str, ...]:
    """A comma-separated list of origins (https://www.canada.ca): scheme, host, optional port,
    nothing else (the values go into a Content-Security-Policy header)."""
    items = tuple(item.strip().rstrip("/") for item in (env.get(name) or "").split(",") if item.strip())
    for item in items:
        if not _ORIGIN.match(item) or ("*" in item and not wildcards):
            raise SettingsError(f"{name}: {item!r} is not an origin like https://www.canada.ca")
    return items


def _choice(env: Mapping[str, str], name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = env.get(name) or default
    if value not in allowed:
        raise SettingsError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    return value


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    data_dir: Path = PROJECT_ROOT / "var"
    database_url: str = ""  # transcripts; default: SQLite file in data_dir
    tracker_store_url: str = ""  # Rasa trackers; default: SQLite file in data_dir
    model_path: Path = PROJECT_ROOT / "models" / "govbot.tar.gz"
    rasa_url: str = ""  # empty: run the model in-process; else an existing Rasa server
    rasa_token: Secret = field(default_factory=Secret)
    engine_workers: int = 0  # 0: the model runs in the gateway process; N: N worker processes
    engine_worker_turns: int = 2  # turns one worker handles at once (0: no limit); the rest wait in line
    actions_url: str = ""  # an action server elsewhere (e.g. another container); default: in-process
    max_message_chars: int = 2000
    rate_limit_per_minute: int = 20  # per conversation
    client_rate_limit_per_minute: int = 120  # per client address, whatever the sender ids
    max_sockets_per_client: int = 20  # open web chat sockets per client address
    sender_key: Secret = field(default_factory=Secret)  # HMAC key for personal sender ids
    retention_days: int = 90
    spool_max_mb: int = 50  # citizens' messages kept on local disk while the database fails
    spool_replay_seconds: float = 5.0  # how often the spool is tried against the database
    stale_turn_seconds: float = 60.0  # a citizen line still `received` this long was interrupted
    shutdown_grace_seconds: int = 10  # on SIGTERM: turns in flight get this long, then requests as long again
    telegram_token: Secret = field(default_factory=Secret)
    telegram_mode: str = "polling"
    telegram_webhook_url: str = ""
    telegram_secret_token: Secret = field(default_factory=Secret)
    telegram_api_base_url: str = ""  # tests point this at a local Bot API emulator
    handoff_minutes_per_ticket: int = 6  # for the citizen's estimated wait
    office_hours_file: Path = PROJECT_ROOT / "content" / "office_hours.yml"
    cookie_secure: bool = False  # set true behind HTTPS (console cookies)
    session_idle_minutes: int = 30  # a console session unused this long ends
    session_max_hours: int = 10  # and none lasts longer than this, used or not
    trusted_proxies: Tuple[str, ...] = ()  # addresses or networks whose X-Forwarded-For is believed
    chat_frame_ancestors: Tuple[str, ...] = ()  # origins allowed to embed /chat in a frame
    allowed_origins: Tuple[str, ...] = ()  # besides its own, origins whose pages may open the WebSockets
    metrics_token: Secret = field(default_factory=Secret)  # empty: /metrics from this machine only
    training_root: Path = PROJECT_ROOT  # where the console's inbox export writes data/nlu
    redis_url: str = ""  # several replicas: Rasa's lock store and events between replicas
    socketio_enabled: bool = True  # Rasa's Socket.IO channel at /socket.io
    twilio_account_sid: str = ""  # SMS through Twilio: on when the SID and the auth token are set
    twilio_auth_token: Secret = field(default_factory=Secret)
    twilio_from_number: str = ""  # the Twilio number replies come from (E.164, +1...)
    twilio_public_url: str = ""  # the webhook URL as configured in Twilio (it is signed)
    twilio_api_url: str = "https://api.twilio.com"  # tests point this at a local emulator
    messenger_app_secret: Secret = field(default_factory=Secret)  # Messenger: on with the three secrets
    messenger_verify_token: Secret = field(default_factory=Secret)
    messenger_page_access_token: Secret = field(default_factory=Secret)
    whatsapp_app_secret: Secret = field(default_factory=Secret)  # WhatsApp Cloud API: on with these four
    whatsapp_verify_token: Secret = field(default_factory=Secret)
    whatsapp_access_token: Secret = field(default_factory=Secret)
    whatsapp_phone_number_id: str = ""
    meta_graph_api_url: str = "https://graph.facebook.com/v21.0"  # tests point this at a local emulator
    # The outbox (bot/gateway/outbox.py): first retry after this, doubling up to the cap
    # (with jitter), and a message still not accepted this long after it was posted is failed.
    outbox_retry_seconds: float = 2.0
    outbox_max_retry_seconds: float = 300.0
    outbox_give_up_minutes: float = 60.0

    @property
    def twilio_enabled(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token)

    @property
    def messenger_enabled(self) -> bool:
        return bool(self.messenger_app_secret)

    @property
    def whatsapp_enabled(self) -> bool:
        return bool(self.whatsapp_app_secret)

    @property
    def transcripts_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'govbot.db'}"

    @property
    def trackers_url(self) -> str:
        return self.tracker_store_url or f"sqlite:///{self.data_dir / 'trackers.db'}"

    def warnings(self) -> List[str]:
        """Settings that work but are unsafe where the gateway listens (logged at start-up)."""
        found = []
        if not self.cookie_secure and not _is_loopback(self.host):
            found.append(f"GOVBOT_COOKIE_SECURE is false while the gateway listens on {self.host}: "
                         "console cookies would travel without HTTPS; set it to true behind HTTPS")
        return found

    def describe(self) -> str:
        """One line per setting, secrets masked (tokens, and passwords inside URLs): safe to log."""
        return "\n".join(f"{f.name}={_without_password(getattr(self, f.name))!r}" for f in fields(self))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def _without_password(value: Any) -> Any:
    """postgresql://govbot:pw@host/db -> postgresql://govbot:***@host/db"""
    if isinstance(value, Secret) or not isinstance(value, str) or "://" not in value:
        return value
    parts = urlsplit(value)
    if not parts.password:
        return value
    user = f"{parts.username}:" if parts.username else ":"
    return parts._replace(netloc=f"{user}***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")).geturl()


def _all_or_none(env: Mapping[str, str], names: Tuple[str, ...]) -> None:
    """A channel is off until its secrets are set, and then needs every one of them."""
    given = [name for name in names if (env.get(name) or "").strip()]
    if given and len(given) < len(names):
        missing = [name for name in names if name not in given]
        verb = "is" if len(missing) == 1 else "are"
        raise SettingsError(f"{', '.join(missing)} {verb} required when {given[0]} is set")


def load_settings(env: Optional[Mapping[str, str]] = None) -> Settings:
    env = os.environ if env is None else env
    telegram_token = Secret(env.get("TELEGRAM_BOT_TOKEN", ""))
    mode = _choice(env, "TELEGRAM_MODE", "polling", ("polling", "webhook"))
    settings = Settings(
        host=env.get("GOVBOT_HOST") or "127.0.0.1",
        port=_int(env, "GOVBOT_PORT", 8080),
        data_dir=Path(env.get("GOVBOT_DATA_DIR") or PROJECT_ROOT / "var"),
        database_url=env.get("GOVBOT_DATABASE_URL", ""),
        tracker_store_url=env.get("GOVBOT_TRACKER_STORE_URL", ""),
        model_path=Path(env.get("GOVBOT_MODEL") or PROJECT_ROOT / "models" / "govbot.tar.gz"),
        rasa_url=(env.get("GOVBOT_RASA_URL") or "").rstrip("/"),
        rasa_token=Secret(env.get("GOVBOT_RASA_TOKEN", "")),
        engine_workers=_int(env, "GOVBOT_ENGINE_WORKERS", 0, minimum=0),
        engine_worker_turns=_int(env, "GOVBOT_ENGINE_WORKER_TURNS", 2, minimum=0),
        actions_url=env.get("GOVBOT_ACTIONS_URL", ""),
        max_message_chars=_int(env, "GOVBOT_MAX_MESSAGE_CHARS", 2000, minimum=1),
        rate_limit_per_minute=_int(env, "GOVBOT_RATE_LIMIT_PER_MINUTE", 20, minimum=1),
        client_rate_limit_per_minute=_int(env, "GOVBOT_CLIENT_RATE_LIMIT_PER_MINUTE", 120, minimum=1),
        max_sockets_per_client=_int(env, "GOVBOT_MAX_SOCKETS_PER_CLIENT", 20, minimum=1),
        sender_key=Secret(env.get("GOVBOT_SENDER_KEY", "")),
        retention_days=_int(env, "GOVBOT_RETENTION_DAYS", 90, minimum=1),
        spool_max_mb=_int(env, "GOVBOT_SPOOL_MAX_MB", 50, minimum=1),
        spool_replay_seconds=_int(env, "GOVBOT_SPOOL_REPLAY_SECONDS", 5, minimum=1),
        stale_turn_seconds=_int(env, "GOVBOT_STALE_TURN_SECONDS", 60, minimum=1),
        shutdown_grace_seconds=_int(env, "GOVBOT_SHUTDOWN_GRACE_SECONDS", 10, minimum=1),
        telegram_token=telegram_token,
        telegram_mode=mode,
        telegram_webhook_url=env.get("TELEGRAM_WEBHOOK_URL", ""),
        telegram_secret_token=Secret(env.get("TELEGRAM_SECRET_TOKEN", "")),
        telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL", ""),
        handoff_minutes_per_ticket=_int(env, "GOVBOT_HANDOFF_MINUTES_PER_TICKET", 6, minimum=1),
        office_hours_file=Path(env.get("GOVBOT_OFFICE_HOURS_FILE") or PROJECT_ROOT / "content" / "office_hours.yml"),
        cookie_secure=_bool(env, "GOVBOT_COOKIE_SECURE", False),
        session_idle_minutes=_int(env, "GOVBOT_SESSION_IDLE_MINUTES", 30, minimum=1),
        session_max_hours=_int(env, "GOVBOT_SESSION_MAX_HOURS", 10, minimum=1),
        trusted_proxies=_networks(env, "GOVBOT_TRUSTED_PROXIES"),
        chat_frame_ancestors=_origins(env, "GOVBOT_CHAT_FRAME_ANCESTORS", wildcards=True),
        allowed_origins=_origins(env, "GOVBOT_ALLOWED_ORIGINS"),
        metrics_token=Secret(env.get("GOVBOT_METRICS_TOKEN", "")),
        training_root=Path(env.get("GOVBOT_TRAINING_ROOT") or PROJECT_ROOT),
        redis_url=env.get("GOVBOT_REDIS_URL", ""),
        socketio_enabled=_bool(env, "SOCKETIO_ENABLED", True),
        twilio_account_sid=env.get("TWILIO_ACCOUNT_SID", "").strip(),
        twilio_auth_token=Secret(env.get("TWILIO_AUTH_TOKEN", "")),
        twilio_from_number=env.get("TWILIO_FROM_NUMBER", "").strip(),
        twilio_public_url=env.get("TWILIO_PUBLIC_URL", "").strip(),
        twilio_api_url=(env.get("TWILIO_API_URL") or "https://api.twilio.com").rstrip("/"),
        messenger_app_secret=Secret(env.get("MESSENGER_APP_SECRET", "")),
        messenger_verify_token=Secret(env.get("MESSENGER_VERIFY_TOKEN", "")),
        messenger_page_access_token=Secret(env.get("MESSENGER_PAGE_ACCESS_TOKEN", "")),
        whatsapp_app_secret=Secret(env.get("WHATSAPP_APP_SECRET", "")),
        whatsapp_verify_token=Secret(env.get("WHATSAPP_VERIFY_TOKEN", "")),
        whatsapp_access_token=Secret(env.get("WHATSAPP_ACCESS_TOKEN", "")),
        whatsapp_phone_number_id=env.get("WHATSAPP_PHONE_NUMBER_ID", "").strip(),
        meta_graph_api_url=(env.get("META_GRAPH_API_URL") or "https://graph.facebook.com/v21.0").rstrip("/"),
        outbox_retry_seconds=_float(env, "GOVBOT_OUTBOX_RETRY_SECONDS", 2.0, minimum=0.01),
        outbox_max_retry_seconds=_float(env, "GOVBOT_OUTBOX_MAX_RETRY_SECONDS", 300.0, minimum=0.01),
        outbox_give_up_minutes=_float(env, "GOVBOT_OUTBOX_GIVE_UP_MINUTES", 60.0, minimum=0.01),
    )
    _all_or_none(env, ("MESSENGER_APP_SECRET", "MESSENGER_VERIFY_TOKEN", "MESSENGER_PAGE_ACCESS_TOKEN"))
    _all_or_none(env, ("WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_ACCESS_TOKEN",
                       "WHATSAPP_PHONE_NUMBER_ID"))
    if urlsplit(settings.meta_graph_api_url).scheme not in ("http", "https"):
        raise SettingsError("META_GRAPH_API_URL must be a URL like https://graph.facebook.com/v21.0")
    if bool(settings.twilio_account_sid) != bool(settings.twilio_auth_token):
        missing = "TWILIO_AUTH_TOKEN" if settings.twilio_account_sid else "TWILIO_ACCOUNT_SID"
        raise SettingsError(f"{missing} is required when the other Twilio secret is set")
    if settings.twilio_enabled:
        for name, value in (("TWILIO_FROM_NUMBER", settings.twilio_from_number),
                            ("TWILIO_PUBLIC_URL", settings.twilio_public_url)):
            if not value:
                raise SettingsError(f"{name} is required when TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set")
        if urlsplit(settings.twilio_public_url).scheme not in ("http", "https"):
            raise SettingsError("TWILIO_PUBLIC_URL must be the full webhook URL, "
                                "e.g. https://chat.example.gc.ca/webhooks/twilio/webhook")
    if telegram_token and mode == "webhook":
        if not settings.telegram_webhook_url:
            raise SettingsError("TELEGRAM_WEBHOOK_URL is required when TELEGRAM_MODE=webhook")
        if not settings.telegram_secret_token:
            raise SettingsError("TELEGRAM_SECRET_TOKEN is required when TELEGRAM_MODE=webhook")
    return settings
