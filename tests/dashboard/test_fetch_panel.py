"""Pulling from ACLED or UCDP in the sidebar, through AppTest, against the local fake APIs the fetch
CLI's tests use (tests/fake_apis.py): pages, a 401, a dropped connection and its resume, the
validation an upload gets, the login rule, and no credential anywhere on the page."""
from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from dashboard.data import ENV_DATA
from events.sources import acled, base, credentials, ucdp
from tests.fake_apis import PASSWORD, TOKEN, UCDP_TOKEN, api  # noqa: F401 -- api is the fixture

from .conftest import APP, SAMPLE, map_event_ids

TIMEOUT = 120
SAMPLE_IDS = sorted(row["event_id"] for row in SAMPLE)


@pytest.fixture
def pull_app(api, sample_csv, monkeypatch, tmp_path):
    """The app on the sample data, its API clients pointed at the fake servers (3 events a page)."""
    monkeypatch.setenv(ENV_DATA, str(sample_csv))
    monkeypatch.setattr(acled, "API_URL", api.url)
    monkeypatch.setattr(ucdp, "API_URL", api.url)
    monkeypatch.setattr(acled, "PAGE_SIZE", 3)
    monkeypatch.setattr(ucdp, "PAGE_SIZE", 2)
    monkeypatch.setattr(credentials, "SECRETS", tmp_path / "no-secrets.toml")  # not the checkout's own

    def start(secrets: dict | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        for section, values in (secrets or {}).items():
            at.secrets[section] = values
        return at.run()
    return start


def pull_acled(at: AppTest, countries: str = "Iraq, Syria") -> AppTest:
    at.text_input(key="_fetch_countries").set_value(countries)
    at.date_input(key="_fetch_since").set_value(dt.date(2024, 1, 1))
    at.button(key="_fetch_go").click()
    return at.run()


def page_text(at: AppTest) -> str:
    """Every text the page shows (errors, notes, labels, widget values), to look for secrets in."""
    parts = [e.value for e in (*at.error, *at.caption, *at.markdown, *at.warning, *at.info, *at.success)]
    parts += [str(w.value) for w in (*at.text_input, *at.text_area)]
    parts += [str(x.value) for x in at.exception]
    parts += [getattr(s.proto, "label", "") for s in at.get("expandable")]
    parts += [df.value.to_csv() for df in at.dataframe]
    return "\n".join(parts)


def assert_no_secret(at: AppTest) -> None:
    text = page_text(at)
    for secret in (PASSWORD, TOKEN, UCDP_TOKEN, "refresh-1"):
        assert secret not in text


def captions(at: AppTest) -> list[str]:
    """The notes as a user reads them (markdown escapes removed)."""
    return [c.value.replace("\\", "") for c in at.caption]


def error_lines(at: AppTest) -> list[str]:
    return [e.value.replace("\\", "") for e in at.error]  # noqa


def read_pages(api) -> list[int]:
    return [int(q["page"]) for path, q in api.requests if path == "/api/acled/read"]


def test_acled_pull_is_validated_like_an_upload_and_joins_the_map(pull_app, api):
    api.acled_rows[3]["event_type"] = "Picnic"  # IRQ4: rejected with its reason, the rest load
    at = pull_acled(pull_app())
    assert not at.exception, [e.value for e in at.exception]
    assert read_pages(api) == [1, 2, 3]
    assert "_fetch_dir" not in at.session_state  # pages and file removed once loaded
    query = next(q for path, q in api.requests if path == "/api/acled/read")
    assert query["country"] == "Iraq|Syria" and query["event_date"].startswith("2024-01-01|")
    notes = captions(at)
    assert any("ACLED export layout, 7 rows read, 6 kept, 1 rejected" in n for n in notes), notes
    rejected = next(df.value for df in at.dataframe if "reason" in df.value.columns)
    assert list(rejected["line"]) == [5] and list(rejected["column"]) == ["event_type"]
    assert sorted(map_event_ids(at)) == sorted(SAMPLE_IDS + ["IRQ1", "IRQ2", "IRQ3", "IRQ5", "IRQ6", "IRQ7"])
    at.radio(key="_show_dataset").set_value("upload").run()
    assert sorted(map_event_ids(at)) == ["IRQ1", "IRQ2", "IRQ3", "IRQ5", "IRQ6", "IRQ7"]
    assert_no_secret(at)
    at.button(key="_fetch_clear").click().run()
    assert not at.exception and "_fetched" not in at.session_state
    shown = map_event_ids(at)  # the dates window the pulled events set stays, as after an upload is removed
    assert shown and set(shown) <= set(SAMPLE_IDS)


def test_a_wrong_password_is_one_line_and_shows_no_credential(pull_app, api, monkeypatch):
    monkeypatch.setenv("ACLED_PASSWORD", "wrong-" + PASSWORD)
    at = pull_acled(pull_app())
    assert not at.exception
    errors = error_lines(at)
    assert len(errors) == 1 and "\n" not in errors[0], errors
    assert "refused the user name or password" in errors[0]
    assert "wrong-" not in page_text(at)
    assert_no_secret(at)
    assert read_pages(api) == [] and sorted(map_event_ids(at)) == SAMPLE_IDS


def test_a_dropped_connection_is_one_line_and_pressing_again_continues(pull_app, api):
    api.faults["drop page 2"] = base.MAX_TRIES
    at = pull_acled(pull_app())
    errors = error_lines(at)
    assert len(errors) == 1 and "cannot reach ACLED's API" in errors[0] and "press Pull events again" in errors[0]
    assert sorted(map_event_ids(at)) == SAMPLE_IDS
    api.requests.clear()
    at.button(key="_fetch_go").click().run()
    assert not at.error, error_lines(at)
    assert read_pages(api) == [2, 3]  # page 1 was kept from the cut pull
    assert any("7 rows read, 7 kept, 0 rejected" in c for c in captions(at))
    assert_no_secret(at)


def test_ucdp_pull_with_the_token_in_streamlit_secrets(pull_app, api, monkeypatch):
    monkeypatch.delenv("UCDP_API_TOKEN")
    at = pull_app({"ucdp": {"token": UCDP_TOKEN}})
    at.radio(key="_fetch_source").set_value("ucdp").run()
    at.text_input(key="_fetch_gw").set_value("645")
    at.button(key="_fetch_go").click().run()
    assert not at.error, error_lines(at)
    gets = [q for path, q in api.requests if path == "/gedevents/25.1"]
    assert [q["page"] for q in gets] == ["0", "1"] and gets[0]["Country"] == "645"
    assert any("UCDP GED" in c and "4 kept" in c for c in captions(at)), captions(at)
    assert_no_secret(at)


def test_ucdp_bad_token_and_missing_credentials(pull_app, api, monkeypatch):
    monkeypatch.setenv("UCDP_API_TOKEN", "nope")
    at = pull_app()
    at.radio(key="_fetch_source").set_value("ucdp").run()
    at.button(key="_fetch_go").click().run()
    assert error_lines(at) == ["Could not pull from UCDP: UCDP's API refused the token "
                                           "(check UCDP_API_TOKEN)"]
    monkeypatch.delenv("ACLED_PASSWORD")
    at.radio(key="_fetch_source").set_value("acled").run()
    at = pull_acled(at)
    errors = error_lines(at)
    assert len(errors) == 1 and "No ACLED credentials" in errors[0] and "ACLED_PASSWORD" in errors[0]
    assert read_pages(api) == []


def test_with_a_login_configured_only_a_signed_in_user_may_pull(pull_app, api):
    password = "correct horse battery"
    at = pull_app({"users": {"ana": PasswordHasher().hash(password)}})
    assert not at.exception
    assert any("Sign in to pull" in c for c in captions(at))
    assert not [b for b in at.button if b.key == "_fetch_go"]
    at.text_input(key="_login_name").input("ana")
    at.text_input(key="_login_password").input(password)
    next(b for b in at.button if b.label == "Sign in").click()
    at = pull_acled(at.run())
    assert any("7 kept" in c for c in captions(at)), captions(at)
    assert "IRQ1" in map_event_ids(at)
