"""The fuzzy rung's pre-filter (index._ByLength) must give exactly what a plain rapidfuzz
``process.extract`` over every choice gives: same choices, scores, positions and order."""
import random

import pytest
from rapidfuzz import fuzz, process

from geodata.index import _ByLength


def _words(rng: random.Random, n: int) -> list[str]:
    letters = "abdefghijklmnoqrstuwyz"
    words = []
    for _ in range(n):
        parts = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(rng.randint(1, 3))]
        words.append(("al " if rng.random() < 0.3 else "") + " ".join(parts))
    return words


def _variants(rng: random.Random, words: list[str], n: int) -> list[str]:
    out = []
    for word in rng.sample(words, n):
        chars = list(word)
        for _ in range(rng.randint(0, 3)):
            j = rng.randrange(len(chars) + 1)
            op = rng.randint(0, 2)
            if op == 0:
                chars.insert(j, rng.choice("aeiouhqk "))
            elif chars:
                j = min(j, len(chars) - 1)
                if op == 1:
                    chars.pop(j)
                else:
                    chars[j] = rng.choice("aeiouhqk")
        out.append("".join(chars) or "a")
    return out + ["x", "ab", "zzzzzzzzzzzzzzzzzzzz"]


@pytest.mark.parametrize("cutoff", [85, 88])
def test_prefilter_gives_what_a_full_extract_gives(cutoff):
    rng = random.Random(cutoff)
    choices = _words(rng, 4000)
    choices += choices[:50] + ["", "a", "ab"]        # duplicates: ties broken by position
    filtered = _ByLength(choices)
    compared = 0
    for query in _variants(rng, choices, 600):
        expected = [tuple(x) for x in process.extract(query, choices, scorer=fuzz.ratio,
                                                       score_cutoff=cutoff, limit=10)]
        assert filtered.extract(query, cutoff, 10) == expected, query
        compared += bool(expected)
    assert compared > 300                            # most queries do find lookalikes


def test_prefilter_on_no_choices():
    assert _ByLength([]).extract("mosul", 85, 10) == []


def test_arabic_flags_are_is_arabic():
    from geodata.index import _arabic_flags
    from geodata.normalize import is_arabic

    words = ["", "a", "mosul", "الموصل", "tel \u0600", "\u06ff", "\u05ff\u0700", "ژ", "x" * 40, "قرية x", ""]
    assert _arabic_flags(words) == [is_arabic(w) for w in words]
    assert _arabic_flags([]) == []
