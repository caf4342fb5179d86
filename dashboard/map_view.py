"""The map on the page: one st_folium component whose base map stays mounted while its data layers change.

The base map (tiles, controls, legend) decides the component's identity; the event layers travel
as ``feature_group_to_add``, so a filter change redraws them without reloading the map. The app
reads back only the view and clicks (``returned_objects``), and runs the map in a fragment, so a pan
reruns the map alone, to write the new view into the URL and to redraw the layers for what is in
view: hexagons while that is more than ``aggregate.THRESHOLD`` events, individual events below.
A caption above the map always says which of the two the user is looking at.
"""
from __future__ import annotations

import math

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from . import aggregate, areas, basemaps, data, first_paint, offline, state, url_state
from .aggregate import Viewport
from .basemaps import base_map
from .map_layers import DRAFT_PREFIX, area_layer, has_drafts, layers_from_data, placed
from .url_state import View

RETURNED = ["center", "zoom", "bounds", "last_active_drawing", "last_object_clicked_count", "selected_layers"]
KEY = "map"
HEIGHT = 620
WIDTH_GUESS = 900  # px, for the view's extent before the map first reports its bounds
CLICKS = "_map_click_count"
BASE = "_map_basemap"
OPENING_VIEW = "_map_opening_view"
LAST_FILTERS = "_map_last_filters"
LAST_DRAFTS = "_map_last_drafts"


def clicked_event(out: dict | None) -> str | None:
    """Event id of the marker the user clicked last (event markers carry ``eid``, the selection ``sel``)."""
    feature = (out or {}).get("last_active_drawing") or {}
    props = feature.get("properties") or {} if isinstance(feature, dict) else {}
    value = props.get("eid") or props.get("sel")
    return str(value) if value else None


def clicked_area(out: dict | None) -> list[str] | None:
    """The admin1 values of the choropleth area the user clicked last (``a1f``), or None."""
    feature = (out or {}).get("last_active_drawing") or {}
    props = feature.get("properties") or {} if isinstance(feature, dict) else {}
    values = props.get("a1f")
    return [str(v) for v in values] if isinstance(values, list) and values else None


@st.cache_resource(max_entries=4, show_spinner=False)
def _located(_frame: pd.DataFrame, token: str) -> pd.DataFrame:
    """``areas.locate_events`` once per dataset (``token`` names it)."""
    return areas.locate_events(_frame)


def area_layers(selection: pd.DataFrame, frame: pd.DataFrame, token: str, measure: str, zoom: int | None):
    """([choropleth layer], legend SVG) for the selection, or ([], None) when shading is off."""
    if measure not in areas.MEASURES or selection.empty:
        return [], None
    located = _located(frame, token)
    level = areas.level_for(zoom)
    collection, lower = areas.features(areas.counts(selection, located, level), level, measure,
                                       areas.data_admin1(frame, located, level))
    return [area_layer(collection)], areas.legend_svg(lower, measure, level)


def returned_view(out: dict | None) -> View | None:
    center, zoom = (out or {}).get("center"), (out or {}).get("zoom")
    if not isinstance(center, dict) or "lat" not in center or "lng" not in center:
        return None
    lng = float(center["lng"])
    if not -180 <= lng <= 180:  # Leaflet lets a user pan round the world
        lng = ((lng + 180) % 360) - 180
    return View(float(center["lat"]), lng, int(zoom) if isinstance(zoom, (int, float)) else 0)


def returned_bounds(out: dict | None):
    """((south, west), (north, east)) the map reported, or None before it has reported real bounds."""
    raw = (out or {}).get("bounds") if isinstance(out, dict) else None
    try:
        sw, ne = raw["_southWest"], raw["_northEast"]
        south, west, north, east = (float(v) for v in (sw["lat"], sw["lng"], ne["lat"], ne["lng"]))
    except (KeyError, TypeError, ValueError):
        return None
    return None if north <= south or east <= west else ((south, west), (north, east))


def viewport(out: dict | None, request: View | None, data_bounds) -> Viewport:
    """What the user sees: the map's last report, else the view the URL asks for, else the data's extent."""
    bounds, view = returned_bounds(out), returned_view(out)
    if bounds is not None:
        return Viewport(bounds, view.zoom if view else None)
    if request is not None and request.zoom:
        half_lon = 180 / 2 ** request.zoom * WIDTH_GUESS / 256
        half_lat = half_lon * HEIGHT / WIDTH_GUESS * math.cos(math.radians(request.lat))
        return Viewport(((request.lat - half_lat, request.lon - half_lon),
                         (request.lat + half_lat, request.lon + half_lon)), request.zoom)
    return Viewport(None, _fit_zoom(data_bounds))


def _fit_zoom(bounds) -> int:
    """The zoom ``fit_bounds`` gives ``bounds`` (capped at 9 as in ``basemaps``), roughly."""
    if bounds is None:
        return 6
    (s, w), (n, e) = bounds
    span = max(n - s, (e - w) * HEIGHT / WIDTH_GUESS, 1e-6)
    return max(1, min(9, int(math.log2(360 / span * HEIGHT / 256))))


def drafts_off_view(drafts: pd.DataFrame | None, view: Viewport) -> int:
    """How many of ``drafts`` (pending drafts drawn on the map; rows without coordinates not counted) lie
    outside the bounds the map last reported (degrees; none without bounds): drafts the page counts as
    "on the map" that the analyst, panned or zoomed elsewhere, cannot see (nu31 M1)."""
    if drafts is None or drafts.empty or view.bounds is None:
        return 0
    drawn = placed(drafts)          # the drafts the map draws (map_layers.placed)
    lat, lon = drawn["latitude"].to_numpy(dtype="float64"), drawn["longitude"].to_numpy(dtype="float64")
    return int((~aggregate.in_bounds(lat, lon, view.bounds, pad=0.0)).sum())


def mode_caption(layer_data: dict, drafts_off: int = 0) -> str:
    """Which view the map shows, in words (no data text: numbers only); ``drafts_off``: pending drafts on
    the map but outside this view (``drafts_off_view``), said so the analyst knows to zoom out."""
    where = " in view" if layer_data.get("in_view") else ""
    shown = layer_data.get("shown", 0)
    if layer_data.get("mode") == "hexagons":
        said = (f"Showing {shown:,} events{where} as {layer_data['cells']:,} hexagons "
                "(zoom in or narrow the filters to see individual events)")
    else:
        said = f"Showing {shown:,} individual event{'s' if shown != 1 else ''}{where}"
    if drafts_off:
        said += (f"; {drafts_off} pending draft{' lies' if drafts_off == 1 else 's lie'} outside this view "
                 "(zoom out to see them)")
    return said


def density_legend(lower: list[int]) -> str:
    """An SVG of colour swatches with their count ranges (see aggregate.legend_svg)."""
    return aggregate.legend_svg("Events per hexagon:", lower)


def render(layer_data: dict, basemap: str, bounds, heat: bool, extra: list | None = None) -> dict | None:
    """Draw the map; returns what st_folium reports (view, last click). ``extra``: more layers (areas)."""
    # The view a link asked for when the page opened stays the base map's opening view for the
    # session: built in (not fitted, then moved), so the map never reports another view first.
    opening = st.session_state.setdefault(OPENING_VIEW, state.view_request() or state.current_view())
    fig = base_map(basemap, bounds, view=opening if opening and opening.zoom else None, drafts=has_drafts(layer_data))
    layers = list(extra or []) + layers_from_data(layer_data, heat=heat)
    problem = offline.asset_problem()
    if problem:
        st.error(problem, icon=":material/map:")
        return None
    offline.localize(fig)  # every script from this app, in every mode: no CDN
    for layer in layers:
        offline.localize(layer)
    if st.session_state.get(BASE) not in (None, basemap):
        # A new base map remounts the component: carry the current view over to it.
        state.select_event(state.selected_event(), view=state.current_view())
    st.session_state[BASE] = basemap
    request = state.view_request()
    return st_folium(
        fig,
        key=KEY,
        height=HEIGHT,
        use_container_width=True,
        feature_group_to_add=layers,
        layer_control=folium.LayerControl(collapsed=True),
        returned_objects=RETURNED,
        center=(request.lat, request.lon) if request else None,
        zoom=request.zoom or None if request else None,
    )


FIT_SHARE = 0.35  # the data's extent spans more than this share of a fitted view (one zoom more would cut it)
FIT_CENTRE_PX = 16  # a fitted view's centre lies this close to the data's centre (padding offsets it by 10 px)


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates of a point at ``zoom`` (Leaflet's EPSG:3857, 256 px tiles)."""
    scale = 256 * 2 ** zoom
    lat = max(min(lat, 85.05), -85.05)
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2
    return (lon + 180) / 360 * scale, y * scale


def shows_the_data(shown, data_bounds, view: View | None) -> bool:
    """Does the map show what a link without a view opens on: the data's whole extent fitted to the map
    (``basemaps.base_map``: centred on it, padding included, at the largest zoom that holds it, at most
    zoom 9)? ``shown`` and ``data_bounds``: ((south, west), (north, east)) in degrees; ``view``: the
    reported centre and zoom. A pan of more than ``FIT_CENTRE_PX`` or another zoom is a move."""
    if shown is None or data_bounds is None or view is None:
        return False
    (s, w), (n, e) = shown
    (ds, dw), (dn, de) = data_bounds
    if not (s <= ds and w <= dw and n >= dn and e >= de):
        return False   # some of the data is out of view: moved or zoomed in
    if not (view.zoom == basemaps.FIT_MAX_ZOOM or (dn - ds) > FIT_SHARE * (n - s) or (de - dw) > FIT_SHARE * (e - w)):
        return False   # zoomed out beyond the fit
    cx, cy = _pixel((ds + dn) / 2, (dw + de) / 2, view.zoom)
    vx, vy = _pixel(view.lat, view.lon, view.zoom)
    return max(abs(cx - vx), abs(cy - vy)) <= FIT_CENTRE_PX


def handle(out: dict | None, basemap: str, data_bounds=None) -> None:
    """Keep the URL's view in step with the map (a link without a view gets one only once the map
    leaves the data's fitted extent: ``shows_the_data``); a click on a marker selects its event (full
    rerun); a base map picked in the map's layer control becomes the ``base`` widget's value (and the URL's)."""
    view = returned_view(out)
    if view is not None:
        state.save_view(view, opening=shows_the_data(returned_bounds(out), data_bounds or basemaps.DEFAULT_BOUNDS, view))
    picked = basemaps.reported_basemap((out or {}).get("selected_layers"))
    if picked and picked != basemap and picked in basemaps.available():
        state.set_later("base", picked)
        st.rerun(scope="app")
    count = (out or {}).get("last_object_clicked_count")
    if count and count != st.session_state.get(CLICKS):
        st.session_state[CLICKS] = count
        picked_area = clicked_area(out)
        if picked_area:
            state.set_later("admin1", picked_area)
            st.rerun(scope="app")
        event_id = clicked_event(out)
        if event_id and event_id != state.selected_event():
            state.select_event(event_id)
            st.rerun(scope="app")


def share_panel(pairs: list[tuple[str, str]]) -> None:
    """The link to this exact view (filters, map view, selected event), ready to copy."""
    view, chosen = state.current_view(), state.selected_event()
    selected = state.shared_selection(chosen)
    full = list(pairs) + url_state.view_pairs(view) if view else list(pairs)
    if selected:
        full.append(("ev", selected))
    with st.popover("Share this view", icon=":material/link:"):
        st.caption("Copy this link: it opens the same filters, map view and selected event. "
                   "Uploaded files are not part of it.")
        if chosen and not selected:
            st.caption("The selected draft is not part of it: a pending draft lives only in this session "
                       "(accept it into the store to share it).")
        st.code(url_state.share_link(st.context.url, full), language=None, wrap_lines=True)


def follow_selection(selection: pd.DataFrame, filters) -> None:
    """After the user changes a filter, move the map to the selection when none of it is in view
    (fitted to its extent). The first run (a link being opened) keeps the link's view."""
    last = st.session_state.get(LAST_FILTERS)
    st.session_state[LAST_FILTERS] = filters
    if last is None or last == filters:
        return
    shown = returned_bounds(st.session_state.get(KEY))
    target = fit_view(selection, shown)
    if target is not None:
        state.select_event(state.selected_event(), view=target)


def fit_view(selection: pd.DataFrame, shown) -> View | None:
    """The view fitting ``selection``'s placed events when none of them lies in ``shown``
    (((south, west), (north, east)) degrees, or None when the map has not reported), else None."""
    drawn = placed(selection)
    if drawn.empty or shown is None:
        return None
    lat, lon = drawn["latitude"].to_numpy(dtype="float64"), drawn["longitude"].to_numpy(dtype="float64")
    if aggregate.in_bounds(lat, lon, shown, pad=0.0).any():
        return None
    return _fitted(lat, lon)


def _fitted(lat, lon) -> View:
    """The view fitting points ``lat``, ``lon`` (degrees, non-empty arrays): their extent's centre, at the zoom
    ``fit_bounds`` would give it."""
    bounds = ((float(lat.min()), float(lon.min())), (float(lat.max()), float(lon.max())))
    (s, w), (n, e) = bounds
    return View(round((s + n) / 2, 4), round((w + e) / 2, 4), _fit_zoom(bounds))


def drafts_fit(drafts: pd.DataFrame | None, shown) -> View | None:
    """The view fitting every placed draft of ``drafts`` when one of them lies outside ``shown`` (((south, west),
    (north, east)) degrees, or None when the map has not reported), else None: drafts from a report about another
    part of the region than the one in view are brought into it."""
    if drafts is None or drafts.empty or shown is None:
        return None
    drawn = placed(drafts)
    if drawn.empty:
        return None
    lat, lon = drawn["latitude"].to_numpy(dtype="float64"), drawn["longitude"].to_numpy(dtype="float64")
    if aggregate.in_bounds(lat, lon, shown, pad=0.0).all():
        return None
    return _fitted(lat, lon)


def follow_drafts(drafts: pd.DataFrame | None, drafts_token: str) -> None:
    """When a report has just been drafted (the pending drafts changed) and one of its drafts lies out of view,
    move the map to fit them (nu27: drafts of a Yemeni report stayed off a map showing Syria). A filter change
    or a pan never moves the map to them again."""
    batch = drafts_token.split("|", 1)[0]
    last = st.session_state.get(LAST_DRAFTS)
    st.session_state[LAST_DRAFTS] = batch
    if last is None or last == batch or not batch:
        return
    selected = state.selected_event()
    if selected and not selected.startswith(DRAFT_PREFIX):
        # nu32 M6: with a stored event selected, the map jumped to the drafts and left the selection off-screen; the
        # analyst's event keeps the view, and the map's caption counts the drafts outside it
        return
    target = drafts_fit(drafts, returned_bounds(st.session_state.get(KEY)))
    if target is not None:
        state.select_event(selected, view=target)


@st.fragment
def map_fragment(selection: pd.DataFrame, frame: pd.DataFrame, token: str, filters, selected: str | None,
                 basemap: str, bounds, heat: bool, share_pairs: list[tuple[str, str]], shade: str = "off",
                 drafts: pd.DataFrame | None = None, drafts_token: str = "") -> None:
    """Map and share link rerun together on a pan or click, without rerunning the page; the layers
    follow the view (hexagons or events), built from the shared frame and cached per view.
    ``drafts``: the pending drafts within the filters, drawn in their own layer (``drafts_token`` names them).
    The map's first report (its layers drawn) releases the panels a browser's first run held back."""
    reported = first_paint.waiting() and st.session_state.get(KEY) is not None
    if reported:
        first_paint.release()
    follow_selection(selection, filters)
    follow_drafts(drafts, drafts_token)
    view = viewport(st.session_state.get(KEY), state.view_request(), bounds).rounded()
    layers = data.layers_for(selection, frame, token, filters, selected, view, drafts, drafts_token)
    shaded, shade_legend = area_layers(selection, frame, token, shade, view.zoom)
    out = render(layers, basemap, bounds, heat, shaded)
    st.caption(mode_caption(layers, drafts_off_view(drafts, view)))
    if shade_legend:
        st.image(shade_legend)
    if layers["mode"] == "hexagons":
        st.image(density_legend(layers["breaks"]))
    handle(out, basemap, bounds)
    if not first_paint.waiting():  # its code block loads a highlighter: after the markers
        share_panel(share_pairs)
    if reported:
        st.rerun(scope="app")
