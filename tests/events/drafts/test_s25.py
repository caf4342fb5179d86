"""Faults found in session 25 (a new user's trial, nu28, and the drafter's own leads), each written as the kind."""
from .helpers import drafts as _drafts, near as _near

ZAHEDAN = (29.50, 60.86)          # Wikipedia, "Zahedan": 29°29′N 60°52′E
HERMEL = (34.39, 36.38)           # Wikipedia, "Hermel": 34°23′N 36°23′E


def test_a_check_names_the_place_as_written_when_the_gazetteer_knows_it_by_an_older_name():
    # nu28: "'Zahedan' taken as the only city of that name (Dowzdab, ...)": Dowzdab is Who's On First's (old) name
    found = _drafts("A roadside bomb wounded two Revolutionary Guards in Zahedan on Thursday, IRNA reported.",
                    "2023-09-16")
    place = [d for d in found if _near(d, *ZAHEDAN)]
    assert place, found
    checks = " ".join(place[0]["flags"])
    assert "Dowzdab" not in checks and "(Zahedan, " in checks


def test_a_town_known_only_as_its_district_is_drafted_at_the_districts_centre():
    # Who's On First holds Hermel only as a district (geocoder: the district's centre, geo_precision 2)
    found = _drafts("A drone strike hit a car in Hermel on Tuesday, killing a Hezbollah commander, Lebanese media "
                    "reported.", "2024-03-13")
    place = [d for d in found if _near(d, *HERMEL)]
    assert len(place) == 1, found
    d = place[0]
    assert d["geo_precision"] == 2 and d["admin1"] == "Baalbek-Hermel" and d["event_date"] == "2024-03-12"
    assert any("Hermel district" in f for f in d["flags"]), d["flags"]


SARAVAN = (27.37, 62.33)          # Wikipedia, "Saravan, Iran": 27°22′N 62°20′E


def test_a_name_whose_first_candidate_lies_in_the_district_of_that_name_is_drafted_there():
    # the geocoder's class ...|none|seat (the district's seat as far as the gazetteer knows), taken by the drafter
    # at its measured confidence, as it takes the only town of a name
    found = _drafts("Militants ambushed a Revolutionary Guards patrol on the outskirts of Saravan late on Monday, "
                    "killing three of its members, the Tasnim agency said.", "2024-02-06")
    place = [d for d in found if _near(d, *SARAVAN)]
    assert len(place) == 1, found
    assert place[0]["event_date"] == "2024-02-05" and any("Saravan district" in f for f in place[0]["flags"])
