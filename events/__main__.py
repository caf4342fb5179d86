"""python -m events validate|convert|geocode|draft|db|fetch: check, convert and geocode event files; draft
events from a report; the event store; fetch events from ACLED or UCDP.

Exit codes: 0 all rows valid, 1 some rows rejected, 2 the file could not be read (or written), 141 the
reader of standard output went away (``| head``). ``--out -`` writes to standard output.
"""
from __future__ import annotations

import argparse
import json
import os
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
    }


def _print_errors(result: LoadResult, limit: int) -> None:
    for err in result.errors[:limit]:
        print(f"  {err}")
    if len(result.errors) > limit:
        print(f"  ... and {len(result.errors) - limit} more (use --json for all)")


def cmd_validate(args) -> int:
    result = load(args.path, fmt=args.format, geocode=False)
    if args.json:
        print(json.dumps({**_summary(result), "errors": [
            {k: v for k, v in e.to_dict().items() if k != "file"} for e in result.errors
        ]}, ensure_ascii=False))
    else:
        s = _summary(result)
        print(f"{s['file']}: format {s['format']}, {s['rows']} rows, {s['valid']} valid, {s['rejected']} rejected")
        _print_errors(result, args.max_errors)
    return 1 if result.errors else 0


def _report(result: LoadResult, out: str, what: str) -> int:
    s = _summary(result)
    print(f"{s['file']}: {s['valid']} of {s['rows']} rows {what} -> {out} ({s['rejected']} rejected)",
          file=sys.stderr)
    _print_errors(result, 20)
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
    counts = result.frame["geo_status"].value_counts().to_dict()
    print(f"{placed} of {len(result.frame)} events have coordinates; {counts}", file=sys.stderr)
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
    try:
        code = args.func(args)
        sys.stdout.flush()  # here, not at exit, so a reader that went away is handled below
        return code
    except BrokenPipeError:
        # The reader went away (``... | head -1``): stop quietly, as a Unix tool does on SIGPIPE
        # (exit 128 + 13). Standard output goes to /dev/null so the exit's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except export.OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except LoadError as exc:
        if getattr(args, "json", False):
            print(json.dumps({"file": exc.file, "format": None, "rows": 0, "valid": 0, "rejected": 0,
                              "errors": [{"line": None, "column": None, "value": None, "reason": exc.reason}]},
                             ensure_ascii=False))
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
