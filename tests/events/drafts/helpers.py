"""What the drafter tests of sessions 14-26 share: a report's drafts, whether a draft lies near a point, the one draft
near a point."""
import datetime as dt

from events.drafts import draft_report
from geodata.geo import distance_km


def drafts(text: str, published: str) -> list[dict]:
    """The draft events of ``text`` published on ``published`` (YYYY-MM-DD), as the CLI's --json gives them."""
    return draft_report(text, dt.date.fromisoformat(published)).drafts


def near(d: dict, lat: float, lon: float, km: float = 25) -> bool:
    """Whether draft ``d`` has coordinates within ``km`` km of (``lat``, ``lon``) (degrees)."""
    return d["latitude"] is not None and distance_km(d["latitude"], d["longitude"], lat, lon) <= km


def only_near(found: list[dict], point: tuple[float, float]) -> dict:
    """The one draft of ``found`` within 25 km of ``point`` (degrees); fails unless there is exactly one."""
    place = [d for d in found if near(d, *point)]
    assert len(place) == 1, found
    return place[0]
