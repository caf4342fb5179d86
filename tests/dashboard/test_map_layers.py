"""The map's data layers, built straight from frames: markers, colours, attack paths, precision, escaping."""
from __future__ import annotations

import json
import re

import folium
import pandas as pd
import pytest

from dashboard import map_layers
from dashboard.downloads import map_figure
from dashboard.palette import TYPE_COLOURS, UNKNOWN_COLOUR

from .conftest import HOSTILE, event, make_frame


def test_one_marker_per_event_with_coordinates(sample_frame):
    unplaced = make_frame(event(event_id="U1", latitude=None, longitude=None, geo_status="unresolved"))
    frame = pd.concat([sample_frame, unplaced], ignore_index=True)
    features = map_layers.event_features(frame)["features"]
    assert sorted(f["properties"]["eid"] for f in features) == sorted(sample_frame["event_id"])
    a2 = next(f for f in features if f["properties"]["eid"] == "A2")
    assert a2["geometry"]["coordinates"] == [40.98, 34.38]  # GeoJSON order: lon, lat


def test_markers_coloured_by_event_type(sample_frame):
    by_id = {f["properties"]["eid"]: f["properties"]["c"] for f in map_layers.event_features(sample_frame)["features"]}
    assert by_id["A5"] == TYPE_COLOURS["Protests"]
    assert by_id["A6"] == TYPE_COLOURS["Battles"]
    assert by_id["A1"] == TYPE_COLOURS["Explosions/Remote violence"]
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS) and UNKNOWN_COLOUR not in TYPE_COLOURS.values()


def test_attack_path_runs_from_origin_to_target(sample_frame):
    features = map_layers.path_features(sample_frame)["features"]
    lines = [f for f in features if f["geometry"]["type"] == "LineString"]
    assert len(lines) == 1  # only A4 has an origin
    assert lines[0]["geometry"]["coordinates"] == [[42.4489, 36.6328], [41.97, 36.98]]
    assert "Zummar → Rumalyn" in lines[0]["properties"]["tip"]
    kinds = sorted(f["properties"]["kind"] for f in features)
    assert kinds == ["arrow", "origin", "path"]
    origin = next(f for f in features if f["properties"]["kind"] == "origin")
    assert origin["geometry"]["coordinates"] == [42.4489, 36.6328]


@pytest.mark.parametrize("origin, target, expected", [
    ((0, 0), (0, 1), 0),        # due east: the arrow glyph as drawn
    ((0, 0), (1, 0), -90),      # north: rotated anticlockwise on screen
    ((0, 1), (0, 0), 180),      # west
    ((1, 0), (0, 0), 90),       # south
])
def test_arrow_points_from_origin_to_target(origin, target, expected):
    difference = (map_layers.arrow_rotation(origin, target) - expected + 180) % 360 - 180
    assert abs(difference) < 0.5


def test_approximate_places_get_a_ring_and_say_so(sample_frame):
    frame = make_frame(
        event(event_id="P1"),
        event(event_id="P2", geo_precision=2),
        event(event_id="P3", geo_precision=3),
        event(event_id="P4", geo_status="ambiguous", geo_name="Rumaylan"),
    )
    rings = map_layers.ring_features(frame)["features"]
    assert sorted(f["properties"]["r"] for f in rings) == [10_000, 20_000, 50_000]
    props = {f["properties"]["eid"]: f["properties"] for f in map_layers.event_features(frame)["features"]}
    assert props["P1"]["approx"] == ""
    assert "near the place" in props["P2"]["approx"]
    assert "region or province" in props["P3"]["approx"]
    assert "ambiguous" in props["P4"]["approx"]
    assert ["Matched to", "Rumaylan (ambiguous)"] in props["P4"]["rows"]


def test_popup_carries_every_field_an_analyst_reads():
    frame = make_frame(event(event_id="F1", date_precision=2, fatalities=None, geo_name="Rumaylan",
                             geo_status="resolved", origin_location="Zummar"))
    props = map_layers.event_features(frame)["features"][0]["properties"]
    rows = dict(props["rows"])
    assert rows["Date"] == "2024-04-21 (within a week)"
    assert rows["Actors"] == "Islamic Resistance in Iraq vs Military Forces of the United States (2021-)"
    assert rows["Fatalities"] == "unknown"
    assert rows["Location"] == "Rumalyn, Al-Hasakah, SY"
    assert rows["Matched to"] == "Rumaylan (resolved)"
    assert rows["Launched from"] == "Zummar"
    assert rows["Notes"] == "Rockets fired at the base."
    assert props["title"] == "Explosions/Remote violence — Shelling/artillery/missile attack"
    assert (props["src"], props["url"]) == ("Reuters", "https://example.org/a")


@pytest.mark.parametrize("url, kept", [
    ("https://example.org/a", True), ("http://example.org", True), ("HTTPS://EXAMPLE.ORG", True),
    ("javascript:alert(1)", False), ("data:text/html,<script>", False), ("//example.org", False),
    ("https://", False), (" https://example.org", False), ("https://exa mple.org", False),
])
def test_source_links_only_for_http(url, kept):
    assert (map_layers.safe_url(url) == url) is kept
    assert map_layers.safe_url(url) in (url, "")


def test_layers_are_one_geojson_each_not_one_object_per_event(sample_frame):
    many = make_frame(*[event(event_id=f"M{i}", latitude=33 + i / 100) for i in range(200)])
    layers = map_layers.build_layers(many, selected="M3", heat=True)
    names = [layer.layer_name for layer in layers]
    assert names == [map_layers.LAYER_NAMES[k] for k in ("rings", "paths", "events", "heat", "selected")]

    def count(element) -> int:
        return 1 + sum(count(child) for child in element._children.values())
    assert sum(count(layer) for layer in layers) < 20


def test_selected_event_is_ringed_and_opens_its_popup(sample_frame):
    feature = map_layers.selected_feature(sample_frame, "A2")
    assert feature["properties"]["sel"] == "A2" and "eid" not in feature["properties"]
    assert feature["properties"]["open"] is True
    assert map_layers.selected_feature(sample_frame, "nope") is None


def test_heat_weights_deadlier_events_more(sample_frame):
    points = {(p[0], p[1]): p[2] for p in map_layers.heat_points(sample_frame)}
    assert points[(34.38, 40.98)] > points[(33.31, 44.36)] == 1.0  # 16 killed vs none


def _rendered(frame) -> str:
    fig = map_figure(frame, "light", ((30, 38), (37, 45)), selected="A6", heat=True)
    return fig.get_root().render()


def test_hostile_text_never_appears_as_markup_in_the_map(sample_frame):
    html = _rendered(sample_frame)
    for bad in ("<img src=x", "<script>window.pwned", "</script><script>", '"><script>'):
        assert bad not in html
    # The data is there, escaped inside JSON strings (\u003c for <), and reaches the page only via textContent.
    assert "\\u003cimg src=x onerror=window.pwned=1\\u003e" in html
    assert "${window.pwned=1}" in html  # harmless: inside a JSON double-quoted string, not a template literal
    for match in re.finditer(r"`", html):
        line = html[html.rfind("\n", 0, match.start()) + 1: html.find("\n", match.end())]
        assert "pwned" not in line or '"' in line  # a backtick from the data only ever sits inside a JSON string


def test_map_scripts_never_put_data_into_html():
    from dashboard import map_js

    for name in ("POPUP_AND_TOOLTIP", "EVENT_MARKER", "UNCERTAINTY_RING", "PATH_POINT", "SELECTED_MARKER"):
        code = getattr(map_js, name).js_code
        assert "innerHTML" not in code and "`" not in code and "${" not in code
    popup = map_js.POPUP_AND_TOOLTIP.js_code
    assert "textContent" in popup and "https?" in popup


def test_json_embedding_survives_a_round_trip(sample_frame):
    """The escaped JSON folium embeds still decodes to the original hostile strings."""
    html = _rendered(sample_frame)
    blobs = re.findall(r"_add\((\{\"features\".*?\})\);\n", html)
    decoded = [json.loads(b) for b in blobs]
    texts = json.dumps(decoded, ensure_ascii=False)
    for bad in HOSTILE:
        assert json.dumps(bad, ensure_ascii=False)[1:-1] in texts


def test_legend_lists_every_type_in_its_colour():
    from dashboard.legend import legend_html

    html = legend_html()
    for name, colour in TYPE_COLOURS.items():
        assert f"background:{colour}" in html and name in html
    assert "Approximate location" in html and "Attack path" in html


def test_base_map_offers_drawn_light_and_dark_and_tiles_only_as_a_choice(monkeypatch):
    from dashboard.basemaps import base_map

    monkeypatch.delenv("CONFLICTMAP_OFFLINE", raising=False)
    fig = base_map("dark", ((30, 38), (37, 45)))
    layers = [c for c in fig._children.values() if isinstance(c, folium.map.Layer)]
    names = {t.layer_name for t in layers}
    assert {"Light (offline)", "Dark (offline)", "Streets (tiles)", "Satellite (tiles)"} <= names
    assert [t.layer_name for t in layers if t.show] == ["Dark (offline)"]
    assert all(not t.show for t in layers if isinstance(t, folium.TileLayer))  # no tile fetched unless picked


def test_offline_mode_offers_no_remote_tiles(monkeypatch):
    from dashboard.basemaps import available

    assert set(available({"CONFLICTMAP_OFFLINE": "1"})) == {"light", "dark"}
    local = available({"CONFLICTMAP_OFFLINE": "1", "CONFLICTMAP_TILES": "http://127.0.0.1:8080/{z}/{x}/{y}.png"})
    assert local["local"].tiles == "http://127.0.0.1:8080/{z}/{x}/{y}.png"


def test_popup_of_a_geocoded_event_names_the_place_readably():
    """Loaded "Baghdede" (Nineveh) is matched to WOF's "Qaḑā’ al Ḩamdānīyah" (Qaraqosh): the popup says
    "Al Hamdaniyah", the name the map's town label and the geocoder's text give it."""
    import csv
    import io

    from events import load_bytes
    from events.schema import COLUMNS
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS))
    writer.writeheader()
    writer.writerow({**{c: "" for c in COLUMNS}, "event_id": "B1", "event_date": "2024-04-21",
                     "event_type": "Battles", "actor1": "Islamic State (Iraq)", "country": "IQ",
                     "admin1": "Nineveh", "location": "Baghdede", "source": "Test"})
    frame = load_bytes(buf.getvalue().encode(), "e.csv").frame
    rows = dict(map_layers.event_features(frame)["features"][0]["properties"]["rows"])
    assert rows["Matched to"] == "Al Hamdaniyah (resolved)"
