"""Events with coordinates but no admin1 get admin1 and admin2 from the embedded polygons on load."""
from events import load_bytes

from .conftest import curated_csv


def test_admin1_and_admin2_filled_from_the_point():
    data = curated_csv({"admin1": ""}, {"admin1": "Hasakah province"},
                       {"admin1": "", "country": "IQ", "location": "Zummar", "latitude": "36.76667",
                        "longitude": "42.63333"},
                       {"admin1": "", "latitude": "", "longitude": "", "location": "Qwxzvbn"})
    frame = load_bytes(data, "e.csv").frame.set_index("event_id")
    assert frame.loc["T1", ["admin1", "admin2"]].tolist() == ["Hasaka (Al Haksa)", "Al-Malikiyah"]
    assert frame.loc["T2", ["admin1", "admin2"]].tolist() == ["Hasakah province", "Al-Malikiyah"]   # kept
    assert frame.loc["T3", ["admin1", "admin2"]].tolist() == ["Ninawa", "Telafar"]
    assert frame.loc["T4", ["admin1", "admin2"]].tolist() == ["", ""]      # no point: nothing invented
