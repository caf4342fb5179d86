"""Writing many validated rows fast, inside the caller's transaction.

``events`` gets the rows (revision 1): ``executemany`` of one prepared INSERT on SQLite, ``COPY ... FROM
STDIN`` (CSV written by Arrow) on PostgreSQL. ``event_history`` gets the same rows (action "import"): on
SQLite by an ``INSERT ... SELECT`` from the rows just written (the database copies them, no second trip
through Python), on PostgreSQL by a second COPY of the same Arrow columns. Column values are computed
once per import, column by column: no per-row Python work beyond the tuples SQLite binds.

An import at least as large as the store (e.g. the first one) drops the secondary indexes (event date,
H3 cell, history lookup; PostGIS's GiST index) inside the transaction and builds them again, from the
definitions the database holds, before returning: building an index once is far cheaper than updating it
row by row. DDL is transactional on both engines, so a failure or a ``kill -9`` rolls the drop back with
everything else. On PostgreSQL the drop locks the tables until the import commits (readers wait); on
SQLite readers keep reading the last committed state (WAL).
"""
from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
from sqlalchemy.engine import Connection

from ..schema import GEO_PROVENANCE, VAGUE
from .tables import (BOOL_COLUMNS, EVENT_COLUMNS, FLOAT_COLUMNS, HISTORY_EXTRA, INT_COLUMNS, STORED_COLUMNS,
                     TEXT_COLUMNS)

IMPORT_CACHE_KIB = 400_000  # SQLite page cache during a bulk import
REBUILD_MIN_ROWS = 20_000   # below this an import updates the indexes row by row
_TEXT_EXTRA = ("created_by", "updated_by", "provenance", "retired_reason", "action", "changed_by", "reason")


def _values(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame's event columns as the store keeps them (STORED_COLUMNS: the district ``admin2`` is ""
    when the frame has none), plus ``h3_cell``: text "" for missing, ints as Int64, floats as float64
    (NaN missing), the date as ISO text."""
    from .store import h3_cells

    out = {"event_id": frame["event_id"].astype(str).to_numpy(dtype=object),
           "event_date": np.datetime_as_string(pd.to_datetime(frame["event_date"]).to_numpy("datetime64[D]"),
                                               unit="D").astype(object)}
    geo = stored_geo(frame)
    for c in STORED_COLUMNS[2:]:
        if c in geo:
            out[c] = geo[c]
            continue
        if c not in frame:      # a layout without a district column
            out[c] = np.full(len(frame), "", dtype=object)
            continue
        s = frame[c]
        if c in INT_COLUMNS:
            out[c] = pd.to_numeric(s, errors="coerce").astype("Int64").array
        elif c in FLOAT_COLUMNS:
            out[c] = s.to_numpy(dtype="float64", na_value=np.nan)
        else:
            out[c] = s.astype(object).where(s.notna(), "").astype(str).to_numpy(dtype=object)
    out["h3_cell"] = np.array(h3_cells(frame["latitude"], frame["longitude"]), dtype=object)
    return pd.DataFrame(out, index=frame.index)


def stored_geo(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The provenance columns the store keeps for ``frame``'s rows (``GEO_PROVENANCE`` and ``VAGUE``):
    a row with coordinates keeps the frame's geo_status/geo_name/geo_source/geo_confidence (a load sets them:
    "given"/"file" for a file's own point, the carried "resolved" one for a geocoded export read back); a row
    without coordinates gets "" and NULL (a store load geocodes it from its place names, as before). A frame
    without the columns gets "" and NULL (read as today). ``vague_point``: the frame's flag, else False."""
    n = len(frame)
    has = (frame["latitude"].notna() & frame["longitude"].notna()).to_numpy()
    out: dict[str, np.ndarray] = {}
    for c in GEO_PROVENANCE:
        if c not in frame or not has.any():
            out[c] = np.full(n, np.nan) if c == "geo_confidence" else np.full(n, "", dtype=object)
        elif c == "geo_confidence":
            out[c] = np.where(has, pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype="float64", na_value=np.nan),
                              np.nan)
        else:
            s = frame[c]
            text = s.astype(object).where(s.notna(), "").astype(str).to_numpy(dtype=object)
            out[c] = text if has.all() else np.where(has, text, "").astype(object)
    out[VAGUE] = (frame[VAGUE].eq(True).to_numpy(dtype=bool) if VAGUE in frame
                  else np.zeros(n, dtype=bool))
    return out


def _constants(provenance: str, user: str, when) -> dict[str, object]:
    return dict(provenance=provenance, created_at=when, created_by=user, updated_at=when, updated_by=user,
                revision=1, retired=False, retired_reason="")


def bulk_insert(conn: Connection, frame: pd.DataFrame, provenance: str, user: str, when: dt.datetime,
                reason: str = "", progress=None, chunk: int = 50_000) -> None:
    """Insert ``frame`` (validated event rows whose ids are not in the store) into both tables, in the
    caller's transaction. ``progress(done, total)`` is called after each ``chunk`` rows."""
    if frame.empty:
        return
    total = len(frame)
    sqlite = conn.dialect.name != "postgresql"
    if sqlite:  # index pages of a big import stay in memory instead of spilling into the WAL (~400 MB max)
        conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    else:  # memory for building the indexes again; this transaction only
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    try:
        rebuild = _drop_indexes(conn) if total >= REBUILD_MIN_ROWS and total >= _stored(conn) else []
        frame = frame.sort_values("event_id", kind="stable")  # primary-key order: index pages fill in sequence
        values = _values(frame)
        for start in range(0, total, chunk):
            part = values.iloc[start:start + chunk]
            if sqlite:
                _executemany_sqlite(conn, part, provenance, user, when, reason)
            else:
                _copy_postgres(conn, part, provenance, user, when, reason)
            if progress:
                progress(min(start + chunk, total), total)
        for sql in rebuild:
            conn.exec_driver_sql(sql)
    finally:
        if sqlite:
            conn.exec_driver_sql("PRAGMA cache_size=-2000")


def _stored(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one())


def _drop_indexes(conn: Connection) -> list[str]:
    """Drop the store tables' indexes other than primary keys and unique ones; return the statements
    that create them again, exactly as the database defines them."""
    if conn.dialect.name == "postgresql":
        found = conn.exec_driver_sql(
            "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid) "
            "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE i.indrelid IN ('events'::regclass, 'event_history'::regclass) "
            "AND NOT i.indisprimary AND NOT i.indisunique").all()
    else:
        found = [('"' + name.replace('"', '""') + '"', sql) for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'event_history') "
            "AND sql IS NOT NULL").all()]  # sql is NULL for the primary key's own index
    for name, _ in found:
        conn.exec_driver_sql(f"DROP INDEX {name}")
    return [sql for _, sql in found]


def _history_select(mark: str = "?") -> str:
    names = ", ".join(EVENT_COLUMNS)
    marks = ", ".join([mark] * len(HISTORY_EXTRA))
    return f"INSERT INTO event_history ({', '.join(HISTORY_EXTRA)}, {names}) SELECT {marks}, {names} FROM events"


def _executemany_sqlite(conn, values: pd.DataFrame, provenance, user, when, reason) -> None:
    # SQLAlchemy's SQLite DATETIME storage format, so Core reads these back as datetimes.
    stamp = when.astimezone(dt.timezone.utc).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    n = len(values)
    series = []
    for c in EVENT_COLUMNS:
        if c in values:
            s = values[c]
            if c in INT_COLUMNS:
                series.append(s.array.to_numpy(dtype=object, na_value=None).tolist())
            elif c in FLOAT_COLUMNS:
                v = s.to_numpy()
                series.append(np.where(np.isnan(v), None, v).tolist())
            elif c in BOOL_COLUMNS:
                series.append(s.to_numpy(dtype=bool).astype(int).tolist())
            else:
                series.append(s.tolist())
        else:
            const = _constants(provenance, user, stamp)[c]
            series.append([int(const) if isinstance(const, bool) else const] * n)
    raw = conn.connection.driver_connection
    cur = raw.cursor()
    try:
        last = cur.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]
        cur.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
                        zip(*series))
        # The write lock is held: every row past the previous last rowid is one of these.
        cur.execute(_history_select() + " WHERE rowid > ? ORDER BY rowid", ("import", stamp, user, reason, last))
    finally:
        cur.close()


def _copy_postgres(conn, values: pd.DataFrame, provenance, user, when, reason) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    n = len(values)
    constants = _constants(provenance, user, when.isoformat())
    arrays = []
    for c in EVENT_COLUMNS:
        if c in values:
            arrays.append(pa.array(values[c].array) if c in INT_COLUMNS
                          else pa.array(values[c].to_numpy(), from_pandas=True))
        else:
            arrays.append(pa.array([constants[c]] * n))
    buf = io.BytesIO()
    pacsv.write_csv(pa.Table.from_arrays(arrays, names=list(EVENT_COLUMNS)), buf,
                    pacsv.WriteOptions(include_header=False))
    text = [c for c in EVENT_COLUMNS if c in TEXT_COLUMNS or c in _TEXT_EXTRA]
    raw = conn.connection.driver_connection
    with raw.cursor() as cur:
        with cur.copy(f"COPY events ({', '.join(EVENT_COLUMNS)}) FROM STDIN WITH (FORMAT csv, "
                      f"FORCE_NOT_NULL ({', '.join(text)}))") as copy:
            copy.write(buf.getbuffer())
        # The rows just written, copied by the server (their ids were not in the store before).
        cur.execute(_history_select("%s") + " WHERE event_id = ANY(%s)",
                    ("import", when, user, reason, values["event_id"].tolist()))
