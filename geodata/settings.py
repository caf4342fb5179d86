"""Where geodata keeps what it writes (imported gazetteers, the geocode cache).

``CONFLICTMAP_DATA_DIR`` moves it; the default is ``~/.cache/conflictmap``.
"""
from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    path = Path(os.environ.get("CONFLICTMAP_DATA_DIR") or Path.home() / ".cache" / "conflictmap")
    path.mkdir(parents=True, exist_ok=True)
    return path
