"""The app's two ways in, an upload and ``--data FILE``, give the geocoder a file's district
(tests/events/test_district.py says why: IOM-style village rows, wrong without their district)."""
from tests.events.test_district import assert_district_used, iom_style


def test_the_apps_upload_uses_the_district():
    from dashboard.upload import read_upload
    upload = read_upload(iom_style("district"), "iom_villages.csv")
    assert upload.error in (None, ""), upload.error
    assert_district_used(upload.result.frame)
    assert "District column 'district' used to place the 2 event(s) without coordinates" in " ".join(upload.notes)


def test_the_apps_data_file_uses_the_district(tmp_path):
    from dashboard.data import DatasetHolder
    path = tmp_path / "iom.csv"
    path.write_bytes(iom_style("district"))
    dataset = DatasetHolder(path, settle=0).current()
    assert dataset.problem == "", dataset.problem
    assert_district_used(dataset.result.frame)
