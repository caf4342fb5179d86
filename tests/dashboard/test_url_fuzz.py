"""Any link at all opens the dashboard: random, malformed, huge and repeated URL parameters never crash it."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.data import ENV_DATA
from dashboard.url_state import PARAMS

from .conftest import APP, HOSTILE, SAMPLE, curated_csv, map_args

SAMPLE_IDS = [row["event_id"] for row in SAMPLE]

# Values near the ones the app parses (dates, numbers, ids, names) plus junk of every kind.
near_miss = st.sampled_from([
    "", " ", "2024-04-20", "2024-02-30", "20240420", "1713571200000000", "-1e308", "1e309", "nan", "inf",
    "-inf", "0x1F", "9" * 400, "-0", "3.5", "true", "TRUE", "1", "A1", "A6", "Battles", "Protests", "IQ", "iq",
    "Air/drone strike", "dark", "light ", "%00", "%ZZ", "&type=x", "a=b=c", "\u202e", "😀", "\x00", "\r\n",
    *HOSTILE,
])
junk = st.text(max_size=40) | st.text(alphabet="0123456789.-+eE:", max_size=30)
huge = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "9", "<", "\u00e9", "%"]), st.integers(1_000, 60_000))
value = near_miss | junk | huge
key = st.sampled_from(sorted(PARAMS)) | st.sampled_from(["embed", "embed_options", "", "ev[]", "Type"]) | \
    st.text(max_size=12)
params = st.dictionaries(key, st.lists(value, min_size=1, max_size=6), max_size=8)


@pytest.fixture(scope="module", autouse=True)
def sample_dataset(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "sample.csv"
    path.write_bytes(curated_csv(*SAMPLE))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ENV_DATA, str(path))
        yield path


def open_link(query: dict[str, list[str]]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    return at.run()


def assert_usable(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    no_match = any("No events match" in i.value for i in at.info)
    layers = map_args(at)["feature_group"] or ""  # the map is always there, even when nothing matches
    assert no_match or any(f'"eid": "{event_id}"' in layers for event_id in SAMPLE_IDS)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(query=params)
@example(query={"dates": ["2024-04-22", "2024-01-28"], "z": ["18", "0", "19"], "lat": ["-90"], "lon": ["180"]})
@example(query={"dates": ["1e400", "nan"], "minfat": ["1e400"], "lat": ["nan"], "lon": ["inf"], "z": ["nan"]})
@example(query={"dates": ["9999999999999999999999", "-9999999999999999999999"], "ev": ["A6"] * 50})
@example(query={k: ["x" * 100_000] for k in PARAMS})
@example(query={k: list(HOSTILE) for k in PARAMS})
@example(query={"type": ["Battles"] * 500, "country": ["IQ", "IQ", "SY", "ZZ"], "heat": ["true", "false"]})
def test_no_link_crashes_the_dashboard(query):
    at = open_link(query)
    assert_usable(at)
    notice = at.warning[0].value if at.warning else ""
    assert "pwned" not in notice or "\\<" in notice or "\\$" in notice or "\\`" in notice  # quoted, not markup
    assert len(notice) < 5_000  # a huge value is shortened in the notice, not echoed


def test_the_fuzzer_would_notice_a_crash(monkeypatch):
    """The property above can fail: a URL check that raises shows up as an exception."""
    def broken(params, opts):
        raise ValueError("boom")

    monkeypatch.setattr("dashboard.url_state.check", broken)
    at = open_link({"z": ["3"]})
    assert at.exception
