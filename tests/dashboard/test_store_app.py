"""The dashboard on the event store: first start fills it from the bundled CSV; retired events hide
(``retired=1`` shows them); a store that cannot be read is left untouched and the page carries on."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.data import ENV_DATA
from events.store import open_store

from .conftest import APP

TIMEOUT = 120


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DATA, raising=False)
    monkeypatch.delenv("CONFLICTMAP_DB_URL", raising=False)
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def run_app(params=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params or {})
    return at.run()


def events_shown(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label.startswith("Events"))


def test_first_start_fills_the_store_and_reads_it(data_dir):
    at = run_app()
    assert not at.exception and not at.error, [e.value for e in (*at.exception, *at.error)]
    assert events_shown(at) == "36"
    store = open_store(f"sqlite:///{data_dir / 'events.sqlite'}")
    assert store.count() == 36 and store.get("CM0001")["created_by"] == "bundled dataset"
    assert list((data_dir / "snapshots").glob("*.parquet"))  # the next start reads the snapshot
    store.retire("CM0001", user="ana", reason="duplicate")
    assert events_shown(run_app()) == "35"
    at = run_app({"retired": "1"})
    assert events_shown(at) == "36" and not at.warning
    store.close()


def test_a_named_file_is_read_only_and_no_store_is_made(data_dir, sample_csv, monkeypatch):
    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    at = run_app()
    assert not at.exception and not at.error
    assert not (data_dir / "events.sqlite").exists()
    assert not [c for c in at.checkbox if c.label == "Show retired events"]


def test_an_unreadable_store_is_kept_untouched_and_the_page_carries_on(data_dir):
    from geodata import datadir

    datadir.forget_reports()
    data_dir.mkdir(parents=True)
    bad = data_dir / "events.sqlite"
    junk = b"this is not a database, but somebody's file" * 100
    bad.write_bytes(junk)
    at = run_app()
    assert not at.exception
    warning = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "left exactly as it is" in warning and "events.sqlite" in warning
    assert str(data_dir) not in warning  # visitors never see server paths
    assert events_shown(at) == "36"  # the bundled events, read-only
    assert bad.read_bytes() == junk


def test_the_standalone_map_names_the_store_it_was_read_from(data_dir, monkeypatch):
    # nu9: the HTML map said "Data: events.csv" while the page read the store (and drafts accepted into it)
    from dashboard import downloads

    calls = []
    real = downloads.downloads_panel
    monkeypatch.setattr(downloads, "downloads_panel", lambda *a, **k: (calls.append(k), real(*a, **k)))
    at = run_app()
    assert not at.exception and not at.error
    assert calls[-1]["source"] == "the event store"


def test_the_dataset_choice_names_the_event_store_it_reads(data_dir):
    # nu10: "Bundled only" while the page read the event store (accepted drafts and edits included)
    from .conftest import curated_csv, event
    from .test_app import upload
    at = upload(run_app(), "mine.csv", curated_csv(event(event_id="U1", event_date="2024-03-10", location="Erbil",
                                                         latitude=36.19, longitude=44.01)))
    assert not at.exception and not at.error, [e.value for e in (*at.exception, *at.error)]
    shown = at.radio(key="_show_dataset")
    assert "Event store only" in shown.options and "Event store + upload" in shown.options
    assert not any(o.startswith("Bundled") for o in shown.options)
