"""A throw-away PostgreSQL 15 + PostGIS cluster for the store tests and benchmarks.

``with throwaway_cluster() as cluster: url = cluster.create_database("t1")`` runs ``initdb`` in a temp
dir and ``pg_ctl start`` on a free 127.0.0.1 port (trust auth, never a public socket), and stops and
deletes it all on exit. PostgreSQL refuses to run as root, so under root (CI) the server runs as the
``postgres`` system user (Debian's package creates it) or ``nobody``. ``Unavailable`` says in one
sentence why a cluster cannot start (no binaries, no PostGIS, no non-root user, start failure).
"""
from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("CONFLICTMAP_PG_BIN", "/usr/lib/postgresql/15/bin"))
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")


class Unavailable(RuntimeError):
    """The cluster cannot start here; the message says why."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise Unavailable("running as root and there is no 'postgres' or 'nobody' user to run PostgreSQL as")


class Cluster:
    def __init__(self, root: Path, port: int, user: str | None, durable: bool = False):
        self.root, self.port, self.user, self.durable = root, port, user, durable
        self.data = root / "data"
        self.template = "conflictmap_template"

    def _cmd(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), user=self.user, capture_output=True, text=True, check=check,
                              timeout=timeout, cwd=self.root)

    def start(self) -> None:
        try:
            self._cmd(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                      "-E", "UTF8", "--no-sync", "--locale=C")
        except subprocess.CalledProcessError as exc:
            raise Unavailable(f"initdb failed: {exc.stderr.strip()[-300:]}") from None
        opts = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
                "-c max_connections=60 -c shared_buffers=128MB")
        if not self.durable:  # tests only: a crash loses the throw-away cluster anyway
            opts += " -c fsync=off -c full_page_writes=off"
        proc = self._cmd(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                         "-o", opts, "-w", "-t", "60", "start", check=False)
        if proc.returncode != 0:
            log = (self.root / "log").read_text(errors="replace")[-400:] if (self.root / "log").exists() else ""
            raise Unavailable(f"pg_ctl start failed: {(proc.stderr or proc.stdout).strip()[-200:]} {log}")
        self._sql("postgres", f"CREATE DATABASE {self.template}")
        self._sql(self.template, "CREATE EXTENSION postgis")

    def _sql(self, db: str, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.dsn(db), autocommit=True) as conn:
            conn.execute(sql)

    def dsn(self, db: str) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={db}"

    def url(self, db: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{db}"

    def create_database(self, name: str) -> str:
        """A new empty database with PostGIS installed; returns its SQLAlchemy URL."""
        self._sql("postgres", f"CREATE DATABASE {name} TEMPLATE {self.template}")
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._sql("postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._cmd(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)


@contextlib.contextmanager
def throwaway_cluster(durable: bool = False):
    """Yields a started ``Cluster``; raises ``Unavailable`` (with the reason) when one cannot start.
    ``durable``: PostgreSQL's crash-safe defaults (fsync, full-page writes), as a real server runs, for
    benchmarks; otherwise both are off, which is faster for tests."""
    if not (PG_BIN / "initdb").exists():
        raise Unavailable(f"PostgreSQL 15 is not installed ({PG_BIN}/initdb missing; `make test` installs it)")
    if not POSTGIS_CONTROL.exists():
        raise Unavailable("PostGIS for PostgreSQL 15 is not installed (postgresql-15-postgis-3; `make test` "
                          "installs it)")
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="conflictmap-pg-"))
    if user:
        info = pwd.getpwnam(user)
        os.chown(root, info.pw_uid, info.pw_gid)
    os.chmod(root, 0o700)
    cluster = Cluster(root, _free_port(), user, durable)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
