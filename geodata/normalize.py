"""Text normalisation for place names: the one place that decides when two spellings are "the same".

Both the gazetteer index and every query go through these functions, so a rule added here
applies symmetrically (e.g. "Nāḩiyat al Iskandarīyah" and "Al-Iskandariya" both become
"iskandariya"). Rules, in order: Unicode (NFKD, diacritics and Arabic harakat dropped, alef
forms / ta marbuta / alef maqsura / Persian-Kurdish letters unified, tatweel removed), the
ʿ ʾ ’ ‘ marks, case, punctuation, Arabic articles (al-, el-, ash-, ال ...), generic feature words.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters NFKD does not decompose into ASCII + combining marks.
_LATIN_SPECIALS = str.maketrans({
    "ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ß": "ss",
    "æ": "ae", "œ": "oe", "þ": "th", "ə": "e", "ɛ": "e", "ŋ": "n",
})
# Apostrophe-like marks used for ayn/hamza in romanisations: dropped, not turned into a space.
# Hebrew geresh and gershayim (׳ ״: ג׳ is j, ע׳ is gh in Arabic names) are written with the
# apostrophe and quote as often: סח׳נין = סח'נין = סח’נין (Sakhnin).
_MARKS = "ʿʾʻʼ’‘`´'ʹʺ\u02be\u02bf\u2032\u05f3\u05f4"
_DROP_MARKS = str.maketrans("", "", _MARKS)
# Arabic script: unify letter variants (after NFKD has removed hamza/madda marks from alef).
_ARABIC_LETTERS = str.maketrans({
    "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ې": "ي", "ێ": "ي", "ك": "ك", "ک": "ك",
    "ە": "ه", "ۆ": "و", "ۇ": "و", "ڕ": "ر", "ڵ": "ل", "ٹ": "ت", "ء": None, "ـ": None,
    "؟": " ", "،": " ", "٫": " ",
})
# Kurdish (Sorani) ە is a vowel letter (e/a), not the consonant ه it looks like: inside a word it
# is dropped like the vowels the Arabic spelling leaves unwritten (هەڵەبجە, Halabja, is حلبجة:
# h-l-b-j; كوكجەلين is كوكجة لين); at a word's end it is the -e/-a ending written ه (ة) in Arabic.
# Source: the Sorani Kurdish alphabet (Arabic script with every vowel written).
_SORANI_AE = re.compile("\u06d5(?=\\w)")
_NON_WORD = re.compile(r"[^\w]+|_")
_SPACES = re.compile(r"\s+")

ARTICLES = frozenset({
    "al", "el", "il", "ul", "ar", "er", "as", "es", "ash", "esh", "ad", "ed", "at", "et",
    "az", "ez", "an", "en", "adh", "ath",
})
_ARABIC_ARTICLE = re.compile(r"(?:(?<=\s)|^)ال(?=\S{2,})")

# Generic words that say what kind of place it is, not which one. Multi-word phrases first.
# Value: the kind hint the word carries (None: a populated place, no hint).
_MILITARY = "military"
GENERIC_WORDS: dict[str, str | None] = {
    "forward operating base": _MILITARY, "combat outpost": _MILITARY, "military base": _MILITARY,
    "military camp": _MILITARY, "army base": _MILITARY, "air base": _MILITARY, "airbase": _MILITARY,
    "air force base": _MILITARY, "air field": "airfield", "airfield": "airfield", "airstrip": "airfield",
    "landing zone": "airfield", "landing strip": "airfield",
    "airport": "airport", "fob": _MILITARY, "cop": _MILITARY, "base": _MILITARY, "camp": _MILITARY,
    "outpost": _MILITARY, "checkpoint": _MILITARY, "garrison": _MILITARY, "barracks": _MILITARY,
    "oil field": "oil_field", "oilfield": "oil_field", "gas field": "gas_field", "oil refinery": "facility",
    "refinery": "facility", "power station": "facility", "power plant": "facility", "factory": "facility",
    "railroad station": "facility", "railway station": "facility", "station": "facility",
    "border crossing": "border_crossing", "crossing point": "border_crossing", "border post": "border_crossing",
    "dam": "dam",
    # Natural features: the place is near whatever settlement carries the name (Jabal Sinjar, Sinjar).
    "jabal": "natural", "jebel": "natural", "mount": "natural", "mountain": "natural", "mountains": "natural",
    "wadi": "natural", "valley": "natural", "island": "natural", "lake": "natural", "river": "natural",
    "governorate": "region", "province": "region", "muhafazat": "region", "region": "region",
    "district": "district", "sub district": "district", "subdistrict": "district", "qada": "district",
    "qadaa": "district", "nahiya": None, "nahiyat": None, "nahiyah": None,
    "town": None, "village": None, "city": None, "locality": None, "hamlet": None, "settlement": None,
    "area": None, "suburb": None, "neighbourhood": None, "neighborhood": None, "quarter": None,
    # Planned settlements, as humanitarian lists write them ("Sheladize Collective").
    "collective": None, "mujamma": None,
    "qaryat": None, "qaryah": None, "qarya": None, "madinat": None, "mukhayyam": _MILITARY,
}
# Generic words that say which sort of populated place it is: the quarter words include the
# Arabic/Kurdish ones lists use ("Hay Al-Rabeaa", "Al Nasr Qtr"), and common misspellings count.
_QUARTER_WORDS = ("quarter", "neighbourhood", "neighborhood", "suburb", "hay", "hayy", "hai", "hey", "qtr",
                  "mahalla", "mahala", "mahallat")
# Arabic-script forms, as fold() writes them (ة -> ه): قرية village, بلدة town, مدينة city, حي and
# محلة quarter.
_ARABIC_SETTLEMENTS = {"قريه": "village", "بلده": "town", "مدينه": "city", "حي": "quarter", "محله": "quarter"}
SETTLEMENT_WORDS = {"village": "village", "vilage": "village", "viilage": "village", "hamlet": "hamlet",
                    "town": "town", "city": "city", **dict.fromkeys(_QUARTER_WORDS, "quarter"),
                    **_ARABIC_SETTLEMENTS}
# Arabic-script feature words (after fold): airport, base, camp, dam, crossing, field, district,
# governorate, mountain.
GENERIC_WORDS.update({"مطار": "airport", "قاعده": _MILITARY, "معسكر": _MILITARY, "سد": "dam",
                      "معبر": "border_crossing", "حقل": "oil_field", "قضا": "district", "ناحيه": None,
                      "محافظه": "region", "جبل": "natural"})
GENERIC_WORDS.update({word: None for word in SETTLEMENT_WORDS if word not in GENERIC_WORDS})
_GENERIC_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(w) for w in GENERIC_WORDS), key=len, reverse=True)) + r")\b")
# "the Iraqi town of Zummar", "village of X", "outskirts of X", "near X", "12 km north of X"
_CONTEXT_OF = re.compile(
    r"^(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:" + "|".join(sorted(map(re.escape, GENERIC_WORDS), key=len, reverse=True))
    + r")\s+of\s+(.+)$")
_RELATIVE = re.compile(
    r"^(?:(?:the\s+)?(?:outskirts|vicinity|area|surroundings|countryside)\s+of|near(?:by)?|close\s+to|around|"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+)?(?:(?:north|south|east|west)"
    r"(?:\s*(?:north|south|east|west))?\s+of|from|outside(?:\s+of)?))\s+(.+)$")

# UCDP and others add these to admin1 names: "Al Anbār province", "Nineveh Governorate".
_ADMIN1_WORDS = re.compile(
    r"\b(province|governorate|governorat|muhafazat|muhafazah|muhafaza|mohafazat|wilayah|wilayat|"
    r"state|region|district|kurdistan region)\b")


def fold(text: str) -> str:
    """Unicode-, diacritic-, mark- and case-insensitive form with punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SORANI_AE.sub("", text.translate(_DROP_MARKS)).translate(_ARABIC_LETTERS).casefold() \
        .translate(_LATIN_SPECIALS)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def strip_articles(folded: str) -> str:
    """Drop Arabic definite articles: "al majar al kabir" -> "majar kabir", "الرميلان" -> "رميلان"."""
    words = [w for w in folded.split(" ") if w not in ARTICLES]
    out = " ".join(words) if words else folded
    return _ARABIC_ARTICLE.sub("", out)


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A query split into the name proper and what the surrounding words tell about it."""
    core: str                 # normalised name, what the index is searched with
    kind_hint: str | None     # "military", "airfield", "dam", "region" ... from generic words
    relative: bool            # "near X", "10 km north of X": the place is only near the match
    settlement: str | None = None   # "village", "town", "city", "quarter" when the source says so
    # The core read with the letter values of the alphabet it is written in, where folding loses
    # them: Kurdish/Turkish ş ç c x ("Qamişlî" -> "qamishli", "Cindirês" -> "jindires").
    readings: tuple[str, ...] = ()


# Kurdish (Hawar alphabet) and Turkish Latin letters: a name carrying one of them is written in
# that alphabet, where ş is sh, ç is ch, c is j and (Kurdish) x is kh. Folding drops the cedilla
# (ş -> s), which is right for comparing Turkish with Turkish (Şırnak, Sirnak) but loses the
# sound other romanisations spell out (Qamişlî = Qamishli, Cindirês = Jindayris, Xaneqîn =
# Khanaqin). Source: the Kurdish Kurmanji (Hawar) and Turkish alphabets.
_KURMANJI_TURKISH = frozenset("şçêîûğıŞÇÊÎÛĞİ")
_LETTER_VALUES = str.maketrans({"ş": "sh", "Ş": "sh", "ç": "ch", "Ç": "ch", "c": "j", "C": "j", "x": "kh",
                                "X": "kh"})


@lru_cache(maxsize=200_000)
def parse_name(text: str) -> ParsedName:
    """Normalise a place name as written in a source and keep the hints its generic words carry."""
    parsed = _parse(text)
    if not _KURMANJI_TURKISH.intersection(str(text)):
        return parsed
    reading = _parse(str(text).translate(_LETTER_VALUES)).core
    return parsed if reading == parsed.core else \
        ParsedName(parsed.core, parsed.kind_hint, parsed.relative, parsed.settlement, (reading,))


def _parse(text: str) -> ParsedName:
    folded = fold(text)
    relative = False
    m = _RELATIVE.match(folded)
    if m:
        folded, relative = m.group(1), True
    m = _CONTEXT_OF.match(folded)
    if m and not _GENERIC_RE.fullmatch(m.group(1)):
        hint_words = _GENERIC_RE.findall(folded[: m.start(1)])
        folded = m.group(1)
    else:
        hint_words = []
    hint_words += _GENERIC_RE.findall(folded)
    hints = [GENERIC_WORDS[w] for w in hint_words if GENERIC_WORDS[w]]
    settlements = [SETTLEMENT_WORDS[w] for w in hint_words if w in SETTLEMENT_WORDS]
    stripped = _SPACES.sub(" ", _GENERIC_RE.sub(" ", folded)).strip()
    core = strip_articles(stripped or folded)
    if not core:
        core = folded
    return ParsedName(core=core, kind_hint=hints[0] if hints else None, relative=relative,
                      settlement=settlements[0] if settlements else None)


def normalize_name(text: str) -> str:
    """The comparable form of a place name: "Al-Rumailan town" -> "rumailan"."""
    return parse_name(text).core


@lru_cache(maxsize=10_000)
def normalize_admin1(text: str | None) -> str:
    """Comparable first-level division name: "Al Anbār province" -> "anbar"."""
    if not text:
        return ""
    folded = fold(text)
    stripped = _SPACES.sub(" ", _ADMIN1_WORDS.sub(" ", folded)).strip() or folded
    return strip_articles(stripped)


# Compound names in humanitarian lists: "Albu Jasim-Karma", "Buhriz-Al Bwadish village",
# "Karma - Al Somod", "Latifiya 1", "Al-Zubaidiya city center". Each part names a place the row
# is in or next to (town - quarter, village - town), so it is a (weak) name of the row.
_PART_SPLIT = re.compile(r"\s*[-\u2010-\u2015/,;()]\s*")
# Trailing words that tell one of several same-name places apart: old/new, upper/lower, big/small,
# the four directions (Arabic, article glued or not), numbers.
_QUALIFIERS = re.compile(
    r"\b(?:city\s+cent(?:er|re)|cent(?:er|re)|central|markaz|old|new|\d+|(?:al\s*)?(?:qadim|jadid|"
    r"sharqi|gharbi|shamali|janubi|jnubi|wust|ulya|olya|sufla|kabir|kaber|saghir|sagheer)(?:ya|yah|iya|iyah|a|ah)?)\s*$")
# "Markaz X", "X Center", "X city centre": the seat of X, so a name of X itself (humanitarian
# lists name a town's or sub-district's centre this way, beside its quarters and villages).
_CENTRE = re.compile(r"^(?:markaz|markez|merkez)\s+(?P<a>.+)$|^(?P<b>.+?)\s+(?:cent(?:er|re)|central)$")


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    for piece in _PART_SPLIT.split(str(text)):
        piece = piece.strip()
        if not piece:
            continue
        # "Al-Khalidiya", "Deir ez-Zor": a piece that is or ends with an article joins the next.
        if pieces and (fold(pieces[-1]) in ARTICLES or fold(pieces[-1]).split(" ")[-1] in ARTICLES):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces if len(pieces) > 1 else [str(text)]


def _piece_forms(piece: str, full: str) -> list[str]:
    core = normalize_name(piece)
    bare = _SPACES.sub(" ", _QUALIFIERS.sub("", core)).strip()
    return [form for form in dict.fromkeys((core, bare)) if len(form) >= 3 and form != full and not form.isdigit()]


@lru_cache(maxsize=200_000)
def name_parts(text: str) -> tuple[str, ...]:
    """Normalised parts of a compound name, without the full name itself: "Albu Jasim-Karma" ->
    ("albu jasim", "karma"); "Al-Khalidiya" -> () (the hyphen only joins the article)."""
    full = normalize_name(text)
    return tuple(dict.fromkeys(form for piece in _pieces(text) for form in _piece_forms(piece, full)))


@lru_cache(maxsize=200_000)
def quarter_forms(text: str) -> frozenset[str]:
    """The forms of a name (whole or part) that its own words call a quarter: "Barwanah-Hay
    Al-Shurta" -> {"shurta", "barwanah shurta"}; the part "barwanah" is the town it lies in."""
    full = normalize_name(text)
    out = {full} if parse_name(text).settlement == "quarter" else set()
    for piece in _pieces(text):
        if parse_name(piece).settlement == "quarter":
            out.update(_piece_forms(piece, full))
    return frozenset(out)


@lru_cache(maxsize=200_000)
def centre_of(text: str) -> str | None:
    """The place a "centre" name names: "Markaz Al Batha" -> "batha", "Tilkaif Center" ->
    "tilkaif"; None for any other name."""
    m = _CENTRE.match(normalize_name(text))
    if not m:
        return None
    core = strip_articles(m.group("a") or m.group("b"))
    return core if len(core) >= 3 and not core.isdigit() else None


# Leading words naming the sort of place (caravanserai, castle, hill, spring, well, canal) that
# one source writes and another leaves out: "Khan Bani Sa'd" / "Bani Saad", "Tall 'Uwaynat" /
# "Ewaynat".
_LEADING_FEATURE = re.compile(r"^(?:khan|qasr|tall|tal|tel|tell|kani|ain|ayn|bir|nahr|qalat|qala)\s+(?=\S{3,})")


@lru_cache(maxsize=200_000)
def weaker_forms(text: str) -> tuple[str, ...]:
    """What to look up when a query's whole name finds nothing: the name without a leading
    feature word ("Khan Bani Sa'd" -> "bani sad"). Not without a trailing qualifier: "northern
    X" names one X of several, and the nearest X in the list is as likely the other one."""
    core = normalize_name(text)
    m = _LEADING_FEATURE.match(core)
    if m:
        return (core[m.end():],)
    # English qualifiers reporting puts before a name ("Eastern Ghariyeh", "Big Sweidiyeh"): the
    # name without it is one of its namesakes, a PART match at best.
    m = _LEADING_QUALIFIER.match(core)
    return (core[m.end():],) if m else ()


_LEADING_QUALIFIER = re.compile(r"^(?:eastern|western|northern|southern|east|west|north|south|upper|lower|big|"
                                r"small|little|great|greater|old|new)\s+(?=\S{3,})")
