"""The README's Python snippet runs as written and codes the meeting it shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_python_snippet_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), flags=re.S)
    assert blocks, "the README has no Python snippet"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], "README.md", "exec"), {})  # noqa: S102 - the documented snippet itself
    lines = out.getvalue().splitlines()
    assert any(line.startswith("043 CHNGOV") and line.endswith("PRKGOV") for line in lines), lines
