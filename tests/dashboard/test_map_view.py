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
