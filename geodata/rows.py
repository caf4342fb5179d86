"""Field parsers shared by the curated gazetteer reader and the CSV import: each returns the value
or raises ValueError with the reason a user needs to fix the row."""
from __future__ import annotations

import math

from .countries import is_iso2


def parse_latitude(text: str) -> float:
    return _coordinate(text, 90.0)


def parse_longitude(text: str) -> float:
    return _coordinate(text, 180.0)


def _coordinate(text: str, limit: float) -> float:
    text = (text or "").strip()
    if not text:
        raise ValueError("empty coordinate")
    try:
        value = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        raise ValueError("not a number") from None
    if not math.isfinite(value) or abs(value) > limit:
        raise ValueError(f"out of range (must be within ±{limit:g})")
    return value


def parse_country(text: str) -> str:
    code = (text or "").strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise ValueError("not an ISO 3166-1 alpha-2 country code")
    if not is_iso2(code):
        raise ValueError(f"{code} is not an assigned ISO 3166-1 alpha-2 country code")
    return code


def split_aliases(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for alias in (text or "").split("|"):
        alias = alias.strip()
        if alias:
            seen.setdefault(alias, None)
    return tuple(seen)
