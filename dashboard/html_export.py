"""The standalone HTML map: the selection's layers drawn on the base map, every script inlined,
titled with what it shows (filters, data, when it was made), so it opens and explains itself on an
air-gapped laptop."""
from __future__ import annotations

import datetime as dt
import json
from html import escape

import folium
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from . import basemaps, offline
from .basemaps import base_map
from .filters import Filters, describe
from .map_layers import build_layers

TITLE = "Conflict event map"


def caption_lines(frame: pd.DataFrame, filters: Filters | None, source: str, made: dt.datetime) -> list[str]:
    """What the file says about itself, as plain text lines (escaped when put on the page)."""
    return [
        f"{TITLE}: {len(frame):,} event" + ("" if len(frame) == 1 else "s"),
        "Filters: " + (describe(filters) if filters is not None else "none"),
        "Data: " + (source or "the dashboard's dataset") + "; each event's source is in its popup",
        f"Made {made:%Y-%m-%d %H:%M} UTC",
    ]


def _inert(text: str) -> str:
    """HTML-escaped text that no Jinja pass can run ("{" written as an entity)."""
    return escape(text).replace("{", "&#123;").replace("}", "&#125;")


class Caption(MacroElement):
    """A box at the top right of the map with the file's title, filters, data and time; a click on the
    title folds the rest away (nu12: at 1366x768 the box covered the map's top right, over an attack arrow)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var ctl = L.control({position: "topright"});
            ctl.onAdd = function () {
                var box = L.DomUtil.create("div", "cm-legend cm-caption");
                box.style.maxWidth = "min(22rem, 45vw)";
                box.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(box);
                return box;
            };
            ctl.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, lines: list[str]):
        super().__init__()
        self._name = "Caption"
        head, *rest = lines
        self.html = (f"<details open><summary style='cursor:pointer'><b>{_inert(head)}</b></summary>"
                     + "".join(f"<div>{_inert(line)}</div>" for line in rest) + "</details>")


def map_figure(frame: pd.DataFrame, basemap: str, bounds, selected: str | None = None,
               heat: bool = False) -> folium.Map:
    """The dashboard's map with the selection's layers drawn straight on it. Offline mode offers
    only the drawn base maps (tiles could not load)."""
    choices = basemaps.available()
    if offline.offline_enabled():
        choices = {k: v for k, v in choices.items() if v.tiles is None}
    fig = base_map(basemap, bounds, choices=choices, standalone=True)
    for layer in build_layers(frame, selected=selected, heat=heat):
        layer.add_to(fig)
    folium.LayerControl(collapsed=True).add_to(fig)
    return fig


def map_html(frame: pd.DataFrame, basemap: str, bounds, selected: str | None = None, heat: bool = False,
             filters: Filters | None = None, source: str = "", made: dt.datetime | None = None) -> bytes:
    """One HTML file, every script inlined, titled "Conflict event map: N events (filters)", with a caption
    box naming its filters, data source and when it was made (``made``, default now, UTC).
    Raises offline.OfflineAssetError naming a missing vendored file."""
    made = made or dt.datetime.now(dt.timezone.utc)
    lines = caption_lines(frame, filters, source, made)
    fig = map_figure(frame, basemap, bounds, selected, heat)
    fig.get_root().header.add_child(Element(f"<title>{_inert(lines[0] + ' — ' + lines[1])}</title>"), name="cm_title")
    Caption(lines).add_to(fig)
    held = _hold_back_data(fig)
    html = offline.standalone_html(fig)
    for placeholder, data in held.items():
        html = html.replace(placeholder, data)
    return html.encode("utf-8")


# A folium render runs each layer's script through Jinja twice (branca wraps the rendered text in a
# new Template), so "{{ ... }}" in an event's notes would run as template code on this server. The
# event data therefore goes in only after rendering, with Jinja's openers written as JSON escapes.
_JINJA_OPENERS = (("{{", "{\\u007b"), ("{%", "{\\u0025"), ("{#", "{\\u0023"))


def _jinja_inert_json(data) -> str:
    """``data`` as Jinja's ``tojson`` writes it (safe inside <script>), with no Jinja opener left in it.
    Outside strings JSON never has "{{", "{%" or "{#", so only string contents change, to equal escapes."""
    text = str(htmlsafe_json_dumps(data))
    for opener, escaped in _JINJA_OPENERS:
        text = text.replace(opener, escaped)
    return text


def _walk(element):
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def _hold_back_data(fig: folium.Map) -> dict[str, str]:
    """Swap every embedded GeoJSON layer's data for a placeholder; returns {placeholder as rendered: JSON}."""
    held = {}
    for element in list(_walk(fig)):
        if isinstance(element, folium.GeoJson) and element.embed and not isinstance(element.data, str):
            token = f"conflictmap-data-{element.get_name()}"
            held[json.dumps(token)] = _jinja_inert_json(element.data)
            element.data = token
    return held


