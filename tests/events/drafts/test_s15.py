"""Kinds of fault found in session 15, from held-out sets 38 and 39 (OC01-OC25, IC01-IC25, read after their
measurements) and the session's new-user trial. Each case is written here in new words, so each test is the
kind, not the labelled report."""
from events.drafts import cues as C

from .helpers import drafts as _drafts, near as _near


def test_a_country_owning_a_consulate_is_not_where_the_consulate_stands():
    # OC23: "protesters in Najaf have set fire to Iran's consulate": the report's one country was Iran, and
    # Najaf was drafted as ambiguous among Iranian villages, with Iraq's Najaf not even offered
    (d,) = _drafts("Protesters in Najaf stormed Iran's consulate on Tuesday and set part of it on fire.", "2019-11-28")
    assert d["country"] == "IQ" and _near(d, 32.0, 44.33) and d["event_date"] == "2019-11-26"


def test_a_place_name_that_speaks_is_an_outlet_not_an_event_place():
    # OC22: "A new airstrike was reported on the border, Al-Mayadeen said": drafted at the Syrian town of
    # Al-Mayadeen, resolved; the strike was at al-Qaim, named later
    drafts = _drafts("A further drone strike was reported near the border, Al-Mayadeen said, with local media saying it "
                     "hit Kataib Hezbollah depots in the al-Qaim region.", "2020-01-04")
    assert drafts and not any(_near(d, 35.02, 40.45) for d in drafts)
    assert any(_near(d, 34.37, 41.09) for d in drafts)
    # the seat of a body that speaks is still a place: "the health ministry in Erbil said ... in Koysinjaq"
    drafts = _drafts("Iranian missiles hit Kurdish opposition offices on Wednesday. The health ministry in Erbil "
                     "said four people were killed in the Koysinjaq area of Erbil province.", "2022-09-28")
    assert any(_near(d, 36.08, 44.63) for d in drafts)


def test_a_sentence_weighing_the_event_told_before_tells_no_new_one():
    # "It was the first use of live fire in the capital since protests resumed on October 24": a second Baghdad
    # event dated October 24 (or the publication day), and the next event's "hours earlier" took its date
    drafts = _drafts("Security forces fired live rounds at protesters in Baghdad on Monday, wounding 12. It was the "
                     "first use of live fire in the capital since protests resumed on October 24. Hours earlier, "
                     "three protesters were shot dead in Karbala.", "2019-11-05")
    assert sorted((d["location"], d["event_date"]) for d in drafts) == [("Baghdad", "2019-11-04"),
                                                                       ("Karbala", "2019-11-04")]


def test_a_village_beside_another_named_place_does_not_pass_over_a_city_of_the_name():
    # IC01: "air strikes on Damascus and Hama": Hama was placed at a village Al Hamah 8 km from Damascus, 180 km
    # from the city of Hama; the city is a candidate, so nearness to Damascus settles nothing
    drafts = _drafts("Israeli jets carried out air strikes on Damascus and Hama on Wednesday, state media said.",
                     "2025-04-03")
    hama = [d for d in drafts if d["location"] == "Hama"]
    assert hama and not any(_near(d, 33.56, 36.22, 30) for d in hama)
    assert all(d["latitude"] is None or _near(d, 35.13, 36.76) for d in hama)


def test_a_place_the_report_puts_in_a_province_after_a_comma_is_not_taken_from_another_province():
    # OC16: "Kiziltepe, in Turkey's south-eastern Mardin province": the gazetteer's Kiziltepe villages lie in
    # other provinces (one in Batman, 71 km from Mardin), and the Batman one was taken at confidence 0.96
    drafts = _drafts("A car bomb killed a guard outside a recruitment office in Kiziltepe, in Turkey's south-eastern "
                     "Mardin province, late on Friday, the army said.", "2016-04-02")
    assert drafts and not any(_near(d, 37.89, 41.09, 10) for d in drafts)
    assert all(d["country"] == "TR" and d["admin1"] == "Mardin" for d in drafts if d["latitude"] is not None)


def test_accused_of_bombing_a_base_is_a_strike_on_that_base():
    # IC24: "Damascus accused Israel of bombing the T-4 air base in Homs province": no draft at all ("bombing"
    # with its object was not read as the verb)
    (d,) = _drafts("Damascus accused Israel of bombing the T-4 air base in Homs province late on Tuesday.",
                   "2020-01-15")
    assert _near(d, 34.52, 37.63, 5) and d["event_date"] == "2020-01-14"
    assert d["sub_event_type"] == "Air/drone strike"


def test_a_village_in_a_provinces_countryside_is_not_drafted_at_the_province_capital():
    # YC06 (after a fix of this session let "X, in Y" name a holder): "Al-Shahil, in Deir ez-Zor's eastern
    # countryside" must not become a point at the city of Deir ez-Zor, 40 km away
    drafts = _drafts("A suicide bomber blew up a car at an SDF post in the town of Al-Shahil, in Deir ez-Zor's eastern "
                     "countryside, killing three fighters on Friday.", "2024-05-11")
    assert not any(_near(d, 35.336, 40.14, 10) for d in drafts)


def test_a_near_spelling_is_taken_only_in_the_country_the_words_put_the_place_in():
    # nu16 H1: "launched a ballistic missile from Yemen at the Ben Gurion airport in Israel": drafted at a Bani
    # Khayran near Sanaa (a near spelling in Yemen) at 0.96, though the words put the airport in Israel
    drafts = _drafts("On Sunday night an air strike hit a market in Sanaa, killing 12 people, health officials said. "
                     "The Houthis said they launched a ballistic missile from Yemen at the Ben Gurion airport in "
                     "Israel on Friday.", "2025-04-21")
    assert not any(d["country"] == "YE" and d["latitude"] is not None and d["location"].startswith("Ben")
                   for d in drafts)


def test_days_earlier_count_back_from_the_event_told_before():
    # nu16 H3: "Three days earlier, rockets hit ..." and "The previous day, a roadside bomb ..." took the day of
    # the event told before (or the day before publication), at day precision
    drafts = _drafts("A drone struck a car near Baghdad airport on Thursday, killing a militia commander. Three days "
                     "earlier, rockets hit the Ain al-Asad air base in Anbar. The previous day, a roadside bomb hit "
                     "a convoy near Diwaniyah.", "2024-02-08")
    by = {d["location"]: d["event_date"] for d in drafts}
    assert by.get("Ain al-Asad air base") == "2024-02-05"
    assert by.get("Diwaniyah") == "2024-02-04"


def test_a_named_victim_and_the_groups_listed_after_add_up():
    # nu16 H4: "killing commander Abu Baqir al-Saadi and two companions" and "killed senior Hezbollah commander
    # Fuad Shukr, two children and two other civilians" gave 1
    assert C.fatalities("A drone hit a car on Thursday, killing Kataib Hezbollah commander Abu Baqir al-Saadi and "
                        "two companions.") == 3
    assert C.fatalities("The strike killed senior Hezbollah commander Fuad Shukr, two children and two other "
                        "civilians.") == 5
    assert C.fatalities("Gunmen killed a soldier and wounded two others.") == 1


def test_fighting_between_two_sides_is_a_clash():
    # nu16 M2: "Fighting between Houthi forces and government troops in the Raghwan district of Marib province
    # killed at least 17 fighters" gave no draft (only "fighting broke out/erupted" was a cue)
    (d,) = _drafts("Fighting between Houthi forces and government troops in the Raghwan district of Marib province "
                   "killed at least 17 fighters on Sunday, officials said.", "2021-02-22")
    assert d["event_type"] == "Battles" and d["fatalities"] == 17 and d["event_date"] == "2021-02-21"
    assert d["country"] == "YE" and d["admin1"] in ("Marib", "Ma'rib")
    assert C.find_cues("The group has been fighting Islamic State since 2015.") == []


def test_a_village_the_gazetteer_lacks_beside_its_province_is_said_not_found():
    # nu16 M4: "attacked a checkpoint in Mutaibija in Salahuddin province" was drafted at the province with no
    # word that the village named was not found
    (d,) = _drafts("Islamic State militants attacked a checkpoint in Mutaibija in Salahuddin province on Sunday, "
                   "killing one policeman.", "2023-03-06")
    assert d["geo_precision"] == 3
    assert any("'Mutaibija' not found" in f for f in d["flags"]), d["flags"]


def test_a_subject_referring_back_takes_the_attacker_told_before():
    # nu16 M1: "The Guards also said they had launched missiles ...", "the group said it had launched drones ...",
    # "the ministry said jets also hit ..." each gave "Unidentified Armed Group" and "attacker not named"
    drafts = _drafts("Iran's Revolutionary Guards said on Tuesday they had fired ballistic missiles at a building in "
                     "Erbil late on Monday. The Guards also said they had launched missiles at Islamic State targets "
                     "in Idlib province.", "2024-01-16")
    idlib = [d for d in drafts if d["country"] == "SY"]
    assert idlib and idlib[0]["actor1"] == "Islamic Revolutionary Guard Corps"
    assert any("attacker taken from the event told before ('The Guards'" in f for f in idlib[0]["flags"])
    # a subject that does not refer back leaves the attacker unnamed
    (d,) = _drafts("A roadside bomb hit an army patrol near Tarmiyah on Sunday.", "2023-03-06")
    assert not any("attacker taken" in f for f in d["flags"])


def test_day_and_week_offsets_count_back_from_the_event_told_before():
    # nu17 N2: "Eight days earlier", "A week earlier", "Two weeks earlier", "Three days before that" took the day
    # of the event told before, at day precision
    base = "A drone struck a car near Baghdad airport on Thursday, killing a militia commander. {}, rockets hit the " \
           "Ain al-Asad air base in Anbar."
    for words, day, precision in (("Eight days earlier", "2024-01-31", 1), ("A week earlier", "2024-02-01", 2),
                                  ("Two weeks earlier", "2024-01-25", 2), ("Three days before that", "2024-02-05", 1)):
        (d,) = [x for x in _drafts(base.format(words), "2024-02-09") if x["location"].startswith("Ain")]
        assert (d["event_date"], d["date_precision"]) == (day, precision), words


def test_possessive_victim_lists_add_up():
    # nu17 N3: "a local Hezbollah official, his wife and their three children" 1 (5); "... and his bodyguard" 1 (2);
    # "the head of IRGC intelligence in Syria, his deputy and three other Guards members" unknown (5)
    assert C.fatalities("An Israeli strike killed a local Hezbollah official, his wife and their three children.") == 5
    assert C.fatalities("A strike killed Hezbollah commander Wissam al-Tawil and his bodyguard.") == 2
    assert C.fatalities("The strike killed the head of IRGC intelligence in Syria, his deputy and three other Guards "
                        "members.") == 5
    # "his children" gives no number: none is made up
    assert C.fatalities("The raid killed Baghdadi and his children.") in (None, 1)


def test_a_name_said_to_be_near_a_city_is_not_taken_from_a_province_named_for_another_place():
    # nu17 N1: "near Koya in Erbil province and at Zrgwez near Sulaimaniyah": Zrgwez was placed at a Zirgoz in
    # Erbil province, about 150 km from Sulaimaniyah, at 0.94
    drafts = _drafts("Iran's Revolutionary Guards fired missiles at the bases of Kurdish opposition parties near Koya "
                     "in Erbil province and at Zrgwez near Sulaimaniyah on Wednesday.", "2022-09-29")
    (z,) = [d for d in drafts if d["location"] == "Zrgwez"]
    assert z["latitude"] is None or _near(z, 35.56, 45.43, 30)
