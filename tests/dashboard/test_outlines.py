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
    assert "world.json" in (folder / "README.md").read_text(encoding="utf-8")


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


# --- The world layer: Natural Earth's countries around the nine (an ACLED Africa sample drew on an empty canvas).

NINE = {"SY", "IQ", "JO", "LB", "IL", "PS", "YE", "IR", "TR"}


def _shapes(doc):
    import shapely

    return [shapely.make_valid(shapely.geometry.shape(f["geometry"])) for f in doc["features"]]


def test_the_world_layer_is_land_where_the_nine_are_not(docs):
    """(lat, lon) of capitals and inland places across the world lie in a world land polygon; the sea does not,
    and the nine's own places are left to their WOF polygons (``land``)."""
    import shapely

    world, nine = shapely.union_all(_shapes(docs["world"])), shapely.union_all(_shapes(docs["land"]))
    on_land = {"Abuja": (9.06, 7.49), "Kinshasa": (-4.32, 15.31), "Brasilia": (-15.79, -47.88),
               "Mogadishu": (2.05, 45.32), "Lusaka": (-15.42, 28.28), "Kyiv": (50.45, 30.52),
               "Riyadh": (24.71, 46.68), "Cairo": (30.04, 31.24), "Kabul": (34.53, 69.17)}
    at_sea = {"Gulf of Guinea": (0.0, 0.0), "South Atlantic": (-20.0, -20.0), "Indian Ocean": (-10.0, 70.0),
              "Mediterranean": (35.0, 18.0), "Red Sea": (20.0, 38.5), "Persian Gulf": (27.0, 51.5)}
    assert [name for name, (lat, lon) in on_land.items() if not world.contains(shapely.Point(lon, lat))] == []
    assert [name for name, (lat, lon) in at_sea.items() if world.union(nine).contains(shapely.Point(lon, lat))] == []
    for lat, lon in ((33.31, 44.36), (35.69, 51.39), (39.93, 32.86)):  # Baghdad, Tehran, Ankara
        assert nine.contains(shapely.Point(lon, lat)) and not world.contains(shapely.Point(lon, lat))


def test_the_nine_countries_are_drawn_once(docs):
    """No Natural Earth polygon of the nine, and the world's countries overlap the nine's land by no
    more than rounding (coordinates to 0.001 deg where their borders meet): nothing is drawn twice."""
    import shapely

    names = [f["properties"]["name"] for f in docs["world"]["features"]]
    assert len(names) == len(set(names)) > 150 and {"Nigeria", "Brazil", "Dem. Rep. Congo", "Saudi Arabia"} <= set(names)
    assert not {"Iraq", "Syria", "Jordan", "Lebanon", "Israel", "Palestine", "Yemen", "Iran", "Turkey"} & set(names)
    overlap = shapely.union_all(_shapes(docs["world"])).intersection(shapely.union_all(_shapes(docs["land"])))
    assert overlap.area < 0.01  # deg²; the nine's land is about 348 deg²
    assert overlap.buffer(-0.001).is_empty  # no strip of it wider than the rounding
    countries = [row[2] for row in docs["labels"] if row[3] == "country"]
    assert len(countries) == len(set(countries)) and countries.count("Iraq") == 1


def test_no_sliver_of_land_is_left_out_between_natural_earth_and_wof_borders(docs):
    """Natural Earth's Saudi-Iraq or Turkey-Bulgaria line lies up to ~15 km from WOF's: that land is drawn
    (given to the neighbour) instead of showing as a sea-coloured band along the border. Measured as the
    land Natural Earth has within 0.1 deg of both layers that neither draws: 1.2 deg² without the fill,
    0.05 with it (what is left is WOF's sea at Caspian and Black Sea tri-points)."""
    import numpy as np
    import shapely

    source = shapely.union_all(shapely.make_valid(shapely.transform(
        np.asarray(outlines.world_frame()["geometry"].values), lambda c: np.round(c, outlines.DECIMALS["world"]))))
    world, nine = shapely.union_all(_shapes(docs["world"])), shapely.union_all(_shapes(docs["land"]))
    seam = source.intersection(nine.buffer(0.1)).intersection(world.buffer(0.1)).difference(nine.union(world))
    assert seam.area < 0.2
    drawn = world.union(nine)
    for lat, lon in ((30.63, 42.73), (42.05, 27.46), (31.87, 60.86), (18.9, 51.3)):  # IQ-SA, TR-BG, IR-AF, YE-OM
        assert drawn.contains(shapely.Point(lon, lat)), (lat, lon)


def test_country_names_show_at_the_zoom_a_continent_is_seen_at(docs):
    """A map fitted to 50 events across Africa opens at zoom 3: its large countries are named there;
    every country is named by LABEL_ZOOM["country"] as before, and no country name waits longer."""
    rows = {row[2]: row for row in docs["labels"] if row[3] == "country"}
    assert rows["Nigeria"][4] <= 3 and rows["Brazil"][4] <= 3 and rows["Algeria"][4] <= 3
    assert all(outlines.COUNTRY_FROM <= row[4] <= outlines.LABEL_ZOOM["country"] for row in rows.values())
    lat, lon = rows["Nigeria"][:2]
    assert 4 < lat < 14 and 3 < lon < 14.5  # inside Nigeria, not at sea
    lat, lon = rows["France"][:2]
    assert 42 < lat < 51 and -5 < lon < 8  # metropolitan France, not French Guiana


def test_admin2_stays_with_the_nine(docs):
    """The browser fetches admin2-<CC> for ``land`` features in view (their ``country`` and ``bbox``); the
    world's features carry neither, and no admin2 document exists outside the nine."""
    assert {name[len("admin2-"):] for name in docs if name.startswith("admin2-")} <= NINE
    assert {f["properties"]["country"] for f in docs["land"]["features"]} == NINE
    assert all(set(f["properties"]) == {"name"} for f in docs["world"]["features"])


def test_the_stamp_names_the_world_source(tmp_path, monkeypatch):
    """Re-importing Natural Earth (a changed ne_110m_countries.parquet) makes the committed documents stale."""
    import shutil

    assert outlines.WORLD_SOURCE in outlines.source_files()
    assert f"{outlines.WORLD_SOURCE.name}:" in outlines.source_stamp()
    before = outlines.source_stamp()
    changed = tmp_path / outlines.WORLD_SOURCE.name
    shutil.copy(outlines.WORLD_SOURCE, changed)
    with changed.open("ab") as handle:
        handle.write(b"\0")
    monkeypatch.setattr(outlines, "WORLD_SOURCE", changed)
    outlines.source_stamp.cache_clear()
    try:
        assert outlines.source_stamp() != before
    finally:
        monkeypatch.undo()
        outlines.source_stamp.cache_clear()


def test_the_standalone_html_carries_the_world_and_draws_it_under_the_nine():
    """The export inlines world.json (no file beside it to fetch) and its script puts it in the cmWorld pane
    (zIndex 240, below the nine's cmBase at 250); the app's page fetches it like the others."""
    from dashboard import basemaps
    from dashboard.html_export import map_html

    from .conftest import event, make_frame

    src, inline = basemaps.outlines_source(standalone=True)
    assert src is None and set(inline) == set(outlines.NAMES) and "world" in inline
    assert not any(name.startswith("admin2-") for name in inline)
    lagos = make_frame(event(event_id="NG1", latitude=6.45, longitude=3.39, country="NG", location="Lagos"))
    html = map_html(lagos, "light", ((6.45, 3.39), (6.45, 3.39))).decode()
    assert '"name": "Nigeria"' in html or '"name":"Nigeria"' in html
    assert '["cmWorld", 240]' in html and 'get("world")' in html and "Countries: Natural Earth" in html
