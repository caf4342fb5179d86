"""The drawn base map's content comes from the shipped boundaries and gazetteer."""
import json

import pytest

from dashboard import outlines


@pytest.fixture(scope="module")
def docs():
    return outlines.documents()


def test_countries_admin1_and_towns_are_labelled_in_a_readers_script(docs):
    labels = {(row[2], row[3]) for row in docs["labels"]}
    assert ("Iraq", "country") in labels and ("Syria", "country") in labels
    assert any(kind == "admin1" and "Anbar" in name for name, kind in labels)
    assert ("Deir ez-Zor", "city") in labels  # WOF names it in Arabic script; the label is Latin
    assert all(kind in outlines.LABEL_ORDER for _, kind in labels)
    kinds = [row[3] for row in docs["labels"]]
    assert kinds.index("country") < kinds.index("admin1") < kinds.index("city") < kinds.index("town")


def test_land_carries_each_countrys_extent_for_fetching_its_admin2(docs):
    land = {f["properties"]["country"]: f["properties"]["bbox"] for f in docs["land"]["features"]}
    south, west, north, east = land["IQ"]
    assert 28.5 < south < 29.5 and 38.5 < west < 39.5 and 37 < north < 38 and 48 < east < 49
    assert "admin2-IQ" in docs and docs["admin2-IQ"]["features"]
    assert "admin2-JO" not in docs  # the extract has no admin2 for Jordan


def test_written_files_are_reused_until_geodata_changes(tmp_path):
    assert outlines.ensure_files(tmp_path)
    stamp = (tmp_path / "stamp.txt").read_text()
    first = (tmp_path / "land.json").stat().st_mtime_ns
    assert outlines.ensure_files(tmp_path)
    assert (tmp_path / "land.json").stat().st_mtime_ns == first
    assert json.loads((tmp_path / "labels.json").read_text())[0][3] == "country"
    assert stamp.startswith("admin1.parquet")


def test_an_unwritable_folder_falls_back_to_inline(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert outlines.ensure_files(blocked / "outlines") is False


def test_the_committed_files_are_what_geodata_builds_now(docs):
    """A fresh clone draws the base map without a build: the committed files must be current.
    If this fails after a change to geodata/data, run `python -m dashboard.outlines` and commit."""
    folder = outlines.STATIC_DIR
    assert (folder / "stamp.txt").read_text(encoding="utf-8") == outlines.source_stamp()
    for name, document in docs.items():
        text = (folder / f"{name}.json").read_text(encoding="utf-8")
        assert text == json.dumps(document, separators=(",", ":"), ensure_ascii=False), name
    assert (folder / "README.md").is_file()  # source and licence beside the data


def test_current_files_are_used_without_writing_anything(tmp_path, monkeypatch):
    """A read-only checkout with the committed files: nothing is written, the app serves them."""
    import shutil

    shutil.copytree(outlines.STATIC_DIR, tmp_path / "outlines")

    def refuse(path, text):
        raise PermissionError(f"read-only: {path}")

    monkeypatch.setattr(outlines, "_write", refuse)
    assert outlines.ensure_files(tmp_path / "outlines") is True
    (tmp_path / "outlines" / "stamp.txt").write_text("stale")
    assert outlines.ensure_files(tmp_path / "outlines") is False  # stale and unwritable: inline instead


def test_town_labels_are_readable_latin_names(docs):
    """WOF names Qaraqosh "Qaḑā’ al Ḩamdānīyah" and Tel Keppe "Qaḑā’ Talkīf"; the map shows the one
    readable name the popups and the geocoder show (geodata.display.place_display)."""
    import unicodedata
    towns = {row[2] for row in docs["labels"] if row[3] in ("city", "town")}
    assert "Al Hamdaniyah" in towns and "Diyarbakir" in towns and "Diyarbakır" not in towns
    latin = [t for t in towns if all("LATIN" in unicodedata.name(c, "") for c in t if c.isalpha())]
    assert latin and not [t for t in latin if not t.isascii()]
