from geodata.cache import GeocodeCache
from geodata.gazetteer import Gazetteer, MemoryGazetteer
from geodata.geocoder import Geocoder
from geodata.result import GeocodeResult

from .conftest import FIXTURE_PLACES, place


class CountingGazetteer(Gazetteer):
    def __init__(self, places):
        super().__init__([MemoryGazetteer(places)])
        self.lookups = 0

    def index(self, country):
        self.lookups += 1
        return super().index(country)


def test_cache_round_trip(data_dir):
    cache = GeocodeCache()
    result = GeocodeResult(status="resolved", latitude=1.5, longitude=2.5, name="X", source="s", id="1",
                           precision=1, confidence=0.9)
    cache.put_many("v1", {"k": result})
    assert cache.path.parent == data_dir
    assert cache.get("k") == result
    assert cache.get("other") is None


def test_second_process_reads_the_disk_cache(data_dir):
    first = CountingGazetteer(FIXTURE_PLACES)
    Geocoder(first, GeocodeCache()).geocode("Zummar", "IQ")
    assert first.lookups == 1
    second = CountingGazetteer(FIXTURE_PLACES)           # a new process: empty memo
    result = Geocoder(second, GeocodeCache()).geocode("Zummār", "IQ")   # same normalised query
    assert result.id == "zummar" and second.lookups == 0


def test_gazetteer_change_invalidates(data_dir):
    Geocoder(CountingGazetteer(FIXTURE_PLACES), GeocodeCache()).geocode("Newtown", "IQ")
    changed = CountingGazetteer(FIXTURE_PLACES + [place("new", "Newtown", "town", "IQ", "Anbar", 33, 43)])
    result = Geocoder(changed, GeocodeCache()).geocode("Newtown", "IQ")
    assert changed.lookups == 1 and result.id == "new"


def test_context_is_part_of_the_key(data_dir):
    geocoder = Geocoder(CountingGazetteer(FIXTURE_PLACES), GeocodeCache())
    assert geocoder.geocode("Hamra", "IQ", "Anbar").id == "hamra-a"
    assert geocoder.geocode("Hamra", "IQ", "Nineveh").id == "hamra-n"
    assert geocoder.geocode("Hamra", "IQ").status == "ambiguous"


def test_a_refit_calibration_table_or_edited_rule_invalidates(data_dir, tmp_path, monkeypatch):
    """The cached answer is recomputed when calibration.json (or a decision file) changes: the
    rules digest is part of the gazetteer version that keys the cache."""
    from geodata import gazetteer

    table = tmp_path / "calibration.json"
    table.write_text('{"classes": {}}')
    before = gazetteer.rules_digest((table,))
    table.write_text('{"classes": {"exact|none|alone": [10, 10]}}')
    assert gazetteer.rules_digest((table,)) != before
    # each profile's table; admin2.py, whose district names decide whether a namesake is resolved; admin1.py, whose
    # names decide which division a candidate agrees with (session 28: an edit there kept serving cached answers)
    for name in ("calibration.json", "calibration_villages.json", "admin2.py", "admin1.py"):
        assert any(f.name == name and f.exists() for f in gazetteer.RULE_FILES)

    first = CountingGazetteer(FIXTURE_PLACES)
    Geocoder(first, GeocodeCache()).geocode("Zummar", "IQ")
    monkeypatch.setattr(gazetteer, "_RULES_DIGEST", "refit")
    again = CountingGazetteer(FIXTURE_PLACES)
    Geocoder(again, GeocodeCache()).geocode("Zummar", "IQ")
    assert again.lookups == 1 and again.version != first.version
