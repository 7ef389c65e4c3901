"""Person, place and organisation agreements (AG104, AG105): the same titled person named alike,
the same known place or body named, in several articles. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article
from checker.extract.entities import find_entities

DAY = dt.date(2015, 8, 2)


def findings(fallback, *texts: str, rule: str) -> list:
    arts = [make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)]
    return [f for f in compare(arts, analyzer=fallback).findings if f.rule == rule]


def test_a_titled_person_named_alike_is_an_agreement(fallback) -> None:
    a = "وقال المتحدث الرسمي للدفاع المدني النقيب سالم محمد الكعبي إن الفرق باشرت العمل."
    b = "وأوضح النقيب سالم محمد الكعبي أن الفرق باشرت العمل فور البلاغ."
    out = findings(fallback, a, b, rule="AG104")
    assert len(out) == 1 and "سالم محمد الكعبي" in out[0].message and "2 of 2" in out[0].message
    assert {e.article for e in out[0].evidence} == {"a0", "a1"}


def test_a_person_named_two_ways_is_no_agreement(fallback) -> None:
    a = "وقال المتحدث الرسمي النقيب سالم محمد الكعبي إن الفرق باشرت العمل."
    b = "وأوضح النقيب سالم الكعبي أن الفرق باشرت العمل فور البلاغ."
    assert findings(fallback, a, b, rule="AG104") == []


def test_an_untitled_name_makes_no_person_agreement(fallback) -> None:
    a = "وشارك سالم الكعبي في الحفل الذي أقيم مساء أمس."
    b = "وحضر سالم الكعبي الحفل الذي أقيم مساء أمس."
    assert findings(fallback, a, b, rule="AG104") == []


def test_a_known_place_named_in_several_articles_is_an_agreement(fallback) -> None:
    a = "وصل الوفد إلى مدينة جدة صباح أمس في زيارة رسمية."
    b = "وكان الوفد قد وصل إلى جدة صباح أمس."
    out = findings(fallback, a, b, rule="AG105")
    assert [f.message for f in out] == ["Same place in 2 of 2 articles: جدة"]


def test_a_place_only_one_article_names_is_no_agreement(fallback) -> None:
    a = "وصل الوفد إلى مدينة جدة صباح أمس في زيارة رسمية."
    b = "وكان الوفد قد وصل إلى الرياض صباح أمس."
    assert findings(fallback, a, b, rule="AG105") == []


def test_a_name_that_is_a_common_word_after_a_proclitic_is_no_entity() -> None:
    text = "تفاعل الجمهور بحماس مع الأغنية، والتقى الوفد قادة حماس أمس."
    assert [text[a:b] for a, b, _, _ in find_entities(text)] == ["حماس"]
    assert find_entities(text)[0][0] == text.rindex("حماس")


def test_a_city_where_only_one_article_places_the_event_is_a_gap(fallback) -> None:
    a = "عنوان الخبر\n\nأعلن الوزير أن القمة ستعقد في باريس في ديسمبر المقبل بمشاركة الدول الأعضاء."
    b = "عنوان الخبر\n\nأعلن الوزير أن القمة ستعقد في ديسمبر المقبل بمشاركة الدول الأعضاء."
    out = findings(fallback, a, b, rule="GP103")
    assert [f.message.split(";")[0] for f in out] == ["Only a0 mentions باريس"]


def test_a_city_that_only_qualifies_a_name_is_no_gap(fallback) -> None:
    a = "عنوان الخبر\n\nوقال مدير شرطة جدة إن التحقيق مستمر في الحادث الذي وقع أمس."
    b = "عنوان الخبر\n\nوقال مدير الشرطة إن التحقيق مستمر في الحادث الذي وقع أمس."
    assert findings(fallback, a, b, rule="GP103") == []


def test_a_dateline_is_an_aside(fallback) -> None:
    from checker.api import extract

    def asides(text: str) -> list[str]:
        facts = extract(make_article("a", text, published=DAY), analyzer=fallback)
        return [f.text for f in facts if f.type == "aside" and f.key == "dateline"]

    assert asides("عنوان الخبر\n\nعين اليوم – الرياض\nأعلنت الوزارة اليوم عن البرنامج.") == ["عين اليوم – الرياض"]
    assert asides("عنوان\n\nخالد الشاماني- سبق- المدينة المنورة: انتشلت فرق الدفاع المدني جثة.") == [
        "خالد الشاماني- سبق- المدينة المنورة"
    ]
    assert asides("عنوان\n\nتطبق الوزارة في العام 1436 – 1437ه البرنامج في الرياض.") == []
    assert asides("عنوان\n\nأوباما\nأعلن مفاوضو الدول اتفاقا.") == []
