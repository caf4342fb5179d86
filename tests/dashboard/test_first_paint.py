"""A browser's first run draws the map before the panels; the values it uses are the widgets' own.

AppTest is not a browser (no User-Agent), so the app draws the whole page for it; these tests say
"this session is a browser" by patching ``first_paint._is_browser``, and play the map's first report
by putting a value under the map's key, as st_folium's ``on_change`` does.
"""
from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import first_paint
from dashboard.data import ENV_DATA

from .conftest import APP, SAMPLE, map_event_ids

TIMEOUT = 120
SAMPLE_IDS = sorted(row["event_id"] for row in SAMPLE)
REPORT = {"center": {"lat": 34.0, "lng": 41.0}, "zoom": 6, "last_object_clicked_count": None,
          "bounds": {"_southWest": {"lat": 28.0, "lng": 33.0}, "_northEast": {"lat": 40.0, "lng": 49.0}}}


@pytest.fixture
def browser_app(sample_csv, monkeypatch):
    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    monkeypatch.setattr(first_paint, "_is_browser", lambda: True)

    def run(params: dict | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.query_params.update(params or {})
        return at.run()
    return run


def panels(at: AppTest) -> dict:
    return {"table": len(at.dataframe), "upload": len(at.get("file_uploader")),
            "filters": len(at.multiselect), "slider": len(at.slider)}


def test_a_plain_link_draws_the_map_alone_then_everything_once_the_map_reports(browser_app):
    at = browser_app()
    assert not at.exception
    assert sorted(map_event_ids(at)) == SAMPLE_IDS  # the map, with every event
    assert at.title[0].value == "Conflict event map"
    assert panels(at) == {"table": 0, "upload": 0, "filters": 0, "slider": 0}
    at.run()  # a rerun without the map's report (a fragment tick, say) still holds the panels back
    assert panels(at)["table"] == 0
    at.session_state["map"] = REPORT  # the map has drawn its layers and reported its view
    at.run()
    assert not at.exception
    shown = panels(at)
    assert shown["table"] >= 1 and shown["upload"] >= 1 and shown["filters"] == 5 and shown["slider"] == 1
    assert sorted(map_event_ids(at)) == SAMPLE_IDS  # the same events as the lean run drew


def test_the_lean_run_uses_exactly_the_values_the_widgets_start_with(browser_app):
    lean = browser_app()
    lean_ids = sorted(map_event_ids(lean))
    lean.session_state["map"] = REPORT
    lean.run()
    assert lean.slider(key="dates").value == (dt.date(2024, 1, 28), dt.date(2024, 4, 22))
    assert [lean.multiselect(key=k).value for k in ("type", "sub", "country", "admin1", "admin2")] == [[], [], [], [], []]
    assert (lean.text_input(key="actor").value, lean.text_input(key="q").value) == ("", "")
    assert lean.number_input(key="minfat").value == 0
    assert (lean.radio(key="base").value, lean.toggle(key="heat").value, lean.radio(key="areas").value) == \
        ("light", False, "off")
    assert sorted(map_event_ids(lean)) == lean_ids
    assert "dates" not in lean.query_params


def test_a_link_with_filters_draws_its_widgets_on_the_first_run(browser_app):
    at = browser_app({"type": "Protests"})
    assert map_event_ids(at) == ["A5"]
    assert at.multiselect(key="type").value == ["Protests"]  # Streamlit's own binding reads the link
    assert panels(at)["table"] == 0  # the table still waits for the map


def test_a_link_showing_no_events_draws_the_whole_page_at_once(browser_app):
    at = browser_app({"dates": ["2020-01-01", "2020-01-31"]})
    assert not at.exception
    assert panels(at)["upload"] >= 1 and at.warning  # nothing to wait for: notices and panels now


def test_a_script_client_gets_the_whole_page_at_once(sample_csv, monkeypatch):
    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert panels(at)["table"] >= 1 and panels(at)["filters"] == 5


def test_the_panels_come_anyway_if_the_map_never_reports(browser_app):
    at = browser_app()
    assert panels(at)["table"] == 0
    at.session_state[first_paint.SINCE] = -first_paint.FALLBACK_S  # the lean run was drawn long ago
    at.run()  # the fallback timer's fragment runs with the page
    assert panels(at)["table"] >= 1 and panels(at)["upload"] >= 1
