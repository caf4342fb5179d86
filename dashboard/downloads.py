"""Downloads of the current selection: CSV (spreadsheet-safe), GeoJSON, and a map that needs no server
(built by ``html_export``)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from events.export import to_csv_bytes, to_geojson_bytes

from . import offline
from .html_export import map_figure, map_html  # noqa: F401 - map_figure re-exported

__all__ = ["file_stem", "map_figure", "map_html", "to_csv_bytes", "to_geojson_bytes"]


# What each dataset choice (dashboard.upload_panel.SHOW_LABELS) calls its downloads.
DATASET_STEMS = {"bundled": "conflict-events", "both": "conflict-events-with-upload", "upload": "uploaded-events"}


def file_stem(start: dt.date | None, end: dt.date | None, filters=None, dataset: str = "bundled") -> str:
    """The download's file name without extension, naming what it holds so downloads neither overwrite
    nor pass for each other: ``conflict-events_2024-04-20_2024-04-22``; from an upload alone
    ``uploaded-events_...``, from the bundled data and an upload ``conflict-events-with-upload_...``
    (``dataset``: "bundled", "both" or "upload"); with a country filter its ISO
    codes (``conflict-events_IQ-SY_...``); with one or two governorates their names in ASCII
    (``conflict-events_SY_Deir-ez-Zor_...``); with any other filter (type, actor, more governorates,
    fatalities, text) ``_filtered`` (the HTML map's title says which). ``filters``: a
    ``dashboard.filters.Filters`` or None."""
    parts = [DATASET_STEMS.get(dataset, DATASET_STEMS["bundled"])]
    named_admin1 = filters is not None and 0 < len(filters.admin1) <= 2
    if filters is not None:
        codes = [c for c in filters.countries if isinstance(c, str) and c.isascii() and c.isalpha() and len(c) == 2]
        if codes:
            parts.append("-".join(sorted(c.upper() for c in codes)))
        if named_admin1:
            parts.append("-".join(_ascii_words(name) for name in filters.admin1))
    if start and end:
        parts.append(f"{start:%Y-%m-%d}_{end:%Y-%m-%d}")
    if filters is not None and (filters.types or filters.subs or filters.actor or filters.admin2
                                or (filters.admin1 and not named_admin1)
                                or filters.min_fatalities or filters.text):
        parts.append("filtered")
    return "_".join(p for p in parts if p)


def _ascii_words(name: str) -> str:
    """``Ṣalāḥ ad Dīn`` -> ``Salah-ad-Din``: letters and digits of the name without accents, joined by "-"
    (nothing else of a value from a link reaches a file name)."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[A-Za-z0-9]+", plain))[:60]


PREPARED = "_prepared_downloads"  # session state: kind -> (selection key, bytes)
KINDS = {  # kind -> (label, MIME type, help)
    "csv": ("CSV", "text/csv", "Spreadsheet-safe: cells that would run as formulas are quoted."),
    "geojson": ("GeoJSON", "application/geo+json", "Points with every column as properties."),
    "html": ("Map (HTML)", "text/html", "A standalone map, titled with its filters, data and date: it opens "
                                        "in a browser without this server or the internet."),
}


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1_048_576 else f"{n / 1_048_576:,.1f} MB"


REQUESTED = "_requested_downloads"  # session state: kinds asked for by a button press, built on the next run


def _prepare(kind: str) -> None:
    """Button callback: note the request; the run that follows builds the file for the selection it
    shows. (Building here, with the selection of the run that drew the button, loses the press when
    that run's selection is already stale, e.g. a map click arriving with the same rerun.)"""
    import streamlit as st

    st.session_state.setdefault(REQUESTED, set()).add(kind)


def downloads_panel(frame: pd.DataFrame, stem: str, basemap: str, bounds, selected: str | None, heat: bool,
                    key: str = "", filters=None, source: str = "") -> None:
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
    builders = {"csv": lambda: to_csv_bytes(frame, bom=True), "geojson": lambda: to_geojson_bytes(frame),
                "html": lambda: map_html(frame, basemap, bounds, selected, heat, filters=filters, source=source)}
    for kind in st.session_state.pop(REQUESTED, set()):
        if kind in builders and kind not in prepared:
            prepared[kind] = (key, builders[kind]())  # kept for this session, for this selection
    missing = offline.missing_files()  # the map scripts are gone: the page says so above the map
    endings = {"csv": "csv", "geojson": "geojson", "html": "html"}
    for column, (kind, (label, mime, help_text)) in zip(st.columns(3), KINDS.items()):
        if kind in prepared:
            data = prepared[kind][1]
            column.download_button(f"Save {label} ({_size(len(data))})", data=data, file_name=f"{stem}.{endings[kind]}",
                                   mime=mime, on_click="ignore", key=f"save_{kind}", type="primary",
                                   icon=":material/download:", width="stretch", help=help_text)
        else:
            column.button(f"⬇ {label}", key=f"prepare_{kind}", on_click=_prepare, args=(kind,),
                          disabled=frame.empty or (kind == "html" and bool(missing)), width="stretch",
                          help=f"Builds the file for this selection. {help_text}")
