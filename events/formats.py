"""Which layout a file is in: detected from its header (or GeoJSON text), or forced by a flag."""
from __future__ import annotations

from .errors import LoadError
from .readers import acled, curated, geojson, ucdp

FORMATS = ("curated", "geojson", acled.MODERN, acled.LEGACY, acled.REDUCED, "ucdp", "parquet")


def detect(header: list[str], name: str) -> str:
    layout = acled.detect(header)
    if layout:
        return layout
    if ucdp.matches(header):
        return "ucdp"
    if curated.matches(header):
        return "curated"
    shown = ", ".join(header[:8]) + (", ..." if len(header) > 8 else "")
    raise LoadError(
        name,
        f"unknown layout: the header ({shown}) is not the curated, ACLED or UCDP GED layout; "
        f"use --format to force one of: {', '.join(FORMATS)}",
    )


def date_formats(layout: str) -> tuple[str, ...]:
    if layout in acled.DATE_FORMATS:
        return acled.DATE_FORMATS[layout]
    return {"ucdp": ucdp.DATE_FORMATS, "geojson": geojson.DATE_FORMATS}.get(layout, curated.DATE_FORMATS)
