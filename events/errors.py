"""What goes wrong when reading event files, said so a user can find and fix it."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class RowError:
    """One rejected row: where it is (file, line as in the file), which column, what value, why."""

    file: str
    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        value = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        return f"{self.file}:{self.line}: column {self.column!r} = {value!r}: {self.reason}"

    def to_dict(self) -> dict:
        return asdict(self)


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
