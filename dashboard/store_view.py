"""The dashboard's events from the event store (``events.store``), when no ``--data FILE`` is given.

The first start creates the store (SQLite in the data directory, or ``$CONFLICTMAP_DB_URL``) and fills it
from the bundled curated CSV. Every rerun asks the store for its revision (one indexed query); the
events are read once per revision and shared by all sessions, and a Parquet snapshot in the data
directory keyed by that revision makes the next process start fast. A store that cannot be opened is
left untouched: the page says why and what to do, and shows the bundled events read-only.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
import streamlit as st

from events import CURATED_PATH, LoadResult

SEED_USER = "bundled dataset"


@dataclass
class StoreState:
    store: object | None      # events.store.EventStore, or None when it could not be opened
    problem: str = ""         # why not, with what to do


def _problem(url: str, exc: Exception) -> str:
    from events.store import safe_url

    where = safe_url(url)
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
    if where.startswith("sqlite:///"):
        path = where.removeprefix("sqlite:///")
        return (f"The event store {path} cannot be read ({reason}). It has been left exactly as it is. "
                f"To start a new store, move the file aside (mv '{path}' '{path}.bad') and reload; "
                f"to rescue its events first: sqlite3 '{path}' .recover | sqlite3 recovered.sqlite. "
                "The bundled events are shown meanwhile, read-only.")
    return (f"The event store (CONFLICTMAP_DB_URL) cannot be reached ({reason}). Check the URL and that the "
            "database is running. The bundled events are shown meanwhile, read-only.")


@st.cache_resource(show_spinner="Opening the event store…")
def open_app_store(url: str) -> StoreState:
    """The store at ``url``, migrated, and filled from the bundled CSV when it has never held an event."""
    from events.store import EventStore
    from geodata import datadir

    try:
        path = _sqlite_path(url)
        if path is not None and path.exists():
            problem = datadir.header_problem(path)  # a user-made file: look, never touch
            if problem:
                raise ValueError(problem)
        store = EventStore.open(url)
        store.init()
        if store.latest_revision() == 0:
            store.import_file(CURATED_PATH, user=SEED_USER)
        return StoreState(store)
    except Exception as exc:  # noqa: BLE001 -- any failure: keep the file, say why, carry on
        message = _problem(url, exc)
        datadir.report(message, key=f"event store {url}")  # stderr for the operator, a notice on the page
        return StoreState(None, message)


def _sqlite_path(url: str):
    from pathlib import Path

    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


@st.cache_resource(max_entries=2, show_spinner="Loading the events…")
def store_dataset(url: str, revision: int, retired: bool) -> LoadResult | str:
    """The store's events at ``revision`` (geocoded like a file), shared by every session."""
    state = open_app_store(url)
    if state.store is None:
        return state.problem
    from events.store.snapshot import load_events

    frame = load_events(state.store, revision, retired)
    return LoadResult(frame=frame, errors=[], format="store", rows=len(frame), path=state.store.url)


def app_store():
    """The open store when the dashboard reads one (no ``--data FILE``) and it opened, else None."""
    if not reads_store():
        return None
    from events.store import store_url

    return open_app_store(store_url()).store


def reads_store(argv: list[str] | None = None, environ=os.environ) -> bool:
    """True unless a file was named (``--data FILE`` or ``$CONFLICTMAP_DATA``): a named file is read-only."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data")
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return not (args.data or environ.get("CONFLICTMAP_DATA"))


def show_retired() -> bool:
    """``retired=1`` in the link shows retired events too."""
    return st.query_params.get("retired") == "1"


def _toggle_retired() -> None:
    if st.session_state.get("_show_retired"):
        st.query_params["retired"] = "1"
    else:
        st.query_params.pop("retired", None)


def retired_control() -> None:
    """A checkbox that puts ``retired=1`` in the link (or takes it out)."""
    st.checkbox("Show retired events", value=show_retired(), key="_show_retired", on_change=_toggle_retired,
                help="Retired events (duplicates, withdrawn reports) are hidden but kept with their history.")


def current_dataset(retired: bool):
    """(dashboard.data.Dataset, a warning to show or ""): the store's events at its current revision, or the
    bundled file read-only when the store cannot be opened or reached."""
    import datetime as dt

    from events.store import store_url

    from .data import Dataset
    from .data import current_dataset as file_dataset

    url = store_url()
    state = open_app_store(url)
    problem = state.problem
    if state.store is not None:
        try:
            revision = state.store.latest_revision()
            result = store_dataset(url, revision, retired)
            if isinstance(result, str):
                raise RuntimeError(result)
            key = hashlib.sha256(url.encode()).hexdigest()[:12]
            return Dataset(name="the event store", result=result, version=f"store-{key}-r{revision}-{int(retired)}",
                           loaded_at=dt.datetime.now(dt.timezone.utc)), ""
        except Exception as exc:  # noqa: BLE001 -- the database went away after opening
            problem = _problem(url, exc)
            from geodata import datadir

            datadir.report(problem, key=f"event store {url}")
    return file_dataset(CURATED_PATH), problem
