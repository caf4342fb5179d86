"""Every event file layout, in one registry, behind one face (``events.readers.base.Layout``).

Two steps read a file:

1. its *container* (what the bytes are) gives a header and rows of text: CSV/TSV text
   (``table``), an Excel workbook (``xlsx``), a GeoJSON FeatureCollection (``geojson``), a
   headerless GDELT export (``gdelt``), a zip holding one of these; Parquet (``parquet``) is
   already typed and skips text parsing;
2. its *layout* (which columns) is recognised from the header and maps the rows to the event
   table: ``LAYOUTS`` below, tried in order, first match wins.

Detection, ``python -m events ... --format`` and the dashboard's upload labels all read this
module: add a layout by writing a small module with a ``Layout`` and listing it here.
"""
from __future__ import annotations

from ..errors import LoadError
from . import acled, curated, gdelt, ucdp
from .base import Layout

# Order = precedence when several match (more specific first).
LAYOUTS: tuple[Layout, ...] = (*curated.LAYOUTS, *gdelt.LAYOUTS, *ucdp.LAYOUTS, *acled.LAYOUTS)
BY_NAME: dict[str, Layout] = {layout.name: layout for layout in LAYOUTS}

# Containers that are not a tabular layout but may be forced with --format.
CONTAINERS = {"geojson": "GeoJSON", "parquet": "Parquet", "xlsx": "Excel workbook", "csv": "CSV", "gdelt": "GDELT export"}
FORMATS: tuple[str, ...] = (*BY_NAME, "geojson", "parquet", "xlsx")
# File name endings an upload may have (the container is told from the bytes, not the name).
EXTENSIONS: tuple[str, ...] = ("csv", "tsv", "txt", "geojson", "json", "xlsx", "parquet", "zip")


def label(name: str) -> str:
    """What a user reads for a layout or container name ("acled" -> "ACLED export")."""
    if name in BY_NAME:
        return BY_NAME[name].label
    return CONTAINERS.get(name, name)


def get(name: str, filename: str = "") -> Layout:
    """The layout called ``name``; LoadError naming the choices if there is none."""
    if name not in BY_NAME:
        raise LoadError(filename, f"unknown format {name!r}; one of: {', '.join(FORMATS)}")
    return BY_NAME[name]


def detect(header: list[str], filename: str) -> Layout:
    """The first layout whose columns the (normalised, lower-case) header has.

    Raises LoadError naming the header's first columns and the layouts there are."""
    for layout in LAYOUTS:
        if layout.matches(header):
            if layout.name == ucdp.GED:
                return ucdp.refine(None, filename)
            return layout
    shown = ", ".join(header[:8]) + (", ..." if len(header) > 8 else "")
    raise LoadError(
        filename,
        f"unknown layout: the header ({shown}) is not one of the known layouts "
        f"({', '.join(lay.label for lay in LAYOUTS)}); use --format to force one of: {', '.join(BY_NAME)}",
    )


__all__ = ["BY_NAME", "CONTAINERS", "EXTENSIONS", "FORMATS", "LAYOUTS", "Layout", "detect", "get", "label"]
