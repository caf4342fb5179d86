"""On-disk geocode cache (SQLite): re-geocoding a dataset costs one indexed read per name.

Keys hold the normalised query, its context and the gazetteer version, so any change to the
gazetteer (an import, a curated edit, new rules) makes old entries unreachable; they are
purged the first time a process writes with a new version.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from . import settings
from .result import GeocodeResult

_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, version TEXT NOT NULL, value TEXT NOT NULL)"
_CHUNK = 500


def cache_key(version: str, name: str, country: str, admin1: str) -> str:
    return "\x1f".join((version, name, country, admin1))


class GeocodeCache:
    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else settings.data_dir() / "geocode-cache.sqlite"
        self._lock = threading.Lock()
        self._purged: set[str] = set()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        con.execute(_SCHEMA)
        return con

    def get_many(self, keys: Iterable[str]) -> dict[str, GeocodeResult]:
        keys = list(keys)
        if not keys or not self.path.exists():
            return {}
        found: dict[str, GeocodeResult] = {}
        with self._lock:
            con = self._connect()
            try:
                for start in range(0, len(keys), _CHUNK):
                    chunk = keys[start:start + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    for key, value in con.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk):
                        found[key] = GeocodeResult.from_dict(json.loads(value))
            finally:
                con.close()
        return found

    def get(self, key: str) -> GeocodeResult | None:
        return self.get_many([key]).get(key)

    def put_many(self, version: str, items: dict[str, GeocodeResult]) -> None:
        if not items:
            return
        with self._lock:
            con = self._connect()
            try:
                with con:
                    if version not in self._purged:
                        con.execute("DELETE FROM results WHERE version != ?", (version,))
                        self._purged.add(version)
                    con.executemany("INSERT OR REPLACE INTO results VALUES (?,?,?)",
                                    [(k, version, json.dumps(r.to_dict(), ensure_ascii=False))
                                     for k, r in items.items()])
            finally:
                con.close()

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
