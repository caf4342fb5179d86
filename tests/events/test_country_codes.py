"""A row whose own country code names another country than its country name (nu4 fault 9, field/14):
UCDP's "DR Congo (Zaire)" with country_id 645 (Iraq) and a point in Anbar. The name's country (CD) is
kept, as the field README says; the user is warned, with file, row, column and what each says."""
import csv
import io
import json

import pytest

from events import load, load_bytes
from events.__main__ import main

from .conftest import FIXTURES, SHARED

FIXTURE = FIXTURES / "ucdp_ged_iraq_admin1.csv"      # six real UCDP GED Iraq rows (see the README)


def _rows(changes_by_id: dict[str, dict[str, str]]) -> bytes:
    """The fixture with some rows changed (by UCDP's own column names), header as shipped."""
    rows = list(csv.reader(io.StringIO(FIXTURE.read_text(encoding="utf-8"))))
    header, body = rows[0], rows[1:]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in body:
        record = dict(zip(header, row))
        record.update(changes_by_id.get(record["id"], {}))
        writer.writerow([record[h] for h in header])
    return buf.getvalue().encode()


def _country_warnings(result):
    return [w for w in result.warnings if w.column == "country"]


def test_country_name_against_the_rows_own_country_id():
    # Fallujah (id 114064, line 2: country_id 645, a point in Anbar) written as UCDP writes DR Congo
    result = load_bytes(_rows({"114064": {"country": "DR Congo (Zaire)"}}), "ged.csv", geocode=False)
    row = result.frame.set_index("event_id").loc["114064"]
    assert row["country"] == "CD"                                     # kept as the name says
    [warning] = _country_warnings(result)
    assert (warning.file, warning.line, warning.column, warning.value) == ("ged.csv", 2, "country", "DR Congo (Zaire)")
    assert warning.reason == ("the country column says Democratic Republic of the Congo (CD), but the row's "
                              "country_id 645 is Iraq (IQ), and the coordinates lie in Iraq (IQ) (kept as CD, "
                              "as the country column says: check which is right)")
    assert result.warned == 1 and len(result.frame) == 6 and not result.errors


def test_side_a_of_another_state_is_no_disagreement():
    # id 213488: Government of Turkey - PKK in northern Iraq: gwnoa 640 (Turkey) is side A's state,
    # not the event's country; country Iraq and country_id 645 agree: nothing to say
    result = load_bytes(FIXTURE.read_bytes(), "ged.csv", geocode=False)
    assert "213488" in set(result.frame["event_id"])
    assert _country_warnings(result) == [] and result.warnings == []


def test_code_for_a_country_away_from_the_point_says_where_the_point_is():
    result = load_bytes(_rows({"114064": {"country_id": "652"}}), "ged.csv", geocode=False)   # 652: Syria
    [warning] = _country_warnings(result)
    assert "the row's country_id 652 is Syria (SY); the coordinates lie in Iraq (IQ) (kept as IQ" in warning.reason


def test_cli_validate_prints_it(capsys, tmp_path):
    path = tmp_path / "ged.csv"
    path.write_bytes(_rows({"114064": {"country": "DR Congo (Zaire)"}}))
    assert main(["validate", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["warned"] == 1
    assert [w["column"] for w in out["warnings"]] == ["latitude, longitude", "country"]
    assert "country_id 645 is Iraq (IQ)" in out["warnings"][1]["reason"]


@pytest.mark.skipif(not (SHARED / "field").is_dir(), reason="../shared/data/field is not beside the project")
def test_field_14_row_is_cd_with_a_warning_naming_the_code():
    result = load(SHARED / "field" / "14min_ucdp_drc.csv", geocode=False)
    assert list(result.frame["country"]) == ["CD"] and not result.errors
    [warning] = _country_warnings(result)
    assert warning.line == 2 and warning.value == "DR Congo (Zaire)"
    assert "country_id 645 is Iraq (IQ), and the coordinates lie in Iraq (IQ)" in warning.reason


@pytest.mark.skipif(not (SHARED / "ucdp_ged_iraq_1989_2018.csv").is_file(), reason="../shared absent")
def test_real_ucdp_iraq_file_has_no_such_warning():
    # 7,473 rows, many with side A another state (Turkey, Iran, the US): no false alarm
    result = load(SHARED / "ucdp_ged_iraq_1989_2018.csv", geocode=False)
    assert _country_warnings(result) == []


def test_acled_iso_code_against_the_country_name():
    # ACLED's numeric ``iso`` is the event country's: Zummar (line 2) written "Iraq" with Syria's 760
    text = (FIXTURES / "acled_modern.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    rows[1][header.index("iso")] = "760"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    result = load_bytes(buf.getvalue().encode(), "acled.csv", geocode=False)
    [warning] = _country_warnings(result)
    assert (warning.line, warning.value) == (2, "Iraq")
    assert warning.reason.startswith("the country column says Iraq (IQ), but the row's iso 760 is Syria (SY); "
                                     "the coordinates lie in Iraq (IQ)")
    assert _country_warnings(load(FIXTURES / "acled_modern.csv", geocode=False)) == []
