"""Command line: geocode, import-geonames, import-csv, download-geonames.

Exit codes: 0 done; 1 done but not everything (a name not resolved, rows rejected);
2 could not do it (bad arguments, unreadable file, no network for a download);
141 the reader of the output went away (`| head`), quietly.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2
EXIT_CODES = """exit codes: 0 done; 1 done but not everything (a name not resolved, rows rejected);
2 could not run (bad arguments, unreadable file, no network); 141 output pipe closed (| head)"""
GEOCODE_EXIT_CODES = """exit codes:
  one NAME:      0 resolved; 1 ambiguous or unresolved (the answer is still printed)
  --in/--out:    0 OUT written with an answer for every row (resolved, ambiguous or unresolved);
                 1 OUT written, but rows without a name or with no such country (listed file:line)
  2 could not run (bad arguments, unreadable CSV, missing column); 141 output pipe closed (| head)"""
MAX_ERRORS_SHOWN = 20


def main(argv: list[str] | None = None) -> int:
    from .datadir import DataDirError
    from .pipes import run_quietly_into_pipes
    args = _parser().parse_args(argv)
    try:
        return run_quietly_into_pipes(lambda: args.run(args))
    except (_Failure, DataDirError) as failure:      # DataDirError: the import store cannot be written
        print(f"error: {failure}", file=sys.stderr)
        return EXIT_FAILED


class _Failure(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geodata", description=__doc__.splitlines()[0],
                                     epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    g = sub.add_parser("geocode", help="geocode one name, or a CSV column", epilog=GEOCODE_EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    g.add_argument("name", nargs="?", help="place name as written (omit with --in)")
    g.add_argument("--country", help="ISO2 code or country name: required with NAME (the gazetteer is searched one "
                   "country at a time); with --in, a fixed country or use --country-column")
    g.add_argument("--admin1", help="first-level division, e.g. a governorate")
    g.add_argument("--admin2", help="second-level division, e.g. a district (as village lists give it): "
                                    "a namesake outside it is not resolved")
    g.add_argument("--profile", choices=("events", "villages"), default="events",
                   help="what kind of names these are, which sets how sure each kind of answer measured: "
                        "'events' (default), places where reported events happened (UCDP, ACLED, news); "
                        "'villages', a settlement list such as IOM DTM's, where a village the gazetteer lacks "
                        "often meets a namesake in the same governorate (such lists are placed with their "
                        "district, rarely without)")
    g.add_argument("--json", action="store_true", help="print the result as JSON")
    g.add_argument("--in", dest="input", type=Path, help="CSV to geocode")
    g.add_argument("--out", type=Path, help="CSV to write: the input plus geo_status, geo_latitude, "
                   "geo_longitude, geo_name, geo_source, geo_id, geo_precision, geo_confidence, geo_admin1, "
                   "geo_admin2, geo_basis, geo_hint and geo_candidates (up to 5, 'name (admin1) lat,lon; ...')")
    g.add_argument("--name-column")
    g.add_argument("--country-column")
    g.add_argument("--admin1-column")
    g.add_argument("--admin2-column")
    g.set_defaults(run=_geocode)

    gn = sub.add_parser("import-geonames", help="import GeoNames dumps (.txt or .zip) into the local store")
    gn.add_argument("files", nargs="+", type=Path, metavar="FILE")
    gn.set_defaults(run=_import_geonames)

    c = sub.add_parser("import-csv", help="import a CSV place list (IOM DTM, OCHA P-codes ...)")
    c.add_argument("file", type=Path)
    c.add_argument("--name-column", required=True)
    c.add_argument("--lat-column", required=True)
    c.add_argument("--lon-column", required=True)
    c.add_argument("--country", help="ISO2 code all rows are in")
    c.add_argument("--country-column", help="column holding each row's ISO2 code")
    c.add_argument("--alias-columns", nargs="+", default=[], metavar="COLUMN")
    c.add_argument("--admin1-column")
    c.add_argument("--id-column")
    c.add_argument("--kind", default="village", help="kind of every row (default: village)")
    c.add_argument("--source-name", help="gazetteer name in results (default: csv:<file stem>)")
    c.set_defaults(run=_import_csv)

    d = sub.add_parser("download-geonames", help="download GeoNames country dumps and import them")
    d.add_argument("countries", nargs="+", metavar="CC")
    d.add_argument("--timeout", type=float, default=10.0, help="seconds before giving up (default 10)")
    d.set_defaults(run=_download_geonames)
    return parser


# -- geocode -------------------------------------------------------------------------------
def _geocode(args) -> int:
    if args.input:
        return _geocode_csv(args)
    if not args.name or not args.country:
        raise _Failure("give a NAME and --country, or --in/--out/--name-column with --country-column or --country")
    from .countries import country_code
    from .geocoder import geocode
    if country_code(args.country) is None:
        raise _Failure(f"--country {args.country!r} is not a country code or name")
    if args.out:
        raise _Failure("--out writes the CSV of --in; for one name use --json > FILE")
    result = geocode(args.name, args.country, args.admin1, args.admin2, profile=args.profile)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(_describe(result, args.country, args.profile))
    return EXIT_OK if result.resolved else EXIT_PARTIAL


def _describe(result, country: str | None = None, profile: str = "events") -> str:
    """The text output of one answer: place names and admin1 as the app shows them (``geodata.display``:
    "Al Hamdaniyah", "Nineveh", not WOF's "Qaḑā’ al Ḩamdānīyah", "Ninawa"); ``--json`` keeps the raw names."""
    from .display import admin1_shown, place_display

    if result.resolved:
        where = ", ".join(filter(None, (result.admin2, admin1_shown(country, result.admin1))))
        lines = [f"resolved: {place_display(result.name)} ({result.source} {result.id}) {result.latitude:.5f}, "
                 f"{result.longitude:.5f}  precision {result.precision}  confidence {result.confidence:.2f}"
                 + (f"  in {where}" if where else "")]
    elif result.status == "ambiguous":
        # No probability is claimed for any one candidate: the figure measured is the share of
        # answers of the best candidate's class that lay within 25 km on the fit set, which says
        # how often such answers are right, not that this one is.
        lines = [f"ambiguous: {len(result.alternatives)} candidates, none placed"]
        if result.basis:
            lines.append(_class_share(result.basis, profile))
    else:
        lines = [result.status]
        if result.basis and result.alternatives:
            # one candidate scored enough to be judged, but its class measured below RESOLVE_AT
            # (result.confidence is 0 for unresolved answers: the class's own figure is said here)
            lines.append(_class_share(result.basis, profile))
    if not result.resolved:
        plain = _in_words(result.basis, result.alternatives, profile)
        if not plain and not result.alternatives and result.status == "unresolved":
            # a new user's "Xqzvbt" and "ككككك" (session 21) got a bare "unresolved" where every other answer explains
            # itself
            plain = ("no place of this or a like name in this country's gazetteer; check the spelling, or give "
                     "the nearest town the source names")
        if plain:
            lines.insert(1, f"  in short: {plain}")
        lines += [f"  why: {why}" for why in _why_not(result.basis, profile)]
    if result.hint:
        lines.append(f"  hint: {result.hint}")
    for alt in result.alternatives:
        lines.append(f"  candidate: {place_display(alt.name)} [{alt.kind}, {admin1_shown(country, alt.admin1) or '?'}] "
                     f"({alt.source} {alt.id}) "
                     f"{alt.latitude:.5f}, {alt.longitude:.5f}  match score {alt.score:.2f}")
    return "\n".join(lines)


def _class_share(basis: str, profile: str = "events") -> str:
    """The line saying what the best candidate's class measured (geodata/calibration.py) for names of
    ``profile``."""
    from .calibration import RESOLVE_AT, confidence, fit_sets, measured

    share = confidence(basis, profile=profile)
    sets = ", ".join(fit_sets(profile=profile))
    if measured(basis, profile=profile):
        return (f"  measured: {share:.0%} of answers of the best candidate's class ({basis}) were within 25 km "
                f"on {sets} (placing needs {RESOLVE_AT:.0%}); a share of the class, not the "
                "chance that the first candidate is right")
    return (f"  not measured: the fit ({sets}) held no answer of the best candidate's class "
            f"({basis}); its estimate, {share:.0%}, is that of its broader classes")


def _in_words(basis: str | None, alternatives, profile: str = "events") -> str:
    """Why an answer is not placed, in an analyst's words (nu9: the class line, "exact|none|dominant ...
    ucdp_iq@name", meant nothing to a new user); "" when there is nothing to say (no candidate)."""
    if not basis or not alternatives:
        return ""
    from .calibration import RESOLVE_AT, confidence

    rung, where, rivals = basis.split("|")
    share = confidence(basis, profile=profile)
    how = (f"answers like this one were within 25 km {share:.0%} of the time on the sets measured, "
           f"and placing needs {RESOLVE_AT:.0%}")
    hint = ""
    if where == "none":
        # the most an admin1 could give: the candidate alone in it (namesakes elsewhere drop out); nu11:
        # "Fallujha" was told to give its admin1, which placed nothing (fuzzy|agree|alone measures 30%)
        with_admin1 = confidence(f"{rung}|agree|alone", profile=profile)
        hint = ("; give the admin1 (--admin1) to choose" if with_admin1 >= RESOLVE_AT else
                f"; giving its admin1 would not place it either (answers like this with the admin1 measured "
                f"{with_admin1:.0%}): check the spelling, or pick a candidate below")
    if where in ("differs", "out"):
        return "the place found lies outside the admin1/admin2 given, so it is not the one meant"
    if rivals == "elsewhere":
        return ("a town or city of exactly this name lies outside the admin1 given, and only a like spelling inside "
                "it: the admin1 or the spelling is not the source's place; pick a candidate below")
    if rung == "district":
        return f"no place of this name is in the gazetteer, but a district is (see the hint); {how}"
    if rung.endswith(("kind", "quarter")):
        return f"the place found is of another kind than the name says (a town for a base, a quarter for a village); {how}"
    from .display import place_display
    from .geocoder import RIVAL_MARGIN

    # the candidates that score within RIVAL_MARGIN of the best: the ones the answer could not choose
    # between (nu10: "Baghouz" named only "Kasan", which tied with "Baghuz", and a rival at 0.79 beside
    # a best at 0.97 was called "close" with no measure of close)
    close = [a for a in alternatives if a.score >= alternatives[0].score - RIVAL_MARGIN - 1e-9]
    close_names = ", ".join(dict.fromkeys(place_display(a.name) for a in close[:4]))
    if rung.endswith(("key", "xkey", "fuzzy", "part")):
        if rivals == "contested" and len(close) > 1:
            return (f"only like spellings were found ({close_names}, scoring within {RIVAL_MARGIN:.1f} of each "
                    f"other), not the name as written; {how}{hint}")
        return (f"only a like spelling was found ({place_display(alternatives[0].name)}), not the name as written; "
                f"{how}{hint}")
    if rivals == "contested":
        return (f"{len(close)} places of this or a like name ({close_names}) score within {RIVAL_MARGIN:.1f} of "
                f"the best match; {how}{hint}")
    if rivals == "dominant":
        return f"the best candidate is a town or city, but smaller places share its name; {how}{hint}"
    if rivals == "seat":
        return (f"the best candidate lies in the district of this name (its seat, as far as the gazetteer knows), but "
                f"other places carry or resemble the name; {how}{hint}")
    if rivals == "common":
        return f"many places of the region carry this name and the one meant may be missing; {how}{hint}"
    return how + hint


def _why_not(basis: str | None, profile: str = "events") -> list[str]:
    """What the calibration class of an answer not placed says about the admin1/admin2 given (an
    admin1 naming no division of the country is the result's ``hint``, placed or not)."""
    if not basis:
        return []
    from .calibration import RESOLVE_AT, confidence

    rung, where, rivals = basis.split("|")
    why = {"out": ["the best candidate lies in another district (admin2) than the one given"],
           "differs": ["the best candidate lies in another admin1 than the one given"],
           }.get(where, [])
    if rivals == "common" and where == "none":
        why.append("many places of the region carry this name, so the one place of that name the gazetteer "
                   "holds in this country may not be the one meant")
        with_admin1 = confidence(f"{rung}|agree|common", profile=profile)
        if with_admin1 >= RESOLVE_AT:
            why.append(f"asked with the admin1 that holds it, answers of this kind measured {with_admin1:.1%} "
                       f"(class {rung}|agree|common) and are placed")
    return why


def _geocode_csv(args) -> int:
    import pandas as pd

    from .frame import geocode_frame
    if not args.out or not args.name_column or not (args.country_column or args.country):
        raise _Failure("--in needs --out, --name-column and --country-column (or --country)")
    try:
        frame = pd.read_csv(args.input, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise _Failure(f"{args.input}: cannot read as CSV ({exc})") from None
    missing = [c for c in (args.name_column, args.country_column, args.admin1_column, args.admin2_column)
               if c and c not in frame]
    if missing:
        raise _Failure(f"{args.input}: no column(s) {', '.join(map(repr, missing))}; "
                       f"the header has {', '.join(frame.columns)}")
    country_column = args.country_column
    if not country_column:
        country_column = "__country__"
        frame_in = frame.assign(**{country_column: args.country})
    else:
        frame_in = frame
    with _progress_bar() as progress:
        geo = geocode_frame(frame_in, args.name_column, country_column, args.admin1_column, progress=progress,
                            admin2_col=args.admin2_column, detail=True, profile=args.profile)
    try:
        frame.join(geo).to_csv(args.out, index=False)
    except OSError as exc:
        raise _Failure(f"{args.out}: cannot write ({exc.strerror or exc})") from None
    counts = geo["geo_status"].value_counts()
    print(f"{args.out}: {len(frame)} rows; " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)
    # OUT holds every row with its answer (resolved, ambiguous or unresolved: an answer, not a
    # failure). 1 only when some rows could not be geocoded as given (no name, no such country),
    # each named by file:line, column and reason.
    problems = _input_problems(frame_in, args.input, args.name_column, country_column,
                               args.country_column or "--country")
    for problem in problems[:MAX_ERRORS_SHOWN]:
        print(f"rejected: {problem}", file=sys.stderr)
    if len(problems) > MAX_ERRORS_SHOWN:
        print(f"... and {len(problems) - MAX_ERRORS_SHOWN} more rows", file=sys.stderr)
    return EXIT_PARTIAL if problems else EXIT_OK


def _input_problems(frame, path, name_column: str, country_column: str, country_label: str) -> list[str]:
    """Rows that cannot be geocoded as given: "in.csv:3: column 'country': 'Atlantis' is not a
    country code or name" (line numbers count the header as line 1)."""
    from .countries import country_code
    problems = []
    known = {value: country_code(value) is not None for value in frame[country_column].unique()}
    for line, (name, country) in enumerate(zip(frame[name_column], frame[country_column]), start=2):
        if not str(name).strip():
            problems.append(f"{path}:{line}: column {name_column!r}: no place name")
        elif not known[country]:
            where = f"column {country_label!r}" if country_label != "--country" else "--country"
            problems.append(f"{path}:{line}: {where}: {country!r} is not a country code or name")
    return problems


class _progress_bar:
    """tqdm bar fed by geocode_frame's progress(done, total), only when stderr is a terminal."""

    def __enter__(self):
        self.bar = None
        if not sys.stderr.isatty():
            return None
        from tqdm import tqdm

        def progress(done: int, total: int) -> None:
            if self.bar is None:
                self.bar = tqdm(total=total, unit="name", file=sys.stderr)
            self.bar.update(done - self.bar.n)
        return progress

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()


# -- imports -------------------------------------------------------------------------------
def _store():
    from .gazetteer import store_path
    from .store import ImportedGazetteer
    return ImportedGazetteer(store_path())


def _finish_import(reports) -> int:
    from .gazetteer import reset_default_gazetteer
    reset_default_gazetteer()
    errors = [e for r in reports for e in r.errors]
    for report in reports:
        print(report.summary())
    for error in errors[:MAX_ERRORS_SHOWN]:
        print(f"rejected: {error}", file=sys.stderr)
    if len(errors) > MAX_ERRORS_SHOWN:
        print(f"... and {len(errors) - MAX_ERRORS_SHOWN} more rejected rows", file=sys.stderr)
    return EXIT_PARTIAL if errors else EXIT_OK


def _import_geonames(args) -> int:
    from .errors import GazetteerFileError
    from .imports.geonames import import_geonames
    store = _store()
    reports = []
    for path in args.files:
        try:
            reports.append(import_geonames(path, store))
        except GazetteerFileError as exc:
            raise _Failure(str(exc)) from None
    return _finish_import(reports)


def _import_csv(args) -> int:
    from .errors import GazetteerFileError
    from .imports.csv_list import import_csv
    try:
        report = import_csv(args.file, _store(), name_column=args.name_column, lat_column=args.lat_column,
                            lon_column=args.lon_column, country=args.country, country_column=args.country_column,
                            alias_columns=tuple(args.alias_columns), admin1_column=args.admin1_column,
                            id_column=args.id_column, kind=args.kind, source=args.source_name)
    except GazetteerFileError as exc:
        raise _Failure(str(exc)) from None
    return _finish_import([report])


def _download_geonames(args) -> int:
    from . import settings
    from .download import DownloadUnavailable, download_dump
    from .imports.geonames import import_geonames
    try:
        paths = [download_dump(cc, settings.data_dir() / "downloads", timeout=args.timeout) for cc in args.countries]
    except DownloadUnavailable as exc:
        print(f"error: {exc} (no internet? download the zip elsewhere and run import-geonames FILE)",
              file=sys.stderr)
        return EXIT_FAILED
    store = _store()
    return _finish_import([import_geonames(path, store) for path in paths])


if __name__ == "__main__":
    sys.exit(main())
