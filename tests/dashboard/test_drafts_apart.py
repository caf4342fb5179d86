"""nu14: pending drafts are drawn apart from the stored events and never change what the page counts or the
date window the analyst chose; every draft the map does not show is said, with why."""
from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import draft_counts
from dashboard.data import ENV_DATA
from dashboard.drafts_panel import RELOAD_WARNING, edit_rows, matching_types, pending_drafts, review_table
from dashboard.filters import Filters
from dashboard.map_layers import DRAFT_PREFIX, layer_data, layers_from_data

from .conftest import APP, SAMPLE, make_frame, map_args, map_event_ids
from .test_app import metric
from .test_drafts_panel import draft

README = __import__("pathlib").Path(APP).resolve().parents[1] / "README.md"


def _app(sample_csv, monkeypatch, tmp_path, **params) -> AppTest:
    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CONFLICTMAP_DB_URL", raising=False)
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params.update(params)
    return at.run()


def _micros(day: dt.date) -> float:
    """A date slider's end as AppTest reports it: microseconds since 1970 (UTC midnight)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp() * 1e6


def _captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_a_draft_dated_before_the_data_keeps_the_window_the_link_and_the_timeline(sample_csv, monkeypatch, tmp_path):
    """nu14/H5: a 2019 report drafted in a February-March window stretched the timeline to 2019; the slider was
    rebuilt on its new range, the window and the URL's ``dates`` were lost, the headline jumped to every event."""
    window = ["2024-02-01", "2024-03-31"]
    at = _app(sample_csv, monkeypatch, tmp_path, dates=window)
    before = metric(at, "Events")
    at = draft(at, published=dt.date(2019, 10, 14))
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.session_state["_drafts_pending"]["rows"]) == 2     # drafted 2019-10-12 and 2019-10-13
    assert at.query_params["dates"] == window
    slider = at.slider(key="dates")
    assert slider.value == (dt.date(2024, 2, 1), dt.date(2024, 3, 31))
    assert (slider.min, slider.max) == (_micros(dt.date(2024, 1, 28)), _micros(dt.date(2024, 4, 22)))  # stored span
    assert metric(at, "Events") == before == "2"
    assert "2 drafts outside the dates shown (not on the map)" in _captions(at)
    assert not any(i.startswith(DRAFT_PREFIX) for i in map_event_ids(at))


def test_drafts_are_not_counted_on_the_map_and_are_drawn_in_their_own_layer(sample_csv, monkeypatch, tmp_path):
    """nu14/M2: "Showing 41 individual events" and the cluster bubbles counted 5 pending drafts."""
    at = draft(_app(sample_csv, monkeypatch, tmp_path))
    assert not at.exception, [e.value for e in at.exception]
    captions = _captions(at)
    assert f"Showing {len(SAMPLE)} individual events" in captions, captions
    assert "+2 drafts, not yet accepted (on the map, not counted)" in captions
    # the map's layers as sent to the browser, one chunk per feature group: the drafts' group has no cluster
    # group, and the clustered events' group holds no draft
    groups = map_args(at)["feature_group"].split("var feature_group_")[1:]
    with_drafts = [g for g in groups if f'"eid": "{DRAFT_PREFIX}' in g]
    clustered = [g for g in groups if "L.markerClusterGroup" in g]
    assert len(with_drafts) == 1 and with_drafts[0].count(f'"eid": "{DRAFT_PREFIX}') == 2
    assert "L.markerClusterGroup" not in with_drafts[0]
    assert len(clustered) == 1 and f'"eid": "{DRAFT_PREFIX}' not in clustered[0]


def test_layer_data_keeps_drafts_out_of_the_clusters_and_the_count():
    frame = make_frame(dict(event_id="S1", latitude=33.50, longitude=36.20))
    drafts = make_frame(dict(event_id="draft-D1", latitude=33.50, longitude=36.20),
                        dict(event_id="draft-D2", latitude=33.60, longitude=36.20,
                             origin_location="Zummar", origin_latitude=36.6, origin_longitude=42.4))
    data = layer_data(frame, drafts=drafts, selected="draft-D2")
    assert data["shown"] == 1
    assert [f["properties"]["eid"] for f in data["events"]["features"]] == ["S1"]
    assert [f["properties"]["eid"] for f in data["drafts"]["features"]] == ["draft-D1", "draft-D2"]
    assert data["selected"]["properties"]["sel"] == "draft-D2"
    assert any(f["properties"].get("kind") == "path" for f in data["paths"]["features"])
    groups = {g.layer_name: g for g in layers_from_data(data)}
    assert "Drafts (not accepted)" in groups
    kinds = [type(c).__name__ for c in groups["Drafts (not accepted)"]._children.values()]
    assert "MarkerCluster" not in kinds and kinds == ["GeoJson"]


def test_a_draft_outside_the_date_window_or_another_filter_is_said(sample_csv, monkeypatch, tmp_path):
    """nu14/M3: a draft outside the window was listed in the panel but said nowhere near the map."""
    at = draft(_app(sample_csv, monkeypatch, tmp_path, dates=["2024-01-28", "2024-02-29"]))
    assert not at.exception, [e.value for e in at.exception]
    assert "2 drafts outside the dates shown (not on the map)" in _captions(at), _captions(at)
    at = draft(_app(sample_csv, monkeypatch, tmp_path, type="Explosions/Remote violence"))
    # Rumalyn (Explosions/Remote violence) is shown; Kalsu (a Strategic development) is left out by the type
    assert "+1 draft, not yet accepted (on the map, not counted); 1 draft outside the other filters (not on the map)" \
        in _captions(at), _captions(at)
    rumalyn = next(r["draft_id"] for r in at.session_state["_drafts_pending"]["rows"] if r["location"] == "Rumalyn")
    assert [i for i in map_event_ids(at) if i.startswith(DRAFT_PREFIX)] == [DRAFT_PREFIX + rumalyn]


def test_the_drafts_line_names_every_draft_left_off_the_map():
    drafts = make_frame(dict(event_id="draft-D1", event_date="2024-01-01"),
                        dict(event_id="draft-D2", event_date="2024-02-01", country="IQ"),
                        dict(event_id="draft-D3", event_date="2024-02-02"))
    view = draft_counts.split(drafts, Filters(start=dt.date(2024, 2, 1), end=dt.date(2024, 2, 28), countries=("SY",)))
    assert (len(view.shown), view.outside_dates, view.outside_filters) == (1, 1, 1)
    assert draft_counts.caption(view, unplaced=2, refused=1) == (
        "+1 draft, not yet accepted (on the map, not counted); 1 draft outside the dates shown, 1 draft outside "
        "the other filters, 2 drafts without coordinates, 1 draft with values to correct in the drafts table "
        "(not on the map)")
    assert draft_counts.caption(draft_counts.split(None, Filters())) == ""


def _rows():
    return [{"draft_id": "D1", "event_date": "2024-04-20", "event_type": "Explosions/Remote violence",
             "sub_event_type": "Air/drone strike", "actor1": "Military Forces of the United States (2021-)",
             "actor2": None, "country": "IQ", "admin1": "Baghdad", "location": "Baghdad", "latitude": 33.31,
             "longitude": 44.36, "fatalities": 3, "origin_location": None, "origin_latitude": None,
             "origin_longitude": None, "confidence": 0.96, "flags": [], "evidence": ["a strike"],
             "geo_status": "resolved", "report": {"published": "2024-04-22", "source": "wire"}}]


def test_a_new_type_clears_a_sub_type_of_another_and_the_draft_stays_on_the_map():
    """nu14/M1: D1 set to Battles kept "Air/drone strike": the map's loader refused the pair, so the draft left
    the map and the "+N drafts" count unsaid, and accepting it failed on the sub-type."""
    rows = _rows()
    table = review_table(rows)
    table.loc[0, "event_type"] = "Battles"            # as the drafts table returns it after the edit
    edited, notes = edit_rows(rows, table)
    assert edited[0]["event_type"] == "Battles" and edited[0]["sub_event_type"] is None
    assert notes == ["D1 is now Battles: its sub_event_type Air/drone strike belongs to Explosions/Remote violence, "
                     "so it was cleared. Choose one of Armed clash, Government regains territory, Non-state actor "
                     "overtakes territory (or leave it empty)."]
    pending = pending_drafts(edited)
    assert list(pending.frame["event_id"]) == ["draft-D1"] and not pending.refused
    assert list(pending.frame["event_type"]) == ["Battles"]


def test_a_new_sub_type_sets_its_event_type():
    before = _rows()[0]
    after, note = matching_types(before, {**before, "sub_event_type": "Armed clash"})
    assert after["event_type"] == "Battles" and "now Battles" in note
    same, none = matching_types(before, {**before, "sub_event_type": "Shelling/artillery/missile attack"})
    assert none == "" and same["event_type"] == "Explosions/Remote violence"


def test_a_draft_the_event_table_refuses_is_said_not_dropped():
    rows = _rows()
    rows[0]["fatalities"] = -4
    pending = pending_drafts(rows)
    assert pending.frame is None and set(pending.refused) == {"D1"} and "fatalities" in pending.refused["D1"]


def test_the_panel_and_the_readme_say_a_reload_discards_the_drafts(sample_csv, monkeypatch, tmp_path):
    """nu14/H6: a reload threw away every pending draft and its edits, and nothing said it would."""
    at = draft(_app(sample_csv, monkeypatch, tmp_path))
    assert RELOAD_WARNING in [w.value for w in at.warning]
    assert "reloading the page discards them" in RELOAD_WARNING
    assert "reloading the page discards them" in " ".join(README.read_text(encoding="utf-8").split())


def test_with_no_date_window_chosen_drafts_outside_the_stored_span_are_on_the_map(sample_csv, monkeypatch, tmp_path):
    """nu15/M1: with no ``dates`` at all, a report dated after the stored events (or before) had its drafts said to be
    "outside the dates shown", and no window could show them before accepting one."""
    at = _app(sample_csv, monkeypatch, tmp_path)
    before = metric(at, "Events")
    at = draft(at, published=dt.date(2019, 10, 14))
    assert not at.exception, [e.value for e in at.exception]
    assert "+2 drafts, not yet accepted (on the map, not counted)" in _captions(at), _captions(at)
    assert len([i for i in map_event_ids(at) if i.startswith(DRAFT_PREFIX)]) == 2
    assert metric(at, "Events") == before and "dates" not in at.query_params


def test_a_drafts_popup_says_what_to_check():
    """nu30: a draft placed at a district's centre showed a popup saying only "near the place / part of a region";
    the drafts table's check column said why. The popup now says it too (escaped like every popup text)."""
    from dashboard.map_layers import event_properties
    rows = _rows()
    rows[0]["flags"] = ["'Hermel' is no place of the gazetteer but the name of the Hermel district: placed at the "
                        "district's centre (geo_precision 2): check it", "attacker <b>not</b> named"]
    pending = pending_drafts(rows)
    notes = dict(event_properties(pending.frame.iloc[0])["rows"])["Notes"]
    assert notes.startswith("DRAFT, not accepted: check: 'Hermel' is no place of the gazetteer")
    assert "placed at the district's centre" in notes and "attacker <b>not</b> named" in notes
    rows[0]["flags"] = []
    assert dict(event_properties(pending_drafts(rows).frame.iloc[0])["rows"])["Notes"] == "DRAFT, not accepted:"
