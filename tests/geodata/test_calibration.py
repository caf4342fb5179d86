"""The calibration table: confidence is the measured share within 25 km per class, smoothed towards
the class's parents; a class the fit set never held is never enough to resolve."""
from __future__ import annotations

from geodata import calibration


def test_confidence_is_the_smoothed_measured_share_and_unseen_classes_are_not_measured(tmp_path):
    path = tmp_path / "calibration.json"
    calibration.write({"exact|agree|alone": (100, 99), "exact|unknown|alone": (2, 2),
                       "key|none|contested": (10, 3)}, "a test set", path=path)
    try:
        # 99 of 100 within 25 km: close to 0.99 (a little pulled towards its parents).
        assert 0.96 < calibration.confidence("exact|agree|alone", path) <= 0.99
        assert calibration.confidence("key|none|contested", path) < 0.5
        assert calibration.measured("exact|agree|alone", path) == 100
        # Never seen: its confidence is only its parents' (high here: exact matches were right),
        # but it has no measurement of its own.
        unseen = "exact|unknown|contested"
        assert calibration.confidence(unseen, path) > 0.9
        assert calibration.measured(unseen, path) == 0
        assert calibration.measured("ar-exact|agree|alone", path) == 0
    finally:
        calibration._table.cache_clear()
        calibration._levels.cache_clear()


def test_the_shipped_table_names_its_one_fit_set():
    assert calibration.fitted_on().startswith("ucdp_iq")
    assert calibration.measured("exact|agree|alone") > 100
