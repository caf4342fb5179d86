"""Adding, editing, retiring and restoring events in the app, and each event's history.

Only a signed-in user sees these controls, and every write asks ``auth.signed_in_user()`` again at the
moment it writes: a session without a login writes nothing, whatever widget values it sends. Records
go through ``events.store`` (the same validation as a file row); a change based on an older revision
gets the store's conflict message and nothing is overwritten.
"""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from events.facts import GIVEN
from events.schema import COLUMNS, DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS

from . import auth
from .safe_text import plain

PREFIX = "_ed_"
MESSAGE = "_ed_message"
LOADED = "_ed_loaded"          # (event_id, revision) the edit form was filled from
CANDIDATES = "_ed_candidates"
NUMBER_HINT = "empty = unknown"
REFUSED = "Sign in to change events: nothing was saved."


def _key(col: str) -> str:
    return PREFIX + col


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value)


def form_values() -> dict:
    """The form's event columns as text, the way a CSV row would carry them."""
    return {c: str(st.session_state.get(_key(c), "") or "") for c in COLUMNS}


def fill_form(record: dict | None) -> None:
    for c in COLUMNS:
        st.session_state[_key(c)] = _text(record.get(c)) if record else ""
    if not record:
        st.session_state[_key("date_precision")] = "1"
        st.session_state[_key("event_type")] = next(iter(EVENT_TYPES))


def perform(store, action: str, event_id: str | None = None, values: dict | None = None,
            revision: int | None = None, reason: str = "") -> tuple[str, str]:
    """Do one write as the signed-in user: ("success"|"error", message). Refused without a login."""
    from events.store import Conflict, InvalidEvent, StoreError

    user = auth.signed_in_user()
    if not user:
        return "error", REFUSED
    try:
        if action == "add":
            row = store.add(values or {}, user=user, reason=reason)
            return _with_warnings(f"Added {row['event_id']}.", row)
        if action == "edit":
            changes = {c: v for c, v in (values or {}).items() if c != "event_id"}
            row = store.update(event_id, changes, expected_revision=revision, user=user, reason=reason)
            return _with_warnings(f"Saved {event_id} (revision {row['revision']}).", row)
        if action == "retire":
            row = store.retire(event_id, user=user, reason=reason, expected_revision=revision)
            return "success", f"Retired {event_id}; 'Show retired events' shows it, and it can be restored."
        if action == "restore":
            row = store.restore(event_id, user=user, reason=reason, expected_revision=revision)
            return "success", f"Restored {event_id}."
    except InvalidEvent as exc:
        return "error", "Not saved; fix these and save again:\n" + "\n".join(
            f"- {e.column}: {e.reason}" for e in exc.errors)
    except Conflict as exc:
        return "error", f"Conflict: {exc}"
    except (StoreError, PermissionError) as exc:
        return "error", f"Not saved: {exc}"
    return "error", f"unknown action {action!r}"


PLACE_COLUMNS = ("latitude", "longitude", "country", "origin_latitude", "origin_longitude", "origin_country")


def _with_warnings(done: str, row: dict) -> tuple[str, str]:
    """("success", ``done``), or ("warning", ``done`` + what a file's row would be warned of: a point the
    embedded boundaries place away from the event's country, ``events.placement``). Saved either way."""
    from events.placement import country_warnings

    frame = pd.DataFrame([{c: row.get(c) for c in PLACE_COLUMNS}])
    for col in PLACE_COLUMNS:
        frame[col] = pd.to_numeric(frame[col], errors="coerce") if "itude" in col else frame[col].fillna("").astype(str)
    notes = [f"- {w.column}: {w.reason}" for w in country_warnings(frame, [1], "the form")]
    return ("warning", done + " Check:\n" + "\n".join(notes)) if notes else ("success", done)


def _submit(store, action: str) -> None:
    loaded = st.session_state.get(LOADED) or (None, None)
    event_id = st.session_state.get(_key("event_id")) if action == "add" else loaded[0]
    kind, message = perform(store, action, event_id=event_id, values=form_values(), revision=loaded[1],
                            reason=st.session_state.get(_key("reason"), ""))
    st.session_state[MESSAGE] = (kind, message)
    if kind in ("success", "warning"):    # saved (a warning says what to check)
        st.session_state.pop(LOADED, None)  # refill from the store on the next run


def _show_message() -> None:
    msg = st.session_state.pop(MESSAGE, None)
    if msg:
        show = {"success": st.success, "warning": st.warning}.get(msg[0], st.error)
        show(plain(msg[1], 2000).replace("\\\n", "\n"))


def _lookup() -> None:
    from geodata import geocode

    name, country = form_values()["location"].strip(), form_values()["country"].strip().upper()
    found = []
    if name and len(country) == 2:
        result = geocode(name, country, form_values()["admin1"] or None)
        if result.latitude is not None:
            found.append((f"{result.name} ({result.status}, {result.source})", result.latitude, result.longitude,
                          result.precision or 1))
        for alt in result.alternatives:
            found.append((f"{alt.name}, {alt.admin1} ({alt.kind}, {alt.source})", alt.latitude, alt.longitude, 1))
    st.session_state[CANDIDATES] = found


def _use_candidate(lat: float, lon: float, precision: int) -> None:
    st.session_state[_key("latitude")] = f"{lat:.5f}"
    st.session_state[_key("longitude")] = f"{lon:.5f}"
    st.session_state[_key("geo_precision")] = str(precision)


def place_picker() -> None:
    """The geocoder's candidates for the typed location on a small map; pick one, or click the map."""
    st.button("Find the place from location + country", key="_ed_lookup", on_click=_lookup)
    found = st.session_state.get(CANDIDATES)
    if found is None:
        return
    if not found:
        st.caption("The gazetteer has no candidate: click the map to set the point.")
    for i, (label, lat, lon, precision) in enumerate(found):
        st.button(f"Use {label}: {lat:.4f}, {lon:.4f}", key=f"_ed_cand_{i}", on_click=_use_candidate,
                  args=(lat, lon, precision))
    import folium
    from streamlit_folium import st_folium

    from . import offline
    from .basemaps import base_map
    from .url_state import View

    problem = offline.asset_problem()
    if problem:
        st.caption(plain(problem, 400))
        return
    centre = (found[0][1], found[0][2]) if found else (33.3, 44.4)
    # The page's own base map (drawn offline) and the app's copies of Leaflet: no CDN, no tiles needed.
    fmap = base_map(legend=False, view=View(centre[0], centre[1], 8 if found else 5))
    for label, lat, lon, _ in found:
        folium.CircleMarker((lat, lon), radius=7, weight=2, color="#b30000", fill=True, fill_opacity=0.6,
                            tooltip=folium.Tooltip(html.escape(label))).add_to(fmap)
    offline.localize(fmap)
    clicked = st_folium(fmap, height=260, key="_ed_pick_map", returned_objects=["last_clicked"])
    point = (clicked or {}).get("last_clicked")
    if point:
        st.button(f"Use the clicked point {point['lat']:.4f}, {point['lng']:.4f}", key="_ed_use_click",
                  on_click=_use_candidate, args=(point["lat"], point["lng"], 2))


def place_fields() -> None:
    """Where the event happened, outside the form: a form sends its values only when it is submitted,
    so the place picker could not see a location typed into it."""
    st.markdown("**Place**")
    a, b, c = st.columns(3)
    a.text_input("Location (as the source wrote it)", key=_key("location"))
    b.text_input("Country (ISO code)", key=_key("country"), max_chars=2)
    c.text_input("Governorate / province", key=_key("admin1"))
    place_picker()
    a, b, c = st.columns(3)
    a.text_input("Latitude", key=_key("latitude"), help=f"WGS84 degrees; {NUMBER_HINT} (geocoded from location)")
    b.text_input("Longitude", key=_key("longitude"), help=f"WGS84 degrees; {NUMBER_HINT}")
    if st.session_state.get(_key("geo_precision")) not in ("", "1", "2", "3"):
        st.session_state[_key("geo_precision")] = ""
    c.selectbox("Geo precision", ["", "1", "2", "3"], key=_key("geo_precision"),
                format_func=lambda v: f"{v} {GEO_PRECISIONS[int(v)]}" if v else "(unknown)")


def _fields(new: bool) -> None:
    if new:
        st.text_input("Event id (unique)", key=_key("event_id"), max_chars=200)
    a, b = st.columns(2)
    a.text_input("Date (YYYY-MM-DD)", key=_key("event_date"))
    b.selectbox("Date precision", ["1", "2", "3"], key=_key("date_precision"),
                format_func=lambda v: f"{v} {DATE_PRECISIONS[int(v)]}")
    a.selectbox("Event type", list(EVENT_TYPES), key=_key("event_type"))
    subs = [""] + [s for subs in EVENT_TYPES.values() for s in subs]
    if st.session_state.get(_key("sub_event_type")) not in subs:
        st.session_state[_key("sub_event_type")] = ""
    b.selectbox("Sub-event type", subs, key=_key("sub_event_type"))
    a.text_input("Actor 1", key=_key("actor1"))
    b.text_input("Actor 2", key=_key("actor2"))
    a.text_input("Fatalities", key=_key("fatalities"), help=NUMBER_HINT)
    b.text_input("Source", key=_key("source"))
    st.text_input("Source URL (the exact report)", key=_key("source_url"))
    st.text_area("Notes", key=_key("notes"))
    a, b = st.columns(2)
    a.text_input("Launched from (origin location)", key=_key("origin_location"))
    b.text_input("Origin country (ISO code)", key=_key("origin_country"), max_chars=2)
    a.text_input("Origin latitude", key=_key("origin_latitude"))
    b.text_input("Origin longitude", key=_key("origin_longitude"))
    st.text_input("Why (recorded in the history)", key=_key("reason"))


def editing_panel(store, selected: str | None, uploaded: pd.DataFrame | None = None,
                  upload_name: str = "") -> None:
    """The editors' panel; renders nothing for a session without a login."""
    if store is None or not auth.signed_in_user():
        return
    _show_message()
    modes = ["Add an event"] + (["Edit the selected event"] if selected else [])
    if uploaded is not None and len(uploaded):
        modes.append("Add the upload to the store")
    mode = st.radio("Change the store", modes, horizontal=True, key="_ed_mode")
    if mode == "Add the upload to the store":
        _upload_to_store(store, uploaded, upload_name)
        return
    if mode == "Add an event":
        if st.session_state.get(LOADED) != ("", 0):
            fill_form(None)
            st.session_state[LOADED] = ("", 0)
            st.session_state.pop(CANDIDATES, None)
        place_fields()
        with st.form("_ed_add_form"):
            _fields(new=True)
            st.form_submit_button("Add event", on_click=_submit, args=(store, "add"))
        return
    current = store.get(selected)
    if current is None:
        st.info("The selected event is not in the store (it came from an upload).")
        return
    if st.session_state.get(LOADED, (None,))[0] != selected:
        fill_form(current)
        st.session_state[LOADED] = (selected, current["revision"])
        st.session_state.pop(CANDIDATES, None)
    loaded_rev = st.session_state[LOADED][1]
    st.caption(f"Editing {plain(selected)} at revision {loaded_rev}"
               + (f" (the store now has revision {current['revision']}: saving will show the other change)"
                  if current["revision"] != loaded_rev else ""))
    if current["revision"] != loaded_rev:
        st.button("Load the current version (your unsaved edits are dropped)", key="_ed_reload",
                  on_click=lambda: st.session_state.pop(LOADED, None))
    place_fields()
    with st.form("_ed_edit_form"):
        _fields(new=False)
        save, toggle = st.columns(2)
        save.form_submit_button("Save changes", on_click=_submit, args=(store, "edit"))
        if current["retired"]:
            toggle.form_submit_button("Restore this event", on_click=_submit, args=(store, "restore"))
        else:
            toggle.form_submit_button("Retire this event (give a reason above)", on_click=_submit,
                                      args=(store, "retire"))


def _upload_to_store(store, uploaded: pd.DataFrame, name: str) -> None:
    from events.schema import COLUMNS as COLS

    st.caption(f"{len(uploaded):,} reviewed rows from {plain(name)} (rejected rows are listed with the upload). "
               "Events whose id is already in the store are skipped. Coordinates the geocoder found are not "
               "stored as if the file gave them, nor a governorate or district filled from them: the file's own are.")
    if st.button(f"Add {len(uploaded):,} events to the store", key="_ed_add_upload"):
        user = auth.signed_in_user()
        if not user:
            st.error(REFUSED)
            return
        from events.schema import ADMIN2, VAGUE
        from events.store.store import as_entered

        entered = as_entered(uploaded)   # admin1/admin2 as the file gave them (its district included), not filled
        # and a UCDP point standing for the country keeps its flag (the map fills no governorate from it)
        frame = entered[[*COLS, *(c for c in (ADMIN2, VAGUE) if c in entered)]].copy()
        guessed = uploaded.get("geo_status", pd.Series(GIVEN, index=uploaded.index)).astype(str) != GIVEN
        frame.loc[guessed, ["latitude", "longitude"]] = float("nan")
        result = store.import_frame(frame, provenance=f"upload: {name}", user=user)
        st.success(f"{result.added:,} added, {result.skipped:,} skipped (already in the store).")


def history_panel(store, selected: str | None) -> None:
    """Every version of the selected event: who, when, why, what changed."""
    if store is None or not selected:
        return
    versions = store.history(selected)
    if not versions:
        return
    rows, previous = [], None
    for v in versions:
        changed = [] if previous is None else [
            f"{c}: {_text(previous[c]) or '(empty)'} → {_text(v[c]) or '(empty)'}"
            for c in (*COLUMNS, "retired") if c != "event_id" and _text(previous[c]) != _text(v[c])]
        rows.append({"revision": v["revision"], "what": v["action"],
                     "when (UTC)": v["changed_at"].strftime("%Y-%m-%d %H:%M") if hasattr(v["changed_at"], "strftime")
                     else str(v["changed_at"]), "who": v["changed_by"], "why": v["reason"],
                     "changed": "; ".join(changed)})
        previous = v
    with st.expander(f"History ({len(versions)} version{'s' if len(versions) != 1 else ''})"):
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
