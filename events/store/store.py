"""The event store: current events plus every version ever written; nothing is deleted.

>>> store = EventStore.open()                      # $CONFLICTMAP_DB_URL or the SQLite file
>>> store.init()                                   # migrations to head; idempotent
>>> store.add({...event columns...}, user="ana", reason="Reuters report")
>>> store.update("CM0001", {"fatalities": 3}, expected_revision=1, user="ana", reason="AP update")
>>> store.retire("CM0001", user="ana", reason="duplicate of CM0007")
>>> store.restore("CM0001", user="ana", reason="not a duplicate")

Every write checks the record with the same validation as files (``events.validate``), records who and
why, and bumps the event's ``revision``; a change based on an older revision raises ``Conflict``
(optimistic locking) instead of overwriting the other change.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
from dataclasses import dataclass, field
from typing import Callable

import h3
import numpy as np
import pandas as pd
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from ..errors import RowError
from ..load import LoadResult, load, load_bytes
from ..facts import GIVEN
from ..schema import ADMIN1_SOURCE, ADMIN2, ADMIN2_SOURCE, COLUMNS, GEO_PROVENANCE, VAGUE
from .engine import is_initialised, make_engine, migrate, reader, safe_url, store_url
from .tables import (ANALYST, ENTERED_IN_APP, EVENT_COLUMNS, H3_RESOLUTION, HISTORY_EXTRA, STORED_COLUMNS,
                     event_history, events)

Progress = Callable[[int, int], None]
CHUNK = 50_000  # rows written per statement batch in a bulk import (progress is reported per chunk)
EDITABLE = tuple(c for c in STORED_COLUMNS if c != "event_id")
POINT = ("latitude", "longitude")
PLACE_FACTS = (*GEO_PROVENANCE, VAGUE)   # where the point came from: follows the point


class StoreError(Exception):
    """A write the store refused; ``str()`` says why in a user's words."""


class NotFound(StoreError):
    def __init__(self, event_id: str):
        super().__init__(f"no event {event_id!r} in the store")
        self.event_id = event_id


class AlreadyExists(StoreError):
    def __init__(self, event_id: str):
        super().__init__(f"an event {event_id!r} is already in the store; edit it instead")
        self.event_id = event_id


class InvalidEvent(StoreError):
    """The record breaks the same rules a file row would; ``errors`` as ``validate`` lists them."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(f"{e.column}: {e.reason}" for e in errors))
        self.errors = errors


class Conflict(StoreError):
    """Someone else changed the event since ``expected`` was read. ``current`` is the stored version,
    ``changed`` maps each column they changed to (value you read, value now)."""

    def __init__(self, event_id: str, expected: int, current: dict, changed: dict[str, tuple]):
        self.event_id, self.expected, self.current, self.changed = event_id, expected, current, changed
        who = f"{current['updated_by']} at {_when(current['updated_at'])}"
        what = ", ".join(f"{c}: {_show(a)} → {_show(b)}" for c, (a, b) in changed.items()) or "no field values"
        super().__init__(f"event {event_id} was changed by {who} (now revision {current['revision']}, you "
                         f"edited revision {expected}); their change: {what}. Nothing was saved: reload the "
                         f"event and make your change again.")


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    skipped: int = 0      # already in the store and --on-conflict skip
    unchanged: int = 0    # already in the store with the same values
    load: LoadResult | None = None
    errors: list[RowError] = field(default_factory=list)


def _when(value) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return str(value)


def _show(value) -> str:
    return "(empty)" if value is None or value == "" else repr(value)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _none(value):
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, np.generic):
        return value.item()
    return value


def h3_cells(lat: pd.Series, lon: pd.Series) -> list:
    """H3 cell (resolution ``H3_RESOLUTION``) of each point, None where a coordinate is missing. Each
    distinct point is computed once (many events share a place's coordinates)."""
    from h3.api.basic_int import latlng_to_cell

    la = pd.to_numeric(pd.Series(lat), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    lo = pd.to_numeric(pd.Series(lon), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    out = np.full(len(la), None, dtype=object)
    ok = ~(np.isnan(la) | np.isnan(lo))
    if ok.any():
        codes, points = pd.factorize(la[ok] + 1j * lo[ok])
        cells = map(latlng_to_cell, points.real.tolist(), points.imag.tolist(), [H3_RESOLUTION] * len(points))
        out[ok] = np.array([format(c, "x") for c in cells], dtype=object)[codes]
    return out.tolist()


def _record_csv(record: dict) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(STORED_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    row = {}
    for col in STORED_COLUMNS:
        value = _none(record.get(col))
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.strftime("%Y-%m-%d")
        row[col] = "" if value is None else value
    writer.writerow(row)
    return buf.getvalue().encode("utf-8")


def check_record(record: dict, name: str = "the form") -> dict:
    """One event as the store keeps it, checked exactly as a curated-file row would be.

    ``record`` maps event columns (and ``admin2``, the district) to text or typed values (missing =
    empty). Returns STORED_COLUMNS (admin2 "" when not given). Raises ``InvalidEvent`` with the same
    RowErrors ``python -m events validate`` prints for a file."""
    from .bulk import stored_geo

    result = load_bytes(_record_csv(record), name, fmt="curated", geocode=False)
    if result.errors:
        raise InvalidEvent(result.errors)
    row = result.frame.iloc[0]
    out = {c: _none(row[c]) for c in COLUMNS}
    out[ADMIN2] = _none(row[ADMIN2]) if ADMIN2 in row.index else ""
    geo = stored_geo(result.frame.iloc[:1])
    out.update({c: _none(geo[c][0]) for c in GEO_PROVENANCE})
    out[VAGUE] = bool(_none(record.get(VAGUE)) or False) and out["latitude"] is not None
    return out


def placed_by_analyst(values: dict) -> dict:
    """``values`` (``check_record``'s) with the point's provenance as a point an analyst entered or moved by
    hand in the store: "given", source ``ANALYST`` (who and when are the revision's ``updated_by`` and
    ``updated_at``), no gazetteer name, confidence 1, not vague; without coordinates "" (a load geocodes the
    place name, as for any stored row without a point)."""
    has = values.get("latitude") is not None and values.get("longitude") is not None
    return {**values, "geo_status": GIVEN if has else "", "geo_name": "", "geo_source": ANALYST if has else "",
            "geo_confidence": 1.0 if has else None, VAGUE: False}


def effective_geo(row: dict) -> dict:
    """A stored row's PLACE_FACTS as a load reads them: "" with coordinates (a row stored before migration
    0003, or by a file without provenance) is "given" from the "file" at confidence 1."""
    out = {c: row.get(c) for c in PLACE_FACTS}
    if not out.get("geo_status") and row.get("latitude") is not None and row.get("longitude") is not None:
        out.update(geo_status=GIVEN, geo_source=out.get("geo_source") or "file", geo_confidence=1.0)
    return out


def as_entered(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows as their source entered them, which is what the store keeps: where ``frame`` carries
    ``admin1_source``/``admin2_source`` (one of our exports read back, whose admin1/admin2 hold display
    names; or a geocoded load, whose admin1/admin2 may be filled from the point), those spellings go in
    admin1/admin2 ("" where the source gave none: the map fills it from the point again). A frame
    without them is returned as it is (no copy)."""
    pairs = {col: frame[src] for col, src in (("admin1", ADMIN1_SOURCE), (ADMIN2, ADMIN2_SOURCE)) if src in frame}
    if not pairs:
        return frame
    return frame.assign(**{col: values.astype(object).where(values.notna(), "") for col, values in pairs.items()})


class EventStore:
    """One store on one engine. Thread-safe (SQLAlchemy's pool); one instance per process is enough."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, url: str | None = None) -> "EventStore":
        return cls(make_engine(url or store_url()))

    @property
    def url(self) -> str:
        return safe_url(str(self.engine.url.render_as_string(hide_password=False)))

    def close(self) -> None:
        self.engine.dispose()

    # -- schema ----------------------------------------------------------------------------------
    def init(self) -> None:
        """Create or upgrade the tables (Alembic migrations to head). Idempotent."""
        migrate(self.engine)

    def initialised(self) -> bool:
        return is_initialised(self.engine)

    # -- reading ----------------------------------------------------------------------------------
    def count(self, include_retired: bool = False) -> int:
        query = select(func.count()).select_from(events)
        if not include_retired:
            query = query.where(events.c.retired.is_(False))
        with reader(self.engine) as conn:
            return int(conn.execute(query).scalar_one())

    def latest_revision(self) -> int:
        """The store's revision: the id of the newest history row (0 when empty). Every write raises it."""
        with reader(self.engine) as conn:
            return int(conn.execute(select(func.max(event_history.c.history_id))).scalar() or 0)

    def changed_since(self, revision: int) -> set[str]:
        """Ids of the events written (added, changed, retired, restored) after store revision ``revision``."""
        with reader(self.engine) as conn:
            return set(conn.execute(select(event_history.c.event_id).distinct()
                                    .where(event_history.c.history_id > int(revision))).scalars())

    def get(self, event_id: str) -> dict | None:
        """The current version of one event (retired ones too), or None."""
        with reader(self.engine) as conn:
            row = conn.execute(select(*[events.c[c] for c in EVENT_COLUMNS])
                               .where(events.c.event_id == event_id)).mappings().first()
        return dict(row) if row else None

    def history(self, event_id: str) -> list[dict]:
        """Every version of the event, oldest first: action, changed_at, changed_by, reason, and the
        event's columns as they were after that change. Empty when there is no such event."""
        cols = [event_history.c[c] for c in ("history_id", *HISTORY_EXTRA, *EVENT_COLUMNS)]
        with reader(self.engine) as conn:
            rows = conn.execute(select(*cols).where(event_history.c.event_id == event_id)
                                .order_by(event_history.c.revision, event_history.c.history_id)).mappings()
            return [dict(r) for r in rows]

    def frame(self, include_retired: bool = False) -> pd.DataFrame:
        """The store as the event table (events.schema.COLUMNS with their dtypes, sorted by date) plus
        ``revision``, ``retired``, ``provenance``, ``updated_at`` and ``updated_by``."""
        from .frames import read_frame

        return read_frame(self, include_retired)

    # -- writing one event --------------------------------------------------------------------------
    def add(self, record: dict, user: str, reason: str = "", provenance: str = ENTERED_IN_APP) -> dict:
        """Add one new event (revision 1). Raises InvalidEvent, AlreadyExists; returns the stored row."""
        _need_user(user)
        values = check_record(record)
        if not record.get("geo_status"):    # a point typed in (or accepted from a draft) by the analyst
            values = placed_by_analyst(values)
        now = _now()
        row = {**values, "h3_cell": h3_cells(pd.Series([values["latitude"]]), pd.Series([values["longitude"]]))[0],
               "provenance": provenance, "created_at": now, "created_by": user, "updated_at": now,
               "updated_by": user, "revision": 1, "retired": False, "retired_reason": ""}
        with self.engine.begin() as conn:
            if conn.execute(select(events.c.event_id).where(events.c.event_id == row["event_id"])).first():
                raise AlreadyExists(row["event_id"])
            conn.execute(insert(events).values(**row))
            self._log(conn, row, "add", now, user, reason)
        return row

    def update(self, event_id: str, changes: dict, expected_revision: int, user: str, reason: str = "") -> dict:
        """Change some columns of an event read at ``expected_revision``. Raises NotFound, InvalidEvent,
        Conflict (someone changed it since; nothing is written). Returns the new stored row; a change
        that changes nothing writes nothing and returns the current row."""
        _need_user(user)
        if "event_id" in changes and changes["event_id"] != event_id:
            raise StoreError("an event's id cannot change; retire it and add a new one")
        # Read and validate without the write lock (validation is the slow part), then write only if the
        # event is still at the revision the change was based on.
        with reader(self.engine) as conn:
            current = self._current(conn, event_id, lock=False)
            self._check_revision(conn, current, expected_revision)
        merged = check_record({**{c: current[c] for c in STORED_COLUMNS}, **changes})
        if not any(c in changes for c in PLACE_FACTS):
            if all(_same(merged[c], current[c]) for c in POINT):
                merged.update({c: current[c] for c in PLACE_FACTS})   # the same point: the same provenance
            else:
                merged = placed_by_analyst(merged)                  # moved by hand: the analyst's point
        if all(_same(merged[c], current[c]) for c in EDITABLE):
            return current
        with self.engine.begin() as conn:
            current = self._current(conn, event_id)
            self._check_revision(conn, current, expected_revision)
            return self._write(conn, current, merged, {}, "edit", user, reason)

    def retire(self, event_id: str, user: str, reason: str, expected_revision: int | None = None) -> dict:
        """Hide an event (kept with its history; ``restore`` brings it back). ``reason`` is required."""
        _need_user(user)
        if not (reason or "").strip():
            raise StoreError("say why the event is retired (e.g. 'duplicate of CM0007')")
        with self.engine.begin() as conn:
            current = self._current(conn, event_id)
            if expected_revision is not None:
                self._check_revision(conn, current, expected_revision)
            if current["retired"]:
                raise StoreError(f"event {event_id} is already retired")
            return self._write(conn, current, {}, {"retired": True, "retired_reason": reason.strip()},
                               "retire", user, reason)

    def restore(self, event_id: str, user: str, reason: str = "", expected_revision: int | None = None) -> dict:
        """Show a retired event again."""
        _need_user(user)
        with self.engine.begin() as conn:
            current = self._current(conn, event_id)
            if expected_revision is not None:
                self._check_revision(conn, current, expected_revision)
            if not current["retired"]:
                raise StoreError(f"event {event_id} is not retired")
            return self._write(conn, current, {}, {"retired": False, "retired_reason": ""}, "restore", user, reason)

    def _current(self, conn: Connection, event_id: str, lock: bool = True) -> dict:
        query = select(*[events.c[c] for c in EVENT_COLUMNS]).where(events.c.event_id == event_id)
        if lock and self.dialect == "postgresql":
            query = query.with_for_update()
        row = conn.execute(query).mappings().first()
        if row is None:
            raise NotFound(event_id)
        return dict(row)

    def _check_revision(self, conn: Connection, current: dict, expected: int) -> None:
        if int(expected) == current["revision"]:
            return
        seen = conn.execute(select(*[event_history.c[c] for c in EVENT_COLUMNS])
                            .where(event_history.c.event_id == current["event_id"],
                                   event_history.c.revision == int(expected))).mappings().first()
        seen = dict(seen) if seen else {}
        changed = {c: (seen.get(c), current[c]) for c in (*EDITABLE, "retired")
                   if seen and not _same(seen.get(c), current[c])}
        raise Conflict(current["event_id"], int(expected), current, changed)

    def _write(self, conn: Connection, current: dict, values: dict, state: dict, action: str, user: str,
               reason: str) -> dict:
        now = _now()
        new = {**current, **values, **state, "updated_at": now, "updated_by": user,
               "revision": current["revision"] + 1}
        if values:
            new["h3_cell"] = h3_cells(pd.Series([new["latitude"]]), pd.Series([new["longitude"]]))[0]
        changes = {c: new[c] for c in EVENT_COLUMNS if c not in ("event_id", "created_at", "created_by",
                                                                  "provenance")}
        done = conn.execute(update(events).where(events.c.event_id == current["event_id"],
                                                 events.c.revision == current["revision"]).values(**changes))
        if done.rowcount != 1:  # a writer slipped in between the read and this write (SQLite is serialised)
            self._check_revision(conn, self._current(conn, current["event_id"]), current["revision"])
        self._log(conn, new, action, now, user, reason)
        return new

    @staticmethod
    def _log(conn: Connection, row: dict, action: str, when: dt.datetime, user: str, reason: str) -> None:
        conn.execute(insert(event_history).values(action=action, changed_at=when, changed_by=user,
                                                  reason=reason or "", **{c: row[c] for c in EVENT_COLUMNS}))

    # -- bulk import ------------------------------------------------------------------------------------
    def import_file(self, path, user: str, on_conflict: str = "skip", fmt: str | None = None,
                    progress: Progress | None = None) -> ImportResult:
        """Load ``path`` (any layout the loaders read), then write its good rows in one transaction (admin1
        and admin2 as the source gave them: ``as_entered``).
        Bad rows are in ``result.errors`` exactly as ``validate`` lists them. Raises LoadError when the
        file cannot be read at all (nothing is written)."""
        loaded = load(path, fmt=fmt, geocode=False)
        result = self.import_frame(as_entered(loaded.frame), provenance=str(path), user=user, on_conflict=on_conflict,
                                   progress=progress)
        result.load, result.errors = loaded, loaded.errors
        return result

    def import_frame(self, frame: pd.DataFrame, provenance: str, user: str, on_conflict: str = "skip",
                     progress: Progress | None = None, reason: str = "") -> ImportResult:
        """Write validated event rows (the event table's columns) in ONE transaction: either all of
        them are in the store afterwards or none (a crash or kill leaves the store as it was).
        ``on_conflict``: ``skip`` keeps stored events whose id is in the frame, ``update`` writes the
        frame's version as a new revision when it differs."""
        _need_user(user)
        if on_conflict not in ("skip", "update"):
            raise ValueError(f"on_conflict must be skip or update, not {on_conflict!r}")
        from .bulk import bulk_insert

        result = ImportResult()
        now = _now()
        with self.engine.begin() as conn:
            ids = frame["event_id"].astype(str)
            existing = _existing_ids(conn, ids)
            known = ids.isin(existing)
            fresh = frame.loc[~known]
            result.added = len(fresh)
            bulk_insert(conn, fresh, provenance=provenance, user=user, when=now, reason=reason,
                        progress=progress)
            if known.any():
                if on_conflict == "skip":
                    result.skipped = int(known.sum())
                else:
                    result.updated, result.unchanged = self._update_many(conn, frame.loc[known], user, reason
                                                                         or f"imported from {provenance}")
        return result

    def _update_many(self, conn: Connection, frame: pd.DataFrame, user: str, reason: str) -> tuple[int, int]:
        from .bulk import stored_geo

        updated = unchanged = 0
        cols = [events.c[c] for c in EVENT_COLUMNS]
        for chunk_start in range(0, len(frame), 1000):
            chunk = frame.iloc[chunk_start:chunk_start + 1000]
            query = select(*cols).where(events.c.event_id.in_(chunk["event_id"].astype(str).tolist()))
            if self.dialect == "postgresql":
                query = query.with_for_update()
            stored = {r["event_id"]: dict(r) for r in conn.execute(query).mappings()}
            has_district = ADMIN2 in chunk
            has_geo, has_vague = "geo_status" in chunk, VAGUE in chunk
            geo = stored_geo(chunk)
            for i, rec in enumerate(chunk[[*COLUMNS, ADMIN2] if has_district else list(COLUMNS)].to_dict("records")):
                values = {c: _none(rec[c]) for c in COLUMNS}
                current = stored[values["event_id"]]
                # a file without a district column says nothing about it: the stored one stays
                values[ADMIN2] = (_none(rec[ADMIN2]) or "") if has_district else current[ADMIN2]
                # where the point came from: the frame's, where it says; else the stored one while the point
                # stays, and "" (read as the file's own) for a point the frame moved
                same_point = all(_same(values[c], current[c]) for c in POINT)
                for c in PLACE_FACTS:
                    ours = _none(geo[c][i])
                    values[c] = ours if (has_vague if c == VAGUE else has_geo) or not same_point else current[c]
                before = {**current, **effective_geo(current)}
                if all(_same(values[c], before[c]) for c in EDITABLE):
                    unchanged += 1
                    continue
                self._write(conn, current, values, {}, "import", user, reason)
                updated += 1
        return updated, unchanged


def _same(a, b) -> bool:
    a, b = _none(a), _none(b)
    if isinstance(a, dt.datetime):
        a = a.date()
    if isinstance(b, dt.datetime):
        b = b.date()
    if isinstance(a, float) and isinstance(b, (int, float)) or isinstance(b, float) and isinstance(a, int):
        return abs(float(a) - float(b)) < 1e-9
    if isinstance(a, str) and isinstance(b, dt.date):
        return a == b.isoformat()
    if isinstance(b, str) and isinstance(a, dt.date):
        return b == a.isoformat()
    return (a if a is not None else "") == (b if b is not None else "") if (
        isinstance(a, str) or isinstance(b, str)) else a == b


def _need_user(user: str) -> None:
    if not user or not str(user).strip():
        raise PermissionError("a change needs a signed-in user")


def _existing_ids(conn: Connection, ids: pd.Series) -> set:
    if ids.empty:
        return set()
    total = conn.execute(select(func.count()).select_from(events)).scalar_one()
    if total == 0:
        return set()
    if total <= 5 * len(ids):
        return set(conn.execute(select(events.c.event_id)).scalars())
    found: set = set()
    values = ids.tolist()
    for i in range(0, len(values), 1000):
        found.update(conn.execute(select(events.c.event_id).where(events.c.event_id.in_(values[i:i + 1000])))
                     .scalars())
    return found


def open_store(url: str | None = None, init: bool = True) -> EventStore:
    """The store at ``url`` (default ``store_url()``), migrated to the newest schema when ``init``."""
    store = EventStore.open(url)
    if init:
        store.init()
    return store


__all__ = ["AlreadyExists", "Conflict", "EventStore", "as_entered", "ImportResult", "InvalidEvent", "NotFound",
           "StoreError", "check_record", "effective_geo", "h3_cells", "open_store", "placed_by_analyst"]
