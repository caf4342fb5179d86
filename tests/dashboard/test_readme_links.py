"""Every example link the README writes opens, on the bundled data, exactly what its text says.

A new user's first links come from the README's "Link parameters" table. Examples naming values the
bundled data lacks (``?type=Battles&type=Protests``, ``?q=Fallujah``) opened "Ignored ..." or nothing;
the one README link tested before ran on the tests' hand-made sample, never on the bundled data.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.data import ENV_DATA
from dashboard.state import VIEW_REQUEST

from .conftest import APP

README = Path(__file__).resolve().parents[2] / "README.md"
# `?query`: N event(s)[, with a notice ...][, centred on LAT, LON][ at zoom Z]
EXAMPLE = re.compile(r"`(\?[^`\s]+)`(?::\s*(?P<count>\d+) events?(?P<rest>[^|;`]*))?")
VIEW = re.compile(r"centred on (?P<lat>-?[\d.]+), (?P<lon>-?[\d.]+)")
ZOOM = re.compile(r"at zoom (?P<z>\d+)")


def readme_examples() -> list[tuple[str, re.Match]]:
    """(link, match) for every ``?...`` link written anywhere in the README."""
    return [(m.group(1), m) for m in EXAMPLE.finditer(README.read_text(encoding="utf-8"))]


def test_the_readme_has_link_examples_and_each_says_what_it_opens():
    examples = readme_examples()
    section = README.read_text(encoding="utf-8").split("### Link parameters", 1)[1].split("\n### ", 1)[0]
    assert len(EXAMPLE.findall(section)) >= 16  # one per parameter at least, in the parameters table
    assert [link for link, m in examples if m.group("count") is None] == []


@pytest.mark.parametrize("link, match", readme_examples(), ids=[link for link, _ in readme_examples()])
def test_a_readme_link_opens_what_it_says_on_the_bundled_data(link, match, monkeypatch):
    monkeypatch.delenv(ENV_DATA, raising=False)
    params = parse_qs(link[1:], keep_blank_values=True)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    warnings = " ".join(w.value for w in at.warning)
    assert "Ignored" not in warnings and "not in the data" not in warnings
    if "notice" not in (match.group("rest") or ""):
        assert not warnings, warnings
    events = next(m.value for m in at.metric if m.label.startswith("Events"))
    assert events == match.group("count"), f"{link}: README says {match.group('count')}, page shows {events}"
    for key in params:  # nothing the link asks for is dropped from the address
        assert key in at.query_params, f"{link}: `{key}` dropped"
    rest = match.group("rest") or ""
    request = at.session_state[VIEW_REQUEST] if VIEW_REQUEST in at.session_state else None
    if centre := VIEW.search(rest):
        assert request is not None
        assert (request.lat, request.lon) == (float(centre["lat"]), float(centre["lon"]))
    if zoom := ZOOM.search(rest):
        assert request is not None and request.zoom == int(zoom["z"])
        assert at.query_params["z"] == zoom["z"]
