"""A new user's three reports with a headline above a wire dateline (nu13, tests/events/drafts/data/nu13/)."""
import datetime as dt
from pathlib import Path

from events.drafts import draft_report
from events.drafts.text import sentences
from geodata.geo import distance_km

DATA = Path(__file__).parent / "data" / "nu13"


def _drafts(name: str, published: str) -> list[dict]:
    return draft_report((DATA / name).read_text(encoding="utf-8"), dt.date.fromisoformat(published)).drafts


def test_a_headline_line_is_its_own_sentence_above_a_dateline():
    text = (DATA / "manbij.txt").read_text(encoding="utf-8")
    first, second = [s.text for s in sentences(text)[:2]]
    assert first == "Suicide blast at Manbij restaurant kills four Americans"
    assert second.startswith("MANBIJ, Syria, Jan 17 - A suicide bomber")
    # a hard-wrapped paragraph stays one sentence
    assert [s.text for s in sentences("A drone struck a base near\nTikrit on Sunday.")] == \
        ["A drone struck a base near\nTikrit on Sunday."]


def test_events_take_the_day_the_text_says_not_the_datelines():
    karrada = {d["location"]: d for d in _drafts("karrada.txt", "2016-07-04")}
    assert karrada["Karrada"]["event_date"] == "2016-07-03" and karrada["Karrada"]["fatalities"] == 292
    assert karrada["Karrada"]["sub_event_type"] == "Suicide bomb"
    assert distance_km(karrada["Karrada"]["latitude"], karrada["Karrada"]["longitude"], 33.305, 44.420) < 25
    (manbij,) = _drafts("manbij.txt", "2019-01-17")
    assert (manbij["event_date"], manbij["sub_event_type"], manbij["fatalities"]) == ("2019-01-16", "Suicide bomb", 19)


def test_a_landmark_in_a_city_places_the_event_in_the_city_and_the_revised_toll_counts():
    """"near the Saheb al-Zaman mosque in the southeastern Iranian city of Kerman": Kerman, not a village
    called Zaman; "Two bombs exploded": explosive devices; "the toll rose to 95" after 103: the later count."""
    (d,) = _drafts("kerman.txt", "2024-01-04")
    assert d["location"] == "Kerman" and d["event_date"] == "2024-01-03"
    assert distance_km(d["latitude"], d["longitude"], 30.28, 57.08) < 25
    assert d["sub_event_type"] == "Remote explosive/landmine/IED" and d["fatalities"] == 95
