"""Local HTTP servers answering as ACLED's and UCDP's APIs document (token, pages) with scripted
faults (401, 429 with Retry-After, a dropped connection), for the fetch CLI's and the dashboard's
tests. Only 127.0.0.1; nothing leaves the machine."""
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from events.sources import base

UCDP_FIXTURE = Path(__file__).resolve().parent / "events" / "fixtures" / "ucdp_ged_25_1.csv"

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
        with open(UCDP_FIXTURE, encoding="utf-8") as fh:
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
