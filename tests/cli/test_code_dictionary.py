"""``marsad code --dictionary X`` records X's version in every event, not the shipped one's."""

from __future__ import annotations

import io
import json

import marsad.resources as resource_files
from marsad.cli.main import main
from marsad.components.events.dictionary import default_dictionary


def test_events_carry_the_version_of_the_dictionary_in_use(tmp_path):
    shipped = resource_files.read_text("triggers", "triggers.tsv")
    assert default_dictionary().version in shipped[:500]
    edited = shipped.replace(f"version {default_dictionary().version}", "version 9999.1.1-edited", 1)
    dictionary = tmp_path / "mine.tsv"
    dictionary.write_text(edited, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("اجتمع وزير الخارجية المصري مع نظيره الأردني في عمان أمس وبحثا التعاون بين البلدين.",
                       encoding="utf-8")
    out = io.StringIO()
    assert main(["code", str(article), "--dictionary", str(dictionary)], out, io.StringIO()) == 0
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    assert events
    assert {e["coder"]["dictionary"] for e in events} == {"9999.1.1-edited"}
    out = io.StringIO()
    assert main(["code", str(article)], out, io.StringIO()) == 0
    assert {json.loads(x)["coder"]["dictionary"] for x in out.getvalue().splitlines()} == {
        default_dictionary().version}
