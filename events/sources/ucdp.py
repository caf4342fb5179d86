"""UCDP's API (ucdpapi.pcr.uu.se), as UCDP documents it:

``GET https://ucdpapi.pcr.uu.se/api/{dataset}/{version}?pagesize=1000&page=0&Country=645``
with the header ``x-ucdp-access-token: <token>``; answer ``{"TotalCount": N, "TotalPages": P,
"PreviousPageUrl": ..., "NextPageUrl": ..., "Result": [ {id, relid, year, ..., best, high,
low, gwnoa, gwnob}, ... ]}``. Pages count from 0. ``dataset`` is ``gedevents`` (GED, yearly
version like ``25.1``; Candidate versions like ``25.0.9``). Filters: ``Country`` (Gleditsch-Ward
numbers, comma-separated), ``StartDate``/``EndDate`` (YYYY-MM-DD).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from . import credentials
from .base import FetchError, FetchResult, Pages, Progress, Unauthorized, progress_bar, request_json

API_URL = "https://ucdpapi.pcr.uu.se/api"
PAGE_SIZE = 1000


def fetch(out: str | Path, dataset: str = "gedevents", version: str = "25.1", countries: list[str] = (),
          since: str | None = None, until: str | None = None, *, api_url: str = API_URL,
          token: str | None = None, page_size: int | None = None, secrets_path: Path | None = None,
          progress: Progress | None = None) -> FetchResult:
    """Events of UCDP ``dataset``/``version`` -> CSV at ``out`` in UCDP's own layout.
    ``countries``: Gleditsch-Ward numbers. Raises FetchError with one line.

    ``progress(events_so_far, total_events, pages_so_far)`` is called after each page (the total
    from UCDP's ``TotalCount``, None if it gave none)."""
    page_size = page_size or PAGE_SIZE
    token = token or credentials.get("ucdp", "token", secrets_path)
    if not token:
        raise FetchError("no UCDP API token: " + credentials.where("ucdp", "token"))
    query = {"pagesize": str(page_size)}
    if countries:
        query["Country"] = ",".join(str(c) for c in countries)
    if since:
        query["StartDate"] = since
    if until:
        query["EndDate"] = until
    base = f"{api_url.rstrip('/')}/{dataset}/{version}"
    pages = Pages(Path(out), {"source": "ucdp", "dataset": dataset, "version": version, **query})
    headers = {"x-ucdp-access-token": token}
    records: list[dict] = []
    resumed = 0
    number, total = 0, None
    with progress_bar(None, "events") as bar:
        while total is None or number < total:
            doc = pages.get(number)
            if doc is None:
                try:
                    doc = request_json(f"{base}?{urlencode({**query, 'page': number})}", headers=headers,
                                       what="UCDP's API")
                except Unauthorized:
                    raise FetchError("UCDP's API refused the token (check UCDP_API_TOKEN)") from None
                if not isinstance(doc.get("Result"), list):
                    raise FetchError("UCDP's API answered without a Result list")
                pages.put(number, doc)
            else:
                resumed += 1
            total = int(doc.get("TotalPages") or 0)
            if bar.total is None and doc.get("TotalCount") is not None:
                bar.total = int(doc["TotalCount"])
            records.extend(doc["Result"])
            bar.update(len(doc["Result"]))
            number += 1
            if progress is not None:
                progress(len(records), bar.total, number)
            if not doc["Result"]:
                break
    rows = pages.write_csv(records)
    return FetchResult(Path(out), rows, number, resumed)
