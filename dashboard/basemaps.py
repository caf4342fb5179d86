"""The base map: tiles, fullscreen, scale, legend and styles. Built once per dataset, not per filter.

The tiles come from the internet (the browser fetches them); without them the map is a plain
background and every data layer still shows.
"""
from __future__ import annotations

from dataclasses import dataclass

import folium
from branca.element import Element
from folium.plugins import Fullscreen

from .legend import Legend


@dataclass(frozen=True)
class Basemap:
    label: str
    tiles: str
    attribution: str


BASEMAPS: dict[str, Basemap] = {
    "light": Basemap("Light", "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
                     "&copy; OpenStreetMap contributors &copy; CARTO"),
    "dark": Basemap("Dark", "https://{s}.basemaps.cartocdn.com/dark_all/{z}/{x}/{y}{r}.png",
                    "&copy; OpenStreetMap contributors &copy; CARTO"),
    "satellite": Basemap("Satellite",
                         "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
                         "Tiles &copy; Esri, Maxar, Earthstar Geographics"),
    "streets": Basemap("Streets", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                       "&copy; OpenStreetMap contributors"),
}
DEFAULT_BASEMAP = "light"
# Middle East, when there is no data to fit the view to.
DEFAULT_BOUNDS = ((29.0, 34.0), (38.0, 49.0))

STYLE = """
<style>
.cm-legend {background: rgba(255,255,255,.92);
  padding: 6px 9px; border-radius: 6px; font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3);}
.cm-legend i {display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px;
  vertical-align: -1px; border: 1px solid #fff;}
.cm-legend i.cm-approx-key {background: transparent; border: 2px dashed #222;}
.cm-legend i.cm-path-key {width: 16px; height: 3px; border-radius: 0; border: 0; background: #B00020; vertical-align: 3px;}
.cm-popup {font: 13px/1.4 sans-serif; max-height: 320px; overflow-y: auto;}
.cm-popup .cm-title {font-weight: 600; margin-bottom: 4px;}
.cm-popup .cm-approx {color: #8a4b00; margin-bottom: 4px;}
.cm-popup th {text-align: left; vertical-align: top; padding-right: 8px; color: #555; font-weight: 500;}
.cm-popup td {white-space: pre-wrap; overflow-wrap: anywhere;}
.cm-arrow div {color: #B00020; font-size: 20px; line-height: 20px; text-align: center;
  text-shadow: 0 0 2px #fff;}
</style>
"""


def base_map(basemap: str = DEFAULT_BASEMAP, bounds=None, legend: bool = True, view=None) -> folium.Map:
    """A map fitted to ``bounds`` ((south, west), (north, east)) with ``basemap`` shown and the others one
    click away in the layer control. ``view`` (lat, lon, zoom), when given, opens the map there
    instead: a copied link must reopen its own centre and zoom, not the data's extent."""
    chosen = basemap if basemap in BASEMAPS else DEFAULT_BASEMAP
    (south, west), (north, east) = bounds or DEFAULT_BOUNDS
    location = [view.lat, view.lon] if view else [(south + north) / 2, (west + east) / 2]
    fig = folium.Map(location=location, zoom_start=view.zoom if view else 6, tiles=None,
                     control_scale=True, prefer_canvas=False)
    order = [chosen] + [k for k in BASEMAPS if k != chosen]
    for key in order:
        spec = BASEMAPS[key]
        folium.TileLayer(spec.tiles, attr=spec.attribution, name=spec.label, max_zoom=18,
                         show=key == chosen).add_to(fig)
    Fullscreen(position="topleft").add_to(fig)
    fig.get_root().header.add_child(Element(STYLE), name="cm_style")
    if legend:
        Legend().add_to(fig)
    if not view and (south != north or west != east):
        fig.fit_bounds([[south, west], [north, east]], max_zoom=9)
    return fig
