"""What a geocode returns: status, coordinates, what matched, how precise and how sure."""
from __future__ import annotations

from dataclasses import dataclass, field, fields

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
    # Measured probability that the answer (for ``ambiguous``: the first alternative) lies within
    # 25 km of the truth, read from the calibration table for ``basis`` (geodata/calibration.py).
    confidence: float = 0.0
    alternatives: tuple[Alternative, ...] = field(default_factory=tuple)
    admin1: str | None = None           # the admin1 / admin2 polygons holding the chosen place
    admin2: str | None = None
    basis: str | None = None            # how the answer was reached: "rung|admin1|rivals" (calibration class)
    hint: str | None = None             # e.g. a name not found in the given country but in a neighbour

    @property
    def resolved(self) -> bool:
        return self.status == RESOLVED

    def to_dict(self) -> dict:
        """Every field by name, ``alternatives`` as a list of dicts (JSON-ready). Built field by field:
        ``dataclasses.asdict`` deep-copies and was a sixth of a cold 3,000-name geocode."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["alternatives"] = [{f.name: getattr(a, f.name) for f in _ALTERNATIVE_FIELDS}
                                for a in self.alternatives]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> GeocodeResult:
        alternatives = tuple(Alternative(**a) for a in data.get("alternatives") or ())
        return cls(**{**data, "alternatives": alternatives})


_ALTERNATIVE_FIELDS = fields(Alternative)
UNRESOLVED_RESULT = GeocodeResult(status=UNRESOLVED)
