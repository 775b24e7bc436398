"""Officer accounts and console sessions: scrypt password hashes, failed sign-ins throttled
per client address (bot/handoff/sign_in_throttle.py), session tokens stored only as hashes,
one CSRF token per session, sessions that end when idle and after a maximum lifetime."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List, Optional, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.contracts import TEAMS
from bot.handoff import sign_in_throttle
from bot.language import LANGUAGES
from bot.storage.models import AuditEntry, ConsoleSession, Officer, aware, utcnow
from bot.vocabulary import ROLES

GENDERS = ("f", "m")  # optional: French sentences about the officer agree with it  # what each may do: bot/handoff/policy.py
SESSION_LIFETIME = timedelta(hours=10)  # defaults of GOVBOT_SESSION_MAX_HOURS
IDLE_TIMEOUT = timedelta(minutes=30)  # and GOVBOT_SESSION_IDLE_MINUTES
# The idle deadline moves at most once a minute: a busy console is not a write per request.
TOUCH_STEP = timedelta(minutes=1)
MIN_PASSWORD_LENGTH = 12
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class AccountError(ValueError):
    pass


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        candidate = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), dklen=32, n=int(n), r=int(r), p=int(p)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


# A hash to check against when the username is unknown, so timing does not reveal it.
_DUMMY_HASH = hash_password(secrets.token_hex(8))


def add_officer(
    session: Session,
    username: str,
    password: str,
    *,
    display_name: str = "",
    role: str = "officer",
    teams: Sequence[str] = ("general",),
    languages: Sequence[str] = ("en",),
    max_concurrent: int = 3,
    gender: Optional[str] = None,
) -> Officer:
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise AccountError("username: letters, digits, '.', '-' or '_' only")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    if not teams or any(team not in TEAMS for team in teams):
        raise AccountError(f"teams: one or more of {', '.join(TEAMS)}")
    if not languages or any(lang not in LANGUAGES for lang in languages):
        raise AccountError(f"languages: {', '.join(LANGUAGES)} or both")
    if gender is not None and gender not in GENDERS:
        raise AccountError("gender: f, m, or leave it out")
    if session.execute(select(Officer).where(Officer.username == username)).scalar_one_or_none():
        raise AccountError(f"officer {username!r} already exists")
    officer = Officer(
        username=username,
        display_name=display_name or username,
        password_hash=hash_password(password),
        role=role,
        teams=list(teams),
        languages=list(languages),
        max_concurrent=max_concurrent,
        gender=gender,
    )
    session.add(officer)
    session.flush()
    audit(session, None, "officer_created", detail={"username": username, "role": role})
    return officer


def list_officers(session: Session) -> List[Officer]:
    return list(session.execute(select(Officer).order_by(Officer.username)).scalars())


@dataclass
class SignIn:
    officer: Optional[Officer]
    token: str = ""
    csrf: str = ""
    error: str = ""  # "bad_credentials" | "throttled" (the same for known and unknown usernames)
    retry_after: int = 0  # seconds, when throttled


def sign_in(
    session: Session, username: str, password: str, now: Optional[datetime] = None, *,
    address: str = "", lifetime: timedelta = SESSION_LIFETIME, idle: timedelta = IDLE_TIMEOUT,
) -> SignIn:
    """`address`: the client's, whose failures are counted (sign_in_throttle)."""
    now = now or utcnow()
    where = {"username": username[:80], "address": address}
    wait = sign_in_throttle.wait_seconds(session, address, username, now)
    if wait:
        audit(session, None, "sign_in_throttled", detail=where)
        return SignIn(None, error="throttled", retry_after=wait)
    officer = session.execute(
        select(Officer).where(Officer.username == username.strip().lower(), Officer.active == 1)
    ).scalar_one_or_none()
    if officer is None or not check_password(password, officer.password_hash):
        if officer is None:
            check_password(password, _DUMMY_HASH)  # the same time whether the name exists or not
        sign_in_throttle.failed(session, address, username, now)
        audit(session, officer.id if officer else None, "sign_in_failed", detail=where)
        return SignIn(None, error="bad_credentials")
    sign_in_throttle.succeeded(session, address, username)
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    session.add(ConsoleSession(
        token_hash=_token_hash(token), officer_id=officer.id, csrf_token=csrf,
        created_at=now, expires_at=now + min(idle, lifetime),
    ))
    audit(session, officer.id, "signed_in")
    return SignIn(officer, token=token, csrf=csrf)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def resolve_session(
    session: Session, token: str, now: Optional[datetime] = None, *,
    lifetime: timedelta = SESSION_LIFETIME, idle: timedelta = IDLE_TIMEOUT, touch: bool = True,
) -> Optional[ConsoleSession]:
    """The live session of this cookie value, or None. A session ends `idle` after its last
    use and `lifetime` after sign-in, whichever comes first; `touch=False` (the console's
    own background refreshes) reads it without counting as use."""
    if not token:
        return None
    found = session.get(ConsoleSession, _token_hash(token))
    if found is None:
        return None
    now = now or utcnow()
    latest = aware(found.created_at) + lifetime
    if aware(found.expires_at) <= now or latest <= now:
        session.delete(found)
        return None
    if touch:
        renewed = min(latest, now + idle)
        current = aware(found.expires_at)
        if renewed < current or renewed - current >= TOUCH_STEP:
            found.expires_at = renewed
    return found


def sign_out(session: Session, token: str) -> None:
    found = session.get(ConsoleSession, _token_hash(token))
    if found is not None:
        audit(session, found.officer_id, "signed_out")
        session.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == found.token_hash))


def audit(
    session: Session, officer_id: Optional[int], action: str,
    ticket_id: Optional[int] = None, detail: Optional[dict] = None,
) -> None:
    session.add(AuditEntry(officer_id=officer_id, action=action, ticket_id=ticket_id,
                           detail=detail or None, created_at=utcnow()))
