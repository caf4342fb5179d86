"""A bare link stays bare until the reader moves the map; a notice never pushes the map off the screen."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from .streamlit_page import MAP_IFRAME, map_frame, wait_for_app
from .test_first_open import LAPTOP, PHONE, sized  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e
VIEW_KEYS = {"lat", "lon", "z"}


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["1366x768", "390x844"])
def test_the_bare_link_gets_a_view_only_once_the_map_is_moved(sized, app_url, size):  # noqa: F811
    page = sized(size, phone=size is PHONE)
    page.goto(app_url)
    frame = map_frame(page)
    frame.locator(".leaflet-marker-pane > *").first.wait_for()
    wait_for_app(page)
    page.wait_for_timeout(4_000)  # every report of the opening view (fit, resize, full page) is in by now
    assert not VIEW_KEYS & set(query(page)), page.url
    box = page.locator(MAP_IFRAME).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + min(box["height"], 300) / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 160, y + 60, steps=10)
    page.mouse.up()
    page.wait_for_function("() => ['lat', 'lon', 'z'].every(k => new URL(location.href).searchParams.has(k))",
                           timeout=30_000)
    assert VIEW_KEYS <= set(query(page))


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["1366x768", "390x844"])
def test_a_link_notice_is_one_compact_row_above_the_map(sized, app_url, size):  # noqa: F811
    page = sized(size, phone=size is PHONE)
    page.goto(app_url + "/?dates=2024-04-20&dates=2024-04-22")
    frame = map_frame(page)
    wait_for_app(page)
    notice = page.locator(".st-key-link_notice [data-testid='stAlert']")
    assert "reaches past the data" in notice.inner_text()
    dismiss = page.locator(".st-key-dismiss_notices button:visible").first.bounding_box()
    assert dismiss is not None and dismiss["x"] + dismiss["width"] <= size["width"], dismiss  # beside it, on screen
    height = notice.bounding_box()["height"]
    assert height <= (45 if size is LAPTOP else 110), height
    top = page.locator(MAP_IFRAME).bounding_box()["y"]
    assert top <= (200 if size is LAPTOP else 240), top
    # The three events' markers are on the first screen.
    frame.locator(".leaflet-marker-pane > *").first.wait_for()
    for marker in frame.locator(".leaflet-marker-pane > *").all():
        b = marker.bounding_box()
        assert b is not None and top <= b["y"] and b["y"] + b["height"] <= size["height"], b
