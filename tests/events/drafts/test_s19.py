"""Kinds of fault found in session 19, from held-out sets 46 and 47 (ID01-ID25, OE01-OE25, read after two
measurements unread). Each case is written here in new words, so each test is the kind, not the labelled report."""
from events.drafts import cues as C

from .helpers import drafts as _drafts, near as _near


def test_the_houthis_name_yemen():
    # ID20: "Israeli air strikes on the Houthi-held port city of Hodeidah" gave no draft: the report named only Israel,
    # so Yemen's gazetteer was never searched
    (d,) = _drafts("Israeli warplanes struck fuel depots in Hodeidah on Saturday, the Houthis said.", "2024-07-21")
    assert d["country"] == "YE" and _near(d, 14.80, 42.95) and d["event_date"] == "2024-07-20"


def test_a_site_of_a_town_is_in_the_town():
    # ID11: "a car bomb exploded in the fruit market of Afrin" gave no draft
    (d,) = _drafts("A motorcycle bomb went off in the main market of Manbij on Friday, killing four people.",
                   "2019-05-11")
    assert d["country"] == "SY" and _near(d, 36.53, 37.95) and d["fatalities"] == 4


def test_a_site_identified_by_someone_as_a_name():
    # ID24: "a base in north-eastern Jordan, identified by a person familiar with the matter as Tower 22" gave no draft
    (d,) = _drafts("Rockets hit a base in western Iraq on Tuesday, identified by two US officials as Ain al-Asad.",
                   "2024-08-07")
    assert d["country"] == "IQ" and _near(d, 33.80, 42.44)


def test_a_place_described_with_a_name_of_its_own_stays_in_the_list():
    # OE09: "US strikes on Saada, the Red Sea port city of Hodeida and Marib province": Hodeida was lost
    drafts = _drafts("Israeli strikes hit Tyre, the Mediterranean port city of Sidon and Nabatieh on Monday.",
                     "2024-10-01")
    assert len(drafts) == 3 and any(_near(d, 33.56, 35.37) for d in drafts)


def test_an_explosion_whose_cause_the_sentence_tells_has_that_cause():
    # OE01: "Loud explosions were heard in Latakia, amid reports that Israeli aircraft had struck the city's port"
    # was drafted as an explosion of unknown cause ("Strategic developments / Other")
    (d,) = _drafts("Explosions hit the outskirts of Homs on Monday night after Israeli jets struck an air defence site, "
                   "Syrian state media said.", "2023-03-07")
    assert (d["event_type"], d["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")


def test_the_event_named_again_at_its_place_is_the_one_told_there():
    # OE01: after blasts in Latakia, then on the outskirts of Baniyas, "the raid on Latakia" made a third draft, and
    # the Baniyas blast, told again with its cause, a fourth
    drafts = _drafts("Explosions were heard in Tartus on Tuesday after Israeli aircraft struck a depot. Two blasts were "
                     "also reported near Jableh. Israeli media said the raid on Tartus destroyed a weapons store and "
                     "that a radar near Jableh had been targeted.", "2024-05-14")
    assert len(drafts) == 2
    assert any(_near(d, 34.89, 35.89) for d in drafts) and any(_near(d, 35.36, 35.93) for d in drafts)
    assert all(d["sub_event_type"] == "Air/drone strike" for d in drafts)


def test_a_blast_explained_in_the_next_sentence_is_one_event_of_that_kind():
    # OE05: "Twin explosions ripped through a street in western Raqqa ... A landmine blew up first, followed by a car
    # bomb" stayed an explosion of unknown cause
    (d,) = _drafts("Two explosions tore through a market in Jarablus on Sunday, killing six people. A roadside bomb "
                   "went off first, then a motorcycle bomb.", "2019-06-03")
    assert d["sub_event_type"] == "Remote explosive/landmine/IED" and d["fatalities"] == 6


def test_a_body_reacting_from_its_seat_is_no_event_there():
    # OE24: "The Kurdistan Regional Government in Erbil condemned the attack" drafted the Ankara bombing at Erbil
    drafts = _drafts("A suicide bomber struck a police station in Diyarbakir on Monday, killing two officers. The "
                     "regional government in Erbil condemned the attack.", "2016-05-10")
    assert [d["country"] for d in drafts] == ["TR"] and _near(drafts[0], 37.91, 40.23)


def test_a_skirmish_that_kills_is_a_clash():
    # ID06: "an altercation near the Turkish border in Duhok province's Zakho on Friday left two Iraqi border guards
    # dead" was no event
    drafts = _drafts("Turkish jets bombed PKK hideouts in the Qandil mountains on Wednesday. Separately, a skirmish "
                     "near the Syrian border in Nineveh province's Rabia on Saturday left three border guards dead.",
                     "2023-06-05")
    rabia = [d for d in drafts if _near(d, 36.80, 42.10)]
    assert len(rabia) == 1 and rabia[0]["event_type"] == "Battles" and rabia[0]["event_date"] == "2023-06-03"
    assert rabia[0]["fatalities"] == 3


def test_a_town_after_its_provinces_possessive_is_the_place():
    # ID06's kind: "in Duhok province's Zakho" placed Zakho, but a province the gazetteer knows only as an admin1
    # ("Nineveh province's Sinjar") hid the town: the draft fell back to the province, 60 km off
    (d,) = _drafts("An IED killed two soldiers in Nineveh province's Sinjar on Tuesday.", "2021-03-10")
    assert _near(d, 36.32, 41.86) and d["geo_precision"] == 1


def test_relatives_named_by_a_possessive_are_counted():
    # OE15 "killed a man and his wife" gave 1; OE06 "a mother and her son were killed" gave none
    assert C.fatalities("Shelling on Kfar Kila on Sunday killed a farmer and his son.") == 2
    assert C.fatalities("A woman and her two daughters were killed when the shell hit.") == 3
    assert C.fatalities("The strike killed a man and their children.") == 1      # "their children": no count
    # OE06: "An official of the Asayish internal security forces in north-east Syria was killed" gave none
    assert C.fatalities("A member of the Asayish police in Hasakah was killed on Monday when his car blew up.") == 1
    assert C.fatalities("A man was wounded in Hasakah on Monday.") is None
