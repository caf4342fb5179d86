""""Draft from a report": paste or upload a news report, review the draft events, accept or drop them.

The sidebar holds the form (text or a .txt/.html file, publication date, source, URL). The drafts
(``events.drafts.draft_report``) appear above the map in an editable table with the sentences they
rest on and the points the analyst must check; pending drafts with coordinates are drawn on the map
with the other events (ids ``draft-D1`` ..., hollow markers with a dotted ring and a legend entry). A new
report's drafts are added to those still pending (numbered on: D3, D4 ...), each keeping the report it came
from and its edits. "Accept" writes the checked rows to the event store
(``events.store``, each row checked like a file row, as the signed-in user, who is kept in its
history; when the page shows a read-only named file they join this session's view instead): a draft the
same in every column as the stored event with its id is refused as already stored; one the analyst accepts
as another event although its content-derived id is taken gets the next free id (``free_id``: ``-2``,
``-3`` ...). "Drop" forgets the chosen rows.
"""
from __future__ import annotations

import hashlib
import io
import csv
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import streamlit as st

from events import COLUMNS, GEO_COLUMNS, load_bytes
from events.drafts.dates import EARLIEST_REPORT
from events.drafts import describe_alternative, draft_report
from events.facts import GIVEN
from events.drafts.cli import known_actors
from events.schema import DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, SUB_EVENT_TYPES

from events.store import AlreadyExists, InvalidEvent, StoreError, check_record
from geodata.boundaries import fill_admin
from geodata.where import country_at
from geodata.geo import distance_km

from . import auth, store_view
from .map_layers import DRAFT_PREFIX  # ids of pending drafts drawn on the map ("draft-D1" ...)
from .safe_text import plain

PENDING = "_drafts_pending"       # {"rows": [draft dicts, each with the "report" it came from]}
ACCEPTED = "_drafts_accepted"     # list of records accepted this session
MESSAGES = "_drafts_messages"     # [(kind, text)] said after the rerun that follows an accept or drop
# nu17/M4: "Drop all drafts" and a Drop of several chosen drafts (typing "D1" and Enter had chosen D1 and D10-D14)
# discarded them and their edits at one click: both now ask first
CLEAR_ASK = "_drafts_clear_ask"   # True while "Drop all drafts" waits for its answer
DROP_ASK = "_drafts_drop_ask"     # the draft ids a Drop of several waits to drop
MAX_REPORT_BYTES = 2_000_000
SAME_KM, SAME_DAYS = 25.0, 1      # a draft this near a stored event of its type, this many days apart, may repeat it
RELOAD_WARNING = ("Drafts live in this browser tab until accepted: reloading the page discards them and their "
                  "edits (so does opening the page's link again, in this tab or another).")
EDITABLE = ("event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
            "location", "latitude", "longitude", "geo_precision", "fatalities", "origin_location", "origin_latitude",
            "origin_longitude")
# nu28: the table hid both precisions, so "in January" read as 1 January and a district's centre as the place
# itself; shown as ACLED's codes with their words ("3 month"), edited as codes
PRECISIONS = {"date_precision": DATE_PRECISIONS, "geo_precision": GEO_PRECISIONS}


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
            # nu13: Streamlit's default range starts ten years back, so a 2016 report could not be drafted
            published = st.date_input("Published on", value=None, key="draft_published", min_value=EARLIEST_REPORT,
                                      max_value=date.today(), format="YYYY-MM-DD")
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
            # (nu33: a date typed 2024/09/06 is dropped by the widget, with no word of the form it takes)
            st.error("Give the date the report was published, as YYYY-MM-DD or picked in the calendar: 'on Sunday' is "
                     "read from it.")
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
        meta = {"published": published.isoformat(), "source": source.strip(), "url": url.strip(),
                "countries": result.countries, "text": hashlib.sha1(result.text.encode()).hexdigest()[:12]}
        before = (st.session_state.get(PENDING) or {}).get("rows", [])
        twins = [r["draft_id"] for r in before if (r.get("report") or {}).get("text") == meta["text"]
                 and (r.get("report") or {}).get("published") == meta["published"]]
        if twins:   # nu13: the same report drafted twice gave the same drafts twice, unsaid
            st.info(plain(f"This report, with this publication date, is already drafted: {', '.join(twins)} "
                          "still pending. Nothing was added.", 300))
            return
        added = pile_up(before, result.drafts, meta)
        st.session_state[PENDING] = {"rows": before + added}
        last = (before[-1].get("report") or {}) if before else {}
        if result.drafts and last.get("published") == meta["published"] and last.get("text") != meta["text"]:
            # nu23 M1: the form keeps the last report's date; a second report pasted and sent with Ctrl+Enter was
            # dated from it (2020 for a 2024 report) at 0.97, unsaid
            st.warning(plain(f"This report was given the same publication date as the report drafted before it "
                             f"({meta['published']}): its 'on Sunday', 'last week' are counted from that day. If it "
                             "was published on another day, drop its drafts, change 'Published on' and draft it "
                             "again.", 400))
        if result.unplaced:
            # nu24: "Khan Sheikhoun", "Aita al-Shaab" (places the gazetteer spells otherwise) made no draft, unsaid
            st.warning(plain(f"{len(result.unplaced)} sentence(s) tell an event at no place the drafter found (the "
                             "report gives none, or the gazetteer lacks it or spells it another way): check them: "
                             + " / ".join(f"“{t}”" for t in result.unplaced[:3]), 600))
        if not result.drafts:
            st.info("No event with a place was found in this report.")
        elif before:   # nu12/M1: a second report replaced the first one's drafts, edits and all, unsaid
            span = added[0]["draft_id"] + ("" if len(added) == 1 else f"-{added[-1]['draft_id']}")
            st.info(plain(f"{len(added)} draft(s) from this report ({span}) "
                          f"added to the {len(before)} still pending from earlier reports.", 300))


def pile_up(pending: list[dict], new: list[dict], meta: dict) -> list[dict]:
    """``new`` drafts (``draft_report``'s, numbered D1 ...) renumbered to follow the ``pending`` ones (D1 ... Dn
    stay, the new ones are Dn+1 ...), each with ``report``: ``meta`` (published, source, url, countries),
    the report it came from. The pending drafts themselves are not changed."""
    last = max((int(str(r["draft_id"])[1:]) for r in pending if str(r.get("draft_id", ""))[1:].isdigit()), default=0)
    return [{**d, "draft_id": f"D{last + k}", "report": dict(meta)} for k, d in enumerate(new, start=1)]


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
    return _typed(records)[0]


def _typed(records: list[dict]) -> tuple[pd.DataFrame | None, dict[int, str]]:
    """(``_frame``'s table of ``records``, {position in ``records``: why the loader refused that record}):
    a record the curated loader rejects (a date or number typed wrong in the drafts table) is not in the
    table, and the reason is kept so the page can say it instead of dropping the draft unsaid."""
    if not records:
        return None, {}
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), extrasaction="ignore")
    writer.writeheader()
    for r in records:
        writer.writerow({c: "" if r.get(c) is None else r.get(c) for c in COLUMNS})
    result = load_bytes(buf.getvalue().encode(), "drafts.csv", fmt="curated", geocode=False)
    refused: dict[int, str] = {}
    for err in result.errors:   # line 1 is the header: record k is on line k + 2
        refused.setdefault(err.line - 2, f"{err.column}: {err.reason}")
    frame = result.frame
    if frame.empty:
        return None, refused
    frame["geo_status"] = GIVEN
    frame["geo_name"] = ""
    frame["geo_source"] = "draft"
    frame["geo_confidence"] = 1.0
    frame = fill_admin(frame)       # admin2 (and an empty admin1) from the point, as the load path does
    for col in GEO_COLUMNS:
        frame[col] = frame[col].astype("category") if col != "geo_confidence" else frame[col]
    return frame, refused


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


def _report_line(meta: dict) -> str:
    where = ", ".join(meta.get("countries") or []) or "no country named"
    return f"published {meta.get('published') or '?'} by {meta.get('source') or 'an unnamed source'}; countries it concerns: {where}"


def _say_messages() -> None:
    for kind, text in st.session_state.pop(MESSAGES, None) or []:
        {"success": st.success, "info": st.info}.get(kind, st.error)(plain(text, 500))


def _review(stored: pd.DataFrame | None = None) -> None:
    pending = st.session_state.get(PENDING)
    if not pending or not pending["rows"]:
        _say_messages()
        return
    rows = pending["rows"]
    with st.container(border=True):
        reports: dict[str, list[str]] = {}
        for r in rows:
            reports.setdefault(_report_line(r.get("report") or {}), []).append(r["draft_id"])
        # (nu27: "Drafts from the report (9)" over the drafts of two reports)
        st.subheader(f"Drafts from the report ({len(rows)})" if len(reports) == 1
                     else f"Drafts from {len(reports)} reports ({len(rows)})")
        _say_messages()
        for line, ids_of in reports.items():
            head = f"{', '.join(ids_of)}: " if len(reports) > 1 else ""
            st.caption(plain(head + line[0].upper() + line[1:] + ".", 500))
        st.caption("Edit a cell, choose drafts, then accept or drop them. Drafts with coordinates are on the map "
                   "in a layer of their own (ids draft-D1 ..., drawn hollow with a dotted outline), not counted "
                   "with the stored events. They follow the filters as stored events do (dates, type, country, "
                   "search ...): the line under the headline says how many are shown and how many are not.")
        # nu14/H6: a reload dropped every draft and its edits, unsaid
        st.warning(RELOAD_WARNING, icon=":material/warning:")
        ids = [r["draft_id"] for r in rows]
        # the editor's identity follows the drafts it holds: its edits are by row position, so a new report's
        # drafts or an accepted or dropped one must not carry them onto another draft (they are kept in the rows);
        # and a value the panel changed itself (``matching_types``) starts a new editor (``rev``), whose old edits
        # would otherwise be replayed over it
        editor_key = "drafts_editor_" + hashlib.sha1(("|".join(ids) + f"#{pending.get('rev', 0)}").encode()).hexdigest()[:10]
        edited = st.data_editor(
            review_table(rows, stored), key=editor_key, hide_index=True, width="stretch",
            disabled=["draft_id", "report", "stored event", "confidence", "check", "could be", "evidence"],
            column_config={
                "event_type": st.column_config.SelectboxColumn("event_type", options=list(EVENT_TYPES)),
                "sub_event_type": st.column_config.SelectboxColumn("sub_event_type", options=list(SUB_EVENT_TYPES)),
                "date_precision": st.column_config.SelectboxColumn(
                    "date_precision", options=[str(k) for k in DATE_PRECISIONS],
                    format_func=lambda v: f"{v} {DATE_PRECISIONS.get(int(v), '')}" if v else "",
                    help="ACLED's time precision: 1 the day itself, 2 the week, 3 the month (the date is its 1st)"),
                "geo_precision": st.column_config.SelectboxColumn(
                    "geo_precision", options=[str(k) for k in GEO_PRECISIONS],
                    format_func=lambda v: f"{v} {GEO_PRECISIONS.get(int(v), '')}" if v else "",
                    help="ACLED's geo precision: 1 the place itself, 2 near it or a part of a region (a district's "
                         "centre), 3 a region or province"),
                "confidence": st.column_config.NumberColumn("confidence", format="%.2f"),
                "evidence": st.column_config.TextColumn("evidence (the report's words)", width="large"),
            })
        current, retyped = edit_rows(rows, edited)
        pending["rows"] = rows = current   # the edits live with the drafts, whatever else is drafted later
        if retyped:   # the table shows the changed pair: a new editor on the rows as they are now
            pending["rev"] = pending.get("rev", 0) + 1
            st.session_state[MESSAGES] = [("info", note) for note in retyped]
            st.rerun()
        # nu12/M4: the picker kept a dropped or accepted draft, and choosing it again did nothing
        # Set on every run (not only left out of the session): a value set here is sent to the browser, which
        # otherwise keeps showing the choice it last sent.
        st.session_state["drafts_pick"] = [i for i in st.session_state.get("drafts_pick") or [] if i in ids]
        where_of = {r["draft_id"]: r.get("location") or "" for r in rows}
        chosen = st.multiselect("Drafts to accept or drop", ids, key="drafts_pick",
                                format_func=lambda i: f"{i}: {where_of.get(i, '')}")
        if len(chosen) > 1:
            st.caption(plain(f"{len(chosen)} drafts chosen ({', '.join(chosen)}): Accept and Drop act on every one.",
                             300))
        if store_view.app_store() is None:
            st.caption("This page shows a named file, which is read-only: accepted drafts stay in this session's view.")
        elif not auth.login_configured():  # as the sidebar says: viewing only
            st.caption("Viewing only: no editors are set up (see README, 'Adding users'), so drafts cannot be "
                       "accepted into the event store here; they stay pending until dropped.")
        elif not auth.signed_in_user():
            st.caption("Sign in (sidebar) to accept drafts into the event store.")
        already, repeats = {}, {}
        for r in current:
            if r["draft_id"] not in chosen:
                continue
            record = _record(r, r.get("report") or {})
            existing = _existing(record["event_id"], stored)
            if existing is not None and _identical(record, existing):
                already[r["draft_id"]] = record["event_id"]
                continue
            same = possibly_same(r, stored)
            if existing is not None and record["event_id"] not in same:   # its id is taken by a changed copy
                same = [record["event_id"], *same]
            if same:
                repeats[r["draft_id"]] = same
        if already:   # nu12/M3: said plainly, and no override offered: it would store the same event twice
            st.warning(plain("; ".join(f"{i} is already stored as {e}, the same in every column"
                                       for i, e in already.items()) + ". Drop it: there is nothing to accept.", 500),
                       icon=":material/inventory:")
        # nu13: a draft whose place was not decided (no point, confidence 0) was accepted at one click, unsaid
        unplaced = {r["draft_id"]: r.get("location") or "?" for r in current
                    if r["draft_id"] in chosen and r["draft_id"] not in already and r.get("latitude") is None}
        repeat_ok = unplaced_ok = False
        if repeats:  # beside the button, not only in the grid's column (off-screen on a laptop)
            st.warning(plain("; ".join(f"{i} may repeat stored event {', '.join(same[:3])}" for i, same in repeats.items())
                             + " (same type, dates and places close). Check before accepting: accepted, it is "
                             "counted as another event.", 500), icon=":material/content_copy:")
            repeat_ok = st.checkbox("Accept them anyway: they are other events", key="drafts_repeat_ok")
        if unplaced:
            st.warning(plain("; ".join(f"{i} ({where})" for i, where in unplaced.items()) + ": no coordinates, the "
                             "place was not decided. Fill latitude and longitude in the table, or accept it unplaced: "
                             "it will not be on the map.", 500), icon=":material/location_off:")
            unplaced_ok = st.checkbox("Accept them unplaced", key="drafts_unplaced_ok")
        cols = st.columns(3)
        accept = cols[0].button("Accept into the store", key="drafts_accept",
                                disabled=store_view.app_store() is not None and not auth.login_configured())
        drop = cols[1].button("Drop", key="drafts_drop")
        clear = cols[2].button("Drop all drafts", key="drafts_clear")
    if clear:
        st.session_state[CLEAR_ASK] = True
    if st.session_state.get(CLEAR_ASK):
        st.warning(f"Drop all {len(rows)} pending draft(s) and every edit made to them? They cannot be brought back.",
                   icon=":material/delete_forever:")
        yes, no = st.columns(2)
        if yes.button(f"Yes, drop all {len(rows)}", key="drafts_clear_yes"):
            st.session_state.pop(CLEAR_ASK, None)
            st.session_state.pop(PENDING, None)
            st.session_state.pop("drafts_pick", None)
            st.session_state[MESSAGES] = [("success", f"{len(rows)} draft(s) dropped.")]
            st.rerun()
        if no.button("Keep them", key="drafts_clear_no"):
            st.session_state.pop(CLEAR_ASK, None)
            st.rerun()
        return
    ask = st.session_state.get(DROP_ASK)
    if drop and len(chosen) > 1:
        st.session_state[DROP_ASK] = ask = list(chosen)
        drop = False
    if ask and ask == list(chosen):
        st.warning(plain(f"Drop these {len(ask)} drafts ({', '.join(ask)}) and their edits?", 300),
                   icon=":material/delete:")
        yes, no = st.columns(2)
        if yes.button(f"Yes, drop these {len(ask)}", key="drafts_drop_yes"):
            st.session_state.pop(DROP_ASK, None)
            drop = True
        elif no.button("Keep them", key="drafts_drop_no"):
            st.session_state.pop(DROP_ASK, None)
            st.rerun()
        else:
            return
    elif ask:
        st.session_state.pop(DROP_ASK, None)     # the choice changed: the question no longer applies
    if not (accept or drop) or not chosen:
        if accept or drop:
            st.warning("Choose the drafts first.")
        return
    keep, problems, said, added = [], [], [], 0
    for row in rows:
        did = row["draft_id"]
        if did not in chosen:
            keep.append(row)
        elif drop:
            continue
        elif did in already:
            problems.append(f"{did} ({row['location']}) is already in the store as {already[did]}, the same in "
                            "every column: not accepted again.")
            keep.append(row)
        elif did in unplaced and not unplaced_ok:
            problems.append(f"{did} ({row['location']}) has no coordinates: not accepted. Fill them in, or tick "
                            "'Accept them unplaced'.")
            keep.append(row)
        elif did in repeats and not repeat_ok:
            problems.append(f"{did} ({row['location']}) may repeat stored event "
                            f"{', '.join(repeats[did][:3])}: not accepted. Tick 'Accept them anyway' "
                            "if it is another event.")
            keep.append(row)
        else:
            ok, why = _accept(row, row.get("report") or {}, stored)
            if ok:
                added += 1
                if why:
                    said.append(("info", f"{did} ({row['location']}): {why}"))
            else:
                problems.append(f"{did} ({row['location']}): {why}")
                keep.append(row)
    pending["rows"] = keep
    if added:
        st.toast(f"{added} event(s) accepted into the store.")
        said.insert(0, ("success", f"{added} draft(s) accepted."))
    if drop:
        said.append(("success", f"{len(rows) - len(keep)} draft(s) dropped."))
    if not problems:
        st.session_state[MESSAGES] = said
        st.session_state.pop("drafts_pick", None)
        st.session_state.pop("drafts_repeat_ok", None)   # the next choice is asked again
        st.session_state.pop("drafts_unplaced_ok", None)
        st.rerun()
    for kind, text in said:
        {"success": st.success, "info": st.info}.get(kind, st.error)(plain(text, 500))
    for p in problems:
        st.error(plain(p, 500))


def review_table(rows: list[dict], stored: pd.DataFrame | None = None) -> pd.DataFrame:
    """The drafts as the review table: the report each came from (outlet, publication day), editable
    event columns, the stored events each may repeat
    (``possibly_same``: "possibly the same as CM0034"), then confidence, checks and evidence."""
    def same(r: dict) -> str:
        ids = possibly_same(r, stored)
        return f"possibly the same as {', '.join(ids[:3])}" + (f" (+{len(ids) - 3})" if len(ids) > 3 else "") if ids else ""

    def could_be(r: dict) -> str:
        # nu11: the command line printed "could be: Erbil Governorate ... 36.5571, 44.3851"; the table did not
        return "; ".join(describe_alternative(a) for a in r.get("alternatives") or () if a.get("latitude") is not None)

    def report(r: dict) -> str:
        meta = r.get("report") or {}
        return f"{meta.get('source') or 'unnamed source'}, {meta.get('published') or '?'}"

    def cell(r: dict, c: str):
        v = r.get(c)
        if c in PRECISIONS:   # a code as text, so the selectbox shows it whatever else the column holds
            return None if v is None or (isinstance(v, float) and pd.isna(v)) or v == "" else str(int(v))
        return v

    return pd.DataFrame([{"draft_id": r["draft_id"], "report": report(r), **{c: cell(r, c) for c in EDITABLE},
                          "stored event": same(r), "confidence": r["confidence"], "check": "; ".join(r["flags"]),
                          "could be": could_be(r), "evidence": " | ".join(r["evidence"])} for r in rows])


def apply_edits(rows: list[dict], edited: pd.DataFrame) -> list[dict]:
    """The drafts with the analyst's edits from the review table (matched by draft_id), each draft's
    event_type and sub_event_type kept a pair ACLED allows (``matching_types``)."""
    return edit_rows(rows, edited)[0]


def edit_rows(rows: list[dict], edited: pd.DataFrame) -> tuple[list[dict], list[str]]:
    """(``apply_edits``'s drafts, what was changed beyond the analyst's own edit, in words: a sub-type
    cleared or a type set by ``matching_types``)."""
    by_id = {str(e["draft_id"]): e for _, e in edited.iterrows()} if edited is not None else {}
    out, notes = [], []
    for row in rows:
        e = by_id.get(row["draft_id"])
        if e is None:
            out.append(row)
            continue
        changes = {}
        for c in EDITABLE:
            v = e[c]
            changes[c] = None if (not isinstance(v, str) and pd.isna(v)) else v
            if c in PRECISIONS and changes[c] is not None:
                changes[c] = int(changes[c]) if str(changes[c]).strip().isdigit() else row.get(c)
        moved = any(c in changes and not _same_number(changes[c], row.get(c)) for c in ("latitude", "longitude"))
        new, note = matching_types(row, {**row, **changes, "point_moved": bool(row.get("point_moved")) or moved,
                                         "admin1_drafted": row.get("admin1_drafted", row.get("admin1"))})
        out.append(new)
        if note:
            notes.append(note)
    return out, notes


def matching_types(before: dict, after: dict) -> tuple[dict, str]:
    """(``after`` with its event_type and sub_event_type a pair of ACLED's codebook (``events.schema``),
    what was changed in words or ""). ``before`` is the draft as it was. nu14/M1: a type changed in the
    table kept the old type's sub-type, which was refused only at accept time.

    A new event_type clears a sub-type that belongs to another type (the note lists the new type's
    sub-types to choose from: none is guessed); a new sub-type sets the one event_type it belongs to."""
    kind, sub = after.get("event_type") or "", after.get("sub_event_type") or ""
    parent = SUB_EVENT_TYPES.get(sub)
    if not sub or parent is None or parent == kind or kind not in EVENT_TYPES:
        return after, ""
    did = after.get("draft_id", "")
    if kind != (before.get("event_type") or ""):
        return {**after, "sub_event_type": None}, (
            f"{did} is now {kind}: its sub_event_type {sub} belongs to {parent}, so it was cleared. "
            f"Choose one of {', '.join(EVENT_TYPES[kind])} (or leave it empty).")
    return {**after, "event_type": parent}, f"{did} is now {parent}, the event type its sub_event_type {sub} belongs to."


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


def _existing(event_id: str, stored: pd.DataFrame | None) -> dict | None:
    """The event that already has ``event_id`` where an accepted draft would go: the event store (retired
    events too), or, on a read-only named file, this session's accepted drafts and the file's events."""
    store = store_view.app_store()
    if store is not None:
        return store.get(event_id)
    for rec in st.session_state.get(ACCEPTED, []):
        if rec.get("event_id") == event_id:
            return rec
    if stored is not None and not stored.empty:
        hit = stored[stored["event_id"].astype(str) == event_id]
        if len(hit):
            return hit.iloc[0].to_dict()
    return None


def _cell(value) -> str:
    """A column's value as comparable text: empty for missing, dates as YYYY-MM-DD, numbers without noise."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{float(value):.6f}"
    return str(value).strip()


def _identical(record: dict, existing: dict) -> bool:
    """Is the draft's ``record`` the ``existing`` event in every event column (as the store checks them)?"""
    try:
        checked = check_record(record)
    except InvalidEvent:
        return False
    return all(_cell(checked.get(c)) == _cell(existing.get(c)) for c in COLUMNS)


def free_id(event_id: str, taken) -> str:
    """``event_id`` when ``taken(event_id)`` is false, else the first of ``event_id-2``, ``event_id-3`` ... that
    is free: the id an accepted draft gets when the analyst accepts it as another event than the stored one
    with its content-derived id (deterministic: the same draft accepted again takes the next number)."""
    if not taken(event_id):
        return event_id
    n = 2
    while taken(f"{event_id}-{n}"):
        n += 1
    return f"{event_id}-{n}"


def _moved_point(record: dict, row: dict) -> str:
    """A point the analyst typed or moved in the drafts table: its country must hold it, and its admin1 is the
    one that holds it (``record`` is updated in place). nu15/M2: a Shmustar draft placed in Khuzestan, moved to
    Lebanon by the analyst, had been stored with country IR and admin1 Khuzestan. Returns "" when the record
    may be stored, else why not, in words. An admin1 the analyst typed in the table is kept."""
    lat, lon = record.get("latitude"), record.get("longitude")
    if not row.get("point_moved") or _same_number(lat, None) or _same_number(lon, None):
        return ""
    codes = country_at([float(lat)], [float(lon)])
    here = codes[0]
    if here is not None and record.get("country") and here != record["country"]:
        return (f"the point {float(lat):.4f}, {float(lon):.4f} lies in {here}, not in {record['country']}: "
                "correct the country or the point in the drafts table")
    if (row.get("admin1") or "") == (row.get("admin1_drafted") or ""):
        one = fill_admin(pd.DataFrame([{"latitude": float(lat), "longitude": float(lon),
                                        "country": record.get("country"), "admin1": None}]))
        found = one["admin1"].iloc[0]
        record["admin1"] = None if found is None or (isinstance(found, float) and pd.isna(found)) or found == "" \
            else str(found)
    return ""


def _accept(row: dict, meta: dict, stored: pd.DataFrame | None = None) -> tuple[bool, str]:
    """Add one draft to the event store as the signed-in user (or, when the page shows a read-only
    named file, to this session's view): (True, "" or a note of the id it got) or (False, the reason). A
    draft whose content-derived id is taken (the analyst has said it is another event) gets the next free
    ``-2``, ``-3`` ... id (``free_id``)."""
    record = {**_record(row, meta), **_provenance(row)}
    moved = _moved_point(record, row)
    if moved:
        return False, moved
    try:
        check_record(record, f"draft {row.get('draft_id', '')}")
    except InvalidEvent as exc:
        return False, "; ".join(f"{e.column}: {e.reason}" for e in exc.errors)
    base = record["event_id"]
    record["event_id"] = free_id(base, lambda i: _existing(i, stored) is not None)
    note = "" if record["event_id"] == base else \
        f"accepted as {record['event_id']}, since {base} is already taken by the stored event it may repeat"
    store = store_view.app_store()
    if store is None:
        st.session_state.setdefault(ACCEPTED, []).append(record)
        return True, note
    user = auth.signed_in_user()          # asked again at the moment of writing
    if not user:
        return False, "sign in to accept drafts into the event store"
    try:
        store.add(record, user, reason="accepted from a news report draft",
                  provenance=f"draft from a report: {meta.get('url') or meta.get('source') or 'pasted text'}")
    except InvalidEvent as exc:
        return False, "; ".join(f"{e.column}: {e.reason}" for e in exc.errors)
    except AlreadyExists:   # taken between the look and the write (another session): accept again to get the next
        return False, f"an event with id {record['event_id']} was stored meanwhile; press Accept again"
    except StoreError as exc:
        return False, f"the store could not be written: {exc}"
    return True, note


@dataclass(frozen=True)
class Pending:
    """This session's pending drafts as the page draws them, apart from the stored events: ``frame`` the drafts
    that can be drawn (ids ``draft-D1`` ..., sorted by date; None when there are none), ``token`` changes
    whenever they do, ``unplaced`` the ids of drafts without coordinates, ``refused`` {draft id: why the
    event table refuses its values} (neither is in ``frame``), ``count`` all pending drafts."""

    frame: pd.DataFrame | None = None
    token: str = ""
    unplaced: tuple[str, ...] = ()
    refused: dict = field(default_factory=dict)
    count: int = 0


def pending_drafts(rows: list[dict]) -> Pending:
    """``rows`` (pending drafts, edits included) as ``Pending``: the placed ones as event-table rows with ids
    ``draft-D1`` ..., marked "DRAFT, not accepted" in their notes, followed by the draft's ``flags`` (what to check)."""
    placed, unplaced = [], []
    for r in rows:
        if r.get("latitude") is None or r.get("longitude") is None:
            unplaced.append(str(r["draft_id"]))
            continue
        rec = _record(r, r.get("report") or {})
        rec["event_id"] = f"{DRAFT_PREFIX}{r['draft_id']}"
        # the popup says what the analyst must check, as the drafts table's "check" column does (nu30: a draft placed
        # at a district's centre said only "near the place / part of a region")
        checks = "; ".join(str(f) for f in r.get("flags") or ())
        rec["notes"] = "DRAFT, not accepted: " + (f"check: {checks}. " if checks else "") + (rec.get("notes") or "")
        placed.append(rec)
    frame, refused = _typed(placed)
    if frame is not None:
        frame = frame.sort_values("event_date", kind="stable").reset_index(drop=True)
    said = {placed[k]["event_id"][len(DRAFT_PREFIX):]: why for k, why in refused.items() if 0 <= k < len(placed)}
    token = hashlib.sha1(repr(placed).encode()).hexdigest()[:12] if placed else ""
    return Pending(frame, token, tuple(unplaced), said, len(rows))


def drafts_panel(frame: pd.DataFrame, review_box=None) -> tuple[pd.DataFrame, str, Pending]:
    """Draw the panel (sidebar form; review box in ``review_box``, a container placed where the page wants
    it, else at this point of the page) and return (``frame`` with this session's accepted events, a token
    that changes whenever those do, this session's pending drafts as ``Pending``).

    Pending drafts are never part of the returned frame (nu14): the timeline's range, the date filter, the
    counts and the histogram are the stored events'; the page draws the drafts in a layer of their own."""
    with st.sidebar:
        _form()
    if review_box is None:
        _review(frame)
    else:
        with review_box:
            _review(frame)
    pending = pending_drafts((st.session_state.get(PENDING) or {}).get("rows", []))
    accepted = st.session_state.get(ACCEPTED, [])
    extra = _frame(accepted)
    if extra is None:
        return frame, "", pending
    token = hashlib.sha1(repr(accepted).encode()).hexdigest()[:12]
    both = pd.concat([frame, extra], ignore_index=True)
    both = both.drop_duplicates("event_id", keep="first")
    return both.sort_values("event_date", kind="stable").reset_index(drop=True), token, pending
