"""Embedded admin boundaries and the regional localities table (committed files, no ../shared)."""
import json

import numpy as np
import pandas as pd
import pytest

from geodata.boundaries import admin_areas, locate
from geodata.regional import localities, place_names

from .conftest import SHARED


def test_admin1_layer_covers_the_nine_countries():
    areas = admin_areas(1)
    counts = areas["country"].value_counts().to_dict()
    # Who's On First's current admin1 polygons per country (gazetteers/README.md)
    assert counts == {"SY": 15, "IQ": 19, "JO": 12, "LB": 8, "YE": 22, "IL": 6, "PS": 2, "IR": 31, "TR": 81}
    assert areas.crs.to_epsg() == 4326 and areas.geometry.is_valid.all()
    iraq = admin_areas(1, ["IQ"])
    assert len(iraq) == 19 and set(iraq["country"]) == {"IQ"}
    nineveh = iraq[iraq["iso_code"] == "IQ-NI"].iloc[0]
    assert (nineveh["admin1"], nineveh["admin1_ar"]) == ("Ninawa", "نينوى")
    # GeoJSON-able: what a map layer reads
    feature = json.loads(iraq.to_json())["features"][0]
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon") and "admin1" in feature["properties"]


def test_admin2_layer_names_its_admin1():
    areas = admin_areas(2, "SY")
    assert {"admin1", "admin1_ar", "admin2", "admin2_ar"} <= set(areas.columns)
    malikiyah = areas[areas["admin2"] == "Al-Malikiyah"].iloc[0]
    assert malikiyah["admin1_ar"] == "الحسكة"
    with pytest.raises(ValueError):
        admin_areas(3)


def test_locate_points():
    # Zummar (Ninawa), Rmelan (Hasakah), central Baghdad, Zarqa (Jordan: no admin2 layer),
    # the Gulf of Guinea, NaN
    found = locate([36.76667, 37.0, 33.31, 32.07, 0.0, np.nan], [42.63333, 41.95, 44.36, 36.09, 0.0, 40.0])
    assert list(found.columns) == ["country", "admin1", "admin1_ar", "admin2", "admin2_ar"]
    assert found["country"].tolist()[:4] == ["IQ", "SY", "IQ", "JO"]
    assert found.loc[0, ["admin1", "admin2"]].tolist() == ["Ninawa", "Telafar"]
    assert found.loc[1, "admin2"] == "Al-Malikiyah"
    assert found.loc[2, "admin1"] == "Baghdad"
    assert found.loc[3, "admin2"] is None and found.loc[3, "admin1"]
    assert found.loc[4:].isna().all().all()


def test_locate_restricted_to_a_country():
    # Zummar lies in Iraq, 40 km from Syria: restricted to SY it is in no Syrian division.
    found = locate([36.76667, 36.76667], [42.63333, 42.63333], countries=["SY", "IQ"])
    assert found.loc[0].isna().all() and found.loc[1, "country"] == "IQ"
    with pytest.raises(ValueError):
        locate([1, 2], [3])


def test_locate_is_vectorised_and_agrees_with_one_by_one():
    rng = np.random.default_rng(7)
    lats, lons = rng.uniform(29, 38, 2000), rng.uniform(35, 48, 2000)
    together = locate(lats, lons)
    for i in rng.integers(0, 2000, 25):
        assert together.loc[i].tolist() == locate([lats[i]], [lons[i]]).loc[0].tolist()


def test_localities_table():
    iraq = localities(["IQ"])
    assert 20_000 < len(iraq) < 23_000 and set(iraq["country"]) == {"IQ"}
    zummar = iraq[iraq["name"] == "Zummar"].iloc[0]
    assert zummar["admin1"] == "Ninawa" and "زمار" in zummar["names_ar"].split("|")
    assert abs(zummar["latitude"] - 36.76667) < 1e-4
    assert not iraq["wof_id"].duplicated().any()
    big = localities(["SY"], columns=["name", "population"], min_population=100_000)
    assert list(big.columns) == ["name", "population"] and (big["population"] >= 100_000).all()
    with pytest.raises(KeyError):
        localities(columns=["nope"])


def test_place_names_one_row_per_name():
    names = place_names(["IL"])
    assert {"name", "script", "wof_id", "kind", "latitude"} <= set(names.columns)
    assert {"he", "ar", "name"} <= set(names["script"])
    assert not names.duplicated(["wof_id", "name"]).any()


@pytest.mark.skipif(not (SHARED / "gazetteers").exists(), reason="../shared/data/gazetteers absent")
def test_build_reads_the_extracts(tmp_path):
    """The build script rebuilds the committed files from the extracts (one small country)."""
    import shutil

    from geodata.build import build

    src = tmp_path / "src"
    src.mkdir()
    for name in ("wof_lb_localities.tsv.gz", "wof_lb_adm1.geojson.gz", "wof_lb_adm2.geojson.gz"):
        shutil.copy(SHARED / "gazetteers" / name, src / name)
    sizes = build(src, tmp_path / "out", log=lambda *_: None)
    assert set(sizes) == {"admin1.parquet", "admin2.parquet", "wof_localities.parquet", "wof_forms.parquet",
                          "wof_place_admin.parquet", "wof_index.parquet"}
    built = pd.read_parquet(tmp_path / "out" / "wof_localities.parquet")
    assert set(built["country"]) == {"LB"} and (built["admin1"] != "").mean() > 0.95


def test_precomputed_name_forms_match_the_name_rules():
    """wof_forms.parquet must be rebuilt (python -m geodata.build --forms) after a change to
    normalize.py or translit.py; otherwise every process would normalise 560,000 names itself."""
    import pyarrow.parquet as pq

    from geodata.build import rules_digest
    from geodata.normalize import normalize_name
    from geodata.regional import FORMS_PATH
    from geodata.translit import translit_key

    assert (pq.read_schema(FORMS_PATH).metadata or {}).get(b"rules", b"").decode() == rules_digest(), \
        "run: python -m geodata.build --forms"
    sample = pq.read_table(FORMS_PATH, columns=["raw", "core", "key"]).slice(0, 2000).to_pylist()
    for row in sample[::40]:
        core = normalize_name(row["raw"])
        assert (core, translit_key(core)) == (row["core"], row["key"])


def test_precomputed_place_admin_is_current_and_equals_locate():
    """wof_place_admin.parquet (the polygons holding each regional place, read by the geocoder's
    index instead of building the polygon grid) must be rebuilt (python -m geodata.build --forms)
    after a change to boundaries.py or the committed polygons/localities, and must hold exactly
    what locate answers."""
    import pyarrow.parquet as pq

    from geodata.boundaries import locate
    from geodata.build import derived_digest
    from geodata.regional import PLACE_ADMIN_PATH, RegionalGazetteer, localities

    assert (pq.read_schema(PLACE_ADMIN_PATH).metadata or {}).get(b"digest", b"").decode() == derived_digest(), \
        "run: python -m geodata.build --forms"
    places = localities(["LB"], columns=["latitude", "longitude"])
    where = locate(places["latitude"], places["longitude"], countries=["LB"] * len(places), snap_km=10.0)
    admin1, admin2 = RegionalGazetteer().geo_admin("LB")
    assert len(admin1) == len(places) > 1000
    assert admin1 == where["admin1"].tolist() and admin2 == where["admin2"].tolist()
    assert sum(a is not None for a in admin2) > 0.9 * len(places)


def test_precomputed_index_rows_are_current_and_index_as_made_at_run_time():
    """wof_index.parquet (the geocoder's index rows of the regional places) must be rebuilt
    (python -m geodata.build --forms) after a change to the name rules or to the code making the
    rows; an index over them must look names up exactly as one that makes its rows itself."""
    import pyarrow.parquet as pq

    from geodata.index import CountryIndex
    from geodata.regional import ENTRIES_PATH, RegionalGazetteer, entries_digest

    assert (pq.read_schema(ENTRIES_PATH).metadata or {}).get(b"digest", b"").decode() == entries_digest(), \
        "run: python -m geodata.build --forms"
    source = RegionalGazetteer()
    full = source.places_in("LB")
    light, rows = source.index_places("LB")
    assert [p.id for p in light] == [p.id for p in full] and len(full) > 1000
    precomputed = CountryIndex("LB", light, entries={0: rows})
    made_here = CountryIndex("LB", full)
    assert precomputed._entry_form == made_here._entry_form and precomputed._entry_key == made_here._entry_key
    assert (precomputed._quarters, precomputed._hinted) == (made_here._quarters, made_here._hinted)
    for name in ("jounieh", "tripoli", "saida", "jbeil", "baalbek", "trablous", "bint jbeil", "zahle", "zahleh",
                 "marjayoun", "nabatieh", "tyre", "sour", "hermel", "qlayaa", "brital"):
        assert precomputed.lookup(name) == made_here.lookup(name), name
    assert precomputed.lookup("zahle") and precomputed.lookup("zahleh")


def test_admin_areas_are_what_geopandas_reads():
    """The polygons are read with pyarrow + shapely (no geopandas import for the geocoder);
    admin_areas still gives exactly geopandas.read_parquet's GeoDataFrame."""
    import geopandas as gpd

    from geodata.boundaries import ADMIN_FILES, admin_areas

    for level, path in ADMIN_FILES.items():
        expected = gpd.read_parquet(path)
        got = admin_areas(level)
        assert isinstance(got, gpd.GeoDataFrame) and got.crs == expected.crs
        pd.testing.assert_frame_equal(got, expected, check_exact=True)


def test_a_few_points_are_located_as_many_are():
    """Fewer than GRID_MIN_POINTS points skip the cell grid (STRtree only): same answers."""
    from geodata.boundaries import _Layer, locate
    from geodata.regional import localities

    places = localities(["SY", "IL", "PS", "LB"], columns=["country", "latitude", "longitude"]).iloc[::7]
    assert len(places) > _Layer.GRID_MIN_POINTS
    lats, lons = places["latitude"].to_numpy(), places["longitude"].to_numpy()
    codes = places["country"].to_numpy(dtype=object)
    whole = locate(lats, lons, countries=codes, snap_km=10.0)
    step = _Layer.GRID_MIN_POINTS - 1
    parts = pd.concat([locate(lats[i:i + step], lons[i:i + step], countries=codes[i:i + step], snap_km=10.0)
                       for i in range(0, len(lats), step)], ignore_index=True)
    pd.testing.assert_frame_equal(whole, parts)
    assert whole["admin2"].notna().mean() > 0.9
    pd.testing.assert_frame_equal(locate(lats[:50], lons[:50]), locate(lats, lons).iloc[:50])


def test_fill_admin_fills_empty_admin1_and_admin2_within_the_rows_country():
    from geodata.boundaries import fill_admin

    frame = pd.DataFrame({"latitude": [36.76667, 36.76667, 33.31, np.nan, 37.0],
                          "longitude": [42.63333, 42.63333, 44.36, 44.0, 41.95],
                          "country": ["IQ", "SY", "IQ", "IQ", "SY"],
                          "admin1": ["", "", "Baghdad Governorate", "", None]})
    out = fill_admin(frame)
    assert out["admin1"].tolist()[:4] == ["Ninawa", "", "Baghdad Governorate", ""]   # a given admin1 is kept
    assert out.loc[4, "admin1"] == "Hasaka (Al Haksa)"
    assert out["admin2"].tolist() == ["Telafar", "", "Kadhimia", "", "Al-Malikiyah"]
    assert list(frame["admin1"])[:2] == ["", ""]          # the input is not changed


def test_no_embedded_place_lies_far_outside_its_country():
    """The IR extract carries ~50 places of Ireland (IE) and the YE extract 53 villages near (0, 0): a
    wrong country code or coordinates. No place the geocoder can offer lies more than 25 km outside
    its own country's polygons (build.far_outside drops them at build time)."""
    from geodata.boundaries import admin_areas as areas
    from geodata.build import far_outside

    places = localities(columns=["country", "name", "latitude", "longitude"])
    far = far_outside(places, areas(1))
    assert not far.any(), places[far].head(10).to_string()
    # the rule itself: a point of Dublin said to be in Iran is far outside; Tehran is not
    probe = pd.DataFrame({"country": ["IR", "IR", "YE"], "latitude": [53.35, 35.69, 0.25],
                          "longitude": [-6.26, 51.39, 0.78]})
    assert far_outside(probe, areas(1)).tolist() == [True, False, True]


@pytest.mark.parametrize("name", ["Cobh", "Tallaght", "Ballymun"])
def test_a_place_of_another_country_is_never_an_answer(name):
    """Asked in Iran, an Irish place name is not resolved, and no candidate lies outside Iran (it was
    resolved at 51.84, -8.30 with confidence 0.96 while the IR extract held Irish places)."""
    from geodata.geocoder import geocode
    from geodata.where import country_at

    result = geocode(name, "IR")
    assert result.status != "resolved"
    points = [(a.latitude, a.longitude) for a in result.alternatives]
    if result.latitude is not None:
        points.append((result.latitude, result.longitude))
    if points:
        lats, lons = zip(*points)
        assert all(code == "IR" for code in country_at(lats, lons)), points


def test_no_district_from_a_polygon_of_another_governorate_than_the_rows_own():
    """Al-Tanf, recorded in Homs, lies in WOF's Rif Dimashq (sources draw the line differently there):
    it was given Rif Dimashq's Duma district, so the district filter showed "Homs, Duma". A row whose
    known admin1 differs from the polygon's gets no district; an empty or unknown admin1 is as before."""
    import pandas as pd

    from geodata.boundaries import fill_admin

    tanf = dict(latitude=33.50583, longitude=38.61778, country="SY")
    frame = pd.DataFrame([{**tanf, "admin1": "Homs"}, {**tanf, "admin1": "Rif Dimashq"}, {**tanf, "admin1": ""},
                          {**tanf, "admin1": "Province Nine"},
                          {"latitude": 36.5564, "longitude": 44.34562, "country": "IQ", "admin1": "Erbil"}])
    out = fill_admin(frame)
    assert list(out["admin2"]) == ["", "Duma", "Duma", "Duma", "Shaqlawa"]
    assert list(out["admin1"]) == ["Homs", "Rif Dimashq", "Rif Dimashq", "Province Nine", "Erbil"]
