"""What an import did: how many places went in, what was skipped and which rows were refused."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import RowError


@dataclass
class ImportReport:
    file: str
    imported: int = 0
    skipped: int = 0                     # rows that are fine but not places we keep (e.g. streams)
    errors: list[RowError] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.file}: imported {self.imported} places"
        if self.skipped:
            text += f", skipped {self.skipped} other features"
        if self.errors:
            text += f", rejected {len(self.errors)} rows"
        return text
