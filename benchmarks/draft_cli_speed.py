"""How long one ``python -m events draft`` run takes on the command line, against another commit.

    python benchmarks/draft_cli_speed.py                       # this tree against HEAD~1
    python benchmarks/draft_cli_speed.py --baseline 2312297 --repeat 5

An analyst drafting one report on the command line pays the whole start of a process: imports,
the nine countries' name tables (kept in the data directory after a machine's first run) and the
gazetteer indexes the report needs. This script extracts the baseline commit with ``git archive``
into a temporary folder, gives each tree its own empty data directory, runs each tree once to
make its kept tables (the "first run on a machine", printed too), and then runs the seed report
(``../shared/seed/``, or ``tests/events/drafts/data``' first labelled report when it is absent)
``--repeat`` times per tree, alternately so both meet the same moments of a shared machine.
Per tree it prints wall seconds (median and best), CPU seconds of the child (user + system,
median) and its peak resident memory (MB, the child's own ``getrusage`` at exit, largest over the runs),
and whether both trees printed the same drafts. Then, as the app drafts (one process, the
kept tables already made), the seconds of a process's first ``draft_report`` and of the next.
The load average is printed with them.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "sputnik_2024-04-22_us_base_syria_attacked.txt"


def _report(tmp: Path) -> tuple[Path, str]:
    """(report file, publication date): the seed report, or the first labelled report."""
    shared = Path(os.environ.get("CONFLICTMAP_SHARED_DATA", ROOT.parent / "shared" / "data")).parent / "seed"
    seed = shared / SEED.name
    if seed.exists():
        return seed, "2024-04-22"
    first = json.loads((ROOT / "tests/events/drafts/data/labelled_reports.json").read_text())["reports"][0]
    path = tmp / "report.txt"
    path.write_text(first["text"], encoding="utf-8")
    return path, first["published"]


def _run(tree: Path, data_dir: Path, report: Path, published: str) -> tuple[float, float, float, str]:
    """One CLI run: (wall s, child CPU s, peak RSS MB, stdout)."""
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(data_dir), "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD, "draft", str(report), "--published", published],
                         cwd=tree, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = max(int(line.split()[1]) for line in out.stderr.splitlines() if line.startswith("MAXRSS "))
    return wall, cpu, peak / 1024, out.stdout


# ``python -m events ARGS`` that also writes its own peak resident memory (KB) to stderr at exit.
_CHILD = ("import atexit, resource, runpy, sys\n"
          "atexit.register(lambda: sys.stderr.write('MAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
          "sys.argv = ['events', *sys.argv[1:]]\n"
          "runpy.run_module('events', run_name='__main__', alter_sys=True)\n")

# Two drafts of the same report in one process: the first pays the name tables and indexes.
_IN_PROCESS = ("import datetime, sys, time\n"
               "from events.drafts.draft import draft_report\n"
               "text = open(sys.argv[1], encoding='utf-8').read()\n"
               "day = datetime.date.fromisoformat(sys.argv[2])\n"
               "a = time.perf_counter(); draft_report(text, day); b = time.perf_counter()\n"
               "draft_report(text, day); c = time.perf_counter()\n"
               "print(b - a, c - b)\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD~1", help="commit to compare with (default HEAD~1)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="draft-cli-") as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.baseline],
                             capture_output=True, text=True, check=True).stdout.strip()
        trees = {"this tree": ROOT, f"baseline {rev}": base}
        report, published = _report(tmp)
        print(f"report: {report.name} (published {published}); repeat {args.repeat}; "
              f"load average before {os.getloadavg()[0]:.1f}")
        runs: dict[str, list[tuple[float, float, float, str]]] = {name: [] for name in trees}
        for name, tree in trees.items():
            (tmp / name).mkdir()
            wall, cpu, _, _ = _run(tree, tmp / name, report, published)
            print(f"  {name:22s} first run on a machine (tables made): {wall:6.1f} s wall, {cpu:6.1f} s CPU")
        for _ in range(args.repeat):
            for name, tree in trees.items():
                runs[name].append(_run(tree, tmp / name, report, published))
        print(f"{'':24s} {'wall median':>12s} {'wall best':>10s} {'CPU median':>11s} {'peak MB':>8s}")
        for name, rows in runs.items():
            walls, cpus = [r[0] for r in rows], [r[1] for r in rows]
            print(f"  {name:22s} {statistics.median(walls):10.2f} s {min(walls):8.2f} s {statistics.median(cpus):9.2f} s "
                  f"{max(r[2] for r in rows):8.0f}")
        print("in one process, as the app drafts (kept tables made): first draft, the next one")
        for name, tree in trees.items():
            env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(tmp / name), "PYTHONPATH": str(tree)}
            out = subprocess.run([sys.executable, "-c", _IN_PROCESS, str(report), published], cwd=tree, env=env,
                                 capture_output=True, text=True, check=True).stdout.split()
            print(f"  {name:22s} {float(out[0]):6.2f} s, then {float(out[1]):5.2f} s")
        outs = {name: {r[3] for r in rows} for name, rows in runs.items()}
        same = len({frozenset(o) for o in outs.values()}) == 1 and all(len(o) == 1 for o in outs.values())
        print(f"same drafts printed by both trees: {'yes' if same else 'NO'}; "
              f"load average after {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
