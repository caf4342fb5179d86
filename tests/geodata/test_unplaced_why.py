"""An answer left unplaced although one candidate scored enough says why: its class and that
class's measured confidence (the text output used to say only 'unresolved' for "Al Mafraq" JO,
whose one candidate is the exact town: class exact|none|common, below the 0.95 placing needs)."""
from geodata.__main__ import _describe
from geodata.calibration import RESOLVE_AT, confidence
from geodata.geocoder import geocode


def test_single_candidate_unresolved_gives_its_class_and_measured_share():
    result = geocode("Al Mafraq", "JO")
    assert result.status == "unresolved" and len(result.alternatives) == 1
    text = _describe(result, "JO")
    assert text.splitlines()[0] == "unresolved"
    share = confidence(result.basis)
    assert share < RESOLVE_AT
    assert f"measured: {share:.0%} of answers of the best candidate's class ({result.basis})" in text
    assert f"placing needs {RESOLVE_AT:.0%}" in text


def test_common_name_says_many_places_carry_it_and_admin1_places_it():
    text = _describe(geocode("Mafraq", "JO"), "JO")
    assert "|common" in text
    assert "why: many places of the region carry this name" in text
    assert f"measured {confidence('exact|agree|common'):.1%} (class exact|agree|common) and are placed" in text
    placed = geocode("Mafraq", "JO", "Mafraq")
    assert placed.status == "resolved" and placed.basis == "exact|agree|common"


def test_unresolved_without_candidates_claims_no_share():
    result = geocode("Qzxqzxwv", "JO")
    assert result.status == "unresolved" and not result.alternatives
    text = _describe(result, "JO")
    assert "measured" not in text and "why:" not in text


def test_an_unplaced_answer_says_why_in_words():
    # nu9: the class line ("exact|none|contested ... ucdp_iq@name") meant nothing to a new user
    contested = _describe(geocode("Tal Afar", "IQ"), "IQ").splitlines()
    assert contested[1].startswith("  in short: ") and "places of this or a like name (Tal Afar, " in contested[1]
    assert "score within 0.2 of the best match" in contested[1]
    assert "give the admin1 (--admin1) to choose" in contested[1] and "|" not in contested[1]
    # (Bartella -> Bartalah was the example here; since session 20 it is the name in another
    # romanisation, and resolved)
    spelled = _describe(geocode("Tel Kaif", "IQ"), "IQ")
    assert "only a like spelling was found (Talkif)" in spelled
    placed = _describe(geocode("Tal Afar", "IQ", "Nineveh"), "IQ")
    assert placed.startswith("resolved") and "in short" not in placed


def test_tied_like_spellings_are_all_named():
    # nu10: "Baghouz" said "only a like spelling was found (Kasan)" although Baghuz, in Deir ez-Zor,
    # scored the same: the plain line names every candidate the answer could not choose between
    result = geocode("Baghouz", "SY")
    assert result.status == "ambiguous"
    line = _describe(result, "SY").splitlines()[1]
    # both are the name in another romanisation (session 20: vowels written otherwise), so "this or a like name"
    assert line.startswith("  in short: 2 places of this or a like name (")
    assert "Baghuz" in line and "Kasan" in line


def test_the_admin1_is_suggested_only_when_it_would_place_the_answer():
    # nu11: "Fallujha" was told "give the admin1 (--admin1) to choose"; with --admin1 Anbar it stayed unplaced
    line = _describe(geocode("Fallujha", "IQ"), "IQ").splitlines()[1]
    assert "--admin1" not in line and "giving its admin1 would not place it either" in line
    assert "check the spelling" in line
    assert "give the admin1 (--admin1) to choose" in _describe(geocode("Tal Afar", "IQ"), "IQ").splitlines()[1]
