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
