"""A Parquet snapshot of the store's events, keyed by the store's revision, in the data directory.

Reading a million events out of a database costs far more than reading one Parquet file, and the store
changes rarely compared with how often the dashboard starts. ``load_events`` returns the snapshot of the
current revision when one exists. Otherwise it starts from the newest older snapshot of the same store
and reads only the events changed since (an edit to a big store costs one small query, not a full
read); with no older snapshot, or too many changes, it reads the whole store. Either way the events are
finished as a file load finishes them (``events.load``: coordinates geocoded where missing, admin1/admin2
from the embedded polygons) and the snapshot is written atomically (temp file + rename; a damaged
snapshot is just read again from the store). ``db import`` into an empty store writes the snapshot of
what it imported.
"""
from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

import pandas as pd
from pandas.api.types import union_categoricals

SNAPSHOT_DIR = "snapshots"
FORMAT = 4  # in the file name: a snapshot written by an older version (2: no stored district; 3: no stored
# provenance or vague flag) is never read
# More changed events than this share of the older snapshot: read the whole store instead.
INCREMENTAL_MAX_SHARE = 0.2
CATEGORIES = ("provenance", "updated_by")


def snapshot_path(url: str, revision: int, retired: bool) -> Path:
    from geodata.settings import data_dir

    key = hashlib.sha256(url.encode()).hexdigest()[:12]
    return data_dir() / SNAPSHOT_DIR / f"events-{key}-v{FORMAT}-r{revision}{'-all' if retired else ''}.parquet"


def finish(frame: pd.DataFrame) -> pd.DataFrame:
    """Store rows finished as ``events.load`` finishes a file's (``events.load.place_events``): coordinates
    geocoded where missing, with the stored district (admin2) where there is one (the GEO_COLUMNS set; a
    stored point keeps its stored provenance, ``events.facts.keep_provenance``), then admin1 and admin2
    (where empty) from the embedded polygons, except from a point the store flags as vague (``vague_point``:
    a UCDP point standing for the country or a region larger than a governorate)."""
    from events.load import place_events
    from events.schema import VAGUE

    vague = frame[VAGUE].to_numpy(dtype=bool) if VAGUE in frame else None
    return place_events(frame, vague=vague)


def load_events(store, revision: int | None = None, retired: bool = False) -> pd.DataFrame:
    """The store's events at ``revision`` (default: now), finished like a file load, via the snapshot."""
    revision = store.latest_revision() if revision is None else revision
    path = snapshot_path(store.url, revision, retired)
    if path.exists():
        try:
            return pd.read_parquet(path)
        except Exception:  # noqa: BLE001 -- only a cache: read the store instead
            pass
    frame = _from_older(store, path, revision, retired)
    if frame is None:
        frame = finish(store.frame(include_retired=retired))
    write_snapshot(frame, path)
    return frame


def _older(path: Path, revision: int) -> list[tuple[int, Path]]:
    """Snapshots of the same store and retired flag at revisions below ``revision``, newest first."""
    stem, _, rest = path.name.partition("-r")
    suffix = rest[len(str(revision)):]
    pattern = re.compile(rf"{re.escape(stem)}-r(\d+){re.escape(suffix)}")
    found = []
    for p in path.parent.glob(f"{stem}-r*{suffix}"):
        m = pattern.fullmatch(p.name)
        if m and int(m.group(1)) < revision:
            found.append((int(m.group(1)), p))
    return sorted(found, reverse=True)


def _from_older(store, path: Path, revision: int, retired: bool) -> pd.DataFrame | None:
    """The newest older snapshot with the events changed since it read from the store, or None."""
    from .frames import read_frame

    for old_revision, old_path in _older(path, revision)[:1]:
        try:
            old = pd.read_parquet(old_path)
        except Exception:  # noqa: BLE001 -- only a cache
            return None
        changed = store.changed_since(old_revision)
        if len(changed) > max(1000, INCREMENTAL_MAX_SHARE * len(old)):
            return None
        fresh = finish(read_frame(store, include_retired=retired, since=old_revision))
        if list(fresh.columns) != list(old.columns):
            return None
        kept = old[~old["event_id"].isin(changed)].copy()
        fresh = fresh.copy()
        for col in ("geo_status", "geo_name", "geo_source", *CATEGORIES):
            # The same categories on both sides, so the column stays categorical (no per-row strings).
            both = union_categoricals([kept[col].astype("category"), fresh[col].astype(str).astype("category")])
            kept[col] = kept[col].astype("category").cat.set_categories(both.categories)
            fresh[col] = pd.Categorical(fresh[col].astype(str), categories=both.categories)
        frame = pd.concat([kept, fresh] if len(fresh) else [kept], ignore_index=True)
        return frame.sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)
    return None


def write_snapshot(frame: pd.DataFrame, path: Path) -> None:
    """Write atomically; remove older snapshots of the same store. Failures are ignored (a speed-up only)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{time.time_ns()}.tmp")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        stem = path.name.split("-r")[0]
        for old in path.parent.glob(f"{stem}-r*.parquet"):
            if old != path and old.stat().st_mtime < path.stat().st_mtime - 60:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def snapshot_after_first_import(store, frame: pd.DataFrame, provenance: str, user: str) -> None:
    """After importing ``frame`` (the file as loaded) into an empty store: its snapshot, without reading the
    store back: the rows as the store holds them (``as_entered``: admin1/admin2 as the source spelled them,
    where the file is one of our exports), finished as a store load finishes them."""
    from ..schema import ADMIN2, VAGUE
    from .frames import EXTRA
    from .store import as_entered
    from .tables import STORED_COLUMNS

    out = as_entered(frame).sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)
    out = out.reindex(columns=list(STORED_COLUMNS))     # the store's columns, as read_frame gives them
    out[ADMIN2] = out[ADMIN2].fillna("")                # "" where the file had no district column
    out[VAGUE] = out[VAGUE].eq(True)                    # False where the layout flags no vague point
    out["revision"] = 1
    out["retired"] = False
    out["provenance"] = pd.Categorical([provenance] * len(out))
    out["updated_by"] = pd.Categorical([user] * len(out))
    out = finish(out[[*STORED_COLUMNS, *EXTRA]])
    write_snapshot(out, snapshot_path(store.url, store.latest_revision(), False))
