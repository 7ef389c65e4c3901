"""A day word read against a date stamp that may be a day late (issue 7): «اليوم» a day after another
outlet's «أمس» is CT107 (a stale day word), not CT102, unless the articles' other day words show their
stamps in step; an article's weekdays show the day it was written."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, extract, make_article

SUNDAY = dt.date(2015, 8, 2)


def _rules(fallback, *texts: str) -> list[str]:
    arts = [make_article(f"a{i}", t, published=SUNDAY) for i, t in enumerate(texts)]
    return sorted(f.rule for f in compare(arts, analyzer=fallback).findings if f.kind == "contradiction")


def test_today_against_yesterday_is_a_stale_day_word(fallback) -> None:
    found = _rules(
        fallback,
        "بدأت اليوم محطات توزيع الوقود في دولة الإمارات ببيع البنزين بالأسعار الجديدة.",
        "بدأت أمس محطات توزيع الوقود في دولة الإمارات ببيع البنزين بالأسعار الجديدة.",
    )
    assert found == ["CT107"]


def test_yesterday_against_the_day_before_stays_a_contradiction(fallback) -> None:
    found = _rules(
        fallback,
        "وهبطت الطائرة الأولى في شمال محافظة بارق أمس بمرافقة عدد من أقارب الشهيد.",
        "وهبطت الطائرة الأولى في شمال محافظة بارق أول أمس بمرافقة عدد من أقارب الشهيد.",
    )
    assert found == ["CT102"]


def test_articles_in_step_on_another_event_keep_the_split_a_contradiction(fallback) -> None:
    # both date the decision «اليوم»: their stamps agree, so «تداولات اليوم / الغد» is a real split
    lead = "وأصدرت هيئة السوق المالية قرارا اليوم بعد إعلان نتائج الشركة المالية للربع الثاني. "
    found = _rules(
        fallback,
        lead + "وتستأنف الشركة التداول على أسهمها ابتداء من تداولات اليوم في السوق المالية.",
        lead + "وتستأنف الشركة التداول على أسهمها ابتداء من تداولات الغد في السوق المالية.",
    )
    assert found == ["CT102"]


def test_a_weekday_beside_a_day_word_dates_the_articles_other_day_words(fallback) -> None:
    text = "ويلتقي الفريقان غدا الأحد على ملعب ويمبلي. وقال المدرب إن فريقه جاهز لمباراة الغد."
    facts = [f for f in extract(make_article("a", text, published=SUNDAY), fallback) if f.type == "date"]
    tomorrow = next(f for f in facts if f.text == "الغد")
    assert tomorrow.value["first"] == "2015-08-02" and tomorrow.attr("weekday_dated")
    # a weekday that fits the stamp leaves the other day words as they are
    text = "ويلتقي الفريقان غدا الاثنين على ملعب ويمبلي. وقال المدرب إن فريقه جاهز لمباراة الغد."
    facts = [f for f in extract(make_article("a", text, published=SUNDAY), fallback) if f.type == "date"]
    assert next(f for f in facts if f.text == "الغد").value["first"] == "2015-08-03"


def test_one_split_in_two_sentences_of_the_same_copies_is_one_finding(fallback) -> None:
    a = "أدت جموع المصلين عقب صلاة عصر اليوم صلاة الميت على الشهيد. وقام المدير العام اليوم بزيارة المصاب."
    b = "أدت جموع المصلين عقب صلاة عصر أمس صلاة الميت على الشهيد. وقام المدير العام أمس بزيارة المصاب."
    arts = [make_article(f"a{i}", t, published=SUNDAY) for i, t in enumerate((a, b))]
    found = [f for f in compare(arts, analyzer=fallback).findings if f.kind == "contradiction"]
    assert [f.rule for f in found] == ["CT107"]
    assert len(found[0].evidence) == 4  # both sentences' day words, in both copies


def test_the_night_before_last_and_the_afternoon(fallback) -> None:
    facts = extract(
        make_article("a", "احتفت المؤسسة البارحة الأولى في بوسطن، وصلى المصلون عصر اليوم.", published=SUNDAY), fallback
    )
    shown = {f.text: f.display for f in facts if f.type == "date"}
    assert shown["البارحة الأولى"] == "2015-07-31"
    assert shown["اليوم"] == "2015-08-02 (afternoon)"


def test_a_split_names_every_article_on_each_side(fallback) -> None:
    s = "وهبطت الطائرة الأولى في شمال محافظة بارق {} بمرافقة عدد من أقارب الشهيد. وهبطت الثانية في القنفذة ليلة الجمعة."
    days = ["أمس", "أمس", "أول أمس", "أول أمس", "أول أمس"]
    arts = [make_article(f"a{i}", s.format(d), published=SUNDAY) for i, d in enumerate(days)]
    found = [f for f in compare(arts, analyzer=fallback).findings if f.rule == "CT102"]
    assert len(found) == 1
    assert {e.article for e in found[0].evidence} == {"a0", "a1", "a2", "a3", "a4"}, found[0].message
    # a mention's parallel mentions that agree with it are kept, to be shown on its side
    from checker.engine.parallel import parallel_conflicts
    from checker.facts import compare as compare_values
    from checker.facts.base import Tolerance

    facts = [f for a in arts for f in extract(a, fallback) if f.type == "date"]
    odd = parallel_conflicts(facts, {}, lambda x, y: compare_values(x.first, y.first, Tolerance()), 0.5)
    assert any(p.mention.article == "a0" and [c.article for c in p.agree] == ["a1"] for p in odd)


def test_one_side_of_a_split_is_not_listed_again_as_an_agreement(fallback) -> None:
    s = "وهبطت الطائرة الأولى في شمال محافظة بارق {} بمرافقة عدد من أقارب الشهيد. وهبطت الثانية في القنفذة ليلة الجمعة."
    days = ["أمس", "أمس", "أول أمس", "أول أمس", "أول أمس"]
    arts = [make_article(f"a{i}", s.format(d), published=SUNDAY) for i, d in enumerate(days)]
    findings = compare(arts, analyzer=fallback).findings
    split = {(e.article, e.start) for f in findings if f.rule == "CT102" for e in f.evidence}
    assert split
    repeated = [f for f in findings if f.rule == "AG102" and all((e.article, e.start) in split for e in f.evidence)]
    assert not repeated, [f.message for f in repeated]
    assert any(f.rule == "AG102" for f in findings)  # the second landing's agreement stays
