"""How the dashboard's map scales with the number of events: load, update, payload, memory.

    python benchmarks/dashboard_scale.py --n 100000 --baseline
    python benchmarks/dashboard_scale.py --n 1000000 --json

Generates N synthetic events (``make_events``) into a temporary Parquet file (or reads ``--data``),
then in this one process measures:

- ``load_s``: ``events.load`` of the Parquet file (what the app does once per process);
- ``update_s``: a filter change (the date window narrowed to the latest ``--days`` days) until the map
  payload is finished: selection + layer data + folium layers + their rendered JS, as the app does it
  with the map fitted to the data (no cache);
- ``payload_bytes``: the map payload, i.e. the UTF-8 bytes of the feature groups' JS that
  streamlit-folium sends to the browser (``feature_group_to_add``), base map excluded;
- ``peak_rss_mb``: the process's peak resident memory.

``--baseline`` also builds what most tutorials do on the same selection: a ``folium.Map`` with a
``MarkerCluster`` and one ``folium.Marker`` with a ``folium.Popup`` per event; its payload is the
bytes of ``m.get_root().render()`` and its time is build + render. It is slow: minutes at 100,000.
``zoomed_*`` figures repeat the update with the map zoomed in on the busiest place (zoom 11).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import folium  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from folium.plugins import MarkerCluster  # noqa: E402
from streamlit_folium import _get_feature_group_string  # noqa: E402

from dashboard.aggregate import Viewport  # noqa: E402
from dashboard.basemaps import base_map  # noqa: E402
from dashboard.data import data_bounds, positions  # noqa: E402
from dashboard.filters import Filters  # noqa: E402
from dashboard.map_layers import layer_data, layers_from_data  # noqa: E402
from dashboard.map_view import _fit_zoom  # noqa: E402
from events import load  # noqa: E402


def payload(layers: list[folium.FeatureGroup], bounds) -> int:
    """Bytes of the feature groups' JS as streamlit-folium builds it for the browser."""
    fig = base_map("light", bounds)
    return sum(len(_get_feature_group_string(fg, fig, idx).encode()) for idx, fg in enumerate(layers))


def update(frame: pd.DataFrame, filters: Filters, viewport: Viewport, bounds) -> tuple[float, int, dict]:
    start = time.perf_counter()
    selection = frame.iloc[positions(frame, filters)]
    data = layer_data(selection, viewport=viewport)
    size = payload(layers_from_data(data), bounds)
    return time.perf_counter() - start, size, data


def baseline(selection: pd.DataFrame, bounds) -> tuple[float, int]:
    """The point-per-marker map: MarkerCluster + one Marker and Popup per event, fully rendered."""
    start = time.perf_counter()
    fig = base_map("light", bounds, legend=False)
    cluster = MarkerCluster().add_to(fig)
    rows = selection[selection["latitude"].notna() & selection["longitude"].notna()]
    for lat, lon, date, kind, place, fat in zip(rows["latitude"], rows["longitude"], rows["event_date"],
                                                 rows["event_type"], rows["location"], rows["fatalities"]):
        text = f"{date:%Y-%m-%d} {kind} at {place}: {fat} killed"
        folium.Marker([lat, lon], popup=folium.Popup(text, max_width=300), tooltip=str(kind)).add_to(cluster)
    html = fig.get_root().render()
    return time.perf_counter() - start, len(html.encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--data", help="an existing Parquet file of N events (else one is generated)")
    parser.add_argument("--days", type=int, default=5 * 365, help="the date window after the change")
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.data or str(Path(tmp) / f"events_{args.n}.parquet")
        if not args.data:
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_events.py"), str(args.n), "--out", path],
                           check=True, capture_output=True)
        start = time.perf_counter()
        frame = load(path).frame
        load_s = time.perf_counter() - start

    bounds = data_bounds(frame)
    last = frame["event_date"].iloc[-1].date()
    window = Filters(start=last - dt.timedelta(days=args.days - 1), end=last)
    fitted = Viewport(None, _fit_zoom(bounds))
    update(frame, Filters(), fitted, bounds)  # the first run: imports and caches warm, as in a live app
    update_s, size, data = update(frame, window, fitted, bounds)
    selected = len(frame.iloc[positions(frame, window)])

    # Zoomed in on the busiest place: the in-view part decides between hexagons and events.
    lat, lon = frame["latitude"].round(1), frame["longitude"].round(1)
    (blat, blon) = pd.DataFrame({"a": lat, "b": lon}).value_counts().index[0]
    half = 180 / 2 ** 11 * 900 / 256
    zoomed = Viewport(((blat - half * 0.6, blon - half), (blat + half * 0.6, blon + half)), 11)
    zoomed_s, zoomed_size, zoomed_data = update(frame, window, zoomed, bounds)

    out = {"n": args.n, "selected": selected, "load_s": round(load_s, 3), "update_s": round(update_s, 3),
           "payload_bytes": size, "mode": data["mode"], "cells": data["cells"],
           "zoomed_update_s": round(zoomed_s, 3), "zoomed_payload_bytes": zoomed_size,
           "zoomed_mode": zoomed_data["mode"], "zoomed_shown": zoomed_data["shown"]}
    if args.baseline:
        base_s, base_size = baseline(frame.iloc[positions(frame, window)], bounds)
        out.update(baseline_update_s=round(base_s, 3), baseline_payload_bytes=base_size,
                   speedup=round(base_s / update_s, 1), size_ratio=round(base_size / size, 1))
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        print(json.dumps(out))
        return
    for key, value in out.items():
        print(f"{key:>24}: {value:,}" if isinstance(value, (int, float)) else f"{key:>24}: {value}")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
