"""The reader registry on real layouts: header quirks, date forms, countries, missing values,
HXL rows, Excel, GeoJSON of any layout, UCDP current and Candidate, GDELT."""
import io
import json
import zipfile

import pandas as pd
import pytest

from events import LoadError, load, load_bytes
from events.readers import BY_NAME, FORMATS, LAYOUTS, detect, label
from events.readers.countries import from_gw, from_iso_numeric, from_name

from .conftest import FIXTURES, curated_csv


def by_id(result):
    return result.frame.set_index("event_id")


# --- registry and header detection -------------------------------------------------------

def test_registry_names_every_layout_once_with_a_label():
    names = [layout.name for layout in LAYOUTS]
    assert len(names) == len(set(names)) and set(names) <= set(FORMATS)
    assert {"curated", "acled", "acled-legacy", "acled-reduced", "ucdp", "ucdp-candidate", "gdelt"} == set(names)
    assert all(label(n) and label(n) != n for n in names)


@pytest.mark.parametrize("transform", [
    lambda h: h.upper(),                       # upper-case header
    lambda h: "\ufeff" + h,                    # byte-order mark kept in the text
    lambda h: "," + h,                         # pandas' unnamed index column
    lambda h: "Unnamed: 0," + h,
    lambda h: h + ",my_own_column",            # unknown extra column
])
def test_header_is_matched_whatever_its_case_bom_index_or_extras(transform):
    lines = (FIXTURES / "acled_modern.csv").read_text().splitlines()
    header = transform(lines[0])
    body = lines[1:]
    if header.startswith(",") or header.startswith("Unnamed"):
        body = [f"{i},{line}" for i, line in enumerate(body)]
    if header.endswith("my_own_column"):
        body = [line + ",x" for line in body]
    result = load_bytes(("\n".join([header, *body]) + "\n").encode(), "a.csv", geocode=False)
    assert result.format == "acled"
    assert set(result.frame["event_id"]) == {"IRQ33001", "SYR45002", "IRQ33003"}
    assert by_id(result).loc["IRQ33001", "country"] == "IQ"


def test_unknown_header_names_the_known_layouts():
    with pytest.raises(LoadError) as info:
        detect(["name", "size"], "x.csv")
    assert "ACLED export" in str(info.value) and "UCDP GED" in str(info.value)


# --- field cases, as fixtures in the real layouts ------------------------------------------

def test_acled_spreadsheet_resave_with_dMonyy_dates_and_missing_value_tokens():
    result = load(FIXTURES / "acled_spreadsheet_dMonyy.csv", geocode=False)
    assert result.format == "acled" and result.rows == 4
    frame = by_id(result)
    assert frame.loc["ISR1786", "event_date"] == pd.Timestamp("2020-05-09")
    assert frame.loc["IRQ55012", "event_date"] == pd.Timestamp("2020-06-01")
    assert frame.loc["ISR1786", "country"] == "IL"
    assert frame.loc["IRQ55012", "country"] == "IQ"      # "Republic of Iraq" via pycountry
    assert frame.loc["SYR99001", "country"] == "SY"      # no name: the numeric iso 760
    # NA / N/A / NULL / None / nan are missing values, never an actor called "NA".
    assert frame.loc["ISR1786", "actor2"] == "" and "NA" not in set(result.frame["actor2"])
    # A numeric date is not guessed: reported with its whole value and the forms this layout reads.
    [error] = result.errors
    assert (error.line, error.column, error.value) == (5, "event_date", "5/9/2020")
    assert "DD-Mon-YY" in error.reason and "never guessed" in error.reason


def test_acled_upper_case_legacy_release_is_the_legacy_layout_with_ids_kept():
    result = load(FIXTURES / "acled_legacy_upper.csv", geocode=False)
    assert result.format == "acled-legacy" and result.errors == []
    frame = by_id(result)
    assert list(frame.index) == ["1BNG", "2BNG", "3SOM", "4DRC"]
    assert frame.loc["1BNG", "event_date"] == pd.Timestamp("2015-01-01")
    assert (frame.loc["1BNG", "event_type"], frame.loc["2BNG", "event_type"]) == ("Riots", "Protests")
    assert frame.loc["3SOM", "event_type"] == "Explosions/Remote violence"
    assert frame.loc["4DRC", "country"] == "CD"          # "Zaire": only GWNO 490 names it
    assert frame.loc["1BNG", "notes"].endswith("from the spot.")
    assert frame.loc["1BNG", "country"] == "BD"


def test_legacy_upper_case_header_also_loads_with_the_format_flag():
    result = load(FIXTURES / "acled_legacy_upper.csv", fmt="acled-legacy", geocode=False)
    assert len(result.frame) == 4


def test_ucdp_current_layout_countries_and_deaths_range():
    result = load(FIXTURES / "ucdp_ged_25_1.csv", geocode=False)
    assert result.format == "ucdp" and result.errors == [], result.errors
    frame = by_id(result)
    assert frame["country"].to_dict() == {"520011": "CD", "520012": "SZ", "520013": "MK", "520014": "YE"}
    kitshanga = frame.loc["520011"]
    assert kitshanga["fatalities"] == 12 and kitshanga["event_date"] == pd.Timestamp("2023-02-14")
    assert "low 9, best 12, high 20" in kitshanga["notes"]
    assert kitshanga["location"] == "Kitshanga town" and kitshanga["latitude"] == pytest.approx(-1.3953)
    assert "low" not in frame.loc["520012", "notes"]   # low == best == high: no range to tell
    assert "where_prec 6" in frame.loc["520013", "notes"] and frame.loc["520013", "date_precision"] == 3
    assert frame.loc["520014", "event_date"] == pd.Timestamp("2024-03-01")  # the API's ISO timestamp


def test_ucdp_candidate_file_is_told_by_its_name_and_says_unvetted_codes():
    result = load(FIXTURES / "GEDEvent_v25_0_9.csv", geocode=False)
    assert result.format == "ucdp-candidate" and result.errors == []
    frame = by_id(result)
    assert frame.loc["600001", "source"].startswith("UCDP Candidate")
    assert "code_status: Check dead" in frame.loc["600002", "notes"]
    assert "code_status" not in frame.loc["600001", "notes"]
    assert "low 9, best 9, high 30" in frame.loc["600002", "notes"]


@pytest.mark.parametrize("name, code", [
    ("DR Congo (Zaire)", "CD"), ("Kingdom of eSwatini (Swaziland)", "SZ"), ("Macedonia, FYR", "MK"),
    ("Yemen (North Yemen)", "YE"), ("Russia (Soviet Union)", "RU"), ("Cambodia (Kampuchea)", "KH"),
    ("Bosnia-Herzegovina", "BA"), ("Republic of Iraq", "IQ"), ("Syrian Arab Republic", "SY"),
])
def test_country_names_as_sources_write_them(name, code):
    assert from_name(name) == code


def test_country_codes():
    assert (from_gw("645.0"), from_gw(490), from_gw("678"), from_gw("999")) == ("IQ", "CD", "YE", None)
    assert (from_iso_numeric("368"), from_iso_numeric("4"), from_iso_numeric("abc")) == ("IQ", "AF", None)


# --- missing values, HXL -----------------------------------------------------------------

@pytest.mark.parametrize("token", ["NA", "N/A", "NULL", "nan", "None", "#N/A"])
def test_missing_value_tokens_are_missing(token):
    result = load_bytes(curated_csv({"actor2": token, "fatalities": token, "admin1": token}), "e.csv", geocode=False)
    assert result.errors == []
    row = result.frame.iloc[0]
    assert row["actor2"] == "" and row["admin1"] == "" and pd.isna(row["fatalities"])


def test_na_is_namibia_in_the_curated_country_column():
    result = load_bytes(curated_csv({"country": "NA", "origin_country": "", "origin_location": ""}), "e.csv",
                        geocode=False)
    assert result.frame.loc[0, "country"] == "NA"


def test_hxl_hashtag_row_is_skipped_and_counted_not_an_error():
    lines = curated_csv({}, {}).decode().splitlines()
    hxl = ",".join("#" + c.replace("_", "+") for c in lines[0].split(","))
    data = "\n".join([lines[0], hxl, *lines[1:]]) + "\n"
    result = load_bytes(data.encode(), "hdx.csv", geocode=False)
    assert result.errors == [] and len(result.frame) == 2 and result.rows == 2
    assert result.skipped == {"HXL hashtag row": 1}
    assert result.frame["event_id"].tolist() == ["T1", "T2"]


def test_error_values_are_quoted_whole():
    long_date = "2024-04-21 " + "x" * 120
    result = load_bytes(curated_csv({"event_date": long_date}), "e.csv", geocode=False)
    [error] = result.errors
    assert error.value == long_date
    assert str(error).count("x") < 120 and "..." in str(error)  # shortened only for display, with an ellipsis


# --- Excel ---------------------------------------------------------------------------------

def _xlsx(header, rows) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_acled_excel_export_with_date_cells_and_serial_numbers():
    import datetime as dt
    frame = pd.read_csv(FIXTURES / "acled_modern.csv", dtype=str, keep_default_na=False).head(3)
    header = list(frame.columns)
    rows = [list(r) for r in frame.itertuples(index=False)]
    date_col = header.index("event_date")
    rows[0][date_col] = dt.datetime(2024, 4, 21)   # a date cell
    rows[1][date_col] = 45403                      # an Excel serial number: 2024-04-21
    rows[2][header.index("fatalities")] = "NA"
    result = load_bytes(_xlsx(header, rows), "acled.xlsx", geocode=False)
    assert (result.format, result.container) == ("acled", "xlsx")
    assert result.errors == [] or all(e.line == 4 and e.column != "fatalities" for e in result.errors)
    got = by_id(result)
    assert got.loc["IRQ33001", "event_date"] == pd.Timestamp("2024-04-21")
    assert got.loc["SYR45002", "event_date"] == pd.Timestamp("2024-04-21")
    assert pd.isna(got.loc["IRQ33003", "fatalities"])


def test_excel_bad_row_is_named_by_its_sheet_row():
    header = ["event_id", "event_date", "event_type", "actor1", "country", "location", "source"]
    rows = [["X1", "2024-01-02", "Battles", "A", "IQ", "Mosul", "S"], ["X2", "not a date", "Battles", "A", "IQ", "Mosul", "S"]]
    result = load_bytes(_xlsx(header, rows), "mine.xlsx", geocode=False)
    assert [(e.line, e.column, e.value) for e in result.errors] == [(3, "event_date", "not a date")]


def test_a_broken_workbook_is_one_clear_error():
    with pytest.raises(LoadError, match="not a readable Excel workbook"):
        load_bytes(b"PK\x03\x04" + b"xl/" + b"\x00" * 100, "bad.xlsx", geocode=False)


# --- GeoJSON with any layout's properties --------------------------------------------------

def test_geojson_with_acled_properties_as_geopandas_writes_them():
    frame = pd.read_csv(FIXTURES / "acled_modern.csv", dtype=str, keep_default_na=False)
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(r["longitude"]), float(r["latitude"])]},
                 "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")}}
                for r in frame.to_dict("records") if r["latitude"]]
    features[0]["properties"]["event_date"] = "2024-04-21T00:00:00"  # a datetime column
    doc = {"type": "FeatureCollection", "features": features}
    result = load_bytes(json.dumps(doc).encode(), "acled.geojson", geocode=False)
    assert (result.format, result.container) == ("acled", "geojson")
    got = by_id(result)
    assert got.loc["IRQ33001", "latitude"] == pytest.approx(36.7667) and got.loc["IRQ33001", "country"] == "IQ"
    assert got.loc["IRQ33001", "event_date"] == pd.Timestamp("2024-04-21")


def test_geojson_with_ucdp_properties():
    frame = pd.read_csv(FIXTURES / "ucdp_ged_25_1.csv", dtype=str, keep_default_na=False)
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(r["longitude"]), float(r["latitude"])]},
                 "properties": r} for r in frame.to_dict("records")]
    result = load_bytes(json.dumps({"type": "FeatureCollection", "features": features}).encode(), "u.geojson",
                        geocode=False)
    assert result.format == "ucdp" and len(result.frame) == 4


# --- GDELT -----------------------------------------------------------------------------------

def _check_gdelt(result):
    assert result.format == "gdelt" and result.errors == [], result.errors
    assert result.skipped == {"GDELT events without action coordinates": 1,
                              "GDELT events of CAMEO roots 01-13/16 (not violence or protest)": 1}
    frame = by_id(result)
    assert list(frame.index) == ["1190000001", "1190000002", "1190000005"]
    mosul = frame.loc["1190000001"]
    assert (mosul["event_type"], mosul["sub_event_type"]) == ("Battles", "Armed clash")
    assert (mosul["country"], mosul["location"], mosul["admin1"]) == ("IQ", "Mosul", "Ninawa")
    assert mosul["geo_precision"] == 1 and mosul["event_date"] == pd.Timestamp("2025-03-01")
    assert "machine-coded" in mosul["source"] and mosul["source_url"] == "https://example.com/news/mosul-clash"
    assert frame.loc["1190000002", "event_type"] == "Protests"
    bomb = frame.loc["1190000005"]
    assert (bomb["event_type"], bomb["sub_event_type"]) == ("Explosions/Remote violence", "Suicide bomb")
    assert bomb["country"] == "SY" and bomb["geo_precision"] == 3 and "centroid" in bomb["notes"]


def test_gdelt_export_csv():
    _check_gdelt(load(FIXTURES / "20250301120000.export.CSV", geocode=False))


def test_gdelt_export_zip(tmp_path):
    path = tmp_path / "20250301120000.export.CSV.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(FIXTURES / "20250301120000.export.CSV", "20250301120000.export.CSV")
    _check_gdelt(load(path, geocode=False))


def test_zip_of_several_files_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("a.csv", "x")
        archive.writestr("b.csv", "y")
    with pytest.raises(LoadError, match="exactly one"):
        load_bytes(buf.getvalue(), "two.zip", geocode=False)


def test_every_layout_is_reachable_by_format_flag():
    assert set(BY_NAME) <= set(FORMATS)
