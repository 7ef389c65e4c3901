"""One statement in two agencies' translations is no quotation gap (GP104 ``min_content_overlap``):
«لا شك على الإطلاق في انه إذا تم تطبيق اتفاق فيينا …» / «لا يوجد شك على الإطلاق في أنه إذا طبقت خطة
فيينا …» gave a gap on each side (hand-check of day sample 6, #111). Two different statements of one
speaker stay gaps. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article
from checker.engine.checks.coverage import content_stems

DAY = dt.date(2015, 8, 2)
LEAD = "وصل وزير الخارجية الأمريكي إلى القاهرة أمس في زيارة رسمية تستغرق يومين."
ONE = (
    'وقال كيري: "لا شك على الإطلاق في انه إذا تم تطبيق اتفاق فيينا بالكامل، '
    'فانه سيجعل مصر وجميع دول المنطقة أكثر أمانا".'
)
TWO = 'وقال كيري: "لا يوجد شك على الإطلاق في أنه إذا طبقت خطة فيينا فإنها ستجعل مصر وكل دول المنطقة أكثر أمنا".'
OTHER = 'وقال كيري: "نريد أن ندعم الاقتصاد المصري ليصبح أقوى وأكبر خلال العام المقبل".'


def quote_gaps(fallback, first: str, second: str) -> list[str]:
    arts = [make_article("a", LEAD + " " + first, published=DAY), make_article("b", LEAD + " " + second, published=DAY)]
    return [f.rule for f in compare(arts, analyzer=fallback).findings if f.rule == "GP104"]


def test_two_translations_of_one_statement_are_no_gap(fallback) -> None:
    assert quote_gaps(fallback, ONE, TWO) == []


def test_two_different_statements_are_gaps(fallback) -> None:
    assert len(quote_gaps(fallback, ONE, OTHER)) == 2


def test_content_stems_meet_across_wordings() -> None:
    shared = content_stems("ستجعل مصر أكثر أمنا") & content_stems("سيجعل مصر أكثر أمانا")
    assert len(shared) >= 3


def test_a_stray_closing_mark_does_not_make_the_narrative_a_quotation(fallback) -> None:
    from checker.api import extract

    text = (
        'ودعا أن يديم على هذه البلاد المباركة أمنها واستقرارها". واستهل والد الشهيد حديثه مع الأمير بالشكر '
        'وقال: "إن ابني قدم روحه فداء للوطن ونحن فخورون به جميعا". وقال الوزير: "...وسنواصل العمل حتى نهاية العام".'
    )
    quotes = [f.text for f in extract(make_article("a", text, published=DAY), analyzer=fallback) if f.type == "quote"]
    assert quotes == ["إن ابني قدم روحه فداء للوطن ونحن فخورون به جميعا", "...وسنواصل العمل حتى نهاية العام"]


def test_a_quotation_another_article_gives_as_reported_speech_is_no_gap(fallback) -> None:
    quoted = (
        'وقال مدير المعرض: "المعرض يدعم التحول بالمملكة إلى مملكة الطاقة المستدامة، '
        'وتمكين شباب اليوم ليصبحوا مبتكري الغد في هذا القطاع".'
    )
    reported = (
        "وأكد مدير المعرض أن المعرض سيدعم تحول المملكة إلى الطاقة المستدامة، "
        "ويمكن الشباب من أن يصبحوا مبتكرين في القطاع مستقبلا."
    )
    assert quote_gaps(fallback, quoted, reported) == []


def test_a_long_statement_retold_with_most_of_its_words_is_echoed() -> None:
    from checker.extract.quotes import _content_words, echoed
    from checker.text.chars import match_key

    quote = match_key(
        "سيعقد الوزير اجتماعا ثلاثيا مع نظيريه الأميركي والسعودي في الدوحة لبحث الأزمة السورية والملف اليمني والعراقي"
    )
    other = _content_words(
        match_key("يعقد في الدوحة اجتماع ثلاثي سعودي أميركي روسي لبحث الأزمة السورية على مستوى الوزراء")
    )
    assert echoed(quote, other)


def test_a_short_quotation_sharing_four_words_is_not_echoed() -> None:
    from checker.extract.quotes import _content_words, echoed
    from checker.text.chars import match_key

    quote = match_key("شرف عظيم أن يكتمل اتفاق ميلانو مع الرئيس برلسكوني")
    other = _content_words(match_key("وقع برلسكوني الرئيس السابق اتفاقا مبدئيا لبيع حصة من ميلانو"))
    assert not echoed(quote, other)


MOURINHO_A = (
    'وقال المدرب جوزيه مورينيو إن الفريق جاهز للموسم الجديد. وأضاف "بعد مشاركة فالكاو أصبح الفريق يلعب '
    'بشكل مباشر وبصورة أفضل. نجحا في تقارب الخطوط واللعب في نصف ملعب المنافس. واحتفظ فالكاو بالكرة بطريقة جيدة."'
)
MOURINHO_B = (
    'وقال المدرب جوزيه مورينيو "منذ إشراك فالكاو أصبح الفريق أكثر فعالية وخطورة على المرمى، لقد أغلق اللاعبون '
    'جميع المنافذ وجعلوا الكرة في نصف ملعب برشلونة بصورة دائمة، وتحكم فالكاو بالكرة بصورة جيدة للغاية".'
)


def test_a_quotation_after_wa_adaf_is_the_last_speakers(fallback) -> None:
    from checker.api import extract, make_article

    quotes = [f for f in extract(make_article("a", MOURINHO_A), fallback) if f.type == "quote"]
    assert [q.key for q in quotes] == ["مورينيو"]


def test_two_looser_translations_of_one_statement_are_no_gaps(fallback) -> None:
    import datetime as dt

    from checker.api import compare, make_article

    day = dt.date(2015, 8, 2)
    r = compare([make_article("a", MOURINHO_A, published=day), make_article("b", MOURINHO_B, published=day)], fallback)
    assert not [f.message for f in r.findings if f.rule == "GP104"]
