"""Fetch GeoNames country dumps where the internet is reachable; fail fast and say so where not.

Only the ``download-geonames`` command calls this: nothing in the geocoder downloads anything.
"""
from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path

BASE_URL = "https://download.geonames.org/export/dump/"
TIMEOUT_S = 10.0


class DownloadUnavailable(Exception):
    """The dump cannot be fetched (no network, DNS, HTTP error): one line for the user."""


def dump_url(country: str, base_url: str | None = None) -> str:
    base = base_url or os.environ.get("CONFLICTMAP_GEONAMES_URL") or BASE_URL
    return base.rstrip("/") + f"/{country.upper()}.zip"


def download_dump(country: str, directory: Path, base_url: str | None = None, timeout: float = TIMEOUT_S) -> Path:
    """Download {CC}.zip into ``directory`` (atomically) and return its path."""
    code = country.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise DownloadUnavailable(f"{country!r} is not an ISO 3166-1 alpha-2 country code")
    url = dump_url(code, base_url)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{code}.zip"
    partial = target.with_suffix(".zip.part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, open(partial, "wb") as out:
            shutil.copyfileobj(response, out, length=1 << 20)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        partial.unlink(missing_ok=True)
        reason = getattr(exc, "reason", None) or exc
        raise DownloadUnavailable(f"cannot download {url}: {reason}") from None
    partial.replace(target)
    return target
