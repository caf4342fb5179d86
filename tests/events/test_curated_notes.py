"""The curated events' notes and fatalities say the same thing (events/data/README.md, "Caveats"):
0 = the report said there were no casualties (or only injuries); empty = no figure was published."""
import re

import pandas as pd

from events import CURATED_PATH

NONE_SAID = re.compile(r"\b(?:no casualties|without casualties|no one was (?:killed|hurt)|no deaths)\b", re.I)


def test_notes_saying_nobody_was_hurt_go_with_zero_fatalities():
    rows = pd.read_csv(CURATED_PATH, dtype=str, keep_default_na=False)
    said_none = rows[rows["notes"].str.contains(NONE_SAID)]
    assert len(said_none) >= 4   # the rule still reads the notes (CM0001, CM0007, CM0011, CM0012, CM0019)
    assert (said_none["fatalities"] == "0").all(), said_none[["event_id", "fatalities", "notes"]].to_string()


def test_cm0036_says_what_its_source_says():
    """Sputnik International (citing Reuters), 22 April 2024, the row's source: the coalition aircraft's strike
    on the launcher in Zummar, with no casualty figure for it ("no American personnel were injured" is
    about the attack on Rumalyn, CM0035)."""
    row = pd.read_csv(CURATED_PATH, dtype=str, keep_default_na=False).set_index("event_id").loc["CM0036"]
    assert row["fatalities"] == "" and not NONE_SAID.search(row["notes"])
    assert "no casualty figure" in row["notes"]
