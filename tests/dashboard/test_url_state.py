"""URL parameters: what is ignored (and said so), how a view is written back, the share link."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard import url_state
from dashboard.filters import Filters, options
from dashboard.url_state import View


@pytest.fixture
def opts(sample_frame):
    return options(sample_frame)


def test_good_parameters_raise_no_notice(opts):
    params = {"dates": ["2024-02-01", "2024-04-20"], "type": ["Battles", "Protests"], "country": ["IQ"],
              "minfat": ["2"], "q": ["kalsu"], "actor": ["Kataib"], "base": ["dark"], "heat": ["true"],
              "lat": ["33.5"], "lon": ["42.1"], "z": ["7"], "ev": ["A2"], "embed": ["true"]}
    assert url_state.check(params, opts) == []


@pytest.mark.parametrize("params, words", [
    ({"dates": ["2030-01-01", "2030-02-01"]}, "outside the data"),
    ({"dates": ["2024-02-01"]}, "Ignored `dates`: it needs two dates"),
    ({"dates": ["yesterday", "today"]}, "Ignored `dates`: it must be dates like 2024-04-20; neither is a date"),
    ({"dates": ["2024-02-30", "2024-01-01"]}, r"it must be dates like 2024-04-20; 2024\-02\-30 is not a date"),   # shown as Markdown
    ({"type": ["Battles", "Picnics"]}, "Picnics"),
    ({"country": ["XX"]}, "not in the data"),
    ({"minfat": ["-1"]}, "whole number"),
    ({"minfat": ["lots"]}, "whole number"),
    ({"z": ["40"]}, "Ignored `z`: it must be a whole number, 1 to 18; got 40."),
    ({"lat": ["91"], "lon": ["10"]}, "`lat`"),
    ({"lat": ["33"]}, "go together"),
    ({"base": ["neon"]}, "`base`"),
    ({"heat": ["maybe"]}, "`heat`"),
    ({"ev": ["NOPE"]}, "not in the data"),
    ({"colour": ["red"]}, "unknown parameter"),
])
def test_bad_parameters_are_named_in_a_notice(opts, params, words):
    notices = url_state.check(params, opts)
    assert len(notices) >= 1 and any(words in n for n in notices), notices
    assert all(n.startswith("Ignored ") or n.startswith("`dates`") for n in notices)


@pytest.mark.parametrize("key", ["q", "actor"])
def test_a_long_search_is_said_to_be_cut_not_ignored(opts, key):
    notices = url_state.check({key: ["Baghdad" + "x" * 300]}, opts)
    assert notices == [f"Cut `{key}` to its first 200 characters (it had 307); the search uses the first 200."]


def test_a_long_search_is_cut_and_the_notice_says_so(sample_csv, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from dashboard.data import ENV_DATA

    from .conftest import APP

    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["q"] = "Baghdad" + "x" * 300
    at.run()
    assert not at.exception
    assert at.text_input(key="q").value == ("Baghdad" + "x" * 300)[:200]  # what is searched: the cut text
    warning = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "Cut `q` to its first 200 characters" in warning and "Ignored" not in warning


def test_notices_quote_url_text_harmlessly(opts):
    notices = url_state.check({"type": ["![x](http://evil.example/t.png) <b>"]}, opts)
    assert "![" not in notices[0] and "](" not in notices[0] and "<b>" not in notices[0]
    assert "\\!\\[x\\]" in notices[0]


def test_view_is_read_only_when_valid():
    assert url_state.read_view({"lat": ["33.5"], "lon": ["42"], "z": ["7"]}) == View(33.5, 42.0, 7)
    assert url_state.read_view({"lat": ["33.5"], "lon": ["42"], "z": ["99"]}) == View(33.5, 42.0, 0)
    assert url_state.read_view({"lat": ["133"], "lon": ["42"]}) is None
    assert url_state.read_view({"lat": ["nan"], "lon": ["42"]}) is None
    assert url_state.read_view({}) is None


def test_a_partial_link_view_is_completed_not_dropped():
    centre = (34.0, 41.5)
    assert url_state.link_view({"lat": ["36.8"], "lon": ["42.2"]}, centre) == View(36.8, 42.2, url_state.LINK_ZOOM)
    assert url_state.link_view({"lat": ["36.8"], "lon": ["42.2"], "z": ["99"]}, centre) == View(36.8, 42.2, 8)
    assert url_state.link_view({"lat": ["36.8"], "lon": ["42.2"], "z": ["5"]}, centre) == View(36.8, 42.2, 5)
    assert url_state.link_view({"z": ["9"]}, centre) == View(34.0, 41.5, 9)
    assert url_state.link_view({"z": ["9"]}, None) is None      # no placed events: no centre to zoom around
    assert url_state.link_view({"z": ["99"]}, centre) is None   # check() names the bad z
    assert url_state.link_view({"lat": ["36.8"], "z": ["9"]}, centre) is None  # check(): lat and lon go together
    assert url_state.link_view({}, centre) is None


def test_query_pairs_leave_defaults_out(opts):
    assert url_state.query_pairs(Filters(start=opts.first, end=opts.last), opts) == []


def test_share_link_round_trips_through_check(opts):
    f = Filters(start=dt.date(2024, 4, 20), end=dt.date(2024, 4, 22), types=("Protests",), subs=("Peaceful protest",),
                actor="Protesters", countries=("IQ",), admin1=("Baghdad",), min_fatalities=0, text="rally strikes")
    pairs = url_state.query_pairs(f, opts, base="satellite", heat=True, view=View(33.3, 44.36, 8), selected="A5")
    link = url_state.share_link("http://analyst-box:8501/", pairs)
    parsed = urlsplit(link)
    assert parsed.netloc == "analyst-box:8501"
    params = parse_qs(parsed.query)
    assert params["dates"] == ["2024-04-20", "2024-04-22"]
    assert params["q"] == ["rally strikes"] and params["ev"] == ["A5"] and params["z"] == ["8"]
    assert url_state.check(params, opts) == []  # what we write, we accept


def test_share_link_without_parameters_is_the_app_address():
    assert url_state.share_link("http://localhost:8501/?old=1", []) == "http://localhost:8501/"
    assert url_state.share_link(None, [("q", "a b")]) == "http://localhost:8501/?q=a+b"


def test_every_parameter_is_documented():
    from pathlib import Path

    assert set(url_state.PARAMS) == {"dates", "type", "sub", "actor", "country", "admin1", "admin2", "minfat", "q", "base",
                                     "heat", "areas", "lat", "lon", "z", "ev", "retired"}
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert all(f"`{key}`" in readme for key in url_state.PARAMS)


def test_dates_streamlit_wrote_as_microseconds_are_accepted(opts):
    # 2024-02-01 and 2024-04-20 as Streamlit writes them after the app moved the slider (playback).
    assert url_state.check({"dates": ["1706745600000000", "1713571200000000"]}, opts) == []
    assert url_state.check({"dates": ["1e300", "inf"]}, opts) != []
