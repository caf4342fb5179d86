"""The URL is the shareable view: its parameter names, how to check them, how to write them.

The filter widgets are bound to their parameters with Streamlit's ``bind="query-params"``,
which silently drops values it cannot use. ``check`` runs first, on the URL as opened, so
the analyst is told what was ignored. The map view and the selected event are not widgets;
``read_view`` / ``read_selected`` parse them and the app writes them with ``st.query_params``.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from .basemaps import BASEMAPS, DEFAULT_BASEMAP
from .filters import Filters, Options
from .safe_text import plain

# Public contract: documented in the README. Keys double as the bound widgets' keys.
PARAMS: dict[str, str] = {
    "dates": "date window, two ISO dates: ?dates=2024-04-20&dates=2024-04-22",
    "type": "event type (repeat for several): ?type=Battles",
    "sub": "sub-event type (repeatable)",
    "actor": "text an actor's name contains",
    "country": "ISO 3166-1 alpha-2 country code (repeatable)",
    "admin1": "governorate / province (repeatable)",
    "admin2": "district (repeatable)",
    "minfat": "minimum reported fatalities (whole number)",
    "q": "free text over location, actors and notes (every word must match)",
    "base": "base map: " + " | ".join(BASEMAPS),
    "heat": "heat-map layer: true",
    "areas": "admin-area choropleth: events | fatalities",
    "lat": "map centre latitude",
    "lon": "map centre longitude",
    "z": "map zoom, 1-18",
    "ev": "selected event id",
    "retired": "show retired events too: 1 (event store only)",
}
VIEW_PARAMS = ("lat", "lon", "z", "ev")
# The parameters a widget reads (its key is the parameter's name); the rest are the map view and "retired".
WIDGET_PARAMS = ("dates", "type", "sub", "actor", "country", "admin1", "admin2", "minfat", "q", "base", "heat",
                 "areas")
MULTI_PARAMS = {"type": "types", "sub": "subs", "country": "countries", "admin1": "admin1", "admin2": "admin2"}
STREAMLIT_PARAMS = ("embed", "embed_options")  # Streamlit's own, never ours to judge
MIN_ZOOM, MAX_ZOOM = 1, 18
MAX_TEXT = 200


@dataclass(frozen=True)
class View:
    lat: float
    lon: float
    zoom: int


def _values(params: Mapping[str, object], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _url_date(text: str) -> dt.date | None:
    """An ISO date (what links use), or microseconds since 1970 (what Streamlit writes when the app moves
    the bound slider itself, e.g. during playback): both open the same window."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        micros = float(text)
        return (dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=micros)).date() if math.isfinite(micros) else None
    except (ValueError, OverflowError):
        return None


def _check_dates(values: list[str]) -> str | None:
    shown = ", ".join(plain(v, 20) for v in values)
    if len(values) != 2:
        return f"`dates`: it needs two dates (from and to), got: {shown or 'none'}"
    bad = [v for v in values if _url_date(v) is None]
    if bad:
        # nu12: "2024-02-30, 2024-01-01" did not say which of the two was wrong
        which = "neither is a date" if len(bad) == 2 else f"{plain(bad[0], 20)} is not a date"
        return f"`dates`: it must be dates like 2024-04-20; {which} (got: {shown})"
    return None


def read_dates(params: Mapping[str, object], opts: Options) -> tuple[tuple[dt.date, dt.date] | None, str | None]:
    """The date window a link asks for, and a notice when it is not shown exactly as written.

    Returns (window, notice): window None when ``dates`` is absent or unusable (``check`` names it).
    A window reaching past the data is clamped to it, with a notice; one entirely outside the data
    is returned as it is (the selection is then empty, never everything), with a notice. From/to in
    the wrong order are swapped. Both ISO dates and Streamlit's microseconds are read."""
    values = _values(params, "dates")
    if not values or _check_dates(values) or opts.first is None:
        return None, None
    start, end = sorted(_url_date(v) for v in values)
    asked = f"{start} to {end}"
    if end < opts.first or start > opts.last:
        return (start, end), (f"`dates` {asked} is outside the data ({opts.first} to {opts.last}): "
                              "no events are shown. Widen the dates on the timeline to see some.")
    clamped = (max(start, opts.first), min(end, opts.last))
    if clamped != (start, end):
        return clamped, (f"`dates` {asked} reaches past the data ({opts.first} to {opts.last}): "
                         f"showing {clamped[0]} to {clamped[1]}.")
    return clamped, None


def _check_int(key: str, values: list[str], low: int, high: int | None) -> str | None:
    text = values[-1] if values else ""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number != int(number) or number < low or (high is not None and number > high):
        bound = f"{low} to {high}" if high is not None else f"{low} or more"
        return f"`{key}`: it must be a whole number, {bound}; got {plain(text)}"
    return None


def _check_float(key: str, values: list[str], limit: float) -> str | None:
    text = values[-1] if values else ""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or abs(number) > limit:
        return f"`{key}`: it must be a number from -{limit:g} to {limit:g}; got {plain(text)}"
    return None


def check(params: Mapping[str, object], opts: Options) -> list[str]:
    """One short notice per parameter value that will be ignored ("Ignored ...") or cut ("Cut ..."),
    Markdown-safe."""
    notices, cut = [], []
    for key in params:
        if key in STREAMLIT_PARAMS:
            continue
        values = _values(params, key)
        if key not in PARAMS:
            notices.append(f"unknown parameter {plain(key, 20)}")
        elif key == "dates":
            notices.append(_check_dates(values))
        elif key in MULTI_PARAMS:
            allowed = set(getattr(opts, MULTI_PARAMS[key]))
            unknown = [v for v in values if v not in allowed]
            if unknown:
                notices.append(f"`{key}` not in the data: " + ", ".join(plain(v) for v in unknown[:5]))
        elif key == "minfat":
            notices.append(_check_int(key, values, 0, None))
        elif key == "z":
            notices.append(_check_int(key, values, MIN_ZOOM, MAX_ZOOM))
        elif key in ("lat", "lon"):
            notices.append(_check_float(key, values, 90 if key == "lat" else 180))
        elif key == "base" and (values[-1:] or [""])[0] not in BASEMAPS:
            notices.append(f"`base`: it must be one of {', '.join(BASEMAPS)}; got {plain((values[-1:] or [''])[0])}")
        elif key == "areas" and (values[-1:] or [""])[0] not in ("events", "fatalities"):
            notices.append(f"`areas`: it must be events or fatalities; got {plain((values[-1:] or [''])[0])}")
        elif key == "heat" and (values[-1:] or [""])[0].lower() not in ("true", "false"):
            notices.append(f"`heat`: it must be true or false; got {plain((values[-1:] or [''])[0])}")
        elif key in ("actor", "q") and len((values[-1:] or [""])[0]) > MAX_TEXT:
            # The text box keeps the first MAX_TEXT characters and searches for them: say so, not "ignored".
            cut.append(f"Cut `{key}` to its first {MAX_TEXT} characters (it had {len(values[-1]):,}); "
                       f"the search uses the first {MAX_TEXT}.")
        elif key == "ev" and (values[-1:] or [""])[0] not in opts.event_ids:
            notices.append(f"event `ev` {plain((values[-1:] or [''])[0])} is not in the data")
    if ("lat" in params) != ("lon" in params):
        notices.append("`lat` and `lon` go together; the map centre was ignored")
    out = [f"Ignored {n}." for n in notices if n] + cut
    dates_notice = read_dates(params, opts)[1]
    return out + ([dates_notice] if dates_notice else [])


def respell_admin1(values: Sequence[str], allowed) -> list[str]:
    """A link's ``admin1`` values with each spelling the data shows under a display name replaced by it
    ("Ninawa", "Ninewa" -> "Nineveh" when the data has "Nineveh"); others as they are (``check`` names them)."""
    from geodata.display import displays_named

    allowed = set(allowed)
    out = []
    for value in values:
        names = displays_named(value) & allowed if value not in allowed else set()
        out.append(next(iter(names)) if len(names) == 1 else value)
    return out


def respell_admin2(values: Sequence[str], allowed) -> list[str]:
    """A link's ``admin2`` values with each other spelling of a district the data has replaced by the
    name the district filter shows ("Hit", "Hīt", "هيت" -> "Heet"; "Falluja" -> "Fallujah"): first
    the district whose embedded polygon goes by that name (``geodata.display.admin2_display``), else
    the one district of the data whose name has the same consonant skeleton (``geodata.translit.name_key``,
    at least two letters, one district only). Others stay as they are (``check`` names them). nu8: only
    the filter's own spelling worked, while governorates took any (``respell_admin1``)."""
    from geodata.build import COUNTRIES
    from geodata.display import admin2_display
    from geodata.translit import name_key

    allowed = [a for a in allowed if isinstance(a, str) and a]
    by_key: dict[str, set[str]] = {}
    for name in allowed:
        by_key.setdefault(name_key(name), set()).add(name)
    out = []
    for value in values:
        if value in allowed or not isinstance(value, str) or not value.strip():
            out.append(value)
            continue
        shown = {admin2_display(code, value) for code in COUNTRIES}
        named = {n for n in shown if n} & set(allowed)
        key = name_key(value)
        skeleton = by_key.get(key, set()) if len(key) >= 2 else set()
        found = named if len(named) == 1 else skeleton
        out.append(next(iter(found)) if len(found) == 1 else value)
    return out


def widget_params(params: Mapping[str, object]) -> list[str]:
    """The parameters in ``params`` that a filter, map or timeline widget reads."""
    return [key for key in WIDGET_PARAMS if key in params]


def unusable_bound(params: Mapping[str, object]) -> list[str]:
    """Bound widget parameters to drop before the widgets read them: Streamlit's number_input raises
    (OverflowError) on ``minfat=inf`` / ``1e400`` instead of ignoring the value. ``check`` names them."""
    return [key for key in ("minfat",) if key in params and _check_int(key, _values(params, key), 0, None)]


def read_view(params: Mapping[str, object]) -> View | None:
    """The map centre and zoom from the URL, or None when absent or invalid (``check`` says why)."""
    lat, lon, z = (_values(params, k)[-1:] for k in ("lat", "lon", "z"))
    if not (lat and lon) or _check_float("lat", lat, 90) or _check_float("lon", lon, 180):
        return None
    zoom = int(float(z[0])) if z and not _check_int("z", z, MIN_ZOOM, MAX_ZOOM) else None
    return View(float(lat[0]), float(lon[0]), zoom or 0)


LINK_ZOOM = 8  # the zoom a link's lat/lon opens at when it has no (valid) z: about one governorate


def link_view(params: Mapping[str, object], centre: tuple[float, float] | None) -> View | None:
    """The map view a link opens on, completed so a partial view is kept, never dropped: ``lat`` + ``lon``
    without a valid ``z`` keep that centre at ``LINK_ZOOM``; a valid ``z`` alone keeps that zoom around
    ``centre`` (the data's centre, (lat, lon) degrees; None: no events placed, so no view). None when the
    link has no usable view (``check`` names what is wrong)."""
    view = read_view(params)
    if view is not None:
        return view if view.zoom else View(view.lat, view.lon, LINK_ZOOM)
    z = _values(params, "z")[-1:]
    if z and "lat" not in params and "lon" not in params and centre is not None \
            and not _check_int("z", z, MIN_ZOOM, MAX_ZOOM):
        return View(round(centre[0], 4), round(centre[1], 4), int(float(z[0])))
    return None


def read_selected(params: Mapping[str, object], opts: Options) -> str | None:
    value = _values(params, "ev")[-1:]
    return value[0] if value and value[0] in opts.event_ids else None


def query_pairs(f: Filters, opts: Options, base: str = DEFAULT_BASEMAP, heat: bool = False,
                view: View | None = None, selected: str | None = None, areas: str = "off") -> list[tuple[str, str]]:
    """The URL parameters for a view, leaving out everything at its default."""
    pairs: list[tuple[str, str]] = []
    if f.start and f.end and (f.start, f.end) != (opts.first, opts.last):  # ISO dates, always
        pairs += [("dates", f.start.isoformat()), ("dates", f.end.isoformat())]
    for key, attr in MULTI_PARAMS.items():
        pairs += [(key, v) for v in getattr(f, attr)]
    if f.actor:
        pairs.append(("actor", f.actor))
    if f.min_fatalities:
        pairs.append(("minfat", str(f.min_fatalities)))
    if f.text:
        pairs.append(("q", f.text))
    if base != DEFAULT_BASEMAP:
        pairs.append(("base", base))
    if heat:
        pairs.append(("heat", "true"))
    if areas in ("events", "fatalities"):
        pairs.append(("areas", areas))
    if view is not None:
        pairs += view_pairs(view)
    if selected:
        pairs.append(("ev", selected))
    return pairs


def view_pairs(view: View) -> list[tuple[str, str]]:
    """``lat``/``lon`` to 4 decimals (about 10 m) and ``z``."""
    pairs = [("lat", f"{view.lat:.4f}"), ("lon", f"{view.lon:.4f}")]
    return pairs + ([("z", str(view.zoom))] if view.zoom else [])


def share_link(app_url: str | None, pairs: Sequence[tuple[str, str]]) -> str:
    """The full link to copy: the app's address plus the query string."""
    root = (app_url or "http://localhost:8501/").split("?")[0]
    query = urlencode(list(pairs))
    return f"{root}?{query}" if query else root
