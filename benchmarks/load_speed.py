"""How fast event files load: file -> validated event table, against the bare reader on the same file.

    python benchmarks/load_speed.py                 # 1,000,000-row ACLED CSV and 100,000-row xlsx
    python benchmarks/load_speed.py --csv-rows 200000 --xlsx-rows 20000

Generates, in a temporary folder, an ACLED export in the real 31-column lower-case layout (column
order as ACLED ships it; dates ``2024-04-21``; countries, ISO numeric codes, types, actors,
places, notes as in the Middle East data) and the same layout as an Excel workbook (openpyxl,
write-only). Then, in this one process and on the same files, prints:

- ``bare``: plain ``pandas.read_csv(path)`` (CSV) / ``python_calamine`` reading the first sheet
  into Python values (xlsx): the reader alone, nothing checked;
- ``events.load``: ``events.load(path, geocode=False)``: detection, missing values, mapping,
  countries, dates and every validation rule, giving the typed event table and its errors, and
  the coordinates-vs-country warnings (``events.placement``; the synthetic points scatter 0.5 degree
  around each country's centre, so about one row in six lies at sea or across a border and is warned);

as wall seconds, rows per second, CPU seconds (this process, all threads: Arrow's CSV reader uses
every core, pandas' one) and the ratios (aim: at most 2x the bare read, wall). The two are run
alternately and each figure is the best of ``--repeat`` runs, so both meet the same moments of a
shared machine; the load average is printed with them.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events import load  # noqa: E402

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
COUNTRIES = [("Iraq", 368, "IRQ", 33.3, 44.4), ("Syria", 760, "SYR", 35.0, 38.5), ("Yemen", 887, "YEM", 15.4, 44.2),
             ("Lebanon", 422, "LBN", 33.9, 35.5), ("Palestine", 275, "PSE", 31.5, 34.45)]
TYPES = [("Political violence", "Battles", "Armed clash"),
         ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
         ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Political violence", "Violence against civilians", "Attack"),
         ("Demonstrations", "Protests", "Peaceful protest"),
         ("Strategic developments", "Strategic developments", "Arrests")]
ACTORS = ["Military Forces of Iraq (2020-)", "Islamic State (Iraq)", "Popular Mobilization Forces",
          "Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham", "Houthi Movement", "Protesters (Iraq)",
          "Unidentified Armed Group (Syria)", "Military Forces of Israel (2022-)"]
PLACES = ["Mosul", "Baghdad", "Kirkuk", "Deir ez-Zor", "Idlib", "Aleppo", "Sanaa", "Marib", "Tyre", "Gaza City"]


def acled_frame(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` synthetic ACLED rows in the real 31-column layout, every value as text."""
    rng = np.random.default_rng(seed)
    c = rng.integers(0, len(COUNTRIES), n)
    t = rng.integers(0, len(TYPES), n)
    days = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3650, n), unit="D")
    country = np.array([x[0] for x in COUNTRIES], dtype=object)[c]
    frame = pd.DataFrame({
        "event_id_cnty": pd.Series(np.array([x[2] for x in COUNTRIES], dtype=object)[c]) + pd.Series(np.arange(n)).astype(str),
        "event_date": days.strftime("%Y-%m-%d"),
        "year": days.year.astype(str),
        "time_precision": rng.integers(1, 4, n).astype(str),
        "disorder_type": np.array([x[0] for x in TYPES], dtype=object)[t],
        "event_type": np.array([x[1] for x in TYPES], dtype=object)[t],
        "sub_event_type": np.array([x[2] for x in TYPES], dtype=object)[t],
        "actor1": np.array(ACTORS, dtype=object)[rng.integers(0, len(ACTORS), n)],
        "assoc_actor_1": "",
        "inter1": "State forces",
        "actor2": np.array(ACTORS + [""], dtype=object)[rng.integers(0, len(ACTORS) + 1, n)],
        "assoc_actor_2": "",
        "inter2": "Rebel group",
        "interaction": "State forces-Rebel group",
        "civilian_targeting": "",
        "iso": np.array([str(x[1]) for x in COUNTRIES], dtype=object)[c],
        "region": "Middle East",
        "country": country,
        "admin1": "Province", "admin2": "District", "admin3": "",
        "location": np.array(PLACES, dtype=object)[rng.integers(0, len(PLACES), n)],
        "latitude": (np.array([x[3] for x in COUNTRIES])[c] + rng.normal(0, 0.5, n)).round(4).astype(str),
        "longitude": (np.array([x[4] for x in COUNTRIES])[c] + rng.normal(0, 0.5, n)).round(4).astype(str),
        "geo_precision": rng.integers(1, 4, n).astype(str),
        "source": "Shafaq News; SOHR",
        "source_scale": "National",
        "notes": "On " + days.strftime("%d %B %Y") + ", an event was reported near the town; details are as the source gave them.",
        "fatalities": rng.poisson(1.2, n).astype(str),
        "tags": "",
        "timestamp": "1714000000",
    })
    return frame[list(ACLED_COLUMNS)]


def side_by_side(bare, loaded, repeat: int) -> tuple[tuple[float, float], tuple[float, float], object]:
    """Best (wall s, CPU s) of ``repeat`` runs of each, run alternately (bare, load, bare, load ...)
    so both meet the same moments of a shared machine; CPU = this process's CPU time, all threads."""
    bare_t, load_t, out = [], [], None
    for _ in range(repeat):
        for fn, times in ((bare, bare_t), (loaded, load_t)):
            wall, cpu = time.perf_counter(), time.process_time()
            result = fn()
            times.append((time.perf_counter() - wall, time.process_time() - cpu))
            if fn is loaded:
                out = result
            del result
    return min(bare_t), min(load_t), out


def report(what: str, rows: int, bare_name: str, bare: tuple[float, float], load: tuple[float, float],
           valid: int, rejected: int, warned: int | None = None) -> None:
    print(f"\n{what}: {rows:,} rows   (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"  {'reader':<28}{'wall s':>10}{'rows/s':>14}{'CPU s':>10}")
    print(f"  {bare_name:<28}{bare[0]:>10.2f}{rows / bare[0]:>14,.0f}{bare[1]:>10.2f}")
    print(f"  {'events.load (validated)':<28}{load[0]:>10.2f}{rows / load[0]:>14,.0f}{load[1]:>10.2f}")
    print(f"  ratio events.load / bare: {load[0] / bare[0]:.2f}x wall, {load[1] / bare[1]:.2f}x CPU   "
          f"({valid:,} valid, {rejected:,} rejected"
          + (f", {warned:,} kept with a warning: coordinates away from their country)" if warned is not None else ")"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv-rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.csv_rows:
            path = Path(tmp) / "acled.csv"
            acled_frame(args.csv_rows).to_csv(path, index=False)
            print(f"generated {path.stat().st_size / 1e6:.0f} MB ACLED CSV")
            bare_s, load_s, result = side_by_side(lambda: pd.read_csv(path), lambda: load(path, geocode=False),
                                                  args.repeat)
            assert result.format == "acled"
            report("ACLED CSV (31 columns)", args.csv_rows, "pandas.read_csv", bare_s, load_s,
                   len(result.frame), result.rejected, len(result.warnings))
        if args.xlsx_rows:
            from openpyxl import Workbook
            from python_calamine import CalamineWorkbook

            path = Path(tmp) / "acled.xlsx"
            book = Workbook(write_only=True)
            sheet = book.create_sheet()
            frame = acled_frame(args.xlsx_rows)
            sheet.append(list(frame.columns))
            for row in frame.itertuples(index=False):
                sheet.append(list(row))
            book.save(path)
            print(f"\ngenerated {path.stat().st_size / 1e6:.0f} MB ACLED xlsx")
            bare_s, load_s, result = side_by_side(
                lambda: CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(),
                lambda: load(path, geocode=False), args.repeat)
            assert result.format == "acled" and result.container == "xlsx"
            report("ACLED xlsx (31 columns)", args.xlsx_rows, "python_calamine (sheet)", bare_s, load_s,
                   len(result.frame), result.rejected, len(result.warnings))


if __name__ == "__main__":
    main()
