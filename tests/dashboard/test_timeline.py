"""Timeline: bin size by span, the histogram's counts and window, playback steps."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard import timeline

D = dt.date


@pytest.mark.parametrize("days, expected", [(1, "day"), (92, "day"), (93, "week"), (731, "week"), (732, "month")])
def test_bin_size_follows_the_span(days, expected):
    assert timeline.bin_for(D(2024, 1, 1), D(2024, 1, 1) + dt.timedelta(days=days - 1)) == expected


def test_histogram_counts_every_event_once_and_marks_the_window(sample_frame):
    first, last = D(2024, 1, 1), D(2024, 4, 22)  # 113 days: weekly bins
    hist = timeline.histogram(sample_frame, first, last, (D(2024, 4, 15), D(2024, 4, 22)))
    assert hist["events"].sum() == len(sample_frame)
    assert hist["fatalities"].sum() == int(sample_frame["fatalities"].sum())
    assert timeline.bin_for(first, last) == "week"
    assert (hist["bin_start"].dt.weekday == 0).all()  # weeks start on Monday
    inside = hist[hist["in_window"]]
    assert inside["events"].sum() == 3  # A3 (19 Apr), A4 (21 Apr), A5 (22 Apr)
    assert len(hist) == len(hist["bin_start"].unique())


def test_histogram_keeps_empty_bins(sample_frame):
    hist = timeline.histogram(sample_frame.iloc[0:0], D(2024, 1, 1), D(2024, 1, 10), (D(2024, 1, 1), D(2024, 1, 10)))
    assert len(hist) == 10 and hist["events"].sum() == 0 and hist["in_window"].all()


def test_step_moves_a_window_by_one_bin_keeping_its_width():
    first, last = D(2024, 1, 1), D(2024, 3, 1)  # 61 days: daily bins
    assert timeline.step((D(2024, 1, 10), D(2024, 1, 16)), first, last) == (D(2024, 1, 11), D(2024, 1, 17))
    assert timeline.step((D(2024, 1, 10), D(2024, 1, 16)), first, last, -1) == (D(2024, 1, 9), D(2024, 1, 15))


def test_step_stops_at_the_ends():
    first, last = D(2024, 1, 1), D(2024, 3, 1)
    assert timeline.step((D(2024, 2, 20), last), first, last) is None
    assert timeline.step((first, D(2024, 1, 5)), first, last, -1) is None
    assert timeline.step((D(2024, 2, 20), D(2024, 2, 29)), first, last) == (D(2024, 2, 21), last)


def test_playing_the_whole_span_starts_with_a_tenth_of_it():
    first, last = D(2023, 10, 18), D(2024, 4, 21)  # 187 days: weekly bins
    start = timeline.step((first, last), first, last)
    assert start == (first, first + dt.timedelta(days=17))
    moved = timeline.step(start, first, last)
    assert moved == (start[0] + dt.timedelta(days=7), start[1] + dt.timedelta(days=7))


def test_playback_reaches_the_end_and_stops():
    first, last = D(2024, 1, 1), D(2024, 1, 31)
    window, steps = (first, last), 0
    while (window := timeline.step(window, first, last)) is not None:
        steps += 1
        assert first <= window[0] <= window[1] <= last
        end = window[1]
    assert end == last and steps == 31 - 3 + 1  # a 3-day window slides one day at a time
