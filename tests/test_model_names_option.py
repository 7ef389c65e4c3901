"""The trained name model is an option: off by default, on with --names-model crf."""

from __future__ import annotations

import pytest

from checker.api import extract_facts, make_article
from checker.extract import model_names
from checker.names import load

TEXT = "وقال تيدروس أدهانوم غيبريسوس إن المنظمة تتابع الوضع في المنطقة."


@pytest.mark.skipif(load() is None, reason="the name model or python-crfsuite is missing")
def test_off_by_default_on_when_asked(fallback) -> None:
    def people() -> list[str]:
        return [f.text for f in extract_facts(make_article("a", TEXT), fallback) if f.extractor == "model.names"]

    assert model_names.ENABLED is False and people() == []
    model_names.ENABLED = True
    try:
        found = people()
    finally:
        model_names.ENABLED = False
    assert found and all(len(p.split()) >= 2 for p in found) and all(p in TEXT for p in found)
