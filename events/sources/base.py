"""HTTP with retries, paging state on disk and the result of a fetch, shared by the API clients.

Standard library only (urllib), so a fetch needs nothing a deploy does not already have.
"""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

USER_AGENT = "conflict-event-map (python -m events fetch)"
MAX_TRIES = 5          # per request: network errors and 429/5xx answers
MAX_WAIT_S = 300       # the longest Retry-After we honour; longer waits fail with one clear line
TIMEOUT_S = 60
# progress(events so far, total events or None, pages so far): called after each page
Progress = Callable[[int, "int | None", int], None]


class FetchError(Exception):
    """A fetch that cannot go on: one line for the user, never holding a credential."""


class Unauthorized(FetchError):
    """The API refused the credentials or the token (HTTP 401/403)."""


@dataclass
class FetchResult:
    path: Path
    rows: int
    pages: int
    resumed_pages: int = 0


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def request_json(url: str, *, data: dict | None = None, headers: dict | None = None,
                 what: str = "the API") -> dict:
    """GET (or POST a form when ``data``) ``url`` and return its JSON body.

    Retries network errors and HTTP 429/502/503/504, waiting ``Retry-After`` seconds (or 1, 2,
    4, ... s). Raises Unauthorized on 401/403, FetchError on anything else; messages name the
    host and status, never the query string (it may hold a token) or a credential."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    host = urllib.parse.urlsplit(url).netloc
    last = ""
    for attempt in range(MAX_TRIES):
        req = urllib.request.Request(url, data=body, headers={"User-Agent": USER_AGENT, "Accept": "application/json",
                                                              **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
                payload = resp.read()
            try:
                return json.loads(payload)
            except ValueError:
                raise FetchError(f"{what} at {host} answered with something that is not JSON") from None
        except urllib.error.HTTPError as exc:
            if exc.code in (401, 403):
                raise Unauthorized(f"{what} at {host} refused the credentials (HTTP {exc.code})") from None
            if exc.code not in (429, 500, 502, 503, 504):
                raise FetchError(f"{what} at {host} answered HTTP {exc.code} {exc.reason}") from None
            wait = _retry_after(exc.headers.get("Retry-After"), attempt)
            if wait > MAX_WAIT_S:
                raise FetchError(f"{what} at {host} asks to wait {wait:.0f} s (HTTP {exc.code}); try again later") from None
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            last = f"network error: {reason}"
            wait = 2.0 ** attempt
        if attempt + 1 < MAX_TRIES:
            _sleep(wait)
    raise FetchError(f"cannot reach {what} at {host} ({last}) after {MAX_TRIES} tries; "
                     "check the network and run the same command again to continue")


def _retry_after(value: str | None, attempt: int) -> float:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return 2.0 ** attempt


class Pages:
    """Pages saved beside the output (``OUT.part/``) so an interrupted fetch continues where it
    stopped. The folder is keyed by the query: another query starts afresh."""

    def __init__(self, out: Path, query: dict):
        self.out = Path(out)
        self.dir = self.out.with_name(self.out.name + ".part")
        key = hashlib.sha256(json.dumps(query, sort_keys=True).encode()).hexdigest()[:16]
        marker = self.dir / "query"
        if self.dir.exists() and (not marker.exists() or marker.read_text() != key):
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        marker.write_text(key)

    def path(self, number: int) -> Path:
        return self.dir / f"page-{number:06d}.json"

    def get(self, number: int) -> dict | None:
        try:
            return json.loads(self.path(number).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, number: int, doc: dict) -> None:
        tmp = self.path(number).with_suffix(".tmp")
        tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path(number))  # atomic: a crash never leaves half a page

    def write_csv(self, records: list[dict]) -> int:
        """All records as one CSV at ``out`` (columns in first-seen order); the pages go."""
        columns: dict[str, None] = {}
        for rec in records:
            columns.update(dict.fromkeys(rec))
        tmp = self.out.with_name(self.out.name + ".tmp")
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            for rec in records:
                writer.writerow({k: "" if v is None else v for k, v in rec.items()})
        tmp.replace(self.out)
        shutil.rmtree(self.dir, ignore_errors=True)
        return len(records)


def progress_bar(total: int | None, unit: str):
    """A tqdm bar on stderr when it is a terminal (or forced by the caller), else a no-op."""
    from tqdm import tqdm
    return tqdm(total=total, unit=unit, file=sys.stderr, disable=not sys.stderr.isatty(), leave=True)
