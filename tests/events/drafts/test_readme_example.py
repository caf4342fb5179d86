"""The README's `events draft` example is the command's real output, shortened only where it says so (`…`).
Skips when ../shared is absent (CI without it)."""
from pathlib import Path

import pytest

from .test_seed import SEED

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not here")
ROOT = Path(__file__).resolve().parents[3]
COMMAND = "$ .venv/bin/python -m events draft ../shared/seed/sputnik_2024-04-22_us_base_syria_attacked.txt"


def readme_output() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split(COMMAND, 1)[1].split("```", 1)[0]
    return block.splitlines()[1:]


def test_the_readme_draft_example_is_the_real_output_shortened_only_where_marked(capsys):
    # the command's own entry point, in this process: the same output as `python -m events draft` (the seed
    # tests run that as a process), without loading the gazetteer in one more process
    from events.__main__ import main
    shown = readme_output()
    assert len(shown) > 5
    assert main(["draft", str(SEED), "--published", "2024-04-22"]) == 0
    real = capsys.readouterr().out.splitlines()
    at, skipping = 0, False
    for line in shown:
        if line.strip() == "…":   # lines left out: what follows must still come later, in order
            skipping = True
            continue
        prefix = line[:-1].rstrip() if line.endswith("…") else None
        while at < len(real) and not (real[at].startswith(prefix) if prefix else real[at] == line):
            assert skipping, f"README line {line!r} is not the output's next line {real[at]!r} and no '…' says so"
            at += 1
        assert at < len(real), f"README line {line!r} is not in the output (in this order)"
        at, skipping = at + 1, False
    assert at == len(real) or skipping or all(not r.strip() for r in real[at:]), \
        "the README's output stops early without a closing '…'"
