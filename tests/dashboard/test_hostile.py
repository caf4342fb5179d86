"""Hostile records without a browser: what validation refuses, what never becomes a link, what a
spreadsheet will not run. (The browser side is tests/e2e/test_hostile_browser.py.)"""
from __future__ import annotations

import csv
import io

import pytest

from dashboard import downloads, offline
from dashboard.details import record_table
from dashboard.legend import legend_html
from dashboard.map_layers import event_properties, safe_url
from dashboard.table import table_frame
from dashboard.upload import read_upload
from events import load_bytes
from events.export import FORMULA_START, to_csv_bytes, to_parquet
from events.schema import COLUMNS, EVENT_TYPES

from .conftest import HOSTILE, curated_csv, event, make_frame

# Markup, attribute breaking, template literals and backticks, </script>, JSON-string breaking.
PAYLOADS = HOSTILE + (
    "' onmouseover='window.pwned=1",
    '"><svg onload=window.pwned=1>',
    "\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e",
    '", "x": "</script><script>window.pwned=1</script>',
    "A{{ 7*7 }}B{% raw %}{# x",
    "{{ cycler.__init__.__globals__.os.getpid() }}",
)
# Jinja syntax: the HTML export is rendered by folium's templates on this server.
TEMPLATE_PAYLOADS = PAYLOADS[-2:]
TEXT_FIELDS = ("location", "actor1", "actor2", "notes", "source", "admin1", "origin_location")

BAD_URLS = [
    "javascript:window.pwned=1",
    "JavaScript:window.pwned=1",
    "  javascript:window.pwned=1",
    "java\tscript:window.pwned=1",
    "javascript://example.org/%0Awindow.pwned=1",
    "data:text/html,<script>window.pwned=1</script>",
    "data:text/html;base64,PHNjcmlwdD53aW5kb3cucHduZWQ9MTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/a",
    "//evil.example/a",
    "http:evil.example",
    "https://",
    "https://exa mple.org/a",
    "https://example.org/a\njavascript:x",
    "https://[::1",
    "/relative/path",
]


@pytest.mark.parametrize("field", ["event_type", "sub_event_type"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_event_types_are_rejected_at_validation(field, payload):
    result = load_bytes(curated_csv(event(event_id="H1", **{field: payload}), event(event_id="OK")), "h.csv",
                        geocode=False)
    assert list(result.frame["event_id"]) == ["OK"]
    assert [(e.line, e.column) for e in result.errors][:1] == [(2, field)]
    assert "unknown" in result.errors[0].reason


def test_the_legend_names_only_acled_types_whatever_the_data():
    html = legend_html()
    for name in EVENT_TYPES:
        assert name in html
    assert "pwned" not in html and "<script" not in html


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_non_http_source_url_is_rejected_and_never_a_link(url):
    result = load_bytes(curated_csv(event(event_id="U1", source_url=url), event(event_id="OK")), "u.csv",
                        geocode=False)
    assert list(result.frame["event_id"]) == ["OK"], url
    assert result.errors[0].column == "source_url"
    # Should such a value reach the dashboard some other way, no view turns it into a link.
    assert safe_url(url) == ""
    frame = make_frame(event(event_id="U1", source_url=url))
    assert table_frame(frame)["link"].isna().all()
    assert event_properties(frame.iloc[0])["url"] == ""


@pytest.mark.parametrize("url", ["https://example.org/a?b=c#d", "http://127.0.0.1:8080/x", "HTTPS://EXAMPLE.ORG"])
def test_http_links_stay_links(url):
    assert load_bytes(curated_csv(event(source_url=url)), "u.csv", geocode=False).errors == []
    assert safe_url(url) == url


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_kept_verbatim_as_data(payload):
    """Markup is not stripped or mangled: it loads, and every view gets the exact characters (as text)."""
    row = event(event_id="T1", **{f: payload for f in TEXT_FIELDS}, origin_country="IQ")
    result = read_upload(curated_csv(row), "hostile.csv")
    assert result.error == "", result.error
    loaded = result.frame.iloc[0]
    for field in TEXT_FIELDS:
        assert loaded[field] == payload.strip()
    assert dict(zip(*record_table(loaded).T.values))["Notes"] == payload.strip()
    assert table_frame(result.frame)["location"].iloc[0] == payload.strip()
    props = event_properties(loaded)
    shown = [props["tip"], props["src"], *(value for _, value in props["rows"])]
    assert sum(payload.strip() in text for text in shown) >= 4  # tip, source, actors, location, notes...


FORMULAS = ["=1+1", '=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "=cmd|' /C notepad'!'A1'"]


def _cells(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


@pytest.mark.parametrize("source", ["csv", "parquet"])
def test_csv_downloads_neutralise_formulas_in_every_text_column(source, tmp_path):
    rows = [event(event_id=f"F{i}", **{f: formula for f in TEXT_FIELDS}, origin_country="IQ")
            for i, formula in enumerate(FORMULAS)]
    frame = read_upload(curated_csv(*rows), "f.csv").frame
    if source == "parquet":  # the fast path for big datasets: categorical and Arrow string columns
        path = tmp_path / "f.parquet"
        to_parquet(frame, path)
        frame = read_upload(path.read_bytes(), "f.parquet").frame
    cells = _cells(downloads.to_csv_bytes(frame))
    assert len(cells) == len(FORMULAS)
    checked = 0
    for row in cells:
        for column, value in row.items():
            assert not value.startswith(FORMULA_START), (column, value)
            if column in TEXT_FIELDS:
                assert value.lstrip("'").strip() in {f.strip() for f in FORMULAS}
                checked += 1
    assert checked == len(FORMULAS) * len(TEXT_FIELDS)
    assert {row["longitude"] for row in cells} == {"41.97"}  # numbers are left alone


def test_negative_coordinates_are_numbers_not_formulas():
    frame = make_frame(event(latitude=-33.9, longitude=-70.6))
    row = _cells(to_csv_bytes(frame))[0]
    assert (row["latitude"], row["longitude"]) == ("-33.9", "-70.6")


def test_csv_download_loads_back_with_the_same_events(sample_frame):
    again = load_bytes(to_csv_bytes(sample_frame), "again.csv", geocode=False)
    assert again.errors == []
    assert list(again.frame["event_id"]) == list(sample_frame["event_id"])
    for col in ("location", "actor1", "notes", "source"):
        assert list(again.frame[col]) == list(sample_frame[col])


# --- the standalone HTML export and its base map tiles ----------------------------------------------------
BOUNDS = ((30, 38), (37, 45))


def test_an_online_users_html_export_keeps_a_chosen_tile_base_map(sample_frame, monkeypatch):
    monkeypatch.delenv(offline.ENV_OFFLINE, raising=False)
    html = downloads.map_html(sample_frame, "satellite", BOUNDS).decode()
    assert "arcgisonline.com" in html  # the reader's choice, with the drawn maps as fallback
    assert "Dark (offline)" in html
    assert "<script src=" not in html  # still self-contained: every script inlined


def test_an_offline_html_export_offers_only_the_drawn_base_maps(sample_frame, monkeypatch):
    monkeypatch.setenv(offline.ENV_OFFLINE, "1")
    monkeypatch.delenv(offline.ENV_TILES, raising=False)
    html = downloads.map_html(sample_frame, "satellite", BOUNDS).decode()
    assert "arcgisonline" not in html and "tile.openstreetmap" not in html
    assert "Light (offline)" in html and "Dark (offline)" in html


def test_the_html_export_is_titled_with_its_filters_source_and_time(sample_frame):
    import datetime as dt

    from dashboard.filters import Filters

    made = dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.timezone.utc)
    chosen = Filters(start=dt.date(2024, 4, 20), end=dt.date(2024, 4, 21), countries=("IQ",), text="<b>{{ 7*7 }}")
    html = downloads.map_html(sample_frame, "light", BOUNDS, filters=chosen, source="events.csv", made=made).decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith(f"Conflict event map: {len(sample_frame)} events")
    assert "2024-04-20 to 2024-04-21" in title and "country: IQ" in title
    for words in ("Data: events.csv", "Made 2026-11-30 09:30 UTC", "2024-04-20 to 2024-04-21"):
        assert words in html
    assert "<b>{{" not in html and "49" not in title  # user text stays text, no template runs


@pytest.mark.parametrize("payload", PAYLOADS[:-2])
def test_the_html_export_carries_hostile_text_only_inside_escaped_json(payload):
    frame = make_frame(event(event_id="X1", **{f: payload for f in TEXT_FIELDS}))
    html = downloads.map_html(frame, "light", BOUNDS, selected="X1").decode()
    assert "window.pwned" in html  # the payload is there ...
    for raw in ("<script>window.pwned", "<img src=x", "<svg onload", "</script><script>"):
        assert raw not in html  # ... but never as markup the browser would parse


@pytest.mark.parametrize("offline_mode", ["1", ""])
def test_template_syntax_in_an_event_is_not_run_by_the_html_export(offline_mode, monkeypatch):
    """folium renders layer scripts through Jinja twice: "{{ ... }}" in a record must not run on the server."""
    monkeypatch.setenv(offline.ENV_OFFLINE, offline_mode)
    frame = make_frame(event(event_id="J1", notes=TEMPLATE_PAYLOADS[0], location=TEMPLATE_PAYLOADS[1]),
                       event(event_id="J2", event_date="2024-04-22", source=TEMPLATE_PAYLOADS[0]))
    html = downloads.map_html(frame, "light", BOUNDS, selected="J1").decode()  # {% raw %} alone used to crash
    assert "A49B" not in html
    assert "{\\u007b cycler.__init__.__globals__.os.getpid() }}" in html
    assert "A{\\u007b 7*7 }}B{\\u0025 raw %}{\\u0023 x" in html  # the text, with Jinja openers as JSON escapes
    assert "<script src=" not in html


def test_columns_under_test_are_text_columns():
    assert set(TEXT_FIELDS) <= set(COLUMNS)


def test_an_uploaded_file_name_in_the_html_export_stays_text(sample_frame):
    # nu10: the export now names the uploaded file; a file's name is the uploader's text
    name = "the uploaded file <img src=x onerror=window.pwned=1>{{ 7*7 }}.csv"
    html = downloads.map_html(sample_frame, "light", BOUNDS, source=name).decode()
    assert "<img src=x" not in html and "{{ 7*7 }}" not in html.split("<title>", 1)[1]
    assert "window.pwned" in html       # there, as text
