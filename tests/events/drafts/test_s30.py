"""Faults found in session 30 (the last new user's trial, and the sets read after their unread measurement), each
written as the kind, in words of its own."""
from .helpers import drafts as _drafts, only_near as _only_near


# coordinates: Wikipedia's article of each place (degrees, rounded)
MAYADIN = (35.02, 40.45)
TIKRIT = (34.60, 43.68)
NABATIEH = (33.38, 35.48)
REYHANLI = (36.27, 36.57)
SILOPI = (37.25, 42.47)
BAIJI = (34.93, 43.49)


def test_a_raid_detaining_someone_is_an_arrest():
    # nu33: "helicopters carried out a raid near al-Sour ..., detaining a suspected IS leader" was an attack of a type
    # not stated; a raid told by those it detained is ACLED's Strategic developments / Arrests
    found = _drafts("Iraqi special forces carried out a night raid in Tikrit on Tuesday, arresting two men suspected of "
                    "financing militants.", "2019-05-02")
    drafted = _only_near(found, TIKRIT)
    assert (drafted["event_type"], drafted["sub_event_type"]) == ("Strategic developments", "Arrests")


def test_militant_cells_attacking_a_checkpoint_is_an_armed_clash():
    # nu33: "Suspected Islamic State cells attacked a Syrian Democratic Forces checkpoint" was typed Explosions/Remote
    # violence with no sub-event type: cells, like gunmen or militants, are an armed group attacking a state's post
    found = _drafts("Jihadist cells attacked an army checkpoint outside Mayadin late on Monday, killing three soldiers, "
                    "a monitor said.", "2021-08-11")
    drafted = _only_near(found, MAYADIN)
    assert (drafted["event_type"], drafted["sub_event_type"]) == ("Battles", "Armed clash")


def test_a_strike_on_the_road_between_two_towns_followed_by_its_verb_is_near_the_first():
    # nu33: "on the road between Bint Jbeil and Aitaroun killed three people" was drawn at Bint Jbeil at precision 1:
    # the road's second end was only read as such before a comma or a few words, not before the sentence's verb
    found = _drafts("A drone strike on a motorcycle on the road between Nabatieh and Kfar Roummane wounded two men on "
                    "Thursday, Lebanese media said.", "2024-10-05")
    drafted = _only_near(found, NABATIEH)
    assert drafted["geo_precision"] == 2
    assert any("on the road between" in f for f in drafted["flags"])


def test_rockets_fired_from_a_neighbours_territory_give_the_origin_country():
    # nu33: "Two rockets fired from Syrian territory landed in ... Kilis" had no origin: a country's land named by
    # its adjective is where the attack came from, with no place to draw
    found = _drafts("Three mortar rounds fired from Syrian territory struck the Turkish border town of Reyhanli on "
                    "Saturday, wounding a child, the governor said.", "2015-07-19")
    drafted = _only_near(found, REYHANLI)
    assert drafted["origin_country"] == "SY"
    assert drafted["origin_latitude"] is None


def test_soldiers_killed_with_no_state_named_are_the_events_states_forces():
    # nu33: "two soldiers were killed when an improvised explosive device went off ... Lice" gave no side hit;
    # soldiers a report names with no word of whose are, when hit, the forces of the state the event is in
    found = _drafts("Four soldiers were killed on Sunday when a roadside bomb exploded near Silopi, the army said.",
                    "2016-06-13")
    assert _only_near(found, SILOPI)["actor2"] == "Military Forces of Turkey"
    found = _drafts("A roadside bomb exploded near the town of Baiji on Sunday, killing two soldiers, police said.", "2016-06-13")
    assert _only_near(found, BAIJI)["actor2"].startswith("Military Forces of Iraq")


def test_soldiers_named_by_a_group_are_not_the_states_forces():
    # the rule above, bounded: "Kurdish soldiers" (peshmerga) and "coalition troops" are not the state's own
    found = _drafts("Two Kurdish soldiers were killed on Sunday when a roadside bomb exploded near the town of Baiji, officials "
                    "said.", "2016-06-13")
    assert not _only_near(found, BAIJI)["actor2"].startswith("Military Forces of Iraq")
