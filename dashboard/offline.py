"""The map's scripts come from this app, never from a CDN, in every mode.

folium points every map at CDNs (Leaflet, jQuery, Bootstrap, icon fonts, plugins). ``localize``
drops the files the dashboard's maps never use (folium's default jQuery, Bootstrap, Font Awesome,
glyphicons and awesome-markers) and points the rest at the copies committed under
dashboard/static/vendor/ (with their licences), which Streamlit serves under /app/static/
(``server.enableStaticServing`` in .streamlit/config.toml). vendor/assets.json says which file
stands in for which CDN URL; ``make vendor`` refreshes the copies from the npm registry.

Settings (environment variables):
  CONFLICTMAP_OFFLINE=1                 offer no remote tile base map at all (also: true/yes/on);
                                        the drawn base maps (basemaps.py) need nothing remote
  CONFLICTMAP_TILES=<url template>      a local tile server offered as a base map, e.g.
                                        http://127.0.0.1:8080/{z}/{x}/{y}.png
  CONFLICTMAP_TILES_ATTRIBUTION=<text>  attribution shown for those tiles
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
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin

ENV_OFFLINE = "CONFLICTMAP_OFFLINE"
ENV_TILES = "CONFLICTMAP_TILES"
ENV_TILES_ATTRIBUTION = "CONFLICTMAP_TILES_ATTRIBUTION"

REPO_ROOT = Path(__file__).resolve().parents[1]
MANIFEST_PATH = REPO_ROOT / "vendor" / "assets.json"
STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"

_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


class OfflineAssetError(RuntimeError):
    """A file the offline map needs has no vendored copy."""


def offline_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether CONFLICTMAP_OFFLINE asks for the no-network map."""
    return environ.get(ENV_OFFLINE, "").strip().lower() in {"1", "true", "yes", "on"}


# folium.Map's default files that no map of the dashboard uses: never loaded, never vendored.
UNUSED_DEFAULTS = frozenset({
    "jquery", "bootstrap", "awesome_markers", "bootstrap_css", "glyphicons_css",
    "awesome_markers_font_css", "awesome_markers_css", "awesome_rotate_css",
})


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


def missing_files() -> list[str]:
    """Vendored files the manifest names that are not on disk (paths relative to VENDOR_DIR)."""
    return sorted({rel for rel in vendored_paths().values() if not (VENDOR_DIR / rel).is_file()})


def static_serving_enabled() -> bool:
    """Whether Streamlit serves dashboard/static/ (off when run without the repo's config)."""
    from streamlit import config

    return bool(config.get_option("server.enableStaticServing"))


def asset_problem() -> str | None:
    """Why the map's scripts cannot reach the browser, in words for the page; None when they can."""
    missing = missing_files()
    if missing:
        return (f"The map's scripts are missing from dashboard/static/vendor/ ({', '.join(missing[:3])}"
                f"{' …' if len(missing) > 3 else ''}). They are part of the repository: restore them "
                "with `git checkout -- dashboard/static/vendor` or rebuild them with `make vendor`.")
    if not static_serving_enabled():
        return ("The map's scripts are not served: start the app from the repository's root folder "
                "(`make run`) so .streamlit/config.toml turns on `server.enableStaticServing`.")
    return None


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


def localize(fig: Element) -> Element:
    """Point every JS/CSS link of the figure at the app's copies and drop folium's unused defaults
    (``UNUSED_DEFAULTS``). Tile layers stay: the browser fetches tiles only for the one shown.

    Raises OfflineAssetError naming the file when a copy is missing. Works in place on a folium Map, Figure or FeatureGroup (and returns it), so
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
            element.default_js = [(n, u) for n, u in element.default_js if n not in UNUSED_DEFAULTS]
            element.default_css = [(n, u) for n, u in element.default_css if n not in UNUSED_DEFAULTS]
            element.default_js = [(n, local_url(u)) for n, u in element.default_js]
            element.default_css = [(n, local_url(u)) for n, u in element.default_css]
        if isinstance(element, (JavascriptLink, CssLink)) and _is_remote(element.url):
            element.url = local_url(element.url)
    return fig


def standalone_html(fig: Element) -> str:
    """The map as one HTML file with every script, style, image and font inlined.

    It opens on an air-gapped laptop: no <script src> or stylesheet link is left.
    Fonts keep only their woff2 variant, which every current browser reads. Tile layers
    the figure has stay (fetched only when the reader picks one).
    """
    localize(fig)
    html = fig.get_root().render()
    html = _SCRIPT_SRC.sub(lambda m: _inline_script(m.group(1)), html)
    return _STYLESHEET_LINK.sub(lambda m: _inline_stylesheet(m.group(1)), html)


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
