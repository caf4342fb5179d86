"""Hostile text in the live app and its HTML export, in a real browser: shown as text, never run.

Every payload would set ``window.pwned`` if the browser ran it as markup or script.
"""
from __future__ import annotations

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

import pytest

from tests.dashboard.test_map_browser import OPEN_EVERYTHING

from .streamlit_page import MAP_IFRAME, wait_for_app
from .upload_helpers import (EVENT_DOTS, expect_metric, map_document, open_dashboard, rejected_rows, upload,
                             upload_csv_bytes)

pytestmark = pytest.mark.e2e

PAYLOADS = {
    "location": "<img src=x onerror=window.pwned=1>",
    "actor1": '"><script>window.pwned=1</script>',
    "actor2": "' onmouseover='window.pwned=1' x='",
    "admin1": "${window.pwned=1}",
    "source": "`;window.pwned=1;`",
    "notes": "</script><script>window.pwned=1</script> <svg onload=window.pwned=1> A{{ 7*7 }}B",
    "origin_location": "<iframe src=javascript:window.pwned=1>",
}
HOSTILE_TYPE = "<img src=x onerror=window.pwned=1>"
EVIL_URL = "javascript:window.pwned=1"

CHECK_NOTHING_RAN = """() => ({
    pwned: window.pwned,
    injected: document.querySelectorAll('img[src="x"], svg[onload], iframe[src^="javascript"], script:not([src])')
        .length,
})"""


def hostile_upload() -> bytes:
    return upload_csv_bytes(
        dict(event_id="H1", event_date="2024-03-05", latitude=30.5, longitude=47.8, origin_country="IQ",
             origin_latitude=30.9, origin_longitude=47.1, source_url="https://example.org/?q=</script>",
             **PAYLOADS),
        dict(event_id="H2", event_type=HOSTILE_TYPE),
        dict(event_id="H3", sub_event_type=HOSTILE_TYPE),
        dict(event_id="H4", source_url=EVIL_URL),
    )


def assert_nothing_ran(target) -> None:
    result = target.evaluate(CHECK_NOTHING_RAN.replace("script:not([src])", "script[data-pwned]"))
    assert result == {"pwned": None, "injected": 0}, result


def test_hostile_upload_shows_as_text_everywhere_and_runs_nothing(page, app_url, tmp_path):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_dashboard(page, app_url)
    upload(page, "hostile.csv", hostile_upload())

    # Hostile types and a javascript: link are refused at validation, and listed as text.
    rows = rejected_rows(page)
    assert any(f"{HOSTILE_TYPE}\tunknown event type" in r for r in rows), rows
    assert any(f"{EVIL_URL}\tnot an http(s) URL" in r for r in rows), rows
    assert "Rejected rows: 3" in page.locator("[data-testid='stExpander']").first.inner_text()

    page.get_by_text("Upload only").click()
    wait_for_app(page)
    expect_metric(page, "Events", 1)
    # The map may be mounted afresh for the new data: locate it again rather than keep the old frame.
    page.frame_locator(MAP_IFRAME).first.locator(EVENT_DOTS).first.wait_for()
    doc = map_document(page)

    # Popup and tooltip of the hostile event: open them as a user does (hover, click).
    point = doc.evaluate("""() => {
        const map = Object.values(window).find(v => v instanceof L.Map)
            || (window.__GLOBAL_DATA__ && window.__GLOBAL_DATA__.map);
        const p = map.latLngToContainerPoint([30.5, 47.8]);
        return {x: p.x, y: p.y};
    }""")
    container = page.frame_locator(MAP_IFRAME).first.locator(".leaflet-container")
    container.hover(position=point)
    tooltip = container.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert PAYLOADS["location"] in tooltip.inner_text()
    container.click(position=point)
    popup = container.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    for field, payload in PAYLOADS.items():
        if field != "origin_location":
            assert payload.split(" ")[0] in text, field
    assert "A{{ 7*7 }}B" in text
    assert popup.locator("a").evaluate_all("links => links.map(a => a.protocol)") == ["https:"]

    # The legend names ACLED's types only; the events table holds the payloads as plain cells.
    legend = container.locator(".cm-legend")
    assert "pwned" not in legend.inner_text() and legend.locator("img, script, svg").count() == 0
    wait_for_app(page)
    table = page.locator("[data-testid='stDataFrame']").last
    cells = table.locator("table tbody [role='gridcell']").all_text_contents()
    assert PAYLOADS["actor1"] in cells and PAYLOADS["actor2"] in cells

    # The HTML export of this selection, opened on its own: the same text, nothing run.
    # Builds the file, kept for this session. The marker click above reaches the server with a rerun
    # of its own; a press landing while that rerun is drawn can be dropped by Streamlit, as a person
    # would see: press again once if the file is not offered.
    save = page.get_by_role("button", name=re.compile(r"^Save Map \(HTML\) \("))
    page.get_by_role("button", name="Clear selection").wait_for()  # the marker click has reached the server
    prepare = page.get_by_role("button", name="⬇ Map (HTML)")
    for attempt in range(2):
        wait_for_app(page)
        if prepare.is_visible():        # not yet pressed, or the press was dropped
            prepare.click()
        try:
            save.wait_for(timeout=60_000)  # the standalone file (about 1 MB, base map inlined) takes a while on CI
            break
        except PlaywrightTimeoutError:
            if attempt:
                raise
    with page.expect_download() as info:
        save.click()
    export = tmp_path / "export.html"
    info.value.save_as(export)
    for target in (page, doc):
        assert_nothing_ran(target)
    assert errors == []

    page.goto(export.as_uri())
    page.wait_for_function("() => typeof L !== 'undefined' && Object.values(window).some(v => v instanceof L.Map)")
    opened = page.evaluate(OPEN_EVERYTHING)
    popup_text = " ".join(opened["popups"])
    for payload in PAYLOADS.values():
        assert payload in popup_text or payload in " ".join(opened["tooltips"])
    assert "A{{ 7*7 }}B" in popup_text  # not "A49B": no template ran on the server either
    assert page.evaluate("() => window.pwned") is None
    assert errors == []


def test_a_hostile_link_is_quoted_in_the_notice_and_runs_nothing(page, app_url):
    payload = "<img src=x onerror=window.pwned=1>"
    open_dashboard(page, f"{app_url}/?q=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&minfat=1e400"
                         "&ev=%3Cscript%3Ewindow.pwned%3D1%3C/script%3E&colour=%60${window.pwned=1}%60")
    notice = page.locator("[data-testid='stAlert']").first.inner_text()
    assert "event ev <script>window.pwned=1</script> is not in the data" in notice  # the value, as text
    assert "minfat: it must be a whole number" in notice and "colour" in notice
    assert page.get_by_role("textbox", name="Search location, actors, notes").input_value() == payload
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("img[src='x']").count() == 0
