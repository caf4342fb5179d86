"""A border town coded to the wrong country (nu4 fault 6): "Al-Qaim" asked in SY offered Jasim (Daraa,
~450 km away) first and no hint; "Abu Kamal" asked in IQ offered villages. When no place of the given
country carries the name exactly (the candidates are near-spellings) and a neighbour's town or city does,
the result says so in ``hint`` and the CLI text; the answer itself (status, candidates) never moves
across the border."""
import os
import subprocess
import sys
from pathlib import Path

from geodata import geocode
from geodata.crossborder import neighbour_town_hint
from geodata.geo import distance_km
from geodata.normalize import parse_name

ROOT = Path(__file__).resolve().parents[2]
AL_QAIM = (34.37, 41.09)        # Al-Qa'im, Anbar (curated row)
ABU_KAMAL = (34.45, 40.92)      # Abu Kamal, Deir ez-Zor (curated row)


def _never_across(result, point):
    assert result.status != "resolved" and result.latitude is None
    for alt in result.alternatives:
        assert distance_km(point[0], point[1], alt.latitude, alt.longitude) > 50, alt


def test_al_qaim_asked_in_syria_hints_at_the_iraqi_town(real_data_dir):
    for name in ("Al-Qaim", "Qaim"):
        result = geocode(name, "SY")
        _never_across(result, AL_QAIM)
        assert result.hint == ("no place in SY has this exact name (the candidates are other spellings); "
                               "a town of this exact name is in IQ: Al-Qa'im (Anbar)")


def test_abu_kamal_asked_in_iraq_hints_at_the_syrian_town(real_data_dir):
    result = geocode("Abu Kamal", "IQ")
    assert result.status == "ambiguous" and result.alternatives      # villages of Iraq, unchanged
    _never_across(result, ABU_KAMAL)
    assert result.hint.endswith("a town of this exact name is in SY: Abu Kamal (Deir ez-Zor)")


def test_regional_town_of_a_neighbour(real_data_dir):
    # Ceylanpınar (Şanlıurfa) is no curated row: the regional gazetteer's town
    assert neighbour_town_hint(parse_name("Ceylanpinar").core, "SY").endswith(
        "a town of this exact name is in TR: Ceylanpinar (Sanliurfa)")


def test_no_hint_when_the_country_holds_the_name_exactly(real_data_dir):
    # Sinjar: Iraq's town, but Syria has a village of that exact name (Idlib): a real answer there
    result = geocode("Sinjar", "SY")
    assert result.alternatives and not result.hint
    # Mosul asked in Iraq: resolved, nothing to hint
    assert geocode("Mosul", "IQ").hint is None


def test_a_neighbours_village_is_no_reason_for_the_hint(real_data_dir):
    # Al-Yarubiyah is a village (two, in fact) in Syria: it is named only when Iraq has nothing at all
    assert neighbour_town_hint(parse_name("Al-Yarubiyah").core, "IQ") is None
    result = geocode("Al-Yarubiyah", "IQ")
    assert result.status == "unresolved" and result.hint.startswith("not found in IQ")


def test_cli_text_prints_the_hint(real_data_dir):
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(real_data_dir)}
    proc = subprocess.run([sys.executable, "-m", "geodata", "geocode", "Al-Qaim", "--country", "SY"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stdout.startswith("ambiguous")
    assert "  hint: no place in SY has this exact name" in proc.stdout
    assert "IQ: Al-Qa'im (Anbar)" in proc.stdout


def test_unresolved_hint_names_places_as_the_app_shows_them(real_data_dir):
    # WOF writes the village three ways ("Al Ya`rubiyah", "Al Ya‘rūbīyah", "Al Ya‘rubīyah"): one label
    assert geocode("Al-Yarubiyah", "IQ").hint == "not found in IQ; a place of this name is in SY: Al Ya'rubiyah"
    assert "SY: Rmelan (Al-Hasakah)" in geocode("Rumalyn", "IQ").hint


def test_a_lookalike_with_other_words_is_no_neighbour_hint(real_data_dir):
    """nu7: "Qabak" (a village of Telafar) said "a place of this name is in IR: Aqa Bak": one word against
    two, and not this name. A near-spelling must keep the name's words, and is called a similar name."""
    assert "Aqa Bak" not in (geocode("Qabak", "IQ").hint or "")
    assert "Aqa Bak" not in (geocode("Qabak Village", "IQ", "Ninewa").hint or "")
