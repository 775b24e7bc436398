"""docker-compose.yml and the Dockerfile describe the replica topology (they are not built
here: this machine reaches no container registry)."""

from __future__ import annotations

import re

import yaml

from bot.settings import PROJECT_ROOT, load_settings

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")
NGINX = (PROJECT_ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")


def test_topology_has_every_part_with_a_health_check():
    services = COMPOSE["services"]
    assert {"postgres", "redis", "actions", "gateway-a", "gateway-b", "proxy"} <= set(services)
    for name in ("postgres", "redis", "actions", "proxy"):
        assert "healthcheck" in services[name], name
    assert "HEALTHCHECK" in DOCKERFILE, "gateways get the image's /health check"


def test_gateways_share_postgres_and_redis_and_their_settings_load():
    for name in ("gateway-a", "gateway-b"):
        env = {k: str(v) for k, v in COMPOSE["services"][name]["environment"].items()}
        assert env["GOVBOT_REDIS_URL"].startswith("redis://redis:")
        assert env["GOVBOT_DATABASE_URL"].startswith("postgresql://")
        assert env["GOVBOT_TRACKER_STORE_URL"].startswith("postgresql://")
        env = {k: re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", v) for k, v in env.items()}
        settings = load_settings(env)
        assert settings.actions_url == "http://actions:5055/webhook"
        assert settings.engine_workers == 2, "each replica runs the model on its host's cores"
        host = re.search(r"GOVBOT_HOST=(\S+)", DOCKERFILE).group(1)  # type: ignore[union-attr]
        assert load_settings(dict(env, GOVBOT_HOST=host)).warnings() == [], "console cookies need HTTPS"
        assert settings.trusted_proxies, "the proxy's X-Forwarded-For gives the client address"
        assert "GOVBOT_SENDER_KEY" in env, "every replica hashes sender ids with the same key"
        grace = int(COMPOSE["services"][name]["stop_grace_period"].rstrip("s"))
        assert grace > 2 * settings.shutdown_grace_seconds, "SIGKILL only after the drain and the requests left"


def test_proxy_balances_both_replicas_and_upgrades_websockets():
    assert "server gateway-a:8080" in NGINX and "server gateway-b:8080" in NGINX
    assert "proxy_set_header Upgrade $http_upgrade" in NGINX
    assert "proxy_set_header Host $http_host" in NGINX, "the Host the browser sent, port included"
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in NGINX
    assert "server_tokens off;" in NGINX, "the proxy names no version either"


def test_proxy_limits_citizens_per_address_but_not_telegram():
    assert "limit_req_zone $binary_remote_addr zone=citizens" in NGINX
    rest = NGINX.split("location = /webhooks/rest/webhook", 1)[1].split("}", 1)[0]
    socket = NGINX.split("location = /webchat/ws", 1)[1].split("}", 1)[0]
    assert "limit_req zone=citizens" in rest and "limit_req zone=citizens" in socket
    assert "limit_conn sockets 20" in socket
    rest_of_site = NGINX.split("location / {", 1)[1].split("}", 1)[0]
    assert "limit_req" not in rest_of_site, "Telegram's servers carry every Telegram citizen: no per-address limit"


def test_image_trains_at_build_and_never_downloads_at_run_time():
    assert "govbot train --force" in DOCKERFILE
    assert "RASA_TELEMETRY_ENABLED=false" in DOCKERFILE
    assert "--no-deps --ignore-requires-python -r requirements/lock.txt" in DOCKERFILE
    assert "USER govbot" in DOCKERFILE
