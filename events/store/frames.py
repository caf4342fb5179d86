"""Reading the whole store as the event table, fast: a raw cursor on SQLite, ``COPY TO`` on PostgreSQL."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd

from ..facts import GIVEN, NOT_GEOCODED
from ..schema import DTYPES
from .tables import BOOL_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, STORED_COLUMNS

EXTRA = ("revision", "retired", "provenance", "updated_by")


def read_frame(store, include_retired: bool = False, since: int | None = None) -> pd.DataFrame:
    """The events (retired ones only when asked) with COLUMNS typed as ``events.load`` types them, the
    district ``admin2`` (text, "" where the imported file had none), where each point came from
    (GEO_PROVENANCE as a load without geocoding sets them: "given"/"file" for a point stored without its
    provenance, "not geocoded" without coordinates; ``events.facts``), ``vague_point`` (bool), plus ``EXTRA``; sorted by date then id (by pandas: the same order on both engines whatever the
    database's collation). ``since``: only events changed after that store revision."""
    names = [*STORED_COLUMNS, *EXTRA]
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
            flags = ("retired", *BOOL_COLUMNS)
            frame = pd.read_csv(buf, dtype={c: str for c in names if c not in numeric and c not in flags},
                                keep_default_na=False, na_values={c: [""] for c in numeric})
            columns = {c: frame[c].to_numpy() for c in names}
            for c in flags:
                columns[c] = frame[c].astype(str).eq("t").to_numpy()
        else:
            cur = raw.cursor()
            cur.execute(sql)
            rows = cur.fetchall()
            cur.close()
            # One 2-D object array, then each column converted on its own: far fewer Python objects
            # than a DataFrame built row by row.
            table = np.array(rows, dtype=object).reshape(len(rows), len(names))
            del rows
            columns = {c: table[:, i] for i, c in enumerate(names)}
            for c in ("retired", *BOOL_COLUMNS):
                columns[c] = table[:, names.index(c)].astype(bool)
    return _typed(columns)


def _unknown_provenance(out: dict[str, object]) -> None:
    """Rows stored without a point's provenance (before migration 0003, or without coordinates) read as a
    load without geocoding reads them (``events.facts.mark_given``): "given" (source "file", confidence 1)
    with coordinates, "not geocoded" without."""
    status = out["geo_status"]
    empty = status == ""
    if not empty.any():
        return
    has = ~(np.isnan(out["latitude"]) | np.isnan(out["longitude"]))
    given, bare = empty & has, empty & ~has
    status[given], status[bare] = GIVEN, NOT_GEOCODED
    out["geo_source"][given] = "file"
    confidence = out["geo_confidence"]
    confidence[given] = 1.0
    confidence[bare] = np.nan


def _typed(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """Column arrays (None or NaN for missing) -> the event table's dtypes, sorted by date then id."""
    out: dict[str, object] = {
        "event_id": np.asarray(columns["event_id"], dtype=object),
        "event_date": pd.to_datetime(np.asarray(columns["event_date"], dtype=object), format="%Y-%m-%d"),
    }
    for c in STORED_COLUMNS[2:]:
        values = columns[c]
        if c in INT_COLUMNS:
            out[c] = pd.array(np.asarray(values, dtype="float64"), dtype=DTYPES[c])
        elif c in FLOAT_COLUMNS:
            out[c] = np.asarray(values, dtype="float64")
        elif c in BOOL_COLUMNS:
            out[c] = np.asarray(values, dtype=bool)
        else:
            text = np.array(values, dtype=object)
            missing = pd.isna(text)
            if missing.any():
                text[missing] = ""
            out[c] = text
    _unknown_provenance(out)
    out["revision"] = np.asarray(columns["revision"], dtype=np.int64)
    out["retired"] = np.asarray(columns["retired"], dtype=bool)
    out["provenance"] = pd.Categorical(np.asarray(columns["provenance"], dtype=object))
    out["updated_by"] = pd.Categorical(np.asarray(columns["updated_by"], dtype=object))
    frame = pd.DataFrame(out)
    return frame.sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)
