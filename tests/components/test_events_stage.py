"""The events stage on documents built by the text layer (no actors or places: structure only)."""

from __future__ import annotations

import json
from datetime import date, datetime

from marsad.components.events.stage import EventsStage
from marsad.core.pipeline import Pipeline
from marsad.core.serialize import EVENT_KEYS, event_from_dict, event_to_dict
from marsad.core.types import Article, Document, Event
from marsad.text import analyze

PUB = datetime(2018, 7, 15, 12, 0)


def code(text: str, published: datetime | None = PUB) -> list[Event]:
    doc = analyze(Article(id="t", text=text, published=published))
    return list(EventsStage().pipe([doc])[0].events)


def one(text: str, event_type: str) -> Event:
    evs = [e for e in code(text) if e.event_type == event_type]
    assert evs, f"no {event_type} in {[(e.cameo, e.trigger.text) for e in code(text)]}"
    return max(evs, key=lambda e: e.confidence)


def test_contract() -> None:
    st = EventsStage()
    assert st.name == "events"
    assert st.requires == frozenset({"tokens", "dates", "actors", "places"})
    assert st.produces == frozenset({"events"})


def test_vso_subject_and_preposition_target() -> None:
    e = one("التقى وزير الخارجية المصري سامح شكري مع نظيره الأردني في عمان.", "CONSULT")
    assert e.source and e.source.text.startswith("وزير الخارجية")
    assert e.target and "نظيره" in e.target.text
    assert e.cameo.startswith("04") and e.quad_class == 1


def test_svo_subject() -> None:
    e = one("وكان الجيش الإسرائيلي قد قصف مواقع في غزة.", "ASSAULT")
    assert e.source and "الجيش" in e.source.text


def test_between_gives_both_sides() -> None:
    e = one("عقد اجتماع بين الأمم المتحدة ومنظمة التعاون الإسلامي في إسطنبول.", "CONSULT")
    assert e.source and e.source.text == "الأمم المتحدة"
    assert e.target and "منظمة التعاون الإسلامي" in e.target.text


def test_victims_of_a_passive_killing_are_the_target() -> None:
    e = one("قتل ثلاثة جنود في انفجار عبوة ناسفة.", "ASSAULT")
    assert any(ev.target and "جنود" in ev.target.text for ev in code("قتل ثلاثة جنود في انفجار عبوة ناسفة."))
    assert e.counts.get("killed") == 3 or any(ev.counts.get("killed") == 3 for ev in code("قتل ثلاثة جنود في انفجار عبوة ناسفة."))


def test_protesters_move_the_trigger_to_their_verb() -> None:
    e = one("وتجمع آلاف المتظاهرين أمام البرلمان في العاصمة.", "PROTEST")
    assert e.trigger.text == "وتجمع"
    assert e.source and "المتظاهرين" in e.source.text


def test_several_events_in_one_sentence() -> None:
    types = {e.event_type for e in code("اعتقلت الشرطة عشرة متظاهرين بعد اشتباكات مع قوات الأمن أسفرت عن مقتل شخصين.")}
    assert {"COERCE", "ASSAULT"} <= types


def test_modality_flags() -> None:
    assert one("لم تعتقل الشرطة أحدا.", "COERCE").negated
    assert one("سيزور الرئيس الفرنسي الجزائر الأسبوع المقبل.", "CONSULT").future
    assert one("أفادت مصادر أمنية بأن مسلحين اختطفوا صحفيا.", "ASSAULT").attributed
    e = one("وكان الاجتماع الأخير قد انعقد في جنيف عام 2012.", "CONSULT")
    assert e.historical and e.date is not None and e.date.year == 2012


def test_date_defaults_to_the_article_and_uses_sentence_dates() -> None:
    e = one("اعتقلت الشرطة خمسة أشخاص.", "COERCE")
    assert e.date == date(2018, 7, 15) and e.date_precision == "day"
    assert one("اعتقلت الشرطة خمسة أشخاص.", "COERCE").counts.get("arrested") == 5


def test_sport_sentences_give_no_conflict_events() -> None:
    evs = code("شن المهاجم هجوما خطيرا على مرمى الفريق المنافس في الشوط الثاني من المباراة.")
    assert not [e for e in evs if e.event_type in ("ASSAULT", "PROTEST", "COERCE")]


def test_offsets_point_into_the_original_text() -> None:
    text = "وَقَالَ الشُّهُودُ إِنَّ مُسَلَّحِينَ اخْتَطَفُوا صَحَفِيًّا."
    for e in code(text):
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        if e.source:
            assert text[e.source.start:e.source.end] == e.source.text


def test_empty_document_and_pipeline_without_actors() -> None:
    doc = Document(article=Article(id="e", text=""))
    assert EventsStage().pipe([doc])[0].events == ()


def test_json_shape_round_trip() -> None:
    e = one("التقى وزير الخارجية المصري مع نظيره الأردني في عمان.", "CONSULT")
    d = event_to_dict(e)
    assert tuple(d) == EVENT_KEYS
    assert set(d["source"]) == {"text", "start", "end", "actor_id", "code", "name_en", "role", "basis"}
    assert set(d["trigger"]) == {"text", "start", "end"}
    json.dumps(d, ensure_ascii=False)
    back = event_from_dict(d)
    assert back.cameo == e.cameo and back.trigger == e.trigger and back.date == e.date
    assert event_to_dict(back)["source"] == d["source"]


def test_runs_in_a_pipeline_with_declared_fields() -> None:
    from marsad.coding import build_pipeline

    pipe = build_pipeline()
    assert isinstance(pipe, Pipeline) and pipe.names[-1] == "events"


def test_a_weak_word_keeps_the_sense_its_article_gave_it() -> None:
    # ANT AL-internationalNews-546-20180320: the exercises are named once with their military
    # adjective; the later sentence has no conflict cue of its own
    first = ("أعلنت وزارة الدفاع الكورية الجنوبية، الثلاثاء، أن مدة المناورات العسكرية المشتركة مع الولايات "
             "المتحدة ستختصر لمدة شهر.")
    later = "وكانت متحدثة باسم الوزارة قد قالت في وقت سابق، إن المناورات ستستأنف في الأول من نيسان."
    assert [e for e in code(later) if e.event_type == "MOBILIZE"] == []  # alone: a weak word with no cue
    both = [e for e in code(first + " " + later) if e.event_type == "MOBILIZE"]
    assert len({e.sentence for e in both}) == 2
