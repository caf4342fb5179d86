"""Mentions -> events: ``_assemble`` merges the mentions of a report, in reading order, into events ("the
attack", "It killed ..." refer back to the event told before; a new mention joins it when its type, date and
places agree; one event per place and day), with the helpers only it uses: whether a mention fits an event
(``_family_fits``, ``_place_fits``, ``_dates_agree``, ``_deaths_fit``, ``_told_apart``), filling an event
from a mention (``_fill``), tolls over several places (``_tolls_by_place``) and the headline told again by
the lead (``_without_headline_twin``)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from geodata.geo import distance_km
from geodata.normalize import fold

from . import cues as C
from .dates import DAY, EXPLICIT, MONTH, RELATIVE, WEEK, ResolvedDate
from .geometry import _angle_between, _bearing
from .model import (Event, Mention, PlaceRef, _distinct_towns, _key, _names_province, _same_admin1, _same_place,
                    _spelled_only, _without_feature)

if TYPE_CHECKING:
    from .draft import _Context

# A sentence telling another event of another kind at the same place or day
_SEPARATE = re.compile(r"\b(?:also|separately|in\s+a\s+separate\s+\w+|hours\s+later|later\s+(?:that|the\s+same)\s+day|"
                       r"meanwhile|elsewhere)\b", re.I)
# "Another strike hit ...", "A second drone struck ...": the sentence tells an event other than the one before
_ANOTHER = re.compile(r"^\W*(?:in\s+)?(?:another|a\s+(?:second|third|fourth|further))\b", re.I)
# "The incident took place on April 7", "The attack happened late on Sunday": the day of the event told before
_TOOK_PLACE_ON = re.compile(r"\s*(?:The|This|That|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|"
                            r"Saturday's)\s+(?:incident|attack|assault|strike|airstrike|air\s+strike|blast|explosion|"
                            r"bombing|shelling|raid|ambush|clash|clashes|fighting)\s+(?:took\s+place|happened|occurred)\s+"
                            r"(?:late\s+|early\s+)?(?:on|in)\s")
_OVERNIGHT = re.compile(r"\b(?:overnight|over\s+night)\b", re.I)
_SAME_AREA = re.compile(r"\b(?:in|at|near)\s+the\s+same\s+(?:area|town|city|village|district|place|region)\b", re.I)


# A toll told again: "the total death toll had risen to 13", "the toll rose to nine", "the toll was revised to 95"
_TOLL_ROSE = re.compile(r"\b(?:death\s+)?toll\s+(?:has\s+|had\s+|was\s+)?(?:risen|rose|climbed|increased|jumped|reached|"
                        r"revised|lowered|fell)\s+(?:\w+\s+)?to\b", re.I)


def _told_apart(e: Event, m: Mention) -> bool:
    """A mention that reads as the event told before ("the strikes", "its aircraft had struck") but places
    itself at another town more than DISTINCT_KM away, in another country or with its own toll beside the
    event's: another event (Z09: "strikes overnight had killed two people ... in Saada", after four killed in
    Sanaa; Z11: "its aircraft had struck a building in the Nabatiyeh area of southern Lebanon", after a drone
    hit a town in Israel)."""
    loc = m.places.get("location")
    if loc is None or e.location is None or loc.role == "landmark" or e.location.status != "resolved" \
            or loc.status != "resolved" or loc.point is None or e.location.point is None or _spelled_only(loc):
        return False      # (a place taken by a like spelling is a guess: it never splits an event)
    if any(_same_place(p, e.location) for p in m.more) and not _same_place(loc, e.location):
        # "the main target was an area outside Mayadeen, and a second strike hit the Boukamal area": the event
        # told before is named again beside another place; that place is another strike's (X14)
        return True
    if not _distinct_towns(e.location, loc) or loc.role == "near":
        return False
    return (loc.country is not None and e.location.country is not None and loc.country != e.location.country) or (
        m.fatalities is not None and e.fatalities is not None)


def _place_fits(event_place: PlaceRef | None, event_country: str | None, place: PlaceRef | None,
                country: str | None) -> bool:
    if place is None and country is None:
        return True
    if (event_place is not None and event_place.status != "resolved" and event_place.text.endswith(" province")
            and place is not None and place.status == "resolved" and place.country in event_place.countries):
        return True           # "in Sistan and Baluchestan province" (not found) ... "in Chabahar"
    if event_place is not None and event_place.region and place is not None and place.country == event_place.country:
        pa, pb = event_place.point, place.point
        if pa is None or pb is None or distance_km(pa[0], pa[1], pb[0], pb[1]) <= 150:
            return True       # "in northern Babil" ... "in Jurf al-Nasr"
        inside = getattr(place.result, "admin1", None)
        if inside and fold(inside) in (fold(getattr(event_place.result, "name", "") or ""),
                                       fold(getattr(event_place.result, "admin1", "") or "")):
            return True       # a large province: the geocoder puts the place inside it
    if event_place is None:
        if event_country and place is not None and place.country and place.country != event_country:
            return False
        if event_country and country and country != event_country:
            return False
        return True
    if place is not None:
        return _same_place(event_place, place)
    return event_place.country in (None, country)


_EXPLAINED = {C.EXPLOSION}
_VIOLENT = {C.SHELLING, C.AIR, C.IED, C.SUICIDE, C.GRENADE, C.EXPLOSION}


def _family_fits(e: Event, m: Mention) -> str | None:
    """The merged family when ``m`` can be about event ``e``; None when not."""
    a, b = e.family, m.family
    if a == C.ATTACK and b in (C.PROTEST, C.RIOT) and not m.definite:
        return None           # "gunmen shot dead three" ... "hundreds marched in Amman": two events
    if b in C.GENERIC:
        return a
    if b == C.ARREST and a in C.GENERIC:
        return a              # "two armed men attacked the shrine ... one of the attackers was arrested" (KI18: typed an
        #                       arrest): the attackers' arrest told after, the attack stays what happened
    if a in C.GENERIC or a == b:
        return b
    if b in _EXPLAINED and a in _VIOLENT and m.definite and m.places.get("location") is None:
        return a              # "A roadside bomb hit a convoy ... The blast caused no damage"
    if a == C.AIR and b in (C.SHELLING, C.EXPLOSION) and m.intercepted:
        return a              # "counted six explosions around Masyaf and said air defences intercepted some missiles"
        #                       (KJ17: a missile attack drafted beside the air strikes): the strikes' munitions
    if b in _EXPLAINED and a in _VIOLENT and m.definite and e.location is None:
        return a              # "A suicide car bomb killed 14 in a Syrian city ... the dead in the blast in Azaz" (KI08)
    if b in _EXPLAINED and a in _VIOLENT and m.definite and _in_heading(e.location, m.places.get("location")):
        return a              # "A roadside bomb blew up north of Baghdad ... placed the blast in the town of Tarmiya" (KI02)
    where = m.places.get("location")
    if b in _EXPLAINED and a in _VIOLENT and m.definite and e.location is not None and e.location.region \
            and e.location.status == "resolved" and where is not None and where.status == "resolved" \
            and not where.region and where.country == e.location.country and _same_admin1(e.location, where):
        return a              # "a booby-trapped car blew up in Iraq's western province of Anbar ... the vehicle ...
        #                       exploded ... in a desert area south of Rutba" (KQ01: two events): the device told
        #                       before, now placed in its province
    if a in _EXPLAINED and b in _VIOLENT and not m.answered and m.places.get("location") is None \
            and m.date is None and not m.next_day:
        return b              # "Twin explosions ripped through a street in Raqqa ... A landmine blew up first" (OE05)
    if {a, b} <= _VIOLENT and (a in _EXPLAINED or b in _EXPLAINED):
        # a blast at the same place explained by a strike or a rocket attack
        if _same_place(e.location, m.places.get("location")):
            return b if a in _EXPLAINED else a
    return None


# "drones were launched at warships in the southern Red Sea" (nu18 H3: placed at Hajjah, the town of the event
# told before, at 0.94): an event at sea is at none of the report's towns
_AT_SEA = re.compile(r"\b(?:at\s+sea|(?:red|arabian|mediterranean|black)\s+sea|gulf\s+of|bab\s+el[\s-]mandeb|strait|"
                     r"warships?|vessels?|ships?|shipping|tankers?|destroyers?|frigates?|aircraft\s+carriers?)\b", re.I)


def _before_statement(e: Event, m: Mention, overnight: bool = False) -> bool:
    """"The army said on Tuesday it had struck the port of Hodeida ... Last month an Israeli raid in Yemen
    killed ...": a new event told with its own date, which ends before the day of the statement that told the
    event before it (that event's only date), is another, earlier event (EB03: the month of the earlier raid
    had become the date of the strike on Hodeida)."""
    if not m.new or m.date is None or e.date is not None or e.said_date is None:
        return False
    import calendar
    day = m.date.day
    if m.date.precision == MONTH:
        end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    else:
        end = day + timedelta(days=6 if m.date.precision == WEEK else 0)
    # "Russian warplanes hit ... Palmyra overnight, state television said on Tuesday ... On Sunday the militants blew up
    # the city's Arch of Triumph" (KC03: the strikes dated Sunday): an event told as overnight is of the night before
    # the statement, so a day before that night is another event's
    return end < e.said_date.day - timedelta(days=1 if overnight else 3)


def _other_country(a, b) -> bool:
    """Two places resolved in two countries: "Gunmen killed hundreds at the Nova festival near Re'im. Israeli jets
    struck Gaza City overnight" (nu20 H3: one event, in Gaza, on the festival's day) tells two events."""
    return a is not None and b is not None and a.status == b.status == "resolved" and bool(a.country) \
        and bool(b.country) and a.country != b.country


# the strikes or shelling told before, at a further place: "the strikes reached the town of X" (the cue word its
# subject: not "the strike hit an ambulance before the convoy reached the dam", G22)
_REACHED = r"\s+(?:had\s+|have\s+|also\s+|later\s+|then\s+)*(?:reached|extended\s+to|spread\s+to)\b"


# police or troops acting on a gathering (ACLED: Protest with intervention): tear gas, water cannon, dispersal
_INTERVENED = re.compile(r"\b(?:" + C.INTERVENTION + r"|water\s+cannons|baton\s+charged?)\b", re.I)


def _assemble(mentions: list[Mention], ctx: _Context) -> list[Event]:
    events: list[Event] = []
    lead_date = None          # "came under attack four times late on November 23": dates the events told next
    place_before = None       # "A refugee was found dead in al-Hol camp." with no event told yet: its place
    for m in mentions:
        target = None
        e = events[-1] if events else None
        if (e is not None and m.date is not None and e.date != m.date and _TOOK_PLACE_ON.match(ctx.sents[m.sentence].text)
                and (m.family is None or _family_fits(e, m) is not None or m.family in (C.EXPLOSION, C.ATTACK))
                and all(_same_place(e.location, p) for p in (*m.places.values(), *m.more))
                and m.sentence - max(e.sentences) <= 3):
            # "A committee to investigate the attack on Sulaimani airport was appointed on Wednesday ... The incident
            # took place on April 7, when a blast near the airport ..." (KU22: dated the Wednesday): the day the
            # report gives the event told before, in a sentence of its own
            e.date, e.date_inherited = m.date, False
            e.sentences.append(m.sentence)
            continue
        if m.answered and not m.places and not m.more:
            continue          # "in response to last week's bombing": an event not placed; it dates and counts nothing told here
        if m.date_only:
            e = events[-1] if events else None
            if e is not None and (e.date is None or e.date_inherited) and (
                    _family_fits(e, m) is not None or {e.family, m.family} <= _VIOLENT):
                e.date, e.date_inherited = m.date, False
                e.sentences.append(m.sentence)
            elif e is None:
                lead_date = m.date
            continue
        if m.fill_only and m.claim_actor:
            e = events[-1] if events else None
            if e is not None and not e.actor1 and m.sentence - max(e.sentences) <= 2 and (
                    "location" not in m.places or _same_place(e.location, m.places["location"])):
                # "Iran's Revolutionary Guards said they had targeted ... in Erbil": who claims the event told before
                e.actor1, e.claimed = m.claim_actor, True
                e.sentences.append(m.sentence)
        if m.fill_only and "location" not in m.places:
            e = events[-1] if events else None
            split = e is not None and any(x is not e and x.type_sentence == e.type_sentence and x.location is not None
                                          and e.location is not None for x in events)
            if (e is not None and e.fatalities is None and m.fatalities is not None and not split
                    and m.sentence - max(e.sentences) <= 2 and _deaths_fit(e, m)):
                e.fatalities = m.fatalities
                e.sentences.append(m.sentence)
            elif (e is not None and e.fatalities and m.fatalities and not split and m.sentence - max(e.sentences) == 1
                    and m.others_toll):
                # "... killed Hamas deputy leader Saleh al-Arouri. Six other people ... died in the blast": the
                # others add to the victim told before (nu11: 6 drafted for 7 dead)
                e.fatalities += m.fatalities
                e.sentences.append(m.sentence)
            elif (e is not None and e.fatalities is not None and m.fatalities and m.fatalities != e.fatalities
                    and not split and m.sentence - max(e.sentences) <= 3 and _TOLL_ROSE.search(ctx.sents[m.sentence].text)):
                # "killing seven ... The total death toll had risen to 13": the later count (nu12)
                e.fatalities = m.fatalities
                e.sentences.append(m.sentence)
            continue
        if m.fill_only and m.refines:
            e = events[-1] if events else None
            loc, near = (e.location if e is not None else None), m.places["location"]
            if (loc is not None and loc.region and loc.status == "resolved" and m.sentence - max(e.sentences) <= 1
                    and near.country == loc.country and _same_admin1(near, loc)):
                e.location = replace(near, flags=[*near.flags, f"the report places the event in "
                                     f"{ctx.text[loc.start:loc.end]} and the story near "
                                     f"{ctx.text[near.start:near.end]}: placed near it, check it"])
                e.sentences.append(m.sentence)
            continue
        if m.fill_only and "location" in m.places and _INTERVENED.search(ctx.sents[m.sentence].text) and (same := next(
                (e for e in reversed(events) if e.family in (C.PROTEST, C.RIOT) and m.sentence - max(e.sentences) <= 2
                 and _same_place(e.location, m.places["location"])), None)) is not None:
            # "... thousands of mourners marched to her grave in Saqqez, a week after rallies in Tehran. Police fired tear
            # gas at the mourners in Saqqez." (nu32 M3: a peaceful protest): the protest told at that place, met with force
            same.sentences.append(m.sentence)
            continue
        if m.fill_only and m.date is not None and "location" in m.places and not m.more and not m.answered \
                and not m.places["location"].region and m.date.kind == RELATIVE \
                and events and (events[-1].date is None or events[-1].date_inherited) \
                and events[-1].location is not None and _same_place(events[-1].location, m.places["location"]) \
                and m.sentence - max(events[-1].sentences) <= 2:
            # "the militants overran the town of Qaryatain, church leaders said on Friday ... its fighters entered
            # Qaryatain on Wednesday" (LL02: dated the statement's Friday): the day the report gives the event told
            # before, at its place, in a sentence of its own
            events[-1].date, events[-1].date_inherited = m.date, False
            events[-1].sentences.append(m.sentence)
            continue
        if m.fill_only and m.near_toll:
            same = next((e for e in reversed(events) if e.location is not None and e.fatalities is None
                         and m.sentence - max(e.sentences) <= 2 and _same_place(e.location, m.places["location"])), None)
            if same is not None:
                same.fatalities = m.fatalities        # the toll told for the place of an event told before
                same.sentences.append(m.sentence)
            elif m.fatalities is None and events and events[-1].location is None \
                    and events[-1].family in _VIOLENT and m.sentence - max(events[-1].sentences) == 1:
                # "an Israeli aircraft fired at Palestinians launching balloons from the north of the enclave ... two
                # people were lightly hurt near Jabalia" (KF15: no draft): the unplaced strike told just before hurt
                # them there
                events[-1].location = m.places["location"]
                events[-1].sentences.append(m.sentence)
            continue
        if m.fill_only and not events and m.sentence == 0:
            place_before = m      # the report's first sentence places what the next one tells
        if m.fill_only:
            e = events[-1] if events else None
            targets = [m.places["location"], *m.more]
            # "The targets were ... near X and Y" (targets_told), "Six died at a depot in X, and two on the
            # outskirts of Y" (a toll split by place): the places of the event told before
            split = m.targets_told or (m.fatalities is not None and bool(m.more))
            toll, at_places = None, False
            if (e is not None and split and e.location is not None
                    and (e.location.region or _names_province(e.location)) and e.location.status == "resolved"
                    and m.sentence - max(e.sentences) <= 1
                    and all(p.status == "resolved" and _same_admin1(p, e.location) for p in targets)):
                # "struck sites in Syria's Deir Ezzor region ... The targets were a training facility near
                # al-Bukamal and a safe house near al-Mayadeen" (OB04), "struck positions in Deir Ezzor
                # province, killing eight. Six died ... in Deir Ezzor city, and two ... of Al-Mayadeen" (OB05):
                # the event told at its province is placed at the places the next sentence names in it,
                # one event per place (ACLED), as below
                e.location, toll, at_places = None, e.fatalities, True
            if (e is not None and e.location is None and (m.family is None or _family_fits(e, m) is not None)
                    and m.sentence - max(e.sentences) <= 2
                    and _place_fits(None, e.location_country, m.places["location"], None)):
                _fill(e, m, own=False)
                twins = []
                for where in m.more if (m.targets_told or at_places or _elliptic_toll(m, ctx)) \
                        and e.location is m.places["location"] else ():
                    # "The targets were ... near X and Y": one event per place (ACLED), as told before
                    twin = Event(e.family, [], type_sentence=e.type_sentence)
                    twin.date, twin.date_inherited, twin.said_date = e.date, e.date_inherited, e.said_date
                    events.append(twin)
                    _fill(twin, replace(m, places={"location": where}, more=[], fill_only=False), own=True)
                    twin.sentences = list(e.sentences)
                    twin.actor1, twin.actor2 = twin.actor1 or e.actor1, twin.actor2 or e.actor2
                    twin.fatalities = None
                    twins.append(twin)
                if twins and m.fatalities is not None and not m.targets_told:
                    how, counts = _tolls_by_place(m, ctx)
                    if how == "each" and len(counts) == len(twins) + 1 and all(c is not None for c in counts):
                        for x, n in zip((e, *twins), counts):
                            x.fatalities = n
                    else:
                        # the toll told for the places together is no one place's: unknown, flagged
                        for x in (e, *twins):
                            x.fatalities, x.shared_toll = None, toll if toll is not None else m.fatalities
            elif e is not None and all(p.region or _names_province(p) for p in m.more) \
                    and m.sentence - max(e.sentences) <= 1 \
                    and _in_heading(e.location, m.places["location"]):
                # "bombers got inside an army headquarters west of Baghdad ... The attackers hit a regimental
                # headquarters in the Haditha area of Anbar province" (KC13: drafted at Baghdad, 220 km off): the
                # event told again at a town that lies the way the report said from its landmark happened there
                e.location = m.places["location"]
                e.sentences.append(m.sentence)
                if m.date is not None and (e.date is None or e.date_inherited):
                    # (and on the day told there: "the building in al-Mansoura was hit on Monday night", LR07)
                    e.date, e.date_inherited = m.date, False
            elif ((m.hit_here or (_elliptic_toll(m, ctx) and e is not None
                                  and e.family in _VIOLENT | {C.RIOT, C.PROTEST, C.CLASH}))
                    and e is not None and e.location is not None and e.family is not None
                    and m.sentence - max(e.sentences) <= 2
                    and not any(_same_place(x.location, m.places["location"]) for x in events)
                    and _key(_without_feature(m.places["location"].text)) not in {
                        _key(a) for k, names in ctx.sentence_admin1.items() if k < m.sentence for a in names}):
                # (not "a base in Babil was hit" after "Musayyib, in Babil province": the province told before)
                # "Turkish jets struck Qamishli. Villages of Zakho district were also hit": another place hit,
                # by the event of the kind told before: one event per place (ACLED), its date carried
                for where in (m.places["location"], *m.more):
                    twin = Event(e.family, [], type_sentence=e.type_sentence)
                    twin.date, twin.date_inherited = e.date, True
                    twin.said_date = e.said_date
                    events.append(twin)
                    _fill(twin, replace(m, places={"location": where}, more=[], fill_only=False), own=True)
                    twin.sentences = sorted({*e.sentences, m.sentence})
                    twin.actor1 = twin.actor1 or e.actor1
                    twin.fatalities = m.fatalities if len(m.more) == 0 else None
                how, counts = _tolls_by_place(m, ctx)
                if m.more and how == "each":
                    # "Two people were reported killed in Mardin, two in Siirt, one in Batman" (KS07): riots told
                    # before, a toll at each of these places
                    for twin, n in zip(events[len(events) - len(m.more) - 1:], counts):
                        twin.fatalities = n
            continue
        if m.definite or m.family is None:
            # "the attack", "It killed ...": the latest event it can be about; its place does not
            # move an event already placed (a landmark: "the drone blew up outside Erbil")
            for e in reversed(events):
                if m.answered and m.sentence in e.sentences:
                    continue          # "struck A in response to the attack on B": the attack is not the strike
                if _family_fits(e, m) is not None or m.family is None:
                    target = e
                    break
            here = m.places.get("location")
            if target is not None and here is not None and not _same_place(target.location, here):
                # "explosions in Latakia ... two explosions on the outskirts of Baniyas ... the raid on Latakia" (OE01:
                # a third draft, at Latakia): the event told before at the place it names, if one was
                target = next((e for e in reversed(events) if _same_place(e.location, here)
                               and not (m.answered and m.sentence in e.sentences)
                               and (_family_fits(e, m) is not None or m.family is None)), target)
            if target is None and m.family == C.SHELLING and m.definite and re.search(r"missile", m.cue_text, re.I):
                # "Israeli warplanes struck ... The missiles were fired from over the sea": the missiles
                # of the air strike told before
                target = next((e for e in reversed(events) if e.family == C.AIR), None)
            if target is not None and not _dates_agree(target.date, m) and m.places:
                target = None         # its own, other date and place: another event, not the one told before
                m = replace(m, new=True, definite=False)
            elif target is not None and m.next_day and m.places and not _same_place(target.location,
                                                                                     m.places.get("location")):
                # "Rudaw reported that a Turkish drone had also hit a car near Sinjar a day earlier" (nu17 N4: merged
                # into the strike told before, with its dead): a day counted from that event, at another place, is
                # another event
                target = None
                m = replace(m, new=True, definite=False)
            elif target is not None and here is not None and target.location is not None \
                    and not _same_place(target.location, here) and m.cue_text and re.search(
                        re.escape(m.cue_text) + _REACHED, ctx.sents[m.sentence].text, re.I):
                # "Rebels and activists also said that the strikes reached the town of Latamna, north of Hama" (LL03:
                # no draft there): the event told before, at a further place it reached; one event per place (ACLED)
                target = None
                m = replace(m, new=True, definite=False)
            elif target is not None and _told_apart(target, m):
                # the event told before, named again beside the new place, stays one event
                m = replace(m, new=True, definite=False,
                            more=[p for p in m.more if not _same_place(p, target.location)])
                target = None
        elif m.intercepted and m.family in (C.SHELLING, C.EXPLOSION) and (same := next(
                (x for x in reversed(events) if x.family == C.AIR and _same_place(x.location, m.places.get("location"))),
                None)) is not None:
            target = same     # "explosions around Masyaf ... air defences intercepted some missiles" (KJ17)
        elif events and not m.answered:
            e = events[-1]
            told = ctx.sents[m.sentence].text
            separate = (m.new and m.family not in (None, e.family) and m.sentence != max(e.sentences)
                        and _SEPARATE.search(told))
            if not separate and m.new and "location" in m.places and _ANOTHER.search(told) \
                    and not _same_place(e.location, m.places["location"]):
                separate = True       # "Another strike in the Salkhad area killed ...": another event, elsewhere
            if separate and "location" not in m.places and _SAME_AREA.search(told) and e.location is not None:
                # "Hours later, militants attacked a checkpoint in the same area": another event, there
                m.places["location"] = replace(e.location, flags=[*e.location.flags, "placed where the event told "
                                               "before it happened: the report says 'the same area': check it"])
            if separate:
                pass          # "A car bomb also exploded in Kirkuk the same day": another kind, another event
            elif (_family_fits(e, m) is not None and m.sentence - max(e.sentences) <= 3
                    and (m.date is None or e.date is None or m.date.day == e.date.day)
                    # "Five days earlier, activist Tahsin al-Shahmani died after being shot ... in Basra" (KE10: merged
                    # into the killing told before): a new act on a day counted from it is another event
                    and not (m.new and m.next_day and m.family is not None)
                    and not _before_statement(e, m, bool(_OVERNIGHT.search(ctx.sents[e.type_sentence].text)))
                    and _place_fits(e.location, e.location_country, m.places.get("location"),
                                    m.country_slots.get("location"))
                    and not (m.new and not _in_heading(e.location, m.places.get("location"))
                             and (_distinct_towns(e.location, m.places.get("location"))
                                  or _other_country(e.location, m.places.get("location"))))
                    and _place_fits(e.origin, e.origin_country, m.places.get("origin"), m.country_slots.get("origin"))):
                target = e
        toll_before = target.fatalities if target is not None else None
        if target is None:
            if m.family is None or not (m.new or m.places or (m.definite and not events and (
                    m.date is not None or m.fatalities or m.said_date is not None))):
                continue      # "the attack that killed three on Sunday" opening a report starts its event; "The SDF said
                #               on Monday that they had taken full control of the military airport ..." (LH09: no draft)
            target = Event(m.family, [], type_sentence=m.sentence)
            # "struck Gaza on Wednesday in response to two rockets launched on Tuesday": the event answered is an aside too
            target.flashback = m.answered
            told = events[-1].date if events else m.prior_date    # (x_dayearlier, nu19/nu20: the publication day's
            base = m.anchor_date or told                           # eve had been taken, 0.97)
            if m.answered and m.date is None:
                if m.days_before is not None and base is not None and base.precision in (DAY, WEEK):
                    # "They came a day after a drone hit Tel Aviv": the day before the event told first
                    # ("last week ..., two days after": at the week precision of the date it counts from)
                    target.date = ResolvedDate(base.day - timedelta(days=m.days_before),
                                               WEEK if m.weeks_before else base.precision, RELATIVE,
                                               f"{m.days_before} day(s) before {base.text}")
                    target.date_inherited = m.anchor_date is None
                # otherwise not said: never the date of the event that answers it
            elif m.next_day and told is not None and told.precision == DAY \
                    and told.day + timedelta(days=m.next_day) <= ctx.published:
                # "Israeli jets struck Nabatieh on Friday. The next day, a drone hit Tyre": Saturday; "Two days
                # later, US air strikes ..." (nu15: the day of the event told before had been taken)
                target.date = ResolvedDate(told.day + timedelta(days=m.next_day), WEEK if m.next_weeks else DAY, RELATIVE,
                                           {1: "the next day", -1: "the day before"}.get(
                                               m.next_day, f"{m.next_day} days later" if m.next_day > 0
                                               else f"{-m.next_day} days earlier"))
                target.flashback = target.flashback or m.next_day < 0
            elif m.date is None and m.after_date is not None:
                pass          # a funeral's or a death's day: dated from it in to_draft, not inherited
            elif m.date is None and events and events[-1].date is not None:
                # "A day earlier, similar missiles had wounded four soldiers ... Israel responded with an attack on
                # Kfar Kila" (KD19: dated the day before): a day counted back from the story is an aside; the
                # sentences after it go on with the story's own day
                told_last = next((x for x in reversed(events) if x.date is not None and not x.flashback), events[-1])
                target.date, target.date_inherited = told_last.date, True
            elif m.date is None and not events and lead_date is not None:
                target.date, target.date_inherited, target.lead_dated = lead_date, True, True
            prior = next((x for x in reversed(events) if x.actor1), None)
            events.append(target)
            _fill(target, m, own=True)
            if m.back_subject and not target.actor1 and prior is not None:
                # "The Guards also said they had launched missiles at ...", "Jets also hit targets in ..." (nu16 M1:
                # "attacker not named"): the attacker of the event told before, flagged
                target.actor1, target.actor1_before = prior.actor1, m.back_subject
            if target.location is None and place_before is not None and m.sentence == place_before.sentence + 1 \
                    and len(events) == 1:
                # "An Iraqi refugee was found dead in al-Hol camp on Sunday. ... shot in the head": the
                # killing the second sentence tells happened where the first put it
                _fill(target, replace(place_before, fill_only=False), own=False)
                target.sentences.sort()
            # (the latest event placed: "Protesters set fire to a building in Basra on Wednesday ... Police fired at
            # demonstrators ... On Tuesday six demonstrators were killed", EC20: a protest told between, unplaced)
            prev = next((x for x in reversed(events[:-1]) if x.location is not None), None)
            if (target.location is None and not m.answered and m.new and not m.more and prev is not None
                    and prev.location is not None and prev.location.status == "resolved"
                    and m.date is not None and m.date.precision == DAY and (m.date.kind != EXPLICIT or m.earlier_told)
                    and prev.date is not None and prev.date.precision == DAY and prev.date.day != m.date.day
                    and not m.country_slots.get("location") and m.sentence - max(prev.sentences) <= 2
                    and (_family_fits(prev, m) is not None or {prev.family, m.family} <= {C.PROTEST, C.RIOT})
                    and not _AT_SEA.search(ctx.sents[m.sentence].text)):
                # "protesters were hurt in Nasiriyah on Wednesday night ... The unrest escalated on Monday, when
                # guards opened fire on protesters": the story told before, on another day it names, with no
                # other place: another event (ACLED: one per place and day), where the one before happened
                # (a borrowed place is a reference point, not what the words say: the 'near' class of confidence)
                target.location = replace(prev.location, role="near", flags=[
                    *prev.location.flags, f"placed where the event told before it happened "
                    f"({ctx.text[prev.location.start:prev.location.end]}): the report names no place for this "
                    f"one, on another day: check it"])
                target.location_country = prev.location_country
            if m.answered and target.location is None and not m.more:
                events.pop()          # an earlier event with no place: nothing to draft, nothing to attach to
        else:
            _fill(target, m, own=not m.definite)
        for extra in m.more:
            twin = Event(m.place_families.get(id(extra), target.family), [], type_sentence=m.sentence)
            twin.date, twin.date_inherited = target.date, target.date_inherited
            twin.flashback = target.flashback
            twin.said_date = target.said_date
            events.append(twin)
            _fill(twin, replace(m, places={"location": extra}, more=[]), own=True)
            if id(extra) in m.place_dates:
                # (after _fill, which gives the twin the sentence's first date: "On July 18, a depot exploded in
                # southern Baghdad, and in April an explosion at the Kalsu military base killed one", KU14)
                twin.date, twin.date_inherited = m.place_dates[id(extra)], False
            twin.sentences = list(target.sentences)
            twin.fatalities = None if target.fatalities else twin.fatalities
            twin.actor1, twin.actor2 = twin.actor1 or target.actor1, twin.actor2 or target.actor2
        if m.more and m.fatalities is not None:
            twins = events[len(events) - len(m.more):]
            how, counts = _tolls_by_place(m, ctx)
            if how == "each":
                # "Twelve died in clashes in Najaf, and in Baghdad four were killed": each clause its own toll
                target.fatalities = counts[0] if counts[0] is not None else toll_before
                for twin, n in zip(twins, counts[1:]):
                    twin.fatalities = n
            elif how == "shared" and target.fatalities == m.fatalities:
                # "Strikes on Nabatieh and Tyre killed 12": a toll for the events at both places together
                # is the toll of neither; unknown, flagged with the report's figure
                target.fatalities = toll_before
                target.shared_toll = m.fatalities
                for twin in twins:
                    twin.shared_toll = m.fatalities
        elif m.more and m.fatalities is None and target.toll_unplaced and target.fatalities \
                and target.location is not None:
            # "Israeli air strikes killed 492 people across southern Lebanon ... Strikes hit the southern city
            # of Nabatieh, the outskirts of Tyre and villages around Baalbek": a toll told for a region,
            # before the places, is no one place's (nu14: 492 had been drafted at Nabatieh); unknown, flagged
            twins, toll = events[len(events) - len(m.more):], target.fatalities
            for x in (target, *twins):
                x.fatalities, x.shared_toll = None, toll
    events = _without_headline_twin(events, ctx)
    ctx.unplaced = [e for e in events if e.location is None and e.family is not None]
    placed = _without_repeats([e for e in events if e.location is not None])
    # "strikes hit Raqqa and Hasakah provinces ... and grain silos near Al-Malikiyah": a province-level
    # event is not drafted beside an event of the same sentences at a place in that province (ACLED codes
    # the most precise location known)
    def inside(o: Event, e: Event) -> bool:
        a, b = o.location, e.location
        return (o is not e and not a.region and a.status == "resolved" and a.country == b.country
                and a.result is not None and b.result is not None and a.result.admin1
                and a.result.admin1 == b.result.admin1 and bool(set(o.sentences) & set(e.sentences)))
    return [e for e in placed if not (e.location.region and e.location.status == "resolved"
                                      and any(inside(o, e) for o in placed))]


def _same_kind(a: str | None, b: str | None) -> bool:
    """One kind of event, or a blast and the strike or bomb that explains it ("two explosions on the outskirts
    of Baniyas ... an air defence system on the Baniyas coast had been targeted" after Israeli aircraft struck:
    OE01, two drafts at Baniyas)."""
    return a == b or ({a, b} <= _VIOLENT and bool({a, b} & _EXPLAINED))


def _without_repeats(events: list[Event]) -> list[Event]:
    """The same event told twice: two events of one kind (``_same_kind``) placed at the very same gazetteer place on
    the same day (or both undated, to be dated alike by the report's day), with no toll or the same toll, are one ("shelled areas near Ain Issa ... Shells fell on
    positions in the Ain Issa camp and in the Ain Issa countryside": OB08 had three drafts, two of them
    identical). The first keeps the other's sentences, toll and actors; nothing else is merged."""
    kept: list[Event] = []
    for e in events:
        same = next((k for k in kept if _same_kind(k.family, e.family) and k.location.status == e.location.status == "resolved"
                     and k.location.result is not None and e.location.result is not None
                     and (k.location.result.source, k.location.result.id) == (e.location.result.source,
                                                                              e.location.result.id)
                     # (or neither dated: "shelled areas around Ain Issa, the Observatory reported on Monday ... shells
                     # fell ... near Ain Issa", C15: two drafts, both dated by the report's day)
                     and (k.date is None and e.date is None
                          or k.date is not None and e.date is not None and k.date.day == e.date.day
                          and k.date.precision == e.date.precision)
                     and (k.fatalities is None or e.fatalities is None or k.fatalities == e.fatalities)
                     and (not k.actor1 or not e.actor1 or k.actor1 == e.actor1)
                     # (one told with its origin, the other without: "The projectiles, fired from areas of northern
                     # Syria, struck ... Ceylanpinar ... In Ceylanpinar, ... missiles fired from Ras al-Ayn hit their
                     # home", LO16: two drafts)
                     and (k.origin is None or e.origin is None or _same_place(k.origin, e.origin))), None)
        if same is None:
            kept.append(e)
            continue
        same.sentences = sorted({*same.sentences, *e.sentences})
        if same.family in _EXPLAINED:
            same.family = e.family          # the blast told again with its cause
        same.fatalities = same.fatalities if same.fatalities is not None else e.fatalities
        if same.fatalities is None and same.shared_toll is None:
            same.shared_toll = e.shared_toll
        if not e.actor1 and same.actor1:
            # "US forces struck sites in al-Qaim ... 16 people were killed in the Friday strikes in al-Qaim and
            # Akashat": the event told again is the one told before, and so are its other places' (nu14)
            for x in events:
                if x is not e and not x.actor1 and x.type_sentence == e.type_sentence and x.family == e.family:
                    x.actor1 = same.actor1
        same.origin = same.origin or e.origin
        same.origin_country = same.origin_country or e.origin_country
        same.actor1 = same.actor1 or e.actor1
        same.actor2 = same.actor2 or e.actor2
    return kept


HEADLINE_TWIN_KM = 100.0    # how far the headline's place may lie from the lead's: a province and a town in it


def _without_headline_twin(events: list[Event], ctx: "_Context") -> list[Event]:
    """The report's headline (a first line with no closing stop) tells the event its lead tells: "Two Kurdish
    journalists killed in Turkish drone strike in Sulaimani province" above "... when a Turkish drone struck
    their car on Friday near the town of Said Sadiq" (nu12: two drafts, the toll counted twice). An event resting
    on the headline alone, with no date of its own, is the first body event of the same kind in the same
    country, with no other toll, within HEADLINE_TWIN_KM: its actors and toll go to that event, which keeps its
    own place and date."""
    if not ctx.sents or ctx.sents[0].text.rstrip()[-1:] in ".!?\"”'’:":
        return events
    out = list(events)
    for head in events:
        if head.sentences != [0] or head.location is None or (head.date is not None and not head.date_inherited):
            continue
        lead = next((b for b in out if b is not head and b.location is not None and 0 not in b.sentences), None)
        if lead is None or min(lead.sentences) > 2 or head.location.country != lead.location.country \
                or not (head.family == lead.family or {head.family, lead.family} <= _VIOLENT) \
                or None not in (head.fatalities, lead.fatalities) and head.fatalities != lead.fatalities:
            continue
        pa, pb = head.location.point, lead.location.point
        if pa is None or pb is None or distance_km(pa[0], pa[1], pb[0], pb[1]) > HEADLINE_TWIN_KM:
            continue
        lead.actor1 = lead.actor1 or head.actor1
        lead.actor2 = lead.actor2 or head.actor2
        lead.fatalities = head.fatalities if lead.fatalities is None else lead.fatalities
        lead.sentences = [0, *lead.sentences]
        out.remove(head)
    return out


_DEATH_WORD = re.compile(r"\b(?:killed|killing|kills|dead|died|slain|death\s+toll)\b", re.I)


_CLAUSE_BREAK = re.compile(r",\s+(?:and|while|whereas|but)\s+|;\s+")


def _elliptic_counts(m: Mention, ctx: "_Context") -> list[re.Match] | None:
    """The counts of a toll list with its verb left out ("Two people were reported killed in Mardin, two in Siirt and
    one in Batman": a count before each place after the first, the first's in the words before it), one match per
    place after the first; None unless every place after the first has one."""
    if not m.more or "location" not in m.places:
        return None
    s, places = ctx.sents[m.sentence], [m.places["location"], *m.more]
    told = [C.ELLIPTIC_TOLL.search(s.text[a.end - s.start:b.start - s.start]) for a, b in zip(places, places[1:])]
    return told if all(told) else None


def _elliptic_toll(m: Mention, ctx: "_Context") -> bool:
    """Whether the mention's places are such a toll list, with a toll."""
    return m.fatalities is not None and _elliptic_counts(m, ctx) is not None


def _tolls_by_place(m: Mention, ctx: "_Context") -> tuple[str, list]:
    """How a sentence that places events at several places gives its toll:
    ("each", counts): each place in a clause of its own ("..., and ..."), each clause's count (None
    when a clause states none); ("shared", []): the places share one clause and its death words stand
    before the first place or after the second ("strikes on A and B killed 12"), not between them
    ("a strike on A killed 5 and another hit B"), nor at one of them; ("first", []) otherwise: the
    count stays with the first place."""
    s = ctx.sents[m.sentence]
    first = m.places.get("location")
    if first is None:
        return "first", []
    places = [first, *m.more]
    if (told := _elliptic_counts(m, ctx)) is not None:
        # "Four demonstrators were killed in Nassiriya, one in Najaf and one in Diwaniyah" (KU04): each place
        # after the first with its own count, the verb left out
        head = C.fatalities(s.text[:first.end - s.start])
        if head is not None:
            return "each", [head, *(C._number(x.group(1)) for x in told)]
    if m.deaths_at:
        # "16 people were killed in the strikes in al-Qaim and Akashat": deaths placed at several of them
        placed = [p for p in places if any(w is p for w in m.deaths_at)]
        between = len(placed) > 1 and any(placed[0].end <= s.start + d.start() < placed[1].start
                                          for d in _DEATH_WORD.finditer(s.text))
        if between and len(placed) == len(places):
            # "Ten protesters were killed in Najaf and four were shot dead in Baghdad": each its own count,
            # told in the words up to its place
            cuts = [0, *(p.end - s.start for p in places)]
            counts = [C.fatalities(s.text[cuts[k]:cuts[k + 1]]) for k in range(len(places))]
            if all(c is not None for c in counts):
                return "each", counts
        return ("shared" if len(placed) > 1 and not between else "first"), []
    breaks = [b.span() for b in _CLAUSE_BREAK.finditer(s.text)]
    def clause(p: PlaceRef) -> int:
        return sum(1 for b in breaks if b[1] <= p.start - s.start)
    idx = [clause(p) for p in places]
    if len(set(idx)) == len(places):
        edges = [0, *(b[1] for b in breaks), len(s.text)]
        return "each", [C.fatalities(s.text[edges[i]:edges[i + 1]]) for i in idx]
    if len(set(idx)) > 1:
        return "first", []
    for d in _DEATH_WORD.finditer(s.text):
        at = s.start + d.start()
        if first.end <= at < m.more[0].start:
            return "first", []
    return "shared", []


def _deaths_fit(e: Event, m: Mention) -> bool:
    """Whether a mention's death count can be the event's: the sentence places its deaths nowhere
    named, or at the event's own place or country ("nine soldiers were killed in northern Iraq" is not
    the toll of a strike near Amuda in Syria)."""
    if not m.deaths_at:
        return True
    loc = e.location
    country = (loc.country if loc is not None else None) or e.location_country or (
        loc.countries[0] if loc is not None and len(loc.countries) == 1 else None)
    for where in m.deaths_at:
        if isinstance(where, str):
            if country is not None and where == country:
                return True
        elif loc is not None and (_same_place(loc, where) or (where.region and where.country == country)):
            return True
    return False


def _dates_agree(day: ResolvedDate | None, m: Mention) -> bool:
    """Whether a mention's own date can be the event's: no date of its own, or windows that meet."""
    if day is None or m.date is None or m.date_since:
        return True
    span = {1: 0, 2: 6, 3: 30}
    a0, a1 = day.day, day.day.toordinal() + span.get(day.precision, 0)
    b0, b1 = m.date.day, m.date.day.toordinal() + span.get(m.date.precision, 0)
    return a0.toordinal() <= b1 and b0.toordinal() <= a1


# how far from a landmark ("west of Baghdad") the town the event is told again at may lie, and how far off the
# stated direction (degrees): Iraq's and Syria's widest provinces span about 400 km
HEADING_KM = 400.0
HEADING_SLACK = 60.0


def _in_heading(landmark: PlaceRef | None, place: PlaceRef | None) -> bool:
    """``place`` (a town, resolved) lies in the direction the report gave from ``landmark`` ("west of Baghdad",
    resolved, ``heading`` set), in the same country, within HEADING_KM and HEADING_SLACK degrees."""
    if landmark is None or place is None or landmark.role != "landmark" or landmark.heading is None \
            or landmark.status != "resolved" or place.status != "resolved" or place.region \
            or place.role not in ("location", "target") or landmark.point is None or place.point is None \
            or place.country != landmark.country or _same_place(landmark, place):
        return False
    a, b = landmark.point, place.point
    return distance_km(a[0], a[1], b[0], b[1]) <= HEADING_KM and \
        _angle_between(_bearing(a, b), landmark.heading) <= HEADING_SLACK


def _fill(e: Event, m: Mention, own: bool) -> None:
    e.sentences.append(m.sentence)
    was_unplaced = e.location is None
    fam = _family_fits(e, m)
    if fam is not None and fam != e.family:
        e.family = fam
        e.type_sentence = m.sentence
    # "In Dehgolan ... troops shot dead a man [on the Sunday the report told]. The nationwide protests erupted after Mahsa
    # Amini ... died in police custody on September 16" (KD10: dated September 16): the story told again, with a day
    # weeks before the one the event took from the story, tells when the story began, not this event's day
    story_began = m.definite and not own and e.date is not None \
        and m.date is not None and m.date.day < e.date.day - timedelta(days=7)
    if m.date is not None and not m.date_since and not story_began and (
            e.date is None or e.date_inherited or (m.date.kind == EXPLICIT and e.date.kind != EXPLICIT
                                                   and m.date.precision == DAY and (own or m.single))):
        e.date, e.date_inherited = m.date, False      # an explicit date wins
    loc = m.places.get("location")
    if loc is not None and (e.location is None or (e.location.status != "resolved" and loc.status == "resolved"
                                                   and not _same_place(e.location, loc))
                            or (e.location.region and not loc.region and loc.country == e.location.country
                                and loc.status == "resolved")):
        e.location = loc
    elif loc is not None and e.location is not None and _same_place(e.location, loc) and loc.role != "near" \
            and e.location.role == "near":
        e.location = loc
    elif m.definite and loc is not None and e.location is not None and loc.status == "resolved" \
            and e.location.status == "resolved" and not loc.region and loc.role in ("location", "target") \
            and (e.location.role in ("near", "landmark") or e.location.area or _names_province(e.location)) \
            and _same_admin1(e.location, loc) \
            and not _same_place(e.location, loc):
        # "an air strike in the district of Shingal ... The raid hit the town of Khanasor", "attacked SDF
        # positions in eastern Deir ez-Zor ... six of them in the town of Dhiban": the event told again
        # at a place of its province that the report names more precisely (ACLED codes the most precise)
        e.location = loc
    elif _in_heading(e.location, loc):
        # "the attack west of Baghdad ... the attack hit the town of X": as in _assemble's fill_only case (KC13)
        e.location = loc
    elif loc is not None and e.location is not None and loc.area and not e.location.area \
            and _same_place(e.location, loc):
        # "strike hits clinic in Iraq's Sinjar ... in the village of Sikeniye in Iraq's Sinjar district": the
        # event told again with its place written as the area around it
        e.location = replace(e.location, area=True)
    if m.country_slots.get("location") and not e.location_country:
        e.location_country = m.country_slots["location"]
    org = m.places.get("origin")
    if org is not None and e.origin is None:
        e.origin = org
    if m.country_slots.get("origin") and not e.origin_country:
        e.origin_country = m.country_slots["origin"]
    if m.admin1 and not e.admin1:
        e.admin1 = m.admin1
    if m.said_date is not None and (e.said_date is None or (
            e.date is None and m.said_date.precision == DAY and e.said_date.precision == DAY
            and m.said_date.day < e.said_date.day)):
        # (an earlier statement that tells it: "... said on Thursday ... The group had said on Wednesday that Kurdish
        # fighters drove Al-Nusra out of Ras al-Ain", KS05: dated the Thursday): it happened by the earlier day
        e.said_date = m.said_date
    if m.after_date is not None and e.after_date is None:
        e.after_date = m.after_date
    # a toll told before the event had a place ("At least 45 were killed in Iraq. In Nasiriya, security
    # forces killed 29") is the country's, not the place's: the place's own count replaces it
    placed_now = was_unplaced and loc is not None and e.location is loc
    if m.others_toll and m.fatalities and e.fatalities and not own and m.sentence - 1 in e.sentences \
            and _deaths_fit(e, m):
        # "... killed Hamas deputy leader Saleh al-Arouri. Six other people ... died in the blast": the others add
        # to the victim told before (nu11: 6 drafted for 7 dead)
        e.fatalities += m.fatalities
    elif m.fatalities is not None and (e.fatalities is None or (own and m.fatalities > e.fatalities)
                                     or (own and placed_now and e.toll_unplaced)) \
            and _deaths_fit(e, m):
        e.fatalities = m.fatalities
        e.toll_unplaced = e.location is None
    if m.actor1_with and (not e.actor1 or e.actor1 in (m.actor1, m.actor1_with)):
        e.actor1, e.actor1_with = m.actor1, m.actor1_with
    if m.actor1 and not e.actor1 and (own or m.definite):
        e.actor1 = m.actor1       # "The rocket was fired ... likely by Hezbollah"
    if m.claim_actor and not e.actor1:
        e.actor1, e.claimed = m.claim_actor, True
    if m.actor2 and not e.actor2:
        e.actor2 = m.actor2
