"""Days and dates across articles (issue 7), on sentences written for the test: each date mention is
compared with its parallel mention in the other articles, a day word is exact against a known
publication date even beside a weekday, and a sentence that states two dates is not one changed."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import compare, extract, make_article

SUNDAY = dt.date(2015, 8, 2)


def run(fallback, *texts: str, published: dt.date = SUNDAY):
    arts = [make_article(f"a{i}", t, published=published) for i, t in enumerate(texts)]
    return compare(arts, analyzer=fallback)


def contradictions(report) -> list[set[tuple[str, str]]]:
    return [{(e.article, e.text) for e in f.evidence} for f in report.findings if f.kind == "contradiction"]


VISIT = (
    "وصل وزير الصحة إلى مدينة أبها اليوم في زيارة رسمية للمنطقة. "
    "وافتتح الوزير {} مستشفى الولادة الجديد بحضور أمير المنطقة وعدد من المسؤولين في القطاع الصحي."
)


def test_a_day_word_changed_in_one_of_several_mentions_contradicts(fallback) -> None:
    r = run(fallback, VISIT.format("اليوم"), VISIT.format("أمس"), VISIT.format("اليوم"))
    found = contradictions(r)
    assert len(found) == 1, found
    assert ("a1", "أمس") in found[0] and ("a0", "اليوم") in found[0] and ("a2", "اليوم") in found[0]
    assert [f.rule for f in r.findings if f.kind == "contradiction"] == ["CT102"]


def test_unchanged_day_words_do_not_contradict(fallback) -> None:
    assert not contradictions(run(fallback, VISIT.format("اليوم"), VISIT.format("اليوم")))


def test_two_articles_against_three_are_one_finding(fallback) -> None:
    r = run(fallback, *(VISIT.format(w) for w in ("اليوم", "أمس", "اليوم", "أمس", "اليوم")))
    found = contradictions(r)
    assert len(found) == 1, found
    assert {("a1", "أمس"), ("a3", "أمس")} <= found[0]


def test_a_weekday_changed_into_another_events_day_contradicts(fallback) -> None:
    # أمس and السبت الماضي are both Saturday 1 August: one value, two events of the article
    story = (
        "عاد فريق الإنقاذ إلى قاعدته أمس بعد انتهاء مهمته في الجبال. "
        "وكان المتسلقون الثلاثة قد فقدوا يوم {} الماضي أثناء صعودهم قمة جبل السودة جنوب المملكة."
    )
    r = run(fallback, story.format("الجمعة"), story.format("السبت"))
    found = contradictions(r)
    assert any(("a1", "يوم السبت الماضي") in ev and ("a0", "يوم الجمعة الماضي") in ev for ev in found), found


def test_a_day_word_beside_a_weekday_is_exact_against_the_publication_date(fallback) -> None:
    said = "وأعلنت الشركة {} نتائجها المالية للربع الثاني من العام وسط تراجع في أسعار النفط."
    # أمس الأحد in a Sunday's article: the weekday agrees with اليوم الأحد, the day word does not
    r = run(fallback, said.format("اليوم الأحد"), said.format("أمس الأحد"))
    found = contradictions(r)
    assert found and ("a1", "أمس الأحد") in found[0], found
    assert "by the day word" in next(f.message for f in r.findings if f.kind == "contradiction")
    assert not [f for f in r.findings if f.kind == "agreement" and f.fact == "date"]
    # اليوم الاثنين in a Sunday's article against غدا الاثنين: the same weekday, another day word
    found = contradictions(run(fallback, said.format("غدا الاثنين"), said.format("اليوم الاثنين")))
    assert found and ("a1", "اليوم الاثنين") in found[0], found


def test_an_earlier_weekday_beside_today_may_be_a_crawl_date(fallback) -> None:
    # اليوم السبت in an article dated Sunday was written on Saturday (the date is when it was
    # fetched): it agrees with أمس in an article of that Sunday
    said = "وأعلنت الشركة {} نتائجها المالية للربع الثاني من العام وسط تراجع في أسعار النفط."
    r = run(fallback, said.format("اليوم السبت"), said.format("أمس"))
    assert not contradictions(r)


def test_today_against_today_with_an_earlier_weekday_differs_only_by_the_stamp(fallback) -> None:
    # both say اليوم, both are stamped Sunday; the weekday one article adds says Saturday, so the
    # stamp may be a crawl date: the other article's اليوم may be that Saturday too
    said = "وشهد مقر متجر النادي مساء {} إقبالا كبيرا من الجماهير مع أول يوم لبيع الأطقم الجديدة للفريق."
    assert not contradictions(run(fallback, said.format("اليوم"), said.format("اليوم السبت")))
    # a later weekday cannot come from a crawl date: the article contradicts itself and the other
    found = contradictions(run(fallback, said.format("اليوم"), said.format("اليوم الاثنين")))
    assert found and ("a1", "اليوم الاثنين") in found[0], found
    # the same earlier weekday against another day word is still compared by the weekday
    found = contradictions(run(fallback, said.format("أمس الأول"), said.format("اليوم السبت")))
    assert found, found


def test_a_sentence_with_two_dates_is_not_one_date_changed(fallback) -> None:
    a = "وبلغ عدد الصفقات المنفذة خلال شهر يوليو 2015م نحو 1.6 مليون صفقة مقابل 2.1 مليون صفقة خلال شهر يونيو 2015م."
    b = "وبلغ عدد الصفقات المنفذة خلال شهر يونيو 2015م نحو 2.1 مليون صفقة مقابل 1.6 مليون صفقة خلال شهر يوليو 2015م."
    r = run(fallback, a, b)
    assert not [f for f in r.findings if f.kind == "contradiction" and f.fact == "date"]


def test_a_changed_year_beside_the_current_year_contradicts(fallback) -> None:
    said = "وسجلت الشركة خسائر بلغت 945 مليون ريال خلال النصف الأول من العام الحالي {}م، مقابل أرباح في العام الماضي."
    r = run(fallback, said.format("2015"), said.format("2016"), said.format("2015"))
    found = contradictions(r)
    assert any(("a1", "2016م") in ev for ev in found), found


def test_a_date_one_article_leaves_out_of_a_sentence_is_no_contradiction(fallback) -> None:
    a = "وصل وفد الاتحاد الأوروبي إلى الرياض أمس في زيارة تستمر يومين ويلتقي خلالها وزير الخارجية اليوم."
    b = "وصل وفد الاتحاد الأوروبي إلى الرياض في زيارة تستمر يومين ويلتقي خلالها وزير الخارجية اليوم."
    assert not contradictions(run(fallback, a, b))


def test_one_of_two_day_words_of_a_sentence_changed_contradicts(fallback) -> None:
    said = (
        "وشهدت تداولات {} ارتفاع أسهم 3 شركات فقط وتراجع أسهم 161 شركة، وبلغ عدد الأسهم المتداولة اليوم 187 مليون سهم."
    )
    found = contradictions(run(fallback, said.format("اليوم"), said.format("أمس")))
    assert found and ("a1", "أمس") in found[0], found


def test_the_month_before_counts_from_the_month_discussed(fallback) -> None:
    # «الشهر السابق» after «لشهر يوليو» is June, whatever the publication date
    a = "وسجل مؤشر مديري المشتريات لشهر يوليو 50 نقطة، بانخفاض عن الشهر السابق الذي سجل فيه 50.2 نقطة."
    b = "وسجل مؤشر مديري المشتريات لشهر يوليو 50 نقطة، بانخفاض عن يونيو الماضي الذي سجل فيه 50.2 نقطة."
    r = run(fallback, a, b)
    assert not [f for f in r.findings if f.kind == "contradiction" and f.fact == "date"]


def test_a_day_word_against_an_earlier_date_in_alike_words_is_two_events(fallback) -> None:
    a = "ومثل المتهم أمام المحكمة الفدرالية في نيويورك أمس ودفع ببراءته من تهم الفساد والرشوة."
    b = (
        "ومثل المتهم الثاني أمام القاضي أمس. وكان المتهم الأول قد مثل أمام المحكمة الفدرالية في نيويورك "
        "خلال جلسة 18 يوليو ودفع ببراءته من تهم الفساد والرشوة."
    )
    assert not contradictions(run(fallback, a, b))


RESCUE = (
    "انتشلت فرق الدفاع المدني {} جثة شاب سقط في بئر مهجورة شرق المدينة. "
    "وقال المتحدث الرسمي إن الفرق باشرت البحث فور تلقي البلاغ من ذوي الشاب."
)


def test_morning_against_evening_of_the_same_day_contradicts(fallback) -> None:
    found = contradictions(run(fallback, RESCUE.format("مساء اليوم"), RESCUE.format("صباح اليوم")))
    assert len(found) == 1, found
    assert {("a0", "اليوم"), ("a1", "اليوم")} <= found[0]


def test_neighbouring_or_unstated_parts_of_the_day_do_not_contradict(fallback) -> None:
    for a, b in [("مساء اليوم", "اليوم ليلا"), ("اليوم", "صباح اليوم"), ("ظهر اليوم", "اليوم عصرا")]:
        assert not contradictions(run(fallback, RESCUE.format(a), RESCUE.format(b))), (a, b)


def test_the_part_of_the_day_is_shown_with_the_date(fallback) -> None:
    r = run(fallback, RESCUE.format("ومساء أمس"), RESCUE.format("أمس صباحاً"))
    shown = [f.message for f in r.findings if f.rule == "CT102"]
    assert shown and "(evening)" in shown[0] and "(morning)" in shown[0], shown


def test_a_weekday_alone_may_be_next_weeks(fallback) -> None:
    s = "يدشن أمير المنطقة المبنى الجديد لإدارة الزراعة {} ويرعى حفل يوم النحال الوطني في أبها."
    assert not contradictions(run(fallback, s.format("الثلاثاء المقبل"), s.format("الثلاثاء")))
    assert contradictions(run(fallback, s.format("الثلاثاء المقبل"), s.format("الأربعاء")))


def test_the_day_of_a_statement_is_not_the_day_of_the_event_it_announces(fallback) -> None:
    a = "وقالت وزارة الخارجية الروسية أمس السبت إن الوزير سيعقد اجتماعا ثلاثيا مع نظيريه في الدوحة."
    b = "ويعقد وزير الخارجية الروسي اجتماعا ثلاثيا مع نظيريه في الدوحة اليوم وفق ما أعلنته الوزارة."
    assert not contradictions(run(fallback, a, b))
    said = "وقالت وزارة الخارجية الروسية {} إن الوزير سيعقد اجتماعا ثلاثيا مع نظيريه في الدوحة."
    assert contradictions(run(fallback, said.format("أمس السبت"), said.format("اليوم الأحد")))


def test_an_offset_from_an_event_is_not_a_date(fallback) -> None:
    from checker.api import extract_facts, make_article

    text = "وجاء ذلك بعد يوم واحد من تأكيد وفاة زعيم الحركة، فيما سيصل الوفد بعد يومين."
    dates = [
        f.text for f in extract_facts(make_article("a", text, published=SUNDAY), analyzer=fallback) if f.type == "date"
    ]
    assert dates == ["بعد يومين"], dates


def test_a_day_inside_a_week_fits_it_but_is_no_agreement(fallback) -> None:
    a = "وأزالت السلطات خلال الأسبوع الجاري عددا من المباني المخالفة في المدينة القديمة."
    b = "وأزالت السلطات الجمعة عددا من المباني المخالفة في المدينة القديمة."
    r = run(fallback, a, b)
    assert not contradictions(r)
    assert not [f for f in r.findings if f.kind == "agreement" and f.fact == "date"]
    # the same day twice is an agreement
    r = run(fallback, b, b.replace("الجمعة", "يوم الجمعة"))
    assert [f for f in r.findings if f.kind == "agreement" and f.fact == "date"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ويدشن أمير المنطقة الثلاثاء المبنى الجديد للجامعة.", "2015-08-04"),  # imperfect: the coming one
        ("وسيرعى الأمير الثلاثاء حفل التخرج.", "2015-08-04"),  # future
        ("ودشن أمير المنطقة الثلاثاء المبنى الجديد للجامعة.", "2015-07-28"),  # perfect: the last one
        ("تقرير صدر الثلاثاء عن الوزارة.", "2015-07-28"),  # a noun opens the clause, not a verb
    ],
)
def test_a_bare_weekday_in_a_clause_about_what_is_to_come_is_the_coming_one(fallback, text: str, day: str) -> None:
    dates = [
        f.display for f in extract(make_article("a", text, published=dt.date(2015, 8, 2)), fallback) if f.type == "date"
    ]
    assert dates == [day]


def test_the_current_month_after_a_hijri_date_is_the_hijri_month(fallback) -> None:
    hijri = "أعلنت الوزارة الأحد 17/10/1436هـ أن المشروع ينتهي نهاية الشهر الجاري."
    facts = extract(make_article("a", hijri, published=SUNDAY), fallback)
    end = next(f for f in facts if f.text == "نهاية الشهر الجاري")
    assert (end.value["first"], end.value["last"]) == ("2015-08-06", "2015-08-15")  # the end of Shawwal 1436
    plain = "أعلنت الوزارة اليوم أن المشروع ينتهي نهاية الشهر الجاري."
    end = next(f for f in extract(make_article("a", plain, published=SUNDAY), fallback) if f.text.startswith("نهاية"))
    assert end.value["last"] == "2015-08-31"  # no Hijri date before: the Gregorian month
    report = run(fallback, hijri, "أعلنت الوزارة الأحد أن المشروع ينتهي نهاية شهر شوال.")
    assert not contradictions(report)
