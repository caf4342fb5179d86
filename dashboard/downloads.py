"""Downloads of the current selection: CSV (spreadsheet-safe), GeoJSON, and a map that needs no server."""
from __future__ import annotations

import datetime as dt

import folium
import pandas as pd

from events.export import to_csv_bytes, to_geojson_bytes

from .basemaps import base_map
from .map_layers import build_layers

try:  # written by another part of the project; the dashboard works without it
    from . import offline
except ImportError:  # pragma: no cover - depends on the checkout
    offline = None

__all__ = ["file_stem", "map_figure", "map_html", "to_csv_bytes", "to_geojson_bytes"]


def file_stem(start: dt.date | None, end: dt.date | None) -> str:
    """conflict-events_2024-04-20_2024-04-22: names the window, so downloads do not overwrite each other."""
    if start and end:
        return f"conflict-events_{start:%Y-%m-%d}_{end:%Y-%m-%d}"
    return "conflict-events"


def map_figure(frame: pd.DataFrame, basemap: str, bounds, selected: str | None = None,
               heat: bool = False) -> folium.Map:
    """The dashboard's map with the selection's layers drawn straight on it."""
    fig = base_map(basemap, bounds)
    for layer in build_layers(frame, selected=selected, heat=heat):
        layer.add_to(fig)
    folium.LayerControl(collapsed=True).add_to(fig)
    return fig


def map_html(frame: pd.DataFrame, basemap: str, bounds, selected: str | None = None, heat: bool = False) -> bytes:
    """One HTML file: every script inlined when the vendored copies are there, CDN links otherwise."""
    fig = map_figure(frame, basemap, bounds, selected, heat)
    if offline is not None:
        try:
            return offline.standalone_html(fig).encode("utf-8")
        except Exception:  # noqa: BLE001 - a missing vendored file must not lose the download
            fig = map_figure(frame, basemap, bounds, selected, heat)
    return fig.get_root().render().encode("utf-8")


def downloads_panel(frame: pd.DataFrame, stem: str, basemap: str, bounds, selected: str | None, heat: bool) -> None:
    """Three buttons; each file is built only when its button is pressed."""
    import streamlit as st

    empty = frame.empty
    csv, geojson, html = st.columns(3)
    csv.download_button("⬇ CSV", data=lambda: to_csv_bytes(frame), file_name=f"{stem}.csv", mime="text/csv",
                        on_click="ignore", disabled=empty, width="stretch",
                        help="Spreadsheet-safe: cells that would run as formulas are quoted.")
    geojson.download_button("⬇ GeoJSON", data=lambda: to_geojson_bytes(frame), file_name=f"{stem}.geojson",
                            mime="application/geo+json", on_click="ignore", disabled=empty, width="stretch")
    html.download_button("⬇ Map (HTML)", data=lambda: map_html(frame, basemap, bounds, selected, heat),
                         file_name=f"{stem}.html", mime="text/html", on_click="ignore", disabled=empty,
                         width="stretch", help="A standalone map that opens in a browser without this server.")
