"""Copy the map's JS/CSS/fonts into dashboard/static/vendor/ for offline mode.

Run after `npm ci --prefix vendor`. Reads vendor/assets.json; the copies are
build output (git-ignored), rebuilt from scratch on every run so a removed
package cannot linger.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from dashboard.offline import VENDOR_DIR, load_manifest  # noqa: E402

NODE_MODULES = REPO_ROOT / "vendor" / "node_modules"


def awesome_rotate_css() -> str:
    """folium's leaflet.awesome.rotate.css: the `fa-rotate-<angle>` classes `Icon(angle=...)` uses.

    folium publishes it only from its GitHub tree (not in its wheel or on npm),
    so it is generated here rather than committed.
    """
    rules = (
        f".fa-rotate-{a}{{-webkit-transform:rotate({a}deg);transform:rotate({a}deg)}}"
        for a in range(360)
    )
    return "\n".join(rules) + "\n"


GENERATORS = {"awesome_rotate_css": awesome_rotate_css}


def source_dir(source: str) -> Path | None:
    """Folder a manifest source points at (None for generated files)."""
    kind, _, where = source.partition(":")
    if kind == "npm":
        return NODE_MODULES / where
    if kind == "python":
        module, _, subpath = where.partition("/")
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            raise SystemExit(f"Python package {module!r} is not installed (needed for {source}).")
        return Path(spec.origin).parent / subpath
    if kind == "generated":
        return None
    raise SystemExit(f"Unknown source kind in vendor/assets.json: {source!r}")


def copy_package(package: dict) -> int:
    target = VENDOR_DIR / package["target"]
    origin = source_dir(package["source"])
    for relative in package["files"]:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if origin is None:
            generate = GENERATORS[package["source"].partition(":")[2]]
            destination.write_text(generate(), encoding="utf-8")
            continue
        path = origin / relative
        if path.is_dir():
            shutil.copytree(path, destination)
        elif path.is_file():
            shutil.copy2(path, destination)
        else:
            raise SystemExit(
                f"{path} is missing: run `npm ci --prefix vendor` first "
                f"(package for {package['target']!r})."
            )
    return sum(1 for p in target.rglob("*") if p.is_file())


def main() -> None:
    if not NODE_MODULES.is_dir():
        raise SystemExit(f"{NODE_MODULES} not found: run `npm ci --prefix vendor` first.")
    shutil.rmtree(VENDOR_DIR, ignore_errors=True)
    VENDOR_DIR.mkdir(parents=True)
    count = sum(copy_package(package) for package in load_manifest())
    print(f"vendored {count} files into {VENDOR_DIR.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
