"""Conflict event map: the page layout. Every decision lives in the small modules beside this file.

Run with ``streamlit run dashboard/app.py`` (``-- --data FILE`` for another dataset).
Order on the page: one compact header row (title + headline figures), the map, the timeline,
counts by type and the selected event, then the table and downloads.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run` puts only dashboard/ on the path

import streamlit as st  # noqa: E402

from dashboard import auth, clamp, controls, data, draft_counts, editing, first_paint, layout, offline, places, state, store_view, summary, timeline, url_state  # noqa: E402,E501
from dashboard.details import details_panel, event_record  # noqa: E402
from dashboard.downloads import downloads_panel, file_stem  # noqa: E402
from dashboard.drafts_panel import Pending, drafts_panel  # noqa: E402
from dashboard.fetch_panel import load_report  # noqa: E402
from dashboard.map_layers import DRAFT_PREFIX  # noqa: E402
from dashboard.map_view import map_fragment  # noqa: E402
from dashboard.safe_text import plain  # noqa: E402
from dashboard.table import table_panel  # noqa: E402
from dashboard.upload_panel import own_name, own_token, upload_panel  # noqa: E402
from geodata.datadir import notices as data_dir_notices  # noqa: E402

st.set_page_config(page_title="Conflict event map", page_icon="🗺️", layout="wide")
layout.page_style()
state.apply_pending()
lean = first_paint.lean()  # a browser's first run: the map first, the panels once it has reported

# --- the events: bundled dataset (shared, cached) plus this session's upload -------------------
path = data.dataset_path()
if store_view.reads_store():  # no --data FILE: the event store (created from the bundled CSV on first start)
    dataset, _ = store_view.current_dataset(store_view.show_retired())  # a problem is a data-dir notice
else:
    dataset = data.current_dataset(path)  # the last good version of the file
filters_box, map_box = st.sidebar.container(), st.sidebar.container()
with st.sidebar:
    st.divider()
    uploaded, show = (None, "bundled") if lean else upload_panel()  # a file and/or events pulled from ACLED/UCDP
    if store_view.reads_store() and not lean:  # (a new session has none of them yet)
        store_view.retired_control()
    if (store_view.reads_store() or auth.login_configured()) and not lean:  # signing in: editing, pulling
        auth.login_panel()
if dataset.result is None:
    st.error(plain(data.dataset_notice(dataset), 400))
    if uploaded is None:
        st.stop()
    bundled = uploaded.iloc[0:0]
else:
    bundled = dataset.result.frame
    if dataset.problem:
        st.warning(plain(data.dataset_notice(dataset), 400))
    if st.session_state.setdefault("_dataset_version", dataset.version) != dataset.version:
        st.session_state["_dataset_version"] = dataset.version
        st.toast(f"The data was updated: {len(bundled):,} events.")
frame, repeated = data.combine(bundled, uploaded, show)

# The page's order, top to bottom: title and figures, notices, the map, then the drafts' review (the drafts
# are on the map, and the review must not push the map off the first screen).
head = st.container(horizontal=True, vertical_alignment="bottom", gap="medium", key="headline")
for notice in data_dir_notices(hide_paths=True):  # a cache rebuilt, a read-only data dir, a broken import
    st.caption(f":material/warning: {plain(notice, 400)}")
if repeated:
    st.caption(f":material/content_copy: {repeated:,} uploaded event{' has an id' if repeated == 1 else 's have ids'} "
               "already in the data: each is shown once, as the upload has it.")
notice_box = st.container()
map_area = st.container()
review_box = st.container()
# "Draft from a report": events accepted this session join the view; pending drafts stay apart from it
# (nu14/H5, M2: a 2019 draft stretched the timeline, which reset the analyst's window and the URL, and drafts
# were counted in "Showing N", the clusters and the histogram): they are drawn in a layer of their own
frame, accepted_token, pending = (frame, "", Pending()) if lean else drafts_panel(frame, review_box)
token = f"{path}|{dataset.version}|{own_token()}|{show}|{accepted_token}"
frame = data.shown(frame, token)  # each governorate under its one display name (dashboard.places)
drafts = None if pending.frame is None else places.display_admin2(places.display_admin1(pending.frame))
if frame.empty:
    if lean:  # no events: the upload box is what this page is for
        first_paint.release_and_rerun()
    head.title("Conflict event map")
    st.info("There are no events to show. Add a CSV or GeoJSON file of events in the sidebar.")
    st.stop()
opts = data.options_for(frame, token)

bounds = data.data_bounds(frame)
notices = state.check_url_once(opts, bounds)

# --- filters --------------------------------------------------------------------------------------
window_note = None  # the data changed under the session and the date window held none of its days
if clamp.RESET in clamp.keep_in_bounds(opts, *controls.slider_bounds(opts)):
    window_note = (f"The date window held no events of the data now shown, so the timeline shows all its dates "
                   f"({opts.first} to {opts.last}).")
# A browser's first run of a plain link draws no widget before the map (each kind loads its own code
# ahead of the map's): the values are the widgets' untouched defaults, as the next run draws them.
bare = lean and not url_state.widget_params(st.query_params)
with filters_box:
    st.header("Filters")
    chosen = controls.untouched_filters() if bare else controls.filter_controls(opts)
with map_box:
    basemap, heat, shade = controls.untouched_map_controls() if bare else controls.map_controls()

# --- the timeline under the map (its value is needed above it, so it is drawn first) ---------------
if bare:
    window = controls.untouched_window(opts)
else:
    with st.container(key="timeline"):
        window = controls.date_control(opts)
        controls.playback_controls(window, opts)
chosen = dataclasses.replace(chosen, start=window[0], end=window[1])
selection = frame.iloc[data.select(frame, token, chosen)]  # a view, not a copy, when only dates narrow it
if not bare:
    undated = frame[["event_date", "fatalities"]].iloc[data.select(frame, token, chosen.without_dates())]
    first, last = controls.slider_bounds(opts)
    # An SVG image, not a chart: no chart library for the browser to load before the first markers.
    controls.histogram_panel(timeline.histogram(undated, first, last, window), timeline.bin_for(first, last))

# Headline figures count stored events only; pending drafts (on the map, in their own layer) are said beside
# them, with those the filters leave off the map. The counts, the table and every download hold stored events
# only too: a draft is an event only once accepted.
events_shown = selection
# A window that is the whole span of the stored events narrows nothing: drafts dated outside it (a 2024-09 report
# over data ending 2024-04) stay on the map rather than "outside the dates shown" with no way to see them (nu15/M1)
whole_span = tuple(window) == tuple(controls.slider_bounds(opts))
drafts_view = draft_counts.split(drafts, chosen.without_dates() if whole_span else chosen)
drafts_line = draft_counts.caption(drafts_view, len(pending.unplaced), len(pending.refused))
fig = summary.headline(events_shown)
head.title("Conflict event map")

if notices or window_note:  # one compact row above the map (the map's first markers stay on the first screen)
    with notice_box.container(horizontal=True, vertical_alignment="center", gap="small", key="link_notice"):
        if notices:
            st.warning("**Link adjusted:** " + " ".join(notices), icon=":material/link_off:")
            st.button("", icon=":material/close:", help="Dismiss", key="dismiss_notices",
                      on_click=state.dismiss_notices, type="tertiary")
        if window_note:
            st.info(window_note, icon=":material/date_range:")

# --- map ------------------------------------------------------------------------------------------------
selected = state.selected_event()
if selected:
    state.focus_selected_once(event_record(frame, selected))
if lean and (selection.empty or offline.asset_problem()):  # no map to wait for
    first_paint.release_and_rerun()
with map_area:
    if selection.empty:
        st.info("No events match these filters. Widen the dates or clear a filter in the sidebar.")
    map_fragment(selection, frame, token, chosen, selected, basemap, bounds, heat,
                 url_state.query_pairs(chosen, opts, basemap, heat, areas=shade), shade,
                 drafts_view.shown, f"{pending.token}|{chosen}")
    if fig.off_map and not selection.empty:  # under the map: the map keeps its place (and stays first on a phone)
        st.caption(f"{fig.off_map} selected event(s) have no coordinates (place not found, or more than one "
                   "place fits the name): "
                   "they are in the table, not on the map.")
with head:  # after the map in the script: the browser fetches the map's code before the figures'
    summary.headline_metrics(fig, len(frame), opts)
    if drafts_line:
        st.caption(drafts_line)

if lean:  # the rest once the map has reported (map_fragment releases it) or after a fallback delay
    state.sync_selected_to_url()
    first_paint.fallback_timer()
    st.stop()

# --- what loading the dataset found (rejected rows, kept rows with a warning), folded -----------------
if dataset.result is not None and (dataset.result.errors or dataset.result.warnings):
    with st.container(key="dataset_report"):
        load_report(dataset.result, expanded=False, name=dataset.name)

# --- counts by type and the selected event ---------------------------------------------------------
by_type, record = st.columns([2, 3])
with by_type:
    st.markdown("**By type**")
    summary.counts_panel(events_shown)
with record:
    st.markdown("**Selected event**")
    if details_panel(drafts if drafts is not None and selected and selected.startswith(DRAFT_PREFIX) else frame,
                     selected):
        st.button("Clear selection", key="clear_selection", on_click=state.select_event, args=(None,))
    editing.history_panel(store_view.app_store(), selected)
state.sync_selected_to_url()

# --- table and downloads ------------------------------------------------------------------------------
# what the page read: the event store (nu9: the standalone map said "Data: events.csv" while the page read
# the store, which held accepted drafts by then) or the file named with --data
base_name = "the event store" if store_view.reads_store() else path.name
st.subheader(f"Events ({len(events_shown):,})")
table_panel(events_shown)
downloads_panel(events_shown, file_stem(*window, chosen, dataset=show), basemap, bounds, selected, heat,
                key=f"{token}|{chosen}|{basemap}|{heat}|{selected}", filters=chosen,
                # nu10: the standalone map said "an uploaded file" without saying which
                source={"upload": f"the uploaded file {own_name()}",
                        "both": f"{base_name} + the uploaded file {own_name()}"}.get(show, base_name))

# --- curating the store (signed-in editors only; nothing here for anyone else) ----------------------
editing.editing_panel(store_view.app_store(), selected, uploaded, own_name())
