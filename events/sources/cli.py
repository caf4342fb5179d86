"""``python -m events fetch acled|ucdp``: the subcommand, kept here so events/__main__.py
only registers it."""
from __future__ import annotations

import argparse
import sys

from .base import FetchError


def _run(args) -> int:
    try:
        if args.source == "acled":
            from .acled import API_URL, fetch
            result = fetch(args.out, args.country, args.since, args.until, api_url=args.api_url or API_URL)
        else:
            from .ucdp import API_URL, fetch
            result = fetch(args.out, args.dataset, args.version, args.country, args.since, args.until,
                           api_url=args.api_url or API_URL)
    except FetchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stopped; run the same command again to continue", file=sys.stderr)
        return 2
    resumed = f", {result.resumed_pages} from an earlier run" if result.resumed_pages else ""
    print(f"{result.rows} events in {result.pages} page(s){resumed} -> {result.path}", file=sys.stderr)
    return 0


def add(sub: argparse._SubParsersAction) -> None:
    """Register ``fetch acled`` and ``fetch ucdp`` on the ``python -m events`` parser."""
    p = sub.add_parser("fetch", help="pull events from ACLED's or UCDP's API into a CSV file")
    which = p.add_subparsers(dest="source", required=True)
    a = which.add_parser("acled", help="ACLED (credentials: ACLED_USERNAME, ACLED_PASSWORD or .streamlit/secrets.toml)")
    a.add_argument("--country", action="append", required=True, help="ACLED country name; repeat for several")
    a.add_argument("--since", required=True, help="first event date, YYYY-MM-DD")
    a.add_argument("--until", help="last event date, YYYY-MM-DD (default today)")
    u = which.add_parser("ucdp", help="UCDP (token: UCDP_API_TOKEN or .streamlit/secrets.toml)")
    u.add_argument("--dataset", default="gedevents")
    u.add_argument("--version", default="25.1", help="GED version (25.1) or Candidate version (25.0.9)")
    u.add_argument("--country", action="append", default=[], help="Gleditsch-Ward number (645 Iraq); repeat for several")
    u.add_argument("--since", help="StartDate, YYYY-MM-DD")
    u.add_argument("--until", help="EndDate, YYYY-MM-DD")
    for q in (a, u):
        q.add_argument("--out", required=True, help="CSV to write (pages are kept in OUT.part/ until done)")
        q.add_argument("--api-url", help=argparse.SUPPRESS)  # a mirror, or the tests' local server
        q.set_defaults(func=_run)
