"""Calibration smoothing (geodata/calibration.py) and the answers it decides."""
from __future__ import annotations

import pytest

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
    """i14's drafts: "Rask" asked with an admin1 that is no province of Iran resolved to a Rask in
    Kerman (class exact|unknown|contested, never measured, took its kinder parent's 0.94)."""
    nowhere = geocode("Rask", "IR", "Makran")
    assert nowhere.status != "resolved" and nowhere.basis == "exact|nowhere|contested"


def test_a_province_of_another_country_resolves_nothing(real_data_dir):
    """Drafts try each country a report may be about: "Sib" with "Baluchestan" (an Iranian
    province) must not resolve to a Sib in Iraq."""
    result = geocode("Sib", "IQ", "Baluchestan")
    assert result.status != "resolved" and result.basis.split("|")[1] == "nowhere"


@pytest.mark.parametrize("admin1", ["Sistan and Baluchestan", "Sistan-Baluchistan", "Baluchestan", "Sistan"])
def test_a_two_part_province_goes_by_either_part(real_data_dir, admin1):
    named = geocode("Rask", "IR", admin1)
    assert named.status == "resolved" and distance_km(*RASK, named.latitude, named.longitude) <= 25


def test_a_curated_row_with_an_unknown_admin1_still_resolves(real_data_dir):
    assert geocode("Al-Tanf", "SY", "Homs").status == "resolved"
