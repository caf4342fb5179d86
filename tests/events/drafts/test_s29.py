"""Faults found in session 29 (the last new user's trial, and the sets read after their unread measurement), each
written as the kind, in words of its own."""
from datetime import date

from events.drafts.draft import draft_report

from .helpers import drafts as _drafts, only_near as _only_near


# coordinates: Wikipedia's article of each place (degrees, rounded)
KIRKUK = (35.47, 44.39)
SAMARRA = (34.20, 43.87)
RAMADI = (33.42, 43.30)


def test_a_round_ups_lead_dates_the_events_it_sums_up():
    # nu32 H3: "Violence across Iraq killed at least nine people on Monday", then one line per town with no day: every
    # event had been dated the publication day (a Tuesday), the day after the violence
    found = _drafts("Violence across northern Iraq left at least seven people dead on Sunday, officials said.\n\n"
                    "In Kirkuk, a roadside bomb hit a police patrol, killing two policemen.\n"
                    "A car bomb went off at a checkpoint in Samarra, killing three soldiers.", "2016-03-15")
    assert _only_near(found, KIRKUK)["event_date"] == "2016-03-13"
    assert _only_near(found, SAMARRA)["event_date"] == "2016-03-13"
    assert {d["date_precision"] for d in found} == {1}


def test_gunmen_shooting_dead_an_official_is_an_attack_on_a_civilian():
    # nu32 H4: "gunmen shot dead a local council member" was typed Explosions/Remote violence, "the report says only
    # 'attack'" (it never did); a member of a council or parliament is no armed force's member
    for victim in ("a municipal councillor", "a member of the provincial council"):
        found = _drafts(f"In the Iraqi city of Ramadi, gunmen shot dead {victim} near a mosque on Friday.", "2014-02-09")
        drafted = _only_near(found, RAMADI)
        assert (drafted["event_type"], drafted["sub_event_type"]) == ("Violence against civilians", "Attack"), victim
        assert not any("type not stated" in f for f in drafted["flags"])


MANBIJ = (36.53, 37.95)


def test_both_sides_of_fighting_between_groups_described_by_their_backers():
    # nu32 M2: "between the Turkish-backed Syrian National Army and the Kurdish-led Syrian Democratic Forces" gave only
    # the first side: the second's "Kurdish-led" stood between "and the" and its name
    found = _drafts("Heavy fighting erupted near Manbij on Tuesday between the Kurdish-led Syrian Democratic Forces and "
                    "the Turkish-backed Syrian National Army, a war monitor said.", "2024-11-14")
    drafted = _only_near(found, MANBIJ)
    sides = drafted["actor1"] + " | " + drafted["actor2"]
    assert "Syrian National Army" in sides and "Syrian Democratic Forces" in sides, sides


SANANDAJ = (35.31, 47.00)


def test_a_protest_met_with_tear_gas_a_sentence_later_is_one_with_intervention():
    # nu32 M3: "thousands of mourners marched in Saqqez ... a week after rallies in Tehran. Police fired tear gas at the
    # mourners in Saqqez." was a peaceful protest: the tear gas came after another place's event had been told
    found = _drafts("Hundreds of students rallied in Sanandaj on Saturday, days after similar gatherings in Shiraz. "
                    "Riot police used water cannon on the students in Sanandaj.", "2022-10-24")
    assert _only_near(found, SANANDAJ)["sub_event_type"] == "Protest with intervention"


def test_a_headline_is_not_drafted_again_beside_the_body_that_tells_it():
    # nu32 H2: the headline's "Israeli jets hit Damascus airport" became a second strike, at the civil airport, 28 km
    # from the military airport the body names, dated the publication day
    text = ("Fighting rages near Kobani as Israeli jets hit Damascus airport\n\n"
            "Kurdish fighters clashed with Turkish-backed factions near Kobani on Thursday, a war monitor said. "
            "Separately, Israeli warplanes struck the Mezzeh military airport on Thursday night, Syrian state media said.")
    result = draft_report(text, date(2023, 9, 8))
    strikes = [d for d in result.drafts if d["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0]["event_date"] == "2023-09-07"
    assert text.split("\n")[0] in strikes[0]["evidence"]
