"""Faults found in session 26 (sets 70 and 72, read after their unread measurement), each written as the kind,
in words of its own."""
from .helpers import drafts as _drafts, near as _near, only_near as _only_near


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


ERBIL_AIRPORT = (36.24, 43.96)
AKCAKALE = (36.71, 38.95)
AMADIYA = (37.09, 43.49)


def test_the_day_a_later_sentence_gives_the_incident_is_its_day():
    # KU22: the attack was dated the day a committee to look into it was appointed
    found = _drafts("A commission to look into the attack on Erbil International Airport was set up on Monday by the "
                    "regional government. The attack took place on March 3, when a drone hit a hangar at the airport.",
                    "2023-03-15")
    d = _only_near(found, ERBIL_AIRPORT)
    assert (d["event_date"], d["date_precision"]) == ("2023-03-03", 1)


def test_a_similar_attack_on_another_day_is_another_event():
    # KS14: "Two people were killed in a similar attack on Friday" had joined Sunday's rockets
    found = _drafts("Rockets fired from Syria hit the Turkish border town of Akcakale on Tuesday, wounding five people, "
                    "the governor said. One person was killed in a similar attack on Saturday, and six have died in the "
                    "town from rockets since April.", "2016-05-04")
    days = sorted(d["event_date"] for d in found if _near(d, *AKCAKALE))
    assert days == ["2016-04-30", "2016-05-03"], found


def test_a_lead_with_no_event_of_its_own_dates_the_story_it_opens():
    # KU20: the shelling told after "... expanded its campaign in northeast Syria yesterday" took the report's day
    found = _drafts("Turkey widened its air campaign in northern Iraq yesterday, targeting what it called militant "
                    "hideouts. The town of Amadiya was shelled heavily by Turkish artillery, residents said.",
                    "2021-06-10")
    d = _only_near(found, AMADIYA)
    assert (d["event_date"], d["date_precision"]) == ("2021-06-09", 1)


AMARAH_POINT = AMARAH
ISLAHIYE = (37.03, 36.63)
RUTBA = (33.04, 40.28)
HAWIJA = (35.33, 43.76)


def test_a_place_that_was_the_worst_hit_is_the_events_place():
    # KU04: "Basra was the worst hit: ... with seven protesters killed" (no draft at Basra)
    found = _drafts("Protests swept southern Iraq on Monday as security forces opened fire. Amarah was the worst hit, "
                    "with five protesters killed, doctors said.", "2019-10-29")
    assert _only_near(found, AMARAH_POINT)["fatalities"] == 5


def test_that_after_a_verb_of_saying_opens_a_new_event():
    # KU12: "reported separately that shelling of the border town of Nusaybin killed three" (Nusaybin lost)
    found = _drafts("Shells fired from Syria fell on the Turkish border town of Kilis on Tuesday, wounding four people. The "
                    "Gaziantep governor's office reported separately that shelling of the town of Islahiye killed two.",
                    "2019-10-16")
    assert _only_near(found, ISLAHIYE)["fatalities"] == 2


def test_a_town_said_to_be_liberated_is_a_battle_there():
    # KS12: "announced on Friday that the town of Sinjar had been liberated from the Islamic State group" (no draft)
    found = _drafts("The army announced on Saturday that the town of Rutba in Iraq's Anbar province had been "
                    "liberated from Islamic State fighters after a week of battles.", "2016-05-22")
    assert _only_near(found, RUTBA)["event_type"] == "Battles"


def test_the_day_a_statement_was_posted_is_the_statements():
    # KU03: "a statement it posted on Wednesday" dated the attack, which the report dates on Tuesday after it
    found = _drafts("Islamic State claimed an attack that killed five shepherds near Hawija in Iraq's Kirkuk province, according to a statement it "
                    "posted on Friday on a Telegram channel.", "2021-11-06")
    d = _only_near(found, HAWIJA)
    assert any("statement" in f for f in d["flags"]), d["flags"]


TAL_TAMR = (36.65, 40.37)


def test_an_earlier_statement_that_places_the_event_bounds_its_day():
    # KS05: "... said on Thursday ... The group had said on Wednesday that Kurdish fighters drove Al-Nusra out of the
    # town of Ras al-Ain" (dated the Thursday)
    found = _drafts("At least 12 people have died in three days of fighting between Kurdish fighters and jihadists in "
                    "Syria's oil-producing Hasakah region, a monitor said on Friday. The monitor had said on Wednesday that Kurdish "
                    "fighters drove the jihadists out of the town of Tal Tamr.", "2015-03-06")
    assert _only_near(found, TAL_TAMR)["event_date"] == "2015-03-04"


SADR_CITY = (33.39, 44.46)


def test_the_day_a_later_sentence_gives_the_incident_counts_with_no_cue_word_in_it():
    # nu30: "The incident took place on Monday evening, July 19" (no cue word, no place) left the blast undated
    found = _drafts("A suicide bomber blew himself up at a crowded market in Baghdad's Sadr City district, killing "
                    "dozens, police said. The incident took place on Monday evening, July 19.", "2021-07-21")
    d = _only_near(found, SADR_CITY)
    assert (d["event_date"], d["date_precision"]) == ("2021-07-19", 1)
