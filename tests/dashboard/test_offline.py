"""No CDN, in any mode: every map file the dashboard uses is committed and served by the app."""

import re

import branca.colormap
import folium
import pytest
from folium import plugins

from dashboard import offline
from dashboard.basemaps import base_map
from dashboard.offline import (
    UNUSED_DEFAULTS,
    VENDOR_DIR,
    OfflineAssetError,
    load_manifest,
    localize,
    offline_enabled,
    served_prefix,
    standalone_html,
    vendored_paths,
)

# The folium elements the dashboard puts on a map; each must load only from the app.
SUPPORTED = [folium.Map, plugins.MarkerCluster, plugins.HeatMap, plugins.Fullscreen]

ATTRIBUTE_URL = re.compile(r"""\b(?:src|href)=["']([^"']+)["']""")
EXTERNAL_TAG = re.compile(r"<script\b[^>]*\bsrc=|<link\b[^>]*\bhref=", re.I)


def busy_map() -> folium.Map:
    """A map with everything the dashboard draws: drawn base maps, tiles as a choice, clusters, heat."""
    m = base_map("light", ((30, 38), (37, 45)))
    cluster = plugins.MarkerCluster().add_to(m)
    folium.CircleMarker([33.5, 36.3]).add_to(cluster)
    plugins.HeatMap([[33.5, 36.3, 1.0]]).add_to(m)
    return m


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), ("ON", True), ("yes", True), ("0", False), ("", False), ("no", False)],
)
def test_offline_mode_follows_the_environment_setting(value, expected):
    assert offline_enabled({"CONFLICTMAP_OFFLINE": value}) is expected


def test_offline_mode_is_off_when_unset():
    assert offline_enabled({}) is False


def test_every_vendored_file_is_committed_with_its_licence():
    for package in load_manifest():
        folder = VENDOR_DIR / package["target"]
        assert (folder / "LICENSE.txt").is_file(), package["target"]
        assert package["spdx"] in ("MIT", "BSD-2-Clause")
        for relative in package["files"]:
            assert (folder / relative).exists(), f"{package['target']}/{relative}"
    assert offline.missing_files() == []


@pytest.mark.parametrize("element", SUPPORTED, ids=lambda cls: cls.__name__)
def test_every_cdn_file_of_supported_elements_has_a_vendored_copy(element):
    links = getattr(element, "default_js", []) + getattr(element, "default_css", [])
    urls = [url for name, url in links if name not in UNUSED_DEFAULTS]
    assert urls, f"{element.__name__} should load something"
    assert [url for url in urls if url not in vendored_paths()] == []


def test_localized_map_references_only_files_the_app_serves_and_none_it_does_not_use():
    m = localize(busy_map())
    html = m.get_root().render()

    referenced = [url for url in ATTRIBUTE_URL.findall(html) if not url.startswith("data:")]
    assert referenced, "the map should still load its scripts and styles"
    assert all(url.startswith(served_prefix()) for url in referenced), referenced
    missing = [url for url in referenced if not (VENDOR_DIR / url.removeprefix(served_prefix())).is_file()]
    assert missing == []
    for unused in ("jquery", "bootstrap", "fontawesome", "awesome-markers", "glyphicons"):
        assert unused not in html.lower()
    # Only tile templates remain as remote addresses, and no tile layer is shown unless picked.
    remote = set(re.findall(r"https?://[^\s\"']+", html))
    assert remote <= {"https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                      "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
                      "http://www.w3.org/2000/svg"}, remote


def test_localize_leaves_folium_defaults_alone_for_other_maps():
    localize(busy_map())
    assert folium.Map.default_js[0][1].startswith("https://")
    assert any(name == "jquery" for name, _ in folium.Map.default_js)


def test_localize_twice_renders_the_same_links():
    m = localize(busy_map())
    first = ATTRIBUTE_URL.findall(m.get_root().render())
    second = ATTRIBUTE_URL.findall(localize(m).get_root().render())
    assert first == second


def test_missing_vendored_copy_is_named_in_the_error_and_the_page_message(monkeypatch, tmp_path):
    monkeypatch.setattr(offline, "VENDOR_DIR", tmp_path)
    with pytest.raises(OfflineAssetError, match=r"leaflet/leaflet\.js"):
        localize(folium.Map())
    problem = offline.asset_problem()
    assert "leaflet/leaflet.js" in problem or "leaflet/images" in problem or "fullscreen" in problem
    assert "make vendor" in problem


def test_an_element_without_vendored_copy_is_refused_by_url():
    m = folium.Map()
    plugins.Geocoder().add_to(m)  # loads from unpkg; not vendored
    with pytest.raises(OfflineAssetError, match="leaflet-control-geocoder"):
        localize(m)


def test_colormaps_are_refused_because_st_folium_fetches_d3_from_a_cdn():
    m = folium.Map()
    branca.colormap.LinearColormap(["green", "red"], vmin=0, vmax=1).add_to(m)
    with pytest.raises(OfflineAssetError, match="colormap"):
        localize(m)


def test_standalone_export_has_no_external_script_or_stylesheet():
    html = standalone_html(busy_map())

    assert EXTERNAL_TAG.findall(html) == []
    css_urls = re.findall(r"url\(\s*[\"']?([^\"')]{0,40})", html)
    assert [u for u in css_urls if not u.startswith(("data:", "#"))] == []
    assert "L.Icon.Default.mergeOptions" in html and "data:image/png;base64," in html
