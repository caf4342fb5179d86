"""What goes wrong when reading event files, said so a user can find and fix it."""
from __future__ import annotations

# One rejected row (file, line, column, value, reason), said the same way for event and gazetteer files.
from geodata.errors import RowError  # noqa: F401  (re-exported)


class LoadError(Exception):
    """The file cannot be read at all (not UTF-8, not CSV/GeoJSON, empty, unknown layout)."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class TooManyRows(LoadError):
    """The file has more records than the caller accepts (an upload's row limit)."""

    def __init__(self, file: str, limit: int, unit: str = "rows"):
        super().__init__(file, f"more than {limit:,} {unit}; the limit is {limit:,}")
        self.limit = limit
