"""Calibration smoothing (geodata/calibration.py) and the answers it decides."""
from __future__ import annotations

from geodata import calibration, geocode
from geodata.geo import distance_km

RASK = (26.2368, 61.3990)     # Rask (Rasak), Sarbaz county, Sistan and Baluchestan


def test_a_class_never_seen_takes_the_lower_of_its_two_parents():
    """Three exact names alone in an admin1 the country did not know were right; exact names
    among close namesakes were right half the time. An exact name among namesakes with such an
    admin1 was never seen: it is as unsure as the namesakes, not as sure as the three."""
    tables = calibration.levels({"exact|unknown|alone": (3, 3), "exact|none|contested": (40, 20),
                                 "exact|agree|alone": (100, 99)})
    unseen = calibration.smoothed(tables, "exact|unknown|contested")
    assert unseen < 0.8
    assert calibration.smoothed(tables, "exact|unknown|alone") > unseen
    # a class that was seen keeps its own estimate
    assert calibration.smoothed(tables, "exact|agree|alone") > 0.95


def test_an_admin1_the_country_does_not_know_does_not_resolve_a_contested_name(real_data_dir):
    """i14's drafts: "Rask" in "Iran's Sistan-Baluchistan province" asked with admin1
    "Baluchestan" (not a name of an Iranian province) resolved to a Rask in Kerman."""
    unknown = geocode("Rask", "IR", "Baluchestan")
    assert unknown.status != "resolved" and unknown.basis == "exact|unknown|contested"
    named = geocode("Rask", "IR", "Sistan and Baluchestan")
    assert named.status == "resolved" and distance_km(*RASK, named.latitude, named.longitude) <= 25


def test_a_curated_row_with_an_unknown_admin1_still_resolves(real_data_dir):
    assert geocode("Al-Tanf", "SY", "Homs").status == "resolved"
