"""Faults found in session 26 (sets 70 and 72, read after their unread measurement), each written as the kind,
in words of its own."""
from .helpers import drafts as _drafts, near as _near


def _only_near(found: list[dict], point: tuple[float, float]) -> dict:
    """The one draft of ``found`` within 25 km of ``point`` (degrees); fails unless there is exactly one."""
    place = [d for d in found if _near(d, *point)]
    assert len(place) == 1, found
    return place[0]


# coordinates: Wikipedia's article of each place (degrees, rounded)
KARBALA = (32.62, 44.02)
KUT = (32.51, 45.82)
AMARAH = (31.84, 47.14)
SANANDAJ = (35.31, 47.00)
SAQQEZ = (36.25, 46.27)
MAHABAD = (36.76, 45.72)
MAREA = (36.48, 37.20)
AFRIN = (36.51, 36.87)
TEHRAN = (35.69, 51.39)
JARABULUS = (36.82, 38.01)
AZAZ = (36.59, 37.05)
DUHOK = (36.87, 42.99)
TUZ = (34.88, 44.63)
KIRKUK = (35.47, 44.39)
BALAD_BASE = (33.94, 44.36)


def test_a_toll_list_that_leaves_out_its_verb_is_one_event_per_place_with_its_own_count():
    found = _drafts("Three protesters were shot dead in Karbala on Monday, two in Kut and one in Amarah, "
                    "medical sources said.", "2019-10-29")
    assert [_only_near(found, p)["fatalities"] for p in (KARBALA, KUT, AMARAH)] == [3, 2, 1]


def test_a_bare_toll_list_after_riots_gives_each_place_its_riot_and_its_dead():
    found = _drafts("Rioting spread across Iran's Kurdish cities on Friday, with banks and police posts set on fire. "
                    "Three people were reported killed in Sanandaj, one in Saqqez and two in Mahabad.", "2022-09-24")
    drafted = [_only_near(found, p) for p in (SANANDAJ, SAQQEZ, MAHABAD)]
    assert [d["fatalities"] for d in drafted] == [3, 1, 2]
    assert {d["event_type"] for d in drafted} == {"Riots"}


def test_a_capital_that_promised_something_is_its_government():
    found = _drafts("A Guards general died on Sunday in an Israeli airstrike, ordered by Netanyahu, near Damascus "
                    "International Airport, and Tehran had promised a harsh response.", "2020-01-07")
    assert found and not [d for d in found if _near(d, *TEHRAN)], found


def test_places_a_group_frequently_attacks_are_no_event():
    found = _drafts("Two civilians died on Monday when rockets hit the town of Afrin. The agency said the group fired the "
                    "rockets from the Tal Rifaat area, and that it frequently launches attacks on Jarabulus and Marea "
                    "from there.", "2021-05-05")
    _only_near(found, AFRIN)
    assert not [d for d in found if _near(d, *MAREA) or _near(d, *JARABULUS)], found


def test_rallies_still_planned_are_no_event():
    found = _drafts("Police dispersed a crowd of teachers in Zakho on Saturday. Further rallies were planned in Duhok "
                    "for Monday, organisers said.", "2020-02-16")
    assert not [d for d in found if _near(d, *DUHOK)], found


def test_a_lake_is_no_place_of_the_village_named_after_it():
    # "near Tharthar lake" (KU15) had been drafted at the village Qaryat ath Tharthar, 100 km from the lake
    from events.drafts.draft import _at_sea
    for text, name in (("The ambush took place near Tharthar lake, west of Samarra.", "Tharthar"),
                       ("Boats capsized on Lake Urmia on Monday.", "Urmia")):
        start = text.index(name)
        assert _at_sea(text, start, start + len(name)), text
    text = "A bomb exploded in Tharthar on Monday."
    assert not _at_sea(text, text.index("Tharthar"), text.index("Tharthar") + 8)


def test_the_first_word_of_a_quarter_the_gazetteer_lacks_is_not_a_village_elsewhere():
    found = _drafts("Activists reported clashes between protesters and police in the Dara Derizh neighbourhood of "
                    "Sanandaj on Sunday night.", "2022-10-10")
    d = _only_near(found, SANANDAJ)
    assert d["event_date"] == "2022-10-09"
    assert all(_near(x, *SANANDAJ) for x in found), found


def test_a_town_told_with_where_it_lies_is_the_place_and_not_the_city_beside_it():
    # KS21: the shelling of "the town" told before had been drafted at the city the next sentence locates it by
    found = _drafts("Iraqi forces entered the town of Tuz Khurmatu on Monday after brief clashes. By night the army "
                    "held the town, though Kurdish fighters were still shelling it. Tuz Khurmatu, close to Kirkuk, "
                    "is the latest town to change hands.", "2017-10-17")
    shelled = [d for d in found if d["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert len(shelled) == 1 and _near(shelled[0], *TUZ), found
    assert not [d for d in found if _near(d, *KIRKUK)]


def test_a_clause_with_a_date_of_its_own_dates_its_place():
    found = _drafts("On June 3, a weapons depot blew up in Karbala with no casualties, and in March a blast at the "
                    "Balad air base killed two airmen.", "2024-06-20")
    assert _only_near(found, KARBALA)["event_date"] == "2024-06-03"
    d = _only_near(found, BALAD_BASE)
    assert (d["event_date"][:7], d["date_precision"]) == ("2024-03", 3)
