"""Which events the dashboard shows: the bundled curated set, another file, plus this session's upload.

Pick another file with ``streamlit run dashboard/app.py -- --data FILE`` or ``CONFLICTMAP_DATA=FILE``.
The loaded dataset is shared by every session (``st.cache_resource``) and never modified.
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

from .filters import apply
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


@st.cache_data(max_entries=256, show_spinner=False)
def select(_frame: pd.DataFrame, token: str, filters) -> np.ndarray:
    """Row positions of ``filters`` in the frame ``token`` names (the frame itself is not hashed)."""
    selected = apply(_frame.assign(_pos=np.arange(len(_frame))), filters)
    return selected["_pos"].to_numpy()


@st.cache_data(max_entries=64, show_spinner=False)
def layers_for(_selection: pd.DataFrame, _frame: pd.DataFrame, token: str, filters, selected: str | None) -> dict:
    """The map layers' data for one selection (cached: building features is the slow part at scale)."""
    return layer_data(_selection, selected_from=_frame, selected=selected)
