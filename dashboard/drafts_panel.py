""""Draft from a report": paste or upload a news report, review the draft events, accept or drop them.

The sidebar holds the form (text or a .txt/.html file, publication date, source, URL). The drafts
(``events.drafts.draft_report``) appear above the map in an editable table with the sentences they
rest on and the points the analyst must check; pending drafts with coordinates are drawn on the map
with the other events (ids ``draft-D1`` ...). "Accept" writes the checked rows to the event store
(``events.store``, each row checked like a file row, as the signed-in user, who is kept in its
history; when the page shows a read-only named file they join this session's view instead); "Drop"
forgets the chosen rows.
"""
from __future__ import annotations

import hashlib
import io
import csv
from datetime import date

import pandas as pd
import streamlit as st

from events import COLUMNS, GEO_COLUMNS, load_bytes
from events.drafts import describe_alternative, draft_report
from events.facts import GIVEN
from events.drafts.cli import known_actors
from events.schema import EVENT_TYPES, SUB_EVENT_TYPES

from events.store import AlreadyExists, InvalidEvent, StoreError, check_record
from geodata.boundaries import fill_admin
from geodata.geo import distance_km

from . import auth, store_view
from .safe_text import plain

PENDING = "_drafts_pending"       # {"meta": {...}, "rows": [draft dicts]}
ACCEPTED = "_drafts_accepted"     # list of records accepted this session
MAX_REPORT_BYTES = 2_000_000
DRAFT_PREFIX = "draft-"          # ids of pending drafts drawn on the map
SAME_KM, SAME_DAYS = 25.0, 1      # a draft this near a stored event of its type, this many days apart, may repeat it
EDITABLE = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
            "latitude", "longitude", "fatalities", "origin_location", "origin_latitude", "origin_longitude")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _form() -> None:
    with st.expander("Draft from a report", expanded=bool(st.session_state.get(PENDING))):
        with st.form("draft_form", clear_on_submit=False, border=False):
            text = st.text_area("Report text (plain text or HTML)", key="draft_text", height=160)
            file = st.file_uploader("…or a saved page (.txt, .html)", type=["txt", "html", "htm"], key="draft_file")
            published = st.date_input("Published on", value=None, key="draft_published", max_value=date.today(),
                                      format="YYYY-MM-DD")
            source = st.text_input("Source (outlet)", key="draft_source")
            url = st.text_input("Source URL (http or https)", key="draft_url")
            go = st.form_submit_button("Draft events", key="draft_submit")
        if not go:
            return
        raw = _decode(file.getvalue()[:MAX_REPORT_BYTES]) if file is not None else (text or "")
        if not raw.strip():
            st.error("Paste the report's text or choose a file.")
            return
        if published is None:
            st.error("Give the date the report was published: 'on Sunday' is read from it.")
            return
        if url and not url.strip().lower().startswith(("http://", "https://")):
            st.error("The source URL must start with http:// or https://.")
            return
        # nu8 waited 35 s on the first report with no word why: the place-name tables of its countries are
        # built once per machine (about 20 s) and loaded once per server process (about 6 s)
        with st.spinner("Reading the report… The first report after the server starts loads the place names of "
                        "its countries: a few seconds, or 20-30 s the very first time on this machine.",
                        show_time=True):
            result = draft_report(raw, published, source.strip(), url.strip(), known_actors())
        st.session_state[PENDING] = {
            "meta": {"published": published.isoformat(), "source": source.strip(), "url": url.strip(),
                     "countries": result.countries},
            "rows": result.drafts,
        }
        if not result.drafts:
            st.info("No event with a place was found in this report.")


def _record(row: dict, meta: dict) -> dict:
    """A draft (possibly edited) as an event-table record with a stable id."""
    rec = {c: row.get(c) for c in COLUMNS if c != "event_id"}
    key = "|".join(str(rec.get(c) or "") for c in ("source_url", "event_date", "location", "sub_event_type"))
    rec["event_id"] = "DR" + hashlib.sha1(key.encode()).hexdigest()[:10].upper()
    rec["source"] = rec.get("source") or meta.get("source") or "news report (draft)"
    for c in ("latitude", "longitude", "origin_latitude", "origin_longitude", "fatalities", "geo_precision",
              "date_precision"):
        v = rec.get(c)
        rec[c] = None if v is None or (isinstance(v, float) and pd.isna(v)) else v
    return rec


def _frame(records: list[dict], status: list[str] | None = None) -> pd.DataFrame | None:
    """Records as the event table (typed by the curated loader, not geocoded: an ambiguous draft stays off the map)."""
    if not records:
        return None
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), extrasaction="ignore")
    writer.writeheader()
    for r in records:
        writer.writerow({c: "" if r.get(c) is None else r.get(c) for c in COLUMNS})
    result = load_bytes(buf.getvalue().encode(), "drafts.csv", fmt="curated", geocode=False)
    frame = result.frame
    if frame.empty:
        return None
    frame["geo_status"] = GIVEN
    frame["geo_name"] = ""
    frame["geo_source"] = "draft"
    frame["geo_confidence"] = 1.0
    frame = fill_admin(frame)       # admin2 (and an empty admin1) from the point, as the load path does
    for col in GEO_COLUMNS:
        frame[col] = frame[col].astype("category") if col != "geo_confidence" else frame[col]
    return frame


def is_draft(frame: pd.DataFrame) -> pd.Series:
    """True for the rows of ``frame`` that are pending drafts (not accepted, not stored)."""
    return frame["event_id"].astype(str).str.startswith(DRAFT_PREFIX)


def possibly_same(row: dict, stored: pd.DataFrame | None) -> list[str]:
    """Ids of stored events a draft may repeat: the same ``event_type``, dates at most ``SAME_DAYS`` apart and
    points at most ``SAME_KM`` km apart (great-circle, ``geodata.geo.distance_km``). [] when the draft has no
    point or date. The thresholds are this panel's own rule of thumb for "check before accepting", not measured."""
    if stored is None or stored.empty or row.get("latitude") is None or row.get("longitude") is None:
        return []
    try:
        day = pd.Timestamp(str(row.get("event_date")))
    except (TypeError, ValueError):
        return []
    if pd.isna(day):
        return []
    near = stored[(stored["event_type"].astype(str) == str(row.get("event_type") or ""))
                  & ((stored["event_date"] - day).abs() <= pd.Timedelta(days=SAME_DAYS))
                  & stored["latitude"].notna() & stored["longitude"].notna()]
    lat, lon = float(row["latitude"]), float(row["longitude"])
    return [str(e.event_id) for e in near.itertuples()
            if distance_km(lat, lon, float(e.latitude), float(e.longitude)) <= SAME_KM]


def _review(stored: pd.DataFrame | None = None) -> None:
    pending = st.session_state.get(PENDING)
    if not pending or not pending["rows"]:
        return
    meta, rows = pending["meta"], pending["rows"]
    with st.container(border=True):
        st.subheader(f"Drafts from the report ({len(rows)})")
        where = ", ".join(meta.get("countries") or []) or "no country named"
        st.caption(plain(f"Published {meta['published']} by {meta.get('source') or 'an unnamed source'}; "
                         f"countries it concerns: {where}. Edit a cell, choose drafts, then accept or drop them. "
                         "Drafts with coordinates are on the map (ids draft-D1 ...).", 500))
        edited = st.data_editor(
            review_table(rows, stored), key="drafts_editor", hide_index=True, width="stretch",
            disabled=["draft_id", "stored event", "confidence", "check", "could be", "evidence"],
            column_config={
                "event_type": st.column_config.SelectboxColumn("event_type", options=list(EVENT_TYPES)),
                "sub_event_type": st.column_config.SelectboxColumn("sub_event_type", options=list(SUB_EVENT_TYPES)),
                "confidence": st.column_config.NumberColumn("confidence", format="%.2f"),
                "evidence": st.column_config.TextColumn("evidence (the report's words)", width="large"),
            })
        ids = [r["draft_id"] for r in rows]
        chosen = st.multiselect("Drafts to accept or drop", ids, key="drafts_pick",
                                format_func=lambda i: f"{i}: {next(r['location'] for r in rows if r['draft_id'] == i)}")
        if store_view.app_store() is None:
            st.caption("This page shows a named file, which is read-only: accepted drafts stay in this session's view.")
        elif not auth.login_configured():  # as the sidebar says: viewing only
            st.caption("Viewing only: no editors are set up (see README, 'Adding users'), so drafts cannot be "
                       "accepted into the event store here; they stay pending until dropped.")
        elif not auth.signed_in_user():
            st.caption("Sign in (sidebar) to accept drafts into the event store.")
        current = apply_edits(rows, edited)
        repeats = {r["draft_id"]: possibly_same(r, stored) for r in current if r["draft_id"] in chosen}
        repeats = {i: same for i, same in repeats.items() if same}
        repeat_ok = False
        if repeats:  # beside the button, not only in the grid's column (off-screen on a laptop)
            st.warning(plain("; ".join(f"{i} may repeat stored event {', '.join(same[:3])}" for i, same in repeats.items())
                             + " (same type, dates and places close). Check before accepting: accepted, it is "
                             "counted as another event.", 500), icon=":material/content_copy:")
            repeat_ok = st.checkbox("Accept them anyway: they are other events", key="drafts_repeat_ok")
        cols = st.columns(3)
        accept = cols[0].button("Accept into the store", key="drafts_accept",
                                disabled=store_view.app_store() is not None and not auth.login_configured())
        drop = cols[1].button("Drop", key="drafts_drop")
        clear = cols[2].button("Drop all drafts", key="drafts_clear")
    if clear:
        st.session_state.pop(PENDING, None)
        st.rerun()
    if not (accept or drop) or not chosen:
        if accept or drop:
            st.warning("Choose the drafts first.")
        return
    rows = current  # the drafts with the analyst's edits, as the repeat check above saw them
    keep, problems, added = [], [], 0
    for row in rows:
        if row["draft_id"] not in chosen:
            keep.append(row)
        elif drop:
            continue
        elif row["draft_id"] in repeats and not repeat_ok:
            problems.append(f"{row['draft_id']} ({row['location']}) may repeat stored event "
                            f"{', '.join(repeats[row['draft_id']][:3])}: not accepted. Tick 'Accept them anyway' "
                            "if it is another event.")
            keep.append(row)
        else:
            ok, why = _accept(row, meta)
            if ok:
                added += 1
            else:
                problems.append(f"{row['draft_id']} ({row['location']}): {why}")
                keep.append(row)
    pending["rows"] = keep
    for p in problems:
        st.error(plain(p, 500))
    if added:
        st.toast(f"{added} event(s) accepted into the store.")
    if not problems:
        st.session_state.pop("drafts_pick", None)
        st.session_state.pop("drafts_repeat_ok", None)   # the next choice is asked again
        st.rerun()


def review_table(rows: list[dict], stored: pd.DataFrame | None = None) -> pd.DataFrame:
    """The drafts as the review table: editable event columns, the stored events each may repeat
    (``possibly_same``: "possibly the same as CM0034"), then confidence, checks and evidence."""
    def same(r: dict) -> str:
        ids = possibly_same(r, stored)
        return f"possibly the same as {', '.join(ids[:3])}" + (f" (+{len(ids) - 3})" if len(ids) > 3 else "") if ids else ""

    def could_be(r: dict) -> str:
        # nu11: the command line printed "could be: Erbil Governorate ... 36.5571, 44.3851"; the table did not
        return "; ".join(describe_alternative(a) for a in r.get("alternatives") or () if a.get("latitude") is not None)

    return pd.DataFrame([{"draft_id": r["draft_id"], **{c: r.get(c) for c in EDITABLE},
                          "stored event": same(r), "confidence": r["confidence"], "check": "; ".join(r["flags"]),
                          "could be": could_be(r), "evidence": " | ".join(r["evidence"])} for r in rows])


def apply_edits(rows: list[dict], edited: pd.DataFrame) -> list[dict]:
    """The drafts with the analyst's edits from the review table (matched by draft_id)."""
    by_id = {str(e["draft_id"]): e for _, e in edited.iterrows()} if edited is not None else {}
    out = []
    for row in rows:
        e = by_id.get(row["draft_id"])
        if e is None:
            out.append(row)
            continue
        changes = {}
        for c in EDITABLE:
            v = e[c]
            changes[c] = None if (not isinstance(v, str) and pd.isna(v)) else v
        moved = any(c in changes and not _same_number(changes[c], row.get(c)) for c in ("latitude", "longitude"))
        out.append({**row, **changes, "point_moved": bool(row.get("point_moved")) or moved})
    return out


def _same_number(a, b) -> bool:
    missing = [v is None or (isinstance(v, float) and pd.isna(v)) for v in (a, b)]
    if any(missing):
        return all(missing)
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def _provenance(row: dict) -> dict:
    """Where an accepted draft's point came from, for the store (``events.store``): a point the drafts'
    geocoder placed and the analyst left alone is ``resolved`` by the draft (its name and confidence);
    a point the analyst typed or moved is left to the store, which records it as the analyst's."""
    placed = row.get("geo_status") == "resolved" and not row.get("point_moved") and \
        not _same_number(row.get("latitude"), None) and not _same_number(row.get("longitude"), None)
    if not placed:
        return {}
    return {"geo_status": "resolved", "geo_source": "draft", "geo_name": str(row.get("location") or ""),
            "geo_confidence": float(row.get("confidence") or 0.0)}


def _accept(row: dict, meta: dict) -> tuple[bool, str]:
    """Add one draft to the event store as the signed-in user (or, when the page shows a read-only
    named file, to this session's view); (True, "") or (False, the reason)."""
    record = {**_record(row, meta), **_provenance(row)}
    try:
        check_record(record, f"draft {row.get('draft_id', '')}")
    except InvalidEvent as exc:
        return False, "; ".join(f"{e.column}: {e.reason}" for e in exc.errors)
    store = store_view.app_store()
    if store is None:
        st.session_state.setdefault(ACCEPTED, []).append(record)
        return True, ""
    user = auth.signed_in_user()          # asked again at the moment of writing
    if not user:
        return False, "sign in to accept drafts into the event store"
    try:
        store.add(record, user, reason="accepted from a news report draft",
                  provenance=f"draft from a report: {meta.get('url') or meta.get('source') or 'pasted text'}")
    except InvalidEvent as exc:
        return False, "; ".join(f"{e.column}: {e.reason}" for e in exc.errors)
    except AlreadyExists:
        return False, f"an event with id {record['event_id']} is already in the store"
    except StoreError as exc:
        return False, f"the store could not be written: {exc}"
    return True, ""


def drafts_panel(frame: pd.DataFrame, review_box=None) -> tuple[pd.DataFrame, str]:
    """Draw the panel (sidebar form; review box in ``review_box``, a container placed where the page wants
    it, else at this point of the page) and return ``frame`` with this session's accepted events and its
    pending drafts that have coordinates, and a token that changes whenever those do (for the page's caches)."""
    with st.sidebar:
        _form()
    if review_box is None:
        _review(frame)
    else:
        with review_box:
            _review(frame)
    pending = st.session_state.get(PENDING) or {}
    rows = []
    for r in pending.get("rows", []):
        if r.get("latitude") is not None:
            rec = _record(r, pending.get("meta", {}))
            rec["event_id"] = f"{DRAFT_PREFIX}{r['draft_id']}"
            rec["notes"] = "DRAFT, not accepted: " + (rec.get("notes") or "")
            rows.append(rec)
    accepted = st.session_state.get(ACCEPTED, [])
    extra = [f for f in (_frame(accepted), _frame(rows)) if f is not None]
    if not extra:
        return frame, ""
    token = hashlib.sha1(repr((accepted, rows)).encode()).hexdigest()[:12]
    both = pd.concat([frame, *extra], ignore_index=True)
    both = both.drop_duplicates("event_id", keep="first")
    return both.sort_values("event_date", kind="stable").reset_index(drop=True), token
