"""Coordinates that the embedded boundaries place away from the row's own country: one warning per row
(file, line, columns, value, reason), the row kept; nothing said within the stated tolerance."""
import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from events import load, load_bytes
from events.placement import TOLERANCE_KM

from .conftest import SHARED, curated_csv

BAGHDAD = {"latitude": "33.3152", "longitude": "44.3661"}
PALMYRA = {"latitude": "34.56", "longitude": "38.27"}          # Homs governorate, 129 km from Iraq
ALBU_KAMAL = {"latitude": "34.4533", "longitude": "40.9187"}   # Syria, 7 km from the Iraqi border
KINSHASA = {"latitude": "-4.325", "longitude": "15.322"}
RED_SEA = {"latitude": "14.5", "longitude": "41.5"}            # at sea, 86 km from Yemen's coast
ANBAR_DEEP = {"latitude": "31.95", "longitude": "42.0"}        # Iraq, 74 km from its outline
ANBAR_EDGE = {"latitude": "31.25", "longitude": "42.0"}        # Iraq, about 9 km from the Saudi border
NO_ORIGIN = {"origin_location": "", "origin_country": "", "origin_latitude": "", "origin_longitude": ""}


def warnings_of(*rows: dict):
    result = load_bytes(curated_csv(*({**NO_ORIGIN, **row} for row in rows)), "mine.csv", geocode=False)
    assert result.rejected == 0 and len(result.frame) == len(rows), result.errors  # every row kept
    return result.warnings


@pytest.mark.parametrize("row, said", [
    ({"country": "SY", **BAGHDAD}, "the coordinates lie in Baghdad, Iraq (IQ); the row's country is Syria (SY)"),
    ({"country": "IQ", **PALMYRA}, "the coordinates lie in Homs, Syria (SY); the row's country is Iraq (IQ)"),
    ({"country": "CD", **BAGHDAD}, "lie in Baghdad, Iraq (IQ); the row's country is Democratic Republic of the Congo (CD)"),
    ({"country": "SA", **ANBAR_DEEP}, "lie in Anbar, Iraq (IQ); the row's country is Saudi Arabia (SA)"),
    ({"country": "IQ", **KINSHASA}, f"the coordinates lie more than {TOLERANCE_KM:.0f} km outside Iraq (IQ)"),
    ({"country": "YE", **RED_SEA}, f"more than {TOLERANCE_KM:.0f} km outside Yemen (YE)"),
])
def test_a_point_the_boundaries_place_elsewhere_is_kept_with_a_warning(row, said):
    (warning,) = warnings_of(row)
    assert (warning.file, warning.line, warning.column) == ("mine.csv", 2, "latitude, longitude")
    assert warning.value == f"{row['latitude']}, {row['longitude']}"
    assert said in warning.reason and "kept" in warning.reason


@pytest.mark.parametrize("row", [
    {"country": "IQ", **BAGHDAD},           # where it says
    {"country": "IQ", **ALBU_KAMAL},        # across the border, within the tolerance (border events)
    {"country": "SA", **ANBAR_EDGE},        # a country not embedded, the point near its border
    {"country": "CD", **KINSHASA},          # nothing embedded to test it against
    {"country": "IQ", "latitude": "", "longitude": "", "location": "Baghdad"},  # no coordinates
], ids=["same", "border", "near-unembedded", "unembedded", "no-point"])
def test_nothing_is_said_the_boundaries_cannot_prove(row):
    assert warnings_of(row) == []


def test_the_origin_is_tested_against_the_origin_country():
    rows = [{"country": "SY", "origin_location": "Zummar", "origin_country": "IQ", "origin_latitude": "34.56",
             "origin_longitude": "38.27"}]
    result = load_bytes(curated_csv(*rows), "mine.csv", geocode=False)
    (warning,) = result.warnings
    assert warning.column == "origin_latitude, origin_longitude"
    assert "the row's origin_country is Iraq (IQ)" in warning.reason


def test_warnings_follow_the_file_lines_and_rejected_rows_are_not_warned():
    rows = [{"country": "IQ", **BAGHDAD}, {"country": "SY", **BAGHDAD},
            {"country": "SY", **BAGHDAD, "event_type": "Picnic"}, {"country": "IQ", **PALMYRA}]
    result = load_bytes(curated_csv(*({**NO_ORIGIN, **r} for r in rows)), "mine.csv", geocode=False)
    assert result.rejected == 1 and len(result.frame) == 3
    assert [w.line for w in result.warnings] == [3, 5]


def test_a_parquet_file_is_warned_the_same_way(tmp_path):
    frame = load_bytes(curated_csv({**NO_ORIGIN, "country": "SY", **BAGHDAD}), "x.csv", geocode=False).frame
    path = tmp_path / "mine.parquet"
    frame.to_parquet(path)
    (warning,) = load(path, geocode=False).warnings
    assert warning.line == 1 and "Baghdad, Iraq (IQ)" in warning.reason


def test_geocoded_points_are_not_warned_and_given_ones_are_after_geocoding():
    result = load_bytes(curated_csv({**NO_ORIGIN, "country": "IQ", "latitude": "", "longitude": "",
                                     "location": "Baghdad"}, {**NO_ORIGIN, "country": "SY", **BAGHDAD}),
                        "mine.csv", geocode=True)
    assert [w.line for w in result.warnings] == [3]


def test_the_cli_lists_warnings_after_the_summary_and_exits_0(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_bytes(curated_csv({**NO_ORIGIN, "country": "SY", **BAGHDAD}))
    proc = subprocess.run([sys.executable, "-m", "events", "validate", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "1 rows, 1 valid, 0 rejected, 1 kept with a warning" in proc.stdout
    assert f"warning: {path}:2: column 'latitude, longitude' = '33.3152, 44.3661': the coordinates lie in " \
           "Baghdad, Iraq (IQ); the row's country is Syria (SY)" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "events", "validate", str(path), "--json"],
                          capture_output=True, text=True)
    report = json.loads(proc.stdout)
    assert report["warned"] == 1 and report["warnings"][0]["line"] == 2 and report["errors"] == []
    # convert keeps stdout for the data: the report (warnings too) goes to stderr
    proc = subprocess.run([sys.executable, "-m", "events", "convert", str(path), "--to", "csv", "--out", "-"],
                          capture_output=True, text=True)
    assert len(pd.read_csv(io.StringIO(proc.stdout))) == 1 and "warning:" in proc.stderr


def test_the_curated_dataset_has_no_warning():
    result = load("events/data/events.csv", geocode=False)
    assert result.warnings == [] and len(result.frame) > 30


needs_shared = pytest.mark.skipif(not (SHARED / "field").is_dir(), reason="../shared/data absent")


@needs_shared
def test_the_ucdp_row_calling_an_iraqi_point_dr_congo_is_warned():
    """field/14min_ucdp_drc.csv: country 'DR Congo (Zaire)' at Fallujah's coordinates."""
    result = load(SHARED / "field" / "14min_ucdp_drc.csv", geocode=False)
    assert len(result.frame) == 1 and result.rejected == 0
    warning, codes = result.warnings      # the point, then the row's own country_id (test_country_codes)
    assert warning.line == 2 and "lie in Anbar, Iraq (IQ)" in warning.reason
    assert "Democratic Republic of the Congo (CD)" in warning.reason
    assert (codes.line, codes.column) == (2, "country") and "country_id 645 is Iraq (IQ)" in codes.reason
    assert result.warned == 1


@needs_shared
@pytest.mark.parametrize("name", ["ucdp_ged_iraq_1989_2018.csv", "acled_middle_east_2022_iq_sy.csv"])
def test_real_exports_raise_no_false_warning(name):
    """7,473 UCDP and 466 ACLED rows, every one where its country is (10 UCDP border rows lie 1-16 km
    outside Iraq's polygons: within the tolerance)."""
    assert load(SHARED / name, geocode=False).warnings == []
