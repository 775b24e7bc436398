"""Citizens' messages kept on local disk while the database fails (issue 11, defect 6).

The router stores every message before anything else; when it cannot (the database is
locked, down, or too slow for a citizen who waits), it appends the message here and tells
the citizen it is kept. The text is what the router would have stored: already redacted.

Files live in `<data_dir>/spool/`. Each process appends to its own `<host>-<pid>.jsonl`
(replicas and engine workers never share a file) and holds an exclusive `flock` on it while
it lives: one JSON object a line, flushed and fsync'd before the citizen is told. Replay
(bot/gateway/recovery.py) takes whole files: this process's own file is first moved aside
(a new one is opened for the next append), and the files of processes that are gone (their
lock is free after a crash, even a kill -9) are taken too. A file is replayed under its lock
and deleted once every line is stored. Every line has an id that the database records with
the message in one transaction, so a replay cut short (a crash, the database failing again)
never stores a line twice.

Bounded: past `max_bytes` for the folder, `append` raises SpoolFull and logs one line; the
router then tells the citizen to try again later (the message is not kept).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

from sqlalchemy.orm import Session

from bot.storage import transcripts
from bot.storage.models import utcnow

log = logging.getLogger(__name__)

SUFFIX = ".jsonl"


class SpoolFull(RuntimeError):
    """The spool folder holds its maximum: the message cannot be kept."""


@dataclass
class SpooledLine:
    channel: str
    external_id: str
    text: str  # what the transcript shows, redacted
    engine_text: str  # what the engine reads, redacted (a button's payload, not its title)
    language: Optional[str] = None  # the language hint the channel gave, if any
    status: Optional[str] = None  # None: to be answered; else a refusal already told ("too_long")
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    at: str = field(default_factory=lambda: utcnow().isoformat())

    @classmethod
    def parse(cls, raw: str) -> Optional["SpooledLine"]:
        try:
            data = json.loads(raw)
            return cls(**{k: data[k] for k in ("channel", "external_id", "text", "engine_text", "language",
                                                "status", "id", "at")})
        except (ValueError, KeyError, TypeError):
            return None  # a line cut by a crash mid-write: the citizen was not told it was kept


class Spool:
    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.name = f"{_safe(socket.gethostname())}-{os.getpid()}"
        self._file: Optional[int] = None  # our own file, open and locked

    @property
    def _own(self) -> Path:
        return self.folder / f"{self.name}{SUFFIX}"

    def append(self, line: SpooledLine) -> None:
        """Write one line durably (fsync'd) before returning; SpoolFull past the bound."""
        data = (json.dumps(asdict(line), ensure_ascii=False) + "\n").encode("utf-8")
        used = self.bytes_used()
        if used + len(data) > self.max_bytes:
            log.error("spool full (%d bytes in %s, GOVBOT_SPOOL_MAX_MB): a %s message could not be kept",
                      used, self.folder, line.channel)
            raise SpoolFull(f"the spool holds {used} bytes")
        if self._file is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._file = os.open(self._own, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            fcntl.flock(self._file, fcntl.LOCK_EX)
        os.write(self._file, data)
        os.fsync(self._file)
        log.warning("spooled a %s message (the database is unavailable)", line.channel)

    def bytes_used(self) -> int:
        total = 0
        for path in self._files():
            try:
                total += path.stat().st_size
            except FileNotFoundError:  # replayed meanwhile
                continue
        return total

    def waiting(self) -> int:
        """Lines not yet replayed (in every file of the folder)."""
        count = 0
        for path in self._files():
            try:
                with path.open("rb") as handle:
                    count += sum(1 for raw in handle if raw.strip())
            except FileNotFoundError:  # replayed meanwhile
                continue
        return count

    def ready(self) -> List[Path]:
        """The files to replay, oldest first: this process's own (moved aside first) and any
        left by a process that is gone."""
        if self._file is None and self._own.exists():  # a predecessor's, same host and pid
            os.rename(self._own, self.folder / f"{self.name}.{uuid.uuid4().hex[:12]}{SUFFIX}")
        elif self._file is not None and os.fstat(self._file).st_size > 0:
            # A random part: a process started again with the same pid (pid 1 in a container)
            # must not overwrite a file moved aside by its predecessor.
            os.rename(self._own, self.folder / f"{self.name}.{uuid.uuid4().hex[:12]}{SUFFIX}")
            os.close(self._file)  # releases its lock: the moved file is replayed like any other
            self._file = None
        return sorted((p for p in self._files() if p != self._own), key=_age)

    @contextmanager
    def taking(self, path: Path) -> Iterator[Optional[List[SpooledLine]]]:
        """The lines of one file, under its lock; None if another process holds it (a live
        replica's own file, or another replayer). The file is deleted if the block ends
        without an error."""
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            yield None
            return
        with handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield None
                return
            if not path.exists():  # replayed and deleted while we opened it
                yield None
                return
            lines = [parsed for raw in handle if raw.strip()
                     for parsed in [SpooledLine.parse(raw.decode("utf-8", "replace"))] if parsed is not None]
            yield lines
            path.unlink()

    def close(self) -> None:
        if self._file is not None:
            os.close(self._file)
            self._file = None

    def _files(self) -> List[Path]:
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file()]


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60] or "host"


def store(session: Session, line: SpooledLine) -> bool:
    """Store one spooled line in the transcript with its original time, status "spooled"
    (or the refusal it was given); False if an earlier replay already stored it."""
    if not transcripts.claim_inbound_key(session, "spool", line.id):
        return False
    conversation = transcripts.get_or_create_conversation(session, line.channel, line.external_id)
    extra: Dict[str, Any] = {}
    if line.engine_text != line.text:
        extra["engine_text"] = line.engine_text
    if line.language:
        extra["language_hint"] = line.language
    message = transcripts.add_message(session, conversation, sender="citizen", text=line.text,
                                      payload=extra, status=line.status or "spooled")
    try:
        message.created_at = datetime.fromisoformat(line.at)
    except ValueError:
        pass  # keep the time of the replay
    return True
