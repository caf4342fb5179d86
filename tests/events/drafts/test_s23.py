"""Kinds of fault found in session 23 in held-out sets 56 and 57 (KE01-KE25, KF01-KF25), read after four
measurements unread. Each case is written here in new words, so each test is the kind, not the labelled report."""
from .helpers import drafts as _drafts, near as _near

BAGHDAD = (33.33, 44.38)
ERBIL_AIRPORT = (36.24, 43.96)
SAMAWA = (31.31, 45.28)
KARBALA = (32.61, 44.02)
DIWANIYAH = (31.99, 44.93)
PENJWEN = (35.62, 45.95)
HALABJA = (35.18, 45.99)
NASIRIYAH = (31.04, 46.26)
SUKHNA = (34.89, 38.87)
MANBIJ = (36.53, 37.95)


def test_a_quarter_said_in_an_appositive_to_be_a_district_of_a_city_is_placed_in_that_city():
    # KE06: "Sadr City, the mainly Shi'ite district of Baghdad" was drafted at a village Sadar in Erbil, 0.86
    drafts = _drafts("A bomb planted in a parked car killed six people on Monday in Sadr City, the sprawling eastern "
                     "district of Baghdad, police said. Hours earlier an armed drone was flown at the airport in "
                     "Erbil.", "2021-06-07")
    sadr = [d for d in drafts if d["event_date"] == "2021-06-07"]
    assert sadr and all(_near(d, *BAGHDAD) for d in sadr)


def test_an_explosives_laden_drone_is_a_drone_strike():
    # KE06: "an explosives-laden drone was flown at U.S. forces stationed at Erbil airport" gave no draft
    (d,) = _drafts("An explosives-laden drone was flown at coalition troops stationed at Erbil airport on Tuesday "
                   "night, officials said.", "2021-07-08")
    assert _near(d, *ERBIL_AIRPORT) and d["sub_event_type"] == "Air/drone strike" and d["event_date"] == "2021-07-06"


def test_a_town_listed_with_others_is_not_held_by_their_provinces():
    # KE13: "Demonstrators in Baghdad, Nasiriyah, Diwaniyah, Najaf and Hilla" put Diwaniyah at a village of that
    # name beside Baghdad, 115 km from the city, at 0.86
    drafts = _drafts("Crowds rallied in Baghdad, Karbala, Diwaniyah and Samawa on Friday against the new electoral "
                     "law.", "2019-12-06")
    diwaniyah = [d for d in drafts if d["location"] == "Diwaniyah"]
    assert len(diwaniyah) == 1 and _near(diwaniyah[0], *DIWANIYAH)
    assert any(_near(d, *SAMAWA) for d in drafts) and any(_near(d, *KARBALA) for d in drafts)


def test_where_the_teller_sits_is_no_event_place_once_the_event_is_placed():
    # KE04: "In Penjwen, a Peshmerga was killed in clashes ..., according to a KDP official in Halabja" was drafted
    # at Halabja
    (d,) = _drafts("In Penjwen, two police officers were wounded on Sunday when a crowd stormed the mayor's office, "
                   "according to a security source in Halabja.", "2020-12-07")
    assert _near(d, *PENJWEN) and not _near(d, *HALABJA)


def test_a_town_called_said_is_no_verb_of_saying():
    # KE04: "Two protesters died in Said Sadiq on Tuesday" had no date of its own ("Said ... on Tuesday" was read as a
    # statement's day), and took the day the protests began, told after it
    drafts = _drafts("Two people died in Said Sadiq on Monday as rallies over unpaid wages resumed across Sulaimani "
                     "province, a local official said. The wave of rallies began last Wednesday in Sulaimani city, "
                     "where police fired tear gas at teachers.", "2020-12-08")
    assert sorted(d["event_date"] for d in drafts) == ["2020-12-02", "2020-12-07"]


def test_protests_that_describe_a_victim_are_no_protest():
    # KE08, KE10, KE12, KE13: activists shot dead were drafted as protests met with force
    (d,) = _drafts("Unknown gunmen shot dead Amjad al-Dahamat, a lawyer who had helped organise protests in the city, "
                   "outside his home in the southern Iraqi city of Nasiriyah on Thursday, police said.", "2019-12-06")
    assert _near(d, *NASIRIYAH)
    assert (d["event_type"], d["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert not any(f.startswith("type ") for f in d["flags"])


def test_someone_shot_is_an_attack_and_an_act_on_a_day_counted_back_is_another_event():
    # KE10: "Five days earlier, activist Tahsin al-Shahmani died after being shot ... in Basra" gave no event, and
    # "On Monday, three other activists ... came under fire" was lost too
    drafts = _drafts("A university lecturer was shot dead in the Iraqi city of Karbala on Friday. Three days earlier, a blogger died "
                     "after being shot outside a cafe in Karbala.", "2020-08-08")
    assert sorted(d["event_date"] for d in drafts if _near(d, *KARBALA)) == ["2020-08-04", "2020-08-07"]


def test_a_hyphened_article_is_part_of_a_name_the_gazetteer_spells_without_it():
    # UD15: "an ISIS attack in the countryside of Al-Sukhna, in Syria's central Homs governorate" was drafted at
    # Palmyra, 0.97 (and, once the Palmyra event was told apart, at the governorate)
    drafts = _drafts("Nine soldiers were killed on Tuesday in an ambush in the countryside of Al-Sukhna, in Syria's "
                     "central Homs governorate, the Observatory said.", "2023-03-08")
    assert drafts and _near(drafts[0], *SUKHNA)


def test_a_named_area_by_a_town_is_still_placed_by_the_town():
    # the same rule's limit (IB06, IE13 while it was tried): "in the al-Jazira area near the city of Samarra" had lost
    # Samarra for an ambiguous al-Jazira
    (d,) = _drafts("A roadside bomb killed three soldiers on Monday in the al-Tawila area near the city of Manbij in "
                   "northern Syria, a military source said.", "2022-05-10")
    assert _near(d, *MANBIJ)


def test_a_road_said_to_be_near_a_town_is_placed_by_the_town_not_by_its_ends():
    # C15 (read before): "the M4 highway between Aleppo and Hasakah near Ain Issa" gave a draft near Aleppo, 190 km
    # off, and its province took the villages named with it
    drafts = _drafts("Shells hit the M4 highway between Aleppo and Hasakah near Manbij on Sunday, the Observatory "
                     "said.", "2022-04-11")
    assert drafts and all(_near(d, *MANBIJ) for d in drafts)


JARAMANA = (33.49, 36.35)
DARAA = (32.62, 36.10)
KOBANI = (36.89, 38.35)
ZAHEDAN = (29.50, 60.86)
AZAZ = (36.59, 37.05)
BEIT_HANOUN = (31.54, 34.54)


def test_people_killed_in_fighting_tell_a_battle():
    # KF03: "At least 30 people have been killed in fighting in two mostly Druze towns" gave no draft
    (d,) = _drafts("At least nine people were killed in fighting in Jaramana, on the edge of the Syrian capital, on "
                   "Wednesday, a monitor said.", "2025-05-01")
    assert _near(d, *JARAMANA) and d["event_type"] == "Battles"


def test_a_town_spelled_as_written_is_not_read_as_a_governorate_of_a_like_name():
    # found while writing the test above: "killed in fighting in Daraya" was read as the seat of Daraa governorate,
    # 90 km from Daraya, at 0.97
    drafts = _drafts("Nine people were killed in clashes in Daraya, south-west of the Syrian capital, on Wednesday, a "
                     "monitor said.", "2025-05-01")
    assert not any(_near(d, *DARAA) for d in drafts)


def test_an_attempt_to_storm_a_town_and_hills_seized_are_battles():
    # KE17: "troops tried on Friday to storm the town of Kabani"; KE25: "seizing the last two hills on Zuwayqat
    # Mountain": no draft for either
    drafts = _drafts("Kurdish fighters tried on Tuesday to storm the town of Kobani in northern Syria, and later seized "
                     "two hills to its south, a monitor said.", "2014-10-08")
    assert drafts and _near(drafts[0], *KOBANI) and drafts[0]["event_type"] == "Battles"


def test_where_a_group_is_active_is_no_event_place():
    # KF21: "Ansar al-Furqan, a Sunni jihadi group active in Sistan and Baluchistan province" gave a second draft,
    # an IED at the province
    drafts = _drafts("A suicide bomber drove a car packed with explosives at a police station in Zahedan in south-eastern "
                     "Iran on Monday, wounding four officers. Officials said guards fired at the driver, who then set "
                     "off the bomb. State TV showed smoke over the city. No group claimed it, but state media blamed "
                     "Jaish al-Adl, a militant group active in Sistan and Baluchistan province.", "2019-02-12")
    assert len(drafts) == 1 and _near(drafts[0], *ZAHEDAN)


def test_a_governorate_countryside_near_a_town_is_placed_by_the_town():
    # KE23: "in the Aleppo countryside near Afrin" was drafted at the governorate's middle, 70 km from Afrin
    (d,) = _drafts("Six fighters were killed on Sunday in clashes between rival factions in the Aleppo countryside "
                   "near Azaz, in northern Syria, the Observatory said.", "2023-07-03")
    assert _near(d, *AZAZ)


def test_fighting_that_also_broke_out_is_a_battle():
    # KE22: "Fighting also broke out between the Manbij Military Council ... near the SDF-held city of Manbij"
    drafts = _drafts("Turkish drones struck a car near Qamishli on Friday. Fighting also broke out between SDF units "
                     "and rebel factions near the city of Manbij in northern Syria.", "2024-09-07")
    assert any(_near(d, *MANBIJ) and d["event_type"] == "Battles" for d in drafts)


def test_people_hurt_near_a_town_place_the_unplaced_strike_told_just_before():
    # KF15: "an Israeli aircraft on Sunday fired at Palestinians launching incendiary balloons ... two people were
    # lightly to moderately hurt near Jabalia" gave no draft
    drafts = _drafts("In the Gaza Strip, an Israeli drone on Friday fired at a group of Palestinians launching "
                     "balloons towards Israel, the army said. The Health Ministry said three people were wounded near "
                     "Beit Hanoun.", "2018-07-14")
    assert len(drafts) == 1 and _near(drafts[0], *BEIT_HANOUN) and drafts[0]["event_date"] == "2018-07-13"


NABLUS = (32.22, 35.26)
MARIB = (15.46, 45.33)
SAADA = (16.94, 43.76)


def test_an_act_inside_the_city_told_before_is_placed_there_on_its_own_day():
    # KF14: "On Friday, Israeli forces operating inside the city killed three ... militants" (Qalqilya named before)
    # was unplaced, and its day lost
    drafts = _drafts("A settler was shot on Monday just outside the West Bank city of Nablus. Israeli forces later "
                     "sealed the area. On Sunday, troops operating inside the city shot dead two gunmen near the old "
                     "market, the army said.", "2024-06-25")
    assert sorted(d["event_date"] for d in drafts if _near(d, *NABLUS)) == ["2024-06-23", "2024-06-24"]


def test_where_officials_arrived_is_no_event_place():
    # KF07: "The strike came on the same day Omani officials ... arrived in Sanaa" gave an air strike at Sanaa, 0.97
    drafts = _drafts("A Houthi missile hit a camp for displaced people in the Yemeni city of Marib on Sunday, killing "
                     "six. The strike came on the same day a UN envoy, with senior Houthi officials, arrived in Saada to "
                     "press the group to accept a truce.",
                     "2021-06-21")
    assert drafts and all(_near(d, *MARIB) for d in drafts) and not any(_near(d, *SAADA) for d in drafts)


def test_a_funeral_hall_is_a_place_and_its_strike_keeps_its_own_month():
    # KF09: "a strike on a funeral hall in Sanaa in October 2016" was merged into the strike told first, its month
    # read as a funeral's day
    drafts = _drafts("An air strike destroyed a house in Yemen's capital Sanaa on Friday, killing three. The coalition "
                     "has owned up to some raids before, including a strike on a funeral hall in Saada in March 2017 "
                     "that killed 30 people.", "2017-06-10")
    assert any(_near(d, *SAADA) and d["event_date"] == "2017-03-01" and d["date_precision"] == 3 for d in drafts)


# The new-user trial of session 23 (nu27), in new words again
ZAHEDAN_CITY = (29.50, 60.86)
TEHRAN = (35.69, 51.39)
TARMIYAH = (33.67, 44.40)
BASRA = (30.51, 47.81)


def test_where_a_minister_spoke_is_no_event_place():
    # nu27: "Interior Minister Ahmad Vahidi said in Tehran that 'rioters' would be dealt with firmly" gave a riot in
    # Tehran at 0.97, 1,100 km from the protests the report told
    drafts = _drafts("Protesters clashed with police in Zahedan in south-eastern Iran on Friday. The judiciary chief said "
                     "in Tehran on Saturday that 'rioters' would face swift trials.", "2022-10-02")
    assert drafts and not any(_near(d, *TEHRAN) for d in drafts)


def test_what_militants_still_carry_out_is_no_event():
    # nu27: "Islamic State militants still carry out sporadic attacks in rural areas of Salahuddin, Diyala and the
    # northern Baghdad belt" gave two events on the day of the bombing told before
    drafts = _drafts("A roadside bomb killed two soldiers in Tarmiyah, north of Baghdad, on Monday, police said. "
                     "Militants still carry out sporadic attacks in rural parts of Diyala and Kirkuk, years after their "
                     "defeat.", "2024-03-13")
    assert len(drafts) == 1 and _near(drafts[0], *TARMIYAH)


def test_a_protest_activist_shot_dead_is_an_attack_on_a_civilian_in_the_city_that_holds_the_quarter():
    # nu27: "Gunmen ... shot dead a prominent protest activist outside his home in the Hayyaniyah district of Basra
    # ..., police and relatives said" was a protest met with force (then a clash with police), at precision 3 with a
    # check saying the province
    (d,) = _drafts("Gunmen shot dead a well-known protest activist outside his house in the Hayyaniyah district of Basra "
                   "on Friday night, police and neighbours said.", "2024-11-09")
    assert (d["event_type"], d["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert _near(d, *BASRA) and d["geo_precision"] == 2
    assert not any("placed at the province" in f for f in d["flags"])
