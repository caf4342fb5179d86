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
