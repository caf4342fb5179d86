"""Kinds of fault found in session 15, from held-out sets 38 and 39 (OC01-OC25, IC01-IC25, read after their
measurements) and the session's new-user trial. Each case is written here in new words, so each test is the
kind, not the labelled report."""
import datetime as dt

from events.drafts import draft_report
from geodata.geo import distance_km


def _drafts(text: str, published: str) -> list[dict]:
    return draft_report(text, dt.date.fromisoformat(published)).drafts


def _near(d: dict, lat: float, lon: float, km: float = 25) -> bool:
    return d["latitude"] is not None and distance_km(d["latitude"], d["longitude"], lat, lon) <= km


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
