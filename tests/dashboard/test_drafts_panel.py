"""'Draft from a report' as a user drives it (AppTest): paste, draft, see the drafts on the map's data
and in the table with their evidence, accept one into the store, drop another."""
from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.data import ENV_DATA

from .conftest import APP

REPORT = ("Five rockets were launched from the Iraqi town of Zummar towards a US base in Rumalyn in "
          "north-eastern Syria on Sunday, officials said. Damascus condemned the US presence. "
          "Early on Saturday a blast hit the Kalsu military base in Babil province in Iraq. It killed a soldier.")


@pytest.fixture
def app(sample_csv, monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CONFLICTMAP_DB_URL", raising=False)
    at = AppTest.from_file(APP, default_timeout=180)
    return at.run()


def draft(at: AppTest) -> AppTest:
    at.sidebar.text_area(key="draft_text").set_value(REPORT)
    at.sidebar.date_input(key="draft_published").set_value(dt.date(2024, 4, 22))
    at.sidebar.text_input(key="draft_source").set_value("Test wire <b>x</b>")
    at.sidebar.text_input(key="draft_url").set_value("https://example.org/report")
    at.button(key="draft_submit").click()
    return at.run()


def test_report_becomes_drafts_on_the_map_and_in_the_table(app):
    at = draft(app)
    assert not at.exception, [e.value for e in at.exception]
    pending = at.session_state["_drafts_pending"]["rows"]
    assert sorted((d["location"], d["event_date"]) for d in pending) == [
        ("Kalsu", "2024-04-20"), ("Rumalyn", "2024-04-21")]
    assert any("Drafts from the report (2)" in s.value for s in at.subheader)
    # the pending drafts are on the map's data: the event count includes them
    assert any(c.value.startswith("Damascus") is False for c in at.caption)
    count = at.metric[0].value
    assert int(count.replace(",", "")) >= 2


@pytest.fixture
def store_app(monkeypatch, tmp_path):
    """The app on the event store (no named file), with a signed-in password user."""
    from argon2 import PasswordHasher
    monkeypatch.delenv(ENV_DATA, raising=False)
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CONFLICTMAP_DB_URL", raising=False)
    at = AppTest.from_file(APP, default_timeout=240)
    at.secrets["users"] = {"analyst": PasswordHasher().hash("pw")}
    at.session_state["_auth_user"] = "analyst"
    return at.run()


def test_accept_into_the_store_and_drop(store_app):
    at = draft(store_app)
    rows = at.session_state["_drafts_pending"]["rows"]
    kalsu = next(d["draft_id"] for d in rows if d["location"] == "Kalsu")
    other = next(d["draft_id"] for d in rows if d["location"] != "Kalsu")
    at.multiselect(key="drafts_pick").set_value([kalsu])
    at.button(key="drafts_accept").click()
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    from events.store import open_store
    stored = open_store().frame()
    mine = stored[stored["event_id"].str.startswith("DR")]
    assert list(mine["location"]) == ["Kalsu"] and int(mine["fatalities"].iloc[0]) == 1
    assert str(mine["updated_by"].iloc[0]) == "analyst"
    assert [d["draft_id"] for d in at.session_state["_drafts_pending"]["rows"]] == [other]
    at.multiselect(key="drafts_pick").set_value([other])
    at.button(key="drafts_drop").click()
    at = at.run()
    assert at.session_state["_drafts_pending"]["rows"] == []
    assert open_store().frame()["event_id"].str.startswith("DR").sum() == 1


def test_accept_without_signing_in_is_refused(store_app):
    store_app.session_state["_auth_user"] = None
    at = draft(store_app)
    first = at.session_state["_drafts_pending"]["rows"][0]["draft_id"]
    at.multiselect(key="drafts_pick").set_value([first])
    at.button(key="drafts_accept").click()
    at = at.run()
    assert any("sign in" in e.value for e in at.error)
    assert len(at.session_state["_drafts_pending"]["rows"]) == 2


def test_on_a_named_file_accepted_drafts_stay_in_the_session(app):
    at = draft(app)
    first = at.session_state["_drafts_pending"]["rows"][0]
    at.multiselect(key="drafts_pick").set_value([first["draft_id"]])
    at.button(key="drafts_accept").click()
    at = at.run()
    assert not at.error, [e.value for e in at.error]
    assert [r["location"] for r in at.session_state["_drafts_accepted"]] == [first["location"]]


def test_edits_in_the_table_are_what_is_accepted():
    from dashboard.drafts_panel import apply_edits, review_table
    rows = [{"draft_id": "D1", "location": "Kalsu", "fatalities": None, "confidence": 0.6, "flags": ["x"],
             "evidence": ["It killed a soldier."], **{c: None for c in ("event_date", "event_type", "sub_event_type",
             "actor1", "actor2", "country", "admin1", "latitude", "longitude", "origin_location",
             "origin_latitude", "origin_longitude")}}]
    table = review_table(rows)
    assert table.loc[0, "evidence"] == "It killed a soldier."
    table.loc[0, "fatalities"] = 2
    table.loc[0, "location"] = "Kalsu base"
    out = apply_edits(rows, table)
    assert out[0]["fatalities"] == 2 and out[0]["location"] == "Kalsu base" and out[0]["evidence"] == rows[0]["evidence"]
