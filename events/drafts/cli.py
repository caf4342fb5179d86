"""``python -m events draft FILE --published YYYY-MM-DD``: a news report's draft events, printed.

Exit codes: 0 done (drafts printed, possibly none), 2 the report or the arguments could not be used
(an empty report, a folder; a publication date after today, as relative dates would be resolved against a
day to come, or before 1989, the start of the oldest event data the product reads).
"""
from __future__ import annotations

import json
import logging
import sys
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from ..schema import COLUMNS
from .dates import EARLIEST_REPORT
from .draft import describe_alternative, draft_report

MAX_REPORT_BYTES = 2_000_000
OUTPUT_COLUMNS = tuple(c for c in COLUMNS if c != "event_id") + (
    "evidence", "confidence", "draft_id", "geo_status", "alternatives", "flags")


def add_parser(sub) -> None:
    """Register the ``draft`` subcommand on ``python -m events``'s subparsers."""
    p = sub.add_parser("draft", help="draft events from a news report (plain text or HTML; - for stdin)")
    p.add_argument("path", help="the report: a .txt or .html file, or - to read standard input")
    p.add_argument("--published", required=True, type=_iso_date, help="publication date, YYYY-MM-DD")
    p.add_argument("--source", default="", help="who published it, e.g. 'Sputnik International (citing Reuters)'")
    p.add_argument("--source-url", default="", help="the report's exact http(s) address")
    p.add_argument("--json", action="store_true", help="one JSON list of drafts")
    p.set_defaults(func=cmd_draft)


def _iso_date(value: str) -> date:
    import argparse
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        import re
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            # "2024-13-01" (a new user, session 22: told "not a YYYY-MM-DD date" of a date in that form)
            raise argparse.ArgumentTypeError(f"no such date: {value!r} ({e})") from None
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def read_report(path: str) -> str:
    """The report's text from a file or standard input (``-``); UTF-8 (BOM allowed), else Windows-1252.
    Raises ValueError with a reason a person can act on."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1)
    else:
        p = Path(path)
        if p.is_dir():
            raise ValueError(f"{path}: a folder, not a report file")
        if not p.exists():
            raise ValueError(f"{path}: no such file")
        # a pipe or device is read like a file ("<(curl ...)"); /dev/null is then an empty report, not a
        # missing file (session 21's new user)
        with open(p, "rb") as fh:
            data = fh.read(MAX_REPORT_BYTES + 1)
    if len(data) > MAX_REPORT_BYTES:
        raise ValueError(f"{path}: larger than {MAX_REPORT_BYTES // 1_000_000} MB; a news report is much smaller")
    if b"\x00" in data[:4096]:
        raise ValueError(f"{path}: a binary file, not a text or HTML report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise ValueError(f"{'standard input' if path == '-' else path}: the report is empty")
    return text


@lru_cache(maxsize=1)
def known_actors() -> tuple[str, ...]:
    """Actor names of the bundled curated events (ACLED style), for recognising them in reports."""
    from ..load import CURATED_PATH, load
    try:
        frame = load(CURATED_PATH, geocode=False).frame
    except Exception:  # noqa: BLE001 - the bundled file missing must not stop drafting
        return ()
    names = set(frame["actor1"].dropna()) | set(frame["actor2"].dropna())
    return tuple(sorted(n for n in names if isinstance(n, str) and n))


def _say_slow_steps() -> None:
    """Show the place matcher's one-off steps on stderr (a machine's first draft folds each country's
    gazetteer names, ~2-20 s, and would otherwise sit silent; nu27). Never on stdout, so --json stays clean."""
    log = logging.getLogger("events.drafts.places")
    if not any(getattr(h, "_conflictmap_cli", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler._conflictmap_cli = True
        log.addHandler(handler)
    log.setLevel(logging.INFO)


def cmd_draft(args) -> int:
    try:
        raw = read_report(args.path)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.source_url and not args.source_url.lower().startswith(("http://", "https://")):
        print(f"error: --source-url must be an http(s) address, not {args.source_url!r}", file=sys.stderr)
        return 2
    if args.published < EARLIEST_REPORT:
        print(f"error: --published {args.published.isoformat()} is before {EARLIEST_REPORT.isoformat()}, the start of "
              "the oldest event data this product reads (UCDP GED); give the day the report was published",
              file=sys.stderr)
        return 2
    if args.published > date.today() + timedelta(days=1):     # a day's grace: time zones ahead of this machine
        print(f"error: --published {args.published.isoformat()} is in the future (today is {date.today().isoformat()}); "
              "give the day the report was published", file=sys.stderr)
        return 2
    _say_slow_steps()
    result = draft_report(raw, args.published, args.source, args.source_url, known_actors())
    if args.json:
        print(json.dumps([{c: d.get(c) for c in OUTPUT_COLUMNS} for d in result.drafts], ensure_ascii=False))
        return 0
    where = ", ".join(result.countries) or "none named (searched the whole region)"
    print(f"{len(result.drafts)} draft event(s); countries the report concerns: {where}")
    if result.unplaced:
        print(f"not placed: {len(result.unplaced)} sentence(s) tell an event at no place the drafter found (the report "
              "gives none, or the gazetteer lacks it or spells it another way): check them")
        for s in result.unplaced:
            print(f"  > {s}")
    for d in result.drafts:
        print()
        print(f"[{d['draft_id']}] {d['event_date']} (precision {d['date_precision']})  {d['event_type']} / "
              f"{d['sub_event_type'] or '?'}  confidence {d['confidence']:.2f}")
        place = f"{d['location']}, {d['admin1'] or '?'}, {d['country'] or '?'}"
        coords = (f"{d['latitude']:.4f}, {d['longitude']:.4f} (geo_precision {d['geo_precision']})"
                  if d["latitude"] is not None else f"no coordinates ({d['geo_status']})")
        print(f"  place:  {place}: {coords}")
        if d["origin_location"]:
            o = (f"{d['origin_latitude']:.4f}, {d['origin_longitude']:.4f}" if d["origin_latitude"] is not None
                 else "no coordinates")
            print(f"  from:   {d['origin_location']}, {d['origin_country'] or '?'}: {o}")
        print(f"  actors: {d['actor1'] or '?'} -> {d['actor2'] or '?'};  fatalities: "
              f"{'unknown' if d['fatalities'] is None else d['fatalities']}")
        for a in d["alternatives"]:
            print(f"  could be: {describe_alternative(a)}")
        for f in d["flags"]:
            print(f"  check:  {f}")
        for s in d["evidence"]:
            print(f"  > {s}")
    return 0
