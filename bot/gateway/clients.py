"""Who is asking: a request's client address, whether it comes from this machine, and
whether a browser page of another site opened it (the WebSocket Origin rule).

X-Forwarded-For is believed only from a trusted proxy (GOVBOT_TRUSTED_PROXIES): walking the
chain from the right, the first address that is not a trusted proxy is the client. Anyone
can write the header; only the hops our own proxies added are worth anything.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Optional, Sequence, Tuple, Union
from urllib.parse import urlsplit

from aiohttp import web

Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]
FORWARDING_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


@lru_cache(maxsize=8)
def _networks(trusted: Tuple[str, ...]) -> Tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)


def _address(text: str) -> str:
    """A normalised IP address, or "" for anything else."""
    try:
        ip = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return ""
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:10.0.0.1 on a dual-stack socket
    return str(mapped or ip)


def _trusted(address: str, networks: Tuple[Network, ...]) -> bool:
    if not address:
        return False
    ip = ipaddress.ip_address(address)
    return any(ip.version == network.version and ip in network for network in networks)


def client_address(request: web.Request, trusted_proxies: Sequence[str]) -> str:
    """The client's IP address ("" if unknown)."""
    peer = _address(request.remote or "")
    networks = _networks(tuple(trusted_proxies))
    if not _trusted(peer, networks):
        return peer
    hops = [hop for header in request.headers.getall("X-Forwarded-For", []) for hop in header.split(",")]
    for hop in reversed(hops):
        address = _address(hop)
        if not address:
            return peer  # a proxy of ours always writes an address: the rest is the client's
        if not _trusted(address, networks):
            return address
    return peer


def is_this_machine(request: web.Request) -> bool:
    """A loopback connection that no proxy forwarded (a proxy on this machine connects from
    loopback on behalf of anyone)."""
    peer = _address(request.remote or "")
    if not peer or not ipaddress.ip_address(peer).is_loopback:
        return False
    return not any(name in request.headers for name in FORWARDING_HEADERS)


_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _host_and_port(netloc: str, scheme: str) -> Optional[Tuple[str, int]]:
    try:
        parts = urlsplit(f"//{netloc}")
        port = parts.port or _DEFAULT_PORTS[scheme]
    except (ValueError, KeyError):
        return None
    return ((parts.hostname or "").lower(), port) if parts.hostname else None


def origin_allowed(request: web.Request, allowed_origins: Sequence[str]) -> bool:
    """The WebSocket handshake rule. Browsers send `Origin` on every WebSocket handshake, so:
    - no Origin header: not a browser page (a script, a monitoring probe): allowed, the
      endpoint's own checks apply (the console's session cookie);
    - an Origin: allowed if it is this site's own (its host and port are those of the
      request's Host header) or listed in GOVBOT_ALLOWED_ORIGINS; any other, "null"
      included, is refused.
    """
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    origin = origin.strip().rstrip("/")
    if origin in allowed_origins:
        return True
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or parts.path or parts.query:
        return False
    theirs = _host_and_port(parts.netloc, parts.scheme)
    # Same origin means the browser used the origin's scheme to reach this Host.
    ours = _host_and_port(request.host, parts.scheme)
    return theirs is not None and theirs == ours
