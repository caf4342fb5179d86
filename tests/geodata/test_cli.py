"""Every subcommand of ``python -m geodata`` and its exit codes, in a subprocess like a user runs it."""
import csv
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]


def run(*args, data_dir, env=None):
    environment = {**os.environ, "CONFLICTMAP_DATA_DIR": str(data_dir), **(env or {})}
    return subprocess.run([sys.executable, "-m", "geodata", *map(str, args)], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_geocode_json(real_data_dir):
    proc = run("geocode", "Mosul", "--country", "IQ", "--json", data_dir=real_data_dir)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["status"] == "resolved" and abs(data["latitude"] - 36.34) < 0.1
    assert set(data) == {"status", "latitude", "longitude", "name", "source", "id", "precision", "confidence",
                         "alternatives", "admin1", "admin2", "basis", "hint"}


def test_geocode_text_gives_the_cross_border_hint(real_data_dir):
    proc = run("geocode", "Rumalyn", "--country", "IQ", data_dir=real_data_dir)
    assert proc.returncode == 1 and proc.stdout.startswith("unresolved")
    assert "hint: not found in IQ" in proc.stdout and "SY: Rmelan" in proc.stdout


def test_geocode_unresolved_exits_1(real_data_dir):
    proc = run("geocode", "Xyzzyville", "--country", "IQ", data_dir=real_data_dir)
    assert proc.returncode == 1 and proc.stdout.startswith("unresolved")


def test_geocode_text_explains_a_name_with_no_candidate(real_data_dir):
    # session 21's new user: "Xqzvbt" and an Arabic-script nonsense name printed a bare "unresolved"
    for name in ("Xqzvbt", "ككككك"):
        proc = run("geocode", name, "--country", "IQ", data_dir=real_data_dir)
        assert proc.returncode == 1 and proc.stdout.startswith("unresolved")
        assert "in short: no place of this or a like name" in proc.stdout, proc.stdout


def test_geocode_bad_arguments_exit_2(real_data_dir):
    assert run("geocode", "Mosul", "--country", "Atlantis", data_dir=real_data_dir).returncode == 2
    assert run("geocode", "Mosul", data_dir=real_data_dir).returncode == 2
    assert run("no-such-command", data_dir=real_data_dir).returncode == 2


def test_geocode_ambiguous_text_claims_no_probability_for_the_first_candidate(real_data_dir):
    proc = run("geocode", "Baghdede", "--country", "IQ", data_dir=real_data_dir)
    assert proc.returncode == 1 and proc.stdout.startswith("ambiguous:")
    assert "first candidate is right)" not in proc.stdout and "confidence" not in proc.stdout
    lines = proc.stdout.splitlines()
    assert lines[1].startswith("  in short: ")       # why in words first, then the measured class line
    measured = lines[2]
    data = json.loads(run("geocode", "Baghdede", "--country", "IQ", "--json", data_dir=real_data_dir).stdout)
    # the figure shown is the class's measured share, labelled as such, with the class named
    assert f"{data['confidence']:.0%} of answers of the best candidate's class ({data['basis']})" in measured
    assert "not the chance that the first candidate is right" in measured
    assert data["status"] == "ambiguous" and data["latitude"] is None
    assert "match score" in lines[3]


def test_geocode_one_name_with_out_says_what_out_is_for(real_data_dir, tmp_path):
    proc = run("geocode", "Mosul", "--country", "IQ", "--out", tmp_path / "o.csv", data_dir=real_data_dir)
    assert proc.returncode == 2 and "--out writes the CSV of --in" in proc.stderr
    assert not (tmp_path / "o.csv").exists()


def geocode_csv(src, out, data_dir, *more):
    """`geodata geocode --in SRC --out OUT` over the query/country columns the CSV tests write."""
    return run("geocode", "--in", src, "--out", out, "--name-column", "query", "--country-column", "country",
               *more, data_dir=data_dir)


def test_geocode_csv(real_data_dir, tmp_path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("id,query,country\n1,Mosul,IQ\n2,Xyzzyville,IQ\n3,Mosul,SY\n", encoding="utf-8")
    proc = geocode_csv(src, out, real_data_dir)
    # OUT written with an answer for every row: unresolved is an answer, not a failure
    assert proc.returncode == 0, proc.stderr
    assert "resolved 1" in proc.stderr and "unresolved 2" in proc.stderr
    assert "\r" not in proc.stderr                      # no progress bar when stderr is not a terminal
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0])[:3] == ["id", "query", "country"]
    assert list(rows[0])[3:] == ["geo_status", "geo_latitude", "geo_longitude", "geo_name", "geo_source", "geo_id",
                                 "geo_precision", "geo_confidence", "geo_admin1", "geo_admin2", "geo_basis",
                                 "geo_hint", "geo_candidates"]
    assert [r["geo_status"] for r in rows] == ["resolved", "unresolved", "unresolved"]
    src.write_text("id,query,country\n1,Mosul,IQ\n", encoding="utf-8")
    assert geocode_csv(src, out, real_data_dir).returncode == 0


def test_geocode_csv_rows_that_cannot_be_geocoded_are_named_and_exit_1(real_data_dir, tmp_path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("id,query,country\n1,Mosul,IQ\n2,Mosul,Atlantis\n3,,IQ\n", encoding="utf-8")
    proc = geocode_csv(src, out, real_data_dir)
    assert proc.returncode == 1, proc.stderr
    assert f"{src}:3: column 'country': 'Atlantis' is not a country code or name" in proc.stderr
    assert f"{src}:4: column 'query': no place name" in proc.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))       # still written, every row kept
    assert [r["geo_status"] for r in rows] == ["resolved", "unresolved", "unresolved"]


def test_geocode_csv_missing_column_exit_2(real_data_dir, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("place,cc\nMosul,IQ\n", encoding="utf-8")
    proc = run("geocode", "--in", src, "--out", tmp_path / "o.csv", "--name-column", "query",
               "--country-column", "cc", data_dir=real_data_dir)
    assert proc.returncode == 2 and "'query'" in proc.stderr


def test_import_geonames_then_geocode(real_data_dir):
    proc = run("import-geonames", FIXTURES / "IQ.zip", data_dir=real_data_dir)
    assert proc.returncode == 1                      # imported, but two rows rejected
    assert "imported 4 places" in proc.stdout and "IQ.txt" not in proc.stdout
    assert "line 6" in proc.stderr.replace(":6:", " line 6")
    proc = run("geocode", "Testville AB", "--country", "IQ", "--json", data_dir=real_data_dir)
    assert json.loads(proc.stdout)["source"] == "geonames"


def test_import_geonames_missing_file_exit_2(real_data_dir):
    proc = run("import-geonames", FIXTURES / "nope.txt", data_dir=real_data_dir)
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_import_csv(real_data_dir):
    proc = run("import-csv", FIXTURES / "iom_sample.csv", "--name-column", "location_name", "--lat-column",
               "latitude", "--lon-column", "longitude", "--country", "IQ", "--alias-columns", "arabic_name",
               "--admin1-column", "governorate", "--id-column", "location_id", data_dir=real_data_dir)
    assert proc.returncode == 1
    assert "imported 2 places" in proc.stdout
    assert "iom_sample.csv:3: column 'latitude'" in proc.stderr
    proc = run("geocode", "Testkoy", "--country", "IQ", "--json", data_dir=real_data_dir)
    assert json.loads(proc.stdout)["source"] == "csv:iom_sample"


def test_import_csv_bad_country_exit_2(real_data_dir):
    proc = run("import-csv", FIXTURES / "iom_sample.csv", "--name-column", "location_name", "--lat-column",
               "latitude", "--lon-column", "longitude", "--country", "Iraqistan", data_dir=real_data_dir)
    assert proc.returncode == 2


def test_download_unreachable_says_so_in_one_line(real_data_dir):
    proc = run("download-geonames", "IQ", "--timeout", "2", data_dir=real_data_dir,
               env={"CONFLICTMAP_GEONAMES_URL": "http://127.0.0.1:9/export/dump/"})
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "cannot download" in proc.stderr


@pytest.fixture
def dump_server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FIXTURES))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_download_then_import(real_data_dir, dump_server):
    proc = run("download-geonames", "iq", data_dir=real_data_dir, env={"CONFLICTMAP_GEONAMES_URL": dump_server})
    assert proc.returncode == 1, proc.stderr        # the fixture dump has two bad rows
    assert (real_data_dir / "downloads" / "IQ.zip").exists()
    assert "imported 4 places" in proc.stdout


def test_geodata_imports_no_ui_or_events(data_dir):
    code = ("import sys, geodata, geodata.__main__, geodata.frame, geodata.imports.geonames, "
            "geodata.imports.csv_list, geodata.download; "
            "bad = [m for m in ('streamlit', 'folium', 'events') if m in sys.modules]; sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_geocode_csv_gives_an_analyst_the_candidates(real_data_dir, tmp_path):
    """Issue 10 (a new user): --out gave only geo_status/geo_confidence for an ambiguous row. Every row
    now carries the place's admin1, the class, the hint and up to five candidates to choose among."""
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("query,country,admin1\nBaghdede,IQ,\nZummar,IQ,Nineveh\nRumalyn,IQ,\nZummar,IQ,Foo\n",
                   encoding="utf-8")
    proc = geocode_csv(src, out, real_data_dir, "--admin1-column", "admin1")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0])[-5:] == ["geo_admin1", "geo_admin2", "geo_basis", "geo_hint", "geo_candidates"]
    ambiguous, zummar, rumalyn, foo = rows
    assert ambiguous["geo_status"] == "ambiguous" and ambiguous["geo_basis"]
    candidates = ambiguous["geo_candidates"].split("; ")
    # Qaraqosh (Bakhdida), Nineveh: WOF's "Qaḑā’ al Ḩamdānīyah" in "Ninawa", shown readable (geodata.display)
    assert 2 <= len(candidates) <= 5 and candidates[0].startswith("Al Hamdaniyah (Nineveh) 36.27")
    assert zummar["geo_status"] == "resolved" and zummar["geo_precision"] == "1"
    assert zummar["geo_admin1"] == "Nineveh" and zummar["geo_admin2"] == "Telafar"
    assert "is in SY: Rmelan" in rumalyn["geo_hint"] and rumalyn["geo_candidates"] == ""
    assert "'Foo' names no division" in foo["geo_hint"]


def test_geocode_output_into_a_closed_pipe_ends_quietly(real_data_dir):
    """`python -m geodata geocode ... | head -1` ended in a BrokenPipeError traceback."""
    environment = {**os.environ, "CONFLICTMAP_DATA_DIR": str(real_data_dir)}
    proc = subprocess.Popen([sys.executable, "-m", "geodata", "geocode", "Mosul", "--country", "IQ", "--json"],
                            cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()                                 # the reader is gone before the first line
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr


def test_geocode_text_shows_readable_names_and_the_one_governorate_name(real_data_dir):
    """Issue 10 (a new user): `geocode Baghdede --admin1 Nineveh` answered "Qaḑā’ al Ḩamdānīyah ... in
    Hamdaniya, Ninawa" (WOF's raw names). The text shows the place's Latin name without diacritics or
    the district word (the town is Al-Hamdaniya = Qaraqosh) and the governorate's one display name."""
    proc = run("geocode", "Baghdede", "--country", "IQ", "--admin1", "Nineveh", data_dir=real_data_dir)
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first.startswith("resolved: Al Hamdaniyah (wof ") and first.endswith("in Hamdaniya, Nineveh")
    ambiguous = run("geocode", "Baghdede", "--country", "IQ", data_dir=real_data_dir).stdout
    assert "candidate: Al Hamdaniyah [town, Nineveh]" in ambiguous and "Ninawa" not in ambiguous
    assert "candidate: Al Baghdadi [village, Anbar]" in ambiguous          # WOF "Al-Anbar"
    raw = json.loads(run("geocode", "Baghdede", "--country", "IQ", "--admin1", "Nineveh", "--json",
                         data_dir=real_data_dir).stdout)
    assert (raw["name"], raw["admin1"]) == ("Qaḑā’ al Ḩamdānīyah", "Ninawa")   # --json keeps the source's names


def test_a_like_spelling_beside_a_city_of_the_exact_name_elsewhere_is_said_in_words(real_data_dir):
    # nu16 H2: `geocode Diwaniyah --country IQ --admin1 Anbar` printed "resolved: Ad Diniyah ... 0.95"
    proc = run("geocode", "Diwaniyah", "--country", "IQ", "--admin1", "Anbar", data_dir=real_data_dir)
    assert proc.returncode == 1, proc.stderr         # not placed, as for every answer not resolved
    assert proc.stdout.startswith("ambiguous")
    assert "a town or city of exactly this name lies outside the admin1 given" in proc.stdout
    assert "hint: a city of exactly this name, Diwaniyeh, lies in Qadisiyah" in proc.stdout
