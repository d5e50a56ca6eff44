"""The progress bar of long commands: a total when the inputs can be counted, percentage, rate,
ETA and failures on a terminal; nothing but the summary when stderr is not a terminal."""

from __future__ import annotations

import io
import json
from pathlib import Path

from marsad.cli._progress import Progress
from marsad.cli.main import main
from marsad.readers import read
from marsad.readers.count import count_articles


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as a console's stderr does."""

    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_the_bar_shows_total_percentage_rate_eta_and_failures() -> None:
    clock, out = Clock(), Terminal()
    p = Progress(out, clock, total=200)
    clock.t = 10.0
    p.update({"articles": 38, "skipped": 10, "events": 70, "failures": 2})
    line = out.getvalue().rsplit("\r", 1)[-1]
    assert "25%" in line and "50/200 articles" in line and "5.0/s" in line and "ETA 30s" in line
    assert "failures 2" in line and "events 70" in line and "(10 already stored)" in line
    assert "[#####..." in line
    clock.t = 20.0
    p.update({"articles": 148, "failures": 2}, force=True)
    assert "100%" in out.getvalue().rsplit("\r", 1)[-1] and "ETA 0s" in out.getvalue()


def test_without_a_total_the_count_and_rate_show() -> None:
    clock, out = Clock(), Terminal()
    p = Progress(out, clock)
    clock.t = 4.0
    p.update({"articles": 10})
    line = out.getvalue().rsplit("\r", 1)[-1]
    assert line.startswith("\x1b[K10 articles  2.5/s") and "%" not in line and "ETA" not in line


def test_quiet_when_not_a_terminal() -> None:
    clock, out = Clock(), io.StringIO()
    p = Progress(out, clock, total=10)
    for t in range(1, 30):
        clock.t = float(t * 20)
        p.update({"articles": 1}, force=True)
    p.close()
    assert out.getvalue() == ""


def test_inputs_are_counted_cheaply_when_they_can_be(ant_dir: Path, tmp_path: Path) -> None:
    n = sum(1 for x in read([ant_dir]) if not hasattr(x, "reason"))
    assert count_articles([ant_dir]) == n
    lines = tmp_path / "a.jsonl"
    lines.write_text("\n".join(json.dumps({"id": f"x{i}", "text": "نص الخبر"}) for i in range(7)) + "\n\n", "utf-8")
    assert count_articles([lines]) == 7
    assert count_articles([lines, ant_dir]) == n + 7
    array = tmp_path / "b.json"
    array.write_text(json.dumps([{"text": "نص"}] * 3), "utf-8")
    assert count_articles([array]) is None and count_articles(["-"]) is None


def test_ingest_and_export_draw_the_bar_on_a_terminal_only(ant_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    n = count_articles([ant_dir])
    err = Terminal()
    assert main(["ingest", str(ant_dir), "--db", db, "--pipeline", "store_toy:load"],
                stdout=io.StringIO(), stderr=err) == 0
    last = err.getvalue().split("\n")[0].rsplit("\r", 1)[-1]
    assert f"{n}/{n} articles" in last and "100%" in last and "failures 0" in last
    plain = io.StringIO()
    assert main(["ingest", str(ant_dir), "--db", db, "--pipeline", "store_toy:load"],
                stdout=io.StringIO(), stderr=plain) == 0
    assert "\r" not in plain.getvalue() and "%" not in plain.getvalue()
    err = Terminal()
    assert main(["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "e.csv")],
                stdout=io.StringIO(), stderr=err) == 0
    exported = int(err.getvalue().split("exported ")[1].split()[0].replace(",", ""))
    assert f"{exported}/{exported} events" in err.getvalue() and "100%" in err.getvalue()
    err = Terminal()
    assert main(["recode", "--db", db, "--pipeline", "store_toy:load", "--all"],
                stdout=io.StringIO(), stderr=err) == 0
    assert f"{n}/{n} articles" in err.getvalue().split("\n")[0] and "100%" in err.getvalue()
