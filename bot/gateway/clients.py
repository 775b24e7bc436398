"""Which client address a request comes from, for the per-address limits.

The peer of the connection, unless that peer is one of GOVBOT_TRUSTED_PROXIES: then the
X-Forwarded-For chain is read from the right, each trusted hop skipped, and the first
address a trusted proxy vouches for is the client. A header from anyone else is ignored,
or a citizen could rotate addresses by writing the header themselves.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Optional, Tuple, Union

from aiohttp import web

from bot.gateway.keys import SETTINGS

Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


@lru_cache(maxsize=8)
def _networks(trusted: Tuple[str, ...]) -> Tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)


def _trusted(address: str, networks: Tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: web.Request) -> str:
    peer: Optional[str] = request.remote
    networks = _networks(request.app[SETTINGS].trusted_proxies)
    if peer is None or not networks or not _trusted(peer, networks):
        return peer or "unknown"
    hops = [hop.strip() for header in request.headers.getall("X-Forwarded-For", []) for hop in header.split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _trusted(hop, networks):
            return hop[:64]
    return peer
