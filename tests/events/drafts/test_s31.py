"""Faults found in session 31 (the last new user's trial, and the sets read after their unread measurement), each
written as the kind, in words of its own."""
from .helpers import drafts as _drafts, near as _near, only_near as _only_near


# coordinates: Wikipedia's article of each place (degrees, rounded)
SOUAQ_SAFSAF = (33.88, 35.82)       # Who's On First 'Souaq es Safsaf' (Lebanon)
BAQUBAH = (33.75, 44.64)
NABATIEH = (33.38, 35.48)
YOHMOR = (33.31, 35.52)
BOUKAMAL = (34.45, 40.92)
ZAHEDAN = (29.50, 60.86)
TUZ_KHURMATU = (34.89, 44.63)


def test_a_names_tail_after_its_article_is_no_place_of_its_own():
    # nu34 F2: "an air strike hit a house in Aita al-Shaab in south Lebanon" gave 'Shaab', a town in Israel; the words
    # before "al-" are the same name's, and the whole is asked in the report's countries
    found = _drafts("An Israeli drone strike hit a car in Souaq al-Safsaf in Lebanon on Tuesday, wounding three "
                    "people, the state news agency said.", "2024-10-02")
    drafted = _only_near(found, SOUAQ_SAFSAF)
    assert drafted["country"] == "LB"
    assert not any(d["country"] == "IL" for d in found)


def test_a_place_in_a_clause_of_its_own_after_another_kind_of_event_word_is_that_kinds():
    # nu34 F2: "Israeli artillery also shelled the outskirts of Khiam and Kfar Kila, and an air strike hit a house in
    # Aita al-Shaab" typed the air strike as shelling, the kind of the sentence's first clause
    found = _drafts("Israeli artillery shelled the outskirts of Nabatieh and Kfar Roummane on Monday, and a drone "
                    "strike hit a motorcycle in Yohmor, wounding one man, the state news agency said.", "2024-10-08")
    nabatieh = [d for d in found if _near(d, *NABATIEH, km=1)]
    assert [d["sub_event_type"] for d in nabatieh] == ["Shelling/artillery/missile attack"]
    yohmor = [d for d in found if _near(d, *YOHMOR, km=3)]
    assert [d["sub_event_type"] for d in yohmor] == ["Air/drone strike"]


def test_a_town_the_gazetteer_lacks_placed_by_another_is_said_not_found():
    # nu34 F3: the TUSAS attack "in Kahramankazan, north of Ankara" was drawn at Ankara, 36 km off, with no word that
    # the town itself was not found
    found = _drafts("Militants attacked an army post in Udheim, north-east of Baqubah, on Sunday, killing two "
                    "soldiers, police said.", "2019-05-06")
    drafted = _only_near(found, BAQUBAH)
    assert drafted["geo_precision"] == 2
    assert any("'Udheim' not found" in f for f in drafted["flags"])


def test_state_forces_firing_on_protesters_are_the_first_side():
    # nu34 F4: "security forces fired live ammunition at the crowd, killing two protesters" had "Protesters (Iran)"
    # alone: ACLED's excessive force puts the state force first and the crowd second
    found = _drafts("Hundreds of people protested in Zahedan after Friday prayers. Witnesses said security forces "
                    "opened fire on the demonstrators, killing three.", "2022-10-29")
    drafted = _only_near(found, ZAHEDAN)
    assert drafted["sub_event_type"] == "Excessive force against protesters"
    assert drafted["actor1"].startswith("Military Forces of Iran")
    assert drafted["actor2"] == "Protesters (Iran)"


def test_tribal_fighters_a_clash_is_between_are_its_second_side():
    # nu34 F5: "clashes broke out between the Syrian Democratic Forces and Arab tribal fighters ..., leaving three SDF
    # members dead" had the SDF alone (taken as both sides): ACLED's "Unidentified Tribal Militia (Syria)"
    found = _drafts("Fighting erupted on Friday between the SDF and Arab tribal fighters near Al-Bukamal, leaving "
                    "two SDF members dead, a war monitor said.", "2023-09-02")
    drafted = _only_near(found, BOUKAMAL)
    assert {drafted["actor1"], drafted["actor2"]} == {"Syrian Democratic Forces", "Unidentified Tribal Militia (Syria)"}


def test_an_event_in_a_district_is_not_drawn_as_at_its_town():
    # nu34 F6: "in Zubair district" was drawn at Zubair town at precision 1 (9 km from the oil field the report
    # told): a district is placed at the town that names it with ACLED's precision 2
    found = _drafts("A roadside bomb struck a police patrol in Tuz Khurmatu district on Monday, wounding two officers, "
                    "police said.", "2019-03-05")
    drafted = _only_near(found, TUZ_KHURMATU)
    assert drafted["geo_precision"] == 2


# --- kinds from sets 91 (Iran) and 92 (Turkey), read after their unread measurement ---------------------------------

BATMAN = (37.89, 41.13)
KOBANI = (36.89, 38.36)
SIIRT = (37.93, 41.94)
NUSAYBIN = (37.08, 41.22)
AKCAKALE = (36.71, 38.95)
VAN = (38.49, 43.38)
SARAVAN = (27.37, 62.33)
MIRJAVEH = (29.01, 61.45)
IZEH = (31.83, 49.87)
MARIVAN = (35.52, 46.18)
ZAHEDAN = (29.50, 60.86)


def test_a_site_of_a_town_places_the_event_at_the_town():
    # LO02: "outside the post office of Reyhanli" gave a draft at the province only (and, once the town was read, the
    # province described after it had been drafted
    # twice, at the town and at the province)
    found = _drafts("Two bombs exploded on Saturday, one outside the city hall and the other outside the post office "
                    "of Nusaybin, a hub for refugees in Turkey's Mardin province, killing ten people.", "2016-05-01")
    assert len(found) == 1
    assert _near(found[0], *NUSAYBIN) and found[0]["geo_precision"] == 1


def test_a_place_a_demand_is_for_is_not_where_the_crowd_was():
    # LO05: "Protests ... by Kurds urging the government to do more to shield the Syrian Kurdish town of Kobane" drew a
    # protest at Kobane, in Syria
    found = _drafts("Kurds across Turkey protested on Tuesday, urging the government to do more to shield the Syrian "
                    "town of Kobani from Islamic State fighters. In Batman, police fired tear gas at thousands of "
                    "marchers.", "2014-10-08")
    assert _only_near(found, BATMAN)
    assert not any(_near(d, *KOBANI) for d in found)


def test_a_town_said_to_lie_in_a_province_of_that_name_is_the_events_place():
    # LO05: "killed in Varto, a town in the eastern province of Mus, where ... clashes" was drafted at the province
    found = _drafts("A man was killed in Akcakale, a town in the southern province of Sanliurfa, where protesters "
                    "clashed with police on Tuesday.", "2014-10-08")
    drafted = _only_near(found, AKCAKALE)
    assert drafted["geo_precision"] == 1


def test_what_a_where_clause_tells_happened_at_the_place_it_follows_alone():
    # LO05: "a curfew in districts of Diyarbakir and Siirt and in the town of Van, where thousands rallied" drew rallies
    # in Siirt too
    found = _drafts("Authorities imposed curfews in Siirt and in the town of Nusaybin, where hundreds rallied on "
                    "Wednesday.", "2014-10-09")
    assert _only_near(found, NUSAYBIN)["event_type"] == "Protests"
    assert not any(_near(d, *SIIRT) for d in found)


def test_anti_aircraft_missiles_are_no_air_strike():
    # LO16: "anti-aircraft missiles fired from Ras al-Ayn in Syria hit their home" was typed an air strike
    (drafted,) = _drafts("In the Turkish town of Akcakale, a woman was hurt when anti-aircraft missiles fired from "
                         "Tal Abyad in Syria hit her home on Thursday.", "2019-10-11")
    assert drafted["sub_event_type"] == "Shelling/artillery/missile attack"


def test_the_same_strike_told_again_with_its_origin_is_one_event():
    # LO16: "struck the towns of Akcakale, Birecik and Ceylanpinar ... In Ceylanpinar, two teenage siblings were hurt
    # when anti-aircraft missiles fired from Ras al-Ayn in Syria hit their home" drew Ceylanpinar twice
    found = _drafts("Rockets fired from Syria struck the Turkish towns of Akcakale and Nusaybin on Thursday. In "
                    "Akcakale, two people were hurt when rockets fired from Tal Abyad hit their home.", "2019-10-11")
    assert len([d for d in found if _near(d, *AKCAKALE)]) == 1


def test_a_person_named_with_a_title_is_no_place_anywhere_in_the_report():
    # LO03: "protests against Prime Minister Tayyip Erdogan ... protests against Erdogan last month" drew a protest at
    # a village Erdogan
    found = _drafts("Police fired tear gas at protesters in Istanbul on Saturday, a month after rallies against Prime "
                    "Minister Tayyip Erdogan. The crackdown set off protests against Erdogan last month.", "2013-07-07")
    assert not any(d["location"] == "Erdogan" for d in found)


def test_the_kind_of_place_a_report_calls_it_decides_its_country():
    # LO22: "the eastern city of Van" was left between Van (Turkey) and a village Van in Iran
    found = _drafts("Protests went on for a second day on Wednesday in the eastern city of Van after the mayor was "
                    "removed, and police used tear gas.", "2024-04-04")
    assert _only_near(found, VAN)["country"] == "TR"


def test_the_day_of_an_election_is_not_the_protests_day():
    # LO22: "elected mayor ... in the March 31 local elections" dated the protests March 31
    found = _drafts("Protesters rallied on Tuesday in the eastern city of Van after the election board overturned the "
                    "result of the March 31 local elections.", "2024-04-03")
    assert _only_near(found, VAN)["event_date"] == "2024-04-02"


def test_an_attack_said_to_come_from_a_country_outside_the_region_is_still_drafted():
    # LN06: "Ten Iranian border guards have been killed in an attack that Tehran says came from inside Pakistan" gave no
    # draft: where an attack came from is not where it happened
    found = _drafts("Three Iranian border guards were killed on Sunday in an attack that officials said came from "
                    "inside Pakistan. The guards were on patrol in Mirjaveh, in Sistan and Baluchestan province, when "
                    "they were hit.", "2019-05-06")
    assert _only_near(found, MIRJAVEH)


def test_residents_of_a_town_protesting_place_the_protest_there():
    # LN12: "Residents of Behbahan, in the south-west of Khuzestan province, took to the streets" was unplaced
    found = _drafts("Residents of Izeh took to the streets on Wednesday night to protest against rising prices, "
                    "witnesses said.", "2019-11-21")
    assert _only_near(found, IZEH)["event_type"] == "Protests"


def test_a_protest_movement_going_on_is_background():
    # E23, once residents placed their protests: "Residents of Basra have been holding demonstrations over ..." had
    # split the day's riot in two (this bounds the rule above; it passes on ecfa858, which read no residents)
    found = _drafts("Protesters stormed a government building in Izeh on Monday. Residents of Izeh have been holding "
                    "demonstrations over water shortages. Police fired live ammunition, killing one protester.",
                    "2021-07-20")
    assert len([d for d in found if _near(d, *IZEH)]) == 1


def test_a_fight_between_three_villages_is_one_event():
    # LN13: "in the highlands between the villages of Paygelan, Dezun and Sureh-Tu" drew three events
    found = _drafts("Clashes broke out on Tuesday between the villages of Divandarreh, Sanandaj and Marivan, "
                    "officials said.", "2021-06-16")
    assert len(found) == 1 and found[0]["geo_precision"] == 2


def test_arrests_made_at_a_riot_are_the_riot():
    # LN16: "At least 57 people were arrested in Zahedan ... after crowds threw stones, attacked banks and smashed
    # windows" was drafted as arrests
    found = _drafts("Police arrested 30 people in Zahedan on Friday after crowds smashed windows and set fire to a "
                    "bank.", "2022-10-29")
    assert _only_near(found, ZAHEDAN)["event_type"] == "Riots"


def test_strikes_said_to_answer_an_attack_keep_their_own_day():
    # LN23: "The strikes in Sistan and Baluchestan province were a response to an Iranian attack on Tuesday" dated the
    # strikes on Tuesday
    found = _drafts("Pakistani jets struck militant hideouts inside Iran early on Thursday, killing nine people. The "
                    "strikes near Saravan were a response to an Iranian attack on Tuesday in Pakistan.", "2024-01-18")
    assert _only_near(found, SARAVAN)["event_date"] == "2024-01-18"
