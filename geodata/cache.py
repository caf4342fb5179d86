"""On-disk geocode cache (SQLite): re-geocoding a dataset costs one indexed read per name.

Keys hold the normalised query, its context and the gazetteer version, so any change to the
gazetteer (an import, a curated edit, new rules) makes old entries unreachable; they are
purged the first time a process writes with a new version.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from . import settings
from .datadir import SQLiteFile
from .result import GeocodeResult

_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, version TEXT NOT NULL, value TEXT NOT NULL)"
VERSION = 1                  # PRAGMA user_version; bump when the schema or the stored JSON changes
_CHUNK = 500


def cache_key(version: str, name: str, country: str, admin1: str) -> str:
    return "\x1f".join((version, name, country, admin1))


class GeocodeCache:
    """The cache file, opened through geodata.datadir: an unreadable one is moved aside and started
    afresh, a folder that cannot be written means no cache (reported once); never an exception."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else settings.data_dir() / "geocode-cache.sqlite"
        self.file = SQLiteFile(self.path, schema=_SCHEMA, version=VERSION, what="the geocode cache")
        self._purged: set[str] = set()

    def get_many(self, keys: Iterable[str]) -> dict[str, GeocodeResult]:
        """{key: result} for the keys cached; {} when there is no usable cache."""
        keys = list(keys)
        if not keys:
            return {}

        def run(con) -> dict[str, GeocodeResult]:
            found: dict[str, GeocodeResult] = {}
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, value in con.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk):
                    found[key] = GeocodeResult.from_dict(json.loads(value))
            return found
        return self.file.read(run, {})

    def get(self, key: str) -> GeocodeResult | None:
        return self.get_many([key]).get(key)

    def put_many(self, version: str, items: dict[str, GeocodeResult]) -> None:
        """Store results of gazetteer ``version`` (older versions' rows go on the first write)."""
        if not items:
            return
        rows = [(k, version, json.dumps(r.to_dict(), ensure_ascii=False)) for k, r in items.items()]

        def run(con) -> None:
            with con:
                if version not in self._purged:
                    con.execute("DELETE FROM results WHERE version != ?", (version,))
                con.executemany("INSERT OR REPLACE INTO results VALUES (?,?,?)", rows)
            self._purged.add(version)
        self.file.write(run)

    def clear(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
