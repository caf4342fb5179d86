"""Loading fills missing coordinates from place names through geodata (the embedded gazetteer)."""
import math

from events import CURATED_PATH, load, load_bytes
from geodata.geo import distance_km

from .conftest import curated_csv


km = distance_km  # the geocoder's own great-circle distance


def test_rumalyn_and_its_origin_zummar_land_where_they_are():
    data = curated_csv({"latitude": "", "longitude": "", "origin_latitude": "", "origin_longitude": ""})
    row = load_bytes(data, "e.csv").frame.iloc[0]
    assert row["geo_status"] == "resolved"
    assert km(row["latitude"], row["longitude"], 37.0, 41.95) < 20
    assert km(row["origin_latitude"], row["origin_longitude"], 36.76667, 42.63333) < 20


def test_unknown_place_stays_in_the_table_without_coordinates():
    data = curated_csv({"latitude": "", "longitude": "", "location": "Qwxzvbn", "origin_location": "",
                        "origin_country": "", "origin_latitude": "", "origin_longitude": ""})
    result = load_bytes(data, "e.csv")
    assert result.errors == []
    row = result.frame.iloc[0]
    assert row["geo_status"] == "unresolved" and math.isnan(row["latitude"])


def test_an_ambiguous_place_is_not_drawn_nor_given_a_governorate():
    """nu5: "Tabqa" (Raqqa) with no coordinates was drawn at Tulayfah in Al-Hasakah, 340 km away, and
    exported with admin1 Al-Hasakah, while `geodata geocode Tabqa --country SY` says "none placed". An
    ambiguous answer is the geocoder's "I don't know": the row keeps its status and best guess's name,
    and stays in the table, off the map, with the admin1 the file gave (none here)."""
    data = curated_csv({"latitude": "", "longitude": "", "location": "Tabqa", "country": "SY", "admin1": "",
                        "origin_location": "", "origin_country": "", "origin_latitude": "", "origin_longitude": ""})
    row = load_bytes(data, "e.csv").frame.iloc[0]
    assert row["geo_status"] == "ambiguous"
    assert math.isnan(row["latitude"]) and math.isnan(row["longitude"])
    assert row["admin1"] == "" and row["admin2"] == ""
    # an origin that is ambiguous is not drawn either (the arrow would start at a guess)
    data = curated_csv({"origin_location": "Tabqa", "origin_country": "SY", "origin_latitude": "",
                        "origin_longitude": ""})
    row = load_bytes(data, "e.csv").frame.iloc[0]
    assert math.isnan(row["origin_latitude"]) and math.isnan(row["origin_longitude"])


def test_given_coordinates_are_kept():
    row = load_bytes(curated_csv({}), "e.csv").frame.iloc[0]
    assert (row["geo_status"], row["latitude"], row["longitude"]) == ("given", 37.0, 41.95)


def test_the_curated_dataset_validates_and_every_event_is_placed():
    result = load(CURATED_PATH)
    assert result.errors == [] and len(result.frame) >= 30
    assert result.frame["latitude"].notna().all(), result.frame.loc[result.frame["latitude"].isna(), "location"]
    assert result.frame["source"].ne("").all()
    assert result.frame["source_url"].map(lambda u: u == "" or u.startswith("https://")).all()
    attack = result.frame.set_index("event_id").loc["CM0035"]
    assert (attack["location"], attack["origin_location"]) == ("Rumalyn", "Zummar")


def test_events_geocode_cli(tmp_path):
    import subprocess, sys
    src = tmp_path / "in.csv"
    src.write_bytes(curated_csv({"latitude": "", "longitude": "", "location": "Kalsu", "country": "IQ",
                                 "admin1": "Babil"}))
    out = tmp_path / "out.csv"
    proc = subprocess.run([sys.executable, "-m", "events", "geocode", str(src), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    row = load(out, geocode=False).frame.iloc[0]
    assert km(row["latitude"], row["longitude"], 32.8873, 44.34619) < 20
