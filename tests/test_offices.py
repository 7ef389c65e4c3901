"""A person one article names and another names by his office alone is no gap (GP102 and the
``office`` facts of checker/extract/offices.py); a deputy's office or a bare title is not his office."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article
from checker.extract.offices import offices

DAY = dt.date(2015, 8, 2)
NAMED = "وأكد ولي العهد الأمير نايف بن سعود في برقية عزاء إلى أسرة الفقيد وقوف الدولة إلى جانبها في مصابها."


def _gaps(fallback, *texts: str) -> list[str]:
    arts = [make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)]
    return [f.message for f in compare(arts, analyzer=fallback).findings if f.rule == "GP102"]


def test_a_person_named_by_his_office_elsewhere_is_no_gap(fallback) -> None:
    other = "وأكد سمو ولي العهد في برقية عزاء إلى أسرة الفقيد وقوف الدولة إلى جانبها في مصابها."
    assert not _gaps(fallback, NAMED, other)


def test_the_office_with_a_possessive_pronoun_names_him_too(fallback) -> None:
    other = "وأكد الملك وسمو ولي عهده في برقيتي عزاء إلى أسرة الفقيد وقوف الدولة إلى جانبها في مصابها."
    assert not _gaps(fallback, NAMED, other)


def test_the_deputy_office_is_not_his_office(fallback) -> None:
    other = "وأكد سمو ولي ولي العهد في برقية عزاء إلى أسرة الفقيد وقوف الدولة إلى جانبها في مصابها."
    assert any("نايف بن سعود" in m for m in _gaps(fallback, NAMED, other))


def test_an_article_silent_on_him_still_makes_a_gap(fallback) -> None:
    other = "ووصلت برقيات عزاء إلى أسرة الفقيد، تؤكد وقوف الدولة إلى جانبها في مصابها."
    assert any("نايف بن سعود" in m for m in _gaps(fallback, NAMED, other))


def test_offices_leave_out_the_persons_own_titles() -> None:
    assert offices("ولي ولي العهد الأمير") == [("ولي", "ولي", "عهد")]
    assert offices("مدير الجامعة الدكتور") == [("مدير", "جامعه")]
    assert offices("محافظ الأحساء رئيس مجلس إدارة الجمعية صاحب السمو الأمير") == [
        ("محافظ", "احساء"),
        ("رئيس", "مجلس", "اداره", "جمعيه"),
    ]
    assert offices("خادم الحرمين الشريفين الملك") == [("خادم", "حرمين", "شريفين")]
    assert offices("الشهيد الجندي أول") == []  # a rank is no office
    assert offices("الرئيس") == []  # one word names no one post


def test_a_word_the_name_model_denies_is_no_name_spelled_two_ways(fallback) -> None:
    # «السوري اجتماعاتها»: a nationality before a plural with a pronoun; the model reads no person
    text = (
        "وتواصل الهيئة العامة للائتلاف الوطني السوري اجتماعاتها في إسطنبول لانتخاب هيئة رئاسية جديدة. "
        "وتستكمل الهيئة العامة اجتماعاته بمناقشة الوضع الميداني."
    )
    arts = [
        make_article("a0", text, published=DAY),
        make_article("a1", "وتواصل الهيئة العامة اجتماعاتها.", published=DAY),
    ]
    report = compare(arts, analyzer=fallback)
    assert not [f.message for f in report.findings if f.rule == "VR102"]


PRESIDENT = "وقرر رئيس اتحاد القدم أحمد بن عيد الحربي تشكيل لجنة للحكام برئاسة إبراهيم العمر."


def test_a_patronymic_name_by_its_short_form_elsewhere_is_no_gap(fallback) -> None:
    other = "ووجه أعضاء المجلس الدعوة للعمر للالتقاء بأحمد عيد ومناقشة المقترح الخاص بلجنة الحكام."
    assert not _gaps(fallback, PRESIDENT, other)


def test_a_short_form_that_goes_on_is_another_man(fallback) -> None:
    other = "ووجه أعضاء المجلس الدعوة للعمر للالتقاء بأحمد عيد الغامدي ومناقشة المقترح الخاص بلجنة الحكام."
    # the same committee chair named in both: one story (texts sharing no one, no place, no figure are not)
    chair = " وتضم اللجنة 7 أعضاء برئاسة إبراهيم العمر."
    assert any("أحمد بن عيد الحربي" in m for m in _gaps(fallback, PRESIDENT + chair, other + chair))


def test_two_men_of_one_family_name_are_two_people_for_gaps(fallback) -> None:
    a = "وقال المتحدث باسم الشرطة العقيد محمد العمري إن الحادث وقع فجر أمس على طريق الساحل."
    b = "وقال قائد الدوريات اللواء علي العمري إن الحادث وقع فجر أمس على طريق الساحل."
    gaps = _gaps(fallback, a, b)
    assert any("محمد العمري" in m for m in gaps) and any("علي العمري" in m for m in gaps), gaps


def test_one_given_name_spelled_two_ways_is_one_man(fallback) -> None:
    a = "وقال الرئيس البوروندي بيار نكورونزيزا إن الانتخابات جرت بنزاهة."
    b = "وقال الرئيس البوروندي بيير نكورونزيزا إن الانتخابات جرت بنزاهة."
    assert not _gaps(fallback, a, b)


def test_a_qualifier_with_a_pronoun_is_in_the_role() -> None:
    from checker.api import extract

    facts = extract(make_article("a", "واستقبل أمير قطر ووزير خارجيته خالد العطية الوزير الروسي."), model="none")
    assert [f.text for f in facts if f.type == "person"] == ["خالد العطية"]
