"""Kinds of fault found in session 21 in held-out sets 52 and 53 (KA01-KA25, KB01-KB25), read after three
measurements unread. Each case is written here in new words, so each test is the kind, not the labelled report."""
from .helpers import drafts as _drafts, near as _near

AIN_ISSA = (36.384, 38.863)
MAAN = (30.19, 35.73)


def test_a_neighbours_demonym_and_a_people_are_no_places():
    # KA12: "casualties on the Afghan side" drafted a clash at Afghan, a village in Sistan and Baluchestan;
    # KA13: "threatened more attacks on the Kurds" drafted an attack at Kurdis, a village in Hasakah
    drafts = _drafts("Two Iranian border guards were killed in a gun battle with Taliban forces at a post in Zabol county "
                     "on Saturday. The commander said Taliban fighters opened fire first and the guards returned fire; "
                     "casualties on the Afghan side were unknown.", "2023-05-28")
    drafts += _drafts("A truck bomb killed 20 people in Qamishli on Wednesday. The Islamic State claimed the bombing and "
                      "threatened more attacks on the Kurds.", "2016-08-02")
    assert drafts
    assert not any((d["location"] or "").lower() in ("afghan", "kurds") for d in drafts)


def test_a_place_driven_through_is_where_it_happened():
    # KB06: "shot dead by a Palestinian gunman while driving through Huwara" gave no draft
    drafts = _drafts("An Israeli soldier was shot dead on Monday as his jeep drove through Beita in the occupied West "
                     "Bank, the army said.", "2023-03-14")
    assert any(_near(d, 32.14, 35.29) for d in drafts)


def test_settlers_rampaging_through_a_village_riot_there():
    # KB06: "Hundreds of Israeli settlers rampaged through the Palestinian town of Huwara" was no event
    drafts = _drafts("Dozens of settlers rampaged through the village of Turmus Ayya on Tuesday evening, burning cars "
                     "and a house, residents said.", "2023-06-22")
    assert any(d["event_type"] == "Riots" and _near(d, 32.03, 35.28) for d in drafts)


def test_the_town_of_the_hospital_on_the_way_to_which_a_victim_died_is_no_event_place():
    # KA22: "died on the way to hospital in Hasakah" drafted a second shelling at Hasakah
    drafts = _drafts("A shell struck a home in the village of Hawayij on Monday; two children died at once and their "
                     "father died on the way to hospital in Hasakah.", "2024-08-20")
    assert drafts and not any(_near(d, 36.51, 40.74) for d in drafts)


def test_a_province_spelled_with_a_bare_e_article_names_its_country():
    # KA22: "the eastern countryside of Deir e-Zor" named no country, and the village was looked for region-wide
    drafts = _drafts("Mortar fire killed a girl in the village of Hawayij in the eastern countryside of Deir e-Zor on "
                     "Monday, residents said.", "2024-08-20")
    assert drafts and all(d["country"] == "SY" for d in drafts)
    assert not any("IQ" in f for d in drafts for f in d["flags"])      # the country is the report's, not a guess


def test_a_governorate_seat_written_with_the_word_city_is_that_city():
    # KB07: "the Al-Rawda neighbourhood of Marib city" stayed ambiguous, though "Marib" alone is read as the seat
    (d,) = _drafts("Two children were hurt when a Houthi drone came down on a street of Marib city in Yemen on Friday, "
                   "officials said.", "2021-03-06")
    assert _near(d, 15.46, 45.33) and d["geo_precision"] == 1


def test_a_governorate_seat_that_the_gazetteer_names_in_arabic_script_is_that_city():
    # found with KB07: Who's On First names Hama "حماه" only, so "in Hama" did not carry the governorate's name
    (d,) = _drafts("A drone hit a house in Hama in Syria on Friday, wounding two people, officials said.", "2023-05-06")
    assert _near(d, 35.13, 36.75) and "حماه" not in " ".join(d["flags"])


def test_where_an_official_told_reporters_is_no_event_place():
    # KB08: "the prime minister told reporters in Ankara on Monday" drafted a second attack at Ankara
    drafts = _drafts("A suicide bomber killed nine people in Qamishli on Sunday. The interior minister told reporters in "
                     "Damascus on Monday that the explosion had been caused by a car bomb.", "2023-07-04")
    assert any(_near(d, 37.05, 41.22) for d in drafts)
    assert not any(_near(d, 33.51, 36.29) for d in drafts)


def test_the_bomber_is_a_person_not_an_aircraft():
    # KB08: "the bomber was between 12 and 14 years old" was read as a bomber aircraft: an air strike cue
    from events.drafts.cues import AIR, find_cues
    assert not any(c.family == AIR for c in find_cues("Police said the bomber killed eleven mourners."))
    assert [c.family for c in find_cues("Russian bombers struck the town.")][0] == AIR
    assert any(c.family == AIR for c in find_cues("A B-52 bomber struck the base."))


def test_a_landmark_far_from_the_place_does_not_choose_its_province():
    # KB19: "the Al Hussainiya area of Ma'an, 218 kilometres south-west of Amman" settled Ma'an in Amman province,
    # at Amman itself
    drafts = _drafts("Rioters set tyres ablaze in the Hay al-Shuhada area of Ma'an, 200 km south of Amman, on Thursday "
                     "night, police said.", "2022-12-17")
    assert drafts and all(_near(d, *MAAN) for d in drafts if d["latitude"] is not None)
    assert any(_near(d, *MAAN) for d in drafts)


def test_a_since_clause_with_a_long_subject_does_not_date_the_event():
    # KA06: "since protests demanding sweeping reform and an end to Iranian influence began on October 1" dated
    # the night's attack on protesters October 1
    drafts = _drafts("Gunmen killed 14 protesters near Tahrir Square in Baghdad late on Thursday, the deadliest night "
                     "since demonstrations against corruption and unemployment in the south began on October 1.",
                     "2019-12-14")
    assert drafts and all(d["event_date"] == "2019-12-12" for d in drafts)


def test_an_area_forces_infiltrated_is_where_they_fought():
    # KA24: "the factions infiltrated the Ayn Issa area north of Raqqa" drafted the clashes near Raqqa, 50 km away
    drafts = _drafts("Turkish-backed fighters infiltrated the Ayn Issa area in northern Syria before dawn on Tuesday, and clashes with "
                     "the SDF followed, a monitor said.", "2020-06-10")
    assert any(_near(d, *AIN_ISSA) for d in drafts)


def test_a_camp_whose_residents_speak_is_the_camp_the_report_returns_to():
    # KB02: "Residents of the Jenin refugee camp described ... a house in the camp's Jarret al-Dahab neighbourhood"
    # gave no draft: the camp was no place of the first sentence, so "the camp" referred to nothing
    drafts = _drafts("Residents of the Balata refugee camp near Nablus said soldiers stormed the camp before dawn. Two "
                     "young men were shot dead in the camp's main market on Tuesday, the health ministry said.",
                     "2023-02-22")
    assert any(d["location"] == "Balata" and _near(d, 32.20, 35.28, km=5) for d in drafts)


def test_a_tribe_is_no_place_though_a_village_carries_its_name():
    # KA16: "a leading figure in the Albu Nimr, one of two tribes resisting the assault" drafted fighting at a village
    # Albu Nimr, 80 km from Haditha
    drafts = _drafts("Islamic State fighters shelled Ramadi in western Iraq on Monday. An elder in the Albu Fahd, one of "
                     "the tribes defending the city, said twelve fighters had been killed in attacks on checkpoints.",
                     "2015-06-09")
    assert drafts and not any((d["location"] or "").startswith("Albu") for d in drafts)


def test_the_base_a_direction_locates_is_the_base_told_before():
    # KA21: "three rockets hit the base north of Baghdad" was drafted near Baghdad, 65 km from Balad air base
    drafts = _drafts("Three rockets struck Balad air base on Monday without causing casualties, the military said. On "
                     "Wednesday two more rockets hit the base north of Baghdad, wounding a contractor.", "2021-06-11")
    assert len(drafts) == 2 and all(_near(d, 33.93, 44.37, km=5) for d in drafts)


def test_taking_control_of_a_place_is_an_event_there():
    # KB12: "took control of the Maashiq presidential palace in the southern port city of Aden" gave no draft
    (d,) = _drafts("Tribal gunmen took control of the police headquarters in the southern port city of Mukalla on "
                   "Sunday, officials told Reuters.", "2019-08-12")
    assert d["event_type"] == "Battles" and _near(d, 14.54, 49.12) and d["event_date"] == "2019-08-11"


def test_a_place_a_city_holds_is_looked_for_in_that_citys_province_first():
    # A new user's report (session 21 trial): "a US drone strike on a vehicle in eastern Baghdad's Mashtal
    # neighbourhood", with "near the Syrian border" in the next sentence, was drafted at a Mashtal in Syria, 730 km
    # off, at 0.97 and without a flag; the headline's strike "in Baghdad" then stood as a second event
    text = ("US drone strike kills Kataib Hezbollah commander in Baghdad\n\n"
            "A US drone strike on a vehicle in eastern Baghdad's Mashtal neighbourhood on Wednesday evening killed a "
            "senior commander of Kataib Hezbollah and two of his guards, Iraqi security officials said on Thursday. "
            "US Central Command said the strike answered the drone attack on January 28 that killed three US soldiers "
            "at the Tower 22 outpost in northeastern Jordan, near the Syrian border.")
    drafts = _drafts(text, "2024-02-08")
    assert not any(d["country"] == "SY" for d in drafts)
    baghdad = [d for d in drafts if d["country"] == "IQ"]
    assert len(baghdad) == 1 and _near(baghdad[0], 33.33, 44.51, km=5) and baghdad[0]["flags"]
    # written the other way round, the place is found in the city's province too, not only near the city
    (d,) = _drafts("A US drone strike hit a car in the Mashtal neighbourhood of Baghdad on Wednesday, killing three. "
                   "It came days after a strike near the Syrian border.", "2024-02-08")
    assert _near(d, 33.33, 44.51, km=5) and d["geo_precision"] == 1
