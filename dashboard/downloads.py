"""Downloads of the current selection: CSV (spreadsheet-safe), GeoJSON, and a map that needs no server."""
from __future__ import annotations

import datetime as dt
import json

import folium
import pandas as pd
from jinja2.utils import htmlsafe_json_dumps

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
    held = _hold_back_data(fig)
    html = None
    if offline is not None:
        try:
            # Online users keep their base map's tiles; offline mode drops them (they could not load).
            html = offline.standalone_html(fig, keep_remote_tiles=not offline.offline_enabled())
        except Exception:  # noqa: BLE001 - a missing vendored file must not lose the download
            fig = map_figure(frame, basemap, bounds, selected, heat)
            held = _hold_back_data(fig)
    if html is None:
        html = fig.get_root().render()
    for placeholder, data in held.items():
        html = html.replace(placeholder, data)
    return html.encode("utf-8")


# A folium render runs each layer's script through Jinja twice (branca wraps the rendered text in a
# new Template), so "{{ ... }}" in an event's notes would run as template code on this server. The
# event data therefore goes in only after rendering, with Jinja's openers written as JSON escapes.
_JINJA_OPENERS = (("{{", "{\\u007b"), ("{%", "{\\u0025"), ("{#", "{\\u0023"))


def _jinja_inert_json(data) -> str:
    """``data`` as Jinja's ``tojson`` writes it (safe inside <script>), with no Jinja opener left in it.
    Outside strings JSON never has "{{", "{%" or "{#", so only string contents change, to equal escapes."""
    text = str(htmlsafe_json_dumps(data))
    for opener, escaped in _JINJA_OPENERS:
        text = text.replace(opener, escaped)
    return text


def _walk(element):
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def _hold_back_data(fig: folium.Map) -> dict[str, str]:
    """Swap every embedded GeoJSON layer's data for a placeholder; returns {placeholder as rendered: JSON}."""
    held = {}
    for element in list(_walk(fig)):
        if isinstance(element, folium.GeoJson) and element.embed and not isinstance(element.data, str):
            token = f"conflictmap-data-{element.get_name()}"
            held[json.dumps(token)] = _jinja_inert_json(element.data)
            element.data = token
    return held


PREPARED = "_prepared_downloads"  # session state: kind -> (selection key, bytes)
KINDS = {  # kind -> (label, MIME type, help)
    "csv": ("CSV", "text/csv", "Spreadsheet-safe: cells that would run as formulas are quoted."),
    "geojson": ("GeoJSON", "application/geo+json", "Points with every column as properties."),
    "html": ("Map (HTML)", "text/html", "A standalone map that opens in a browser without this server."),
}


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1_048_576 else f"{n / 1_048_576:,.1f} MB"


def _prepare(kind: str, key: str, build) -> None:
    """Button callback: build the file once and keep it for this session, for this selection."""
    import streamlit as st

    st.session_state.setdefault(PREPARED, {})[kind] = (key, build())


def downloads_panel(frame: pd.DataFrame, stem: str, basemap: str, bounds, selected: str | None, heat: bool,
                    key: str = "") -> None:
    """Three files of the selection. Pressing "⬇ CSV" builds the file and keeps it for this session
    until the selection (``key``) changes; "Save CSV" then serves it.

    Why not Streamlit's deferred download (``data=callable``): the file it generates is referenced
    by no session, and every session's next run sweeps unreferenced files, so on a busy server the
    browser's request for it often comes too late (404, the page shows nothing). A file given as
    bytes is registered with this session on each of its runs, so only this session's own later
    runs can retire it -- and it is given again on each of them while the selection stands."""
    import streamlit as st

    prepared = st.session_state.setdefault(PREPARED, {})
    for kind in [k for k, (made_for, _) in prepared.items() if made_for != key]:
        del prepared[kind]  # made for another selection: never serve a file that is not what is shown
    builders = {"csv": lambda: to_csv_bytes(frame), "geojson": lambda: to_geojson_bytes(frame),
                "html": lambda: map_html(frame, basemap, bounds, selected, heat)}
    endings = {"csv": "csv", "geojson": "geojson", "html": "html"}
    for column, (kind, (label, mime, help_text)) in zip(st.columns(3), KINDS.items()):
        if kind in prepared:
            data = prepared[kind][1]
            column.download_button(f"Save {label} ({_size(len(data))})", data=data, file_name=f"{stem}.{endings[kind]}",
                                   mime=mime, on_click="ignore", key=f"save_{kind}", type="primary",
                                   icon=":material/download:", width="stretch", help=help_text)
        else:
            column.button(f"⬇ {label}", key=f"prepare_{kind}", on_click=_prepare, args=(kind, key, builders[kind]),
                          disabled=frame.empty, width="stretch", help=f"Builds the file for this selection. {help_text}")
