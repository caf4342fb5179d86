"""The dashboard with its downloads as they were before issue 16: Streamlit's deferred download
(``data=callable``), the baseline of ``benchmarks/busy_downloads.py``. Not for use."""
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dashboard import downloads  # noqa: E402


def deferred_panel(frame, stem, basemap, bounds, selected, heat, key=""):
    import streamlit as st

    st.download_button("⬇ CSV", data=lambda: downloads.to_csv_bytes(frame), file_name=f"{stem}.csv",
                       mime="text/csv", on_click="ignore", key="csv_deferred", disabled=frame.empty)


downloads.downloads_panel = deferred_panel
runpy.run_path(str(ROOT / "dashboard" / "app.py"), run_name="__main__")
