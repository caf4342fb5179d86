"""What the drafter tests of sessions 14-16 share: a report's drafts, and whether a draft lies near a point."""
import datetime as dt

from events.drafts import draft_report
from geodata.geo import distance_km


def drafts(text: str, published: str) -> list[dict]:
    """The draft events of ``text`` published on ``published`` (YYYY-MM-DD), as the CLI's --json gives them."""
    return draft_report(text, dt.date.fromisoformat(published)).drafts


def near(d: dict, lat: float, lon: float, km: float = 25) -> bool:
    """Whether draft ``d`` has coordinates within ``km`` km of (``lat``, ``lon``) (degrees)."""
    return d["latitude"] is not None and distance_km(d["latitude"], d["longitude"], lat, lon) <= km
