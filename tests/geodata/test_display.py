"""One display name per embedded admin1 polygon; every spelling a source uses finds it."""
import pytest

from geodata.admin1_codes import GEONAMES_ADMIN1
from geodata.boundaries import areas
from geodata.display import admin1_display, display_names, display_of_polygon, displays_named


def test_every_polygon_has_one_display_name_distinct_within_its_country():
    names = display_names()
    assert len(names) == len(areas(1)) - 1   # WOF calls Raymah and Sana'a both "San`ar": one key
    assert names[("YE", "San`ar")] == "Raymah / Sana'a"
    for code in areas(1)["country"].unique():
        shown = [v for (c, _), v in names.items() if c == code]
        assert len(shown) == len(set(shown)), code
        assert all(s and "`" not in s and "(" not in s for s in shown), shown


@pytest.mark.parametrize("country", sorted(GEONAMES_ADMIN1))
def test_iraq_syria_jordan_show_geonames_english_names(country):
    shown = set(display_names([country]).values()) - {"UN Neutral Zone"}
    assert shown == set(GEONAMES_ADMIN1[country].values())


@pytest.mark.parametrize("country, spelling, shown", [
    ("IQ", "Ninawa", "Nineveh"), ("IQ", "Ninewa", "Nineveh"), ("IQ", "Nineveh", "Nineveh"),
    ("IQ", "نينوى", "Nineveh"), ("IQ", "Nīnawá province", "Nineveh"), ("IQ", "Al-Anbar", "Anbar"),
    ("IQ", "Arbil", "Erbil"), ("SY", "Hasaka (Al Haksa)", "Al-Hasakah"), ("SY", "Dayr az Zawr", "Deir ez-Zor"),
    ("SY", "H'alab", "Aleppo"), ("YE", "Raymah", "Raymah"), ("IR", "Azarbayjan-e Sharqi", "East Azerbaijan"),
    ("IQ", "Kurdistan Region", None), ("CD", "Kinshasa", None),
    ("YE", "San`ar", None),        # WOF gives it to two provinces: not one division
])
def test_a_spelling_names_its_division_or_nothing(country, spelling, shown):
    assert admin1_display(country, spelling) == shown


def test_polygon_names_and_searches_without_a_country():
    assert display_of_polygon("IQ", "Ninawa") == "Nineveh" and display_of_polygon("IQ", "Nowhere") == "Nowhere"
    assert displays_named("Ninawa") == {"Nineveh"} and displays_named("Atlantis") == frozenset()


@pytest.mark.parametrize("name, latin, shown", [
    ("Qaḑā’ al Ḩamdānīyah", None, "Al Hamdaniyah"),     # WOF's Qaraqosh: named after its district
    ("Qaḑā’ Talkīf", None, "Talkif"),                    # Tel Keppe, likewise
    ("Nāḩiyat Zummār", None, "Zummar"),                  # nahiya: subdistrict
    ("Şanlıurfa", None, "Sanliurfa"),
    ("Ta‘izz", None, "Ta'izz"),
    ("Dar`a", None, "Dar'a"),
    ("Zummar", None, "Zummar"),                          # curated names stay as they are
    ("Qadisiyah", None, "Qadisiyah"),                    # 'qada' only as a word of its own
    ("دير الزور", "Deir ez-Zor|Dayr az Zawr", "Deir ez-Zor"),
    ("دير الزور", None, "Deir ez-Zor"),                  # WOF's own Latin names of the place so named
    ("قرية بلا اسم", None, "قرية بلا اسم"),               # no Latin name to show: the name as it is
    ("תל אביב", None, "תל אביב"),
])
def test_a_place_is_shown_by_one_readable_name(name, latin, shown):
    from geodata.display import place_display
    assert place_display(name, latin) == shown


def test_geocoded_rows_show_readable_names_and_display_governorates():
    import pandas as pd

    from geodata import geocode_frame
    frame = pd.DataFrame({"q": ["Baghdede", "Zummar"], "c": ["IQ", "Iraq"], "a": ["Nineveh", "Ninewa"]})
    out = geocode_frame(frame, "q", "c", "a", detail=True)
    assert out["geo_name"].tolist() == ["Al Hamdaniyah", "Zummar"]
    assert out["geo_admin1"].tolist() == ["Nineveh", "Nineveh"]


def test_a_wof_place_named_in_arabic_is_shown_by_its_latin_name_in_the_cli_and_frames(real_data_dir):
    """WOF names Aleppo's record "حلب" (and Basra's, Homs', Fallujah's in Arabic): the CLI printed
    "resolved: حلب"; the CLI and geocode_frame now show its first Latin name, as the map's label does."""
    import subprocess
    import sys
    from pathlib import Path

    import pandas as pd

    from geodata.display import place_display
    from geodata.frame import geocode_frame

    assert place_display("حلب") == "Halab" and place_display("الفلوجة") == "Fallujah"
    out = geocode_frame(pd.DataFrame({"q": ["Aleppo"], "c": ["SY"]}), "q", "c")
    assert out["geo_name"].tolist() == ["Halab"]
    proc = subprocess.run([sys.executable, "-m", "geodata", "geocode", "Aleppo", "--country", "SY"],
                          cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "CONFLICTMAP_DATA_DIR": str(real_data_dir)})
    assert proc.stdout.startswith("resolved: Halab (wof 421202163)") and "حلب" not in proc.stdout


@pytest.mark.parametrize("spelling", ["At-Ta'mim province", "At Ta'mim", "Tamim", "التأميم"])
def test_kirkuks_former_name_is_shown_as_kirkuk(spelling):
    from geodata.display import admin1_display, displays_named

    assert admin1_display("IQ", spelling) == "Kirkuk"
    assert displays_named(spelling) == frozenset({"Kirkuk"})
