"""The filter, map and timeline widgets, each bound to its URL parameter (its key is the parameter name).

Multiselects show raw values (type names, ISO codes) because a bound multiselect writes the
displayed label into the URL, and the URL values are a public contract.
"""
from __future__ import annotations

import datetime as dt
import time

import streamlit as st

from . import state, timeline
from . import basemaps
from .basemaps import DEFAULT_BASEMAP
from .filters import Filters, Options
from .url_state import MAX_TEXT

BIND = "query-params"
PLAYING = "_playing"
SPEED = "_speed"
LAST_TICK = "_last_tick"


def filter_controls(opts: Options) -> Filters:
    """Sidebar filters (all but the dates, which live on the timeline)."""
    types = st.multiselect("Event type", opts.types, key="type", bind=BIND, placeholder="All types")
    subs = st.multiselect("Sub-event type", opts.subs, key="sub", bind=BIND, placeholder="All sub-types")
    actor = st.text_input("Actor contains", key="actor", bind=BIND, max_chars=MAX_TEXT,
                          placeholder="e.g. Islamic Resistance", help="Matches actor 1 or actor 2, any case.")
    countries = st.multiselect("Country (ISO code)", opts.countries, key="country", bind=BIND,
                               placeholder="All countries")
    admin1 = st.multiselect("Governorate / province", opts.admin1, key="admin1", bind=BIND,
                            placeholder="All")
    admin2 = st.multiselect("District", opts.admin2, key="admin2", bind=BIND, placeholder="All",
                            help="The event's district (admin2): as its file gives it, else the one whose "
                                 "boundary holds its point.")
    min_fat = st.number_input("Minimum fatalities", min_value=0, value=0, step=1, key="minfat", bind=BIND)
    text = st.text_input("Search location, actors, notes", key="q", bind=BIND, max_chars=MAX_TEXT,
                         placeholder="e.g. rocket Rumalyn", help="Every word must appear somewhere.")
    return Filters(types=tuple(types), subs=tuple(subs), actor=actor.strip(), countries=tuple(countries),
                   admin1=tuple(admin1), min_fatalities=int(min_fat or 0), text=text.strip(),
                   admin2=tuple(admin2))


def untouched_filters() -> Filters:
    """What ``filter_controls`` returns before anyone has touched a widget or given a parameter."""
    return Filters()


AREAS = ("off", "events", "fatalities")


def map_controls() -> tuple[str, bool, str]:
    """Base map, heat layer and the admin-area choropleth ("off", "events" or "fatalities")."""
    # No format_func: a bound radio writes the shown label into the URL, and ?base=dark is the contract.
    # "light" and "dark" are drawn from shipped data; tile maps are fetched only when picked.
    choices = list(basemaps.available())
    basemap = st.radio("Base map", choices, key="base", bind=BIND, horizontal=True,
                       index=choices.index(DEFAULT_BASEMAP),
                       help="light, dark: drawn offline from the shipped boundaries. streets, satellite: "
                            "map tiles from the internet (the map falls back to the offline one when they "
                            "cannot load).")
    heat = st.toggle("Heat map layer", key="heat", bind=BIND)
    areas = st.radio("Shade areas by", AREAS, key="areas", bind=BIND, horizontal=True,
                     help="Events or fatalities per governorate / province (per district from zoom 8) for "
                          "the selection; click an area to filter to it.")
    return basemap, heat, areas


def untouched_map_controls() -> tuple[str, bool, str]:
    """What ``map_controls`` returns before anyone has touched a widget or given a parameter."""
    return DEFAULT_BASEMAP, False, AREAS[0]


def slider_bounds(opts: Options) -> tuple[dt.date, dt.date]:
    """The date slider's ends: the data's span (widened to a link's window that lies outside it).
    A slider needs two distinct ends, even for a one-day dataset."""
    first, last = state.date_range() or (opts.first, opts.last)
    return first, max(last, first + dt.timedelta(days=1))


def date_control(opts: Options) -> tuple[dt.date, dt.date]:
    """The date window over the span of the data. Not bound to the URL by Streamlit (which drops a
    window reaching past the data and writes microseconds when the app moves it): ``state`` reads
    the link's ``dates`` (clamped, with a notice) and writes ISO dates back after every change."""
    first, last = slider_bounds(opts)
    start, end = st.slider("Dates", min_value=first, max_value=last, value=(first, last), step=dt.timedelta(days=1),
                           format="YYYY-MM-DD", key="dates", label_visibility="collapsed")
    window = (start, end) if start <= end else (end, start)
    state.sync_dates_to_url(window, (opts.first, opts.last))
    return window


def untouched_window(opts: Options) -> tuple[dt.date, dt.date]:
    """What ``date_control`` returns (and writes to the URL) when no ``dates`` was given or set."""
    window = slider_bounds(opts)
    state.sync_dates_to_url(window, (opts.first, opts.last))
    return window


def _step(window: tuple[dt.date, dt.date], opts: Options, direction: int) -> bool:
    """Queue the window one bin on; False when it is already at that end."""
    first, last = slider_bounds(opts)
    moved = timeline.step(window, first, last, direction)
    if moved is None:
        return False
    state.set_later("dates", moved)
    return True


def playback_controls(window: tuple[dt.date, dt.date], opts: Options) -> None:
    """Step back, play/pause, step forward, speed. Playing moves the window one bin per tick."""
    playing = st.session_state.get(PLAYING, False)
    back, play, forward, speed = st.columns([1, 1, 1, 3], vertical_alignment="center")
    if back.button("", icon=":material/skip_previous:", key="step_back", help="Step the window back", width="stretch"):
        if _step(window, opts, -1):
            st.rerun()
    if play.button("Pause" if playing else "Play", icon=":material/pause:" if playing else ":material/play_arrow:",
                   key="play", help="Pause" if playing else "Play: step through time",
                   width="stretch"):
        st.session_state[PLAYING] = not playing
        if not playing and not _step(window, opts, 1):
            first, last = slider_bounds(opts)  # at the end already: play again from the start
            state.set_later("dates", timeline.step((first, last), first, last, 1))
        st.session_state[LAST_TICK] = time.monotonic()
        st.rerun()
    if forward.button("", icon=":material/skip_next:", key="step_forward", help="Step the window forward", width="stretch"):
        if _step(window, opts, 1):
            st.rerun()
    speed.select_slider("Speed", options=list(timeline.SPEEDS), value="normal", key=SPEED,
                        label_visibility="collapsed")
    if playing:
        _ticker(window, opts, timeline.SPEEDS[st.session_state.get(SPEED, "normal")])


def _ticker(window: tuple[dt.date, dt.date], opts: Options, seconds: float) -> None:
    """A fragment Streamlit reruns every ``seconds``; each due tick moves the window and reruns the app."""

    @st.fragment(run_every=seconds)
    def tick() -> None:
        now = time.monotonic()
        if now - st.session_state.get(LAST_TICK, 0.0) < seconds * 0.8:
            return  # drawn by a full run that a tick itself caused
        st.session_state[LAST_TICK] = now
        if not _step(window, opts, 1):
            st.session_state[PLAYING] = False
        st.rerun(scope="app")

    tick()


def histogram_panel(hist, bin_name: str) -> None:
    """The timeline's histogram (an SVG image: no chart library to load before the map), drawn twice:
    1,000 units wide for a wide page and 400 for a phone (layout.PAGE_CSS shows one), so its labels stay
    about 11 px high instead of shrinking to 4 px on a 390 px screen."""
    with st.container(key="timeline_wide"):
        st.image(timeline.svg(hist, bin_name), width="stretch")
    with st.container(key="timeline_narrow"):
        st.image(timeline.svg(hist, bin_name, width=400, height=90), width="stretch")
