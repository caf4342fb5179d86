"""A district's province is one of its own country's (session 31: in the Golan, where Who's On First parents a
Syrian district under an Israeli one and the other way round, a new user saw "Qahtaniyah ... in Markaz
Al-Qunaytrah, Northern")."""
import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from geodata.boundaries import admin_areas, locate
from geodata.build import own_country_parents, own_names
from geodata.geocoder import geocode


def test_every_district_has_a_province_of_its_own_country():
    provinces = admin_areas(1)
    districts = admin_areas(2)
    own = {(c, n) for c, n in zip(provinces["country"], provinces["admin1"])}
    foreign = [(c, d, p) for c, d, p in zip(districts["country"], districts["admin2"], districts["admin1"])
               if (c, p) not in own]
    assert foreign == []


def test_a_point_in_a_syrian_district_of_the_golan_is_in_a_syrian_province():
    # Al Qahtaniyah, Quneitra (Who's On First 1259887601), asked as a Syrian place
    found = locate([33.10988], [35.83822], countries=["SY"])
    assert found.loc[0, "country"] == "SY"
    assert found.loc[0, "admin1"] == "Al Qunaytirah"


def test_geocoding_a_golan_village_in_its_province_shows_that_province():
    result = geocode("Qahtaniyah", "SY", "Quneitra")
    assert result.status == "resolved"
    assert result.admin1 == "Al Qunaytirah"


def test_a_district_parented_in_another_country_takes_the_province_of_its_own_that_holds_most_of_it():
    provinces = gpd.GeoDataFrame({"country": ["AA", "AA", "BB"], "admin1": ["West", "East", "Other"],
                                  "admin1_ar": ["", "", ""], "wof_id": [1, 2, 3]},
                                 geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)], crs="EPSG:4326")
    districts = gpd.GeoDataFrame({"country": ["AA", "AA"], "admin1": ["Other", "West"], "admin1_ar": ["", ""],
                                  "admin2": ["Straddling", "Fine"], "admin1_wof_id": [3, 1]},
                                 geometry=[box(0.8, 0, 1.9, 1), box(0, 0, 0.5, 0.5)], crs="EPSG:4326")
    fixed = own_country_parents(provinces, districts)
    assert fixed["admin1"].tolist() == ["East", "West"]
    assert fixed["admin1_wof_id"].tolist() == [2, 1]
    pd.testing.assert_frame_equal(fixed.drop(columns=["admin1", "admin1_wof_id"]),
                                  districts.drop(columns=["admin1", "admin1_wof_id"]))


def test_a_district_is_named_by_its_own_name_not_its_neighbours():
    # nu35: "geocode Cizre --country TR" answered "in Idil, Sirnak": Who's On First's English name of the Cizre
    # polygon is its neighbour's
    found = locate([37.32722], [42.19028], countries=["TR"])
    assert found.loc[0, "admin2"] == "Cizre"
    assert geocode("Cizre", "TR").admin2 == "Cizre"
    names = set(admin_areas(2, ["TR"])["admin2"])
    assert {"Cizre", "İdil", "Tirebolu", "Görele"} <= names


def test_an_english_name_that_is_another_districts_own_gives_way_to_the_districts_own():
    districts = gpd.GeoDataFrame({"country": ["AA", "AA", "AA", "AA"], "admin2": ["West", "West", "Nort", "Merkez"],
                                  "name_wof": ["East", "West", "North", "Middle"]},
                                 geometry=[box(0, 0, 1, 1)] * 4, crs="EPSG:4326")
    # the first is named as its neighbour; "Nort" only spells its own name otherwise; "Merkez" (centre) is kept
    assert own_names(districts)["admin2"].tolist() == ["East", "West", "Nort", "Merkez"]
