"""The store's behaviour, the same on SQLite and PostgreSQL (each test runs on both)."""
from __future__ import annotations

import datetime as dt
import threading
import time

import pandas as pd
import pytest
from sqlalchemy import func, select, text

from events import CURATED_PATH, load, load_bytes
from events.store import AlreadyExists, Conflict, ENTERED_IN_APP, InvalidEvent, NotFound, StoreError
from events.store.tables import event_history
from tests.events.conftest import curated_csv


def history_rows(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(event_history)).scalar_one()


def test_add_keeps_provenance_and_revision(store, record):
    row = store.add(record, user="ana", reason="Reuters wire")
    got = store.get("APP1")
    assert got["revision"] == 1 and row["revision"] == 1
    assert got["provenance"] == ENTERED_IN_APP
    assert got["created_by"] == "ana" and got["updated_by"] == "ana"
    assert got["fatalities"] == 0 and got["latitude"] == pytest.approx(36.99)
    assert got["h3_cell"]  # placed events carry their H3 cell
    [version] = store.history("APP1")
    assert (version["action"], version["changed_by"], version["reason"]) == ("add", "ana", "Reuters wire")
    with pytest.raises(AlreadyExists):
        store.add(record, user="ana")


def test_a_record_is_checked_like_a_file_row(store, record):
    bad = {**record, "event_type": "Fights", "event_date": "2024-02-30", "fatalities": "-2"}
    with pytest.raises(InvalidEvent) as info:
        store.add(bad, user="ana")
    as_file = load_bytes(curated_csv({k: v for k, v in bad.items() if k != "event_id"}), "the form",
                         geocode=False).errors
    assert [(e.column, e.reason) for e in info.value.errors] == [(e.column, e.reason) for e in as_file]
    assert store.count(include_retired=True) == 0 and history_rows(store) == 0


def test_change_writes_a_new_revision_and_keeps_the_old(store, record):
    store.add(record, user="ana")
    row = store.update("APP1", {"fatalities": "3", "notes": "Three killed."}, expected_revision=1, user="bob",
                       reason="AP update")
    assert row["revision"] == 2
    got = store.get("APP1")
    assert (got["fatalities"], got["notes"], got["updated_by"], got["created_by"]) == (3, "Three killed.", "bob", "ana")
    old, new = store.history("APP1")
    assert (old["fatalities"], old["notes"]) == (0, "Rockets launched from Zummar.")
    assert (new["action"], new["changed_by"], new["reason"], new["fatalities"]) == ("edit", "bob", "AP update", 3)
    # A change that changes nothing writes nothing.
    assert store.update("APP1", {"fatalities": 3}, expected_revision=2, user="bob")["revision"] == 2
    assert len(store.history("APP1")) == 2
    with pytest.raises(InvalidEvent):
        store.update("APP1", {"latitude": "123"}, expected_revision=2, user="bob")
    with pytest.raises(NotFound):
        store.update("NOPE", {"fatalities": 1}, expected_revision=1, user="bob")


def test_second_editor_gets_a_conflict_showing_the_other_change(store, record):
    store.add(record, user="ana")
    store.update("APP1", {"fatalities": "5"}, expected_revision=1, user="ana", reason="AP")
    with pytest.raises(Conflict) as info:
        store.update("APP1", {"fatalities": "7", "location": "Rmelan"}, expected_revision=1, user="bob")
    assert info.value.changed == {"fatalities": (0, 5)}
    assert "ana" in str(info.value) and "fatalities" in str(info.value) and "Nothing was saved" in str(info.value)
    got = store.get("APP1")
    assert (got["fatalities"], got["location"], got["revision"]) == (5, "Rumalyn", 2)


def test_retire_hides_restore_shows_nothing_is_deleted(seeded):
    total, versions = seeded.count(), history_rows(seeded)
    with pytest.raises(StoreError):
        seeded.retire("CM0001", user="ana", reason="  ")
    seeded.retire("CM0001", user="ana", reason="duplicate of CM0002")
    assert seeded.count() == total - 1 and seeded.count(include_retired=True) == total
    assert "CM0001" not in set(seeded.frame()["event_id"])
    shown = seeded.frame(include_retired=True)
    assert shown.loc[shown["event_id"] == "CM0001", "retired"].item()
    seeded.restore("CM0001", user="bob", reason="not a duplicate after all")
    assert "CM0001" in set(seeded.frame()["event_id"])
    assert [v["action"] for v in seeded.history("CM0001")] == ["import", "retire", "restore"]
    assert history_rows(seeded) == versions + 2


def test_nobody_signed_in_cannot_write(seeded, record):
    for user in ("", None, "   "):
        with pytest.raises(PermissionError):
            seeded.add(record, user=user)
        with pytest.raises(PermissionError):
            seeded.update("CM0001", {"fatalities": 1}, expected_revision=1, user=user)
        with pytest.raises(PermissionError):
            seeded.retire("CM0001", user=user, reason="x")
        with pytest.raises(PermissionError):
            seeded.import_file(CURATED_PATH, user=user)
    assert seeded.get("CM0001")["revision"] == 1


def test_store_frame_is_the_event_table(seeded):
    from_file = load(CURATED_PATH, geocode=False).frame
    from_store = seeded.frame()
    cols = list(from_file.columns.drop(["geo_status", "geo_name", "geo_source", "geo_confidence"]))
    pd.testing.assert_frame_equal(from_store[cols].sort_values("event_id").reset_index(drop=True),
                                  from_file[cols].sort_values("event_id").reset_index(drop=True))


def test_import_skip_then_update(store, tmp_path):
    first = store.import_file(CURATED_PATH, user="ana")
    assert (first.added, first.skipped, first.errors) == (36, 0, [])
    again = store.import_file(CURATED_PATH, user="ana")
    assert (again.added, again.skipped) == (0, 36)
    text_ = CURATED_PATH.read_text(encoding="utf-8").replace("CM0001,2023-10-18,1,", "CM0001,2023-10-17,1,")
    changed = tmp_path / "changed.csv"
    changed.write_text(text_, encoding="utf-8")
    upd = store.import_file(changed, user="bob", on_conflict="update")
    assert (upd.added, upd.updated, upd.unchanged) == (0, 1, 35)
    got = store.get("CM0001")
    assert str(got["event_date"]) == "2023-10-17" and got["revision"] == 2 and got["updated_by"] == "bob"
    assert [v["action"] for v in store.history("CM0001")] == ["import", "import"]


@pytest.mark.parametrize("rebuild", [False, True], ids=["indexes-kept", "indexes-rebuilt"])
def test_import_failing_midway_leaves_the_store_as_it_was(seeded, tmp_path, monkeypatch, rebuild):
    from events.store import bulk
    from tests.events.store.conftest import big_file, index_definitions

    path = big_file(tmp_path / "big.parquet", 120)
    before, revision, indexes = seeded.count(), seeded.latest_revision(), index_definitions(seeded)
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 100 if rebuild else 10**9)
    real = bulk._executemany_sqlite if seeded.dialect == "sqlite" else bulk._copy_postgres
    calls = []

    def fail_second(*args, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(*args, **kw)

    monkeypatch.setattr(bulk, "_executemany_sqlite" if seeded.dialect == "sqlite" else "_copy_postgres", fail_second)
    original = bulk.bulk_insert
    monkeypatch.setattr(bulk, "bulk_insert", lambda *a, **kw: original(*a, **{**kw, "chunk": 50}))
    with pytest.raises(OSError):
        seeded.import_file(path, user="ana")
    assert len(calls) == 2
    assert (seeded.count(), seeded.latest_revision()) == (before, revision)
    assert index_definitions(seeded) == indexes


@pytest.mark.parametrize("rebuild", [False, True], ids=["indexes-kept", "indexes-rebuilt"])
def test_bulk_import_writes_each_event_and_its_history_once(seeded, tmp_path, monkeypatch, rebuild):
    from events.store import bulk
    from tests.events.store.conftest import big_file, index_definitions

    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 100 if rebuild else 10**9)
    indexes = index_definitions(seeded)
    path = big_file(tmp_path / "big.parquet", 130)
    original = bulk.bulk_insert
    monkeypatch.setattr(bulk, "bulk_insert", lambda *a, **kw: original(*a, **{**kw, "chunk": 50}))
    result = seeded.import_file(path, user="ana")
    assert result.added == 130
    assert index_definitions(seeded) == indexes
    stored = seeded.frame().set_index("event_id")
    assert len(stored) == 36 + 130
    import h3

    for event_id in ("K0000000", "K0000049", "K0000050", "K0000129"):
        versions = seeded.history(event_id)
        assert [(v["action"], v["revision"], v["changed_by"]) for v in versions] == [("import", 1, "ana")]
        row = seeded.get(event_id)
        assert {c: versions[0][c] for c in row} == row
        assert row["h3_cell"] == h3.latlng_to_cell(row["latitude"], row["longitude"], 6)
    with seeded.engine.connect() as conn:
        per_event = conn.exec_driver_sql("SELECT count(*), count(DISTINCT event_id) FROM event_history").one()
    assert tuple(per_event) == (36 + 130, 36 + 130)


def test_concurrent_writers_lose_no_update(seeded):
    ids = [f"CM{i:04d}" for i in range(1, 5)]
    applied: dict[str, int] = {i: 0 for i in ids}
    conflicts = []
    lock = threading.Lock()

    def writer(n):
        for k in range(15):
            event_id = ids[(n + k) % len(ids)]
            current = seeded.get(event_id)
            try:
                seeded.update(event_id, {"notes": f"writer {n} change {k}"}, expected_revision=current["revision"],
                              user=f"w{n}")
            except Conflict:
                conflicts.append(1)
                continue
            with lock:
                applied[event_id] += 1

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for event_id in ids:
        versions = seeded.history(event_id)
        assert seeded.get(event_id)["revision"] == 1 + applied[event_id] == len(versions)
        assert [v["revision"] for v in versions] == list(range(1, len(versions) + 1))
    assert sum(applied.values()) + len(conflicts) == 60


def test_postgis_point_gist_index_and_h3(store, record):
    if store.dialect != "postgresql":
        pytest.skip("PostGIS columns exist on PostgreSQL only")
    store.add(record, user="ana")
    with store.engine.connect() as conn:
        point = conn.execute(text("SELECT ST_X(geom), ST_Y(geom), ST_SRID(geom), h3_cell FROM events")).one()
        index = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'events_geom'")).scalar_one()
    assert point[:3] == (pytest.approx(41.95), pytest.approx(36.99), 4326)
    assert "gist" in index.lower()
    import h3
    assert point[3] == h3.latlng_to_cell(36.99, 41.95, 6)


def test_store_events_get_admin2_like_a_file_load(seeded):
    from events.store.snapshot import load_events

    from_file = load(CURATED_PATH).frame.set_index("event_id")
    from_store = load_events(seeded).set_index("event_id")
    assert from_file["admin2"].ne("").sum() > 10
    pd.testing.assert_series_equal(from_store["admin2"].sort_index(), from_file["admin2"].sort_index())
    pd.testing.assert_series_equal(from_store["admin1"].sort_index(), from_file["admin1"].sort_index())


def test_snapshot_after_edits_reads_only_the_changed_events(seeded, record, monkeypatch):
    from events.store import frames, snapshot

    first = snapshot.load_events(seeded)
    assert snapshot.snapshot_path(seeded.url, seeded.latest_revision(), False).exists()
    current = seeded.get("CM0002")
    seeded.update("CM0002", {"location": "Mosul", "latitude": "", "longitude": "", "admin1": "",
                             "fatalities": "9"}, expected_revision=current["revision"], user="ana")
    seeded.retire("CM0003", user="ana", reason="duplicate")
    seeded.add(record, user="ana")
    reads = []
    real = frames.read_frame
    monkeypatch.setattr(frames, "read_frame", lambda *a, **kw: reads.append(kw.get("since")) or real(*a, **kw))
    after = snapshot.load_events(seeded)
    assert reads and all(since is not None for since in reads)  # only the changed events were read
    full = snapshot.finish(seeded.frame())
    pd.testing.assert_frame_equal(after, full, check_categorical=False)
    assert len(after) == len(first)  # one retired, one added
    changed = after.set_index("event_id").loc["CM0002"]
    assert (changed["fatalities"], changed["geo_status"]) == (9, full.set_index("event_id").loc["CM0002", "geo_status"])
    assert "CM0003" not in set(after["event_id"]) and "APP1" in set(after["event_id"])


def test_writers_take_turns_so_the_revision_never_passes_an_uncommitted_change(seeded, record):
    """The store's revision is its newest history id: a change still to commit must not hold a lower id
    than one already visible, or a snapshot keyed by that revision would miss it for good."""
    started, order = threading.Event(), []

    def slow_writer():
        with seeded.engine.begin() as conn:
            seeded._log(conn, seeded.get("CM0001"), "edit", dt.datetime.now(dt.timezone.utc), "ana", "slow")
            started.set()
            time.sleep(1.0)
            order.append("slow commits")

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert started.wait(30)
    seeded.add(record, user="bob")  # must wait for the slow writer
    order.append("fast commits")
    thread.join()
    assert order == ["slow commits", "fast commits"]
    ids = {v["reason"]: v["history_id"] for v in seeded.history("CM0001") + seeded.history("APP1")}
    assert ids["slow"] < seeded.history("APP1")[0]["history_id"] == seeded.latest_revision()
