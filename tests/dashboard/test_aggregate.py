"""Hexagon aggregation and the switch between hexagons and individual events: bounded, counted right."""
from __future__ import annotations

import json

import h3
import numpy as np
import pandas as pd
import pytest

from dashboard import aggregate, map_layers
from dashboard.aggregate import Viewport
from dashboard.downloads import map_figure
from dashboard.filters import Filters, apply
from dashboard.map_view import density_legend, mode_caption, returned_bounds, viewport
from dashboard.url_state import View

from .conftest import event, make_frame


def scattered(n: int, seed: int = 1) -> pd.DataFrame:
    """``n`` events around Baghdad and Mosul, a day apart, some with fatalities."""
    rng = np.random.default_rng(seed)
    centre = np.where(rng.random(n) < 0.7, 0, 1)
    lat = np.array([33.31, 36.34])[centre] + rng.normal(0, 0.3, n)
    lon = np.array([44.36, 43.13])[centre] + rng.normal(0, 0.3, n)
    frame = make_frame(event()).iloc[np.zeros(n, dtype=int)].reset_index(drop=True)
    frame["event_id"] = [f"S{i}" for i in range(n)]
    frame["latitude"], frame["longitude"] = lat.round(5), lon.round(5)
    frame["fatalities"] = pd.array(rng.integers(0, 4, n), dtype="Int32")
    frame["event_date"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.arange(n) // 10, unit="D")
    return frame


def test_snapped_cells_match_h3_for_nearly_every_point():
    rng = np.random.default_rng(3)
    lat, lon = rng.uniform(29, 38, 5000), rng.uniform(34, 49, 5000)
    codes, cells = aggregate.cell_codes(lat, lon, 5)
    exact = [h3.latlng_to_cell(a, b, 5) for a, b in zip(lat, lon)]
    agree = np.mean(cells[codes] == np.asarray(exact, dtype=object))
    assert agree > 0.95
    assert set(cells) <= set(exact) | {h3.grid_disk(c, 1)[0] for c in exact} | set().union(
        *(h3.grid_disk(c, 1) for c in exact))  # a miss is only ever a neighbouring cell


def test_hexagons_count_every_event_and_its_fatalities_once():
    frame = scattered(5000)
    fat = frame["fatalities"].to_numpy(dtype="float64", na_value=np.nan)
    table, res = aggregate.hexagons(frame["latitude"].to_numpy(), frame["longitude"].to_numpy(), fat, 5)
    assert res == 5
    assert table["events"].sum() == 5000
    assert table["fatalities"].sum() == int(frame["fatalities"].sum())
    assert table["cell"].is_unique and (table["events"] > 0).all()
    assert table["events"].is_monotonic_decreasing


def test_too_many_cells_fall_back_to_a_coarser_resolution():
    frame = scattered(5000)
    lat, lon = frame["latitude"].to_numpy(), frame["longitude"].to_numpy()
    fine, _ = aggregate.hexagons(lat, lon, np.zeros(5000), 8, max_cells=10**6)
    table, res = aggregate.hexagons(lat, lon, np.zeros(5000), 8, max_cells=50)
    assert len(fine) > 50 >= len(table) and res < 8
    assert table["events"].sum() == 5000
    assert all(h3.get_resolution(c) == res for c in table["cell"])


def test_resolution_gets_finer_as_the_user_zooms_in():
    resolutions = [aggregate.resolution_for(z) for z in range(0, 19)]
    assert resolutions == sorted(resolutions) and resolutions[0] < resolutions[-1] <= aggregate.MAX_RES
    region = aggregate.resolution_for(None, ((29, 34), (38, 49)))  # the Middle East fills a map at zoom 5-6
    assert aggregate.resolution_for(5) <= region <= aggregate.resolution_for(6)
    assert aggregate.resolution_for(None, ((33, 44), (33.2, 44.3))) > region


def test_density_colours_rise_with_the_count():
    counts = np.array([1, 2, 10, 100, 1000, 5000])
    lower = aggregate.breaks(counts)
    shades = aggregate.colour_index(counts, lower)
    assert lower[0] == 1 and list(shades) == sorted(shades) and shades[0] == 0
    assert shades[-1] == len(aggregate.COLOURS) - 1


def test_in_bounds_pads_the_view_and_handles_the_antimeridian():
    lat, lon = np.array([33.0, 33.0, 40.0, 10.0]), np.array([44.0, 45.2, 44.0, 179.5])
    inside = aggregate.in_bounds(lat, lon, ((32.0, 43.0), (34.0, 45.0)))
    assert list(inside) == [True, True, False, False]  # 45.2 is within the 25 % margin
    across = aggregate.in_bounds(lat, lon, ((0.0, 170.0), (20.0, -170.0 + 360)))
    assert across[3]


def test_a_small_selection_shows_individual_events():
    frame = scattered(500)
    data = map_layers.layer_data(frame)
    assert data["mode"] == "events" and data["shown"] == 500 and data["hexagons"] is None
    assert len(data["events"]["features"]) == 500
    assert mode_caption(data) == "Showing 500 individual events"
    assert mode_caption({**data, "shown": 1}) == "Showing 1 individual event"


def test_a_large_selection_shows_hexagons_not_events():
    frame = scattered(aggregate.THRESHOLD + 500)
    data = map_layers.layer_data(frame, selected="S3")
    assert data["mode"] == "hexagons" and data["events"]["features"] == []
    assert data["rings"]["features"] == [] and data["paths"]["features"] == []
    cells = data["hexagons"]["features"]
    assert 0 < len(cells) == data["cells"] <= aggregate.MAX_CELLS
    assert sum(c["properties"]["n"] for c in cells) == aggregate.THRESHOLD + 500
    assert data["selected"]["properties"]["sel"] == "S3"  # the selected event stays ringed
    assert len(data["heat"]) == len(cells)  # heat is per cell too: bounded
    assert "as" in mode_caption(data) and "hexagons" in mode_caption(data)
    assert "zoom in or narrow the filters" in mode_caption(data)
    polygon = cells[0]["geometry"]
    assert polygon["type"] == "Polygon" and polygon["coordinates"][0][0] == polygon["coordinates"][0][-1]


def test_zooming_in_on_a_few_events_switches_to_individual_events():
    frame = scattered(aggregate.THRESHOLD + 2000)
    wide = map_layers.layer_data(frame, viewport=Viewport(((30, 40), (38, 48)), 6))
    assert wide["mode"] == "hexagons"
    close = Viewport(((36.25, 43.0), (36.43, 43.26)), 12)  # a corner of Mosul
    data = map_layers.layer_data(frame, viewport=close)
    assert data["mode"] == "events" and data["in_view"]
    assert 0 < data["shown"] == len(data["events"]["features"]) <= aggregate.THRESHOLD
    assert "in view" in mode_caption(data) and "individual" in mode_caption(data)


def test_the_payload_stays_bounded_as_the_selection_grows():
    sizes = []
    for n in (5_000, 50_000):
        sizes.append(len(map_figure(scattered(n), "light", None).get_root().render()))
    assert sizes[1] < sizes[0] * 2  # ten times the events, nowhere near ten times the bytes


def test_hexagon_tooltips_carry_numbers_only_and_use_the_safe_popup_code():
    frame = scattered(aggregate.THRESHOLD + 10)
    frame["notes"] = "<img src=x onerror=window.pwned=1>"
    html = map_figure(frame, "light", None).get_root().render()
    assert "pwned" not in html and "L.polygon(ring" in html and " fatalities\")" in html
    layers = map_layers.layers_from_data(map_layers.layer_data(frame))
    assert map_layers.LAYER_NAMES["hexagons"] in [layer.layer_name for layer in layers]


def test_the_browser_gets_each_hexagon_back_from_its_compact_row():
    data = map_layers.layer_data(scattered(aggregate.THRESHOLD + 500))
    cells = data["hexagons"]["features"]
    rows = map_layers.compact_cells(data["hexagons"])
    assert len(rows) == len(cells)
    for row, cell in zip(rows, cells):
        assert row[:2] == [cell["properties"]["n"], cell["properties"]["f"]]
        assert aggregate.COLOURS[row[2]] == cell["properties"]["c"]
        lat, lon, ring = row[3], row[4], [(row[4] / 1e4, row[3] / 1e4)]
        for k in range(5, len(row), 2):  # as the browser adds the steps up
            lat, lon = lat + row[k], lon + row[k + 1]
            ring.append((lon / 1e4, lat / 1e4))
        expected = cell["geometry"]["coordinates"][0][:-1]
        assert len(ring) == len(expected)
        assert all(abs(a - c) < 1e-9 and abs(b - d) < 1e-9 for (a, b), (c, d) in zip(ring, expected))
    geojson_bytes = len(json.dumps(data["hexagons"], separators=(",", ":")))
    assert len(json.dumps(rows, separators=(",", ":"))) < geojson_bytes / 3


def test_text_filters_on_categorical_and_arrow_columns():
    frame = scattered(300)
    for col in ("actor1", "location", "country", "admin1"):
        frame[col] = frame[col].astype("category")
    frame["notes"] = frame["notes"].astype("string[pyarrow]")
    frame.loc[5, "notes"] = "A mortar hit the base"
    frame.loc[7, "notes"] = None
    assert list(apply(frame, Filters(text="MORTAR"))["event_id"]) == ["S5"]
    assert list(apply(frame, Filters(text="mortar Rumalyn"))["event_id"]) == ["S5"]  # location: categorical
    assert len(apply(frame, Filters(actor="islamic resistance"))) == 300
    assert len(apply(frame, Filters(actor="nobody"))) == 0


def test_viewport_comes_from_the_map_then_the_link_then_the_data():
    out = {"bounds": {"_southWest": {"lat": 30, "lng": 40}, "_northEast": {"lat": 34, "lng": 46}},
           "center": {"lat": 32, "lng": 43}, "zoom": 7}
    assert viewport(out, None, None) == Viewport(((30.0, 40.0), (34.0, 46.0)), 7)
    unset = {"bounds": {"_southWest": {"lat": None, "lng": None}, "_northEast": {"lat": None, "lng": None}}}
    assert returned_bounds(unset) is None
    from_link = viewport(unset, View(33.0, 44.0, 9), None)
    (s, w), (n, e) = from_link.bounds
    assert from_link.zoom == 9 and s < 33 < n and w < 44 < e and e - w < 3
    fitted = viewport(None, None, ((29, 34), (38, 49)))
    assert fitted.bounds is None and 3 <= fitted.zoom <= 9


@pytest.mark.parametrize("lower, expected", [([1, 4, 15], ["1–3", "4–14", "15+"]), ([1], ["1+"])])
def test_density_legend_names_each_colour_range(lower, expected):
    html = density_legend(lower)
    assert all(label in html for label in expected)
    assert all(aggregate.COLOURS[k] in html for k in range(len(lower)))
