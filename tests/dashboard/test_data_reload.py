"""The data file under a running app: validated before it replaces the old one, last good data kept
with a notice, widgets clamped, one copy in memory, no server paths shown."""
from __future__ import annotations

import datetime as dt
import gc
import os
import threading
import time
import weakref
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.data import ENV_DATA, DatasetHolder, dataset_notice, scrub
from events import LoadError, load

from .conftest import APP, SAMPLE, curated_csv, event


def write(path: Path, content: bytes, age: float = 60.0) -> None:
    """Write ``content`` as a finished file last modified ``age`` seconds ago (older than the settle time)."""
    path.write_bytes(content)
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))


LATER = [dict(event_id=f"N{i}", event_date=f"2024-06-{10 + i:02d}", country="IQ", location="Kalsu",
              latitude=32.56, longitude=44.37) for i in range(3)]


@pytest.fixture
def data_file(tmp_path) -> Path:
    path = tmp_path / "deep" / "server" / "folder" / "events.csv"
    path.parent.mkdir(parents=True)
    write(path, curated_csv(*SAMPLE))
    return path


def test_a_new_version_replaces_the_old_and_the_old_copy_is_freed(data_file):
    holder = DatasetHolder(data_file)
    first = holder.current()
    assert len(first.result.frame) == len(SAMPLE) and first.problem == ""
    old_frame = weakref.ref(first.result.frame)
    write(data_file, curated_csv(*LATER), age=30)
    del first
    second = holder.current()
    assert sorted(second.result.frame["event_id"]) == ["N0", "N1", "N2"]
    assert second.version != "" and second.problem == ""
    gc.collect()
    assert old_frame() is None, "the replaced version is still held in memory"


@pytest.mark.parametrize("broken", [
    b"",                                          # emptied
    b"PAR1\x00\x00",                              # a Parquet file cut short
    b"event_id,event_date,event_type,location\nE1,2024-0",  # cut in the middle of its first row
    b"\x00\x01\x02\x03 binary",
])
def test_a_broken_new_version_keeps_the_last_good_data_with_a_notice(data_file, broken):
    holder = DatasetHolder(data_file)
    good = holder.current()
    write(data_file, broken, age=30)
    now = holder.current()
    assert now.result is good.result, "the last good data was dropped"
    assert now.problem
    notice = dataset_notice(now)
    assert "events.csv has changed but the new version cannot be used" in notice
    assert "showing the version loaded at" in notice
    assert str(data_file.parent) not in notice and "/deep/" not in notice


def test_a_file_still_being_written_is_not_loaded_until_it_settles(data_file):
    holder = DatasetHolder(data_file, settle=0.5)
    good = holder.current()
    data_file.write_bytes(curated_csv(*LATER))  # modified just now
    assert holder.current().result is good.result and holder.current().problem == ""
    time.sleep(0.6)
    assert sorted(holder.current().result.frame["event_id"]) == ["N0", "N1", "N2"]


def test_a_missing_file_keeps_the_data_and_says_so(data_file):
    holder = DatasetHolder(data_file)
    good = holder.current()
    data_file.unlink()
    now = holder.current()
    assert now.result is good.result and "missing" in now.problem


def test_other_sessions_keep_the_old_version_while_one_loads_the_new(data_file):
    started, release = threading.Event(), threading.Event()

    def slow_load(path):
        if started.is_set():
            return load(path)
        started.set()
        release.wait(10)
        return load(path)

    holder = DatasetHolder(data_file, loader=load)
    good = holder.current()
    holder.loader = slow_load
    write(data_file, curated_csv(*LATER), age=30)
    loader = threading.Thread(target=holder.current)
    loader.start()
    assert started.wait(10)
    t0 = time.perf_counter()
    assert holder.current().result is good.result  # not blocked behind the load
    assert time.perf_counter() - t0 < 0.5
    release.set()
    loader.join(10)
    assert sorted(holder.current().result.frame["event_id"]) == ["N0", "N1", "N2"]


def test_load_error_messages_lose_the_server_path(tmp_path):
    path = tmp_path / "srv" / "data.parquet"
    text = f"not a readable Parquet file (Could not open Parquet input source '{path}': bad)"
    assert scrub(text, path) == "not a readable Parquet file (Could not open Parquet input source 'data.parquet': bad)"
    with pytest.raises(LoadError):
        load(path)


# --- a running session, driven through AppTest -----------------------------------------------------

def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_running_session_survives_a_file_whose_dates_start_later(data_file, monkeypatch):
    monkeypatch.setenv(ENV_DATA, str(data_file))
    at = run(AppTest.from_file(APP, default_timeout=120))
    at.slider(key="dates").set_value((dt.date(2024, 1, 28), dt.date(2024, 2, 2)))
    at.multiselect(key="country").set_value(["JO", "IQ"])
    run(at)
    assert at.metric[0].value == "2"
    write(data_file, curated_csv(*LATER), age=30)
    run(at)  # the next slider move / rerun: no StreamlitValueBelowMinError
    start, end = at.slider(key="dates").value
    assert dt.date(2024, 6, 10) <= start <= end <= dt.date(2024, 6, 13)
    assert at.multiselect(key="country").value == ["IQ"]  # JO is gone from the data
    at.slider(key="dates").set_value((dt.date(2024, 6, 10), dt.date(2024, 6, 12)))
    run(at)
    assert at.metric[0].value == "3"


def test_a_running_session_keeps_its_data_when_the_file_breaks(data_file, monkeypatch):
    monkeypatch.setenv(ENV_DATA, str(data_file))
    at = run(AppTest.from_file(APP, default_timeout=120))
    assert at.metric[0].value == str(len(SAMPLE))
    write(data_file, b"PAR1 half written", age=30)
    run(at)
    assert at.metric[0].value == str(len(SAMPLE))
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "has changed but the new version cannot be used" in warnings
    everything = " ".join(str(e.value) for e in [*at.warning, *at.error, *at.caption, *at.markdown])
    assert str(data_file.parent) not in everything and "/deep/server" not in everything
    write(data_file, curated_csv(*SAMPLE, event(event_id="A9", event_date="2024-04-23")), age=20)
    run(at)
    assert at.metric[0].value == str(len(SAMPLE) + 1)
    assert not [w for w in at.warning if "cannot be used" in w.value]


def test_a_dataset_that_never_loaded_says_why_without_the_path(tmp_path, monkeypatch):
    path = tmp_path / "hidden" / "events.csv"
    path.parent.mkdir()
    write(path, b"a,b\n1,2\n")
    monkeypatch.setenv(ENV_DATA, str(path))
    at = run(AppTest.from_file(APP, default_timeout=120))
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert "events.csv could not be loaded" in errors and "unknown layout" in errors
    assert str(tmp_path) not in errors
