"""A new user's three reports (nu12, tests/events/drafts/data/nu12/): each one draft, with the right
place, date, kind, toll and actors."""
import datetime as dt
from pathlib import Path

import pytest

from events.drafts import draft_report
from geodata.geo import distance_km

DATA = Path(__file__).parent / "data" / "nu12"


def _drafts(name: str, published: str) -> list[dict]:
    return draft_report((DATA / name).read_text(encoding="utf-8"), dt.date.fromisoformat(published)).drafts


def test_victims_named_in_a_headline_are_actor2_and_the_claimant_acts():
    """"Three US soldiers killed in drone attack" (a headline's passive), "Three American service members
    were killed": the US is who was hit; "The Islamic Resistance in Iraq ... claimed" names the attacker, and
    the country in its name ("in Iraq") does not place the attack in Iraq."""
    (d,) = _drafts("r1_tower22_jordan.txt", "2024-01-29")
    assert (d["location"], d["country"], d["event_date"], d["fatalities"]) == ("Tower 22", "JO", "2024-01-28", 3)
    assert d["actor1"] == "Islamic Resistance in Iraq"
    assert d["actor2"] == "Military Forces of the United States (2021-)"
    assert "attacker not named in the report" not in d["flags"]


def test_a_district_of_the_city_told_before_is_the_same_strike():
    """"... destroyed the consular building ... in the Syrian capital Damascus on Monday, killing seven" then
    "Israeli F-35 warplanes fired six missiles ... at the building in the Mezzeh district of western Damascus":
    one air strike (the warplanes' missiles are theirs), by Israel, and the toll that "had risen to 13"."""
    (d,) = _drafts("r2_damascus_consulate.txt", "2024-04-02")
    assert d["location"] == "Damascus" and d["event_date"] == "2024-04-01"
    assert distance_km(d["latitude"], d["longitude"], 33.503, 36.252) < 25
    assert d["sub_event_type"] == "Air/drone strike"
    assert d["actor1"] == "Military Forces of Israel (2022-)" and d["fatalities"] == 13


def test_the_headline_tells_the_leads_event():
    """The headline "Two Kurdish journalists killed in Turkish drone strike in Sulaimani province" is the event
    the lead places near Said Sadiq on Friday: one draft, not a second one dated by publication."""
    (d,) = _drafts("r3_saidsadiq_turkish_drone.txt", "2024-08-24")
    assert d["event_date"] == "2024-08-23" and d["fatalities"] == 2
    assert distance_km(d["latitude"], d["longitude"], 35.35, 45.87) < 25
    assert d["actor1"] == "Military Forces of Turkey" and d["actor2"] == "Civilians (Iraq)"   # journalists


def test_a_place_written_as_a_province_is_drafted_at_province_precision():
    (d,) = draft_report("A Turkish drone struck a car in Sulaimani province on Friday, killing two people.",
                        dt.date(2024, 8, 24)).drafts
    assert d["geo_precision"] == 3 and d["admin1"]


@pytest.mark.parametrize("sentence, actor1, actor2", [
    ("US soldiers killed two militants in a raid near Tower 22 in Jordan on Sunday.", "Military Forces of the United States (2021-)", ""),
    ("Two US soldiers killed in drone attack on Tower 22 in Jordan on Sunday.", "", "Military Forces of the United States (2021-)"),
    ("Israeli F-16 jets struck a house in Khiam in southern Lebanon on Monday.", "Military Forces of Israel (2022-)", ""),
])
def test_who_acted_and_who_was_hit(sentence, actor1, actor2):
    (d,) = draft_report(sentence, dt.date(2024, 1, 29)).drafts
    assert d["actor2"] == actor2
    assert d["actor1"] == actor1 or (not actor1 and d["actor1"].startswith("Unidentified"))


def test_notes_end_the_headline_and_cut_at_a_sentence():
    """nu12: the notes ran the headline into the dateline ("... base in Jordan AMMAN, Jan 29 -") and were cut
    mid-word ("still asleep in t...")."""
    from events.drafts.draft import NOTES_CHARS, _notes

    (d,) = _drafts("r1_tower22_jordan.txt", "2024-01-29")
    assert d["notes"].startswith("Three US soldiers killed in drone attack on base in Jordan. AMMAN, Jan 29")
    long = _notes(["A drone struck the base on Sunday."] * 30)
    assert len(long) <= NOTES_CHARS and long.endswith("Sunday. …")
    assert d["evidence"][0] == "Three US soldiers killed in drone attack on base in Jordan"     # evidence stays exact


# Kinds of fault from held-out set 35 (read after its first measurement), each in new words.

def test_rockets_that_slammed_into_a_base_are_an_attack_there():
    (d,) = draft_report("Three rockets slammed into Ain al-Asad air base in Anbar province on Tuesday without "
                        "causing casualties, a security source said.", dt.date(2023, 10, 25)).drafts
    assert d["location"].startswith("Ain al-Asad") and d["sub_event_type"] == "Shelling/artillery/missile attack"
    assert d["event_date"] == "2023-10-24"


def test_a_ship_hit_off_the_coast_of_a_port_is_placed_near_the_port():
    (d,) = draft_report("An Israeli drone struck a boat off the coast of Lebanon's Tyre on Monday, state media said.",
                        dt.date(2024, 2, 20)).drafts
    assert d["geo_precision"] == 2 and distance_km(d["latitude"], d["longitude"], 33.27, 35.20) < 25


def test_a_province_level_event_is_placed_near_the_city_the_next_sentence_names():
    text = ("Two soldiers were killed on Monday when a roadside bomb hit their patrol in Diyala province. "
            "The patrol was searching orchards near the city of Baqubah, an officer said.")
    (d,) = draft_report(text, dt.date(2023, 5, 9)).drafts
    assert d["geo_precision"] == 2 and distance_km(d["latitude"], d["longitude"], 33.75, 44.64) < 25
    assert any("placed near it" in f for f in d["flags"])
