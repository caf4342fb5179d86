"""Dates in a report, resolved against its publication date with dateparser.

A report says "on Sunday", "early on Saturday", "21 April", "in January", "since early February".
``find_dates`` finds such expressions in a sentence; ``resolve`` turns one into a calendar date and
the precision the words support (ACLED time_precision: 1 day, 2 week, 3 month). An explicit date
(day and month written out) is ``explicit``; a weekday or "yesterday" is ``relative``.

News convention: a weekday names the most recent such day on or before publication ("on Monday"
in a Monday report is the same day), which dateparser's PREFER_DATES_FROM="past" does when the
relative base is the day after publication.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

# The earliest publication date a report may have: 1989, the first year of UCDP GED, the oldest event data the
# product reads (the CLI refuses an earlier --published; the app's date picker starts there)
EARLIEST_REPORT = date(1989, 1, 1)
EXPLICIT, RELATIVE, PERIOD = "explicit", "relative", "period"
DAY, WEEK, MONTH = 1, 2, 3

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_QUAL = r"(?:(?:early|late|mid|earlier|later)[\s-]+(?:on\s+)?)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (EXPLICIT, re.compile(r"\b(\d{4}-\d{2}-\d{2})\b(?!T)")),
    (EXPLICIT, re.compile(rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?)\b", re.I)),
    (EXPLICIT, re.compile(rf"\b((?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b", re.I)),
    (RELATIVE, re.compile(rf"\b{_QUAL}((?:last\s+)?(?:{_WEEKDAYS})){_PART}\b", re.I)),
    (RELATIVE, re.compile(r"\b(yesterday|today|last\s+night|tonight|this\s+morning|earlier\s+today)\b", re.I)),
    # "said on Wednesday that ... the day before": the day before the report's own day
    (RELATIVE, re.compile(r"\b(the\s+(?:day|night)\s+before|the\s+previous\s+(?:day|night|evening|morning|afternoon)|"
                          r"a\s+day\s+earlier)\b"
                          r"(?!\s+\w+day\b)", re.I)),
    (RELATIVE, re.compile(r"\b((?:a|one|two|three|four|five|six|\d)\s+days?\s+ago)\b", re.I)),
    # "wounds he suffered a few days ago" (KC25: dated the statement's day): some days before, at week precision
    (PERIOD, re.compile(r"\b((?:a\s+few|several|some|a\s+couple\s+of)\s+days\s+ago)\b", re.I)),
    (PERIOD, re.compile(r"\b((?:over|at|during)\s+the\s+weekend|(?:last|this)\s+weekend)\b", re.I)),
    (PERIOD, re.compile(r"\b((?:last|this|earlier\s+this|earlier\s+in\s+the)\s+week)\b", re.I)),
    # "two weeks ago" (nu15: the date of the event told before had been taken, at day precision)
    (PERIOD, re.compile(r"\b((?:a|one|two|three|four|\d)\s+weeks?\s+ago)\b", re.I)),
    (PERIOD, re.compile(r"\b((?:last|this|earlier\s+this)\s+month)\b", re.I)),
    (PERIOD, re.compile(rf"\b(?:in|since|during|throughout|until|by)\s+{_QUAL}((?:{_MONTHS})(?:\s+\d{{4}})?)\b",
                        re.I)),
    (PERIOD, re.compile(rf"\b(?:early|mid|late)[\s-]+((?:{_MONTHS})(?:\s+\d{{4}})?)\b", re.I)),
    # "At the start of November, the Hamas government said ... bombardment of the camp" (KJ18: dated the day of the
    # strike told before): the month
    (PERIOD, re.compile(rf"\b(?:at|by|around|towards?|near)\s+the\s+(?:start|beginning|end|middle|turn)\s+of\s+"
                        rf"((?:{_MONTHS})(?:\s+\d{{4}})?)\b", re.I)),
]
_WEEKDAY_RE = re.compile(rf"\b({_WEEKDAYS})\b", re.I)
# the verb in lower case: "Two protesters died in Said Sadiq on Tuesday" (KE04: undated) names a town, not a statement
_SAID = re.compile(r"\b(?-i:said|says|announced|accused|told|stated|reported|confirmed|claimed|added|denied|warned|"
                   # "a statement it posted on Wednesday on a Telegram account" (KU03: the attack dated the posting)
                   r"declared|insisted|posted|published|issued)\b[^.;:!?]{0,40}?\s(?:(?:early|late)\s+)?(?:on\s+)?$", re.I)
# A dateline ("BAGHDAD, Feb 8 -", "Gaza, 8 February (Reuters) -") opens a report or paragraph and says
# when and where the report was filed, not when the event happened (Reuters/AP style): its date is
# never the event's.
# "Iraq's prime minister on Sunday condemned ...": the date of the verb of saying right after it
# "The SDF said on August 10 that a Turkish drone strike ... a day earlier": an explicit date right between a
# verb of saying and its "that" is the statement's (OD25: the strike had been drafted on August 10)
_SAID_ON_THAT = re.compile(r"^[^,.;]{3,25}?,?\s+that\b", re.I)
_SAID_AFTER = re.compile(r"^\s*(?:said|says|announced|condemned|confirmed|reported|stated|told|denied|warned|"
                         r"accused|added|declared)\b", re.I)
_FRONTED_SAID = re.compile(r"^\s*,?\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?:said|says|announced|reported|stated|"
                           r"declared|told)\b")
_DATELINE = re.compile(
    rf"^\s*[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){{0,3}}(?:,\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){{0,2}})?,\s+"
    rf"(?i:(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS})\.?)(?:,?\s+\d{{4}})?\s*"
    r"(?:\([^()]{1,40}\)\s*)?[-–—]+\s")
# "the Friday strikes", "Sunday's attack": a day naming an event, never a statement's day
_ATTRIBUTIVE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_EVENT_WORD = re.compile(r"\b(?:killed|killing|died|dead|wounded|injured|hit|struck|attacked|fired|launched|"
                         r"exploded|shelled|bombed|attacks?|raids?|ambush|bombings?|"
                         # "said a Turkish drone breached Iraqi airspace on Wednesday and fired ..." (EB16)
                         r"breached|violated|crossed|infiltrated|stormed|ambushed|targeted|landed|crashed|detonated|"
                         r"clashed|blew\s+up)\b", re.I)
_SINCE = re.compile(r"\b(since|until|before|by)\s+(?:the\s+)?(?:early|mid|late)?[\s-]*$", re.I)
# "killed since Turkey launched its offensive on October 9" (nu15): the day a "since" clause names is when a
# period began, not the event's day; the clause's subject may be long ("since protests demanding sweeping reform and
# an end to Iranian influence began on October 1", KA06: the night's attack had been dated October 1)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,12}?(?:launched|began|begun|started|resumed|restarted|erupted|broke\s+out|"
                           r"took\s+(?:office|power|control)|came\s+into\s+force)\b[^.;,]{0,40}$|"
                           # "the heaviest attack on the area since ISIS overran it in August 2014" (IE01: the strikes
                           # dated August 2014): the day of the clause "since" opens
                           r"\bsince\s+(?:[\w'’-]+\s+){1,6}?(?:(?:in|on)\s+)?$", re.I)


_ELECTION_AFTER = re.compile(r"^\s+(?:(?:local|municipal|parliamentary|presidential|general|legislative|snap|"
                             r"provincial|national|mayoral)\s+)*(?:elections?|polls?|vote|ballot|referendum)\b", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int              # offsets in the sentence
    end: int
    text: str               # the expression as written
    kind: str               # EXPLICIT, RELATIVE or PERIOD
    since: bool             # "since early February": a reference point, not the event's own date
    said: bool = False      # "officials said on Monday": the day of a statement, not of the event


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    day: date               # first day of the window when imprecise
    precision: int          # 1 day, 2 week, 3 month
    kind: str
    text: str


def find_dates(sentence: str) -> list[DateMention]:
    """Date expressions in one sentence, left to right, without overlaps. A dateline opening the
    sentence ("BAGHDAD, Feb 8 -": when the report was filed) is not one."""
    found: list[DateMention] = []
    dateline = _DATELINE.match(sentence)
    taken: list[tuple[int, int]] = [(0, dateline.end())] if dateline else []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == EXPLICIT and m.group(1)[:1].isalpha() and not re.search(r"\d{1,2}", m.group(1)):
                continue
            if kind == EXPLICIT and re.match(r"may\s", m.group(1), re.I) and not m.group(1)[0].isupper():
                continue      # "may 5" is rarely a date in lower case ("they may 5 ...")
            if kind == PERIOD and re.fullmatch(r"may(\s+\d{4})?", m.group(1), re.I) and m.group(1)[0] == "m":
                continue
            taken.append((s, e))
            since = bool(_SINCE.search(sentence[:s]) or _SINCE_CLAUSE.search(sentence[:s])) \
                or m.group(0).lower().startswith(("since", "until", "by "))
            # "elected mayor ... in the March 31 local elections" (LO22: the protests dated March 31): a day naming an
            # election is a reference point, like a "since" date, not the event's day
            since = since or bool(_ELECTION_AFTER.match(sentence[e:]))
            if since and kind == RELATIVE and _WEEKDAY_RE.fullmatch(m.group(1)) \
                    and re.search(r"\bsince\s+$", sentence[:s], re.I):
                since = False     # "clashes killed four people since Saturday" (YD19): days ago, when it began
            said_at = _SAID.search(sentence[:s])
            if said_at and _EVENT_WORD.search(said_at.group(0)):
                said_at = None    # "said 16 people were killed on Friday": the event's day, not the statement's
            # "In August the government said 565 protesters ... had been killed since ..." (Y13: the dispersal told
            # before dated August): a month opening the sentence, before who said, is the statement's
            fronted_said = kind == PERIOD and re.match(r"\s*in\s", sentence, re.I) is not None \
                and sentence[:s].strip(" ,").lower() in ("", "in") \
                and _FRONTED_SAID.match(sentence[e:]) is not None
            said = (bool(said_at) or bool(_SAID_AFTER.match(sentence[e:])) or fronted_said) \
                and (kind != EXPLICIT or _SAID_ON_THAT.match(sentence[s:]) is not None and said_at is not None) \
                and not _ATTRIBUTIVE_BEFORE.search(sentence[:s]) and not re.match(r"['’]s\b", sentence[e:])
            found.append(DateMention(s, e, m.group(1), kind, since, said))
    return sorted(found, key=lambda d: d.start)


# A day without a year that falls at most this many days after publication is a day to come (an election, a deadline);
# further on, it is the same day of the year before ("on 3 December" in a January report)
FUTURE_DAYS = 60


def _in_weeks_after(day: date, published: date) -> bool:
    """Whether ``day``'s month and day, in the publication's year, fall within FUTURE_DAYS after publication."""
    try:
        this_year = day.replace(year=published.year)
    except ValueError:        # 29 February
        return False
    return 0 < (this_year - published).days <= FUTURE_DAYS


@lru_cache(maxsize=4096)
def resolve(text: str, kind: str, published: date) -> ResolvedDate | None:
    """Calendar date of a found expression, relative to the publication date; None when dateparser
    cannot read it or it falls after publication."""
    from dateparser.date import DateDataParser  # imported on first use: ~0.3 s

    expression = re.sub(r"^(?:early|late|mid|earlier|later)[\s-]+(?:on\s+)?", "", text.strip(), flags=re.I)
    if re.fullmatch(r"last\s+night", expression, re.I):
        # before the time of day is cut off below, which left "last" and no date (KY03: "shot dead ... last night"
        # in a Tuesday report had taken the publication day at week precision)
        return ResolvedDate(published - timedelta(days=1), DAY, RELATIVE, text)
    expression = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", expression, flags=re.I)
    last = re.match(r"last\s+(?=(?:" + _WEEKDAYS + r")$)", expression, re.I)
    expression = expression[last.end():] if last else expression
    weekday = bool(_WEEKDAY_RE.fullmatch(expression))
    if weekday and last and published.strftime("%A").lower() == expression.lower():
        # "the attack on Tower 22 last Sunday" in a Sunday report (nu18): the Sunday a week before, not the day
        # of publication
        return ResolvedDate(published - timedelta(days=7), DAY, RELATIVE, text)
    base = datetime.combine(published, datetime.min.time()).replace(hour=12)
    if weekday:
        base += timedelta(days=1)     # the named weekday on or before publication
    if re.fullmatch(r"(?:the\s+(?:day|night)\s+before|the\s+previous\s+"
                                                         r"(?:day|night|evening|morning|afternoon)|a\s+day\s+earlier)",
                                                         text.strip(), re.I):
        return ResolvedDate(published - timedelta(days=1), DAY, RELATIVE, text)
    if expression.lower() in ("tonight", "this morning", "earlier today") or text.strip().lower() in (
            "this morning", "this afternoon", "this evening"):
        return ResolvedDate(published, DAY, RELATIVE, text)
    ago = re.fullmatch(r"(a|one|two|three|four|five|six|\d)\s+days?\s+ago", text.strip(), re.I)
    if ago:               # "two days ago": counted back from publication
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(ago.group(1).lower())
        return ResolvedDate(published - timedelta(days=n or int(ago.group(1))), DAY, RELATIVE, text)
    if re.fullmatch(r"(?:a\s+few|several|some|a\s+couple\s+of)\s+days\s+ago", text.strip(), re.I):
        # "a few days ago": ACLED's week precision, centred three days before publication (the week that holds 1-6
        # days back)
        return ResolvedDate(published - timedelta(days=3), WEEK, PERIOD, text)
    weeks = re.fullmatch(r"(a|one|two|three|four|\d)\s+weeks?\s+ago", text.strip(), re.I)
    if weeks:             # "two weeks ago": the week that many weeks before publication, at week precision
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}.get(weeks.group(1).lower()) or int(weeks.group(1))
        day = published - timedelta(days=7 * n)
        return ResolvedDate(day - timedelta(days=day.weekday()), WEEK, PERIOD, text)
    if re.fullmatch(r"earlier\s+in\s+the\s+week", text.strip(), re.I):
        expression = "this week"      # "earlier in the week": the report's own week
    if re.search(r"weekend$", text.strip(), re.I):
        # the last weekend on or before publication: its Saturday, at week precision (ACLED 2)
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return ResolvedDate(saturday, WEEK, PERIOD, text)
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first"})
    data = parser.get_date_data(expression)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if weekday:
        day = published - timedelta(days=(published.weekday() - data.date_obj.weekday()) % 7)
    if period == "month":
        precision, day = MONTH, day.replace(day=1)
    elif period == "week":
        precision, day = WEEK, day - timedelta(days=day.weekday())
    elif period == "year":
        return None
    else:
        precision = DAY
    if precision == DAY and not weekday and re.search(r"\d{4}", expression) is None \
            and re.search(r"\d", expression) and _in_weeks_after(day, published):
        # "ahead of its elections on May 14" in an April report (KQ18: an attack dated May 14 of the year before): a day
        # a few weeks after publication is one to come, not last year's
        return None
    if day > published:
        if precision == MONTH or re.search(r"\d{4}", expression) is None:
            day = day.replace(year=day.year - 1)        # "on 3 December" in a January report
        if day > published:
            return None
    return ResolvedDate(day, precision, kind, text)
