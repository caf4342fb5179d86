"""The district (admin2) reaches the event store and places its events, as on every file path.

The kind of fault (issue 10): a village list names villages that share their name with a village in
another district of the same governorate. Asked with the governorate only, the geocoder takes the one
namesake the gazetteer holds; with the district it takes it only for the row in that district. Before
migration 0002 the store had no district column: ``db import`` dropped it and the map placed "Sangaw"
of Kalar district at Sangaw of Chamchamal district, 69 km away, as ``resolved``.

The rows are IOM DTM's Iraq master list of locations (../shared/data/iom_dtm_iraq_locations.csv; its
location_id, governorate, district, name and point), written inline so the test runs without ../shared.
"""
from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from alembic import command
from sqlalchemy import insert, text

from events.schema import COLUMNS, GEO_PROVENANCE, VAGUE
from events.store import check_record, open_store
from events.store.engine import alembic_config, make_engine
from events.store.snapshot import finish, load_events
from events.store.tables import event_history, events
from geodata.geo import distance_km
from tests.events.conftest import GOOD_ROW

HEAD = "0003"   # the newest migration
from tests.events.store.test_cli import cli

# (id, governorate, district, name, IOM latitude, IOM longitude): IOM location_ids 1301020, 1305034,
# 2706034, 2702052. The gazetteer holds one Sangaw (Chamchamal) and one Al-Yarmuk (Mosul).
IOM_ROWS = [
    ("D1", "Sulaymaniyah", "Chamchamal", "Sangaw", 35.2854326, 45.1788984),
    ("D2", "Sulaymaniyah", "Kalar", "Sangaw", 34.6679296188, 45.2251869),
    ("D3", "Ninewa", "Mosul", "Al-Yarmuk", 36.3380867888, 43.0833271753),
    ("D4", "Ninewa", "Al-Ba'aj", "Al-Yarmuk", 36.044635, 41.720289),
]
TRUTH = {r[0]: (r[4], r[5]) for r in IOM_ROWS}


def village_list(district_header: str | None = "district", prefix: str = "D") -> bytes:
    """The IOM rows as a curated-layout event file without coordinates, with the district column named
    ``district_header`` (None: no district column)."""
    columns = [*COLUMNS, district_header] if district_header else list(COLUMNS)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for event_id, governorate, district, name, _, _ in IOM_ROWS:
        writer.writerow({**GOOD_ROW, "event_id": prefix + event_id[1:], "country": "IQ", "admin1": governorate,
                         "location": name, "latitude": "", "longitude": "", "origin_location": "",
                         "origin_country": "", "origin_latitude": "", "origin_longitude": "",
                         **({district_header: district} if district_header else {})})
    return buf.getvalue().encode()


def off_km(row: pd.Series, truth_id: str) -> float | None:
    if pd.isna(row["latitude"]):
        return None
    return distance_km(row["latitude"], row["longitude"], *TRUTH[truth_id])


def test_db_import_keeps_the_district_and_the_map_places_each_village_by_it(store_url, tmp_path):
    with_district = tmp_path / "iom villages.csv"
    with_district.write_bytes(village_list("district"))
    without = tmp_path / "iom villages no district.csv"
    without.write_bytes(village_list(None, prefix="N"))
    assert "4 added" in cli("db", "import", str(with_district), url=store_url, check=0).stdout
    assert "4 added" in cli("db", "import", str(without), url=store_url, check=0).stdout

    store = open_store(store_url)
    try:
        stored = store.frame().set_index("event_id")
        assert stored.loc[["D1", "D2", "D3", "D4"], "admin2"].tolist() == ["Chamchamal", "Kalar", "Mosul", "Al-Ba'aj"]
        assert stored.loc[["N1", "N2"], "admin2"].tolist() == ["", ""]
        assert store.history("D2")[0]["admin2"] == "Kalar"
        shown = load_events(store).set_index("event_id")     # what the dashboard draws
        # the right district: the village's own point
        for event_id in ("D1", "D3"):
            assert shown.loc[event_id, "geo_status"] == "resolved", event_id
            assert off_km(shown.loc[event_id], event_id) < 25, event_id
        # the other district: not put on its namesake (69 km and 132 km away)
        for event_id in ("D2", "D4"):
            assert shown.loc[event_id, "geo_status"] != "resolved", event_id
            assert off_km(shown.loc[event_id], event_id) is None or off_km(shown.loc[event_id], event_id) < 25
        # the contrast: the same rows stored without their district are resolved at the namesakes
        for event_id in ("N2", "N4"):
            assert shown.loc[event_id, "geo_status"] == "resolved"
            assert off_km(shown.loc[event_id], "D" + event_id[1:]) > 50
        assert shown.loc[["D1", "D2", "D3", "D4"], "admin2"].tolist() == ["Chamchamal", "Kalar", "Mosul", "Al-Ba'aj"]
        # the whole store read again (no snapshot) places them the same way
        again = finish(store.frame()).set_index("event_id")
        pd.testing.assert_series_equal(again["geo_status"].astype(str), shown["geo_status"].astype(str).loc[again.index])
    finally:
        store.close()

    out = tmp_path / "export.csv"
    cli("db", "export", "--to", "csv", "--out", str(out), url=store_url, check=0)
    exported = pd.read_csv(out, dtype=str, keep_default_na=False).set_index("event_id")
    assert exported.loc[["D1", "D2", "N1"], "admin2"].tolist() == ["Chamchamal", "Kalar", ""]
    cli("db", "export", "--to", "csv", "--out", str(out), "--geocode", url=store_url, check=0)
    exported = pd.read_csv(out, dtype=str, keep_default_na=False).set_index("event_id")
    # the district under its one display name (the embedded polygon's), the file's spelling beside it
    assert exported.loc[["D2", "D4"], "admin2"].tolist() == ["Kalar", "Ba'aj"]
    assert exported.loc[["D2", "D4"], "admin2_source"].tolist() == ["Kalar", "Al-Ba'aj"]
    assert exported.loc["D2", "latitude"] == "" or abs(float(exported.loc["D2", "latitude"]) - 34.67) < 0.3


def test_an_export_imported_again_keeps_its_district(store_url, tmp_path):
    """``db export`` writes admin2; ``db import`` of that file (our own layout) reads it back."""
    path = tmp_path / "villages.csv"
    path.write_bytes(village_list("qada"))
    cli("db", "import", str(path), url=store_url, check=0)
    out = tmp_path / "export.parquet"
    cli("db", "export", "--to", "parquet", "--out", str(out), url=store_url, check=0)
    second = f"sqlite:///{tmp_path / 'second.sqlite'}"
    cli("db", "import", str(out), url=second, check=0)
    store = open_store(second)
    try:
        assert store.frame().set_index("event_id").loc[["D1", "D2"], "admin2"].tolist() == ["Chamchamal", "Kalar"]
    finally:
        store.close()


def test_on_conflict_update_writes_a_changed_district_and_keeps_it_when_the_file_has_none(store, tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes(village_list("district"))
    store.import_file(path, user="ana")
    path.write_bytes(village_list("district").replace(b",Kalar", b",Kalar district"))
    result = store.import_file(path, user="ana", on_conflict="update")
    assert (result.updated, result.unchanged) == (1, 3)
    assert store.get("D2")["admin2"] == "Kalar district" and store.get("D2")["revision"] == 2
    path.write_bytes(village_list(None))
    result = store.import_file(path, user="ana", on_conflict="update")
    assert (result.updated, result.unchanged) == (0, 4)
    assert store.get("D2")["admin2"] == "Kalar district"
    # an edit in the app keeps the district; a record may set it
    store.update("D2", {"fatalities": 2}, expected_revision=2, user="bob")
    assert store.get("D2")["admin2"] == "Kalar district"
    store.update("D2", {"admin2": "Kalar"}, expected_revision=3, user="bob", reason="IOM spelling")
    assert [v["admin2"] for v in store.history("D2")] == ["Kalar", "Kalar district", "Kalar district", "Kalar"]


def test_a_store_made_before_the_district_column_upgrades_with_its_rows(store_url):
    """A database at migration 0001 holding events and their history: ``init`` (and so every command
    and the app) upgrades it in place; the rows and their history survive with an empty district."""
    engine = make_engine(store_url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    record = check_record({**GOOD_ROW, "event_id": "OLD1"})
    for later in ("admin2", *GEO_PROVENANCE, VAGUE):     # columns of migrations 0002 and 0003
        record.pop(later)
    now = pd.Timestamp.now(tz="UTC").to_pydatetime()
    row = {**record, "h3_cell": None, "provenance": "old.csv", "created_at": now, "created_by": "ana",
           "updated_at": now, "updated_by": "ana", "revision": 1, "retired": False, "retired_reason": ""}
    with engine.begin() as conn:
        conn.execute(insert(events).values(**row))
        conn.execute(insert(event_history).values(action="import", changed_at=now, changed_by="ana", reason="",
                                                  **row))
        assert "0001" == conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()

    store = open_store(store_url)      # migrates to head
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
        got = store.get("OLD1")
        assert (got["location"], got["admin1"], got["latitude"], got["admin2"]) == ("Rumalyn", "Al-Hasakah", 37.0, "")
        assert store.frame()["event_id"].tolist() == ["OLD1"]
        assert store.count() == 1 and len(store.history("OLD1")) == 1
        store.update("OLD1", {"admin2": "Al-Malikiyah"}, expected_revision=1, user="bob")
        assert [v["admin2"] for v in store.history("OLD1")] == ["", "Al-Malikiyah"]
        store.init()       # idempotent
        assert store.get("OLD1")["admin2"] == "Al-Malikiyah"
    finally:
        store.close()


@pytest.mark.parametrize("district", ["", "Al-Malikiyah"])
def test_a_form_record_carries_the_district_when_given(district):
    record = check_record({**GOOD_ROW, "admin2": district} if district else GOOD_ROW)
    assert record["admin2"] == district


def test_db_export_imported_into_another_store_exports_the_same_file(store_url, tmp_path):
    """db export writes admin1/admin2 under display names and the stored spellings in *_source; db import
    of that file stores the spellings again (``as_entered``), so the next store exports the same file."""
    from tests.events.test_admin1_export import FIXTURE   # six real UCDP rows: "Nīnawá province", "Qaḑā’ al Mawşil"

    cli("db", "import", str(FIXTURE), url=store_url, check=0)
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    cli("db", "export", "--to", "csv", "--out", str(first), url=store_url, check=0)
    other = f"sqlite:///{tmp_path / 'other.sqlite'}"
    cli("db", "import", str(first), url=other, check=0)
    cli("db", "export", "--to", "csv", "--out", str(second), url=other, check=0)
    table = pd.read_csv(first, dtype=str, keep_default_na=False).set_index("event_id")
    assert table.loc["217874", ["admin1", "admin1_source", "admin2", "admin2_source"]].tolist() == \
        ["Nineveh", "Nīnawá province", "Mosul", "Qaḑā’ al Mawşil"]
    store = open_store(other)
    try:
        assert (store.get("217874")["admin1"], store.get("217874")["admin2"]) == ("Nīnawá province", "Qaḑā’ al Mawşil")
    finally:
        store.close()
    assert second.read_bytes() == first.read_bytes()
