"""Untrusted text (file names, URL values, loader messages) quoted inside Streamlit Markdown."""
from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain(value: object, limit: int = 80) -> str:
    """``value`` on one line, shortened to ``limit``, every ASCII punctuation mark backslash-escaped so
    Markdown, links, images, ``:colour[...]`` directives and ``$`` maths stay literal text."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _PUNCTUATION.sub(r"\\\1", text)
