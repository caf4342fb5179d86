"""python -m events: summaries, JSON, exit codes 0 / 1 / 2, conversions."""
import json
import subprocess
import sys

import pandas as pd

from events import load

from tests.in_process import run_main

from .conftest import FIXTURES, curated_csv


def run(*args):
    """``python -m events *args``, run in this process (tests/in_process.py); the closed pipe below is a process."""
    return run_main("events", list(args))


def test_validate_all_valid_exits_0(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_bytes(curated_csv({}, {}))
    proc = run("validate", str(path))
    assert proc.returncode == 0
    assert "format curated, 2 rows, 2 valid, 0 rejected" in proc.stdout


def test_validate_json_with_rejections_exits_1():
    proc = run("validate", str(FIXTURES / "acled_modern.csv"), "--json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert {k: report[k] for k in ("format", "rows", "valid", "rejected")} == {
        "format": "acled", "rows": 4, "valid": 3, "rejected": 1}
    assert {"line": 5, "column": "fatalities", "value": "-2", "reason": "negative fatalities"} in report["errors"]


def test_validate_unreadable_exits_2(tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\x00\x01\x02")
    proc = run("validate", str(path))
    assert proc.returncode == 2
    assert "binary file" in proc.stderr and "Traceback" not in proc.stderr
    proc = run("validate", str(path), "--json")
    assert proc.returncode == 2 and json.loads(proc.stdout)["errors"][0]["reason"].startswith("this is a binary")


def test_format_flag(tmp_path):
    proc = run("validate", str(FIXTURES / "acled_legacy.csv"), "--format", "acled-legacy", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["format"] == "acled-legacy"


def test_convert_to_each_format_round_trips(tmp_path):
    src = FIXTURES / "acled_modern.csv"
    for to in ("csv", "geojson", "parquet"):
        out = tmp_path / f"out.{to}"
        proc = run("convert", str(src), "--to", to, "--out", str(out))
        assert proc.returncode == 1, proc.stderr  # the fixture has one bad row: reported, not lost silently
        assert "3 of 4 rows" in proc.stderr
        if to == "parquet":
            back = pd.read_parquet(out)
        else:
            back = load(out, geocode=False).frame
        assert sorted(back["event_id"]) == ["IRQ33001", "IRQ33003", "SYR45002"]


def test_convert_csv_neutralises_formulas(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(curated_csv({"notes": "=HYPERLINK(\"http://evil\")", "actor2": "@SUM(A1)", "longitude": "-41.9"}))
    out = tmp_path / "out.csv"
    assert run("convert", str(src), "--to", "csv", "--out", str(out)).returncode == 0
    text = out.read_text()
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    assert ",-41.9," in text  # numbers are not formulas


def test_geocode_summary_is_a_readable_line(tmp_path):
    """A new user saw "2 of 2 events have coordinates; {'resolved': 2}" (a Python dict)."""
    path, out = tmp_path / "in.csv", tmp_path / "out.csv"
    path.write_bytes(curated_csv({"location": "Zummar", "admin1": "Nineveh", "country": "IQ",
                                  "latitude": "", "longitude": ""},
                                 {"location": "Xyzzyville", "country": "IQ", "latitude": "", "longitude": ""}))
    proc = run("geocode", str(path), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "1 of 2 events have coordinates (" in proc.stderr and "resolved 1" in proc.stderr
    assert "unresolved 1" in proc.stderr and "{" not in proc.stderr


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_bytes(curated_csv(*({} for _ in range(3))))
    proc = subprocess.Popen([sys.executable, "-m", "events", "validate", str(path), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and "Traceback" not in stderr, stderr
