"""Exit codes and one-line errors: missing inputs, empty folders, databases that cannot be opened,
unknown options (the subcommand's usage), and ``--debug`` for the traceback."""

from __future__ import annotations

import argparse
import io
import socket
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.cli.status import ExitStatus

ARTICLE = ("استقبل الرئيس المصري عبد الفتاح السيسي، أمس، وزير الخارجية الأمريكي جون كيري في القاهرة، "
           "وبحث معه العلاقات الثنائية.\n")


def _main(*argv: str) -> tuple[int, str, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(list(argv), stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue().splitlines()


def _free_port() -> int:
    """A local port nothing listens on: a connection to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("command", [["code"], ["parse"], ["ingest", "--db", "{db}"]])
def test_a_missing_path_is_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "x.db"
    argv = [a.format(db=db) for a in command]
    rc, out, err = _main(argv[0], "/no/such/path", *argv[1:])
    assert rc == ExitStatus.USAGE and out == ""
    assert err == [f"marsad {argv[0]}: error: no such file or directory: /no/such/path (check the path)"]
    assert not db.exists()  # nothing is created


@pytest.mark.parametrize("command", ["code", "parse", "ingest"])
def test_an_empty_folder_is_an_error(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / ".hidden.txt").write_text(ARTICLE, "utf-8")
    (folder / "README.md").write_text("# about", "utf-8")
    db = tmp_path / "x.db"
    rc, out, err = _main(command, str(folder), *(["--db", str(db)] if command == "ingest" else []))
    assert rc == ExitStatus.USAGE and out == "" and len(err) == 1
    assert err[0].startswith(f"marsad {command}: error: {folder}: the folder has no files to read")
    assert not db.exists()


def test_a_sqlite_file_in_a_missing_folder(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    db = tmp_path / "no" / "such" / "m.db"
    rc, _, err = _main("ingest", str(tmp_path / "a.txt"), "--db", str(db))
    assert rc == ExitStatus.USAGE and len(err) == 1
    assert f"the folder {db.parent} for the database {db} does not exist" in err[0] and "mkdir -p" in err[0]
    assert not db.parent.exists()


def test_a_refused_postgresql_url_is_one_line_without_the_password(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    pytest.importorskip("psycopg")
    url = f"postgresql://marsad:s3cret@127.0.0.1:{_free_port()}/events"
    rc, out, err = _main("runs", "--db", url)
    assert rc == ExitStatus.USAGE and out == "" and len(err) == 1, err
    assert err[0].startswith("marsad runs: error: cannot connect to the PostgreSQL database postgresql://marsad:***@")
    assert "s3cret" not in err[0] and "check that the server is running" in err[0]
    rc, _, err = _main("--debug", "export", "--db", url)
    assert rc == ExitStatus.USAGE and err[0].startswith("Traceback") and err[-1].startswith("marsad export: error:")
    rc, out, err = _main("recode", "--db", url)
    assert rc == ExitStatus.USAGE and len(err) == 1 and "s3cret" not in err[0], err
    assert err[0].startswith("marsad recode: error: cannot connect to the PostgreSQL database")


def test_serve_needs_an_existing_database_unless_create(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    db = tmp_path / "new.db"
    rc, _, err = _main("serve", "--db", str(db), "--host", "256.0.0.1")  # never serves, even if unchecked
    assert rc == ExitStatus.USAGE and len(err) == 1
    assert err[0].startswith(f"marsad serve: error: no database at '{db}'") and "--create" in err[0]
    assert not db.exists()
    from marsad.cli.serve import make_app

    args = argparse.Namespace(db=str(db), create=True, token=None, max_body=1024, rate=0.0)
    assert make_app(args) is not None and db.exists()  # --create makes a new, empty store


@pytest.mark.parametrize("argv", [["code", "{p}", "--bogus"], ["parse", "{p}", "--bogus"],
                                  ["ingest", "{p}", "--bogus"], ["export", "--bogus"], ["runs", "--bogus"],
                                  ["eval", "ner", "--gold", "{p}", "--bogus"]])
def test_an_unknown_option_prints_the_commands_usage(tmp_path: Path, argv: list[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    argv = [a.format(p=tmp_path / "a.txt") for a in argv]
    command = " ".join(a for a in argv if not a.startswith(("-", "/")))
    rc, out, err = _main(*argv)
    assert rc == ExitStatus.USAGE and out == ""
    assert err[0].startswith(f"usage: marsad {command} ")
    assert err[-1] == f"marsad {command}: error: unrecognized arguments: --bogus"
