"""Faults found in session 24 (a new user's trial, nu27, and the drafter's own leads), each written as the kind."""
import json
import os

from events.__main__ import main
from events.drafts import places


def test_a_first_draft_on_a_machine_says_on_stderr_why_it_takes_seconds(monkeypatch, tmp_path, capsys):
    # nu27: the first `python -m events draft` sat silent for ~20 s while the gazetteer names were folded.
    # Jordan's forms are made as on a new machine (the others are read back from the suite's data directory)
    kept = places._cached_forms
    monkeypatch.setattr(places, "_cached_forms", lambda country, key: None if country == "JO" else kept(country, key))
    monkeypatch.setattr(places, "_matchers", {})
    monkeypatch.setattr(places, "_told_folding", False)
    report = tmp_path / "r.txt"
    report.write_text("A drone crashed near Ruwaished in Jordan on Monday, the army said.", encoding="utf-8")
    assert main(["draft", str(report), "--published", "2024-02-06", "--json"]) == 0
    first = capsys.readouterr()
    assert "first draft naming" in first.err and "on this machine" in first.err and os.environ["CONFLICTMAP_DATA_DIR"] in first.err
    assert isinstance(json.loads(first.out), list)            # stdout stays one JSON list
    monkeypatch.setattr(places, "_cached_forms", kept)
    monkeypatch.setattr(places, "_matchers", {})
    monkeypatch.setattr(places, "_told_folding", False)
    assert main(["draft", str(report), "--published", "2024-02-06", "--json"]) == 0
    assert "first draft" not in capsys.readouterr().err       # later runs read the kept forms back, silently


from .helpers import drafts as _drafts, near as _near  # noqa: E402

HODEIDAH = (14.80, 42.95)
MARIB = (15.46, 45.32)
BASRA = (30.51, 47.81)
IDLIB = (35.93, 36.63)


def _sides(d: dict) -> set[str]:
    return {d["actor1"], d["actor2"]} - {None, ""}


def test_government_forces_unqualified_are_the_state_forces_of_the_event_country():
    # nu27: "Government forces also shelled ..." was drafted with 'Unidentified Armed Group (Syria)'
    (d,) = _drafts("Government forces shelled the city of Idlib on Wednesday, killing four civilians, the Syrian "
                   "Observatory for Human Rights said.", "2019-05-16")
    assert _near(d, *IDLIB) and d["actor1"] == "Military Forces of Syria"


def test_the_sides_of_clashes_between_two_named_forces():
    # nu27: "Clashes erupted ... between Kurdish fighters and government forces" named no side
    (d,) = _drafts("Heavy clashes broke out on Monday near Marib city between the Houthis and government forces, "
                   "military sources said.", "2021-03-09")
    assert _near(d, *MARIB) and _sides(d) == {"Ansar Allah (Houthis)", "Military Forces of Yemen"}


def test_a_truce_between_two_sides_names_no_attacker():
    drafts = _drafts("Israeli shelling killed two people in the Lebanese border village of Houla on Friday, a day "
                     "after the truce between Israel and Hamas ended.", "2023-12-02")
    assert drafts and all("Hamas" not in _sides(d) for d in drafts)


def test_the_side_whose_targets_or_members_are_hit_is_actor2():
    # C23, Y09's kind: "struck 15 Houthi targets", "killed at least five Hezbollah members" had no actor2
    (d,) = _drafts("US warplanes struck 12 Houthi targets in the port city of Hodeidah on Saturday, the Pentagon said.",
                   "2024-02-25")
    assert _near(d, *HODEIDAH) and d["actor1"].startswith("Military Forces of the United States") \
        and d["actor2"] == "Ansar Allah (Houthis)"


def test_an_attacker_after_by_and_a_backed_by_adjective_is_actor1():
    # J05: "a ballistic missile fired by the Iran-backed Houthis" was drafted 'Unidentified Armed Group (Yemen)'
    (d,) = _drafts("A missile fired by the Iran-backed Houthis struck a camp for displaced families in Marib on "
                   "Sunday, killing three people.", "2021-02-08")
    assert _near(d, *MARIB) and d["actor1"] == "Ansar Allah (Houthis)"


def test_police_facing_protesters_are_the_other_side_of_the_protest():
    # ACLED: a protest met by the police: actor1 the crowd, actor2 "Police Forces of <country>"
    (d,) = _drafts("Police fired tear gas at hundreds of protesters who tried to storm the provincial council building "
                   "in Basra on Tuesday.", "2019-10-02")
    assert _near(d, *BASRA) and d["event_type"] in ("Protests", "Riots")
    assert d["actor1"] in ("Protesters (Iraq)", "Rioters (Iraq)") and d["actor2"] == "Police Forces of Iraq (2022-)"


# --- kinds found in held-out sets 60 and 61 (KI, KJ), read in session 24 after their first measurement unread ---

ERBIL_AIRPORT = (36.24, 43.96)
MOSUL = (36.34, 43.13)
HIT = (33.64, 42.83)
DAMASCUS = (33.51, 36.29)
RAMADI = (33.42, 43.30)
TELAFAR = (36.37, 42.45)


def test_the_perimeter_of_an_airport_is_the_airport():
    # KI01: "came down on the outer perimeter of Basra's airport" gave no draft
    (d,) = _drafts("Two rockets landed on the outer perimeter of Erbil airport late on Tuesday, causing no "
                   "casualties, officials said.", "2021-04-15")
    assert _near(d, *ERBIL_AIRPORT) and d["event_date"] == "2021-04-13"


def test_the_blast_placed_in_a_town_in_the_direction_given_moves_the_event_there():
    # KI02: "a roadside bomb ... north of Baghdad ... placed the blast in the town of Tarmiya" gave two drafts
    drafts = _drafts("A roadside bomb blew up beside an army patrol west of Ramadi on Thursday, killing two soldiers. A "
                     "statement placed the blast in the town of Hit, some 50 km west of the city.", "2020-03-06")
    assert len(drafts) == 1 and _near(drafts[0], *HIT) and drafts[0]["fatalities"] == 2


def test_attacks_a_group_has_carried_out_over_time_are_no_event():
    # KI02: "the group ... has carried out guerrilla-style attacks north of Baghdad" drafted a clash there
    drafts = _drafts("A bomb killed a shepherd near Hit on Monday. The militants have carried out ambush attacks "
                     "around Ramadi.", "2020-03-03")
    assert len(drafts) == 1 and _near(drafts[0], *HIT)


def test_the_day_and_toll_of_those_whose_funeral_was_attacked_are_not_the_attack_s():
    # KI04: "the funerals of two protesters killed by the IRGC on Sunday were also attacked ...; no deaths were
    # reported" was dated Sunday with 2 killed
    drafts = _drafts("Security forces shot dead three protesters in Mahabad on Wednesday. In Bukan, mourners at the "
                     "funeral of a protester killed on Monday were also attacked, but no one died.", "2022-10-27")
    bukan = [d for d in drafts if d["location"] == "Bukan"]
    assert len(bukan) == 1 and bukan[0]["event_date"] == "2022-10-26" and bukan[0]["fatalities"] in (0, None)


def test_an_event_a_week_before_the_one_told_is_dated_a_week_before_at_week_precision():
    # C11's kind: "The strike came a week after ... escaped a Turkish drone attack on the perimeter of Sulaimani
    # International Airport" took the publication week
    drafts = _drafts("A Turkish drone struck a car in Qamishli on Friday, killing two SDF members. The strike came a week "
                     "after a drone attack on the perimeter of Erbil airport in Iraq's Kurdistan Region.", "2023-04-15")
    erbil = [d for d in drafts if _near(d, *ERBIL_AIRPORT)]
    assert len(erbil) == 1 and erbil[0]["event_date"] == "2023-04-07" and erbil[0]["date_precision"] == 2


def test_a_country_outside_the_region_is_no_place_and_a_teller_based_there_no_event_abroad():
    # KI08: "a war monitor based in Britain said" was drafted at Bartin, Turkey, with the car bomb's toll
    drafts = _drafts("A car bomb killed nine people on Saturday in a town held by Turkey-backed rebels, a monitor based "
                     "in Britain said. The dead in the blast in Afrin included two children.", "2019-06-02")
    assert len(drafts) == 1 and drafts[0]["country"] == "SY" and drafts[0]["fatalities"] == 9 \
        and drafts[0]["event_date"] == "2019-06-01"


def test_downtown_before_a_town_is_the_town_not_its_province():
    # KI09: "a restaurant in downtown Manbij, in Aleppo province" was drafted at the province
    (d,) = _drafts("A suicide bomber blew himself up in downtown Mosul, in Nineveh province, on Tuesday, killing "
                   "four people.", "2019-01-16")
    assert _near(d, *MOSUL) and d["sub_event_type"] == "Suicide bomb"


def test_a_suicide_car_bomber_is_a_suicide_bombing():
    # KI12: "In a separate attack, a suicide car bomber hit a checkpoint" was typed as an attack of no kind
    (d,) = _drafts("In a separate attack, a suicide car bomber hit a checkpoint at the entrance of Tal Afar, in "
                   "Nineveh province, on Friday.", "2014-07-12")
    assert _near(d, *TELAFAR) and d["sub_event_type"] == "Suicide bomb"


def test_a_general_strike_is_no_air_strike_and_firing_on_protesters_is_excessive_force():
    # KI16: "shops ... were closed in a general strike" gave an air strike; "fired on protesters" a peaceful protest
    drafts = _drafts("Security forces fired on protesters in Mahabad on Saturday, the rights group Hengaw said. Shops "
                     "across the city were shut in a general strike.", "2022-10-08")
    assert len(drafts) == 1 and drafts[0]["sub_event_type"] == "Excessive force against protesters"
    assert "Hengaw" not in _sides(drafts[0])


def test_where_protests_first_broke_out_is_background():
    # KI16: "The protests first broke out in her hometown of Saqqez and in the capital, Tehran" drafted Tehran
    drafts = _drafts("Police fired tear gas at protesters in Sanandaj on Sunday. The demonstrations first broke out in "
                     "the city of Saqqez and in the capital, Tehran.", "2022-10-10")
    assert [d["location"] for d in drafts] == ["Sanandaj"]


def test_a_shooting_at_the_same_site_told_before_is_placed_there_and_an_arrest_keeps_the_type():
    # KI18: "a mass shooting at the same shrine" was unplaced; "one of the attackers was arrested" typed the attack
    # as an arrest
    drafts = _drafts("Gunmen killed three worshippers in a shooting at the Sayyida Zeinab shrine in Damascus on Friday. "
                     "Police said one attacker was arrested. The shrine is visited by pilgrims from Iran and Iraq. "
                     "Security around it was tightened last year. Officials gave no motive. On March 3 a bombing at "
                     "the same shrine killed five people.", "2023-07-28")
    assert sorted(d["event_date"] for d in drafts) == ["2023-03-03", "2023-07-28"]
    assert all(_near(d, *DAMASCUS, km=15) for d in drafts)
    (friday,) = [d for d in drafts if d["event_date"] == "2023-07-28"]
    assert friday["event_type"] == "Violence against civilians"


def test_the_ends_of_a_road_the_fighting_cut_are_no_event_places():
    # KI21: "cutting a key road between Baghdad and the oil city of Kirkuk" drafted clashes at both
    drafts = _drafts("Clashes in Tuz Khurmatu killed six people on Saturday and cut the main road between Baghdad and "
                     "Kirkuk.", "2016-04-24")
    assert [d["location"] for d in drafts] == ["Tuz Khurmatu"]


def test_what_a_town_has_seen_and_when_it_changed_hands_are_background():
    # KI20: "near a Syrian border town that Turkey-backed forces seized last month" dated the car bomb last month;
    # "Ras al-Ain, which saw some of the fiercest fighting when Ankara launched its offensive" typed it a battle
    drafts = _drafts("A car bomb killed eight people near a town that Turkey-backed forces seized last month, the "
                     "defence ministry said on Sunday. The blast hit the market of Tal Abyad, which saw heavy fighting "
                     "when Ankara launched its offensive against the YPG.", "2019-11-03")
    assert len(drafts) == 1 and drafts[0]["event_date"] == "2019-11-03" \
        and drafts[0]["sub_event_type"] == "Remote explosive/landmine/IED"


def test_a_city_of_an_unnamed_neighbour_wins_over_a_village_of_its_name_in_the_named_country():
    # C11's kind: "a drone attack on the perimeter of Erbil airport", in a report naming Syria and Turkey, was drafted
    # at a Turkish village also called Erbil, 200 km from the airport, at 0.87
    drafts = _drafts("A Turkish drone hit a car near Kobani on Monday, killing an SDF commander. Two days earlier a "
                     "drone attack on the perimeter of Erbil airport caused no casualties.", "2023-04-18")
    erbil = [d for d in drafts if "Erbil" in (d["location"] or "")]
    assert len(erbil) == 1 and erbil[0]["country"] == "IQ" and _near(erbil[0], *ERBIL_AIRPORT)


JENIN = (32.46, 35.30)
TUBAS = (32.32, 35.37)
ADEN = (12.80, 45.03)
SIDON = (33.56, 35.37)
MASHHAD = (36.30, 59.60)
KHAN_YUNIS = (31.35, 34.30)
SAMTAH = (16.60, 42.94)
HOMS = (34.73, 36.72)


def test_a_killing_told_with_its_own_day_and_town_is_an_event_but_not_an_aside_about_one():
    # KJ02: "On Saturday a 25-year-old doctor was killed outside his home in Qabatiya" was lost, and the next killing
    # took an arrest's month; E18's kind: "the time Soleimani was killed at Baghdad airport last Friday" is an aside
    drafts = _drafts("Israeli forces raided Jenin on Sunday, killing two men. On Saturday a teacher was killed near his "
                     "school in Tubas, the ministry said.", "2023-11-27")
    tubas = [d for d in drafts if _near(d, *TUBAS, km=8)]
    assert len(tubas) == 1 and tubas[0]["event_date"] == "2023-11-25"


def test_what_a_suspect_is_said_to_have_done_does_not_date_or_count_his_arrest():
    # KJ02: "had arrested a man suspected of an attack that killed two Israelis in August" was dated August, 2 killed
    drafts = _drafts("Israeli troops raided Jenin on Tuesday and arrested a man suspected of a shooting that killed "
                     "three settlers in June.", "2023-11-29")
    assert drafts and all(d["event_date"] >= "2023-11-22" for d in drafts)
    assert all(d["fatalities"] != 3 for d in drafts)


def test_a_weekday_s_car_bombing_is_a_dated_bombing():
    # KJ03: "Four people are now known to have died in Sunday's car bombing in Aden" had no event word
    (d,) = _drafts("The toll from Sunday's car bombing in Aden rose to six, officials said.", "2021-10-12")
    assert _near(d, *ADEN) and d["event_date"] == "2021-10-10" and d["sub_event_type"] == "Remote explosive/landmine/IED"


def test_sectarian_fighting_is_an_armed_clash():
    # KJ04: "Sectarian fighting in the Lebanese port city of Tripoli ... left two men dead" gave no draft
    (d,) = _drafts("Factional fighting in the southern city of Sidon left three men dead on Monday.", "2013-06-25")
    assert _near(d, *SIDON) and d["event_type"] == "Battles"


def test_the_name_of_a_mosque_is_no_place_of_its_own():
    # KJ12: "near the Saheb Al Zaman mosque in the southern Iranian city of Kerman" was drafted at a village 'Saheb'
    (d,) = _drafts("A bomb exploded near the Amir Al Momenin mosque in the Iranian city of Mashhad on Friday, "
                   "wounding four people.", "2022-04-08")
    assert _near(d, *MASHHAD)


def test_a_month_s_start_dates_a_bombardment_of_the_camp_told_before():
    # KJ18: "At the start of November, ... Israeli bombardment of the camp ... had killed more than 200" was unplaced
    drafts = _drafts("An Israeli strike hit the Khan Yunis refugee camp on Saturday, killing 12 people. The camp is "
                     "one of the most crowded in Gaza. Aid groups said water had run out. Many families had fled there. "
                     "At the start of November, officials said Israeli bombardment of the camp had killed 40 people.",
                     "2023-11-18")
    early = [d for d in drafts if d["event_date"].startswith("2023-11-0")]
    assert len(early) == 1 and _near(early[0], *KHAN_YUNIS) and early[0]["actor1"].startswith("Military Forces of Israel")


def test_a_city_the_report_puts_in_a_country_outside_the_region_is_never_a_namesake_inside_it():
    # KJ22: "the southwestern Saudi city of Jizan" was drafted at Jizayn, a village in Yemen's Saada, at 0.87
    drafts = _drafts("An air strike hit Saada on Thursday. The day before, the Houthis fired a missile towards the "
                     "southern Saudi city of Samtah, wounding two people.", "2018-08-10")
    samtah = [d for d in drafts if d["location"] == "Samtah"]
    assert len(samtah) == 1 and samtah[0]["country"] == "SA" and _near(samtah[0], *SAMTAH, km=10)


def test_missiles_intercepted_around_a_town_struck_are_the_strikes_told_before():
    # KJ17: "a series of Israeli air strikes" had no attacker, and "six explosions around Masyaf ... air defences
    # intercepted some missiles" made a missile attack beside the air strikes
    drafts = _drafts("A series of Israeli air strikes near Homs killed five people late on Sunday, state media said. "
                     "Witnesses counted four explosions around Homs and said air defences intercepted some missiles.",
                     "2024-09-09")
    assert len(drafts) == 1 and _near(drafts[0], *HOMS) and drafts[0]["sub_event_type"] == "Air/drone strike" \
        and drafts[0]["actor1"].startswith("Military Forces of Israel")


def test_a_city_the_geocoder_leaves_ambiguous_with_its_governorate_brings_its_country():
    # found with KJ17's kind: "Israeli air strikes near Homs", in a report naming only Israel, was unplaced (Homs is
    # ambiguous with Homs governorate, so Syria was never asked)
    (d,) = _drafts("Israeli air strikes near Homs killed five people late on Sunday.", "2024-09-09")
    assert d["country"] == "SY" and _near(d, *HOMS)


# --- kinds found in held-out sets 62 and 63 (KK, KL), read in session 24 after two measurements unread ---

RAQQA = (35.95, 39.01)
TABQA = (35.83, 38.55)
PAVEH = (35.04, 46.36)
MAKHMOUR_CAMP = (35.79, 43.61)
MARIVANI_YE_KAKIHA = (34.42, 46.60)
ZAHEDAN = (29.50, 60.86)
HAIFA = (32.79, 34.99)


def test_a_date_of_another_clause_does_not_date_the_first_place_which_has_its_own():
    # KK10: "In July, a car bomb near a church in Qamishlo wounded several people, and on August 7 a car bombing ...
    # killed five ... in al-Qahtaniya" dated the July bombing August 7
    drafts = _drafts("In July, a bomb near a mosque in Raqqa wounded two people, and on August 9 a car bombing killed "
                     "four in Tabqa.", "2019-08-20")
    raqqa = [d for d in drafts if _near(d, *RAQQA, km=10)]
    assert len(raqqa) == 1 and raqqa[0]["event_date"].startswith("2019-07")
    assert any(_near(d, *TABQA, km=10) and d["event_date"] == "2019-08-09" for d in drafts)


def test_where_the_fighting_took_place_places_a_clash_told_at_its_province():
    # KK13: "The fighting took place near the town of Divandareh" left the clash at the province's middle
    drafts = _drafts("Three Revolutionary Guards were killed on May 5 in a clash with a militant group in the western "
                     "province of Kermanshah. The fighting took place near the town of Paveh, about 20 km from the Iraqi "
                     "border, the statement said.", "2020-05-06")
    assert len(drafts) == 1 and _near(drafts[0], *PAVEH) and drafts[0]["event_date"] == "2020-05-05"


def test_an_earlier_raid_of_a_series_told_with_its_own_date_is_its_own_event_at_the_same_place():
    # KK22: "In the first raid, on October 7, two fighters ... were killed" took Friday's strike's place and date
    drafts = _drafts("Turkish drones struck the Makhmour refugee camp on Thursday. It was the second strike on the camp "
                     "this week. In the first raid, on October 2, one man was killed.", "2023-10-06")
    assert sorted(d["event_date"] for d in drafts) == ["2023-10-02", "2023-10-05"]
    assert all(_near(d, *MAKHMOUR_CAMP) for d in drafts)


def test_nearness_to_a_place_named_never_promotes_a_sound_alike_over_the_name_as_written():
    # KK18: "the Kurdish-majority city of Marivan" was placed at Marivani-ye Kakiha, a village of a like spelling 46 km
    # from Kermanshah, which the report also named
    drafts = _drafts("Protesters clashed with police in the city of Marivan on Sunday. Crowds also gathered in "
                     "Kermanshah.", "2022-11-07")
    assert not any(_near(d, *MARIVANI_YE_KAKIHA, km=5) for d in drafts)


def test_the_act_a_court_names_is_no_event():
    # KL08: "two men convicted over that attack were publicly hanged in Shiraz" drafted an attack there last month
    drafts = _drafts("Gunmen killed two worshippers at a shrine in Zahedan on Friday. Last month, three men convicted "
                     "over an earlier attack were hanged in Zahedan.", "2023-08-13")
    assert len(drafts) == 1 and drafts[0]["event_date"] == "2023-08-11"


def test_people_taking_to_the_streets_of_a_town_protest_there():
    # KL19: "hundreds of people took to the streets of Zahedan shouting slogans" was unplaced
    (d,) = _drafts("On Friday, thousands of people took to the streets of Zahedan chanting against the government.",
                   "2022-10-26")
    assert _near(d, *ZAHEDAN) and d["event_type"] in ("Protests", "Riots") and d["event_date"] == "2022-10-21"


def test_a_stabbing_that_kills_is_violence_against_civilians():
    # KL24: "a stabbing and car-ramming attack" had no type, and "a stabbing in Jerusalem" no event
    (d,) = _drafts("Two people were killed on Tuesday in a stabbing attack at a bus station in Haifa, police said.",
                   "2022-03-22")
    assert _near(d, *HAIFA) and d["event_type"] == "Violence against civilians" and d["fatalities"] == 2


def test_a_place_taken_by_its_spelling_must_be_a_spelling_of_the_name_written():
    # KL07: "Hermel", missing from the gazetteer, was resolved by the geocoder inside North Lebanon as Khormaalaya
    # (match score 0.63), 50 km off; legitimate like spellings (Suluk for Sulook, Al Yadudah for Yadodeh) still pass
    from events.drafts.draft import _spelled_alike
    assert not _spelled_alike("Hermel", "Khormaalaya")
    assert _spelled_alike("Sulook", "Suluk") and _spelled_alike("Yadodeh", "Al Yadudah")


def test_two_shrines_named_together_are_buildings_not_places():
    # KK23: "also hit the Ain Ali and Al-Shibli shrines on the outskirts of the city" drafted 'Ain Ali' in Iran
    drafts = _drafts("US air strikes hit militia posts near al-Mayadeen in Deir al-Zour province on Friday night, as "
                     "Washington weighed strikes on Iranian targets, and also struck the Ain Ali and Al-Shibli shrines on "
                     "the outskirts of the town.", "2024-02-03")
    assert drafts and all(d["country"] == "SY" for d in drafts)


def test_an_act_threatened_warned_of_or_denied_is_no_event():
    # nu28: "the Guards threatened on Tuesday to strike the Israeli port of Haifa if Israel attacks", "Kataib Hezbollah
    # warned it would attack US bases in Erbil", "officials denied reports that a drone had hit ... Eilat" were each
    # drafted as an air strike that happened, at 0.91
    drafts = _drafts("Hezbollah threatened on Sunday to bomb the port of Haifa if Israel attacks Beirut. Israeli "
                     "officials denied reports that a rocket had hit a factory in Nahariya.", "2024-06-03")
    assert drafts == []
    drafts = _drafts("US jets struck militia posts near Al-Qaim on Monday, killing four fighters. The Nujaba movement "
                     "warned it would attack US bases in Erbil if the strikes continue.", "2024-04-03")
    assert [d["location"] for d in drafts] == ["Al-Qaim"]
