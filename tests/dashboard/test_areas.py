"""The admin-area choropleth: events placed in WOF areas by their coordinates, counted per selection."""
import pytest
import shapely.geometry
from streamlit.testing.v1 import AppTest

from dashboard import areas
from dashboard.data import ENV_DATA

from .conftest import APP, event, make_frame, map_args

FRAME = make_frame(
    event(event_id="B1", latitude=33.35, longitude=44.4, admin1="Baghdad", country="IQ", fatalities=2),
    event(event_id="B2", latitude=33.30, longitude=44.35, admin1="Baghdad Governorate", country="IQ", fatalities=1),
    event(event_id="F1", latitude=33.35, longitude=43.78, admin1="Anbar", country="IQ", fatalities=0),
    event(event_id="R1", latitude=36.98, longitude=41.97, admin1="Al-Hasakah", country="SY"),
    event(event_id="X1", latitude=None, longitude=None, admin1="", country="IQ", location="Nowhere"),
)


def test_events_are_counted_in_the_area_that_holds_them():
    located = areas.locate_events(FRAME)
    table = areas.counts(FRAME, located, 1).set_index("area")
    assert table.loc["Baghdad", "events"] == 2 and table.loc["Baghdad", "fatalities"] == 3
    assert table.loc["Al-Anbar", "events"] == 1
    assert table["events"].sum() == 4  # the event without coordinates is in no area


def test_an_area_filters_to_every_spelling_its_events_use_and_colours_by_the_measure():
    located = areas.locate_events(FRAME)
    table = areas.counts(FRAME, located, 1)
    collection, lower = areas.features(table, 1, "fatalities", areas.data_admin1(FRAME, located, 1))
    props = {f["properties"]["area"]: f["properties"] for f in collection["features"]}
    assert props["Baghdad"]["a1f"] == ["Baghdad", "Baghdad Governorate"]
    assert "Al-Anbar" not in props  # 0 fatalities: not shaded when shading by fatalities
    assert props["Baghdad"]["tip"] == "Baghdad (IQ): 2 events, 3 killed"
    assert lower[0] == 1
    with pytest.raises(ValueError):
        areas.features(table, 1, "rockets")


def test_zoomed_in_the_areas_are_districts():
    assert areas.level_for(7) == 1 and areas.level_for(8) == 2 and areas.level_for(None) == 1
    located = areas.locate_events(FRAME)
    assert set(areas.counts(FRAME, located, 2)["area"]) >= {"Al-Ramadi"} or len(areas.counts(FRAME, located, 2)) >= 3


def test_the_app_shades_areas_from_the_link(sample_csv, monkeypatch):
    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["areas"] = "events"
    at.run()
    assert not at.exception and not at.warning
    assert '"a1f"' in map_args(at)["feature_group"]
    assert at.radio(key="areas").value == "events"


def test_two_provinces_under_one_wof_name_are_one_area_with_both_names():
    frame = make_frame(event(event_id="Y1", latitude=14.66, longitude=43.69, admin1="Raymah", country="YE"),
                       event(event_id="Y2", latitude=15.39, longitude=44.28, admin1="Sanaa", country="YE"))
    located = areas.locate_events(frame)
    collection, _ = areas.features(areas.counts(frame, located, 1), 1, "events")
    (area,) = collection["features"]     # WOF calls both "San`ar": counted and drawn together
    assert area["properties"]["tip"] == "Raymah / Sana'a (YE): 2 events, 0 killed"
    shape = shapely.geometry.shape(area["geometry"])
    assert shape.contains(shapely.geometry.Point(43.69, 14.66)) and shape.contains(shapely.geometry.Point(44.28, 15.39))
