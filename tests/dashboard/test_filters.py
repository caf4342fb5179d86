"""Selecting events: each filter alone, together, and the date window's binary search against a plain scan."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.filters import Filters, apply, options

from .conftest import event, make_frame


def ids(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["event_id"])


def test_no_filter_keeps_everything(sample_frame):
    assert ids(apply(sample_frame, Filters())) == ids(sample_frame)


def test_date_window_is_inclusive(sample_frame):
    f = Filters(start=dt.date(2024, 4, 19), end=dt.date(2024, 4, 21))
    assert ids(apply(sample_frame, f)) == ["A3", "A4"]


def test_reversed_dates_are_read_in_order(sample_frame):
    f = Filters(start=dt.date(2024, 4, 21), end=dt.date(2024, 4, 19))
    assert ids(apply(sample_frame, f)) == ["A3", "A4"]


def test_each_filter(sample_frame):
    assert ids(apply(sample_frame, Filters(types=("Protests", "Battles")))) == ["A5", "A6"]
    assert ids(apply(sample_frame, Filters(subs=("Air/drone strike",)))) == ["A1", "A2"]
    assert ids(apply(sample_frame, Filters(countries=("JO",)))) == ["A1"]
    assert ids(apply(sample_frame, Filters(admin1=("Babil", "Anbar")))) == ["A2", "A3"]
    assert ids(apply(sample_frame, Filters(min_fatalities=3))) == ["A1", "A2"]
    assert ids(apply(sample_frame, Filters(actor="kataib"))) == ["A2"]  # actor2, any case
    assert ids(apply(sample_frame, Filters(text="kalsu blast"))) == ["A3"]  # every word, location or notes
    assert ids(apply(sample_frame, Filters(text="zummar"))) == ["A4"]


def test_unknown_fatalities_never_pass_a_minimum():
    frame = make_frame(event(event_id="K", fatalities=None), event(event_id="L", fatalities=5))
    assert ids(apply(frame, Filters(min_fatalities=1))) == ["L"]
    assert ids(apply(frame, Filters(min_fatalities=0))) == ["K", "L"]


def test_filters_combine(sample_frame):
    f = Filters(types=("Explosions/Remote violence",), countries=("IQ",), start=dt.date(2024, 4, 1))
    assert ids(apply(sample_frame, f)) == ["A3"]


def test_options_come_from_the_data(sample_frame):
    opts = options(sample_frame)
    assert opts.types == ("Battles", "Explosions/Remote violence", "Protests")  # ACLED's order
    assert opts.countries == ("IQ", "JO", "SY")
    assert (opts.first, opts.last) == (dt.date(2024, 1, 28), dt.date(2024, 4, 22))
    assert "A4" in opts.event_ids


days = st.integers(min_value=0, max_value=60)


@settings(max_examples=60, deadline=None)
@given(st.lists(days, min_size=0, max_size=30), days, days)
def test_date_window_matches_a_plain_scan(offsets, a, b):
    start = dt.date(2024, 1, 1)
    frame = make_frame(*[event(event_id=f"D{i}", event_date=str(start + dt.timedelta(days=o)))
                         for i, o in enumerate(offsets)]) if offsets else make_frame(event()).iloc[0:0]
    lo, hi = sorted((start + dt.timedelta(days=a), start + dt.timedelta(days=b)))
    expected = frame[(frame["event_date"] >= pd.Timestamp(lo)) & (frame["event_date"] <= pd.Timestamp(hi))]
    assert ids(apply(frame, Filters(start=lo, end=hi))) == ids(expected)


# --- search and actor match as people type: folded like geodata folds place names ------------------------
FOLDED = make_frame(
    *(event(event_id=f"F{i}", location=loc, country="IQ") for i, loc in
      enumerate(["Al Fallūjah town", "Al-Fallujah", "Fallujah", "al fallūjah"])),
    event(event_id="R1", location="Rumalyn"),
    event(event_id="R2", location="Rmelan", notes="Rockets at the base"),
    event(event_id="K1", actor1="Kataib Hezbollah", location="Jurf al-Sakhar", country="IQ"),
    event(event_id="Z1", location="Zummar", actor1="Unidentified Armed Group (Iraq)", country="IQ"),
)


def test_q_fallujah_finds_every_spelling_of_al_fallujah():
    assert ids(apply(FOLDED, Filters(text="Fallujah"))) == ["F0", "F1", "F2", "F3"]
    assert ids(apply(FOLDED, Filters(text="Fallūjah"))) == ["F0", "F1", "F2", "F3"]
    assert ids(apply(FOLDED, Filters(text="fallu"))) == ["F0", "F1", "F2", "F3"]  # as it is typed


def test_q_in_arabic_script_finds_the_rumalyn_events():
    assert ids(apply(FOLDED, Filters(text="رميلان"))) == ["R1", "R2"]
    assert ids(apply(FOLDED, Filters(text="الرميلان"))) == ["R1", "R2"]  # with the article


def test_actor_transliteration_variant_finds_kataib_hezbollah():
    assert ids(apply(FOLDED, Filters(actor="Kata'ib Hizballah"))) == ["K1"]
    assert ids(apply(FOLDED, Filters(actor="kataib hez"))) == ["K1"]
    assert ids(apply(FOLDED, Filters(actor="Hizballah Kataib"))) == []  # words in order


def test_folding_does_not_match_unrelated_places():
    assert ids(apply(FOLDED, Filters(text="Zummar"))) == ["Z1"]
    assert ids(apply(FOLDED, Filters(text="Fallujah Rumalyn"))) == []  # every word must match
