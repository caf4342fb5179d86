"""Transliteration-aware match key: one string for all romanisations of the same Arabic name.

Rmelan, Rumeilan, Rmeilan, Rumaylan and رميلان all give "rmln". The key is a consonant
skeleton: vowels (and w/y inside words, which romanise Arabic long vowels and diphthongs)
are dropped, the usual romanisation equivalences are folded (q/k/c/g, kh/x/h, dh/z/th/ẓ,
sh, ch, p/b, v/f; Iraqi and Gulf Arabic say qaf as g: Gatoon/Qatun, Gogjali/Kokjali, while
gh, the ghayn, stays apart), a final -h after a vowel (ta marbuta: Qayyarah/Qayyara) is dropped and
doubled letters are collapsed. Arabic script maps letter by letter onto the same classes,
so a query in Arabic script meets Latin-script gazetteer names. Keys are coarse on purpose:
callers rank key matches below exact and alias matches and check string similarity too.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .normalize import is_arabic, normalize_name

_DIGRAPHS = {"kh": "h", "gh": "G", "sh": "S", "ch": "S", "zh": "j", "dh": "z", "th": "z",
             "ph": "f", "dj": "j", "ou": "u", "oo": "u", "ee": "i"}
_DIGRAPH_RE = re.compile("|".join(_DIGRAPHS))
_SINGLE = str.maketrans({"q": "k", "c": "k", "g": "k", "x": "h", "p": "b", "v": "f"})
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_INNER_SEMIVOWEL = re.compile(r"(?<=\w)[wy]")
_VOWELS = re.compile(r"[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")

# Arabic (and Persian/Kurdish) letters -> the Latin key classes above; long vowels dropped.
_ARABIC_KEY = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "z", "ج": "j", "چ": "S", "ح": "h", "خ": "h", "د": "d",
    "ذ": "z", "ر": "r", "ز": "z", "ژ": "j", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "G", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "گ": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ا": "", "و": "w", "ي": "y",
}


def _latin_key(name: str) -> str:
    s = _DOUBLED.sub(r"\1", name)                       # Zummar/Zumar, Qayyarah/Qayarah
    s = _FINAL_H.sub("", s)
    s = _DIGRAPH_RE.sub(lambda m: _DIGRAPHS[m.group(0)], s)   # one left-to-right pass
    s = _DOUBLED.sub(r"\1", s.translate(_SINGLE))
    s = _INNER_SEMIVOWEL.sub("", s)
    return _VOWELS.sub("", s).replace(" ", "")


def _arabic_key(name: str) -> str:
    out = []
    for word in name.split():
        letters = [_ARABIC_KEY.get(ch, "") for ch in word]
        if letters and letters[-1] == "h":          # final ه is (normalised) ta marbuta
            letters[-1] = ""
        # Letters written twice in a row are one (shadda is not written); but two letters a long
        # vowel stands between stay two: بخديدا is b-kh-d-(i)-d, as Bakhdida is (the Latin key
        # collapses doubles before it drops vowels, so the two keys agree).
        letters = [c for i, c in enumerate(letters) if not (i and c and c == letters[i - 1])]
        # و / ي inside a word are long vowels or diphthongs, like Latin w/y above.
        letters = [c if (c not in "wy" or i == 0) else "" for i, c in enumerate(letters)]
        out.append("".join(letters))
    return "".join(out)


# Vowels as romanisations of Arabic write them: three classes (a, i, u); y/w after a letter are
# long vowels or diphthongs (Rumaylan/Rumeilan, Dawr/Dour).
_SOFT_VOWELS = str.maketrans({"e": "i", "y": "i", "o": "u", "w": "u"})


@lru_cache(maxsize=200_000)
def soft_form(normalized: str) -> str:
    """A Latin name with its vowels in three classes, doubled letters and a final -h after a
    vowel dropped, consonants as written: "tel uskof" -> "tiluskuf", "tallsquf" -> "talsquf".
    Two spellings with one key differ in their vowels; this measures how much."""
    if is_arabic(normalized):
        return normalized
    s = _FINAL_H.sub("", _DOUBLED.sub(r"\1", normalized)).replace(" ", "")
    s = s[:1] + s[1:].translate(_SOFT_VOWELS) if s[:1] in ("y", "w") else s.translate(_SOFT_VOWELS)
    return _DOUBLED.sub(r"\1", s)


@lru_cache(maxsize=200_000)
def translit_key(normalized: str) -> str:
    """Key of an already normalised name (see normalize.normalize_name)."""
    return _arabic_key(normalized) if is_arabic(normalized) else _latin_key(normalized)


def name_key(text: str) -> str:
    """Key of a raw place name: normalise, then skeletonise."""
    return translit_key(normalize_name(text))


# Letters that one romanisation writes where another writes a related one, for one and the same
# name; each pair is a correspondence, not an identity (so a match through it is a lookalike, KEY):
# - gh / kh: Syriac gamal and kaph with rukkakha (a soft g and a soft k) are both written gh or kh
#   in Latin and غ or خ in Arabic (Baghdede, Baghdeda, Bakhdida, بغديدا, بخديدا: Qaraqosh);
# - g for gh: a plain g is how many writers render the soft g (Bagdida, Bagdede);
# - p / f: Syriac and Kurdish p is written ف in Arabic, so f in its romanisations (Tel Keppe,
#   Tall Kayf); p / b is already one key class.
# Source: the Syriac alphabet's begadkepat letters (ܒ ܓ ܕ ܟ ܦ ܬ, each hard or soft) as Syriac,
# Arabic and Latin writers render them; the field file ../shared/data/field/20 shows the pairs.
_LATIN_CORRESPONDENCES = ((re.compile("gh"), "kh"), (re.compile("kh"), "gh"), (re.compile(r"g(?!h)"), "gh"),
                          (re.compile("p"), "f"))
_ARABIC_CORRESPONDENCES = ((re.compile("غ"), "خ"), (re.compile("خ"), "غ"))
MAX_VARIANTS = 8


@lru_cache(maxsize=200_000)
def spelling_variants(normalized: str) -> tuple[str, ...]:
    """Other spellings of an already normalised name under the letter correspondences above,
    each rule applied to every occurrence, up to two rules in a row (g -> gh -> kh), at most
    MAX_VARIANTS, without the name itself: "baghdede" -> ("bakhdede",), "bagdede" ->
    ("baghdede", "bakhdede"), "tel keppe" -> ("tel keffe",), "بخديدا" -> ("بغديدا",)."""
    rules = _ARABIC_CORRESPONDENCES if is_arabic(normalized) else _LATIN_CORRESPONDENCES
    seen = {normalized: None}
    frontier = [normalized]
    for _ in range(2):
        nxt = []
        for form in frontier:
            for pattern, replacement in rules:
                other = pattern.sub(replacement, form)
                if other not in seen and len(seen) <= MAX_VARIANTS:
                    seen[other] = None
                    nxt.append(other)
        frontier = nxt
    return tuple(list(seen)[1:])
