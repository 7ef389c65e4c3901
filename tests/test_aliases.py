"""Aliases across the articles of a story (AL101-AL103), on sentences written for the test: a
short name given in brackets or quotes, a headline's short name, titles of office and the
house-style name of a country."""

from __future__ import annotations

from _stories import evidence as aliases
from _stories import run

from checker.engine.checks.alias import named_base, place_base
from checker.extract.aliases import delimited


def test_short_names_in_brackets_and_quotes() -> None:
    text = 'ذكرت وكالة الأنباء الإماراتية "وام" أن (د.ب.أ) و(14) و( مسافة) و«حتى قبل نهاية العام الماضي»'
    assert [text[a:b] for a, b in delimited(text)] == ["وام", "د.ب.أ"]


def test_an_acronym_one_article_gives_and_another_does_not(fallback) -> None:
    r = run(
        fallback,
        ("الإمارات تحيل 41 متهما للمحاكمة", 'وقالت وكالة الأنباء الإماراتية الرسمية "وام" إن النيابة أحالت المتهمين.'),
        ("الإمارات تحيل 41 متهما للمحاكمة", "وقالت وكالة الأنباء الإماراتية إن النيابة أحالت المتهمين."),
    )
    found = aliases(r, "AL103")
    assert found and ("a0", "وام") in found[0] and ("a1", "وكالة الأنباء الإماراتية") in found[0], found
    same = run(
        fallback,
        ("الإمارات تحيل 41 متهما", 'وقالت وكالة الأنباء الإماراتية "وام" إن النيابة أحالت المتهمين.'),
        ("الإمارات تحيل 41 متهما", 'وقالت وكالة الأنباء الإماراتية "وام" إن النيابة أحالت المتهمين.'),
    )
    assert not [f for f in same.findings if f.kind == "alias"]


def test_a_person_after_a_body_is_no_short_name(fallback) -> None:
    r = run(
        fallback,
        ("حملة تفتيش في خيبر", 'وأوضح مدير فرع مكتب العمل بخيبر "فهد الرشيدي" أن الحملة مستمرة.'),
        ("حملة تفتيش في خيبر", "وأوضح مدير فرع مكتب العمل بخيبر أن الحملة مستمرة."),
    )
    assert not [f for f in r.findings if f.kind == "alias"]


def test_a_headline_short_name_in_quotes(fallback) -> None:
    body = "حذرت وزارة العمل من التعامل مع مكاتب الاستقدام غير المسجلة."
    r = run(fallback, ('"العمل" تحذر من مكاتب الاستقدام', body), ("تحذير من مكاتب الاستقدام", body))
    found = aliases(r, "AL102")
    assert found and ("a0", "العمل") in found[0], found
    # the quotes inside a name are not a short name: تنظيم "إرهابي"
    r = run(
        fallback,
        ('الإمارات تحيل 41 متهما بتهمة تشكيل تنظيم "إرهابي"', "أحالت النيابة 41 متهما بتهمة تشكيل تنظيم إرهابي."),
        ("الإمارات تحيل 41 متهما", "أحالت النيابة 41 متهما بتهمة تشكيل تنظيم إرهابي."),
    )
    assert not [f for f in r.findings if f.kind == "alias"]


def test_titles_of_office_and_the_kingdom_in_headlines(fallback) -> None:
    body = "وصل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود اليوم إلى المملكة المغربية في إجازة خاصة."
    r = run(fallback, ("خادم الحرمين يصل إلى المغرب", body), ("خادم الحرمين الشريفين يصل إلى المغرب", body))
    found = aliases(r, "AL102")
    assert any(("a0", "خادم الحرمين") in ev for ev in found), found
    # المملكة before a definite word is another kingdom's name, not Saudi Arabia
    assert not any("المملكة" == t for ev in found for _, t in ev)
    body = "انضمت المملكة العربية السعودية إلى مجموعة العمل المالي بصفة مراقب."
    titles = ("انضمام المملكة إلى مجموعة العمل المالي", "انضمام السعودية إلى مجموعة العمل المالي")
    r = run(fallback, (titles[0], body), (titles[1], body))
    found = aliases(r, "AL102")
    assert any(("a0", "المملكة") in ev and ("a1", "السعودية") in ev for ev in found), found


def test_the_kingdom_in_bodies_is_house_style(fallback) -> None:
    r = run(
        fallback,
        ("اتفاقية جديدة", "وقعت المملكة اتفاقية للتعاون الاقتصادي مع اليابان."),
        ("اتفاقية جديدة", "وقعت السعودية اتفاقية للتعاون الاقتصادي مع اليابان."),
    )
    assert not [f for f in r.findings if f.kind == "alias"]


def test_a_rare_word_glossed_in_brackets(fallback) -> None:
    r = run(
        fallback,
        ("البلدية تصادر الحبحب (البطيخ) من الباعة", "صادرت البلدية 700 حبة من الحبحب (البطيخ) من الباعة الجائلين."),
        ("البلدية تصادر «البطيخ» من الباعة", "صادرت البلدية 700 حبة من البطيخ من الباعة الجائلين."),
    )
    found = aliases(r, "AL102")
    assert found and ("a0", "الحبحب") in found[0] and ("a1", "البطيخ") in found[0], found


def test_a_place_with_its_head_noun_is_one_name() -> None:
    assert place_base("منطقة عسير") == place_base("عسير")
    assert place_base("المغرب") != place_base("المملكة المغربية")
    assert named_base("وزارة العمل") != named_base("العمل")


def test_words_inside_names_and_compound_names(fallback) -> None:
    """A word the name extractor took into a name still has its spelling compared when the story
    uses it outside names; a compound name written glued and apart is one name spelled two ways."""
    r = run(
        fallback,
        ("لقاء في الرياض", "استقبل الأمير محمد بن نايف بن عبد العزيز الوفد وقال مسؤول التدريب إن البرنامج بدأ."),
        ("لقاء في الرياض", "استقبل الأمير محمد بن نايف بن عبدالعزيز الوفد وقال مسئول التدريب إن البرنامج بدأ."),
    )
    words = [f.message for f in r.findings if f.rule == "VR103"]
    assert any("عبد العزيز" in m and "عبدالعزيز" in m for m in words), words
    assert any("مسؤول" in m and "مسئول" in m for m in words), words


def test_final_yeh_is_a_spelling_only_for_a_writer_who_never_writes_alef_maqsura(fallback) -> None:
    one = "قالت الوزارة إن هذه خطوة {} نحو إصلاح شامل للقطاع وإن التحقيق مستمر."
    r = run(fallback, ("إصلاح", one.format("أولي")), ("إصلاح", one.format("أولى")))
    assert any("أولي" in f.message and "أولى" in f.message for f in r.findings if f.rule == "VR103")
    # an article that writes both tells «أولي» (preliminary) from «أولى» (first): two words
    both = "قالت الوزارة إن الإجراء أولي وإن هذه خطوة أولى نحو إصلاح شامل للقطاع."
    r = run(fallback, ("إصلاح", both), ("إصلاح", one.format("أولى")))
    assert not [f.message for f in r.findings if f.rule == "VR103" and "أولي" in f.message]


def test_an_epithet_after_an_organisation_is_no_other_name(fallback) -> None:
    said = "وأكد الوزير أن المملكة مستمرة في التعامل مع تنظيم {} بحزم."
    title = "الوزير: المملكة مستمرة في مواجهة الإرهاب"
    same = run(fallback, (title, said.format("داعش الإرهابي")), (title, said.format('"داعش" الإرهابي')))
    assert not aliases(same, "AL101")
    other = run(fallback, (title, said.format("داعش الإرهابي")), (title, said.format("الدولة الإسلامية")))
    assert aliases(other, "AL101")


def test_a_described_place_glossed_by_a_loanword_is_no_short_name(fallback) -> None:
    r = run(
        fallback,
        ("نصائح للصائمين", "وتحقق من مدى ازدحام المركز الرياضي (جيم) أو المقهى قبل الذهاب."),
        ("نصائح للصائمين", "وتحقق من مدى ازدحام المركز الرياضي أو المقهى قبل الذهاب."),
    )
    assert not [f for f in r.findings if f.kind == "alias"]
