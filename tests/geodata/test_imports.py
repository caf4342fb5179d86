import pytest

from geodata.errors import GazetteerFileError
from geodata.gazetteer import Gazetteer, store_path
from geodata.geocoder import Geocoder
from geodata.imports.csv_list import import_csv
from geodata.imports.geonames import import_geonames, kind_for
from geodata.store import ImportedGazetteer

from .conftest import FIXTURES


@pytest.mark.parametrize("dump", ["IQ.txt", "IQ.zip"])
def test_geonames_dump_imports(dump):
    store = ImportedGazetteer(store_path())
    report = import_geonames(FIXTURES / dump, store)
    assert report.imported == 4                 # Zummar, Iskandariya, air base, ADM1 region
    assert report.skipped == 1                  # the wadi: not a kind we keep
    assert [(e.line, e.column) for e in report.errors] == [(6, "latitude"), (7, "(row)")]
    places = {p.id: p for p in store.places_in("IQ")}
    assert places["89356"].aliases[:2] == ("Zummar", "Zamar") and places["89356"].kind == "town"
    assert places["900001"].kind == "airfield"
    assert places["89356"].admin1 == "Muḩāfaz̧at Nīnawá"      # named through the ADM1 row
    assert store.admin1_names("IQ") == {"15": "Muḩāfaz̧at Nīnawá"}


def test_imported_places_are_geocoded():
    store = ImportedGazetteer(store_path())
    before = store.version()
    import_geonames(FIXTURES / "IQ.zip", store)
    assert store.version() != before
    geocoder = Geocoder(Gazetteer([store]))
    result = geocoder.geocode("Zumar", "IQ", "Nīnawá province")
    assert (result.status, result.source, result.id) == ("resolved", "geonames", "89356")
    assert geocoder.geocode("Testville air base", "IQ").id == "900001"


@pytest.mark.parametrize("feature, kind", [(("P", "PPL", 50), "village"), (("P", "PPLC", 5_000_000), "city"),
                                           (("S", "MILB", 0), "military_base"), (("S", "OILF", 0), "oil_field"),
                                           (("A", "ADM1", 0), "region"), (("A", "ADM2", 0), "district"),
                                           (("H", "STM", 0), None)])
def test_feature_kinds(feature, kind):
    assert kind_for(*feature) == kind


def test_csv_list_imports_with_bad_rows_named():
    store = ImportedGazetteer(store_path())
    report = import_csv(FIXTURES / "iom_sample.csv", store, name_column="location_name", lat_column="latitude",
                        lon_column="longitude", country="IQ", alias_columns=("arabic_name",),
                        admin1_column="governorate", id_column="location_id", source="csv:iom")
    assert report.imported == 2
    assert [(e.line, e.column) for e in report.errors] == [(3, "latitude"), (4, "location_name")]
    assert "iom_sample.csv:3: column 'latitude' = '95.0': out of range" in str(report.errors[0])
    geocoder = Geocoder(Gazetteer([store]))
    assert geocoder.geocode("Testkoy", "IQ").id == "1501001.0"
    arabic = geocoder.geocode("تستكوي", "IQ")      # found by its Arabic name (offered: Arabic is calibrated apart)
    assert (arabic.alternatives[0] if arabic.alternatives else arabic).source == "csv:iom"


def test_csv_missing_column_is_a_file_error():
    with pytest.raises(GazetteerFileError, match="'nope'"):
        import_csv(FIXTURES / "iom_sample.csv", ImportedGazetteer(store_path()), name_column="nope",
                   lat_column="latitude", lon_column="longitude", country="IQ")


def test_unassigned_country_code_is_refused():
    with pytest.raises(GazetteerFileError, match="ZZ is not an assigned"):
        import_csv(FIXTURES / "iom_sample.csv", ImportedGazetteer(store_path()), name_column="location_name",
                   lat_column="latitude", lon_column="longitude", country="ZZ")
