"""One colour per ACLED event type, shared by the map, its legend and the charts.

Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
"""
from __future__ import annotations

from events.schema import EVENT_TYPES

TYPE_COLOURS: dict[str, str] = dict(zip(EVENT_TYPES, (
    "#D55E00",  # Battles
    "#0072B2",  # Explosions/Remote violence
    "#CC79A7",  # Violence against civilians
    "#009E73",  # Protests
    "#E69F00",  # Riots
    "#56B4E9",  # Strategic developments
)))
UNKNOWN_COLOUR = "#777777"


def colour_for(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, UNKNOWN_COLOUR)
