"""``python -m events db init|import|export|history|retire|restore``: the event store from a shell.

The store is ``--db URL``, else ``$CONFLICTMAP_DB_URL``, else the SQLite file in the data directory.
Exit codes: 0 done, 1 some rows rejected or the change was refused, 2 the file or the store could not
be read.
"""
from __future__ import annotations

import getpass
import json
import sys

from ..errors import LoadError
from ..readers import FORMATS


def _user(args) -> str:
    if args.user:
        return args.user
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _open(args, init: bool = True):
    from .store import open_store

    return open_store(args.db, init=init)


def _progress(done: int, total: int) -> None:
    print(f"writing: {done:,} of {total:,} rows", file=sys.stderr, flush=True)


def cmd_init(args) -> int:
    store = _open(args)
    print(f"{store.url}: ready, {store.count(include_retired=True):,} events, revision {store.latest_revision()}")
    return 0


def cmd_import(args, summary, print_errors) -> int:
    store = _open(args)
    empty = store.latest_revision() == 0
    result = store.import_file(args.path, user=_user(args), on_conflict=args.on_conflict, fmt=args.format,
                               progress=_progress)
    if empty and result.added:
        from .snapshot import snapshot_after_first_import

        snapshot_after_first_import(store, result.load.frame, str(args.path), _user(args))
    s = summary(result.load)
    warned = f", {s['warned']} kept with a warning" if s.get("warned") else ""
    print(f"{s['file']}: format {s['format']}, {s['rows']} rows, {s['valid']} valid, {s['rejected']} rejected{warned}")
    print_errors(result.load, args.max_errors)  # rejected rows, then the kept rows' warnings
    print(f"into {store.url}: {result.added} added, {result.updated} updated, {result.unchanged} unchanged, "
          f"{result.skipped} skipped (already in the store; --on-conflict update replaces them)")
    return 1 if result.errors else 0


def cmd_export(args) -> int:
    from .. import export

    from ..facts import has_coordinates
    from .snapshot import load_events

    store = _open(args)
    if args.geocode:      # what the map shows: the snapshot the dashboard reads, geocoded and admin-filled
        frame = load_events(store, retired=args.retired)
    else:
        frame = store.frame(include_retired=args.retired)
    export.write(frame, args.out, args.to)
    print(f"{len(frame):,} events -> {'standard output' if args.out == export.STDOUT else args.out}",
          file=sys.stderr)
    missing = int((~has_coordinates(frame)).sum()) if len(frame) else 0
    if missing and not args.geocode:
        print(f"note: {missing:,} of {len(frame):,} events have no coordinates in the store (the map places "
              f"them from their place names); add --geocode to write the points the map shows", file=sys.stderr)
    return 0


def cmd_history(args) -> int:
    store = _open(args)
    versions = store.history(args.event_id)
    if not versions:
        print(f"error: no event {args.event_id!r} in the store", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(versions, default=str, ensure_ascii=False))
        return 0
    previous: dict = {}
    for v in versions:
        from_ = v.get("provenance") or ""
        if previous and from_ == previous.get("provenance"):
            from_ = ""                      # said on the revision that brought it
        print(f"revision {v['revision']}  {v['action']}  {v['changed_at']:%Y-%m-%d %H:%M:%S} UTC  by {v['changed_by']}"
              + (f"  from: {from_}" if from_ else "")
              + (f"  reason: {v['reason']}" if v["reason"] else ""))
        if previous:
            for col, value in v.items():
                if col in ("history_id", "action", "changed_at", "changed_by", "reason", "revision", "updated_at",
                           "updated_by", "h3_cell", "provenance"):
                    continue
                if value != previous.get(col):
                    print(f"    {col}: {previous.get(col)!r} -> {value!r}")
        previous = v
    return 0


def cmd_retire(args) -> int:
    row = _open(args).retire(args.event_id, user=_user(args), reason=args.reason)
    print(f"{args.event_id}: retired (revision {row['revision']})")
    return 0


def cmd_restore(args) -> int:
    row = _open(args).restore(args.event_id, user=_user(args), reason=args.reason or "")
    print(f"{args.event_id}: restored (revision {row['revision']})")
    return 0


def add_db_parser(sub, summary, print_errors) -> None:
    """Add ``db`` and its subcommands to ``python -m events``; ``summary``/``print_errors`` are the ones
    ``validate`` uses, so bad rows are listed the same way."""
    db = sub.add_parser("db", help="the event store: init, import, export, history, retire, restore")
    db.add_argument("--db", help="database URL (default $CONFLICTMAP_DB_URL, else the SQLite file in the data dir)")
    db.add_argument("--user", help="who is making the change (default cli:<login name>)")
    dsub = db.add_subparsers(dest="db_command", required=True)

    p = dsub.add_parser("init", help="create or upgrade the store's tables")
    p.set_defaults(db_func=cmd_init)

    p = dsub.add_parser("import", help="add a file's good rows in one transaction; list the bad ones")
    p.add_argument("path", help="CSV (curated, ACLED, UCDP GED), GeoJSON or Parquet file")
    p.add_argument("--format", choices=FORMATS, help="force a layout instead of detecting it from the header")
    p.add_argument("--on-conflict", choices=("skip", "update"), default="skip",
                   help="an id already in the store: keep the stored event (skip) or write the file's as a new "
                        "revision (update)")
    p.add_argument("--max-errors", type=int, default=50, help="rejected rows to print")
    p.set_defaults(db_func=lambda a: cmd_import(a, summary, print_errors))

    p = dsub.add_parser("export", help="write the store's events to a file")
    p.add_argument("--to", choices=("csv", "geojson", "parquet"), required=True)
    p.add_argument("--out", required=True, help="file to write; - for standard output")
    p.add_argument("--retired", action="store_true", help="include retired events")
    p.add_argument("--geocode", action="store_true",
                   help="write the events as the map shows them: missing coordinates geocoded from place names, "
                        "admin1/admin2 filled (as `convert --geocode` does for a file)")
    p.set_defaults(db_func=cmd_export)

    p = dsub.add_parser("history", help="every version of one event: who, when, why, what changed")
    p.add_argument("event_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(db_func=cmd_history)

    p = dsub.add_parser("retire", help="hide an event (kept, with its history)")
    p.add_argument("event_id")
    p.add_argument("--reason", required=True)
    p.set_defaults(db_func=cmd_retire)

    p = dsub.add_parser("restore", help="show a retired event again")
    p.add_argument("event_id")
    p.add_argument("--reason")
    p.set_defaults(db_func=cmd_restore)

    def run(args) -> int:
        from sqlalchemy.exc import SQLAlchemyError

        from .engine import safe_url, store_url
        from .store import StoreError

        try:
            return args.db_func(args)
        except (StoreError, PermissionError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        except (LoadError, BrokenPipeError):  # python -m events reports these
            raise
        except SQLAlchemyError as exc:
            where = safe_url(args.db or store_url())
            advice = ""
            if where.startswith("sqlite:///") and "not a database" in str(exc.orig or exc):
                path = where.removeprefix("sqlite:///")
                advice = (f"; the file was left as it is: move it aside to start a new store (mv '{path}' "
                          f"'{path}.bad'), or rescue its events with: sqlite3 '{path}' .recover")
            print(f"error: cannot use the store {where}: {type(exc.orig or exc).__name__}: "
                  f"{str(exc.orig or exc).splitlines()[0][:300]}{advice}", file=sys.stderr)
            return 2
        except OSError as exc:  # the data directory cannot hold the file (read-only, a path under a file)
            where = safe_url(args.db or store_url())
            print(f"error: cannot use the store {where}: {exc.strerror or exc}; set CONFLICTMAP_DATA_DIR "
                  f"to a writable folder", file=sys.stderr)
            return 2

    db.set_defaults(func=run)
