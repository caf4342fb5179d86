"""Refresh the map's JS/CSS committed under dashboard/static/vendor/ (``make vendor``).

Run after ``npm ci --prefix vendor``. Reads vendor/assets.json; rebuilds the folder from
scratch (a removed package cannot linger) and writes each package's licence beside its
files as LICENSE.txt. The copies are committed, so ``make run`` and a Streamlit Community
Cloud deploy (which runs no npm step) serve them without this script.
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

# Leaflet.heat (https://github.com/Leaflet/Leaflet.heat, copied into folium's wheel) ships no
# licence file; its repository's LICENSE is this BSD 2-Clause text.
LICENCE_TEXTS = {"BSD-2-Clause": """Leaflet.heat and simpleheat
Copyright (c) 2014, Vladimir Agafonkin
All rights reserved.

Redistribution and use in source and binary forms, with or without modification, are
permitted provided that the following conditions are met:

   1. Redistributions of source code must retain the above copyright notice, this list of
      conditions and the following disclaimer.

   2. Redistributions in binary form must reproduce the above copyright notice, this list
      of conditions and the following disclaimer in the documentation and/or other materials
      provided with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE
GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED
AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF
ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""}


def source_dir(source: str) -> Path:
    """Folder a manifest source points at."""
    kind, _, where = source.partition(":")
    if kind == "npm":
        return NODE_MODULES / where
    if kind == "python":
        module, _, subpath = where.partition("/")
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            raise SystemExit(f"Python package {module!r} is not installed (needed for {source}).")
        return Path(spec.origin).parent / subpath
    raise SystemExit(f"Unknown source kind in vendor/assets.json: {source!r}")


def copy_package(package: dict) -> int:
    target = VENDOR_DIR / package["target"]
    origin = source_dir(package["source"])
    for relative in package["files"]:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        path = origin / relative
        if path.is_dir():
            shutil.copytree(path, destination)
        elif path.is_file():
            shutil.copy2(path, destination)
        else:
            raise SystemExit(f"{path} is missing: run `npm ci --prefix vendor` first ({package['target']!r}).")
    licence = package["licence"]
    if licence.startswith("text:"):
        (target / "LICENSE.txt").write_text(LICENCE_TEXTS[licence[5:]], encoding="utf-8")
    else:
        shutil.copyfile((origin / licence).resolve(), target / "LICENSE.txt")
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
