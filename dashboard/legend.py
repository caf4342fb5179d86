"""The map legend as a Leaflet control, so it stays on the map in fullscreen and in the HTML download."""
from __future__ import annotations

from html import escape

from branca.element import MacroElement
from jinja2 import Template

from .palette import TYPE_COLOURS


def legend_html() -> str:
    """A dot per event type, plus how approximate places and attack paths look. Built from constants only."""
    items = "".join(f'<div><i style="background:{colour}"></i>{escape(name)}</div>'
                    for name, colour in TYPE_COLOURS.items())
    items += '<div><i class="cm-approx-key"></i>Approximate location</div>'
    items += '<div><i class="cm-path-key"></i>Attack path (origin → target)</div>'
    return items


class Legend(MacroElement):
    """Bottom-right legend control."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var box = L.DomUtil.create("div", "cm-legend");
                box.innerHTML = {{ this.html|tojson }};
                return box;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "Legend"
        self.html = legend_html()
