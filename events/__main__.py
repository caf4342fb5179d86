"""python -m events validate|convert|geocode|draft|db|fetch: check, convert and geocode event files; draft
events from a report; the event store; fetch events from ACLED or UCDP.

Exit codes: 0 all rows valid, 1 some rows rejected, 2 the file could not be read (or written), 141 the
reader of standard output went away (``| head``). ``--out -`` writes to standard output.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import export
from .errors import LoadError
from .facts import has_coordinates
from .readers import FORMATS
from .load import LoadResult, load
from .store.cli import add_db_parser


def _summary(result: LoadResult) -> dict:
    return {
        "file": result.path,
        "format": result.format,
        "rows": result.rows,
        "valid": len(result.frame),
        "rejected": result.rejected,
        "warned": result.warned,
    }


def _counts(s: dict) -> str:
    """"3 rows, 2 valid, 1 rejected" (+ ", 1 kept with a warning" when any row has one)."""
    text = f"{s['rows']} rows, {s['valid']} valid, {s['rejected']} rejected"
    if s["warned"]:
        text += f", {s['warned']} kept with a warning"
    return text


def _print_errors(result: LoadResult, limit: int, file=None) -> None:
    """The rejected rows' problems, then the kept rows' warnings, at most ``limit`` of each."""
    for items, prefix in ((result.errors, ""), (result.warnings, "warning: ")):
        for err in items[:limit]:
            print(f"  {prefix}{err}", file=file)
        if len(items) > limit:
            print(f"  ... and {len(items) - limit} more {'warnings ' if prefix else ''}(use --json for all)", file=file)


def cmd_validate(args) -> int:
    result = load(args.path, fmt=args.format, geocode=False)
    if args.json:
        print(json.dumps({**_summary(result), **{key: [
            {k: v for k, v in e.to_dict().items() if k != "file"} for e in items
        ] for key, items in (("errors", result.errors), ("warnings", result.warnings))}}, ensure_ascii=False))
    else:
        s = _summary(result)
        print(f"{s['file']}: format {s['format']}, {_counts(s)}")
        _print_errors(result, args.max_errors)
    return 1 if result.errors else 0


def _report(result: LoadResult, out: str, what: str) -> int:
    s = _summary(result)
    warned = f", {s['warned']} kept with a warning" if s["warned"] else ""
    print(f"{s['file']}: {s['valid']} of {s['rows']} rows {what} -> {out} ({s['rejected']} rejected{warned})",
          file=sys.stderr)
    _print_errors(result, 20, file=sys.stderr)
    return 1 if result.errors else 0


def cmd_convert(args) -> int:
    result = load(args.path, fmt=args.format, geocode=args.geocode)
    export.write(result.frame, args.out, args.to)
    return _report(result, args.out, f"written as {args.to}")


def cmd_geocode(args) -> int:
    progress = _progress_bar() if sys.stderr.isatty() else None
    result = load(args.path, fmt=args.format, geocode=True, progress=progress)
    export.write(result.frame, args.out, args.to)
    placed = int(has_coordinates(result.frame).sum())
    counts = result.frame["geo_status"].value_counts()
    statuses = ", ".join(f"{status} {n}" for status, n in counts.items() if n)
    print(f"{placed} of {len(result.frame)} events have coordinates ({statuses})", file=sys.stderr)
    if result.district_note():
        print(result.district_note(), file=sys.stderr)
    return _report(result, args.out, f"geocoded, written as {args.to}")


def _progress_bar():
    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\rgeocoding [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return show


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m events", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def add_common(p):
        p.add_argument("path", help="event file: CSV, .xlsx, GeoJSON, GDELT export (.CSV/.zip) or Parquet, any layout in the README")
        p.add_argument("--format", choices=FORMATS, help="force a layout instead of detecting it from the header")

    p = sub.add_parser("validate", help="check a file; print a summary and every rejected row")
    add_common(p)
    p.add_argument("--json", action="store_true", help="one JSON object: format, rows, valid, rejected, errors")
    p.add_argument("--max-errors", type=int, default=50, help="errors to print without --json")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("convert", help="write the valid rows in another format")
    add_common(p)
    p.add_argument("--to", choices=("csv", "geojson", "parquet"), required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--geocode", action="store_true", help="also fill missing coordinates")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("geocode", help="fill missing coordinates from place names and write the result")
    add_common(p)
    p.add_argument("--out", required=True)
    p.add_argument("--to", choices=("csv", "geojson", "parquet"), default="csv")
    p.set_defaults(func=cmd_geocode)

    from .drafts.cli import add_parser as add_draft_parser
    add_draft_parser(sub)
    add_db_parser(sub, _summary, _print_errors)
    from .sources import cli as fetch_cli
    fetch_cli.add(sub)

    args = parser.parse_args(argv)
    from geodata.pipes import run_quietly_into_pipes
    try:
        # a reader that went away (``... | head -1``): exit 141 quietly, as a Unix tool on SIGPIPE
        return run_quietly_into_pipes(lambda: args.func(args))
    except export.OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except LoadError as exc:
        if getattr(args, "json", False):
            print(json.dumps({"file": exc.file, "format": None, "rows": 0, "valid": 0, "rejected": 0, "warned": 0,
                              "warnings": [], "errors": [{"line": None, "column": None, "value": None, "reason": exc.reason}]},
                             ensure_ascii=False))
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
