"""The upload box: drop a file, see what was rejected and why, explore the rest for this session."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .safe_text import plain
from .upload import ACCEPTED_TYPES, Upload, errors_frame, read_upload, upload_limit_text

UPLOAD = "_upload"
SHOW = "_show_dataset"
SHOW_LABELS = {"both": "Bundled + upload", "upload": "Upload only", "bundled": "Bundled only"}


def _load(file) -> Upload:
    bar = st.progress(0.0, text="Reading the file…")

    def progress(done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=f"Geocoding places: {done} of {total}")

    try:
        return read_upload(file.getvalue(), file.name, progress)
    finally:
        bar.empty()


def upload_panel() -> tuple[pd.DataFrame | None, str]:
    """The uploaded events (None without a usable upload) and which dataset(s) to show."""
    kinds = "CSV, GeoJSON, Parquet" + (" or Excel" if "xlsx" in ACCEPTED_TYPES else "")
    file = st.file_uploader(f"Add your own events ({kinds}; curated, ACLED or UCDP layout; {upload_limit_text()})",
                            type=ACCEPTED_TYPES, key="upload_file")
    if file is None:
        st.session_state.pop(UPLOAD, None)
        return None, "bundled"
    cached = st.session_state.get(UPLOAD)
    if cached is None or cached[0] != file.file_id:
        cached = (file.file_id, _load(file))
        st.session_state[UPLOAD] = cached
    upload: Upload = cached[1]
    if upload.error:
        st.error(plain(upload.error, 300))
    for note in upload.notes:
        st.caption(plain(note, 300))
    errors = errors_frame(upload.result)
    if len(errors):
        with st.expander(f"Rejected rows: {upload.result.rejected}", expanded=True):
            st.dataframe(errors, hide_index=True, width="stretch")
    if upload.frame is None or upload.frame.empty:
        return None, "bundled"
    show = st.radio("Show", list(SHOW_LABELS), format_func=SHOW_LABELS.get, key=SHOW, horizontal=True)
    return upload.frame, show
