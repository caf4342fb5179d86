"""A Parquet snapshot of the store's events, keyed by the store's revision, in the data directory.

Reading a million events out of a database costs far more than reading one Parquet file, and the store
changes rarely compared with how often the dashboard starts. ``load_events`` returns the snapshot of the
current revision when one exists, else reads the store, geocodes what has no coordinates (as a file
load would), and writes the snapshot atomically (temp file + rename; a damaged snapshot is just read
again from the store). ``db import`` into an empty store writes the snapshot of what it imported.
"""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pandas as pd

SNAPSHOT_DIR = "snapshots"


def snapshot_path(url: str, revision: int, retired: bool) -> Path:
    from geodata.settings import data_dir

    key = hashlib.sha256(url.encode()).hexdigest()[:12]
    return data_dir() / SNAPSHOT_DIR / f"events-{key}-r{revision}{'-all' if retired else ''}.parquet"


def load_events(store, revision: int | None = None, retired: bool = False) -> pd.DataFrame:
    """The store's events at ``revision`` (default: now), geocoded like a file, via the snapshot."""
    from events.geocoding import add_coordinates

    revision = store.latest_revision() if revision is None else revision
    path = snapshot_path(store.url, revision, retired)
    if path.exists():
        try:
            return pd.read_parquet(path)
        except Exception:  # noqa: BLE001 -- only a cache: read the store instead
            pass
    frame = add_coordinates(store.frame(include_retired=retired))
    write_snapshot(frame, path)
    return frame


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
    """After importing ``frame`` into an empty store: its snapshot, without reading the store back."""
    from events.geocoding import add_coordinates

    from .frames import EXTRA

    out = frame.sort_values(["event_date", "event_id"], kind="stable").reset_index(drop=True)
    out = out[[c for c in out.columns if c not in ("geo_status", "geo_name", "geo_source", "geo_confidence")]]
    out["revision"] = 1
    out["retired"] = False
    out["provenance"] = pd.Categorical([provenance] * len(out))
    out["updated_by"] = pd.Categorical([user] * len(out))
    out = add_coordinates(out[[*out.columns[:21], *EXTRA]])
    write_snapshot(out, snapshot_path(store.url, store.latest_revision(), False))
