"""The map's data layers, built from a filtered event frame.

One folium object per layer, never one per event: every layer is a single ``GeoJson``
whose features carry the event data as properties (see ``map_js`` for how the browser
shows them safely). The base map stays put; only these layers change with the filters
(streamlit-folium's ``feature_group_to_add``).

The payload stays bounded at any size: above ``aggregate.THRESHOLD`` events in view the
events travel as counted hexagons (``aggregate``), below it as individual markers.
"""
from __future__ import annotations

import math

import folium
import numpy as np
from branca.element import MacroElement
from jinja2 import Template
import pandas as pd
from folium.plugins import HeatMap, MarkerCluster

from events.facts import SURE, has_coordinates
from events.schema import DATE_PRECISIONS, GEO_PRECISIONS
from events.validate import is_http_url

from . import aggregate, map_js
from .aggregate import Viewport
from .palette import colour_for

# Uncertainty ring radius (metres) by geo_precision, and for a geocoder match that is not sure.
RING_METRES = {2: 10_000, 3: 50_000}
UNSURE_METRES = 20_000
SURE_GEOCODES = SURE
PATH_COLOUR = "#B00020"
ARROW_AT = 0.6  # the direction arrow sits this far along the line, clear of the target marker
DRAFT_PREFIX = "draft-"  # the id of a pending draft on the map (dashboard.drafts_panel): drawn hollow, dotted

LAYER_NAMES = {
    "rings": "Location uncertainty",
    "paths": "Attack paths (origin → target)",
    "events": "Events",
    "heat": "Heat map",
    "hexagons": "Event density (hexagons)",
    "selected": "Selected event",
    "areas": "Admin areas",
    "drafts": "Drafts (not accepted)",
}


def safe_url(url: object) -> str:
    """``url`` when it is an http(s) address with a host (the same rule validation applies), else ""."""
    return url if isinstance(url, str) and url and is_http_url(url) else ""


def placed(frame: pd.DataFrame) -> pd.DataFrame:
    """The events that have coordinates (the others stay in the table, off the map)."""
    return frame[has_coordinates(frame)]


def uncertainty_metres(frame: pd.DataFrame) -> pd.Series:
    """Radius of doubt around each event's point: 0 when the place itself is known."""
    precision = frame["geo_precision"].astype("float64").fillna(1).astype(int)
    radius = precision.map(RING_METRES).fillna(0)
    unsure = ~frame["geo_status"].isin(SURE_GEOCODES)
    return radius.where(~unsure, np.maximum(radius, UNSURE_METRES)).astype(int)


def approximate_note(row) -> str:
    """Why a point is approximate, in words for the popup ("" when it is exact)."""
    parts = []
    precision = row["geo_precision"]
    if not pd.isna(precision) and int(precision) >= 2:
        parts.append(f"the source places it {GEO_PRECISIONS[int(precision)]}")
    status = row["geo_status"]
    if status not in SURE_GEOCODES:
        parts.append(f"geocoder match is {status}")
    return ("Approximate location: " + "; ".join(parts)) if parts else ""


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _actors(row) -> str:
    return " vs ".join(a for a in (_text(row["actor1"]), _text(row["actor2"])) if a)


def event_properties(row) -> dict:
    """Everything a popup and tooltip show for one event, as plain JSON values."""
    date = row["event_date"].strftime("%Y-%m-%d")
    dprec = row["date_precision"]
    if not pd.isna(dprec) and int(dprec) > 1:
        date += f" (within a {DATE_PRECISIONS[int(dprec)]})"
    fat = row["fatalities"]
    matched = _text(row.get("geo_name"))
    place = ", ".join(p for p in (_text(row["location"]), _text(row["admin1"]), _text(row["country"])) if p)
    rows = [
        ("Date", date),
        ("Actors", _actors(row)),
        ("Fatalities", "unknown" if pd.isna(fat) else str(int(fat))),
        ("Location", place),
        ("Matched to", f"{matched} ({row['geo_status']})" if matched else ""),
        ("Launched from", _text(row["origin_location"])),
        ("Notes", _text(row["notes"])),
        ("Event id", _text(row["event_id"])),
    ]
    kind = " — ".join(t for t in (_text(row["event_type"]), _text(row["sub_event_type"])) if t)
    props = {
        "eid": _text(row["event_id"]),
        "c": colour_for(row["event_type"]),
        "tip": f"{row['event_date']:%Y-%m-%d} · {_text(row['sub_event_type']) or _text(row['event_type'])}"
               f" · {_text(row['location'])}",
        "title": kind,
        "approx": approximate_note(row),
        "rows": [[label, value] for label, value in rows if value],
        "src": _text(row["source"]),
        "url": safe_url(row["source_url"]),
    }
    if props["eid"].startswith(DRAFT_PREFIX):
        props["d"] = 1      # a pending draft, not an event yet: its own marker and legend entry
    return props


def has_drafts(layer_data: dict) -> bool:
    """Are pending drafts drawn as markers in ``layer_data`` (``layer_data``'s), so the legend names them?"""
    return any((f.get("properties") or {}).get("d") for key in ("drafts", "events")
               for f in (layer_data.get(key) or {}).get("features", []))


def _point(lon: float, lat: float, properties: dict) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": properties}


def event_features(frame: pd.DataFrame) -> dict:
    """A FeatureCollection with one point per placed event."""
    rows = placed(frame)
    return {"type": "FeatureCollection", "features": [
        _point(r["longitude"], r["latitude"], event_properties(r)) for r in rows.to_dict("records")
    ]}


def ring_features(frame: pd.DataFrame) -> dict:
    """Uncertainty rings for the approximate events only."""
    rows = placed(frame)
    radius = uncertainty_metres(rows)
    rows, radius = rows[radius > 0], radius[radius > 0]
    return {"type": "FeatureCollection", "features": [
        _point(lon, lat, {"r": int(r), "c": colour_for(t)})
        for lon, lat, r, t in zip(rows["longitude"], rows["latitude"], radius, rows["event_type"])
    ]}


def _mercator_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def arrow_rotation(origin: tuple[float, float], target: tuple[float, float]) -> float:
    """CSS rotation (degrees, clockwise from east) of an arrow pointing origin -> target on screen."""
    (lat1, lon1), (lat2, lon2) = origin, target
    dx, dy = lon2 - lon1, _mercator_y(lat2) - _mercator_y(lat1)
    return round(-math.degrees(math.atan2(dy, dx)), 1)


def path_features(frame: pd.DataFrame) -> dict:
    """For events launched from elsewhere: a line origin -> target, an arrow on it, a dot at the origin."""
    rows = placed(frame)
    rows = rows[has_coordinates(rows, "origin_")]
    features = []
    style = {"color": PATH_COLOUR, "weight": 3, "opacity": 0.85}
    for r in rows.to_dict("records"):
        origin = (float(r["origin_latitude"]), float(r["origin_longitude"]))
        target = (float(r["latitude"]), float(r["longitude"]))
        tip = f"{_text(r['origin_location']) or 'origin'} → {_text(r['location'])} ({r['event_date']:%Y-%m-%d})"
        features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[origin[1], origin[0]], [target[1], target[0]]]},
            "properties": {"kind": "path", "tip": tip, "style": style},
        })
        lat = origin[0] + (target[0] - origin[0]) * ARROW_AT
        lon = origin[1] + (target[1] - origin[1]) * ARROW_AT
        features.append(_point(lon, lat, {"kind": "arrow", "rot": arrow_rotation(origin, target)}))
        features.append(_point(origin[1], origin[0], {"kind": "origin", "tip": f"Launched from {tip}"}))
    return {"type": "FeatureCollection", "features": features}


def heat_points(frame: pd.DataFrame) -> list[list[float]]:
    """[lat, lon, weight]: every event counts, deadly ones more (1 + log of fatalities)."""
    rows = placed(frame)
    weight = 1 + np.log1p(rows["fatalities"].astype("float64").fillna(0).to_numpy())
    return [[float(a), float(b), round(float(w), 3)]
            for a, b, w in zip(rows["latitude"], rows["longitude"], weight)]


def selected_feature(frame: pd.DataFrame, event_id: str | None) -> dict | None:
    """The selected event as a feature whose popup opens by itself, or None if it is not on the map."""
    if not event_id:
        return None
    rows = placed(frame[frame["event_id"] == event_id])
    if rows.empty:
        return None
    r = rows.iloc[0]
    props = event_properties(r)
    props["sel"] = props.pop("eid")
    props["open"] = True
    return _point(r["longitude"], r["latitude"], props)


def _fatalities(frame: pd.DataFrame) -> np.ndarray:
    return frame["fatalities"].to_numpy(dtype="float64", na_value=np.nan)


def layer_data(frame: pd.DataFrame, selected_from: pd.DataFrame | None = None,
               selected: str | None = None, viewport: Viewport | None = None,
               drafts: pd.DataFrame | None = None) -> dict:
    """Plain data (JSON-able, cacheable) for every layer. ``selected`` is looked up in ``selected_from``
    (default ``frame``), then in ``drafts``, so a selected event stays marked when the filters hide it.

    ``mode`` is "events" (one marker each) when the selection, or its part in ``viewport``, has at most
    ``aggregate.THRESHOLD`` events, else "hexagons"; ``shown`` counts the events drawn either way.
    ``drafts``: pending drafts (ids ``draft-D1`` ...), drawn one marker each in a layer of their own
    (never in the stored events' clusters or hexagons, never in ``shown``: nu14/M2), their attack paths
    with the others'."""
    viewport = viewport or Viewport()
    rows = placed(frame)
    lat, lon = rows["latitude"].to_numpy(dtype="float64"), rows["longitude"].to_numpy(dtype="float64")
    data = {"mode": "events", "shown": len(rows), "in_view": viewport.bounds is not None and
            len(rows) > aggregate.THRESHOLD, "cells": 0, "res": None, "breaks": [], "hexagons": None}
    if len(rows) > aggregate.THRESHOLD:
        view = aggregate.in_bounds(lat, lon, viewport.bounds)
        data["shown"] = int(view.sum())
        if data["shown"] <= aggregate.THRESHOLD:
            rows = rows[view]
        else:
            table, res = aggregate.hexagons(lat[view], lon[view], _fatalities(rows)[view],
                                            aggregate.resolution_for(viewport.zoom, viewport.bounds))
            lower = aggregate.breaks(table["events"].to_numpy())
            data.update(mode="hexagons", cells=len(table), res=res, breaks=lower,
                        hexagons=aggregate.cell_features(table, lower), heat=aggregate.heat_points(table))
            rows = rows.iloc[0:0]
    paths = path_features(rows)
    if drafts is not None and not drafts.empty:
        paths["features"] += path_features(drafts)["features"]
    chosen = selected_feature(frame if selected_from is None else selected_from, selected)
    if chosen is None and drafts is not None and selected and selected.startswith(DRAFT_PREFIX):
        chosen = selected_feature(drafts, selected)
    data.update(events=event_features(rows), rings=ring_features(rows), paths=paths, selected=chosen,
                drafts=event_features(drafts if drafts is not None else frame.iloc[0:0]))
    if "heat" not in data:
        data["heat"] = heat_points(rows)
    return data


def compact_cells(collection: dict) -> list[list[int]]:
    """``aggregate.cell_features`` as short integer rows for the browser, about a quarter of the
    GeoJSON's bytes: ``[events, fatalities, colour index, lat0, lon0, dlat1, dlon1, ...]``, the
    first vertex in 1e-4 degrees (about 11 m, the GeoJSON's own rounding), the others as steps from
    the one before (the closing vertex left out)."""
    colours = {c: k for k, c in enumerate(aggregate.COLOURS)}
    rows = []
    for feature in collection["features"]:
        props, ring = feature["properties"], feature["geometry"]["coordinates"][0][:-1]
        points = [(round(lat * 1e4), round(lon * 1e4)) for lon, lat in ring]
        row = [int(props["n"]), int(props["f"]), colours.get(props["c"], 0), *points[0]]
        for (lat0, lon0), (lat1, lon1) in zip(points, points[1:]):
            row += [lat1 - lat0, lon1 - lon0]
        rows.append(row)
    return rows


class HexagonCells(MacroElement):
    """The hexagon layer drawn in the browser from ``compact_cells`` rows: each cell a polygon in
    its class colour with a tooltip of its two numbers (numbers and fixed words only: no data text)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group) {
            var colours = {{ this.colours|tojson }}, rows = {{ this.rows|tojson }};
            rows.forEach(function (r) {
                var lat = r[3], lon = r[4], ring = [[lat / 1e4, lon / 1e4]];
                for (var k = 5; k + 1 < r.length; k += 2) { lat += r[k]; lon += r[k + 1]; ring.push([lat / 1e4, lon / 1e4]); }
                var c = colours[r[2]];
                L.polygon(ring, {color: c, weight: 1, opacity: 0.9, fillColor: c, fillOpacity: 0.55})
                    .bindTooltip(Number(r[0]).toLocaleString("en-US") + " events \u00b7 "
                                 + Number(r[1]).toLocaleString("en-US") + " fatalities")
                    .addTo(group);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, collection: dict):
        super().__init__()
        self._name = "HexagonCells"
        self.colours = list(aggregate.COLOURS)
        self.rows = compact_cells(collection)


def layers_from_data(data: dict, heat: bool = False) -> list[folium.FeatureGroup]:
    """Feature groups for st_folium: rings, attack paths, clustered events, heat (optional), selection."""
    rings = folium.FeatureGroup(name=LAYER_NAMES["rings"])
    folium.GeoJson(data["rings"], pointToLayer=map_js.UNCERTAINTY_RING).add_to(rings)

    paths = folium.FeatureGroup(name=LAYER_NAMES["paths"])
    folium.GeoJson(data["paths"], pointToLayer=map_js.PATH_POINT,
                   on_each_feature=map_js.POPUP_AND_TOOLTIP).add_to(paths)

    events = folium.FeatureGroup(name=LAYER_NAMES["events"])
    cluster = MarkerCluster(options={"maxClusterRadius": 40, "disableClusteringAtZoom": 10,
                                     "spiderfyOnMaxZoom": True}).add_to(events)
    folium.GeoJson(data["events"], pointToLayer=map_js.EVENT_MARKER,
                   on_each_feature=map_js.POPUP_AND_TOOLTIP).add_to(cluster)

    layers = [rings, paths, events]
    if (data.get("drafts") or {}).get("features"):   # on top of the events, never clustered with them
        drafts = folium.FeatureGroup(name=LAYER_NAMES["drafts"])
        folium.GeoJson(data["drafts"], pointToLayer=map_js.EVENT_MARKER,
                       on_each_feature=map_js.POPUP_AND_TOOLTIP).add_to(drafts)
        layers.append(drafts)
    if data.get("hexagons") is not None:
        hexes = folium.FeatureGroup(name=LAYER_NAMES["hexagons"])
        HexagonCells(data["hexagons"]).add_to(hexes)
        layers.insert(0, hexes)
    if heat:
        heat_group = folium.FeatureGroup(name=LAYER_NAMES["heat"])
        if data["heat"]:
            HeatMap(data["heat"], radius=22, blur=18, min_opacity=0.35).add_to(heat_group)
        layers.append(heat_group)
    if data["selected"] is not None:
        sel = folium.FeatureGroup(name=LAYER_NAMES["selected"])
        folium.GeoJson({"type": "FeatureCollection", "features": [data["selected"]]},
                       pointToLayer=map_js.SELECTED_MARKER, on_each_feature=map_js.POPUP_AND_TOOLTIP).add_to(sel)
        layers.append(sel)
    return layers


def build_layers(frame: pd.DataFrame, selected: str | None = None, heat: bool = False,
                 viewport: Viewport | None = None) -> list[folium.FeatureGroup]:
    """The data layers for ``frame`` in one call (the app caches ``layer_data`` separately)."""
    return layers_from_data(layer_data(frame, selected=selected, viewport=viewport), heat=heat)


def area_layer(collection: dict) -> folium.FeatureGroup:
    """The admin-area choropleth (``areas.features``) as one GeoJson layer: tooltips, clicks reported."""
    group = folium.FeatureGroup(name=LAYER_NAMES["areas"])
    folium.GeoJson(collection, style=map_js.AREA_STYLE, on_each_feature=map_js.POPUP_AND_TOOLTIP).add_to(group)
    return group
