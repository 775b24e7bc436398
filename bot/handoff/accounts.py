"""Officer accounts and console sessions: scrypt password hashes, lockout after repeated
failures, session tokens stored only as hashes, one CSRF token per session."""

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
from bot.language import LANGUAGES
from bot.storage.models import AuditEntry, ConsoleSession, Officer, aware, utcnow

ROLES = ("officer", "supervisor", "admin", "trainer")  # what each may do: bot/handoff/policy.py
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=10)
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
    error: str = ""  # "bad_credentials" | "locked"


def sign_in(session: Session, username: str, password: str, now: Optional[datetime] = None) -> SignIn:
    now = now or utcnow()
    officer = session.execute(
        select(Officer).where(Officer.username == username.strip().lower(), Officer.active == 1)
    ).scalar_one_or_none()
    if officer is None:
        check_password(password, _DUMMY_HASH)
        audit(session, None, "sign_in_failed", detail={"username": username[:80]})
        return SignIn(None, error="bad_credentials")
    if officer.locked_until is not None and aware(officer.locked_until) > now:
        audit(session, officer.id, "sign_in_locked")
        return SignIn(None, error="locked")
    if not check_password(password, officer.password_hash):
        officer.failed_logins = (officer.failed_logins or 0) + 1
        if officer.failed_logins >= MAX_FAILED_LOGINS:
            officer.locked_until = now + LOCKOUT
            officer.failed_logins = 0
            audit(session, officer.id, "locked_out")
            return SignIn(None, error="locked")
        audit(session, officer.id, "sign_in_failed")
        return SignIn(None, error="bad_credentials")
    officer.failed_logins = 0
    officer.locked_until = None
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    session.add(ConsoleSession(
        token_hash=_token_hash(token), officer_id=officer.id, csrf_token=csrf,
        created_at=now, expires_at=now + SESSION_LIFETIME,
    ))
    audit(session, officer.id, "signed_in")
    return SignIn(officer, token=token, csrf=csrf)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def resolve_session(session: Session, token: str, now: Optional[datetime] = None) -> Optional[ConsoleSession]:
    if not token:
        return None
    found = session.get(ConsoleSession, _token_hash(token))
    if found is None:
        return None
    if aware(found.expires_at) <= (now or utcnow()):
        session.delete(found)
        return None
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
