import pytest

from geodata.normalize import fold, normalize_admin1, normalize_name, parse_name


@pytest.mark.parametrize("raw, expected", [
    ("Zummār", "zummar"),                          # diacritics
    ("Ḩuşaybah", "husaybah"),                      # dots and cedillas below
    ("Ba‘qūbah", "baqubah"),                       # ayn mark ‘
    ("Karbalā’", "karbala"),                       # hamza mark ’
    ("ʿAnah", "anah"), ("Saʾid", "said"),          # ʿ ʾ
    ("ZUMMAR", "zummar"),                          # case
    ("Tall-Afar", "tall afar"),                    # punctuation
])
def test_fold(raw, expected):
    assert fold(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Al-Rumailan", "rumailan"), ("El Obeid", "obeid"), ("Ar Ramadi", "ramadi"), ("As Samawah", "samawah"),
    ("Ash Sharqat", "sharqat"), ("Ad Dawr", "dawr"), ("At Tarmiyah", "tarmiyah"), ("Az Zubayr", "zubayr"),
    ("An Najaf", "najaf"), ("Adh Dhuluiyah", "dhuluiyah"), ("Al Majar al Kabir", "majar kabir"),
])
def test_arabic_articles(raw, expected):
    assert normalize_name(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Zummār town", "zummar"), ("Abu Tibban village", "abu tibban"), ("Baghdad city", "baghdad"),
    ("Kalsu base", "kalsu"), ("Ain Assad Air Base", "ain assad"), ("Al-Asad military base", "asad"),
    ("Camp Ashraf", "ashraf"), ("FOB Kalsu", "kalsu"), ("Rumaila oil field", "rumaila"),
    ("Hit district", "hit"), ("Anbar province", "anbar"), ("the Iraqi town of Zummar", "zummar"),
])
def test_generic_words(raw, expected):
    assert normalize_name(raw) == expected


def test_generic_word_alone_is_kept():
    assert normalize_name("Camp") == "camp"


@pytest.mark.parametrize("raw, hint", [
    ("Kalsu base", "military"), ("Rmelan airstrip", "airfield"), ("Rumaila oil field", "oil_field"),
    ("Haditha Dam", "dam"), ("Anbar province", "region"), ("Zummar town", None), ("Zummar", None),
])
def test_kind_hints(raw, hint):
    assert parse_name(raw).kind_hint == hint


def test_relative_phrases():
    assert parse_name("10 km north of Tikrit") == parse_name("10 km north of Tikrit")
    parsed = parse_name("10 km north of Tikrit")
    assert (parsed.core, parsed.relative) == ("tikrit", True)
    assert parse_name("near Hit").relative and not parse_name("Hit").relative


@pytest.mark.parametrize("variant", ["الرميلان", "رمیلان", "رميلانـ", "رَمِيلان"])
def test_arabic_script_variants(variant):
    # article ال, Persian yeh, tatweel, harakat
    assert normalize_name(variant) == "رميلان"


@pytest.mark.parametrize("a, b", [("الإسكندرية", "الاسكندرية"), ("أبو غريب", "ابو غريب"), ("آمرلي", "امرلي"),
                                  ("القيارة", "القياره"), ("مصطفى", "مصطفي")])
def test_arabic_letter_forms(a, b):
    # alef forms, ta marbuta, alef maqsura
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize("raw, expected", [
    ("Al Anbār province", "anbar"), ("Nīnawá province", "ninawa"), ("Şalāḩ ad Dīn province", "salah din"),
    ("Salah al-Din", "salah din"), ("Al-Hasakah Governorate", "hasakah"), ("", ""), (None, ""),
])
def test_normalize_admin1(raw, expected):
    assert normalize_admin1(raw) == expected
