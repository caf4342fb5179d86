"""Which events the dashboard shows: the bundled curated set, another file, plus this session's upload.

Pick another file with ``streamlit run dashboard/app.py -- --data FILE`` or ``CONFLICTMAP_DATA=FILE``.
The loaded dataset is shared by every session (``st.cache_resource``) and never modified;
selections are row positions (a slice when only the dates narrow it), so a session never
holds its own copy of a million-row frame.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from events import CURATED_PATH, LoadError, LoadResult, load

from .aggregate import Viewport
from .filters import Options, date_window, mask, options
from .map_layers import layer_data

ENV_DATA = "CONFLICTMAP_DATA"
SOURCE_COLUMN = "dataset"  # which file an event came from, when an upload is shown with the bundled set


def dataset_path(argv: list[str] | None = None, environ=os.environ) -> Path:
    """``--data FILE`` from the command line, else $CONFLICTMAP_DATA, else the bundled curated events."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data")
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return Path(args.data or environ.get(ENV_DATA) or CURATED_PATH)


@st.cache_resource(show_spinner="Loading and geocoding the events…")
def load_dataset(path: str, mtime: float) -> LoadResult | str:
    """The dataset at ``path`` (``mtime`` makes an edited file load again), or why it cannot be read."""
    try:
        return load(path)
    except LoadError as exc:
        return str(exc)


def file_mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def combine(bundled: pd.DataFrame, uploaded: pd.DataFrame | None, show: str) -> pd.DataFrame:
    """The frame to explore: ``show`` is "both", "bundled" or "upload"; sorted by date either way."""
    if uploaded is None or show == "bundled":
        return bundled
    if show == "upload":
        return uploaded
    both = pd.concat([bundled, uploaded], ignore_index=True)
    return both.sort_values("event_date", kind="stable").reset_index(drop=True)


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
               viewport: Viewport) -> dict:
    """The map layers' data for one selection and view (cached: panning back costs nothing)."""
    return layer_data(_selection, selected_from=_frame, selected=selected, viewport=viewport)
