"""The map on the page: one st_folium component whose base map stays mounted while its data layers change.

The base map (tiles, controls, legend) decides the component's identity; the event layers travel
as ``feature_group_to_add``, so a filter change redraws them without reloading the map. The app
reads back only the view and clicks (``returned_objects``), and runs the map in a fragment, so a pan
reruns the map alone, to write the new view into the URL.
"""
from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from . import state, url_state
from .basemaps import base_map
from .map_layers import layers_from_data
from .url_state import View

try:  # written by another part of the project; the dashboard works without it
    from . import offline
except ImportError:  # pragma: no cover - depends on the checkout
    offline = None

RETURNED = ["center", "zoom", "last_active_drawing", "last_object_clicked_count"]
HEIGHT = 620
CLICKS = "_map_click_count"
BASE = "_map_basemap"


def _offline() -> bool:
    return offline is not None and offline.offline_enabled()


def clicked_event(out: dict | None) -> str | None:
    """Event id of the marker the user clicked last (event markers carry ``eid``, the selection ``sel``)."""
    feature = (out or {}).get("last_active_drawing") or {}
    props = feature.get("properties") or {} if isinstance(feature, dict) else {}
    value = props.get("eid") or props.get("sel")
    return str(value) if value else None


def returned_view(out: dict | None) -> View | None:
    center, zoom = (out or {}).get("center"), (out or {}).get("zoom")
    if not isinstance(center, dict) or "lat" not in center or "lng" not in center:
        return None
    lng = float(center["lng"])
    if not -180 <= lng <= 180:  # Leaflet lets a user pan round the world
        lng = ((lng + 180) % 360) - 180
    return View(float(center["lat"]), lng, int(zoom) if isinstance(zoom, (int, float)) else 0)


def render(layer_data: dict, basemap: str, bounds, heat: bool) -> dict | None:
    """Draw the map; returns what st_folium reports (view, last click)."""
    fig = base_map(basemap, bounds)
    layers = layers_from_data(layer_data, heat=heat)
    if _offline():
        offline.localize(fig)
        for layer in layers:
            offline.localize(layer)
    if st.session_state.get(BASE) not in (None, basemap):
        # A new base map remounts the component: carry the current view over to it.
        state.select_event(state.selected_event(), view=state.current_view())
    st.session_state[BASE] = basemap
    request = state.view_request()
    return st_folium(
        fig,
        key="map",
        height=HEIGHT,
        use_container_width=True,
        feature_group_to_add=layers,
        layer_control=folium.LayerControl(collapsed=True),
        returned_objects=RETURNED,
        center=(request.lat, request.lon) if request else None,
        zoom=request.zoom or None if request else None,
    )


def handle(out: dict | None) -> None:
    """Keep the URL's view in step with the map; a click on a marker selects its event (full rerun)."""
    view = returned_view(out)
    if view is not None:
        state.save_view(view)
    count = (out or {}).get("last_object_clicked_count")
    if count and count != st.session_state.get(CLICKS):
        st.session_state[CLICKS] = count
        event_id = clicked_event(out)
        if event_id and event_id != state.selected_event():
            state.select_event(event_id)
            st.rerun(scope="app")


def share_panel(pairs: list[tuple[str, str]]) -> None:
    """The link to this exact view (filters, map view, selected event), ready to copy."""
    view, selected = state.current_view(), state.selected_event()
    full = list(pairs) + url_state.view_pairs(view) if view else list(pairs)
    if selected:
        full.append(("ev", selected))
    with st.popover("Share this view", icon=":material/link:"):
        st.caption("Copy this link: it opens the same filters, map view and selected event. "
                   "Uploaded files are not part of it.")
        st.code(url_state.share_link(st.context.url, full), language=None, wrap_lines=True)


@st.fragment
def map_fragment(layer_data: dict, basemap: str, bounds, heat: bool, share_pairs: list[tuple[str, str]]) -> None:
    """Map and share link rerun together on a pan or click, without rerunning the page."""
    handle(render(layer_data, basemap, bounds, heat))
    share_panel(share_pairs)
