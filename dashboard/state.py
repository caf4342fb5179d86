"""Session glue between the URL and the page: first-load checks, the selected event, the map view.

Filter widgets sync themselves with the URL (``bind="query-params"``); this module handles what
is not a widget (``ev``, ``lat``/``lon``/``z``) and the values the app sets on a widget's behalf
(playback moving the ``dates`` window).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import url_state
from .filters import Options
from .map_layers import DRAFT_PREFIX
from .url_state import View

NOTICES = "_url_notices"
SELECTED = "_selected_event"
VIEW_REQUEST = "_view_request"
PENDING = "_pending_widget_values"
CHECKED = "_url_checked"
DATE_RANGE = "_date_range"  # the slider's ends: the data's span, widened to a link's window outside it
DATES_KEY = "dates"
FOCUSED = "_focused_selected"
LINK = "_link_as_opened"  # the URL's parameters on the session's first run
CHECKED_DATA = "_url_checked_against"  # the data (its span) the notices and DATE_RANGE were worked out for


def check_url_once(opts: Options, bounds=None) -> list[str]:
    """On a session's first run, read the URL as opened: notices for what will be ignored, the selected
    event and map view it asks for; drop the invalid non-widget values from the address bar.
    ``bounds``: the data's ((south, west), (north, east)) in degrees, whose centre a link's ``z`` alone
    zooms around (``url_state.link_view``); a partial view is completed in the address bar too."""
    if st.session_state.get(CHECKED) and st.session_state.get(CHECKED_DATA) != _span(opts):
        _recheck_for_new_data(opts)
    if not st.session_state.get(CHECKED):
        st.session_state[CHECKED] = True
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state[LINK], st.session_state[CHECKED_DATA] = params, _span(opts)
        for key, respell, allowed in (("admin1", url_state.respell_admin1, opts.admin1),
                                      ("admin2", url_state.respell_admin2, opts.admin2)):
            if params.get(key):  # another spelling of a governorate/district the data has: its display name
                respelled = respell(params[key], allowed)
                if respelled != params[key]:  # the bound widget reads the address as the run began: rerun
                    st.query_params[key] = respelled
                    st.session_state[CHECKED] = False
                    st.rerun()
        st.session_state[NOTICES] = url_state.check(params, opts)
        window, _ = url_state.read_dates(params, opts)
        if window is not None:
            st.session_state[DATES_KEY] = window
            if window[1] < opts.first or window[0] > opts.last:
                st.session_state[DATE_RANGE] = (min(window[0], opts.first), max(window[1], opts.last))
        elif DATES_KEY in st.query_params:
            del st.query_params[DATES_KEY]
        st.session_state[SELECTED] = url_state.read_selected(params, opts)
        centre = None if bounds is None else ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)
        view = url_state.link_view(params, centre)
        st.session_state[VIEW_REQUEST] = view
        for key in url_state.VIEW_PARAMS:
            if key in params and (view is None if key != "ev" else st.session_state[SELECTED] is None):
                del st.query_params[key]
        if view is not None:  # the address bar says the view the map opens on (a partial one completed)
            given = url_state.read_view(params)
            pairs = dict(url_state.view_pairs(view))
            if given is None:  # z alone: the centre it zooms around
                st.query_params["lat"], st.query_params["lon"] = pairs["lat"], pairs["lon"]
            if given is None or not given.zoom:  # no usable z: the zoom used
                st.query_params["z"] = pairs["z"]
        unusable = url_state.unusable_bound(params)
        if unusable:  # Streamlit seeds these widgets from the URL as opened (and can crash): rerun without them
            for key in unusable:
                del st.query_params[key]
            st.rerun()
    return st.session_state[NOTICES]


def date_range() -> tuple | None:
    """The date slider's ends when a link's window lies outside the data (None: the data's span)."""
    return st.session_state.get(DATE_RANGE)


def sync_dates_to_url(window, full) -> None:
    """``dates`` in the URL as two ISO dates, always (playback included); absent for the full span."""
    wanted = [window[0].isoformat(), window[1].isoformat()] if tuple(window) != tuple(full) else []
    if st.query_params.get_all(DATES_KEY) != wanted:
        if wanted:
            st.query_params[DATES_KEY] = wanted
        else:
            del st.query_params[DATES_KEY]


def _span(opts: Options) -> tuple:
    return opts.first, opts.last, len(opts.event_ids)


def _recheck_for_new_data(opts: Options) -> None:
    """The data changed under the session (an upload, a pull, drafts): what was said of the link as
    opened, and the slider widened for its window, are worked out again for the data now shown. A notice
    is kept only if it still holds word for word (a link's fault the new data cannot mend, e.g. a bad
    ``z``); none is added, since the filters took the link at opening and the notice speaks of that. The
    slider stays widened only while the window is still the link's and still outside the data."""
    st.session_state[CHECKED_DATA] = _span(opts)
    link = st.session_state.get(LINK) or {}
    still = set(url_state.check(link, opts))
    st.session_state[NOTICES] = [n for n in st.session_state.get(NOTICES, []) if n in still]
    if DATE_RANGE in st.session_state:
        window, _ = url_state.read_dates(link, opts)
        held = st.session_state.get(DATES_KEY)
        outside = window is not None and (window[1] < opts.first or window[0] > opts.last)
        if outside and held is not None and tuple(held) == tuple(window):
            st.session_state[DATE_RANGE] = (min(window[0], opts.first), max(window[1], opts.last))
        else:
            del st.session_state[DATE_RANGE]


def dismiss_notices() -> None:
    st.session_state[NOTICES] = []


def set_later(key: str, value) -> None:
    """Give widget ``key`` a new value on the next run (a widget's value cannot change after it is drawn)."""
    st.session_state.setdefault(PENDING, {})[key] = value


def apply_pending() -> None:
    """Call before drawing any widget: hands over the values ``set_later`` queued."""
    for key, value in st.session_state.pop(PENDING, {}).items():
        st.session_state[key] = value


def selected_event() -> str | None:
    return st.session_state.get(SELECTED)


def select_event(event_id: str | None, view: View | None = None) -> None:
    """Select an event (None clears); ``view`` also moves the map there."""
    st.session_state[SELECTED] = event_id
    if view is not None:
        st.session_state[VIEW_REQUEST] = view


def view_request() -> View | None:
    return st.session_state.get(VIEW_REQUEST)


def shared_selection(event_id: str | None) -> str | None:
    """The selected id a link may carry: none for a pending draft ("draft-D1", ``map_layers.DRAFT_PREFIX``),
    which lives only in this session (a link to it would open on nothing: nu31)."""
    return None if not event_id or event_id.startswith(DRAFT_PREFIX) else event_id


def sync_selected_to_url() -> None:
    event_id = shared_selection(selected_event())
    if event_id:
        if st.query_params.get("ev") != event_id:
            st.query_params["ev"] = event_id
    elif "ev" in st.query_params:
        del st.query_params["ev"]


def current_view() -> View | None:
    """The map view as the URL has it now."""
    return url_state.read_view({key: st.query_params.get_all(key) for key in ("lat", "lon", "z")})


JITTER_PX = 3  # a move this small (popup auto-pan rounding, a twitch) is not a new view


def _same_view(a: View, b: View) -> bool:
    if a.zoom != b.zoom:
        return False
    degrees_per_px = 360 / (256 * 2 ** max(b.zoom, 0))
    return max(abs(a.lat - b.lat), abs(a.lon - b.lon)) < JITTER_PX * degrees_per_px


def save_view(view: View, opening: bool = False) -> None:
    """Write the map's centre and zoom into the URL, only when they really changed: a copied
    link must stay the link, not pick up a pixel of popup auto-pan on every open. ``opening``: the
    map shows what a link without a view opens on (the data's extent, fitted to this screen): a
    link that has no view keeps none, so copied before the reader moves the map it still opens on
    the data's extent, at any screen size."""
    current = current_view()
    if current is None and opening:
        return
    if current is not None and _same_view(current, view):
        return
    pairs = dict(url_state.view_pairs(view))
    for key, value in pairs.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def focus_selected_once(record: pd.Series | None, zoom: int = 8) -> None:
    """A link that names an event but no map view opens centred on that event."""
    if st.session_state.get(FOCUSED) or record is None:
        return
    st.session_state[FOCUSED] = True
    if pd.notna(record["latitude"]) and pd.notna(record["longitude"]) and view_request() is None \
            and current_view() is None:
        st.session_state[VIEW_REQUEST] = View(float(record["latitude"]), float(record["longitude"]), zoom)
