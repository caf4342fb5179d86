"""Kinds of fault found in session 19, from held-out sets 46 and 47 (ID01-ID25, OE01-OE25, read after two
measurements unread). Each case is written here in new words, so each test is the kind, not the labelled report."""
from events.drafts import cues as C

from .helpers import drafts as _drafts, near as _near


def test_the_houthis_name_yemen():
    # ID20: "Israeli air strikes on the Houthi-held port city of Hodeidah" gave no draft: the report named only Israel,
    # so Yemen's gazetteer was never searched
    (d,) = _drafts("Israeli warplanes struck fuel depots in Hodeidah on Saturday, the Houthis said.", "2024-07-21")
    assert d["country"] == "YE" and _near(d, 14.80, 42.95) and d["event_date"] == "2024-07-20"


def test_a_site_of_a_town_is_in_the_town():
    # ID11: "a car bomb exploded in the fruit market of Afrin" gave no draft
    (d,) = _drafts("A motorcycle bomb went off in the main market of Manbij on Friday, killing four people.",
                   "2019-05-11")
    assert d["country"] == "SY" and _near(d, 36.53, 37.95) and d["fatalities"] == 4


def test_a_site_identified_by_someone_as_a_name():
    # ID24: "a base in north-eastern Jordan, identified by a person familiar with the matter as Tower 22" gave no draft
    (d,) = _drafts("Rockets hit a base in western Iraq on Tuesday, identified by two US officials as Ain al-Asad.",
                   "2024-08-07")
    assert d["country"] == "IQ" and _near(d, 33.80, 42.44)


def test_a_place_described_with_a_name_of_its_own_stays_in_the_list():
    # OE09: "US strikes on Saada, the Red Sea port city of Hodeida and Marib province": Hodeida was lost
    drafts = _drafts("Israeli strikes hit Tyre, the Mediterranean port city of Sidon and Nabatieh on Monday.",
                     "2024-10-01")
    assert len(drafts) == 3 and any(_near(d, 33.56, 35.37) for d in drafts)


def test_an_explosion_whose_cause_the_sentence_tells_has_that_cause():
    # OE01: "Loud explosions were heard in Latakia, amid reports that Israeli aircraft had struck the city's port"
    # was drafted as an explosion of unknown cause ("Strategic developments / Other")
    (d,) = _drafts("Explosions hit the outskirts of Homs on Monday night after Israeli jets struck an air defence site, "
                   "Syrian state media said.", "2023-03-07")
    assert (d["event_type"], d["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")


def test_the_event_named_again_at_its_place_is_the_one_told_there():
    # OE01: after blasts in Latakia, then on the outskirts of Baniyas, "the raid on Latakia" made a third draft, and
    # the Baniyas blast, told again with its cause, a fourth
    drafts = _drafts("Explosions were heard in Tartus on Tuesday after Israeli aircraft struck a depot. Two blasts were "
                     "also reported near Jableh. Israeli media said the raid on Tartus destroyed a weapons store and "
                     "that a radar near Jableh had been targeted.", "2024-05-14")
    assert len(drafts) == 2
    assert any(_near(d, 34.89, 35.89) for d in drafts) and any(_near(d, 35.36, 35.93) for d in drafts)
    assert all(d["sub_event_type"] == "Air/drone strike" for d in drafts)


def test_a_blast_explained_in_the_next_sentence_is_one_event_of_that_kind():
    # OE05: "Twin explosions ripped through a street in western Raqqa ... A landmine blew up first, followed by a car
    # bomb" stayed an explosion of unknown cause
    (d,) = _drafts("Two explosions tore through a market in Jarablus on Sunday, killing six people. A roadside bomb "
                   "went off first, then a motorcycle bomb.", "2019-06-03")
    assert d["sub_event_type"] == "Remote explosive/landmine/IED" and d["fatalities"] == 6


def test_a_body_reacting_from_its_seat_is_no_event_there():
    # OE24: "The Kurdistan Regional Government in Erbil condemned the attack" drafted the Ankara bombing at Erbil
    drafts = _drafts("A suicide bomber struck a police station in Diyarbakir on Monday, killing two officers. The "
                     "regional government in Erbil condemned the attack.", "2016-05-10")
    assert [d["country"] for d in drafts] == ["TR"] and _near(drafts[0], 37.91, 40.23)


def test_a_skirmish_that_kills_is_a_clash():
    # ID06: "an altercation near the Turkish border in Duhok province's Zakho on Friday left two Iraqi border guards
    # dead" was no event
    drafts = _drafts("Turkish jets bombed PKK hideouts in the Qandil mountains on Wednesday. Separately, a skirmish "
                     "near the Syrian border in Nineveh province's Rabia on Saturday left three border guards dead.",
                     "2023-06-05")
    rabia = [d for d in drafts if _near(d, 36.80, 42.10)]
    assert len(rabia) == 1 and rabia[0]["event_type"] == "Battles" and rabia[0]["event_date"] == "2023-06-03"
    assert rabia[0]["fatalities"] == 3


def test_a_town_after_its_provinces_possessive_is_the_place():
    # ID06's kind: "in Duhok province's Zakho" placed Zakho, but a province the gazetteer knows only as an admin1
    # ("Nineveh province's Sinjar") hid the town: the draft fell back to the province, 60 km off
    (d,) = _drafts("An IED killed two soldiers in Nineveh province's Sinjar on Tuesday.", "2021-03-10")
    assert _near(d, 36.32, 41.86) and d["geo_precision"] == 1


def test_relatives_named_by_a_possessive_are_counted():
    # OE15 "killed a man and his wife" gave 1; OE06 "a mother and her son were killed" gave none
    assert C.fatalities("Shelling on Kfar Kila on Sunday killed a farmer and his son.") == 2
    assert C.fatalities("A woman and her two daughters were killed when the shell hit.") == 3
    assert C.fatalities("The strike killed a man and their children.") == 1      # "their children": no count
    # OE06: "An official of the Asayish internal security forces in north-east Syria was killed" gave none
    assert C.fatalities("A member of the Asayish police in Hasakah was killed on Monday when his car blew up.") == 1
    assert C.fatalities("A man was wounded in Hasakah on Monday.") is None


# Kinds found in session 19 from held-out sets 48 and 49 (IE01-IE25, YE01-YE25), read after three measurements unread


def test_a_mountain_is_placed_at_the_town_named_after_it():
    # IE01: "The strikes shook Mount Sinjar" gave no draft
    (d,) = _drafts("Turkish artillery fire shook Mount Sinjar on Monday, Iraqi officials said.", "2020-04-14")
    assert _near(d, 36.32, 41.86) and d["event_date"] == "2020-04-13"


def test_the_day_of_a_since_clause_is_not_the_events():
    # IE01: "the heaviest attack on the area since ISIS overran it in August 2014": the strikes dated August 2014
    drafts = _drafts("Turkish jets struck PKK positions in northern Iraq on Sunday. Strikes also hit Sinjar, the heaviest "
                     "attack on the town since ISIS overran it in August 2014.", "2020-06-15")
    sinjar = [d for d in drafts if _near(d, 36.32, 41.86)]
    assert sinjar and all(d["event_date"].startswith("2020-06") for d in sinjar)


def test_the_bombing_of_a_place_is_an_event_there():
    # IE06: "condemned Ankara's bombing of the Makhmour refugee camp ..., which killed three people on Saturday": the
    # camp was no event place, and the day and toll were lost
    (d,) = _drafts("Damascus condemned the bombing of Tal Rifaat, which killed four civilians on Sunday.", "2022-11-22")
    assert _near(d, 36.47, 37.10) and d["event_date"] == "2022-11-20" and d["fatalities"] == 4


def test_a_count_of_the_weapons_hitting_another_place_is_another_event():
    # IE16: "ten struck the Ain al-Asad air base in Anbar province, one hit a base in Erbil": Erbil lost
    drafts = _drafts("Iran fired eight missiles at Iraq on Sunday: six hit the Harir base in Erbil province, two struck "
                     "an airport in Sulaimaniyah.", "2020-01-09")
    assert len(drafts) == 2 and any(_near(d, 35.56, 45.41) for d in drafts)


def test_a_names_other_form_in_brackets_places_it():
    # IE15: "the border town of Sari Kani (Ras al-Ain)": 'Sari' placed at Sariya, near Aleppo, 400 km off
    (d,) = _drafts("Turkish shelling hit the border town of Sari Kaniye (Ras al-Ain) in Syria on Monday.", "2019-10-15")
    assert _near(d, 36.85, 40.07)


def test_a_base_in_a_countrys_province_is_the_base():
    # IE21: "The joint Iraqi-American Al Asad air base in Iraq's Anbar province was hit": drafted at the province
    (d,) = _drafts("The Balad air base in Iraq's Salahuddin province was hit by rockets on Monday.", "2020-04-07")
    assert _near(d, 33.93, 44.37, km=5) and d["geo_precision"] == 1


def test_hits_scored_in_a_town_are_an_event_there():
    # YE21: "Some of the roughly 65 rockets scored direct hits in Kiryat Shmona and in Dishon" (a report naming only
    # Lebanon): no draft in Israel
    (d,) = _drafts("Hezbollah said several of its shells scored direct hits in Metula on Monday.", "2024-06-11")
    assert d["country"] == "IL" and _near(d, 33.28, 35.58)


def test_a_like_spelling_is_not_placed_by_a_town_across_a_border():
    # YE21: "the Galilee" (a region the gazetteer lacks) taken as Khaloue, a Lebanese village of a like spelling, for
    # lying 28 km from Kiryat Shmona, in Israel
    drafts = _drafts("Hezbollah fired rockets from Lebanon at the Galilee on Tuesday. Some of the rockets hit Kiryat "
                     "Shmona.", "2024-06-12")
    assert drafts and all(d["country"] == "IL" for d in drafts if d["latitude"] is not None)
    assert any(_near(d, 33.21, 35.57) for d in drafts)


def test_a_resort_of_a_town_is_the_town():
    # YE16: "the Jacob Hotel in the Red Sea resort of Eilat" gave no draft
    (d,) = _drafts("A missile launched from Yemen fell near a beach in Israel's Red Sea resort of Eilat on Monday.",
                   "2024-06-11")
    assert _near(d, 29.56, 34.95)


def test_ambushes_are_a_clash():
    # YE05: "killed at least 15 security personnel in a series of ambushes near the town of Jableh" gave no draft
    (d,) = _drafts("Twelve soldiers died in a series of ambushes near Palmyra on Friday.", "2020-04-12")
    assert _near(d, 34.56, 38.28) and d["event_type"] == "Battles" and d["fatalities"] == 12


def test_where_an_explosion_was_heard_far_away_is_no_event_place():
    # YE24: "The explosions were heard in Tartus, more than 80 km away" drafted an explosion at Tartus
    drafts = _drafts("Israeli missiles struck a weapons depot in Masyaf on Sunday. The explosions were heard in Baniyas, "
                     "some 40 km away.", "2020-04-13")
    assert len(drafts) == 1 and _near(drafts[0], 35.07, 36.34)


def test_irans_province_of_kurdistan_is_a_province_of_iran():
    # IE04: "in Iran's western province of Kurdistan" gave no draft ('Kurdistan' read as Iraq's region); written
    # "Kurdistan province" the geocoder took a village Kordestan in Khuzestan, 600 km off
    (d,) = _drafts("PJAK fighters clashed with the Guards in Iran's province of Kurdistan on Monday.", "2020-04-14")
    assert d["country"] == "IR" and d["geo_precision"] == 3 and _near(d, 35.6, 47.0, km=60)
    assert "Kordestan" in d["admin1"]


def test_a_province_after_a_town_holds_it_and_shares_no_toll():
    # YD23 ("near Baneh, Kurdistan province") once IE04's province was read: the toll was held back as shared with
    # the province; "near Paveh, Kermanshah province" had always been so
    (d,) = _drafts("A clash killed two border guards near Paveh, Kermanshah province, on Monday.", "2020-04-14")
    assert _near(d, 35.04, 46.36) and d["fatalities"] == 2


def test_a_stated_distance_is_a_measure():
    # IE09: "Al-Abbara, 15 km northeast of Baquba": an Abbarah 31 km from Baquba was taken (25 km from the truth); the
    # other Abbarah is west of it; neither is where the report says
    (d,) = _drafts("Militants attacked a checkpoint in Abbara, 15 km north-east of Baquba, on Friday.", "2020-04-14")
    assert d["location"] == "Baquba" and any("not placed" in f for f in d["flags"])


def test_more_victims_counted():
    # IB17 ("left ten Kurdish fighters and three villagers dead": 3), IE24 ("Two Americans and a British national were
    # killed": 1), YE20 ("The number of people killed ... has risen to ten": the earlier 6)
    assert C.fatalities("The raid left four soldiers and two villagers dead.") == 6
    assert C.fatalities("Two Iraqis and a Turkish national were killed in the blast.") == 3
    assert C.fatalities("The number of people killed in the strike on the market in Idlib has risen to 14.") == 14


# From the session's new-user trial (nu24)


def test_an_event_at_no_place_found_is_reported_as_such():
    # nu24 H1: "Israeli jets struck a building in the southern Lebanese village of Aita al-Shaab" gave no draft and
    # no word (the gazetteer writes it Aita ech Chaab; placed since session 31, so another name no form of the
    # gazetteer's matches stands here)
    from events.drafts import draft_report
    import datetime as dt
    text = ("Israeli jets struck a building in the southern Lebanese village of Ain al-Tineh on Monday, killing two. "
            "Hezbollah fired rockets at Metula on Monday.")
    result = draft_report(text, dt.date(2024, 6, 11))
    assert [d["location"] for d in result.drafts] == ["Metula"]
    assert result.unplaced == [text.split(". ")[0] + "."]


def test_the_cli_says_which_sentences_it_could_not_place(tmp_path, capsys):
    from events.__main__ import main
    report = tmp_path / "r.txt"
    # (Khan Sheikhoun was the example here; since session 20 it is Khan Shaykhun in another romanisation, and placed)
    report.write_text("A suspected chemical attack killed dozens of people in Khan Cheikhoun in Syria on Tuesday.\n")
    assert main(["draft", str(report), "--published", "2017-04-05"]) == 0
    out = capsys.readouterr().out
    assert "0 draft event(s)" in out and "not placed: 1 sentence(s)" in out and "> A suspected chemical attack" in out


def test_an_actor_named_for_other_years_is_flagged():
    # nu24 H2: a 2019 protest drafted with "Military Forces of Iraq (2022-)" at 0.97, unsaid
    (d,) = _drafts("Iraqi security forces opened fire on protesters in Nasiriyah on Thursday, killing 25.", "2019-11-29")
    assert d["actor1"].endswith("(2022-)") and any("leave out the event's date (2019)" in f for f in d["flags"])
    (d,) = _drafts("Iraqi security forces opened fire on protesters in Nasiriyah on Thursday, killing 25.", "2023-11-25")
    assert not any("leave out the event's date" in f for f in d["flags"])


def test_a_whole_name_the_gazetteer_lacks_is_looked_for_in_the_province():
    # nu24 M3: "in Khan Sheikhoun in Idlib province" was drafted at Idlib city, 43 km off, with no word that the town
    # was not found ("Khan" begins a longer name, and the whole name is spelled Khan Shaykhun in the gazetteer)
    # (since session 20 "Khan Sheikhoun" is the gazetteer's Khan Shaykhun in another romanisation; the French-style
    # "Cheikhoun" writes a consonant otherwise, so it is still a name the gazetteer lacks as written)
    (d,) = _drafts("Warplanes struck a market in Khan Cheikhoun in Idlib province on Monday, killing nine people.",
                   "2019-05-14")
    assert _near(d, 35.44, 36.65) and any("not found as written" in f for f in d["flags"])
    (d,) = _drafts("Warplanes struck a market in Khan Sheikhoun in Idlib province on Monday, killing nine people.",
                   "2019-05-14")
    assert _near(d, 35.44, 36.65)
