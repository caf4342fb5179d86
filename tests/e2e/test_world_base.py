"""Events outside the nine countries sit on drawn land, with country names, offline.

A user uploaded ACLED's legacy Africa sample and saw its markers on an empty blue canvas: the drawn
base map knew only SY, IQ, JO, LB, IL, PS, YE, IR, TR. These tests look at what Leaflet actually drew:
whether a path of the world layer (pane ``cmWorld``) fills the events' own points, the sea's does not,
and which country names are on the page, in the app (an upload) and in the standalone export.
"""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.html_export import map_html
from events import CURATED_PATH, load_bytes
from tests.dashboard.conftest import event, make_frame

from .streamlit_page import map_frame, wait_for_app
from .upload_helpers import expect_shown_events, map_document, unplaced, upload

pytestmark = pytest.mark.e2e

# ACLED's legacy API layout (as tests/events/fixtures/acled_legacy.csv): five events in Africa.
HEADER = ("actor1,actor2,admin1,admin2,admin3,ally_actor_1,ally_actor_2,country,data_id,event_date,event_id_cnty,"
          "event_id_no_cnty,event_type,fatalities,geo_precision,gwno,inter1,inter2,interaction,latitude,location,"
          "longitude,notes,source,time_precision,year")
PLACES = {  # name: (lat, lon, country, gwno)
    "Maiduguri": (11.85, 13.16, "Nigeria", 475),
    "Abuja": (9.06, 7.49, "Nigeria", 475),
    "Kinshasa": (-4.32, 15.31, "Democratic Republic of Congo", 490),
    "Nairobi": (-1.2833, 36.8167, "Kenya", 501),
    "Lusaka": (-15.4166, 28.2833, "Zambia", 551),
}
AFRICA_CSV = "\n".join([HEADER] + [
    f"Protesters ({country}),,{name},{name},,,,{country},{i},2016-07-0{i},{i}RTA,,Riots/Protests,0,1,{gwno},6,0,60,"
    f"{lat},{name},{lon},Protest in {name}.,Test,1,2016"
    for i, (name, (lat, lon, country, gwno)) in enumerate(PLACES.items(), start=1)]).encode()
BUNDLED = load_bytes(CURATED_PATH.read_bytes(), "events.csv", geocode=False).frame  # shown with an upload
AT_SEA = [(0.0, 0.0), (-20.0, 0.0), (-10.0, 60.0)]  # Gulf of Guinea, South Atlantic, Indian Ocean
AFRICA_VIEW = "lat=-2&lon=22&z=3"  # a 1400 px wide map at zoom 3 spans the continent

FILLED_AT = """points => {
    const map = Object.values(window).find(v => v instanceof L.Map);
    const paths = [...document.querySelectorAll(".leaflet-cmWorld-pane path")];
    return points.map(([lat, lon]) => {
        const p = map.latLngToLayerPoint([lat, lon]);  // Leaflet's SVG paths are in layer-point space
        return paths.some(path => path.isPointInFill(new DOMPoint(p.x, p.y)));
    });
}"""
WORLD_IN_VIEW = """() => {
    const box = document.querySelector(".leaflet-container").getBoundingClientRect();
    return [...document.querySelectorAll(".leaflet-cmWorld-pane path")].filter(path => {
        const r = path.getBoundingClientRect();
        return r.width > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
    }).length;
}"""
COUNTRY_NAMES = "() => [...document.querySelectorAll('.cm-label-country span')].map(s => s.textContent)"


def _points():
    return [[lat, lon] for lat, lon, *_ in PLACES.values()]


def test_uploaded_events_in_africa_sit_on_drawn_land_with_country_names(page, app_url, blocked_requests,
                                                                        failed_responses, screenshot):
    page.goto(f"{app_url}/?{AFRICA_VIEW}")
    map_frame(page)
    wait_for_app(page)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    upload(page, "acled_africa.csv", AFRICA_CSV)
    frame = map_document(page)
    expect_shown_events(page, len(BUNDLED) + len(PLACES) - unplaced(page))  # zoom 3 reaches Iraq too
    assert frame.evaluate("() => Object.values(window).find(v => v instanceof L.Map).getZoom()") == 3
    frame.wait_for_function(f"() => ({WORLD_IN_VIEW})() > 20", timeout=15_000)
    assert frame.evaluate(FILLED_AT, _points()) == [True] * len(PLACES)
    assert frame.evaluate(FILLED_AT, AT_SEA) == [False] * len(AT_SEA)
    frame.wait_for_function(f"() => ({COUNTRY_NAMES})().includes('Nigeria')", timeout=15_000)
    names = frame.evaluate(COUNTRY_NAMES)
    assert {"Nigeria", "Algeria", "Sudan"} <= set(names) and len(names) == len(set(names))
    assert "Natural Earth" in frame.locator(".leaflet-control-attribution").inner_text()
    screenshot("world_base_africa_upload")
    # Zoomed in on Nigeria past ADMIN2_FROM: no district file is asked for outside the nine.
    frame.evaluate("() => Object.values(window).find(v => v instanceof L.Map).setView([9.06, 7.49], 9)")
    page.wait_for_timeout(2_000)
    assert [url for url in requested if "/outlines/admin2-" in url] == []
    assert blocked_requests == [] and failed_responses == []


def test_the_standalone_export_of_events_in_africa_opens_on_drawn_land(page, tmp_path, screenshot):
    frame = load_bytes(AFRICA_CSV, "acled_africa.csv", geocode=False).frame
    assert len(frame) == len(PLACES)
    south, west = frame["latitude"].min(), frame["longitude"].min()
    north, east = frame["latitude"].max(), frame["longitude"].max()
    export = tmp_path / "africa.html"
    export.write_bytes(map_html(frame, "light", ((south, west), (north, east)),
                                made=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(export.as_uri())
    page.locator(".leaflet-container").wait_for(state="visible")
    page.wait_for_function(f"() => ({WORLD_IN_VIEW})() > 5", timeout=15_000)
    zoom = page.evaluate("() => Object.values(window).find(v => v instanceof L.Map).getZoom()")
    assert page.evaluate(FILLED_AT, _points()) == [True] * len(PLACES)
    assert page.evaluate(FILLED_AT, [[-4.0, 5.0]]) == [False]  # Gulf of Guinea, inside this view
    page.wait_for_function(f"() => ({COUNTRY_NAMES})().includes('Nigeria')", timeout=10_000)
    screenshot(f"world_base_africa_export_z{zoom}")
    assert [url for url in requested if not url.startswith(("file:", "data:"))] == []
