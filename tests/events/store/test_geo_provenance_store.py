"""Where a point came from survives the event store (migration 0003), on SQLite and the real PostgreSQL.

The kind of fault (issue 10, found by a new user): ``db export --geocode`` writes geo_status, geo_source,
geo_name and geo_confidence, but ``db import`` of that file stored the geocoder's points as plain
coordinates; after the round trip every point read "given" (the map's popup and the table said so), and the
analyst could no longer tell a geocoded guess from a source's own point. And a UCDP point standing for the
whole country (where_prec 6) was flagged on a file load but not in the store, so a store load filled its
governorate from the country's centre point.
"""
from __future__ import annotations

import pandas as pd
import pytest
from alembic import command
from sqlalchemy import insert, text

from events.schema import GEO_PROVENANCE, VAGUE
from events.store import check_record, open_store
from events.store.engine import alembic_config, make_engine
from events.store.snapshot import finish, load_events
from events.store.tables import ANALYST, event_history, events
from tests.events.conftest import GOOD_ROW, curated_csv
from tests.events.store.test_cli import cli
from tests.events.test_loaders import FIXTURES

GEO = list(GEO_PROVENANCE)
# P1 names a place the geocoder resolves (Zummar, Nineveh: README), P2 carries the source's own point,
# P3 names no place the gazetteer holds.
ROWS = ({"location": "Zummar", "country": "IQ", "admin1": "", "latitude": "", "longitude": ""},
        {},
        {"location": "Qaryat Nowhere Such", "country": "IQ", "admin1": "", "latitude": "", "longitude": ""})


def _read(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False).set_index("event_id")


def test_a_geocoded_export_imported_into_a_fresh_store_keeps_where_each_point_came_from(store_url, tmp_path):
    plain = tmp_path / "events.csv"
    plain.write_bytes(curated_csv(*ROWS))
    cli("db", "import", str(plain), url=store_url, check=0)
    first = tmp_path / "first.csv"
    cli("db", "export", "--to", "csv", "--out", str(first), "--geocode", url=store_url, check=0)
    a = _read(first)
    assert a.loc["T1", "geo_status"] == "resolved" and a.loc["T1", "latitude"] != ""
    assert a.loc["T2", ["geo_status", "geo_source"]].tolist() == ["given", "file"]

    second_url = f"sqlite:///{tmp_path / 'second.sqlite'}"
    cli("db", "import", str(first), url=second_url, check=0)
    store = open_store(second_url)
    try:
        stored = store.frame().set_index("event_id")
        # the geocoder's point is stored as the geocoder's, with its name, gazetteer and confidence
        assert stored.loc["T1", GEO].astype(str).tolist() == a.loc["T1", GEO].tolist()
        assert store.get("T1")["geo_status"] == "resolved"
        shown = load_events(store).set_index("event_id")       # what the map's popup and the table say
        assert shown.loc["T1", "geo_status"] == "resolved" and shown.loc["T2", "geo_status"] == "given"
        assert shown.loc["T1", "geo_name"] == a.loc["T1", "geo_name"] != ""
    finally:
        store.close()
    again = tmp_path / "again.csv"
    cli("db", "export", "--to", "csv", "--out", str(again), "--geocode", url=second_url, check=0)
    b = _read(again)
    pd.testing.assert_frame_equal(b[[*GEO, "latitude", "longitude"]], a[[*GEO, "latitude", "longitude"]])
    # a plain db export of the second store says the same (it carries the stored provenance)
    cli("db", "export", "--to", "csv", "--out", str(again), url=second_url, check=0)
    assert _read(again).loc["T1", "geo_status"] == "resolved"

    # the same file without the provenance columns behaves as before: its points are its own
    bare = tmp_path / "bare.csv"
    a.drop(columns=GEO).reset_index().to_csv(bare, index=False)
    third_url = f"sqlite:///{tmp_path / 'third.sqlite'}"
    cli("db", "import", str(bare), url=third_url, check=0)
    store = open_store(third_url)
    try:
        assert load_events(store).set_index("event_id").loc["T1", ["geo_status", "geo_source"]].tolist() == \
            ["given", "file"]
    finally:
        store.close()


def test_a_parquet_export_into_the_store_on_this_engine_keeps_the_provenance(store, tmp_path):
    """``db import`` of the app's download / ``convert --geocode`` output (Parquet) into either engine."""
    from events.__main__ import main

    path = tmp_path / "events.csv"
    path.write_bytes(curated_csv(*ROWS))
    out = tmp_path / "geocoded.parquet"
    assert main(["convert", str(path), "--to", "parquet", "--geocode", "--out", str(out)]) == 0
    written = pd.read_parquet(out).set_index("event_id")
    store.import_file(out, user="ana")
    stored = store.frame().set_index("event_id")
    assert stored.loc["T1", "geo_status"] == "resolved"
    assert stored.loc["T1", "geo_confidence"] == pytest.approx(float(written.loc["T1", "geo_confidence"]))
    assert stored.loc["T1", "geo_name"] == written.loc["T1", "geo_name"]
    assert stored.loc["T2", ["geo_status", "geo_source"]].tolist() == ["given", "file"]
    # the row without a point: stored without provenance, and placed (or not) again by the load
    assert stored.loc["T3", "geo_status"] == "not geocoded"
    assert store.history("T1")[0]["geo_status"] == "resolved"
    assert finish(store.frame()).set_index("event_id").loc["T3", "geo_status"] == "unresolved"


def test_a_point_moved_by_hand_is_the_analysts_and_other_edits_keep_the_provenance(store, tmp_path):
    path = tmp_path / "geocoded.csv"
    from events.__main__ import main

    src = tmp_path / "events.csv"
    src.write_bytes(curated_csv(*ROWS))
    assert main(["convert", str(src), "--to", "csv", "--geocode", "--out", str(path)]) == 0
    store.import_file(path, user="ana")
    store.update("T1", {"fatalities": 4}, expected_revision=1, user="bob", reason="AP toll")
    assert store.get("T1")["geo_status"] == "resolved"
    store.update("T1", {"latitude": 36.75, "longitude": 42.6}, expected_revision=2, user="bob",
                 reason="the village itself, from imagery")
    got = store.get("T1")
    assert (got["geo_status"], got["geo_source"], got["geo_name"], got["geo_confidence"]) == ("given", ANALYST, "", 1.0)
    assert [v["geo_status"] for v in store.history("T1")] == ["resolved", "resolved", "given"]
    shown = load_events(store).set_index("event_id")
    assert shown.loc["T1", ["geo_status", "geo_source"]].tolist() == ["given", ANALYST]
    # an event typed into the app: the analyst's point too
    row = store.add({**GOOD_ROW, "event_id": "NEW1"}, user="bob", reason="report")
    assert (row["geo_status"], row["geo_source"]) == ("given", ANALYST)
    # a re-import of the same geocoded file with --on-conflict update: T1's source says resolved again
    result = store.import_file(path, user="ana", on_conflict="update")
    assert (result.updated, result.unchanged) == (1, 2)
    assert store.get("T1")["geo_status"] == "resolved"


def test_a_store_at_0002_upgrades_with_its_rows_and_history_reading_as_before(store_url, tmp_path):
    engine = make_engine(store_url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    now = pd.Timestamp.now(tz="UTC").to_pydatetime()
    with engine.begin() as conn:
        for event_id, override in (("OLD1", {}), ("OLD2", ROWS[0])):
            record = check_record({**GOOD_ROW, **override, "event_id": event_id})
            for later in (*GEO_PROVENANCE, VAGUE):       # not in a store at 0002
                record.pop(later)
            row = {**record, "h3_cell": None, "provenance": "old.csv", "created_at": now, "created_by": "ana",
                   "updated_at": now, "updated_by": "ana", "revision": 1, "retired": False, "retired_reason": ""}
            conn.execute(insert(events).values(**row))
            conn.execute(insert(event_history).values(action="import", changed_at=now, changed_by="ana",
                                                      reason="", **row))
    engine.dispose()

    store = open_store(store_url)      # migrates to head
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0003"
        frame = store.frame().set_index("event_id")
        assert frame.loc["OLD1", ["location", "geo_status", "geo_source"]].tolist() == ["Rumalyn", "given", "file"]
        assert frame.loc["OLD2", "geo_status"] == "not geocoded" and not frame["vague_point"].any()
        assert len(store.history("OLD1")) == 1 and store.history("OLD1")[0]["geo_status"] == ""
        shown = load_events(store).set_index("event_id")
        assert shown.loc["OLD1", "geo_status"] == "given" and shown.loc["OLD2", "geo_status"] == "resolved"
        # an edit that does not move the point writes no provenance of its own
        store.update("OLD1", {"fatalities": 1}, expected_revision=1, user="bob")
        assert store.get("OLD1")["geo_status"] == "" and store.get("OLD1")["revision"] == 2
    finally:
        store.close()
    out = tmp_path / "export.csv"
    cli("db", "export", "--to", "csv", "--out", str(out), url=store_url, check=0)
    assert _read(out).loc[["OLD1", "OLD2"], "geo_status"].tolist() == ["given", "not geocoded"]


def test_a_vague_ucdp_point_is_flagged_in_the_store_and_fills_no_governorate(store_url, tmp_path):
    """UCDP GED rows (tests/events/fixtures/ucdp_ged_iraq_admin1.csv): 158404 is where_prec 6, the point
    (33, 44) standing for Iraq; its governorate stays empty on the map, as on a file load."""
    fixture = FIXTURES / "ucdp_ged_iraq_admin1.csv"
    cli("db", "import", str(fixture), url=store_url, check=0)
    store = open_store(store_url)
    try:
        stored = store.frame().set_index("event_id")
        assert stored["vague_point"].to_dict() == {i: i == "158404" for i in stored.index}
        assert store.get("158404")["vague_point"] is True
        shown = load_events(store).set_index("event_id")   # the snapshot written by the first import
        again = finish(store.frame()).set_index("event_id")  # the whole store read again
        for frame in (shown, again):
            assert frame.loc["158404", ["admin1", "admin2"]].tolist() == ["", ""]
            assert frame.loc["213488", "admin1"] != ""      # "Northern Iraq" at where_prec 1: filled
        # moved by hand, the point is the analyst's own: no longer vague
        store.update("158404", {"latitude": 33.4, "longitude": 43.3}, expected_revision=1, user="bob")
        assert store.get("158404")["vague_point"] is False
    finally:
        store.close()


def test_a_store_to_store_round_trip_keeps_the_vague_flag_and_the_source_spellings(tmp_path):
    """``db export`` (plain and ``--geocode``) of a store holding real UCDP rows, imported into a fresh store,
    exports the same vague flags, governorates and districts with the source's spellings beside them."""
    fixture = FIXTURES / "ucdp_ged_iraq_admin1.csv"
    first_url = f"sqlite:///{tmp_path / 'first.sqlite'}"
    cli("db", "import", str(fixture), url=first_url, check=0)
    columns = ["admin1", "admin1_source", "admin2", "admin2_source", "vague_point", *GEO]
    for geocode in ((), ("--geocode",)):
        a, b = tmp_path / f"a{len(geocode)}.csv", tmp_path / f"b{len(geocode)}.csv"
        cli("db", "export", "--to", "csv", "--out", str(a), *geocode, url=first_url, check=0)
        second_url = f"sqlite:///{tmp_path / f'second{len(geocode)}.sqlite'}"
        cli("db", "import", str(a), url=second_url, check=0)
        cli("db", "export", "--to", "csv", "--out", str(b), *geocode, url=second_url, check=0)
        first, second = _read(a), _read(b)
        assert first.loc["158404", "vague_point"] == "True" and first.loc["158404", "admin1"] == ""
        assert first.loc["217874", ["admin1", "admin1_source"]].tolist() == ["Nineveh", "Nīnawá province"]
        pd.testing.assert_frame_equal(second[columns], first[columns])
