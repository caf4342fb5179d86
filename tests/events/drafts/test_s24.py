"""Faults found in session 24 (a new user's trial, nu27, and the drafter's own leads), each written as the kind."""
import json
import os

from events.__main__ import main
from events.drafts import places


def test_a_first_draft_on_a_machine_says_on_stderr_why_it_takes_seconds(monkeypatch, tmp_path, capsys):
    # nu27: the first `python -m events draft` sat silent for ~20 s while the gazetteer names were folded.
    # Jordan's forms are made as on a new machine (the others are read back from the suite's data directory)
    kept = places._cached_forms
    monkeypatch.setattr(places, "_cached_forms", lambda country, key: None if country == "JO" else kept(country, key))
    monkeypatch.setattr(places, "_matchers", {})
    monkeypatch.setattr(places, "_told_folding", False)
    report = tmp_path / "r.txt"
    report.write_text("A drone crashed near Ruwaished in Jordan on Monday, the army said.", encoding="utf-8")
    assert main(["draft", str(report), "--published", "2024-02-06", "--json"]) == 0
    first = capsys.readouterr()
    assert "first draft on this machine" in first.err and os.environ["CONFLICTMAP_DATA_DIR"] in first.err
    assert isinstance(json.loads(first.out), list)            # stdout stays one JSON list
    monkeypatch.setattr(places, "_cached_forms", kept)
    monkeypatch.setattr(places, "_matchers", {})
    monkeypatch.setattr(places, "_told_folding", False)
    assert main(["draft", str(report), "--published", "2024-02-06", "--json"]) == 0
    assert "first draft" not in capsys.readouterr().err       # later runs read the kept forms back, silently
