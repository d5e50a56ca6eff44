"""Article-level scoring (marsad.evaluation.articles): the matching and counting rules on hand-made data."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from marsad.cli.main import main
from marsad.core.types import Article, Document, Event, Span
from marsad.evaluation.articles import (
    code_gold,
    coded_first_field,
    gold_first_field,
    read_article_gold,
    score_articles,
    write_details,
)

# sentence k covers [10k, 10k + 9); offset 10k + 9 is a gap between sentences
TEXT = "".join(f"sentence{k}." for k in range(8))


def _g(eid: str, plover: str | None, cameo: str, start: int, src: str = "", tgt: str = "",
       date: str | None = None) -> dict[str, Any]:
    return {"eid": eid, "plover": plover, "cameo": cameo, "trigger": "x", "trigger_start": start,
            "source_text": "", "target_text": "", "source_code": src, "target_code": tgt,
            "modality": [], "date": date, "place": None}


def _article(aid: str, events: dict[int, list[dict[str, Any]]], cls: str = "conflict",
             n: int = 8) -> dict[str, Any]:
    return {"id": aid, "title": "t", "published": "2018-05-01T10:00:00+00:00", "dateline": None,
            "source": "test", "category": "middleEast", "class": cls, "text": TEXT[:10 * n],
            "sentences": [{"index": k, "start": 10 * k, "end": 10 * k + 9, "events": events.get(k, [])}
                          for k in range(n)]}


def _write(tmp_path: Path, *articles: dict[str, Any]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return p


def _c(plover: str | None, cameo: str, start: int, conf: float = 0.5, src: str | None = None,
       tgt: str | None = None, date: str | None = None, event_id: str | None = None) -> dict[str, Any]:
    def actor(code: str | None) -> dict[str, Any] | None:
        return None if code is None else {"text": "a", "start": 0, "end": 1, "actor_id": None, "code": code,
                                          "name_en": None, "role": None}

    m = {"event_type": plover, "cameo": cameo, "trigger": {"start": start, "end": start + 1, "text": "x"},
         "source": actor(src), "target": actor(tgt), "date": date, "confidence": conf}
    if event_id is not None:
        m["event_id"] = event_id
    return m


def test_first_fields_of_gold_and_coded_codes() -> None:
    assert gold_first_field("SAU GOV") == "SAU"
    assert gold_first_field("IGO None UNO") == "IGO"
    assert gold_first_field("None MIL") is None
    assert gold_first_field("") is None
    assert coded_first_field({"code": "IGOUNO"}) == "IGO"
    assert coded_first_field({"code": "TURGOV"}) == "TUR"
    assert coded_first_field({"code": "CVL"}) is None  # an agent alone has no country
    assert coded_first_field({"code": "", "country": "IRQ"}) == "IRQ"
    assert coded_first_field(None) is None


def test_a_mention_belongs_to_the_sentence_of_its_trigger_start(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {1: [_g("e1", "ASSAULT", "190", 12)]}))
    # same label, but its trigger starts in sentence 0: no match there, and a false alarm
    r = score_articles(gold, {"a": [_c("ASSAULT", "190", 3)]})
    assert r["typed"]["tp"] == 0 and r["typed"]["coded"] == 1
    assert r["false_alarms"]["coded"] == 1
    # the last character of sentence 1 is inside it; the gap after it is outside every sentence
    r = score_articles(gold, {"a": [_c("ASSAULT", "190", 18), _c("ASSAULT", "190", 19)]})
    assert r["typed"]["tp"] == 1 and r["typed"]["coded"] == 1
    assert r["ignored_mentions"] == 1
    # mentions of an article that is not in the gold are ignored too
    assert score_articles(gold, {"zz": [_c("ASSAULT", "190", 12)]})["ignored_mentions"] == 1


def test_labels_statement_and_appeal_count_untyped_only(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {0: [_g("e1", None, "010", 0), _g("e2", "ACCUSE", "111", 0)],
                                           1: [_g("e3", None, "020", 10)]}))
    coded = {"a": [_c(None, "012", 1), _c(None, "010", 11), _c("ACCUSE", "112", 2), _c("REJECT", "120", 3)]}
    r = score_articles(gold, coded)
    # 012 is a STATEMENT (matches 010), 010 in sentence 1 is not an APPEAL, ACCUSE matches by type
    assert r["untyped"] == {**r["untyped"], "gold": 3, "coded": 4, "tp": 2}
    assert r["typed"] == {**r["typed"], "gold": 1, "coded": 2, "tp": 1, "precision": 0.5, "recall": 1.0}
    assert r["per_type"]["STATEMENT"]["tp"] == 1 and r["per_type"]["APPEAL"]["recall"] == 0.0
    assert r["per_type"]["REJECT"]["precision"] == 0.0


def test_greedy_pairs_the_most_confident_mention_first(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {0: [_g("e1", "CONSULT", "040", 0, src="USA GOV")]}))
    right, wrong = ("USAGOV", "FRAGOV")
    hi_right = {"a": [_c("CONSULT", "040", 1, 0.3, src=wrong), _c("CONSULT", "040", 2, 0.9, src=right)]}
    hi_wrong = {"a": [_c("CONSULT", "040", 1, 0.9, src=wrong), _c("CONSULT", "040", 2, 0.3, src=right)]}
    a = score_articles(gold, hi_right)
    b = score_articles(gold, hi_wrong)
    assert a["typed"]["tp"] == b["typed"]["tp"] == 1 and a["typed"]["coded"] == 2
    assert a["source_country"] == {"hits": 1, "n": 1, "rate": 1.0}
    assert b["source_country"] == {"hits": 0, "n": 1, "rate": 0.0}


def test_each_gold_mention_is_used_once_and_ties_go_to_the_nearest_trigger(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {0: [_g("e1", "ASSAULT", "190", 0, src="SYR MIL"),
                                               _g("e2", "ASSAULT", "195", 7, src="RUS MIL")]}))
    coded = {"a": [_c("ASSAULT", "195", 7, 0.9, src="RUSMIL"), _c("ASSAULT", "190", 1, 0.8, src="SYRMIL"),
                   _c("ASSAULT", "190", 2, 0.7, src="SYRMIL")]}
    r = score_articles(gold, coded)
    assert r["typed"]["tp"] == 2 and r["typed"]["coded"] == 3
    assert r["source_country"]["hits"] == 2  # the 0.9 mention took e2 (near), not e1 (first)


def test_country_accuracy_skips_none_and_counts_a_missing_actor_wrong(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {
        0: [_g("e1", "CONSULT", "040", 0, src="IGO None UNO", tgt="None GOV")],
        1: [_g("e2", "ACCUSE", "111", 10, src="IRN GOV", tgt="USA GOV")],
        2: [_g("e3", "AID", "070", 20, src="QAT GOV", tgt="YEM CVL")],
    }))
    coded = {"a": [_c("CONSULT", "040", 1, src="IGOUNO", tgt="IRQGOV"),
                   _c("ACCUSE", "111", 11, src=None, tgt="USA"),
                   _c("SUPPORT", "051", 21, src="QATGOV", tgt="YEMCVL")]}  # wrong type: not matched
    r = score_articles(gold, coded)
    assert r["source_country"] == {"hits": 1, "n": 2, "rate": 0.5}  # IGO right; IRN missing
    assert r["target_country"] == {"hits": 1, "n": 1, "rate": 1.0}  # "None GOV" is not counted


def test_dyad_recall_needs_the_type_and_both_countries(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {
        0: [_g("e1", "ASSAULT", "190", 0, src="ISR MIL", tgt="PSE CVL")],
        1: [_g("e2", "ASSAULT", "190", 10, src="ISR MIL", tgt="SYR MIL")],
        2: [_g("e3", "ACCUSE", "111", 20, src="IRN GOV", tgt="USA GOV")],
        3: [_g("e4", "ACCUSE", "111", 30, src="None GOV", tgt="USA GOV")],  # not a dyad
    }))
    coded = {"a": [_c("ASSAULT", "190", 1, src="ISRMIL", tgt="PSECVL"),
                   _c("ASSAULT", "190", 11, src="ISRMIL", tgt="LBNMIL"),
                   _c("REJECT", "120", 21, src="IRNGOV", tgt="USAGOV"),
                   _c("ACCUSE", "111", 31, src="IRNGOV", tgt="USAGOV")]}
    assert score_articles(gold, coded)["dyad_recall"] == {"hits": 1, "n": 3, "rate": 0.333}


def test_false_alarms_per_sentence_without_a_gold_event(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {0: [_g("e1", "CONSULT", "040", 0)]}, n=4))
    # sentences 1-3 have no gold event: 3 coded mentions there (2 typed), in 2 of them
    coded = {"a": [_c("CONSULT", "040", 1), _c("ASSAULT", "190", 11), _c(None, "010", 12),
                   _c("ACCUSE", "111", 31)]}
    fa = score_articles(gold, coded)["false_alarms"]
    assert fa["sentences"] == 3 and fa["coded"] == 3 and fa["typed"] == 2
    assert fa["per_sentence"] == 1.0 and fa["typed_per_sentence"] == 0.667
    assert fa["sentences_with_any"] == 2 and fa["sentences_with_typed"] == 2


def test_dates_events_per_article_lead_and_min_confidence(tmp_path: Path) -> None:
    gold = _write(tmp_path,
                  _article("a", {0: [_g("e1", "CONSULT", "040", 0, date="2018-05")],
                                 1: [_g("e1", "CONSULT", "040", 10, date="2018-05-01")],
                                 7: [_g("e2", "ASSAULT", "190", 70, date="2018")]}),
                  _article("b", {}, cls="other"))
    coded = {"a": [_c("CONSULT", "040", 1, 0.9, date="2018-05-01", event_id="x"),
                   _c("CONSULT", "040", 11, 0.9, date="2018-04-30", event_id="x"),
                   _c("ASSAULT", "190", 71, 0.2, date="2018-05-01")],
             "b": [_c("SUPPORT", "051", 1), _c("SUPPORT", "051", 2)]}
    r = score_articles(gold, coded)
    assert r["date"] == {"hits": 2, "n": 3, "rate": 0.667}  # 2018-05-01 starts with 2018-05 and with 2018
    epa = r["events_per_article"]
    assert epa["all"]["gold_events"] == 2 and epa["all"]["coded_events"] == 4  # x once, 3 lone mentions
    assert epa["by_class"]["other"] == {"articles": 1, "gold_events": 0, "coded_events": 2,
                                        "gold_mean": 0.0, "coded_mean": 2.0}
    lead = r["lead"]
    assert lead["typed"]["gold"] == 2 and lead["typed"]["tp"] == 2  # sentence 7 is past the lead
    assert lead["events_per_article"]["all"]["gold_events"] == 1
    high = score_articles(gold, coded, min_confidence=0.6)
    assert high["typed"]["coded"] == 2 and high["typed"]["recall"] == 0.667


def test_details_file_pairs_gold_and_coded(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {0: [_g("e1", "CONSULT", "040", 0), _g("e2", "AID", "070", 0)]}, n=2))
    out = tmp_path / "details.jsonl"
    write_details(out, gold, {"a": [_c("CONSULT", "040", 1), _c("ASSAULT", "190", 11)]})
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["sentence"] for r in rows] == [0, 1]
    assert [g["matched"] for g in rows[0]["gold"]] == [0, None] and rows[0]["missed"] == 1
    assert rows[1]["text"] == "sentence1" and rows[1]["spurious"] == 1


def test_code_gold_builds_the_articles_and_serializes_events(tmp_path: Path) -> None:
    gold = _write(tmp_path, _article("a", {}, n=2))
    seen: list[Article] = []

    class Fake:
        def pipe(self, items: Any) -> list[Document]:
            arts = list(items)
            seen.extend(arts)
            ev = Event(id="a:1", article_id="a", sentence=1, cameo="190", event_type="ASSAULT", mode=None,
                       quad_class=4, goldstein=-10.0, trigger=Span(11, 13, "en"), confidence=0.7)
            return [Document(article=a, events=(ev,)) for a in arts]

    coded = code_gold(gold, Fake())
    assert seen[0].published == datetime.fromisoformat("2018-05-01T10:00:00+00:00")
    assert seen[0].text == TEXT[:20] and seen[0].category == "middleEast"
    assert coded["a"][0]["trigger"] == {"start": 11, "end": 13, "text": "en"}
    assert score_articles(gold, coded)["typed"]["coded"] == 1
    assert read_article_gold(gold)[0].sentences[1].start == 10


def test_read_article_gold_rejects_a_bad_line(tmp_path: Path) -> None:
    from marsad.core.errors import InputError

    p = tmp_path / "bad.jsonl"
    p.write_text('{"no id": 1}\n', encoding="utf-8")
    with pytest.raises(InputError):
        read_article_gold(p)


def test_cli_scores_a_gold_file(tmp_path: Path) -> None:
    text = "قال وزير الخارجية السعودي إن المملكة تدين الهجوم. واستقبل الرئيس المصري وزير الخارجية الأميركي."
    k = text.index(".") + 1
    art = {"id": "x", "title": None, "published": "2018-05-01T10:00:00+00:00", "dateline": None,
           "source": None, "category": None, "class": "diplomacy", "text": text,
           "sentences": [{"index": 0, "start": 0, "end": k, "events": [_g("e1", "ACCUSE", "111", text.index("تدين"))]},
                         {"index": 1, "start": k + 1, "end": len(text), "events": []}]}
    gold = _write(tmp_path, art)
    out, err = io.StringIO(), io.StringIO()
    rc = main(["eval", "articles", "--gold", str(gold), "--format", "json"], stdout=out, stderr=err)
    assert rc == 0, err.getvalue()
    rep = json.loads(out.getvalue())
    assert rep["articles"] == 1 and rep["untyped"]["gold"] == 1 and "lead" in rep
    out = io.StringIO()
    assert main(["eval", "articles", "--gold", str(gold)], stdout=out, stderr=err) == 0
    assert "typed" in out.getvalue() and "false alarms" in out.getvalue()
    assert main(["eval", "articles", "--gold", str(tmp_path / "none.jsonl")], stdout=out, stderr=err) == 2
