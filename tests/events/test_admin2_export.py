"""One spelling per district in what the product writes, as for admin1 (issue 10): UCDP writes
"Qaḑā’ al Mawşil" and "Sinjār district", IOM's village lists "Mosul" and "Sinjar", the loader fills
WOF's "Mosul" from the point; a pivot on the exported admin2 split each district three ways. Exports
now write admin2 under its one display name (the embedded polygon's, ``geodata.display.admin2_shown``)
and the file's own spelling in admin2_source right after it ("" where filled from the point)."""
import pandas as pd
import pytest

from events import load, load_bytes
from events.__main__ import main
from events.export import to_csv_bytes
from geodata.display import admin2_shown

from .conftest import FIXTURES, curated_csv

FIXTURE = FIXTURES / "ucdp_ged_iraq_admin1.csv"     # six real UCDP GED Iraq rows (see test_admin1_export.py)


@pytest.mark.parametrize(("country", "spelling", "shown"), [
    ("IQ", "Qaḑā’ al Mawşil", "Mosul"),          # UCDP
    ("IQ", "Mosul district", "Mosul"),
    ("IQ", "Mosul", "Mosul"),                   # IOM
    ("IQ", "Sinjār district", "Sinjar"),
    ("IQ", "Qaḑā’ al Ḩamdānīyah", "Hamdaniya"),
    ("IQ", "Al-Hamdaniya", "Hamdaniya"),
    ("IQ", "Hatra", "Hatra"),                   # an exact name wins over the close "Shatra" (Dhi Qar)
    ("SY", "Ras al-Ayn district", "Ra's-al-Ayn"),
    ("IQ", "Al Fāw district", "Al Fāw district"),   # no embedded polygon goes by it: as given
    ("IQ", "", ""),
    ("FR", "Mosul", "Mosul"),                   # a country without embedded districts: as given
])
def test_one_display_name_per_district(country, spelling, shown):
    assert admin2_shown(country, spelling) == shown


def test_geocoded_export_writes_the_display_name_and_the_source_spelling(tmp_path):
    out = tmp_path / "out.csv"
    assert main(["convert", str(FIXTURE), "--to", "csv", "--geocode", "--out", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False).set_index("event_id")
    columns = list(table.columns)
    assert columns[columns.index("admin2"):][:2] == ["admin2", "admin2_source"]
    assert table.loc["217874", ["admin2", "admin2_source"]].tolist() == ["Mosul", "Qaḑā’ al Mawşil"]
    assert table.loc["196787", ["admin2", "admin2_source"]].tolist() == ["Sinjar", "Sinjār district"]
    assert table.loc["114064", ["admin2", "admin2_source"]].tolist() == ["Falluja", "Qaḑā’ al Fallūjah"]
    assert table.loc["121309", ["admin2", "admin2_source"]].tolist() == ["Al Fāw district", "Al Fāw district"]
    # "Northern Iraq" (no adm_2) filled from its point: a district, no source spelling
    filled = table.loc["213488", ["admin2", "admin2_source"]].tolist()
    assert filled[0] != "" and filled[1] == ""
    assert table.loc["158404", ["admin2", "admin2_source"]].tolist() == ["", ""]      # the country placeholder


def test_ucdp_and_a_village_list_write_mosul_once(tmp_path):
    """The same district from two sources, written in one export: one name, each source's spelling kept."""
    ucdp = load(FIXTURE).frame
    iom = load_bytes(curated_csv({"district": "Mosul", "country": "IQ", "admin1": "Ninewa", "location": "Mosul",
                                  "latitude": "36.34", "longitude": "43.13"},
                                 columns=(*ucdp.columns[:21], "district")), "iom.csv").frame
    both = pd.concat([ucdp, iom], ignore_index=True)
    out = pd.read_csv(__import__("io").BytesIO(to_csv_bytes(both)), dtype=str, keep_default_na=False)
    mosul = out[out["admin2_source"].isin(["Qaḑā’ al Mawşil", "Mosul"])]
    assert len(mosul) == 2 and set(mosul["admin2"]) == {"Mosul"}


def test_an_export_read_back_keeps_admin2_source_and_writes_the_same_file(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["convert", str(FIXTURE), "--to", "csv", "--geocode", "--out", str(first)]) == 0
    assert main(["convert", str(first), "--to", "csv", "--geocode", "--out", str(second)]) == 0
    a = pd.read_csv(first, dtype=str, keep_default_na=False).set_index("event_id").drop(index="158404")
    b = pd.read_csv(second, dtype=str, keep_default_na=False).set_index("event_id").drop(index="158404")
    cols = ["admin1", "admin1_source", "admin2", "admin2_source"]
    pd.testing.assert_frame_equal(b[cols], a[cols])
    assert "Qaḑā’ al Mawşil" in set(b["admin2_source"])
