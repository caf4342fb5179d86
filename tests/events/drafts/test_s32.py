"""Faults found in session 32 (the last new user's trial, nu35, and the leads left by session 31), each written as the
kind, in words of its own."""
from .helpers import drafts as _drafts, near as _near, only_near as _only_near


# coordinates: Wikipedia's article of each place (degrees, rounded)
ADEN = (12.80, 45.03)
SHEIKH_OTHMAN = (12.87, 44.99)
AL_QAIM = (34.37, 41.09)
BAHCESARAY = (38.13, 42.81)        # Bahçesaray, Van (the seat of the Bahçesaray district)
SURUC = (36.98, 38.42)             # Suruç, Şanlıurfa


def test_the_city_a_sentence_opens_with_gives_way_to_its_quarter_the_clause_names():
    # nu35 M1: "In Aden, a car bomb ... in the Tawahi district" was drawn at Aden's centre, nothing said of Tawahi
    found = _drafts("In Aden, gunmen on a motorbike shot dead an intelligence officer on Sunday in the Sheikh Othman "
                    "district, security sources said.", "2025-03-12")
    drafted = _only_near(found, SHEIKH_OTHMAN)
    assert _near(drafted, *SHEIKH_OTHMAN, km=3)


def test_a_quarter_of_that_name_far_from_the_city_does_not_take_the_event_away():
    # the rule's other side: no place of that name lies within a quarter's reach of Aden; villages of the name in
    # Lebanon are no quarter of it
    found = _drafts("In Aden, gunmen shot dead a police officer on Tuesday in the Mansoura district, security officials "
                    "said.", "2025-03-12")
    assert [d["country"] for d in found] == ["YE"]
    assert _near(_only_near(found, ADEN), *ADEN, km=15)


def test_a_named_site_the_gazetteer_lacks_is_said_not_found_where_a_later_sentence_places_it():
    # nu35 M2: the strike on "the Khor Mor gas field" was drafted at Chamchamal, the district a later sentence names,
    # at 0.89, with nothing said of the field itself
    found = _drafts("A drone hit the Akkas gas field on Friday, setting a well on fire, officials said. The field "
                    "lies in al-Qaim district of Anbar province.", "2025-03-12")
    drafted = _only_near(found, AL_QAIM)
    assert any("'Akkas' not found" in f for f in drafted["flags"])
    assert drafted["geo_precision"] == 2 and drafted["confidence"] < 0.6


def test_a_town_the_gazetteer_holds_only_as_its_district_is_that_district_not_a_village_elsewhere():
    # session 31's lead: Who's On First holds 351 of Turkey's 957 district seats only as their district; "the town
    # of X" was left among villages of that name elsewhere, or placed at one (Samsun, 700 km off, for "eastern Turkey")
    found = _drafts("PKK militants attacked a gendarmerie post in the town of Bahcesaray in eastern Turkey on Sunday, "
                    "killing two soldiers, the army said.", "2025-03-12")
    drafted = _only_near(found, BAHCESARAY)
    assert drafted["geo_precision"] == 2 and any("Bahçesaray district" in f for f in drafted["flags"])
    found = _drafts("A bomb exploded at a cultural centre in the Turkish town of Suruc near the Syrian border on Monday, "
                    "killing 32 young activists, the governor said.", "2015-07-21")
    assert _only_near(found, SURUC)["country"] == "TR"


def test_a_district_town_said_to_lie_on_the_other_side_of_the_country_is_not_taken():
    # the rule's other side: the report says western Turkey; the district of that name lies in the far east
    found = _drafts("PKK militants attacked a gendarmerie post in the town of Bahcesaray in western Turkey on Sunday, "
                    "killing two soldiers, the army said.", "2025-03-12")
    assert not any(_near(d, *BAHCESARAY, km=50) for d in found)


# Sets 95 and 96 (read after their unread measurement): each kind in words of its own
DHAMAR = (14.54, 44.41)
SANAA = (15.35, 44.21)
HAJJAH = (15.69, 43.60)
AL_HAZM = (16.16, 44.78)
HASAKA = (36.50, 40.75)
DEIR_EZZOR_AIRPORT = (35.28, 40.18)
CEYLANPINAR = (36.85, 40.05)


def test_battles_between_two_sides_are_a_clash():
    # LS07: "15 people died on Friday in battles between Sunni tribesmen and Houthi rebels in the city of Ibb" (no draft)
    found = _drafts("Eleven people died on Sunday in battles between government troops and tribesmen in the city of "
                    "Dhamar, medics said.", "2024-03-12")
    assert _only_near(found, DHAMAR)["event_type"] == "Battles"


def test_a_kind_of_place_before_the_name_in_apposition_says_what_it_is():
    # LS11: "in Yemen's capital, Sana" was left among namesakes
    found = _drafts("An air strike hit a wedding party in Yemen's capital, Sana, on Sunday, killing 20 people, medics "
                    "said.", "2024-03-12")
    assert _only_near(found, SANAA)["geo_status"] == "resolved"


def test_mourners_the_event_hit_do_not_make_its_day_a_funeral_s():
    # LS11: "a funeral hall packed with mourners ... on Saturday": the strike dated the day before, week precision
    found = _drafts("An air strike hit a community hall crowded with mourners in the city of Hajjah on Sunday, killing "
                    "20 people, medics said.", "2024-03-12")
    drafted = _only_near(found, HAJJAH)
    assert drafted["event_date"] == "2024-03-10" and drafted["date_precision"] == 1


def test_a_place_after_and_in_is_another_place_not_the_one_that_holds_the_first():
    # LS20: "in the city of Sanaa and in Ibb": Sanaa was taken as held by Ibb, 150 km off
    found = _drafts("Police arrested dozens of protesters on Sunday in the city of Sanaa and in Dhamar, activists said.",
                    "2024-03-12")
    assert _only_near(found, SANAA) and _only_near(found, DHAMAR)


def test_the_capital_of_a_province_the_country_owns_is_the_place_not_the_province():
    # LS17: "al-Hazm, the capital of Yemen's northeastern province of al-Jawf" was drafted at the province
    found = _drafts("Houthi fighters on Sunday seized al-Hazm, the capital of Yemen's northern province of al-Jawf, after "
                    "days of heavy fighting.", "2024-03-12")
    assert _near(_only_near(found, AL_HAZM), *AL_HAZM, km=5)


def test_a_person_named_by_given_name_and_surnames_is_no_place_in_any_sentence():
    # LS04, LS12: 'Ali Abdullah' and 'Saleh' (Ali Abdullah Saleh) drafted at villages of those names
    found = _drafts("Former president Ali Abdullah Saleh gave a speech in Sanaa on Friday. Clashes broke out on Sunday "
                    "between Saleh's supporters and the Houthis, killing four.", "2024-03-12")
    assert found and all(d["location"] not in ("Saleh", "Ali Abdullah") for d in found)
    assert all(_near(d, *SANAA) for d in found)


def test_villages_the_gazetteer_lacks_to_the_west_of_a_city_are_placed_near_it():
    # LR03: "in the villages of Tal Shamiram and Tal Hermz, to the west of the Kurdish city of Hasaka": no draft
    found = _drafts("Militants abducted 15 farmers on Sunday in the villages of Tal Kefji and Qabr Shamiyeh, to the west "
                    "of the city of Hasaka, the monitor said.", "2024-03-12")
    drafted = _only_near(found, HASAKA)
    assert drafted["geo_precision"] == 2 and any("landmark" in f for f in drafted["flags"])


def test_a_site_said_to_have_also_been_hit_is_a_place_of_its_own():
    # LR22: "said the Deir Ezzor airport in the east of the country had also been bombed": no draft there
    found = _drafts("Unidentified aircraft struck sites near Albu Kamal on Friday, sources said. They later said the "
                    "Deir Ezzor airport in the east of the country had also been bombed.", "2024-03-12")
    assert _near(_only_near(found, DEIR_EZZOR_AIRPORT), *DEIR_EZZOR_AIRPORT, km=5)


def test_a_district_of_a_province_named_by_its_seat_lies_anywhere_in_that_province():
    # LR14: "the Akcakale district of Sanliurfa" was placed at the city of Sanliurfa, 51 km off, as a namesake's holder
    found = _drafts("Rockets fired from Syria hit houses in south-eastern Turkey on Thursday. A child was killed in the "
                    "Ceylanpinar district of Sanliurfa, the governor said.", "2024-03-12")
    assert _only_near(found, CEYLANPINAR)["country"] == "TR"


RAQQA = (35.95, 39.02)
KHAN_YOUNIS = (31.34, 34.31)


def test_celebratory_gunfire_is_no_event():
    # LR02: "In nearby Raqqa, ... a witness reported celebratory gunfire" drafted as an attack there
    found = _drafts("Militants took over the Tabqa air base on Sunday after days of fighting, a monitor said. In nearby "
                    "Raqqa, a witness reported celebratory gunfire.", "2024-03-12")
    assert not any(_near(d, *RAQQA, km=5) for d in found)


def test_a_village_in_a_direction_from_a_city_is_placed_near_the_city_not_at_it():
    # LR07: "in a village west of the Islamic State-held Syrian city of Raqqa" was drafted at Raqqa itself, precision 1
    found = _drafts("At least 20 people were killed when an air strike hit a bakery in a village north of the Islamic "
                    "State-held Syrian city of Raqqa, a monitor said.", "2024-03-12")
    drafted = _only_near(found, RAQQA)
    assert drafted["geo_precision"] == 2


def test_a_sentence_saying_where_the_site_lies_places_the_event_near_that_city():
    # KP18, LE15 (kept when "<direction> of the city of X" became X's landmark): "the post was east of the city of
    # Rafah" places the event told before near Rafah, not at it
    found = _drafts("A tank fired on a lookout post on Sunday, killing two militants, the health ministry said. A "
                    "spokesman said the post was east of the city of Khan Younis.", "2024-03-12")
    assert _only_near(found, KHAN_YOUNIS)["geo_precision"] == 2


NABI_CHIT = (33.87, 36.11)       # En Nabi Chit, Lebanon
IZEH = (31.83, 49.87)


def test_a_land_named_in_one_country_is_not_settled_by_a_place_across_the_border():
    # nu36 H1: "near the town of Nabi Chit in the Bekaa valley", in a report that also names Aitaroun in south Lebanon:
    # 'Bekaa' was taken as Menahemya in Israel (which carries the name) for lying 50 km from Aitaroun, and the strike
    # drawn there, 144 km from Nabi Chit, as the place that holds a namesake
    found = _drafts("A drone strike hit a van near the town of Nabi Chit in the Bekaa valley on Tuesday, killing a "
                    "Hezbollah commander, a security source said. Israeli shelling also hit the edge of Aitaroun in "
                    "south Lebanon.", "2024-03-13")
    assert not any(d["country"] == "IL" for d in found)
    assert _only_near(found, NABI_CHIT)["country"] == "LB"


def test_gunmen_firing_on_a_crowd_are_not_the_states_forces():
    # nu36 H2: "Gunmen on motorbikes opened fire on protesters and security forces ... in Izeh" was drafted as the
    # Military Forces of Iran firing on protesters, at 0.89, with no word that the attacker was not named
    found = _drafts("Masked gunmen on a motorcycle opened fire on demonstrators and police in the centre of Izeh on "
                    "Wednesday evening, killing five people, state media said.", "2024-03-14")
    drafted = _only_near(found, IZEH)
    assert drafted["actor1"].startswith("Unidentified Armed Group") and drafted["actor2"] == "Protesters (Iran)"
    assert "attacker not named in the report" in drafted["flags"]
