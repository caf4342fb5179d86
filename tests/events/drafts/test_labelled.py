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
    # held-out sets stay out of this guard while they measure unseen reports; the calibration sets (18, 19)
    # stay out too: they fit the drafts' confidence only, and no rule is fixed on their misses
    unseen = ("heldout11", "heldout12", "calibration18", "calibration19", "calibration20",
              "calibration21", "heldout28", "heldout29", "heldout32", "heldout33",
              "heldout58", "heldout59", "heldout64", "heldout65", "heldout67", "heldout69",
              "heldout71", "heldout73", "heldout75", "heldout77", "heldout79", "heldout81",
              "heldout82", "heldout83", "heldout87", "heldout88", "heldout90", "heldout93",
              "heldout94", "heldout97")
    reports = [r for r in reports if r["split"] not in unseen]
    assert all(r["source_url"].startswith(("https://", "http://")) and isinstance(r["events"], list) for r in reports)
    assert sum(1 for r in reports if r["events"]) >= 20
    s = bench.score(reports, bench.ours)
    # The targets (90% within 25 km), on every labelled report: mostly reports the rules were
    # fixed on, so this guards against regressions; the held-out figures are the benchmark's.
    # Recall floor: sets 16 and 17 joined the tuning reports with 61.5% recall at their first
    # measurement; with their kinds of fault fixed, every report here gives 85.9% (311/362, main after
    # c93f0ca). The floor is that measured figure, not the 90%, which these reports do not meet.
    # Sets 22 and 23 joined in session 10 (70.5% recall at their first measurement); with their kinds of
    # fault fixed every report here gives 88.4% (374/423, branch issue-14-s10).
    assert s["place_precision"] >= 0.9 and s["place_recall"] >= 0.85, s["misses"]
    assert s["dates_right_of_found"] >= 0.9, s["misses"]
    # Two drafts of sets 44 and 45 (read in session 18) lie outside the countries their writers labelled, and no
    # rule is right to remove them: EC16 drafts the 2020 strike that killed Soleimani "near Baghdad", a past event
    # told as background, which its writer left out of the events and of the countries while other writers label
    # such past events (IC04, IC24); UE12's protesters "blocked the road to the Shalamcheh border crossing with
    # Iran", which the gazetteer holds only on its Iranian side. Any other draft in a wrong country fails.
    # (KK23, set 62 read in session 24: "the al-Hizam area ... of al-Bukamal, near the Iraqi border" is asked in Iraq
    # and left ambiguous there, no point drawn; the name is in no Syrian gazetteer row)
    assert set(s["wrong_country_drafts"]) <= {("EC16", "Baghdad", "IQ"), ("UE12", "Shalamcheh", "IR"),
                                              ("KK23", "Hizam", "IQ")}, \
        s["wrong_country_drafts"]


def _bench():
    spec = importlib.util.spec_from_file_location("draft_accuracy", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_benchmark_date_rule_follows_acled_precision():
    bench = _bench()
    day = {"event_date": "2024-04-04", "date_precision": 1}
    assert bench.date_ok("2024-04-04", day) and not bench.date_ok("2024-04-05", day)
    week = {"event_date": "2024-04-04", "date_precision": 2}
    assert bench.date_ok("2024-04-07", week) and not bench.date_ok("2024-04-08", week)
    month = {"event_date": "2021-05-24", "date_precision": 3}
    assert bench.date_ok("2021-05-01", month) and not bench.date_ok("2021-06-01", month)


def test_benchmark_actor_matching():
    bench = _bench()
    assert bench.actor_found("Military Forces of Turkey", ["Military Forces of Turkey (2016-)", ""])
    assert bench.actor_found("Syrian Democratic Forces", ["QSD: Syrian Democratic Forces"])
    assert bench.actor_found("Houthis|Ansar Allah", ["Houthi"])
    assert not bench.actor_found("Hezbollah", ["Military Forces of Israel (2022-)", ""])
    assert not bench.actor_found("Jaish al-Adl", ["", ""])


def test_refit_reproduces_the_shipped_confidence_table():
    # events/drafts/confidence.json must be what `draft_accuracy.py --fit-confidence` writes from the
    # calibration sets today: the drafts' confidence is a figure anyone can measure again
    import json

    from events.drafts import confidence as K
    bench = _bench()
    table = json.loads(K.PATH.read_text(encoding="utf-8"))
    reports = [r for r in bench.load_reports() if r["split"] in K.FIT_SPLITS]
    assert table["sets"] == list(K.FIT_SPLITS) == ["calibration18", "calibration19", "calibration20", "calibration21",
                                                   "heldout28", "heldout29", "heldout32", "heldout33",
                                                   "heldout58", "heldout59", "heldout64", "heldout65",
                                                   "heldout67", "heldout69", "heldout71", "heldout73",
                                                   "heldout75", "heldout77", "heldout79", "heldout81",
                                                   "heldout82", "heldout83", "heldout87", "heldout88",
                                                   "heldout90", "heldout93", "heldout94", "heldout97"]
    assert len(reports) == table["reports"] == 699
    counts = bench.confidence_counts(reports)
    assert {c: list(v) for c, v in counts.items()} == {c: v for c, v in table["classes"].items() if v[0]}
    assert sum(n for n, _ in counts.values()) > 30
