"""The dashboard as a user drives it, through Streamlit's AppTest (no browser)."""
from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import url_state
from dashboard.data import ENV_DATA
from dashboard.state import VIEW_REQUEST
from dashboard.url_state import View
from dashboard.filters import Filters, apply
from events import CURATED_PATH, load

from .conftest import APP, SAMPLE, curated_csv, event, map_args, map_event_ids

TIMEOUT = 120
SAMPLE_IDS = sorted(row["event_id"] for row in SAMPLE)


def run_app(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params or {})
    return at.run()


def metric(at: AppTest, label_start: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def assert_no_error(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.fixture
def sample_app(sample_csv, monkeypatch):
    """Run the app on the hand-made sample dataset instead of the bundled one."""
    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    return run_app


def test_starts_on_the_bundled_curated_events(monkeypatch):
    monkeypatch.delenv(ENV_DATA, raising=False)
    at = run_app()
    assert_no_error(at)
    bundled = load(CURATED_PATH).frame
    assert metric(at, "Events") == f"{len(bundled):,}"
    placed = bundled[bundled["latitude"].notna() & bundled["longitude"].notna()]
    assert sorted(map_event_ids(at)) == sorted(placed["event_id"])
    assert "Rumalyn" in map_args(at)["feature_group"] and "Zummar" in map_args(at)["feature_group"]
    assert not at.warning  # a clean URL raises no notice
    assert at.title[0].value == "Conflict event map"


def test_a_link_with_dates_types_and_text_opens_filtered(sample_app):
    at = sample_app({"dates": ["2024-04-19", "2024-04-22"], "type": "Explosions/Remote violence", "q": "rockets"})
    assert_no_error(at)
    assert at.slider(key="dates").value == (dt.date(2024, 4, 19), dt.date(2024, 4, 22))
    assert at.multiselect(key="type").value == ["Explosions/Remote violence"]
    assert at.text_input(key="q").value == "rockets"
    assert map_event_ids(at) == ["A4"]
    assert metric(at, "Events") == "1"
    assert not at.warning


def test_bad_parameters_are_ignored_with_a_notice(sample_app):
    at = sample_app({"dates": ["2024-02-01", "2030-02-01"], "type": ["Picnics", "Protests"], "minfat": "-3",
                     "z": "99", "lat": "33", "lon": "44", "ev": "NOPE", "colour": "red"})
    assert_no_error(at)
    notice = at.warning[0].value
    for words in ("`dates`", "Picnics", "`minfat`", "`z`", "NOPE", "colour"):
        assert words in notice
    assert "showing 2024-02-01 to 2024-04-22" in notice  # a window reaching past the data is clamped
    # Each bad value ignored, the good ones kept.
    assert at.slider(key="dates").value == (dt.date(2024, 2, 1), dt.date(2024, 4, 22))
    assert at.query_params["dates"] == ["2024-02-01", "2024-04-22"]
    assert at.multiselect(key="type").value == ["Protests"]
    assert at.number_input(key="minfat").value == 0
    assert map_event_ids(at) == ["A5"]
    assert "ev" not in at.query_params
    assert at.query_params["lat"] == "33" and at.query_params["z"] == str(url_state.LINK_ZOOM)  # the zoom used
    # The notice can be dismissed.
    at.button(key="dismiss_notices").click().run()
    assert not at.warning


def test_a_centre_without_zoom_keeps_the_centre_at_the_stated_zoom(sample_app):
    at = sample_app({"lat": "36.8", "lon": "42.2"})
    assert_no_error(at)
    assert at.session_state[VIEW_REQUEST] == View(36.8, 42.2, url_state.LINK_ZOOM)
    assert (at.query_params["lat"], at.query_params["lon"], at.query_params["z"]) == ("36.8", "42.2", "8")
    assert map_args(at)["center"] == [36.8, 42.2] or tuple(map_args(at)["center"]) == (36.8, 42.2)


def test_a_zoom_without_centre_zooms_around_the_data(sample_app, sample_csv):
    at = sample_app({"z": "9"})
    assert_no_error(at)
    frame = load(sample_csv).frame
    lat = (frame["latitude"].min() + frame["latitude"].max()) / 2
    lon = (frame["longitude"].min() + frame["longitude"].max()) / 2
    assert at.session_state[VIEW_REQUEST] == View(round(lat, 4), round(lon, 4), 9)
    assert at.query_params["z"] == "9"
    assert (float(at.query_params["lat"]), float(at.query_params["lon"])) == (round(lat, 4), round(lon, 4))


def test_a_date_window_outside_the_data_shows_nothing_and_says_so(sample_app):
    at = sample_app({"dates": ["2030-01-01", "2030-02-01"]})
    assert_no_error(at)
    assert "outside the data" in at.warning[0].value
    assert metric(at, "Events") == "0"
    assert map_event_ids(at) == []
    assert at.slider(key="dates").value == (dt.date(2030, 1, 1), dt.date(2030, 2, 1))
    assert at.query_params["dates"] == ["2030-01-01", "2030-02-01"]  # the link keeps its meaning


def test_an_upload_that_covers_the_links_window_ends_the_outside_the_data_notice(sample_app):
    # A user opens a link to June 2014 on data that starts in 2024, then uploads a file that covers June 2014:
    # the page must not keep saying "no events are shown" over the events it now shows, nor keep a slider
    # widened for data that has gone (found by a new user with the README's UCDP export).
    at = sample_app({"dates": ["2014-06-01", "2014-06-30"], "z": "99"})
    assert "outside the data" in at.warning[0].value and "`z`" in at.warning[0].value
    content = curated_csv(event(event_id="J1", event_date="2014-06-10", location="Mosul", latitude=36.34,
                                longitude=43.13),
                          event(event_id="J2", event_date="2014-06-12", location="Tikrit", latitude=34.6,
                                longitude=43.68))
    at = upload(at, "june2014.csv", content)
    assert_no_error(at)
    assert sorted(map_event_ids(at)) == ["J1", "J2"]
    assert not [w.value for w in at.warning if "outside the data" in w.value]
    assert [w.value for w in at.warning if "`z`: it must be a whole number" in w.value]  # a fault no data mends stays
    slider = at.slider(key="dates")
    first_day = dt.date(1970, 1, 1) + dt.timedelta(microseconds=slider.min)  # AppTest gives microseconds
    assert first_day == dt.date(2014, 6, 10)  # the data's first day, not the end widened for the old data
    assert slider.value == (dt.date(2014, 6, 10), dt.date(2014, 6, 30))  # the link's window, inside the data


def test_the_readme_link_reaching_past_the_data_is_clamped_with_a_notice(sample_app):
    at = sample_app({"dates": ["2024-04-21", "2024-04-30"]})
    assert_no_error(at)
    assert "reaches past the data" in at.warning[0].value
    assert at.slider(key="dates").value == (dt.date(2024, 4, 21), dt.date(2024, 4, 22))
    assert at.query_params["dates"] == ["2024-04-21", "2024-04-22"]


@pytest.mark.parametrize("widget, key, value, filters", [
    ("multiselect", "country", ["IQ"], Filters(countries=("IQ",))),
    ("multiselect", "sub", ["Air/drone strike"], Filters(subs=("Air/drone strike",))),
    ("number_input", "minfat", 2, Filters(min_fatalities=2)),
    ("text_input", "actor", "united states", Filters(actor="united states")),
    ("text_input", "q", "strike", Filters(text="strike")),
    ("slider", "dates", (dt.date(2024, 2, 1), dt.date(2024, 3, 31)),
     Filters(start=dt.date(2024, 2, 1), end=dt.date(2024, 3, 31))),
])
def test_the_map_receives_exactly_the_filtered_events(sample_app, sample_csv, widget, key, value, filters):
    at = sample_app()
    assert sorted(map_event_ids(at)) == SAMPLE_IDS
    getattr(at, widget)(key=key).set_value(value).run()
    assert_no_error(at)
    expected = apply(load(sample_csv).frame, filters)
    assert sorted(map_event_ids(at)) == sorted(expected["event_id"])
    assert metric(at, "Events") == str(len(expected))


def test_the_table_lists_the_selection_with_safe_links(sample_app):
    at = sample_app({"country": "SY"})
    table = next(df.value for df in at.dataframe if "link" in df.value.columns)
    assert sorted(table["event_id"]) == ["A4", "A6"]
    assert set(table["link"].dropna()) <= {"https://example.org/a",
                                           "https://example.org/x?q=</script><script>window.pwned=1</script>"}


def test_a_filter_that_matches_nothing_explains_itself(sample_app):
    at = sample_app({"q": "no-such-thing-anywhere"})
    assert_no_error(at)
    assert map_event_ids(at) == []
    assert any("No events match" in i.value for i in at.info)
    assert metric(at, "Events") == "0"


def test_a_selected_event_from_the_link_is_shown_and_ringed(sample_app):
    at = sample_app({"ev": "A2"})
    assert_no_error(at)
    layers = map_args(at)["feature_group"]
    assert '"sel": "A2"' in layers
    details = next(t.value for t in at.table if list(t.value.columns) == ["field", "value"])
    record = {f: v.replace("\\", "") for f, v in zip(details["field"], details["value"])}
    assert record["Place (as reported)"] == "Al-Qaim"
    assert record["Date precision"] in ("day", "week", "month")
    at.button(key="clear_selection").click().run()
    assert '"sel"' not in (map_args(at)["feature_group"] or "")
    assert "ev" not in at.query_params


def test_hostile_text_reaches_the_map_only_escaped(sample_app):
    at = sample_app()
    assert_no_error(at)
    layers = map_args(at)["feature_group"]
    assert "A6" in map_event_ids(at)
    assert "<img src=x" not in layers and "</script><script>" not in layers
    assert "\\u003cimg src=x" in layers  # present, escaped inside a JSON string


def test_playback_steps_the_window(sample_app):
    at = sample_app({"dates": ["2024-02-01", "2024-02-07"]})
    at.button(key="step_forward").click().run()
    assert_no_error(at)
    assert at.slider(key="dates").value == (dt.date(2024, 2, 2), dt.date(2024, 2, 8))
    at.button(key="step_back").click().run()
    at.button(key="step_back").click().run()
    assert at.slider(key="dates").value == (dt.date(2024, 1, 31), dt.date(2024, 2, 6))
    at.button(key="play").click().run()
    assert at.session_state["_playing"] is True
    assert at.slider(key="dates").value == (dt.date(2024, 2, 1), dt.date(2024, 2, 7))
    at.button(key="play").click().run()
    assert at.session_state["_playing"] is False


def upload(at: AppTest, name: str, content: bytes, mime: str = "text/csv") -> AppTest:
    at.file_uploader(key="upload_file").upload(name, content, mime)
    return at.run()


def test_a_second_upload_says_what_it_replaced(sample_app):
    """nu7: a UCDP export then an ACLED export showed 502 events where 7,509 had been, with no word that the
    first file's events were gone (the box holds one file). The page now says so, until another file comes."""
    at = sample_app()
    first = curated_csv(event(event_id="U1", event_date="2024-03-10", location="Erbil", latitude=36.19,
                              longitude=44.01),
                        event(event_id="U2", event_date="2024-03-11", location="Erbil", latitude=36.19,
                              longitude=44.01))
    at = upload(at, "ucdp.csv", first)
    assert not any("was replaced" in i.value for i in at.info)
    at = upload(at, "acled.csv", curated_csv(event(event_id="V1", event_date="2024-03-12", location="Erbil",
                                                   latitude=36.19, longitude=44.01)))
    assert not at.exception
    said = [i.value.replace("\\", "") for i in at.info if "was replaced" in i.value]  # Markdown-escaped names
    assert said == ["ucdp.csv (2 events) was replaced by acled.csv: an upload holds one file. To compare two "
                    "exports, combine them into one file, or add the first to the event store."], said


def test_an_upload_with_bad_rows_shows_them_and_maps_the_rest(sample_app):
    at = sample_app()
    content = curated_csv(
        event(event_id="U1", event_date="2024-03-10", location="Erbil", latitude=36.19, longitude=44.01),
        event(event_id="U2", event_date="2024-13-45"),
        event(event_id="U3", event_type="Picnic"),
        event(event_id="U4", event_date="2024-03-11", latitude=36.2, longitude=44.0),
    )
    at = upload(at, "mine.csv", content)
    assert not at.exception
    rejected = next(df.value for df in at.dataframe if "reason" in df.value.columns)
    assert sorted(rejected["line"]) == [3, 4]
    assert set(rejected["column"]) == {"event_date", "event_type"}
    assert sorted(map_event_ids(at)) == sorted(SAMPLE_IDS + ["U1", "U4"])
    at.radio(key="_show_dataset").set_value("upload").run()
    assert sorted(map_event_ids(at)) == ["U1", "U4"]


def test_an_upload_repeating_ids_of_the_data_shows_each_event_once_and_says_so(sample_app):
    """nu6: the team's shared file, already in the store, uploaded to check it: 'Events 277' for 157 events, each
    village twice under one id, with no word. An uploaded id that is already in the data is shown once, as the
    upload has it, and the page says how many."""
    at = sample_app()
    first = SAMPLE[0]
    content = curated_csv(event(**{**first, "fatalities": 7}), event(event_id="U9", location="Erbil",
                                                                     latitude=36.19, longitude=44.01))
    at = upload(at, "shared.csv", content)
    assert not at.exception
    ids = map_event_ids(at)
    assert sorted(ids) == sorted(SAMPLE_IDS + ["U9"]), ids
    assert metric(at, "Events") == str(len(SAMPLE) + 1)
    assert any("1 uploaded event has an id already in the data" in c.value for c in at.caption), \
        [c.value for c in at.caption]


@pytest.mark.parametrize("content, message", [
    (curated_csv(event(event_id="B1", event_date="not a date"), event(event_id="B2", country="Narnia")),
     "Every row"),
    (b"", "empty"),
    (b"\x00\x01\x02 not text", "is a binary file"),
])
def test_unusable_uploads_say_why_and_keep_the_dashboard(sample_app, content, message):
    at = upload(sample_app(), "bad.csv", content)
    assert not at.exception
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert sorted(map_event_ids(at)) == SAMPLE_IDS


def test_an_upload_over_the_limit_is_refused(sample_app, monkeypatch):
    monkeypatch.setattr("dashboard.upload.MAX_UPLOAD_BYTES", 100)
    at = upload(sample_app(), "big.csv", curated_csv(*SAMPLE))
    assert any("limit" in e.value for e in at.error)
    assert sorted(map_event_ids(at)) == SAMPLE_IDS


def test_share_link_carries_the_view(sample_app):
    at = sample_app({"type": "Protests", "ev": "A5", "lat": "33.3", "lon": "44.4", "z": "8"})
    link = at.code[0].value
    for part in ("type=Protests", "ev=A5", "lat=33.3000", "lon=44.4000", "z=8"):
        assert part in link


def test_downloads_are_offered_for_the_selection(sample_app):
    at = sample_app({"q": "no-such-thing"})
    buttons = [at.button(key=f"prepare_{kind}") for kind in ("csv", "geojson", "html")]
    assert all(b.disabled for b in buttons)


def test_a_download_is_built_on_request_and_kept_for_the_selection(sample_app):
    at = sample_app({"country": "JO"})
    assert not at.get("download_button")  # nothing built until asked
    at.button(key="prepare_csv").click().run()
    assert_no_error(at)
    [save] = at.get("download_button")
    assert save.proto.label.startswith("Save CSV (") and save.proto.url  # bytes held, registered with the session
    at.run()
    assert [b.proto.url for b in at.get("download_button")] == [save.proto.url]  # still offered on later runs
    at.multiselect(key="country").set_value(["IQ"]).run()
    assert not at.get("download_button")  # the file was for another selection: not offered any more


def test_the_csv_download_opens_in_a_spreadsheet_with_its_arabic_text(sample_app):
    """nu7: the app's CSV had no byte-order mark, so Excel on Windows reads it in a legacy code page and
    shows Arabic place names as mojibake. It starts with the UTF-8 BOM now, and loads back unchanged."""
    import codecs

    from dashboard import downloads
    from dashboard.upload import read_upload

    at = sample_app({"country": "JO"})
    at.button(key="prepare_csv").click().run()
    assert_no_error(at)
    data = at.session_state[downloads.PREPARED]["csv"][1]
    assert data.startswith(codecs.BOM_UTF8) and not data.startswith(codecs.BOM_UTF8 * 2)
    back = read_upload(data, "download.csv")
    assert not back.error and not back.result.errors and len(back.frame) >= 1
    assert "\ufeff" not in "".join(map(str, back.frame.columns))


def test_a_download_is_named_after_the_country_filter_and_says_when_other_filters_hold(sample_app, monkeypatch):
    # A new user saved '?country=SY' as conflict-events_2023-10-18_2024-04-21.csv, a name that passes for all.
    from dashboard import downloads

    stems = []
    real = downloads.downloads_panel
    monkeypatch.setattr(downloads, "downloads_panel", lambda selection, stem, *a, **k: (stems.append(stem),
                                                                                         real(selection, stem, *a, **k)))
    at = sample_app({"country": "JO", "dates": ["2024-02-01", "2024-04-22"]})
    assert_no_error(at)
    assert stems[-1] == "conflict-events_JO_2024-02-01_2024-04-22"
    at.multiselect(key="type").set_value(["Battles"]).run()
    assert stems[-1] == "conflict-events_JO_2024-02-01_2024-04-22_filtered"
    assert downloads.file_stem(None, None) == "conflict-events"


def test_a_download_is_named_after_its_governorates():
    """nu5: two downloads for different governorates got the same name (only "_filtered" told them apart from
    the whole country). Up to two governorates are named, as ASCII; more, or any other filter, say "_filtered"."""
    import datetime as dt

    from dashboard.downloads import file_stem
    from dashboard.filters import Filters

    day = dt.date(2023, 11, 1), dt.date(2024, 2, 29)
    assert file_stem(*day, Filters(*day, countries=("SY",), admin1=("Deir ez-Zor",))) == \
        "conflict-events_SY_Deir-ez-Zor_2023-11-01_2024-02-29"
    assert file_stem(*day, Filters(*day, countries=("IQ",), admin1=("Nineveh", "Ṣalāḥ ad Dīn"))) == \
        "conflict-events_IQ_Nineveh-Salah-ad-Din_2023-11-01_2024-02-29"
    assert file_stem(*day, Filters(*day, admin1=("Anbar", "Babil", "Basra"))) == \
        "conflict-events_2023-11-01_2024-02-29_filtered"
    assert file_stem(*day, Filters(*day, admin1=("Anbar",), types=("Battles",))) == \
        "conflict-events_Anbar_2023-11-01_2024-02-29_filtered"
    assert file_stem(*day, Filters(*day, admin1=("../../etc",))) == "conflict-events_etc_2023-11-01_2024-02-29"


def test_choosing_a_table_row_selects_it_on_the_map(sample_app):
    at = sample_app()
    table = next(df.value for df in at.dataframe if "link" in df.value.columns)
    row = list(table["event_id"]).index("A3")
    at.session_state["table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert_no_error(at)
    args = map_args(at)
    assert '"sel": "A3"' in args["feature_group"]
    assert args["center"] == [32.56, 44.37] and args["zoom"] == 9  # the map flies to it
    assert at.query_params["ev"] == "A3"


def test_a_link_naming_only_an_event_opens_centred_on_it(sample_app):
    args = map_args(sample_app({"ev": "A1"}))
    assert args["center"] == [33.33, 38.70] and args["zoom"] == 8
    args = map_args(sample_app({"ev": "A1", "lat": "34", "lon": "40", "z": "6"}))
    assert args["center"] == [34.0, 40.0] and args["zoom"] == 6  # an explicit view wins


def test_base_map_and_heat_layer_come_from_the_link(sample_app):
    at = sample_app({"base": "satellite", "heat": "true"})
    assert_no_error(at)
    assert at.radio(key="base").value == "satellite" and at.toggle(key="heat").value is True
    args = map_args(at)
    assert "World_Imagery" in args["script"] and "L.heatLayer" in args["feature_group"]
    assert at.query_params["base"] == "satellite"
    plain = sample_app()
    assert "L.heatLayer" not in map_args(plain)["feature_group"]


def test_dates_written_by_playback_open_the_same_window(sample_app):
    at = sample_app({"dates": ["1706745600000000", "1713571200000000"]})
    assert not at.warning
    assert at.slider(key="dates").value == (dt.date(2024, 2, 1), dt.date(2024, 4, 20))


def test_an_unreadable_dataset_says_so_without_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "missing.csv"))
    at = run_app()
    assert not at.exception
    assert "could not be loaded" in at.error[0].value and "missing" in at.error[0].value


def test_a_dataset_with_every_row_rejected_asks_for_data(tmp_path, monkeypatch):
    path = tmp_path / "bad.csv"
    path.write_bytes(curated_csv(event(event_id="B1", event_date="31/02/2024")))
    monkeypatch.setenv(ENV_DATA, str(path))
    at = run_app()
    assert not at.exception
    assert any("no events to show" in i.value for i in at.info)


def warned_tables(at: AppTest) -> list:
    return [df.value for df in at.dataframe if "reason" in df.value.columns
            and df.value["reason"].str.contains("the coordinates lie in").any()]


def test_an_upload_with_a_point_in_another_country_keeps_it_and_says_so(sample_app):
    at = upload(sample_app(), "mine.csv", curated_csv(
        event(event_id="W1", country="SY", location="Baghdad", latitude=33.3152, longitude=44.3661)))
    assert_no_error(at)
    assert any("1 kept row(s) have coordinates that lie away from their country" in c.value.replace("\\", "")
               for c in at.caption)
    assert any(e.label == "Kept with a warning: 1" for e in at.expander)
    (table,) = warned_tables(at)
    assert table.iloc[0]["line"] == 2 and table.iloc[0]["column"] == "latitude, longitude"
    assert "lie in Baghdad, Iraq (IQ); the row's country is Syria (SY)" in table.iloc[0]["reason"]
    assert "W1" in map_event_ids(at)          # kept and drawn where the file says


def test_the_dataset_file_reports_its_warnings_folded(tmp_path, monkeypatch):
    path = tmp_path / "data.csv"
    path.write_bytes(curated_csv(event(event_id="D1"),
                                 event(event_id="D2", country="IQ", latitude=34.56, longitude=38.27)))
    monkeypatch.setenv(ENV_DATA, str(path))
    at = run_app()
    assert_no_error(at)
    (box,) = [e for e in at.expander if e.label == "data\\.csv: Kept with a warning: 1"]
    (table,) = warned_tables(at)
    assert table.iloc[0]["line"] == 3 and "Homs, Syria (SY); the row's country is Iraq (IQ)" in table.iloc[0]["reason"]
    assert sorted(map_event_ids(at)) == ["D1", "D2"]


def test_a_download_says_which_dataset_it_holds(sample_app, monkeypatch):
    """nu7: with 'Upload only' shown, the download was named conflict-events_... like the bundled data's, and the
    standalone map said it came from the bundled file + an upload. The name now says upload / with upload."""
    from dashboard import downloads

    calls = []
    real = downloads.downloads_panel
    monkeypatch.setattr(downloads, "downloads_panel", lambda selection, stem, *a, **k: (calls.append((stem, k)),
                                                                                         real(selection, stem, *a, **k)))
    at = sample_app({"dates": ["2024-03-01", "2024-03-31"]})
    assert calls[-1][0] == "conflict-events_2024-03-01_2024-03-31"
    at = upload(at, "mine.csv", curated_csv(event(event_id="U1", event_date="2024-03-10", location="Erbil",
                                                  latitude=36.19, longitude=44.01)))
    assert_no_error(at)
    assert calls[-1][0] == "conflict-events-with-upload_2024-03-01_2024-03-31"
    assert calls[-1][1]["source"].endswith(" + the uploaded file mine.csv")     # nu10: which file
    at.radio(key="_show_dataset").set_value("upload").run()
    assert calls[-1][0].startswith("uploaded-events_2024-03-"), calls[-1][0]  # the window clamps to the upload's days
    assert calls[-1][1]["source"] == "the uploaded file mine.csv"
    at.radio(key="_show_dataset").set_value("bundled").run()
    assert calls[-1][0].startswith("conflict-events_2024-"), calls[-1][0]
    assert "mine.csv" not in calls[-1][1]["source"] and "upload" not in calls[-1][1]["source"]


def _upload_2022(at: AppTest) -> AppTest:
    return upload(at, "acled2022.csv", curated_csv(*(event(event_id=f"Y{i}", event_date=f"2022-0{m}-{d:02d}",
                                                          location="Erbil", latitude=36.19, longitude=44.01)
                                                    for i, (m, d) in enumerate([(1, 1), (1, 20), (2, 10), (2, 25)]))))


def test_switching_datasets_never_leaves_a_window_of_one_stray_day(sample_app):
    """nu8: a 2022 upload, then 'Bundled only' (2024), then 'Upload only' showed 4 of 466 events, all on the
    upload's last day, with no word: the bundled window had been clamped onto the upload's range. A window
    that was the whole range stays the whole range when the data changes; one the user narrowed that
    holds none of the new data's days becomes the whole new range, and the page says so."""
    at = _upload_2022(sample_app())
    assert_no_error(at)
    at.radio(key="_show_dataset").set_value("bundled").run()
    assert sorted(map_event_ids(at)) == sorted(SAMPLE_IDS)
    at.radio(key="_show_dataset").set_value("upload").run()
    assert sorted(map_event_ids(at)) == ["Y0", "Y1", "Y2", "Y3"]
    assert tuple(at.session_state["dates"]) == (dt.date(2022, 1, 1), dt.date(2022, 2, 25))
    at.radio(key="_show_dataset").set_value("both").run()     # the whole range follows the data
    assert sorted(map_event_ids(at)) == sorted(SAMPLE_IDS + ["Y0", "Y1", "Y2", "Y3"])
    # a narrowed window (March 2024) that holds no day of the upload: the whole upload, said on the page
    at.session_state["dates"] = (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    at.run()
    at.radio(key="_show_dataset").set_value("upload").run()
    assert_no_error(at)
    assert sorted(map_event_ids(at)) == ["Y0", "Y1", "Y2", "Y3"]
    assert any("held no events of the data now shown" in i.value for i in at.info)


def test_a_narrowed_window_that_still_meets_the_new_data_is_kept():
    from dashboard.clamp import WHOLE, RESET, follow_window

    d = dt.date
    bundled, upload = (d(2023, 10, 18), d(2024, 4, 22)), (d(2022, 1, 1), d(2022, 2, 25))
    assert follow_window(bundled, bundled, *upload) == (upload, WHOLE)
    assert follow_window((d(2024, 3, 1), d(2024, 3, 31)), bundled, *upload) == (upload, RESET)
    assert follow_window((d(2022, 2, 1), d(2024, 3, 31)), bundled, *upload) == ((d(2022, 2, 1), d(2022, 2, 25)), None)
    # a session's first run (no bounds before): a link's window is left to url_state, never moved to everything
    assert follow_window((d(2020, 1, 1), d(2020, 1, 2)), None, *bundled) == ((bundled[0], bundled[0]), None)
