"""The "Draft from a report" panel in a real browser, the internet out of reach: drafts look like drafts on
the map, and the picker forgets a dropped draft in the browser too (not only on the server)."""
from __future__ import annotations

import pytest

from .streamlit_page import wait_for_app
from .upload_helpers import map_document, open_dashboard

pytestmark = pytest.mark.e2e

REPORT = ("Five rockets were launched from the Iraqi town of Zummar towards a US base in Rumalyn in "
          "north-eastern Syria on Sunday, officials said. Early on Saturday a blast hit the Kalsu military base "
          "in Babil province in Iraq. It killed a soldier.")


def _draft(page) -> None:
    """Fill the sidebar's "Draft from a report" form with ``REPORT`` and wait for its two drafts."""
    page.locator('[data-testid="stSidebar"]').get_by_text("Draft from a report").click()
    page.locator(".st-key-draft_text textarea").fill(REPORT)
    date = page.locator(".st-key-draft_published input")
    date.scroll_into_view_if_needed()
    date.fill("2024-04-22")
    date.press("Enter")
    page.locator(".st-key-draft_source input").fill("Test wire")
    page.locator(".st-key-draft_source input").press("Tab")
    page.locator(".st-key-draft_submit button").click()
    page.get_by_text("Drafts from the report (2)").wait_for(timeout=240_000)
    wait_for_app(page, timeout_ms=120_000)


def test_drafts_are_hollow_on_the_map_and_a_dropped_one_leaves_the_picker(page, app_url, blocked_requests):
    frame = open_dashboard(page, app_url)
    assert frame.locator("path.cm-draft-marker").count() == 0
    _draft(page)
    # nu12/M5: drawn apart from stored events, and named in the legend
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first
    frame.locator(".cm-legend").get_by_text("Draft (not accepted)").wait_for(state="attached", timeout=60_000)
    # both drafts sit in clusters with the stored events they retell at the opening zoom: go to one
    # (the cluster group's own zoomToShowLayer: a draft on the very point of a stored event stays clustered at any
    # fixed zoom, so a setView to zoom 13 left it hidden in one CI run; this zooms or spiderfies until it is drawn)
    found = map_document(page).evaluate("""() => {
        const map = Object.values(window).find(v => v instanceof L.Map);
        const drafts = [];
        map.eachLayer(l => { if (l instanceof L.MarkerClusterGroup) { l.getLayers().forEach(m => {
            if (m.options.className === "cm-draft-marker") { drafts.push([l, m]); } }); } });
        if (drafts.length) { drafts[0][0].zoomToShowLayer(drafts[0][1], () => {}); }
        return drafts.length; }""")
    assert found == 2
    hollow = frame.locator("path.cm-draft-marker")
    hollow.first.wait_for(state="attached", timeout=30_000)
    assert hollow.first.get_attribute("fill") == "#ffffff" and hollow.first.get_attribute("stroke-dasharray")
    assert frame.locator('path[stroke-dasharray="2 3"]:not(.cm-draft-marker)').count() == 0   # no stored one
    # nu12/M4: choose D2, drop it; the browser's picker must no longer show it (before the fix the server
    # forgot the choice but the browser kept showing "D2: Kalsu", and Drop again did nothing)
    picker = page.locator(".st-key-drafts_pick")
    picker.locator("input").click()
    page.keyboard.type("D2")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_for_app(page)
    assert "D2:" in picker.inner_text()
    page.locator(".st-key-drafts_drop button").click()
    page.get_by_text("Drafts from the report (1)").wait_for(timeout=60_000)
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert "D2:" not in picker.inner_text(), picker.inner_text()
    page.locator(".st-key-drafts_drop button").click()
    page.get_by_text("Choose the drafts first").wait_for(timeout=30_000)
    assert blocked_requests == []
