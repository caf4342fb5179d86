"""First view of the dashboard in a real browser, with the internet out of reach."""

import re

import pytest
from playwright.sync_api import expect

from .streamlit_page import map_frame, open_app, tile_count

pytestmark = pytest.mark.e2e

ASSET_TYPES = {"script", "stylesheet", "font", "image"}


def test_first_view_renders_the_map_from_local_assets(
    page, app_url, blocked_requests, failed_responses, screenshot
):
    open_app(page, app_url)
    frame = map_frame(page)
    container = frame.locator(".leaflet-container")

    # leaflet.css (served by the app) is applied: it makes the container clip its panes. The
    # stylesheet may land after the container is drawn, hence a waiting assertion.
    expect(container).to_have_css("overflow", "hidden")
    # The default base map is the drawn (offline) one: no tile is requested, its colours apply.
    assert tile_count(frame) == 0
    expect(container).to_have_class(re.compile(r"\bcm-base-light\b"))
    assert container.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(220, 229, 235)"

    screenshot("smoke_first_view")
    blocked_assets = [r for r in blocked_requests if r["resource_type"] in ASSET_TYPES]
    assert blocked_assets == [], f"the page tried to fetch assets from the internet: {blocked_assets}"
    assert failed_responses == [], f"local requests failed: {failed_responses}"
