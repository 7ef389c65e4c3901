"""A speaker named with no title or given name before the name, but with a title after it: «وقال
لوري والاش مدير منظمة …». The rules found no person there (the name is foreign, the title follows
it); the trained name model confirms the name, and the title after it is the role. Sentences
written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract, make_article
from checker.extract import model_names
from checker.names import load

DAY = dt.date(2015, 8, 2)
needs_model = pytest.mark.skipif(load() is None, reason="the name model or python-crfsuite is missing")


def people(fallback, text: str) -> list[tuple[str, str | None]]:
    facts = extract(make_article("a", text, published=DAY), analyzer=fallback)
    return [(f.text, dict(f.attrs).get("role")) for f in facts if f.type == "person"]


@needs_model
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وقال جيوفاني مالاجو رئيس اللجنة المنظمة إن المدينة جاهزة", "جيوفاني مالاجو", "رئيس اللجنة المنظمة"),
        ("وقال جيسي دونز الرئيس التنفيذي للشركة إن المبيعات ارتفعت", "جيسي دونز", "الرئيس التنفيذي للشركة"),
        ("قال راجح بادي الناطق باسم الحكومة اليمنية إن القوات تقدمت", "راجح بادي", "الناطق باسم الحكومة اليمنية"),
    ],
)
def test_a_speaker_with_the_title_after_the_name(fallback, text: str, name: str, role: str) -> None:
    assert (name, role) in people(fallback, text)


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "وقال مصدر مطلع رئيس الوفد إن المفاوضات مستمرة",
        "وقال مطلع على الملف رئيس الوفد إن المفاوضات مستمرة",
    ],
)
def test_common_words_after_a_verb_of_saying_are_no_speaker(fallback, text: str) -> None:
    assert not any(name.startswith(("مصدر", "مطلع")) for name, _ in people(fallback, text))


@needs_model
def test_a_title_that_introduces_the_next_name_is_not_the_speakers(fallback) -> None:
    found = people(fallback, "وقال جيوفاني مالاجو وزير الخارجية عادل الجبير إن")
    assert ("عادل الجبير", "وزير الخارجية") in found
    assert not any(role == "وزير الخارجية" and name != "عادل الجبير" for name, role in found)


@needs_model
def test_without_the_name_model_no_speaker_is_read(fallback) -> None:
    text = "وقال جيوفاني مالاجو رئيس اللجنة المنظمة إن المدينة جاهزة"
    try:
        model_names.configure("none")
        assert not any(role == "رئيس اللجنة" for _, role in people(fallback, text))
    finally:
        model_names.configure(None)
