"""Which events the dashboard shows: the bundled curated set, another file, plus this session's upload.

Pick another file with ``streamlit run dashboard/app.py -- --data FILE`` or ``CONFLICTMAP_DATA=FILE``.
The loaded dataset is shared by every session (one ``DatasetHolder`` per process, one copy of
the data) and never modified; a new version of the file replaces it only once it loads;
selections are row positions (a slice when only the dates narrow it), so a session never
holds its own copy of a million-row frame.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from events import CURATED_PATH, LoadError, LoadResult, load

from .aggregate import Viewport
from .filters import Options, date_window, mask, options
from .map_layers import layer_data

log = logging.getLogger(__name__)
ENV_DATA = "CONFLICTMAP_DATA"
SOURCE_COLUMN = "dataset"  # which file an event came from, when an upload is shown with the bundled set


def dataset_path(argv: list[str] | None = None, environ=os.environ) -> Path:
    """``--data FILE`` from the command line, else $CONFLICTMAP_DATA, else the bundled curated events."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data")
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return Path(args.data or environ.get(ENV_DATA) or CURATED_PATH)


# --- the shared dataset: one copy per process, replaced only by a version that loads ---------------

SETTLE_SECONDS = 2.0  # a file modified more recently than this may still be being written: wait


@dataclass(frozen=True)
class Dataset:
    """What every session shows: the last good version of the dataset, and why a newer one is not used.

    ``result`` is None only when no version has ever loaded. ``version`` identifies the loaded
    version (part of every cache key), ``loaded_at`` is when it was loaded (UTC), ``problem`` is
    "" or why the file as it is now cannot replace it -- in words fit for any visitor: the file's
    name, never its server path."""

    name: str
    result: LoadResult | None = None
    version: str = ""
    loaded_at: dt.datetime | None = None
    problem: str = ""


class DatasetHolder:
    """The dataset at one path, for every session of this process (held by ``st.cache_resource``).

    Each ``current()`` call compares the file's (modification time, size) with the version in
    hand; a changed file that has settled (unchanged for ``SETTLE_SECONDS``) is loaded and
    validated by one session while the others keep the old version; it replaces the old one only
    if it loads with at least one usable event (the first version is taken as it loads). Only one version is held: the old frame is
    freed once no session is still drawing it. ``loader(path) -> LoadResult`` raises LoadError."""

    def __init__(self, path: Path, loader: Callable[[Path], LoadResult] = load, settle: float = SETTLE_SECONDS):
        self.path, self.loader, self.settle = path, loader, settle
        self._lock = threading.Lock()
        self._seen: tuple[int, int] | None | str = "never"  # the fingerprint last tried, good or not
        self._dataset = Dataset(name=path.name)

    def current(self) -> Dataset:
        """The dataset to show now (loads a changed file first, unless another session is doing so)."""
        seen = _fingerprint(self.path)
        if seen == self._seen:
            return self._dataset
        first = self._dataset.result is None
        if seen is not None and not first and time.time() - seen[0] / 1e9 < self.settle:
            return self._dataset  # still being written, perhaps: look again on a later run
        if not self._lock.acquire(blocking=first):
            return self._dataset  # another session is loading it; keep showing the old version
        try:
            if seen != self._seen:
                self._dataset = self._try(seen)
                self._seen = seen
        finally:
            self._lock.release()
        return self._dataset

    def _try(self, seen: tuple[int, int] | None) -> Dataset:
        old = self._dataset
        if seen is None:
            return dataclasses.replace(old, problem="the data file is missing")
        try:
            result = self.loader(self.path)
        except LoadError as exc:
            return dataclasses.replace(old, problem=scrub(exc.reason, self.path))
        except Exception as exc:  # noqa: BLE001 - a broken file must not take the last good data with it
            log.exception("loading %s failed", self.path)
            return dataclasses.replace(old, problem=f"it could not be read ({type(exc).__name__})")
        if result.frame.empty and old.result is not None and not old.result.frame.empty:
            why = "it has no usable events" + (f" ({result.rejected:,} rows rejected)" if result.rejected else "")
            return dataclasses.replace(old, problem=why)
        result.path = self.path.name  # nothing downstream needs, or may show, the server path
        return Dataset(name=self.path.name, result=result, version=f"{seen[0]}-{seen[1]}",
                       loaded_at=dt.datetime.now(dt.timezone.utc))


def _fingerprint(path: Path) -> tuple[int, int] | None:
    """(modification time in ns, size in bytes), or None if the file is not there."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def scrub(text: str, path: Path) -> str:
    """``text`` with the server's path to ``path`` (and its folder) replaced by the bare file name."""
    for long in (str(path.resolve()), str(path), str(path.resolve().parent), str(path.parent)):
        if long and long not in (".", "/"):
            text = text.replace(long, path.name if long.endswith(path.name) else "")
    return text


@st.cache_resource(show_spinner=False)
def holder(path: str) -> DatasetHolder:
    """The process-wide holder of the dataset at ``path``."""
    return DatasetHolder(Path(path))


def current_dataset(path: Path) -> Dataset:
    """The dataset every session shows now (see ``DatasetHolder.current``)."""
    with st.spinner("Loading and geocoding the events…"):
        return holder(str(path)).current()


def dataset_notice(dataset: Dataset) -> str:
    """What to tell visitors when the data file as it is now is not what they see ("" when it is)."""
    if not dataset.problem:
        return ""
    if dataset.result is None:
        return f"The dataset {dataset.name} could not be loaded: {dataset.problem}."
    return (f"The data file {dataset.name} has changed but the new version cannot be used ({dataset.problem}); "
            f"showing the version loaded at {dataset.loaded_at:%Y-%m-%d %H:%M} UTC.")


def combine(bundled: pd.DataFrame, uploaded: pd.DataFrame | None, show: str) -> tuple[pd.DataFrame, int]:
    """(the frame to explore, how many uploaded events repeat an id the data holds). ``show`` is "both",
    "bundled" or "upload"; the frame is sorted by date either way. With "both", an uploaded event whose id
    the data already holds is shown once, as the upload has it (a team's shared file uploaded to check it
    counted every event twice), and the count says how many; otherwise it is 0."""
    if uploaded is None or show == "bundled":
        return bundled, 0
    if show == "upload":
        return uploaded, 0
    again = bundled["event_id"].isin(uploaded["event_id"])
    repeated = int(again.sum())
    both = pd.concat([bundled[~again] if repeated else bundled, uploaded], ignore_index=True)
    return both.sort_values("event_date", kind="stable").reset_index(drop=True), repeated


@st.cache_resource(max_entries=8, show_spinner=False)
def shown(_frame: pd.DataFrame, token: str) -> pd.DataFrame:
    """The frame ``token`` names as the page shows it: admin1 and admin2 as display names
    (``places.display_admin1``, ``places.display_admin2``), worked out once per process (a shallow copy:
    two new columns)."""
    from .places import display_admin1, display_admin2

    return display_admin2(display_admin1(_frame))


def data_bounds(frame: pd.DataFrame):
    """((south, west), (north, east)) of the events with coordinates, or None."""
    lat, lon = frame["latitude"].dropna(), frame["longitude"].dropna()
    if lat.empty or lon.empty:
        return None
    return (float(lat.min()), float(lon.min())), (float(lat.max()), float(lon.max()))


@st.cache_resource(max_entries=8, show_spinner=False)
def options_for(_frame: pd.DataFrame, token: str) -> Options:
    """The filter widgets' options for the frame ``token`` names, worked out once per process."""
    return options(_frame)


@st.cache_data(max_entries=32, show_spinner=False)
def select(_frame: pd.DataFrame, token: str, filters) -> slice | np.ndarray:
    """``positions`` of ``filters`` in the frame ``token`` names (the frame itself is not hashed)."""
    return positions(_frame, filters)


def positions(frame: pd.DataFrame, filters) -> slice | np.ndarray:
    """Rows matching ``filters``: a slice when only the dates narrow the selection (``frame.iloc[slice]``
    copies nothing), else int32 positions. Dates by binary search, the rest vectorised on the window."""
    start, end = filters.start, filters.end
    if start and end and start > end:
        start, end = end, start
    window = date_window(frame, start, end)
    if filters.without_dates() == type(filters)():
        return window
    keep = mask(frame.iloc[window], filters)
    return (np.flatnonzero(keep) + window.start).astype(np.int32)


@st.cache_data(max_entries=64, show_spinner=False)
def layers_for(_selection: pd.DataFrame, _frame: pd.DataFrame, token: str, filters, selected: str | None,
               viewport: Viewport, _drafts: pd.DataFrame | None = None, drafts_token: str = "") -> dict:
    """The map layers' data for one selection and view (cached: panning back costs nothing); ``_drafts``:
    the pending drafts to draw in their own layer (``drafts_token`` names them)."""
    return layer_data(_selection, selected_from=_frame, selected=selected, viewport=viewport, drafts=_drafts)
