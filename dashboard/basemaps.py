"""The base map: drawn (offline) or tile base layers, fullscreen, scale, legend and styles.

Built once per dataset and base map, not per filter. The drawn base maps ("light", "dark") come
from data the product ships (``outlines``) and need no network; they are the default. Tile base maps
("streets", "satellite", or a local tile server from CONFLICTMAP_TILES) are fetched by the browser
only when the user picks one; when their tiles fail the map falls back to the drawn map of the same
tone by itself and says so in a short note (``BaseMapSwitch``). A base map picked in the map's own
layer control is reported back to the app (``REPORT_KEY`` in st_folium's ``selected_layers``), which
writes it into the URL.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import folium
from branca.element import Element, MacroElement
from folium.plugins import Fullscreen
from jinja2 import Template

from . import offline
from .legend import Legend


@dataclass(frozen=True)
class Basemap:
    label: str
    tiles: str | None  # None: drawn from shipped data, no network
    attribution: str
    tone: str  # "light" or "dark": which drawn map stands in when tiles fail


BASEMAPS: dict[str, Basemap] = {
    "light": Basemap("Light (offline)", None, "Boundaries: Who's On First, Natural Earth", "light"),
    "dark": Basemap("Dark (offline)", None, "Boundaries: Who's On First, Natural Earth", "dark"),
    "streets": Basemap("Streets (tiles)", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                       "&copy; OpenStreetMap contributors", "light"),
    "satellite": Basemap("Satellite (tiles)",
                         "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
                         "Tiles &copy; Esri, Maxar, Earthstar Geographics", "dark"),
    "local": Basemap("Local tiles", "", "Local tiles", "light"),  # CONFLICTMAP_TILES, when set
}
DEFAULT_BASEMAP = "light"
REPORT_KEY = "cm-base"  # the entry of st_folium's selected_layers that carries the base map picked in the map
MAX_ZOOM = 18
# Middle East, when there is no data to fit the view to.
DEFAULT_BOUNDS = ((29.0, 34.0), (38.0, 49.0))
FIT_MAX_ZOOM = 9  # a map fitted to the data's extent zooms in at most this far
# fit_bounds keeps the data clear of the legend (bottom right) and the controls (top left).
FIT_PADDING_TOP_LEFT = (50, 20)
FIT_PADDING_BOTTOM_RIGHT = (40, 40)


def available(environ=os.environ) -> dict[str, Basemap]:
    """The base maps this server offers: drawn ones always; tile ones unless CONFLICTMAP_OFFLINE is on;
    "local" only when CONFLICTMAP_TILES names a tile server (its template and attribution filled in)."""
    out = {k: v for k, v in BASEMAPS.items() if v.tiles is None}
    if not offline.offline_enabled(environ):
        out.update({k: v for k, v in BASEMAPS.items() if v.tiles})
    template = environ.get(offline.ENV_TILES, "").strip()
    if template:
        attribution = environ.get(offline.ENV_TILES_ATTRIBUTION, "").strip() or "Local tiles"
        out["local"] = Basemap("Local tiles", template, attribution, "light")
    return out


STYLE = """
<style>
.leaflet-container {background: #dfe6ea;}
.leaflet-container.cm-base-light {background: #dce5eb;}
.leaflet-container.cm-base-dark {background: #12171b;}
.cm-base-dark .leaflet-control-attribution, .cm-base-dark .leaflet-control-scale-line {
  background: rgba(30,34,39,.8); color: #d6dde3;}
.cm-base-dark .leaflet-control-attribution a {color: #9cc3e6;}
.cm-legend {background: rgba(255,255,255,.94); padding: 4px 8px; border-radius: 6px;
  font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 60vw;}
.cm-legend summary {cursor: pointer; font-weight: 600; list-style: revert;}
.cm-legend i {display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px;
  vertical-align: -1px; border: 1px solid #fff;}
.cm-legend i.cm-approx-key {background: transparent; border: 2px dashed #222;}
.cm-legend i.cm-draft-key {background: #fff; border: 3px dotted #444; width: 9px; height: 9px;}
.cm-legend i.cm-path-key {width: 16px; height: 3px; border-radius: 0; border: 0; background: #B00020; vertical-align: 3px;}
.cm-note {background: #fff8e1; color: #5d4300; padding: 3px 8px; border-radius: 4px;
  font: 12px/1.4 sans-serif; box-shadow: 0 1px 3px rgba(0,0,0,.3); max-width: 70vw;}
.cm-popup {font: 13px/1.4 sans-serif; max-height: calc(100vh - 110px); overflow-y: auto;}
.cm-popup .cm-title {font-weight: 600; margin-bottom: 4px;}
.cm-popup .cm-approx {color: #8a4b00; margin-bottom: 4px;}
.cm-popup th {text-align: left; vertical-align: top; padding-right: 8px; color: #555; font-weight: 500;}
.cm-popup td {white-space: pre-wrap; overflow-wrap: anywhere;}
/* A popup always fits inside the map (the map fills its frame: 100vw is the map's width). */
.leaflet-popup-content {max-width: calc(100vw - 64px); box-sizing: border-box;}
/* On a narrow map the attribution wraps beside the scale bar instead of covering it. */
.cm-narrow .leaflet-control-attribution {max-width: calc(100vw - 130px); white-space: normal;
  font-size: 10px; line-height: 1.3;}
/* On a narrow map an open popup sits above the controls: they step aside until it closes. */
.cm-narrow.cm-popup-open .leaflet-control-container .leaflet-top,
.cm-narrow.cm-popup-open .leaflet-control-container .leaflet-bottom {visibility: hidden;}
.cm-label span {position: absolute; transform: translate(-50%, -50%); white-space: nowrap;
  font: 11px/1.2 sans-serif; color: #3d4750; text-shadow: 0 0 2px #fff, 0 0 3px #fff;}
.cm-label-country span {font-size: 13px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: #55606a;}
.cm-label-admin1 span {font-style: italic; color: #6d7881;}
.cm-label-city span {font-size: 12px; font-weight: 600; color: #262d33;}
.cm-label-admin2 span {font-size: 10px; color: #87929b;}
.cm-base-dark .cm-label span {color: #c9d1d8; text-shadow: 0 0 2px #000, 0 0 3px #000;}
.cm-base-dark .cm-label-city span {color: #eef2f5;}
.cm-base-tiles .cm-label {display: none;}
.cm-arrow div {color: #B00020; font-size: 20px; line-height: 20px; text-align: center;
  text-shadow: 0 0 2px #fff;}
</style>
"""


class BaseMapSwitch(MacroElement):
    """Browser side of the base maps: a class on the map for the drawn map's colours, fallback from
    failing tiles to the drawn map of the same tone (with a note), the ``cm-narrow`` / ``cm-popup-open``
    classes the popup CSS uses, and the report of a base map picked in the layer control."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var layers = { {%- for key, name in this.layer_names %}{{ key|tojson }}: {{ name }}{{ "," if not loop.last }}{% endfor -%} };
            var kinds = {{ this.kinds|tojson }};
            var tones = {{ this.tones|tojson }};
            var box = map.getContainer();
            var quiet = false;
            function keyOf(layer) { for (var k in layers) { if (layers[k] === layer) { return k; } } return null; }
            function look(key) {
                box.classList.remove("cm-base-light", "cm-base-dark", "cm-base-tiles");
                box.classList.add(kinds[key] === "tiles" ? "cm-base-tiles" : "cm-base-" + key);
            }
            function narrow() { box.classList.toggle("cm-narrow", box.clientWidth < 600); }
            function note(text) {
                var ctl = L.control({position: "bottomleft"});
                ctl.onAdd = function () { var el = L.DomUtil.create("div", "cm-note"); el.textContent = text; return el; };
                ctl.addTo(map);
                setTimeout(function () { ctl.remove(); }, 12000);
            }
            function report(key) {
                var g = window.__GLOBAL_DATA__;
                if (!g || !g.selected_layers) { return; }
                g.selected_layers[{{ this.report_key|tojson }}] = {name: key, url: {{ this.report_key|tojson }}};
                map.fire("moveend");  // streamlit-folium sends its value on moveend
            }
            for (var k in layers) { if (map.hasLayer(layers[k])) { look(k); } }
            narrow();
            map.on("resize", narrow);
            map.on("popupopen", function () { box.classList.add("cm-popup-open"); });
            map.on("popupclose", function () { box.classList.remove("cm-popup-open"); });
            map.on("baselayerchange", function (e) {
                var key = keyOf(e.layer);
                if (key === null) { return; }
                look(key);
                if (!quiet) { report(key); }
            });
            Object.keys(layers).forEach(function (key) {
                if (kinds[key] !== "tiles") { return; }
                var layer = layers[key], loaded = 0, failed = 0;
                function fallBack() {
                    if (loaded > 0 || !map.hasLayer(layer)) { return; }
                    var to = tones[key];
                    quiet = true;
                    map.removeLayer(layer);
                    map.addLayer(layers[to]);
                    quiet = false;
                    look(to);
                    note("Map tiles could not load: showing the offline map instead.");
                }
                layer.on("tileload", function () { loaded += 1; });
                layer.on("tileerror", function () { failed += 1; if (failed >= 3) { fallBack(); } });
                layer.on("add", function () { setTimeout(fallBack, 10000); });
                if (map.hasLayer(layer)) { setTimeout(fallBack, 10000); }
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, layers: dict[str, folium.Layer], specs: dict[str, Basemap]):
        super().__init__()
        self._name = "BaseMapSwitch"
        self.layer_names = [(key, layer.get_name()) for key, layer in layers.items()]
        self.kinds = {key: "tiles" if specs[key].tiles else "drawn" for key in layers}
        self.tones = {key: specs[key].tone for key in layers}
        self.report_key = REPORT_KEY


def reported_basemap(selected_layers) -> str | None:
    """The base map key the map's own layer control reported (st_folium's ``selected_layers``), or None."""
    for item in selected_layers or []:
        if isinstance(item, dict) and item.get("url") == REPORT_KEY and isinstance(item.get("name"), str):
            return item["name"]
    return None


def drawn_layer(key: str, spec: Basemap, show: bool) -> folium.FeatureGroup:
    """A drawn base layer (empty here: ``DrawnBase`` fills it in the browser from the outlines)."""
    return folium.FeatureGroup(name=spec.label, overlay=False, show=show)


# Colours of the drawn base maps: land, borders (country, admin1, admin2); the sea and the countries
# without data take the map's background (STYLE).
TONES = {
    "light": {"land": "#f8f6f1", "country": "#5f6b75", "admin1": "#97a2ab", "admin2": "#c5ccd2"},
    "dark": {"land": "#262d33", "country": "#9aa6b0", "admin1": "#66727c", "admin2": "#434d56"},
}


class DrawnBase(MacroElement):
    """Browser side of the drawn base maps: the world's countries (Natural Earth, filled as land, borders
    as their outlines, under the nine), land, country and admin1 borders, admin2 borders from
    ``outlines.ADMIN2_FROM`` (fetched per country in view), labels by zoom (at most ``MAX_LABELS`` in
    view, in ``outlines.LABEL_ORDER``). Reads the outlines from the app's static folder (``src``), or
    from ``inline`` documents in a standalone file. Names reach the page through ``textContent``."""

    MAX_LABELS = 220
    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var groups = { {%- for key, name in this.groups %}{{ key|tojson }}: {{ name }}{{ "," if not loop.last }}{% endfor -%} };
            var src = {{ this.src|tojson }}, inline = {{ this.inline|tojson }}, tones = {{ this.tones|tojson }};
            var admin2From = {{ this.admin2_from }}, maxLabels = {{ this.max_labels }};
            // The world's countries under the nine's finer land, borders above both, names on top.
            [["cmWorld", 240], ["cmBase", 250], ["cmLabels", 350]].forEach(function (p) {
                if (!map.getPane(p[0])) {
                    var pane = map.createPane(p[0]);
                    pane.style.zIndex = p[1];
                    pane.style.pointerEvents = "none";
                }
            });
            var cache = {};
            function get(name) {
                if (inline) { return Promise.resolve(inline[name] || null); }
                if (!cache[name]) {
                    cache[name] = fetch(src + name + ".json").then(function (r) {
                        if (!r.ok) { throw new Error(name + ": " + r.status); }
                        return r.json();
                    });
                }
                return cache[name];
            }
            var warned = false;
            function failed() {
                if (warned) { return; }
                warned = true;
                var ctl = L.control({position: "bottomleft"});
                ctl.onAdd = function () {
                    var el = L.DomUtil.create("div", "cm-note");
                    el.textContent = "The offline base map's borders and names could not load.";
                    return el;
                };
                ctl.addTo(map);
            }
            Object.keys(groups).forEach(function (tone) {
                var group = groups[tone], c = tones[tone], land = null, names = null;
                var labels = L.layerGroup(), admin2 = L.layerGroup(), admin2Done = {};
                function line(color, weight, dash) {
                    return {pane: "cmBase", interactive: false, style: {color: color, weight: weight, dashArray: dash, fill: false}};
                }
                // All at once, each drawn as it arrives (names first: they are what a reader orients
                // by); land goes under the borders whichever comes first, the world under the nine's land
                // (its own pane). Admin2 is fetched only for the nine ``land`` features, never the world's.
                get("labels").then(function (doc) {
                    names = doc || [];
                    labels.addTo(group);
                    refresh();
                }).catch(failed);
                get("land").then(function (doc) {
                    land = doc;
                    L.geoJSON(doc, {pane: "cmBase", interactive: false, attribution: "Borders, places: Who's On First",
                                    style: {color: c.country, weight: 1.6, fillColor: c.land, fillOpacity: 1}})
                        .addTo(group).bringToBack();
                    refresh();
                }).catch(failed);
                get("world").then(function (doc) {
                    L.geoJSON(doc, {pane: "cmWorld", interactive: false, attribution: "Countries: Natural Earth",
                                    style: {color: c.country, weight: 1, fillColor: c.land, fillOpacity: 1}})
                        .addTo(group);
                }).catch(failed);
                get("admin1").then(function (doc) {
                    L.geoJSON(doc, line(c.admin1, 1, "4 3")).addTo(group);
                }).catch(failed);
                function showAdmin2(z, view) {
                    if (z < admin2From || !land) { group.removeLayer(admin2); return; }
                    admin2.addTo(group);
                    land.features.forEach(function (f) {
                        var cc = f.properties.country, b = f.properties.bbox;
                        if (admin2Done[cc] || !view.intersects([[b[0], b[1]], [b[2], b[3]]])) { return; }
                        admin2Done[cc] = true;
                        get("admin2-" + cc).then(function (doc) {
                            if (doc) { L.geoJSON(doc, line(c.admin2, 0.7)).addTo(admin2); }
                        }).catch(function () {});
                    });
                }
                function refresh() {
                    if (!map.hasLayer(group) || names === null) { return; }
                    var z = map.getZoom(), view = map.getBounds(), wide = view.pad(0.05), shown = 0;
                    showAdmin2(z, view);
                    labels.clearLayers();
                    var boxes = [];  // screen boxes of the labels placed so far: no label on another
                    function free(p, w, h) {
                        for (var k = 0; k < boxes.length; k++) {
                            var b = boxes[k];
                            if (Math.abs(b[0] - p.x) * 2 < b[2] + w && Math.abs(b[1] - p.y) * 2 < b[3] + h) { return false; }
                        }
                        boxes.push([p.x, p.y, w, h]);
                        return true;
                    }
                    for (var i = 0; i < names.length && shown < maxLabels; i++) {
                        var n = names[i];
                        if (z < n[4] || (n[3] === "country" && z > 8) || !wide.contains([n[0], n[1]])) { continue; }
                        var size = n[3] === "country" ? 9.5 : 6.6;
                        if (!free(map.latLngToContainerPoint([n[0], n[1]]), n[2].length * size + 6, 16)) { continue; }
                        var mark = L.marker([n[0], n[1]], {pane: "cmLabels", interactive: false, keyboard: false,
                            icon: L.divIcon({className: "cm-label cm-label-" + n[3], html: "<span></span>", iconSize: null})});
                        mark.addTo(labels);
                        mark.getElement().firstChild.textContent = n[2];
                        shown += 1;
                    }
                }
                map.on("zoomend moveend", refresh);
                group.on("add", refresh);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, groups: dict[str, folium.FeatureGroup], src: str | None, inline: dict | None = None):
        from . import outlines

        super().__init__()
        self._name = "DrawnBase"
        self.groups = [(key, group.get_name()) for key, group in groups.items()]
        self.src = src or ""
        self.inline = inline
        self.tones = TONES
        self.admin2_from = outlines.ADMIN2_FROM
        self.max_labels = self.MAX_LABELS


def outlines_source(standalone: bool = False) -> tuple[str | None, dict | None]:
    """(URL folder, inline documents) for ``DrawnBase``: the app's static files when they can be written,
    else (and for a standalone file) the documents inlined, admin2 left out for size."""
    from . import outlines

    if not standalone and outlines.ensure_files():
        return offline.served_prefix().replace("/vendor/", "/outlines/"), None
    docs = outlines.documents()
    return None, {name: docs[name] for name in outlines.NAMES}


def base_map(basemap: str = DEFAULT_BASEMAP, bounds=None, legend: bool = True, view=None,
             choices: dict[str, Basemap] | None = None, standalone: bool = False, drafts: bool = False) -> folium.Map:
    """A map fitted to ``bounds`` ((south, west), (north, east)) with ``basemap`` shown and the others one
    click away in the layer control. ``view`` (lat, lon, zoom), when given, opens the map there
    instead: a copied link must reopen its own centre and zoom, not the data's extent. ``drafts``: pending
    drafts are drawn, so the legend has a "Draft (not accepted)" entry."""
    choices = choices if choices is not None else available()
    chosen = basemap if basemap in choices else DEFAULT_BASEMAP
    (south, west), (north, east) = bounds or DEFAULT_BOUNDS
    location = [view.lat, view.lon] if view else [(south + north) / 2, (west + east) / 2]
    fig = folium.Map(location=location, zoom_start=view.zoom if view else 6, tiles=None,
                     control_scale=True, prefer_canvas=False)
    fig.options["max_zoom"] = MAX_ZOOM  # a drawn base map has no tile layer to give the map one (MarkerCluster needs it)
    layers: dict[str, folium.Layer] = {}
    for key in [chosen] + [k for k in choices if k != chosen]:
        spec = choices[key]
        if spec.tiles is None:
            layers[key] = drawn_layer(key, spec, show=key == chosen).add_to(fig)
        else:
            layers[key] = folium.TileLayer(spec.tiles, attr=spec.attribution, name=spec.label, max_zoom=MAX_ZOOM,
                                           show=key == chosen).add_to(fig)
    Fullscreen(position="topleft").add_to(fig)
    fig.get_root().header.add_child(Element(STYLE), name="cm_style")
    drawn = {key: layer for key, layer in layers.items() if choices[key].tiles is None}
    if drawn:
        DrawnBase(drawn, *outlines_source(standalone)).add_to(fig)
    BaseMapSwitch(layers, choices).add_to(fig)
    if legend:
        Legend(drafts).add_to(fig)
    if not view and (south != north or west != east):
        fig.fit_bounds([[south, west], [north, east]], max_zoom=FIT_MAX_ZOOM,
                       padding_top_left=FIT_PADDING_TOP_LEFT, padding_bottom_right=FIT_PADDING_BOTTOM_RIGHT)
    return fig
