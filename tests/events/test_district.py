"""A file's district (admin2) reaches the geocoder on every path that loads events.

The kind of fault: a village list (IOM DTM, field/09) names villages that share their name with
places in other districts of the same governorate or the next one. Asked with the governorate
only, "AL-Ani Village" (Hatra district, Ninewa) goes to Al 'Ani in another district over 100 km
away, and "Alzanazil Village" (Mosul district) stays unplaced; with the district, the first is
not placed at the namesake and the second lands on its place. The rows and their true points are
field/09's (IOM DTM's own coordinates); the tests compare the same rows loaded without the
district column, so each fails if the district is dropped on the way.
"""
import csv
import io
import subprocess
import sys

import pandas as pd
import pytest

from events import load, load_bytes
from events.schema import COLUMNS
from geodata.geo import distance_km

from .conftest import FIXTURES, curated_csv

ZANAZIL = {"location": "Alzanazil Village", "country": "IQ", "admin1": "Ninewa", "district": "Mosul",
           "latitude": "", "longitude": "", "origin_location": "", "origin_country": "",
           "origin_latitude": "", "origin_longitude": ""}
ANI = {**ZANAZIL, "location": "AL-Ani Village", "district": "Hatra"}
TRUTH = {"T1": (36.434406092, 42.8004153592), "T2": (35.982176, 42.695251)}   # IOM DTM, field/09


def iom_style(district_header: str | None = "district") -> bytes:
    """The two rows in the curated layout plus a district column called ``district_header``."""
    rows = [dict(ZANAZIL), dict(ANI)]
    if district_header is None:
        return curated_csv(*rows)
    for row in rows:
        row[district_header] = row.pop("district")
    return curated_csv(*rows, columns=(*COLUMNS, district_header))


def off_km(frame: pd.DataFrame, event_id: str) -> float | None:
    """km from the row's point to its true point; None when the row has no point."""
    row = frame.set_index("event_id").loc[event_id]
    if pd.isna(row["latitude"]):
        return None
    return distance_km(row["latitude"], row["longitude"], *TRUTH[event_id])


def assert_district_used(frame: pd.DataFrame) -> None:
    by_id = frame.set_index("event_id")
    assert by_id.loc["T1", "geo_status"] == "resolved" and off_km(frame, "T1") < 25
    assert by_id.loc["T2", "geo_status"] != "resolved"
    # an ambiguous row is drawn at its best candidate: never the namesake 100 km away
    assert off_km(frame, "T2") is None or off_km(frame, "T2") < 25
    assert by_id.loc["T1", "admin2"] == "Mosul" and by_id.loc["T2", "admin2"] == "Hatra"   # the file's own


def test_without_the_district_the_same_rows_go_wrong():
    """The contrast the other tests rest on: governorate only, one village is not placed and the
    other is resolved at a namesake more than 100 km away."""
    frame = load_bytes(iom_style(None), "iom.csv").frame.set_index("event_id")
    assert frame.loc["T1", "geo_status"] != "resolved"
    assert frame.loc["T2", "geo_status"] == "resolved" and off_km(frame.reset_index(), "T2") > 100


@pytest.mark.parametrize("header", ["district", "admin2", "qada", "ADM2_EN", "adm_2"])
def test_a_generic_files_district_column_is_used(header):
    result = load_bytes(iom_style(header), "iom.csv")
    assert result.errors == []
    assert_district_used(result.frame)


def test_without_geocoding_the_district_is_kept_as_the_file_gives_it():
    frame = load_bytes(iom_style("qada"), "iom.csv", geocode=False).frame.set_index("event_id")
    assert frame["admin2"].tolist() == ["Mosul", "Hatra"]


def test_a_given_district_is_kept_and_an_empty_one_filled_from_the_point():
    frame = load_bytes(curated_csv({"district": "Ras al-Ayn district"}, {"district": ""},
                                   columns=(*COLUMNS, "district")), "e.csv").frame.set_index("event_id")
    assert frame.loc["T1", "admin2"] == "Ras al-Ayn district"      # the file's words, not the polygon's
    assert frame.loc["T2", "admin2"] == "Al-Malikiyah"              # Rumalyn's point, as before


def _rewrite(fixture: str, changes: dict[str, str]) -> bytes:
    """The fixture's first data row with ``changes`` (by the file's own column names), header as shipped."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    row = dict(zip(header, rows[1]))
    row.update(changes)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerow([row[h] for h in header])
    return buf.getvalue().encode()


def test_acled_admin2_is_read_and_used():
    # The real header (31 columns, admin1 admin2 admin3): the shipped row keeps its own admin2.
    shipped = load(FIXTURES / "acled_modern.csv").frame.set_index("event_id")
    assert shipped.loc["IRQ33001", "admin2"] == "Telafar"
    changes = {"location": "AL-Ani Village", "admin1": "Nineveh", "latitude": "", "longitude": ""}
    without = load_bytes(_rewrite("acled_modern.csv", {**changes, "admin2": ""}), "acled.csv").frame.iloc[0]
    with_ = load_bytes(_rewrite("acled_modern.csv", {**changes, "admin2": "Hatra"}), "acled.csv").frame.iloc[0]
    assert without["geo_status"] == "resolved"
    assert distance_km(without["latitude"], without["longitude"], *TRUTH["T2"]) > 100
    assert with_["geo_status"] != "resolved" and with_["admin2"] == "Hatra"
    assert pd.isna(with_["latitude"]) or distance_km(with_["latitude"], with_["longitude"], *TRUTH["T2"]) < 25


def test_ucdp_adm_2_is_read_and_used():
    shipped = load(FIXTURES / "ucdp_ged.csv").frame.set_index("event_id")
    assert shipped.loc["114064", "admin2"] == "Qaḑā’ al Fallūjah"
    changes = {"where_coordinates": "Alzanazil Village", "adm_1": "Ninawá province", "latitude": "",
               "longitude": "", "geom_wkt": ""}
    without = load_bytes(_rewrite("ucdp_ged.csv", {**changes, "adm_2": ""}), "ged.csv").frame.iloc[0]
    with_ = load_bytes(_rewrite("ucdp_ged.csv", {**changes, "adm_2": "Qaḑā’ al Mawşil"}), "ged.csv").frame.iloc[0]
    assert without["geo_status"] != "resolved"
    assert with_["geo_status"] == "resolved"
    assert distance_km(with_["latitude"], with_["longitude"], *TRUTH["T1"]) < 25


def test_a_district_outside_the_embedded_region_changes_nothing():
    """UCDP's DRC rows carry 'Masisi territory'; the country has no embedded admin2 polygons, so the
    district cannot vouch for a place and the answer is the one without it."""
    from geodata import geocode
    for name, country, admin1 in [("Goma", "CD", "Nord-Kivu province"), ("Kabul", "AF", "")]:
        plain, with_ = geocode(name, country, admin1), geocode(name, country, admin1, admin2="Masisi territory")
        assert (with_.status, with_.name, with_.confidence) == (plain.status, plain.name, plain.confidence)


def test_events_geocode_cli_uses_the_district(tmp_path):
    src, out = tmp_path / "iom.csv", tmp_path / "out.csv"
    src.write_bytes(iom_style("district"))
    proc = subprocess.run([sys.executable, "-m", "events", "geocode", str(src), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "district column 'district' used to place the 2 event(s) without coordinates" in proc.stderr
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert "admin2" in frame.columns
    frame[["latitude", "longitude"]] = frame[["latitude", "longitude"]].replace("", float("nan")).astype(float)
    assert_district_used(frame)



@pytest.mark.parametrize("to", ["parquet", "geojson", "csv"])
def test_a_converted_file_keeps_its_district_and_the_geocoder_uses_it(tmp_path, to):
    """``events convert --to X`` writes the file's district; loading the written file asks with it."""
    src, out = tmp_path / "iom.csv", tmp_path / f"iom.{to}"
    src.write_bytes(iom_style("qada"))
    proc = subprocess.run([sys.executable, "-m", "events", "convert", str(src), "--to", to, "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert_district_used(load(out).frame)


def test_the_load_result_names_the_district_column_it_read():
    assert load_bytes(iom_style("qada"), "iom.csv").district == "qada"
    assert load_bytes(iom_style(None), "iom.csv").district == ""
    assert load(FIXTURES / "acled_modern.csv").district == "admin2"
    assert load(FIXTURES / "ucdp_ged.csv").district == "adm_2"
    # nothing geocoded (every row has its point): nothing to tell
    assert load(FIXTURES / "acled_modern.csv").district_note() == ""
    assert load_bytes(iom_style("qada"), "iom.csv", geocode=False).district_note() == ""
