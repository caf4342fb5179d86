"""The labelled reports (tests/events/drafts/data) stay drafted right: a guard against regressions.
The figures that say how the drafter does on reports it was not fitted on are the held-out column of
benchmarks/draft_accuracy.py and the first measurements in the closing note, not these."""
import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "benchmarks" / "draft_accuracy.py"


def test_labelled_reports_places_dates_and_countries():
    spec = importlib.util.spec_from_file_location("draft_accuracy", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    reports = bench.load_reports()
    assert len(reports) >= 20
    assert all(r["source_url"].startswith("https://") and r["events"] for r in reports)
    s = bench.score(reports, bench.ours)
    # The targets (90% within 25 km), on every labelled report: mostly reports the rules were
    # fixed on, so this guards against regressions; the held-out figures are the benchmark's.
    assert s["place_precision"] >= 0.9 and s["place_recall"] >= 0.9, s["misses"]
    assert s["dates_right_of_found"] >= 0.9, s["misses"]
    assert s["wrong_country"] == 0
