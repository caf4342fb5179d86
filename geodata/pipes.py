"""Command-line output into a closed pipe (``python -m geodata geocode ... | head -3``).

Shared by the geodata and events CLIs (events depends on geodata, never the reverse).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable

EXIT_CLOSED_PIPE = 141    # 128 + SIGPIPE (13), as a Unix tool killed by SIGPIPE


def run_quietly_into_pipes(main: Callable[[], int]) -> int:
    """``main()``'s exit code; when the reader of stdout goes away early (``| head``), exit
    EXIT_CLOSED_PIPE with no BrokenPipeError traceback and no "Exception ignored" line at exit.

    Follows the Python documentation's note on SIGPIPE
    (https://docs.python.org/3/library/signal.html#note-on-sigpipe): flush inside the ``try``,
    and point stdout at devnull so the interpreter's final flush cannot fail again."""
    try:
        code = main()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):     # stdout without a file descriptor (captured in tests)
            pass
        return EXIT_CLOSED_PIPE
