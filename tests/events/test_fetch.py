"""python -m events fetch acled|ucdp against a local server answering as the APIs document:
token, pages, 401, 429 with Retry-After, a dropped connection, resuming, no leaked secrets."""
from events import load
from events.__main__ import main
from events.sources import base
from tests.fake_apis import PASSWORD, TOKEN, UCDP_TOKEN, api  # noqa: F401 -- api is the fixture


def fetch_acled(api, out, *extra):
    return main(["fetch", "acled", "--country", "Iraq", "--country", "Syria", "--since", "2024-01-01",
                 "--until", "2024-01-31", "--out", str(out), "--api-url", api.url, *extra])


def read_pages(api):
    return [int(q["page"]) for path, q in api.requests if path == "/api/acled/read"]


def assert_no_secret(tmp_path, *texts):
    for text in texts:
        assert PASSWORD not in text and TOKEN not in text and UCDP_TOKEN not in text
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert PASSWORD.encode() not in data and TOKEN.encode() not in data and UCDP_TOKEN.encode() not in data


def test_acled_fetch_pages_through_and_writes_a_file_the_loader_reads(api, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("events.sources.acled.PAGE_SIZE", 3)
    out = tmp_path / "acled.csv"
    assert fetch_acled(api, out) == 0
    token_request = next(form for path, form in api.requests if path == "/oauth/token")
    assert token_request == {"username": "analyst@example.org", "grant_type": "password", "client_id": "acled",
                             "scope": "authenticated"}
    query = next(q for path, q in api.requests if path == "/api/acled/read")
    assert query["country"] == "Iraq|Syria" and query["event_date"] == "2024-01-01|2024-01-31"
    assert query["event_date_where"] == "BETWEEN" and query["_format"] == "json"
    assert read_pages(api) == [1, 2, 3]
    result = load(out, geocode=False)
    assert (result.format, len(result.frame), result.errors) == ("acled", 7, [])
    err = capsys.readouterr().err
    assert "7 events in 3 page(s)" in err
    assert not (tmp_path / "acled.csv.part").exists()
    assert_no_secret(tmp_path, err)


def test_acled_429_is_retried_after_retry_after(api, tmp_path, monkeypatch):
    monkeypatch.setattr("events.sources.acled.PAGE_SIZE", 3)
    waits = []
    monkeypatch.setattr(base, "_sleep", waits.append)
    api.faults["429 page 2"] = 1
    assert fetch_acled(api, tmp_path / "a.csv") == 0
    assert read_pages(api) == [1, 2, 2, 3] and waits == [0.0]


def test_acled_expired_token_is_refreshed(api, tmp_path, monkeypatch):
    monkeypatch.setattr("events.sources.acled.PAGE_SIZE", 3)
    api.faults["expire"] = 1
    assert fetch_acled(api, tmp_path / "a.csv") == 0
    grants = [form["grant_type"] for path, form in api.requests if path == "/oauth/token"]
    assert grants == ["password", "refresh_token"]


def test_wrong_password_is_one_clear_line(api, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ACLED_PASSWORD", "wrong-" + PASSWORD)
    assert fetch_acled(api, tmp_path / "a.csv") == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "refused the user name or password" in err
    assert "wrong-" not in err and PASSWORD not in err


def test_missing_credentials_say_how_to_give_them(api, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("ACLED_PASSWORD")
    monkeypatch.chdir(tmp_path)
    assert fetch_acled(api, tmp_path / "a.csv") == 2
    assert "ACLED_PASSWORD" in capsys.readouterr().err


def test_credentials_from_streamlit_secrets(api, tmp_path, monkeypatch):
    monkeypatch.delenv("ACLED_USERNAME")
    monkeypatch.delenv("ACLED_PASSWORD")
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        f'[acled]\nusername = "analyst@example.org"\npassword = "{PASSWORD}"\n')
    monkeypatch.chdir(tmp_path)
    assert fetch_acled(api, tmp_path / "a.csv") == 0


def test_dropped_connection_fails_cleanly_and_a_rerun_continues(api, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("events.sources.acled.PAGE_SIZE", 3)
    api.faults["drop page 2"] = base.MAX_TRIES
    out = tmp_path / "a.csv"
    assert fetch_acled(api, out) == 2
    err = capsys.readouterr().err
    assert "cannot reach ACLED's API" in err and "run the same command again" in err
    assert err.strip().count("\n") == 0 and not out.exists()
    api.requests.clear()
    assert fetch_acled(api, out) == 0
    assert read_pages(api) == [2, 3]  # page 1 came from the first run
    assert "1 from an earlier run" in capsys.readouterr().err
    assert len(load(out, geocode=False).frame) == 7


def test_network_down_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(base, "_sleep", lambda s: None)
    monkeypatch.setenv("ACLED_USERNAME", "analyst@example.org")
    monkeypatch.setenv("ACLED_PASSWORD", PASSWORD)
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = main(["fetch", "acled", "--country", "Iraq", "--since", "2024-01-01", "--out", str(tmp_path / "a.csv"),
                 "--api-url", f"http://127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: cannot reach") and err.strip().count("\n") == 0
    assert PASSWORD not in err


def test_ucdp_fetch_with_token_header_and_pages(api, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("events.sources.ucdp.PAGE_SIZE", 2)
    out = tmp_path / "ucdp.csv"
    assert main(["fetch", "ucdp", "--dataset", "gedevents", "--version", "25.1", "--country", "645",
                 "--out", str(out), "--api-url", api.url]) == 0
    gets = [q for path, q in api.requests if path == "/gedevents/25.1"]
    assert [q["page"] for q in gets] == ["0", "1"] and gets[0]["Country"] == "645"
    result = load(out, geocode=False)
    assert (result.format, len(result.frame)) == ("ucdp", 4)
    assert_no_secret(tmp_path, capsys.readouterr().err)


def test_ucdp_bad_token(api, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("UCDP_API_TOKEN", "nope")
    assert main(["fetch", "ucdp", "--country", "645", "--out", str(tmp_path / "u.csv"), "--api-url", api.url]) == 2
    assert "refused the token" in capsys.readouterr().err
