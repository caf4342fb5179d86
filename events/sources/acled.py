"""ACLED's API: OAuth 2 resource-owner password grant, then paged reads with a bearer token.

As ACLED documents it (acleddata.com API "Getting started" and "Advanced concepts"):

* token: ``POST https://acleddata.com/oauth/token`` with the form ``username`` (account
  e-mail), ``password``, ``grant_type=password``, ``client_id=acled``, ``scope=authenticated``;
  answer ``{"token_type": "Bearer", "expires_in": 86400, "access_token": ..., "refresh_token": ...}``.
  The access token lasts 24 h, the refresh token 14 days (``grant_type=refresh_token``).
* read: ``GET https://acleddata.com/api/acled/read?_format=json&country=Iraq|Syria
  &event_date=2024-01-01|2024-12-31&event_date_where=BETWEEN&limit=5000&page=1`` with
  ``Authorization: Bearer <access token>``; answer ``{"status": 200, "success": true,
  "count": N, "data": [ {event_id_cnty, event_date, ...}, ... ]}``. A page shorter than
  ``limit`` is the last one.

Tokens live in memory only: a run asks for a new one (a refresh when the access token
expires during a long run).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import credentials
from .base import FetchError, FetchResult, Pages, Progress, Unauthorized, progress_bar, request_json

API_URL = "https://acleddata.com"
TOKEN_PATH = "/oauth/token"
READ_PATH = "/api/acled/read"
CLIENT_ID = "acled"
PAGE_SIZE = 5000


class Session:
    """A bearer token for one run, refreshed when the API says it expired."""

    def __init__(self, api_url: str, username: str, password: str):
        self.api_url = api_url.rstrip("/")
        self._username, self._password = username, password
        self._access = self._refresh = None

    def _token(self, form: dict) -> None:
        doc = request_json(self.api_url + TOKEN_PATH, data={**form, "client_id": CLIENT_ID}, what="ACLED's token endpoint")
        if not doc.get("access_token"):
            raise FetchError("ACLED's token endpoint answered without an access token")
        self._access, self._refresh = doc["access_token"], doc.get("refresh_token")

    def login(self) -> None:
        try:
            self._token({"username": self._username, "password": self._password, "grant_type": "password",
                         "scope": "authenticated"})
        except Unauthorized:
            raise FetchError("ACLED refused the user name or password (check ACLED_USERNAME / ACLED_PASSWORD)") from None

    def get(self, url: str) -> dict:
        if self._access is None:
            self.login()
        try:
            return request_json(url, headers={"Authorization": f"Bearer {self._access}"}, what="ACLED's API")
        except Unauthorized:
            if self._refresh:  # the 24-hour access token ran out: refresh once, then log in again
                try:
                    self._token({"grant_type": "refresh_token", "refresh_token": self._refresh})
                except (Unauthorized, FetchError):
                    self.login()
            else:
                self.login()
            try:
                return request_json(url, headers={"Authorization": f"Bearer {self._access}"}, what="ACLED's API")
            except Unauthorized:
                raise FetchError("ACLED's API refused a fresh token: the account may lack API access") from None


def fetch(out: str | Path, countries: list[str], since: str, until: str | None = None, *,
          api_url: str = API_URL, username: str | None = None, password: str | None = None,
          page_size: int | None = None, secrets_path: Path | None = None,
          progress: Progress | None = None) -> FetchResult:
    """Events in ``countries`` (ACLED's English names) from ``since`` to ``until`` (YYYY-MM-DD,
    default today) -> CSV at ``out`` in ACLED's own layout. Raises FetchError with one line.

    ``progress(events_so_far, None, pages_so_far)`` is called after each page (ACLED does not say
    the total in advance)."""
    page_size = page_size or PAGE_SIZE
    username = username or credentials.get("acled", "username", secrets_path)
    password = password or credentials.get("acled", "password", secrets_path)
    if not username or not password:
        raise FetchError("no ACLED credentials: " + credentials.where("acled", "username") + " and "
                         + credentials.where("acled", "password"))
    until = until or dt.date.today().isoformat()
    query = {"_format": "json", "country": "|".join(countries), "event_date": f"{since}|{until}",
             "event_date_where": "BETWEEN", "limit": str(page_size)}
    from urllib.parse import urlencode
    session = Session(api_url, username, password)
    pages = Pages(Path(out), {"source": "acled", **query})
    records: list[dict] = []
    resumed = 0
    number = 1
    with progress_bar(None, "events") as bar:
        while True:
            doc = pages.get(number)
            if doc is None:
                doc = session.get(f"{session.api_url}{READ_PATH}?{urlencode({**query, 'page': number})}")
                if doc.get("success") is False or not isinstance(doc.get("data"), list):
                    message = doc.get("error") or doc.get("messages") or "no data list in the answer"
                    raise FetchError(f"ACLED's API refused the query: {str(message)[:300]}")
                pages.put(number, doc)
            else:
                resumed += 1
            data = doc["data"]
            records.extend(data)
            bar.update(len(data))
            if progress is not None:
                progress(len(records), None, number)
            if len(data) < page_size:
                break
            number += 1
    rows = pages.write_csv(records)
    return FetchResult(Path(out), rows, number, resumed)
