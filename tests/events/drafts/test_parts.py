"""The drafter's parts on short texts written for the rule each test names."""
import os
import subprocess
import sys
from datetime import date

import pytest

from events.drafts import draft_report
from events.drafts.confidence import confidence as confidence_of, share
from events.drafts.cues import fatalities, find_cues
from events.drafts.dates import DAY, MONTH, find_dates, resolve
from events.drafts.places import report_countries
from events.drafts.text import html_to_text, sentences

MONDAY = date(2024, 4, 22)


@pytest.mark.parametrize("words, expected, precision", [
    ("on Sunday", date(2024, 4, 21), DAY),
    ("early on Saturday", date(2024, 4, 20), DAY),
    ("on Monday", date(2024, 4, 22), DAY),            # a Monday report's "Monday" is that day
    ("in January", date(2024, 1, 1), MONTH),
    ("since early February", date(2024, 2, 1), MONTH),
    ("in December", date(2023, 12, 1), MONTH),        # a month after publication is last year's
    ("on 21 April", date(2024, 4, 21), DAY),
    ("on April 3, 2023", date(2023, 4, 3), DAY),
    ("yesterday", date(2024, 4, 21), DAY),
    ("the day before", date(2024, 4, 21), DAY),
])
def test_dates_relative_to_publication(words, expected, precision):
    found = find_dates(f"Something happened {words}.")
    assert found, words
    r = resolve(found[0].text, found[0].kind, MONDAY)
    assert (r.day, r.precision) == (expected, precision)


def test_explicit_date_wins_over_weekday():
    text = "Rockets hit the Ain al-Asad air base in Iraq on Friday, 19 April, officials said."
    d = draft_report(text, MONDAY).drafts
    assert [x["event_date"] for x in d] == ["2024-04-19"]


@pytest.mark.parametrize("sentence, n", [
    ("It killed a member of an Iraqi security force.", 1),
    ("The strike killed five militants.", 5),
    ("At least 16 people were killed.", 16),
    ("No casualties were reported.", 0),
    ("Three soldiers were wounded.", None),
    ("The attack killed militia commander Abu Taqwa.", 1),
    # session 12 (sets 30/31): a list of victims whose first count equals the rest is not a total unless
    # it counts people; "her two children"; "the two members"; a parenthesis; "were also killed"
    ("A strike on a house killed four children, three women and a man.", 8),
    ("The strike killed 10 people, two soldiers and eight civilians.", 10),
    ("A man and his three sons were killed when the shell hit their home.", 4),
    ("A strike on a car killed the two fighters inside it.", 2),
    ("Two members of the Popular Mobilization Forces (PMF) were shot dead near Tarmiyah.", 2),
    ("Five militants were also killed on Monday in a raid.", 5),
    # nu11: "no American or Iraqi personnel were killed" is none killed; "killed Hamas deputy leader X" is one
    ("The Pentagon said no American or Iraqi personnel were killed, although dozens were treated.", 0),
    ("A drone strike killed Hamas deputy leader Saleh al-Arouri on Tuesday evening.", 1),
])
def test_fatalities(sentence, n):
    assert fatalities(sentence) == n


def test_cues_follow_acled_types():
    assert find_cues("Drones struck the base.")[0].family == "air"
    assert find_cues("Five rockets were launched at the base.")[0].family == "shelling"
    assert not [c for c in find_cues("A rocket launcher was found in a truck.") if c.family == "shelling"]
    assert find_cues("A roadside bomb exploded near a patrol.")[0].family == "ied"


def test_capital_as_government_is_not_a_place():
    text = ("Damascus demanded that US troops leave. Washington said a drone struck a base. "
            "An explosion hit a house in Baghdad on Sunday.")
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Baghdad"]
    assert d[0]["event_date"] == "2024-04-21"


def test_no_draft_outside_the_countries_named():
    d = draft_report("Rockets hit a base near Kirkuk in northern Iraq on Sunday.", MONDAY).drafts
    assert d and all(x["country"] == "IQ" for x in d)


def test_countries_skip_compounds():
    assert report_countries("Iran-backed militias attacked a base in Syria.") == ["SY"]


def test_html_and_sentences():
    text = html_to_text("<html><body><script>bad()</script><p>First one.It glued.</p><p>Mr. Smith said so.</p></body></html>")
    assert [s.text for s in sentences(text)] == ["First one.", "It glued.", "Mr. Smith said so."]


def test_ambiguous_place_is_flagged_not_placed():
    # "Tall Abyad"-like duplicates: a name in both countries of the report, nothing says which
    from events.drafts.places import matcher
    iq = {f for f in matcher("IQ").automaton.keys()}
    sy = {f for f in matcher("SY").automaton.keys()}
    both = sorted(f.strip() for f in iq & sy if len(f.strip()) >= 6 and f.strip().isalpha())
    assert both, "the two gazetteers share no name"
    name = both[0].title()
    d = draft_report(f"Officials in Iraq and Syria gave no details. A drone struck a house in {name} on Sunday.",
                     MONDAY).drafts
    assert d and d[0]["latitude"] is None and d[0]["geo_status"] == "ambiguous"
    assert any("ambiguous" in f or "country" in f for f in d[0]["flags"])


def test_cli_bad_date_and_missing_file(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "events", "draft", *a], capture_output=True, text=True)
    p = run(str(tmp_path / "nope.txt"), "--published", "2024-04-22")
    assert p.returncode == 2 and "no such file" in p.stderr
    f = tmp_path / "r.txt"
    f.write_text("Nothing happened.")
    p = run(str(f), "--published", "22/04/2024")
    assert p.returncode == 2 and "YYYY-MM-DD" in p.stderr
    # a date in that form that does not exist says so (a new user, session 22: "2024-13-01" was "not a YYYY-MM-DD date")
    p = run(str(f), "--published", "2024-13-01")
    assert p.returncode == 2 and "no such date" in p.stderr and "month" in p.stderr
    p = run(str(f), "--published", "2024-04-22", "--source-url", "javascript:alert(1)")
    assert p.returncode == 2


def test_cli_empty_report_folder_and_date_before_the_data(tmp_path):
    # nu14: an empty file and blank stdin printed "0 draft event(s)" and exited 0; a folder was "no such file";
    # --published 1988-01-01 drafted events in 1988, before the oldest data the product reads (UCDP GED, 1989)
    run = lambda *a, stdin=None: subprocess.run([sys.executable, "-m", "events", "draft", *a], capture_output=True,
                                                text=True, input=stdin)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    p = run(str(empty), "--published", "2024-04-22")
    assert p.returncode == 2 and "the report is empty" in p.stderr and str(empty) in p.stderr
    p = run("-", "--published", "2024-04-22", stdin="  \n\t \n")
    assert p.returncode == 2 and "standard input: the report is empty" in p.stderr
    p = run(str(tmp_path), "--published", "2024-04-22")
    assert p.returncode == 2 and "a folder, not a report file" in p.stderr
    # session 21's new user: /dev/null, an existing (empty) device, was "no such file"
    p = run(os.devnull, "--published", "2024-04-22")
    assert p.returncode == 2 and "the report is empty" in p.stderr
    f = tmp_path / "r.txt"
    f.write_text("A drone struck a house in Zummar on Sunday.")
    p = run(str(f), "--published", "1988-12-31")
    assert p.returncode == 2 and "before 1989-01-01" in p.stderr
    p = run(str(f), "--published", "1989-01-02")
    assert p.returncode == 0, p.stderr


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_any_text_drafts_without_crashing(text, published):
    result = draft_report(text, published)
    for d in result.drafts:
        assert all(e in result.text for e in d["evidence"])
        assert 0 <= d["confidence"] <= 1


def test_hostile_html_is_text_not_markup():
    html = ("<html><body><script>alert('in Baghdad')</script><p>A drone struck a house in Kirkuk, Iraq, on Sunday "
            "<img src=x onerror=alert(1)>.</p></body></html>")
    d = draft_report(html, MONDAY).drafts
    assert [x["location"] for x in d] == ["Kirkuk"]
    assert "<img" not in " ".join(d[0]["evidence"]) and "alert('in Baghdad')" not in d[0]["notes"]


def test_province_the_report_names_settles_an_ambiguous_place():
    # "Harir" alone has namesakes in several provinces; the sentence puts it north of Erbil
    text = "A drone exploded in the Harir subdistrict north of Erbil in Iraq on Wednesday."
    d = draft_report(text, date(2023, 10, 18)).drafts
    assert len(d) == 1 and d[0]["geo_status"] == "resolved"
    assert abs(d[0]["latitude"] - 36.55) < 0.2 and abs(d[0]["longitude"] - 44.35) < 0.2
    # the words that locate it ("north of Erbil") decide, before the province of Erbil (session 12: a
    # direction from a landmark is read before the provinces of the sentence); the flag says so
    assert any("within 50 km north of Erbil, as the report says" in f for f in d[0]["flags"])


def test_kind_word_picks_the_city_and_says_so():
    text = "An air strike hit the Red Sea port city of Hodeida in Yemen on Tuesday night, killing eight."
    d = draft_report(text, date(2025, 4, 9)).drafts
    assert len(d) == 1 and d[0]["geo_status"] == "resolved" and d[0]["event_date"] == "2025-04-08"
    assert abs(d[0]["latitude"] - 14.80) < 0.2 and abs(d[0]["longitude"] - 42.95) < 0.2
    assert any("taken as the city the report calls it" in f for f in d[0]["flags"])
    # the namesake doubt is the flag's; the confidence is the share measured right for drafts placed "in X"
    # on a stated day (events/drafts/confidence.py; on the calibration sets the 6 drafts whose geocode was
    # below the geocoder's 0.95 were all right, so the geocoder's share no longer lowers it)
    assert d[0]["confidence_class"] == "at|dated"
    assert d[0]["confidence"] == confidence_of("at|dated") < 1


def test_place_not_found_is_coded_at_the_place_that_holds_it():
    text = "A strike on Sunday hit a house in the Shu'ub district of Sanaa, the capital of Yemen, killing four."
    d = draft_report(text, date(2025, 4, 6)).drafts
    assert len(d) == 1 and d[0]["location"] == "Sanaa" and d[0]["geo_precision"] == 2
    assert any("which the report says holds it" in f for f in d[0]["flags"])


def test_lead_sentence_date_dates_the_events_told_next():
    text = ("US forces in Iraq came under attack twice late on November 23, officials said. "
            "Several drones were launched at Ain al-Asad air base in Anbar province.")
    d = draft_report(text, date(2023, 11, 24)).drafts
    assert [x["event_date"] for x in d] == ["2023-11-23"]


def test_a_countrys_name_forms_are_folded_once_per_machine(monkeypatch, tmp_path):
    """The form table is kept in the data directory; a later process (here: a cleared memo) reads it
    back and finds the same names, and a damaged table is rebuilt, not trusted."""
    from events.drafts import places

    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(places, "_matchers", {})
    built = places.matcher("SY")
    saved = list((tmp_path / "drafts").glob("forms-SY-*.json"))
    assert len(saved) == 1
    keys = set(built.automaton.keys())
    assert {" rmelan ", " qamishli "} <= keys and " zummar " not in keys     # Syrian names only

    assert {"rmelan", "qamishli"} <= built.curated and len(built.curated) < built.size / 10   # curated rows are few

    folded = []
    monkeypatch.setattr(places, "name_forms", lambda name: folded.append(name) or set())

    def no_index(country):
        raise AssertionError("a kept table needs no gazetteer index")

    monkeypatch.setattr(places, "gazetteer_places", no_index)
    monkeypatch.setattr(places, "_matchers", {})
    again = places.matcher("SY")
    assert folded == [] and set(again.automaton.keys()) == keys and again.curated == built.curated
    monkeypatch.undo()

    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(places, "name_forms", lambda name: folded.append(name) or set())
    saved[0].write_bytes(b'{"forms": ["rmelan", ')            # cut short
    monkeypatch.setattr(places, "_matchers", {})
    places.matcher("SY")
    assert folded, "a damaged table must be rebuilt"


# Kinds of fault the fresh held-out set 7 showed at its first measurement (session 5), each on a
# sentence written for it.
def _near(d, lat, lon, km=25):
    from geodata.geo import distance_km
    return d["latitude"] is not None and distance_km(d["latitude"], d["longitude"], lat, lon) <= km


def test_country_possessive_and_doing_verb_tell_an_event():
    d = draft_report("Turkey also carried out airstrikes in Iraq's Makhmour on Friday.", MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 35.776, 43.580) and d[0]["event_date"] == "2024-04-19"
    assert d[0]["actor1"] == "Military Forces of Turkey"


def test_the_capital_named_as_a_place_is_a_place():
    d = draft_report("An Israeli missile strike hit a military position near the capital Damascus on Monday, "
                     "killing two soldiers.", MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 33.51, 36.29)
    assert d[0]["fatalities"] == 2 and d[0]["actor1"].startswith("Military Forces of Israel")


def test_an_outlet_named_after_a_place_is_no_place():
    d = draft_report("A drone struck a car near Qamishli in Syria on Monday, the Hawar News Agency reported.",
                     MONDAY).drafts
    assert [x["location"] for x in d] == ["Qamishli"]


def test_the_site_named_as_places_the_event_told_before():
    d = draft_report("A drone hit a small US outpost in Jordan on Sunday. Officials named the site as Tower 22.",
                     MONDAY).drafts
    assert len(d) == 1 and d[0]["location"] == "Tower 22" and _near(d[0], 33.314, 38.703)


def test_the_whole_written_name_not_a_fragment():
    d = draft_report("A rocket hit Ain al-Asad airbase in Iraq on Sunday.", MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 33.79, 42.44)


def test_a_namesake_far_from_the_place_the_report_puts_it_in():
    d = draft_report("A drone hit a car near the Serdest camp for displaced Yazidis in Sinjar, Iraq, on Sunday.",
                     MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 36.32, 41.88)
    assert any("namesake" in f for f in d[0]["flags"])


@pytest.mark.parametrize("sentence, n", [
    ("Two members of the security forces were killed in the clash.", 2),
    ("The rockets fell into the sea, causing no damage or casualties.", 0),
])
def test_fatalities_more_forms(sentence, n):
    assert fatalities(sentence) == n


def test_acled_types_for_violent_crowds_and_attacks_on_police():
    riot = draft_report("Protesters threw stones and petrol bombs at security forces in Basra, Iraq, on Friday; "
                        "two protesters were killed.", MONDAY).drafts
    assert [(x["event_type"], x["sub_event_type"]) for x in riot] == [("Riots", "Violent demonstration")]
    clash = draft_report("Gunmen attacked a police checkpoint in Basra, Iraq, on Friday, killing two policemen.",
                         MONDAY).drafts
    assert [(x["event_type"], x["sub_event_type"]) for x in clash] == [("Battles", "Armed clash")]


def test_what_a_witness_heard_and_a_diplomatic_protest_are_no_events():
    assert not [c for c in find_cues("A witness in Haifa said she heard three explosions.") if c.family == "explosion"]
    assert draft_report("Iran summoned the British ambassador in Tehran to protest against new sanctions.",
                        MONDAY).drafts == []


def test_a_reference_back_with_its_own_date_is_another_event():
    d = draft_report("Gunmen attacked a police patrol in Zahedan, Iran, on Tuesday, killing two policemen. "
                     "Last week the group attacked a police base in Chabahar.", date(2024, 4, 9)).drafts
    dates = sorted(x["event_date"] for x in d)
    assert len(d) == 2 and dates[0] < "2024-04-08" and dates[1] == "2024-04-09"


def test_named_groups_state_forces_and_vehicle_bombs():
    d = draft_report("A motorcycle bomb exploded in Basra, Iraq, on Tuesday, killing three people. "
                     "The militant group Jaish al-Tawhid claimed the attack.", MONDAY).drafts
    assert len(d) == 1 and d[0]["sub_event_type"] == "Remote explosive/landmine/IED"
    assert d[0]["actor1"] == "Jaish al-Tawhid"
    us = draft_report("Suspected US airstrikes hit the port city of Hodeida in Yemen on Sunday.", MONDAY).drafts
    assert us and us[0]["actor1"].startswith("Military Forces of the United States")


def test_the_only_town_of_a_name_and_the_blast_told_before():
    d = draft_report("A roadside bomb exploded in Diwaniya, Iraq, on Friday. The blast caused no damage and no one "
                     "was hurt.", MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 31.99, 44.93) and d[0]["fatalities"] == 0
    assert any("only city of that name" in f for f in d[0]["flags"])


def test_more_kinds_from_set_8():
    # a place written inside another ("Square in Baghdad"); a toll told in a sentence of its own
    d = draft_report("Two protesters were killed on Sunday in al-Wathba Square in Baghdad during renewed "
                     "confrontations with security forces.", MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 33.34, 44.40)
    d = draft_report("Ten rockets struck Ain al-Asad airbase in Iraq on Wednesday. An Iraqi general said there were no "
                     "casualties.", MONDAY).drafts
    assert len(d) == 1 and d[0]["fatalities"] == 0 and d[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    # the place's event is told by the cue word nearest before it
    d = draft_report("The attack followed a US airstrike in eastern Syria, which answered a rocket attack on a base "
                     "in Irbil, Iraq, on Feb. 15.", MONDAY).drafts
    assert [x["sub_event_type"] for x in d] == ["Shelling/artillery/missile attack"]
    # clashes between protesters and security forces: ACLED's violent demonstration
    d = draft_report("Gunfights broke out between protesters and security forces in Nasiriyah, Iraq, on Wednesday.",
                     MONDAY).drafts
    assert [(x["event_type"], x["sub_event_type"]) for x in d] == [("Riots", "Violent demonstration")]


def test_more_kinds_from_set_9():
    # a rocket "had fallen"; the statement's day dates an event whose own day is not told
    d = draft_report("Iraq's Security Media Cell said on Sunday that a rocket had fallen near Ain al-Asad airbase, "
                     "causing no casualties.", MONDAY).drafts
    assert len(d) == 1 and d[0]["event_date"] == "2024-04-21" and d[0]["fatalities"] == 0
    # a demonym is no place; the town that names its province is its seat; the capital
    d = draft_report("A Houthi missile hit the Yemeni city of Saada on Sunday, killing two people.", MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 16.94, 43.76)
    d = draft_report("An airstrike hit a car in the Kuhaza area on the southern outskirts of Sanaa, Yemen, on Sunday.",
                     MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 15.35, 44.21)
    # a comma list keeps its preposition; the places split from one event keep its actor
    d = draft_report("Turkish drones struck on Sunday. The strikes hit places in Hasakah, Amude and Darbasiyah in Syria.",
                     MONDAY).drafts
    assert len(d) == 3 and all(x["actor1"] == "Military Forces of Turkey" for x in d)
    # air raid sirens are a warning, not a raid
    assert not [c for c in find_cues("The launches set off air raid sirens near Haifa.") if c.family == "air"]


def test_more_kinds_from_set_10():
    # month abbreviations and creeds are no places; the nearest cue is not a date
    d = draft_report("Coalition forces at Erbil air base in Iraq were attacked by two drones at about 11:43 pm on "
                     "Sept. 11.", MONDAY).drafts
    assert len(d) == 1 and d[0]["location"] == "Erbil air base"
    # a foreign consulate's demonym does not move the place; a capital after "against" is the government
    d = draft_report("Iraqi protesters attacked the Iranian consulate in the Shia holy city of Karbala late on Sunday, "
                     "throwing stones and chanting slogans against Tehran.", MONDAY).drafts
    assert [x["location"] for x in d] == ["Karbala"]
    # tank fire; "shot dead" by gunmen; explosive vests
    assert [c.family for c in find_cues("Israeli tank fire hit the headquarters.")] == ["shelling"]
    d = draft_report("Gunmen shot dead a police officer in Khash county, Iran, on Friday.", MONDAY).drafts
    assert len(d) == 1 and (d[0]["event_type"], d[0]["sub_event_type"]) == ("Battles", "Armed clash")
    assert "suicide" in [c.family for c in find_cues("The other detonated an explosive vest.")]


# A dateline says when the report was filed, not when the event happened (new-user report, Feb 2024)
@pytest.mark.parametrize("opening", [
    "MOSUL, Mar 14 - ",
    "Mosul, 14 March (Reuters) - ",
    "MOSUL, Iraq, March 14, 2024 (AP) — ",
])
def test_dateline_date_is_not_the_event_date(opening):
    text = (f"{opening}A drone strike on a car in western Mosul on Tuesday night killed a local commander "
            "of an armed group and three other men, police sources said.")
    d = draft_report(text, date(2024, 3, 14)).drafts
    assert [x["event_date"] for x in d] == ["2024-03-12"]       # Tuesday, not the dateline's Thursday
    assert d[0]["fatalities"] == 4                               # one named + "three other men"


def test_date_after_a_city_name_without_dash_is_still_explicit():
    assert [m.text for m in find_dates("Rockets hit Mosul, March 12, and again on Friday.")][:1] == ["March 12"]


@pytest.mark.parametrize("sentence, n", [
    ("The blast killed a police officer and two others.", 3),
    ("The strike killed two fighters and four other people.", 6),
    ("The strike killed a soldier and wounded two others.", 1),   # the others were wounded, not killed
])
def test_fatalities_conjoined_victims(sentence, n):
    assert fatalities(sentence) == n


# A death count placed at another named place is not this event's toll (new-user report, Feb 2024)
def test_deaths_placed_elsewhere_are_not_the_events_toll():
    text = ("Turkish drones struck a farm near Tal Tamr in Syria on Monday. The ministry said the raid came "
            "two days after seven Turkish soldiers were killed in northern Iraq.")
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Tal Tamr"]
    assert d[0]["fatalities"] is None                  # unknown, not 7


@pytest.mark.parametrize("text", [
    "Two fighters were killed in Sinjar in Iraq on Monday when a drone strike hit their car.",
    "A drone strike hit a car near Sinjar on Monday. Two fighters were killed in northern Iraq, the group said.",
])
def test_deaths_placed_at_the_events_own_place_or_country_count(text):
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["fatalities"]) for x in d] == [("Sinjar", 2)]


# Actors: who tells or who responds is not who attacked; the side attacked is actor2 (new-user reports)
US = "Military Forces of the United States (2021-)"


@pytest.mark.parametrize("text", [
    "A drone struck a car near Qamishli in Syria on Monday, killing two people, the SDF said.",
    "A drone struck a car near Qamishli in Syria on Monday, killing two people, according to the SDF.",
    "A drone struck a car near Qamishli in Syria on Monday, killing two people, SDF officials told reporters.",
    "SDF officials said a drone struck a car near Qamishli in Syria on Monday, killing two people.",
    "According to the SDF, a drone struck a car near Qamishli in Syria on Monday, killing two people.",
])
def test_actor_named_as_source_is_not_an_actor(text):
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and d[0]["actor1"] != "Syrian Democratic Forces"
    assert any("attacker not named" in f for f in d[0]["flags"])


@pytest.mark.parametrize("text", [
    "The US military said it struck a weapons depot near Qaim in Iraq on Monday.",
    "The US military said late on Monday that it had struck a weapons depot near Qaim in Iraq.",
])
def test_actor_saying_it_acted_is_the_actor(text):
    d = draft_report(text, MONDAY).drafts
    assert [x["actor1"] for x in d] == [US]


def test_actor_saying_its_forces_were_attacked_is_actor2():
    text = "US forces said their base near Qaim in Iraq was attacked by a drone on Monday; no one was hurt."
    d = draft_report(text, MONDAY).drafts
    assert [(x["actor1"] == US, x["actor2"]) for x in d] == [(False, US)]


def test_target_side_is_actor2_and_responders_are_not_actor1():
    text = ("A drone attack on US forces at a base near Mosul in Iraq on Monday wounded three soldiers. "
            "A search operation launched by Iraqi forces found the launcher used in the attack.")
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1
    assert d[0]["actor2"] == US
    assert d[0]["actor1"] not in (US, "Military Forces of Iraq (2022-)")


def test_cli_refuses_a_publication_date_in_the_future(tmp_path, capsys):
    from datetime import timedelta
    from events.__main__ import main
    report = tmp_path / "r.txt"
    report.write_text("Rockets hit a base near Mosul in Iraq on Sunday.", encoding="utf-8")
    later = (date.today() + timedelta(days=2)).isoformat()   # a day's grace for time zones ahead
    p = subprocess.run([sys.executable, "-m", "events", "draft", str(report), "--published", later],
                       capture_output=True, text=True)
    assert p.returncode == 2 and "--published" in p.stderr and "future" in p.stderr and not p.stdout
    # today's date is taken: in this process (its gazetteer is loaded once for the drafts tests; a second
    # process loading it took 30-60 s of the suite on two busy cores)
    assert main(["draft", str(report), "--published", date.today().isoformat()]) == 0
    assert "draft event(s)" in capsys.readouterr().out


# One display name per governorate in one output; a flag says which rule placed a place (new-user report)
def test_admin1_shown_one_way_and_placement_flag_says_its_basis():
    from geodata.display import admin1_display
    text = "Drones hit a grain silo near Derik and a school in Qamishli in Syria on Monday, a war monitor said."
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Derik", "Qamishli"]
    assert len({x["admin1"] for x in d}) == 1                    # not "Hasaka (Al Haksa)" beside "Al-Hasakah"
    for x in d:
        assert x["admin1"] == admin1_display(x["country"], x["admin1"])
        assert all(a["admin1"] == (admin1_display(x["country"], a["admin1"]) or a["admin1"])
                   for a in x["alternatives"])
    flags = " ".join(d[0]["flags"])
    assert "placed in" in flags and "the report names" not in flags    # no province is named in the text
    assert "Qamishli" in flags


def test_placement_flag_says_the_report_names_the_province_only_when_it_does():
    d = draft_report("A drone struck a car near Harir in Erbil province in Iraq on Wednesday.", date(2023, 10, 18)).drafts
    assert any("placed in Erbil, the province the report names" in f for f in d[0]["flags"])


# Victims listed, numbers in words, tolls for several places (session 6, sentences written for the kind)
@pytest.mark.parametrize("sentence, n", [
    ("The strike killed two soldiers and three civilians.", 5),
    ("Israeli shelling killed a soldier and a child in the village.", 2),
    ("Two soldiers and a civilian were killed when the bomb went off.", 3),
    ("The raid killed four fighters, two women and a child, medics said.", 7),
    ("The attack killed twenty-three people.", 23),
    ("Five people, including two children, were killed.", 5),
    ("The strikes killed 10 people, two soldiers and eight civilians.", 10),   # a total and its breakdown
    ("The blast killed two soldiers and three civilians were wounded.", 2),    # the wounded are not added
    ("Gunmen killed three policemen and wounded four civilians.", 3),
    ("The drone strike, killing two and wounding five, hit a car.", 2),
])
def test_fatalities_listed_victims_add_up(sentence, n):
    assert fatalities(sentence) == n


def test_a_toll_for_events_at_several_places_is_given_to_none():
    text = "Israeli strikes on Nabatieh and Tyre in southern Lebanon killed 12 people on Monday, the ministry said."
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Nabatieh", "Tyre"]
    assert [x["fatalities"] for x in d] == [None, None]
    assert all(any("12 killed" in f for f in x["flags"]) for x in d)


def test_each_clause_gives_its_own_places_toll():
    text = "On Monday twelve people died in clashes in Najaf, and in Basra four demonstrators were killed."
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["fatalities"]) for x in d] == [("Najaf", 12), ("Basra", 4)]


def test_a_countrys_toll_is_replaced_by_the_places_own():
    text = ("At least 45 protesters were killed in Iraq on Thursday. In Nasiriya, security forces killed 29 "
            "demonstrators who were blocking a bridge.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["fatalities"]) for x in d] == [("Nasiriya", 29)]


# Wire-style reports (session 6): kinds found on reports written in the style of Reuters/AP/AFP
def test_a_place_in_a_country_the_report_names_only_as_the_attackers():
    text = "Iranian state television said the Revolutionary Guards fired missiles at targets in Erbil late on Sunday."
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["country"], x["event_date"]) for x in d] == [("Erbil", "IQ", "2024-04-21")]
    assert _near(d[0], 36.19, 44.01)


def test_a_city_in_one_country_beats_villages_of_its_name_elsewhere():
    d = draft_report("The Revolutionary Guards fired missiles at targets in Erbil late on Sunday.", MONDAY).drafts
    assert [(x["location"], x["country"]) for x in d] == [("Erbil", "IQ")] and _near(d[0], 36.19, 44.01)
    assert any("also names villages" in f for f in d[0]["flags"])


def test_a_place_in_the_capital_named_with_its_possessive_is_a_place():
    d = draft_report("Two rockets hit Baghdad's heavily fortified Green Zone late on Sunday, police said.", MONDAY).drafts
    assert [x["location"] for x in d] == ["Baghdad"]
    d = draft_report("Iraqi officials rejected Baghdad's decision, and rockets were fired at Basra.", MONDAY).drafts
    assert [x["location"] for x in d] == ["Basra"]


def test_an_event_between_two_towns_is_one_event_near_the_first():
    text = "A roadside bomb hit a supply convoy on the highway between Diwaniyah and Samawah on Sunday."
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Diwaniyah"] and d[0]["geo_precision"] == 2
    assert any("between Diwaniyah and Samawah" in f for f in d[0]["flags"])


def test_earlier_this_month_and_last_month_are_month_precision():
    for words, day in (("Earlier this month", "2024-04-01"), ("Last month", "2024-03-01")):
        d = draft_report(f"{words}, a drone attack on Tower 22 in Jordan killed three US soldiers.", MONDAY).drafts
        assert [(x["event_date"], x["date_precision"]) for x in d] == [(day, 3)]


def test_the_missiles_of_an_air_strike_are_that_strike():
    text = ("Israeli warplanes struck targets near the Syrian city of Homs early on Sunday, state media said. "
            "The missiles were fired from over the Mediterranean, northwest of Tripoli in Lebanon.")
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Homs"]


def test_events_told_together_share_the_statements_date():
    text = ("US forces carried out strikes on two sites in eastern Syria, the Pentagon said on Sunday. The strikes "
            "near Abu Kamal and Mayadin hit weapons depots.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["event_date"]) for x in d] == [("Abu Kamal", "2024-04-21"), ("Mayadin", "2024-04-21")]


def test_a_raid_and_army_fire_tell_an_event_and_air_raid_sirens_do_not():
    text = "Two men were killed by Israeli fire during a raid in the Jenin refugee camp in the West Bank on Sunday."
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Jenin"] and d[0]["fatalities"] == 2
    assert d[0]["actor1"].startswith("Military Forces of Israel")
    assert draft_report("Air raid sirens sounded in Haifa in Israel on Sunday.", MONDAY).drafts == []


# Well-known actors of the region's conflicts with their usual aliases (session 6), ACLED names
@pytest.mark.parametrize("text, actor1, actor2", [
    ("Houthi rebels fired a ballistic missile at the Israeli city of Eilat on Sunday.", "Ansar Allah (Houthis)", ""),
    ("Israeli tank fire hit a UNIFIL position near Naqoura in southern Lebanon on Sunday.",
     "Military Forces of Israel (2022-)", "UNIFIL: United Nations Interim Force in Lebanon"),
    ("A Turkish drone strike killed two members of the Sinjar Resistance Units (YBS) near Sinjar in Iraq on Sunday.",
     "Military Forces of Turkey", "YBS: Sinjar Resistance Units"),
    ("Turkish-backed factions clashed with the SDF near Manbij in northern Syria on Sunday.",
     "JWS: Syrian National Army", "Syrian Democratic Forces"),
    ("Fighters of the Kurdistan Workers' Party attacked a Turkish base near Zakho in Iraq on Sunday.",
     "PKK: Kurdistan Workers Party", ""),
    ("The Qassam Brigades fired rockets at Sderot in Israel on Sunday.", "Hamas", ""),
])
def test_well_known_actors_and_aliases(text, actor1, actor2):
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and (d[0]["actor1"], d[0]["actor2"]) == (actor1, actor2)


def test_a_known_actor_claiming_by_name_is_actor1():
    text = ("Gunmen attacked a police station in Rask in Iran's Sistan and Baluchestan province on Sunday. The attack "
            "was claimed by the Sunni militant group Jaish al-Adl.")
    d = draft_report(text, MONDAY).drafts
    assert [x["actor1"] for x in d] == ["Jaish al-Adl"]


# Dates a report gives only for what followed the event (session 6)
@pytest.mark.parametrize("text", [
    "Mourners in Basra on Sunday buried two fighters killed in a drone strike on their car near Qaim in Iraq.",
    "A policeman wounded when a roadside bomb hit his patrol near Kirkuk in Iraq died of his wounds on Sunday.",
])
def test_a_funerals_or_a_deaths_day_is_not_the_events(text):
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and (d[0]["event_date"], d[0]["date_precision"]) == ("2024-04-20", 2)
    assert any("funeral or a death" in f for f in d[0]["flags"])


def test_the_event_own_date_wins_over_the_death_after_it():
    text = ("A soldier wounded in a drone attack on a base near Qamishli in Syria on Thursday died of his wounds "
            "on Sunday, the army said.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["event_date"], x["date_precision"]) for x in d] == [("2024-04-18", 1)]


def test_the_next_day_is_the_day_after_the_event_told_before():
    text = "Israeli jets struck Nabatieh in Lebanon on Friday. The next day, a drone hit a car in Tyre."
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["event_date"]) for x in d] == [("Nabatieh", "2024-04-19"), ("Tyre", "2024-04-20")]


# More wire-style kinds (session 6)
@pytest.mark.parametrize("text, place", [
    ("US and British warplanes struck targets in Yemen's capital late on Sunday, the rebels' media said.", "Sanaa"),
    ("Israeli strikes near the Syrian capital killed four soldiers on Sunday, state media said.", "Damascus"),
    ("Rockets were fired at the outskirts of the Iraqi capital on Sunday, police said.", "Baghdad"),
])
def test_a_capital_described_not_named_is_that_capital(text, place):
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == [place] and any("read as" in f for f in d[0]["flags"])


def test_a_date_right_before_a_verb_of_saying_is_the_statements():
    text = "Iraq's prime minister on Sunday condemned a drone attack on the Ain al-Asad base in Anbar."
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and any("the day of the statement" in f for f in d[0]["flags"])


def test_a_report_opening_with_the_attack_dates_and_counts_it():
    text = ("Jordan said on Monday that the drone attack that killed three US soldiers on Sunday had hit a base "
            "in Syria. US officials say the attack hit Tower 22, an outpost in northeast Jordan.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["event_date"], x["fatalities"]) for x in d] == [("Tower 22", "2024-04-21", 3)]


def test_a_day_after_dates_the_event_before_the_sentences_day():
    text = ("The UN envoy arrived in Damascus on Sunday for talks, a day after Israeli strikes near the Syrian "
            "capital killed four people.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["event_date"]) for x in d] == [("Damascus", "2024-04-20")]


def test_the_previous_evening_of_a_statement_and_a_police_teller_is_no_side():
    text = ("Police in Basra in Iraq said on Saturday that gunmen had shot dead an activist outside his home the "
            "previous evening.")
    d = draft_report(text, MONDAY).drafts
    assert [x["event_date"] for x in d] == ["2024-04-19"]
    assert d[0]["event_type"] != "Battles"          # the police told of it; they did not fight


def test_a_village_not_placed_is_drafted_near_the_town_it_lies_west_of():
    # a name of several places: the one west of the landmark, within LANDMARK_KM, is taken (session 11)
    text = "Turkish-backed fighters attacked the village of Arima, west of Manbij in Syria, on Sunday."
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Arima"] and d[0]["longitude"] < 37.95
    assert any("within 50 km west of Manbij, as the report says" in f for f in d[0]["flags"])
    # a name the gazetteer does not have at all: drafted near the landmark, flagged
    text = "Turkish-backed fighters attacked the village of Umm Qzaywis, west of Manbij in Syria, on Sunday."
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Manbij"] and d[0]["geo_precision"] == 2
    assert any("landmark" in f for f in d[0]["flags"])


def test_places_listed_with_as_well_as_are_each_an_event():
    text = ("A drone hit a US base at al-Tanf in Syria on Sunday. The Islamic Resistance in Iraq said it had targeted "
            "the Tanf base as well as Ain al-Asad and Erbil airport with drones.")
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["al-Tanf", "Ain al-Asad", "Erbil airport"]


def test_bomb_blasts_are_bombs_and_the_islamic_state_is_named_by_its_country():
    text = ("Twin bomb blasts struck a crowd in the Iranian city of Kerman on Sunday, killing 84 people. The Islamic "
            "State group later said it carried out the attack.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["sub_event_type"], x["actor1"]) for x in d] == [
        ("Kerman", "Remote explosive/landmine/IED", "Islamic State (Iran)")]


def test_a_place_named_with_its_holders_possessive_is_the_place():
    d = draft_report("A drone struck the US base at al-Hasakah's Rmelan airport in Syria on Sunday.", MONDAY).drafts
    assert [x["location"] for x in d] == ["Rmelan"] and _near(d[0], 37.01, 41.89)


def test_the_us_as_subject_of_a_strike_is_its_military():
    d = draft_report("The US struck militia facilities in Jurf al-Nasr, south of Baghdad, on Sunday.", MONDAY).drafts
    assert [x["actor1"] for x in d] == ["Military Forces of the United States (2021-)"]


def test_a_namesake_far_from_the_area_it_is_said_to_be_part_of():
    d = draft_report("Israeli jets struck a depot in the Maysalun area of Deir ez-Zor in Syria on Sunday.", MONDAY).drafts
    assert [x["location"] for x in d] == ["Deir ez-Zor"] and any("namesake" in f for f in d[0]["flags"])


def test_drones_destroyed_on_their_way_to_a_base_are_an_attack_on_it():
    text = ("Two drones loaded with explosives were destroyed on Sunday as they flew towards the base at Erbil "
            "International Airport in Iraq, the counter-terrorism unit said.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["sub_event_type"]) for x in d] == [("Erbil International Airport", "Air/drone strike")]


def test_a_states_possessive_strike_is_its_military():
    d = draft_report("Israel's strike on the Iranian consulate in Damascus on April 1 killed seven people.", MONDAY).drafts
    assert [x["actor1"] for x in d] == ["Military Forces of Israel (2022-)"]


def test_a_place_in_a_large_district_of_the_same_name_is_no_namesake():
    d = draft_report("Air strikes hit positions in the Akashat area of Al-Qaim district in Iraq on Sunday.", MONDAY).drafts
    assert [x["location"] for x in d] == ["Akashat"]


# Two events of two kinds at one place and day (session 6)
def test_another_kind_told_as_also_or_hours_later_is_another_event():
    text = ("Gunmen attacked a police checkpoint in Kirkuk in Iraq on Sunday. A car bomb also exploded in a market "
            "in Kirkuk the same day, killing five people.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["event_type"], x["fatalities"]) for x in d] == [
        ("Kirkuk", "Battles", None), ("Kirkuk", "Explosions/Remote violence", 5)]
    text = ("A roadside bomb struck an army patrol near Tarmiyah in Iraq on Sunday, killing two soldiers. Hours later, "
            "militants attacked an army checkpoint in the same area, sparking a clash.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["sub_event_type"]) for x in d] == [
        ("Tarmiyah", "Remote explosive/landmine/IED"), ("Tarmiyah", "Armed clash")]


def test_one_event_told_twice_stays_one():
    text = ("Rockets were fired at US forces in Syria on Sunday, a US official said. Two rockets landed near the "
            "Green Village base in Deir ez-Zor province on Sunday morning, the official said.")
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Green Village base"]


@pytest.mark.parametrize("words, expected, precision", [
    ("this morning", date(2024, 4, 22), DAY),
    ("two days ago", date(2024, 4, 20), DAY),
    ("over the weekend", date(2024, 4, 20), 2),
])
def test_more_relative_dates(words, expected, precision):
    found = find_dates(f"Rockets hit the base {words}.")
    assert found, words
    r = resolve(found[0].text, found[0].kind, MONDAY)
    assert r is not None and (r.day, r.precision) == (expected, precision)


@pytest.mark.parametrize("text, day", [
    ("Iraq summoned Iran's envoy in Baghdad on Monday to protest against the missile strikes on Erbil the day "
     "before.", "2024-04-21"),
    ("Officials visited the town of Qaim in Iraq on Sunday to see the damage from last week's drone strike.",
     "2024-04-15"),
])
def test_of_two_dates_the_one_nearest_the_events_cue_is_its(text, day):
    d = draft_report(text, MONDAY).drafts
    assert [x["event_date"] for x in d] == [day]


def test_a_generic_head_word_of_a_longer_name_is_no_place():
    text = "Saudi-led coalition air strikes hit the Bani Hushaish district east of Sanaa in Yemen on Sunday."
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Sanaa"]                 # not the village 'Bani' elsewhere


def test_an_ied_explosion_is_an_ied_and_militants_killing_is_an_attack():
    text = ("Three soldiers were killed in an IED explosion targeting their vehicle near Baqubah in Diyala province "
            "in Iraq on Sunday.")
    d = draft_report(text, MONDAY).drafts
    assert [x["sub_event_type"] for x in d] == ["Remote explosive/landmine/IED"]
    text = "Suspected Islamic State militants killed four shepherds in the desert near Rutba in Iraq on Sunday."
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["fatalities"]) for x in d] == [("Rutba", 4)]


def test_a_report_naming_no_country_takes_the_one_where_the_name_is_a_town():
    d = draft_report("A landmine exploded in the Hama countryside on Sunday, killing three truffle hunters.",
                     MONDAY).drafts
    assert [(x["location"], x["country"]) for x in d] == [("Hama", "SY")]


# --- session 7: kinds from set 13 (now tuning) and the fourth new-user trial --------------------------

def test_the_event_a_strike_answers_is_its_own_event_with_its_own_date_toll_and_place():
    # "X struck A on Friday in retaliation for an attack that killed three at B on 5 April": two events;
    # B's date and toll are not A's
    text = ("Israeli jets struck a depot near Nabatieh in Lebanon on Friday in retaliation for a rocket attack "
            "that killed two soldiers at Kiryat Shmona in Israel on April 14.")
    d = draft_report(text, MONDAY).drafts
    got = {x["location"]: (x["event_date"], x["fatalities"]) for x in d}
    assert got == {"Nabatieh": ("2024-04-19", None), "Kiryat Shmona": ("2024-04-14", 2)}


def test_an_event_told_a_day_after_another_is_dated_the_day_before_the_event_told_first():
    text = ("Israeli aircraft struck the port of Tyre in Lebanon on Saturday. "
            "The raids came a day after a Hezbollah drone hit Nahariya in Israel.")
    d = draft_report(text, MONDAY).drafts
    assert {x["location"]: x["event_date"] for x in d} == {"Tyre": "2024-04-20", "Nahariya": "2024-04-19"}


def test_a_toll_of_the_event_a_strike_answers_is_not_the_strikes_toll():
    text = ("Turkish jets struck militant targets near Amadiya in Iraq on Saturday. The strikes came a day after "
            "six Turkish soldiers were killed when militants attacked a base in northern Iraq.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["fatalities"]) for x in d] == [("Amadiya", None)]


def test_a_weekday_used_as_an_adjective_after_said_dates_the_event_not_the_statement():
    text = ("US forces hit targets in Iraq on Friday. On Monday the Iraqi government said 12 people were "
            "killed in the Friday strikes in Rutba.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["event_date"]) for x in d] == [("Rutba", "2024-04-19")]


def test_last_weeks_event_answered_does_not_date_the_strikes_told_before():
    text = ("Turkish air strikes hit villages near Tal Tamr in Syria on Sunday. Ankara said it had struck "
            "militant bases in response to last week's bombing in Istanbul.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["event_date"], x["date_precision"]) for x in d] == [("Tal Tamr", "2024-04-21", 1)]


def test_a_toll_placed_at_two_of_the_places_is_shared_and_a_later_toll_is_not_the_last_places():
    text = ("US jets struck targets in Iraq on Friday. The Iraqi government said 16 people were killed in the "
            "Friday strikes in Rutba and Akashat.")
    d = draft_report(text, MONDAY).drafts
    assert {x["location"]: x["fatalities"] for x in d} == {"Rutba": None, "Akashat": None}
    assert all(any("16" in f for f in x["flags"]) for x in d)
    text = ("Turkish jets struck targets near Amuda and Derik in Syria on Sunday. Local authorities said two "
            "guards were killed.")
    d = draft_report(text, MONDAY).drafts
    assert {x["location"]: x["fatalities"] for x in d} == {"Amuda": None, "Derik": None}


def test_a_nationality_of_people_does_not_make_the_report_concern_that_country():
    text = ("Israeli air strikes on Friday hit the village of Najjariyeh, just south of the coastal city of Sidon, "
            "killing two Syrian children, Lebanon's state-run news agency said.")
    r = draft_report(text, date(2024, 5, 17))
    assert "SY" not in r.countries
    # the village itself since session 10 (its one near spelling, En Najjariye, lies 10 km from Sidon, which
    # the report names); before, the draft stood at Sidon
    assert [(x["location"], x["country"]) for x in r.drafts] == [("Najjariyeh", "LB")]


def test_an_ambiguous_village_is_placed_by_the_border_or_the_part_of_the_country_the_report_names():
    text = ("An Israeli strike on Sunday hit a house in the town of Houla near the border with Israel, Lebanon's "
            "news agency said.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["admin1"]) for x in d] == [("Houla", "Nabatieh")]
    assert abs(d[0]["latitude"] - 33.21) < 0.05 and any("border" in f for f in d[0]["flags"])
    text = ("Israeli drones hit villages in southern Lebanon on Sunday. Officials said the strikes targeted the "
            "village of Khiam.")
    d = draft_report(text, MONDAY).drafts
    assert [x["admin1"] for x in d] == ["Nabatieh"] and abs(d[0]["latitude"] - 33.33) < 0.05
    text = "Israeli drones hit the village of Khiam in Lebanon on Sunday."       # no hint: stays ambiguous
    d = draft_report(text, MONDAY).drafts
    assert [x["geo_status"] for x in d] == ["ambiguous"]


def test_a_stronghold_of_a_place_is_that_place():
    text = ("Yemen's Houthis said US strikes overnight on their northern stronghold of Saada killed at least two "
            "people on Sunday.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["country"]) for x in d] == [("Saada", "YE")]


def test_every_direction_word_of_a_country_is_read():
    for way in ("eastern", "western", "northern", "southern", "east", "north"):
        draft_report(f"Israeli drones hit villages in {way} Lebanon on Sunday, among them Khiam.", MONDAY)


@pytest.mark.parametrize("sentence, n", [
    ("A drone strike killed a senior commander of the group and two of his companions, sources said.", 3),
    ("The strike killed a local leader and three bodyguards.", 4),
    ("A raid on two villages left 10 Peshmerga fighters and three civilians dead.", 13),
])
def test_companions_of_a_named_victim_and_victims_left_dead_add_up(sentence, n):
    assert fatalities(sentence) == n


def test_a_place_in_a_clause_of_its_own_takes_that_clauses_date_and_toll():
    text = ("Islamic State claimed an attack on soldiers in Tuz Khurmatu late on Saturday that killed four of them, "
            "and a raid on Thursday on a village near Makhmour that left 10 fighters and three civilians dead.")
    d = draft_report(text, MONDAY).drafts
    got = {x["location"]: (x["event_date"], x["fatalities"]) for x in d}
    assert got == {"Tuz Khurmatu": ("2024-04-20", 4), "Makhmour": ("2024-04-18", 13)}


def test_the_base_is_the_base_named_before_and_its_own_date_makes_another_event():
    text = ("Rockets hit Ain al-Asad air base in Iraq on Monday, officials said. Last week militants fired two "
            "rockets at the base, causing no damage.")
    d = draft_report(text, MONDAY).drafts
    assert sorted((x["event_date"], x["date_precision"]) for x in d) == [("2024-04-15", 2), ("2024-04-22", 1)]


def test_a_list_of_provinces_is_provinces_and_a_town_told_in_one_replaces_it():
    text = ("Turkish air strikes hit Idlib, Hama and Aleppo provinces in Syria on Sunday. The raids mainly "
            "targeted the city of Kobane and also hit a depot near Saraqib.")
    d = draft_report(text, MONDAY).drafts
    got = sorted(x["location"] for x in d)
    assert "Kobane" in got and "Saraqib" in got
    assert not any(x["location"] in ("Aleppo", "Idlib") for x in d)     # their towns are told; no city of Aleppo
    assert any(x["location"] == "Hama" and x["geo_precision"] == 3 for x in d)   # a province named alone stays


def test_the_crowd_of_a_protest_or_riot_is_named_as_acled_names_it():
    d = draft_report("Thousands of people protested in Basra in Iraq on Sunday against power cuts.", MONDAY).drafts
    assert [x["actor1"] for x in d] == ["Protesters (Iraq)"]
    d = draft_report("Iraqi security forces opened fire on protesters in Nasiriyah in Iraq on Sunday, killing three.",
                     MONDAY).drafts
    assert {d[0]["actor1"], d[0]["actor2"]} == {"Military Forces of Iraq (2022-)", "Protesters (Iraq)"}


def test_a_group_whose_members_were_killed_is_the_side_attacked():
    text = "On Sunday three SDF members were killed in a Turkish drone attack in Kobane in Syria."
    d = draft_report(text, MONDAY).drafts
    assert [(x["actor1"], x["actor2"]) for x in d] == [("Military Forces of Turkey", "Syrian Democratic Forces")]


def test_each_place_with_its_own_death_count_in_one_sentence_and_blaming_names_the_attacker():
    text = ("Security forces opened fire on protesters in Nasiriyah in Iraq on Sunday. Ten more protesters were "
            "killed in Najaf and four were shot dead in Karbala.")
    d = draft_report(text, MONDAY).drafts
    assert {x["location"]: x["fatalities"] for x in d if x["location"] != "Nasiriyah"} == {"Najaf": 10, "Karbala": 4}
    text = "A car bomb exploded in a market in Qamishli in Syria on Sunday, killing two, officials said, blaming the PKK."
    d = draft_report(text, MONDAY).drafts
    assert [x["actor1"] for x in d] == ["PKK: Kurdistan Workers Party"]


def test_a_state_blamed_is_the_attacker():
    text = ("Eight tourists were killed on Wednesday when artillery fire hit a resort in Zakho in Iraq, state media "
            "said, blaming Turkey. Turkey said two PKK militants had surrendered at the border.")
    d = draft_report(text, date(2022, 7, 21)).drafts
    assert [x["actor1"] for x in d] == ["Military Forces of Turkey"]


def test_a_toll_told_near_a_place_goes_to_that_places_event():
    text = ("Turkish jets struck targets near Qamishli and Derik in Syria on Sunday. Local authorities said a power "
            "station near Qamişlo was hit and two guards were killed.")
    d = draft_report(text, MONDAY).drafts
    assert {x["location"]: x["fatalities"] for x in d} == {"Qamishli": 2, "Derik": None}


# -- session 8: kinds of fault shown by sets 14 and 15 (sentences written for each kind) --------------------
def test_a_list_of_places_opening_a_clause_gives_one_event_per_place_and_no_copied_toll():
    text = ("Hasakah, Amuda and Tal Tamr in northeast Syria came under heavy shelling on Sunday that killed at "
            "least nine fighters.")
    d = draft_report(text, MONDAY).drafts
    assert sorted(x["location"] for x in d) == ["Amuda", "Hasakah", "Tal Tamr"]
    assert {x["event_date"] for x in d} == {"2024-04-21"}
    assert {x["sub_event_type"] for x in d} == {"Shelling/artillery/missile attack"}
    assert all(x["fatalities"] is None for x in d)


def test_a_place_said_to_be_hit_in_a_sentence_without_a_cue_word_is_another_event_of_the_kind_told():
    text = ("Turkish jets struck Qamishli in Syria early on Sunday, officials said. Villages of Zakho district in "
            "Iraq were also hit.")
    d = draft_report(text, MONDAY).drafts
    assert sorted((x["location"][:5], x["event_date"], x["sub_event_type"]) for x in d) == [
        ("Qamis", "2024-04-21", "Air/drone strike"), ("Zakho", "2024-04-21", "Air/drone strike")]


def test_a_place_on_the_side_or_edge_of_a_town_is_placed_at_the_town():
    text = ("Two men were killed on Sunday when a drone hit a car in the al-Zuhur neighbourhood, on the eastern edge "
            "of Qamishli in Syria, officials said.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["fatalities"]) for x in d] == [("Qamishli", 2)]


def test_heavy_artillery_fired_at_a_place_is_shelling():
    text = "Turkish forces fired heavy artillery at villages near Tal Tamr in Syria on Sunday, wounding a woman."
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["sub_event_type"]) for x in d] == [("Tal Tamr", "Shelling/artillery/missile attack")]


def test_a_place_named_as_a_reference_inside_the_province_wins_over_the_province():
    text = ("Gunmen attacked an army checkpoint east of Muqdadiyah district in Diyala province on Sunday, killing "
            "three soldiers, a security source said.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"][:5], x["geo_precision"], x["fatalities"]) for x in d] == [("Muqda", 2, 3)] or \
        [(x["location"][:5], x["fatalities"]) for x in d] == [("Muqda", 3)]
    assert any("approximate" in f for f in d[0]["flags"])


def test_attacks_said_to_happen_often_are_background_not_an_event():
    text = ("A roadside bomb killed two soldiers near Tarmiyah in Iraq on Sunday. Villages around Samarra see frequent "
            "militant attacks.")
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Tarmiyah"]


def test_a_district_of_a_described_city_is_placed_at_the_city():
    text = ("Two air strikes hit the Al Mina district of the western port city of Hodeidah in Yemen on Sunday, the "
            "rebels' television said.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["geo_precision"]) for x in d] == [("Hodeidah", 2)]


def test_an_event_with_only_wounded_or_no_casualties_has_zero_fatalities_and_a_death_is_never_zero():
    text = "A rocket attack on the Ain al-Asad air base in Iraq on Sunday wounded three contractors, officials said."
    d = draft_report(text, MONDAY).drafts
    assert [x["fatalities"] for x in d] == [0]
    text = "A drone hit a house in Qamishli in Syria on Sunday, wounding two people and killing a child."
    d = draft_report(text, MONDAY).drafts
    assert [x["fatalities"] for x in d] == [1]
    text = "A drone hit a car in Qamishli in Syria on Sunday, officials said."
    d = draft_report(text, MONDAY).drafts
    assert [x["fatalities"] for x in d] == [None]


@pytest.mark.parametrize("text, expected", [
    ("On Sunday, guards at a party office in Ranya in Iraq shot dead a young protester, medics said.",
     ("Protests", "Excessive force against protesters")),
    ("Gunmen attacked a group of shepherds near Tadmur in Syria on Sunday, killing three, the monitor said.",
     ("Violence against civilians", "Attack")),
    ("Ten people were killed in fighting between IS militants and Kurdish fighters after IS attacked a prison in "
     "Hasakah in Syria on Sunday.",
     ("Battles", "Armed clash")),
])
def test_what_an_attack_is_follows_acled_by_who_was_attacked(text, expected):
    d = draft_report(text, MONDAY).drafts
    assert [(x["event_type"], x["sub_event_type"]) for x in d] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("The raids answered an attack on March 3 that killed two Iraqi soldiers near Tal Afar.", 2),   # a day is no toll
    ("A drone strike killed militia leader Abu Hassan and one other fighter in eastern Baghdad.", 2),
    ("The blast killed Ahmed al-Jubouri and four other people on the road to Samarra.", 5),
    ("Bombardment killed at least a dozen members of the group.", 12),
])
def test_tolls_with_a_date_a_named_victim_and_others_and_a_dozen(sentence, expected):
    assert fatalities(sentence) == expected


def test_two_states_acting_together_and_bombers_name_the_attacker():
    text = "American and British jets struck rebel sites in Taiz and Sanaa in Yemen on Friday, the rebels said."
    d = draft_report(text, date(2024, 2, 3)).drafts
    assert {x["actor1"] for x in d} == {"Military Forces of the United States (2021-)"}
    assert all(any("Military Forces of the United Kingdom" in f for f in x["flags"]) for x in d)
    text = "US bombers struck dozens of targets near Abu Kamal in Syria on Friday."
    d = draft_report(text, date(2024, 2, 3)).drafts
    assert [x["actor1"] for x in d] == ["Military Forces of the United States (2021-)"]


def test_a_body_named_after_a_place_that_speaks_is_no_place():
    text = ("Nine people in Israel were hurt on Sunday when a drone hit a hotel in the resort city of Eilat, Magen "
            "David Adom said.")
    d = draft_report(text, MONDAY).drafts
    assert [x["location"] for x in d] == ["Eilat"]


def test_civilians_harmed_by_an_armed_actor_are_its_second_actor():
    text = ("Two children were killed on Sunday when a Turkish drone hit a house in Amuda in Syria, local officials "
            "said.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["actor1"], x["actor2"]) for x in d] == [("Military Forces of Turkey", "Civilians (Syria)")]
    text = "A Turkish drone hit a car in Qamishli in Syria on Sunday; no civilians were hurt, officials said."
    d = draft_report(text, MONDAY).drafts
    assert [(x["actor1"], x["actor2"]) for x in d] == [("Military Forces of Turkey", "")]


def test_an_attack_blamed_on_a_state_names_it_the_attacker():
    text = "A drone that local police blamed on Turkey hit a truck near Derik in Syria on Sunday, killing the driver."
    d = draft_report(text, MONDAY).drafts
    assert [x["actor1"] for x in d] == ["Military Forces of Turkey"]


@pytest.mark.parametrize("sentence, expected", [
    ("The army said it had killed 14 militants over the past 48 hours.", None),
    ("Rights groups say 120 people have been killed since the start of the year.", None),
    ("The strike killed 14 militants on Sunday.", 14),
])
def test_a_running_total_is_no_events_toll(sentence, expected):
    assert fatalities(sentence) == expected


def test_the_part_of_a_toll_placed_at_the_event_is_its_toll():
    assert fatalities("The army said it killed six fighters on Sunday, two of them in a drone strike near Bint Jbeil.") == 2
    text = ("The army said it killed six fighters in Lebanon on Sunday, two of them in a drone strike on a motorbike "
            "near Bint Jbeil.")
    d = draft_report(text, MONDAY).drafts
    assert [(x["location"], x["fatalities"]) for x in d] == [("Bint Jbeil", 2)]


def test_a_place_the_text_locates_in_a_country_is_geocoded_there():
    # the dateline names where the outlet files from; "in Iraq's Kurdistan Region" locates the place,
    # so a namesake in the dateline's country (a village Koya in Daraa, Syria) is no answer
    text = ("DAMASCUS, Syria (Reuters) - Three people died on Tuesday when Iranian drones struck an office of a "
            "Kurdish exile party in Koya, in Iraq's Kurdistan Region, local officials said. A camp near Koya was "
            "also hit by missiles.")
    d = draft_report(text, date(2022, 9, 29)).drafts
    assert d and all(x["country"] != "SY" for x in d), [(x["location"], x["country"]) for x in d]
    assert all(x["country"] == "IQ" for x in d if x["location"])


def test_a_country_named_only_as_the_attackers_side_does_not_place_the_shelled_villages():
    text = ("Turkish-backed factions shelled farms around Tal Tamr in northeastern Syria on Monday, a monitor said. "
            "The villages of Fatsa and Khalidiya were hit from Turkish-held territory, it said. The monitor also "
            "reported heavy Turkish artillery fire on the area.")
    d = draft_report(text, date(2022, 4, 19)).drafts
    assert d and all(x["country"] == "SY" for x in d), [(x["location"], x["country"]) for x in d]


def test_a_place_in_a_citys_countryside_wins_over_the_city():
    text = ("Militants waited near al-Mayadeen in the eastern countryside of Deir ez-Zor and opened fire on an "
            "army bus on Thursday, killing nine soldiers, a monitor said.")
    d = draft_report(text, date(2023, 8, 12)).drafts
    assert [x["location"] for x in d] == ["al-Mayadeen"], [(x["location"], x["geo_precision"]) for x in d]
    assert abs(d[0]["latitude"] - 35.02) < 0.2 and abs(d[0]["longitude"] - 40.45) < 0.2
    assert d[0]["geo_precision"] == 2


def test_a_province_standing_for_a_place_the_gazetteer_lacks_says_so():
    # 'Zarzawaa' is a name no gazetteer of ours has, even inside Erbil province
    text = ("Drones hit the offices of an exiled party on Wednesday, killing four people in the Zarzawaa area of "
            "Erbil province, health officials said.")
    d = draft_report(text, date(2022, 9, 28)).drafts
    assert len(d) == 1, [(x["location"], x["geo_precision"]) for x in d]
    assert d[0]["geo_precision"] == 3 and d[0]["confidence"] < 0.5
    assert any("'Zarzawaa' not found in the gazetteer" in f for f in d[0]["flags"]), d[0]["flags"]
    # 'Koysinjaq' the matcher misses as written; asked inside Erbil province the geocoder finds Koi Sanjaq
    d = draft_report(text.replace("Zarzawaa", "Koysinjaq"), date(2022, 9, 28)).drafts
    assert len(d) == 1 and _near(d[0], 36.08, 44.63) and d[0]["geo_precision"] == 2
    assert any("'Koysinjaq' not found as written: placed at Koi Sanjaq" in f for f in d[0]["flags"]), d[0]["flags"]


THERE = "A drone strike hit a military base in Kirkuk on Sunday, security officials said."


@pytest.mark.parametrize("loose", [
    "A drone strike hit a military base near Kirkuk on Sunday, security officials said.",
    "A drone strike hit a military base on Sunday, 30 km south of Kirkuk, security officials said.",
    "Police in Kirkuk said on Sunday that a drone had struck a military base.",   # where they spoke, undated
])
def test_confidence_is_lower_when_the_words_do_not_put_the_event_at_the_place(loose):
    # "in Kirkuk" with the strike and its day: the words say it happened there; "near Kirkuk", "30 km south
    # of Kirkuk", or the police in Kirkuk telling of a strike they do not date: the same point, less often
    # the event's place (the classes' shares measured on the fit sets, events/drafts/confidence.py: since
    # session 15's refit on 200 reports, at|dated 0.94, at|undated 0.76, near|dated 0.65; session 16's refit on the
    # same reports with its rules: 0.945, 0.804, 0.639; session 26's on 400 reports of sixteen writers: 0.900, 0.841,
    # 0.609)
    there = draft_report(THERE, MONDAY).drafts
    other = draft_report(loose, MONDAY).drafts
    assert len(there) == len(other) == 1
    assert (there[0]["latitude"], there[0]["longitude"]) == (other[0]["latitude"], other[0]["longitude"])
    assert there[0]["confidence_class"] == "at|dated" and there[0]["confidence"] >= 0.85
    # (undated, at|undated: 31 of 37 right on 400 reports, 0.841, below 0.900 but within 0.1 of it)
    margin = 0.0 if other[0]["confidence_class"] == "at|undated" else 0.1
    assert other[0]["confidence"] < there[0]["confidence"] - margin


def test_confidence_class_share_is_smoothed_towards_its_parents():
    # overall (8 + 1) / (8 + 2) = 0.9; "at" (8 + 2 * 0.9) / 10 = 0.98; "at|dated" (8 + 2 * 0.98) / 10 = 0.996;
    # "near" never seen: 0.9, and "near|dated" likewise
    counts = {"at|dated": (8, 8)}
    assert share(counts, "at|dated") == pytest.approx(0.996)
    assert share(counts, "near|dated") == pytest.approx(0.9)
    assert share({"at|dated": (8, 8), "near|dated": (2, 0)}, "near|dated") < 0.5


@pytest.mark.parametrize("text, lat, lon, governorate", [
    ("US and British jets struck Houthi positions in Marib, Yemen, on Sunday, killing three fighters.",
     15.46, 45.32, "Ma'rib"),
    ("A drone crashed in Mafraq, Jordan, on Sunday, the army said.", 32.34, 36.21, "Mafraq"),
    ("Shelling hit a market in Daraa, Syria, on Sunday, killing four civilians.", 32.62, 36.10, "Daraa"),
])
def test_a_governorates_name_alone_is_its_seat_flagged(text, lat, lon, governorate):
    # the geocoder leaves these names ambiguous (a Yemeni 'Marib' is a village of Ma'rib governorate in
    # the gazetteer, with namesakes elsewhere) or unresolved; the report names the governorate's name
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and _near(d[0], lat, lon)
    assert d[0]["geo_precision"] == 2          # the report may mean the whole governorate
    assert any(f"name of {governorate} governorate: read as its seat" in f for f in d[0]["flags"])
    # "the city of X" says the seat itself
    d = draft_report("US and British jets struck Houthi positions in the city of Marib, Yemen, on Sunday.",
                     MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 15.46, 45.32) and d[0]["geo_precision"] == 1


def test_an_ambiguous_name_is_placed_by_the_reports_other_places():
    # two places carry the name (Dhiban, Deir ez-Zor; Dhibin, As-Suwayda); one lies 20 km from Sabikhan,
    # which the report also names
    text = ("Syrian government forces shelled Sabikhan in Syria on Sunday. Hours later a roadside bomb hit a patrol "
            "in Dhiban, wounding two fighters.")
    d = {x["location"]: x for x in draft_report(text, MONDAY).drafts}
    assert _near(d["Dhiban"], 35.01, 40.51)
    assert any("placed near Sabikhan the report also names" in f for f in d["Dhiban"]["flags"])
    # ... but nearness never chooses a worse spelling match (session 11): Baghdad's Al Kadhimiya matches
    # "Kadhimiya" exactly, a village Qaryat al Kazimiyah near Kirkuk only by its skeleton: not placed
    text = ("A car bomb exploded in Kirkuk, Iraq, on Sunday. Hours later a roadside bomb hit a patrol in "
            "Kadhimiya, wounding two soldiers.")
    d = {x["location"]: x for x in draft_report(text, MONDAY).drafts}
    assert d["Kadhimiya"]["latitude"] is None
    assert [a["name"] for a in d["Kadhimiya"]["alternatives"]][:2] == ["Al Kadhimiya", "Qaryat al Kazimiyah"]
    # both candidates lie near Marjayoun: the name stays ambiguous, flagged
    text = ("Israeli artillery shelled the outskirts of Marjayoun on Sunday. A drone strike also hit a house in "
            "Khiam, killing two people.")
    d = {x["location"]: x for x in draft_report(text, MONDAY).drafts}
    assert d["Khiam"]["latitude"] is None


def test_a_town_the_matcher_misses_by_its_spelling_is_found_in_the_province_named():
    # 'Muqdadiyeh' is not how the gazetteer writes Muqdadiya; asked inside Diyala, the geocoder finds it (the
    # example was 'Muqdadiyya' until session 20, when a doubled letter stopped making another name)
    text = ("Islamic State fighters attacked an army post in the town of Muqdadiyeh in Diyala province, Iraq, on "
            "Sunday, killing two soldiers.")
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 33.98, 44.94) and d[0]["location"] == "Muqdadiyeh"
    # found by a like spelling in the province: the class of places the report's other words chose (since session 16)
    assert d[0]["geo_precision"] == 2 and d[0]["confidence_class"].startswith("ctx|")
    assert any("'Muqdadiyeh' not found as written" in f for f in d[0]["flags"])


@pytest.mark.parametrize("text, lat, lon", [
    ("Houthi rebels in Yemen fired a ballistic missile at the Saudi city of Taif on Sunday; Saudi forces shot "
     "it down over the city, the kingdom's defence ministry said.", 21.27, 40.42),
    ("A drone launched from Yemen struck an oil plant near Dammam in eastern Saudi Arabia on Sunday, Saudi "
     "state media said.", 26.43, 50.10),
])
def test_a_city_of_a_country_outside_the_region_the_report_names_is_not_drafted_in_a_region_country(text, lat, lon):
    # the region gazetteers have only villages of that name (in Yemen, Iran); the report names Saudi
    # Arabia, where the world gazetteer has the city: it is drafted there, flagged, never in Yemen
    d = draft_report(text, MONDAY).drafts
    assert d and all(x["country"] != "YE" or x["location"] != d[0]["location"] for x in d)
    assert d[0]["country"] == "SA" and _near(d[0], lat, lon)
    assert any("Saudi Arabia" in f for f in d[0]["flags"])


def test_a_sentence_naming_the_targets_near_places_places_the_event_told_before():
    # no cue word of its own: "The targets were ... near X and Y" tells where the strikes of the sentence
    # before hit; ACLED codes a strike "near" a town at that town
    text = ("American jets bombed Iranian-backed militias in eastern Syria on Sunday. The targets were a weapons "
            "depot and a headquarters near the towns of Abu Kamal and Mayadin, the Pentagon said.")
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 2 and {x["location"] for x in d} == {"Abu Kamal", "Mayadin"}
    assert all(x["event_date"] == "2024-04-21" and x["sub_event_type"] == "Air/drone strike" for x in d)


def test_a_province_named_with_a_lowercase_article_settles_an_ambiguous_name():
    # "Deir ez-Zour province": the province's name holds a joined article ("ez-", "az-", "ar-") the
    # province reader must keep, or it reads "Zour" and cannot settle 'Tabni' among its namesakes
    text = ("Gunmen attacked an SDF checkpoint in the town of Tabni on Sunday, killing a guard, a monitor said. "
            "The fighting spread across Syria's eastern Deir ez-Zour province.")
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 35.61, 39.82)
    assert any("the province the report names" in f for f in d[0]["flags"])


def test_a_one_word_name_spelled_another_way_is_settled_by_the_reports_words():
    # 'Sweida' is not how the gazetteer writes As-Suwayda; the geocoder, asked by spelling, is unsure
    # between the governorate's town and villages of a like name elsewhere; "southern Syria" decides
    text = "Hundreds of people marched in Sweida in southern Syria on Friday, chanting slogans against the government."
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 32.71, 36.57)
    assert any("'Sweida' placed at" in f and "southern Syria" in f for f in d[0]["flags"])


@pytest.mark.parametrize("where, after", [("in Raqqa province", ""), ("near Tel Abyad", ""),
                                          ("in northern Syria near the border with Turkey", ""),
                                          ("in northern Syria", " Raqqa province has seen daily shelling since May.")])
def test_a_name_spelled_another_way_with_one_near_spelling_is_placed_by_the_province_or_places_named(where, after):
    # 'Sulook': the geocoder resolves no place so written but offers one near spelling (Suluk, Raqqa);
    # the province the report names (in another sentence: in its own, to_draft asks inside it), a place
    # it names close by, or the border it names confirms it
    text = (f"Turkish artillery shelled the town of Sulook {where} on Sunday, wounding three civilians, a monitor "
            f"said.{after}")
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and _near(d[0], 36.60, 39.13, km=5)
    assert any("'Sulook'" in f and "Suluk" in f for f in d[0]["flags"])


@pytest.mark.parametrize("text", [
    "A Turkish drone struck a car in the Derlok area of the Kurdistan Region on Sunday, killing two people.",
    "A Turkish drone struck a car near Derlok in Iraq's Kurdistan Region on Sunday, killing two people.",
])
def test_the_kurdistan_region_named_confirms_a_near_spelling_in_its_provinces(text):
    # 'Derlok': no place so written; the one near spelling (Dereluk, or Dirah Luk) lies in Duhok, one of the
    # Kurdistan Region's provinces, which the report names as a whole. (The example was 'Derelok' until
    # session 20, when a spelling that differs only in its vowels' letters became the name itself.)
    d = draft_report(text, MONDAY).drafts
    assert len(d) == 1 and d[0]["country"] == "IQ" and _near(d[0], 37.06, 43.65, km=5)
    assert any("'Derlok'" in f and "Kurdistan Region" in f for f in d[0]["flags"])


def test_claim_told_in_a_sentence_of_its_own_names_actor1():
    # nu8: a claim in the report's words, in a sentence with no event word, named nobody
    text = ("Several ballistic missiles hit the Iraqi city of Erbil early on Sunday, local officials said. "
            "Iran's Revolutionary Guards said they had targeted an Israeli base in Erbil. "
            "Nobody was killed, the regional government said.")
    [d] = draft_report(text, date(2022, 3, 14)).drafts
    assert d["location"] == "Erbil" and d["event_date"] == "2022-03-13"
    assert d["actor1"] == "Islamic Revolutionary Guard Corps"
    assert any(f.startswith("actor1 is who claimed the event") for f in d["flags"])
    assert "Iran's Revolutionary Guards said they had targeted an Israeli base in Erbil." in d["evidence"]


def test_claim_without_a_place_names_the_event_told_before():
    text = ("A drone struck the Ain al-Asad air base in Anbar on Tuesday, Iraqi officials said. "
            "Kataib Hezbollah said it had launched the drone.")
    [d] = draft_report(text, MONDAY).drafts
    assert d["actor1"] == "Kataib Hezbollah"


def test_who_reports_is_not_who_claims():
    # "the SDF said" tells, it does not claim; and a claim about another place is not this event's
    text = ("A drone hit a car near Qamishli on Sunday, the SDF said. "
            "Kataib Hezbollah said it had targeted the al-Tanf garrison.")
    [d] = draft_report(text, MONDAY).drafts
    assert d["actor1"] != "Kataib Hezbollah"
    assert not any(f.startswith("actor1 is who claimed") for f in d["flags"])


# Kinds of fault held-out sets 24 and 25 showed (session 11); each text written for its rule.
def _places(text, published=MONDAY):
    return [(d["location"], d["country"], d["geo_status"]) for d in draft_report(text, published).drafts]


def test_a_list_goes_on_after_a_province_word():
    for text in ("US air strikes hit areas of Yemen including Saada province and Hodeidah on Sunday.",
                 "US air strikes hit areas of Yemen including Hodeidah and Saada province on Sunday."):
        assert sorted(p[0] for p in _places(text)) == ["Hodeidah", "Saada"], text
    # a province whose own name has two parts stays one province
    text = "Militants attacked two police stations in Iran's south-eastern Sistan and Baluchestan province on Sunday."
    assert [p[0] for p in _places(text)] == ["Sistan and Baluchestan"]


def test_on_the_road_to_a_town_is_near_it():
    [d] = draft_report("A Turkish air strike hit a car on the road to Sinjar in north-western Iraq on Sunday.",
                       MONDAY).drafts
    assert d["location"] == "Sinjar" and d["geo_precision"] == 2


def test_another_strike_is_another_event():
    text = ("Jordanian warplanes struck sites of drug smugglers in southern Syria on Sunday evening. "
            "A strike on a farm in the southern Suwayda countryside killed four people. "
            "Another strike in the Salkhad area killed a trafficker.")
    assert [p[0] for p in _places(text)] == ["Suwayda", "Salkhad"]


def test_the_event_told_again_at_a_town_of_its_district_or_province_moves_there():
    text = ("Turkish warplanes carried out an air strike in the district of Shingal in northern Iraq on Saturday. "
            "The raid hit the town of Khanasor near the Syrian border, destroying a building.")
    assert [p[0] for p in _places(text)] == ["Khanasor"]
    text = ("Gunmen attacked Syrian Democratic Forces positions in eastern Deir ez-Zor early on Sunday. "
            "The SDF said the attack came from the government-held areas of Sabikhan and Al-Mayadin. "
            "It said its fighters killed 19 attackers, six of them in the town of Dhiban.")
    assert [p[0] for p in _places(text)] == ["Dhiban"]


def test_grenade_and_shooting_in_separate_towns_are_two_events():
    text = ("Unknown assailants killed two people in Daraa province overnight, a local network said. "
            "A man was shot dead in the town of Mahja after midnight. "
            "In the city of Jassem, north of Daraa, a boy died when a hand grenade was thrown at his home.")
    drafts = draft_report(text, MONDAY).drafts
    assert [d["location"] for d in drafts] == ["Mahja", "Jassem"]
    assert drafts[1]["sub_event_type"] == "Grenade"
    assert all(d["country"] == "SY" for d in drafts)        # "north of Daraa" is a landmark, not a third place


def test_a_place_of_a_province_written_with_its_possessive():
    text = ("Islamic State gunmen shot dead two fishermen near a lake in Salahaddin province's Tuz Khurmatu "
            "on Sunday morning, police said.")
    [d] = draft_report(text, MONDAY).drafts
    assert d["location"] == "Tuz Khurmatu"
    assert d["event_type"] == "Violence against civilians"


def test_an_ambassadors_seat_is_no_event_place_but_an_embassy_is():
    text = ("An Iraqi MP condemned Turkish bombing raids in the Kurdistan Region on Sunday and asked the government "
            "to summon the Turkish ambassador in Baghdad.")
    assert "Baghdad" not in [p[0] for p in _places(text)]
    text = "Protesters rallied outside the US embassy in Amman on Sunday, demanding an end to the war."
    assert [p[0] for p in _places(text)] == ["Amman"]


def test_a_clause_with_while_in_names_another_place():
    text = ("On July 14 protesters stormed the provincial government building in Kerbala, while in Najaf "
            "demonstrators forced their way into the airport.")
    assert sorted(p[0] for p in _places(text, date(2018, 7, 15))) == ["Kerbala", "Najaf"]


def test_a_killing_told_after_a_sentence_that_places_it():
    text = ("A refugee was found dead in Syria's al-Hol camp on Sunday. "
            "Security forces found her body, shot in the head, in the camp's first section, a local agency reported.")
    [d] = draft_report(text, MONDAY).drafts
    assert d["location"] == "al-Hol camp" and d["country"] == "SY"


# Kinds of fault held-out sets 26 and 27 and the nu9 trial showed (session 11); each text written for its rule.
def test_a_claim_with_an_appositive_names_actor1():
    text = ("Militants fired rockets at the Ain al-Asad air base in western Anbar province on Saturday, US officials said. "
            "The Islamic Resistance in Iraq, an umbrella group of armed factions, claimed responsibility.")
    [d] = draft_report(text, MONDAY).drafts
    assert d["actor1"] == "Islamic Resistance in Iraq"


def test_a_capitals_government_idiom_is_no_place():
    text = ("A drone strike, which Baghdad laid at Ankara's door, hit the airfield at Arbat, south-east of "
            "Sulaymaniyah, on Saturday.")
    drafts = draft_report(text, MONDAY).drafts
    assert [(d["location"], d["country"]) for d in drafts] == [("Arbat", "IQ")]       # the landmark's direction
    assert abs(drafts[0]["latitude"] - 35.42) < 0.1


def test_what_the_verb_hit_is_the_place_not_where_the_guns_stood():
    [d] = draft_report("On 17 April Israeli artillery on the Golan shelled the town of Zakiya, south of Damascus.",
                       MONDAY).drafts
    assert d["location"] == "Zakiya" and d["country"] == "SY" and d["event_date"] == "2024-04-17"


def test_a_square_of_a_city_is_placed_at_the_city():
    text = "Thousands rallied in Baghdad's Tahrir Square on Sunday, demanding justice for killed activists."
    [d] = draft_report(text, MONDAY).drafts
    assert d["location"] == "Baghdad" and d["geo_precision"] == 2


def test_a_border_village_is_the_one_on_the_border():
    text = ("Two civilians were killed on Sunday when an Israeli strike hit their home in the border village of "
            "Houla, Lebanon's news agency reported.")
    [d] = draft_report(text, MONDAY).drafts
    assert d["location"] == "Houla" and d["country"] == "LB" and d["latitude"] < 33.3


def test_a_crowd_breaking_in_is_a_riot_and_gunmen_breaking_in_are_not():
    text = "Hundreds of protesters broke into Baghdad's Green Zone on Sunday and smashed windows in parliament."
    [d] = draft_report(text, MONDAY).drafts
    assert d["event_type"] == "Riots"
    text = "Gunmen broke into a house in Kirkuk on Sunday and shot dead two brothers."
    assert [d["event_type"] for d in draft_report(text, MONDAY).drafts] != ["Riots"]


def test_a_village_the_gazetteer_lacks_in_a_named_district_is_flagged():
    text = ("A Turkish drone struck a clinic in Iraq's Sinjar on Sunday, killing eight people. "
            "The drone hit a hospital in the village of Sikeniye in Iraq's Sinjar district, local officials said.")
    [d] = draft_report(text, MONDAY).drafts
    assert d["location"] == "Sinjar" and d["geo_precision"] == 2
    assert any("'Sikeniye' not found" in f for f in d["flags"])


def test_governments_in_a_dispute_are_no_places_and_the_camp_told_before_is():
    text = ("A Turkish drone struck the Makhmour refugee camp in Erbil province on Friday, wounding a woman. "
            "It was the second strike on the camp in a week: another drone attack on Saturday wounded three people. "
            "The camp, in an area disputed between Baghdad and Erbil, houses 12,000 refugees.")
    drafts = draft_report(text, date(2023, 10, 13)).drafts
    assert [d["location"] for d in drafts] == ["Makhmour", "Makhmour"]
    assert [d["event_date"] for d in drafts] == ["2023-10-13", "2023-10-07"]


def test_a_capital_is_never_a_like_named_town_of_the_province_beside_it():
    text = ("Air defences over the Iranian city of Isfahan shot down three drones on Friday, and flights were halted at "
            "several airports including Tehran and Isfahan.")
    drafts = draft_report(text, date(2024, 4, 19)).drafts
    assert all(not (d["location"] == "Tehran" and d["latitude"] is not None and d["latitude"] < 34) for d in drafts)


# Kinds read from held-out sets 28/29's misses after their one measurement (session 11).
def test_the_hospital_the_wounded_were_taken_to_is_no_event_place():
    text = ("An Islamic State attack north of Tarmiya on Monday killed 21 people; the victims were taken to hospital "
            "in Dujail, officials said.")
    assert "Dujail" not in [d["location"] for d in draft_report(text, MONDAY).drafts]


def test_a_town_in_the_province_the_report_names_is_no_namesake():
    text = ("Jets of the US-led coalition bombed the town of Hajin in eastern Deir Ezzor province late on Thursday, "
            "killing seven civilians, local sources said.")
    [d] = draft_report(text, MONDAY).drafts
    assert d["location"] == "Hajin" and abs(d["latitude"] - 34.69) < 0.05


def test_nearness_never_turns_a_like_spelling_into_the_name():
    import json
    from pathlib import Path
    labelled = json.loads((Path(__file__).parent / "data" / "labelled_reports.json").read_text(encoding="utf-8"))
    report = next(r for r in labelled["reports"] if r["id"] == "OA06")     # held-out 28's roundup of 1 May 2018
    text, published = report["text"], date.fromisoformat(report["published"])
    jalawla = [d for d in draft_report(text, published).drafts if d["location"] == "Jalawla"]
    # Jalal, 39 km from Buhriz, is no answer for Jalawla; the town itself or nothing
    assert all(d["latitude"] is None or abs(d["latitude"] - 34.27) < 0.1 for d in jalawla)


# Kinds the nu10 trial showed (end of session 11).
def test_a_direction_said_elsewhere_does_not_overrule_the_place_named_beside_it():
    text = ("A Turkish drone strike hit a clinic in the village of Sikeniye in the Sinjar district of northern Iraq on "
            "Tuesday, killing eight people. The strike came a day after another drone killed a commander near Sinuni.")
    sinuni = [d for d in draft_report(text, date(2021, 8, 18)).drafts if d["location"] == "Sinuni"]
    assert sinuni and all(d["latitude"] is None or abs(d["latitude"] - 36.47) < 0.1 for d in sinuni)   # not Erbil's


def test_a_bomb_hidden_in_a_motorcycle_is_an_ied():
    text = "A bomb hidden in a motorcycle exploded on Thursday near a shrine south of Damascus, killing six people."
    [d] = draft_report(text, MONDAY).drafts
    assert d["sub_event_type"] == "Remote explosive/landmine/IED"


# Kinds held-out sets 30 and 31 showed (session 12).
def test_a_name_spelled_otherwise_in_a_sentence_naming_its_province_is_asked_inside_it():
    # "near Shiladze, a sub-district of Duhok province": the gazetteer spells it "Kumelgeha Shiladze"; the
    # draft had stood for the whole province
    for text in ("A Turkish air strike on Friday hit a checkpoint near Shiladze, a sub-district of Duhok province, "
                 "killing three civilians.",
                 "A Turkish air strike on Friday hit a checkpoint in Shiladze in Duhok province, killing three people."):
        [d] = draft_report(text, date(2020, 6, 20)).drafts
        assert d["location"] == "Shiladze" and abs(d["latitude"] - 37.03) < 0.05 and abs(d["longitude"] - 43.77) < 0.05
        assert d["geo_precision"] == 2 and any("not found as written" in f for f in d["flags"])


def test_nearness_never_builds_on_a_place_found_only_by_spelling():
    # "the Balanda valley" is found only as Bilmanday, by spelling: no ground to take the Sidan near it
    text = ("A Turkish air strike on Friday hit a checkpoint in Duhok province, killing three civilians. The men had "
            "been stopped near the village of Sidan when the checkpoint was bombed. Smoke rose over the Balanda valley.")
    drafts = draft_report(text, date(2020, 6, 20)).drafts
    assert not [d for d in drafts if d["latitude"] is not None and abs(d["latitude"] - 36.335) < 0.05
                and abs(d["longitude"] - 43.867) < 0.05]


def test_every_name_of_a_list_the_cue_governs_is_a_place():
    # "the villages of A, B and C": not only the first; a name spelled otherwise (Dardarah) found too
    text = ("Turkish forces shelled the villages of Umm Kahf and Dardara near Tel Tamr in north-east Syria "
            "on Thursday, damaging homes.")
    drafts = draft_report(text, date(2022, 4, 22)).drafts
    dardara = [d for d in drafts if d["location"] == "Dardara"]
    assert dardara and abs(dardara[0]["latitude"] - 36.83) < 0.05 and abs(dardara[0]["longitude"] - 40.17) < 0.05


def test_the_province_before_towns_of_holds_the_towns_each_an_event():
    # "the Idlib towns of Binnish, Salqin and al-Atarib": three places of protest, not Idlib; al-Atarib, 22 km
    # from Binnish, is another town, not the same place
    text = "Protests broke out on Friday in the Idlib towns of Binnish, Salqin and al-Atarib in Syria."
    drafts = draft_report(text, date(2024, 5, 18)).drafts
    assert [d["location"] for d in drafts] == ["Binnish", "Salqin", "al-Atarib"]


def test_a_road_between_two_cities_gives_no_event_at_the_second():
    text = ("Turkish-backed forces shelled the town of Tal Tamr on Monday as well as the M4 highway "
            "between Aleppo and Hasakah, a war monitor said.")
    assert "Hasakah" not in [d["location"] for d in draft_report(text, date(2022, 4, 12)).drafts]


def test_a_direction_said_in_another_sentence_does_not_pick_a_look_alike():
    # Minaz (Aleppo) is not in the gazetteer; its look-alikes are in Turkey and Syria: "southern Turkey",
    # said of the earthquakes in another sentence, is no ground to place it in Mersin
    text = ("A Turkish drone hit a car on Sunday in the western countryside of Kobani, killing an SDF fighter. The car "
            "was struck near the village of Minaz, west of the town. The strike came a week after the earthquakes "
            "that devastated southern Turkey.")
    drafts = draft_report(text, date(2023, 2, 12)).drafts
    assert not [d for d in drafts if d["country"] == "TR" and d["latitude"] is not None]


def test_the_story_told_before_on_another_day_is_another_event_there():
    # ACLED: one event per place and day; the second sentence names no place, and a day of its own
    text = ("Dozens of protesters were wounded on Wednesday night when security forces fired tear gas at a sit-in in "
            "the southern Iraqi city of Nasiriyah. Guards had opened fire on protesters outside the governor's office "
            "on Monday.")
    drafts = draft_report(text, date(2021, 2, 25)).drafts
    assert sorted(d["event_date"] for d in drafts) == ["2021-02-22", "2021-02-24"]
    assert all(d["location"] == "Nasiriyah" and abs(d["latitude"] - 31.04) < 0.05 for d in drafts)
    assert any("on another day: check it" in f for d in drafts for f in d["flags"])


def test_a_date_before_after_the_event_dates_the_reply_not_the_event():
    text = ("Iraq demanded an apology from Turkey on Saturday after an apparent drone strike near the airport of the "
            "city of Sulaymaniyah on Friday, officials said.")
    assert [d["event_date"] for d in draft_report(text, date(2023, 4, 8)).drafts] == ["2023-04-07"]


def test_hours_earlier_than_a_dated_statement_is_that_day():
    text = ("Damascus warned on Sunday that continued Israeli attacks could lead to uncontrollable consequences. "
            "Hours earlier, Israeli missiles hit a residential building in the Kafr Sousa area of Damascus, the "
            "defence ministry said.")
    assert [(d["event_date"], d["date_precision"]) for d in draft_report(text, date(2024, 7, 15)).drafts] == \
        [("2024-07-14", 1)]


def test_the_direction_from_a_landmark_comes_before_a_province_named_for_another_place():
    # "from al-Hamdaniyah in Nineveh province": Nineveh is the launch site's; Khabat is the one west of Erbil
    text = ("Six rockets launched from al-Hamdaniyah in Nineveh province landed in Khabat district, west of Erbil, "
            "on Sunday, officials said. A worker at the Khabat oil refinery said the attack set an oil tank on fire.")
    drafts = draft_report(text, date(2022, 5, 1)).drafts
    assert len(drafts) == 1          # the second 'Khabat' is the same place, the same attack
    [d] = drafts
    assert abs(d["latitude"] - 36.27) < 0.05 and abs(d["longitude"] - 43.68) < 0.05
    assert d["origin_location"] == "al-Hamdaniyah"


def test_a_place_found_only_by_spelling_never_holds_a_place_found_by_its_name():
    # "the Galilee" is found only as a like spelling (Al Khalil, Hebron); Kfar Saba, found by its name, is
    # not a namesake to be moved there. "Bedouin", a people, is no place either.
    text = "Hezbollah drones hit the Bedouin village of Kfar Saba in the Galilee on Wednesday, wounding 18 people."
    [d] = draft_report(text, date(2024, 4, 17)).drafts
    assert d["location"] == "Kfar Saba" and abs(d["latitude"] - 32.18) < 0.05 and d["geo_precision"] == 1


def test_a_village_not_found_a_few_km_from_a_landmark_is_placed_near_the_landmark():
    # not at a like spelling 80 km off in the province, and "the northern Aleppo countryside" is the
    # province, not the city of Aleppo holding Manbij
    text = ("Turkish-backed fighters attacked the village of Aarab Hassane, a few kilometres northwest of Manbij in the "
            "northern Aleppo countryside, on Thursday, a war monitor said.")
    [d] = draft_report(text, date(2023, 9, 8)).drafts
    assert abs(d["latitude"] - 36.53) < 0.05 and abs(d["longitude"] - 37.95) < 0.05 and d["geo_precision"] == 2
    assert any("landmark" in f for f in d["flags"])


@pytest.mark.parametrize("text, published, places", [
    ("Suspected US air strikes killed four people in Yemen's capital Sanaa on Sunday, the health ministry said. The "
     "Houthis said the strikes had also killed two people in their northern stronghold of Saada.",
     date(2025, 4, 6), {"Sanaa", "Saada"}),
    ("A Hezbollah drone struck Metula in northern Israel on Tuesday, wounding two people. Shortly before, the Israeli "
     "army said its aircraft had struck a Hezbollah building in the Nabatiyeh area of southern Lebanon.",
     date(2024, 8, 6), {"Metula", "Nabatiyeh"}),
])
def test_the_event_told_again_at_another_town_with_its_own_toll_or_country_is_another_event(text, published, places):
    assert {d["location"] for d in draft_report(text, published).drafts} >= places


def test_a_new_place_named_beside_the_event_told_before_is_another_strike():
    text = ("US jets struck two sites in eastern Syria on Friday, the Pentagon said. Two F-16s hit weapons stores near "
            "Boukamal. A local outlet said the main target was an area outside the town of Mayadeen, and that a second "
            "strike hit the Boukamal area on the Iraqi border.")
    drafts = draft_report(text, date(2023, 10, 27)).drafts
    assert sorted(d["location"] for d in drafts) == ["Boukamal", "Mayadeen"]     # one each, Boukamal not twice


def test_a_place_in_the_capital_named_by_the_possessive_is_in_the_capital():
    text = ("Jordanian police detained dozens of teachers on Wednesday who tried to stage a sit-in at the capital's "
            "Fourth Circle, officials in Jordan said.")
    drafts = draft_report(text, date(2020, 7, 29)).drafts
    assert [d["location"] for d in drafts] == ["Amman"] and abs(drafts[0]["latitude"] - 31.95) < 0.1


def test_others_who_died_add_to_the_victim_told_before_and_a_quarter_is_not_a_village_20_km_off():
    # nu11: Musharafieh (a quarter of Beirut the gazetteer lacks) had been drafted at El Mechref, a village of a
    # like spelling 20 km off in the Chouf, at 0.96; and 6 dead for 7
    text = ("A drone strike on an apartment in the southern Beirut suburb of Dahiyeh killed Hamas deputy leader Saleh "
            "al-Arouri on Tuesday evening, Lebanese security sources said. Six other people, including two commanders "
            "of the group's armed wing, died in the blast in the Musharafieh neighbourhood.")
    [d] = draft_report(text, date(2024, 1, 3)).drafts
    assert abs(d["latitude"] - 33.85) < 0.1 and abs(d["longitude"] - 35.50) < 0.05     # Beirut, not the Chouf
    assert d["fatalities"] == 7


def test_the_troops_a_base_hosts_are_the_second_actor():
    # nu11: "bases in Iraq that host American troops" left actor2 empty
    text = ("Iran fired ballistic missiles early on Wednesday at the Ain al-Asad air base in Iraq, which hosts "
            "American troops, officials said.")
    [d] = draft_report(text, date(2020, 1, 8)).drafts
    assert d["actor2"] == "Military Forces of the United States (2021-)"
