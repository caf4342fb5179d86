"""The upload box: drop a file (or pull from ACLED/UCDP, ``fetch_panel``), see what was rejected and why,
explore the rest for this session."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .fetch_panel import PULLED, fetch_panel, pulled_name, show_result
from .safe_text import plain
from .upload import ACCEPTED_TYPES, Upload, read_upload, upload_limit_text

UPLOAD = "_upload"
REPLACED = "_upload_replaced"   # what the last upload replaced, said until another file comes
SHOW = "_show_dataset"
SHOW_LABELS = {"both": "Bundled + upload", "upload": "Upload only", "bundled": "Bundled only"}
STORE_SHOW_LABELS = {"both": "Event store + upload", "upload": "Upload only", "bundled": "Event store only"}


def _load(file) -> Upload:
    bar = st.progress(0.0, text="Reading the file…")

    def progress(done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=f"Geocoding places: {done} of {total}")

    try:
        return read_upload(file.getvalue(), file.name, progress)
    finally:
        bar.empty()


def upload_panel() -> tuple[pd.DataFrame | None, str]:
    """This session's own events (an uploaded file and/or events pulled from ACLED or UCDP; None
    without any usable) and which dataset(s) to show."""
    kinds = "CSV, GeoJSON, Parquet" + (" or Excel" if "xlsx" in ACCEPTED_TYPES else "")
    file = st.file_uploader(f"Add your own events ({kinds}; curated, ACLED or UCDP layout; {upload_limit_text()}; "
                            "one file at a time: a new file replaces the one before)",
                            type=ACCEPTED_TYPES, key="upload_file")
    own: list[pd.DataFrame] = []
    if file is None:
        st.session_state.pop(UPLOAD, None)
        st.session_state.pop(REPLACED, None)
    else:
        cached = st.session_state.get(UPLOAD)
        if cached is None or cached[0] != file.file_id:
            before = cached[1] if cached is not None else None
            cached = (file.file_id, _load(file))
            st.session_state[UPLOAD] = cached
            if before is not None and before.frame is not None and not before.frame.empty:
                # nu7: UCDP then ACLED showed 502 events where 7,509 had been, and nothing said why
                st.session_state[REPLACED] = (f"{plain(before.name, 80)} ({len(before.frame):,} events) was "
                                              f"replaced by {plain(file.name, 80)}: an upload holds one file. "
                                              "To compare two exports, combine them into one file, or add "
                                              "the first to the event store.")
            else:
                st.session_state.pop(REPLACED, None)
        upload: Upload = cached[1]
        if st.session_state.get(REPLACED):
            st.info(st.session_state[REPLACED])
        show_result(upload)
        if upload.frame is not None and not upload.frame.empty:
            own.append(upload.frame)
    pulled = fetch_panel()
    if pulled is not None:
        own.append(pulled)
    if not own:
        return None, "bundled"
    frame = own[0] if len(own) == 1 else \
        pd.concat(own, ignore_index=True).sort_values("event_date", kind="stable").reset_index(drop=True)
    from .store_view import reads_store
    # nu10: "Bundled only" while the page read the event store (which holds accepted drafts by then)
    labels = STORE_SHOW_LABELS if reads_store() else SHOW_LABELS
    show = st.radio("Show", list(labels), format_func=labels.get, key=SHOW, horizontal=True)
    return frame, show


def own_token() -> str:
    """What this session added (upload id, pull id): part of the page's cache key."""
    upload = st.session_state.get(UPLOAD, ("",))[0]
    pulled = st.session_state.get(PULLED, ("",))[0]
    return f"{upload}+{pulled}" if pulled else str(upload)


def own_name() -> str:
    """The uploaded file's and/or the pull's name (the provenance of events added to the store)."""
    names = [getattr(st.session_state.get("upload_file"), "name", None), pulled_name()]
    return " + ".join(n for n in names if n) or "upload"
