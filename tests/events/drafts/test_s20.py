"""Kinds of fault found in session 20, when the geocoder began to count a name written in another romanisation
(vowels, doubled letters) as the name: three rules of the drafter had leant on such names staying unresolved.
Each case is written here in new words, so each test is the kind, not the labelled report."""
from geodata.geo import distance_km

from .helpers import drafts as _drafts, near as _near

AIN_ISSA = (36.384, 38.863)


def test_a_name_before_a_street_word_is_no_town_even_when_the_gazetteer_lacks_it_as_written():
    # J09: "The vehicle blew up near the Kawa roundabout" (in Afrin) was drafted at Al Kawwah, a town in Iraq
    drafts = _drafts("ERBIL, Kurdistan Region - A motorcycle bomb went off near the Kawa roundabout in the Syrian town "
                     "of Jindires on Tuesday, wounding four people, a local monitor said.", "2021-03-10")
    assert drafts and all(d["country"] == "SY" for d in drafts)
    assert all(_near(d, 36.39, 36.69) for d in drafts)


def test_a_place_said_to_be_near_another_is_no_namesake_far_away():
    # IE25: "the village of Tal Shenan near Tal Tamir" was drafted at a Tall Shinan in Homs, 350 km from Tal Tamir
    (d,) = _drafts("Turkish artillery shelled the village of Tal Shenan near Tal Tamr on Saturday, wounding a "
                   "shepherd, the SDF said.", "2021-11-08")
    assert d["country"] == "SY" and _near(d, 36.66, 40.37)
    assert d["geo_precision"] == 2 and any("namesake" in f for f in d["flags"])


def test_a_direction_said_elsewhere_does_not_pick_a_namesake_far_from_the_places_named():
    # J01: "villages around Ain Issa in northern Syria ... the villages of Fatsa, Mushairfa and Khalidiya" took an
    # Al Khalidiyah in Aleppo, 180 km from Ain Issa, for lying in the north
    drafts = _drafts("Turkish-backed factions kept up shelling on farmland around Ain Issa in northern Syria on Wednesday, "
                     "a monitor said. The villages of Hoshan and Khalidiya were shelled from Turkish-held territory, it "
                     "said.", "2022-08-04")
    assert drafts and any(_near(d, *AIN_ISSA) for d in drafts)
    assert all(distance_km(d["latitude"], d["longitude"], *AIN_ISSA) < 100 for d in drafts if d["latitude"] is not None)


# From held-out sets 50 and 51 (IF01-IF25, YF01-YF25), read in session 20 after three measurements unread.

def test_a_body_meeting_at_its_seat_is_no_event_there():
    # YF25: "as the cabinet in Beirut met to debate its disarmament" drafted an attack at Beirut from a speech
    drafts = _drafts("Iraq's parliament in Baghdad convened on Sunday to debate the rocket attacks on bases hosting US "
                     "troops, the speaker's office said.", "2024-02-04")
    assert not any(_near(d, 33.31, 44.37) for d in drafts)


def test_an_attackers_town_is_not_taken_for_a_name_when_the_report_places_everything_elsewhere():
    # IF19: "Turkish warplanes struck ... the Batifa area of Duhok province ... The raids on Sile, Kashan and Nizore":
    # Sile was taken as Sile near Istanbul, 1,000 km from the villages struck
    drafts = _drafts("Turkish jets bombed suspected PKK hideouts in the Batifa area of Duhok province on Saturday night. "
                     "The strikes on Sile and nearby hamlets caused fires but no casualties, a local official said.",
                     "2021-05-09")
    assert drafts and all(d["country"] == "IQ" for d in drafts)


def test_a_sentence_that_opens_on_a_bombing_tells_an_event():
    # IF03: "A double bombing on Tuesday in the northern Syrian city of Raqqa killed at least eight people" gave no draft
    (d,) = _drafts("A double bombing in the market town of Manbij killed five people on Thursday, a monitor said.",
                   "2019-01-18")
    assert d["country"] == "SY" and _near(d, 36.53, 37.95) and d["fatalities"] == 5 and d["event_date"] == "2019-01-17"

