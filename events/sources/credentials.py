"""Credentials for the publishers' APIs, from the environment or ``.streamlit/secrets.toml``.

=================  ====================================  ==============================
what               environment variable                  secrets.toml
=================  ====================================  ==============================
ACLED account      ``ACLED_USERNAME`` (e-mail address)   ``[acled] username = "..."``
ACLED password     ``ACLED_PASSWORD``                    ``[acled] password = "..."``
UCDP API token     ``UCDP_API_TOKEN``                    ``[ucdp] token = "..."``
=================  ====================================  ==============================

The environment wins. Values are returned to the caller only; nothing here logs or stores them.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

SECRETS = Path(".streamlit") / "secrets.toml"
KEYS = {
    ("acled", "username"): "ACLED_USERNAME",
    ("acled", "password"): "ACLED_PASSWORD",
    ("ucdp", "token"): "UCDP_API_TOKEN",
}


def _secrets(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def get(section: str, key: str, secrets_path: Path | None = None) -> str | None:
    """The credential ``section.key`` (e.g. ``acled.password``) or None when it is not given."""
    env = KEYS[(section, key)]
    value = os.environ.get(env, "").strip()
    if value:
        return value
    doc = _secrets(secrets_path or SECRETS)
    table = doc.get(section)
    value = table.get(key) if isinstance(table, dict) else doc.get(env)
    return str(value).strip() or None if value else None


def where(section: str, key: str) -> str:
    """How a user gives this credential (for the error saying it is missing)."""
    return f"set {KEYS[(section, key)]} or [{section}] {key} in {SECRETS}"
