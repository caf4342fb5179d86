"""The baseline page for browser_scale.py: a bare Streamlit page showing one st_folium marker.

Leaflet comes from the app's own copies (dashboard/static/vendor/, as the dashboard's) because the
benchmark's browser may reach only 127.0.0.1; nothing else is added. Streamlit serves static files
from the script's own folder, so browser_scale.py runs a copy of this file from a folder whose
``static`` links to dashboard/static; CONFLICTMAP_ROOT names the repository.
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, os.environ.get("CONFLICTMAP_ROOT") or str(Path(__file__).resolve().parents[1]))

import folium  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from dashboard.offline import localize  # noqa: E402

m = folium.Map(location=[33.3, 44.4], zoom_start=6, tiles=None)
folium.Marker([33.3, 44.4], tooltip="one marker").add_to(m)
st_folium(localize(m), height=500, returned_objects=[])
