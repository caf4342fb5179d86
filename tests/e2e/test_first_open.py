"""The dashboard on first open, as a new user meets it: a laptop screen and a phone, the internet out of
reach (every non-local request blocked), the README's own link, an `ev` link, the map's own controls."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from events import CURATED_PATH, load

from .conftest import ARTIFACTS_DIR
from .streamlit_page import MAP_IFRAME, map_frame, tile_count, wait_for_app
from .upload_helpers import expect_metric, expect_shown_events, map_document, unplaced

pytestmark = pytest.mark.e2e

BUNDLED = load(CURATED_PATH).frame
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
EV_LINK = "/?ev=CM0027&lat=34.1&lon=41.2&z=8"
MAP_VIEW = """() => {
    const map = window.map || Object.values(window).find(v => v instanceof L.Map);
    const c = map.getCenter();
    return {lat: c.lat, lng: c.lng, zoom: map.getZoom()};
}"""


@pytest.fixture
def sized(browser):
    """Open pages at a given screen size, cut off from the internet; records what was blocked."""
    contexts, blocked = [], []

    def open_page(size: dict, phone: bool = False):
        context = browser.new_context(viewport=size, is_mobile=phone, has_touch=phone)
        context.route("**/*", lambda route, request: route.continue_()
                      if urlsplit(request.url).hostname in ("127.0.0.1", "localhost")
                      or request.url.startswith(("data:", "blob:", "about:"))
                      else (blocked.append(request.url), route.abort("blockedbyclient")))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(45_000)
        return page

    open_page.blocked = blocked
    yield open_page
    for context in contexts:
        context.close()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def shot(page, name: str) -> None:
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"))


def test_make_run_draws_the_map_on_the_offline_base_map_above_the_fold(sized, app_url):
    page = sized(LAPTOP)
    page.goto(app_url)
    frame = map_frame(page)
    wait_for_app(page)
    expect_shown_events(page, len(BUNDLED) - unplaced(page))
    # The drawn base map: land and borders in its own pane, country and place names, no tile at all.
    frame.locator(".leaflet-cmBase-pane path:not([d='M0 0'])").first.wait_for()  # one on screen
    expect(frame.locator(".cm-label-country")).to_contain_text(["Iraq"], timeout=15_000)
    assert frame.locator(".cm-label-city").count() > 3
    assert tile_count(frame) == 0
    assert "Who's On First" in frame.locator(".leaflet-control-attribution").inner_text()
    box = page.locator(MAP_IFRAME).bounding_box()
    above_fold = min(LAPTOP["height"], box["y"] + box["height"]) - max(0, box["y"])
    assert above_fold >= 400, f"only {above_fold:.0f} px of map above the fold"
    shot(page, "first_open_1366x768")
    assert sized.blocked == [], f"the page reached for the internet: {sized.blocked}"


def test_the_readme_link_shows_the_three_20_21_april_events_with_a_notice(sized, app_url):
    page = sized(LAPTOP)
    page.goto(app_url + "/?dates=2024-04-20&dates=2024-04-22")
    map_frame(page)
    wait_for_app(page)
    april = BUNDLED[BUNDLED["event_date"].between("2024-04-20", "2024-04-21")]
    assert len(april) == 3
    expect_metric(page, "Events", 3)
    expect_shown_events(page, 3)
    notice = page.locator("[data-testid='stAlert']").first.inner_text()
    assert "reaches past the data" in notice and "showing 2024-04-20 to 2024-04-21" in notice
    assert query(page)["dates"] == ["2024-04-20", "2024-04-21"]


def test_an_ev_link_reopens_at_its_exact_view(sized, app_url):
    page = sized(LAPTOP)
    page.goto(app_url + EV_LINK)
    map_frame(page).locator(".leaflet-popup-content").wait_for()
    wait_for_app(page)
    page.wait_for_timeout(2_000)  # any pan (popup, map report) would have happened by now
    view = map_document(page).evaluate(MAP_VIEW)
    assert view["zoom"] == 8
    one_pixel = 360 / (256 * 2 ** 8)  # Leaflet places the centre on whole pixels
    assert abs(view["lat"] - 34.1) < one_pixel and abs(view["lng"] - 41.2) < one_pixel, view
    assert query(page)["lat"] == ["34.1"] and query(page)["lon"] == ["41.2"] and query(page)["z"] == ["8"]


@pytest.mark.parametrize("link, lat, lon, zoom", [
    ("/?lat=36.8&lon=42.2", 36.8, 42.2, 8),   # no z: the centre kept at the stated zoom (url_state.LINK_ZOOM)
    ("/?z=9", None, None, 9),                 # no centre: that zoom around the data's centre
])
def test_a_partial_view_link_keeps_what_it_gives(sized, app_url, link, lat, lon, zoom):
    page = sized(LAPTOP)
    page.goto(app_url + link)
    map_frame(page)
    wait_for_app(page)
    page.wait_for_timeout(2_000)
    view = map_document(page).evaluate(MAP_VIEW)
    if lat is None:  # the centre of the bundled data's extent
        placed = BUNDLED.dropna(subset=["latitude", "longitude"])
        lat = (placed["latitude"].min() + placed["latitude"].max()) / 2
        lon = (placed["longitude"].min() + placed["longitude"].max()) / 2
    assert view["zoom"] == zoom, view
    one_pixel = 360 / (256 * 2 ** zoom)
    assert abs(view["lat"] - lat) < 2 * one_pixel and abs(view["lng"] - lon) < 2 * one_pixel, view
    assert query(page)["z"] == [str(zoom)]
    assert abs(float(query(page)["lat"][0]) - lat) < 2 * one_pixel
    assert not page.locator("[data-testid='stAlert']").count()


def test_a_phone_shows_the_map_first_and_its_popup_inside_the_map_above_the_controls(sized, app_url):
    page = sized(PHONE, phone=True)
    page.goto(app_url + EV_LINK)
    frame = map_frame(page)
    popup = frame.locator(".leaflet-popup-content-wrapper")
    popup.wait_for()
    wait_for_app(page)
    page.wait_for_timeout(1_000)
    box = page.locator(MAP_IFRAME).bounding_box()
    assert box["y"] < 130, f"the map starts {box['y']:.0f} px down on a phone: one header row at most"
    inner = map_document(page).evaluate("""() => {
        const r = document.querySelector(".leaflet-popup-content-wrapper").getBoundingClientRect();
        const m = document.querySelector(".leaflet-container").getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 12);
        return {popup: [r.left, r.top, r.right, r.bottom], map: [m.left, m.top, m.right, m.bottom],
                onTop: !!hit && !!hit.closest(".leaflet-popup")};
    }""")
    (left, top, right, bottom), (mleft, mtop, mright, mbottom) = inner["popup"], inner["map"]
    assert mleft <= left and right <= mright and mtop <= top and bottom <= mbottom, inner
    assert inner["onTop"], "a control covers the popup"
    assert frame.locator(".cm-legend").evaluate("el => el.open") is False  # the legend folds on a phone
    shot(page, "ev_link_390x844")


def rect_overlap(a, b) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


RECTS = """(selectors) => Object.fromEntries(Object.entries(selectors).map(([k, s]) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return [k, {left: r.left, right: r.right, top: r.top, bottom: r.bottom}];
}))"""


def test_a_laptop_ev_popup_sits_on_its_marker_clear_of_the_controls(sized, app_url):
    page = sized(LAPTOP)
    page.goto(app_url + "/?ev=CM0036")
    frame = map_frame(page)
    frame.locator(".leaflet-popup-content").wait_for()
    wait_for_app(page)
    page.wait_for_timeout(1_500)  # the popup's content has wrapped to its final width
    doc = map_document(page)
    rects = doc.evaluate(RECTS, {"popup": ".leaflet-popup-content-wrapper", "tip": ".leaflet-popup-tip",
                                 "zoom": ".leaflet-control-zoom", "layers": ".leaflet-control-layers"})
    marker_x = doc.evaluate("""() => {
        const map = window.map || Object.values(window).find(v => v instanceof L.Map);
        return map.latLngToContainerPoint(map._popup.getLatLng()).x;
    }""")
    tip_x = (rects["tip"]["left"] + rects["tip"]["right"]) / 2
    assert abs(tip_x - marker_x) < 3, f"the popup's tip is at {tip_x:.0f} px, its event at {marker_x:.0f} px"
    assert not rect_overlap(rects["popup"], rects["zoom"]), rects
    assert not rect_overlap(rects["popup"], rects["layers"]), rects


def test_a_phone_shows_the_scale_bar_beside_the_attribution(sized, app_url):
    page = sized(PHONE, phone=True)
    page.goto(app_url)
    map_frame(page).locator(".leaflet-control-scale").wait_for()
    wait_for_app(page)
    rects = map_document(page).evaluate(RECTS, {"scale": ".leaflet-control-scale",
                                                "attribution": ".leaflet-control-attribution"})
    assert not rect_overlap(rects["scale"], rects["attribution"]), rects
    # the phone's timeline is its own narrow drawing: labels about 11 px high, not a 1,000-wide one shrunk
    expect(page.locator(".st-key-timeline_narrow img")).to_be_visible(timeout=30_000)
    assert not page.locator(".st-key-timeline_wide img").is_visible()
    drawn = page.locator(".st-key-timeline_narrow img").bounding_box()
    assert drawn["width"] / 400 > 0.8, drawn          # 11-unit text drawn at >= 9 px
    shot(page, "first_open_390x844")


def test_the_base_map_picked_in_the_map_reaches_the_url(sized, app_url):
    page = sized(LAPTOP)
    page.goto(app_url)
    frame = map_frame(page)
    wait_for_app(page)
    frame.locator(".leaflet-control-layers").hover()
    frame.get_by_text("Dark (offline)").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('base') === 'dark'", timeout=20_000)
    wait_for_app(page)
    expect(map_frame(page).locator(".leaflet-container")).to_have_class(re.compile(r"\bcm-base-dark\b"))
    assert page.locator(".st-key-base input[type='radio']:checked").evaluate("el => el.value") in ("dark", "1") \
        or "dark" in page.locator(".st-key-base").inner_text()


def test_failing_tiles_fall_back_to_the_offline_map_with_a_note(sized, app_url):
    page = sized(LAPTOP)
    page.goto(app_url + "/?base=streets")  # the reader picked tiles; the internet is out of reach
    frame = map_frame(page)
    expect(frame.locator(".cm-note")).to_contain_text("tiles could not load", timeout=20_000)
    expect(frame.locator(".leaflet-container")).to_have_class(re.compile(r"\bcm-base-light\b"))
    frame.locator(".leaflet-cmBase-pane path:not([d='M0 0'])").first.wait_for()  # one on screen
    assert any("tile.openstreetmap.org" in url for url in sized.blocked)  # only tiles were asked for
    assert all("tile.openstreetmap.org" in url for url in sized.blocked), sized.blocked


def test_clicking_a_shaded_area_filters_to_it(sized, app_url):
    page = sized(LAPTOP)
    page.goto(app_url + "/?areas=events")
    frame = map_frame(page)
    wait_for_app(page)
    frame.locator(".leaflet-overlay-pane path[fill='#fc4e2a'], .leaflet-overlay-pane path").first.wait_for()
    # A point inside Al-Anbar away from every marker (the desert west of Ramadi).
    point = map_document(page).evaluate("""() => {
        const map = window.map || Object.values(window).find(v => v instanceof L.Map);
        const p = map.latLngToContainerPoint([32.6, 41.3]);
        return {x: p.x, y: p.y};
    }""")
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("() => new URLSearchParams(location.search).getAll('admin1').includes('Anbar')",
                           timeout=20_000)
    wait_for_app(page)
    anbar = BUNDLED[BUNDLED["admin1"] == "Anbar"]
    expect_metric(page, "Events", len(anbar))
