"""``marsad code`` and ``marsad eval events``, run in-process."""

from __future__ import annotations

import io
import json
from pathlib import Path

from marsad.cli.main import main

GOLD = """<?xml version='1.0' encoding='utf-8'?>
<Validation><Sentences>
<Sentence category="PROTEST" date="20080101" id="a">
<EventText eid="0" eventtext="تظاهر" sourcetext="الطلاب" targettext="" />
<EventCoding eid="0" eventcode="" plover="PROTEST" sourcecode="None CVL" targetcode="None None" />
<Text>تظاهر الطلاب أمام وزارة التعليم احتجاجا على رفع الرسوم.</Text>
</Sentence>
<Sentence category="ASSAULT" date="20080102" id="b">
<EventText eid="0" eventtext="قتل" sourcetext="" targettext="جنود" />
<EventCoding eid="0" eventcode="" plover="ASSAULT" sourcecode="None None" targetcode="None MIL" />
<Text>قتل ثلاثة جنود في انفجار عبوة ناسفة قرب بغداد.</Text>
</Sentence>
</Sentences></Validation>
"""


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_code_prints_json_lines_and_a_table(tmp_path: Path) -> None:
    art = tmp_path / "a.jsonl"
    art.write_text(json.dumps({"id": "x1", "text": "اعتقلت الشرطة خمسة متظاهرين في القاهرة أمس.",
                               "published": "2018-07-15T10:00:00"}, ensure_ascii=False) + "\n", "utf-8")
    code, out, err = run(["code", str(art)])
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert any(e["event_type"] == "COERCE" and e["article_id"] == "x1" for e in events)
    e = events[0]
    assert e["trigger"]["text"] and e["coder"]["rule"].startswith("triggers.tsv:")
    code, out, _ = run(["code", str(art), "--format", "table"])
    assert code == 0 and out.splitlines()[0].split()[:2] == ["article", "sent"] and "173" in out


def test_code_reports_unreadable_input(tmp_path: Path) -> None:
    code, _, err = run(["code", str(tmp_path / "missing.txt")])
    assert code in (1, 2) and "missing.txt" in err


def test_eval_events_scores_a_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "g.xml"
    gold.write_text(GOLD, "utf-8")
    code, out, err = run(["eval", "events", "--gold", str(gold), "--format", "json"])
    assert code == 0, err
    rep = json.loads(out)
    assert rep["single"]["ALL"]["has_type"]["rate"] == 1.0
    assert rep["single"]["PROTEST"]["source_overlap_any"]["rate"] == 1.0
    code, out, _ = run(["eval", "events", "--gold", str(gold)])
    assert code == 0 and "has_type" in out and "precision" in out


def test_eval_events_missing_gold_says_what_to_do(tmp_path: Path) -> None:
    code, _, err = run(["eval", "events", "--gold", str(tmp_path / "none.xml")])
    assert code == 2 and "gold" in err
