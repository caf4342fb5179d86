"""Editing in the app: only a signed-in user sees the controls or can write; conflicts are shown; history."""
from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from dashboard import auth, editing
from dashboard.data import ENV_DATA
from events.store import open_store

from .conftest import APP

TIMEOUT = 120
PASSWORD = "correct horse battery"
HASH = PasswordHasher().hash(PASSWORD)


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DATA, raising=False)
    url = f"sqlite:///{tmp_path / 'data' / 'events.sqlite'}"
    monkeypatch.setenv("CONFLICTMAP_DB_URL", url)
    s = open_store(url)
    yield s
    s.close()


def app(params=None, users=True) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if users:
        at.secrets["users"] = {"ana": HASH, "bob": HASH}
    at.query_params.update(params or {})
    return at


def sign_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="_login_name").input(name)
    at.text_input(key="_login_password").input(password)
    next(b for b in at.button if b.label == "Sign in").click()
    return at.run()


def no_problem(at):
    assert not at.exception, [e.value for e in at.exception]


def editing_controls(at) -> list:
    return [w for w in (*at.radio, *at.button, *at.text_input) if str(getattr(w, "key", "")).startswith("_ed_")]


def test_without_login_there_are_no_edit_controls(store):
    at = app({"ev": "CM0001"}, users=False).run()
    no_problem(at)
    assert not editing_controls(at)
    assert any("Viewing only" in c.value for c in at.caption)
    at = app({"ev": "CM0001"}).run()
    assert not editing_controls(at)
    assert [b for b in at.button if b.label == "Sign in"]


def test_an_anonymous_session_cannot_write_whatever_it_sends(store):
    at = app({"ev": "CM0001"}).run()
    before = (store.count(include_retired=True), store.latest_revision())
    # Everything a client could put in the session: form values, a claimed user, a loaded revision.
    for key, value in {"_ed_event_id": "EVIL", "_ed_event_date": "2024-01-01", "_ed_actor1": "x",
                       "_ed_country": "IQ", "_ed_source": "x", "_ed_reason": "x", "_auth_user": "mallory",
                       "_ed_loaded": ("CM0001", 1), "_ed_mode": "Add an event"}.items():
        at.session_state[key] = value
    at.run()
    no_problem(at)
    assert not editing_controls(at)
    for action in ("add", "edit", "retire", "restore"):
        kind, message = editing.perform(store, action, event_id="CM0001", revision=1, reason="x",
                                        values={"event_id": "EVIL", "event_date": "2024-01-01", "event_type": "Battles",
                                                "actor1": "x", "country": "IQ", "source": "x"})
        assert (kind, message) == ("error", editing.REFUSED)
    assert (store.count(include_retired=True), store.latest_revision()) == before


def test_signed_in_user_adds_edits_and_sees_history(store):
    at = sign_in(app().run(), "ana")
    no_problem(at)
    assert any("Signed in as" in c.value for c in at.caption)
    for key, value in {"event_id": "APP1", "event_date": "2024-04-21", "actor1": "Islamic Resistance in Iraq",
                       "country": "SY", "location": "Rumalyn", "latitude": "36.99", "longitude": "41.95",
                       "source": "Reuters", "reason": "wire report"}.items():
        at.text_input(key=f"_ed_{key}").input(value)
    next(b for b in at.button if b.label == "Add event").click()
    at.run()
    no_problem(at)
    assert [s.value for s in at.success] == ["Added APP1\\."] or any("APP1" in s.value for s in at.success)
    got = store.get("APP1")
    assert got["created_by"] == "ana" and got["provenance"] == "entered in the app"
    # A bad value is refused with the file rule's reason, and nothing is written.
    at = sign_in(app({"ev": "APP1"}).run(), "ana")
    at.radio(key="_ed_mode").set_value("Edit the selected event").run()
    at.text_input(key="_ed_fatalities").input("-3")
    next(b for b in at.button if b.label == "Save changes").click()
    at.run()
    assert any("fatalities" in e.value for e in at.error)
    assert store.get("APP1")["revision"] == 1
    at.text_input(key="_ed_fatalities").input("2")
    at.text_input(key="_ed_reason").input("AP update")
    next(b for b in at.button if b.label == "Save changes").click()
    at.run()
    assert store.get("APP1")["fatalities"] == 2 and store.get("APP1")["updated_by"] == "ana"
    history = [d for d in at.dataframe if "who" in d.value.columns]
    assert history and list(history[0].value["who"]) == ["ana", "ana"]
    assert "fatalities: (empty) → 2" in history[0].value["changed"].iloc[1]


def test_second_editor_sees_a_conflict_and_nothing_is_overwritten(store):
    ana = sign_in(app({"ev": "CM0002"}).run(), "ana")
    bob = sign_in(app({"ev": "CM0002"}).run(), "bob")
    for at in (ana, bob):
        at.radio(key="_ed_mode").set_value("Edit the selected event").run()
    ana.text_input(key="_ed_fatalities").input("4")
    next(b for b in ana.button if b.label == "Save changes").click()
    ana.run()
    bob.text_input(key="_ed_fatalities").input("9")
    next(b for b in bob.button if b.label == "Save changes").click()
    bob.run()
    message = " ".join(e.value for e in bob.error).replace("\\", "")
    assert "Conflict" in message and "ana" in message and "fatalities" in message
    got = store.get("CM0002")
    assert (got["fatalities"], got["updated_by"], got["revision"]) == (4, "ana", 2)


def test_repeated_wrong_passwords_lock_the_name_out(monkeypatch):
    monkeypatch.setattr(auth, "password_users", lambda: {"ana": HASH})
    auth.failures.clear()
    now = 1_000_000.0
    for i in range(auth.MAX_FAILURES):
        assert auth.check_password("ana", "wrong", now + i) == (False, "Wrong name or password.")
    ok, message = auth.check_password("ana", PASSWORD, now + 10)
    assert not ok and message.startswith("Too many wrong passwords")
    assert auth.check_password("ana", PASSWORD, now + 10 + auth.LOCKOUT_S)[0]
    assert auth.check_password("nobody", PASSWORD, now)[0] is False


def test_adding_a_user_prints_a_line_that_signs_them_in(monkeypatch, capsys):
    answers = iter(["a long passphrase", "a long passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert auth.main(["ana"]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    name, value = line.split(" = ")
    assert name == '"ana"' and value.startswith('"$argon2id$')
    monkeypatch.setattr(auth, "password_users", lambda: {"ana": value.strip('"')})
    auth.failures.clear()
    assert auth.check_password("ana", "a long passphrase")[0]
    assert auth.main(["bad name!"]) == 2


def test_help_explains_the_command_and_asks_nothing(monkeypatch, capsys):
    # nu9: "python -m dashboard.auth --help" took --help as the user name and asked for its password
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail(f"asked {prompt!r}"))
    assert auth.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "usage: python -m dashboard.auth" in out and "secrets.toml" in out
    assert auth.main([]) == 2


def button(at, start: str):
    found = [b for b in at.button if b.label.startswith(start)]
    assert found, (start, [b.label for b in at.button])
    return found[0]


def find_place(location: str):
    """A signed-in editor types ``location`` (country IQ) and presses "Find the place"."""
    at = sign_in(app().run(), "ana")
    at.text_input(key="_ed_location").input(location)
    at.text_input(key="_ed_country").input("IQ")
    button(at, "Find the place").click()
    return at.run()


def folium_maps(at) -> list[dict]:
    """The arguments of every st_folium map on the page (the picker's is 260 px high)."""
    return [json.loads(c.proto.json_args) for c in at.get("component_instance")
            if "st_folium" in c.proto.component_name]


def test_typing_a_location_offers_the_geocoders_candidates_on_a_map(store):
    at = find_place("Zummar")
    no_problem(at)
    labels = [b.label for b in at.button if b.label.startswith("Use ")]
    assert labels[0].startswith("Use Zummar (resolved") and labels[0].endswith("36.7667, 42.6333")
    assert len(labels) >= 2  # the other places of that name are offered too
    maps = folium_maps(at)
    picker = [m for m in maps if m["height"] == 260]
    assert len(maps) == 2 and len(picker) == 1  # the page's map and the picker's
    script = picker[0]["script"]
    assert script.count("L.circleMarker(") == len(labels) and "Zamar, Diyala" in script  # a marker per candidate
    assert all(link.startswith("/") for link in [*picker[0]["js_links"], *picker[0]["css_links"]])  # no CDN
    button(at, "Use Zummar").click()
    at.run()
    assert (at.text_input(key="_ed_latitude").value, at.text_input(key="_ed_longitude").value) == ("36.76667",
                                                                                                 "42.63333")
    assert at.selectbox(key="_ed_geo_precision").value == "1"


def test_a_click_on_the_picker_map_sets_the_point_with_the_chosen_precision(store):
    at = find_place("a farm outside Zummar")
    # What the map component sends back when the user clicks it (streamlit_folium's last_clicked), under
    # the widget key st_folium gives the component.
    picker = next(m for m in folium_maps(at) if m["height"] == 260)
    at.session_state[picker["key"]] = {"last_clicked": {"lat": 36.81234, "lng": 42.55678}}
    at.run()
    no_problem(at)
    button(at, "Use the clicked point 36.8123, 42.5568").click()
    at.run()
    assert (at.text_input(key="_ed_latitude").value, at.text_input(key="_ed_longitude").value) == ("36.81234",
                                                                                                 "42.55678")
    at.selectbox(key="_ed_geo_precision").set_value("3")
    for key, value in {"event_id": "APP2", "event_date": "2024-04-21", "actor1": "Unidentified Armed Group (Iraq)",
                       "source": "Reuters"}.items():
        at.text_input(key=f"_ed_{key}").input(value)
    button(at, "Add event").click()
    at.run()
    no_problem(at)
    got = store.get("APP2")
    assert (got["latitude"], got["longitude"], got["geo_precision"]) == (36.81234, 42.55678, 3)


def test_an_upload_is_reviewed_then_added_to_the_store(store):
    from .conftest import curated_csv, event, map_event_ids

    at = sign_in(app().run(), "ana")
    content = curated_csv(
        event(event_id="U1", event_date="2024-03-10", location="Erbil", latitude=36.19, longitude=44.01),
        event(event_id="U2", event_date="2024-13-45"),
        event(event_id="U3", event_date="2024-03-11", location="Mosul", country="IQ", admin1="Ninawa",
              latitude="", longitude=""),
        event(event_id="CM0001", event_date="2024-03-12", latitude=36.2, longitude=44.0),
    )
    at.file_uploader(key="upload_file").upload("mine.csv", content, "text/csv")
    at.run()
    no_problem(at)
    rejected = next(df.value for df in at.dataframe if "reason" in df.value.columns)  # the review
    assert list(rejected["column"]) == ["event_date"]
    assert {"U1", "U3"} <= set(map_event_ids(at))  # U3 is on the map where the geocoder put Mosul
    before = store.latest_revision()
    at.radio(key="_ed_mode").set_value("Add the upload to the store").run()
    assert any("3 reviewed rows from mine.csv" in c.value.replace("\\", "") for c in at.caption)
    assert store.latest_revision() == before  # reviewing writes nothing
    button(at, "Add 3 events to the store").click()
    at.run()
    no_problem(at)
    assert any("2 added, 1 skipped" in s.value.replace("\\", "") for s in at.success), [s.value for s in at.success]
    u1, u3 = store.get("U1"), store.get("U3")
    assert (u1["latitude"], u1["created_by"], u1["provenance"]) == (36.19, "ana", "upload: mine.csv")
    assert u3["latitude"] is None  # the geocoder's guess for Mosul is not stored as if the file gave it
    assert store.get("CM0001")["revision"] == 1  # already in the store: skipped, not overwritten
    assert [v["action"] for v in store.history("U1")] == ["import"]


def test_an_uploaded_village_list_reaches_the_store_with_its_district(store):
    """The district column of a reviewed upload is stored (the map then places the village with it);
    a governorate or district the loader filled from a point is not stored as if the file gave it."""
    import csv
    import io

    from events.schema import COLUMNS

    from .conftest import event

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*COLUMNS, "district"], extrasaction="ignore")
    writer.writeheader()
    # IOM DTM's Sangaw of Kalar district (location 1305034); the gazetteer's Sangaw is in Chamchamal
    writer.writerow({**event(event_id="V1", event_date="2024-03-10", location="Sangaw", country="IQ",
                             admin1="Sulaymaniyah", latitude="", longitude=""), "district": "Kalar"})
    writer.writerow({**event(event_id="V2", event_date="2024-03-11", location="Erbil", country="IQ", admin1="",
                             latitude=36.19, longitude=44.01), "district": ""})
    at = sign_in(app().run(), "ana")
    at.file_uploader(key="upload_file").upload("villages.csv", buf.getvalue().encode(), "text/csv")
    at.run()
    no_problem(at)
    at.radio(key="_ed_mode").set_value("Add the upload to the store").run()
    button(at, "Add 2 events to the store").click()
    at.run()
    no_problem(at)
    v1, v2 = store.get("V1"), store.get("V2")
    assert (v1["admin1"], v1["admin2"], v1["latitude"]) == ("Sulaymaniyah", "Kalar", None)
    assert (v2["admin1"], v2["admin2"], v2["latitude"]) == ("", "", 36.19)   # Erbil/its district: filled, not given


def test_a_point_in_another_country_is_saved_with_a_warning(store):
    at = sign_in(app().run(), "ana")
    for key, value in {"event_id": "APP2", "event_date": "2024-04-21", "actor1": "Islamic Resistance in Iraq",
                       "country": "IQ", "location": "Palmyra", "latitude": "34.56", "longitude": "38.27",
                       "source": "Reuters", "reason": "wire report"}.items():
        at.text_input(key=f"_ed_{key}").input(value)
    next(b for b in at.button if b.label == "Add event").click()
    at.run()
    no_problem(at)
    assert store.get("APP2")["country"] == "IQ"      # saved as entered
    said = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "Added APP2." in said and "the coordinates lie in Homs, Syria (SY); the row's country is Iraq (IQ)" in said


def _shown_geocoding(at) -> dict:
    """The details panel's geocoding fields, as the user reads them."""
    rows = [t.value for t in at.table if "field" in t.value.columns]
    assert rows, "no event details shown"
    table = rows[0].set_index("field")["value"]
    return {k: table.get(k) for k in ("Geocoding", "Gazetteer")}


def test_a_geocoded_point_reads_resolved_in_the_app_until_an_analyst_moves_it(store, tmp_path):
    """``db import`` of a geocoded export keeps its point's provenance (migration 0003): the details panel
    says the geocoder placed it, not the source; moved by hand in the edit form it is the analyst's."""
    from events.__main__ import main
    from tests.events.conftest import curated_csv

    src, geocoded = tmp_path / "events.csv", tmp_path / "geocoded.csv"
    src.write_bytes(curated_csv({"location": "Zummar", "country": "IQ", "admin1": "", "latitude": "",
                                 "longitude": ""}))
    assert main(["convert", str(src), "--to", "csv", "--geocode", "--out", str(geocoded)]) == 0
    store.import_file(geocoded, user="ana")
    at = app({"ev": "T1"}).run()
    no_problem(at)
    assert _shown_geocoding(at)["Geocoding"] == "resolved"
    at = sign_in(app({"ev": "T1"}).run(), "ana")
    at.radio(key="_ed_mode").set_value("Edit the selected event").run()
    at.text_input(key="_ed_latitude").input("36.75")
    at.text_input(key="_ed_longitude").input("42.6")
    at.text_input(key="_ed_reason").input("the village itself, from imagery")
    next(b for b in at.button if b.label == "Save changes").click()
    at.run()
    no_problem(at)
    assert (store.get("T1")["geo_status"], store.get("T1")["geo_source"]) == ("given", "analyst")
    assert _shown_geocoding(at) == {"Geocoding": "given", "Gazetteer": "analyst"}
