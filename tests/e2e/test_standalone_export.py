"""The standalone HTML export opens with no network at all."""

import folium
import pytest

from dashboard.offline import standalone_html

from .streamlit_page import PLAIN_MARKERS

pytestmark = pytest.mark.e2e

FONT_LOADED = "family => [...document.fonts].some(f => f.family.replace(/\"/g, '') === family && f.status === 'loaded')"


def test_exported_map_renders_markers_and_icon_fonts_offline(
    page, tmp_path, blocked_requests, failed_responses, screenshot
):
    m = folium.Map(location=[48.5, 35.0], zoom_start=6)
    folium.Marker([48.5, 35.0], tooltip="default icon").add_to(m)
    folium.Marker([49.0, 36.0], icon=folium.Icon(icon="info-sign")).add_to(m)
    folium.Marker([48.0, 34.0], icon=folium.Icon(icon="bomb", prefix="fa")).add_to(m)
    export = tmp_path / "map.html"
    export.write_text(standalone_html(m), encoding="utf-8")

    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(export.as_uri())
    page.locator(".leaflet-container").wait_for(state="visible")

    assert page.locator(PLAIN_MARKERS).count() == 3
    default_icon = page.locator(".leaflet-marker-icon:not(.awesome-marker)").first
    assert default_icon.evaluate("img => img.complete && img.naturalWidth") == 25
    for family in ("Glyphicons Halflings", "Font Awesome 6 Free"):
        page.wait_for_function(FONT_LOADED, arg=family, timeout=10_000)
    screenshot("standalone_export")
    assert [url for url in requested if not url.startswith(("file:", "data:"))] == []
    assert blocked_requests == [] and failed_responses == []
