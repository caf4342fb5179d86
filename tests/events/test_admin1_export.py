"""One spelling per governorate in what the event CLI writes (nu4 fault 8): `events convert --geocode`
wrote UCDP's "Nīnawá province" for the file's own admin1 and WOF's "Ninawa" for the admin1 the loader
filled from the point, so a pivot table on the column split each governorate in two. Exports write
admin1 under its one display name (as the app shows it) and the file's own spelling in admin1_source."""
import io
import json

import pandas as pd
import pytest

from events.__main__ import main

from .conftest import FIXTURES, SHARED

# tests/events/fixtures/ucdp_ged_iraq_admin1.csv: six real UCDP GED Iraq rows (real header, copied
# unchanged; see the fixtures' README): UCDP's "Al Anbār province", "Nīnawá province" (2),
# "Al Başrah  province", and two rows with no adm_1: "Northern Iraq" coded where_prec 1, whose point the
# loader places in Nineveh (WOF's "Ninawa"), and the country placeholder (where_prec 6, 33.0, 44.0, a point
# in Anbar), which stands for no governorate and gets none.
FIXTURE = FIXTURES / "ucdp_ged_iraq_admin1.csv"


def _convert(tmp_path, to: str, *extra: str) -> pd.DataFrame:
    out = tmp_path / f"out.{to}"
    assert main(["convert", str(FIXTURE), "--to", to, "--out", str(out), *extra]) == 0
    if to == "csv":
        return pd.read_csv(out, dtype=str, keep_default_na=False)
    if to == "parquet":
        return pd.read_parquet(out).astype({"event_id": str})
    doc = json.loads(out.read_text(encoding="utf-8"))
    return pd.DataFrame([f["properties"] for f in doc["features"]]).astype({"event_id": str})


def _fixture_rows() -> pd.DataFrame:
    raw = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    return raw.set_index("id")


@pytest.mark.parametrize("to", ["csv", "geojson", "parquet"])
def test_geocoded_export_writes_one_spelling_per_governorate(tmp_path, to):
    out = _convert(tmp_path, to, "--geocode").set_index("event_id")
    raw = _fixture_rows()
    assert list(out.columns[list(out.columns).index("admin1"):][:2]) == ["admin1", "admin1_source"]
    # the file's own spelling is kept beside the display name; the filled row had none
    assert (out["admin1_source"] == raw.loc[out.index, "adm_1"]).all()
    by_source = dict(zip(out["admin1_source"], out["admin1"]))
    assert by_source["Al Anbār province"] == "Anbar"
    assert by_source["Nīnawá province"] == "Nineveh"
    assert by_source["Al Başrah  province"] == "Basra"
    # filled from the point (WOF says "Ninawa"): the same display name, no source spelling
    assert out.loc["213488", ["admin1", "admin1_source"]].tolist() == ["Nineveh", ""]
    # the country placeholder: no governorate at all (it was WOF's "Al-Anbar": country-wide events in Anbar)
    assert out.loc["158404", ["admin1", "admin1_source", "admin2"]].tolist() == ["", "", ""]
    assert out.groupby("admin1").size().to_dict() == {"": 1, "Anbar": 1, "Basra": 1, "Nineveh": 3}


def test_export_without_geocoding_shows_the_display_name_and_keeps_the_file_spelling(tmp_path):
    out = _convert(tmp_path, "csv").set_index("event_id")
    raw = _fixture_rows()
    assert (out["admin1_source"] == raw.loc[out.index, "adm_1"]).all()
    assert sorted(out["admin1"]) == ["", "", "Anbar", "Basra", "Nineveh", "Nineveh"]  # nothing filled


def test_a_spelling_no_polygon_goes_by_is_written_as_given():
    from events import load_bytes
    from events.export import to_csv_bytes

    from .conftest import curated_csv

    frame = load_bytes(curated_csv({"admin1": "Hasaka (Al Haksa)"}, {"admin1": "Nowhere Province"}),
                       "e.csv", geocode=False).frame
    out = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), dtype=str, keep_default_na=False)
    assert list(out["admin1"]) == ["Al-Hasakah", "Nowhere Province"]
    assert list(out["admin1_source"]) == ["Hasaka (Al Haksa)", "Nowhere Province"]


def test_exported_file_loads_back_with_the_display_names(tmp_path):
    from events import load

    _convert(tmp_path, "csv", "--geocode")
    back = load(tmp_path / "out.csv", geocode=False)
    assert back.errors == []
    assert set(back.frame["admin1"]) == {"", "Anbar", "Basra", "Nineveh"}


@pytest.mark.skipif(not (SHARED / "ucdp_ged_iraq_1989_2018.csv").is_file(),
                    reason="../shared/data/ucdp_ged_iraq_1989_2018.csv is not beside the project")
def test_real_ucdp_iraq_export_counts_each_governorate_once(tmp_path):
    out = tmp_path / "ucdp.csv"
    assert main(["convert", str(SHARED / "ucdp_ged_iraq_1989_2018.csv"), "--to", "csv", "--geocode",
                 "--out", str(out)]) == 0
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    counts = frame["admin1"].value_counts()
    # nu4's run: "Nīnawá province" 2220 + "Ninawa" 133; "Al Anbār province" 1153 + "Al-Anbar" 167. Of
    # those filled, 399 rows (where_prec 5 "Northern Iraq", borders, mountains; 6 the country point
    # 33, 44) stand for no one governorate and are left empty; 14 where_prec 1 rows are filled
    assert counts["Nineveh"] == (frame["admin1_source"] == "Nīnawá province").sum() + 14 == 2234
    assert counts["Anbar"] == (frame["admin1_source"] == "Al Anbār province").sum() == 1153
    assert counts[""] == 399
    # "At-Ta'mim province" (39): Kirkuk governorate's name until 2006 (geodata.display.FORMER_NAMES)
    assert counts["Kirkuk"] == (frame["admin1_source"].isin(["Kirkūk province", "At-Ta'mim province"])).sum() == 341
    for spelling in ("Ninawa", "Nīnawá province", "Al-Anbar", "Al Anbār province", "Al-Basrah", "At-Ta'mim province"):
        assert spelling not in counts.index
    # every spelling the file gave maps to one display name
    given = frame[frame["admin1_source"] != ""]
    assert given.groupby("admin1_source")["admin1"].nunique().max() == 1


def test_a_vague_ucdp_point_gets_no_governorate_but_a_precise_one_does():
    from events import load_bytes

    frame = load_bytes(FIXTURE.read_bytes(), "ged.csv").frame.set_index("event_id")
    assert frame.loc["158404", "admin1"] == "" and frame.loc["158404", "admin2"] == ""     # where_prec 6
    assert frame.loc["213488", "admin1"] == "Ninawa"        # where_prec 1: filled (WOF's own name in the table)
    assert "_vague_point" not in frame.columns
    # the same country placeholder coded where_prec 4 (a governorate) is filled from its point
    import csv

    table = list(csv.reader(io.StringIO(FIXTURE.read_text(encoding="utf-8"))))
    at = table[0].index("where_prec")
    for row in table[1:]:
        if row[0] == "158404":
            row[at] = "4"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(table)
    filled = load_bytes(buf.getvalue().encode(), "ged.csv").frame.set_index("event_id")
    assert filled.loc["158404", "admin1"] == "Al-Anbar"
