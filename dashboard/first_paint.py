"""The map before the side panels: a browser's first run of a session draws only what the map needs.

A session's first run (a page opened or reloaded) in a browser draws the header, the filters, the
timeline and the map, and leaves out the panels a new session has nothing in yet or that can wait:
upload box, drafts form, sign-in, counts by type, selected event, table, downloads, editing. The
browser then spends its first seconds on the map alone (each of those panels loads its own code:
the table's grid alone is about 1.2 MB of script). When the map reports back for the first time
(it has drawn its layers), the map fragment calls ``release`` and reruns the app, which draws
everything. A fallback timer releases the page too, should the map never report.

Only a browser gets the lean run: a client that runs no map (AppTest, a scripted websocket client)
would never report and gets the whole page at once. The lean run changes no value: a new session
has no upload, no drafts and no selection history, so the filters and the map are those of the
full page.
"""
from __future__ import annotations

import time

import streamlit as st

STATE = "_first_paint"  # absent: no run yet; "waiting": the lean run was drawn; "done"
SINCE = "_first_paint_since"  # time.monotonic() of the lean run
FALLBACK_S = 20.0  # seconds after which the panels are drawn even if the map has not reported


def _is_browser() -> bool:
    """A web browser (every one sends a User-Agent starting "Mozilla/"), not AppTest or a script."""
    try:
        agent = st.context.headers.get("User-Agent") or ""
    except Exception:  # noqa: BLE001 - no request context (AppTest)
        return False
    return agent.startswith("Mozilla/")


def lean() -> bool:
    """True on a browser session's first run (and until the map reports): draw the map, skip the panels.
    Call once per run, before drawing any panel."""
    mark = st.session_state.get(STATE)
    if mark is None:
        mark = "waiting" if _is_browser() else "done"
        st.session_state[STATE] = mark
        st.session_state[SINCE] = time.monotonic()
    return mark == "waiting"


def waiting() -> bool:
    """The panels are still held back (the map has not reported since the lean run)."""
    return st.session_state.get(STATE) == "waiting"


def release() -> None:
    """Draw everything from the next run on."""
    st.session_state[STATE] = "done"


def release_and_rerun() -> None:
    """The map has reported (or will not be drawn): draw the whole page now."""
    release()
    st.rerun(scope="app")


def fallback_timer() -> None:
    """Release the page after ``FALLBACK_S`` seconds if the map never reports (a script that failed
    to load, say). Drawn only on the lean run; it draws nothing itself."""

    @st.fragment(run_every=FALLBACK_S)
    def tick() -> None:
        if waiting() and time.monotonic() - st.session_state.get(SINCE, 0.0) >= FALLBACK_S * 0.9:
            release_and_rerun()

    tick()
