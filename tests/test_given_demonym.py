"""A given name written like a demonym (تركي: a Saudi given name, and "Turkish") and a rank after a
body's head noun. «الأمير تركي بن طلال» and «العقيد تركي الردادي» gave no person at all: تركي was
read as the adjective "Turkish", which ends a name and joins a title's qualifiers; and «مدير الشرطة
اللواء تركي» read «الشرطة اللواء» as a body. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract, make_article

DAY = dt.date(2015, 8, 2)


def facts(fallback, text: str, kind: str) -> list[str]:
    return [f.text for f in extract(make_article("a", text, published=DAY), analyzer=fallback) if f.type == kind]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال الأمير تركي بن طلال إن المشروع يخدم المنطقة", "تركي بن طلال"),
        ("وأوضح العقيد تركي الردادي أن الحملة مستمرة", "تركي الردادي"),
        ("وقال مدير الشرطة اللواء تركي الفيصل إن الوضع مستقر", "تركي الفيصل"),
        ("تركي الدخيل يكتب عن الإعلام الجديد", "تركي الدخيل"),
    ],
)
def test_given_name_written_like_a_demonym_is_a_name(fallback, text: str, name: str) -> None:
    assert name in facts(fallback, text, "person")


@pytest.mark.parametrize(
    "text",
    ["وقال مسؤول تركي إن بلاده سترد", "ووصل وفد تركي إلى الرياض أمس", "وأكد الرئيس التركي أن بلاده سترد"],
)
def test_demonym_after_an_indefinite_noun_stays_a_nationality(fallback, text: str) -> None:
    assert facts(fallback, text, "nationality") and not facts(fallback, text, "person")


def test_rank_before_a_name_ends_the_body(fallback) -> None:
    text = "وقال مدير الشرطة اللواء تركي الفيصل إن الوضع مستقر"
    assert not any("اللواء" in o for o in facts(fallback, text, "org"))
    assert "اللواء العاشر" in facts(fallback, "وقال قائد اللواء العاشر إن القوات تقدمت", "org")
