"""Run a package's command-line entry point in the test's own process, as ``python -m PACKAGE ARGS`` would run it.

A new Python process per command costs about 1.5 s of imports (pandas, SQLAlchemy, the drafter's patterns); the
suite ran hundreds. What only a separate process shows (``kill -9``, a closed pipe, bytes on standard output, a
password never printed) stays tested with real processes."""
from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback


def run_main(package: str, args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m package *args`` with ``env`` added to the environment, run through ``package.__main__.main``:
    its exit code, standard output and standard error (text) as a process's run gives them. argparse's exits and
    an uncaught error (its traceback on standard error, exit 1) give the codes the process would."""
    import importlib
    main = importlib.import_module(f"{package}.__main__").main
    out, err = io.StringIO(), io.StringIO()
    before = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
                if isinstance(stop.code, str):
                    print(stop.code, file=sys.stderr)
            except Exception:
                traceback.print_exc()
                code = 1
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return subprocess.CompletedProcess([sys.executable, "-m", package, *args], code, out.getvalue(), err.getvalue())
