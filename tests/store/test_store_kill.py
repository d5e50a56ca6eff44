"""``kill -9`` in the middle of ``marsad ingest``, then resume: the rows of an uninterrupted run."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import update
from store_helpers import toy_env

from marsad.cli.main import main
from marsad.jobs.ingest import Counts
from marsad.store import open_store
from marsad.store.schema import runs


def _snapshot(db: Path) -> tuple:  # type: ignore[type-arg]
    with open_store(db) as store:
        events = [(e.id, e.mention_id, e.num_mentions) for e in store.events()]
        return store.counts(), events, store.duplicates(), sorted(a.id for a in store.articles())


def _run_until_gate(db: Path, src: Path, gate: Path, after: int) -> int:
    """Start an ingest that hangs after ``after`` articles; kill -9 it there; return stored articles."""
    env = toy_env() | {"MARSAD_TOY_GATE": str(gate), "MARSAD_TOY_GATE_AFTER": str(after)}
    cmd = [sys.executable, "-m", "marsad.cli.main", "ingest", str(src), "--db", str(db),
           "--pipeline", "store_toy:load", "--batch-size", "16"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300  # a safety net, not a measurement
    while not gate.exists():
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "exited"
        assert time.monotonic() < deadline, "the ingest never reached the gate"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    gate.unlink()
    with open_store(db) as store:
        return store.counts()["articles"]


def test_kill_9_then_resume_equals_uninterrupted_run(tmp_path: Path, ant_dir: Path) -> None:
    full = tmp_path / "full.db"
    rc = main(["ingest", str(ant_dir), "--db", str(full), "--pipeline", "store_toy:load",
               "--batch-size", "16"], stdout=io.StringIO(), stderr=io.StringIO())
    assert rc == 0
    db, gate = tmp_path / "killed.db", tmp_path / "gate"
    first = _run_until_gate(db, ant_dir, gate, after=40)
    assert 0 < first < 160  # killed mid-run, some batches committed
    second = _run_until_gate(db, ant_dir, gate, after=50)
    assert first < second < 160
    with open_store(db) as store:  # the second run found the first one's process gone
        assert [r["status"] for r in store.runs()] == ["interrupted", "running"]
    err = io.StringIO()
    rc = main(["ingest", str(ant_dir), "--db", str(db), "--pipeline", "store_toy:load",
               "--batch-size", "16"], stdout=io.StringIO(), stderr=err)
    assert rc == 0
    assert "run 2 stopped before finishing (process gone): marked 'interrupted'" in err.getvalue()
    assert _snapshot(db) == _snapshot(full)
    out = io.StringIO()
    assert main(["runs", "--db", str(db), "--json"], stdout=out, stderr=io.StringIO()) == 0
    runs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["id"], r["status"]) for r in runs] == [(1, "interrupted"), (2, "interrupted"), (3, "done")]
    assert runs[2]["articles"] == 160 - second and runs[2]["skipped"] == second
    assert all(r["pid"] and r["host"] for r in runs)


def test_a_running_process_is_not_marked_interrupted(tmp_path: Path) -> None:
    """A run whose process is alive (here: a sleeping child with that pid) stays 'running'."""
    db = tmp_path / "m.db"
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with open_store(db) as store:
            alive, dead = store.start_run("ingest"), store.start_run("ingest")
            with store.engine.begin() as conn:
                conn.execute(update(runs).where(runs.c.id == alive).values(pid=child.pid))
                conn.execute(update(runs).where(runs.c.id == dead).values(pid=_dead_pid()))
            assert store.mark_interrupted() == [dead]
            assert [r["status"] for r in store.runs()] == ["running", "interrupted"]
    finally:
        child.kill()
        child.wait()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_an_exception_marks_the_run_failed(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        run_id = store.start_run("ingest")
        with pytest.raises(RuntimeError), store.finishing_run(run_id, Counts(articles=3)):
            raise RuntimeError("the disk is full")
        assert [(r["status"], r["articles"]) for r in store.runs()] == [("failed", 3)]
