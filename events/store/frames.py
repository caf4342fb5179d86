"""Reading the whole store as the event table, fast: a raw cursor on SQLite, ``COPY TO`` on PostgreSQL."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd

from ..schema import COLUMNS, DTYPES
from .tables import FLOAT_COLUMNS, INT_COLUMNS

EXTRA = ("revision", "retired", "provenance", "updated_by")


def read_frame(store, include_retired: bool = False, since: int | None = None) -> pd.DataFrame:
    """The events (retired ones only when asked) with COLUMNS typed as ``events.load`` types them, plus
    ``EXTRA``; sorted by date then id (by pandas: the same order on both engines whatever the
    database's collation). ``since``: only events changed after that store revision."""
    names = [*COLUMNS, *EXTRA]
    where = []
    if not include_retired:
        where.append("NOT retired" if store.dialect == "postgresql" else "retired = 0")
    if since is not None:
        where.append(f"event_id IN (SELECT event_id FROM event_history WHERE history_id > {int(since)})")
    # No ORDER BY: the table is read in storage order (sequential pages) and sorted in memory.
    sql = f"SELECT {', '.join(names)} FROM events" + (f" WHERE {' AND '.join(where)}" if where else "")
    from .engine import reader

    with reader(store.engine) as conn:
        raw = conn.connection.driver_connection
        if store.dialect == "postgresql":
            buf = io.BytesIO()
            with raw.cursor() as cur:
                with cur.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)") as copy:
                    for block in copy:
                        buf.write(block)
            buf.seek(0)
            numeric = [*INT_COLUMNS, *FLOAT_COLUMNS, "revision"]
            frame = pd.read_csv(buf, dtype={c: str for c in names if c not in numeric and c != "retired"},
                                keep_default_na=False, na_values={c: [""] for c in numeric})
            frame["retired"] = frame["retired"].astype(str).eq("t")
        else:
            cur = raw.cursor()
            cur.execute(sql)
            frame = pd.DataFrame.from_records(cur.fetchall(), columns=names)
            cur.close()
            frame["retired"] = frame["retired"].astype(bool)
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame["event_date"] = pd.to_datetime(frame["event_date"], format="%Y-%m-%d")
    for c in INT_COLUMNS:
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype(DTYPES[c])
    for c in FLOAT_COLUMNS:
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64")
    for c in COLUMNS:
        if c not in DTYPES and c != "event_date":
            col = frame[c]
            if col.dtype != object:
                col = col.astype(object)
            frame[c] = col.where(col.notna(), "")
    frame["revision"] = frame["revision"].astype(np.int64)
    frame["provenance"] = frame["provenance"].astype("category")
    frame["updated_by"] = frame["updated_by"].astype("category")
    return frame.sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)
