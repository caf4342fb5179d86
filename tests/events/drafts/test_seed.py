"""The seed report (Sputnik International, 22 April 2024, citing Reuters) becomes three right drafts,
on the library function and on the command line. Skips when ../shared is absent (CI without it)."""
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from events.drafts import draft_report
from geodata.geo import distance_km

# ../shared beside the checkout; CONFLICTMAP_SHARED_DATA (.../shared/data) points elsewhere, e.g. from a worktree.
_SHARED = Path(os.environ["CONFLICTMAP_SHARED_DATA"]).parent if os.environ.get("CONFLICTMAP_SHARED_DATA") \
    else Path(__file__).resolve().parents[4] / "shared"
SEED = _SHARED / "seed" / "sputnik_2024-04-22_us_base_syria_attacked.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not here")

# Reference points, independent of the gazetteer rows the drafter uses:
ZUMMAR = (36.7704, 42.6382)        # English Wikipedia 'Zummar'
RMELAN = (37.0, 41.95)             # Arabic Wikipedia 'رميلان' infobox, 37°0′N 41°57′E
RUMALYN_LZ = (36.8978, 41.9975)    # Wikipedia 'Abu Hajar Airport' (the US Rumalyn Landing Zone)
KALSU = (32.8873, 44.3462)         # Iskandariya, where Wikipedia places FOB Kalsu


def near(lat, lon, ref, km=20.0):
    return lat is not None and distance_km(lat, lon, *ref) <= km


def check(drafts):
    assert 1 <= len(drafts) <= 6
    assert all(d["country"] in ("IQ", "SY") for d in drafts)
    rocket = [d for d in drafts if d["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert len(rocket) == 1
    r = rocket[0]
    assert r["event_date"] == "2024-04-21" and r["date_precision"] == 1
    assert r["country"] == "SY" and r["origin_country"] == "IQ"
    assert near(r["latitude"], r["longitude"], RMELAN) or near(r["latitude"], r["longitude"], RUMALYN_LZ)
    assert near(r["origin_latitude"], r["origin_longitude"], ZUMMAR)
    strike = [d for d in drafts if d["sub_event_type"] == "Air/drone strike"]
    assert len(strike) == 1
    s = strike[0]
    assert s["event_date"] == "2024-04-21" and s["country"] == "IQ" and near(s["latitude"], s["longitude"], ZUMMAR)
    assert any("launcher" in e for e in s["evidence"])
    kalsu = [d for d in drafts if d["event_date"] == "2024-04-20"]
    assert len(kalsu) == 1
    k = kalsu[0]
    assert k["country"] == "IQ" and near(k["latitude"], k["longitude"], KALSU) and k["fatalities"] == 1
    # evidence is quoted exactly from the report
    text = SEED.read_text(encoding="utf-8")
    for d in drafts:
        assert d["evidence"] and all(e in text for e in d["evidence"])
        assert 0 < d["confidence"] <= 1
    # the capitals named as governments are not places
    assert not any(d["location"] in ("Washington", "Damascus") for d in drafts)


def test_seed_report_gives_three_right_drafts():
    result = draft_report(SEED.read_text(encoding="utf-8"), date(2024, 4, 22), "Sputnik International",
                          "https://sputnikglobe.com/20240422/us-military-base-in-syria-attacked-for-first-time-in-months-1118049093.html")
    check(result.drafts)
    assert len(result.drafts) == 3
    assert set(result.countries) == {"IQ", "SY"}


def test_seed_report_on_the_command_line_json():
    proc = subprocess.run([sys.executable, "-m", "events", "draft", str(SEED), "--published", "2024-04-22",
                           "--source", "Sputnik International", "--json"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    drafts = json.loads(proc.stdout)
    check(drafts)
    assert all(d["source"] == "Sputnik International" for d in drafts)
    assert "event_id" not in drafts[0] and {"evidence", "confidence", "origin_location"} <= set(drafts[0])


def test_seed_report_from_stdin_as_html_reads_the_same(monkeypatch, capsys):
    # the command's own entry point in this process (the command line itself runs as a process above;
    # each more process loads the gazetteer again, the suite's slowest part)
    import io
    from events.__main__ import main
    body = "".join(f"<p>{line}</p>" for line in SEED.read_text(encoding="utf-8").split("\n\n"))
    html = f"<html><head><title>t</title><script>var x = 'in Baghdad';</script></head><body>{body}</body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html.encode("utf-8")), encoding="utf-8"))
    assert main(["draft", "-", "--published", "2024-04-22", "--json"]) == 0
    check(json.loads(capsys.readouterr().out))
