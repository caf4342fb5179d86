"""Which database the store is, and opening it.

``CONFLICTMAP_DB_URL`` (e.g. ``postgresql+psycopg://user@host/conflictmap``) names a shared PostgreSQL +
PostGIS store; without it the store is the SQLite file ``events.sqlite`` in the data directory
(``CONFLICTMAP_DATA_DIR``, default ``~/.cache/conflictmap``).
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url

from geodata.datadir import BUSY_TIMEOUT_S

ENV_DB_URL = "CONFLICTMAP_DB_URL"
SQLITE_NAME = "events.sqlite"
MIGRATIONS = Path(__file__).parent / "migrations"
# Seconds a SQLite writer waits for another writer's transaction before giving up: the data directory's
# rule for every SQLite file (geodata.datadir.BUSY_TIMEOUT_S).
SQLITE_BUSY_SECONDS = BUSY_TIMEOUT_S


READ = "conflictmap_read"  # execution option: this connection only reads
WRITE_LOCK = 7_311_013  # PostgreSQL advisory lock key held by every writing transaction (one store per database)


def reader(engine: Engine):
    """A connection for reading only (SQLite: a deferred transaction, no write lock)."""
    conn = engine.connect()
    conn.execution_options(**{READ: True})
    return conn


def default_sqlite_path() -> Path:
    from geodata.settings import data_dir

    return data_dir() / SQLITE_NAME


def store_url(environ=os.environ) -> str:
    """``$CONFLICTMAP_DB_URL``, else ``sqlite:///<data dir>/events.sqlite``."""
    return environ.get(ENV_DB_URL) or f"sqlite:///{default_sqlite_path()}"


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """An engine for ``url``. SQLite: WAL journal, a busy timeout, and every writing transaction ``BEGIN
    IMMEDIATE`` (writers queue on the file lock instead of failing on a read-to-write upgrade).
    PostgreSQL: every writing transaction first takes a transaction-scoped advisory lock, so writers
    take turns there too; readers (``reader()``) never wait."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True)

        @event.listens_for(engine, "begin")
        def _begin_pg(conn):
            # Writers take turns, as on SQLite: history ids are then committed in the order they are
            # handed out, so the store's revision (the newest history id) never passes a change that
            # is still to commit, and a snapshot keyed by it, or "changed since" it, misses nothing.
            if not conn.get_execution_options().get(READ):
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

        return engine
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # the driver's own BEGIN is off; ours is below
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_SECONDS * 1000)}")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # Readers (execution option READ) take no write lock: in WAL mode they never wait for a writer.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ) else "BEGIN IMMEDIATE")

    return engine


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates the tables in an empty database)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def is_initialised(engine: Engine) -> bool:
    with reader(engine) as conn:
        return inspect(conn).has_table("events")
