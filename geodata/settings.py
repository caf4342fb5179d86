"""Where geodata keeps what it writes (imported gazetteers, the geocode cache).

``CONFLICTMAP_DATA_DIR`` moves it; the default is ``~/.cache/conflictmap``.
"""
from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """The data directory, created when possible. Never raises: a folder that cannot be created or
    written is reported once by geodata.datadir.writable() and the product works without its caches."""
    path = Path(os.environ.get("CONFLICTMAP_DATA_DIR") or Path.home() / ".cache" / "conflictmap")
    from .datadir import writable
    writable(path)
    return path
