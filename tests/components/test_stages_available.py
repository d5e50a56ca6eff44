"""``marsad.components.registry.available()`` lists only the stages that can run here."""

from __future__ import annotations

import pytest

import marsad.components.ner.features as ner_features
import marsad.components.registry as stages


def test_every_shipped_stage_is_available_in_a_full_install() -> None:
    assert stages.available() == list(stages.STAGES)
    assert all(stages.missing(name) is None for name in stages.STAGES)


def test_ner_without_its_model_file_is_not_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner_features, "MODEL_DIR", "models/no-such-model")  # as if never trained
    why = stages.missing("ner")
    assert why is not None and "crf.bin is missing" in why and "marsad train ner" in why
    assert "ner" not in stages.available()
    assert {"text", "actors", "events"} <= set(stages.available())


def test_a_stage_that_cannot_be_imported_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(stages.STAGES, "broken", "marsad.components.registry.no_such_module:Stage")
    assert "cannot import marsad.components.registry.no_such_module" in (stages.missing("broken") or "")
    assert "broken" not in stages.available()
