"""The event store: SQLite by default, PostgreSQL + PostGIS for a team; every version kept.

See ``store.EventStore`` for the API and ``cli`` for ``python -m events db``.
"""
from .engine import ENV_DB_URL, default_sqlite_path, safe_url, store_url
from .store import (AlreadyExists, Conflict, EventStore, ImportResult, InvalidEvent, NotFound, StoreError,
                    check_record, open_store)
from .tables import ENTERED_IN_APP

__all__ = ["AlreadyExists", "Conflict", "ENTERED_IN_APP", "ENV_DB_URL", "EventStore", "ImportResult",
           "InvalidEvent", "NotFound", "StoreError", "check_record", "default_sqlite_path", "open_store",
           "safe_url", "store_url"]
