"""The browser-side functions the map layers run, as fixed strings.

Event data never enters these strings: it reaches the browser only as GeoJSON feature
properties (embedded by folium with ``tojson``, which escapes ``<``, ``>`` and ``&``), and
these functions put it on the page with ``textContent``. No data ever passes through
``innerHTML`` or a JavaScript template literal, so markup or script in a record stays text.
"""
from __future__ import annotations

from folium import JsCode

# Tooltip and popup for any feature carrying ``tip`` / ``title`` / ``rows`` / ``src`` / ``url``.
# The tooltip is a DOM node, not a string: streamlit-folium reads a string tooltip back through
# innerHTML, so a string would be parsed as markup.
POPUP_AND_TOOLTIP = JsCode("""
function (feature, layer) {
    var p = feature.properties || {};
    function text(tag, value, cls) {
        var el = document.createElement(tag);
        el.textContent = (value === null || value === undefined) ? "" : String(value);
        if (cls) { el.className = cls; }
        return el;
    }
    if (p.tip) { layer.bindTooltip(text("span", p.tip)); }
    if (!p.title) { return; }
    layer.bindPopup(function () {
        var box = document.createElement("div");
        box.className = "cm-popup";
        box.appendChild(text("div", p.title, "cm-title"));
        if (p.approx) { box.appendChild(text("div", p.approx, "cm-approx")); }
        var table = document.createElement("table");
        (p.rows || []).forEach(function (row) {
            var tr = document.createElement("tr");
            tr.appendChild(text("th", row[0]));
            tr.appendChild(text("td", row[1]));
            table.appendChild(tr);
        });
        if (p.src || p.url) {
            var tr = document.createElement("tr");
            tr.appendChild(text("th", "Source"));
            var td = document.createElement("td");
            if (typeof p.url === "string" && /^https?:\\/\\//i.test(p.url)) {
                var a = text("a", p.src || p.url);
                a.href = p.url;
                a.target = "_blank";
                a.rel = "noopener noreferrer";
                td.appendChild(a);
            } else {
                td.textContent = p.src;
            }
            tr.appendChild(td);
            table.appendChild(tr);
        }
        box.appendChild(table);
        return box;
    }, {maxWidth: 380, autoPan: !p.open, autoPanPaddingTopLeft: [52, 60], autoPanPaddingBottomRight: [12, 40]});
    if (p.open) {
        // The selected event's popup opens without moving the map (a link's view is exact), as tall
        // as the room above its marker allows; near the map's side it slides sideways to stay inside
        // (its tip still on the marker). Redone whenever the map is resized or moved.
        var laidOut = -1;  // the popup width Leaflet last laid out (it keeps it until update())
        var place = function (depth) {
            var map = layer._map, popup = layer.getPopup();
            if (!map || !popup || !popup.isOpen()) { return; }
            var el = popup.getElement(), w = el.offsetWidth, width = map.getSize().x;
            var left = map.latLngToContainerPoint(layer.getLatLng()).x - w / 2, dx = 0;
            // Clear of the zoom/fullscreen buttons (left) and the layer button (right) where they
            // show; a narrow map hides them while a popup is open, so 4 px do there.
            var side = map.getContainer().classList.contains("cm-narrow") || w + 108 > width ? 4 : 54;
            if (w + 8 <= width) {
                if (left < side) { dx = side - left; } else if (left + w > width - side) { dx = width - side - left - w; }
            }
            dx = Math.round(dx);
            var tip = el.querySelector(".leaflet-popup-tip-container");
            if (tip) { tip.style.marginLeft = (-20 - dx) + "px"; }
            // The content wraps to its final width after opening: Leaflet centres the popup on the
            // width it measured then, so lay it out again whenever the width or the shift changed.
            if (!popup.options.offset || L.point(popup.options.offset).x !== dx || laidOut !== w) {
                popup.options.offset = L.point(dx, 7);
                popup.update();
                laidOut = el.offsetWidth;
                if (depth < 2 && laidOut !== w) { place(depth + 1); }
            }
        };
        var fit = function () { place(0); };
        layer.on("add", function () {
            setTimeout(function () {
                var map = layer._map;
                if (!map) { return; }
                var y = map.latLngToContainerPoint(layer.getLatLng()).y;
                layer.getPopup().options.maxHeight = Math.max(120, Math.round(y - 70));
                layer.openPopup();
                fit();
                setTimeout(fit, 300);  // again once the popup's content has its final width
                var el = layer.getPopup().getElement();
                if (el && window.ResizeObserver) {  // and whenever its size changes (fonts, wrapping)
                    new ResizeObserver(function () { requestAnimationFrame(fit); }).observe(el);
                }
                map.on("resize moveend", fit);
            }, 0);
        });
        layer.on("remove", function (e) { if (e.target._map) { e.target._map.off("resize moveend", fit); } });
    }
}
""")

# An event: a dot in its type's colour; approximate places get a dashed dark outline and a paler fill.
# A pending draft (``d``) is hollow: a white dot in a thick dotted ring of its type's colour.
EVENT_MARKER = JsCode("""
function (feature, latlng) {
    var p = feature.properties;
    if (p.d) {
        return L.circleMarker(latlng, {
            radius: 8, color: p.c, weight: 3, dashArray: "2 3", fillColor: "#ffffff", fillOpacity: 0.9,
            className: "cm-draft-marker"
        });
    }
    return L.circleMarker(latlng, {
        radius: 7,
        color: p.approx ? "#222222" : "#ffffff",
        weight: p.approx ? 2 : 1,
        dashArray: p.approx ? "3 3" : null,
        fillColor: p.c,
        fillOpacity: p.approx ? 0.45 : 0.9
    });
}
""")

# The uncertainty ring around an approximate place: its radius in metres, no mouse events.
UNCERTAINTY_RING = JsCode("""
function (feature, latlng) {
    var p = feature.properties;
    return L.circle(latlng, {
        radius: Number(p.r) || 0, color: p.c, weight: 1, dashArray: "4 4",
        fillOpacity: 0.06, interactive: false
    });
}
""")

# Attack paths: the origin as a hollow dot, the direction as an arrow rotated along the line.
PATH_POINT = JsCode("""
function (feature, latlng) {
    var p = feature.properties;
    if (p.kind === "arrow") {
        var angle = Number(p.rot) || 0;
        return L.marker(latlng, {
            interactive: false, keyboard: false,
            icon: L.divIcon({
                className: "cm-arrow", iconSize: [20, 20], iconAnchor: [10, 10],
                html: '<div style="transform: rotate(' + angle + 'deg)">&#10148;</div>'
            })
        });
    }
    return L.circleMarker(latlng, {radius: 5, color: "#B00020", weight: 2, fillColor: "#ffffff", fillOpacity: 1});
}
""")

# The selected event: a thick ring drawn over its marker.
SELECTED_MARKER = JsCode("""
function (feature, latlng) {
    return L.circleMarker(latlng, {radius: 15, color: "#FFD400", weight: 4, fill: false});
}
""")

# A hexagon of the aggregated view: filled in its density colour (``c``, one of a fixed palette).
HEXAGON_STYLE = JsCode("""
function (feature) {
    var c = feature.properties.c;
    return {color: c, weight: 1, opacity: 0.9, fillColor: c, fillOpacity: 0.55};
}
""")

# An admin area of the choropleth: filled in its class colour (``c``, one of a fixed palette).
AREA_STYLE = JsCode("""
function (feature) {
    var c = feature.properties.c;
    return {color: "#6b4a00", weight: 1, opacity: 0.7, fillColor: c, fillOpacity: 0.5};
}
""")
