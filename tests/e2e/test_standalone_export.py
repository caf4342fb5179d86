"""The standalone HTML export opens with no network at all, and says what it shows."""

import datetime as dt

import pytest

from dashboard.filters import Filters
from dashboard.html_export import map_html
from events import CURATED_PATH, load

pytestmark = pytest.mark.e2e

BUNDLED = load(CURATED_PATH).frame  # geocoded, as the app shows them
EVENT_DOTS = ".leaflet-overlay-pane path.leaflet-interactive[d*='a7,7 ']"
CLUSTERS = ".leaflet-marker-pane > .marker-cluster span"


def test_exported_map_draws_its_events_and_titles_itself_offline(
    page, tmp_path, blocked_requests, failed_responses, screenshot
):
    chosen = Filters(start=dt.date(2024, 4, 20), end=dt.date(2024, 4, 21))
    selection = BUNDLED[BUNDLED["event_date"].between("2024-04-20", "2024-04-21")]
    export = tmp_path / "map.html"
    export.write_bytes(map_html(selection, "light", ((29, 34), (38, 49)), filters=chosen, source="events.csv"))

    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(export.as_uri())
    page.locator(".leaflet-container").wait_for(state="visible")
    page.wait_for_function(
        f"""n => document.querySelectorAll("{EVENT_DOTS}").length
                 + [...document.querySelectorAll("{CLUSTERS}")].reduce((a, s) => a + parseInt(s.textContent, 10), 0) === n""",
        arg=len(selection), timeout=10_000)
    assert page.title().startswith(f"Conflict event map: {len(selection)} events")
    caption = page.locator(".cm-caption").inner_text()
    for words in ("Filters: 2024-04-20 to 2024-04-21", "Data: events.csv", "Made "):
        assert words in caption
    screenshot("standalone_export")
    page.locator(".cm-caption summary").click()           # the title folds the box away, off the map
    assert not page.get_by_text("Data: events.csv").is_visible()
    assert page.locator(".cm-caption summary").is_visible()
    assert [url for url in requested if not url.startswith(("file:", "data:"))] == []
    assert blocked_requests == [] and failed_responses == []
