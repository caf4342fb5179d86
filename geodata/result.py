"""What a geocode returns: status, coordinates, what matched, how precise and how sure."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

RESOLVED, AMBIGUOUS, UNRESOLVED = "resolved", "ambiguous", "unresolved"
PRECISION_PLACE, PRECISION_NEAR, PRECISION_REGION = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Alternative:
    name: str
    latitude: float
    longitude: float
    source: str
    id: str
    kind: str
    admin1: str
    score: float


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """``ambiguous`` and ``unresolved`` carry no coordinates: nothing is plotted by a silent pick;
    ``alternatives`` (at most five) list the candidates for a human to choose from."""

    status: str
    latitude: float | None = None
    longitude: float | None = None
    name: str | None = None
    source: str | None = None
    id: str | None = None
    precision: int | None = None        # 1 the place, 2 near it, 3 a region
    confidence: float = 0.0             # 0..1
    alternatives: tuple[Alternative, ...] = field(default_factory=tuple)

    @property
    def resolved(self) -> bool:
        return self.status == RESOLVED

    def to_dict(self) -> dict:
        data = asdict(self)
        data["alternatives"] = [asdict(a) for a in self.alternatives]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> GeocodeResult:
        alternatives = tuple(Alternative(**a) for a in data.get("alternatives") or ())
        return cls(**{**data, "alternatives": alternatives})


UNRESOLVED_RESULT = GeocodeResult(status=UNRESOLVED)
