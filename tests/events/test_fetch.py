"""python -m events fetch acled|ucdp against a local server answering as the APIs document:
token, pages, 401, 429 with Retry-After, a dropped connection, resuming, no leaked secrets."""
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from events import load
from events.__main__ import main
from events.sources import base

PASSWORD = "s3cret-pass-Zq9"
TOKEN = "access-tok-Xy7"
UCDP_TOKEN = "ucdp-tok-Wv5"


def acled_record(i: int) -> dict:
    return {"event_id_cnty": f"IRQ{i}", "event_date": f"2024-01-{i:02d}", "year": "2024", "time_precision": "1",
            "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Islamic State (Iraq)", "assoc_actor_1": "", "inter1": "Rebel group",
            "actor2": "Military Forces of Iraq (2020-)", "assoc_actor_2": "", "inter2": "State forces",
            "interaction": "State forces-Rebel group", "civilian_targeting": "", "iso": "368",
            "region": "Middle East", "country": "Iraq", "admin1": "Nineveh", "admin2": "Mosul", "admin3": "",
            "location": "Mosul", "latitude": "36.335", "longitude": "43.1189", "geo_precision": "1",
            "source": "Shafaq News", "source_scale": "National", "notes": f"Clash {i}.", "fatalities": "1",
            "tags": "", "timestamp": "1704067200"}


class FakeApis:
    """ACLED's token and read endpoints and UCDP's gedevents endpoint, with scripted faults."""

    def __init__(self):
        self.acled_rows = [acled_record(i) for i in range(1, 8)]
        with open("tests/events/fixtures/ucdp_ged_25_1.csv", encoding="utf-8") as fh:
            import csv
            self.ucdp_rows = list(csv.DictReader(fh))
        self.requests: list[tuple[str, dict]] = []
        self.faults: dict[str, int] = {}   # "429 page 2" / "drop page 2" / "expire" -> times left

    def fault(self, name: str) -> bool:
        if self.faults.get(name, 0) > 0:
            self.faults[name] -= 1
            return True
        return False


def handler_for(api: FakeApis):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _json(self, code: int, doc: dict, headers: dict | None = None):
            body = json.dumps(doc).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
            api.requests.append((self.path, {k: v for k, v in form.items() if k != "password"}))
            if self.path != "/oauth/token" or form.get("client_id") != "acled":
                return self._json(400, {"error": "invalid_client"})
            ok = (form.get("grant_type") == "password" and form.get("username") == "analyst@example.org"
                  and form.get("password") == PASSWORD) or \
                 (form.get("grant_type") == "refresh_token" and form.get("refresh_token") == "refresh-1")
            if not ok:
                return self._json(401, {"error": "invalid_grant", "error_description": "bad credentials"})
            self._json(200, {"token_type": "Bearer", "expires_in": 86400, "access_token": TOKEN,
                             "refresh_token": "refresh-1"})

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(url.query))
            api.requests.append((url.path, query))
            page = int(query.get("page", "0"))
            if api.fault(f"drop page {page}"):
                self.connection.shutdown(2)  # the connection drops without an answer
                return
            if api.fault(f"429 page {page}"):
                return self._json(429, {"message": "Too Many Requests"}, {"Retry-After": "0"})
            if url.path == "/api/acled/read":
                if self.headers.get("Authorization") != f"Bearer {TOKEN}" or api.fault("expire"):
                    return self._json(401, {"message": "Unauthorized"})
                limit = int(query["limit"])
                data = api.acled_rows[(page - 1) * limit: page * limit]
                return self._json(200, {"status": 200, "success": True, "count": len(data), "data": data})
            if url.path == "/gedevents/25.1":
                if self.headers.get("x-ucdp-access-token") != UCDP_TOKEN:
                    return self._json(401, {"message": "no token"})
                size = int(query["pagesize"])
                rows = api.ucdp_rows
                pages = -(-len(rows) // size)
                return self._json(200, {"TotalCount": len(rows), "TotalPages": pages, "PreviousPageUrl": "",
                                        "NextPageUrl": "", "Result": rows[page * size:(page + 1) * size]})
            self._json(404, {"message": "not found"})
    return Handler


@pytest.fixture
def api(monkeypatch):
    fake = FakeApis()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(fake))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setattr(base, "_sleep", lambda s: None)
    monkeypatch.setenv("ACLED_USERNAME", "analyst@example.org")
    monkeypatch.setenv("ACLED_PASSWORD", PASSWORD)
    monkeypatch.setenv("UCDP_API_TOKEN", UCDP_TOKEN)
    yield fake
    server.shutdown()
    server.server_close()


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
