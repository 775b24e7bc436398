"""A throw-away PostgreSQL server on loopback for the tests (Debian's postgresql package)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from bot.bench.ports import free_port


def _bindir() -> Optional[Path]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(command: List[str]) -> List[str]:
    # initdb refuses to run as root; the package creates the `postgres` user.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class PostgresServer:
    bindir: Path
    datadir: Path
    port: int

    @classmethod
    def start(cls) -> "PostgresServer":
        bindir = _bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed: run scripts/system-packages.sh")
        root = Path(tempfile.mkdtemp(prefix="govbot-pg-"))
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(root, user.pw_uid, user.pw_gid)
        datadir = root / "data"
        subprocess.run(
            _as_postgres([str(bindir / "initdb"), "-D", str(datadir), "-A", "trust", "-U", "postgres",
                          "-E", "UTF8", "--locale=C.UTF-8"]),
            check=True, capture_output=True,
        )
        server = cls(bindir, datadir, free_port())
        options = f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(datadir), "-o", options, "-w",
                          "-l", str(root / "server.log"), "start"]),
            check=True, capture_output=True,
        )
        return server

    def create_database(self) -> str:
        """A fresh database; returns its SQLAlchemy URL."""
        name = f"govbot_{uuid.uuid4().hex[:10]}"
        subprocess.run(
            [str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
             "-c", f"CREATE DATABASE {name}"],
            check=True, capture_output=True,
        )
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(self.datadir.parent, ignore_errors=True)
