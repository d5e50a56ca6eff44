"""``kill -9`` in the middle of ``marsad ingest``, then resume: the rows of an uninterrupted run."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_helpers import toy_env

from marsad.cli.main import main
from marsad.store import open_store


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
    with open_store(db) as store:
        assert [r["status"] for r in store.runs()] == ["running", "running"]
    rc = main(["ingest", str(ant_dir), "--db", str(db), "--pipeline", "store_toy:load",
               "--batch-size", "16"], stdout=io.StringIO(), stderr=io.StringIO())
    assert rc == 0
    assert _snapshot(db) == _snapshot(full)
