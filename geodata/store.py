"""SQLite store of gazetteer places: imported gazetteers, and the materialised embedded base.

One table of places (aliases "|"-joined), indexed by country so the geocoder loads only the
countries it is asked about, plus GeoNames admin1 code -> name rows and a revision stamp that
changes on every write (it feeds gazetteer_version(), which keys the geocode cache).
Files are opened through geodata.datadir: an unreadable store of imports is kept and skipped,
an unreadable materialised one is moved aside and rebuilt.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from .datadir import SQLiteFile
from .place import Place

_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    source TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT NOT NULL, admin1 TEXT NOT NULL, admin1_code TEXT NOT NULL,
    latitude REAL NOT NULL, longitude REAL NOT NULL, aliases TEXT NOT NULL, population INTEGER NOT NULL,
    PRIMARY KEY (source, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_country ON places (country);
CREATE TABLE IF NOT EXISTS admin1_names (
    country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (country, code));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
VERSION = 1                  # PRAGMA user_version of the file; bump when _SCHEMA changes
BATCH_SIZE = 5_000
IMPORTED_WHAT = "the imported gazetteer store"
IMPORTED_ADVICE = ("Restore it from a backup, or move it away and re-import your gazetteers "
                   "(python -m geodata import-geonames / import-csv).")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def insert_places(con: sqlite3.Connection, places: Iterable[Place], progress=None) -> int:
    """Insert or replace places in batches (one transaction each) on ``con``; returns how many."""
    count = 0
    for batch in _batches(places, BATCH_SIZE):
        with con:
            con.executemany(
                "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(p.source, p.id, p.name, p.kind, p.country, p.admin1, p.admin1_code, p.latitude,
                  p.longitude, "|".join(p.aliases), p.population) for p in batch])
        count += len(batch)
        if progress:
            progress(count)
    _touch(con)
    return count


def _touch(con: sqlite3.Connection) -> None:
    with con:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('revision', ?)", (f"{time.time_ns()}",))


class PlaceStore:
    """Places kept in one SQLite file under the data directory, opened through datadir.SQLiteFile.

    By default the file is the user's (imported gazetteers): when it cannot be read it is kept
    untouched, reported once with what to do, and reads answer as if it were empty; writes raise
    datadir.DataDirError. ``build`` (for a disposable, materialised store) fills a missing or
    healed file; reads never create a file otherwise."""

    def __init__(self, path: Path | str, *, what: str = IMPORTED_WHAT, user_made: bool = True,
                 advice: str = IMPORTED_ADVICE, build=None, wal: bool = True):
        self.path = Path(path)
        self.file = SQLiteFile(self.path, schema=_SCHEMA, version=VERSION, what=what, user_made=user_made,
                               advice=advice, wal=wal,
                               build=None if build is None else lambda tmp: self._build(tmp, build))

    @staticmethod
    def _build(tmp: Path, places) -> None:
        con = sqlite3.connect(tmp)
        try:
            # A temporary file: no journal and no fsync per batch; datadir.atomic_write fsyncs it once
            # before the rename, and a crash leaves only a leftover that the next start removes.
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            insert_places(con, places())
        finally:
            con.close()

    # -- writing -------------------------------------------------------------------------
    def add_places(self, places: Iterable[Place], progress=None) -> int:
        """Insert or replace places in batches (one transaction each); returns how many.
        Raises datadir.DataDirError when the store cannot be written (unreadable, disk full)."""
        return self.file.write(lambda con: insert_places(con, places, progress), 0)

    def add_admin1_names(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """(country, code, name) rows, e.g. ("IQ", "15", "Nineveh") from GeoNames ADM1 features."""
        rows = list(rows)

        def run(con):
            with con:
                con.executemany("INSERT OR REPLACE INTO admin1_names VALUES (?,?,?)", rows)
            _touch(con)
        self.file.write(run)

    # -- reading -------------------------------------------------------------------------
    def _read(self, sql: str, args: tuple = ()) -> list[tuple]:
        return self.file.read(lambda con: con.execute(sql, args).fetchall(), [])

    def usable(self) -> bool:
        """Whether the file exists and can be read (a disposable one is built or healed first)."""
        return self.file.usable()

    def revision(self) -> str:
        rows = self._read("SELECT value FROM meta WHERE key = 'revision'")
        return rows[0][0] if rows else "empty"

    def count(self, source: str | None = None) -> int:
        if source is None:
            rows = self._read("SELECT count(*) FROM places")
        else:
            rows = self._read("SELECT count(*) FROM places WHERE source = ?", (source,))
        return rows[0][0] if rows else 0

    def admin1_names(self, country: str) -> dict[str, str]:
        return dict(self._read("SELECT code, name FROM admin1_names WHERE country = ?", (country,)))

    def places_in(self, country: str) -> list[Place]:
        """All places of one country; GeoNames admin1 codes get their names where known."""
        names = self.admin1_names(country)
        rows = self._read(
            "SELECT source, id, name, kind, country, admin1, admin1_code, latitude, longitude, aliases,"
            " population FROM places WHERE country = ?", (country,))
        return [Place(id=r[1], name=r[2], kind=r[3], country=r[4], admin1=r[5] or names.get(r[6], ""),
                      latitude=r[7], longitude=r[8], source=r[0],
                      aliases=tuple(a for a in r[9].split("|") if a), population=r[10], admin1_code=r[6])
                for r in rows]


class ImportedGazetteer(PlaceStore):
    """Place source over the user's store of imported gazetteers (import-geonames, import-csv)."""

    name = "imported"

    def version(self) -> str:
        return f"imported:{self.revision()}"
