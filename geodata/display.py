"""One display name per admin1 division (governorate / province), whatever spelling a source used.

Sources spell divisions many ways: Who's On First's polygons say "Ninawa", "Al-Anbar", "Homs (Hims)",
"H'alab"; the curated data and GeoNames "Nineveh", "Anbar", "Homs", "Aleppo"; IOM "Ninewa"; UCDP
"Nīnawá province". The app shows each division under ONE name:

* Iraq, Syria and Jordan: GeoNames' English name as the curated gazetteer writes it
  (``geodata.admin1_codes``, from GeoNames' admin1CodesASCII.txt, CC BY 4.0): the form English-language
  reporting and the curated events use ("Nineveh", "Anbar", "Deir ez-Zor");
* the other six countries: Who's On First's own name of the polygon (``name_wof``: "Raymah",
  "East Azerbaijan", "Ankara"), with its backtick for ʿayn written as an apostrophe ("'Adan").
  WOF's ``admin1`` field is not used for them: it has errors (Raymah and Sanaa both "San`ar";
  Iran's Khorasan provinces swapped).

``admin1_display(country, spelling)`` gives the display name of the division a spelling names in that
country (matching through ``geodata.admin1.same_admin1``: normalisation, transliteration key, fuzzy
ratio, over every name the polygon goes by), or None when no polygon of the country goes by it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# WOF admin1 polygon id -> GeoNames' English name (geodata/admin1_codes.py; the GeoNames id in the comment
# is the polygon's own ``geonameid``, the same record).
GEONAMES_DISPLAY: dict[int, str] = {
    # Iraq
    85672483: "Anbar",          # WOF Al-Anbar, IQ-AN, GeoNames 99592
    85672453: "Basra",          # WOF Al-Basrah, IQ-BA, 89341
    85672455: "Muthanna",       # WOF Al-Muthannia, IQ-MU, 99032
    85672459: "Qadisiyah",      # WOF Al-Qadisiyah, IQ-QA, 99022
    85672439: "Najaf",          # WOF An-Najaf, IQ-NA, 98862
    85672425: "Erbil",          # WOF Arbil, IQ-AR, 95445
    85672475: "Sulaymaniyah",   # WOF As-Sulaymaniyah, IQ-SU, 98465
    85672491: "Babil",          # WOF Babil, IQ-BB, 98227
    85672447: "Baghdad",        # WOF Baghdad, IQ-BG, 98180
    85672463: "Dhi Qar",        # WOF Dhi-Qar, IQ-DQ, 97019
    85672417: "Duhok",          # WOF Dihok, IQ-DA, 97270
    85672481: "Diyala",         # WOF Diyala, IQ-DI, 96965
    1108804835: "Halabja",      # WOF Halabja, GeoNames IQ.19
    85672443: "Karbala",        # WOF Karbala', IQ-KA, 94823
    1108804831: "Kirkuk",       # WOF Kirkuk, IQ-KI, GeoNames IQ.13
    85672469: "Maysan",         # WOF Maysan, IQ-MA, 93540
    85672429: "Nineveh",        # WOF Ninawa, IQ-NI, 92877
    85672435: "Salah al-Din",   # WOF Sala ad-Din, IQ-SD, 91695
    85672473: "Wasit",          # WOF Wasit, IQ-WA, 89693
    # Syria
    85678359: "Aleppo",         # WOF H'alab, SY-HL, 170062
    85678355: "Raqqa",          # WOF Ar Raqqah, SY-RA, 172957
    85678385: "As-Suwayda",     # WOF As Suwayda', SY-SU, 172410
    85678403: "Damascus",       # WOF Dimashq, SY-DI, 167541
    85678399: "Daraa",          # WOF Dar`a, SY-DR, 170903
    85678381: "Deir ez-Zor",    # WOF Dayr az Zawr, SY-DY, 170792
    85678363: "Hama",           # WOF Hamah, SY-HM, 170015
    85678377: "Al-Hasakah",     # WOF Hasaka (Al Haksa), SY-HA, 173813
    85678367: "Homs",           # WOF Homs (Hims), SY-HI, 169575
    85678373: "Idlib",          # WOF Idlib, SY-ID, 169387
    85678345: "Latakia",        # WOF Al Ladhiqiyah, SY-LA, 173578
    85678395: "Quneitra",       # WOF Al Qunaytirah, SY-QU, 173336
    85678391: "Rif Dimashq",    # WOF Rif Dimashq, SY-RD, 170652
    85678349: "Tartus",         # WOF Tartus, SY-TA, 163342
    85681385: "UN Neutral Zone",  # WOF United Nations Neutral Zone (Golan, UNDOF); not in GeoNames' table
    # Jordan
    85672643: "Ajlun",          # WOF Ajloun, JO-AJ, 443120
    85672627: "Amman",          # WOF Amman, JO-AM, 250439
    85672619: "Aqaba",          # WOF Al Aqaba, JO-AQ, 443122
    85672653: "Balqa",          # WOF Al Balqa, JO-BA, 250751
    85672641: "Irbid",          # WOF Irbid, JO-IR, 248944
    85672649: "Jerash",         # WOF Jerash, JO-JA, 443121
    85672661: "Karak",          # WOF Al Karak, JO-KA, 250625
    85672637: "Ma'an",          # WOF Maan, JO-MN, 248380
    85672659: "Madaba",         # WOF Madaba, JO-MD, 443123
    85672623: "Mafraq",         # WOF Al Mafraq, JO-MA, 250583
    85672633: "Tafielah",       # WOF Al Tafilah, JO-AT, 250199
    85672667: "Zarqa",          # WOF Al Zarqa, JO-AZ, 250092
}


# Former names a source may still use for a division (display only: the geocoder matches admin1 by the
# polygons' own names). Kirkuk governorate was At-Ta'mim from 1976 to 2006 (its WOF record keeps the
# HASC code IQ.TS of that name); UCDP's Iraq export writes "At-Ta'mim province" for 39 events.
FORMER_NAMES: dict[int, tuple[str, ...]] = {
    1108804831: ("At-Ta'mim", "At Ta'mim", "Ta'mim", "Tamim", "التأميم"),
}


@lru_cache(maxsize=1)
def _table():
    """Per admin1 polygon (in ``boundaries.areas(1)`` order): country, WOF admin1, display name, and
    the normalised names it goes by (English, Arabic, WOF, display)."""
    from .boundaries import areas
    from .normalize import normalize_admin1

    rows = []
    for row in areas(1).itertuples():
        names = {normalize_admin1(n) for n in (row.admin1, row.admin1_ar, row.name_wof, _shown(row),
                                                *FORMER_NAMES.get(int(row.wof_id), ())) if n}
        rows.append((row.country, row.admin1, _shown(row), frozenset(n for n in names if n)))
    return rows


def _shown(row) -> str:
    return GEONAMES_DISPLAY.get(int(row.wof_id)) or (row.name_wof or row.admin1).replace("`", "'")


def display_by_wof_id() -> dict[int, str]:
    """{WOF id: display name} of every embedded admin1 polygon (the polygon's own name, even where WOF's
    ``admin1`` field is shared)."""
    from .boundaries import areas

    return {int(row.wof_id): _shown(row) for row in areas(1).itertuples()}


@lru_cache(maxsize=None)
def display_of_polygon(country: str, admin1: str) -> str:
    """The display name of the embedded polygon ``geodata.boundaries`` calls ``admin1`` in ``country``
    (what ``locate``/``fill_admin`` return); ``admin1`` itself when there is no such polygon. WOF gives
    one name to two Yemeni provinces ("San`ar": Raymah and Sana'a): such a name shows both,
    "Raymah / Sana'a", as it cannot tell which."""
    shown = sorted({s for code, wof, s, _ in _table() if code == country and wof == admin1})
    return " / ".join(shown) if shown else admin1


@lru_cache(maxsize=20_000)
def admin1_display(country: str, spelling: str) -> str | None:
    """The display name of the division of ``country`` (ISO alpha-2) that ``spelling`` names ("Ninawa",
    "Ninewa", "Nineveh", "نينوى" -> "Nineveh"), or None when no embedded polygon of that country goes
    by it (a country outside the nine, a name no source of ours knows). An exact name wins; a fuzzy
    match counts only when it points at one division."""
    from .admin1 import same_admin1
    from .normalize import normalize_admin1

    query = normalize_admin1(spelling)
    if not query or not isinstance(country, str):
        return None
    rows = [(shown, names) for code, _, shown, names in _table() if code == country]
    exact = {shown for shown, names in rows if query in names}
    if len(exact) == 1:
        return exact.pop()
    close = {shown for shown, names in rows if any(same_admin1(query, n) for n in names)}
    return close.pop() if len(close) == 1 else None


def display_names(countries=None) -> dict[tuple[str, str], str]:
    """{(country, WOF admin1): display name} for every embedded polygon (of ``countries`` when given)."""
    wanted = None if countries is None else set(countries)
    return {(code, wof): display_of_polygon(code, wof) for code, wof, _, _ in _table()
            if wanted is None or code in wanted}


@lru_cache(maxsize=4096)
def displays_named(spelling: str) -> frozenset[str]:
    """Display names of the divisions, in any of the nine countries, that ``spelling`` names (a search
    word or a link's value, whose country is not known): "Ninawa" -> {"Nineveh"}."""
    return frozenset(filter(None, (admin1_display(code, spelling) for code in sorted({r[0] for r in _table()}))))


# --- places: one readable name ------------------------------------------------------------------------

# Apostrophe-like letters GeoNames' romanisations use for hamza and ʿayn ("Qaḑā’", "Dar`a").
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bf": "'", "\u02be": "'",
                              "`": "'", "\u00b4": "'"})
# Letters NFKD does not split into a base letter and a mark (Turkish dotless i, stroked letters).
_PLAIN = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})
# A locality WOF names after its district or subdistrict ("Qaḑā’ al Ḩamdānīyah", the seat of Al-Hamdaniya
# district, i.e. Qaraqosh; "Nāḩiyat ..."): qaḍāʾ is Arabic for district, nāḥiya for subdistrict, words
# about the division, not part of the town's name.
_DIVISION_WORD = re.compile(r"^(?:qada'?|nahiyat|nahiyah|nahia)\s+(?=\S)", re.IGNORECASE)


def _fold_latin(text: str) -> str:
    """Latin letters without diacritics, apostrophe-like letters as ``'`` (text in another script kept)."""
    out = []
    for ch in unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_PLAIN)):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _latin_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


@lru_cache(maxsize=1)
def _latin_names_of_arabic() -> dict[str, str]:
    """{WOF name in Arabic script: its ``names_latin``} for the few dozen regional places WOF names in
    Arabic (Aleppo's record is "حلب", Basra's "البصرة"), read once from wof_localities.parquet."""
    import pyarrow.parquet as pq

    from .normalize import is_arabic
    from .regional import PATH

    if not PATH.exists():
        return {}
    import pyarrow.compute as pc

    table = pq.read_table(PATH, columns=["name", "names_latin"])
    # the Arabic block (U+0600-U+06FF), as normalize.is_arabic reads it, tested by Arrow, not per name in Python
    table = table.filter(pc.fill_null(pc.match_substring_regex(table["name"], "[\u0600-\u06ff]"), False))
    return {n: latin for n, latin in zip(table["name"].to_pylist(), table["names_latin"].to_pylist())
            if latin and is_arabic(n)}


def place_display(name: str, latin_names: str | None = None) -> str:
    """The name a reader of the English interface is shown for a gazetteer place: its Latin-script
    name without diacritics ("Qaḑā’ al Ḩamdānīyah" -> "Al Hamdaniyah", "Şanlıurfa" -> "Sanliurfa",
    "Dar`a" -> "Dar'a"); a district word WOF puts before a district seat's name is dropped (qaḍāʾ,
    nāḥiya). ``latin_names``: WOF's ``names_latin`` ("A|B|..."), whose first is shown for a name in
    Arabic script. A name in another script (Hebrew, Persian) with no Latin name is shown as it is;
    a plain ASCII name (the curated ones) is unchanged but for a backtick written as ``'``. Source of the words: the WOF/GeoNames names
    themselves (``../shared/data/gazetteers/README.md``)."""
    if not isinstance(name, str):
        return ""
    from .normalize import is_arabic

    if is_arabic(name) and not (isinstance(latin_names, str) and latin_names.strip("|")):
        latin_names = _latin_names_of_arabic().get(name)     # a caller holding only the name (CLI, frames)
    if is_arabic(name) and isinstance(latin_names, str) and latin_names.strip("|"):
        name = latin_names.strip("|").split("|")[0]
    if not _latin_script(name):
        return name
    folded = _fold_latin(name)
    stripped = _DIVISION_WORD.sub("", folded)
    return stripped[:1].upper() + stripped[1:] if stripped != folded else folded


def admin1_shown(country: str | None, admin1: str | None) -> str:
    """The admin1 of a geocoded place as the app shows it: ``admin1_display`` of it in ``country`` (ISO
    alpha-2 or a name ``geodata.countries.country_code`` reads), else the name as given; "" for none."""
    if not isinstance(admin1, str) or not admin1:
        return ""
    from .countries import country_code

    code = country_code(country) if isinstance(country, str) and country else None
    return (admin1_display(code, admin1) if code else None) or admin1.replace("`", "'")


@lru_cache(maxsize=20_000)
def admin2_display(country: str, spelling: str) -> str | None:
    """The display name of the district (admin2) of ``country`` (ISO alpha-2) that ``spelling`` names:
    the embedded polygon's English name (Who's On First's, as ``fill_admin`` writes it), read as a place
    name is (``place_display``): UCDP's "Mosul district" and "Qaḑā’ al Mawşil", IOM's "Mosul" -> "Mosul".
    Names compare as the geocoder compares a district given with a query (``geodata.admin2``). None when
    no polygon of the country goes by it, or it names more than one (then it is written as given). An
    exact name wins over a close one, as for admin1."""
    from .admin2 import admin2_names, normalize_admin2

    if not isinstance(country, str) or not isinstance(spelling, str) or not spelling.strip():
        return None
    polygons = admin2_names(country)
    query = normalize_admin2(spelling)
    exact = {p for p, names in polygons.names.items() if query in names}   # an exact name wins ("Hatra", not Shatra)
    found = exact or polygons.matching(spelling) or set()
    return place_display(next(iter(found))) if len(found) == 1 else None


def admin2_shown(country: str | None, admin2: str | None) -> str:
    """The district as every export writes it: ``admin2_display`` in ``country`` (ISO alpha-2 or a name
    ``geodata.countries.country_code`` reads), else the name as given; "" for none."""
    if not isinstance(admin2, str) or not admin2:
        return ""
    from .countries import country_code

    code = country_code(country) if isinstance(country, str) and country else None
    return (admin2_display(code, admin2) if code else None) or admin2


def admin2_shown_values(countries, admin2s) -> "np.ndarray":
    """``admin2_shown`` of each (country, admin2) pair, vectorised as ``admin1_shown_values``."""
    return _shown_values(countries, admin2s, admin2_shown)


def admin1_shown_values(countries, admin1s) -> "np.ndarray":
    """``admin1_shown`` of each (country, admin1) pair of two equal-length sequences (a table's columns),
    as an object array; one lookup per distinct pair, so a million rows of a few dozen divisions cost
    about what the pairs do. Missing values count as ""; an empty admin1 stays "". The one rule by
    which every output of the product writes a governorate: the app, the CLI text, ``geocode --out``
    and the event exports (``events.export``)."""
    return _shown_values(countries, admin1s, admin1_shown)


def _shown_values(countries, names, shown_one) -> "np.ndarray":
    import numpy as np
    import pandas as pd

    countries = pd.Series(countries, copy=False).astype(object)
    names = pd.Series(names, copy=False).astype(object)
    if not len(names):
        return np.empty(0, dtype=object)
    pairs = pd.MultiIndex.from_arrays([countries.where(countries.notna(), "").to_numpy(),
                                       names.where(names.notna(), "").to_numpy()])
    codes, uniques = pd.factorize(pairs)
    shown = np.array([shown_one(country or None, name) if name else "" for country, name in uniques] + [""],
                     dtype=object)
    return shown[codes]
