"""What goes wrong reading gazetteer files, said so a user can find and fix it."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class RowError:
    """One rejected row: file, line as in the file, column, the value and why it was refused."""

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


class GazetteerFileError(Exception):
    """The file cannot be used at all (missing, wrong layout, missing columns)."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason
