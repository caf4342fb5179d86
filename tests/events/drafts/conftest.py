"""Drafting needs the real gazetteer: one data directory for the whole session (materialising the
embedded base takes seconds), still a temporary one, never ~/.cache."""
import pytest


@pytest.fixture(scope="session")
def _drafts_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("drafts-data")


@pytest.fixture(autouse=True)
def _private_data_dir(_drafts_data_dir, monkeypatch):
    """Overrides tests/events/conftest.py's per-test directory with the session's."""
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(_drafts_data_dir))
