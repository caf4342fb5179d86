"""The geocoding dev sets in ../shared/data, read one way for the accuracy benchmark, the
calibration fit and the tests. Each set is a list of Case(query, country, admin1, lat, lon).

Sets (name: what; admin1 given?; admin2 (district) given where noted):
- ucdp_iq: devset_places_iq.csv, 343 UCDP place strings (Iraq) with governorate, and UCDP's own
  district (adm_2 of the same where_coordinates in ucdp_ged_iraq_1989_2018.csv) for 339 of them
- acled_iq, acled_sy: the distinct ACLED LOCATION strings of acled_middle_east_2022_iq_sy.csv with
  ACLED's own coordinates (mean over the location's events); no admin1 in that layout
- iom_en, iom_ar: field/09 IOM DTM returnee villages, English and Arabic names, with governorate
  and district
- field_syriac: field/20 Syriac and Arabic names of Qaraqosh and Tel Keppe (admin1 where given)
- field_quarters: field/10 "Hay Al Qadissiyah" quarters in Anbar, with governorate and district
- iom_list, iom_list_ar: iom_dtm_iraq_locations.csv, the IOM DTM master list of Iraqi locations
  (villages, town quarters, towns), English and Arabic names, with governorate and district; every row that a
  field file also holds (same location_id, or same name in the same governorate) is left out, so
  field/09 and field/10 stay held out when this list is the fit set
The dev sets measure the geocoder; they are never a source of gazetteer rows or rules.
"""
from __future__ import annotations

import csv
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(os.environ.get("CONFLICTMAP_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
COUNTRY = {"Iraq": "IQ", "Syria": "SY"}


@dataclass(frozen=True)
class Case:
    query: str
    country: str
    admin1: str
    latitude: float
    longitude: float
    admin2: str = ""


MODES = (("name only", False, False), ("with admin1", True, False), ("with admin1+admin2", True, True))


def modes(cases) -> list[tuple[str, bool, bool]]:
    """(label, with admin1, with admin2) of every way a set is asked: name only, with its admin1
    where it has one, with admin1 and admin2 where it has admin2 (districts)."""
    has1, has2 = any(c.admin1 for c in cases), any(c.admin2 for c in cases)
    return [m for m in MODES if (not m[1] or has1) and (not m[2] or has2)]


def query(case: Case, with_admin1: bool, with_admin2: bool = False) -> tuple[str, str, str, str]:
    return (case.query, case.country, case.admin1 if with_admin1 else "", case.admin2 if with_admin2 else "")


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _ucdp_districts() -> dict[str, str]:
    """UCDP's own adm_2 of each where_coordinates string (ucdp_ged_iraq_1989_2018.csv), if present."""
    path = SHARED / "ucdp_ged_iraq_1989_2018.csv"
    if not path.exists():
        return {}
    return {r["where_coordinates"].strip(): r["adm_2"].strip() for r in _rows(path) if r["adm_2"].strip()}


def ucdp_iq() -> list[Case]:
    districts = _ucdp_districts()
    return [Case(r["query"], r["country"], r["admin1"], float(r["latitude"]), float(r["longitude"]),
                 districts.get(r["query"].strip(), ""))
            for r in _rows(SHARED / "devset_places_iq.csv")]


def _acled(country: str) -> list[Case]:
    points = defaultdict(list)
    for r in _rows(SHARED / "acled_middle_east_2022_iq_sy.csv"):
        if COUNTRY.get(r["COUNTRY"]) == country:
            points[r["LOCATION"].strip()].append((float(r["LATITUDE"]), float(r["LONGITUDE"])))
    return [Case(name, country, "", sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
            for name, pts in sorted(points.items())]


def acled_iq() -> list[Case]:
    return _acled("IQ")


def acled_sy() -> list[Case]:
    return _acled("SY")


def _iom(column: str) -> list[Case]:
    return [Case(r[column].strip(), r["country"], r["governorate"], float(r["dtm_lat"]), float(r["dtm_lon"]),
                 r["district"].strip())
            for r in _rows(SHARED / "field" / "09_iom_dtm_iraq_arabic_names_geocode.csv") if r[column].strip()]


def iom_en() -> list[Case]:
    return _iom("location_name")


def iom_ar() -> list[Case]:
    return _iom("arabic_name")


def field_syriac() -> list[Case]:
    return [Case(r["query"], r["country"], r["admin1"], float(r["known_lat"]), float(r["known_lon"]))
            for r in _rows(SHARED / "field" / "20_nineveh_plains_syriac_names_geocode.csv")]


def field_quarters() -> list[Case]:
    return [Case(r["query"], r["country"], r["governorate"], float(r["dtm_lat"]), float(r["dtm_lon"]),
                 r["district"].strip())
            for r in _rows(SHARED / "field" / "10_iom_dtm_anbar_qadisiyah_quarters.csv")]


def _field_rows() -> tuple[set[str], set[tuple[str, str]]]:
    ids, names = set(), set()
    for name in ("09_iom_dtm_iraq_arabic_names_geocode.csv", "10_iom_dtm_anbar_qadisiyah_quarters.csv"):
        for r in _rows(SHARED / "field" / name):
            ids.add(r["location_id"].strip())
            for column in ("location_name", "query", "arabic_name"):
                if r.get(column, "").strip():
                    names.add((r["governorate"].strip(), r[column].strip().casefold()))
    return ids, names


def _iom_list(column: str) -> list[Case]:
    ids, names = _field_rows()
    return [Case(r[column].strip(), "IQ", r["governorate"].strip(), float(r["latitude"]), float(r["longitude"]),
                 r["district"].strip())
            for r in _rows(SHARED / "iom_dtm_iraq_locations.csv")
            if r[column].strip() and r["location_id"].strip() not in ids
            and (r["governorate"].strip(), r["location_name"].strip().casefold()) not in names
            and (r["governorate"].strip(), r["arabic_name"].strip().casefold()) not in names]


def iom_list() -> list[Case]:
    return _iom_list("location_name")


def iom_list_ar() -> list[Case]:
    return _iom_list("arabic_name")


SETS = {"ucdp_iq": ucdp_iq, "acled_iq": acled_iq, "acled_sy": acled_sy, "iom_en": iom_en, "iom_ar": iom_ar,
        "field_syriac": field_syriac, "field_quarters": field_quarters, "iom_list": iom_list,
        "iom_list_ar": iom_list_ar}


def available() -> bool:
    return (SHARED / "devset_places_iq.csv").exists()
