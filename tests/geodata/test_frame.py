import numpy as np
import pandas as pd

from geodata.frame import COLUMNS, geocode_frame


def test_frame_columns_index_and_values(fixture_geocoder):
    df = pd.DataFrame({"place": ["Zummar", "Rumalyn", None, "  ", "Hamra", "Hamra", "Nowhere"],
                       "cc": ["IQ", "SY", "IQ", "IQ", "IQ", "IQ", "IQ"],
                       "adm": ["", "", "", "", "Anbar", np.nan, ""]},
                      index=[10, 11, 12, 13, 14, 15, 16])
    out = geocode_frame(df, "place", "cc", "adm", geocoder=fixture_geocoder)
    assert list(out.columns) == list(COLUMNS)
    assert list(out.index) == list(df.index)
    assert list(out["geo_status"]) == ["resolved", "resolved", "unresolved", "unresolved", "resolved",
                                       "ambiguous", "unresolved"]
    assert list(out["geo_id"][:2]) == ["zummar", "rmelan"]
    assert out.loc[14, "geo_id"] == "hamra-a"
    assert out.loc[10, "geo_latitude"] == 36.76667 and np.isnan(out.loc[12, "geo_latitude"])
    assert str(out["geo_precision"].dtype) == "Int64"


def test_each_distinct_query_geocoded_once(fixture_geocoder):
    calls = []
    original = fixture_geocoder._resolve
    fixture_geocoder._resolve = lambda *q: calls.append(q) or original(*q)
    df = pd.DataFrame({"n": ["Zummar", "Tikrit"] * 5000, "c": ["IQ"] * 10000})
    out = geocode_frame(df, "n", "c", geocoder=fixture_geocoder)
    assert sorted(calls) == [("Tikrit", "IQ", ""), ("Zummar", "IQ", "")]
    assert (out["geo_status"] == "resolved").all()


def test_progress_reports_distinct_queries(fixture_geocoder):
    seen = []
    df = pd.DataFrame({"n": ["Zummar", "Tikrit", "Qayyarah"] * 10, "c": "IQ"})
    geocode_frame(df, "n", "c", geocoder=fixture_geocoder, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)


def test_empty_frame(fixture_geocoder):
    out = geocode_frame(pd.DataFrame({"n": [], "c": []}), "n", "c", geocoder=fixture_geocoder)
    assert len(out) == 0 and list(out.columns) == list(COLUMNS)


def test_missing_column_is_named(fixture_geocoder):
    import pytest
    with pytest.raises(KeyError, match="'nope'"):
        geocode_frame(pd.DataFrame({"n": ["x"]}), "n", "nope", geocoder=fixture_geocoder)
