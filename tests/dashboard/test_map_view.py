"""Reading back what the map component reports: the clicked event and the view."""
from __future__ import annotations

from dashboard.map_view import clicked_event, returned_view
from dashboard.url_state import View


def test_a_click_on_an_event_marker_names_the_event():
    out = {"last_active_drawing": {"type": "Feature", "properties": {"eid": "A2", "c": "#fff"}}}
    assert clicked_event(out) == "A2"
    assert clicked_event({"last_active_drawing": {"properties": {"sel": "A3"}}}) == "A3"


def test_clicks_elsewhere_name_nothing():
    assert clicked_event(None) is None
    assert clicked_event({"last_active_drawing": None}) is None
    assert clicked_event({"last_active_drawing": {"properties": {"kind": "path"}}}) is None


def test_view_is_read_from_centre_and_zoom():
    assert returned_view({"center": {"lat": 33.1, "lng": 44.2}, "zoom": 7}) == View(33.1, 44.2, 7)
    assert abs(returned_view({"center": {"lat": 33.1, "lng": 404.2}, "zoom": 7}).lon - 44.2) < 1e-9  # wrapped
    assert returned_view({"zoom": 7}) is None


def test_only_the_fitted_opening_view_counts_as_unmoved():
    from dashboard.map_view import shows_the_data
    from dashboard.url_state import View

    data = ((30.0, 38.0), (37.0, 46.0))                     # the events' extent
    centre = View(33.55, 42.0, 6)                          # fitted: centred on it (padding shifts it a few px)
    shown = ((27.0, 34.5), (40.0, 49.5))                   # what a 1366 px wide map shows at zoom 6
    assert shows_the_data(shown, data, centre)
    assert not shows_the_data(shown, data, View(33.55, 44.6, 6))                 # panned ~120 px east
    assert not shows_the_data(((31.0, 39.0), (36.0, 45.0)), data, View(33.5, 42.0, 7))   # zoomed in
    assert not shows_the_data(((10.0, 20.0), (55.0, 65.0)), data, View(33.55, 42.0, 4))   # zoomed out
    assert not shows_the_data(None, data, centre) and not shows_the_data(shown, data, None)
