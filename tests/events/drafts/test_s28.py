"""Faults found in session 28 (the last new user's trial, and the sets read after their unread measurement), each
written as the kind, in words of its own."""
from .helpers import drafts as _drafts, only_near as _only_near


# coordinates: Wikipedia's article of each place (degrees, rounded)
SILOPI = (37.25, 42.47)


def test_the_unit_a_blast_is_told_beside_is_the_side_hit():
    # nu31 M2: "a bomb went off next to an Iraqi army patrol" named no side hit
    found = _drafts("An explosive device went off beside a Turkish army convoy near Silopi on Thursday, wounding three "
                    "soldiers, the governor's office said.", "2016-05-13")
    assert _only_near(found, SILOPI)["actor2"].startswith("Military Forces of Turkey")


def test_a_province_named_only_in_another_sentence_is_said_to_be_so():
    # nu31 M4: the flag said the Hamrin mountains lay in "the province the report names", which the report had named
    # for another event in the sentence before
    found = _drafts("Police said a sniper shot a farmer near Daquq in Kirkuk province on Monday. On Wednesday, gunmen "
                    "stormed a checkpoint in the Hamrin area, wounding two soldiers.", "2016-05-16")
    hamrin = [d for d in found if d["location"] == "Hamrin"]
    assert hamrin and all(any("the province the report names in another sentence" in f for f in d["flags"])
                          for d in hamrin)
