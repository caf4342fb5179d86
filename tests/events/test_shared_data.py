"""The real reference files in ../shared/data load with the expected counts (skipped when absent)."""
import pandas as pd
import pytest

from events import load

from .conftest import SHARED

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not beside the project")

# file -> (layout, rows, valid, rejected). Every rejection must be a real problem in the data.
EXPECTED = {
    "acled_legacy_api_sample.csv": ("acled-legacy", 50, 50, 0),
    "acled_middle_east_2022_iq_sy.csv": ("acled-reduced", 466, 466, 0),
    "ucdp_ged_iraq_1989_2018.csv": ("ucdp", 7473, 7473, 0),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shared_event_files_load(name):
    result = load(SHARED / name, geocode=False)
    assert (result.format, result.rows, len(result.frame), result.rejected) == EXPECTED[name], result.errors[:5]
    assert result.frame["country"].str.fullmatch(r"[A-Z]{2}").all()
    assert result.frame["latitude"].between(-90, 90).all()


def test_ucdp_imprecise_places_are_kept_and_flagged():
    frame = load(SHARED / "ucdp_ged_iraq_1989_2018.csv", geocode=False).frame
    flagged = frame["notes"].str.contains("where_prec [67]", regex=True)
    assert flagged.sum() == 141  # 139 country-level + 2 international rows in this file
    assert (frame.loc[flagged, "geo_precision"] == 3).all()


def test_shared_gazetteer_list_is_not_an_event_file():
    from events import LoadError
    with pytest.raises(LoadError, match="unknown layout"):
        load(SHARED / "iom_dtm_iraq_locations.csv", geocode=False)


FIELD = SHARED / "field"


def test_field_acled_spreadsheet_dates():
    result = load(FIELD / "04min_acled_dMonyy.csv", geocode=False)
    assert (result.format, result.rows, result.rejected) == ("acled", 1, 0)
    row = result.frame.iloc[0]
    assert (row["event_id"], row["event_date"], row["country"]) == ("ISR1786", pd.Timestamp("2020-05-09"), "IL")


def test_field_acled_upper_case_legacy():
    result = load(FIELD / "05min_acled_upper_legacy.csv", geocode=False)
    assert (result.format, result.rows, result.rejected) == ("acled-legacy", 1, 0)
    row = result.frame.iloc[0]
    assert (row["event_id"], row["event_date"], row["event_type"], row["country"]) == (
        "1BNG", pd.Timestamp("2015-01-01"), "Riots", "BD")


def test_field_ucdp_country_written_the_ucdp_way():
    result = load(FIELD / "14min_ucdp_drc.csv", geocode=False)
    assert (result.format, result.rows, result.rejected) == ("ucdp", 1, 0)
    assert result.frame.loc[0, "country"] == "CD"
