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
    assert "first draft on this machine" in first.err and os.environ["CONFLICTMAP_DATA_DIR"] in first.err
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
