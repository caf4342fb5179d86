"""Fetch GeoNames country dumps where the internet is reachable; fail fast and say so where not.

Only the ``download-geonames`` command calls this: nothing in the geocoder downloads anything.
"""
from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path

from . import datadir

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
    if not datadir.writable(directory):
        raise DownloadUnavailable(f"cannot write {directory}: set CONFLICTMAP_DATA_DIR to a writable folder")
    target = directory / f"{code}.zip"
    try:
        with datadir.atomic_write(target) as partial:    # a killed download leaves a *.tmp* the next run removes
            with urllib.request.urlopen(url, timeout=timeout) as response, open(partial, "wb") as out:
                shutil.copyfileobj(response, out, length=1 << 20)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise DownloadUnavailable(f"cannot download {url}: {reason}") from None
    return target
