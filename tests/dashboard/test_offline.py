"""Offline mode: the map's HTML references only files the app serves, or none at all."""

import re

import branca.colormap
import folium
import pytest
from folium import plugins

from dashboard import offline
from dashboard.offline import (
    VENDOR_DIR,
    OfflineAssetError,
    localize,
    offline_enabled,
    served_prefix,
    standalone_html,
    vendored_paths,
)

requires_vendored = pytest.mark.skipif(
    not (VENDOR_DIR / "leaflet" / "leaflet.js").is_file(),
    reason=f"vendored map assets absent in {VENDOR_DIR}: run `make vendor`",
)

# The folium elements the dashboard may put on a map; each must work offline.
SUPPORTED = [
    folium.Map, plugins.MarkerCluster, plugins.HeatMap, plugins.Fullscreen, plugins.MousePosition,
    plugins.PolyLineTextPath, plugins.AntPath, plugins.Search, plugins.MiniMap, plugins.LocateControl,
    plugins.Draw, plugins.Timeline, plugins.TimelineSlider,
]  # fmt: skip

ATTRIBUTE_URL = re.compile(r"""\b(?:src|href)=["']([^"']+)["']""")
EXTERNAL_TAG = re.compile(r"<script\b[^>]*\bsrc=|<link\b[^>]*\bhref=", re.I)


def busy_map() -> folium.Map:
    m = folium.Map(location=[33.5, 36.3], zoom_start=6)  # OpenStreetMap tiles by default
    cluster = plugins.MarkerCluster().add_to(m)
    folium.Marker([33.5, 36.3], icon=folium.Icon(icon="info-sign")).add_to(cluster)
    folium.Marker([34.0, 36.0], icon=folium.Icon(icon="bomb", prefix="fa", angle=45)).add_to(m)
    plugins.HeatMap([[33.5, 36.3, 1.0]]).add_to(m)
    plugins.Fullscreen().add_to(m)
    plugins.MousePosition().add_to(m)
    return m


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), ("ON", True), ("yes", True), ("0", False), ("", False), ("no", False)],
)
def test_offline_mode_follows_the_environment_setting(value, expected):
    assert offline_enabled({"CONFLICTMAP_OFFLINE": value}) is expected


def test_offline_mode_is_off_when_unset():
    assert offline_enabled({}) is False


@pytest.mark.parametrize("element", SUPPORTED, ids=lambda cls: cls.__name__)
def test_every_cdn_file_of_supported_elements_has_a_vendored_copy(element):
    links = getattr(element, "default_js", []) + getattr(element, "default_css", [])
    urls = [url for _, url in links]
    assert urls, f"{element.__name__} should load something"
    assert [url for url in urls if url not in vendored_paths()] == []


@requires_vendored
def test_localized_map_references_only_files_the_app_serves():
    m = localize(busy_map())
    html = m.get_root().render()

    assert re.findall(r"https?://\S+", html) == []
    referenced = [url for url in ATTRIBUTE_URL.findall(html) if not url.startswith("data:")]
    assert referenced, "the map should still load its scripts and styles"
    assert all(url.startswith(served_prefix()) for url in referenced), referenced
    missing = [url for url in referenced if not (VENDOR_DIR / url.removeprefix(served_prefix())).is_file()]
    assert missing == []


@requires_vendored
def test_files_that_stylesheets_point_at_are_vendored_too():
    stylesheets = [VENDOR_DIR / path for path in vendored_paths().values() if path.endswith(".css")]
    missing = []
    for css in stylesheets:
        for target in re.findall(r"url\(\s*[\"']?([^\"')]+)", css.read_text(encoding="utf-8")):
            if target.startswith(("data:", "#")):
                continue
            if not (css.parent / re.split(r"[?#]", target)[0]).is_file():
                missing.append(f"{css.name} -> {target}")
    assert missing == []


@requires_vendored
def test_localize_leaves_folium_defaults_alone_for_other_maps():
    localize(busy_map())
    assert folium.Map.default_js[0][1].startswith("https://")
    assert "https://" in folium.Map().get_root().render()


@requires_vendored
def test_localize_twice_renders_the_same_links():
    m = localize(busy_map())
    first = ATTRIBUTE_URL.findall(m.get_root().render())
    second = ATTRIBUTE_URL.findall(localize(m).get_root().render())
    assert first == second


@requires_vendored
def test_base_map_degrades_to_a_plain_background_with_a_max_zoom(monkeypatch):
    monkeypatch.delenv("CONFLICTMAP_TILES", raising=False)
    m = localize(busy_map())
    html = m.get_root().render()
    assert "L.tileLayer" not in html
    assert offline.OFFLINE_BASEMAP_CLASS in html
    assert '"maxZoom": 19' in html  # carried over from the OpenStreetMap layer it replaced


@requires_vendored
def test_a_configured_local_tile_source_replaces_remote_tiles(monkeypatch):
    monkeypatch.setenv("CONFLICTMAP_TILES", "http://127.0.0.1:8080/{z}/{x}/{y}.png")
    monkeypatch.setenv("CONFLICTMAP_TILES_ATTRIBUTION", "Own tile server")
    html = localize(busy_map()).get_root().render()
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://127.0.0.1:8080/{z}/{x}/{y}.png"]
    assert "Own tile server" in html
    assert offline.OFFLINE_BASEMAP_CLASS not in html


def test_missing_vendored_copy_is_named_in_the_error(monkeypatch, tmp_path):
    monkeypatch.setattr(offline, "VENDOR_DIR", tmp_path)
    with pytest.raises(OfflineAssetError, match=r"leaflet/leaflet\.js"):
        localize(folium.Map())


@requires_vendored
def test_an_element_without_vendored_copy_is_refused_by_url():
    m = folium.Map()
    plugins.Geocoder().add_to(m)  # loads from unpkg; not vendored
    with pytest.raises(OfflineAssetError, match="leaflet-control-geocoder"):
        localize(m)


@requires_vendored
def test_colormaps_are_refused_because_st_folium_fetches_d3_from_a_cdn():
    m = folium.Map()
    branca.colormap.LinearColormap(["green", "red"], vmin=0, vmax=1).add_to(m)
    with pytest.raises(OfflineAssetError, match="colormap"):
        localize(m)


@requires_vendored
def test_standalone_export_has_no_external_script_or_stylesheet():
    html = standalone_html(busy_map())

    assert EXTERNAL_TAG.findall(html) == []
    css_urls = re.findall(r"url\(\s*[\"']?([^\"')]{0,40})", html)
    assert [u for u in css_urls if not u.startswith(("data:", "#"))] == []
    # Icon fonts and Leaflet's marker images travel inside the file.
    assert "data:font/woff2;base64," in html
    assert "L.Icon.Default.mergeOptions" in html and "data:image/png;base64," in html


@requires_vendored
def test_standalone_export_can_keep_remote_tiles_for_online_readers():
    html = standalone_html(busy_map(), keep_remote_tiles=True)
    assert EXTERNAL_TAG.findall(html) == []
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in html
