"""An attack 'fired from <country>' has a country-level origin: the drafter writes origin_country alone,
and that draft must be accepted as drafted (nu8: 'origin_country is given but origin_location is empty'
refused the drafter's own draft, so nothing could be stored)."""
import datetime as dt

from events.drafts import draft_report
from events.store.store import check_record


def test_a_draft_with_only_the_origin_country_can_be_stored():
    text = ("A dozen ballistic missiles fired from Iran struck Erbil in northern Iraq early on Sunday, "
            "the Kurdistan Region's interior ministry said.")
    drafts = draft_report(text, dt.date(2022, 3, 13)).drafts
    erbil = [d for d in drafts if d["location"] == "Erbil"]
    assert len(erbil) == 1
    d = erbil[0]
    assert d["origin_country"] == "IR" and d["origin_location"] == "" and d["origin_latitude"] is None
    record = {**d, "event_id": "T1", "source": "a test"}
    checked = check_record(record, "draft T1")     # raises InvalidEvent when refused
    assert checked["origin_country"] == "IR" and checked["origin_location"] == ""
