"""Offline mode: the map works on a machine with no internet.

folium points every map at CDNs (Leaflet, jQuery, Bootstrap, icon fonts, plugins)
and at a remote tile server. With offline mode on, the app serves vendored
copies of those files itself and the base map falls back to a plain
background, or to a tile source the user runs locally.

Settings (environment variables):
  CONFLICTMAP_OFFLINE=1                 switch offline mode on (also: true/yes/on)
  CONFLICTMAP_TILES=<url template>      optional local tiles, e.g.
                                        http://127.0.0.1:8080/{z}/{x}/{y}.png
  CONFLICTMAP_TILES_ATTRIBUTION=<text>  attribution shown for those tiles

The vendored files come from the npm packages pinned in vendor/package.json
(`npm ci --prefix vendor`), copied by scripts/vendor_assets.py into
dashboard/static/vendor/, which Streamlit serves under /app/static/ when
`server.enableStaticServing` is true. vendor/assets.json says which file
stands in for which CDN URL.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping
from urllib.parse import urlsplit

import branca.colormap
import folium
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

ENV_OFFLINE = "CONFLICTMAP_OFFLINE"
ENV_TILES = "CONFLICTMAP_TILES"
ENV_TILES_ATTRIBUTION = "CONFLICTMAP_TILES_ATTRIBUTION"

REPO_ROOT = Path(__file__).resolve().parents[1]
MANIFEST_PATH = REPO_ROOT / "vendor" / "assets.json"
STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"

OFFLINE_BACKGROUND = "#e8edf0"
OFFLINE_BASEMAP_CLASS = "conflictmap-offline-basemap"
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


class OfflineAssetError(RuntimeError):
    """A file the offline map needs has no vendored copy."""


def offline_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether CONFLICTMAP_OFFLINE asks for the no-network map."""
    return environ.get(ENV_OFFLINE, "").strip().lower() in {"1", "true", "yes", "on"}


def load_manifest() -> list[dict]:
    """The vendored packages: source, target folder, files, CDN URLs replaced."""
    return json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["packages"]


@lru_cache(maxsize=1)
def vendored_paths() -> dict[str, str]:
    """CDN URL -> path of its copy relative to VENDOR_DIR."""
    return {
        url: f"{package['target']}/{relative}"
        for package in load_manifest()
        for url, relative in package["urls"].items()
    }


def served_prefix() -> str:
    """URL path under which Streamlit serves VENDOR_DIR (honours server.baseUrlPath)."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static/vendor/" if base else "/app/static/vendor/"


def local_url(url: str) -> str:
    """The app-served URL standing in for a CDN URL; raises if there is no copy."""
    if url.startswith(served_prefix()):
        return url
    relative = vendored_paths().get(url)
    if relative is None:
        raise OfflineAssetError(
            f"No vendored copy of {url}: add its npm package to vendor/package.json "
            f"and the URL to {MANIFEST_PATH.relative_to(REPO_ROOT)}."
        )
    _require_file(VENDOR_DIR / relative)
    return served_prefix() + relative


def localize(fig: Element, drop_remote_tiles: bool = True) -> Element:
    """Point every JS/CSS link of the figure at the app's copies and drop remote tiles.

    Works in place on a folium Map, Figure or FeatureGroup (and returns it), so
    both `st_folium` (which reads each element's default_js/default_css) and a
    plain render use the local files. Groups passed to st_folium's
    feature_group_to_add need their own call.
    """
    root = fig.get_root()
    for element in list(_walk(root)):
        if isinstance(element, branca.colormap.ColorMap):
            raise OfflineAssetError(
                "A branca colormap is on the map: st_folium loads d3 for it from a "
                "CDN no matter what. In offline mode draw the legend outside the map."
            )
        if isinstance(element, JSCSSMixin):
            element.default_js = [(n, local_url(u)) for n, u in element.default_js]
            element.default_css = [(n, local_url(u)) for n, u in element.default_css]
        if isinstance(element, (JavascriptLink, CssLink)) and _is_remote(element.url):
            element.url = local_url(element.url)
        if isinstance(element, folium.Map) and drop_remote_tiles:
            _degrade_base_map(element)
    return fig


def standalone_html(fig: Element, keep_remote_tiles: bool = False) -> str:
    """The map as one HTML file with every script, style, image and font inlined.

    It opens on an air-gapped laptop: no <script src> or stylesheet link is left.
    Icon fonts keep only their woff2 variant, which every current browser reads.
    keep_remote_tiles leaves the tile layers in: shown when the reader is online,
    and a failed tile leaves just Leaflet's grey background when not.
    """
    localize(fig, drop_remote_tiles=not keep_remote_tiles)
    html = fig.get_root().render()
    html = _SCRIPT_SRC.sub(lambda m: _inline_script(m.group(1)), html)
    return _STYLESHEET_LINK.sub(lambda m: _inline_stylesheet(m.group(1)), html)


class OfflineBaseMap(folium.MacroElement):
    """Plain background plus a note in the attribution, instead of blank tiles."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>.leaflet-container.{{ this.css_class }} { background: {{ this.background }}; }</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            map.getContainer().classList.add({{ this.css_class|tojson }});
            if (map.attributionControl) {
                map.attributionControl.addAttribution("Offline mode: no base map");
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, background: str = OFFLINE_BACKGROUND):
        super().__init__()
        self._name = "OfflineBaseMap"
        self.background = background
        self.css_class = OFFLINE_BASEMAP_CLASS


def _degrade_base_map(m: folium.Map) -> None:
    """Remove remote tile layers; add local tiles if configured, else a plain background.

    Without tiles the map must carry its own maxZoom (tile layers normally give
    it one), or MarkerCluster refuses to start ("Map has no maxZoom specified").
    """
    max_zooms = []
    for name, child in list(m._children.items()):
        remote_tiles = isinstance(child, folium.TileLayer) and _is_remote(child.tiles)
        remote_wms = isinstance(child, folium.WmsTileLayer) and _is_remote(child.url)
        if remote_tiles or remote_wms:
            max_zooms.append(child.options.get("max_zoom", 18))
            del m._children[name]
    m.options.setdefault("max_zoom", max(max_zooms, default=18))
    if any(isinstance(c, (folium.TileLayer, OfflineBaseMap)) for c in m._children.values()):
        return
    template = os.environ.get(ENV_TILES, "").strip()
    if template:
        attribution = os.environ.get(ENV_TILES_ATTRIBUTION, "").strip() or "Local tiles"
        folium.TileLayer(tiles=template, attr=attribution, name="Local tiles").add_to(m)
    else:
        OfflineBaseMap().add_to(m)


def _walk(element: Element) -> Iterator[Element]:
    yield element
    if isinstance(element, Figure):
        for section in (element.header, element.html, element.script):
            yield from _walk(section)
    for child in list(element._children.values()):
        yield from _walk(child)


def _is_remote(url: str) -> bool:
    parts = urlsplit(url.strip())
    remote_scheme = parts.scheme in {"http", "https"} or url.strip().startswith("//")
    return remote_scheme and (parts.hostname or "") not in _LOCAL_HOSTS


def _require_file(path: Path) -> Path:
    if not path.is_file():
        raise OfflineAssetError(
            f"Vendored file {path} is missing: run `npm ci --prefix vendor` and "
            "`python scripts/vendor_assets.py` (both part of `make vendor`)."
        )
    return path


def _file_for(url: str) -> Path:
    """The vendored file behind a served or CDN URL."""
    relative = url.removeprefix(served_prefix()) if url.startswith(served_prefix()) else None
    if relative is None:
        relative = vendored_paths().get(url)
    if relative is None:
        raise OfflineAssetError(f"Cannot inline {url}: it is not a vendored file.")
    return _require_file(VENDOR_DIR / relative)


_SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=[\"']([^\"']+)[\"'][^>]*>\s*</script>", re.I)
_STYLESHEET_LINK = re.compile(
    r"<link\b(?=[^>]*\brel=[\"']stylesheet[\"'])[^>]*\bhref=[\"']([^\"']+)[\"'][^>]*>", re.I
)
_SOURCE_MAP = re.compile(r"(//[#@] sourceMappingURL=\S*|/\*[#@] sourceMappingURL=[^*]*\*/)")
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.I)
_SRC_DECLARATION = re.compile(r"(?<![-\w])src\s*:\s*[^;}]+;?", re.I)
_CSS_URL = re.compile(r"url\(\s*([\"']?)([^\"')]+)\1\s*\)")


def _inline_script(url: str) -> str:
    path = _file_for(url)
    code = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.I)
    extra = _leaflet_icon_fix(path) if path.name == "leaflet.js" else ""
    return f"<script>/* {path.relative_to(VENDOR_DIR)} */\n{code}\n{extra}</script>"


def _leaflet_icon_fix(leaflet_js: Path) -> str:
    """Leaflet finds its marker images via leaflet.css's URL, which an inlined copy lacks."""
    images = leaflet_js.parent / "images"
    options = {
        "iconUrl": _data_uri(images / "marker-icon.png"),
        "iconRetinaUrl": _data_uri(images / "marker-icon-2x.png"),
        "shadowUrl": _data_uri(images / "marker-shadow.png"),
    }
    return f"L.Icon.Default.mergeOptions({json.dumps(options)});\n"


def _inline_stylesheet(url: str) -> str:
    path = _file_for(url)
    css = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    css = _FONT_FACE.sub(lambda m: _keep_woff2_only(m.group(0)), css)
    css = _CSS_URL.sub(lambda m: _inline_css_url(m, path.parent), css)
    return f"<style>/* {path.relative_to(VENDOR_DIR)} */\n{css}\n</style>"


def _keep_woff2_only(font_face: str) -> str:
    """Drop the eot/ttf/svg/woff sources of a font that also has a woff2 one."""
    if ".woff2" not in font_face:
        return font_face

    def keep(declaration: re.Match) -> str:
        value = declaration.group(0).split(":", 1)[1].rstrip(";")
        woff2 = [item for item in value.split(",") if ".woff2" in item]
        return f"src:{','.join(woff2)};" if woff2 else ""

    return _SRC_DECLARATION.sub(keep, font_face)


def _inline_css_url(match: re.Match, css_dir: Path) -> str:
    target = match.group(2).strip()
    if target.startswith(("data:", "#")):
        return match.group(0)
    if _is_remote(target):
        raise OfflineAssetError(f"Stylesheet in {css_dir} loads {target} from the network.")
    file_part = re.split(r"[?#]", target, maxsplit=1)[0]
    return f'url("{_data_uri(_require_file((css_dir / file_part).resolve()))}")'


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
