"""Writing many validated rows fast, inside the caller's transaction: ``executemany`` on SQLite,
``COPY ... FROM STDIN`` (CSV) on PostgreSQL. Both tables get every row: ``events`` (revision 1) and
``event_history`` (action "import")."""
from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
from sqlalchemy.engine import Connection

from ..schema import COLUMNS
from .tables import EVENT_COLUMNS, FLOAT_COLUMNS, HISTORY_EXTRA, INT_COLUMNS, TEXT_COLUMNS

IMPORT_CACHE_KIB = 400_000  # SQLite page cache during a bulk import


def _columns(frame: pd.DataFrame, provenance: str, user: str, when: str, reason: str) -> dict[str, object]:
    """Column name -> list of values (None for missing) or a constant, in the store's column order."""
    from .store import h3_cells

    cols: dict[str, object] = {"action": "import", "changed_at": when, "changed_by": user, "reason": reason}
    cols["event_id"] = frame["event_id"].astype(str).tolist()
    cols["event_date"] = pd.to_datetime(frame["event_date"]).dt.strftime("%Y-%m-%d").tolist()
    for c in COLUMNS[2:]:
        s = frame[c]
        if c in INT_COLUMNS:
            arr = s.astype("Int64")
            cols[c] = [None if m else int(v) for v, m in zip(arr.fillna(0).tolist(), arr.isna().tolist())]
        elif c in FLOAT_COLUMNS:
            v = s.to_numpy(dtype="float64", na_value=np.nan)
            cols[c] = np.where(np.isnan(v), None, v).tolist()
        else:
            cols[c] = s.astype(object).where(s.notna(), "").astype(str).tolist()
    cols["h3_cell"] = h3_cells(frame["latitude"], frame["longitude"])
    cols.update(provenance=provenance, created_at=when, created_by=user, updated_at=when, updated_by=user,
                revision=1, retired=False, retired_reason="")
    return cols


def bulk_insert(conn: Connection, frame: pd.DataFrame, provenance: str, user: str, when: dt.datetime,
                reason: str = "", progress=None, chunk: int = 50_000) -> None:
    """Insert ``frame`` (validated event rows whose ids are not in the store) into both tables."""
    if frame.empty:
        return
    total = len(frame)
    sqlite = conn.dialect.name != "postgresql"
    if sqlite:  # index pages of a big import stay in memory instead of spilling into the WAL (~400 MB max)
        conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    frame = frame.sort_values("event_id", kind="stable")  # primary-key order: index pages fill in sequence
    try:
        for start in range(0, total, chunk):
            part = frame.iloc[start:start + chunk]
            if sqlite:
                _executemany_sqlite(conn, part, provenance, user, when, reason)
            else:
                _copy_postgres(conn, part, provenance, user, when, reason)
            if progress:
                progress(min(start + chunk, total), total)
    finally:
        if sqlite:
            conn.exec_driver_sql("PRAGMA cache_size=-2000")


def _executemany_sqlite(conn, frame, provenance, user, when, reason) -> None:
    # SQLAlchemy's SQLite DATETIME storage format, so Core reads these back as datetimes.
    stamp = when.astimezone(dt.timezone.utc).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    cols = _columns(frame, provenance, user, stamp, reason)
    cols["retired"] = 0
    n = len(frame)

    def rows(names):
        series = [cols[c] if isinstance(cols[c], list) else [cols[c]] * n for c in names]
        return list(zip(*series))

    raw = conn.connection.driver_connection
    cur = raw.cursor()
    names = list(EVENT_COLUMNS)
    cur.executemany(f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows(names))
    hist = [*HISTORY_EXTRA, *EVENT_COLUMNS]
    cur.executemany(f"INSERT INTO event_history ({', '.join(hist)}) VALUES ({', '.join('?' * len(hist))})",
                    rows(hist))
    cur.close()


def _copy_postgres(conn, frame, provenance, user, when, reason) -> None:
    cols = _columns(frame, provenance, user, when.isoformat(), reason)
    n = len(frame)
    table = pd.DataFrame({c: (v if isinstance(v, list) else [v] * n) for c, v in cols.items()})
    for c in INT_COLUMNS:
        table[c] = table[c].astype("Int64")
    for c in FLOAT_COLUMNS:
        table[c] = table[c].astype("float64")
    text = [c for c in (*TEXT_COLUMNS, "created_by", "updated_by", "provenance", "retired_reason",
                        "changed_by", "reason", "action")]
    raw = conn.connection.driver_connection
    with raw.cursor() as cur:
        for name, names in (("events", list(EVENT_COLUMNS)), ("event_history", [*HISTORY_EXTRA, *EVENT_COLUMNS])):
            buf = io.StringIO()
            table[names].to_csv(buf, index=False, header=False, float_format="%.17g")
            not_null = ", ".join(c for c in names if c in text)
            with cur.copy(f"COPY {name} ({', '.join(names)}) FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL "
                          f"({not_null}))") as copy:
                copy.write(buf.getvalue())
