"""The drawn base map's content: borders and names the product ships, as folium layers.

Filled from geodata's embedded boundaries and gazetteer once they are on main.
"""
from __future__ import annotations

import folium


def layers(dark: bool = False) -> list[folium.Layer]:
    """Folium layers for the drawn base map (dark or light colours)."""
    return []
