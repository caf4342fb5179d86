"""Faults found in session 27 (a new user's trial, and sets 74 and 76 read after their unread measurement), each
written as the kind, in words of its own."""
from .helpers import drafts as _drafts, only_near as _only_near


# coordinates: Wikipedia's article of each place (degrees, rounded)
CIZRE = (37.33, 42.19)
SILOPI = (37.25, 42.47)
TIKRIT = (34.60, 43.68)
BAIJI = (34.93, 43.49)


def test_the_night_before_counts_back_from_the_event_told_before():
    # "The night before, ..." had been dated the day before publication, not the night before the strikes' day
    found = _drafts("Turkish jets struck PKK positions in the town of Cizre on Tuesday, the army said. The night before, "
                    "a rocket hit a police station in Silopi, wounding two officers.", "2016-05-12")
    assert _only_near(found, CIZRE)["event_date"] == "2016-05-10"
    assert _only_near(found, SILOPI)["event_date"] == "2016-05-09"


def test_the_night_before_later_in_the_sentence_counts_back_as_well():
    found = _drafts("Iraqi forces shelled militant positions near Tikrit on Sunday. A car bomb exploded at a checkpoint "
                    "in Baiji the night before, killing four soldiers, officials said.", "2015-03-10")
    assert _only_near(found, TIKRIT)["event_date"] == "2015-03-08"
    assert _only_near(found, BAIJI)["event_date"] == "2015-03-07"
