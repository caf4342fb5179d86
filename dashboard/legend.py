"""The map legend as a Leaflet control, so it stays on the map in fullscreen and in the HTML download.

It folds: a "Legend" line that opens on a click. It starts open only on a map wide enough
(``OPEN_FROM_PX``) for it not to hide markers, folded on a phone."""
from __future__ import annotations

from html import escape

from branca.element import MacroElement
from jinja2 import Template

from .palette import TYPE_COLOURS


DRAFT_LABEL = "Draft (not accepted)"


def legend_html(drafts: bool = False) -> str:
    """A dot per event type, plus how approximate places and attack paths look, and with ``drafts`` (pending
    drafts on the map) how a draft looks. Built from constants only."""
    items = "".join(f'<div><i style="background:{colour}"></i>{escape(name)}</div>'
                    for name, colour in TYPE_COLOURS.items())
    items += '<div><i class="cm-approx-key"></i>Approximate location</div>'
    items += '<div><i class="cm-path-key"></i>Attack path (origin → target)</div>'
    if drafts:
        items += f'<div class="cm-draft-row"><i class="cm-draft-key"></i>{escape(DRAFT_LABEL)}</div>'
    return items


OPEN_FROM_PX = 1100  # folded on a laptop (it hid markers there) and a phone; open on a big screen


class Legend(MacroElement):
    """Bottom-right legend control, a <details> element: folded on narrow maps."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function (map) {
                var box = L.DomUtil.create("details", "cm-legend");
                var summary = L.DomUtil.create("summary", "", box);
                summary.textContent = "Legend";
                var items = L.DomUtil.create("div", "", box);
                items.innerHTML = {{ this.html|tojson }};
                box.open = map.getContainer().clientWidth >= {{ this.open_from }};
                L.DomEvent.disableClickPropagation(box);
                return box;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, drafts: bool = False):
        super().__init__()
        self._name = "Legend"
        self.html = legend_html(drafts)
        self.open_from = OPEN_FROM_PX
