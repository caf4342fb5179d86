"""Kinds of fault found in session 22 in held-out sets 54 and 55 (KC01-KC25, KD01-KD25), read after four
measurements unread. Each case is written here in new words, so each test is the kind, not the labelled report."""
from .helpers import drafts as _drafts, near as _near

KAYSERI = (38.72, 35.49)
SAMARRA = (34.198, 43.874)
BAGHDAD = (33.33, 44.38)
RAQQA = (35.95, 39.01)
DAMASCUS = (33.51, 36.29)
ANKARA = (39.93, 32.86)
RAFAH = (31.29, 34.25)
KHIAM = (33.33, 35.61)


def test_a_bomb_of_no_stated_kind_that_harms_is_an_explosive_device():
    # KC07: "a bomb targeted a police vehicle in Diyarbakir" gave no draft at all
    (d,) = _drafts("Thirteen soldiers were killed on Saturday when a bomb targeted a bus carrying off-duty troops in "
                   "Kayseri, officials said.", "2016-12-17")
    assert _near(d, *KAYSERI) and d["sub_event_type"] == "Remote explosive/landmine/IED"


def test_the_event_told_again_at_a_town_the_way_the_report_said_from_its_landmark_is_at_that_town():
    # KC13: "an army headquarters west of Baghdad ... the Haditha area of Anbar province" was drafted at Baghdad,
    # 220 km from Haditha
    (d,) = _drafts("Militants attacked an army checkpoint north of Baghdad late on Sunday, killing four soldiers. The "
                   "attackers hit the checkpoint in the Samarra area of Salahuddin province before dawn.", "2017-05-08")
    assert _near(d, *SAMARRA)


def test_a_town_the_other_way_from_the_landmark_does_not_move_the_event():
    # the same rule, the town lying north while the report said south: not the place told, so the event stays near
    # its landmark (and Samarra gives no second event)
    drafts = _drafts("Militants attacked an army checkpoint south of Baghdad late on Sunday, killing four soldiers. The "
                     "attackers hit the checkpoint in the Samarra area of Salahuddin province before dawn.", "2017-05-08")
    assert drafts and not any(_near(d, *SAMARRA) for d in drafts)


def test_attacks_the_event_is_set_among_are_no_events_of_its_day():
    # KC23: "The shooting was the latest in a run of attacks on ... villages north and west of Baghdad" and KC17: "The
    # attack follows a string of incidents ..., including a foiled attempt to hit Ain al-Asad air base" were drafted on
    # the day of the event told
    drafts = _drafts("A roadside bomb killed two policemen in Tarmiyah on Tuesday. The blast was the latest in a series "
                     "of attacks on patrols around Samarra and Baiji, officials said.", "2019-03-20")
    assert any(_near(d, 33.67, 44.40) for d in drafts)
    assert not any(_near(d, *SAMARRA) or _near(d, 34.93, 43.49) for d in drafts)


def test_a_capital_as_a_party_to_a_truce_is_its_government():
    # KC02: "since a ceasefire between Ankara and the PKK broke down" drafted an air strike at Ankara
    drafts = _drafts("Rebels shelled a village near Daraa on Monday, killing two. Clashes have spread since a truce "
                     "between Damascus and the rebels collapsed last year.", "2019-05-14")
    assert drafts and not any(_near(d, *DAMASCUS) for d in drafts)


def test_a_road_between_two_towns_places_the_event_near_the_first_flagged():
    # KC10: "the international highway between Palmyra and Deir Ezzor" was drafted at Palmyra as the place itself
    (d,) = _drafts("Gunmen ambushed a fuel convoy on the highway between Raqqa and Deir ez-Zor on Friday, killing "
                   "six drivers.", "2021-03-06")
    assert d["geo_precision"] == 2 and any("somewhere along it" in f for f in d["flags"])


def test_an_overnight_event_is_not_dated_by_an_earlier_day_told_after_it():
    # KC03: strikes "overnight, state television said on Tuesday", then "On Sunday the militants blew up the city's
    # arch": the strikes were dated Sunday and the demolition lost
    drafts = _drafts("Warplanes struck Islamic State positions in the northern city of Raqqa overnight, state media said "
                     "on Thursday. On Monday the militants blew up the city's old bridge.", "2016-06-09")
    days = {d["event_date"] for d in drafts if _near(d, *RAQQA)}
    assert "2016-06-06" in days and ("2016-06-09" in days or "2016-06-08" in days)


def test_a_day_counted_back_is_an_aside_the_story_goes_on_with_its_own_day():
    # KD19: "A day earlier, similar missiles had wounded four soldiers in northern Israel. Israel responded with an
    # intense attack on ... Kfar Kila" dated Kfar Kila the day before
    drafts = _drafts("Two civilians were wounded on Thursday afternoon when Hezbollah fired anti-tank missiles at Shlomi, "
                     "a town in Israel's western Galilee. The Lebanese group called it a direct hit, and the Israeli "
                     "military confirmed the casualties. A day earlier, similar missiles had wounded three soldiers in "
                     "northern Israel. Israel responded with an intense attack on the southern Lebanese border town of "
                     "Khiam, where heavy missiles caused what residents described as massive damage.", "2024-03-07")
    assert any(_near(d, *KHIAM) and d["event_date"] == "2024-03-07" for d in drafts)


def test_the_event_answered_does_not_date_the_sentences_after_it():
    # KD09: "Israel bombed sites in Gaza before dawn on Wednesday in response to rockets launched on Tuesday ...
    # explosions in Beit Lahiya ... Khan Younis": the explosions were dated Tuesday
    drafts = _drafts("Israeli jets struck targets in the Gaza Strip on Sunday in response to a rocket fired at Sderot "
                     "on Saturday. Witnesses reported heavy explosions in Rafah.", "2021-08-16")
    assert any(_near(d, *RAFAH) and d["event_date"] == "2021-08-15" for d in drafts)


def test_the_story_told_again_with_a_day_weeks_before_does_not_date_the_event():
    # KD10: a shooting in Dehgolan, dated by the report's "on Sunday", took September 16 from "The nationwide protests
    # erupted after Mahsa Amini ... died in police custody on September 16"
    drafts = _drafts("Security forces shot dead two demonstrators on Friday in the city of Bukan. The protests began "
                     "after a young woman died in custody on September 16.", "2022-10-30")
    assert any(_near(d, 36.52, 46.21) and d["event_date"] == "2022-10-28" for d in drafts)


def test_rounding_up_men_is_an_arrest():
    # KC21: "forces have been rounding up young men in the city of Deir Ez-Zor" gave no draft
    drafts = _drafts("Government forces began rounding up young men in the town of Mayadin on Saturday for "
                     "conscription, residents said.", "2023-01-23")
    assert any(d["sub_event_type"] == "Arrests" and _near(d, 35.02, 40.45) for d in drafts)


def test_angry_residents_forcing_their_way_in_riot():
    # KD25: "Angry residents forced their way into the governor's office in Saravan" was no riot
    drafts = _drafts("Angry villagers forced their way into the district office in Khash on Monday and set a car on "
                     "fire, local media said.", "2021-03-02")
    assert any(d["event_type"] == "Riots" for d in drafts)


def test_a_name_the_report_calls_a_province_is_the_province():
    # KD04: "attacked an army checkpoint in Shabwa, the oil-rich southern province" left Shabwa ambiguous among
    # villages of that name
    (d,) = _drafts("Gunmen attacked a police post in Abyan, the restive southern province, on Tuesday, killing three "
                   "officers.", "2023-08-16")
    assert d["geo_precision"] == 3 and d["admin1"] == "Abyan"


def test_where_officials_met_is_no_event_place():
    # KD09: "Netanyahu had met the army chief ... at military headquarters in Tel Aviv before the raids" was drafted
    drafts = _drafts("The defence minister had met the army chief and the heads of the intelligence services at military "
                     "headquarters in Ankara before the raids. Turkish jets struck PKK targets near Zakho on Tuesday.",
                     "2024-03-08")
    assert drafts and not any(_near(d, *ANKARA) for d in drafts)


def test_a_few_days_ago_is_the_week_before_the_report():
    # KC25: "wounds he suffered a few days ago when Turkish artillery shelled the area around Ain Issa" was dated the
    # statement's day, at day precision
    (d,) = _drafts("Turkish artillery shelled the area around Tal Tamr in northern Syria a few days ago, the monitor said "
                   "on Thursday.", "2022-03-10")
    assert (d["event_date"], d["date_precision"]) == ("2022-03-07", 2)


def test_the_area_between_two_towns_is_no_event_place():
    # KC25: "Turkish troops in control of the area between Tal Abyad and Serekaniye" placed the shelling told before
    # at Tal Abyad, 0.97
    drafts = _drafts("Clashes broke out on Monday in the area between Jarablus and Azaz, killing six fighters.", "2022-03-08")
    assert not any(_near(d, 36.82, 38.01) or _near(d, 36.59, 37.05) for d in drafts)


def test_a_name_called_the_base_told_before_is_that_base_and_the_jets_it_hosts_no_strike():
    # KC08: "The rockets landed on Balad Air Base ... Balad, the country's largest air base, hosts Iraq's F-16 fighter
    # jets" gave a second, unplaced draft, an air strike at 'Balad'
    drafts = _drafts("Two Katyusha rockets fell on Balad air base on Sunday night without causing casualties, a security "
                     "source said. Balad, the country's biggest air base, houses F-16 jets; US trainers left last year "
                     "after the base was hit by repeated rocket fire.", "2022-03-08")
    assert len(drafts) == 1 and _near(drafts[0], 33.93, 44.37)


def test_the_countryside_of_a_city_that_names_its_governorate_is_the_governorate():
    # KC15: "Regime bombardment killed 59 civilians in rural Aleppo in January" was drafted at the city of Aleppo,
    # precision 1, 0.97
    for words in ("in rural Idlib", "in the Idlib countryside"):
        (d,) = _drafts(f"Russian air strikes killed eleven civilians {words} on Sunday, the monitor said.", "2020-01-13")
        assert d["geo_precision"] == 3 and d["confidence"] < 0.8


def test_a_capitals_guarded_quarter_is_a_place_not_the_government():
    # KC24: "Baghdad's heavily guarded Green Zone was turned into a battlefield" read Baghdad as the government
    drafts = _drafts("Rockets struck Baghdad's heavily guarded Green Zone on Monday, the military said.", "2022-08-30")
    assert any(_near(d, *BAGHDAD) for d in drafts)


def test_a_town_named_like_its_district_is_not_placed_at_a_namesake_outside_that_district():
    # a new user (session 22): "an IED ... went off near the town of Cukurca" in Hakkari was drafted at a village Çukurca
    # in Yüksekova district, 75 km from the town, at 0.71
    drafts = _drafts("Two soldiers were killed on Monday when a roadside bomb went off near the town of Cukurca in "
                     "Hakkari province, the defence ministry said.", "2024-07-03")
    assert drafts and not any(_near(d, 37.51, 44.39) for d in drafts)
    assert all(d["geo_precision"] == 3 or d["latitude"] is None for d in drafts)


def test_a_persons_past_death_told_in_a_clause_does_not_type_todays_explosions():
    # a new user (session 22): "Two explosions killed at least 84 people ... in Kerman marking the anniversary of ...
    # Soleimani, who died in a U.S. drone strike at Baghdad airport in January 2020" was drafted an air strike at 0.97
    (d,) = _drafts("Twin blasts killed 30 mourners on Friday at a cemetery in the city of Kerman during a memorial for a "
                   "general who was killed in an Israeli air strike in Damascus in 2023.", "2025-01-11")
    assert d["sub_event_type"] != "Air/drone strike" and d["confidence"] < 0.8


def test_settlers_who_riot_are_the_actor_not_the_other_side_of_rioters():
    # a new user (session 22): "Israeli settlers set fire to two cars" in Huwara gave "Rioters (Palestine)" as the
    # settlers' actor, then as their opponents
    (d,) = _drafts("Israeli settlers set fire to three cars in the village of Burin, south of Nablus, on Saturday, "
                   "residents said.", "2024-09-01")
    assert d["actor1"] == "Settlers (Israel)" and not d["actor2"].startswith("Rioters")
