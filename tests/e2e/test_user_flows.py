"""What an analyst does with the dashboard, in a real browser with the internet out of reach."""
from __future__ import annotations

import re

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from events import CURATED_PATH, load_bytes
from dashboard.state import JITTER_PX
from events.schema import EVENT_TYPES

from .streamlit_page import wait_for_app
from .upload_helpers import (expect_metric, expect_shown_events, map_document, metric, open_dashboard, rejected_rows, unplaced, upload,
                             upload_csv_bytes)

pytestmark = pytest.mark.e2e

BUNDLED = load_bytes(CURATED_PATH.read_bytes(), "events.csv", geocode=False).frame


def on_map(page, events) -> int:
    """The events the map must draw: all selected ones but those the page says it cannot place."""
    return len(events) - unplaced(page)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_for_query(page, key: str, old: str, timeout_ms: int = 20_000) -> None:
    """Until the URL's ``key`` (values joined by "|") is no longer ``old``."""
    page.wait_for_function(
        """([key, old]) => new URLSearchParams(location.search).getAll(key).join("|") !== old""",
        arg=[key, old], timeout=timeout_ms,
    )


def test_the_map_shows_every_event_once_with_its_legend(page, app_url, screenshot, blocked_requests):
    frame = open_dashboard(page, app_url)
    assert metric(page, "Events") == len(BUNDLED)
    expect_shown_events(page, on_map(page, BUNDLED))  # single markers + the numbers on the cluster bubbles
    legend = frame.locator(".cm-legend")
    legend.wait_for(state="visible")
    if not legend.evaluate("el => el.open"):  # folded on a map narrower than legend.OPEN_FROM_PX
        legend.locator("summary").click()
    for name in EVENT_TYPES:
        assert name in legend.inner_text()
    screenshot("first_view")
    assert not [r for r in blocked_requests if r["resource_type"] in {"script", "stylesheet", "font"}]


def test_changing_the_date_range_changes_the_markers_and_the_url(page, app_url):
    open_dashboard(page, f"{app_url}/?dates=2023-10-18&dates=2023-11-08")
    in_window = BUNDLED[BUNDLED["event_date"].between("2023-10-18", "2023-11-08")]
    assert metric(page, "Events") == len(in_window)
    expect_shown_events(page, on_map(page, in_window))
    end = page.locator(".st-key-dates input[type='range']").last
    # Four days later: the three CM0009-CM0011 events of 2023-11-12 come in. One day per key
    # press, each waited for: a rerun may redraw the slider and drop a press sent meanwhile.
    for _ in range(8):
        shown = "|".join(query(page).get("dates", []))
        if shown.endswith("2023-11-12"):
            break
        end.focus()
        end.press("ArrowRight")
        try:
            wait_for_query(page, "dates", shown, timeout_ms=5_000)
        except Exception:  # noqa: BLE001 - a lost press: the loop presses again
            pass
        wait_for_app(page)
    assert query(page)["dates"] == ["2023-10-18", "2023-11-12"]
    wider = BUNDLED[BUNDLED["event_date"].between("2023-10-18", "2023-11-12")]
    expect_metric(page, "Events", len(wider))
    expect_shown_events(page, on_map(page, wider))


LINK = "/?type=Explosions/Remote%20violence&country=IQ&ev=CM0027&lat=34.1&lon=41.2&z=8"
IRAQI_STRIKES = BUNDLED[(BUNDLED["event_type"] == "Explosions/Remote violence") & (BUNDLED["country"] == "IQ")]


def fresh_page(browser):
    """A new browser context (no cookies, no Streamlit session), also cut off from the internet."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda route, request: route.continue_() if urlsplit(request.url).hostname in
                  {"127.0.0.1", "localhost"} or request.url.startswith(("data:", "blob:", "about:"))
                  else route.abort("blockedbyclient"))
    return context


def test_a_copied_link_opens_the_same_filters_and_selected_event_in_a_fresh_browser(page, app_url, browser):
    frame = open_dashboard(page, app_url + LINK)
    frame.locator(".leaflet-popup-content").wait_for()
    assert metric(page, "Events") == len(IRAQI_STRIKES)
    link = page.url
    context = fresh_page(browser)
    try:
        fresh = context.new_page()
        other = open_dashboard(fresh, link)
        popup = other.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "CM0027" in popup.inner_text()  # the same selected event, its popup open
        expect_metric(fresh, "Events", len(IRAQI_STRIKES))
        assert "Explosions/Remote violence" in fresh.locator(".st-key-type").inner_text()
        assert "IQ" in fresh.locator(".st-key-country").inner_text()
        for key in ("type", "country", "ev"):
            assert query(fresh)[key] == query(page)[key]
    finally:
        context.close()


def test_a_copied_link_opens_the_same_centre_and_zoom_in_a_fresh_browser(page, app_url, browser):
    open_dashboard(page, app_url + LINK).locator(".leaflet-popup-content").wait_for()
    wait_for_app(page)
    # The link's view, give or take the selected event's popup panning into sight (the URL then
    # carries the panned view, so the copied link opens that).
    first = settled_view(page)
    assert first["zoom"] == 8 and abs(first["lat"] - 34.1) < 0.6 and abs(first["lng"] - 41.2) < 0.6
    link = page.url
    context = fresh_page(browser)
    try:
        fresh = context.new_page()
        open_dashboard(fresh, link).locator(".leaflet-popup-content").wait_for()
        wait_for_app(fresh)
        again = settled_view(fresh)
        # The same view to a person: same zoom, centre within a few pixels (the app ignores moves
        # under JITTER_PX, so map and URL may each differ by that much).
        near = 2 * JITTER_PX * degrees_per_px(first["zoom"])
        assert again["zoom"] == first["zoom"]
        assert abs(again["lat"] - first["lat"]) < near and abs(again["lng"] - first["lng"]) < near
        assert query(fresh)["z"] == query(page)["z"]
        for key in ("lat", "lon"):
            assert abs(float(query(fresh)[key][0]) - float(query(page)[key][0])) < near
    finally:
        context.close()


EXACT_STATE = """() => {
    const map = Object.values(window).find(v => v instanceof L.Map)
        || (window.__GLOBAL_DATA__ && window.__GLOBAL_DATA__.map);
    const c = map.getCenter();
    return {lat: c.lat, lng: c.lng, zoom: map.getZoom()};
}"""


def degrees_per_px(zoom: int) -> float:
    return 360 / (256 * 2 ** zoom)


def settled_view(page, timeout_s: float = 15.0) -> dict:
    """The map's view once it has stopped moving (popup auto-pan animates) and the URL has caught up."""
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        state = map_document(page).evaluate(EXACT_STATE)
        url = query(page)
        caught_up = "lat" in url and abs(float(url["lat"][0]) - state["lat"]) < \
            JITTER_PX * degrees_per_px(state["zoom"])
        if state == last and caught_up:
            return state
        last = state
        page.wait_for_timeout(500)
    raise AssertionError(f"the map never settled with the URL in step: map {last}, URL {query(page)}")


MAP_STATE = """() => {
    const map = Object.values(window).find(v => v instanceof L.Map)
        || (window.__GLOBAL_DATA__ && window.__GLOBAL_DATA__.map);
    const c = map.getCenter();
    return {lat: Math.round(c.lat * 10) / 10, lng: Math.round(c.lng * 10) / 10, zoom: map.getZoom()};
}"""


def map_state(page) -> dict:
    return map_document(page).evaluate(MAP_STATE)


def wait_for_map_state(page, expected: dict) -> dict:
    """The map's centre (2 decimals) and zoom, once the opening view has been applied."""
    try:
        map_document(page).wait_for_function(
            f"want => JSON.stringify(({MAP_STATE})()) === JSON.stringify(want)", arg=expected, timeout=10_000)
    except Exception:  # noqa: BLE001 - say what the map shows instead
        raise AssertionError(f"map view {map_state(page)}, expected {expected}") from None
    return expected


def test_playback_moves_the_window(page, app_url):
    open_dashboard(page, f"{app_url}/?dates=2023-10-18&dates=2023-10-25")
    page.get_by_role("button", name="Play").first.click()
    wait_for_query(page, "dates", "2023-10-18|2023-10-25", timeout_ms=30_000)
    moved = query(page)["dates"]
    page.get_by_role("button", name="Pause").first.click()
    wait_for_app(page)
    assert moved != ["2023-10-18", "2023-10-25"] and len(moved) == 2
    assert all(len(d) == 10 and d[4] == d[7] == "-" for d in moved), moved  # ISO dates during playback too


def test_an_upload_with_bad_rows_lists_them_and_why(page, app_url):
    open_dashboard(page, app_url)
    upload(page, "mine.csv", upload_csv_bytes(
        dict(event_id="U1", event_date="2024-03-10"),
        dict(event_id="U2", event_date="2024-13-45"),
        dict(event_id="U3", event_type="Picnic"),
        dict(event_id="U4", source_url="javascript:alert(1)"),
    ))
    rows = rejected_rows(page)
    assert "Rejected rows: 3" in page.locator("[data-testid='stExpander']").first.inner_text()
    reasons = " ".join(rows)
    for why in ("unparsable or impossible date", "unknown event type", "not an http(s) URL"):
        assert why in reasons
    expect_metric(page, "Events", len(BUNDLED) + 1)
    expect_shown_events(page, on_map(page, BUNDLED) + 1)


def test_a_csv_download_loads_back_with_the_same_events(page, app_url, tmp_path):
    open_dashboard(page, f"{app_url}/?country=SY")
    page.get_by_role("button", name="⬇ CSV").click()  # builds the file, kept for this session
    save = page.get_by_role("button", name=re.compile(r"^Save CSV \("))
    save.wait_for()
    with page.expect_download() as info:
        save.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    again = load_bytes(path.read_bytes(), path.name, geocode=False)
    expected = BUNDLED[BUNDLED["country"] == "SY"]
    assert again.errors == []
    assert sorted(again.frame["event_id"]) == sorted(expected["event_id"])
    assert metric(page, "Events") == len(expected)
