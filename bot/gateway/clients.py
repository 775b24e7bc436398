"""Who is asking: a request's client address, and whether it comes from this machine.

X-Forwarded-For is believed only from a trusted proxy (GOVBOT_TRUSTED_PROXIES): walking the
chain from the right, the first address that is not a trusted proxy is the client. Anyone
can write the header; only the hops our own proxies added are worth anything.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Sequence, Tuple, Union

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
